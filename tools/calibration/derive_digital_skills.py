#!/usr/bin/python3
"""Derive configs/calibration/digital_skills.csv.

Levels (Eurostat/OECD digital-skills indicator mapped to the model's four levels):
  none       = below basic (no or low digital skills),
  basic      = basic overall digital skills,
  advanced   = above basic, not an ICT specialist,
  specialist = ICT specialist (a subset of above-basic users).
Construction (all assumptions stated in the header):
  P(at least basic | edu, age) = logistic(c + b_edu + g_age); b_edu set from the BE 2021
    education gaps (low 26%, high 77% vs 54% overall, in logits), g_age an assumed decline after
    45; c chosen so that the population-weighted VG share is 61% (2023).
  P(above basic | edu, age) = P(at least basic) * r_edu * r_age * k, k chosen so that the
    population share above basic is ABOVE_BASIC.
  P(specialist | edu, age) proportional to employment rate x education and age weights, scaled
    so specialists are 5.4% of employment (BE 2023) and capped at 60% of above-basic users.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import write_table, f6  # noqa: E402

AGES = ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
EDU = ["low", "middle", "high"]
# Population weights (assumption; VG 15-74, approximate age structure and education by age,
# consistent with VG 15-64 education 22.5/40.6/36.9% in 2019, Statistiek Vlaanderen).
AGE_W = {"15-24": 0.15, "25-34": 0.16, "35-44": 0.17, "45-54": 0.17, "55-64": 0.19, "65+": 0.16}
assert abs(sum(AGE_W.values()) - 1) < 1e-9
EDU_BY_AGE = {"15-24": (0.40, 0.46, 0.14), "25-34": (0.11, 0.37, 0.52), "35-44": (0.13, 0.37, 0.50),
              "45-54": (0.19, 0.42, 0.39), "55-64": (0.29, 0.41, 0.30), "65+": (0.45, 0.33, 0.22)}
# Employment rates by cell (assumption, VG 2023 order of magnitude: ER low 52.6 / mid 78.0 /
# high 90.8% for 25-64; 15-24 and 65+ much lower).
ER_AGE = {"15-24": 0.30, "25-34": 0.88, "35-44": 0.90, "45-54": 0.88, "55-64": 0.62, "65+": 0.06}
ER_EDU = {"low": 0.70, "middle": 1.00, "high": 1.12}
TARGET_BASIC = 0.61        # VG 2023, 16-74, at least basic (journalenligne.net / Statbel)
ABOVE_BASIC = 0.28         # assumption: BE at EU average for above basic (Digital Decade 2023); EU ~26-28%
ICT_SPEC_EMP = 0.054       # BE 2023 share of employment (Digital Decade 2024)
LOGIT_EDU = {"low": -1.21, "middle": -0.05, "high": 1.05}   # BE 2021: logit(0.26)-logit(0.54) etc.
LOGIT_AGE = {"15-24": 0.70, "25-34": 0.70, "35-44": 0.40, "45-54": 0.0, "55-64": -0.55, "65+": -1.10}
R_EDU = {"low": 0.45, "middle": 0.85, "high": 1.20}          # above-basic share among >=basic
R_AGE = {"15-24": 1.25, "25-34": 1.25, "35-44": 1.10, "45-54": 0.95, "55-64": 0.75, "65+": 0.55}
S_EDU = {"low": 0.03, "middle": 0.35, "high": 1.0}            # ICT-specialist propensity
S_AGE = {"15-24": 0.8, "25-34": 1.35, "35-44": 1.2, "45-54": 0.9, "55-64": 0.55, "65+": 0.3}


def logistic(x):
    return 1 / (1 + math.exp(-x))


def cells():
    for a in AGES:
        for k, e in enumerate(EDU):
            yield a, e, AGE_W[a] * EDU_BY_AGE[a][k]


def solve(f, lo, hi, target):
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def main():
    W = list(cells())
    # education targets: BE 2021 gaps in logits (low 26%, high 77% vs 54% overall) moved to the
    # VG 2023 overall level of 61%
    lt = math.log(TARGET_BASIC / (1 - TARGET_BASIC))
    edu_target = {"low": logistic(lt + math.log(.26 / .74) - math.log(.54 / .46)),
                  "high": logistic(lt + math.log(.77 / .23) - math.log(.54 / .46))}
    for _ in range(200):      # fit the education logits to these conditional margins
        basic_pop = lambda c: sum(w * logistic(c + LOGIT_EDU[e] + LOGIT_AGE[a]) for a, e, w in W)
        c = solve(basic_pop, -5, 5, TARGET_BASIC)
        for e in ("low", "high"):
            we = sum(w for a, ee, w in W if ee == e)
            got = sum(w * logistic(c + LOGIT_EDU[e] + LOGIT_AGE[a]) for a, ee, w in W if ee == e) / we
            LOGIT_EDU[e] += 0.5 * (math.log(edu_target[e] / (1 - edu_target[e])) - math.log(got / (1 - got)))
    print("education targets (at least basic): low %.3f high %.3f" % (edu_target["low"], edu_target["high"]))
    pb = {(a, e): logistic(c + LOGIT_EDU[e] + LOGIT_AGE[a]) for a, e, _ in W}
    above_pop = lambda k: sum(w * min(0.95, k * R_EDU[e] * R_AGE[a]) * pb[(a, e)] for a, e, w in W)
    k = solve(above_pop, 0, 2, ABOVE_BASIC)
    pa = {(a, e): min(0.95, k * R_EDU[e] * R_AGE[a]) * pb[(a, e)] for a, e, _ in W}
    er = {(a, e): min(0.97, ER_AGE[a] * ER_EDU[e]) for a, e, _ in W}
    emp = sum(w * er[(a, e)] for a, e, w in W)
    spec_emp = lambda s: sum(w * min(0.6 * pa[(a, e)], s * er[(a, e)] * S_EDU[e] * S_AGE[a])
                             for a, e, w in W) / emp
    s = solve(spec_emp, 0, 5, ICT_SPEC_EMP)
    ps = {(a, e): min(0.6 * pa[(a, e)], s * er[(a, e)] * S_EDU[e] * S_AGE[a]) for a, e, _ in W}

    tot = lambda d: sum(w * d[(a, e)] for a, e, w in W)
    print("at least basic 16-74: %.3f (target %.2f)" % (tot(pb), TARGET_BASIC))
    for e in EDU:
        we = sum(w for a, ee, w in W if ee == e)
        print("  %s: %.3f" % (e, sum(w * pb[(a, ee)] for a, ee, w in W if ee == e) / we))
    print("above basic: %.3f (target %.2f)" % (tot(pa), ABOVE_BASIC))
    print("ICT specialists / employment: %.4f (target %.3f); share high-educated %.2f; share <45 %.2f" % (
        sum(w * ps[(a, e)] for a, e, w in W) / emp, ICT_SPEC_EMP,
        sum(w * ps[(a, e)] for a, e, w in W if e == "high") / tot(ps),
        sum(w * ps[(a, e)] for a, e, w in W if a in ("15-24", "25-34", "35-44")) / tot(ps)))
    w1665 = [(a, e, w) for a, e, w in W if a != "65+"]
    print("none among 15-64: %.3f (PIAAC-type 'not comfortable with ICT' 16-65: 0.19 is a subset)" % (
        sum(w * (1 - pb[(a, e)]) for a, e, w in w1665) / sum(w for _, _, w in w1665)))

    rows = []
    for e in EDU:
        for a in AGES:
            spec = ps[(a, e)]
            adv = pa[(a, e)] - spec
            basic = pb[(a, e)] - pa[(a, e)]
            none = 1 - pb[(a, e)]
            v = [round(x, 6) for x in (none, basic, adv, spec)]
            i = max(range(4), key=lambda j: v[j])
            v[i] = round(v[i] + round(1 - sum(v), 6), 6)
            rows.append([e, a] + [f6(x) for x in v] +
                        ["model: logistic fit to Statbel/Eurostat ICT survey margins (see header)"])
    header = [
        "digital_skills.csv - distribution over digital skill levels by education and age band.",
        "Unit: fractions of the population in the cell (rows sum to 1). Flemish Region, base year 2024.",
        "Derived by tools/calibration/derive_digital_skills.py. Level mapping: none = below basic (no or",
        "low skills, Eurostat isoc_sk_dskl_i21); basic = basic; advanced = above basic, not ICT specialist;",
        "specialist = ICT specialist (subset of above basic).",
        "Targets: at least basic 16-74 VG 61% (2023, Statbel via journalenligne.net); education gap from BE",
        "  2021 (low 26%, high 77%, Statbel 'Education and income determine digital skills'), kept in logits;",
        "  above basic %.0f%% (assumption: BE at EU average, Digital Decade 2023; exact BE value not found);" % (100 * ABOVE_BASIC),
        "  ICT specialists 5.4% of employment (BE 2023, Digital Decade 2024), mostly high-educated and <45.",
        "Age profile (decline after 45) and population/employment weights by cell: assumptions (see script).",
        "Check: the 19% of Flemings 16-65 'not comfortable with ICT' (PIAAC-type) is a subset of 'none'.",
    ]
    write_table("digital_skills.csv", header,
                ["education", "age_band", "none", "basic", "advanced", "specialist", "source"], rows)


if __name__ == "__main__":
    main()
