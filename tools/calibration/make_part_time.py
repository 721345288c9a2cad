"""Derive configs/calibration/part_time.csv: part-time share of workers and mean FTE of part-timers.

Weights: employed persons by band and sex (labour_status.csv x population).
Method: part-time age profiles by sex (assumption: U-shape, high among students and 55+ 'landing
jobs', women's share rising with age) raked by logit IPF to the published VG figures (Statistiek
Vlaanderen, deeltijdarbeid, 2020): 20-64 women 41.8%, men 10.1% (total 25.0%), 55-64 36.6%.
15-19 and 65+ are not raked. part_time_fte (mean FTE fraction of part-timers) is an assumption:
in Belgium most part-time contracts are 4/5 (0.8) or half-time (0.5); women's mean ~0.65, men's
~0.60, students ~0.45, 55-64 ~0.70 (4/5 landing jobs). Check printed: implied mean weekly hours
of workers with full time = 38 h, against the published usual hours 36.9 (all workers 2025; the
published figure includes self-employed at 45.7 h, so 38 h full time understates it).
Run: /usr/bin/python3 tools/calibration/make_part_time.py
"""
from pop_common import LS_BANDS, SEXES, band_label, ipf_logit, load_employed, write_table

PT = {"female": {(15, 19): 0.70, (20, 24): 0.25, (25, 29): 0.22, (30, 34): 0.33, (35, 39): 0.40, (40, 44): 0.42,
                 (45, 49): 0.42, (50, 54): 0.45, (55, 59): 0.55, (60, 64): 0.62, (65, 69): 0.70, (70, 100): 0.75},
      "male": {(15, 19): 0.55, (20, 24): 0.12, (25, 29): 0.06, (30, 34): 0.05, (35, 39): 0.05, (40, 44): 0.05,
               (45, 49): 0.06, (50, 54): 0.08, (55, 59): 0.17, (60, 64): 0.25, (65, 69): 0.50, (70, 100): 0.60}}
FTE = {"female": {(15, 19): 0.45, (20, 24): 0.55, (65, 69): 0.50, (70, 100): 0.45},
       "male": {(15, 19): 0.45, (20, 24): 0.55, (65, 69): 0.50, (70, 100): 0.45}}
FTE_DEFAULT = {"female": 0.65, "male": 0.60}
FTE_OLDER = {"female": 0.70, "male": 0.70}  # 55-64


def fte(b, s):
    if b in FTE[s]:
        return FTE[s][b]
    if b[0] >= 55:
        return FTE_OLDER[s]
    return FTE_DEFAULT[s]


def main():
    W = load_employed()
    cells = list(W)
    core = lambda k: k[0][0] >= 20 and k[0][1] <= 64  # noqa: E731
    base = {k: PT[k[1]][k[0]] for k in cells}
    margins = [("PT 20-64 women", lambda k: core(k) and k[1] == "female", 0.418),
               ("PT 20-64 men", lambda k: core(k) and k[1] == "male", 0.101),
               ("PT 55-64", lambda k: k[0][0] >= 55 and k[0][1] <= 64, 0.366)]
    print("part-time share of workers:")
    pt, _ = ipf_logit(cells, base, margins, lambda k: W[k])
    for k in cells:
        if not core(k):
            pt[k] = base[k]
    tot = sum(W[k] for k in cells if core(k))
    print("  PT 20-64 total (unconstrained) %.4f  (published 0.250)" % (sum(W[k] * pt[k] for k in cells if core(k)) / tot))
    mf = sum(W[k] * (1 - pt[k] * (1 - fte(*k))) for k in cells if core(k)) / tot
    print("  mean FTE of workers 20-64 %.3f -> %.1f h at 38 h full time (published usual hours 36.9 all, 35.4 employees)" % (mf, 38 * mf))
    rows = []
    for b in LS_BANDS:
        for s in SEXES:
            k = (b, s)
            src = ("derived: logit IPF to Statistiek Vlaanderen deeltijdarbeid 2020 (women 41.8, men 10.1, 55-64 36.6); "
                   "FTE assumption (4/5 and half-time contracts); make_part_time.py")
            if not core(k):
                src = "assumption: profile not raked (students' jobs at 15-19, 65+ mostly part time); FTE assumption"
            rows.append([s, band_label(*b), "%.6f" % pt[k], "%.3f" % fte(b, s), src])
    hdr = [
        "part_time.csv - share of workers (employees and self-employed) working part time, and the mean FTE",
        "fraction of part-timers, Flemish Region, base year 2024 (shares calibrated to the 2020 published",
        "figures, the latest found). Derived by tools/calibration/make_part_time.py. Targets: part-time share",
        "of workers 20-64 25.0% (women 41.8, men 10.1), 55-64 36.6% (Statistiek Vlaanderen, deeltijdarbeid).",
        "part_time_fte is an assumption (no published mean FTE of part-timers found).",
    ]
    write_table("part_time.csv", hdr, ["sex", "age_band", "part_time_share", "part_time_fte", "source"], rows)


if __name__ == "__main__":
    main()
