//! `corroborate train-chrome`: learns the detector of page chrome in pasted
//! text (`src/text/chrome.rs`) from saved pages and news text, and prints
//! how it does on pages it never saw (cross-validated by page).

use super::flags::Flags;
use corroborate::input;
use corroborate::internal::{
    chrome_context_features, chrome_sentence_ranges, clean_article, use_chrome_model, ChromeModel, ChromeSentence,
};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One sentence's features with its label (chrome or article), its group (a page or
/// a news article; folds never split a group) and where it came from.
struct Unit {
    chrome: bool,
    group: usize,
    from_page: bool,
    feats: Vec<u32>,
}

/// Lowercase words (letters and digits) of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Every sentence of `text`, with its line.
fn sentences(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let r = pos..pos + line.len();
        pos += line.len();
        out.extend(chrome_sentence_ranges(text, r).into_iter().filter_map(|r| text.get(r)).map(|s| (s.to_string(), i)));
    }
    out
}

/// The features of each sentence of a text, in context.
fn in_context(sents: &[(String, usize)], bits: u32) -> Vec<Vec<u32>> {
    let view: Vec<ChromeSentence> = sents.iter().map(|(t, line)| ChromeSentence { text: t, line: *line }).collect();
    chrome_context_features(&view, bits)
}

/// One saved page: its whole text as a reader pasting it would have it
/// (every block, in page order), and the article its curators extracted
/// (with its title).
struct Page {
    whole: String,
    article: String,
    gold_title: Option<String>,
}

fn read_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let mut pages = Vec::new();
    for d in dirs {
        let (Ok(source), Ok(expected)) = (std::fs::read(d.join("source.html")), std::fs::read(d.join("expected.html")))
        else {
            continue;
        };
        let Ok(decoded) = input::read(Some("source.html"), &source) else { continue };
        let whole: Vec<&str> = decoded.blocks.iter().map(|b| b.text.as_str()).collect();
        let article = std::str::from_utf8(&expected).map(input::html_to_text).unwrap_or_default();
        let gold_title = std::fs::read_to_string(d.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|m| m.get("title").and_then(|t| t.as_str()).map(str::to_string))
            .filter(|t| !t.is_empty());
        pages.push(Page { whole: whole.join("\n\n"), article, gold_title });
    }
    Ok(pages)
}

/// The labelled sentences of one page: a sentence of three words or more
/// is article when 70% of its word triples are the article's (or its
/// title's), chrome when 10% or fewer are; a sentence of two words is
/// article when the article has those two words in a row, else chrome;
/// one-word and mixed sentences are left out.
fn page_units(page: &Page, group: usize, bits: u32, out: &mut Vec<Unit>) {
    let mut gold_words = words(&page.article);
    if let Some(t) = &page.gold_title {
        gold_words.push("\u{0}".to_string());
        gold_words.extend(words(t));
    }
    let triples: HashSet<&[String]> = gold_words.windows(3).collect();
    let pairs: HashSet<&[String]> = gold_words.windows(2).collect();
    let sents = sentences(&page.whole);
    for ((s, _), feats) in sents.iter().zip(in_context(&sents, bits)) {
        let w = words(s);
        let chrome = match w.len() {
            0 | 1 => continue,
            2 => !pairs.contains(w.as_slice()),
            n => {
                let hit = w.windows(3).filter(|t| triples.contains(t)).count();
                let share = hit as f64 / (n - 2) as f64;
                if share >= 0.7 {
                    false
                } else if share <= 0.1 {
                    true
                } else {
                    continue;
                }
            }
        };
        out.push(Unit { chrome, group, from_page: true, feats });
    }
}

/// News articles as article sentences (the headline too; every fourth
/// article lowercased and stripped of punctuation and digits instead, as
/// degraded copies arrive).
fn news_units(
    dir: &Path,
    first_group: usize,
    every: usize,
    bits: u32,
    out: &mut Vec<Unit>,
    texts: &mut Vec<(usize, String)>,
) -> Result<usize, String> {
    let mut files = Vec::new();
    super::clusters::text_files(dir, &mut files)?;
    files.sort();
    let mut n = 0;
    for (i, f) in files.iter().enumerate().filter(|(i, _)| i % every.max(1) == 0) {
        let mut text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        if n % 4 == 3 {
            text = text
                .lines()
                .map(|l| {
                    words(l).into_iter().filter(|w| !w.chars().any(char::is_numeric)).collect::<Vec<_>>().join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        let sents = sentences(&text);
        for feats in in_context(&sents, bits) {
            out.push(Unit { chrome: false, group: first_group + i, from_page: false, feats });
        }
        texts.push((first_group + i, text));
        n += 1;
    }
    Ok(n)
}

/// A logistic regression trained by AdaGrad with an L2 pull, the two
/// classes weighted to count alike.
fn train(units: &[Unit], keep: &dyn Fn(usize) -> bool, o: &Opts) -> ChromeModel {
    let n = 1usize << o.bits;
    let (mut w, mut g2) = (vec![0f32; n], vec![1e-6f32; n]);
    let (mut b, mut gb) = (0f32, 1e-6f32);
    let idx: Vec<usize> = (0..units.len()).filter(|&i| keep(i)).collect();
    let positives = idx.iter().filter(|&&i| units.get(i).is_some_and(|u| u.chrome)).count().max(1);
    let negatives = (idx.len() - positives.min(idx.len())).max(1);
    let weight_of = |chrome: bool| {
        if chrome {
            idx.len() as f32 / (2.0 * positives as f32)
        } else {
            idx.len() as f32 / (2.0 * negatives as f32)
        }
    };
    let mut order = idx.clone();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..o.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let Some(Unit { feats: f, chrome: y, .. }) = units.get(i) else { continue };
            let y = *y;
            let z = b + f.iter().map(|&k| w.get(k as usize).copied().unwrap_or(0.0)).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (p - f32::from(u8::from(y))) * weight_of(y);
            for &k in f {
                let (Some(wk), Some(gk)) = (w.get_mut(k as usize), g2.get_mut(k as usize)) else { continue };
                let grad = g + o.l2 * *wk;
                *gk += grad * grad;
                *wk -= o.rate * grad / gk.sqrt();
            }
            gb += g * g;
            b -= o.rate * g / gb.sqrt();
        }
    }
    ChromeModel::new(o.bits, w, b, 0.0)
}

struct Opts {
    pages: String,
    news: String,
    out: String,
    bits: u32,
    epochs: usize,
    folds: usize,
    rate: f32,
    l2: f32,
    max_fp: f64,
    /// The article span's margin (NaN: none).
    span: f32,
    news_every: usize,
    /// News sentences only scored, not trained on.
    no_news: bool,
    /// Score the sentences of this file with the model at `out` instead of training.
    score: Option<String>,
    /// The gate measured: chrome lines the rules must find first.
    page_lines: Option<usize>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        pages: "../shared/data/web-pages/readability-test-pages".into(),
        news: "../shared/data/unlabeled/bbc-news/news".into(),
        out: "model/chrome.bin".into(),
        bits: 12,
        epochs: 8,
        folds: 5,
        rate: 0.1,
        l2: 1e-4,
        max_fp: 0.002,
        span: 0.0,
        news_every: 4,
        no_news: false,
        score: None,
        page_lines: None,
    };
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--pages" => o.pages = f.text()?,
            "--news" => o.news = f.text()?,
            "--out" => o.out = f.text()?,
            "--bits" => o.bits = f.value::<u32>()?.clamp(8, 20),
            "--epochs" => o.epochs = f.value()?,
            "--folds" => o.folds = f.value::<usize>()?.max(2),
            "--rate" => o.rate = f.value()?,
            "--l2" => o.l2 = f.value()?,
            "--max-fp" => o.max_fp = f.value()?,
            "--span" => o.span = f.value()?,
            "--score" => o.score = Some(f.text()?),
            "--no-news" => o.no_news = true,
            "--news-every" => o.news_every = f.value::<usize>()?.max(1),
            "--page-lines" => o.page_lines = Some(f.value()?),
            other => return Err(format!("unknown option {other}; see corroborate --help")),
        }
    }
    Ok(o)
}

/// The lowest threshold at which at most `max_fp` of the article sentences
/// score at or above it.
fn threshold_for(scores: &[(f32, bool)], max_fp: f64) -> f32 {
    let mut article: Vec<f32> = scores.iter().filter(|(_, c)| !c).map(|(s, _)| *s).collect();
    article.sort_by(|a, b| b.total_cmp(a));
    let allowed = (max_fp * article.len() as f64).floor() as usize;
    article.get(allowed).map_or(0.0, |s| s + 1e-4)
}

/// Precision and recall of chrome, and the share of article sentences
/// called chrome, at `threshold`.
fn rates(scores: &[(f32, bool)], threshold: f32) -> (f64, f64, f64) {
    let said = |s: f32| s >= threshold;
    let tp = scores.iter().filter(|(s, c)| *c && said(*s)).count() as f64;
    let fp = scores.iter().filter(|(s, c)| !*c && said(*s)).count() as f64;
    let pos = scores.iter().filter(|(_, c)| *c).count() as f64;
    let neg = scores.len() as f64 - pos;
    (tp / (tp + fp).max(1.0), tp / pos.max(1.0), fp / neg.max(1.0))
}

/// What the cleaner keeps of a text.
fn kept_text(text: &str) -> String {
    let c = clean_article(text, false);
    c.content().into_iter().filter_map(|r| text.get(r)).collect::<Vec<_>>().join("\n")
}

/// Mean word 4-shingle precision and recall of what the cleaner keeps of
/// each page's whole text against its article.
fn pasted_scores(pages: &[&Page]) -> (f64, f64) {
    let (mut p, mut r) = (0.0, 0.0);
    for page in pages {
        let (pp, rr) = super::extraction::page_scores(&kept_text(&page.whole), &page.article);
        p += pp;
        r += rr;
    }
    let n = pages.len().max(1) as f64;
    (p / n, r / n)
}

/// `corroborate train-chrome [--pages DIR] [--news DIR] [--out FILE]
/// [--bits N] [--epochs N] [--folds N] [--max-fp RATE] ...`.
pub fn train_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let o = parse(args)?;
    corroborate::internal::use_page_lines(o.page_lines);
    let w = |e: std::io::Error| format!("cannot write output: {e}");
    if let Some(file) = &o.score {
        let model =
            ChromeModel::from_bytes(&std::fs::read(&o.out).map_err(|e| format!("cannot read {}: {e}", o.out))?)?;
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let sents = sentences(&text);
        let view: Vec<ChromeSentence> = sents.iter().map(|(t, line)| ChromeSentence { text: t, line: *line }).collect();
        for ((s, score), chrome) in sents.iter().zip(model.scores(&view)).zip(model.chrome(&view)) {
            let mark = if chrome { "CHROME" } else { "" };
            writeln!(out, "{score:7.2} {mark:6} {}", s.0).map_err(w)?;
        }
        return Ok(());
    }
    let pages = read_pages(Path::new(&o.pages))?;
    let mut units = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        page_units(p, i, o.bits, &mut units);
    }
    let mut news_texts = Vec::new();
    let news = news_units(Path::new(&o.news), pages.len(), o.news_every, o.bits, &mut units, &mut news_texts)?;
    let labels: Vec<bool> = units.iter().map(|u| u.chrome).collect();
    let count = |page: bool, chrome: bool| units.iter().filter(|u| u.from_page == page && u.chrome == chrome).count();
    writeln!(
        out,
        "{} pages: {} chrome sentences, {} article sentences; {} news articles: {} sentences",
        pages.len(),
        count(true, true),
        count(true, false),
        news,
        count(false, false)
    )
    .map_err(w)?;
    // held-out scores: each fold's groups scored by a model trained on the others
    let fold_of = |g: usize| g % o.folds;
    let mut held: Vec<f32> = vec![0.0; units.len()];
    let mut models = Vec::new();
    for k in 0..o.folds {
        let m =
            train(&units, &|i| units.get(i).is_some_and(|u| fold_of(u.group) != k && (u.from_page || !o.no_news)), &o);
        for (i, u) in units.iter().enumerate().filter(|(_, u)| fold_of(u.group) == k) {
            if let Some(h) = held.get_mut(i) {
                *h = m.score_features(&u.feats);
            }
        }
        models.push(m);
    }
    let scored: Vec<(f32, bool)> = held.iter().copied().zip(labels.iter().copied()).collect();
    let threshold = threshold_for(&scored, o.max_fp);
    let on = |page: bool| -> Vec<(f32, bool)> {
        units.iter().zip(&scored).filter(|(u, _)| u.from_page == page).map(|(_, s)| *s).collect()
    };
    let (p, r, fp) = rates(&on(true), threshold);
    let (_, _, fp_news) = rates(&on(false), threshold);
    writeln!(
        out,
        "held out ({} folds by page and article), threshold {threshold:.3} (at most {:.1}% of article sentences called chrome):\n  \
         page sentences: chrome precision {p:.3}, recall {r:.3}; article sentences called chrome {:.2}%\n  \
         news sentences called chrome {:.2}%",
        o.folds,
        100.0 * o.max_fp,
        100.0 * fp,
        100.0 * fp_news
    )
    .map_err(w)?;
    let mut points = vec![o.max_fp];
    points.extend([0.005, 0.01, 0.02, 0.05, 0.1].into_iter().filter(|&x| x != o.max_fp));
    for fp_rate in points {
        let t = threshold_for(&scored, fp_rate);
        let (p, r, fp) = rates(&on(true), t);
        let (_, _, fp_news) = rates(&on(false), t);
        let (mut pp, mut rr, mut news_kept) = (0.0, 0.0, 0.0);
        for (k, m) in models.iter().enumerate() {
            use_chrome_model(Some(m.clone().with_threshold(t).with_span(o.span)));
            for (_, text) in news_texts.iter().filter(|(g, _)| fold_of(*g) == k) {
                news_kept += super::extraction::page_scores(&kept_text(text), text).1;
            }
            let fold: Vec<&Page> = pages.iter().enumerate().filter(|(i, _)| fold_of(*i) == k).map(|(_, p)| p).collect();
            let (a, b) = pasted_scores(&fold);
            pp += a * fold.len() as f64;
            rr += b * fold.len() as f64;
        }
        use_chrome_model(None);
        let (pp, rr) = (pp / pages.len().max(1) as f64, rr / pages.len().max(1) as f64);
        writeln!(
            out,
            "  at {:.1}%: threshold {t:.3}, page chrome precision {p:.3} recall {r:.3}, page article called chrome {:.2}%, news {:.2}% (kept {:.4}); pasted pages P {pp:.3} R {rr:.3} F1 {:.3}",
            100.0 * fp_rate,
            100.0 * fp,
            100.0 * fp_news,
            news_kept / news_texts.len().max(1) as f64,
            2.0 * pp * rr / (pp + rr).max(1e-9)
        )
        .map_err(w)?;
    }
    // a page's whole text pasted: what the cleaner keeps, without the
    // detector and with the model that never saw the page
    use_chrome_model(Some(ChromeModel::new(1, Vec::new(), -1.0, 0.0)));
    let all: Vec<&Page> = pages.iter().collect();
    let (p0, r0) = pasted_scores(&all);
    let (mut p1, mut r1) = (0.0, 0.0);
    for (k, m) in models.into_iter().enumerate() {
        use_chrome_model(Some(m.with_threshold(threshold).with_span(o.span)));
        let fold: Vec<&Page> = pages.iter().enumerate().filter(|(i, _)| fold_of(*i) == k).map(|(_, p)| p).collect();
        let (pp, rr) = pasted_scores(&fold);
        p1 += pp * fold.len() as f64;
        r1 += rr * fold.len() as f64;
    }
    use_chrome_model(None);
    let n = pages.len().max(1) as f64;
    let f1 = |p: f64, r: f64| 2.0 * p * r / (p + r).max(1e-9);
    let (p1, r1) = (p1 / n, r1 / n);
    writeln!(
        out,
        "whole pages pasted as text ({} pages, word 4-shingles, means over pages):\n  \
         without the detector: precision {p0:.3}, recall {r0:.3}, F1 {:.3}\n  \
         with it (held out):   precision {p1:.3}, recall {r1:.3}, F1 {:.3}",
        pages.len(),
        f1(p0, r0),
        f1(p1, r1)
    )
    .map_err(w)?;
    let model = train(&units, &|i| units.get(i).is_some_and(|u| u.from_page || !o.no_news), &o)
        .with_threshold(threshold)
        .with_span(o.span);
    let bytes = model.to_bytes();
    std::fs::write(&o.out, &bytes).map_err(|e| format!("cannot write {}: {e}", o.out))?;
    writeln!(out, "wrote {} ({} bytes)", o.out, bytes.len()).map_err(w)?;
    Ok(())
}
