#!/usr/bin/python3
"""Derive configs/calibration/labour_flows.csv (annual transition probabilities, VG, 15-64) and
check that they hold the stocks near the base-year state (unemployment rate about 3.3-4%).

Published anchors (Statbel LFS transitions, BE 15-64, 2022->2023): E->E 94.5%, E->U 1.6%,
E->I 4.0%; U->E 29.5%, U->U 43.5%, U->I 27.0%; I->E 9.8%, I->U 4.0%.
BE 15-74 Q2 2023 -> Q2 2024: U->E 36.2%, U->U 36.0%, U->I 27.8%; VG: 27.3% of the unemployed
still unemployed after one year (BE 36.0%).
Separation rates by contract are assumptions that average to the VG E->(U or I) flow
excluding retirement.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import write_table  # noqa: E402

# composition of employment (assumption from calibration-figures §1: self-employed ~14% of
# workers 20-64 in VG 2024; temporary 6.6% of employees 2023; platform as main job ~1%)
SHARE = {"permanent": 0.80, "temporary": 0.057, "self_employed": 0.133, "platform": 0.01}
SEP = {"permanent": 0.025, "temporary": 0.15, "self_employed": 0.04, "platform": 0.25}
E_TO_I = 0.025            # part of SEP, not additional
RETIRE = 0.017            # model-side retirement outflow (not in this table): ~1/10 of 55-64 workers
JF = {"low": 0.30, "middle": 0.40, "high": 0.52}
U_MIX = {"low": 0.28, "middle": 0.40, "high": 0.32}   # St.VL 2017: 28% of unemployed low, ~4/10 high
U_TO_I = 0.316            # VG: (100-27.3)% not unemployed after 1 year, split E/I as in BE 36.2:27.8
I_TO_E = 0.10
I_TO_U = 0.038
# stocks relative to employment, VG 15-64 (assumption: E ~3.05M, U ~0.11M, I ~1.15M)
I_OVER_E = 1.15 / 3.05
UR_TARGET = (0.033, 0.040)


def main():
    sep = sum(SHARE[k] * SEP[k] for k in SHARE)
    e_to_u = sep - E_TO_I
    f = sum(U_MIX[e] * JF[e] for e in JF)
    out_u = f + U_TO_I
    # steady state: e_to_u*E + I_TO_U*I = out_u*U  ->  U/E
    u_over_e = (e_to_u + I_TO_U * I_OVER_E) / out_u
    ur = u_over_e / (1 + u_over_e)
    inflow_e = f * u_over_e + I_TO_E * I_OVER_E
    outflow_e = sep + RETIRE
    lines = [
        "steady-state check (stocks relative to E; I/E = %.3f):" % I_OVER_E,
        "  mean separation %.4f = E->U %.4f + E->I %.4f (excl. retirement %.3f)" % (sep, e_to_u, E_TO_I, RETIRE),
        "  mean job finding %.3f (U mix low/mid/high %.2f/%.2f/%.2f), U->I %.3f: outflow rate %.3f" % (
            f, U_MIX["low"], U_MIX["middle"], U_MIX["high"], U_TO_I, out_u),
        "  U/E = (E->U + I->U*I/E)/(U->E + U->I) = %.4f -> unemployment rate %.2f%% (target 3.3-4%%)" % (
            u_over_e, 100 * ur),
        "  employment: inflow U->E + I->E = %.4f of E; outflow separations + retirement = %.4f of E" % (
            inflow_e, outflow_e),
    ]
    for ln in lines:
        print(ln)
    assert UR_TARGET[0] <= ur <= UR_TARGET[1], ur
    assert abs(inflow_e - outflow_e) < 0.005

    LFS = "Statbel LFS transitions BE 15-64 2022-23"
    rows = [
        ["separation_permanent", SEP["permanent"],
         "assumption: calibrated so the employment-weighted separation (excl. retirement) is %.3f, in line "
         "with %s E->U 1.6%% + E->I 4.0%% minus retirement (~1.7%%) and lower VG unemployment" % (sep, LFS)],
        ["separation_temporary", SEP["temporary"],
         "assumption: 6x permanent (fixed-term ends; BE temp->perm 41%/yr); temp share of employees 6.6% VG 2023"],
        ["separation_self_employed", SEP["self_employed"],
         "assumption: business exits to non-employment (excl. retirement); not found for VG"],
        ["separation_platform", SEP["platform"], "assumption: high churn of platform/non-standard work; not found"],
        ["job_finding_low", JF["low"],
         "assumption: VG mean U->E %.2f (VG 27.3%% still unemployed after 1 yr, Statbel Q2 2023-Q2 2024, split "
         "E/I as BE 36.2:27.8) with education gradient (Statbel: high-skilled find work easily)" % f],
        ["job_finding_middle", JF["middle"], "as job_finding_low"],
        ["job_finding_high", JF["high"], "as job_finding_low"],
        ["inactive_to_employment", I_TO_E, "%s: I->E 9.8%% (rounded; VG likely slightly higher)" % LFS],
        ["employment_to_inactivity", E_TO_I,
         "%s: E->I 4.0%% minus retirement ~1.7%% (assumption); part of, not additional to, separation_*" % LFS],
        ["temporary_to_permanent", 0.41,
         "Eurostat ilc_lvhl36 (via EIGE): BE 41.2% of temporary employees 16-64 move to permanent within a "
         "year, 3-year average, 2023"],
        ["vacancy_rate", 0.046,
         "Statbel vacancy statistics via focus-wtv.be (May 2025): VG Q4 2024 4.6 per 100 jobs (BE 4.1, EU 2.3); "
         "VG 5.2% in 2022 (HLN 2023)"],
        ["long_term_unemployment_share", 0.34,
         "Eurostat via Nieuwsblad 2019-05-06: VG long-term (>1 yr) unemployment 1.2% of labour force 2018 "
         "with VG UR ~3.5% => ~0.34 of the unemployed (VDAB: one third of jobseekers >2 years, 2022)"],
    ]
    out = [[p, "%.4f" % v, s] for p, v, s in rows]
    header = [
        "labour_flows.csv - annual transition probabilities, Flemish Region, ages 15-64, base year 2024.",
        "Derived by tools/calibration/derive_labour_flows.py. Separations are annual probabilities of",
        "leaving employment for unemployment or inactivity, excluding retirement (handled by demography);",
        "employment_to_inactivity is the part of them that goes to inactivity. Published anchors: Statbel",
        "LFS transitions BE 15-64 2022->2023 (E->U 1.6%, E->I 4.0%, U->E 29.5%, U->I 27.0%, I->E 9.8%,",
        "I->U 4.0%) and Q2 2023->Q2 2024 (VG: 27.3% of unemployed still unemployed after one year).",
    ] + lines + [
        "Employment composition used: permanent 0.80, temporary 0.057, self-employed 0.133, platform 0.01;",
        "unemployed: low 0.28, middle 0.40, high 0.32; U->I 0.316; I->U 0.038 (BE 4.0%).",
    ]
    write_table("labour_flows.csv", header, ["parameter", "value", "source"], out)


if __name__ == "__main__":
    main()
