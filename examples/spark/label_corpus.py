"""Label a corpus on Apache Spark with the stancer Python package.

Reads JSON Lines or Parquet records (id, text and, if present, date columns, named by
options), labels each partition with ``mapInArrow`` (every task builds one
``stancer.Labeler`` and labels its Arrow batches on ``--threads`` cores), writes the
claims as Parquet (and as CSV with ``--csv DIR``) and prints the totals.

    python examples/spark/label_corpus.py corpus.jsonl claims/ --master 'local[2]'
    spark-submit examples/spark/label_corpus.py s3://bucket/news/ s3://bucket/claims/ \\
        --input-format parquet --text-field body

The claims have the columns and types of ``stancer label``'s CSV; rows come in no
particular order (sort by doc_id, sentence_id for the CLI's order). Every executor
needs the stancer package importable: see the README's "On Spark" section.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines or Parquet: a file, a folder or a glob")
    p.add_argument("output", help="folder to write the claims to, as Parquet")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: from the input's name")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", default="text")
    p.add_argument("--date-field", default="date", help="used when the input has it")
    p.add_argument("--csv", metavar="DIR", help="also write the claims as CSV (with a header row) to DIR")
    p.add_argument("--rules", metavar="DIR", help="rule pack folder, at this path on every executor")
    p.add_argument("--threads", type=int, default=1, help="labeling threads per task (match spark.task.cpus)")
    p.add_argument("--partitions", type=int, help="repartition the input into this many tasks first")
    p.add_argument("--overwrite", action="store_true", help="replace the output folders if they exist")
    p.add_argument("--master", help="Spark master for a run outside spark-submit, e.g. local[2]")
    return p.parse_args(argv)


def claims_struct():
    """The claims' Spark schema, from the package's column list (string or int64)."""
    import stancer

    kinds = {"string": T.StringType(), "int64": T.LongType()}
    return T.StructType([T.StructField(name, kinds[kind], False) for name, kind in stancer.CLAIM_COLUMNS])


def labeler_of(rules, threads, totals):
    """The function mapInArrow runs once per task: one Labeler for all of the task's batches."""

    def label(batches):
        import stancer

        labeler = stancer.Labeler(rules, jobs=threads)
        for batch in batches:
            dates = batch.column(2).to_pylist()
            table = labeler.label_batch(batch.column(0).to_pylist(), batch.column(1).to_pylist(), dates)
            for name, count in labeler.last_stats.items():
                totals[name].add(count)
            yield from table.to_batches()

    return label


def read_records(spark, args):
    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "parquet":
        frame = spark.read.parquet(args.input)
    else:
        # Only the three fields, read as text: no pass over the input to infer a schema,
        # and other fields (often as large as the text) are not parsed.
        wanted = ", ".join(f"`{name}` string" for name in (args.id_field, args.text_field, args.date_field))
        frame = spark.read.schema(wanted).json(args.input)
    fields = dict(frame.dtypes)
    for name in (args.id_field, args.text_field):
        if name not in fields:
            sys.exit(f"{args.input}: no {name!r} column (columns: {', '.join(fields)})")
    if fields[args.text_field] != "string":
        sys.exit(f"{args.input}: column {args.text_field!r} is {fields[args.text_field]}, not string")
    # Dates as text, as the CLI reads them: a Spark date column as YYYY-MM-DD.
    date = F.col(args.date_field).cast("string") if args.date_field in fields else F.lit(None).cast("string")
    records = frame.select(
        F.col(args.id_field).cast("string").alias("id"),
        F.col(args.text_field).alias("text"),
        date.alias("date"),
    )
    return records.repartition(args.partitions) if args.partitions else records


def main(argv=None):
    args = arguments(argv if argv is not None else sys.argv[1:])
    builder = SparkSession.builder.appName("stancer label")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        # Counted in the tasks and added up on the driver; a task Spark retries counts again.
        totals = {name: sc.accumulator(0) for name in ("documents", "claims", "skipped", "warnings")}
        claims = read_records(spark, args).mapInArrow(labeler_of(args.rules, args.threads, totals), claims_struct())
        mode = "overwrite" if args.overwrite else "errorifexists"
        claims.write.mode(mode).parquet(args.output)
        if args.csv:
            # From the Parquet just written, so that nothing is labeled twice.
            # Quotes doubled, as RFC 4180 and the CLI's CSV have them (Spark's default is \").
            table = spark.read.parquet(args.output).write.mode(mode).option("header", True)
            table.option("escape", '"').csv(args.csv)
        counts = {name: acc.value for name, acc in totals.items()}
        print(
            "stancer on Spark: {documents} documents -> {claims} claims; {skipped} skipped, {warnings} warnings".format(
                **counts
            )
            + f"; claims in {args.output}"
            + (f" and {args.csv}" if args.csv else "")
        )
        return 1 if counts["skipped"] else 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
