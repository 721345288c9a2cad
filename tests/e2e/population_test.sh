#!/usr/bin/env bash
# The base population (`taskshift synth`, docs/population.md):
#  1. full scale: every calibration target within its tolerance (shares 0.5 pp, wage deciles 2%),
#     except the known misses listed in population_known_misses.txt; the wall time is reported;
#  2. the person file opens in xarray with dimension `person`, units and flag meanings;
#  3. a 1% sample fits within sampling error (3 standard errors plus one person);
#  4. a person file written by synth at small scale, its base-year snapshot and a CSV person file
#     start `run --population`; a later snapshot is refused;
#     a bad person file is refused with its file, line and column.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
known="$source_dir/tests/e2e/population_known_misses.txt"

start=$(date +%s.%N)
"$taskshift" synth -o "$work/full.nc" --report "$work/full.csv" > "$work/full.txt"
end=$(date +%s.%N)
wall=$(/usr/bin/python3 -c "print(f'{$end - $start:.1f}')")
echo "full-scale synth --report: $wall s"
sed -n '2,14p' "$work/full.txt"
"$taskshift" synth -o "$work/sample.nc" --scale 0.01 --report "$work/sample.csv" > /dev/null

/usr/bin/python3 - "$work" "$known" "$wall" <<'PY'
import csv, math, sys
import xarray as xr
work, known_file, wall = sys.argv[1], sys.argv[2], float(sys.argv[3])
known = set()
for line in open(known_file):
    line = line.strip()
    if line and not line.startswith("#"):
        table, key = line.split(",", 1)
        known.add((table, key))
failed, passed = [], []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    (passed if ok else failed).append(what)

check(wall < 45, f"full-scale synth --report in {wall:.1f} s (well under a minute)")
rows = list(csv.DictReader(open(f"{work}/full.csv")))
check(list(rows[0].keys())[:6] == ["target_table", "key", "target", "synthetic", "difference", "within_tolerance"],
      "report columns")
tables = {r["target_table"] for r in rows}
for t in ["population_age_sex", "education_by_age_sex", "labour_status", "published_rates_2023", "employment_type",
          "part_time", "occupation_by_education", "wage_deciles", "digital_skills", "training"]:
    check(t in tables, f"report has {t}")
misses = [(r["target_table"], r["key"]) for r in rows if r["within_tolerance"] != "true"]
unexpected = [m for m in misses if m not in known]
for m in misses:
    r = next(x for x in rows if (x["target_table"], x["key"]) == m)
    print(f"     NOT MET{' (known)' if m in known else ''}: {m[0]} {m[1]}: target {float(r['target']):.4f}, "
          f"synthetic {float(r['synthetic']):.4f}")
for m in sorted(known - set(misses)):
    print(f"     now met, remove from {known_file}: {m[0]},{m[1]}")
check(not unexpected, f"{len(rows) - len(misses)} of {len(rows)} targets met; no unexpected misses ({len(unexpected)})")

ds = xr.open_dataset(f"{work}/full.nc")
check(list(ds.sizes) == ["person"] and ds.sizes["person"] == 5736122, f"dims {dict(ds.sizes)}")
check(ds.age.attrs.get("units") == "years" and ds.gross_wage.attrs.get("units") == "EUR/year", "units of age and gross_wage")
check(all("units" in ds[v].attrs for v in ds.data_vars), "every variable has units")
check(ds.sex.attrs.get("flag_meanings") == "male female", "sex flag_meanings")
check(ds.education.attrs.get("flag_meanings") == "low middle high", "education flag_meanings")
check(ds.status.attrs.get("flag_meanings", "").split()[0] == "in_education", "status flag_meanings")
check(int(ds.age.min()) == 15 and int(ds.person_id.max()) == 5736121, "ages from 15, ids 0..N-1")
check(str(ds.age.dtype) == "uint8" and str(ds.hours.dtype) == "float32", "stored in the record's own types")

sample = list(csv.DictReader(open(f"{work}/sample.csv")))
worst, outside = 0.0, []
for r in sample:
    if (r["target_table"], r["key"]) in known or r["key"].startswith("total"):
        continue
    target, synthetic, n = float(r["target"]), float(r["synthetic"]), float(r["n"])
    if r["target_table"] == "wage_deciles":
        ok = abs(synthetic / target - 1) <= 0.02
    else:
        if n == 0:
            continue
        se = math.sqrt(max(target * (1 - target), 0.0) / n)
        z = abs(synthetic - target) / (se + 1.0 / n)
        worst = max(worst, z)
        ok = abs(synthetic - target) <= 3 * se + 1.0 / n
    if not ok:
        outside.append(f"{r['target_table']} {r['key']}")
# 3 standard errors: about 0.3% of independent shares fall outside by chance.
check(len(outside) <= max(2, 0.01 * len(sample)), f"1% sample within 3 standard errors: {len(outside)} of {len(sample)} outside "
      f"(largest z {worst:.1f}) {outside[:5]}")
print(f"{len(passed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
PY

# Loading back: a small synthetic file and a CSV person file start a run.
"$taskshift" synth -o "$work/small.nc" --scale 0.002 --seed 7 > /dev/null
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/from_nc.nc" --scale 0.002 --years 2024:2027 \
  --population "$work/small.nc" --snapshot-years 2024,2027 > /dev/null
"$taskshift" synth --population "$work/small.nc" --scale 0.002 --report "$work/small.csv" > /dev/null
# At another scale each person would weigh ten times less: refused, naming the file's scale.
if "$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/rescaled.nc" --scale 0.02 --years 2024:2025 \
    --population "$work/small.nc" 2> "$work/rescaled.txt"; then
  echo "FAIL: a person file ran at a scale other than its own"; exit 1
fi
grep -q "small.nc: written at scale 0.002 (its attribute 'scale'), but --scale is 0.02" "$work/rescaled.txt" \
  || { cat "$work/rescaled.txt"; echo "FAIL: the scale refusal lacks its reason"; exit 1; }
echo "ok   a person file is refused at a scale other than its own"
# A snapshot of the base year starts a run; a later one would be projected as if it were 2024.
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/from_snapshot.nc" --scale 0.002 --years 2024:2025 \
  --population "$work/from_nc-persons-2024.nc" > /dev/null
if "$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/from_later.nc" --scale 0.002 --years 2024:2025 \
    --population "$work/from_nc-persons-2027.nc" 2> "$work/later.txt"; then
  echo "FAIL: a snapshot of 2027 ran as the 2024 population"; exit 1
fi
grep -q "from_nc-persons-2027.nc: a snapshot of the end of 2027 (its attribute 'year'), but a run starts from the population of 2024" \
  "$work/later.txt" || { cat "$work/later.txt"; echo "FAIL: the snapshot refusal lacks its reason"; exit 1; }
test ! -e "$work/from_later.nc" || { echo "FAIL: the refused run left an output"; exit 1; }
echo "ok   the base year's snapshot starts a run; a later year's is refused"
cat > "$work/persons.csv" <<'CSV'
age,sex,education,status,isco4,hours,gross_wage,region
45,female,high,employee_permanent,2111,1,62000,antwerpen
52,male,middle,employee_permanent,7111,1,48000,limburg
38,male,middle,employee_temporary,8111,1,39000,limburg
29,female,high,employee_permanent,2111,0.8,41000,west-vlaanderen
19,male,middle,in_education,5111,0,0,oost-vlaanderen
61,female,low,unemployed,5111,0,0,vlaams-brabant
70,male,low,retired,8111,0,0,antwerpen
33,male,middle,self_employed,7111,1,36000,antwerpen
CSV
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/from_csv.nc" --scale 0.00001 --years 2024:2026 \
  --population "$work/persons.csv" > /dev/null
/usr/bin/python3 - "$work" <<'PY'
import sys, xarray as xr
work = sys.argv[1]
a = xr.open_dataset(f"{work}/from_nc.nc")
b = xr.open_dataset(f"{work}/from_csv.nc")
assert a.sizes["year"] == 4 and b.sizes["year"] == 3, (dict(a.sizes), dict(b.sizes))
print(f"ok   run --population from a synth file: ER 20-64 {float(a.employment_rate_20_64.isel(year=0, replica=0)):.3f}")
print("ok   run --population from a CSV person file")
PY
sed 's/61,female,low,unemployed,5111/61,female,low,unemployed,9999/' "$work/persons.csv" > "$work/bad.csv"
if "$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/bad.nc" --population "$work/bad.csv" 2> "$work/bad.txt"; then
  echo "FAIL a bad person file was accepted"; exit 1
fi
grep -q "bad.csv:7: column 'isco4': unknown code 9999" "$work/bad.txt" || { echo "FAIL message: $(cat "$work/bad.txt")"; exit 1; }
test ! -e "$work/bad.nc" || { echo "FAIL an output was written for a bad person file"; exit 1; }
echo "ok   a bad person file is refused: $(cat "$work/bad.txt")"
echo "all passed"
