#!/usr/bin/env bash
# Scenarios differ in the directions the literature expects (issue 4), with common random
# numbers so that differences are not noise:
#  - rapid automation against the baseline: more displacement, more unemployment of the low and
#    middle educated, a larger fall of middle-paid employment (polarisation);
#  - the lifelong-learning push (inclusive digitalisation) against the same rapid automation:
#    more training, less unemployment of the low educated.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for s in baseline rapid-automation inclusive-digitalisation; do
  "$taskshift" run "$source_dir/configs/scenarios/$s.toml" -o "$work/$s.nc" --scale 0.01 --years 2024:2035 >/dev/null &
done
wait
PYTHONPATH="$source_dir/tests/e2e" /usr/bin/python3 - "$work" <<'PY'
import sys, xarray as xr
d = sys.argv[1]
base, rapid, inclusive = (xr.open_dataset(f"{d}/{s}.nc").isel(replica=0)
                          for s in ["baseline", "rapid-automation", "inclusive-digitalisation"])
import checks
from checks import check
window = slice(2025, 2035)
check(rapid.mean_displaced_share.sel(year=window).mean() > base.mean_displaced_share.sel(year=window).mean(),
      "rapid automation displaces more", rapid.mean_displaced_share.sel(year=window).mean(), base.mean_displaced_share.sel(year=window).mean())
for e in ["low", "middle"]:
    r = rapid.unemployment_rate_by_education.sel(year=2035, education=e)
    b = base.unemployment_rate_by_education.sel(year=2035, education=e)
    check(r > b, f"rapid automation raises unemployment of the {e} educated", r, b)
def middle_change(ds):
    s = ds.employment_share_by_wage_tercile.sel(wage_tercile="middle_paid")
    return s.sel(year=2035) - s.sel(year=2024)
check(middle_change(rapid) < middle_change(base), "rapid automation hollows out the middle more",
      middle_change(rapid), middle_change(base))
check(inclusive.training_rate.sel(year=window).mean() > rapid.training_rate.sel(year=window).mean(),
      "the learning push raises training", inclusive.training_rate.sel(year=window).mean(), rapid.training_rate.sel(year=window).mean())
r = rapid.unemployment_rate_by_education.sel(year=2035, education="low")
i = inclusive.unemployment_rate_by_education.sel(year=2035, education="low")
check(i < r, "the learning push lowers unemployment of the low educated", i, r)
print(f"{checks.passed} passed, 0 failed")
PY
