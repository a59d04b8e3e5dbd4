"""Helpers of the tests: the repository, the CLI binary and the development data."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

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
