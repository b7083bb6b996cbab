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
# input, for both tools. COPIES=N repeats the bodies N times (ids made unique) so that
# start-up weighs less; each tool is also timed on a one-document input, and the
# ratios are given both whole-process and net of that start-up time. As many `-j 1`
# runs as there are cores, started together, show how much this machine lets threads
# gain at all (cores that slow each other down when all are busy). PEER=0 leaves the
# spaCy peer out, for the thread scaling alone on a large COPIES.
set -euo pipefail

cd "$(dirname "$0")/../.."
fnc=../shared/corpora/fnc-1
if [[ ! -d $fnc ]]; then
    echo "compare.sh: $fnc not found; skipping the peer comparison" >&2
    exit 0
fi
repeat=${REPEAT:-3}
copies=${COPIES:-1}
python=${PYTHON:-python3}

echo "building stancer (release)..." >&2
cargo build --release --quiet
stancer="${CARGO_TARGET_DIR:-target}/release/stancer"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$python" benches/peers/fnc_corpus.py "$fnc" "$tmp/fnc-1.jsonl" "$copies" "$tmp/one.jsonl"
"$stancer" rules patterns --bare > "$tmp/patterns.txt"
"$stancer" rules patterns > "$tmp/patterns.tsv"

# add NAME CMD...: queues CMD (arguments without tabs) to be timed under NAME.
: > "$tmp/commands"
add() {
    local IFS=$'\t'
    echo "$*" >> "$tmp/commands"
}

add "start-up: stancer" "$stancer" label -q "$tmp/one.jsonl" -o "$tmp/one-stancer.csv"
add "stancer -j 1" "$stancer" label -q -j 1 "$tmp/fnc-1.jsonl" -o "$tmp/stancer-1.csv"
add "stancer -j $(nproc) (default)" "$stancer" label -q "$tmp/fnc-1.jsonl" -o "$tmp/stancer-n.csv"
# The machine's own limit: as many one-thread runs as there are cores, at once ("&"
# separates them). On a shared or virtual machine busy cores slow each other down, and
# no program's threads scale better than its separate processes do.
if (($(nproc) > 1)); then
    together=("$stancer" label -q -j 1 "$tmp/fnc-1.jsonl" -o "$tmp/together-1.csv")
    for ((k = 2; k <= $(nproc); k++)); do
        together+=("&" "$stancer" label -q -j 1 "$tmp/fnc-1.jsonl" -o "$tmp/together-$k.csv")
    done
    add "at once: $(nproc) x stancer -j 1" "${together[@]}"
fi
if [[ ${PEER:-1} == 0 ]]; then
    echo "PEER=0: timing stancer alone" >&2
elif "$python" -c "import spacy" 2>/dev/null; then
    add "start-up: spaCy" "$python" benches/peers/spacy_peer.py \
        "$tmp/patterns.txt" "$tmp/patterns.tsv" "$tmp/one.jsonl" -o "$tmp/one-spacy.csv"
    add "spaCy PhraseMatcher" "$python" benches/peers/spacy_peer.py \
        "$tmp/patterns.txt" "$tmp/patterns.tsv" "$tmp/fnc-1.jsonl" -o "$tmp/spacy.csv"
else
    echo "spaCy is not installed (pip install -r benches/peers/requirements.txt); skipping the peer" >&2
fi

# The commands run in rounds, each once per round, so that a shared machine slowing
# down or speeding up affects every command alike. For each: the median wall time and
# the largest peak RSS, as "NAME<TAB>seconds<TAB>KiB" lines in $tmp/results.
echo "timing $(wc -l < "$tmp/commands") commands, $repeat rounds..." >&2
"$python" - "$repeat" "$tmp/commands" > "$tmp/results" <<'PY'
import json, os, statistics, subprocess, sys, time
repeat, listing = int(sys.argv[1]), sys.argv[2]
commands = [line.rstrip("\n").split("\t") for line in open(listing) if line.strip()]
walls = {c[0]: [] for c in commands}
rss = {c[0]: 0 for c in commands}
for round_ in range(repeat):
    # Every other round runs the commands in reverse, so that no command always
    # follows the long spaCy run (or always comes first) on a machine whose speed drifts.
    for name, *args in (commands if round_ % 2 == 0 else commands[::-1]):
        # A command may be several, separated by "&", started together; its time is
        # until the last one ends.
        cmds = [[]]
        for arg in args:
            if arg == "&":
                cmds.append([])
            else:
                cmds[-1].append(arg)
        t0 = time.perf_counter()
        procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in cmds]
        for cmd, p in zip(cmds, procs):
            _, status, usage = os.wait4(p.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"{name}: {' '.join(cmd)} failed with {os.waitstatus_to_exitcode(status)}")
            rss[name] = max(rss[name], usage.ru_maxrss)  # KiB on Linux
        walls[name].append(time.perf_counter() - t0)
        print(f"round {round_ + 1}: {name}: {walls[name][-1]:.3f} s", file=sys.stderr)
for name, *_ in commands:
    print(f"{name}\t{statistics.median(walls[name]):.3f}\t{rss[name]}")
with open(listing + ".rounds.json", "w") as f:
    json.dump(walls, f)
PY

"$python" - "$tmp/fnc-1.jsonl" "$tmp/results" "$tmp" <<'PY'
import json, os, statistics, sys
corpus, results, tmp = sys.argv[1:4]
docs = text_bytes = 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        docs += 1
        text_bytes += len(json.loads(line)["text"].encode("utf-8"))
mb = text_bytes / 1e6
rows = [line.rstrip("\n").split("\t") for line in open(results)]
startup = {name.split(": ", 1)[1]: float(secs) for name, secs, _ in rows if name.startswith("start-up: ")}
at_once = [(name, float(secs)) for name, secs, _ in rows if name.startswith("at once: ")]
rows = [r for r in rows if not r[0].startswith(("start-up: ", "at once: "))]
print(f"input: {docs} documents, {mb:.2f} MB of text "
      f"({os.path.getsize(corpus) / 1e6:.2f} MB of JSON Lines)")
print()
print(f"| {'command':28} | input MB | seconds | MB/s  | peak RSS MB |")
print(f"|{'-' * 30}|---------:|--------:|------:|------------:|")
wall, net = {}, {}
for name, secs, rss in rows:
    secs = float(secs)
    wall[name] = secs
    net[name] = secs - startup.get("spaCy" if name.startswith("spaCy") else "stancer", 0.0)
    print(f"| {name:28} | {mb:8.2f} | {secs:7.2f} | {mb / secs:5.2f} | {int(rss) / 1024:11.1f} |")
print()
print("start-up (one document): " + ", ".join(f"{k} {v:.2f} s" for k, v in startup.items()))
names = list(wall)
stancer_names = [n for n in names if n.startswith("stancer")]
rounds = json.load(open(os.path.join(tmp, "commands.rounds.json")))
if len(stancer_names) == 2:
    a, b = stancer_names
    print(f"{b} / {a}: {wall[a] / wall[b]:.2f}x whole process, {net[a] / net[b]:.2f}x net of start-up")
    if at_once:
        # n one-thread runs at once did n times the work of one in `together` seconds:
        # the most that n threads could gain on this machine at this time.
        name, together = at_once[0]
        n = os.cpu_count()
        limit = n * wall[a] / together
        per_round = statistics.median(
            (x / y) / (n * x / z) for x, y, z in zip(rounds[a], rounds[b], rounds[name]))
        print(f"{name}: {together:.2f} s, {together / wall[a]:.2f}x one alone: this machine gives "
              f"{n} threads at most {limit:.2f}x; {b} reached {wall[a] / wall[b] / limit:.0%} of that "
              f"(per round, median: {per_round:.0%})")
peer = [n for n in names if n.startswith("spaCy")]
if peer:
    for n in stancer_names:
        print(f"{n} / spaCy: {wall[peer[0]] / wall[n]:.1f}x whole process, "
              f"{net[peer[0]] / net[n]:.1f}x net of start-up")
# The same ratios taken within each round, whose commands ran minutes apart at most.
paired = lambda a, b: statistics.median(x / y for x, y in zip(rounds[a], rounds[b]))
if len(rounds[names[0]]) > 1:
    pairs = []
    if len(stancer_names) == 2:
        pairs.append((f"{stancer_names[1]} / {stancer_names[0]}", paired(stancer_names[0], stancer_names[1])))
    if peer:
        pairs += [(f"{n} / spaCy", paired(peer[0], n)) for n in stancer_names]
    print("per round, median: " + "; ".join(f"{label} {ratio:.2f}x" for label, ratio in pairs))
def count(path):
    try:
        with open(path, encoding="utf-8") as f:
            return sum(1 for _ in f) - 1
    except OSError:
        return None
same = open(os.path.join(tmp, 'stancer-1.csv'), 'rb').read() == open(os.path.join(tmp, 'stancer-n.csv'), 'rb').read()
peer_rows = count(os.path.join(tmp, 'spacy.csv'))
print(f"rows: stancer {count(os.path.join(tmp, 'stancer-1.csv'))} claims (-j 1 and default identical: {same})"
      + (f", spaCy peer {peer_rows} rows" if peer_rows is not None else ""))
PY
