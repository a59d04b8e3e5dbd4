//! `train-ner` and `eval-ner`: training and measuring the entity tagger on
//! CoNLL-style data. Developer commands, never part of `npm test`.

use super::flags::Flags;
use corroborate::internal::tagger::{self, train::Example, train::Trainer, DocInfo, Word, LABELS, N_LABELS};
use corroborate::internal::{self as entities, Lexicon};
use std::collections::BTreeMap;
use std::path::Path;

/// A document's sentences of (token, gold tag).
type Sentences = Vec<Vec<(String, String)>>;

/// One document of tokens with gold tags (IOB2, converted from IOB1/IO).
pub struct Doc {
    /// Sentences of (token, gold tag).
    pub sentences: Vec<Vec<(String, String)>>,
}

/// Reads a CoNLL-style file: token in the first column, tag in the last;
/// blank lines end sentences; `-DOCSTART-` lines start documents (a file
/// without them is cut into documents of 40 sentences). Tags are converted
/// to IOB2; GUM-style lowercase types are mapped (person→PER, place→LOC,
/// organization→ORG, others dropped).
pub fn read_conll(path: &Path) -> Result<Vec<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut docs: Vec<Doc> = vec![Doc { sentences: Vec::new() }];
    let mut sent: Vec<(String, String)> = Vec::new();
    let has_docstart = text.contains("-DOCSTART-");
    let flush = |docs: &mut Vec<Doc>, sent: &mut Vec<(String, String)>| {
        if !sent.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sent));
                if !has_docstart && d.sentences.len() >= 40 {
                    docs.push(Doc { sentences: Vec::new() });
                }
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            docs.push(Doc { sentences: Vec::new() });
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        let (Some(tok), Some(tag)) = (cols.first(), cols.last()) else { continue };
        let tok = tok.strip_prefix("en:").unwrap_or(tok);
        sent.push((tok.to_string(), normalize_tag(if cols.len() > 1 { tag } else { "O" })));
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    for d in &mut docs {
        for s in &mut d.sentences {
            to_iob2(s);
        }
    }
    Ok(docs)
}

/// Reads every `.tsv`/`.txt`/`.conll` file of a folder, in name order, one
/// document per file.
pub fn read_conll_dir(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv" || x == "txt" || x == "conll"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let sentences = read_conll(&f)?.into_iter().flat_map(|d| d.sentences).collect();
        docs.push(Doc { sentences });
    }
    Ok(docs)
}

fn normalize_tag(tag: &str) -> String {
    let (prefix, kind) = match tag.split_once('-') {
        Some((p, k)) if p == "B" || p == "I" => (p, k),
        _ => ("I", tag),
    };
    let kind = match kind {
        "PER" | "person" => "PER",
        "LOC" | "place" => "LOC",
        "ORG" | "organization" => "ORG",
        "MISC" => "MISC",
        _ => return "O".into(),
    };
    format!("{prefix}-{kind}")
}

/// IOB1/IO → IOB2: an I- tag that starts a chunk becomes B-.
fn to_iob2(s: &mut [(String, String)]) {
    let mut prev = "O".to_string();
    for (_, tag) in s.iter_mut() {
        if let Some(kind) = tag.strip_prefix("I-") {
            if prev.get(2..) != Some(kind) {
                *tag = format!("B-{kind}");
            }
        }
        prev = tag.clone();
    }
}

/// The stripped copy of a sentence, made exactly the way seed 000 was made:
/// each token lowercased, every digit deleted, every run of characters that
/// is neither a letter nor a digit (punctuation, hyphens, apostrophes,
/// underscores) a token break, empty tokens dropped. Gold tags follow the
/// surviving pieces: a `B-` whose token vanished passes `B-` to the next
/// surviving piece of the same entity; the later pieces of one split token
/// take `I-`. "U.S." becomes "u s", "al-Assad" "al assad", "1,200" nothing.
pub fn degrade(s: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // the type of an entity whose B- token vanished, waiting for its next piece
    let mut pending: Option<String> = None;
    for (tok, tag) in s {
        let kind = tag.get(2..).unwrap_or_default().to_string();
        if tag.starts_with("B-") || tag == "O" {
            pending = None;
        }
        let lowered: String = tok.chars().filter(|c| !c.is_numeric()).flat_map(char::to_lowercase).collect();
        let pieces: Vec<&str> = lowered.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
        if pieces.is_empty() {
            if tag.starts_with("B-") {
                pending = Some(kind);
            }
            continue;
        }
        for (i, p) in pieces.iter().enumerate() {
            let t = if tag == "O" {
                "O".to_string()
            } else if i == 0 && (tag.starts_with("B-") || pending.as_deref() == Some(kind.as_str())) {
                format!("B-{kind}")
            } else {
                format!("I-{kind}")
            };
            out.push((p.to_string(), t));
        }
        pending = None;
    }
    // an I- whose chunk vanished before it starts a chunk of its own
    to_iob2(&mut out);
    out
}

/// The names of people, places and organizations in `docs` (IOB2), each
/// as its tokens with its type, for [`swap_names`].
pub fn name_pool(docs: &[Doc]) -> Vec<(String, Vec<String>)> {
    let mut pool = Vec::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        for (a, b, kind) in chunks(&tags) {
            if matches!(kind.as_str(), "PER" | "LOC" | "ORG") {
                pool.push((kind, s.get(a..b).unwrap_or_default().iter().map(|(w, _)| w.clone()).collect()));
            }
        }
    }
    pool
}

/// A copy of one document with every name of a person, place or
/// organization replaced by a name of the same type drawn from `pool`
/// (one draw per distinct name, so a name repeated in the document stays
/// one name), its tags following: mention replacement, which makes the
/// tagger read a name's context and shape instead of remembering the name
/// (Dai and Adel 2020). `rng` is a xorshift state.
pub fn swap_names(
    sentences: &[Vec<(String, String)>],
    pool: &[(String, Vec<String>)],
    rate: f64,
    rng: &mut u64,
) -> Vec<Vec<(String, String)>> {
    let by_kind = |k: &str| -> Vec<&Vec<String>> { pool.iter().filter(|(t, _)| t == k).map(|(_, w)| w).collect() };
    let kinds: BTreeMap<&str, Vec<&Vec<String>>> = ["PER", "LOC", "ORG"].into_iter().map(|k| (k, by_kind(k))).collect();
    let mut chosen: BTreeMap<(String, Vec<String>), Vec<String>> = BTreeMap::new();
    sentences
        .iter()
        .map(|s| {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let mut out: Vec<(String, String)> = Vec::with_capacity(s.len());
            let mut at = 0;
            for (a, b, kind) in chunks(&tags) {
                out.extend(s.get(at..a).unwrap_or_default().iter().cloned());
                at = b;
                let words: Vec<String> = s.get(a..b).unwrap_or_default().iter().map(|(w, _)| w.clone()).collect();
                let options = kinds.get(kind.as_str()).filter(|o| !o.is_empty());
                let new = match options {
                    Some(options) => chosen
                        .entry((kind.clone(), words))
                        .or_insert_with_key(|(_, words)| {
                            let mut next = || {
                                *rng ^= *rng << 13;
                                *rng ^= *rng >> 7;
                                *rng ^= *rng << 17;
                                *rng
                            };
                            if (next() % 1_000_000) as f64 >= rate * 1_000_000.0 {
                                return words.clone();
                            }
                            options
                                .get((next() % options.len() as u64) as usize)
                                .map_or_else(Vec::new, |w| (*w).clone())
                        })
                        .clone(),
                    None => words,
                };
                for (i, w) in new.into_iter().enumerate() {
                    out.push((w, format!("{}-{kind}", if i == 0 { "B" } else { "I" })));
                }
            }
            out.extend(s.get(at..).unwrap_or_default().iter().cloned());
            out
        })
        .collect()
}

fn label_index(tag: &str) -> usize {
    LABELS.iter().position(|l| *l == tag).unwrap_or(0)
}

/// Chunks (start, end, type) of an IOB2 tag sequence.
fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (p, k) = t.split_once('-').unwrap_or(("O", ""));
        let continues = p == "I" && cur.as_ref().is_some_and(|(_, ck)| ck == k);
        if !continues {
            if let Some((s, k0)) = cur.take() {
                out.push((s, i, k0));
            }
            if p == "B" || p == "I" {
                cur = Some((i, k.to_string()));
            }
        }
    }
    if let Some((s, k)) = cur {
        out.push((s, tags.len(), k));
    }
    out
}

/// Precision, recall and F1 per type and overall.
#[derive(Default)]
pub struct Score {
    counts: BTreeMap<String, [usize; 3]>, // type -> [true positive, predicted, gold]
    /// (gold kind, predicted kind) of chunks by exact span; "-" for none.
    confusion: BTreeMap<(String, String), usize>,
    /// Errors by what went wrong: see [`Score::error_table`].
    errors: [usize; 5],
}

/// Names of the error classes of [`Score::error_table`].
const ERROR_CLASSES: [&str; 5] = [
    "kind (right span, wrong kind)",
    "boundary (overlapping span, right kind)",
    "boundary and kind",
    "missed (no overlapping chunk)",
    "spurious (no overlapping gold chunk)",
];

impl Score {
    fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &p {
            let e = self.counts.entry(c.2.clone()).or_default();
            e[1] += 1;
            if g.contains(c) {
                e[0] += 1;
            }
        }
        for c in &g {
            self.counts.entry(c.2.clone()).or_default()[2] += 1;
            let said = p.iter().find(|x| x.0 == c.0 && x.1 == c.1).map_or("-", |x| x.2.as_str());
            *self.confusion.entry((c.2.clone(), said.to_string())).or_default() += 1;
        }
        for c in p.iter().filter(|c| !g.iter().any(|x| x.0 == c.0 && x.1 == c.1)) {
            *self.confusion.entry(("-".to_string(), c.2.clone())).or_default() += 1;
        }
        let overlaps = |a: &(usize, usize, String), b: &(usize, usize, String)| a.0 < b.1 && b.0 < a.1;
        for c in g.iter().filter(|c| !p.contains(c)) {
            let class = if p.iter().any(|x| x.0 == c.0 && x.1 == c.1) {
                0
            } else if p.iter().any(|x| overlaps(x, c) && x.2 == c.2) {
                1
            } else if p.iter().any(|x| overlaps(x, c)) {
                2
            } else {
                3
            };
            if let Some(n) = self.errors.get_mut(class) {
                *n += 1;
            }
        }
        if let Some(n) = self.errors.get_mut(4) {
            *n += p.iter().filter(|c| !g.iter().any(|x| overlaps(x, c))).count();
        }
    }

    /// Gold chunks not found exactly, by what went wrong (the first class
    /// that fits), and predicted chunks that overlap no gold chunk.
    pub fn error_table(&self) -> String {
        let mut s = String::new();
        for (name, n) in ERROR_CLASSES.iter().zip(self.errors) {
            s.push_str(&format!("  {name:<42}{n:>6}\n"));
        }
        s
    }

    /// The confusion of kinds: gold kind by row, predicted kind by column,
    /// chunks matched on their exact span ("-": no chunk there).
    pub fn confusion_table(&self) -> String {
        let kinds: Vec<&str> = ["PER", "LOC", "ORG", "MISC", "-"]
            .into_iter()
            .filter(|k| self.confusion.keys().any(|(g, p)| g == k || p == k))
            .collect();
        let mut s = format!("  {:<10}", "gold\\said");
        for k in &kinds {
            s.push_str(&format!("{k:>6}"));
        }
        s.push('\n');
        for g in &kinds {
            s.push_str(&format!("  {g:<10}"));
            for p in &kinds {
                let n = self.confusion.get(&(g.to_string(), p.to_string())).copied().unwrap_or(0);
                s.push_str(&format!("{n:>6}"));
            }
            s.push('\n');
        }
        s
    }

    fn prf(c: [usize; 3]) -> (f64, f64, f64) {
        let p = if c[1] == 0 { 0.0 } else { c[0] as f64 / c[1] as f64 };
        let r = if c[2] == 0 { 0.0 } else { c[0] as f64 / c[2] as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    /// Overall F1.
    pub fn f1(&self) -> f64 {
        let mut all = [0usize; 3];
        for c in self.counts.values() {
            for (a, x) in all.iter_mut().zip(c) {
                *a += x;
            }
        }
        Self::prf(all).2
    }

    /// A small table, one line per type and one overall.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let mut all = [0usize; 3];
        for (k, c) in &self.counts {
            let (p, r, f) = Self::prf(*c);
            s.push_str(&format!("  {k:<5} P {p:.3}  R {r:.3}  F1 {f:.3}  ({} gold)\n", c[2]));
            for (a, x) in all.iter_mut().zip(c) {
                *a += x;
            }
        }
        let (p, r, f) = Self::prf(all);
        s.push_str(&format!("  ALL   P {p:.3}  R {r:.3}  F1 {f:.3}  ({} gold)\n", all[2]));
        s
    }
}

/// Words with lexicon flags for one sentence of tokens.
fn words<'a>(lexicon: &Lexicon, toks: &'a [(String, String)]) -> Vec<Word<'a>> {
    let texts: Vec<&str> = toks.iter().map(|(t, _)| t.as_str()).collect();
    let flags = lexicon.flags(&texts);
    texts.iter().zip(flags).map(|(t, lex)| Word { text: t, lex }).collect()
}

fn doc_info(lexicon: &Lexicon, sentences: &[Vec<(String, String)>]) -> DocInfo {
    let ws: Vec<Vec<Word>> = sentences.iter().map(|s| words(lexicon, s)).collect();
    DocInfo::new(ws.iter().map(Vec::as_slice))
}

/// Evaluates `model` on documents (optionally degraded first).
pub fn evaluate(model: &tagger::Model, lexicon: &Lexicon, docs: &[Doc], degraded: bool) -> Score {
    evaluate_with(model, lexicon, docs, degraded, false)
}

/// Gold and predicted tags of a set whose gold marks every mention of
/// people, places and organizations, named or not, determiners and
/// modifiers included (GUM): the words of a gold chunk before its first
/// and after its last capitalized word are taken out of it (a
/// sentence-initial determiner counts as lowercase), so "the United
/// States" scores as "United States" and "900 asylum seekers" not at all;
/// predicted MISC chunks are dropped (a kind GUM does not have). An
/// approximation of named-entity gold, the same for every model.
fn names_only(sentence: &[(String, String)], gold: &mut [&str], pred: &mut [&str]) {
    const DETERMINERS: [&str; 12] =
        ["The", "A", "An", "This", "These", "Those", "Its", "Their", "His", "Her", "Our", "Some"];
    let capital = |i: usize| {
        sentence.get(i).is_some_and(|(t, _)| {
            t.chars().next().is_some_and(char::is_uppercase) && !(i == 0 && DETERMINERS.contains(&t.as_str()))
        })
    };
    for (a, b, _) in chunks(gold) {
        let first = (a..b).find(|&i| capital(i));
        let last = (a..b).rev().find(|&i| capital(i));
        for i in a..b {
            let inside = first.zip(last).is_some_and(|(f, l)| (f..=l).contains(&i));
            if let Some(t) = gold.get_mut(i).filter(|_| !inside) {
                *t = "O";
            }
        }
    }
    for t in pred.iter_mut() {
        if t.ends_with("-MISC") {
            *t = "O";
        }
    }
}

/// [`evaluate`], with GUM's reading of its gold when `named_only`.
pub fn evaluate_with(
    model: &tagger::Model,
    lexicon: &Lexicon,
    docs: &[Doc],
    degraded: bool,
    named_only: bool,
) -> Score {
    evaluate_voting(model, lexicon, docs, degraded, named_only, false)
}

/// One kind per name in a document: every chunk whose words (lowercased)
/// were tagged with another kind more often elsewhere in the document
/// takes that kind (a strict majority of the document's chunks with those
/// words; ties change nothing). Tags are indices into [`LABELS`].
pub fn vote_kinds(sentences: &[Vec<(String, String)>], tags: &mut [Vec<usize>]) {
    let key = |s: &[(String, String)], a: usize, b: usize| -> String {
        s.get(a..b).unwrap_or_default().iter().map(|(t, _)| t.to_lowercase()).collect::<Vec<_>>().join(" ")
    };
    let spans = |t: &[usize]| -> Vec<(usize, usize, usize)> {
        let names: Vec<&str> = t.iter().map(|&i| LABELS.get(i).copied().unwrap_or("O")).collect();
        chunks(&names).into_iter().map(|(a, b, k)| (a, b, label_index(&format!("B-{k}")).div_ceil(2))).collect()
    };
    let mut counts: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    for (s, t) in sentences.iter().zip(tags.iter()) {
        for (a, b, k) in spans(t) {
            if let Some(n) = counts.entry(key(s, a, b)).or_default().get_mut(k) {
                *n += 1;
            }
        }
    }
    for (s, t) in sentences.iter().zip(tags.iter_mut()) {
        for (a, b, k) in spans(t) {
            let Some(c) = counts.get(&key(s, a, b)) else { continue };
            let total: usize = c.iter().sum();
            let Some((best, n)) = c.iter().enumerate().max_by_key(|(_, n)| **n) else { continue };
            if best != k && best > 0 && 2 * n > total {
                for (i, x) in t.iter_mut().enumerate().take(b).skip(a) {
                    *x = if i == a { 2 * best - 1 } else { 2 * best };
                }
            }
        }
    }
}

/// [`evaluate_with`], with one kind per name in each document when `vote`
/// ([`vote_kinds`]).
pub fn evaluate_voting(
    model: &tagger::Model,
    lexicon: &Lexicon,
    docs: &[Doc],
    degraded: bool,
    named_only: bool,
    vote: bool,
) -> Score {
    let mut score = Score::default();
    for d in docs {
        let sents: Vec<Vec<(String, String)>> = if degraded {
            d.sentences.iter().map(|s| degrade(s)).filter(|s| !s.is_empty()).collect()
        } else {
            d.sentences.clone()
        };
        // a degraded document is one run of text: its sentences are unknown
        let mut info = doc_info(lexicon, &sents);
        let mut preds: Vec<Vec<usize>> = sents.iter().map(|s| model.tag(&words(lexicon, s), &mut info)).collect();
        if vote {
            vote_kinds(&sents, &mut preds);
        }
        for (s, pred) in sents.iter().zip(&preds) {
            let mut gold: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let mut p: Vec<&str> = pred.iter().map(|&i| LABELS.get(i).copied().unwrap_or("O")).collect();
            if named_only {
                names_only(s, &mut gold, &mut p);
            }
            score.add(&gold, &p);
        }
    }
    score
}

struct Opts {
    data: String,
    out: String,
    epochs: usize,
    bits: u32,
    prune: f32,
    extra: Vec<String>,
    clusters: Option<String>,
    glove: Option<String>,
    pa: f32,
    runs: usize,
    margin: f32,
    miss: f32,
    jackknife: bool,
    vote: bool,
    casing_bbc: bool,
    gaz_min: usize,
    gaz_extra: Option<String>,
    crf: f32,
    augment: usize,
    swap_rate: f64,
    swap_wikiann: bool,
}

/// Reads the options; `--clusters FILE` replaces the committed word
/// clusters and `--glove FILE` the committed GloVe classes
/// (`build-glove-clusters`; `--glove none`: without them) for this run (experiments; the model must be evaluated with the
/// classes it was trained with).
fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        data: "../shared/data/ner".into(),
        out: "model/ner.bin".into(),
        epochs: 8,
        bits: 18,
        prune: 0.0,
        extra: Vec::new(),
        clusters: None,
        glove: None,
        pa: 0.0,
        runs: 1,
        margin: 0.0,
        miss: 0.0,
        jackknife: false,
        vote: false,
        casing_bbc: false,
        gaz_min: 2,
        gaz_extra: None,
        crf: 0.0,
        augment: 0,
        swap_rate: 1.0,
        swap_wikiann: false,
    };
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--data" => o.data = f.text()?,
            "--out" | "--model" => o.out = f.text()?,
            "--epochs" => o.epochs = f.value()?,
            "--bits" => o.bits = f.value()?,
            "--prune" => o.prune = f.value()?,
            "--extra" => o.extra.push(f.text()?),
            "--clusters" => o.clusters = Some(f.text()?),
            "--glove" => o.glove = Some(f.text()?),
            "--pa" => o.pa = f.value()?,
            "--jackknife" => o.jackknife = true,
            "--vote" => o.vote = true,
            "--casing-bbc" => o.casing_bbc = true,
            "--crf" => o.crf = f.value()?,
            "--gaz-extra" => o.gaz_extra = Some(f.text()?),
            "--gaz-min" => o.gaz_min = f.value()?,
            "--margin" => o.margin = f.value()?,
            "--miss-cost" => o.miss = f.value()?,
            "--swap-rate" => o.swap_rate = f.value()?,
            "--swap-wikiann" => o.swap_wikiann = true,
            "--augment" => o.augment = f.value()?,
            "--runs" => o.runs = f.value()?,
            s => return Err(format!("unknown option {s}")),
        }
    }
    if let Some(path) = &o.clusters {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        tagger::clusters::use_clusters(&text);
    }
    match o.glove.as_deref() {
        Some("none") => {
            tagger::clusters::use_glove("");
        }
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            tagger::clusters::use_glove(&text);
        }
        None => {}
    }
    Ok(o)
}

/// Mines a gazetteer: every entity string seen at least `min_count` times
/// with the type it has most often (at least 80% of the time), `key<TAB>TYPE`
/// lines sorted by key, under a comment naming `source`.
pub fn mine_gazetteer(docs: &[Doc], min_count: usize, source: &str) -> String {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for d in docs {
        for s in &d.sentences {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            for (a, b, ty) in chunks(&tags) {
                let key = s
                    .get(a..b)
                    .unwrap_or_default()
                    .iter()
                    .map(|(t, _)| tagger::key_of(t))
                    .filter(|k| !k.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if key.chars().count() >= 2 && key.chars().any(char::is_alphabetic) {
                    *counts.entry(key).or_default().entry(ty).or_default() += 1;
                }
            }
        }
    }
    let mut out = format!("# mined from {source} by `corroborate train-ner`\n");
    for (key, types) in counts {
        let total: usize = types.values().sum();
        let Some((ty, n)) = types.iter().max_by_key(|(_, n)| **n) else { continue };
        if total >= min_count && *n * 10 >= total * 8 {
            out.push_str(&format!("{key}\t{ty}\n"));
        }
    }
    out
}

/// Mines the casing prior: lowercase keys written with a capital in at
/// least 60% of their occurrences away from a sentence start (seen twice or
/// more) in the given sets of documents, one per line, sorted.
pub fn mine_casing(sets: &[&[Doc]]) -> String {
    let mut counts: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    for d in sets.iter().flat_map(|s| s.iter()) {
        for s in &d.sentences {
            for (i, (tok, _)) in s.iter().enumerate() {
                let Some(first) = tok.chars().next() else { continue };
                if i == 0 || !first.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(tagger::key_of(tok)).or_default();
                if let Some(n) = e.get_mut(usize::from(first.is_uppercase())) {
                    *n += 1;
                }
            }
        }
    }
    let mut out = String::from("# words usually capitalized, mined from WikiANN by `corroborate train-ner`\n");
    for (k, [lower, upper]) in counts {
        if upper + lower >= 2 && upper * 10 >= (upper + lower) * 6 && k.chars().count() >= 2 {
            out.push_str(&k);
            out.push('\n');
        }
    }
    out
}

/// `corroborate train-ner [--data DIR] [--out FILE] [--epochs N] [--bits B] [--prune X] [--pa C] [--margin M] [--runs N] [--extra FILE]...`
/// (`--margin M`: loss-augmented updates, M added to every wrong tag of
/// each token while decoding for the update; 0, the default, the plain
/// perceptron; `--miss-cost X`: X more on the tag O at the tokens of a
/// name);
/// (`--gaz-min N`: WikiANN names seen N times go into the gazetteer, 2
/// by default; 1 measured no better on CoNLL valid and 8× the bytes);
/// (`--crf RATE`: conditional log-likelihood steps of that size, a
/// linear-chain CRF, instead of perceptron steps; `--gaz-extra FILE`: more
/// `key<TAB>TYPE` names beside WikiANN's; both measured no better on CoNLL
/// valid, kept to compare);
/// (`--casing-bbc`: the casing list also mined from the BBC news
/// articles; measured worse on CoNLL valid, kept to compare);
/// (`--pa C`: passive-aggressive steps capped at C instead of the
/// perceptron's unit steps; measured worse on CoNLL valid, kept to compare;
/// `--runs N`: N runs over N document orders, their averaged weights mixed
/// into one model, and each run's valid F1 printed, which is how far one
/// order's luck moves the figures; 1, the default, gives the committed
/// model byte for byte).
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let data = Path::new(&o.data);
    let wikiann = read_conll(&data.join("wikiann-en/train.txt"))?;
    let train_docs = read_conll(&data.join("conll2003/train.txt"))?;
    // names of WikiANN and of CoNLL-2003 train (seen twice, one type 80% of
    // the time); each half of the training documents is trained with the
    // names mined from the other half only, so the tagger learns how far to
    // trust a name list on names it has not seen labelled
    let mut wikiann_gaz = mine_gazetteer(&wikiann, o.gaz_min, "WikiANN English (silver labels from Wikipedia links)");
    if let Some(path) = &o.gaz_extra {
        wikiann_gaz += &std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    let conll_source = "CoNLL-2003 train";
    let half = |parity: usize| -> Vec<Doc> {
        train_docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == parity)
            .map(|(_, d)| Doc { sentences: d.sentences.clone() })
            .collect()
    };
    let from_half = [mine_gazetteer(&half(1), 2, conll_source), mine_gazetteer(&half(0), 2, conll_source)];
    let gazetteer = format!("{wikiann_gaz}{}", mine_gazetteer(&train_docs, 2, conll_source));
    let gaz_path = Path::new(&o.out).with_file_name("gazetteer.tsv");
    if let Some(parent) = gaz_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&gaz_path, &gazetteer).map_err(|e| format!("cannot write {}: {e}", gaz_path.display()))?;
    eprintln!("wrote {} ({} entries)", gaz_path.display(), gazetteer.lines().filter(|l| !l.starts_with('#')).count());
    // WikiANN only: a casing list mined from CoNLL train too made the
    // stripped training copies too easy (valid stripped 0.863 → 0.852)
    let bbc =
        if o.casing_bbc { super::clusters::bbc_docs(&data.join("../unlabeled/bbc-news/news"))? } else { Vec::new() };
    let casing = mine_casing(&[&wikiann, &bbc]);
    let casing_path = gaz_path.with_file_name("casing.txt");
    std::fs::write(&casing_path, &casing).map_err(|e| format!("cannot write {}: {e}", casing_path.display()))?;
    eprintln!("wrote {} ({} words)", casing_path.display(), casing.lines().count() - 1);
    let lexicon = entities::lexicon_from(&gazetteer, &casing);
    let lexicon = &lexicon;
    let half_lexicons = from_half.map(|g| entities::lexicon_from(&format!("{wikiann_gaz}{g}"), &casing));
    let valid = read_conll(&data.join("conll2003/valid.txt"))?;
    let mut extra_docs = Vec::new();
    for e in &o.extra {
        extra_docs.extend(read_conll(Path::new(e))?);
    }
    // examples: every training sentence as written and degraded
    let mut doc_infos: Vec<DocInfo> = Vec::new();
    let mut degraded_docs: Vec<Vec<Vec<(String, String)>>> = Vec::new();
    for d in train_docs.iter().chain(&extra_docs) {
        degraded_docs.push(d.sentences.iter().map(|s| degrade(s)).filter(|s| !s.is_empty()).collect());
    }
    // `--augment N`: N more copies of each document with its names swapped
    // for others of the same type from the training data (half written,
    // half stripped)
    let mut pool = name_pool(&train_docs);
    if o.swap_wikiann {
        pool.extend(name_pool(&wikiann));
    }
    let mut swap_rng: u64 = 0x9e37_79b9_7f4a_7c15;
    let swapped: Vec<Vec<Sentences>> = train_docs
        .iter()
        .chain(&extra_docs)
        .map(|d| {
            (0..o.augment)
                .map(|k| {
                    let copy = swap_names(&d.sentences, &pool, o.swap_rate, &mut swap_rng);
                    if k % 2 == 1 {
                        copy.iter().map(|s| degrade(s)).filter(|s| !s.is_empty()).collect()
                    } else {
                        copy
                    }
                })
                .collect()
        })
        .collect();
    let originals: Vec<&Vec<Vec<(String, String)>>> =
        train_docs.iter().chain(&extra_docs).map(|d| &d.sentences).collect();
    let mut examples: Vec<Example> = Vec::new();
    for (d, ((sents, deg), swaps)) in originals.iter().zip(&degraded_docs).zip(&swapped).enumerate() {
        // a CoNLL document reads the names mined from the other half
        let lexicon = if d < train_docs.len() { half_lexicons.get(d % 2).unwrap_or(lexicon) } else { lexicon };
        for group in [*sents, deg].into_iter().chain(swaps) {
            let di = doc_infos.len();
            doc_infos.push(doc_info(lexicon, group));
            for s in group {
                examples.push(Example {
                    words: words(lexicon, s),
                    gold: s.iter().map(|(_, t)| label_index(t)).collect(),
                    doc: di,
                });
            }
        }
    }
    eprintln!(
        "training on {} sentences ({} documents, half degraded), table 2^{}",
        examples.len(),
        doc_infos.len(),
        o.bits
    );
    // surface forms hashed once; features are built at each step, since the
    // "tagged before in this document" feature reads the tags given so far
    let mut scratch = tagger::Scratch::default();
    let surfaces: Vec<Vec<tagger::Surface>> =
        examples.iter().map(|e| e.words.iter().map(|w| tagger::Surface::of(w.text, &mut scratch)).collect()).collect();
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); doc_infos.len()];
    for (i, e) in examples.iter().enumerate() {
        if let Some(d) = by_doc.get_mut(e.doc) {
            d.push(i);
        }
    }
    // one run of the perceptron over the documents `keep` accepts; the
    // "tagged before" history records `history[example]` where given (tags
    // from a model that never saw the document), else the run's own tags
    let train_run = |doc_infos: &mut [DocInfo],
                     run: usize,
                     keep: &dyn Fn(usize) -> bool,
                     history: &[Vec<usize>]|
     -> Result<Trainer, String> {
        let mut trainer =
            Trainer::new(o.bits).with_aggressiveness(o.pa).with_margin(o.margin).with_miss_cost(o.miss).with_crf(o.crf);
        let mut order: Vec<usize> = (0..by_doc.len()).filter(|d| keep(*d)).collect();
        let mut rng: u64 = 0x2545_f491_4f6c_dd1d ^ (run as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for epoch in 1..=o.epochs {
            // deterministic Fisher–Yates shuffle of the documents (xorshift)
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            let (mut right, mut seen) = (0usize, 0usize);
            for &d in &order {
                // `order` and `by_doc` index the documents, `by_doc` the examples
                let (Some(info), Some(members)) = (doc_infos.get_mut(d), by_doc.get(d)) else { continue };
                info.clear_history();
                for &i in members {
                    let (Some(e), Some(surf)) = (examples.get(i), surfaces.get(i)) else { continue };
                    let ps: Vec<tagger::Parts> =
                        surf.iter().zip(&e.words).map(|(s, w)| tagger::Parts::new(s, w.lex, info)).collect();
                    let pred = trainer.step(&tagger::features_of(&ps, info.uncased, o.bits), &e.gold);
                    right += usize::from(pred == e.gold);
                    seen += 1;
                    info.record(&ps, history.get(i).filter(|h| h.len() == pred.len()).unwrap_or(&pred));
                }
            }
            let model = tagger::Model::from_bytes(&trainer.to_bytes(o.prune))?;
            let f = evaluate(&model, lexicon, &valid, false).f1();
            let fd = evaluate(&model, lexicon, &valid, true).f1();
            eprintln!(
                "run {run} epoch {epoch}: {:.1}% sentences right; valid F1 {f:.4}, degraded {fd:.4}",
                100.0 * right as f64 / seen.max(1) as f64
            );
        }
        Ok(trainer)
    };
    // `--jackknife`: the history of each training document comes from a
    // model trained on the other half of the documents (each source
    // document gave two: as written and stripped), as the history of an
    // unseen article comes from a model that never saw it
    let mut history: Vec<Vec<usize>> = Vec::new();
    if o.jackknife {
        history = vec![Vec::new(); examples.len()];
        for half in 0..2usize {
            let t = train_run(&mut doc_infos, 0, &|d: usize| (d / 2) % 2 != half, &[])?;
            let model = tagger::Model::from_bytes(&t.to_bytes(o.prune))?;
            for (d, members) in by_doc.iter().enumerate().filter(|(d, _)| (d / 2) % 2 == half) {
                let Some(info) = doc_infos.get_mut(d) else { continue };
                info.clear_history();
                for &i in members {
                    let (Some(e), Some(surf)) = (examples.get(i), surfaces.get(i)) else { continue };
                    let ps: Vec<tagger::Parts> =
                        surf.iter().zip(&e.words).map(|(s, w)| tagger::Parts::new(s, w.lex, info)).collect();
                    let tags = model.tag_parts(&ps, info.uncased);
                    info.record(&ps, &tags);
                    if let Some(h) = history.get_mut(i) {
                        *h = tags;
                    }
                }
            }
        }
    }
    // `--runs N`: N perceptrons over N orders of the documents, their
    // averaged weights mixed into one (parameter mixing)
    let mut trainers: Vec<Trainer> = Vec::new();
    for run in 0..o.runs.max(1) {
        trainers.push(train_run(&mut doc_infos, run, &|_| true, &history)?);
    }
    let trainer = Trainer::mix(&trainers).ok_or("no training run")?;
    if trainers.len() > 1 {
        let model = tagger::Model::from_bytes(&trainer.to_bytes(o.prune))?;
        let f = evaluate(&model, lexicon, &valid, false).f1();
        let fd = evaluate(&model, lexicon, &valid, true).f1();
        eprintln!("{} runs mixed: valid F1 {f:.4}, degraded {fd:.4}", trainers.len());
    }
    let bytes = trainer.to_bytes(o.prune);
    if let Some(parent) = Path::new(&o.out).parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&o.out, &bytes).map_err(|e| format!("cannot write {}: {e}", o.out))?;
    eprintln!("wrote {} ({} bytes)", o.out, bytes.len());
    let _ = N_LABELS;
    Ok(())
}

/// `corroborate eval-ner [--data DIR] [--model FILE]`: per-type P/R/F1 on
/// CoNLL-2003 valid (as is and degraded like a stripped wire copy) and on
/// wikigold.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let data = Path::new(&o.data);
    let given = args.iter().any(|a| a == "--model" || a == "--out");
    let model = if given {
        tagger::Model::from_bytes(&std::fs::read(&o.out).map_err(|e| format!("cannot read {}: {e}", o.out))?)?
    } else {
        entities::model().clone()
    };
    // a model given by path is read with the gazetteer and casing list that
    // train-ner wrote beside it
    let beside = |name: &str| std::fs::read_to_string(Path::new(&o.out).with_file_name(name)).ok();
    let own;
    let lexicon = match (given, beside("gazetteer.tsv"), beside("casing.txt")) {
        (true, Some(g), Some(c)) => {
            own = entities::lexicon_from(&g, &c);
            &own
        }
        _ => entities::lexicon(),
    };
    // (name, file or folder, stripped, GUM's gold)
    let sets: [(&str, &str, bool, bool); 4] = [
        ("CoNLL-2003 valid, as is", "conll2003/valid.txt", false, false),
        ("CoNLL-2003 valid, stripped like seed 000", "conll2003/valid.txt", true, false),
        ("wikigold (held out)", "wikigold/wikigold.conll.txt", false, false),
        ("GUM news (held out; named mentions of people, places, organizations)", "gum-news", false, true),
    ];
    for (name, file, degraded, gum) in sets {
        let path = data.join(file);
        let docs = if path.is_dir() { read_conll_dir(&path)? } else { read_conll(&path)? };
        let score = evaluate_voting(&model, lexicon, &docs, degraded, gum, o.vote);
        println!(
            "{name}\n{}  kinds confused (rows gold, columns said; '-' no chunk)\n{}  errors by class\n{}",
            score.table(),
            score.confusion_table(),
            score.error_table()
        );
    }
    // CoNLL-2003 test, where a copy is at hand (held back from this repository's data)
    let test = data.join("conll2003/test.txt");
    if test.exists() {
        let docs = read_conll(&test)?;
        for (name, degraded) in
            [("CoNLL-2003 test (held out), as is", false), ("CoNLL-2003 test (held out), stripped", true)]
        {
            println!("{name}\n{}", evaluate(&model, lexicon, &docs, degraded).table());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(s: &str) -> Vec<(String, String)> {
        s.split_whitespace()
            .map(|p| {
                let (t, g) = p.rsplit_once('/').unwrap_or((p, "O"));
                (t.to_string(), g.to_string())
            })
            .collect()
    }

    #[test]
    fn swapped_names_keep_their_type_and_stay_one_name_per_document() {
        let pool =
            name_pool(&[Doc { sentences: vec![sent("Anna/B-PER Berg/I-PER visited Oslo/B-LOC for Acme/B-ORG")] }]);
        assert_eq!(pool.len(), 3);
        let doc = vec![
            sent("Trump/B-PER met Putin/B-PER in Paris/B-LOC ./O"),
            sent("Trump/B-PER praised the/O Olympics/B-MISC ./O"),
        ];
        let mut rng = 7;
        let out = swap_names(&doc, &pool, 1.0, &mut rng);
        let words = |s: &[(String, String)]| s.iter().map(|(w, t)| format!("{w}/{t}")).collect::<Vec<_>>().join(" ");
        // (sentence, what it must read); one PER in the pool, so both people become her
        let cases = [
            (0, "Anna/B-PER Berg/I-PER met/O Anna/B-PER Berg/I-PER in/O Oslo/B-LOC ./O"),
            (1, "Anna/B-PER Berg/I-PER praised/O the/O Olympics/B-MISC ./O"),
        ];
        for (i, want) in cases {
            assert_eq!(words(out.get(i).map(Vec::as_slice).unwrap_or_default()), want, "sentence {i}");
        }
        // rate 0: the document unchanged
        assert_eq!(swap_names(&doc, &pool, 0.0, &mut rng), doc);
    }

    #[test]
    fn strips_like_seed_000() {
        // (sentence with gold tags, the stripped copy)
        let cases = [
            ("U.S./B-LOC President/O", "u/B-LOC s/I-LOC president/O"),
            ("Bashar/B-PER al-Assad/I-PER said/O", "bashar/B-PER al/I-PER assad/I-PER said/O"),
            ("1,200/O troops/O", "troops/O"),
            // the B- token vanished: the next piece of the entity begins it
            ("\"/B-MISC Cup/I-MISC Final/I-MISC", "cup/B-MISC final/I-MISC"),
            ("1996/B-MISC Olympics/I-MISC", "olympics/B-MISC"),
            // a whole entity vanished: the next one keeps its own tags
            ("1996/B-MISC ,/O Paris/B-LOC", "paris/B-LOC"),
            // a vanished B- does not pass to another entity
            ("(/B-ORG Reuters/B-LOC", "reuters/B-LOC"),
            ("F-16s/B-MISC jets/O", "f/B-MISC s/I-MISC jets/O"),
            ("rock'n'roll/O", "rock/O n/O roll/O"),
            ("4-year-old/O Smith/B-PER", "year/O old/O smith/B-PER"),
            ("under_score/O", "under/O score/O"),
            ("Müller/B-PER", "müller/B-PER"),
        ];
        for (input, want) in cases {
            let got: Vec<String> = degrade(&sent(input)).iter().map(|(t, g)| format!("{t}/{g}")).collect();
            assert_eq!(got.join(" "), want, "{input}");
        }
    }

    #[test]
    fn errors_by_class() {
        // (gold tags, predicted tags, errors per class: kind, boundary,
        // boundary and kind, missed, spurious)
        let cases: [(&str, &str, [usize; 5]); 7] = [
            ("B-PER I-PER O", "B-PER I-PER O", [0, 0, 0, 0, 0]),
            ("B-PER I-PER O", "B-LOC I-LOC O", [1, 0, 0, 0, 0]),
            ("B-ORG I-ORG O", "B-ORG O O", [0, 1, 0, 0, 0]),
            ("B-ORG I-ORG O", "O B-LOC I-LOC", [0, 0, 1, 0, 0]),
            ("B-ORG O O", "O O O", [0, 0, 0, 1, 0]),
            ("O O O", "O B-MISC O", [0, 0, 0, 0, 1]),
            ("B-PER O B-LOC", "B-PER I-PER I-PER", [0, 1, 1, 0, 0]),
        ];
        for (gold, pred, want) in cases {
            let mut s = Score::default();
            let g: Vec<&str> = gold.split(' ').collect();
            let p: Vec<&str> = pred.split(' ').collect();
            s.add(&g, &p);
            assert_eq!(s.errors, want, "{gold} / {pred}");
        }
    }

    #[test]
    fn one_kind_per_name_in_a_document() {
        // (sentences with predicted tags, the tags after the vote)
        let cases = [
            // two against one: the odd one out takes the majority's kind
            (
                "Lazio/B-ORG won/O ./O | Lazio/B-ORG lost/O | Lazio/B-LOC drew/O",
                "B-ORG O O | B-ORG O | B-ORG O",
            ),
            // a tie changes nothing
            ("New/B-LOC York/I-LOC | New/B-ORG York/I-ORG", "B-LOC I-LOC | B-ORG I-ORG"),
            // other words, other names: nothing to vote on
            ("Paris/B-LOC | Paris/B-LOC Hilton/I-LOC | Hilton/B-PER", "B-LOC | B-LOC I-LOC | B-PER"),
            // case does not matter; a multi-word name is relabelled whole
            (
                "bank/B-ORG of/I-ORG england/I-ORG | Bank/B-ORG of/I-ORG England/I-ORG | Bank/B-LOC of/I-LOC England/I-LOC",
                "B-ORG I-ORG I-ORG | B-ORG I-ORG I-ORG | B-ORG I-ORG I-ORG",
            ),
        ];
        for (input, want) in cases {
            let sents: Vec<Vec<(String, String)>> = input.split(" | ").map(sent).collect();
            let mut tags: Vec<Vec<usize>> =
                sents.iter().map(|s| s.iter().map(|(_, t)| label_index(t)).collect()).collect();
            vote_kinds(&sents, &mut tags);
            let got: Vec<String> = tags
                .iter()
                .map(|t| t.iter().map(|&i| LABELS.get(i).copied().unwrap_or("?")).collect::<Vec<_>>().join(" "))
                .collect();
            assert_eq!(got.join(" | "), want, "{input}");
        }
    }
}
