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
from collections.abc import Mapping, Sequence
from typing import Any, Union

from . import _native
from ._native import REPORT_VERSION, CorroborateError

__all__ = [
    "CorroborateError",
    "REPORT_VERSION",
    "Article",
    "analyze",
    "read",
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
