"""Derive configs/calibration/employment_type.csv: shares of the employed by contract type.

Columns permanent, temporary (employees), self_employed, platform (platform / non-standard work
as main job); each row sums to 1. Weights: employed persons by band and sex from labour_status.csv.
Method (logit IPF, see pop_common.ipf_logit):
 1. platform share: fixed age profile (assumption) scaled so that platform work as main job is
    0.5% of workers 20-64. Basis: Statbel DataLab pilot survey 2022: 1.1% of 15-64 worked at least
    one hour via a platform in the past year, only 18.2% of them more than 20 h/month and most have
    another job, so main-job platform work is a few tenths of a percent of the population; 0.5% of
    workers is the upper side of that (JRC COLLEEM main-job figures of ~1-2% refer to a broader,
    internet-panel definition). Young people are over-represented (delivery platforms).
 2. self-employed (self_employed + platform, since most platform workers are self-employed):
    age profile (assumption: rising with age) raked to men 18.3% / women 10.7% of workers 20-64
    (2024 interpolated between NSZ 2022 18.1/10.5 and belganewsagency 2025 18.6/11.0; total ~14.7%),
    20-24 10.5% and 55-64 18% (belganewsagency 2025).
 3. temporary share of employees: age profile (assumption: falling with age) raked to 20-64 by sex
    5.7% men / 7.5% women and 20-34 14.3% (Statistiek Vlaanderen, type arbeidscontract 2023).
 15-19 and 65+ are not raked (assumed profiles).
Run: /usr/bin/python3 tools/calibration/make_employment_type.py
"""
from pop_common import LS_BANDS, SEXES, band_label, ipf_logit, load_employed, write_table

PLAT = {(15, 19): 0.012, (20, 24): 0.014, (25, 29): 0.010, (30, 34): 0.007, (35, 39): 0.005, (40, 44): 0.004,
        (45, 49): 0.003, (50, 54): 0.003, (55, 59): 0.002, (60, 64): 0.002, (65, 69): 0.002, (70, 100): 0.002}
SE = {(15, 19): 0.03, (20, 24): 0.10, (25, 29): 0.10, (30, 34): 0.12, (35, 39): 0.14, (40, 44): 0.15,
      (45, 49): 0.16, (50, 54): 0.17, (55, 59): 0.17, (60, 64): 0.20, (65, 69): 0.45, (70, 100): 0.60}
SE_SEX = {"male": 1.0, "female": 0.6}
TEMP = {(15, 19): 0.45, (20, 24): 0.25, (25, 29): 0.12, (30, 34): 0.08, (35, 39): 0.05, (40, 44): 0.04,
        (45, 49): 0.035, (50, 54): 0.03, (55, 59): 0.03, (60, 64): 0.03, (65, 69): 0.10, (70, 100): 0.15}


def main():
    W = load_employed()
    cells = list(W)
    core = lambda k: 20 <= k[0][0] and k[0][1] <= 64  # noqa: E731
    # 1. platform
    tot = sum(W[k] for k in cells if core(k))
    raw = sum(W[k] * PLAT[k[0]] for k in cells if core(k))
    f = 0.005 / (raw / tot)
    plat = {k: PLAT[k[0]] * f for k in cells}
    print("platform: scale %.3f; share of workers 20-64 = %.4f" % (
        f, sum(W[k] * plat[k] for k in cells if core(k)) / tot))
    # 2. self-employed incl. platform
    print("self-employed (incl. platform) share of workers:")
    base = {k: SE[k[0]] * SE_SEX[k[1]] for k in cells}
    margins = [("SE 20-64 men", lambda k: core(k) and k[1] == "male", 0.183),
               ("SE 20-64 women", lambda k: core(k) and k[1] == "female", 0.107),
               ("SE 20-24", lambda k: k[0] == (20, 24), 0.105),
               ("SE 55-64", lambda k: k[0][0] >= 55 and k[0][1] <= 64, 0.18)]
    fixed = [k for k in cells if not core(k)]
    se, mean_se = ipf_logit(cells, base, margins, lambda k: W[k])
    for k in fixed:
        se[k] = base[k]
    print("  SE 20-64 total (unconstrained) %.4f  (published ~0.14 in 2024, 0.150 in 2025)" % (
        sum(W[k] * se[k] for k in cells if core(k)) / tot))
    # 3. temporary share of employees
    emp_w = {k: W[k] * (1 - se[k]) for k in cells}
    print("temporary share of employees:")
    base_t = {k: TEMP[k[0]] for k in cells}
    margins_t = [("TEMP 20-64 men", lambda k: core(k) and k[1] == "male", 0.057),
                 ("TEMP 20-64 women", lambda k: core(k) and k[1] == "female", 0.075),
                 ("TEMP 20-34", lambda k: k[0][0] >= 20 and k[0][1] <= 34, 0.143)]
    tp, _ = ipf_logit(cells, base_t, margins_t, lambda k: emp_w[k])
    for k in fixed:
        tp[k] = base_t[k]
    et = sum(emp_w[k] for k in cells if core(k))
    print("  TEMP 20-64 total (unconstrained) %.4f  (published 0.066)" % (
        sum(emp_w[k] * tp[k] for k in cells if core(k)) / et))

    rows = []
    for b in LS_BANDS:
        for s in SEXES:
            k = (b, s)
            p = plat[k]
            sev = se[k] - p
            if sev < 0:
                raise SystemExit("platform exceeds self-employment in %s" % (k,))
            temp = (1 - se[k]) * tp[k]
            perm = 1 - se[k] - temp
            vals = [round(x, 6) for x in (perm, temp, sev, p)]
            vals[0] = round(1 - sum(vals[1:]), 6)
            src = ("derived: logit IPF to St.Vl. contract type 2023 and self-employment 2022/2025; platform 0.5% of workers "
                   "(assumption from Statbel platform survey 2022); make_employment_type.py")
            if b[0] < 20 or b[1] > 64:
                src = "assumption: age profile not raked (15-19 mostly student jobs; 65+ workers mostly self-employed)"
            rows.append([band_label(*b), s] + ["%.6f" % v for v in vals] + [src])
    hdr = [
        "employment_type.csv - shares of the employed by type of work, Flemish Region, base year 2024.",
        "permanent / temporary = employees with a permanent / temporary contract; self_employed = main-job",
        "self-employed (excl. platform); platform = platform / non-standard work as main job. Rows sum to 1.",
        "Derived by tools/calibration/make_employment_type.py (weights: employed from labour_status.csv).",
        "Targets: self-employed incl. platform men 18.3 / women 10.7% of workers 20-64 (interpolated 2022-2025),",
        "20-24 10.5%, 55-64 18%; temporary 5.7 / 7.5% of employees 20-64 (men/women), 20-34 14.3% (St.Vl. 2023);",
        "platform 0.5% of workers 20-64 (assumption; Statbel platform pilot survey 2022: 1.1% of 15-64 did",
        "any platform work in 12 months, 18.2% of them more than 20 h/month).",
    ]
    write_table("employment_type.csv", hdr,
                ["age_band", "sex", "permanent", "temporary", "self_employed", "platform", "source"], rows)


if __name__ == "__main__":
    main()
