"""Shared helpers for the calibration derivation scripts (Python 3 standard library only).

Every table follows docs/calibration-format.md: a '#' header block, a header row,
'source' as the last column, RFC 4180 quoting, dot decimals, shares as fractions.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CALIB = os.path.join(ROOT, "configs", "calibration")
RAW = os.path.join(CALIB, "raw")


def write_table(name, header_lines, columns, rows):
    """Write configs/calibration/<name> with a '#' header block and CSV body."""
    if columns[-1] != "source":
        raise ValueError("last column must be 'source'")
    buf = io.StringIO()
    for line in header_lines:
        buf.write("# " + line + "\n" if line else "#\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        if len(r) != len(columns):
            raise ValueError("row length mismatch: %r" % (r,))
        w.writerow(r)
    path = os.path.join(CALIB, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print("wrote", os.path.relpath(path, ROOT), "(%d rows)" % len(rows))
    return path


def read_csv(path):
    """Read a CSV, skipping a leading '#' comment block (calibration-table format)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines))


def f6(x):
    return "%.6f" % x


def isco_shares_belgium(year):
    """Annual mean of quarterly BE employment by ISCO-08 major group (Eurostat LFS),
    normalised over groups 1..9 (armed forces and no-response excluded)."""
    rows = read_csv(os.path.join(RAW, "employment_isco1_belgium_quarterly.csv"))
    tot = [0.0] * 10
    n = 0
    for r in rows:
        if r["quarter"].startswith(str(year)):
            n += 1
            for g in range(1, 10):
                tot[g] += float(r["isco%d_thousands" % g])
    if n == 0:
        raise ValueError("no quarters for %s" % year)
    s = sum(tot[1:])
    return {g: tot[g] / s for g in range(1, 10)}
