"""Derive configs/calibration/region_shares.csv: population shares of the five Flemish provinces, 2024.

Input raw/vg_province_population_2024.csv: West-Vlaanderen (found, 1 Jan 2024) and Antwerpen (found,
year not stated) are used as published; the remainder of the VG total 6,821,770 (Statbel 1 Jan 2024)
is split over Oost-Vlaanderen, Vlaams-Brabant and Limburg by the rel_weight column (assumption).
Run: /usr/bin/python3 tools/calibration/make_region_shares.py
"""
import os

from pop_common import RAW, read_commented_csv, write_table

TOTAL = 6821770


def main():
    rows = read_commented_csv(os.path.join(RAW, "vg_province_population_2024.csv"))
    known = {r["province"]: float(r["persons"]) for r in rows if r["persons"]}
    rest = TOTAL - sum(known.values())
    wsum = sum(float(r["rel_weight"]) for r in rows if not r["persons"])
    out = []
    for r in sorted(rows, key=lambda r: r["province"]):
        if r["persons"]:
            n = float(r["persons"])
            src = r["source"]
        else:
            n = rest * float(r["rel_weight"]) / wsum
            src = "derived: remainder of VG total 6,821,770 split by assumed weights (make_region_shares.py)"
        print("  %-16s %9.0f  %.4f" % (r["province"], n, n / TOTAL))
        out.append([r["province"], "%.4f" % (n / TOTAL), src])
    # make the rounded shares sum to exactly 1 (adjust the largest)
    s = sum(float(o[1]) for o in out)
    i = max(range(len(out)), key=lambda i: float(out[i][1]))
    out[i][1] = "%.4f" % (float(out[i][1]) + 1 - s)
    write_table("region_shares.csv", [
        "region_shares.csv - share of the Flemish Region's population living in each province, 1 January 2024.",
        "Derived by tools/calibration/make_region_shares.py from raw/vg_province_population_2024.csv: West-Vlaanderen",
        "(1,225,590, found for 1 Jan 2024) and Antwerpen (1,926,522, found, year not stated) over the Statbel VG total",
        "6,821,770; the other three provinces split the remainder by assumed weights (2024 figures not found).",
        "Uncertainty about +-0.5 percentage point per province. Replace with Statbel population by province 2024.",
    ], ["province", "share", "source"], out)


if __name__ == "__main__":
    main()
