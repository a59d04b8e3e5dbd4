"""Helpers of the tests: the repository, the CLI binary and the development data."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def cli_path() -> Path | None:
    """The `corroborate` CLI: $CORROBORATE_CLI, else the newest build in target/."""
    env = os.environ.get("CORROBORATE_CLI")
    if env:
        return Path(env)
    found = [p for p in (ROOT / "target/release/corroborate", ROOT / "target/debug/corroborate") if p.exists()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


class Cli:
    """The CLI binary, run with arguments."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.path), *args], capture_output=True, text=True, check=False)


def agree_with_analyze(a: str, b: str, r: dict[str, Any], what: str = "") -> None:
    """`reuse(a, b)` (or a corpus row) says what `analyze([a, b])` says: the
    containment both ways, the shared words and the passages' spans."""
    import corroborate

    report = corroborate.analyze([a, b])
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    ab, ba = pairs.get(("A", "B")), pairs.get(("B", "A"))
    assert (ab["containment"] if ab else 0.0) == r["containment_a"], what
    assert (ba["containment"] if ba else 0.0) == r["containment_b"], what
    assert (ab["shared_words"] if ab else 0) == r["shared_words_a"], what
    assert (ba["shared_words"] if ba else 0) == r["shared_words_b"], what
    want = sorted(
        (p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["words"], p["kind"], len(p["edits"]))
        if p["a"] == "A"
        else (p["b_start"], p["b_end"], p["a_start"], p["a_end"], p["words"], p["kind"], len(p["edits"]))
        for p in report["passages"]
    )
    got = sorted(
        (p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["words"], p["kind"], p["edits"])
        for p in r["passages"]
    )
    assert [g[:4] for g in got] == [w[:4] for w in want], what
    assert [g[5:] for g in got] == [w[5:] for w in want], what


def generate_corpus(cli: Cli, tmp: Path, articles: int, seed: int = 21) -> Path:
    """A benchmark corpus from `corroborate gen-corpus`: from the project's
    own texts and ../shared's BBC articles. Without ../shared the project's
    eight texts make every article a rewrite of every other (all pairs are
    candidates), so the corpus is cut to 80 articles."""
    import pytest

    if not (SHARED / "data/unlabeled/bbc-news/news").is_dir():
        articles = min(articles, 80)
    out = tmp / f"corpus-{articles}.jsonl"
    run = subprocess.run(
        [str(cli.path), "gen-corpus", "--articles", str(articles), "--seed", str(seed), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if "unknown command" in run.stderr:
        pytest.skip(f"{cli.path} predates corpus mode: rebuild it (cargo build --release)")
    assert run.returncode == 0, run.stderr
    return out
