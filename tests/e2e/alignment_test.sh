#!/usr/bin/env bash
# Alignment. Unemployment (alignment.unemployment) with chosen targets by education: the rates
# follow the targets, not the base-year rates. Population (alignment.population): every sex and
# age band equals the projection at
# the simulated scale in every year, persons are conserved with emigrants and immigrants as
# flows, the result is the same bits on 1 and 3 ranks, it differs from the unaligned run, and a
# projection table with a missing row or a missing year is refused with file, line and key.
set -euo pipefail
taskshift=$1; source_dir=$2; mpiexec=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
scenario="$source_dir/configs/scenarios/baseline.toml"
args=(--scale 0.005 --years 2024:2036 --seed 5 --set alignment.population=true)
OMP_NUM_THREADS=1 "$taskshift" run "$scenario" -o "$work/aligned.nc" "${args[@]}" >/dev/null
"$taskshift" run "$scenario" -o "$work/free.nc" --scale 0.005 --years 2024:2036 --seed 5 >/dev/null
PYTHONPATH="$source_dir/tests/e2e" /usr/bin/python3 - "$work/aligned.nc" "$work/free.nc" "$source_dir/configs/calibration/population_projection.csv" <<'PY'
import sys, numpy as np, pandas as pd, xarray as xr
ds, free = xr.open_dataset(sys.argv[1]), xr.open_dataset(sys.argv[2])
projection = pd.read_csv(sys.argv[3], comment="#")
scale = 0.005
import checks
from checks import check
checks.verbose = False
persons = ds.population_by_sex_age_band.isel(replica=0)
for year in ds.year.values[1:]:
    rows = projection[projection.year == year]
    check(len(rows) == 24, f"projection rows for {year}")
    for _, r in rows.iterrows():
        simulated = round(float(persons.sel(year=year, sex=r.sex, age_band=r.age_band)) * scale)
        target = int(np.floor(r.persons * scale + 0.5))
        check(simulated == target, f"{year} {r.sex} {r.age_band}: {simulated} persons, projection {target}")
check(float(ds.immigrants.sum()) > 0 and float(ds.emigrants_by_status.sum()) > 0, "both flows occur")
check(float(free.immigrants.sum()) == 0 and float(free.emigrants_by_status.sum()) == 0, "no flows without alignment")
gap = abs(free.population_by_sex_age_band.isel(replica=0, year=-1) / scale -
          ds.population_by_sex_age_band.isel(replica=0, year=-1) / scale).sum()
check(float(gap) > 100, "the unaligned run misses the projection")
# Conservation: start stock = transitions out + deaths + emigrants; end stock = transitions in +
# entrants (to in_education) + immigrants (any status).
pop = ds.population_by_status.values[:, 0]
tr = ds.status_transitions.values[:, 0]
deaths, emigrants = ds.deaths_by_status.values[:, 0], ds.emigrants_by_status.values[:, 0]
check(np.allclose(tr[1:].sum(axis=2) + deaths[1:] + emigrants[1:], pop[:-1], rtol=0, atol=1e-6), "every person at the start is accounted for")
arrivals = tr[1:].sum(axis=1).sum(axis=1) + ds.entrants.values[1:, 0] + ds.immigrants.values[1:, 0]
check(np.allclose(arrivals, pop[1:].sum(axis=1), rtol=0, atol=1e-6), "every person at the end came from somewhere")
er = ds.employment_rate_20_64.values
check(((er > 0.6) & (er < 0.9)).all(), "employment rate plausible with migration")
print(f"{checks.passed} checks passed")
PY
OMP_NUM_THREADS=1 "$mpiexec" -n 3 "$taskshift" run "$scenario" -o "$work/aligned3.nc" "${args[@]}" >/dev/null
"$taskshift" compare --exact "$work/aligned.nc" "$work/aligned3.nc" >/dev/null || { echo "FAIL: 3 ranks differ"; exit 1; }
echo "identical on 1 and 3 ranks"

# Unemployment alignment to chosen targets: low 15%, high 2% (base year about 11% and 1.5%).
"$taskshift" run "$scenario" -o "$work/targets.nc" --scale 0.01 --years 2024:2036 --seed 5 --set alignment.unemployment=true \
  --set alignment.unemployment_target.low=0.15 --set alignment.unemployment_target.high=0.02 >/dev/null
PYTHONPATH="$source_dir/tests/e2e" /usr/bin/python3 - "$work/targets.nc" "$work/free.nc" <<'PY'
import sys, xarray as xr
aligned, free = xr.open_dataset(sys.argv[1]), xr.open_dataset(sys.argv[2])
rate = aligned.unemployment_rate_by_education.sel(year=slice(2027, 2036)).isel(replica=0).mean("year")
base = free.unemployment_rate_by_education.sel(year=slice(2027, 2036)).isel(replica=0).mean("year")
low, high = float(rate.sel(education="low")), float(rate.sel(education="high"))
assert abs(low - 0.15) < 0.015, f"low educated at {low:.4f}, target 0.15"
assert abs(high - 0.02) < 0.006, f"high educated at {high:.4f}, target 0.02"
assert abs(float(base.sel(education="low")) - 0.15) > 0.02, "the unaligned run is already at the target: the check proves nothing"
print(f"unemployment aligned to targets: low {low:.4f} (target 0.15), high {high:.4f} (target 0.02)")
PY

refused() {  # name, expected message, run arguments...
  local name=$1 expected=$2; shift 2
  if "$taskshift" run "$scenario" -o "$work/bad.nc" --scale 0.002 "$@" >"$work/out.txt" 2>&1; then
    echo "FAIL: $name accepted"; exit 1
  fi
  grep -q -- "$expected" "$work/out.txt" || { echo "FAIL: $name: message lacks '$expected'"; cat "$work/out.txt"; exit 1; }
  [ ! -e "$work/bad.nc" ] || { echo "FAIL: $name left an output"; exit 1; }
  echo "refused: $name"
}
cp -r "$source_dir/configs/calibration" "$work/cal"
grep -v "^2030,female,40-44," "$source_dir/configs/calibration/population_projection.csv" >"$work/cal/population_projection.csv"
refused "missing row" "population_projection.csv: year 2030 has 23 of the 24" --calibration "$work/cal" --years 2024:2026
cp "$source_dir/configs/calibration/population_projection.csv" "$work/cal/"
sed -i 's/^2031,male,20-24,[0-9]*/2031,male,20-24,-5/' "$work/cal/population_projection.csv"
refused "negative count" "population_projection.csv:[0-9]*: column 'persons'" --calibration "$work/cal" --years 2024:2026
grep -v "^2050," "$source_dir/configs/calibration/population_projection.csv" >"$work/cal/population_projection.csv"
refused "year beyond the projection" "no rows for 2050, which alignment.population needs" --calibration "$work/cal" \
  --years 2024:2050 --set alignment.population=true
"$taskshift" run "$scenario" -o "$work/ok.nc" --scale 0.002 --calibration "$work/cal" --years 2024:2026 >/dev/null
echo "accepted: a shorter projection when alignment is off"
echo "1 passed, 0 failed"
