"""Shared fixtures: the CLI binary and the development data."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEEDS, Cli, cli_path


@pytest.fixture(scope="session")
def cli() -> Cli:
    path = cli_path()
    if path is None:
        pytest.skip("no corroborate CLI built: run `cargo build --release` or set CORROBORATE_CLI")
    return Cli(path)


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) != 4:
        pytest.skip(f"the four seed articles are not in {SEEDS} (../shared is absent on this machine)")
    return files
