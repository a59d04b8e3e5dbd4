//! The whole analysis (`corroborate::analyze`) on any set of articles and
//! any options: no panic, and when a report comes back every span in it
//! lies inside its article and on a character boundary of the chosen unit.
#![no_main]

use arbitrary::Arbitrary;
use corroborate::{analyze, ArticleInput, OffsetUnit, Options, Report};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Unit {
    Utf8,
    Utf16,
    Chars,
}

/// What the user may give beside each text.
#[derive(Arbitrary, Debug, Default)]
struct Meta {
    label: Option<String>,
    name: Option<String>,
    warnings: Vec<String>,
    /// Puts a copy of an earlier article's text first (reuse is the
    /// interesting path; random texts rarely share anything).
    copy_of: Option<u8>,
}

/// The options, then what goes with each article, then the texts: the rest
/// of the input, split at form feeds (`\f`). Keeping the texts last and
/// plain lets the seed corpus be the project's own articles joined by
/// `\f`, behind five bytes: the unit (4 bytes) and an empty `meta` (0).
#[derive(Arbitrary, Debug)]
struct Input {
    unit: Unit,
    meta: Vec<Meta>,
    texts: String,
}

/// The valid offsets of `text` in `unit`: every character boundary.
fn boundaries(text: &str, unit: OffsetUnit) -> Vec<usize> {
    let mut out = vec![0];
    let mut at = 0;
    for c in text.chars() {
        at += match unit {
            OffsetUnit::Utf8 => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Chars => 1,
        };
        out.push(at);
    }
    out
}

fn check(report: &Report, inputs: &[ArticleInput]) {
    assert_eq!(report.articles.len(), inputs.len());
    let bounds: Vec<Vec<usize>> = inputs.iter().map(|i| boundaries(&i.text, report.offsets)).collect();
    let index = |id: &str| report.articles.iter().position(|a| a.id == id).expect("known article id");
    let ok = |a: usize, s: usize, e: usize, what: &str| {
        let b = &bounds[a];
        assert!(s <= e, "{what}: {s} > {e}");
        assert!(b.binary_search(&s).is_ok() && b.binary_search(&e).is_ok(), "{what}: {s}..{e} not on a boundary");
    };
    for (a, art) in report.articles.iter().enumerate() {
        assert_eq!(art.length, *bounds[a].last().unwrap_or(&0));
        for r in &art.removed {
            ok(a, r.start, r.end, "removed");
        }
        if let Some(t) = &art.title_span {
            ok(a, t.start, t.end, "title");
        }
        assert!((0.0..=1.0).contains(&art.originality));
    }
    for e in &report.entities {
        for m in &e.mentions {
            ok(index(&m.article), m.start, m.end, "mention");
        }
    }
    for p in &report.passages {
        let (a, b) = (index(&p.a), index(&p.b));
        ok(a, p.a_start, p.a_end, "passage a");
        ok(b, p.b_start, p.b_end, "passage b");
        for ed in &p.edits {
            ok(a, ed.a_start, ed.a_end, "edit a");
            ok(b, ed.b_start, ed.b_end, "edit b");
        }
    }
    for d in &report.divergences {
        ok(index(&d.article), d.start, d.end, "divergence");
    }
    for p in &report.pairs {
        assert!((0.0..=1.0).contains(&p.containment) && (0.0..=1.0).contains(&p.similarity));
    }
    // the report must serialize (the page receives it as JSON-like values)
    let _ = serde_json::to_string(report).expect("report serializes");
}

fuzz_target!(|input: Input| {
    let mut inputs: Vec<ArticleInput> = Vec::new();
    for (i, piece) in input.texts.split('\u{c}').enumerate() {
        let meta = input.meta.get(i);
        let mut text = piece.to_string();
        if let Some(k) = meta.and_then(|m| m.copy_of) {
            if let Some(prev) = inputs.get(k as usize % inputs.len().max(1)) {
                text = format!("{}\n{}", prev.text, text);
            }
        }
        inputs.push(ArticleInput {
            text,
            label: meta.and_then(|m| m.label.clone()),
            name: meta.and_then(|m| m.name.clone()),
            warnings: meta.map(|m| m.warnings.clone()).unwrap_or_default(),
            ..ArticleInput::default()
        });
    }
    if input.texts.is_empty() {
        inputs.clear(); // no article at all
    }
    let offsets = match input.unit {
        Unit::Utf8 => OffsetUnit::Utf8,
        Unit::Utf16 => OffsetUnit::Utf16,
        Unit::Chars => OffsetUnit::Chars,
    };
    if let Ok(report) = analyze(&inputs, &Options { offsets }) {
        check(&report, &inputs);
    }
});
