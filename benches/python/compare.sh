#!/usr/bin/env bash
# stancer from Python and on Spark against the command line, on the same input: the
# FNC-1 bodies (train and competition test) as one JSON Lines file, COPIES times (ids
# made unique). Run from the repository root, with the package installed in the Python
# that PYTHON names (default python3) and Java for Spark:
#
#     COPIES=32 REPEAT=3 bash benches/python/compare.sh
#
# Each round runs, one after another: `stancer label -j JOBS` (whole process, CSV to a
# file), label_batch.py (label_batch on JOBS threads, the records read first), the Spark
# example in local[JOBS] (mapInArrow, Parquet out), and the rdd.pipe route through the
# binary (SPARK=0 leaves both Spark runs out). Prints every run's seconds; BENCHMARKS.md
# has the medians.
set -euo pipefail

cd "$(dirname "$0")/../.."
fnc=../shared/corpora/fnc-1
if [[ ! -d $fnc ]]; then
    echo "compare.sh: $fnc not found" >&2
    exit 0
fi
repeat=${REPEAT:-3}
copies=${COPIES:-1}
jobs=${JOBS:-2}
python=${PYTHON:-python3}
stancer="${CARGO_TARGET_DIR:-target}/release/stancer"
[[ -x $stancer ]] || cargo build --release --quiet

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" benches/peers/fnc_corpus.py "$fnc" "$tmp/corpus.jsonl" "$copies" "$tmp/one.jsonl"
echo "corpus: $(wc -c < "$tmp/corpus.jsonl") bytes of JSON Lines, $copies copies, -j $jobs" >&2

# seconds CMD...: the wall and CPU seconds of CMD, its output to $tmp/last.log. CPU is
# user + system of all its threads and the processes it waited for: a busy shared
# machine moves wall times far more than the work. Spark's JVM (and the Python workers
# it starts) is not waited for by the driver, so a Spark line's CPU is the driver's alone.
seconds() {
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f %U+%S -o "$tmp/cpu" "$@" > "$tmp/last.log" 2>&1 \
        || { [[ $? == 1 ]] || { cat "$tmp/last.log" >&2; exit 1; }; }
    end=$(date +%s.%N)
    echo "$(bc <<< "$end - $start")s wall, $(bc <<< "$(cat "$tmp/cpu")")s cpu"
}
export PYSPARK_PYTHON=$python PYSPARK_DRIVER_PYTHON=$python
for round in $(seq "$repeat"); do
    cli=$(seconds "$stancer" label -q -j "$jobs" "$tmp/corpus.jsonl" -o "$tmp/claims.csv")
    claims=$(($(wc -l < "$tmp/claims.csv") - 1))
    echo "round $round: cli $cli ($claims claims)"
    py=$(seconds "$python" benches/python/label_batch.py "$tmp/corpus.jsonl" "$jobs")
    echo "round $round: python $py $(cat "$tmp/last.log")"
    if [[ ${SPARK:-1} == 1 ]]; then
        rm -rf "$tmp/spark" "$tmp/pipe"
        spark=$(seconds "$python" examples/spark/label_corpus.py "$tmp/corpus.jsonl" "$tmp/spark" --master "local[$jobs]")
        echo "round $round: spark $spark $(grep 'stancer on Spark' "$tmp/last.log")"
        pipe=$(seconds "$python" examples/spark/pipe_corpus.py "$tmp/corpus.jsonl" "$tmp/pipe" --stancer "$PWD/$stancer" --master "local[$jobs]")
        echo "round $round: pipe $pipe $(grep 'stancer on Spark' "$tmp/last.log")"
    fi
done
