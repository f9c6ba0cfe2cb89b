#!/usr/bin/env bash
# CLI checks of the shipped model: `likecast train` with the default options
# reproduces models/likecast.json byte for byte, and predict and eval run on it.
# Usage: tests/cli/model.sh path/to/likecast
set -uo pipefail
cli=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${LIKECAST_DATA:-$root/../shared/data/tiktok_dataset.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  if [ "$2" = true ]; then passed=$((passed + 1)); echo "  ok    $1"; else failed=$((failed + 1)); echo "  FAIL  $1${3:+: $3}"; fi
}

if [ -f "$data" ]; then
  "$cli" train --data "$data" --out "$work/model.json" --quiet >"$work/train.log" 2>&1
  if cmp -s "$work/model.json" "$root/models/likecast.json"; then same=true; else same=false; fi
  check "train reproduces models/likecast.json byte for byte" "$same" "$(tail -n 3 "$work/train.log")"
else
  echo "  skip  train reproduces the shipped model: no dataset at $data"
fi

json=$("$cli" predict --model "$root/models/likecast.json" --views 120000 --shares 3400 --comments 560 --downloads 900 --duration 32 --json)
if echo "$json" | grep -qE '^\{"likes": [0-9]+, "p10": [0-9]+, "p90": [0-9]+\}$'; then ok=true; else ok=false; fi
check "predict --json prints likes, p10 and p90" "$ok" "$json"

"$cli" predict --model "$work/missing.json" --views 10 >/dev/null 2>"$work/err.txt"
status=$?
if [ "$status" -eq 3 ] && grep -q "missing.json" "$work/err.txt"; then ok=true; else ok=false; fi
check "predict with a missing model fails with exit 3" "$ok" "exit $status: $(cat "$work/err.txt")"

echo "cli-model: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
