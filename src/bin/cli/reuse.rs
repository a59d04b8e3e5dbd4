//! `corroborate eval-reuse`: the reuse engine on the PAN 2013 text-alignment
//! corpus, scored with PAN's measures (Potthast et al. 2010, "An Evaluation
//! Framework for Plagiarism Detection"):
//!
//! - a detection *detects* a case when they overlap in the suspicious and in
//!   the source document;
//! - macro recall: the mean over cases of the share of the case's characters
//!   (suspicious plus source) covered by detections that detect it;
//! - macro precision: the same with cases and detections swapped;
//! - granularity: detections per detected case;
//! - plagdet: F1 / log2(1 + granularity).
//!
//! Offsets are in characters of the UTF-8 files, as in PAN's annotations.
//! Pairs are split in two halves by a hash of their names, so figures on the
//! held-back half can be read beside those of the half parameters were
//! chosen on.

use corroborate::internal::reuse_only;
use corroborate::{OffsetUnit, PassageKind};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

const DEFAULT_DIR: &str = "../shared/data/reuse/pan13-train";
const KINDS: [&str; 5] = [
    "01-no-plagiarism",
    "02-no-obfuscation",
    "03-random-obfuscation",
    "04-translation-obfuscation",
    "05-summary-obfuscation",
];

/// A stretch of characters in the suspicious and in the source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    t0: usize,
    t1: usize,
    s0: usize,
    s1: usize,
}

fn overlaps(x: &Span, y: &Span) -> bool {
    x.t0 < y.t1 && y.t0 < x.t1 && x.s0 < y.s1 && y.s0 < x.s1
}

/// Characters of `[a0, a1)` covered by the union of `others`.
fn covered(a0: usize, a1: usize, others: &[(usize, usize)]) -> usize {
    let mut iv: Vec<(usize, usize)> =
        others.iter().map(|&(b0, b1)| (b0.max(a0), b1.min(a1))).filter(|(b0, b1)| b0 < b1).collect();
    iv.sort_unstable();
    let (mut total, mut end) = (0, a0);
    for (b0, b1) in iv {
        let b0 = b0.max(end);
        if b1 > b0 {
            total += b1 - b0;
            end = b1;
        }
    }
    total
}

/// Share of `x`'s characters (both documents) covered by the `ys` that
/// overlap it; `None` for an empty `x`.
fn char_recall(x: &Span, ys: &[Span]) -> Option<f64> {
    let det: Vec<&Span> = ys.iter().filter(|y| overlaps(x, y)).collect();
    let len = (x.t1 - x.t0) + (x.s1 - x.s0);
    if len == 0 {
        return None;
    }
    let t: Vec<(usize, usize)> = det.iter().map(|y| (y.t0, y.t1)).collect();
    let s: Vec<(usize, usize)> = det.iter().map(|y| (y.s0, y.s1)).collect();
    Some((covered(x.t0, x.t1, &t) + covered(x.s0, x.s1, &s)) as f64 / len as f64)
}

/// Sums over one group of pairs, from which PAN's measures are computed.
#[derive(Debug, Default, Clone)]
struct Tally {
    pairs: usize,
    cases: usize,
    recall_sum: f64,
    detections: usize,
    precision_sum: f64,
    detected_cases: usize,
    dets_per_detected: usize,
    /// Pairs without reuse given at least one passage.
    clean_pairs: usize,
    clean_flagged: usize,
    /// Detections by passage kind.
    kinds: [usize; 3],
}

impl Tally {
    fn add(&mut self, cases: &[Span], dets: &[(Span, PassageKind)]) {
        let spans: Vec<Span> = dets.iter().map(|d| d.0).collect();
        self.pairs += 1;
        if cases.is_empty() {
            self.clean_pairs += 1;
            self.clean_flagged += usize::from(!dets.is_empty());
        }
        for c in cases {
            if let Some(r) = char_recall(c, &spans) {
                self.cases += 1;
                self.recall_sum += r;
            }
            let n = spans.iter().filter(|d| overlaps(c, d)).count();
            if n > 0 {
                self.detected_cases += 1;
                self.dets_per_detected += n;
            }
        }
        for (d, kind) in dets {
            if let Some(p) = char_recall(d, cases) {
                self.detections += 1;
                self.precision_sum += p;
            }
            let k = match kind {
                PassageKind::Verbatim => 0,
                PassageKind::Paraphrase => 1,
                PassageKind::Summary => 2,
            };
            if let Some(x) = self.kinds.get_mut(k) {
                *x += 1;
            }
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.pairs += o.pairs;
        self.cases += o.cases;
        self.recall_sum += o.recall_sum;
        self.detections += o.detections;
        self.precision_sum += o.precision_sum;
        self.detected_cases += o.detected_cases;
        self.dets_per_detected += o.dets_per_detected;
        self.clean_pairs += o.clean_pairs;
        self.clean_flagged += o.clean_flagged;
        for (x, y) in self.kinds.iter_mut().zip(o.kinds) {
            *x += y;
        }
    }

    /// (precision, recall, granularity, plagdet) by PAN's definitions.
    fn scores(&self) -> (f64, f64, f64, f64) {
        let rec = if self.cases == 0 { 0.0 } else { self.recall_sum / self.cases as f64 };
        let prec = if self.detections == 0 { 0.0 } else { self.precision_sum / self.detections as f64 };
        let gran =
            if self.detected_cases == 0 { 1.0 } else { self.dets_per_detected as f64 / self.detected_cases as f64 };
        let f1 = if rec + prec == 0.0 { 0.0 } else { 2.0 * rec * prec / (rec + prec) };
        (prec, rec, gran, f1 / (1.0 + gran).log2())
    }
}

/// Attribute `name="…"` of one XML element's text.
fn attr<'a>(el: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = el.find(&key)? + key.len();
    let rest = el.get(at..)?;
    rest.get(..rest.find('"')?)
}

/// The reuse cases of one annotation file, in characters.
fn read_cases(xml: &str) -> Vec<Span> {
    xml.split("<feature")
        .skip(1)
        .filter_map(|el| {
            let el = el.get(..el.find("/>").unwrap_or(el.len()))?;
            let num = |n: &str| attr(el, n).and_then(|v| v.trim().parse::<usize>().ok());
            let (t0, tl, s0, sl) =
                (num("this_offset")?, num("this_length")?, num("source_offset")?, num("source_length")?);
            Some(Span { t0, t1: t0 + tl, s0, s1: s0 + sl })
        })
        .collect()
}

/// The hash that splits pairs into halves (FNV-1a of the pair's names).
fn half_of(name: &str) -> usize {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    (h >> 32) as usize & 1
}

/// Runs `eval-reuse [DIR] [--limit N] [--verbose] [--verbatim-only]` (reworded
/// seeds are on by default; `--reworded` is kept for old scripts).
pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut dir = DEFAULT_DIR.to_string();
    let mut limit = usize::MAX;
    let mut verbose = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--limit" => {
                limit = it.next().and_then(|v| v.parse().ok()).ok_or("--limit needs a number")?;
            }
            "--verbose" => verbose = true,
            "--reworded" => corroborate::internal::REWORDED_SEEDS.store(true, std::sync::atomic::Ordering::Relaxed),
            "--verbatim-only" => {
                corroborate::internal::REWORDED_SEEDS.store(false, std::sync::atomic::Ordering::Relaxed);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => dir = s.to_string(),
        }
    }
    let root = Path::new(&dir);
    if !root.join("susp").is_dir() {
        let _ = writeln!(out, "skipped: no PAN corpus at {dir} (susp/, src/ and the kind folders are needed)");
        return Ok(());
    }
    let w = |e: std::io::Error| e.to_string();
    // per kind, per half
    let mut tallies: BTreeMap<&str, [Tally; 2]> = BTreeMap::new();
    let mut elapsed = 0.0f64;
    let mut timed = 0usize;
    for kind in KINDS {
        let Ok(list) = std::fs::read_to_string(root.join(kind).join("pairs")) else { continue };
        for line in list.lines().take(limit) {
            let mut parts = line.split_whitespace();
            let (Some(susp), Some(src)) = (parts.next(), parts.next()) else { continue };
            let (Ok(t), Ok(s)) = (
                std::fs::read_to_string(root.join("susp").join(susp)),
                std::fs::read_to_string(root.join("src").join(src)),
            ) else {
                continue;
            };
            let xml_name = format!("{}-{}.xml", susp.trim_end_matches(".txt"), src.trim_end_matches(".txt"));
            let cases =
                std::fs::read_to_string(root.join(kind).join(&xml_name)).map(|x| read_cases(&x)).unwrap_or_default();
            let start = Instant::now();
            let r = reuse_only(&[t.as_str(), s.as_str()], OffsetUnit::Chars);
            elapsed += start.elapsed().as_secs_f64();
            timed += 1;
            let dets: Vec<(Span, PassageKind)> = r
                .passages
                .iter()
                .map(|p| {
                    // article A is the suspicious document (given first)
                    let span = if p.a == "A" {
                        Span { t0: p.a_start, t1: p.a_end, s0: p.b_start, s1: p.b_end }
                    } else {
                        Span { t0: p.b_start, t1: p.b_end, s0: p.a_start, s1: p.a_end }
                    };
                    (span, p.kind)
                })
                .collect();
            if verbose {
                let mut one = Tally::default();
                one.add(&cases, &dets);
                let (p, r, g, pd) = one.scores();
                let _ = writeln!(out, "{kind}\t{xml_name}\tP {p:.3}\tR {r:.3}\tG {g:.2}\tplagdet {pd:.3}");
                // each case and each detection (with its own precision), for
                // per-case analysis
                for c in &cases {
                    let _ = writeln!(out, "  case\tsusp {}..{}\tsrc {}..{}", c.t0, c.t1, c.s0, c.s1);
                }
                for (d, k) in &dets {
                    let p = char_recall(d, &cases).unwrap_or(0.0);
                    let _ = writeln!(out, "  {k:?}\tsusp {}..{}\tsrc {}..{}\tP {p:.3}", d.t0, d.t1, d.s0, d.s1);
                }
            }
            let half = half_of(&xml_name);
            if let Some(t) = tallies.entry(kind).or_default().get_mut(half) {
                t.add(&cases, &dets);
            }
        }
    }
    if tallies.is_empty() {
        let _ = writeln!(out, "skipped: no pairs found under {dir}");
        return Ok(());
    }
    writeln!(
        out,
        "PAN measures (character level, macro-averaged); halves split by a hash of the pair's names\n\
         {:<28} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8}   {:>8} {:>8}   passages v/p/s",
        "kind", "pairs", "prec", "rec", "gran", "plagdet", "half 0", "half 1", ""
    )
    .map_err(w)?;
    let mut all = [Tally::default(), Tally::default()];
    for (kind, halves) in &tallies {
        for (x, h) in all.iter_mut().zip(halves) {
            x.merge(h);
        }
        row(out, kind, halves).map_err(w)?;
    }
    row(out, "all", &all).map_err(w)?;
    let mut both = all[0].clone();
    both.merge(&all[1]);
    let share = |t: &Tally| if t.clean_pairs == 0 { 0.0 } else { t.clean_flagged as f64 / t.clean_pairs as f64 };
    writeln!(
        out,
        "no-reuse pairs given a passage: {:.1}% ({} of {}; half 0 {:.1}%, half 1 {:.1}%)",
        100.0 * share(&both),
        both.clean_flagged,
        both.clean_pairs,
        100.0 * share(&all[0]),
        100.0 * share(&all[1])
    )
    .map_err(w)?;
    if timed > 0 {
        writeln!(out, "time per pair (reuse_only, this build): {:.1} ms", 1000.0 * elapsed / timed as f64)
            .map_err(w)?;
    }
    Ok(())
}

fn row(out: &mut impl Write, name: &str, halves: &[Tally; 2]) -> std::io::Result<()> {
    let mut t = halves[0].clone();
    t.merge(&halves[1]);
    let (p, r, g, pd) = t.scores();
    let (h0, h1) = (halves[0].scores().3, halves[1].scores().3);
    writeln!(
        out,
        "{name:<28} {:>5} {p:>6.3} {r:>6.3} {g:>6.3} {pd:>7.3}  {h0:>8.3} {h1:>8.3}   {}/{}/{}",
        t.pairs, t.kinds[0], t.kinds[1], t.kinds[2]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(t0: usize, t1: usize, s0: usize, s1: usize) -> Span {
        Span { t0, t1, s0, s1 }
    }

    /// Cases, detections, and the expected precision, recall, granularity.
    type Row<'a> = (&'a [Span], &'a [Span], f64, f64, f64);

    #[test]
    fn pan_measures() {
        let rows: &[Row] = &[
            // exact detection
            (&[sp(0, 100, 0, 100)], &[sp(0, 100, 0, 100)], 1.0, 1.0, 1.0),
            // two halves: full recall and precision, granularity 2
            (&[sp(0, 100, 0, 100)], &[sp(0, 50, 0, 50), sp(50, 100, 50, 100)], 1.0, 1.0, 2.0),
            // half the case in both documents
            (&[sp(0, 100, 0, 100)], &[sp(0, 50, 0, 50)], 1.0, 0.5, 1.0),
            // overlapping in the suspicious document only: not a detection
            (&[sp(0, 100, 0, 100)], &[sp(0, 100, 500, 600)], 0.0, 0.0, 1.0),
            // twice as long in the source: precision (100 + 100) / 300
            (&[sp(0, 100, 0, 100)], &[sp(0, 100, 0, 200)], 2.0 / 3.0, 1.0, 1.0),
        ];
        for (cases, dets, p, r, g) in rows {
            let mut t = Tally::default();
            let d: Vec<(Span, PassageKind)> = dets.iter().map(|s| (*s, PassageKind::Verbatim)).collect();
            t.add(cases, &d);
            let (tp, tr, tg, _) = t.scores();
            assert!(
                (tp - p).abs() < 1e-9 && (tr - r).abs() < 1e-9 && (tg - g).abs() < 1e-9,
                "{cases:?} {dets:?}: {tp} {tr} {tg}"
            );
        }
    }

    #[test]
    fn reads_annotations() {
        let xml = r#"<document reference="s.txt">
<feature name="plagiarism" obfuscation="random" source_length="402" source_offset="1084" source_reference="x.txt" this_length="269" this_offset="1412" type="artificial" />
</document>"#;
        assert_eq!(read_cases(xml), vec![sp(1412, 1681, 1084, 1486)]);
    }
}
