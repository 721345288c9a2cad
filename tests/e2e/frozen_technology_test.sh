#!/usr/bin/env bash
# With technology frozen the base-year labour market stays put: over ten years the employment
# rate 20-64 moves by less than one point and the unemployment rate by less than half a point.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$taskshift" run "$source_dir/configs/scenarios/frozen-technology.toml" -o "$work/frozen.nc" --scale 0.05 --years 2024:2034 >/dev/null
/usr/bin/python3 - "$work/frozen.nc" <<'PY'
import sys, xarray as xr
ds = xr.open_dataset(sys.argv[1])
er = ds.employment_rate_20_64.isel(replica=0).values
ur = ds.unemployment_rate.isel(replica=0).values
print(f"employment rate 20-64 {er[0]:.4f} -> {er[-1]:.4f}; unemployment rate {ur[0]:.4f} -> {ur[-1]:.4f}")
assert abs(er[-1] - er[0]) < 0.01, "employment rate moved by a point or more"
assert abs(ur[-1] - ur[0]) < 0.005, "unemployment rate moved by half a point or more"
print("2 passed, 0 failed")
PY
