"""Derive configs/calibration/retirement.csv (statutory age path) and retirement_exit.csv (early exit).

retirement.csv: statutory pension age by year, law of 10 August 2015 (found: easypay-group.com,
lexgo.be, see calibration-figures.md s.7): 65 for pensions starting up to January 2025, 66 from
1 February 2025, 67 from 1 February 2030. Rounding to whole model years: a year takes the age that is
in force for most of it (11 of 12 months), so 2025-2029 = 66 and 2030 onward = 67.

retirement_exit.csv: annual probability that a person aged `age` (55..66) who is employed or
unemployed takes an (early) pension that year, used only while age < statutory age.
Early pension in Belgium requires a long career (63 with 42 years, or 60 with 44 years, 61 with 43
in the 2019+ rules; found: calibration-figures.md s.7), so the hazard is small before 60, jumps at 60
and again at 63. Shape (relative hazards) is an assumption; the scale is solved by bisection so that,
in a stationary cohort of people in work at 55 (ignoring mortality and moves into inactivity), the
mid-year share retired at 60-64 equals the share implied by labour_status.csv:
retired / (employed + unemployed + retired) at 60-64, by sex. ER 55-64 = 60.8% is built into
labour_status.csv; this table makes the dynamics consistent with it.
Ages 65 and 66 take the age-64 hazard (relevant once the statutory age is 66/67).
Run: /usr/bin/python3 tools/calibration/make_retirement.py
"""
import os

from pop_common import CALIB, EDUS, bisect, read_commented_csv, write_table
from make_labour_status import cells

SHAPE = {55: 0.02, 56: 0.02, 57: 0.02, 58: 0.03, 59: 0.04, 60: 0.30, 61: 0.30, 62: 0.35, 63: 0.60, 64: 0.60}


def hazards(k):
    h = {a: min(0.95, k * s) for a, s in SHAPE.items()}
    h[65] = h[64]
    h[66] = h[64]
    return h


def share_retired(h, lo, hi):
    """Mean over ages lo..hi of the mid-year share retired among those in work at 55."""
    surv = 1.0
    tot = 0.0
    for a in range(55, hi + 1):
        mid = surv * (1 - h[a] / 2)
        if a >= lo:
            tot += 1 - mid
        surv *= 1 - h[a]
    return tot / (hi - lo + 1)


def main():
    years = []
    for y in range(2024, 2051):
        age = 65 if y < 2025 else (66 if y < 2030 else 67)
        if y == 2024:
            src = "law of 10 Aug 2015: 65 for pensions starting up to Jan 2025"
        elif y < 2030:
            src = "law of 10 Aug 2015: 66 from 1 Feb 2025 (whole year rounded to 66: in force 11 of 12 months)"
        else:
            src = "law of 10 Aug 2015: 67 from 1 Feb 2030 (whole year rounded to 67 from 2030)"
        years.append([y, age, src])
    write_table("retirement.csv", [
        "retirement.csv - statutory (legal) pension age by calendar year, Belgium (applies to the Flemish Region).",
        "Law of 10 August 2015: 65 up to January 2025, 66 from 1 February 2025, 67 from 1 February 2030.",
        "Rounded to whole model years by the age in force for most of the year. Written by",
        "tools/calibration/make_retirement.py.",
    ], ["year", "statutory_age", "source"], years)

    N = cells()
    rows_ls = read_commented_csv(os.path.join(CALIB, "labour_status.csv"))
    st = {(r["age_band"], r["sex"], r["education"]): r for r in rows_ls}
    out = []
    for sex in ("male", "female"):
        num = den = 0.0
        for e in EDUS:
            r = st[("60-64", sex, e)]
            n = N[((60, 64), sex, e)]
            ret = float(r["retired"])
            act = float(r["employed"]) + float(r["unemployed"])
            num += n * ret
            den += n * (ret + act)
        target = num / den
        k = bisect(lambda k: share_retired(hazards(k), 60, 64) - target, 0.01, 3.0)
        h = hazards(k)
        print("%-6s target retired/(E+U+R) 60-64 = %.3f  scale %.3f  achieved %.3f; 55-59 %.3f" % (
            sex, target, k, share_retired(h, 60, 64), share_retired(h, 55, 59)))
        for a in range(55, 67):
            src = ("derived: assumed shape scaled to labour_status.csv 60-64 retired share "
                   "(make_retirement.py)")
            if a >= 65:
                src = "assumption: same as age 64; applies only while statutory age > age"
            out.append([a, sex, "%.4f" % h[a], src])
    write_table("retirement_exit.csv", [
        "retirement_exit.csv - annual probability that a person aged `age` who is employed or unemployed",
        "takes an early pension that year (applies while age < statutory age). Flemish Region, base 2024.",
        "Derived by tools/calibration/make_retirement.py: relative age shape (assumption: small before 60,",
        "step at 60 (44-year careers) and at 63 (42-year careers)) scaled so that a stationary cohort",
        "reproduces the retired share of the active-or-retired 60-64 in labour_status.csv (which itself",
        "reproduces ER 55-64 = 60.8%). Mortality and moves into inactivity are ignored in that check.",
    ], ["age", "sex", "exit_rate", "source"], out)


if __name__ == "__main__":
    main()
