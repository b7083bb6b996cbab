#!/usr/bin/env python3
"""Writes a synthetic claims table, as `stancer label` writes it, of N claims.

Usage: claims.py N OUT.csv [--seed S]

For measuring the summary report at sizes no staged corpus reaches (10k to 1M claims),
not for judging labels: parties are the rule pack's ids drawn with Zipf-like weights
(a few parties hold most claims, as in news), a third of the claims have no target,
labels are 45% support, 40% dispute, 15% praise, dates are spread over five years, and
every sentence is about 180 characters. The same N and seed give the same file.
"""
import argparse
import csv
import random
from pathlib import Path

COLUMNS = ["doc_id", "sentence_id", "holder", "label", "target", "holder_name", "target_name",
           "sentence", "cue", "holder_text", "target_text", "via", "rule", "pattern", "start",
           "end", "date"]
CUES = {"support": ["backed", "supported", "endorsed", "defended"],
        "dispute": ["denied", "rejected", "condemned", "accused"],
        "praise": ["praised", "thanked", "welcomed", "hailed"]}


def parties():
    rules = Path(__file__).resolve().parents[2] / "rules" / "parties.csv"
    rows = [l for l in rules.read_text().splitlines() if l and not l.startswith("#")]
    return [r.split(",")[0] for r in rows[1:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ids = parties()
    rng.shuffle(ids)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(ids))]
    labels = ["support", "dispute", "praise"]
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in range(a.n):
            doc = i // 3
            holder, target = rng.choices(ids, weights, k=2)
            if rng.random() < 0.33:
                target = ""
            label = rng.choices(labels, [45, 40, 15])[0]
            cue = rng.choice(CUES[label])
            year = 2015 + rng.randrange(5)
            date = f"{year}-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}"
            sentence = (f"Officials of {holder} {cue} what they called the position of "
                        f"{target or 'the council'} on the matter, in a statement issued "
                        f"after talks that ran late into the night (item {i}).")
            w.writerow([f"doc{doc:07}", i % 3 + 1, holder, label, target, holder, target,
                        sentence, cue, holder, target, "object", "cues.csv:1",
                        "verb-subject-object", 0, len(sentence), date])


if __name__ == "__main__":
    main()
