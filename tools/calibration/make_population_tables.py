"""Run all population / labour-status calibration scripts in dependency order and check the tables.

Run: /usr/bin/python3 tools/calibration/make_population_tables.py
"""
import os
import runpy
import sys

from pop_common import CALIB, read_commented_csv

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = ["make_population_age_sex", "make_education", "make_labour_status", "make_employment_type",
         "make_part_time", "make_life_table", "make_retirement", "make_cohort_education",
         "make_region_shares", "make_population_projection"]
SUM1 = {"education_by_age_sex.csv": ["low", "middle", "high"],
        "labour_status.csv": ["in_education", "employed", "unemployed", "inactive", "retired"],
        "employment_type.csv": ["permanent", "temporary", "self_employed", "platform"],
        "cohort_education.csv": ["low", "middle", "high"],
        "region_shares.csv": None}


def check():
    bad = 0
    for name, cols in SUM1.items():
        rows = read_commented_csv(os.path.join(CALIB, name))
        if cols is None:
            s = sum(float(r["share"]) for r in rows)
            if abs(s - 1) > 1e-6:
                print("CHECK FAIL %s: shares sum to %.6f" % (name, s)); bad += 1
            continue
        for i, r in enumerate(rows):
            v = [float(r[c]) for c in cols]
            if abs(sum(v) - 1) > 1e-5 or min(v) < 0 or max(v) > 1:
                print("CHECK FAIL %s row %d: %r" % (name, i, v)); bad += 1
    for name in ("part_time.csv", "life_table.csv", "retirement_exit.csv"):
        for r in read_commented_csv(os.path.join(CALIB, name)):
            for c in ("part_time_share", "part_time_fte", "qx", "exit_rate"):
                if c in r and not 0 <= float(r[c]) <= 1:
                    print("CHECK FAIL %s: %s=%s" % (name, c, r[c])); bad += 1
    print("table checks: %s" % ("OK" if bad == 0 else "%d failures" % bad))
    return bad


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    for m in ORDER:
        print("==== %s" % m)
        runpy.run_path(os.path.join(HERE, m + ".py"), run_name="__main__")
    sys.exit(1 if check() else 0)
