#!/usr/bin/env python3
"""Whole-process scaling of `stancer label` on generated worst-case inputs.

Each generator writes an input of about 1, 4, 16 and 64 MB (SIZES to change) that
aims at one path that could grow faster than the input: a sentence with no end, dense
with parties and cues; pronoun and surname carry-over over many sentences; many
documents with one id; many tiny documents; deep brackets and quotes; lines of quote
marks or dashes; runs of abbreviations; a rule pack with thousands of cues sharing a
prefix. Each input is labeled REPEAT times (default 3) with `-j 1 -q`; the table gives
the median wall time, seconds per MB, and the largest peak RSS at the largest size; the
slope is the time per MB at the largest size over the time per MB at the size before it
(1.0 is linear, 4.0 quadratic for a fourfold size; start-up weighs more in the smaller
run, which pulls the slope below 1).

Run from the repository root, after `cargo build --release`:

    python3 benches/scaling/scaling.py                    # all generators
    python3 benches/scaling/scaling.py dense abbreviations  # some of them
    SIZES=1,4 REPEAT=1 python3 benches/scaling/scaling.py   # a quick look
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
STANCER = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "stancer")


def repeat_to(unit, size):
    """`unit` repeated to about `size` bytes."""
    return unit * max(1, size // len(unit.encode()))


def dense(size):
    # Text with no sentence end: a scraped table or feed dump.
    return "txt", repeat_to("Pakistan thanked India for the help ", size)


def dense_record(size):
    # The same, as one JSON Lines record: a document that is not read in parts.
    return "jsonl", json.dumps({"id": "one", "text": repeat_to("Pakistan thanked India for the help ", size)}) + "\n"


def pronouns(size):
    # Every sentence refers back to the holder of the one before.
    unit = (
        "Pakistan's foreign ministry on Monday denied India's claims about the truce. "
        "It also rejected the report. He thanked the United States. They welcomed the ceasefire. "
    )
    return "txt", repeat_to(unit, size)


def surnames(size):
    # Full names, then surnames alone, over and over.
    unit = (
        "Prime Minister Shehbaz Sharif thanked President Donald Trump for his role. "
        "Sharif later praised Trump again. Indian Prime Minister Narendra Modi denied that. "
        "Modi rejected the claim. "
    )
    return "txt", repeat_to(unit, size)


def same_id(size):
    line = json.dumps({"id": "same", "text": "India denied the report. Pakistan thanked the United States."}) + "\n"
    return "jsonl", repeat_to(line, size)


def tiny_docs(size):
    out, i, total = [], 0, 0
    while total < size:
        line = json.dumps({"id": str(i), "text": "India denied it."}) + "\n"
        out.append(line)
        total += len(line)
        i += 1
    return "jsonl", "".join(out)


def brackets(size):
    # One sentence whose brackets and quotes nest as deep as the input is long.
    depth = max(1, (size - 40) // 8)
    return "txt", "(" * depth + "“" * depth + "India denied Pakistan's claim" + "”" * depth + ")" * depth


def quote_marks(size):
    return "txt", '"' * (size // 2) + "\n" + "-" * (size // 2) + "\n"


def abbreviations(size):
    return "txt", repeat_to("U.S. ", size)


def cue_prefix(size):
    # Text for the rule pack that `cue_prefix_rules` writes.
    return "txt", repeat_to("India denied the claim. Pakistan rejected the report on Monday. ", size)


def cue_prefix_rules(folder):
    """The built-in pack plus 5,000 phrase cues that all start with "reject"."""
    shutil.copytree("rules", folder)
    with open(os.path.join(folder, "cues.csv"), "a", encoding="utf-8") as f:
        for i in range(5000):
            word = "".join(chr(ord("a") + (i // 26**k) % 26) for k in range(3))
            f.write(f"reject the {word}x claim,dispute,phrase,,\n")
    return folder


GENERATORS = {
    "dense": dense,
    "dense_record": dense_record,
    "pronouns": pronouns,
    "surnames": surnames,
    "same_id": same_id,
    "tiny_docs": tiny_docs,
    "brackets": brackets,
    "quote_marks": quote_marks,
    "abbreviations": abbreviations,
    "cue_prefix": cue_prefix,
}


def run(args, tmp):
    """Wall seconds and peak RSS (MB) of one run. The RSS comes from /usr/bin/time: a
    child forked from this process would count this process's memory (the generated
    text) in its own peak."""
    measure = os.path.join(tmp, "time.txt")
    started = time.perf_counter()
    code = subprocess.call(
        ["/usr/bin/time", "-f", "%M", "-o", measure, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - started
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {code}")
    with open(measure, encoding="utf-8") as f:
        return wall, int(f.read().split()[-1]) / 1024


def main():
    names = sys.argv[1:] or list(GENERATORS)
    unknown = [n for n in names if n not in GENERATORS]
    if unknown:
        raise SystemExit(f"unknown generator(s): {', '.join(unknown)}; known: {', '.join(GENERATORS)}")
    sizes = [int(s) for s in os.environ.get("SIZES", "1,4,16,64").split(",")]
    repeat = int(os.environ.get("REPEAT", "3"))
    if not os.path.exists(STANCER):
        raise SystemExit(f"{STANCER} not found: run cargo build --release first")
    tmp = tempfile.mkdtemp(prefix="stancer-scaling-")
    try:
        print("| input | " + " | ".join(f"{s} MB: s (s/MB)" for s in sizes) + " | slope | peak RSS |")
        print("|---|" + "---:|" * len(sizes) + "---:|---:|")
        for name in names:
            rules = cue_prefix_rules(os.path.join(tmp, "rules")) if name == "cue_prefix" else None
            cells, per_mb = [], []
            for s in sizes:
                ext, text = GENERATORS[name](s * MB)
                path = os.path.join(tmp, f"{name}.{ext}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                del text
                mb = os.path.getsize(path) / MB
                args = [STANCER, "label", "-q", "-j", "1", path, "-o", os.path.join(tmp, "out.csv")]
                if rules:
                    args += ["--rules", rules]
                runs = [run(args, tmp) for _ in range(repeat)]
                wall = statistics.median(w for w, _ in runs)
                rss = max(r for _, r in runs)
                per_mb.append(wall / mb)
                cells.append(f"{wall:.2f} ({wall / mb:.3f})")
                os.remove(path)
            if rules:
                shutil.rmtree(rules)
            slope = per_mb[-1] / per_mb[-2] if len(per_mb) > 1 else 1.0
            print(f"| {name} | " + " | ".join(cells) + f" | {slope:.2f} | {rss:.0f} MB |", flush=True)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
