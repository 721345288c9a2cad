#!/usr/bin/python3
"""Derive configs/calibration/wage_deciles.csv and configs/calibration/wage_structure.csv.

wage_deciles: Statbel full-time gross monthly wages, October 2022 (P10, P50, P90, mean
published). P20..P40 and P60..P80 are not published in the material found; they are
interpolated with log wage linear in the standard-normal score of the percentile, separately
below and above the median (a two-piece lognormal through P10, P50, P90). Each row is also
uprated to 2024 by the January indexations of joint committee 200 (+11.08% on 1 Jan 2023,
+1.48% on 1 Jan 2024); the 2023-24 wage norm left no real margin (0%).

wage_structure: parameters of the log-wage equation
  ln w = c + premium_edu + experience_linear*x + experience_quadratic*x^2 + premium_isco1_g
         + female_gap*female + gap_status + skill_stock_return*(S - mean S) + a_i,
  a_i ~ N(0, individual_effect_sd^2).
Education and occupation premia are the additive two-way decomposition (backfitting on the
education x occupation joint distribution of configs/calibration/occupation_by_education.csv)
that reproduces both the raw education gaps (Statbel) and the raw occupation gaps (assumption,
see RAW_ISCO) at once, so they are not double-counted. individual_effect_sd closes the
variance so that P90/P10 = 2.58 for full-time employees.
"""
import math
import os
import statistics
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import CALIB, read_csv, write_table  # noqa: E402

ND = statistics.NormalDist()
P10, P50, P90, MEAN = 2443.0, 3728.0, 6305.0, 4076.0
IDX_2023, IDX_2024 = 0.1108, 0.0148
UPRATE = (1 + IDX_2023) * (1 + IDX_2024)
SRC_STATBEL = "Statbel, Overview of Belgian wages and salaries, Oct 2022 (statbel.fgov.be)"

# Raw education gaps vs the mean (log): Statbel 2019 release: master's +48%, no diploma -26%;
# Statbel 2016: at most lower secondary -23%; 2013 (deredactie): bachelor +8%.
# Low = average of 'no diploma' and 'at most lower secondary' (-24.5%); middle = -12% and
# high = mix of bachelor (+8%) and master (+48%) at about 45/55 => +30% (assumptions).
RAW_EDU = {"low": math.log(0.755), "middle": math.log(0.88), "high": math.log(1.30)}
# Raw occupation gaps vs the mean (ratio): assumption. No Statbel/SES mean by ISCO major group
# was found; values follow the usual SES ordering, anchored on Statbel 2022 examples (CEOs of
# large firms +189%, childcare workers -37%, waiters/cleaners/hairdressers below EUR 2,700, i.e.
# about -34%) and on white/blue-collar differences.
RAW_ISCO = {1: 1.60, 2: 1.25, 3: 1.05, 4: 0.90, 5: 0.78, 6: 0.80, 7: 0.88, 8: 0.87, 9: 0.75}
EXP_LIN, EXP_QUAD = 0.028, -0.00035
FEMALE_GAP = -0.05
FEMALE_SHARE_FT = 0.40       # assumption: women's share of full-time employees
TARGET_P90_P10 = P90 / P10   # 2.58


def q(p):
    z = ND.inv_cdf(p)
    z10 = ND.inv_cdf(0.10)
    if p <= 0.5:
        return math.exp(math.log(P50) + (math.log(P50) - math.log(P10)) * z / (-z10))
    return math.exp(math.log(P50) + (math.log(P90) - math.log(P50)) * z / (-z10))


def implied_mean():
    s1 = (math.log(P50) - math.log(P10)) / -ND.inv_cdf(0.10)
    s2 = (math.log(P90) - math.log(P50)) / -ND.inv_cdf(0.10)
    return P50 * (math.exp(s1 * s1 / 2) * ND.cdf(-s1) + math.exp(s2 * s2 / 2) * ND.cdf(s2))


def deciles():
    rows = []
    for k in range(1, 10):
        p = k / 10.0
        pub = {1: P10, 5: P50, 9: P90}.get(k)
        v = pub if pub else q(p)
        src = SRC_STATBEL if pub else ("interpolated: log wage linear in normal score between "
                                       "published Statbel P10/P50/P90 (two-piece lognormal)")
        rows.append(("P%d" % (10 * k), v, src))
    rows.append(("mean", MEAN, SRC_STATBEL))
    out = []
    for name, v, src in rows:
        out.append([name, "%.0f" % v, "2022", src])
    for name, v, src in rows:
        out.append([name, "%.0f" % (v * UPRATE), "2024",
                    "2022 value x %.4f (JC 200 indexation +11.08%% Jan 2023, orbiss.be/sfonds200; "
                    "+1.48%% Jan 2024, besox.be; wage norm 2023-24 0%%)" % UPRATE])
    print("implied mean of the two-piece lognormal: %.0f (published %.0f)" % (implied_mean(), MEAN))
    header = [
        "wage_deciles.csv - distribution of gross monthly wages of full-time employees (EUR per month,",
        "FTE; periodic premiums included, 13th month and holiday pay excluded). Belgium, firms >= 10",
        "employees, excluding agriculture, public administration, education and health (Statbel scope).",
        "Derived by tools/calibration/derive_wages.py.",
        "Published (Statbel, Oct 2022): P10 2443, median 3728, P90 6305, mean 4076 (P90/P10 2.58).",
        "P20-P40, P60-P80: NOT found; interpolated with log wage linear in the normal score, separately",
        "  below/above the median (implied mean %.0f vs published 4076: +%.1f%%)." % (
            implied_mean(), 100 * (implied_mean() / MEAN - 1)),
        "2024 rows: 2022 x %.4f = JC 200 (largest joint committee, about 500,000 white-collar workers)" % UPRATE,
        "  indexation of 1 Jan 2023 (+11.08%) and 1 Jan 2024 (+1.48%); the 2023-24 wage norm allowed no",
        "  real increase (0%, known). Pivot-index sectors (public, health; outside Statbel scope) got less",
        "  in this window (about 2% x 3), so the factor is the upper end for the whole economy.",
    ]
    write_table("wage_deciles.csv", header, ["percentile", "monthly_gross_fte_eur", "year", "source"], out)


def two_way(joint):
    """Backfit additive log premia a_e + b_g to raw gaps given joint weights joint[g][e]."""
    edu = ["low", "middle", "high"]
    a = dict(RAW_EDU)
    b = {g: math.log(RAW_ISCO[g]) for g in RAW_ISCO}
    we = {e: sum(joint[g][e] for g in joint) for e in edu}
    wg = {g: sum(joint[g].values()) for g in joint}
    for _ in range(2000):
        for e in edu:
            a[e] = RAW_EDU[e] - sum(joint[g][e] * b[g] for g in joint) / we[e]
        for g in joint:
            b[g] = math.log(RAW_ISCO[g]) - sum(joint[g][e] * a[e] for e in edu) / wg[g]
    # centre occupation premia on zero (employment-weighted); shift into the constant
    mb = sum(wg[g] * b[g] for g in joint)
    b = {g: b[g] - mb for g in b}
    return a, b, we, wg


def structure():
    occ = read_csv(os.path.join(CALIB, "occupation_by_education.csv"))
    from derive_occupation_by_education import EDU_TARGET as edu_mix
    joint = {int(r["isco1"]): {e: float(r[e]) * edu_mix[e] for e in edu_mix} for r in occ}
    a, b, we, wg = two_way(joint)
    prem_mid, prem_high = a["middle"] - a["low"], a["high"] - a["low"]
    # variance of the systematic part for full-time employees
    cells = [(g, e, joint[g][e]) for g in joint for e in edu_mix]
    m = sum(w * (a[e] + b[g]) for g, e, w in cells)
    var_eo = sum(w * (a[e] + b[g] - m) ** 2 for g, e, w in cells)
    xs = [x + 0.5 for x in range(45)]                         # experience ~ uniform 0-45 years
    fx = [EXP_LIN * x + EXP_QUAD * x * x for x in xs]
    var_x = statistics.pvariance(fx)
    var_f = FEMALE_SHARE_FT * (1 - FEMALE_SHARE_FT) * FEMALE_GAP ** 2
    sd_total = math.log(TARGET_P90_P10) / (2 * -ND.inv_cdf(0.10))
    var_sys = var_eo + var_x + var_f
    sd_ind = math.sqrt(sd_total ** 2 - var_sys)
    print("raw->partial education premia (vs low): middle %.3f high %.3f" % (prem_mid, prem_high))
    print("occupation premia:", {g: round(v, 3) for g, v in b.items()})
    print("sd total %.4f; var edu+occ %.4f, exp %.4f, female %.5f -> individual sd %.4f" % (
        sd_total, var_eo, var_x, var_f, sd_ind))
    # checks of the experience profile against Statbel age facts
    mean_f = statistics.mean(fx)
    x40 = EXP_LIN * 40 + EXP_QUAD * 1600 - mean_f
    cross = min(xs, key=lambda x: abs(EXP_LIN * x + EXP_QUAD * x * x - mean_f))
    print("experience profile: x=40 vs mean %+.3f log (Statbel: 60+ earn +31%% vs mean); "
          "crosses the mean at x=%.0f" % (x40, cross))
    print("share of log-wage variance left to the individual effect: %.2f" % (sd_ind ** 2 / sd_total ** 2))

    S = "assumption: "
    rows = [
        ["premium_middle", "%.4f" % prem_mid,
         "Statbel wage releases (master +48%, no diploma -26%, 2019; lower sec. -23%, 2016); partial "
         "premium from two-way decomposition with occupation premia (derive_wages.py)"],
        ["premium_high", "%.4f" % prem_high, "as premium_middle"],
        ["experience_linear", "%.4f" % EXP_LIN,
         S + ("Mincer profile: 40 years of experience earn %+.0f%% vs the mean, crossing the mean at "
              "about %.0f years (Statbel Oct 2022: 60+ earn +31%%, turning point age 40)" % (100 * (math.exp(x40) - 1), cross))],
        ["experience_quadratic", "%.5f" % EXP_QUAD, "as experience_linear (peak at %.0f years)" % (
            -EXP_LIN / (2 * EXP_QUAD))],
    ]
    for g in range(1, 10):
        rows.append(["premium_isco1_%d" % g, "%.4f" % b[g],
                     S + "raw gap ratio %.2f vs mean (SES ordering; Statbel 2022 occupation examples), "
                     "net of education by two-way decomposition, employment-weighted mean 0" % RAW_ISCO[g]])
    rows += [
        ["gap_temporary", "-0.1000",
         S + "temporary-contract hourly pay penalty about 10% (typical EU SES/LFS estimates); not found for BE"],
        ["gap_self_employed", "-0.1000",
         S + "FTE-equivalent earnings of own-account workers below employees; with fewer paid weeks "
         "and dispersion this gives the OECD 'median about half' for non-standard workers"],
        ["gap_platform", "-0.4000",
         S + "platform hourly pay about two thirds of standard (exp(-0.4)=0.67); times lower hours gives "
         "OECD 'non-standard median income about half'"],
        ["female_gap", "%.4f" % FEMALE_GAP,
         S + "conditional full-time gap; raw FT gap 0.6% (2021) to 4.1% (2019) (Statbel) while women are "
         "more often high-educated, so the gap net of education is larger"],
        ["individual_effect_sd", "%.4f" % sd_ind,
         "computed: closes log-wage sd %.4f implied by P90/P10 = 2.58 (Statbel 2022) given the variance of "
         "education, occupation, experience and sex terms (derive_wages.py)" % sd_total],
        ["skill_stock_return", "0.0200",
         S + "log wage per unit of general skill stock (1 unit = skill gained in one year of full-time "
         "experience); below experience_linear because part of the age profile is seniority pay"],
        ["annual_months", "13.92",
         "Belgian pay: 12 monthly wages, the end-of-year premium (a 13th month, set by the collective "
         "agreements of most joint committees) and the double holiday pay of 92% of a monthly wage "
         "(FPS Employment, Labour and Social Dialogue; ONVA-RJV): annual earnings = 13.92 x monthly wage"],
    ]
    header = [
        "wage_structure.csv - parameters of the individual log gross FTE wage equation:",
        "  ln w = c + premium_edu + experience_linear*x + experience_quadratic*x^2 + premium_isco1_g",
        "         + female_gap*female + gap_status + skill_stock_return*(S - mean S) + a_i, a_i ~ N(0, sd^2)",
        "Log points; premia vs low education (education) and vs the employment-weighted mean (occupation);",
        "gaps vs permanent employees. Belgium / Flemish Region, base year 2024.",
        "Derived by tools/calibration/derive_wages.py; education x occupation weights from",
        "configs/calibration/occupation_by_education.csv. Raw occupation gaps are an assumption (Statbel",
        "wages by ISCO major group not found). individual_effect_sd makes P90/P10 = 2.58 (Statbel Oct 2022).",
    ]
    write_table("wage_structure.csv", header, ["parameter", "value", "source"], rows)


if __name__ == "__main__":
    deciles()
    structure()
