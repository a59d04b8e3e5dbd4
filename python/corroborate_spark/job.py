"""Corpus mode on Apache Spark: `spark-submit job.py IN OUT [options]`.

IN is a JSONL file (one article a line: id, source, date, text) or Parquet;
OUT gets the tables pairs, passages and provenance of `corroborate corpus`.
On a laptop: `spark-submit --master 'local[*]' python/corroborate_spark/job.py
in.jsonl out/`; on a cluster the same command with the cluster's --master,
every worker having the `corroborate` wheel (see the README's "From Python
and on Spark"). The work itself is in `corroborate.spark`, in the wheel.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="job.py", description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL or Parquet articles (id, source, date, text)")
    p.add_argument("out", help="folder for the tables pairs, passages, provenance")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv")
    p.add_argument("--single-file", action="store_true", help="one CSV file per table, as corpus mode writes")
    p.add_argument("--master", help="Spark master when not given to spark-submit (e.g. local[2])")
    p.add_argument("--partitions", type=int, help="shuffle partitions (default: 4 per core)")
    p.add_argument("--repeat", type=int, default=1, help="run N times in one session (to time a warm run)")
    for name, kind in (("threshold", float), ("shingle", int), ("bands", int), ("rows", int), ("max-bucket", int), ("min-shingle-containment", float)):
        p.add_argument(f"--{name}", type=kind)
    args = p.parse_args(argv)

    # the Python workers must import the same `corroborate` as the driver
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from corroborate import spark as job

    # a session already running (a notebook, a test) is used and left running
    existing = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("corroborate-corpus")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    if existing is None:
        spark.sparkContext.setLogLevel("WARN")
    cores = spark.sparkContext.defaultParallelism
    spark.conf.set("spark.sql.shuffle.partitions", str(args.partitions or max(cores * 4, 8)))
    options = {
        k: v
        for k, v in {
            "threshold": args.threshold,
            "shingle": args.shingle,
            "bands": args.bands,
            "rows": args.rows,
            "max_bucket": args.max_bucket,
            "min_shingle_containment": args.min_shingle_containment,
        }.items()
        if v is not None
    }
    for _ in range(max(args.repeat, 1)):
        start = time.time()
        tables = job.run(spark, args.input, **options)
        job.write(tables, args.out, fmt=args.format, single_file=args.single_file)
        print(f"corroborate spark job: tables in {args.out} in {time.time() - start:.1f} s", file=sys.stderr)
        spark.catalog.clearCache()
    if existing is None:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
