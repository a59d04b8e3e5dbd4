#![cfg_attr(not(feature = "train"), allow(dead_code))]
//! `corroborate read` (what `analyze` will read from each file) and
//! `corroborate eval-extraction` (how well the article is found in saved web
//! pages, scored like the extraction benchmarks).

use corroborate::input;
use corroborate::internal::{clean_with, Cleaned};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// What the reader and the cleaner make of one file: exactly what
/// `analyze` analyzes, and what it set aside.
#[derive(Serialize)]
struct Read {
    file: String,
    format: input::Format,
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<input::ArticleMeta>,
    metadata: std::collections::BTreeMap<String, String>,
    text: String,
    set_aside: Vec<SetAside>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct SetAside {
    reason: String,
    text: String,
}

/// The title and body text of a cleaned text, as `analyze` sees them.
fn article_text(text: &str, cleaned: &Cleaned) -> (Option<String>, String) {
    let title = cleaned.title.clone().and_then(|r| text.get(r)).map(str::to_string);
    let body: Vec<&str> = cleaned.body.iter().filter_map(|r| text.get(r.clone())).collect();
    (title, body.join("\n\n"))
}

fn read_one(path: &str) -> Result<Read, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", input::shown_name(path)))?;
    let name = Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
    let decoded = input::read(Some(&name), &bytes).map_err(|e| e.message().to_string())?;
    let headline = decoded.meta.as_ref().and_then(|m| m.headline.clone());
    let cleaned = clean_with(&decoded.text, headline.is_some(), decoded.meta.is_none());
    let (title, text) = article_text(&decoded.text, &cleaned);
    // what the page reader set aside, then what the cleaner set aside
    let mut set_aside: Vec<SetAside> = decoded
        .blocks
        .iter()
        .filter(|b| !b.kept)
        .map(|b| SetAside { reason: b.reason.clone().unwrap_or_default(), text: b.text.clone() })
        .collect();
    set_aside.extend(cleaned.removed.iter().filter_map(|(r, why)| {
        Some(SetAside { reason: why.to_string(), text: decoded.text.get(r.clone())?.to_string() })
    }));
    Ok(Read {
        file: input::shown_name(path),
        format: decoded.format,
        title: headline.or(title),
        meta: decoded.meta.clone(),
        metadata: cleaned.metadata.clone(),
        text,
        set_aside,
        warnings: decoded.warnings,
    })
}

/// `corroborate read FILE... [--json]`.
pub fn read_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if let Some(bad) = files.iter().find(|f| f.starts_with("--")) {
        return Err(format!("unknown option {bad}; see corroborate --help"));
    }
    if files.is_empty() {
        return Err("read needs at least one FILE; see corroborate --help".to_string());
    }
    let reads: Vec<Read> = files.iter().map(|f| read_one(f)).collect::<Result<_, _>>()?;
    let w = |e: std::io::Error| format!("cannot write output: {e}");
    if json {
        serde_json::to_writer_pretty(&mut *out, &reads).map_err(|e| format!("cannot write output: {e}"))?;
        writeln!(out).map_err(w)?;
        return Ok(());
    }
    for r in &reads {
        writeln!(out, "== {} ({})", r.file, r.format.as_str()).map_err(w)?;
        writeln!(out, "title: {}", r.title.as_deref().unwrap_or("(none)")).map_err(w)?;
        if let Some(m) = &r.meta {
            let fields = [
                ("publisher", &m.publisher),
                ("author", &m.author),
                ("published", &m.published),
                ("url", &m.url),
                ("language", &m.language),
            ];
            for (k, v) in fields {
                if let Some(v) = v {
                    writeln!(out, "{k}: {v}").map_err(w)?;
                }
            }
        }
        for (k, v) in &r.metadata {
            writeln!(out, "{k}: {v}").map_err(w)?;
        }
        for warning in &r.warnings {
            writeln!(out, "warning: {warning}").map_err(w)?;
        }
        writeln!(out, "\n{}\n", r.text).map_err(w)?;
        for s in &r.set_aside {
            writeln!(out, "set aside ({}): {}", s.reason, s.text.replace('\n', " ")).map_err(w)?;
        }
        writeln!(out).map_err(w)?;
    }
    Ok(())
}

const DEFAULT_PAGES: &str = "../shared/data/web-pages/readability-test-pages";

/// Lowercase words (letters and digits) of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Every run of 4 consecutive words, counted.
fn shingles(words: &[String]) -> HashMap<&[String], usize> {
    let mut m: HashMap<&[String], usize> = HashMap::new();
    for w in words.windows(4) {
        *m.entry(w).or_default() += 1;
    }
    m
}

/// Precision and recall of the extracted text against the expected one:
/// true positives, false positives and false negatives counted over the two
/// multisets of word 4-shingles, normalized on this page (the usual metric
/// of extraction benchmarks). Two empty texts score 1, 1.
pub(super) fn page_scores(got: &str, want: &str) -> (f64, f64) {
    let (gw, ww) = (words(got), words(want));
    let (g, w) = (shingles(&gw), shingles(&ww));
    let tp: usize = g.iter().map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0))).sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let p = if ng == 0 { f64::from(u8::from(nw == 0)) } else { tp as f64 / ng as f64 };
    let r = if nw == 0 { 1.0 } else { tp as f64 / nw as f64 };
    (p, r)
}

/// A title compared loosely: whitespace and case folded, and a site name
/// after or before a separator (" | ", " - ", " – ", " — ", " :: ") may be
/// missing on either side.
fn same_title(got: &str, want: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (g, w) = (norm(got), norm(want));
    if g.is_empty() || w.is_empty() {
        return false;
    }
    let parts = |s: &str| -> Vec<String> {
        let mut v = vec![s.to_string()];
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some((a, b)) = s.split_once(sep) {
                v.push(a.trim().to_string());
                v.push(b.trim().to_string());
            }
            if let Some((a, b)) = s.rsplit_once(sep) {
                v.push(a.trim().to_string());
                v.push(b.trim().to_string());
            }
        }
        v
    };
    g == w || parts(&w).contains(&g) || parts(&g).contains(&w)
}

/// Which half of the pages a page belongs to, by a hash of its folder
/// name (FNV-1a): thresholds are fitted on half 0 ("fit") and half 1 is
/// held back, so its figure stands for pages not seen while developing.
fn half_of(name: &str) -> usize {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    usize::from(h % 2 == 1)
}

/// One scored page.
struct Row {
    name: String,
    p: f64,
    r: f64,
    title_ok: Option<bool>,
    title: Option<String>,
    want_title: Option<String>,
}

/// Precision, recall and F1 of some rows (means over pages).
fn prf(rows: &[&Row]) -> (f64, f64, f64) {
    let n = rows.len().max(1) as f64;
    let p = rows.iter().map(|x| x.p).sum::<f64>() / n;
    let r = rows.iter().map(|x| x.r).sum::<f64>() / n;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f1)
}

/// What `analyze` does with a dropped page: read it, find the article,
/// clean it. Returns the body text and the title.
fn read_page(source: &[u8]) -> (String, Option<String>) {
    match input::read(Some("source.html"), source) {
        Ok(d) => {
            let headline = d.meta.as_ref().and_then(|m| m.headline.clone());
            let cleaned = clean_with(&d.text, headline.is_some(), d.meta.is_none());
            let (title, body) = article_text(&d.text, &cleaned);
            (body, headline.or(title))
        }
        Err(_) => (String::new(), None),
    }
}

/// `corroborate eval-extraction [DIR] [--verbose] [--repeat N]`.
pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let verbose = args.iter().any(|a| a == "--verbose");
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(k) => args
            .get(k + 1)
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| "--repeat needs a count of 1 or more".to_string())?,
        None => 1,
    };
    let skip = args.iter().position(|a| a == "--repeat").map(|k| k + 1);
    let dir = args
        .iter()
        .enumerate()
        .find(|(k, a)| !a.starts_with("--") && Some(*k) != skip)
        .map_or(DEFAULT_PAGES, |(_, a)| a.as_str());
    let w = |e: std::io::Error| format!("cannot write output: {e}");
    let Ok(entries) = std::fs::read_dir(dir) else {
        writeln!(out, "skipped: {dir} is not here (the development pages live in ../shared)").map_err(w)?;
        return Ok(());
    };
    let mut pages: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    pages.sort();
    let mut rows: Vec<Row> = Vec::new();
    let mut sources: Vec<Vec<u8>> = Vec::new();
    for page in &pages {
        let (Ok(source), Ok(expected)) =
            (std::fs::read(page.join("source.html")), std::fs::read(page.join("expected.html")))
        else {
            continue;
        };
        let name = page.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let (got, title) = read_page(&source);
        sources.push(source);
        // the expected article is converted as it is, without extraction
        let want = std::str::from_utf8(&expected).map(input::html_to_text).unwrap_or_default();
        let (p, r) = page_scores(&got, &want);
        let meta: Option<serde_json::Value> = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok());
        let want_title = meta.as_ref().and_then(|m| m.get("title")).and_then(|t| t.as_str()).filter(|t| !t.is_empty());
        let title_ok = want_title.map(|want| title.as_deref().is_some_and(|t| same_title(t, want)));
        rows.push(Row { name, p, r, title_ok, title, want_title: want_title.map(str::to_string) });
    }
    if rows.is_empty() {
        writeln!(out, "skipped: no page folders with source.html and expected.html in {dir}").map_err(w)?;
        return Ok(());
    }
    // timed apart from the scoring: every page read and cleaned, the
    // fastest of `repeat` rounds
    let mut elapsed = std::time::Duration::MAX;
    for _ in 0..repeat {
        let t0 = std::time::Instant::now();
        for s in &sources {
            std::hint::black_box(read_page(s));
        }
        elapsed = elapsed.min(t0.elapsed());
    }
    writeln!(
        out,
        "{} pages from {dir} (read and cleaned in {:.3} s{})",
        rows.len(),
        elapsed.as_secs_f64(),
        if repeat > 1 { format!(", the fastest of {repeat} rounds") } else { String::new() }
    )
    .map_err(w)?;
    let all: Vec<&Row> = rows.iter().collect();
    let fit: Vec<&Row> = rows.iter().filter(|x| half_of(&x.name) == 0).collect();
    let held: Vec<&Row> = rows.iter().filter(|x| half_of(&x.name) == 1).collect();
    for (what, set) in [("all pages", &all), ("fit half", &fit), ("held-back half", &held)] {
        let (p, r, f1) = prf(set);
        let titled = set.iter().filter(|x| x.title_ok.is_some()).count();
        let right = set.iter().filter(|x| x.title_ok == Some(true)).count();
        writeln!(
            out,
            "  {what:<15} {:>3} pages: precision {p:.3}  recall {r:.3}  F1 {f1:.3}; title right on {right} of {titled} ({:.1}%)",
            set.len(),
            100.0 * right as f64 / titled.max(1) as f64
        )
        .map_err(w)?;
    }
    writeln!(out, "  (word 4-shingles, means over pages; halves split by a hash of the page's folder name)")
        .map_err(w)?;
    let half = rows.iter().filter(|x| x.p < 0.5).count();
    writeln!(out, "  pages where more than half of the text kept is not article: {half}").map_err(w)?;
    if verbose {
        rows.sort_by(|x, y| (x.p + x.r).total_cmp(&(y.p + y.r)));
        for x in &rows {
            writeln!(
                out,
                "  {:<48} {} P {:.3} R {:.3} title {} {:?} / {:?}",
                x.name,
                if half_of(&x.name) == 0 { "fit " } else { "held" },
                x.p,
                x.r,
                match x.title_ok {
                    Some(true) => "ok ",
                    Some(false) => "NO ",
                    None => "-  ",
                },
                x.title.as_deref().unwrap_or(""),
                x.want_title.as_deref().unwrap_or("")
            )
            .map_err(w)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        // (extracted, expected, precision, recall)
        let cases = [
            ("a b c d e", "a b c d e", 1.0, 1.0),
            ("menu one two three a b c d e", "a b c d e", 2.0 / 6.0, 1.0),
            ("a b c d", "a b c d e f", 1.0, 1.0 / 3.0),
            ("", "", 1.0, 1.0),
            ("", "a b c d", 0.0, 0.0),
        ];
        for (got, want, p, r) in cases {
            let (gp, gr) = page_scores(got, want);
            assert!((gp - p).abs() < 1e-9 && (gr - r).abs() < 1e-9, "{got:?} / {want:?}: {gp} {gr}");
        }
    }

    #[test]
    fn titles_compare_without_the_site_name() {
        assert!(same_title("Crane collapses in port", "Crane collapses in port | Harbor News"));
        assert!(same_title("crane  collapses", "Crane collapses"));
        assert!(!same_title("Skip to main content", "Crane collapses in port"));
    }
}
