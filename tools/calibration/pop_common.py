"""Helpers shared by the population / labour-status calibration scripts (Python 3 stdlib only).

Used by make_population_age_sex.py, make_education.py, make_labour_status.py,
make_employment_type.py, make_part_time.py, make_life_table.py, make_retirement.py,
make_cohort_education.py, make_region_shares.py, make_population_projection.py.
"""
import csv
import math
import os

from calib_common import CALIB, RAW, ROOT, write_table  # noqa: F401  (re-exported)

SEXES = ("male", "female")
EDUS = ("low", "middle", "high")
# 12 labour-status bands (lo, hi) ; 70+ runs to 100 (= 100 and over)
LS_BANDS = [(15, 19), (20, 24), (25, 29), (30, 34), (35, 39), (40, 44), (45, 49),
            (50, 54), (55, 59), (60, 64), (65, 69), (70, 100)]
# education-table bands
# Five-year bands: labour_status.csv was fitted with these education shares, so the table must
# carry them at this resolution for the synthetic aggregates to match the published rates.
ED_BANDS = [(15, 19), (20, 24), (25, 29), (30, 34), (35, 39), (40, 44), (45, 49), (50, 54), (55, 59), (60, 64),
            (65, 69), (70, 74), (75, 100)]


def band_label(lo, hi):
    return "%d+" % lo if hi >= 100 else "%d-%d" % (lo, hi)


def read_commented_csv(path):
    """Read a CSV whose leading lines start with '#'."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines))


def load_population():
    """{(age, sex): persons} for ages 15..100 from configs/calibration/population_age_sex.csv."""
    pop = {}
    for r in read_commented_csv(os.path.join(CALIB, "population_age_sex.csv")):
        pop[(int(r["age"]), r["sex"])] = float(r["persons"])
    return pop


def band_pop(pop, lo, hi, sex=None):
    return sum(v for (a, s), v in pop.items() if lo <= a <= hi and (sex is None or s == sex))


def logit(p):
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def expit(x):
    return 1.0 / (1.0 + math.exp(-x))


def bisect(f, lo, hi, tol=1e-10, it=200):
    """Root of increasing f on [lo, hi]."""
    flo = f(lo)
    for _ in range(it):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < tol:
            break
    return 0.5 * (lo + hi)


def load_employed():
    """{(band, sex): employed persons} from labour_status.csv x cell populations (2024)."""
    from make_education import edu_shares
    pop = load_population()
    rows = read_commented_csv(os.path.join(CALIB, "labour_status.csv"))
    rate = {(r["age_band"], r["sex"], r["education"]): float(r["employed"]) for r in rows}
    out = {}
    for b in LS_BANDS:
        for s in SEXES:
            out[(b, s)] = sum(v * edu_shares(a, x)[e] * rate[(band_label(*b), s, e)]
                              for (a, x), v in pop.items() if b[0] <= a <= b[1] and x == s for e in EDUS)
    return out


def ipf_logit(cells, base, margins, weight, iters=500):
    """Logit IPF: value(k) = expit(logit(base[k]) + shift[k]); margins = [(name, selector, target)];
    weight(k) gives the cell weight. Returns {k: value}."""
    shift = {k: 0.0 for k in cells}

    def val(k):
        return expit(logit(base[k]) + shift[k])

    def mean(sel):
        w = sum(weight(k) for k in cells if sel(k))
        return sum(weight(k) * val(k) for k in cells if sel(k)) / w

    for _ in range(iters):
        mx = 0.0
        for name, sel, t in margins:
            ks = [k for k in cells if sel(k)]
            b0 = {k: shift[k] for k in ks}

            def f(d):
                for k in ks:
                    shift[k] = b0[k] + d
                return mean(sel) - t
            d = bisect(f, -8, 8)
            f(d)
            mx = max(mx, abs(d))
        if mx < 1e-9:
            break
    for name, sel, t in margins:
        print("  %-28s achieved %.4f  target %.4f" % (name, mean(sel), t))
    return {k: val(k) for k in cells}, mean
