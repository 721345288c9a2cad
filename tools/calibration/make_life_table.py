"""Derive configs/calibration/life_table.csv: one-year death probabilities qx, ages 0..105 (105 = 105+).

A Flemish single-age life table (Statbel 'sterftetafels' per gewest) was not reachable in the stored
sources, only life expectancies. So qx is a Gompertz-Makeham curve fitted to life expectancy:
  mu(x) = A + B*exp(c*x)  for x >= 1;  qx = 1 - exp(-(A + B*exp(c*x)*(exp(c)-1)/c));  q0 fixed.
Targets (e0, Flemish Region 2023): men 81.1, women 85.2. Basis: Statbel 2023 Belgium e0 80.2 men,
84.3 women, 82.3 total (found: internetgazet.be quoting Statbel); VG exceeded BE by 0.9 year in 2022
(82.6 vs 81.7, found: plusmagazine.knack.be quoting Statbel) -> BE + 0.9 (assumption: same gap in 2023).
Fixed (assumptions, typical of Belgium): q0 = 0.0035 men / 0.0029 women (infant mortality ~3.2 per
1000); Makeham term A = 0.0002 / 0.0001; Gompertz slope c = 0.105 / 0.115 (mortality doubling
about every 6.6 / 6.0 years, usual for low-mortality Western Europe). B solved by bisection.
Gompertz overstates mortality above ~95 (no late-life deceleration): a known simplification.
Run: /usr/bin/python3 tools/calibration/make_life_table.py
"""
import math

from pop_common import bisect, write_table

PARAMS = {"male": dict(e0=81.1, q0=0.0035, A=0.0002, c=0.105),
          "female": dict(e0=85.2, q0=0.0029, A=0.0001, c=0.115)}
MAXAGE = 105


def qx_curve(B, p):
    q = [p["q0"]]
    for x in range(1, MAXAGE):
        H = p["A"] + B * math.exp(p["c"] * x) * (math.exp(p["c"]) - 1) / p["c"]
        q.append(min(1.0, 1 - math.exp(-H)))
    q.append(1.0)
    return q


def ex(q, p, B, age):
    l = 1.0
    T = 0.0
    for x in range(age, MAXAGE):
        d = l * q[x]
        T += l - d / 2 if x > 0 else l - d * 0.9  # infant deaths early in the year
        l -= d
    mu = p["A"] + B * math.exp(p["c"] * MAXAGE)
    T += l / mu  # 105+: constant hazard
    return T


def main():
    rows = []
    for sex, p in PARAMS.items():
        B = math.exp(bisect(lambda lb: -(ex(qx_curve(math.exp(lb), p), p, math.exp(lb), 0) - p["e0"]), -20, -5))
        q = qx_curve(B, p)
        print("%-6s B=%.3e  e0 %.2f (target %.1f)  e65 %.2f  q20 %.5f q50 %.5f q65 %.5f q80 %.5f q95 %.4f" % (
            sex, B, ex(q, p, B, 0), p["e0"], ex(q, p, B, 65), q[20], q[50], q[65], q[80], q[95]))
        src = "derived: Gompertz-Makeham fitted to e0 VG 2023 (Statbel BE 2023 + VG-BE gap 2022); make_life_table.py"
        for x in range(0, MAXAGE + 1):
            rows.append([x, sex, "%.6f" % q[x], src if x < MAXAGE else "assumption: closing age group 105+, qx = 1"])
    print("sanity (known, not re-read): BE 2023 e65 about 19 (men) and 22 (women)")
    hdr = [
        "life_table.csv - one-year probability of dying between exact age x and x+1, by sex, ages 0..105",
        "(105 = 105 and over, qx = 1). Flemish Region, period 2023 (applied to base year 2024).",
        "NOT a published table: Gompertz-Makeham curve fitted in tools/calibration/make_life_table.py to",
        "life expectancy at birth 81.1 (men) / 85.2 (women) = Statbel Belgium 2023 (80.2 / 84.3) plus the",
        "Flemish advantage of 0.9 year observed in 2022 (82.6 vs 81.7). q0, Makeham term and Gompertz slope",
        "are stated assumptions. Replace with Statbel's single-age life table for the Vlaams Gewest.",
    ]
    write_table("life_table.csv", hdr, ["age", "sex", "qx", "source"], rows)


if __name__ == "__main__":
    main()
