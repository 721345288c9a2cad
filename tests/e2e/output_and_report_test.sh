#!/usr/bin/env bash
# A real run's NetCDF read back with xarray (dimensions, units, attributes, the code version,
# percentiles, the transition matrix), the CSV export, and the HTML report with every chart written.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/out.nc" --scale 0.003 --replicas 3 >/dev/null
test -s "$work/out.csv"
# The version the program records is the source tree's as it was built (taken at every build):
# an edit or commit since configuring must show.
tree_version=$(git -C "$source_dir" describe --always --dirty --tags 2>/dev/null) || tree_version=unknown
PYTHONPATH="$source_dir/tests/e2e" /usr/bin/python3 - "$work/out.nc" "$tree_version" <<'PY'
import sys, numpy as np, xarray as xr
ds = xr.open_dataset(sys.argv[1])
import checks
from checks import check
checks.verbose = False
check(list(ds.year.values) == list(range(2024, 2051)), "years 2024..2050")
check(ds.sizes["replica"] == 3, "three replicas")
for name in ["employment_rate_20_64", "unemployment_rate", "share_automatable_over_70", "share_automatable_50_70",
             "status_transitions", "gini_disposable_income", "poverty_rate", "ss_balance", "datacenter_twh",
             "datacenter_cost_eur", "datacenter_co2_t", "labour_share", "s80_s20"]:
    check(name in ds, f"{name} present")
    check("units" in ds[name].attrs and "long_name" in ds[name].attrs, f"{name} has units and long_name")
t = ds.status_transitions
check(t.dims == ("year", "replica", "status_from", "status_to"), "transition dims")
check(list(t.status_from.values) == ["in_education", "employed", "unemployed", "inactive", "retired"], "status labels")
check(float(t.isel(year=0).sum()) == 0.0 and float(t.isel(year=1).sum()) > 0, "transitions start after the base year")
# Counts are conserved across transitions: each status at the start of a year is left by death
# or moves to some status; each status at the end is reached from some status or by entry.
pop = ds.population_by_status.values          # year, replica, status
tr = t.values                                  # year, replica, from, to
deaths = ds.deaths_by_status.values
entrants = ds.entrants.values
check(np.allclose(tr[1:].sum(axis=3) + deaths[1:], pop[:-1], rtol=0, atol=1e-6), "every person at the start is accounted for")
arrivals = tr[1:].sum(axis=2)
arrivals[..., 0] += entrants[1:]
check(np.allclose(arrivals, pop[1:], rtol=0, atol=1e-6), "every person at the end came from somewhere")
check("unemployment_rate_p50" in ds and "replica" not in ds.unemployment_rate_p50.dims, "percentile variables")
q = ds.unemployment_rate.quantile(0.5, dim="replica").values
check(np.allclose(q, ds.unemployment_rate_p50.values), "median across replicas")
check(len(ds.attrs.get("inputs_hash", "")) == 16, "attribute inputs_hash (16 hex digits)")
for attr in ["scenario_text", "scenario_hash", "code_version", "backend", "mpi_ranks", "threads", "seed", "run_date"]:
    check(attr in ds.attrs, f"attribute {attr}")
check(ds.attrs["code_version"] == sys.argv[2],
      f"code_version {ds.attrs['code_version']!r} is the source tree's {sys.argv[2]!r}")
check(ds.attrs["Conventions"].startswith("CF-1.8"), "CF conventions")
er = ds.employment_rate_20_64.values
check(((er > 0.6) & (er < 0.9)).all(), "employment rate plausible")
print(f"{checks.passed} passed, 0 failed")
PY
"$taskshift" report "$work/out.nc" -o "$work/report" >/dev/null
test -s "$work/report/index.html"
pngs=$(ls "$work/report"/*.png | wc -l)
[ "$pngs" -ge 10 ] || { echo "only $pngs charts"; exit 1; }
for png in "$work/report"/*.png; do
  grep -q "$(basename "$png")" "$work/report/index.html" || { echo "chart $(basename "$png") not in the page"; exit 1; }
done
echo "report: $pngs charts"
echo "1 passed, 0 failed"
