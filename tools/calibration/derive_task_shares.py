#!/usr/bin/python3
"""Derive configs/calibration/occupation_tasks_isco08.csv.

Method (see docs/occupations-and-tasks.md):
1. Task indices (Acemoglu & Autor 2011 as implemented by Hardy, Keister & Lewandowski 2018):
   each O*NET item is z-scored across the 391 ISCO-08 4-digit occupations (unweighted,
   sample standard deviation), the items of a task are summed, and the sum is
   re-standardised across occupations.
2. Time shares: share_k = exp(LAMBDA * z_k) / sum_j exp(LAMBDA * z_j)  (softmax).
   LAMBDA is chosen by the scan printed below (see the doc for the reasoning).
3. Shares are rounded to 6 decimals and renormalised so each row sums to 1 within 1e-6.
4. weight = 1.0 (uniform within major group; no Belgian 4-digit employment available).
5. frey_osborne = Frey & Osborne probability mapped to ISCO-08 (raw/frey_osborne_isco08.csv);
   missing codes get the unweighted mean of their major group (flagged in 'source').
"""
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import RAW, read_csv, write_table, isco_shares_belgium, f6  # noqa: E402

LAMBDA = 0.75
TASKS = ["task_analytic", "task_interpersonal", "task_routine_cognitive",
         "task_routine_manual", "task_manual"]
ITEMS = {
    "task_analytic": ["t_4A2a4", "t_4A2b2", "t_4A4a1"],
    "task_interpersonal": ["t_4A4a4", "t_4A4b4", "t_4A4b5"],
    "task_routine_cognitive": ["t_4C3b7", "t_4C3b4", "t_4C3b8_rev"],
    "task_routine_manual": ["t_4C3d3", "t_4A3a3", "t_4C2d1i"],
    "task_manual": ["t_4A3a4", "t_4C2d1g", "t_1A2a2", "t_1A1f1"],
}
SHARE_YEAR = 2020   # latest year in raw/employment_isco1_belgium_quarterly.csv


def zscore(xs):
    m = statistics.mean(xs)
    s = statistics.stdev(xs)
    return [(x - m) / s for x in xs]


def softmax(zs, lam):
    e = [math.exp(lam * z) for z in zs]
    t = sum(e)
    return [x / t for x in e]


def round_renorm(shares):
    r = [round(s, 6) for s in shares]
    diff = round(1.0 - sum(r), 6)
    k = max(range(len(r)), key=lambda i: r[i])   # put the residual on the largest share
    r[k] = round(r[k] + diff, 6)
    assert abs(sum(r) - 1.0) < 1e-6, r
    return r


def main():
    onet = read_csv(os.path.join(RAW, "onet_tasks_isco08.csv"))
    onet = [r for r in onet if r["isco08"][0] != "0"]          # skip armed forces
    codes = [r["isco08"] for r in onet]
    idx = {}
    for t, items in ITEMS.items():
        zs = [zscore([float(r[i]) for r in onet]) for i in items]
        summed = [sum(z[j] for z in zs) for j in range(len(onet))]
        idx[t] = zscore(summed)

    fo_rows = read_csv(os.path.join(RAW, "frey_osborne_isco08.csv"))
    fo = {r["isco08"]: float(r["fo_probability_mean"]) for r in fo_rows}
    fo_group = {}
    for g in range(1, 10):
        v = [p for c, p in fo.items() if c[0] == str(g)]
        fo_group[g] = statistics.mean(v)

    emp = isco_shares_belgium(SHARE_YEAR)
    groups = {g: [j for j, c in enumerate(codes) if c[0] == str(g)] for g in range(1, 10)}

    def summary(lam):
        sh = [softmax([idx[t][j] for t in TASKS], lam) for j in range(len(codes))]
        gm = {g: [statistics.mean(sh[j][k] for j in groups[g]) for k in range(5)]
              for g in range(1, 10)}
        tot = [sum(emp[g] * gm[g][k] for g in range(1, 10)) for k in range(5)]
        dom = statistics.mean(max(s) for s in sh)
        mx = max(max(s) for s in sh)
        mn = min(min(s) for s in sh)
        return sh, gm, tot, dom, mx, mn

    print("lambda scan (employment-weighted BE %d, uniform within group):" % SHARE_YEAR)
    print(" lambda  NRA   NRI   RC    RM    NRM   routine  mean-dominant  max   min  "
          "clerks-RC  operators-RM")
    for lam in (0.25, 0.5, 0.6, 0.75, 0.9, 1.0, 1.25, 1.5):
        sh, gm, tot, dom, mx, mn = summary(lam)
        print(" %5.2f  %s   %.3f    %.3f        %.3f %.3f  %.3f      %.3f" % (
            lam, " ".join("%.3f" % x for x in tot), tot[2] + tot[3], dom, mx, mn,
            gm[4][2], gm[8][3]))

    sh, gm, tot, dom, mx, mn = summary(LAMBDA)
    print("\nchosen lambda = %.2f" % LAMBDA)
    print("\nunweighted mean z-index by major group (check against calibration-figures §3):")
    for g in range(1, 10):
        print("  %d  %s" % (g, " ".join("%+.2f" % statistics.mean(idx[t][j] for j in groups[g])
                                        for t in TASKS)))
    print("\nmean time shares by major group (uniform within group), BE %d employment share:"
          % SHARE_YEAR)
    print("| ISCO | emp. share | analytic | interpersonal | routine cog. | routine man. | "
          "non-routine man. | routine (RC+RM) | FO mean |")
    print("|---|---|---|---|---|---|---|---|---|")
    for g in range(1, 10):
        fom = statistics.mean(fo.get(codes[j], fo_group[g]) for j in groups[g])
        print("| %d | %.3f | %s | %.3f | %.3f |" % (g, emp[g], " | ".join("%.3f" % x for x in gm[g]),
                                                   gm[g][2] + gm[g][3], fom))
    print("| all (emp.-weighted) | 1.000 | %s | %.3f | |" % (
        " | ".join("%.3f" % x for x in tot), tot[2] + tot[3]))

    rows = []
    nmiss = 0
    for j, c in enumerate(codes):
        s = round_renorm(sh[j])
        g = int(c[0])
        if c in fo:
            p = fo[c]
            src = "O*NET via IBS crosswalk (raw/onet_tasks_isco08.csv); FO 2017 via IBS SOC10-ISCO08"
        else:
            p = fo_group[g]
            nmiss += 1
            src = ("O*NET via IBS crosswalk (raw/onet_tasks_isco08.csv); FO missing for this code:"
                   " major-group %d unweighted mean used" % g)
        rows.append([c, str(g), "1.0"] + [f6(x) for x in s] + ["%.5f" % p, src])
    print("\nFO missing for %d codes (group mean used)" % nmiss)

    header = [
        "occupation_tasks_isco08.csv - mean task bundle (time shares, sum 1) and Frey-Osborne",
        "probability per ISCO-08 4-digit occupation. Unit: fractions. Base year 2024, applied to VG/BE.",
        "Derived by tools/calibration/derive_task_shares.py from raw/onet_tasks_isco08.csv and",
        "raw/frey_osborne_isco08.csv (provenance in raw/README.md).",
        "Task indices: Acemoglu & Autor (2011) items as implemented by Hardy, Keister & Lewandowski (2018):",
        "  analytic 4A2a4+4A2b2+4A4a1; interpersonal 4A4a4+4A4b4+4A4b5; routine cognitive 4C3b7+4C3b4+4C3b8(rev);",
        "  routine manual 4C3d3+4A3a3+4C2d1i; non-routine manual 4A3a4+4C2d1g+1A2a2+1A1f1.",
        "  Each item z-scored across the 391 occupations (unweighted), summed, re-standardised.",
        "Time shares: share_k = exp(lambda*z_k)/sum_j exp(lambda*z_j), lambda = %.2f (assumption; chosen so" % LAMBDA,
        "  the BE-employment-weighted routine share RC+RM = %.3f and the dominant task of an occupation" % (tot[2] + tot[3]),
        "  takes on average %.3f of time; see docs/occupations-and-tasks.md). Rounded to 6 dp, renormalised." % dom,
        "weight: uniform 1.0 within major group (assumption: no BE/VG 4-digit employment data available).",
        "frey_osborne: Frey & Osborne (2017) probability, unweighted mean over SOC-2010 codes mapped by the",
        "  IBS crosswalk; %d codes without a match get their major-group mean (flagged in source)." % nmiss,
        "Caveat: O*NET describes US jobs; applying it to Flemish workers is an assumption.",
    ]
    write_table("occupation_tasks_isco08.csv", header,
                ["isco4", "isco1", "weight"] + TASKS + ["frey_osborne", "source"], rows)


if __name__ == "__main__":
    main()
