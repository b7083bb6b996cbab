#!/usr/bin/env python3
"""Draw the candidate sentences of datasets/news.jsonl from ../shared/corpora.

Reads FNC-1 train bodies, BBC news and PolNeAR (one copy per article), splits them
with `stancer sentences`, keeps sentences with a party-like mention (an actor alias
from `stancer rules patterns`), and draws a seeded random sample: about 64% with a
cue candidate, the rest without. AG News and the 2025 web pages are never read: they
are the sources of held-out sets.

    python3 datasets/tools/news_pool.py -n 1150 -o /tmp/pool.jsonl
    python3 datasets/tools/news_pool.py -n 360 --stance-cues --cue-share 1 --seed 17 \
        --exclude /tmp/pool.jsonl --first-id 1201 -o /tmp/pool2.jsonl
"""
import argparse, csv, json, os, random, subprocess, sys, tempfile

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpora")
csv.field_size_limit(1 << 30)


def documents():
    """(source, id, text, date) for each article, in file order."""
    with open(os.path.join(SHARED, "fnc-1", "train_bodies.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield "fnc-1", "fnc-1/" + row["Body ID"], row["articleBody"], None
    with open(os.path.join(SHARED, "bbc-news", "bbc-fulltext.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield "bbc", "bbc/" + r["id"], r["text"], None
    seen = set()
    with open(os.path.join(SHARED, "polnear", "polnear-attributions.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["doc"] in seen:
                continue
            seen.add(r["doc"])
            yield "polnear", "polnear/" + r["doc"], r["text"], r.get("date")


def stance_rows():
    """Line numbers of rules/cues.csv rows with a label (not report or role words)."""
    path = os.path.join(os.path.dirname(__file__), "..", "..", "rules", "cues.csv")
    rows = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cells = line.split(",")
            if len(cells) > 2 and cells[1] in ("support", "dispute", "praise"):
                rows.add(n)
    return rows


def patterns(stancer, stance_only):
    out = subprocess.run([stancer, "rules", "patterns"], capture_output=True, text=True, check=True).stdout
    stance = stance_rows()
    actors, cues = set(), set()
    for line in out.splitlines():
        pat, kind, source = line.split("\t")
        words = tuple(pat.split())
        if kind == "actor":
            actors.add(words)
        elif kind == "cue":
            # every template row has a label; cues.csv rows are looked up
            if stance_only and "templates.csv" not in source and int(source.split(":")[1].split()[0]) not in stance:
                continue
            cues.add(tuple(w.lower() for w in words))
    return actors, cues


def count(words, table):
    """How many distinct entries of `table` occur in `words` (case kept)."""
    found = set()
    for i in range(len(words)):
        for n in range(1, 7):
            if tuple(words[i:i + n]) in table:
                found.add(tuple(words[i:i + n]))
    return len(found)


def has(words, table, lower):
    ws = [w.lower() for w in words] if lower else words
    for i in range(len(ws)):
        for n in range(1, 7):
            if tuple(ws[i:i + n]) in table:
                return True
    return False


def tokens(text):
    out, cur = [], []
    for ch in text:
        if ch.isalnum() or ch in "-'’.":
            cur.append(ch)
        else:
            if cur:
                out.append("".join(cur).strip(".'’"))
            cur = []
    if cur:
        out.append("".join(cur).strip(".'’"))
    # "Pakistan's" -> also "Pakistan"
    return [t[:-2] if t.endswith(("'s", "’s")) else t for t in out if t]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stancer", default="target/release/stancer")
    ap.add_argument("-n", type=int, default=1150)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-o", required=True)
    ap.add_argument("--stance-cues", action="store_true",
                    help="count only cues with a label (not speech or role words) as cue candidates")
    ap.add_argument("--cue-share", type=float, default=0.64)
    ap.add_argument("--exclude", help="a JSON Lines file whose sources are not drawn again")
    ap.add_argument("--first-id", type=int, default=1)
    ap.add_argument("--min-parties", type=int, default=1,
                    help="keep only sentences naming at least this many distinct actor aliases")
    a = ap.parse_args()
    actors, cues = patterns(a.stancer, a.stance_cues)
    excluded = set()
    if a.exclude:
        with open(a.exclude, encoding="utf-8") as f:
            excluded = {json.loads(l)["source"] for l in f}
    meta = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for src, id_, text, date in documents():
                meta[id_] = (src, date)
                f.write(json.dumps({"id": id_, "text": text}) + "\n")
        sents = subprocess.run([a.stancer, "sentences", "-q", docs], capture_output=True, text=True, check=True).stdout
    with_cue, without = [], []
    for line in sents.splitlines():
        s = json.loads(line)
        text = s["text"]
        if not (20 <= len(text) <= 600):
            continue
        ws = tokens(text)
        if not has(ws, actors, False) or (a.min_parties > 1 and count(ws, actors) < a.min_parties):
            continue
        src, date = meta[s["doc_id"]]
        item = {"source": f'{s["doc_id"]}#{s["sentence_id"]}', "text": text}
        if item["source"] in excluded:
            continue
        if date:
            item["date"] = date
        (with_cue if has(ws, cues, True) else without).append((src, item))
    rng = random.Random(a.seed)
    picked = []
    n_cue = round(a.n * a.cue_share)
    for pool, n in ((with_cue, n_cue), (without, a.n - n_cue)):
        by_src = {}
        for src, item in pool:
            by_src.setdefault(src, []).append(item)
        # an even share from each corpus, so that one corpus's style does not dominate
        per = n // len(by_src)
        for src in sorted(by_src):
            items = by_src[src]
            picked += rng.sample(items, min(per, len(items)))
        print(f"pool: {len(pool)} sentences, {', '.join(f'{k} {len(v)}' for k, v in sorted(by_src.items()))}", file=sys.stderr)
    rng.shuffle(picked)
    with open(a.o, "w", encoding="utf-8") as f:
        for i, item in enumerate(picked, a.first_id):
            f.write(json.dumps({"id": f"n{i:04d}", **item}, ensure_ascii=False) + "\n")
    print(f"wrote {len(picked)} items to {a.o}", file=sys.stderr)


if __name__ == "__main__":
    main()
