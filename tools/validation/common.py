"""Shared helpers of the validation scripts: the run plan's settings, loading outputs, tables."""
import math
import os
import sys
from pathlib import Path

import numpy as np
import xarray as xr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "calibration"))
from calib_common import CALIB, read_csv  # noqa: E402  (the calibration tables' reader)

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_DIR = ROOT / "configs" / "scenarios"
DOCS = ROOT / "docs"
CHART_DIR = DOCS / "validation"

SCALE = 0.02          # fraction of the population simulated in every run
REPLICAS = 4          # replicas per run (common random numbers across runs)
SEED = 20240101       # the program's default seed, stated so every run uses the same one
BASE_YEAR = 2024


def calibration_parameter(table, name):
    """The value of a `parameter,value,source` row of configs/calibration/<table>."""
    rows = read_csv(os.path.join(CALIB, table))
    return next(float(r["value"]) for r in rows if r["parameter"] == name)


def scenario_names():
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


class Context:
    """Where the runs are and where the documents go; collects the files written."""

    def __init__(self, work):
        self.work = Path(work)
        self.written = []
        self._cache = {}
        CHART_DIR.mkdir(parents=True, exist_ok=True)

    def run(self, name):
        if name not in self._cache:
            path = self.work / f"{name}.nc"
            if not path.exists():
                raise FileNotFoundError(f"missing model output {path} (did its run fail?)")
            self._cache[name] = xr.open_dataset(path)
        return self._cache[name]

    def scenario(self, name):
        return self.run(f"scen-{name}")

    def population(self):
        return self.run("pop")

    def savefig(self, fig, name):
        path = CHART_DIR / name
        fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})
        import matplotlib.pyplot as plt
        plt.close(fig)
        self.written.append(path)
        return f"validation/{name}"


def mean_sd(da, year=None):
    """Mean and standard deviation over replicas of a (year, replica) variable."""
    if year is not None:
        da = da.sel(year=year)
    v = np.asarray(da.values, dtype=float)
    if v.ndim == 0:
        return float(v), 0.0
    return float(v.mean(axis=-1) if v.ndim == 1 else v.mean()), float(v.std(ddof=1)) if v.size > 1 else 0.0


def rep_values(da, year):
    return np.asarray(da.sel(year=year).values, dtype=float)


# ---------- formatting ----------
def pct(x, nd=1):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.{nd}f}%"


def pp(x, nd=1, sign=True):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{100 * x:+.{nd}f} pp" if sign else f"{100 * x:.{nd}f} pp"


def num(x, nd=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:,.{nd}f}"


def bn(x, nd=1):
    return "–" if x is None else f"€{x / 1e9:,.{nd}f}bn"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


def binom_se(p, n):
    return math.sqrt(max(p * (1 - p), 0.0) / n) if n > 0 else float("nan")


def replace_marked(path, name, body):
    """Replace the text between <!-- generated:NAME --> and <!-- end:NAME --> in path."""
    text = Path(path).read_text()
    start, end = f"<!-- generated:{name} -->", f"<!-- end:{name} -->"
    a, b = text.index(start) + len(start), text.index(end)
    Path(path).write_text(text[:a] + "\n" + body.rstrip("\n") + "\n" + text[b:])


def setup_matplotlib():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({"figure.dpi": 110, "axes.grid": True, "grid.alpha": 0.3,
                         "axes.spines.top": False, "axes.spines.right": False, "font.size": 9,
                         "svg.hashsalt": "taskshift"})
    return plt


def relpath_env(p):
    return os.path.relpath(p, ROOT)
