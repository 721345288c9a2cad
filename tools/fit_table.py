#!/usr/bin/env python3
"""Turns the fit CSV of `taskshift synth --report` into the Markdown table of docs/population.md."""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
print("| target table | key | target | synthetic | difference | within tolerance |")
print("|---|---|---:|---:|---:|---|")
for r in rows:
    t, s, d = float(r["target"]), float(r["synthetic"]), float(r["difference"])
    if r["target_table"] == "wage_deciles" or r["key"].startswith("total"):
        cells = f"{t:,.0f} | {s:,.0f} | {d:+,.0f}" + (f" ({100 * d / t:+.2f}%)" if r["target_table"] == "wage_deciles" else "")
    else:
        cells = f"{t:.4f} | {s:.4f} | {100 * d:+.3f} pp"
    met = "yes" if r["within_tolerance"] == "true" else "**NOT MET**"
    print(f"| {r['target_table']} | {r['key']} | {cells} | {met} |")
