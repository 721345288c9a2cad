"""Derive configs/calibration/labour_status.csv (VG base year 2024, calibrated to LFS 2023 rates).

Statuses (mutually exclusive, each row sums to 1): in_education (student, not employed),
employed (employees + self-employed, ILO), unemployed (ILO), inactive, retired (draws a pension).
Cells: 12 age bands x sex x education; cell populations = population_age_sex.csv x the 5-year
education shares of make_education.py.

Method
1. Fixed assumptions (no VG table by cell found): student share E_EDU by band and education;
   retired share RET by band, sex and education (early retirement from 60: career condition
   63/42 years or 60/44 years; legal age 65 in 2024; special regimes below 60 are rare);
   the 65+ bands use fixed shares (OLD).
2. For 15-64 the rest R = 1 - student - retired splits into employed E = R*p, unemployed
   U = E*u/(1-u) (so the cell's ILO unemployment rate is u) and inactive R - E - U.
3. p = expit(base + shifts) and u = expit(base + shifts). Base logits are plausible age, sex and
   education profiles (assumptions). The shifts are found by iterative proportional fitting on the
   logit scale (one additive shift per margin category, each solved by bisection, cycled until
   converged) so that the population-weighted rates reproduce the published VG 2023 margins:
     ER 20-64 men 80.3 / women 73.3 (=> total 76.8); ER 25-64 by education 52.6 / 78.0 / 90.8;
     ER 55-64 60.8; ER 35-44 87.5 and 45-54 86.5 (assumption: 2019 published 87.0 / 85.6 plus
     the 2019-23 rise of the total); UR 15-64 by sex 3.8 / 2.9, by education 5.7 / 3.0 / 1.5
     (applied to 25-64: with 15-64 weights these three cannot average to 3.3, so the published
     breakdown is taken to be 25-64, like the ER by education), by age 15-34 6.0 / 35-54 2.0 / 55-64 2.1.
   The printout shows each target next to the achieved value, plus unconstrained results (ER
   20-34 vs 75.3 in 2019, UR total 3.3, student shares).
Note: LFS counts students with a side job as employed; here they are in_education, so the
model's ER 15-24 is below the LFS figure (VG 15-24 ER not found; BE 26.5% in 2023).
Run: /usr/bin/python3 tools/calibration/make_labour_status.py
"""
import os

from make_education import edu_shares
from pop_common import (EDUS, LS_BANDS, RAW, SEXES, band_label, bisect, expit, load_population, logit,
                        read_commented_csv, write_table)

# 1. fixed assumptions --------------------------------------------------------------------------
E_EDU = {  # share in education (not employed), by band and education
    (15, 19): {"low": 0.91, "middle": 0.78, "high": 0.78},
    (20, 24): {"low": 0.25, "middle": 0.52, "high": 0.45},
    (25, 29): {"low": 0.04, "middle": 0.05, "high": 0.07},
    (30, 34): {"low": 0.02, "middle": 0.015, "high": 0.02},
    (35, 39): {"low": 0.01, "middle": 0.01, "high": 0.01},
    (40, 44): {"low": 0.01, "middle": 0.01, "high": 0.01},
    (45, 49): {"low": 0.005, "middle": 0.005, "high": 0.005},
    (50, 54): {"low": 0.005, "middle": 0.005, "high": 0.005},
}
RET = {  # retired share (pension), by band, sex, education
    (55, 59): {"male": {"low": 0.02, "middle": 0.015, "high": 0.01}, "female": {"low": 0.015, "middle": 0.012, "high": 0.01}},
    (60, 64): {"male": {"low": 0.28, "middle": 0.26, "high": 0.18}, "female": {"low": 0.24, "middle": 0.22, "high": 0.15}},
}
# 65+: fixed (employed, unemployed, inactive); retired = rest. Employment after 65 is mostly
# self-employed and higher educated (assumption; BE ER 65-69 is about 8-9%).
OLD = {
    (65, 69): {"low": (0.045, 0.001, 0.03), "middle": (0.07, 0.001, 0.025), "high": (0.13, 0.001, 0.02)},
    (70, 100): {"low": (0.010, 0.0, 0.015), "middle": (0.015, 0.0, 0.012), "high": (0.035, 0.0, 0.01)},
}
OLD_SEX = {"male": 1.3, "female": 0.75}  # multiplier on employment 65+

# 2. base logit profiles (assumptions) ------------------------------------------------------------
P_AGE = {(15, 19): 0.55, (20, 24): 0.82, (25, 29): 0.88, (30, 34): 0.87, (35, 39): 0.90, (40, 44): 0.90,
         (45, 49): 0.89, (50, 54): 0.86, (55, 59): 0.78, (60, 64): 0.58}
P_SEX = {"male": 0.0, "female": -0.35}
P_EDU = {"low": -1.2, "middle": 0.0, "high": 0.9}
U_AGE = {(15, 19): 0.15, (20, 24): 0.45, (25, 29): 0.50, (30, 34): 0.35, (35, 39): 0.20, (40, 44): 0.16,
         (45, 49): 0.14, (50, 54): 0.11, (55, 59): 0.07, (60, 64): 0.03}
U_SEX = {"male": 0.2, "female": 0.0}
U_EDU = {"low": 0.7, "middle": 0.0, "high": -0.6}


def cells():
    pop = load_population()
    out = {}
    for b in LS_BANDS:
        for s in SEXES:
            for e in EDUS:
                out[(b, s, e)] = sum(v * edu_shares(a, x)[e] for (a, x), v in pop.items()
                                     if b[0] <= a <= b[1] and x == s)
    return out


def main():
    N = cells()
    young = [b for b in LS_BANDS if b[1] <= 64]
    tg = {(r["indicator"], r["group"]): float(r["value"])
          for r in read_commented_csv(os.path.join(RAW, "vg_labour_targets_2023.csv"))}

    def in_age(b, lo, hi):
        return b[0] >= lo and b[1] <= hi

    shift_p = {k: 0.0 for k in N}
    shift_u = {k: 0.0 for k in N}

    def status(k):
        b, s, e = k
        if b[1] > 64:
            emp, un, ina = OLD[b][e]
            emp *= OLD_SEX[s]
            return {"in_education": 0.0, "employed": emp, "unemployed": un, "inactive": ina,
                    "retired": 1 - emp - un - ina}
        st = E_EDU.get(b, {}).get(e, 0.0)
        rt = RET.get(b, {}).get(s, {}).get(e, 0.0)
        R = 1 - st - rt
        p = expit(logit(P_AGE[b]) + P_SEX[s] + P_EDU[e] + (-0.4 if (s == "female" and e == "low") else 0.0)
                  + shift_p[k])
        u = expit(logit(U_AGE[b]) + U_SEX[s] + U_EDU[e] + shift_u[k])
        E = R * p
        U = (R - E) * u  # u = share of the non-employed, non-student, non-retired who seek work
        return {"in_education": st, "employed": E, "unemployed": U, "inactive": R - E - U, "retired": rt}

    def er(sel):
        n = sum(N[k] for k in N if sel(k))
        return sum(N[k] * status(k)["employed"] for k in N if sel(k)) / n

    def ur(sel):
        e = sum(N[k] * status(k)["employed"] for k in N if sel(k))
        u = sum(N[k] * status(k)["unemployed"] for k in N if sel(k))
        return u / (e + u)

    er_margins = [  # (name, selector, target)
        ("ER 20-64 male", lambda k: in_age(k[0], 20, 64) and k[1] == "male", tg[("er", "20-64 male")]),
        ("ER 20-64 female", lambda k: in_age(k[0], 20, 64) and k[1] == "female", tg[("er", "20-64 female")]),
        ("ER 25-64 low", lambda k: in_age(k[0], 25, 64) and k[2] == "low", tg[("er", "25-64 low")]),
        ("ER 25-64 middle", lambda k: in_age(k[0], 25, 64) and k[2] == "middle", tg[("er", "25-64 middle")]),
        ("ER 25-64 high", lambda k: in_age(k[0], 25, 64) and k[2] == "high", tg[("er", "25-64 high")]),
        ("ER 55-64", lambda k: in_age(k[0], 55, 64), tg[("er", "55-64 total")]),
        ("ER 35-44 (assumed)", lambda k: in_age(k[0], 35, 44), 0.875),
        ("ER 45-54 (assumed)", lambda k: in_age(k[0], 45, 54), 0.865),
    ]
    ur_margins = [
        ("UR 15-64 male", lambda k: in_age(k[0], 15, 64) and k[1] == "male", tg[("ur", "15-64 male")]),
        ("UR 15-64 female", lambda k: in_age(k[0], 15, 64) and k[1] == "female", tg[("ur", "15-64 female")]),
        ("UR 25-64 low", lambda k: in_age(k[0], 25, 64) and k[2] == "low", tg[("ur", "15-64 low")]),
        ("UR 25-64 middle", lambda k: in_age(k[0], 25, 64) and k[2] == "middle", tg[("ur", "15-64 middle")]),
        ("UR 25-64 high", lambda k: in_age(k[0], 25, 64) and k[2] == "high", tg[("ur", "15-64 high")]),
        ("UR 15-34", lambda k: in_age(k[0], 15, 34), tg[("ur", "15-34 total")]),
        ("UR 35-54", lambda k: in_age(k[0], 35, 54), tg[("ur", "35-54 total")]),
        ("UR 55-64", lambda k: in_age(k[0], 55, 64), tg[("ur", "55-64 total")]),
    ]

    for _ in range(300):
        maxerr = 0.0
        for name, sel, t in er_margins:
            ks = [k for k in N if sel(k)]
            base = {k: shift_p[k] for k in ks}

            def f(d):
                for k in ks:
                    shift_p[k] = base[k] + d
                return er(sel) - t
            d = bisect(f, -6, 6)
            f(d)
            maxerr = max(maxerr, abs(d))
        for name, sel, t in ur_margins:
            ks = [k for k in N if sel(k)]
            base = {k: shift_u[k] for k in ks}

            def g(d):
                for k in ks:
                    shift_u[k] = base[k] + d
                return ur(sel) - t
            d = bisect(g, -6, 6)
            g(d)
            maxerr = max(maxerr, abs(d))
        if maxerr < 1e-7:
            break
    print("IPF finished, last max shift %.2e" % maxerr)
    print("%-22s %9s %9s" % ("margin", "achieved", "target"))
    for name, sel, t in er_margins + ur_margins:
        v = er(sel) if name.startswith("ER") else ur(sel)
        print("%-22s %9.4f %9.4f" % (name, v, t))
    print("unconstrained results:")
    print("  ER 20-64 total      %.4f  (published 0.768)" % er(lambda k: in_age(k[0], 20, 64)))
    print("  ER 20-34            %.4f  (2019 published 0.753)" % er(lambda k: in_age(k[0], 20, 34)))
    print("  ER 15-64            %.4f" % er(lambda k: in_age(k[0], 15, 64)))
    print("  UR 15-64 total      %.4f  (published 0.033)" % ur(lambda k: in_age(k[0], 15, 64)))
    for b in LS_BANDS:
        sel = (lambda bb: (lambda k: k[0] == bb))(b)
        n = sum(N[k] for k in N if sel(k))
        sh = {s: sum(N[k] * status(k)[s] for k in N if sel(k)) / n
              for s in ("in_education", "employed", "unemployed", "inactive", "retired")}
        print("  %-6s educ %.3f emp %.3f unemp %.3f inact %.3f retired %.3f" % (
            band_label(*b), sh["in_education"], sh["employed"], sh["unemployed"], sh["inactive"], sh["retired"]))

    rows = []
    cols = ("in_education", "employed", "unemployed", "inactive", "retired")
    for b in LS_BANDS:
        for s in SEXES:
            for e in EDUS:
                st = status((b, s, e))
                if st["inactive"] < 0:
                    raise SystemExit("negative inactive share in %s %s %s" % (band_label(*b), s, e))
                vals = [round(st[c], 6) for c in cols]
                vals[3] = round(1 - sum(vals) + vals[3], 6)  # inactive takes the rounding residue
                if b[1] <= 64:
                    src = "derived: logit IPF to Statistiek Vlaanderen LFS 2023 ER/UR margins (make_labour_status.py)"
                else:
                    src = "assumption: 65+ mostly retired; employment after 65 higher for high-educated and men"
                rows.append([band_label(*b), s, e] + ["%.6f" % v for v in vals] + [src])
    hdr = [
        "labour_status.csv - status shares by age band, sex and education, Flemish Region, base year 2024",
        "(calibrated to LFS 2023 rates). Each row sums to 1. employed includes self-employed (ILO);",
        "unemployed = ILO; in_education = student not in work; retired = receives a pension.",
        "Derived by tools/calibration/make_labour_status.py (weights: population_age_sex.csv x education",
        "shares of make_education.py). Reproduces: ER 20-64 76.8 (men 80.3, women 73.3), ER 55-64 60.8,",
        "ER 25-64 by education 52.6/78.0/90.8, UR 15-64 by sex 3.8/2.9, by education 5.7/3.0/1.5, by age",
        "15-34 6.0 / 35-54 2.0 / 55-64 2.1 (Statistiek Vlaanderen, LFS 2023). ER 35-44 / 45-54 targets",
        "(87.5 / 86.5) and student, retirement and 65+ shares are stated assumptions (see script).",
        "A planning bureau would tabulate these cells directly from LFS (EAK) microdata.",
    ]
    write_table("labour_status.csv", hdr, ["age_band", "sex", "education"] + list(cols) + ["source"], rows)


if __name__ == "__main__":
    main()
