#!/usr/bin/python3
"""Derive configs/calibration/training.csv: participation in education or training in the last
12 months, ages 25-64 (LFS 2022), as marginal rates by dimension.

VG overall is published (22.4%, 2022). The breakdowns are published for BE only (21.5% overall);
they are scaled to VG by the ratio VG/BE = 22.4/21.5 (assumption: same relative gaps in VG).
Then each dimension is rescaled so that its rates, weighted by the Flemish population aged 25-64
(from the project's own population, education, status and job-type tables), average exactly the
published VG overall: the published one-way margins come from different sources and would
otherwise imply different overall rates (education 23.7%, age 22.4%), which no population can
meet at once. Job types are rescaled to the employed rate.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import CALIB, write_table  # noqa: E402
from pop_common import read_commented_csv  # noqa: E402

VG, BE = 0.224, 0.215
K = VG / BE
SB = "Statbel lifelong-learning (LFS 2022, BE, 12 months, 25-64)"


def mixes_25_64():
    """Weights of each category among persons aged 25-64 (and of job types among the employed)."""
    persons = {}
    for r in read_commented_csv(os.path.join(CALIB, "population_age_sex.csv")):
        a = int(r["age"])
        if 25 <= a <= 64:
            persons[(a, r["sex"])] = float(r["persons"])
    edu = {(r["age_band"], r["sex"]): r for r in read_commented_csv(os.path.join(CALIB, "education_by_age_sex.csv"))}
    status = {(r["age_band"], r["sex"], r["education"]): r for r in read_commented_csv(os.path.join(CALIB, "labour_status.csv"))}
    types = {(r["age_band"], r["sex"]): r for r in read_commented_csv(os.path.join(CALIB, "employment_type.csv"))}
    band5 = lambda a: "%d-%d" % (a - a % 5, a - a % 5 + 4)
    mix = {d: {} for d in ("education", "age_band", "status", "contract")}
    add = lambda d, c, w: mix[d].__setitem__(c, mix[d].get(c, 0.0) + w)
    for (a, sex), n in persons.items():
        age_band = "25-34" if a < 35 else "35-44" if a < 45 else "45-54" if a < 55 else "55-64"
        add("age_band", age_band, n)
        for e in ("low", "middle", "high"):
            ne = n * float(edu[(band5(a), sex)][e])
            add("education", e, ne)
            st = status[(band5(a), sex, e)]
            for c in ("employed", "unemployed", "inactive"):
                add("status", c, ne * float(st[c]))
            for c in ("permanent", "temporary", "self_employed", "platform"):
                add("contract", c, ne * float(st["employed"]) * float(types[(band5(a), sex)][c]))
    return {d: {c: w / sum(m.values()) for c, w in m.items()} for d, m in mix.items()}


def rescale(rows, dimension, target, mix):
    mean = sum(mix[r[1]] * r[2] for r in rows if r[0] == dimension)
    for r in rows:
        if r[0] == dimension:
            r[2] *= target / mean
            r[3] += "; rescaled x %.4f so that the 25-64 mix averages %.4f" % (target / mean, target)


def main():
    rows = [["overall", "all", VG, "Vlaams indicatorenboek 6.2.5 (LFS 2022, VG, 12 months, 25-64)"]]
    edu = {"low": (0.100, "assumption: between BE 'at most primary' 8.1%% and upper secondary 16.0%% "
                          "(%s), nearer the lower value, x VG/BE %.3f" % (SB, K)),
           "middle": (0.160, "%s: upper secondary 16.0%%, x VG/BE %.3f" % (SB, K)),
           "high": (0.326, "%s: higher education 32.6%%, x VG/BE %.3f" % (SB, K))}
    for e, (v, s) in edu.items():
        rows.append(["education", e, v * K, s])
    age = {"25-34": (0.278, SB + ": 27.8%"),
           "35-44": (0.250, "assumption: interpolated between BE 25-34 (27.8%) and 55-64 (12.9%) so "
                            "that the age mean is the BE 21.5%"),
           "45-54": (0.200, "assumption: as 35-44"),
           "55-64": (0.129, SB + ": 12.9%")}
    for a, (v, s) in age.items():
        rows.append(["age_band", a, v * K, s + ", x VG/BE %.3f" % K])
    st = {"employed": (0.240, SB + ": about 24%"), "unemployed": (0.172, SB + ": 17.2%"),
          "inactive": (0.103, SB + ": 10.3%")}
    for a, (v, s) in st.items():
        rows.append(["status", a, v * K, s + ", x VG/BE %.3f" % K])
    perm = 0.239 * K
    rows += [
        ["contract", "permanent", perm, SB + ": permanent 23.9%%, x VG/BE %.3f" % K],
        ["contract", "temporary", 0.313 * K,
         SB + ": temporary 31.3% (observed margin kept; temporary workers are younger and the age gradient "
         "explains the excess; the OECD/SERV 'atypical workers 20% less' is a conditional, employer-provided "
         "training effect, applied in the model's participation equation, not to this margin), x VG/BE"],
        ["contract", "self_employed", 0.8 * perm,
         "assumption: permanent rate x 0.8 (SERV note citing OECD 2015: atypical workers 20% lower chance; "
         "no employer-provided training); BE/VG figure not found"],
        ["contract", "platform", 0.8 * perm,
         "assumption: as self_employed (no employer-provided training; OECD/SERV 20% lower); not found"],
    ]
    mix = mixes_25_64()
    for dimension in ("education", "age_band", "status"):
        rescale(rows, dimension, VG, mix[dimension])
    employed = [r[2] for r in rows if r[0] == "status" and r[1] == "employed"][0]
    rescale(rows, "contract", employed, mix["contract"])
    # check: education and age means
    print("VG/BE scaling factor %.4f" % K)
    for r in rows:
        print("  %-10s %-13s %.3f" % (r[0], r[1], r[2]))
    for dimension, m in mix.items():
        print("%-10s weighted mean %.4f (mix %s)" % (dimension, sum(m[r[1]] * r[2] for r in rows if r[0] == dimension),
                                                   {k: round(v, 3) for k, v in m.items()}))
    out = [[d, c, "%.4f" % v, s] for d, c, v, s in rows]
    header = [
        "training.csv - participation in education or training in the last 12 months, ages 25-64,",
        "marginal rates by dimension (fractions). Flemish Region, LFS 2022 (base for 2024; the 2024",
        "LFS questionnaire break (BE 35.5%) is not used). Derived by tools/calibration/derive_training.py.",
        "VG overall 22.4% (Vlaams indicatorenboek 6.2.5). Breakdowns are BE (Statbel lifelong learning 2022,",
        "BE overall 21.5%%) scaled by VG/BE = %.4f (assumption: same relative gaps). Flemish Brabant LFS" % K,
        "interviewer issue (2021-24) may bias VG training slightly down. Contract categories: see source;",
        "temporary uses the observed LFS margin (31.3% vs 23.9% permanent) although the SERV note (OECD) says",
        "atypical workers train 20% less: the latter is read as a conditional employer-training effect.",
        "AES 2022 (BE, 18-69, formal+non-formal 43.0%) is a broader concept, kept for validation only.",
    ]
    write_table("training.csv", header, ["dimension", "category", "rate_12m", "source"], out)


if __name__ == "__main__":
    main()
