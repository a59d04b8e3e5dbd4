//! Whole-report golden file for the project's own fixtures. A change in the
//! report shows up as a diff to review; regenerate deliberately with
//! `UPDATE_GOLDEN=1 cargo test --test golden`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use corroborate::{analyze, ArticleInput, OffsetUnit, Options};

#[test]
fn fixtures_report_matches_golden_file() {
    let inputs = [
        ArticleInput::new(common::fixture("wire.txt")).with_name("wire.txt"),
        ArticleInput::new(common::fixture("rewrite.txt")).with_label("Rewrite"),
    ];
    let report = analyze(&inputs, &Options { offsets: OffsetUnit::Utf16 }).unwrap();
    let got = serde_json::to_string_pretty(&report).unwrap() + "\n";
    common::assert_golden("fixtures.report.json", &got);
}
