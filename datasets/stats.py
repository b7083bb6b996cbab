#!/usr/bin/env python3
"""Validate a gold JSONL file and print its composition as Markdown tables.

Usage: python3 datasets/stats.py [datasets/dev.jsonl]
Exits 1 if any line fails validation.
"""
import collections
import json
import re
import sys

LABELS = {"support", "dispute", "praise"}
ORGS = {"UN", "EU", "NATO", "AU", "ASEAN", "SCO", "OIC", "GCC", "IAEA", "IMF",
        "ICJ", "ICC", "OSCE", "LAS", "WB", "WHO"}
TAGS = {"simple", "metonymy", "leader", "ministry", "military", "demonym-holder",
        "possessive-target", "self-target", "coordination-holders",
        "coordination-targets", "contrast", "passive", "quote-before", "quote-after",
        "reported-speech-negated-role", "negation", "negated-cue-phrase", "question",
        "conditional", "nominal", "non-party-speaker", "no-claim", "pronoun-previous",
        "dateline", "multi-claim", "org", "in-office-date", "apposition",
        "curly-quotes", "em-dash"}
PARTY = re.compile(r"^[A-Z]{2,5}$")


def is_party(x):
    return x in ORGS or bool(re.fullmatch(r"[A-Z]{3}", x))


def main(path):
    errors = []
    items = []
    ids = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON ({e})")
                continue
            for key in ("id", "text", "claims", "tags", "crisis"):
                if key not in d:
                    errors.append(f"line {n}: missing {key}")
            if d.get("id") in ids:
                errors.append(f"line {n}: duplicate id {d.get('id')}")
            ids.add(d.get("id"))
            if "date" in d and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d["date"]):
                errors.append(f"line {n}: bad date {d['date']!r}")
            triples = []
            for c in d.get("claims", []):
                if c.get("label") not in LABELS:
                    errors.append(f"line {n}: bad label {c.get('label')!r}")
                if not is_party(c.get("holder", "")):
                    errors.append(f"line {n}: bad holder {c.get('holder')!r}")
                t = c.get("target")
                if t != "" and not is_party(t or ""):
                    errors.append(f"line {n}: bad target {t!r}")
                triples.append((c.get("holder"), c.get("label"), t))
            if len(set(triples)) != len(triples):
                errors.append(f"line {n}: duplicate claim in item")
            for t in d.get("tags", []):
                if t not in TAGS:
                    errors.append(f"line {n}: unknown tag {t!r}")
            if bool(d.get("claims")) == ("no-claim" in d.get("tags", [])):
                errors.append(f"line {n}: no-claim tag disagrees with claims")
            items.append(d)

    total = len(items)
    no_claim = sum(1 for d in items if not d["claims"])
    n_claims = sum(len(d["claims"]) for d in items)
    dated = sum(1 for d in items if "date" in d)
    words = sorted(len(d["text"].split()) for d in items)
    print(f"## Totals\n")
    print(f"- items: {total}")
    print(f"- items with no claim: {no_claim} ({100 * no_claim / total:.1f}%)")
    print(f"- claims: {n_claims} (mean {n_claims / total:.2f} per item, "
          f"max {max(len(d['claims']) for d in items)})")
    print(f"- items with a date: {dated}")
    print(f"- words per sentence: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
    print(f"- crises: {len({d['crisis'] for d in items})}")

    def table(title, head, counter, denom=None):
        print(f"\n## {title}\n")
        print(f"| {head} | items |" if denom is None else f"| {head} | count | share |")
        print("|---|---:|" if denom is None else "|---|---:|---:|")
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            if denom is None:
                print(f"| {k} | {v} |")
            else:
                print(f"| {k} | {v} | {100 * v / denom:.1f}% |")

    table("Items per crisis", "crisis", collections.Counter(d["crisis"] for d in items), total)
    table("Items per tag", "tag", collections.Counter(t for d in items for t in d["tags"]), total)
    labels = collections.Counter(c["label"] for d in items for c in d["claims"])
    table("Claims per label", "label", labels, n_claims)
    empty = collections.Counter(c["label"] for d in items for c in d["claims"] if c["target"] == "")
    table("Claims with an empty target, per label", "label", empty)
    holders = collections.Counter(c["holder"] for d in items for c in d["claims"])
    table("Claims per holder (top 20)", "holder", dict(holders.most_common(20)))
    iod_neg = sum(1 for d in items if "in-office-date" in d["tags"] and not d["claims"])
    print(f"\nItems tagged in-office-date with no claim (leader named outside the term): {iod_neg}")

    if errors:
        print("\n## Validation errors\n", file=sys.stderr)
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    print("\nValidation: OK (every line parses, ids unique, labels valid, "
          "holders are ids, targets empty or ids, no duplicate triples).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "datasets/dev.jsonl"))
