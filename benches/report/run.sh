#!/bin/sh
# The summary report at 10k, 100k and 1M synthetic claims: the time `stancer summary`
# takes (median of RUNS), the report's size, and its time to first paint in headless
# Chromium (paint.py, median of RUNS). Figures in BENCHMARKS.md, "The summary report at
# corpus scale". Run from the repository after `cargo build --release`:
#     benches/report/run.sh [WORKDIR]        (default /tmp/stancer-report-bench)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
stancer=${STANCER:-$here/../../target/release/stancer}
work=${1:-/tmp/stancer-report-bench}
runs=${RUNS:-3}
mkdir -p "$work"
for n in 10000 100000 1000000; do
    [ -f "$work/claims-$n.csv" ] || python3 "$here/claims.py" "$n" "$work/claims-$n.csv"
    for i in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" "$stancer" summary "$work/claims-$n.csv" \
            -o "$work/report-$n.html" --pivot "$work/pivot-$n.csv" 2>&1 >/dev/null | tail -1
    done | sort -n | awk -v n="$n" '{ t[NR] = $1; m[NR] = $2 } END {
        printf "%s claims: summary median %.2f s, peak RSS %.0f MB\n", n, t[int((NR + 1) / 2)], m[int((NR + 1) / 2)] / 1024 }'
done
python3 "$here/paint.py" --runs "$runs" "$work/report-10000.html" "$work/report-100000.html" "$work/report-1000000.html"
