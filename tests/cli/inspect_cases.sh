#!/usr/bin/env bash
# Runs `likecast inspect FILE --json` on every CSV file of the test catalogue
# and checks the output against the catalogue's expect.json. It checks the rows
# loaded and skipped, one listed reason per skipped row with the words it must
# contain, the error and its words, and the exit code (0 loaded, 2 rejected).
#
#   usage: tests/cli/inspect_cases.sh [LIKECAST]   (default: build/native/likecast)
#
# The catalogue is $LIKECAST_CASES_DIR/csv (or $LIKECAST_CASES/csv; default: ../shared/cases/csv
# next to the repository). The last line reads "inspect-cases: N passed, N failed", one count per file.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
likecast="${1:-$root/build/native/likecast}"
cases="${LIKECAST_CASES_DIR:-${LIKECAST_CASES:-$root/../shared/cases}}/csv"
expect="$cases/expect.json"

fail() {
  echo "inspect_cases: error: $*" >&2
  exit 1
}

[ -x "$likecast" ] || fail "$likecast not found; build it first, or pass the path of the likecast binary"
[ -f "$expect" ] || fail "$expect not found; set LIKECAST_CASES_DIR to the folder holding csv/expect.json"
command -v jq >/dev/null || fail "jq not found; install it with: apt-get install jq"

problems=()
failed_files=()
problem() {
  problems+=("$1: $2")
  [[ " ${failed_files[*]} " == *" $1 "* ]] || failed_files+=("$1")
}

# Every CSV file of the folder must be listed in expect.json.
checked=0
for path in "$cases"/*.csv; do
  name=$(basename "$path")
  if ! jq -e --arg name "$name" '.files | has($name)' "$expect" >/dev/null; then
    checked=$((checked + 1))
    problem "$name" "not listed in expect.json"
  fi
done

while IFS= read -r name; do
  checked=$((checked + 1))
  want=$(jq -c --arg name "$name" '.files[$name]' "$expect")
  code=0
  output=$("$likecast" inspect "$cases/$name" --json 2>/dev/null) || code=$?
  if ! jq -e 'type == "object"' <<<"$output" >/dev/null 2>&1; then
    problem "$name" "output is not a JSON object (exit code $code): ${output:0:200}"
    continue
  fi
  error=$(jq -r '.error // ""' <<<"$output")

  if jq -e '.error == true or has("error_mentions")' <<<"$want" >/dev/null; then
    [ "$code" -eq 2 ] || problem "$name" "exit code $code, expected 2 for a rejected file"
    [ -n "$error" ] || problem "$name" "error is null, expected the file to be rejected"
    mention=$(jq -r '.error_mentions // ""' <<<"$want")
    [[ "$error" == *"$mention"* ]] || problem "$name" "error \"$error\" does not mention \"$mention\""
    continue
  fi

  [ "$code" -eq 0 ] || problem "$name" "exit code $code, expected 0 (error: $error)"
  [ -z "$error" ] || problem "$name" "unexpected error: $error"
  for key in rows_loaded rows_skipped; do
    got=$(jq -r ".$key" <<<"$output")
    expected=$(jq -r ".$key" <<<"$want")
    [ "$got" = "$expected" ] || problem "$name" "$key is $got, expected $expected"
  done
  listed=$(jq '.skipped | length' <<<"$output")
  [ "$listed" = "$(jq -r '.rows_skipped' <<<"$want")" ] || problem "$name" "$listed skipped rows listed"
  mention=$(jq -r '.skip_reason_mentions // ""' <<<"$want")
  if [ -n "$mention" ]; then
    jq -e --arg m "$mention" 'all(.skipped[]; (.reason | contains($m)) and .line > 1)' <<<"$output" >/dev/null ||
      problem "$name" "a skip reason does not mention \"$mention\""
  fi
done < <(jq -r '.files | keys[]' "$expect")

if [ ${#problems[@]} -gt 0 ]; then
  printf '  %s\n' "${problems[@]}" >&2
fi
echo "inspect-cases: $((checked - ${#failed_files[@]})) passed, ${#failed_files[@]} failed"
[ ${#problems[@]} -eq 0 ]
