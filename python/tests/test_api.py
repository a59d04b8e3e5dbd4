"""The Python package against the CLI: same Report, same messages, same reader."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

import corroborate
from corroborate import CorroborateError

from helpers import Cli

WIRE = (
    "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. "
    "Mayor Elena Vasquez ordered an inspection of every crane in the port. "
    "The crane, built in 1998, had passed its last inspection in March."
)
COPY = (
    "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. "
    "Mayor Elena Vasquez ordered an inspection of every crane in the port. "
    "Unions called for a strike on Friday."
)


def cli_report(cli: Cli, files: list[Path], *args: str) -> dict[str, Any]:
    out = cli.run("analyze", *map(str, files), "--json", *args)
    assert out.returncode == 0, out.stderr
    report: dict[str, Any] = json.loads(out.stdout)
    return report


@pytest.mark.parametrize("offsets", ["utf8", "chars", "utf16"])
def test_seeds_same_report_as_cli(cli: Cli, seeds: list[Path], offsets: str) -> None:
    want = cli_report(cli, seeds, "--offsets", offsets)
    got = corroborate.analyze([corroborate.read(f.read_bytes(), f.name) for f in seeds], offsets=offsets)
    assert got == want
    assert len(got["articles"]) == 4 and got["pairs"], "the seeds share text"


def test_analyze_defaults_to_python_string_offsets() -> None:
    text = "“Quoted” é " + WIRE
    r = corroborate.analyze([text, COPY], labels=["Wire", "Paper"])
    assert [a["label"] for a in r["articles"]] == ["Wire", "Paper"]
    p = r["passages"][0]
    side = {"A": 0, "B": 1}
    texts = [text, COPY]
    a_text = texts[side[p["a"]]][p["a_start"] : p["a_end"]]
    b_text = texts[side[p["b"]]][p["b_start"] : p["b_end"]]
    # a sentence-level (reworded) seed may take in the whole first sentence,
    # prefix and all; the slices are Python string indices either way
    assert "A container crane collapsed" in a_text and b_text.startswith("A container crane")
    assert a_text.endswith(b_text[-30:])
    # the CLI's unit counts the curly quotes and the é in bytes
    u = corroborate.analyze([text, COPY], offsets="utf8")["passages"][0]
    assert (u["a"], u["b"]) == (p["a"], p["b"])
    a_side = texts[side[p["a"]]]
    assert u["a_start"] == len(a_side[: p["a_start"]].encode())
    assert u["a_end"] == len(a_side[: p["a_end"]].encode())


def test_labels_and_mappings() -> None:
    r = corroborate.analyze([{"text": WIRE, "label": "Wire", "name": "wire.txt"}, COPY], labels=[None, "Paper"])
    assert [a["label"] for a in r["articles"]] == ["Wire", "Paper"]
    assert r["version"] == corroborate.REPORT_VERSION


def _empty_file(tmp: Path) -> list[Path]:
    f = tmp / "blank.txt"
    f.write_text("   \n\n  ")
    return [f]


def _pdf(tmp: Path) -> list[Path]:
    f = tmp / "report.pdf"
    f.write_bytes(b"%PDF-1.7\n%binary\n")
    return [f]


def _too_many(tmp: Path) -> list[Path]:
    files = []
    for i in range(51):
        f = tmp / f"a{i}.txt"
        f.write_text(f"Article {i}. " + WIRE)
        files.append(f)
    return files


def _too_much_text(tmp: Path) -> list[Path]:
    files = []
    for i in range(3):
        f = tmp / f"long{i}.txt"
        f.write_text((WIRE + "\n") * (1_500_000 // len(WIRE)))
        files.append(f)
    return files


# (what it shows, files the CLI and the package both get)
CLI_ERRORS = [
    ("every article empty", _empty_file),
    ("a PDF is refused by the reader", _pdf),
    ("51 articles, one over the limit", _too_many),
    ("more text than an analysis takes", _too_much_text),
]


@pytest.mark.parametrize("what,make", CLI_ERRORS, ids=[c[0] for c in CLI_ERRORS])
def test_errors_have_the_cli_messages(cli: Cli, tmp_path: Path, what: str, make: Any) -> None:
    files: list[Path] = make(tmp_path)
    out = cli.run("analyze", *map(str, files))
    assert out.returncode != 0, what
    want = out.stderr.strip().removeprefix("corroborate: ")
    with pytest.raises(CorroborateError) as err:
        corroborate.analyze([corroborate.read(f.read_bytes(), f.name) for f in files], offsets="utf8")
    assert str(err.value) == want, what
    assert err.value.kind in {"empty", "unreadable", "too_large"}


# (what it shows, call, message, kind)
PY_ERRORS: list[tuple[str, Any, str, str]] = [
    ("no articles", lambda: corroborate.analyze([]), "no articles to analyze: paste or drop at least one", "no_articles"),
    (
        "unknown option",
        lambda: corroborate.analyze([WIRE], colour="red"),
        'unknown option "colour"; the options are: offsets',
        "usage",
    ),
    (
        "bad offsets",
        lambda: corroborate.analyze([WIRE], offsets="bytes16"),
        'unknown offsets value "bytes16": use utf8, utf16 or chars',
        "usage",
    ),
    (
        "labels of another length",
        lambda: corroborate.analyze([WIRE, COPY], labels=["one"]),
        "1 labels for 2 articles: give one label per article",
        "usage",
    ),
    (
        "one string instead of a list",
        lambda: corroborate.analyze(WIRE),
        "texts must be a sequence of articles, not one string",
        "usage",
    ),
    (
        "an image",
        lambda: corroborate.read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "photo.png"),
        "photo.png is a PNG image: Corroborate reads plain text, HTML, Markdown and Word .docx",
        "unreadable",
    ),
    (
        "read of a str",
        lambda: corroborate.read("text", "a.txt"),  # type: ignore[arg-type]
        "read needs the file's bytes, not a str",
        "usage",
    ),
]


@pytest.mark.parametrize("what,call,message,kind", PY_ERRORS, ids=[c[0] for c in PY_ERRORS])
def test_python_errors(what: str, call: Any, message: str, kind: str) -> None:
    with pytest.raises(CorroborateError) as err:
        call()
    assert str(err.value).startswith(message), what
    assert err.value.kind == kind, what
    assert isinstance(err.value, ValueError)


def _docx(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", doc)
    return buf.getvalue()


def test_read_docx() -> None:
    d = corroborate.read(_docx(["Crane collapses in Rotterdam", "Four dock workers died."]), "dir/story.docx")
    assert d["format"] == "docx"
    assert d["text"] == "Crane collapses in Rotterdam\n\nFour dock workers died."
    assert d["name"] == "story.docx"
    assert d["warnings"] == []


def test_read_html_keeps_meta_and_feeds_analyze(cli: Cli, tmp_path: Path) -> None:
    page = (
        "<!doctype html><html lang=en><head><title>Crane collapses - Port Daily</title>"
        '<meta property="og:site_name" content="Port Daily">'
        '<meta property="article:published_time" content="2026-03-02T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Crane collapses</h1><p>{WIRE}</p></article></body></html>"
    ).encode()
    d = corroborate.read(page, "crane.html")
    assert d["format"] == "html"
    assert "Home | World" not in d["text"] and "Mayor Elena Vasquez" in d["text"]
    assert d["meta"]["publisher"] == "Port Daily"
    # the page's publisher labels the article, as in the CLI
    (tmp_path / "crane.html").write_bytes(page)
    (tmp_path / "copy.txt").write_text(COPY)
    want = cli_report(cli, [tmp_path / "crane.html", tmp_path / "copy.txt"])
    got = corroborate.analyze([d, corroborate.read(COPY.encode(), "copy.txt")], offsets="utf8")
    assert got == want
    assert got["articles"][0]["label"] == "Port Daily"


def test_read_too_large_has_the_cli_message(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"word " * 1_000_001)  # over the 5,000,000-byte limit
    out = cli.run("analyze", str(f))
    want = out.stderr.strip().removeprefix("corroborate: ")
    assert out.returncode == 2 and want
    with pytest.raises(CorroborateError) as err:
        corroborate.read(f.read_bytes(), str(f))
    assert str(err.value) == want
    assert err.value.kind == "too_large"
