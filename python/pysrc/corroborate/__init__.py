"""Corroborate from Python: the engine of the page and the CLI, in-process.

- :func:`analyze` compares articles and returns the Report (the same JSON
  object ``corroborate analyze --json`` prints, as Python dicts and lists);
- :func:`read` turns a file's bytes (plain text, HTML, Markdown, Word
  ``.docx``) into article text, as the CLI and the page read files;
- :func:`reuse` is the fast path for one pair: containment both ways and the
  aligned passages, without entities or divergences;
- :func:`corpus` runs corpus mode over a whole archive (JSONL or Parquet).

Every failure raises :class:`CorroborateError` (a ``ValueError``) with the
message the CLI prints and a ``kind``.

Offsets: the CLI's default unit is UTF-8 bytes; here it is ``"chars"``, the
unit Python strings are indexed by, so ``text[p["a_start"]:p["a_end"]]`` is
the passage. Pass ``offsets="utf8"`` to get exactly the CLI's numbers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Union

from . import _native
from ._native import REPORT_VERSION, CorroborateError

__all__ = [
    "CorroborateError",
    "REPORT_VERSION",
    "Article",
    "analyze",
    "read",
    "reuse",
    "corpus",
    "corpus_defaults",
    "__version__",
]

__version__: str = _native.__version__

#: An article: its text, or a mapping with ``text`` and optionally ``label``,
#: ``name``, ``warnings`` and ``meta`` (what :func:`read` returns fits).
Article = Union[str, Mapping[str, Any]]

_ARTICLE_KEYS = ("text", "label", "name", "warnings", "meta")


def _usage(message: str) -> CorroborateError:
    err = CorroborateError(message)
    err.kind = "usage"
    return err


def _options(options: Mapping[str, Any]) -> str:
    opts = {"offsets": "chars", **options}
    return json.dumps(opts)


def _article(item: Article, label: str | None, index: int) -> dict[str, Any]:
    if isinstance(item, str):
        art: dict[str, Any] = {"text": item}
    elif isinstance(item, Mapping):
        if not isinstance(item.get("text"), str):
            raise _usage(f"article {index + 1} has no text: give a str or a mapping with a 'text' str")
        art = {k: item[k] for k in _ARTICLE_KEYS if item.get(k) is not None}
    else:
        raise _usage(
            f"article {index + 1} is a {type(item).__name__}: give a str or a mapping with a 'text' str"
        )
    if label is not None:
        art["label"] = label
    return art


def analyze(texts: Sequence[Article], labels: Sequence[str | None] | None = None, **options: Any) -> dict[str, Any]:
    """Compares articles and returns the Report as a dict.

    ``texts`` are strings or mappings (e.g. what :func:`read` returns);
    ``labels`` name the outlets, one per article (``None`` keeps the
    article's own). Options: ``offsets`` (``"chars"``, the default here,
    ``"utf8"`` as the CLI, or ``"utf16"`` as the page).

    Raises :class:`CorroborateError` with the CLI's message: no articles, an
    article empty after cleaning, a limit exceeded, an unknown option.

    >>> r = analyze(["A crane collapsed in Rotterdam on Monday, killing four dock workers, officials said.",
    ...              "A crane collapsed in Rotterdam on Monday, killing four dock workers, officials said on Tuesday."],
    ...             labels=["Wire", "Paper"])
    >>> [a["label"] for a in r["articles"]], r["pairs"][0]["containment"] > 0.9
    (['Wire', 'Paper'], True)
    """
    if isinstance(texts, (str, bytes)):
        raise _usage("texts must be a sequence of articles, not one string")
    items = list(texts)
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(items):
            raise _usage(f"{len(labels)} labels for {len(items)} articles: give one label per article")
    arts = [_article(t, labels[i] if labels is not None else None, i) for i, t in enumerate(items)]
    report: dict[str, Any] = json.loads(_native.analyze_json(json.dumps(arts), _options(options)))
    return report


def read(data: bytes, name: str) -> dict[str, Any]:
    """Reads a file's bytes as the CLI and the page do.

    Returns ``text``, ``format`` (``"text"``, ``"html"``, ``"markdown"``,
    ``"docx"``), ``warnings``, ``name`` and, for a web page, ``meta`` and
    ``blocks``. The result can be passed to :func:`analyze` as an article.
    Raises :class:`CorroborateError` for PDFs, images, damaged or too large
    files, with the CLI's message.

    >>> read(b"<!doctype html><title>Port</title><h1>Crane collapses</h1><p>Four died.</p>", "story.html")["text"]
    'Crane collapses\\n\\nFour died.'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _usage(f"read needs the file's bytes, not a {type(data).__name__}")
    decoded: dict[str, Any] = json.loads(_native.read_json(bytes(data), name))
    return decoded


def reuse(a: str, b: str) -> dict[str, Any]:
    """The fast path for one pair: containment both ways and the passages.

    The same reuse engine as :func:`analyze` on ``[a, b]`` (the same
    containment, shared words and passage spans), without entities or
    divergences. Returns ``containment_a`` (share of ``a``'s words in
    passages shared with ``b``), ``containment_b``, ``shared_words_a``,
    ``shared_words_b``, ``a_words``, ``b_words``, ``similarity`` and
    ``passages``: one dict per passage with ``a_start``/``a_end``/
    ``b_start``/``b_end`` in characters (Python ``str`` indices), ``words``,
    ``identity``, ``kind`` and the number of ``edits`` (the edits themselves
    are in :func:`analyze`'s report). Two texts that share no passage give
    containments of 0, no passages, and ``None`` for the words and the
    similarity, which the engine does not compute then.

    >>> r = reuse("The harbor crane collapsed on Monday, killing four dock workers, officials said.",
    ...           "Officials said the harbor crane collapsed on Monday, killing four workers.")
    >>> len(r["passages"]), r["passages"][0]["edits"], r["containment_b"] > 0.7
    (1, 1, True)
    """
    if not isinstance(a, str) or not isinstance(b, str):
        raise _usage("reuse needs two str texts")
    found = _native.align_json("A", a, "B", b)
    if found is None:
        return {
            "containment_a": 0.0,
            "containment_b": 0.0,
            "shared_words_a": 0,
            "shared_words_b": 0,
            "a_words": None,
            "b_words": None,
            "similarity": None,
            "passages": [],
        }
    pair, passages = json.loads(found)
    out: dict[str, Any] = {k: v for k, v in pair.items() if k not in ("a", "b", "passages")}
    out["passages"] = [{k: v for k, v in p.items() if k not in ("a", "b")} for p in passages]
    return out


def corpus_defaults() -> dict[str, Any]:
    """Corpus mode's default options: ``threshold``, ``shingle``, ``bands``,
    ``rows``, ``seed``, ``max_bucket``, ``batch`` (the CLI's)."""
    defaults: dict[str, Any] = json.loads(_native.corpus_defaults_json())
    return defaults


#: Corpus input: a path to a ``.jsonl`` (or ``.parquet``) file, or records
#: (mappings with ``id``, ``text`` and optionally ``source`` and ``date``).
CorpusInput = Union[str, "os.PathLike[str]", Iterable[Mapping[str, Any]]]


def _jsonable(value: Any) -> Any:
    # Parquet dates and timestamps become ISO 8601 strings, as in JSONL
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def corpus_records_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    """Records as the JSONL corpus mode reads (fields ``id``, ``source``,
    ``date``, ``text``; other fields dropped)."""
    lines = []
    for r in records:
        row = {k: _jsonable(r[k]) for k in ("id", "source", "date", "text") if k in r}
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def read_parquet_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The ``id``, ``source``, ``date`` and ``text`` columns of a Parquet
    file (any others skipped), with pyarrow."""
    try:
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise _usage("reading Parquet needs pyarrow: pip install pyarrow") from e
    schema = pq.read_schema(path)
    columns = [c for c in ("id", "source", "date", "text") if c in schema.names]
    rows: list[dict[str, Any]] = pq.read_table(path, columns=columns).to_pylist()
    return rows


def corpus(path_or_records: CorpusInput, out_dir: str | os.PathLike[str], **options: Any) -> dict[str, Any]:
    """Corpus mode: text reuse across an archive, as ``corroborate corpus``.

    Reads articles (``id``, ``source``, ``date``, ``text``) from a JSONL file,
    a Parquet file (read with pyarrow) or an iterable of mappings; finds
    candidate pairs with MinHash/LSH; aligns each with the engine of
    :func:`analyze` on all cores; writes ``pairs.csv``, ``passages.csv`` and
    ``provenance.csv`` into ``out_dir``. Returns the run's counts and the
    options used. Options (see :func:`corpus_defaults`): ``threshold``,
    ``shingle``, ``bands``, ``rows``, ``seed``, ``max_bucket``, ``batch``.

    Raises :class:`CorroborateError` naming the line of the first unreadable
    article, or a bad option.
    """
    out = os.fspath(out_dir)
    opts = json.dumps(options)
    if isinstance(path_or_records, (str, os.PathLike)):
        path = Path(path_or_records)
        if path.suffix.lower() in (".parquet", ".pq"):
            text = corpus_records_jsonl(read_parquet_records(path))
            stats = _native.corpus_json(None, text, str(path), out, opts)
        else:
            stats = _native.corpus_json(str(path), None, str(path), out, opts)
    elif isinstance(path_or_records, Mapping):
        raise _usage("corpus needs a path or an iterable of records, not one mapping")
    else:
        text = corpus_records_jsonl(path_or_records)
        stats = _native.corpus_json(None, text, "records", out, opts)
    result: dict[str, Any] = json.loads(stats)
    return result
