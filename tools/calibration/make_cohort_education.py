"""Derive configs/calibration/cohort_education.csv: final attained education of the cohort leaving
school in each year 2024..2050 (shares, rows sum to 1).

Anchors (found): 25-34-year-olds in VG 2022: 54.3% high, ~9.6-10% low (Statistiek Vlaanderen,
scholingsgraad LFS 2022); early school leavers in Flanders about 6-7% of 18-24 (brief;
not re-read here). Starting point 2024: low 0.08 (early school leavers plus some who never finish
later; the 25-34 low share of ~10% also contains immigrants educated abroad), high 0.55 (the 25-34
share rose from ~0.49 in 2017 to 0.543 in 2022, so recent leavers are at or above it).
Trend (assumption): high +0.25 pp per year to 2035, then +0.10 pp per year (saturation, as in other
high-attainment countries); low falls 0.1 pp per year to 0.07 by 2034 and then stays (the EU 2030
target is < 9% early leavers; Flanders is already below it). middle = 1 - low - high.
Run: /usr/bin/python3 tools/calibration/make_cohort_education.py
"""
from pop_common import write_table


def main():
    rows = []
    for y in range(2024, 2051):
        t = y - 2024
        high = 0.55 + 0.0025 * min(t, 11) + 0.0010 * max(0, t - 11)
        low = max(0.07, 0.08 - 0.001 * t)
        mid = 1 - low - high
        src = ("assumption: trend from St.Vl. LFS 2022 25-34 (54.3% high, ~10% low) and early school leavers 6-7%; "
               "high +0.25 pp/yr to 2035 then +0.10; make_cohort_education.py")
        rows.append([y, "%.4f" % low, "%.4f" % mid, "%.4f" % high, src])
    print("2024: %s  2035: %s  2050: %s" % (rows[0][1:4], rows[11][1:4], rows[-1][1:4]))
    write_table("cohort_education.csv", [
        "cohort_education.csv - final attained education (low ISCED 0-2 / middle 3-4 / high 5-8) of the cohort",
        "that leaves initial education in each year, Flemish Region, 2024..2050. Rows sum to 1.",
        "Written by tools/calibration/make_cohort_education.py. 2024 level anchored to the 25-34 age group in",
        "the LFS 2022 (54.3% high, ~10% low; Statistiek Vlaanderen) and early school leaving of 6-7%;",
        "the trend (high +0.25 pp/yr to 2035, +0.10 after; low to 7%) is an assumption.",
    ], ["year", "low", "middle", "high", "source"], rows)


if __name__ == "__main__":
    main()
