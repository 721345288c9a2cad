#!/usr/bin/python3
"""HTML report with fan charts for one TaskShift output file.

Usage: report.py OUT.nc -o DIR

Writes DIR/index.html (self-contained apart from the PNG charts, which sit next to it and are
referenced by relative name) and one PNG per chart, then prints the paths written, one a line.
Variables missing from the file are skipped with a note on stderr (and in the HTML).

Exit codes: 0 ok; 2 input file missing, unreadable or without a 'year' dimension; 1 other errors.

Must run under Debian's /usr/bin/python3 (xarray, netCDF4, numpy, matplotlib).
The helpers here are also used by tools/compare.py.
"""
import argparse
import datetime
import html
import os
import re
import sys
import warnings

PROG = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "report.py"

try:
    import numpy as np
    import xarray as xr
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator, PercentFormatter, FuncFormatter
except ImportError as exc:  # wrong interpreter
    print("%s: error: %s; run with Debian's /usr/bin/python3 (needs xarray, netCDF4, numpy, "
          "matplotlib)" % (PROG, exc), file=sys.stderr)
    sys.exit(1)

warnings.filterwarnings("ignore", category=RuntimeWarning)  # all-NaN slices: shown as gaps / "–"

TABLE_YEARS = (2030, 2040, 2050)
EXIT_INPUT = 2

from output_variables import EXPECTED_VARIABLES  # noqa: E402 (next to this file)

# Dimensionless variables that are fractions and are shown as % (differences as percentage points).
PERCENT_VARS = {
    "employment_rate_20_64", "unemployment_rate", "unemployment_rate_by_education",
    "employment_share_by_wage_tercile", "mean_task_share", "share_automatable_over_70",
    "share_automatable_50_70", "training_rate", "digital_skill_share", "poverty_rate",
    "labour_share",
}

# Key indicators for the tables: (variable, how, label). how = "value" or "sum" (over the group).
KEY_INDICATORS = [
    ("employment_rate_20_64", "value", "Employment rate 20-64"),
    ("unemployment_rate", "value", "Unemployment rate"),
    ("share_automatable_over_70", "value", "Workers with automation risk > 70%"),
    ("share_automatable_50_70", "value", "Workers with automation risk 50-70%"),
    ("training_rate", "value", "Training participation"),
    ("mean_wage", "value", "Mean gross wage"),
    ("median_wage", "value", "Median gross wage"),
    ("gini_gross_labour_income", "value", "Gini, gross labour income"),
    ("gini_disposable_income", "value", "Gini, disposable income"),
    ("p90_p10", "value", "P90/P10, disposable income"),
    ("s80_s20", "value", "S80/S20, disposable income"),
    ("poverty_rate", "value", "At-risk-of-poverty rate"),
    ("labour_share", "value", "Labour share"),
    ("ss_revenue", "sum", "Social security revenue (total)"),
    ("ss_spending", "sum", "Social security spending (total)"),
    ("ss_balance", "value", "Social security balance"),
    ("income_tax_revenue", "value", "Personal income tax revenue"),
    ("datacenter_twh", "value", "Data-centre electricity"),
    ("datacenter_cost_eur", "value", "Data-centre electricity cost"),
    ("datacenter_co2_t", "value", "Data-centre CO2 emissions"),
]

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
           "#555555", "#8C564B", "#B8B000", "#000000"]

INCOME_NOTE = ("Incomes are individual, not household: inequality and poverty indicators are "
               "computed over persons' own incomes, without pooling or equivalisation within "
               "households.")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
 margin:0 auto;max-width:1200px;padding:1.5em;color:#222;background:#fff;line-height:1.4}
h1{font-size:1.6em;margin:0 0 .3em} h2{font-size:1.25em;border-bottom:2px solid #0072B2;
 padding-bottom:.2em;margin-top:1.8em}
.meta{display:grid;grid-template-columns:max-content auto;gap:.15em 1.2em;margin:.8em 0;font-size:.95em}
.meta dt{font-weight:600;color:#555} .meta dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace}
.scenario-text{font-style:italic;color:#444}
.note{background:#fff7e0;border-left:4px solid #E69F00;padding:.5em .8em}
.warn{background:#fdecea;border-left:4px solid #D55E00;padding:.5em .8em}
table{border-collapse:collapse;margin:.8em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right;vertical-align:top}
th{background:#eef4fa} td.name,th.name{text-align:left} td.unit{text-align:left;color:#555}
.range{display:block;color:#666;font-size:.85em}
.pos{color:#006d4f} .neg{color:#b23c00}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1.2em}
figure{margin:0;border:1px solid #ddd;padding:.5em;background:#fafafa}
figure img{width:100%;height:auto} figcaption{font-size:.88em;color:#444;margin-top:.3em}
footer{margin-top:2em;font-size:.8em;color:#777}
"""


# ----------------------------------------------------------------------------- messages

_warned = set()


def warn(msg):
    if msg not in _warned:  # say each thing once
        _warned.add(msg)
        print("%s: %s" % (PROG, msg), file=sys.stderr)


def die(msg, code=EXIT_INPUT):
    print("%s: error: %s" % (PROG, msg), file=sys.stderr)
    sys.exit(code)


# ----------------------------------------------------------------------------- input

def open_output(path):
    """Open a TaskShift output file or exit 2 with a message."""
    if not os.path.exists(path):
        die("input file not found: %s" % path)
    if not os.path.isfile(path):
        die("input is not a regular file: %s" % path)
    try:
        ds = xr.open_dataset(path, engine="netcdf4", decode_times=False)
        ds = ds.load()
    except Exception as exc:  # netCDF4/HDF5 raise a variety of types
        die("cannot read %s as NetCDF: %s" % (path, exc))
    if "year" not in ds.dims:
        die("%s has no 'year' dimension; not a TaskShift output file" % path)
    try:
        years = np.asarray(ds["year"].values).astype(int)
    except (TypeError, ValueError):
        die("%s: the 'year' coordinate is not numeric" % path)
    if "year" not in ds.coords:
        warn("%s: 'year' has no coordinate values; using indices" % path)
    ds = ds.assign_coords(year=years)
    for dim in ds.dims:  # decode byte labels so that legends read well
        if dim in ds.coords and ds[dim].dtype.kind in ("S", "O"):
            labels = [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                      for v in ds[dim].values]
            ds = ds.assign_coords({dim: np.array(labels, dtype=object)})
    return ds


def report_missing(ds, where=""):
    """List expected variables absent from ds on stderr; return them."""
    missing = [v for v in EXPECTED_VARIABLES if not has_var(ds, v)]
    for v in missing:
        warn("%svariable '%s' not in file; skipped" % (where, v))
    return missing


def has_var(ds, name):
    return name in ds.data_vars or all("%s_p%02d" % (name, q) in ds.data_vars for q in (5, 50, 95))


def attr(ds, key, default="not recorded"):
    v = ds.attrs.get(key)
    if v is None:
        return default
    if isinstance(v, bytes):
        v = v.decode("utf-8", "replace")
    if isinstance(v, np.ndarray):
        v = v.tolist()
        if isinstance(v, list) and len(v) == 1:
            v = v[0]
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        v = int(v)
    return str(v)


def n_replicas(ds):
    return int(ds.sizes.get("replica", 1))


def group_dim(da):
    dims = [d for d in da.dims if d not in ("year", "replica")]
    return dims[0] if len(dims) == 1 else (None if not dims else tuple(dims))


# ----------------------------------------------------------------------------- statistics

class Band:
    """Median and 5-95% band (DataArrays without a replica dimension)."""

    def __init__(self, p05, p50, p95):
        self.p05, self.p50, self.p95 = p05, p50, p95
        a, b = np.asarray(p05.values, float), np.asarray(p95.values, float)
        both = np.isfinite(a) & np.isfinite(b)
        self.has_band = bool(both.any() and not np.allclose(a[both], b[both]))

    def sel(self, **kw):
        return Band(self.p05.sel(**kw), self.p50.sel(**kw), self.p95.sel(**kw))

    def __mul__(self, f):
        return Band(self.p05 * f, self.p50 * f, self.p95 * f)


def replica_values(ds, name):
    """(DataArray with a replica dimension, real) or (None, False).

    real is False when only the median (<name>_p50) is in the file: it is returned as a single
    pseudo-replica, so that derived quantities get a median line but no band."""
    if name in ds.data_vars:
        da = ds[name].astype(float)
        if "replica" not in da.dims:
            return da.expand_dims(replica=[0]), False
        return da, True
    p50 = "%s_p50" % name
    if p50 in ds.data_vars:
        warn("'%s' has no per-replica values; using its median only" % name)
        return ds[p50].astype(float).expand_dims(replica=[0]), False
    return None, False


def quantiles(da):
    """Band across the replica dimension of da."""
    if "replica" not in da.dims:
        return Band(da, da, da)
    q = da.quantile([0.05, 0.5, 0.95], dim="replica", skipna=True)
    return Band(q.sel(quantile=0.05, drop=True), q.sel(quantile=0.5, drop=True),
                q.sel(quantile=0.95, drop=True))


def stats(ds, name):
    """Band for a variable: the file's own percentiles when present, else computed."""
    qn = ["%s_p%02d" % (name, q) for q in (5, 50, 95)]
    if all(n in ds.data_vars for n in qn):
        parts = [ds[n].astype(float) for n in qn]
        if all("replica" not in p.dims for p in parts):
            return Band(*parts)
    da, _ = replica_values(ds, name)
    return None if da is None else quantiles(da)


def indicator_values(ds, name, how):
    """Per-replica values of a key indicator (dims year, replica), or (None, False)."""
    da, real = replica_values(ds, name)
    if da is None:
        return None, False
    extra = [d for d in da.dims if d not in ("year", "replica")]
    if extra:
        if how != "sum":
            raise ValueError("'%s' has unexpected dimensions %s" % (name, extra))
        da = da.sum(dim=extra, min_count=1)
    return da, real


def indicator_stats(ds, name, how):
    if how == "value":
        b = stats(ds, name)
        if b is not None and all(d in ("year",) for d in b.p50.dims):
            return b
    da, _ = indicator_values(ds, name, how)
    return None if da is None else quantiles(da)


# ----------------------------------------------------------------------------- units & formatting

def units_of(ds, name):
    for n in (name, name + "_p50"):
        if n in ds.data_vars:
            u = ds[n].attrs.get("units", "")
            return u.decode() if isinstance(u, bytes) else str(u)
    return ""


def long_name_of(ds, name, default=None):
    for n in (name, name + "_p50"):
        if n in ds.data_vars and ds[n].attrs.get("long_name"):
            ln = str(ds[n].attrs["long_name"])
            return re.sub(r",? *\d+(st|nd|rd|th) percentile across replicas$", "", ln)
    return default or name.replace("_", " ")


_heuristic_warned = set()


def display(name, units, values, diff=False):
    """Return (factor, unit label, kind) to show values; kind is 'pct', 'plain' or 'num'."""
    u = (units or "").strip()
    vals = np.asarray(values, dtype=float)
    vals = vals[np.isfinite(vals)]
    m = float(np.max(np.abs(vals))) if vals.size else 0.0
    if name in PERCENT_VARS or u in ("%", "percent"):
        factor = 100.0
        if u in ("%", "percent"):
            factor = 1.0
        elif not diff and m > 1.0 + 1e-9:
            factor = 1.0
            if name not in _heuristic_warned:
                _heuristic_warned.add(name)
                warn("'%s' has units '%s' but values above 1; assumed to be in %%" % (name, u))
        return factor, ("pp" if diff else "%"), "pct"
    if u in ("", "1", "fraction", "ratio", "-", "none"):
        return 1.0, "", "plain"
    if "EUR" in u:
        for lim, f, pre in ((1e9, 1e-9, "bn "), (1e6, 1e-6, "mn ")):
            if m >= lim:
                return f, u.replace("EUR", pre + "EUR", 1), "num"
        return 1.0, u, "num"
    if u in ("persons", "person", "people"):
        if m >= 1e6:
            return 1e-6, "million persons", "num"
        if m >= 1e3:
            return 1e-3, "thousand persons", "num"
        return 1.0, u, "num"
    mt = re.match(r"^(t|tonnes?)(\b.*)$", u)
    if mt:
        rest = mt.group(2)
        if m >= 1e6:
            return 1e-6, "Mt" + rest, "num"
        if m >= 1e3:
            return 1e-3, "kt" + rest, "num"
    return 1.0, u, "num"


def decimals(kind, ref):
    """Decimals for numbers of magnitude ref (the largest in a row) so a row reads evenly."""
    if kind == "pct":
        return 1
    if ref is None or not np.isfinite(ref):
        ref = 0.0
    ref = abs(ref)
    if kind == "plain":
        return 3 if ref < 10 else 1
    if ref >= 1000:
        return 0
    if ref >= 100:
        return 1
    if ref >= 1:
        return 2
    return 3


def fmt(v, kind, signed=False, ref=None):
    """Format v; ref is the magnitude that sets the decimals (default: v itself)."""
    if v is None or not np.isfinite(v):
        return "–"
    d = decimals(kind, abs(v) if ref is None else ref)
    return ("{:%s,.%df}" % ("+" if signed else "", d)).format(v)


def pretty_label(label):
    s = str(label)
    m = re.match(r"^isco(\d+)_(.*)$", s)
    if m:
        return "ISCO %s %s" % (m.group(1), m.group(2).replace("_", " "))
    return s.replace("_", " ")


def esc(s):
    return html.escape(str(s), quote=True)


# ----------------------------------------------------------------------------- plotting

def set_style():
    plt.rcParams.update({
        "figure.figsize": (8.0, 4.6), "figure.dpi": 100, "savefig.dpi": 120,
        "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold",
        "axes.labelsize": 10, "axes.grid": True, "grid.alpha": 0.3, "grid.linestyle": "-",
        "axes.spines.top": False, "axes.spines.right": False, "legend.frameon": False,
        "legend.fontsize": 9, "lines.linewidth": 2.0, "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    })


def fan(ax, band, label, color, factor=1.0, linestyle="-"):
    x = np.asarray(band.p50["year"].values)
    y = np.asarray(band.p50.values, dtype=float) * factor
    ax.plot(x, y, color=color, label=label, linestyle=linestyle)
    if band.has_band:
        ax.fill_between(x, np.asarray(band.p05.values, float) * factor,
                        np.asarray(band.p95.values, float) * factor, color=color, alpha=0.18,
                        linewidth=0)


def finish_axes(ax, ylabel, kind, title=None, legend=True, legend_outside=False, zero_line=False):
    ax.set_xlabel("Year")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    if kind == "pct":
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=100, decimals=None))
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: "{:,.10g}".format(round(v, 6))))
    if zero_line:
        ax.axhline(0.0, color="#444", linewidth=0.8)
    if legend and ax.get_legend_handles_labels()[0]:
        if legend_outside:
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
        else:
            ax.legend(loc="best")


def ylabel_for(text, unit):
    return "%s (%s)" % (text, unit) if unit else text


def replace_atomically(path, write):
    """Calls write(partial) for a temporary name in the same folder and renames it onto path,
    so that a failed or killed report never leaves a half-written file under a final name."""
    partial = "%s.partial-%d" % (path, os.getpid())
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def write_text(path, text):
    def write(partial):
        with open(partial, "w", encoding="utf-8") as f:
            f.write(text)
    replace_atomically(path, write)


def save(fig, outdir, fname, written):
    path = os.path.join(outdir, fname)
    replace_atomically(path, lambda partial: fig.savefig(partial, format="png", bbox_inches="tight",
                                                         facecolor="white"))
    plt.close(fig)
    written.append(path)
    return fname


# ----------------------------------------------------------------------------- charts

class Chart:
    def __init__(self, fname, title, caption):
        self.fname, self.title, self.caption = fname, title, caption


def require(ds, names, chart):
    present = [n for n in names if has_var(ds, n)]
    missing = [n for n in names if n not in present]
    if not present:
        warn("chart '%s' skipped: missing %s" % (chart, ", ".join(missing)))
    elif missing:
        warn("chart '%s' drawn without missing %s" % (chart, ", ".join(missing)))
    return present


def scalar_chart(ds, outdir, written, fname, title, names, ylabel_text, caption, labels=None):
    present = require(ds, names, title)
    if not present:
        return None
    bands = []
    for n in present:
        b = stats(ds, n)
        if b.p50.dims != ("year",):
            warn("'%s' skipped in chart '%s': dimensions %s, expected (year, replica)"
                 % (n, title, b.p50.dims))
        elif not np.isfinite(np.asarray(b.p50.values, float)).any():
            warn("'%s' skipped in chart '%s': no finite values" % (n, title))
        else:
            bands.append((n, b))
    if not bands:
        return None
    present = [n for n, _ in bands]
    unit = units_of(ds, present[0])
    allv = np.concatenate([np.ravel(b.p50.values) for _, b in bands] +
                          [np.ravel(b.p95.values) for _, b in bands])
    factor, ulab, kind = display(present[0], unit, allv)
    fig, ax = plt.subplots()
    for i, (n, b) in enumerate(bands):
        lab = (labels or {}).get(n, long_name_of(ds, n))
        fan(ax, b, lab, PALETTE[i % len(PALETTE)], factor)
    finish_axes(ax, ylabel_for(ylabel_text, ulab), kind, title)
    save(fig, outdir, fname, written)
    return Chart(fname, title, caption)


def group_bands(ds, name, as_share=False):
    """{label: Band} for each label of the group dimension of `name`."""
    if as_share:
        da, _ = replica_values(ds, name)
        g = group_dim(da)
        if not isinstance(g, str):
            raise ValueError("'%s' should have exactly one group dimension, has %s" % (name, da.dims))
        total = da.sum(dim=g, min_count=1)
        band = quantiles(da / total.where(total != 0))
    else:
        band = stats(ds, name)
        g = group_dim(band.p50)
        if not isinstance(g, str):
            raise ValueError("'%s' should have exactly one group dimension, has %s" % (name, band.p50.dims))
    return g, [(str(lab), band.sel(**{g: lab})) for lab in band.p50[g].values]


def group_chart(ds, outdir, written, fname, title, name, ylabel_text, caption, as_share=False,
                extra=None):
    if not require(ds, [name], title):
        return None
    _g, items = group_bands(ds, name, as_share)
    if as_share:
        factor, ulab, kind = 100.0, "%", "pct"
    else:
        allv = np.concatenate([np.ravel(b.p95.values) for _, b in items])
        factor, ulab, kind = display(name, units_of(ds, name), allv)
    outside = len(items) > 5
    fig, ax = plt.subplots(figsize=(9.5, 4.8) if outside else None)
    for i, (lab, b) in enumerate(items):
        fan(ax, b, pretty_label(lab), PALETTE[i % len(PALETTE)], factor)
    if extra and has_var(ds, extra[0]):
        fan(ax, stats(ds, extra[0]), extra[1], "#000000", factor, linestyle="--")
    finish_axes(ax, ylabel_for(ylabel_text, ulab), kind, title, legend_outside=outside)
    save(fig, outdir, fname, written)
    return Chart(fname, title, caption)


def chart_social_security(ds, outdir, written):
    title = "Social security finances"
    present = require(ds, ["ss_revenue", "ss_spending", "ss_balance"], title)
    if not present:
        return None
    flows = [(n, lab) for n, lab in (("ss_revenue", "Revenue (all sources)"),
                                     ("ss_spending", "Spending (all branches)")) if n in present]
    panels = (1 if flows else 0) + (1 if "ss_balance" in present else 0)
    fig, axes = plt.subplots(1, panels, figsize=(11.0 if panels == 2 else 8.0, 4.6), squeeze=False)
    axes = list(axes[0])
    if flows:
        ax = axes.pop(0)
        bands = [(lab, indicator_stats(ds, n, "sum")) for n, lab in flows]
        allv = np.concatenate([np.ravel(b.p95.values) for _, b in bands])
        factor, ulab, kind = display(flows[0][0], units_of(ds, flows[0][0]), allv)
        for i, (lab, b) in enumerate(bands):
            fan(ax, b, lab, PALETTE[i], factor)
        finish_axes(ax, ylabel_for("Revenue and spending", ulab), kind, "Revenue and spending")
    if "ss_balance" in present:
        ax = axes.pop(0)
        b = stats(ds, "ss_balance")
        factor, ulab, kind = display("ss_balance", units_of(ds, "ss_balance"),
                                     np.concatenate([np.ravel(b.p05.values), np.ravel(b.p95.values)]))
        fan(ax, b, "Balance", PALETTE[2], factor)
        finish_axes(ax, ylabel_for("Balance (revenue − spending)", ulab), kind, "Balance",
                    legend=False, zero_line=True)
    save(fig, outdir, "social_security.png", written)
    return Chart("social_security.png", title,
                 "Social security revenue (summed over sources), spending (summed over branches) "
                 "and balance; nominal.")


def chart_datacentres(ds, outdir, written):
    title = "Data centres: electricity and emissions"
    present = require(ds, ["datacenter_twh", "datacenter_co2_t"], title)
    if not present:
        return None
    fig, axes = plt.subplots(1, len(present), figsize=(11.0 if len(present) == 2 else 8.0, 4.6),
                             squeeze=False)
    for i, (ax, n) in enumerate(zip(axes[0], present)):
        b = stats(ds, n)
        factor, ulab, kind = display(n, units_of(ds, n), np.ravel(b.p95.values))
        fan(ax, b, long_name_of(ds, n), PALETTE[i + 4], factor)
        short = "Electricity use" if n == "datacenter_twh" else "CO2 emissions"
        finish_axes(ax, ylabel_for(short, ulab), kind, short, legend=False)
    save(fig, outdir, "datacentres.png", written)
    return Chart("datacentres.png", title, "Electricity use of data centres and the CO2 emitted "
                 "to produce it.")


def build_charts(ds, outdir, written):
    """Draw every chart; a failing chart is reported and skipped. Returns the Chart list."""
    specs = [
        lambda: scalar_chart(ds, outdir, written, "employment_rate.png", "Employment rate, 20-64",
                             ["employment_rate_20_64"], "Employment rate",
                             "Employed persons aged 20-64 as a share of all persons aged 20-64."),
        lambda: group_chart(ds, outdir, written, "unemployment_by_education.png",
                            "Unemployment rate by education", "unemployment_rate_by_education",
                            "Unemployment rate", "Unemployment rate by education level; the dashed "
                            "line is the overall rate.", extra=("unemployment_rate", "all")),
        lambda: group_chart(ds, outdir, written, "polarisation_wage_terciles.png",
                            "Job polarisation: employment by wage tercile",
                            "employment_share_by_wage_tercile", "Share of employment",
                            "Share of employment in occupations grouped by their initial wage "
                            "tercile (low, middle, high paid)."),
        lambda: group_chart(ds, outdir, written, "polarisation_occupations.png",
                            "Job polarisation: employment by occupation", "employment_by_occupation",
                            "Share of employment", "Employment by ISCO-08 major group as a share "
                            "of total employment.", as_share=True),
        lambda: group_chart(ds, outdir, written, "task_shares.png", "Mean task shares",
                            "mean_task_share", "Share of working time",
                            "Mean share of working time spent on each task type."),
        lambda: scalar_chart(ds, outdir, written, "automation_risk.png",
                             "Workers at risk of automation",
                             ["share_automatable_over_70", "share_automatable_50_70"],
                             "Share of workers", "Share of workers whose job has an automation "
                             "probability above 70% and between 50% and 70%.",
                             labels={"share_automatable_over_70": "risk > 70%",
                                     "share_automatable_50_70": "risk 50-70%"}),
        lambda: scalar_chart(ds, outdir, written, "training_rate.png", "Training participation",
                             ["training_rate"], "Training rate",
                             "Share of persons participating in training."),
        lambda: group_chart(ds, outdir, written, "digital_skills.png", "Digital skills",
                            "digital_skill_share", "Share of persons",
                            "Distribution of persons over digital skill levels."),
        lambda: scalar_chart(ds, outdir, written, "inequality_gini.png", "Income inequality (Gini)",
                             ["gini_disposable_income", "gini_gross_labour_income"],
                             "Gini coefficient (0–1)", "Gini coefficients of individual disposable "
                             "income and individual gross labour income (0 = equal, 1 = unequal).",
                             labels={"gini_disposable_income": "disposable income",
                                     "gini_gross_labour_income": "gross labour income"}),
        lambda: scalar_chart(ds, outdir, written, "poverty_rate.png", "At-risk-of-poverty rate",
                             ["poverty_rate"], "Poverty rate",
                             "Share of persons with individual disposable income below the "
                             "poverty line."),
        lambda: chart_social_security(ds, outdir, written),
        lambda: chart_datacentres(ds, outdir, written),
    ]
    charts = []
    for spec in specs:
        try:
            c = spec()
        except Exception as exc:  # never let one bad variable stop the report
            plt.close("all")
            warn("a chart failed and was skipped: %s: %s" % (type(exc).__name__, exc))
            continue
        if c is not None:
            charts.append(c)
    return charts


# ----------------------------------------------------------------------------- table & html

def key_table_html(ds, years):
    if not years:
        return ("<p class=\"warn\">None of the years %s is in the file; no key-indicator table."
                "</p>" % ", ".join(map(str, TABLE_YEARS)))
    rows = []
    for name, how, label in KEY_INDICATORS:
        if not has_var(ds, name):
            continue
        try:
            b = indicator_stats(ds, name, how)
            if b is None or b.p50.dims != ("year",):
                raise ValueError("unexpected dimensions")
            sub = b.sel(year=list(years))
            allv = np.concatenate([np.ravel(sub.p05.values), np.ravel(sub.p95.values)])
            factor, ulab, kind = display(name, units_of(ds, name), allv)
            fin = allv[np.isfinite(allv)]
            ref = float(np.max(np.abs(fin))) * factor if fin.size else 0.0
        except Exception as exc:
            warn("table row '%s' skipped: %s" % (name, exc))
            continue
        cells = []
        for y in years:
            med = float(sub.p50.sel(year=y)) * factor
            cell = fmt(med, kind, ref=ref)
            if b.has_band:
                cell += "<span class=\"range\">%s – %s</span>" % (
                    fmt(float(sub.p05.sel(year=y)) * factor, kind, ref=ref),
                    fmt(float(sub.p95.sel(year=y)) * factor, kind, ref=ref))
            cells.append("<td>%s</td>" % cell)
        rows.append("<tr><td class=\"name\">%s</td><td class=\"unit\">%s</td>%s</tr>"
                    % (esc(label), esc(ulab or "–"), "".join(cells)))
    head = "".join("<th>%d</th>" % y for y in years)
    return ("<table class=\"key-indicators\"><thead><tr><th class=\"name\">Indicator</th><th>Unit</th>"
            "%s</tr></thead><tbody>%s</tbody></table>" % (head, "\n".join(rows)))


def meta_html(ds, path):
    years = np.asarray(ds["year"].values)
    items = [
        ("Scenario", attr(ds, "scenario_name")), ("Scenario hash", attr(ds, "scenario_hash")),
        ("Inputs hash", attr(ds, "inputs_hash")),
        ("Code version", attr(ds, "code_version")), ("Backend", attr(ds, "backend")),
        ("MPI ranks", attr(ds, "mpi_ranks")), ("Threads", attr(ds, "threads")),
        ("Seed", attr(ds, "seed")), ("Run date", attr(ds, "run_date")),
        ("Persons simulated", attr(ds, "persons_simulated")), ("Scale", attr(ds, "scale")),
        ("Replicas", str(n_replicas(ds))),
        ("Years", "%d–%d" % (years.min(), years.max()) if years.size else "none"),
        ("Source file", os.path.basename(path)),
    ]
    return "<dl class=\"meta\">%s</dl>" % "".join(
        "<dt>%s</dt><dd>%s</dd>" % (esc(k), esc(v)) for k, v in items)


def write_html(path, ds, src, charts, missing, years):
    name = attr(ds, "scenario_name", "unnamed scenario")
    nrep = n_replicas(ds)
    band_note = ("Lines show the median across %d replicas; shaded bands the 5th–95th percentile "
                 "range." % nrep) if nrep > 1 else "Single replica: lines only, no uncertainty bands."
    figs = "\n".join(
        "<figure><img src=\"%s\" alt=\"%s\"><figcaption><b>%s.</b> %s</figcaption></figure>"
        % (esc(c.fname), esc(c.title), esc(c.title), esc(c.caption)) for c in charts)
    miss = ""
    if missing:
        miss = ("<section><h2>Not in this file</h2><p class=\"warn\">These variables are missing "
                "and were skipped: %s.</p></section>" % ", ".join("<code>%s</code>" % esc(m)
                                                              for m in missing))
    text = attr(ds, "scenario_text", "")
    doc = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TaskShift report – %(name)s</title>
<style>%(css)s</style>
</head>
<body>
<header>
<h1>TaskShift report: %(name)s</h1>
%(text)s
%(meta)s
<p class="note">%(note)s</p>
</header>
<section>
<h2>Key indicators in %(years)s</h2>
<p>Median across replicas; below it the 5–95%% range across replicas. Percentages in %%.</p>
%(table)s
</section>
<section>
<h2>Charts</h2>
<p>%(band)s</p>
<div class="charts">
%(figs)s
</div>
</section>
%(miss)s
<footer>Generated by tools/report.py on %(now)s from %(src)s.</footer>
</body>
</html>
""" % {"name": esc(name), "css": CSS,
       "text": "<p class=\"scenario-text\">%s</p>" % esc(text) if text else "",
       "meta": meta_html(ds, src), "note": esc(INCOME_NOTE),
       "years": ", ".join(map(str, years)) if years else ", ".join(map(str, TABLE_YEARS)),
       "table": key_table_html(ds, years), "band": esc(band_note), "figs": figs, "miss": miss,
       "now": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "src": esc(os.path.basename(src))}
    write_text(path, doc)


def table_years(*datasets):
    common = None
    for ds in datasets:
        ys = set(int(y) for y in np.asarray(ds["year"].values))
        common = ys if common is None else common & ys
    return [y for y in TABLE_YEARS if y in (common or set())]


def make_outdir(d):
    try:
        os.makedirs(d, exist_ok=True)
    except OSError as exc:
        die("cannot create output directory %s: %s" % (d, exc), code=1)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="report.py",
                                 description="HTML report with fan charts for a TaskShift output file.")
    ap.add_argument("input", help="TaskShift output file (NetCDF-4)")
    ap.add_argument("-o", "--outdir", required=True, help="directory for index.html and the PNGs")
    args = ap.parse_args(argv)

    ds = open_output(args.input)
    missing = report_missing(ds)
    make_outdir(args.outdir)
    set_style()
    written = []
    charts = build_charts(ds, args.outdir, written)
    index = os.path.join(args.outdir, "index.html")
    try:
        write_html(index, ds, args.input, charts, missing, table_years(ds))
    except OSError as exc:
        die("cannot write %s: %s" % (index, exc), code=1)
    written.append(index)
    for p in written:
        print(p)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(1)
