"""Derive configs/calibration/population_age_sex.csv (VG, 1 Jan 2024, ages 15..100+, by sex).

Input: configs/calibration/raw/vg_population_bands_2024.csv (5-year bands, both sexes, male share;
an ESTIMATE anchored to published aggregates, see its header).
Method: (1) rescale all bands (0..100+) so that the total equals the published 6,821,770;
(2) split each band by its male share; (3) spread each band over single years with a
mean-preserving piecewise-linear density: the density at a band edge is the mean of the two
adjoining band densities, the density inside a band is linear between its edges, and the
single-year values are rescaled to the band total (so band totals are exact);
(4) print the published anchors next to the achieved values.
Run: /usr/bin/python3 tools/calibration/make_population_age_sex.py
"""
import os

from pop_common import RAW, read_commented_csv, write_table

TOTAL_2024 = 6821770  # Statbel, VG 1 Jan 2024 (via rtl.be 2024-06-04)


def spread(bands):
    """bands: list of (lo, hi, persons) contiguous; returns {age: persons}."""
    dens = [p / (hi - lo + 1) for lo, hi, p in bands]
    out = {}
    for i, (lo, hi, p) in enumerate(bands):
        w = hi - lo + 1
        if w == 1:
            out[lo] = p
            continue
        left = 0.5 * (dens[i] + dens[i - 1]) if i > 0 else dens[i]
        right = 0.5 * (dens[i] + dens[i + 1]) if i + 1 < len(bands) else dens[i]
        # open top band (100+) is a single 'age' row, handled above; the 95-99 band's right edge
        # uses the mean with the 100+ count, which is fine (decreasing density).
        raw = [left + (right - left) * (k + 0.5) / w for k in range(w)]
        raw = [max(x, 0.05 * dens[i]) for x in raw]
        s = sum(raw)
        for k in range(w):
            out[lo + k] = p * raw[k] / s
    return out


def main():
    rows = read_commented_csv(os.path.join(RAW, "vg_population_bands_2024.csv"))
    tot = sum(float(r["persons"]) for r in rows)
    scale = TOTAL_2024 / tot
    by_sex = {}
    for sex in ("male", "female"):
        bands = []
        for r in rows:
            ms = float(r["male_share"])
            share = ms if sex == "male" else 1 - ms
            bands.append((int(r["band_lo"]), int(r["band_hi"]), float(r["persons"]) * scale * share))
        by_sex[sex] = spread(bands)

    # integer persons, keeping each sex total by largest-remainder rounding
    out = {}
    for sex, d in by_sex.items():
        fl = {a: int(v) for a, v in d.items()}
        rem = round(sum(d.values())) - sum(fl.values())
        for a in sorted(d, key=lambda a: d[a] - fl[a], reverse=True)[:rem]:
            fl[a] += 1
        for a, v in fl.items():
            out[(a, sex)] = v

    def s(lo, hi, sex=None):
        return sum(v for (a, x), v in out.items() if lo <= a <= hi and (sex is None or x == sex))

    allp = s(0, 100)
    print("anchor checks (achieved vs published):")
    print("  total 0+           %9d   target 6821770 (Statbel 2024)" % allp)
    print("  15+                %9d   'about 5.7 million' (brief)" % s(15, 100))
    print("  65+ share          %9.4f   0.211 in 2023 (1,430,423); expected ~0.213 in 2024" % (s(65, 100) / allp))
    print("  85+ share          %9.4f   0.033 (2023)" % (s(85, 100) / allp))
    print("  15-64 share        %9.4f   0.631 census 2021, 0.634 2019 (declining)" % (s(15, 64) / allp))
    print("  0-17               %9d   ~1.31 M (SV projection 2024, 2023 level)" % s(0, 17))
    print("  18-39              %9d   ~1.77 M in 2023 (+6%% to 1.88 M in 2033)" % s(18, 39))
    print("  40-66              %9d   ~2.43 M in 2023 (-2%% to 2.38 M in 2033)" % s(40, 66))
    print("  67+                %9d   ~1.27 M in 2023 (+22%% to 1.55 M in 2033)" % s(67, 100))
    print("  women per 100 men  %9.1f   102 (2021)" % (100 * s(0, 100, "female") / s(0, 100, "male")))
    print("  ... at 65+         %9.1f   121 (2021)" % (100 * s(65, 100, "female") / s(65, 100, "male")))
    print("  ... at 85+         %9.1f   185 (2021)" % (100 * s(85, 100, "female") / s(85, 100, "male")))
    print("  18-24 per 100 58-64 %8.1f   81 (2021)" % (100 * s(18, 24) / s(58, 64)))
    print("  centenarians       %9d   >1,500 (2023)" % s(100, 100))

    src = ("derived: 5-year band estimate (raw/vg_population_bands_2024.csv) scaled to Statbel VG total 2024 "
           "and spread within bands (make_population_age_sex.py)")
    table = []
    for a in range(15, 101):
        for sex in ("male", "female"):
            table.append([a, sex, out[(a, sex)], src])
    hdr = [
        "population_age_sex.csv - legal population of the Flemish Region (Vlaams Gewest) on 1 January 2024,",
        "by single year of age (15..99; 100 = 100 and over) and sex. Unit: persons.",
        "Derived by tools/calibration/make_population_age_sex.py from raw/vg_population_bands_2024.csv.",
        "Total over all ages 0+ equals the published 6,821,770 (Statbel, 1 Jan 2024). The 5-year band sizes",
        "are an ESTIMATE anchored to published VG aggregates (65+ and 85+ shares, 15-64 share, broad age",
        "groups of the Statistiek Vlaanderen 2024 projection, sex ratios); see the raw file's header.",
        "Within bands the counts are spread smoothly (mean-preserving piecewise-linear density): single-year",
        "detail such as cohort-size jumps is NOT real data. Replace with Statbel TF_SOC_POP_STRUCT_2024.",
    ]
    write_table("population_age_sex.csv", hdr, ["age", "sex", "persons", "source"], table)


if __name__ == "__main__":
    main()
