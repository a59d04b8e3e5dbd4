//! A deterministic benchmark corpus with planted reuse, and its scoring.
//!
//! Stories are written by a word-bigram chain trained on the texts it is
//! given (the project's own fixtures; the BBC News compilation of
//! `../shared` when present), so every story is new text and two unrelated
//! stories share no more than the common phrases of the language. Each wire
//! story is then rewritten the ways outlets rewrite:
//!
//! - `rewrite`: paragraphs dropped and moved, words substituted, sometimes an
//!   outlet's own paragraph added;
//! - `stripped`: a copy or rewrite lowercased, digits deleted, punctuation
//!   turned into spaces (what scrapers and feed readers leave);
//! - `partial`: one to three paragraphs of the story inside an outlet's own
//!   article;
//! - `verbatim`: the story syndicated unchanged.
//!
//! Unrelated articles (chain text only) make up the rest. The truth records,
//! for every pair that shares planted text, the share of each article's
//! words that come from sentences both hold, and who copied whom when one is
//! the wire story.

use super::{CorpusArticle, PairRow};
use rustc_hash::{FxHashMap, FxHashSet};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenOptions {
    /// Number of articles.
    pub articles: usize,
    /// Seed: the same seed and sources give the same corpus, byte for byte.
    pub seed: u64,
    /// Typical length of an article in words.
    pub words: usize,
    /// Share of articles unrelated to any other.
    pub unrelated: f64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions { articles: 1000, seed: 1, words: 500, unrelated: 0.3 }
    }
}

/// A pair of articles that share planted text.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthRow {
    /// First article (earlier in the corpus).
    pub a: String,
    /// Second article.
    pub b: String,
    /// Share of `a`'s words from sentences `b` also holds.
    pub containment_a: f64,
    /// Share of `b`'s words from sentences `a` also holds.
    pub containment_b: f64,
    /// The copier when one of them is the wire story (empty for two copies
    /// of one story).
    pub copier: String,
    /// How the copy (or the later copy) was made: `rewrite`, `stripped`,
    /// `partial`, `verbatim`.
    pub kind: String,
}

impl TruthRow {
    /// The larger of the two containments.
    pub fn max_containment(&self) -> f64 {
        self.containment_a.max(self.containment_b)
    }
}

/// A generated corpus and its truth.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// The articles, in order.
    pub articles: Vec<CorpusArticle>,
    /// Every pair sharing planted text.
    pub truth: Vec<TruthRow>,
}

impl Generated {
    /// The truth as CSV (`a,b,containment_a,containment_b,copier,kind`).
    pub fn truth_csv(&self) -> String {
        let mut s = String::from("a,b,containment_a,containment_b,copier,kind\n");
        for t in &self.truth {
            s.push_str(&format!(
                "{},{},{:.4},{:.4},{},{}\n",
                t.a, t.b, t.containment_a, t.containment_b, t.copier, t.kind
            ));
        }
        s
    }

    /// Reads the truth back from [`Generated::truth_csv`]'s format.
    ///
    /// # Errors
    ///
    /// A message naming the first malformed line.
    pub fn parse_truth(csv: &str) -> Result<Vec<TruthRow>, String> {
        let mut out = Vec::new();
        for (k, r) in
            super::tables::parse_csv(csv.as_bytes()).map_err(|e| e.to_string())?.into_iter().enumerate().skip(1)
        {
            if r.len() == 1 {
                continue;
            }
            let [a, b, ca, cb, copier, kind] = r.as_slice() else {
                return Err(format!("truth line {}: expected 6 fields, found {}", k + 1, r.len()));
            };
            let num = |s: &str| s.parse::<f64>().map_err(|_| format!("truth line {}: {s:?} is not a number", k + 1));
            out.push(TruthRow {
                a: a.clone(),
                b: b.clone(),
                containment_a: num(ca)?,
                containment_b: num(cb)?,
                copier: copier.clone(),
                kind: kind.clone(),
            });
        }
        Ok(out)
    }
}

/// splitmix64 as a small deterministic generator (no platform randomness).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
    /// Uniform in `0..n` (0 for `n == 0`).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A word-bigram chain over whitespace-separated words.
struct Chain {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
}

fn ends_sentence(w: &str) -> bool {
    w.ends_with(['.', '!', '?']) || w.ends_with(".\"") || w.ends_with("?\"")
}

impl Chain {
    fn train(texts: &[String]) -> Chain {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut words: Vec<String> = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts: Vec<u32> = Vec::new();
        for t in texts {
            let mut prev: Option<u32> = None;
            let mut at_start = true;
            for w in t.split_whitespace() {
                let id = *ids.entry(w).or_insert_with(|| {
                    words.push(w.to_string());
                    next.push(Vec::new());
                    (words.len() - 1) as u32
                });
                if at_start && w.chars().next().is_some_and(char::is_uppercase) {
                    starts.push(id);
                }
                if let Some(p) = prev.and_then(|p| next.get_mut(p as usize)) {
                    p.push(id);
                }
                at_start = ends_sentence(w);
                prev = Some(id);
            }
        }
        if words.is_empty() {
            words.push("Nothing.".to_string());
            next.push(Vec::new());
        }
        if starts.is_empty() {
            starts.push(0);
        }
        Chain { words, next, starts }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let mut id = self.starts.get(rng.below(self.starts.len())).copied().unwrap_or(0);
        let mut out: Vec<&str> = Vec::new();
        loop {
            let w = self.words.get(id as usize).map_or("", String::as_str);
            out.push(w);
            if (ends_sentence(w) && out.len() >= 6) || out.len() >= 32 {
                break;
            }
            let Some(succ) = self.next.get(id as usize).filter(|s| !s.is_empty()) else { break };
            id = succ.get(rng.below(succ.len())).copied().unwrap_or(0);
        }
        let mut s = out.join(" ");
        if !ends_sentence(&s) {
            s.push('.');
        }
        s
    }
}

/// One sentence of an article: its text and, for planted text, the story
/// sentence it comes from.
#[derive(Clone)]
struct Unit {
    origin: Option<u32>,
    text: String,
}

type Paragraph = Vec<Unit>;

/// Pairs of words an outlet swaps for each other.
const SUBSTITUTES: &[(&str, &str)] = &[
    ("said", "stated"),
    ("told", "informed"),
    ("killed", "left dead"),
    ("people", "residents"),
    ("government", "administration"),
    ("announced", "revealed"),
    ("big", "large"),
    ("started", "began"),
    ("help", "assist"),
    ("about", "around"),
    ("because", "as"),
    ("however", "but"),
    ("also", "additionally"),
    ("new", "fresh"),
    ("show", "reveal"),
    ("week", "seven days"),
    ("increase", "rise"),
    ("buy", "purchase"),
    ("after", "following"),
    ("many", "numerous"),
];

fn substitute(text: &str, rate: f64, chain: &Chain, rng: &mut Rng) -> String {
    text.split(' ')
        .map(|w| {
            if !rng.chance(rate) {
                return w.to_string();
            }
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            let tail = w.get(bare.len()..).unwrap_or("");
            if let Some((_, s)) = SUBSTITUTES.iter().find(|(x, _)| *x == bare) {
                return format!("{s}{tail}");
            }
            // an outlet's own word choice: any word of the chain
            let other = chain.words.get(rng.below(chain.words.len())).map_or("", String::as_str);
            let other = other.trim_end_matches(|c: char| !c.is_alphanumeric());
            format!("{other}{tail}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_digit())
        .map(|c| if c.is_ascii_punctuation() { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn own_paragraph(chain: &Chain, rng: &mut Rng) -> Paragraph {
    (0..2 + rng.below(3)).map(|_| Unit { origin: None, text: chain.sentence(rng) }).collect()
}

fn words_of(p: &[Paragraph]) -> usize {
    p.iter().flatten().map(|u| u.text.split_whitespace().count()).sum()
}

/// Paragraphs of about `words` words of chain text.
fn story(chain: &Chain, words: usize, rng: &mut Rng) -> Vec<Paragraph> {
    let target = words * (70 + rng.below(61)) / 100;
    let mut ps: Vec<Paragraph> = Vec::new();
    while words_of(&ps) < target.max(1) {
        ps.push(own_paragraph(chain, rng));
    }
    ps
}

/// One generated article before it is put into text.
struct Draft {
    story: Option<usize>,
    kind: &'static str,
    paragraphs: Vec<Paragraph>,
    stripped: bool,
    source: String,
    date: Option<String>,
}

fn date(day: usize) -> String {
    // days from 2024-01-01 over years of 12 months of 30 days (enough for
    // ordering; a copy dated after the 360th day goes into 2025)
    format!("{}-{:02}-{:02}", 2024 + day / 360, 1 + (day / 30) % 12, 1 + day % 30)
}

/// Generates a corpus from `sources` (the texts the sentence chain learns
/// from).
///
/// ```
/// use corroborate::corpus::{generate, GenOptions};
/// let text = "The council met on Monday. The mayor said the budget was late. Workers said the port was closed.".repeat(20);
/// let g = generate(&[text], &GenOptions { articles: 40, seed: 7, words: 120, unrelated: 0.3 });
/// assert_eq!(g.articles.len(), 40);
/// assert!(!g.truth.is_empty());
/// ```
pub fn generate(sources: &[String], options: &GenOptions) -> Generated {
    let chain = Chain::train(sources);
    let mut rng = Rng(options.seed ^ 0xc0ff_ee00_d15e_a5e5);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut stories: Vec<Vec<Paragraph>> = Vec::new();
    let mut next_origin = 0u32;
    while drafts.len() < options.articles {
        let day = rng.below(360);
        if rng.chance(options.unrelated) {
            drafts.push(Draft {
                story: None,
                kind: "unrelated",
                paragraphs: story(&chain, options.words, &mut rng),
                stripped: false,
                source: format!("outlet-{}", rng.below(40)),
                date: rng.chance(0.9).then(|| date(day)),
            });
            continue;
        }
        let mut ps = story(&chain, options.words, &mut rng);
        for u in ps.iter_mut().flatten() {
            u.origin = Some(next_origin);
            next_origin += 1;
        }
        let s = stories.len();
        stories.push(ps.clone());
        drafts.push(Draft {
            story: Some(s),
            kind: "wire",
            paragraphs: ps.clone(),
            stripped: false,
            source: format!("wire-{}", rng.below(3)),
            date: Some(date(day)),
        });
        let copies = [0, 1, 1, 2, 2, 3, 3, 4, 5].get(rng.below(9)).copied().unwrap_or(1);
        for _ in 0..copies {
            if drafts.len() >= options.articles {
                break;
            }
            let roll = rng.below(100);
            let kind = match roll {
                0..=39 => "rewrite",
                40..=59 => "stripped",
                60..=89 => "partial",
                _ => "verbatim",
            };
            let paragraphs = match kind {
                "partial" => {
                    let k = 1 + rng.below(3.min(ps.len()));
                    let at = rng.below(ps.len() + 1 - k);
                    let mut own = story(&chain, options.words * 3 / 4, &mut rng);
                    let taken: Vec<Paragraph> = ps.iter().skip(at).take(k).cloned().collect();
                    let pos = rng.below(own.len() + 1);
                    own.splice(pos..pos, taken);
                    own
                }
                "verbatim" => ps.clone(),
                _ => {
                    let mut kept: Vec<Paragraph> = ps
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i == 0 || !rng.chance(0.25))
                        .map(|(_, p)| p.clone())
                        .collect();
                    if kept.len() > 2 && rng.chance(0.6) {
                        let x = 1 + rng.below(kept.len() - 1);
                        let y = 1 + rng.below(kept.len() - 1);
                        kept.swap(x, y);
                    }
                    for u in kept.iter_mut().flatten() {
                        u.text = substitute(&u.text, 0.05, &chain, &mut rng);
                    }
                    if rng.chance(0.5) {
                        let p = own_paragraph(&chain, &mut rng);
                        kept.push(p);
                    }
                    kept
                }
            };
            let late = if rng.chance(0.4) { 0 } else { 1 + rng.below(3) };
            drafts.push(Draft {
                story: Some(s),
                kind,
                paragraphs,
                stripped: kind == "stripped",
                source: format!("outlet-{}", rng.below(40)),
                date: rng.chance(0.9).then(|| date(day + late)),
            });
        }
    }
    let articles: Vec<CorpusArticle> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let text = d
                .paragraphs
                .iter()
                .map(|p| p.iter().map(|u| u.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
            let text = if d.stripped { strip(&text) } else { text };
            CorpusArticle { id: format!("g{i:07}"), source: d.source.clone(), date: d.date.clone(), text }
        })
        .collect();
    // truth: pairs of one story sharing planted sentences
    let mut by_story: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        if let Some(s) = d.story {
            by_story.entry(s).or_default().push(i);
        }
    }
    let origins: Vec<FxHashSet<u32>> =
        drafts.iter().map(|d| d.paragraphs.iter().flatten().filter_map(|u| u.origin).collect()).collect();
    let words = |d: &Draft, other: &FxHashSet<u32>| -> (usize, usize) {
        let units = || d.paragraphs.iter().flatten();
        let count = |u: &Unit| {
            if d.stripped {
                strip(&u.text).split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
            } else {
                u.text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
            }
        };
        let total = units().map(count).sum();
        let shared = units().filter(|u| u.origin.is_some_and(|o| other.contains(&o))).map(count).sum();
        (shared, total)
    };
    let mut truth = Vec::new();
    let mut keys: Vec<usize> = by_story.keys().copied().collect();
    keys.sort_unstable();
    for s in keys {
        let members = by_story.get(&s).cloned().unwrap_or_default();
        for (x, &i) in members.iter().enumerate() {
            for &j in members.get(x + 1..).unwrap_or_default() {
                let (Some(di), Some(dj), Some(oi), Some(oj)) =
                    (drafts.get(i), drafts.get(j), origins.get(i), origins.get(j))
                else {
                    continue;
                };
                let (si, ti) = words(di, oj);
                let (sj, tj) = words(dj, oi);
                if si == 0 && sj == 0 {
                    continue;
                }
                let id = |k: usize| articles.get(k).map_or(String::new(), |a| a.id.clone());
                let copier = if di.kind == "wire" { id(j) } else { String::new() };
                truth.push(TruthRow {
                    a: id(i),
                    b: id(j),
                    containment_a: si as f64 / ti.max(1) as f64,
                    containment_b: sj as f64 / tj.max(1) as f64,
                    copier,
                    kind: dj.kind.to_string(),
                });
            }
        }
    }
    Generated { articles, truth }
}

/// Recall and precision of a corpus run against the planted truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Smallest planted (larger-side) containment counted.
    pub min_containment: f64,
    /// Planted pairs at or over `min_containment`.
    pub planted: usize,
    /// Of those, pairs the run reported (any containment).
    pub found: usize,
    /// `found / planted`.
    pub recall: f64,
    /// Reported pairs whose measured containment is at or over
    /// `min_containment`.
    pub reported: usize,
    /// Of those, pairs that share planted text.
    pub correct: usize,
    /// `correct / reported`.
    pub precision: f64,
    /// Planted pairs missed, per kind of copy.
    pub missed_by_kind: Vec<(String, usize)>,
    /// Wire → copy pairs found whose provenance edge points the planted way,
    /// over those found with a decided direction (date or containment).
    pub direction_correct: usize,
    /// Found wire → copy pairs with a decided direction.
    pub direction_decided: usize,
}

/// Scores `pairs` (a run's output) against `truth`. `directions` maps each
/// reported pair `(a, b)` to the copier named by its provenance edge (when
/// the direction was decided).
pub fn evaluate(
    truth: &[TruthRow],
    pairs: &[PairRow],
    directions: &std::collections::HashMap<(String, String), String>,
    min_containment: f64,
) -> Evaluation {
    let key = |a: &str, b: &str| if a <= b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) };
    let found_set: FxHashSet<(String, String)> = pairs.iter().map(|p| key(&p.a, &p.b)).collect();
    let truth_set: FxHashSet<(String, String)> = truth.iter().map(|t| key(&t.a, &t.b)).collect();
    let mut planted = 0;
    let mut found = 0;
    let mut missed: FxHashMap<String, usize> = FxHashMap::default();
    let mut direction_correct = 0;
    let mut direction_decided = 0;
    for t in truth.iter().filter(|t| t.max_containment() >= min_containment) {
        planted += 1;
        let k = key(&t.a, &t.b);
        if found_set.contains(&k) {
            found += 1;
            if !t.copier.is_empty() {
                if let Some(c) = directions.get(&k) {
                    direction_decided += 1;
                    if *c == t.copier {
                        direction_correct += 1;
                    }
                }
            }
        } else {
            *missed.entry(t.kind.clone()).or_default() += 1;
        }
    }
    let reported: Vec<&PairRow> = pairs.iter().filter(|p| p.max_containment() >= min_containment).collect();
    let correct = reported.iter().filter(|p| truth_set.contains(&key(&p.a, &p.b))).count();
    let mut missed_by_kind: Vec<(String, usize)> = missed.into_iter().collect();
    missed_by_kind.sort();
    let ratio = |x: usize, n: usize| if n == 0 { 1.0 } else { x as f64 / n as f64 };
    Evaluation {
        min_containment,
        planted,
        found,
        recall: ratio(found, planted),
        reported: reported.len(),
        correct,
        precision: ratio(correct, reported.len()),
        missed_by_kind,
        direction_correct,
        direction_decided,
    }
}
