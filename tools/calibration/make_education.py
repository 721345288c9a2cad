"""Derive configs/calibration/education_by_age_sex.csv (VG 2024, highest attained education).

Inputs: population_age_sex.csv (weights) and raw/vg_education_2022.csv (published LFS 2022 margins).
Method: shares of low (ISCED 0-2) and high (ISCED 5-8) are set per 5-year age group and sex
(EDU5 below) so that, weighted by the 2024 population, they reproduce the published LFS 2022
figures for 25-64 (total, by sex, by 10-year age group). Middle = 1 - low - high.
Ages 15-24: attained level of people mostly still in school (15-19 mostly 'low' because the
secondary diploma is obtained at 18) - assumption. Ages 65+: no published VG breakdown was found;
shares extrapolate the cohort trend (the 55-64 group of 2017 was 35% low / 30% high, older
cohorts less educated; men more often high than women at those ages) - assumption.
The 2022 shares are used for 2024 unchanged (the two-year upgrading, ~+1 pp high, is ignored).
EDU5 is also imported by make_labour_status.py.
Run: /usr/bin/python3 tools/calibration/make_education.py
"""
import os

from pop_common import ED_BANDS, RAW, band_label, load_population, read_commented_csv, write_table

# (lo, hi): {sex: (low, high)}
EDU5 = {
    (15, 19): {"male": (0.85, 0.00), "female": (0.82, 0.00)},
    (20, 24): {"male": (0.17, 0.22), "female": (0.12, 0.38)},
    (25, 29): {"male": (0.11, 0.46), "female": (0.085, 0.61)},
    (30, 34): {"male": (0.11, 0.46), "female": (0.085, 0.63)},
    (35, 39): {"male": (0.10, 0.45), "female": (0.09, 0.59)},
    (40, 44): {"male": (0.10, 0.43), "female": (0.10, 0.55)},
    (45, 49): {"male": (0.12, 0.43), "female": (0.12, 0.52)},
    (50, 54): {"male": (0.14, 0.41), "female": (0.14, 0.48)},
    (55, 59): {"male": (0.21, 0.39), "female": (0.21, 0.38)},
    (60, 64): {"male": (0.25, 0.37), "female": (0.25, 0.33)},
    (65, 69): {"male": (0.32, 0.33), "female": (0.35, 0.27)},
    (70, 74): {"male": (0.37, 0.29), "female": (0.42, 0.22)},
    (75, 100): {"male": (0.50, 0.22), "female": (0.60, 0.13)},
}


def edu_shares(age, sex):
    for (lo, hi), d in EDU5.items():
        if lo <= age <= hi:
            low, high = d[sex]
            return {"low": low, "middle": 1 - low - high, "high": high}
    raise KeyError(age)


def agg(pop, lo, hi, sex=None):
    w = {"low": 0.0, "middle": 0.0, "high": 0.0}
    n = 0.0
    for (a, s), v in pop.items():
        if lo <= a <= hi and (sex is None or s == sex):
            sh = edu_shares(a, s)
            for k in w:
                w[k] += v * sh[k]
            n += v
    return {k: w[k] / n for k in w}


def main():
    pop = load_population()
    pub = {r["group"]: r for r in read_commented_csv(os.path.join(RAW, "vg_education_2022.csv"))}
    print("checks (achieved with 2024 population vs published LFS 2022; '-' = not published):")
    checks = [("25-64 total", 25, 64, None), ("25-64 men", 25, 64, "male"), ("25-64 women", 25, 64, "female"),
              ("25-34", 25, 34, None), ("35-44", 35, 44, None), ("45-54", 45, 54, None), ("55-64", 55, 64, None),
              ("15-64 total 2019", 15, 64, None)]
    for name, lo, hi, sex in checks:
        a = agg(pop, lo, hi, sex)
        p = pub[name]
        print("  %-17s low %.3f (%s)  middle %.3f (%s)  high %.3f (%s)" % (
            name, a["low"], p["low"] or "-", a["middle"], p["middle"] or "-", a["high"], p["high"] or "-"))
    rows = []
    for lo, hi in ED_BANDS:
        for sex in ("male", "female"):
            a = agg(pop, lo, hi, sex)
            low, high = round(a["low"], 4), round(a["high"], 4)
            mid = round(1 - low - high, 4)
            if lo < 25:
                src = "assumption: 15-19 mostly still in secondary school (no diploma yet); 20-24 per LFS pattern (women more often high)"
            elif hi <= 64:
                src = "derived: fitted to Statistiek Vlaanderen scholingsgraad LFS 2022 (25-64 by age and sex); make_education.py"
            else:
                src = "assumption: cohort extrapolation from 55-64 (LFS 2017: 35% low / 30% high); no VG 65+ table found"
            rows.append([band_label(lo, hi), sex, "%.4f" % low, "%.4f" % mid, "%.4f" % high, src])
    hdr = [
        "education_by_age_sex.csv - highest attained education, Flemish Region, base year 2024 (shares of the",
        "age-sex group; low = ISCED 0-2, middle = 3-4, high = 5-8; each row sums to 1).",
        "Derived by tools/calibration/make_education.py: 5-year age x sex shares (published at that resolution,",
        "as labour_status.csv uses them) chosen to reproduce, with the",
        "2024 population (population_age_sex.csv), the LFS 2022 margins published by Statistiek Vlaanderen",
        "(Bevolking naar onderwijsniveau, 9 May 2023): 25-64 14.6/38.7/46.7%; men low 15.1 high 42.2; women",
        "low 14.1 high 51.3; high 25-34 54.3, 35-44 50.4, 45-54 46.2, 55-64 37.1; low 55-64 23.0, young ~10%.",
        "15-24 and 65+ are assumptions (see source column). 2022 shares applied to 2024 unchanged.",
    ]
    write_table("education_by_age_sex.csv", hdr, ["age_band", "sex", "low", "middle", "high", "source"], rows)


if __name__ == "__main__":
    main()
