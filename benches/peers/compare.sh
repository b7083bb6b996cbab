#!/usr/bin/env bash
# Whole-process comparison of `stancer label` (one thread and all threads) with a
# spaCy PhraseMatcher peer (spacy_peer.py) on the FNC-1 article bodies as one JSON Lines
# file. Run from the repository root:
#
#     pip install -r benches/peers/requirements.txt    # once
#     bash benches/peers/compare.sh                    # REPEAT=5 for more runs
#
# Each command runs REPEAT times (default 3); the table shows the median wall time and
# the largest peak RSS. Times include process start, rule compilation and reading the
# input, for both tools.
set -euo pipefail

cd "$(dirname "$0")/../.."
fnc=../shared/corpora/fnc-1
if [[ ! -d $fnc ]]; then
    echo "compare.sh: $fnc not found; skipping the peer comparison" >&2
    exit 0
fi
repeat=${REPEAT:-3}
python=${PYTHON:-python3}

echo "building stancer (release)..." >&2
cargo build --release --quiet
stancer="${CARGO_TARGET_DIR:-target}/release/stancer"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$python" - "$fnc" "$tmp/fnc-1.jsonl" <<'PY'
import csv, json, sys
fnc, out = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 30)
with open(out, "w", encoding="utf-8") as w:
    for name in ("train_bodies.csv", "competition_test_bodies.csv"):
        with open(f"{fnc}/{name}", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                w.write(json.dumps({"id": row["Body ID"], "text": row["articleBody"]}) + "\n")
PY
"$stancer" rules patterns --bare > "$tmp/patterns.txt"
"$stancer" rules patterns > "$tmp/patterns.tsv"

# measure NAME CMD...: runs CMD $repeat times with stdout discarded, appends
# "NAME<TAB>median seconds<TAB>peak RSS KiB" to $tmp/results.
measure() {
    local name=$1
    shift
    "$python" - "$repeat" "$name" "$@" >> "$tmp/results" <<'PY'
import os, statistics, subprocess, sys, time
repeat, name, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
walls, rss = [], 0
for _ in range(repeat):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    walls.append(time.perf_counter() - t0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{name}: {' '.join(cmd)} failed with {os.waitstatus_to_exitcode(status)}")
    rss = max(rss, usage.ru_maxrss)  # KiB on Linux
print(f"{name}\t{statistics.median(walls):.3f}\t{rss}")
PY
}

: > "$tmp/results"
echo "timing stancer label -j 1 ($repeat runs)..." >&2
measure "stancer -j 1" "$stancer" label -q -j 1 "$tmp/fnc-1.jsonl" -o "$tmp/stancer-1.csv"
echo "timing stancer label, default threads ($repeat runs)..." >&2
measure "stancer -j $(nproc) (default)" "$stancer" label -q "$tmp/fnc-1.jsonl" -o "$tmp/stancer-n.csv"
if "$python" -c "import spacy" 2>/dev/null; then
    echo "timing the spaCy peer ($repeat runs)..." >&2
    measure "spaCy PhraseMatcher" "$python" benches/peers/spacy_peer.py \
        "$tmp/patterns.txt" "$tmp/patterns.tsv" "$tmp/fnc-1.jsonl" -o "$tmp/spacy.csv"
else
    echo "spaCy is not installed (pip install -r benches/peers/requirements.txt); skipping the peer" >&2
fi

"$python" - "$tmp/fnc-1.jsonl" "$tmp/results" "$tmp" <<'PY'
import json, os, sys
corpus, results, tmp = sys.argv[1:4]
docs = text_bytes = 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        docs += 1
        text_bytes += len(json.loads(line)["text"].encode("utf-8"))
mb = text_bytes / 1e6
rows = [line.rstrip("\n").split("\t") for line in open(results)]
print(f"input: {docs} documents, {mb:.2f} MB of text "
      f"({os.path.getsize(corpus) / 1e6:.2f} MB of JSON Lines)")
print()
print(f"| {'command':28} | input MB | seconds | MB/s  | peak RSS MB |")
print(f"|{'-' * 30}|---------:|--------:|------:|------------:|")
speed = {}
for name, secs, rss in rows:
    secs = float(secs)
    speed[name] = mb / secs
    print(f"| {name:28} | {mb:8.2f} | {secs:7.2f} | {mb / secs:5.2f} | {int(rss) / 1024:11.1f} |")
print()
names = list(speed)
stancer_names = [n for n in names if n.startswith("stancer")]
if len(stancer_names) == 2:
    a, b = stancer_names
    print(f"{b} / {a}: {speed[b] / speed[a]:.2f}x")
peer = [n for n in names if n.startswith("spaCy")]
if peer:
    for n in stancer_names:
        print(f"{n} / spaCy: {speed[n] / speed[peer[0]]:.2f}x")
def count(path):
    try:
        with open(path, encoding="utf-8") as f:
            return sum(1 for _ in f) - 1
    except OSError:
        return None
print(f"rows: stancer {count(os.path.join(tmp, 'stancer-1.csv'))} claims "
      f"(-j 1 and default identical: "
      f"{open(os.path.join(tmp, 'stancer-1.csv'), 'rb').read() == open(os.path.join(tmp, 'stancer-n.csv'), 'rb').read()}), "
      f"spaCy peer {count(os.path.join(tmp, 'spacy.csv'))} rows")
PY
