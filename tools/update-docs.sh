#!/usr/bin/env bash
# Regenerates the reference tables of docs/usage.md and docs/outputs.md from the program's own
# definitions (the validator's parameter specs, the indicator list), between the markers
# <!-- generated:NAME --> and <!-- end:NAME -->. With --check, exits 1 if a file is out of date.
set -euo pipefail
taskshift=${TASKSHIFT:-build/app/taskshift}
cd "$(dirname "$0")/.."
check=${1:-}
status=0
regenerate() {  # file name command...
  local file=$1 name=$2; shift 2
  local generated; generated=$("$@")
  local updated
  updated=$(/usr/bin/python3 - "$file" "$name" "$generated" <<'PY'
import sys
path, name, body = sys.argv[1:4]
text = open(path).read()
start, end = f"<!-- generated:{name} -->", f"<!-- end:{name} -->"
a, b = text.index(start) + len(start), text.index(end)
sys.stdout.write(text[:a] + "\n" + body.rstrip("\n") + "\n" + text[b:])
PY
)
  if [ "$check" = "--check" ]; then
    if [ "$updated" != "$(cat "$file")" ]; then echo "$file: the $name table is out of date (run tools/update-docs.sh)"; status=1; fi
  else
    printf '%s' "$updated" >"$file"
  fi
}
regenerate docs/usage.md parameters "$taskshift" docs parameters
regenerate docs/outputs.md outputs "$taskshift" docs outputs
exit $status
