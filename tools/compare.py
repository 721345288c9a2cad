#!/usr/bin/python3
"""Compare two TaskShift output files: differences B - A of the key indicators.

Usage: compare.py A.nc B.nc [-o DIR]

Prints a table of B - A in 2030, 2040 and 2050 (those present in both files). When both files
have the same replicas (and the same seed, where recorded) the model's common random numbers make
replica r of A and replica r of B a pair: the table then gives the median of the paired
differences B_r - A_r and their 5-95% band. Otherwise it gives the difference of the medians and
no band, and says why on stderr.

With -o DIR it also writes DIR/compare.html and one PNG per indicator with the difference over
time (median line, 5-95% band when paired); the paths written are printed after the table.

Exit codes: 0 ok; 2 an input file missing, unreadable or without a 'year' dimension, or the files
share no year; 1 other errors. Run with Debian's /usr/bin/python3.
"""
import argparse
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report as R  # noqa: E402  (shared helpers; exits with a message under a wrong interpreter)

R.PROG = "compare.py"
np, plt = R.np, R.plt


class Row:
    """One indicator: medians of A and B and the difference B - A (Band or None) per year."""

    def __init__(self, name, label, units):
        self.name, self.label, self.units = name, label, units
        self.a = self.b = self.diff = None
        self.paired = False


def pairing(a, b):
    """(paired, reason)."""
    if "replica" not in a.dims or "replica" not in b.dims:
        return False, "a file has no replica dimension"
    ra, rb = np.asarray(a["replica"].values), np.asarray(b["replica"].values)
    if ra.shape != rb.shape or not np.array_equal(ra, rb):
        return False, "the files have different replicas (%d vs %d)" % (ra.size, rb.size)
    if ra.size < 2:
        return False, "only one replica"
    sa, sb = a.attrs.get("seed"), b.attrs.get("seed")
    if sa is not None and sb is not None and str(R.attr(a, "seed")) != str(R.attr(b, "seed")):
        return False, "the files have different seeds (%s vs %s), so replicas are not paired" % (
            R.attr(a, "seed"), R.attr(b, "seed"))
    return True, "paired by replica (%d replicas, common random numbers)" % ra.size


def compute_rows(a, b, years_all, paired):
    rows, skipped = [], []
    for name, how, label in R.KEY_INDICATORS:
        ina, inb = R.has_var(a, name), R.has_var(b, name)
        if not (ina and inb):
            where = "A and B" if not (ina or inb) else ("A" if not ina else "B")
            R.warn("indicator '%s' skipped: missing in %s" % (name, where))
            skipped.append((name, where))
            continue
        try:
            row = Row(name, label, R.units_of(a, name))
            ub = R.units_of(b, name)
            if ub != row.units:
                R.warn("indicator '%s': units differ (A '%s', B '%s'); using A's" % (name, row.units, ub))
            row.a = R.indicator_stats(a, name, how).sel(year=years_all)
            row.b = R.indicator_stats(b, name, how).sel(year=years_all)
            va, real_a = R.indicator_values(a, name, how)
            vb, real_b = R.indicator_values(b, name, how)
            if paired and real_a and real_b:
                d = (vb - va).sel(year=years_all)
                row.diff = R.quantiles(d)
                row.paired = True
            else:
                p50 = row.b.p50 - row.a.p50
                row.diff = R.Band(p50, p50, p50)
            if row.diff.p50.dims != ("year",):
                raise ValueError("unexpected dimensions %s" % (row.diff.p50.dims,))
        except Exception as exc:
            R.warn("indicator '%s' skipped: %s: %s" % (name, type(exc).__name__, exc))
            skipped.append((name, "error"))
            continue
        rows.append(row)
    return rows, skipped


def scaling(row, years):
    """(level factor, level unit, diff factor, diff unit, kind, level ref, diff ref)."""
    lv = np.concatenate([np.ravel(row.a.p50.sel(year=years).values),
                         np.ravel(row.b.p50.sel(year=years).values)])
    dv = np.concatenate([np.ravel(row.diff.p05.values), np.ravel(row.diff.p50.values),
                         np.ravel(row.diff.p95.values)])
    lf, lu, kind = R.display(row.name, row.units, lv)
    # differences in the levels' unit (percentage points for rates), so one unit serves a row
    df, du = lf, ("pp" if kind == "pct" else lu)
    fin = lambda x: x[np.isfinite(x)]
    lref = float(np.max(np.abs(fin(lv)))) * lf if fin(lv).size else 0.0
    dref = float(np.max(np.abs(fin(dv)))) * df if fin(dv).size else 0.0
    return lf, lu, df, du, kind, lref, dref


def text_table(rows, years, a_name, b_name, pair_note):
    out = ["Differences B - A   (A = %s, B = %s)" % (a_name, b_name), pair_note,
           "Medians across replicas; band = 5-95% of the paired differences B_r - A_r." if rows and
           any(r.paired for r in rows) else "Differences of medians (no band).", ""]
    hdr = "%-36s %-12s %5s %13s %13s %13s  %s" % ("indicator", "unit", "year", "A median",
                                                    "B median", "B-A median", "B-A 5%..95%")
    out += [hdr, "-" * len(hdr)]
    for r in rows:
        lf, lu, df, du, kind, lref, dref = scaling(r, years)
        for i, y in enumerate(years):
            a = float(r.a.p50.sel(year=y)) * lf
            b = float(r.b.p50.sel(year=y)) * lf
            d = r.diff.sel(year=y)
            band = ""
            if r.paired:
                band = "%s .. %s" % (R.fmt(float(d.p05) * df, kind, True, dref),
                                     R.fmt(float(d.p95) * df, kind, True, dref))
            unit = lu if lu == du else "%s|%s" % (lu or "-", du or "-")
            out.append("%-36s %-12s %5d %13s %13s %13s  %s" % (
                r.label[:36] if i == 0 else "", (unit or "-")[:12] if i == 0 else "", y,
                R.fmt(a, kind, False, lref), R.fmt(b, kind, False, lref),
                R.fmt(float(d.p50) * df, kind, True, dref), band))
    return "\n".join(out)


def diff_chart(row, outdir, written, a_name, b_name):
    years = [int(y) for y in row.diff.p50["year"].values]
    _lf, _lu, df, du, kind, _lr, _dr = scaling(row, years)
    fig, ax = plt.subplots()
    R.fan(ax, row.diff, "B − A", R.PALETTE[0], df)
    unit = du if kind != "pct" else "pp"
    ax.set_title(row.label)
    R.finish_axes(ax, R.ylabel_for("Difference B − A", unit), "num" if kind == "pct" else kind,
                  legend=False, zero_line=True)
    if kind == "pct":
        ax.yaxis.set_major_formatter(R.FuncFormatter(lambda v, _p: "%+.1f pp" % v if v else "0"))
    note = "paired replicas: median and 5–95% band" if row.paired else "difference of medians"
    ax.text(0.01, 0.98, "%s − %s; %s" % (b_name, a_name, note), transform=ax.transAxes,
            va="top", ha="left", fontsize=8, color="#555")
    fname = "diff_%s.png" % row.name
    R.save(fig, outdir, fname, written)
    return fname


def write_html(path, a, b, pa, pb, rows, skipped, years, pair_note, figs):
    an, bn = R.attr(a, "scenario_name", "A"), R.attr(b, "scenario_name", "B")
    keys = ["scenario_name", "scenario_hash", "inputs_hash", "code_version", "backend", "mpi_ranks", "threads",
            "seed", "run_date", "persons_simulated", "scale"]
    meta = "".join("<tr><td class=\"name\">%s</td><td>%s</td><td>%s</td></tr>" % (
        R.esc(k.replace("_", " ")), R.esc(R.attr(a, k)), R.esc(R.attr(b, k))) for k in keys)
    meta += "<tr><td class=\"name\">replicas</td><td>%d</td><td>%d</td></tr>" % (
        R.n_replicas(a), R.n_replicas(b))
    meta += "<tr><td class=\"name\">file</td><td>%s</td><td>%s</td></tr>" % (
        R.esc(os.path.basename(pa)), R.esc(os.path.basename(pb)))
    if years:
        trs = []
        for r in rows:
            lf, lu, df, du, kind, lref, dref = scaling(r, years)
            cells = []
            for y in years:
                d = r.diff.sel(year=y)
                v = float(d.p50) * df
                cls = "pos" if v > 0 else ("neg" if v < 0 else "")
                c = "<span class=\"%s\">%s</span>" % (cls, R.fmt(v, kind, True, dref))
                if r.paired:
                    c += "<span class=\"range\">%s – %s</span>" % (
                        R.fmt(float(d.p05) * df, kind, True, dref),
                        R.fmt(float(d.p95) * df, kind, True, dref))
                c += "<span class=\"range\">A %s → B %s</span>" % (
                    R.fmt(float(r.a.p50.sel(year=y)) * lf, kind, False, lref),
                    R.fmt(float(r.b.p50.sel(year=y)) * lf, kind, False, lref))
                cells.append("<td>%s</td>" % c)
            unit = du if kind != "pct" else "pp (levels in %)"
            trs.append("<tr><td class=\"name\">%s</td><td class=\"unit\">%s</td>%s</tr>" % (
                R.esc(r.label), R.esc(unit or "–"), "".join(cells)))
        table = ("<table class=\"key-indicators\"><thead><tr><th class=\"name\">Indicator</th>"
                 "<th>Unit</th>%s</tr></thead><tbody>%s</tbody></table>" % (
                     "".join("<th>%d</th>" % y for y in years), "\n".join(trs)))
    else:
        table = ("<p class=\"warn\">None of the years %s is in both files; no table.</p>"
                 % ", ".join(map(str, R.TABLE_YEARS)))
    miss = ""
    if skipped:
        miss = "<p class=\"warn\">Skipped: %s.</p>" % ", ".join(
            "<code>%s</code> (%s)" % (R.esc(n), R.esc("missing in " + w if w != "error" else w))
            for n, w in skipped)
    figs_html = "\n".join("<figure><img src=\"%s\" alt=\"%s\"><figcaption>%s</figcaption></figure>"
                          % (R.esc(f), R.esc(lab), R.esc(lab)) for f, lab in figs)
    doc = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TaskShift comparison – %(bn)s minus %(an)s</title>
<style>%(css)s</style>
</head>
<body>
<header>
<h1>TaskShift comparison: %(bn)s − %(an)s</h1>
<table><thead><tr><th class="name"></th><th>A</th><th>B</th></tr></thead><tbody>%(meta)s</tbody></table>
<p class="note">%(pair)s. %(incnote)s</p>
</header>
<section>
<h2>Differences B − A in %(years)s</h2>
<p>Each cell: the median difference (percentage points for rates), below it the 5–95%% band of the
paired differences when replicas are paired, and the medians of A and B.</p>
%(table)s
%(miss)s
</section>
<section>
<h2>Differences over time</h2>
<div class="charts">
%(figs)s
</div>
</section>
<footer>Generated by tools/compare.py on %(now)s.</footer>
</body>
</html>
""" % {"an": R.esc(an), "bn": R.esc(bn), "css": R.CSS, "meta": meta, "pair": R.esc(pair_note),
       "incnote": R.esc(R.INCOME_NOTE), "years": ", ".join(map(str, years or R.TABLE_YEARS)),
       "table": table, "miss": miss, "figs": figs_html,
       "now": datetime.datetime.now().strftime("%Y-%m-%d %H:%M")}
    R.write_text(path, doc)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="compare.py",
                                 description="Differences B - A of key indicators of two TaskShift runs.")
    ap.add_argument("a", help="reference output file A (NetCDF-4)")
    ap.add_argument("b", help="alternative output file B (NetCDF-4)")
    ap.add_argument("-o", "--outdir", help="write compare.html and difference charts here")
    args = ap.parse_args(argv)

    a = R.open_output(args.a)
    b = R.open_output(args.b)
    R.report_missing(a, "A: ")
    R.report_missing(b, "B: ")
    ya = set(int(y) for y in a["year"].values)
    yb = set(int(y) for y in b["year"].values)
    years_all = sorted(ya & yb)
    if not years_all:
        R.die("%s and %s share no year" % (args.a, args.b))
    if ya != yb:
        R.warn("the files cover different years; comparing the %d common years" % len(years_all))
    paired, why = pairing(a, b)
    if not paired:
        R.warn("differences not paired: %s" % why)
        pair_note = "Not paired (%s): differences of medians, no band" % why
    else:
        pair_note = why[0].upper() + why[1:]
    years = R.table_years(a, b)
    if not years:
        R.warn("none of the years %s is in both files" % ", ".join(map(str, R.TABLE_YEARS)))
    rows, skipped = compute_rows(a, b, years_all, paired)
    an, bn = R.attr(a, "scenario_name", "A"), R.attr(b, "scenario_name", "B")
    print(text_table(rows, years, an, bn, pair_note))

    if args.outdir:
        R.make_outdir(args.outdir)
        R.set_style()
        written, figs = [], []
        for r in rows:
            try:
                figs.append((diff_chart(r, args.outdir, written, an, bn), r.label))
            except Exception as exc:
                plt.close("all")
                R.warn("chart for '%s' skipped: %s: %s" % (r.name, type(exc).__name__, exc))
        path = os.path.join(args.outdir, "compare.html")
        try:
            write_html(path, a, b, args.a, args.b, rows, skipped, years, pair_note, figs)
        except OSError as exc:
            R.die("cannot write %s: %s" % (path, exc), code=1)
        written.append(path)
        print("\nFiles written:")
        for p in written:
            print(p)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(1)
