#!/usr/bin/env bash
# End-to-end test of tools/report.py, tools/compare.py and tools/make_example_output.py.
#
# Makes synthetic output files (one complete, one with variables missing, one with a single
# replica and years 2024..2035), runs the report and comparison on them and checks exit codes,
# the HTML (header, key-indicator table for 2030/2040/2050, references to every PNG), the PNGs
# (present, non-empty, PNG magic bytes), that missing variables are reported on stderr, and that
# missing/unreadable inputs or a file without a 'year' dimension give exit 2 with a message.
# Every file is written through a temporary name: nothing is left half-written.
#
# Usage: tests/e2e/report_tools_test.sh     (PYTHON overrides the interpreter, default
#        /usr/bin/python3, which must have xarray, netCDF4, numpy and matplotlib)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-/usr/bin/python3}"
TOOLS="$ROOT/tools"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/report_tools_test.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
ok()   { passed=$((passed + 1)); echo "ok   - $1"; }
bad()  { failed=$((failed + 1)); echo "FAIL - $1"; }
check() { # check DESCRIPTION COMMAND...   (runs the command; passes when it succeeds)
  local d="$1"; shift
  if "$@"; then ok "$d"; else bad "$d"; fi
}

# run NAME EXPECTED_RC CMD...: runs CMD with stdout/stderr in $TMP/NAME.out/.err, checks the rc
run() {
  local name="$1" want="$2"; shift 2
  local rc=0
  "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
  if [[ "$rc" == "$want" ]]; then
    ok "$name exits $want"
  else
    bad "$name exits $want (got $rc)"
    sed 's/^/    | /' "$TMP/$name.err" | tail -20
  fi
}

is_png() { # non-empty file starting with the 8 PNG signature bytes
  [[ -s "$1" ]] && [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]
}

# every PNG in DIR is referenced by HTML, every src="*.png" in HTML exists and is a valid PNG
check_html_pngs() {
  local dir="$1" html="$2" label="$3" f n=0 good=1
  for f in "$dir"/*.png; do
    [[ -e "$f" ]] || continue
    n=$((n + 1))
    grep -q "src=\"$(basename "$f")\"" "$dir/$html" || { echo "    $html does not reference $(basename "$f")"; good=0; }
  done
  check "$label: PNGs written ($n)" test "$n" -gt 0
  check "$label: $html references every PNG in the directory" test "$good" = 1
  good=1
  while read -r src; do
    [[ -n "$src" ]] || continue
    is_png "$dir/$src" || { echo "    $src referenced but missing or not a PNG"; good=0; }
  done < <(grep -o 'src="[^"]*"' "$dir/$html" | sed 's/^src="//; s/"$//')
  check "$label: every image referenced by $html is a valid PNG" test "$good" = 1
}

# every PNG path printed on stdout exists and is a valid PNG
check_stdout_pngs() {
  local out="$1" label="$2" p good=1 n=0
  while read -r p; do
    n=$((n + 1))
    is_png "$p" || { echo "    printed $p is not a valid PNG"; good=0; }
  done < <(grep '\.png$' "$out" || true)
  check "$label: stdout lists the PNGs written ($n), all valid" test "$good" = 1 -a "$n" -gt 0
}

cd "$TMP"

# ---------------------------------------------------------------- example files
MISSING="training_rate,employment_by_occupation,datacenter_co2_t,ss_spending"
run make_full 0 "$PY" "$TOOLS/make_example_output.py" "$TMP/full.nc"
run make_missing 0 "$PY" "$TOOLS/make_example_output.py" "$TMP/missing.nc" --effect 1 \
  --scenario-name faster_automation --missing "$MISSING"
run make_single 0 "$PY" "$TOOLS/make_example_output.py" "$TMP/single.nc" --replicas 1 --end-year 2035
check "example file has a year dimension and percentile variables" "$PY" -c '
import sys, xarray as xr
ds = xr.open_dataset(sys.argv[1], decode_times=False)
assert ds.sizes["year"] == 27 and ds.sizes["replica"] == 3, ds.sizes
for v in ("employment_rate_20_64", "employment_rate_20_64_p05", "employment_rate_20_64_p50",
          "employment_rate_20_64_p95", "status_transitions", "digital_skill_share"):
    assert v in ds, v
assert list(ds["education"].values) == ["low", "middle", "high"]
for a in ("scenario_name", "scenario_hash", "inputs_hash", "code_version", "backend", "mpi_ranks", "threads",
          "seed", "run_date", "persons_simulated", "scale"):
    assert a in ds.attrs, a
' "$TMP/full.nc"
check "--missing omits the variables and their percentiles" "$PY" -c '
import sys, xarray as xr
ds = xr.open_dataset(sys.argv[1], decode_times=False)
for v in sys.argv[2].split(","):
    for n in (v, v + "_p05", v + "_p50", v + "_p95"):
        assert n not in ds, n
' "$TMP/missing.nc" "$MISSING"

# ---------------------------------------------------------------- report, complete file
EXPECTED_PNGS="employment_rate unemployment_by_education polarisation_wage_terciles
  polarisation_occupations training_rate inequality_gini poverty_rate social_security
  datacentres automation_risk digital_skills"
run report_full 0 "$PY" "$TOOLS/report.py" "$TMP/full.nc" -o "$TMP/rep_full"
check "report_full: index.html exists" test -s "$TMP/rep_full/index.html"
check "report_full: stdout lists index.html" grep -q "rep_full/index.html$" "$TMP/report_full.out"
for p in $EXPECTED_PNGS; do
  check "report_full: $p.png is a valid non-empty PNG" is_png "$TMP/rep_full/$p.png"
done
check_html_pngs "$TMP/rep_full" index.html report_full
check_stdout_pngs "$TMP/report_full.out" report_full
H="$TMP/rep_full/index.html"
check "report_full: key-indicator table has 2030, 2040, 2050 columns" \
  grep -q '<th>2030</th><th>2040</th><th>2050</th>' "$H"
check "report_full: table shows a 5-95% range" grep -q 'class="range"' "$H"
check "report_full: header has the scenario name" grep -q 'example_baseline' "$H"
for key in "Scenario hash" "Inputs hash" "Code version" "Backend" "MPI ranks" "Seed" "Run date" \
           "Persons simulated" "Scale"; do
  check "report_full: header shows $key" grep -q "<dt>$key</dt>" "$H"
done
check "report_full: note that incomes are individual, not household" \
  grep -q 'Incomes are individual, not household' "$H"
check "report_full: CSS is inline, no external resources" \
  bash -c "grep -q '<style>' '$H' && ! grep -Eq '(href|src)=\"(https?:)?//' '$H'"
check "report_full: no missing-variable messages" bash -c "! grep -q 'not in file' '$TMP/report_full.err'"

# ---------------------------------------------------------------- report, variables missing
run report_missing 0 "$PY" "$TOOLS/report.py" "$TMP/missing.nc" -o "$TMP/rep_missing"
check "report_missing: index.html exists" test -s "$TMP/rep_missing/index.html"
for v in ${MISSING//,/ }; do
  check "report_missing: stderr names missing $v" grep -q "$v" "$TMP/report_missing.err"
done
check "report_missing: chart without its data is not drawn (training_rate.png)" \
  test ! -e "$TMP/rep_missing/training_rate.png"
check "report_missing: chart without its data is not drawn (polarisation_occupations.png)" \
  test ! -e "$TMP/rep_missing/polarisation_occupations.png"
for p in employment_rate unemployment_by_education social_security datacentres inequality_gini; do
  check "report_missing: $p.png still drawn and valid" is_png "$TMP/rep_missing/$p.png"
done
check_html_pngs "$TMP/rep_missing" index.html report_missing
check "report_missing: table still has 2030, 2040, 2050" \
  grep -q '<th>2030</th><th>2040</th><th>2050</th>' "$TMP/rep_missing/index.html"

# ---------------------------------------------------------------- report, one replica, short run
run report_single 0 "$PY" "$TOOLS/report.py" "$TMP/single.nc" -o "$TMP/rep_single"
check_html_pngs "$TMP/rep_single" index.html report_single
check "report_single: table has 2030 and skips 2040/2050 (not in file)" \
  bash -c "grep -q '<th>2030</th>' '$TMP/rep_single/index.html' && ! grep -Eq '<th>20(40|50)</th>' '$TMP/rep_single/index.html'"

# ---------------------------------------------------------------- compare
run compare_text 0 "$PY" "$TOOLS/compare.py" "$TMP/full.nc" "$TMP/missing.nc"
check "compare_text: table has 2030, 2040 and 2050 rows" \
  bash -c "grep -q ' 2030 ' '$TMP/compare_text.out' && grep -q ' 2040 ' '$TMP/compare_text.out' && grep -q ' 2050 ' '$TMP/compare_text.out'"
check "compare_text: paired by replica" grep -q 'Paired by replica' "$TMP/compare_text.out"
check "compare_text: shows the employment rate difference" grep -q 'Employment rate 20-64' "$TMP/compare_text.out"
check "compare_text: stderr says training_rate is missing in B" \
  grep -q "training_rate.*missing in B" "$TMP/compare_text.err"
run compare_html 0 "$PY" "$TOOLS/compare.py" "$TMP/full.nc" "$TMP/missing.nc" -o "$TMP/cmp"
check "compare_html: compare.html exists" test -s "$TMP/cmp/compare.html"
check "compare_html: stdout lists compare.html" grep -q "cmp/compare.html$" "$TMP/compare_html.out"
check_html_pngs "$TMP/cmp" compare.html compare_html
check_stdout_pngs "$TMP/compare_html.out" compare_html
check "compare_html: diff_employment_rate_20_64.png is a valid PNG" \
  is_png "$TMP/cmp/diff_employment_rate_20_64.png"
check "compare_html: table has 2030, 2040, 2050 columns" \
  grep -q '<th>2030</th><th>2040</th><th>2050</th>' "$TMP/cmp/compare.html"
run compare_unpaired 0 "$PY" "$TOOLS/compare.py" "$TMP/full.nc" "$TMP/single.nc"
check "compare_unpaired: says the replicas are not paired" grep -q 'not paired' "$TMP/compare_unpaired.err"

# ---------------------------------------------------------------- bad inputs -> exit 2 + message
check "made a NetCDF file without a year dimension" "$PY" -c '
import sys, numpy as np, xarray as xr
xr.Dataset({"x": (("time",), np.arange(3.0))}).to_netcdf(sys.argv[1], engine="netcdf4")
' "$TMP/noyear.nc"
printf 'this is not a NetCDF file\n' >"$TMP/garbage.nc"
run report_nofile 2 "$PY" "$TOOLS/report.py" "$TMP/does_not_exist.nc" -o "$TMP/rep_x"
check "report_nofile: message on stderr" grep -qi "not found" "$TMP/report_nofile.err"
run report_garbage 2 "$PY" "$TOOLS/report.py" "$TMP/garbage.nc" -o "$TMP/rep_x"
check "report_garbage: message on stderr" grep -qi "cannot read" "$TMP/report_garbage.err"
run report_noyear 2 "$PY" "$TOOLS/report.py" "$TMP/noyear.nc" -o "$TMP/rep_x"
check "report_noyear: message on stderr" grep -q "no 'year' dimension" "$TMP/report_noyear.err"
run report_dir 2 "$PY" "$TOOLS/report.py" "$TMP" -o "$TMP/rep_x"
run compare_nofile_a 2 "$PY" "$TOOLS/compare.py" "$TMP/does_not_exist.nc" "$TMP/full.nc"
check "compare_nofile_a: message on stderr" grep -qi "not found" "$TMP/compare_nofile_a.err"
run compare_nofile_b 2 "$PY" "$TOOLS/compare.py" "$TMP/full.nc" "$TMP/does_not_exist.nc" -o "$TMP/cmp_x"
check "compare_nofile_b: message on stderr" grep -qi "not found" "$TMP/compare_nofile_b.err"
run compare_noyear 2 "$PY" "$TOOLS/compare.py" "$TMP/full.nc" "$TMP/noyear.nc"
check "compare_noyear: message on stderr" grep -q "no 'year' dimension" "$TMP/compare_noyear.err"
# A file that cannot be written leaves nothing half-written: every file goes through a temporary
# name, and index.html (blocked here by a folder of that name) is written last.
mkdir -p "$TMP/rep_blocked/index.html"
run report_blocked 1 "$PY" "$TOOLS/report.py" "$TMP/full.nc" -o "$TMP/rep_blocked"
check "report_blocked: message on stderr" grep -q "cannot write .*index.html" "$TMP/report_blocked.err"
check "report_blocked: its charts are complete PNGs" is_png "$TMP/rep_blocked/employment_rate.png"
check "a write that fails half-way keeps the old file and leaves no temporary" "$PY" -c '
import os, sys
sys.path.insert(0, sys.argv[1])
import report
folder = sys.argv[2]
os.makedirs(folder)
kept = os.path.join(folder, "index.html")
with open(kept, "w") as f:
    f.write("old report")
def fails_half_way(partial):
    with open(partial, "w") as f:
        f.write("<html>half")
    raise OSError("No space left on device")
try:
    report.replace_atomically(kept, fails_half_way)
    sys.exit("the error was swallowed")
except OSError:
    pass
assert open(kept).read() == "old report"
assert os.listdir(folder) == ["index.html"], os.listdir(folder)
' "$TOOLS" "$TMP/rep_half"
check "no temporary file left by any report or comparison" \
  bash -c "! find '$TMP' -name '*.partial-*' | grep -q ."
check "no traceback in any run" bash -c "! grep -l 'Traceback' '$TMP'/*.err"

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
