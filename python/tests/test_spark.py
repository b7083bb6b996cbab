"""The Spark example in local[2] mode on the FNC-1 bodies: its claims are exactly the
command line's, as a set of rows, and its totals are the command line's counts."""

import csv
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, fnc_bodies, json_rows, run_cli, write_jsonl

pytest.importorskip("pyspark")

EXAMPLE = ROOT / "examples" / "spark" / "label_corpus.py"


def row_key(row):
    return tuple(row[name] for name in sorted(row))


def test_spark_example_gives_the_cli_claims_on_fnc1_bodies(stancer_bin, tmp_path):
    corpus = write_jsonl(tmp_path / "bodies.jsonl", fnc_bodies())
    # One record the CLI skips too: its text is not a string.
    with open(corpus, "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "no-text", "text": None}) + "\n")
    cli = run_cli(stancer_bin, "label", corpus, "--format", "jsonl")
    assert cli.returncode == 1, cli.stderr.decode()
    assert "1 skipped" in cli.stderr.decode()
    expected = json_rows(cli)
    assert len(expected) > 100

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    out, csv_out = tmp_path / "claims", tmp_path / "claims-csv"
    args = [sys.executable, EXAMPLE, corpus, out, "--csv", csv_out, "--master", "local[2]", "--partitions", "4"]
    done = subprocess.run([str(a) for a in args], capture_output=True, env=env, timeout=600)
    assert done.returncode == 1, done.stderr.decode()[-3000:]
    documents = len(fnc_bodies())
    totals = f"stancer on Spark: {documents} documents -> {len(expected)} claims; 1 skipped, 0 warnings"
    assert totals in done.stdout.decode(), done.stdout.decode()

    got = pq.read_table(out).to_pylist()
    assert sorted(map(row_key, got)) == sorted(map(row_key, expected))
    csv_rows = []
    for part in csv_out.glob("part-*.csv"):
        with open(part, newline="", encoding="utf-8") as f:
            csv_rows.extend(csv.DictReader(f))
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]
    assert sorted(map(row_key, csv_rows)) == sorted(map(row_key, as_text))
