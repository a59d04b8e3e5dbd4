//! Whole-report golden file for the project's own fixtures. A change in the
//! report shows up as a diff to review; regenerate deliberately with
//! `UPDATE_GOLDEN=1 cargo test --test golden`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use corroborate::{analyze, ArticleInput, OffsetUnit, Options};
use std::path::PathBuf;

#[test]
fn fixtures_report_matches_golden_file() {
    let inputs = [
        ArticleInput::new(common::fixture("wire.txt")).with_name("wire.txt"),
        ArticleInput::new(common::fixture("rewrite.txt")).with_label("Rewrite"),
    ];
    let report = analyze(&inputs, &Options { offsets: OffsetUnit::Utf16 }).unwrap();
    let got = serde_json::to_string_pretty(&report).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixtures.report.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("golden file missing: run UPDATE_GOLDEN=1 cargo test --test golden");
    if got != want {
        let first = got.lines().zip(want.lines()).position(|(g, w)| g != w).unwrap_or(0);
        panic!(
            "report differs from {} from line {}:\n got: {}\nwant: {}\n(review, then UPDATE_GOLDEN=1 cargo test --test golden)",
            path.display(),
            first + 1,
            got.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}
