#!/usr/bin/env bash
# Checks that `likecast predict --csv` on the test rows, with the like column removed, gives the same
# figures as `likecast eval`: same rows, same predictions, same metrics.
# usage: tests/cli/predict_matches_eval.sh path/to/likecast [DATA_CSV [MODEL]]
# (scripts/test passes only the CLI; the data then comes from LIKECAST_DATA.)
set -euo pipefail
cli=${1:?usage: predict_matches_eval.sh path/to/likecast [DATA_CSV [MODEL]]}
data=${2:-${LIKECAST_DATA:-$(dirname "$0")/../../../shared/data/tiktok_dataset.csv}}
model=${3:-$(dirname "$0")/../../models/likecast.json}
if [ ! -f "$data" ]; then
  echo "predict-matches-eval: no dataset at $data; nothing to compare"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The test rows (video_id % 5 == 0), once without the like column and once with only id and likes.
python3 - "$data" "$work" <<'PY'
import csv, sys
data, work = sys.argv[1], sys.argv[2]
with open(data, newline="") as f:
    rows = list(csv.DictReader(f))
test = [r for r in rows if int(float(r["video_id"])) % 5 == 0]
columns = [c for c in rows[0].keys() if c != "video_like_count"]
with open(f"{work}/test_without_likes.csv", "w", newline="") as f:
    w = csv.DictWriter(f, columns, extrasaction="ignore")
    w.writeheader()
    w.writerows(test)
with open(f"{work}/likes.csv", "w", newline="") as f:
    w = csv.writer(f)
    for r in test:
        w.writerow([int(float(r["video_id"])), r["video_like_count"]])
PY

"$cli" predict --model "$model" --csv "$work/test_without_likes.csv" --out "$work/predicted.csv"
"$cli" eval --model "$model" --data "$data" --json > "$work/eval.json"

python3 - "$work" <<'PY'
import csv, json, math, sys
work = sys.argv[1]
likes = {int(r[0]): float(r[1]) for r in csv.reader(open(f"{work}/likes.csv"))}
pred = [r for r in csv.DictReader(open(f"{work}/predicted.csv")) if r["predicted_likes"]]
a = [likes[int(r["video_id"])] for r in pred]
p = [float(r["predicted_likes"]) for r in pred]
lo = [float(r["p10"]) for r in pred]
hi = [float(r["p90"]) for r in pred]
n = len(a)
def r2(x, y):
    m = sum(x) / len(x)
    return 1 - sum((u - v) ** 2 for u, v in zip(x, y)) / sum((u - m) ** 2 for u in x)
ape = sorted(abs(v - u) / max(u, 1) for u, v in zip(a, p))
got = {
    "rows": n,
    "r2": r2(a, p),
    "r2_log": r2([math.log1p(u) for u in a], [math.log1p(max(v, 0)) for v in p]),
    "mae": sum(abs(u - v) for u, v in zip(a, p)) / n,
    "medape_percent": 100 * (ape[n // 2] if n % 2 else (ape[n // 2 - 1] + ape[n // 2]) / 2),
    "coverage": sum(l <= u <= h for u, l, h in zip(a, lo, hi)) / n,
}
expected = json.load(open(f"{work}/eval.json"))["test_split"]
# predict writes whole likes. Rounding moves the relative error of a video with a handful of likes by
# several percent, and a range bound by up to half a like, so medAPE and coverage agree to about 0.1 point.
tolerance = {"rows": 0, "r2": 1e-4, "r2_log": 1e-4, "mae": 1.0, "medape_percent": 0.1, "coverage": 0.003}
failed = 0
for key, tol in tolerance.items():
    ok = abs(got[key] - expected[key]) <= tol
    failed += not ok
    print(f"{key:15} predict {got[key]:.6g}  eval {expected[key]:.6g}  {'ok' if ok else 'MISMATCH'}")
print(f"{len(tolerance) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
