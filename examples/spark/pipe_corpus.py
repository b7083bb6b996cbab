"""Label a JSON Lines corpus on Spark without the Python package: every partition's
lines go through the `stancer label` binary with `rdd.pipe()`, JSON Lines on both sides
(standard input to standard output: input order kept, one line per claim, no header).

    python examples/spark/pipe_corpus.py corpus.jsonl claims/ --stancer /usr/local/bin/stancer --master 'local[2]'
    spark-submit --files target/release/stancer examples/spark/pipe_corpus.py corpus.jsonl claims/ --stancer ./stancer

The binary must run on every executor: installed at the same path on each, or shipped
with `--files` (then named by its bare file name, which Spark puts in each task's
working folder). The claims are written as JSON Lines text files, one per partition.
"""

import argparse
import shlex
import sys

from pyspark.sql import SparkSession


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines (fields id, text, optional date)")
    p.add_argument("output", help="folder for the claims, as JSON Lines text files")
    p.add_argument("--stancer", default="stancer", help="the binary, as the executors find it")
    p.add_argument("--threads", type=int, default=1, help="-j for each binary run (match spark.task.cpus)")
    p.add_argument("--master", help="Spark master for a run outside spark-submit, e.g. local[2]")
    args = p.parse_args(argv)
    builder = SparkSession.builder.appName("stancer label (pipe)")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input)
        # --quiet: no progress line; the summary goes to the executor's standard error.
        command = [args.stancer, "label", "--input-format", "jsonl", "--format", "jsonl", "-q", "-j", str(args.threads)]
        # Records need ids: one without gets `stdin:LINE`, the line counted per partition.
        claims = lines.pipe(shlex.join(command))
        claims.saveAsTextFile(args.output)
        print(f"stancer on Spark (pipe): {spark.read.text(args.output).count()} claims in {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
