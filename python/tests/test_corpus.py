"""reuse() against analyze(), and corpus mode from Python against the CLI."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import corroborate
from corroborate import CorroborateError
from helpers import Cli, agree_with_analyze, generate_corpus

WIRE = (
    "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. "
    "Mayor Elena Vasquez ordered an inspection of every crane in the port. "
    "The crane, built in 1998, had passed its last inspection in March."
)
REWRITE = (
    "Four dock workers died on Monday when a container crane collapsed in Rotterdam, the Harbor Authority said. "
    "Mayor Elena Vasquez ordered an inspection of every crane in the port, officials said. "
    "Unions called a strike for Friday."
)
OTHER = "The city council approved the new library budget after a long debate about parking and school buses."

# (what it shows, a, b)
PAIRS = [
    ("a rewrite", WIRE, REWRITE),
    ("the other way round", REWRITE, WIRE),
    ("a copy with curly quotes and accents", "“Crane” é " + WIRE, WIRE.lower()),
    ("unrelated", WIRE, OTHER),
]


@pytest.mark.parametrize("what,a,b", PAIRS, ids=[p[0] for p in PAIRS])
def test_reuse_agrees_with_analyze(what: str, a: str, b: str) -> None:
    agree_with_analyze(a, b, corroborate.reuse(a, b))


def test_reuse_refuses_non_text() -> None:
    with pytest.raises(CorroborateError, match="reuse needs two str texts"):
        corroborate.reuse(b"bytes", "text")  # type: ignore[arg-type]


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


ARTICLES: list[dict[str, Any]] = [
    {"id": "w1", "source": "wire", "date": "2024-03-04", "text": WIRE},
    {"id": 2, "source": "paper", "date": "2024-03-05", "text": REWRITE},
    {"id": "x", "source": "paper", "date": None, "text": OTHER},
]


def _tables(d: Path) -> dict[str, str]:
    return {n: (d / f"{n}.csv").read_text() for n in ("pairs", "passages", "provenance")}


def test_corpus_path_records_parquet_and_cli_agree(cli: Cli, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    stats = corroborate.corpus(src, tmp_path / "py")
    assert (stats["articles"], stats["pairs"]) == (3, 1)
    assert stats["options"] == corroborate.corpus_defaults()
    corroborate.corpus(ARTICLES, tmp_path / "records")
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    rows = [{**r, "id": str(r["id"])} for r in ARTICLES]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    corroborate.corpus(str(tmp_path / "in.parquet"), tmp_path / "parquet")
    want = _tables(tmp_path / "py")
    assert _tables(tmp_path / "records") == want
    assert _tables(tmp_path / "parquet") == want
    assert want["provenance"].splitlines()[1:] == ["2,w1,w1,2,0,date"]
    out = cli.run("corpus", str(src), "--out", str(tmp_path / "cli"))
    if out.returncode == 2 and "unknown command" in out.stderr:
        pytest.skip(f"{cli.path} predates corpus mode: rebuild it (cargo build --release)")
    assert out.returncode == 0, out.stderr
    assert _tables(tmp_path / "cli") == want


def test_corpus_errors_have_the_cli_messages(cli: Cli, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "bad.jsonl", [ARTICLES[0], {"id": "b"}])
    with pytest.raises(CorroborateError) as err:
        corroborate.corpus(src, tmp_path / "out")
    assert str(err.value) == f'{src}: line 2: article "b" has no `text`'
    out = cli.run("corpus", str(src), "--out", str(tmp_path / "cli"))
    if "unknown command" not in out.stderr:
        assert out.stderr.strip().removeprefix("corroborate: ") == str(err.value)
    with pytest.raises(CorroborateError, match='^records: line 2: id "w1" already used on line 1$'):
        corroborate.corpus([ARTICLES[0], ARTICLES[0]], tmp_path / "out")
    with pytest.raises(CorroborateError, match="^threshold 2 is not between 0 and 1$"):
        corroborate.corpus(ARTICLES, tmp_path / "out", threshold=2)
    with pytest.raises(CorroborateError, match='^unknown option "colour"'):
        corroborate.corpus(ARTICLES, tmp_path / "out", colour=1)


def test_generated_corpus_agrees_with_analyze(cli: Cli, tmp_path: Path) -> None:
    src = generate_corpus(cli, tmp_path, 1000)
    stats = corroborate.corpus(src, tmp_path / "out")
    assert stats["pairs"] > 20
    texts = {a["id"]: a["text"] for a in map(json.loads, src.read_text().splitlines())}
    pairs = (tmp_path / "out/pairs.csv").read_text().splitlines()[1:]
    for line in random.Random(7).sample(pairs, 10):
        a, b = line.split(",")[:2]
        agree_with_analyze(texts[a], texts[b], corroborate.reuse(texts[a], texts[b]), line)
