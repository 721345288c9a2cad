#!/usr/bin/python3
"""Derive configs/calibration/occupation_by_education.csv.

P(isco1 | education) for employed persons, by raking (iterative proportional fitting)
a prior joint table education x major group to two published margins:
  rows    = BE employment shares by ISCO-08 major group (Eurostat LFS, annual mean of the
            2020 quarters in raw/employment_isco1_belgium_quarterly.csv, groups 1-9 renormalised);
  columns = education mix of employed Flemings (EDU_TARGET below).
The prior is P(education | isco1) (PRIOR below, an assumption: managers and professionals
mostly high-educated, crafts/operators mostly middle, elementary occupations mostly low).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import write_table, isco_shares_belgium, f6  # noqa: E402

YEAR = 2020
EDU = ["low", "middle", "high"]
# Education mix of employed persons (computed, rounded to 2 dp):
#  25-64: population education VG 2022 (Statistiek Vlaanderen, Bevolking naar onderwijsniveau):
#         low 14.6 / middle 38.7 / high 46.7%, times VG 2023 employment rates by education
#         (st.vl/labour/employment-rate): 52.6 / 78.0 / 90.8%;
#  15-24 workers (assumption: ~8% of the employed; 30/55/15% low/middle/high, many still studying);
#  65+ workers (assumption: ~2% of the employed; 30/35/35%).
POP_EDU_2564 = (0.146, 0.387, 0.467)
ER_EDU_2564 = (0.526, 0.780, 0.908)
OTHER = [(0.08, (0.30, 0.55, 0.15)), (0.02, (0.30, 0.35, 0.35))]


def employed_edu_mix():
    e = [p * r for p, r in zip(POP_EDU_2564, ER_EDU_2564)]
    e = [x / sum(e) for x in e]
    w_core = 1 - sum(w for w, _ in OTHER)
    mix = [w_core * x for x in e]
    for w, m in OTHER:
        mix = [a + w * b for a, b in zip(mix, m)]
    print("employed education mix: 25-64 core %s -> all %s" % (
        " ".join("%.3f" % x for x in e), " ".join("%.3f" % x for x in mix)))
    r = [round(x, 2) for x in mix]
    r[1] = round(1 - r[0] - r[2], 2)
    return dict(zip(EDU, r))


EDU_TARGET = employed_edu_mix()
# Prior P(education | isco1): assumption, typical of EU LFS education-by-occupation patterns.
PRIOR = {
    1: (0.04, 0.26, 0.70), 2: (0.01, 0.07, 0.92), 3: (0.05, 0.40, 0.55),
    4: (0.07, 0.50, 0.43), 5: (0.20, 0.57, 0.23), 6: (0.30, 0.50, 0.20),
    7: (0.27, 0.63, 0.10), 8: (0.33, 0.59, 0.08), 9: (0.44, 0.46, 0.10),
}


def rake(row_target, col_target, prior, iters=500):
    J = {g: [row_target[g] * p for p in prior[g]] for g in prior}
    for _ in range(iters):
        for k, e in enumerate(EDU):
            s = sum(J[g][k] for g in J)
            for g in J:
                J[g][k] *= col_target[e] / s
        for g in J:
            s = sum(J[g])
            J[g] = [x * row_target[g] / s for x in J[g]]
    return J


def main():
    isco = isco_shares_belgium(YEAR)
    J = rake(isco, EDU_TARGET, PRIOR)
    print("achieved margins vs targets")
    for k, e in enumerate(EDU):
        print("  education %-6s achieved %.4f target %.4f" % (e, sum(J[g][k] for g in J), EDU_TARGET[e]))
    for g in range(1, 10):
        print("  isco %d achieved %.4f target %.4f" % (g, sum(J[g]), isco[g]))
    print("implied P(education | isco1) after raking vs prior")
    for g in range(1, 10):
        post = [x / sum(J[g]) for x in J[g]]
        print("  %d  %s   prior %s" % (g, " ".join("%.3f" % x for x in post),
                                      " ".join("%.2f" % x for x in PRIOR[g])))
    cols = {e: [J[g][k] / sum(J[h][k] for h in J) for g in range(1, 10)] for k, e in enumerate(EDU)}
    # round to 6 dp and renormalise each column
    for e in EDU:
        r = [round(x, 6) for x in cols[e]]
        i = max(range(9), key=lambda j: r[j])
        r[i] = round(r[i] + round(1.0 - sum(r), 6), 6)
        assert abs(sum(r) - 1) < 1e-6
        cols[e] = r
    rows = []
    for i, g in enumerate(range(1, 10)):
        rows.append([str(g), f6(cols["low"][i]), f6(cols["middle"][i]), f6(cols["high"][i]),
                     "raked: Eurostat LFS BE %d ISCO shares x VG employed education mix (St.Vl.); prior assumption" % YEAR])
    header = [
        "occupation_by_education.csv - distribution of employed persons over ISCO-08 major groups,",
        "per education level (each column sums to 1). Unit: fractions. Flemish Region, base year 2024.",
        "Derived by tools/calibration/derive_occupation_by_education.py (raking of a prior to two margins).",
        "Row margin: BE employment by ISCO-08 major group, Eurostat LFS, annual mean of 2020 quarters",
        "  (raw/employment_isco1_belgium_quarterly.csv; armed forces/no response dropped). No VG-only or",
        "  2023 ISCO split was found; BE 2020 is used as the VG base-year occupation mix (assumption).",
        "Column margin (education mix of employed): low %.2f, middle %.2f, high %.2f, computed from VG 2022" % (
            EDU_TARGET["low"], EDU_TARGET["middle"], EDU_TARGET["high"]),
        "  population education 25-64 (14.6/38.7/46.7%, Statistiek Vlaanderen) x VG 2023 employment rates by",
        "  education (52.6/78.0/90.8%, Statistiek Vlaanderen), plus assumed 15-24 (8%) and 65+ (2%) workers.",
        "Prior P(education|isco1): assumption (managers/professionals mostly high, elementary mostly low).",
    ]
    write_table("occupation_by_education.csv", header, ["isco1", "low", "middle", "high", "source"], rows)


if __name__ == "__main__":
    main()
