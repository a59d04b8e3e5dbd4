"""Corpus mode on Apache Spark: the same inputs and the same tables as
``corroborate corpus`` (and :func:`corroborate.corpus`), the work spread
over a cluster.

1. **Articles**: JSONL (one object a line: ``id``, ``source``, ``date``,
   ``text``) or Parquet, each article numbered by its place in the input
   (the line, or the row), as corpus mode numbers them.
2. **Candidates**: each article's fingerprint (LSH band keys and shingle
   set) comes from the package (the project's own MinHash, so the keys are
   corpus mode's, bit for bit) in an Arrow ``mapInPandas``; Spark groups the
   articles by band key, and each bucket gives its pairs exactly as corpus
   mode does (in input order, a bucket over ``max_bucket`` articles pairing
   each article with its next ``max_bucket`` only); the pairs are made
   distinct, and kept when their exact shingle containment reaches
   ``min_shingle_containment`` (an Arrow pandas UDF), as corpus mode checks.
3. **Alignment**: the pairs are joined with their texts and aligned in an
   Arrow ``mapInPandas`` calling the package's engine (the same
   ``align_pair`` as corpus mode, the GIL released), with the provenance
   decision (``direction``) of corpus mode, and its second look at the
   pairs the dates did not decide (the outlets' history).
4. **Tables**: ``pairs``, ``passages`` and ``provenance``, with corpus
   mode's columns, rows in corpus mode's order, as CSV (a folder of part
   files each; ``single_file`` for one ``.csv`` each) or Parquet.

Every worker needs the ``corroborate`` wheel installed (or shipped in a
packed virtual environment: see the README's "From Python and on Spark").
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _native, corpus_defaults

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

ARTICLE_SCHEMA = "idx long, id string, source string, date string, text string"
PRINT_SCHEMA = "idx long, keys array<long>, shingles binary"
CAND_SCHEMA = "a_idx long, b_idx long"
PAIR_COLUMNS = [
    "a",
    "b",
    "a_words",
    "b_words",
    "containment_a",
    "containment_b",
    "similarity",
    "shared_words_a",
    "shared_words_b",
    "passages",
]
PASSAGE_COLUMNS = ["a", "b", "index", "a_start", "a_end", "b_start", "b_end", "words", "identity", "kind", "edits"]
PROVENANCE_COLUMNS = ["copier", "source", "a", "b", "index", "reason"]
ALIGNED_SCHEMA = (
    "a_idx long, b_idx long, a string, b string, a_words long, b_words long, containment_a double, "
    "containment_b double, similarity double, shared_words_a long, shared_words_b long, passages long, "
    "copier string, psource string, reason string, passages_json string"
)
PASSAGE_JSON_SCHEMA = (
    "array<struct<a:string,b:string,index:long,a_start:long,a_end:long,b_start:long,b_end:long,"
    "words:long,identity:double,kind:string,edits:long>>"
)


def _id(value: Any, line: str) -> str:
    """An article id as corpus mode reads it: a non-empty string, or a number."""
    if isinstance(value, str):
        if value:
            return value
        raise ValueError(f"line {line!r}: `id` is empty")
    if value is None:
        raise ValueError(f"line {line!r}: missing field `id`")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"line {line!r}: `id` must be a string or a number, not {json.dumps(value)}")


def parse_lines(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
    """JSONL lines (``value``, ``idx``: the order of the line) into
    articles, blank lines skipped; a bad line fails the job quoting it."""
    for df in batches:
        rows = []
        for line, idx in zip(df["value"], df["idx"]):
            if not line.strip():
                continue
            n = int(idx)
            where = line[:80]
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise ValueError(f"line {where!r}: not valid JSON: {e}") from None
            if not isinstance(obj, dict):
                raise ValueError(f"line {where!r}: expected a JSON object with `id` and `text`")
            aid = _id(obj.get("id"), where)
            text = obj.get("text")
            if not isinstance(text, str):
                raise ValueError(f"line {where!r}: article {aid!r} has no `text`")
            source, date = obj.get("source"), obj.get("date")
            date = date if isinstance(date, str) and date.strip() else None
            rows.append((n, aid, source if isinstance(source, str) else "", date, text))
        yield pd.DataFrame(rows, columns=["idx", "id", "source", "date", "text"])


def read_articles(spark: SparkSession, path: str) -> DataFrame:
    """The articles of a JSONL or Parquet input, numbered in input order
    (``monotonically_increasing_id`` grows with the file offset and the row,
    so it orders the articles as corpus mode's index does)."""
    from pyspark.sql import functions as F

    if path.lower().endswith((".parquet", ".pq")) or (
        os.path.isdir(path) and any(f.endswith(".parquet") for f in os.listdir(path))
    ):
        df = spark.read.parquet(path)
        cols: dict[str, Any] = {c: F.col(c) for c in ("id", "source", "date", "text") if c in df.columns}
        if "id" not in cols or "text" not in cols:
            raise ValueError(f"{path}: the Parquet input needs the columns `id` and `text`")
        return df.select(
            F.monotonically_increasing_id().alias("idx"),
            cols["id"].cast("string").alias("id"),
            F.coalesce(cols["source"].cast("string"), F.lit("")).alias("source") if "source" in cols else F.lit("").alias("source"),
            _date_column(df, cols) if "date" in cols else F.lit(None).cast("string").alias("date"),
            cols["text"].alias("text"),
        )
    lines = spark.read.text(path).select("value", F.monotonically_increasing_id().alias("idx"))
    return lines.mapInPandas(parse_lines, ARTICLE_SCHEMA)


def _date_column(df: DataFrame, cols: dict[str, Any]) -> Any:
    """A Parquet date as corpus mode's Python side writes it (ISO 8601)."""
    from pyspark.sql import functions as F

    kind = dict(df.dtypes)["date"]
    if kind == "date":
        d = F.date_format(cols["date"], "yyyy-MM-dd")
    elif kind.startswith("timestamp"):
        d = F.date_format(cols["date"], "yyyy-MM-dd'T'HH:mm:ss")
    else:
        d = cols["date"].cast("string")
    return F.when(F.trim(d) == "", None).otherwise(d).alias("date")


def fingerprint_udf(options: dict[str, Any]) -> Any:
    """The ``mapInPandas`` function giving each article's fingerprint: its
    band keys and its packed shingle set (corpus mode's ``fingerprint``)."""
    shingle, bands, rows, seed = (int(options[k]) for k in ("shingle", "bands", "rows", "seed"))

    def prints(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
        for df in batches:
            fs = _native.fingerprints(list(df["text"]), shingle, bands, rows, seed)
            yield pd.DataFrame({"idx": df["idx"], "keys": [k for k, _ in fs], "shingles": [sh for _, sh in fs]})

    return prints


def bucket_pairs_udf(max_bucket: int) -> Any:
    """The ``mapInPandas`` function turning buckets (``ids``: the articles of
    one band key, sorted) into candidate pairs as corpus mode does."""
    cap = max(max_bucket, 2)

    def pairs(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
        for df in batches:
            a: list[int] = []
            b: list[int] = []
            for ids in df["ids"]:
                ids = list(ids)
                n = len(ids)
                for x, i in enumerate(ids):
                    end = min(x + 1 + cap, n) if n > cap else n
                    for j in ids[x + 1 : end]:
                        if i != j:
                            a.append(min(i, j))
                            b.append(max(i, j))
            yield pd.DataFrame({"a_idx": pd.Series(a, dtype="int64"), "b_idx": pd.Series(b, dtype="int64")})

    return pairs


def align_batches(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
    """Aligns each candidate pair with the package's engine (corpus mode's
    ``align_pair``) and decides its provenance (corpus mode's ``direction``)."""
    for df in batches:
        rows = []
        for r in df.itertuples(index=False):
            found = _native.align_json(r.a_id, r.a_text, r.b_id, r.b_text)
            if found is None:
                continue
            pair, passages = json.loads(found)
            copier, source, reason = _native.direction(
                r.a_id, r.a_date, r.b_id, r.b_date, pair["containment_a"], pair["containment_b"]
            )
            rows.append(
                (r.a_idx, r.b_idx, *(pair[c] for c in PAIR_COLUMNS), copier, source, reason, json.dumps(passages))
            )
        yield pd.DataFrame(
            rows,
            columns=["a_idx", "b_idx", *PAIR_COLUMNS, "copier", "psource", "reason", "passages_json"],
        )


def history_udf(records: list[tuple[str, str, int]]) -> Any:
    """The ``mapInPandas`` function giving pairs the dates did not decide
    the direction of their outlets' history (corpus mode's
    ``OutletHistory``), from ``records``: ``(first outlet, later outlet,
    pairs)`` of the dated pairs. Rows keep ``ALIGNED_SCHEMA``."""
    columns = [c.split(" ")[0] for c in ALIGNED_SCHEMA.split(", ")]

    def redecide(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
        for df in batches:
            df = df.reset_index(drop=True)
            open_rows = df.index[df["reason"] != "date"]
            asked = [(df.at[i, "a"], df.at[i, "a_out"], df.at[i, "b"], df.at[i, "b_out"]) for i in open_rows]
            for i, told in zip(open_rows, _native.history_decide(records, asked)):
                if told is not None:
                    df.at[i, "copier"], df.at[i, "psource"] = told
                    df.at[i, "reason"] = "history"
            yield df[columns]

    return redecide


def _containment_udf() -> Any:
    """An Arrow pandas UDF: corpus mode's ``shingle_containment`` of two
    packed shingle sets."""
    from pyspark.sql.pandas.functions import pandas_udf

    @pandas_udf("double")  # type: ignore[call-overload,untyped-decorator]
    def containment(a: pd.Series, b: pd.Series) -> pd.Series:
        return pd.Series([_native.shingle_containment(x, y) for x, y in zip(a, b)], dtype="float64")

    return containment


def run(spark: SparkSession, path: str, **options: Any) -> dict[str, DataFrame]:
    """The three tables of corpus mode for the input at ``path``, as Spark
    DataFrames sorted in corpus mode's order. Options as
    :func:`corroborate.corpus`'s (``threshold``, ``shingle``, ``bands``,
    ``rows``, ``seed``, ``max_bucket``, ``min_shingle_containment``;
    ``batch`` is corpus mode's memory
    bound and has no effect here)."""
    from pyspark.sql import functions as F

    opts = {**corpus_defaults(), **options}
    unknown = set(opts) - set(corpus_defaults())
    if unknown:
        raise ValueError(f"unknown option {sorted(unknown)[0]!r}; the options are: {', '.join(corpus_defaults())}")
    threshold = float(opts["threshold"])
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold} is not between 0 and 1")
    articles = read_articles(spark, path).cache()
    twice = articles.groupBy("id").count().where("count > 1").limit(1).collect()
    if twice:
        raise ValueError(f"{path}: id {twice[0]['id']!r} is used more than once")
    prints = articles.select("idx", "text").mapInPandas(fingerprint_udf(opts), PRINT_SCHEMA).cache()
    keys = prints.select("idx", F.explode("keys").alias("key"))
    buckets = (
        keys.groupBy("key")
        .agg(F.array_sort(F.collect_list("idx")).alias("ids"))
        .where(F.size("ids") >= 2)
        .select("ids")
    )
    cands = buckets.mapInPandas(bucket_pairs_udf(int(opts["max_bucket"])), CAND_SCHEMA).distinct()
    # corpus mode's check before aligning: the exact shingle containment
    sh = prints.select("idx", "shingles")
    checked = cands.join(sh.toDF("a_idx", "a_sh"), "a_idx").join(sh.toDF("b_idx", "b_sh"), "b_idx")
    checked = checked.where(_containment_udf()("a_sh", "b_sh") >= F.lit(float(opts["min_shingle_containment"])))
    side = articles.select("idx", "id", "date", "text")
    joined = (
        checked.select("a_idx", "b_idx")
        .join(side.toDF("a_idx", "a_id", "a_date", "a_text"), "a_idx")
        .join(side.toDF("b_idx", "b_id", "b_date", "b_text"), "b_idx")
    )
    # texts are skewed in cost: spread the pairs evenly before aligning
    joined = joined.repartition(max(spark.sparkContext.defaultParallelism * 4, 8))
    aligned = joined.select("a_idx", "b_idx", "a_id", "a_text", "a_date", "b_id", "b_text", "b_date").mapInPandas(
        align_batches, ALIGNED_SCHEMA
    )
    aligned = aligned.where(F.greatest("containment_a", "containment_b") >= F.lit(threshold)).cache()
    # corpus mode's second look: pairs the dates did not decide take the
    # direction of their outlets' history, learned from the dated pairs
    outlets = articles.select("id", "source")
    records = [
        (r["first"], r["later"], int(r["count"]))
        for r in aligned.where(F.col("reason") == "date")
        .join(outlets.toDF("psource", "first"), "psource")
        .join(outlets.toDF("copier", "later"), "copier")
        .groupBy("first", "later")
        .count()
        .collect()
    ]
    aligned = (
        aligned.join(outlets.toDF("a", "a_out"), "a")
        .join(outlets.toDF("b", "b_out"), "b")
        .mapInPandas(history_udf(records), ALIGNED_SCHEMA)
        .cache()
    )
    pairs = aligned.orderBy("a_idx", "b_idx").select(*PAIR_COLUMNS)
    exploded = aligned.select(
        "a_idx", "b_idx", "copier", "psource", "reason", F.explode(F.from_json("passages_json", PASSAGE_JSON_SCHEMA)).alias("p")
    )
    passages = exploded.orderBy("a_idx", "b_idx", "p.index").select(*(F.col(f"p.{c}").alias(c) for c in PASSAGE_COLUMNS))
    provenance = exploded.orderBy("a_idx", "b_idx", "p.index").select(
        "copier",
        F.col("psource").alias("source"),
        F.col("p.a").alias("a"),
        F.col("p.b").alias("b"),
        F.col("p.index").alias("index"),
        "reason",
    )
    return {"pairs": pairs, "passages": passages, "provenance": provenance}


def write(tables: dict[str, DataFrame], out_dir: str, fmt: str = "csv", single_file: bool = False) -> None:
    """Writes each table into ``out_dir/<name>`` (CSV with a header, or
    Parquet); ``single_file`` writes ``out_dir/<name>.csv`` files as corpus
    mode does (through one task: for small outputs)."""
    for name, df in tables.items():
        target = os.path.join(out_dir, name)
        if fmt == "parquet":
            df.write.mode("overwrite").parquet(target)
        elif single_file:
            df.coalesce(1).write.mode("overwrite").option("header", True).csv(target + ".parts")
            _single_csv(target + ".parts", target + ".csv")
        else:
            df.write.mode("overwrite").option("header", True).csv(target)


def _single_csv(parts_dir: str, dest: str) -> None:
    import shutil

    parts = sorted(f for f in os.listdir(parts_dir) if f.startswith("part-") and f.endswith(".csv"))
    with open(dest, "wb") as out:
        for i, f in enumerate(parts):
            with open(os.path.join(parts_dir, f), "rb") as src:
                if i > 0:
                    src.readline()  # each part repeats the header
                shutil.copyfileobj(src, out)
    shutil.rmtree(parts_dir)
