"""Shared fixtures: the project root, the stancer binary the package is compared with,
and the FNC-1 bodies from ../shared (tests that need them skip when it is absent)."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FNC_BODIES = SHARED / "corpora" / "fnc-1" / "train_bodies.csv"


@pytest.fixture(scope="session")
def stancer_bin():
    """The command-line binary: $STANCER_BIN, else the one `cargo build` leaves in target/."""
    named = os.environ.get("STANCER_BIN")
    candidates = [Path(named)] if named else [ROOT / "target" / "release" / "stancer", ROOT / "target" / "debug" / "stancer"]
    for path in candidates:
        if path.is_file():
            return path
    pytest.fail(f"no stancer binary at {', '.join(map(str, candidates))}: run `cargo build` or set STANCER_BIN")


def run_cli(binary, *args, stdin=None, cwd=ROOT):
    """The finished process of the binary run with `args` in `cwd`."""
    return subprocess.run([str(binary), *map(str, args)], input=stdin, capture_output=True, cwd=cwd)


def json_rows(done):
    """The rows a `--format jsonl` run wrote."""
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


def fnc_bodies(limit=None):
    """(id, text) of the FNC-1 training bodies, in file order; skips without ../shared."""
    if not FNC_BODIES.is_file():
        pytest.skip(f"{FNC_BODIES} is absent (../shared holds the copyrighted corpora)")
    csv.field_size_limit(sys.maxsize)
    with open(FNC_BODIES, newline="", encoding="utf-8") as f:
        rows = [(r["Body ID"], r["articleBody"]) for r in csv.DictReader(f)]
    return rows[:limit] if limit else rows


def write_jsonl(path, bodies):
    """`bodies` as JSON Lines with fields id and text, as `stancer label` and Spark read them."""
    with open(path, "w", encoding="utf-8") as f:
        for body_id, text in bodies:
            f.write(json.dumps({"id": body_id, "text": text}) + "\n")
    return path
