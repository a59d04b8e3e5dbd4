//! The core compiled to wasm32, run in headless Chromium by
//! `wasm-bindgen-test-runner` (see scripts/test.sh). Plain `#[test]` does
//! not run under that runner; these use `#[wasm_bindgen_test]`.
#![cfg(target_family = "wasm")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]

use corroborate::{analyze, ArticleInput, OffsetUnit, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WIRE: &str = include_str!("fixtures/wire.txt");
const REWRITE: &str = include_str!("fixtures/rewrite.txt");

#[wasm_bindgen_test]
fn analyzes_fixtures_in_the_browser() {
    let report =
        analyze(&[ArticleInput::new(WIRE), ArticleInput::new(REWRITE)], &Options { offsets: OffsetUnit::Utf16 })
            .unwrap();
    assert_eq!(report.articles.len(), 2);
    assert_eq!(report.pairs.len(), 2);
    let vasquez = report.entities.iter().find(|e| e.name == "Elena Vasquez").unwrap();
    assert_eq!(vasquez.counts.get("A"), Some(&2));
    assert_eq!(vasquez.counts.get("B"), Some(&2));
    for p in &report.pairs {
        assert!(p.containment > 0.5 && p.containment <= 1.0, "{p:?}");
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_land_on_the_same_characters_as_in_js() {
    // Two astral emoji and a curly quote before the name: byte, UTF-16 and
    // char offsets all differ.
    let text = "🙂🙂 “Mayor Elena Vasquez” said the harbor would stay closed until Thursday.";
    let report = analyze(&[ArticleInput::new(text)], &Options { offsets: OffsetUnit::Utf16 }).unwrap();
    let m = &report.entities.iter().find(|e| e.name == "Elena Vasquez").unwrap().mentions[0];
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[m.start..m.end]).unwrap(), "Elena Vasquez");
}

#[wasm_bindgen_test]
fn empty_input_is_an_error_not_a_panic() {
    let err = analyze(&[ArticleInput::new("   \n  ")], &Options::default()).unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    assert!(analyze(&[], &Options::default()).is_err());
}

#[wasm_bindgen_test]
fn reads_dropped_files_in_the_browser() {
    use corroborate::input::{read, Format};
    let d =
        read(Some("story.html"), b"<!doctype html><nav>Home</nav><h1>Crane falls</h1><p>Four&nbsp;died.</p>").unwrap();
    // a page's headline is metadata, not text; its navigation is set aside
    assert_eq!((d.format, d.text.as_str()), (Format::Html, "Four died."));
    assert_eq!(d.meta.and_then(|m| m.headline).as_deref(), Some("Crane falls"));
    assert!(d.blocks.iter().any(|b| !b.kept && b.text == "Home"), "{:?}", d.blocks);
    // a .docx built here: ZIP with deflate and XML, all pure Rust
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("word/document.xml", opts).unwrap();
    std::io::Write::write_all(
        &mut w,
        b"<w:document><w:body><w:p><w:r><w:t>Crane falls</w:t></w:r></w:p><w:p><w:r><w:t>Four died.</w:t></w:r></w:p></w:body></w:document>",
    )
    .unwrap();
    let docx = w.finish().unwrap().into_inner();
    let d = read(Some("story.docx"), &docx).unwrap();
    assert_eq!((d.format, d.text.as_str()), (Format::Docx, "Crane falls\n\nFour died."));
    let e = read(Some("scan.pdf"), b"%PDF-1.7").unwrap_err();
    assert!(e.message().starts_with("scan.pdf is a PDF file"), "{}", e.message());
}
