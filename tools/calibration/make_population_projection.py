"""Derive configs/calibration/population_projection.csv: VG population 15+ by sex and age band, 2024..2050.

The published Statistiek Vlaanderen 2024 projection (to 2033/2040) and the Federaal Planbureau /
Statbel projection 2024-2070 by region and single age could not be read in the stored sources; only
headline figures of the Statistiek Vlaanderen 2024 projection were found
(vlaanderen.be/statistiek-vlaanderen/bevolking/bevolkingsvooruitzichten-omvang-en-groei, 23 May 2024):
2033 total just over 7.11 M; 67+ almost 1.55 M; 40-66 almost 2.38 M; 18-39 1.88 M; 0-17 almost 1.31 M.
So this is a documented cohort-component projection:
 - start: 1 Jan 2024 by single age and sex (raw/vg_population_bands_2024.csv spread exactly as in
   make_population_age_sex.py; ages 0-14 are needed because they reach 15 during the horizon);
 - mortality: life_table.csv (period 2023) with qx falling 1% a year (assumption; in line with the
   ~0.15-0.2 year/yr gains in e0 assumed in Belgian projections);
 - births: 66,000 a year, 105 boys per 100 girls (assumption: recent VG level, the 0-4 band / 5);
   they reach age 15 only from 2039;
 - net migration (international + internal, to the Flemish Region): level L a year in 2024-2030,
   falling linearly to 0.6 L in 2035 and constant after (assumption, mirroring the FPB view that
   migration falls after 2030); age profile concentrated at 20-34, half men; L is solved by
   bisection so that the total population in 2033 equals 7.11 M (Statistiek Vlaanderen 2024).
The other 2033 headline groups are printed as checks. Fertility does not matter before 2039.
Run: /usr/bin/python3 tools/calibration/make_population_projection.py
"""
import os

from make_population_age_sex import TOTAL_2024, spread
from pop_common import CALIB, LS_BANDS, RAW, band_label, bisect, read_commented_csv, write_table

MIG_PROFILE = [((0, 14), 0.18), ((15, 19), 0.06), ((20, 24), 0.16), ((25, 29), 0.20), ((30, 34), 0.15),
               ((35, 39), 0.09), ((40, 44), 0.06), ((45, 54), 0.06), ((55, 64), 0.03), ((65, 79), 0.01)]
BIRTHS = 66000.0
IMPROVE = 0.01
TARGET_2033 = 7.11e6


def start_pop():
    rows = read_commented_csv(os.path.join(RAW, "vg_population_bands_2024.csv"))
    scale = TOTAL_2024 / sum(float(r["persons"]) for r in rows)
    P = {}
    for sex in ("male", "female"):
        bands = []
        for r in rows:
            ms = float(r["male_share"])
            bands.append((int(r["band_lo"]), int(r["band_hi"]),
                          float(r["persons"]) * scale * (ms if sex == "male" else 1 - ms)))
        P[sex] = [spread(bands)[a] for a in range(101)]
    return P


def load_q():
    q = {"male": [0.0] * 106, "female": [0.0] * 106}
    for r in read_commented_csv(os.path.join(CALIB, "life_table.csv")):
        q[r["sex"]][int(r["age"])] = float(r["qx"])
    return q


def mig_by_age():
    m = [0.0] * 101
    for (lo, hi), s in MIG_PROFILE:
        for a in range(lo, hi + 1):
            m[a] += s / (hi - lo + 1)
    return m


def project(L, years=range(2024, 2051)):
    P = start_pop()
    q0 = load_q()
    mig = mig_by_age()
    out = {2024: {s: list(P[s]) for s in P}}
    for y in list(years)[:-1]:
        f = (1 - IMPROVE) ** (y - 2023)
        level = L if y <= 2030 else (L * (1 - 0.4 * min(1, (y - 2030) / 5)))
        new = {}
        for s in ("male", "female"):
            q = [min(1.0, x * f) for x in q0[s]]
            cur = out[y][s]
            nxt = [0.0] * 101
            nxt[0] = BIRTHS * (1.05 / 2.05 if s == "male" else 1 / 2.05) * (1 - q[0] / 2)
            for a in range(0, 100):
                nxt[a + 1] += cur[a] * (1 - q[a])
            nxt[100] += cur[100] * (1 - q[102])  # 100+ stays in the open group
            for a in range(101):
                nxt[a] += 0.5 * level * mig[a]
            new[s] = nxt
        out[y + 1] = new
    return out


def total(P, lo=0, hi=100):
    return sum(sum(P[s][lo:hi + 1]) for s in P)


def main():
    L = bisect(lambda L: total(project(L, range(2024, 2034))[2033]) - TARGET_2033, 0, 150000)
    res = project(L)
    p33 = res[2033]
    print("net migration level 2024-2030: %.0f a year (0.6 x that from 2035)" % L)
    print("2033 checks vs Statistiek Vlaanderen 2024 projection:")
    print("  total %.3f M (7.11)  67+ %.3f M (~1.55)  40-66 %.3f M (~2.38)  18-39 %.3f M (1.88)  0-17 %.3f M (~1.31)" % (
        total(p33) / 1e6, total(p33, 67) / 1e6, total(p33, 40, 66) / 1e6, total(p33, 18, 39) / 1e6,
        total(p33, 0, 17) / 1e6))
    for y in (2024, 2030, 2040, 2050):
        print("  %d: total %.3f M, 15+ %.3f M, 20-64 %.3f M, 65+ %.3f M" % (
            y, total(res[y]) / 1e6, total(res[y], 15) / 1e6, total(res[y], 20, 64) / 1e6, total(res[y], 65) / 1e6))
    rows = []
    src = ("derived: cohort-component projection calibrated to St.Vl. 2024 projection total 2033 "
           "(make_population_projection.py)")
    for y in range(2024, 2051):
        for s in ("male", "female"):
            for lo, hi in LS_BANDS:
                n = sum(res[y][s][lo:hi + 1])
                rows.append([y, s, band_label(lo, hi), "%d" % round(n),
                             src if y > 2024 else "base year: same as population_age_sex.csv (band sums)"])
    write_table("population_projection.csv", [
        "population_projection.csv - projected population of the Flemish Region on 1 January, 2024..2050, by sex",
        "and age band (15-19..70+). Unit: persons. NOT the official projection (Statistiek Vlaanderen 2024 /",
        "FPB-Statbel 2024-2070 tables were not readable here): a cohort-component projection written by",
        "tools/calibration/make_population_projection.py: start = population_age_sex.csv (plus ages 0-14 from",
        "the same band estimate), mortality = life_table.csv with qx -1%/yr, births 66,000/yr, net migration",
        "level solved so that the 2033 total = 7.11 M (Statistiek Vlaanderen 2024 projection), falling to 60%",
        "of that level from 2035 (assumption). Use for alignment only until replaced by the official tables.",
    ], ["year", "sex", "age_band", "persons", "source"], rows)


if __name__ == "__main__":
    main()
