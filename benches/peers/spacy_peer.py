#!/usr/bin/env python3
"""The same job done the way most people would today, for a throughput comparison
with `stancer label`: spaCy's blank English pipeline with the sentencizer, a
PhraseMatcher (attr="LOWER") over stancer's own literal patterns, and nearest-mention
attribution per sentence (for each cue, the nearest actor before it is the holder and
the nearest actor after it the target).

    stancer rules patterns --bare > patterns.txt
    stancer rules patterns > patterns.tsv
    python3 spacy_peer.py patterns.txt patterns.tsv corpus.jsonl -o claims.csv

Input: JSON Lines with fields `id` and `text`. Output: CSV rows
doc_id,sentence_id,holder_text,cue,target_text,rule. Documents/second and MB/s go to
standard error. No model download is needed: spacy.blank("en") is rules only.
"""

import argparse
import csv
import json
import sys
import time

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans


def load_patterns(bare_path, listing_path):
    """Pattern texts (from the --bare listing) and, per lower-cased text, its kind
    and rule from the full `text<TAB>kind<TAB>rule` listing. Aliases win over the
    other kinds when a text is both, as in stancer's matcher."""
    with open(bare_path, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    kinds = {}
    priority = {"actor": 0, "cue": 1, "negator": 2, "speaker": 3, "body": 4}
    with open(listing_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            text, kind, rule = parts
            key = text.lower()
            old = kinds.get(key)
            if old is None or priority.get(kind, 9) < priority.get(old[0], 9):
                kinds[key] = (kind, rule)
    return texts, kinds


def build(texts, kinds):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_kind = {}
    seen = set()
    for text in texts:
        key = text.lower()
        if key in seen:
            continue
        seen.add(key)
        kind = kinds.get(key, ("body", ""))[0]
        by_kind.setdefault(kind, []).append(nlp.make_doc(text))
    for kind, docs in by_kind.items():
        matcher.add(kind, docs)
    return nlp, matcher


def claims(doc, matcher, kinds):
    """(sentence_id, holder_text, cue_text, target_text, rule) for every cue."""
    spans = filter_spans(matcher(doc, as_spans=True))  # longest, non-overlapping
    spans.sort(key=lambda s: s.start)
    i = 0
    for sent_id, sent in enumerate(doc.sents, 1):
        while i < len(spans) and spans[i].start < sent.start:
            i += 1
        j = i
        while j < len(spans) and spans[j].end <= sent.end:
            j += 1
        inside = spans[i:j]
        i = j
        for k, span in enumerate(inside):
            if span.label_ != "cue":
                continue
            holder = next((s for s in reversed(inside[:k]) if s.label_ == "actor"), None)
            if holder is None:
                continue
            target = next((s for s in inside[k + 1:] if s.label_ == "actor"), None)
            rule = kinds.get(span.text.lower(), ("", ""))[1]
            yield sent_id, holder.text, span.text, target.text if target else "", rule


def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                yield str(r["id"]), r["text"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("patterns", help="`stancer rules patterns --bare` output")
    ap.add_argument("listing", help="`stancer rules patterns` output (text, kind, rule)")
    ap.add_argument("input", help="JSON Lines with fields id, text")
    ap.add_argument("-o", "--output", help="CSV file (default: standard output)")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    started = time.perf_counter()
    texts, kinds = load_patterns(args.patterns, args.listing)
    nlp, matcher = build(texts, kinds)
    setup = time.perf_counter() - started

    out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    writer = csv.writer(out)
    writer.writerow(["doc_id", "sentence_id", "holder_text", "cue", "target_text", "rule"])
    ids, bodies = [], []
    for doc_id, text in records(args.input):
        ids.append(doc_id)
        bodies.append(text)
    nbytes = sum(len(t.encode("utf-8")) for t in bodies)

    t0 = time.perf_counter()
    rows = 0
    for doc_id, doc in zip(ids, nlp.pipe(bodies, batch_size=args.batch_size)):
        for row in claims(doc, matcher, kinds):
            writer.writerow((doc_id, *row))
            rows += 1
    elapsed = time.perf_counter() - t0
    if out is not sys.stdout:
        out.close()
    print(
        f"spacy {spacy.__version__}: {len(ids)} documents, {nbytes / 1e6:.2f} MB, "
        f"{rows} rows in {elapsed:.2f} s (setup {setup:.2f} s): "
        f"{len(ids) / elapsed:.1f} documents/s, {nbytes / 1e6 / elapsed:.2f} MB/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
