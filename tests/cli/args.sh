#!/usr/bin/env bash
# CLI checks of bad input on the command line and in files. Unknown commands,
# options and extra arguments are rejected with their name and the usage line,
# and `likecast --help` lists the exit codes. `predict --csv` reports a read
# error, not a file that ended there, and keeps an earlier output. inspect
# reports Windows-1252 files, mixed encodings and repeated column names. train
# checks --hidden, --epochs, --learning-rate and --out before it trains. predict keeps the
# model file and scores rows whose id lost digits. chat refuses a state file it
# cannot restore or save, and saves through a link to its target.
#
#   usage: tests/cli/args.sh [LIKECAST]   (default: build/native/likecast)
#
# The last line reads "cli-args: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cli="${1:-$root/build/native/likecast}"
model="$root/models/likecast.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  if [ "$2" = true ]; then passed=$((passed + 1)); echo "  ok    $1"; else failed=$((failed + 1)); echo "  FAIL  $1${3:+: $3}"; fi
}
# Runs likecast with the given arguments; sets $status, $out (stdout) and $err (stderr).
run() {
  "$cli" "$@" >"$work/out.txt" 2>"$work/err.txt"
  status=$?
  out=$(cat "$work/out.txt")
  err=$(cat "$work/err.txt")
}
has() { [[ "$1" == *"$2"* ]] && echo true || echo false; }

# --- Arguments -----------------------------------------------------------------
run eval --model "$model" --data x.csv extra
check "an extra argument exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "an extra argument is named" "$(has "$err" 'error: unexpected argument "extra"')" "$err"
check "an extra argument prints the usage line" "$(has "$err" 'usage: likecast eval --model M --data CSV [--json]')" "$err"

run predict --model "$model" --views 10 --colour red
check "an unknown option exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "an unknown option is named" "$(has "$err" 'error: unknown option --colour')" "$err"
check "an unknown option prints the usage lines" "$(has "$err" 'likecast predict --model M --csv IN --out OUT')" "$err"

run predict --model "$model" --views 10 20
check "a stray value is named" "$(has "$err" 'error: unexpected argument "20"')" "$err"

run inspect a.csv b.csv
check "inspect takes one file" "$(has "$err" 'error: unexpected argument "b.csv"')" "$err"

run frobnicate
check "an unknown command exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "an unknown command is named" "$(has "$err" 'error: unknown command "frobnicate"')" "$err"

run --help
check "--help exits 0" "$([ "$status" -eq 0 ] && echo true || echo false)" "exit $status"
for code in "0  success" "1  usage error" "2  an input file was rejected" "3  the model file" "4  training failed" \
  "5  an output file could not be written"; do
  check "--help lists exit code ${code%%  *}" "$(has "$out" "$code")" "$out"
done

run help inspect
check "help COMMAND prints the command's help" "$(has "$out" 'usage: likecast inspect FILE')" "$out"

# --- train --hidden ----------------------------------------------------------------
run train --data x.csv --hidden 64,,32
check "train --hidden with an empty width exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "train --hidden names a value it cannot read" "$(has "$err" 'error: --hidden "64,,32" is invalid')" "$err"
run train --data x.csv --hidden 64,0
check "train --hidden 64,0 exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "train --hidden names the limits" "$(has "$err" 'hidden layers "64,0" are invalid: use 1 to 6 layers of 1 to 1024 units each')" "$err"
awk 'BEGIN { srand(7); print "video_id,views,likes,shares,downloads,comments";
  for (i = 1; i <= 400; i++) { v = int(1000 + 200000 * rand()); print i * 5 + 1 "," v "," int(v * (0.1 + 0.2 * rand())) "," int(v * 0.01) "," int(v * 0.002) "," int(v * 0.001) } }' >"$work/train.csv"
run train --data "$work/train.csv" --out "$work/hidden.json" --preset page --epochs 1 --hidden 16,8 --quiet
check "train --hidden 16,8 trains" "$([ "$status" -eq 0 ] && echo true || echo false)" "exit $status: $err"
widths=$(node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(m.network.layers.map((l) => l.outputs).join(","));' "$work/hidden.json" 2>&1)
check "train --hidden 16,8 gives layers of 16, 8 and the heads" "$([[ "$widths" == 16,8,* ]] && echo true || echo false)" "$widths"

run train --data "$work/train.csv" --epochs 0
check "train --epochs 0 is rejected" "$([ "$status" -eq 1 ] && [[ "$err" == *"--epochs and --batch must be at least 1 (now 0 and"* ]] && echo true || echo false)" "exit $status: $err"
run train --data "$work/train.csv" --learning-rate 0.5abc
check "train --learning-rate names a value it cannot read" "$(has "$err" 'error: --learning-rate "0.5abc" is invalid')" "$err"
run train --data "$work/train.csv" --out "$work" --preset page
check "train --out a folder exits 5" "$([ "$status" -eq 5 ] && echo true || echo false)" "exit $status"
check "train --out a folder is named before training" "$([[ "$err" == *"is a folder; give a file name"* && "$err" != *loaded* ]] && echo true || echo false)" "$err"
run train --data "$work/train.csv" --out "$work/no/such/folder/m.json" --preset page
check "train --out in a missing folder is named before training" "$([[ "$err" == *"check that the folder exists"* && "$err" != *loaded* ]] && echo true || echo false)" "$err"

# --- model paths and input checks -------------------------------------------------
run predict --model "$work" --views 10
check "a folder as --model is named" "$(has "$err" "cannot read model file $work: it is a folder")" "$err"
cli_path=$(realpath "$cli")
(cd "$work" && "$cli_path" predict --views 10 >"$work/out.txt" 2>"$work/err.txt")
err=$(cat "$work/err.txt")
check "a missing default model says to give --model" "$(has "$err" 'give --model FILE to use another path')" "$err"
run advise --model "$model" --views 0
check "advise --views 0 exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status: $err"

# --- predict --csv ---------------------------------------------------------------
cp "$model" "$work/model-copy.json"
printf 'views,shares\n1000,10\n' >"$work/score.csv"
run predict --model "$work/model-copy.json" --csv "$work/score.csv" --out "$work/model-copy.json"
check "predict --out the model file exits 1" "$([ "$status" -eq 1 ] && echo true || echo false)" "exit $status"
check "predict --out the model file keeps the model" "$(cmp -s "$model" "$work/model-copy.json" && echo true || echo false)"
printf 'video_id,views,likes,shares,downloads,comments\n7.23457E+18,1000,100,5,1,2\n' >"$work/excel-id.csv"
run predict --model "$model" --csv "$work/excel-id.csv" --out "$work/excel-pred.csv"
check "predict scores a row whose id lost digits" "$([ "$status" -eq 0 ] && [ "$(sed -n 2p "$work/excel-pred.csv" | cut -d, -f1-2)" = "2," ] && echo true || echo false)" "exit $status: $(cat "$work/excel-pred.csv" 2>&1)"

# Reading /proc/self/mem from its start fails with EIO: a read error, not an empty file.
if [ -r /proc/self/mem ]; then
  echo "earlier predictions" >"$work/pred.csv"
  run predict --model "$model" --csv /proc/self/mem --out "$work/pred.csv"
  check "predict --csv read error exits 2" "$([ "$status" -eq 2 ] && echo true || echo false)" "exit $status: $err"
  check "predict --csv read error is reported as one" "$(has "$err" 'reading /proc/self/mem failed after 0 bytes')" "$err"
  check "predict --csv read error keeps the earlier output" "$(has "$(cat "$work/pred.csv")" 'earlier predictions')"
  check "predict --csv read error leaves no temporary file" "$([ ! -e "$work/pred.csv.tmp" ] && echo true || echo false)"
else
  echo "  skip  predict --csv read error: /proc/self/mem is not readable here"
fi

run predict --model "$model" --csv "$work/missing.csv" --out "$work/pred.csv"
check "predict --csv missing file exits 2" "$([ "$status" -eq 2 ] && echo true || echo false)" "exit $status: $err"
check "predict --csv missing file names it" "$(has "$err" "cannot open $work/missing.csv: No such file or directory")" "$err"

# --- inspect ---------------------------------------------------------------------
printf 'views,likes,shares,downloads,comments,notes\r\n1000,100,10,5,3,caf\xe9 \x96 5\x80\r\n' >"$work/cp1252.csv"
run inspect "$work/cp1252.csv" --json
check "inspect loads a Windows-1252 file" "$(has "$out" '"rows_loaded":1')" "$out"
check "inspect names the Windows-1252 encoding" "$(has "$out" '"encoding":"Windows-1252"')" "$out"

printf 'views,likes,shares,downloads,comments\n1000,100,10,5,3\n1000,100,10,5,caf\xc3\xa9\n2,\xe9,1,1,1\n' >"$work/mixed.csv"
run inspect "$work/mixed.csv"
check "inspect rejects mixed encodings" "$([ "$status" -eq 2 ] && echo true || echo false)" "exit $status"
check "inspect names the line and the byte" "$(has "$err" 'line 4 has the byte 0xE9, which is not UTF-8')" "$err"

printf 'views,likes,shares,downloads,comments,Likes\n1000,100,10,5,3,200\n' >"$work/twice.csv"
run inspect "$work/twice.csv"
check "inspect rejects a column named twice" "$([ "$status" -eq 2 ] && echo true || echo false)" "exit $status"
check "inspect names the repeated column" \
  "$(has "$err" 'columns 2 and 6 of the header are both video_like_count ("likes" and "Likes")')" "$err"

# --- Chat state files ------------------------------------------------------------
printf 'not json at all' >"$work/state.json"
"$cli" chat --model "$model" --state "$work/state.json" <<<"20k views" >"$work/out.txt" 2>"$work/err.txt"
status=$?
err=$(cat "$work/err.txt")
check "an unreadable chat state exits 2" "$([ "$status" -eq 2 ] && echo true || echo false)" "exit $status"
check "an unreadable chat state is named" "$(has "$err" "$work/state.json was not restored")" "$err"
check "an unreadable chat state is kept as it was" "$([ "$(cat "$work/state.json")" = 'not json at all' ] && echo true || echo false)"

rm -f "$work/state.json"
"$cli" chat --model "$model" --state "$work/state.json" <<<"20k views, 300 shares" >/dev/null 2>&1
"$cli" chat --model "$model" --state "$work/state.json" <<<"what if shares doubled" >"$work/out.txt" 2>&1
check "a saved chat state is restored" "$(has "$(cat "$work/out.txt")" 'instead of 300 shares')" "$(cat "$work/out.txt")"
check "saving a chat state leaves no temporary file" "$([ ! -e "$work/state.json.tmp" ] && echo true || echo false)"

ln -s "$work/state.json" "$work/state-link.json"
"$cli" chat --model "$model" --state "$work/state-link.json" <<<"what if comments doubled" >/dev/null 2>&1
check "a chat state saved through a link keeps the link" "$([ -L "$work/state-link.json" ] && echo true || echo false)"
check "a chat state saved through a link updates its target" "$(has "$(cat "$work/state.json")" 'comments doubled')"

"$cli" chat --model "$model" --state "$work/missing/state.json" <<<"20k views" >"$work/out.txt" 2>"$work/err.txt"
status=$?
check "a chat state in a missing folder exits 5" "$([ "$status" -eq 5 ] && echo true || echo false)" "exit $status"
check "a chat state in a missing folder stops before any reply" "$([ ! -s "$work/out.txt" ] && echo true || echo false)" "$(cat "$work/out.txt")"

echo "cli-args: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
