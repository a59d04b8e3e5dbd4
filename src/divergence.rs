//! Source divergence: what only one source says, what was re-worded inside
//! shared passages, which facts disagree and which names or sources only one
//! article has.
//!
//! Built on the entity and reuse stages: [`find`] reads the aligned
//! passages (their substitutions, insertions and deletions), the sentences
//! no other article covers, and the canonical entities with their mentions.
//! Every finding becomes a [`crate::Divergence`] with a kind, a severity, a
//! span in the original text, the other articles involved and a sentence
//! written for a reader, not for an engineer.
//!
//! Kinds:
//! - `unique`: sentences no other article supports, neither by a shared
//!   passage nor by a sentence carrying the same content (a paraphrase is not
//!   unique);
//! - `framing`: words changed inside a shared passage in a way that changes
//!   how the story reads ("president" → "regime leader", "islamist" dropped);
//! - `format`: the same thing written differently (an alias, a spelling
//!   variant, digits stripped from a degraded copy, a re-phrasing with the
//!   same words);
//! - `omission`: a clause or sentence dropped from, or added to, text two
//!   articles otherwise share;
//! - `fact`: numbers and dates about the same thing, labelled agrees,
//!   compatible or conflicts;
//! - `coverage`: people, organizations, places and quoted sources only one
//!   article has;
//! - `attribution`: the same statement attributed to different sources in
//!   different articles.

use crate::entities::{Canonical, Found};
use crate::overlap::{idf, is_function_word, Match, Op, Stream};
use crate::report::{EntityKind, Severity};
use crate::tokens::{Sentence, Tok, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// A divergence before offsets are converted: byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// `unique`, `framing`, `format`, `omission`, `fact` or `coverage`.
    pub kind: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// Article index.
    pub article: usize,
    /// Byte start in the original.
    pub start: usize,
    /// Byte end in the original.
    pub end: usize,
    /// Other article indices involved.
    pub others: Vec<usize>,
    /// The other side's wording, when there is one.
    pub counterpart: Option<String>,
    /// For facts: `agrees`, `compatible` or `conflicts`.
    pub relation: Option<&'static str>,
    /// One sentence for a reader.
    pub explanation: String,
}

/// One article as divergence reads it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Tok<'a>],
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its matching stream.
    pub stream: &'a Stream,
    /// Its label.
    pub label: &'a str,
    /// True when the copy lost its digits (a stripped dump).
    pub no_digits: bool,
}

/// Everything divergence reads.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The articles.
    pub articles: &'a [Article<'a>],
    /// Passages of each pair `(a, b)`, `a < b`, seen from `a`.
    pub matches: &'a BTreeMap<(usize, usize), Vec<Match>>,
    /// `shared[a * n + b]`: words of `a` in passages shared with `b`.
    pub shared: &'a [usize],
    /// For each article's stream position: shared with any other article.
    pub any_cover: &'a [Vec<bool>],
    /// Canonical entities with their mentions.
    pub canon: &'a [Canonical],
}

/// Finds every divergence between the articles, most severe first.
pub fn find(ctx: &Context) -> Vec<Finding> {
    let n = ctx.articles.len();
    if n < 2 {
        return Vec::new();
    }
    let ents = EntityIndex::new(ctx);
    // every sentence's content stems with their weights, read by the unique
    // and attribution passes
    let terms: Vec<Vec<Terms>> =
        ctx.articles.iter().map(|d| d.sentences.iter().map(|s| sentence_terms(d, s)).collect()).collect();
    let index = SentenceIndex::new(&terms);
    let mut out = Vec::new();
    out.extend(wording(ctx, &ents));
    out.extend(dropped_sentences(ctx, &ents));
    out.extend(unique(ctx, &terms, &index));
    out.extend(coverage(ctx));
    out.extend(attributions(ctx, &ents, &terms, &index));
    out.extend(facts(ctx, &ents));
    out.sort_by(|x, y| {
        y.severity
            .cmp(&x.severity)
            .then(x.article.cmp(&y.article))
            .then(x.start.cmp(&y.start))
            .then(x.end.cmp(&y.end))
            .then(x.kind.cmp(y.kind))
            .then(x.others.cmp(&y.others))
    });
    out.dedup_by(|x, y| {
        x.article == y.article && x.start == y.start && x.end == y.end && x.kind == y.kind && x.others == y.others
    });
    out
}

/// Which canonical entity each token belongs to, and each article's
/// numbers and dates.
struct EntityIndex<'a> {
    /// Per article: token index → canonical entity of a named kind.
    named: Vec<FxHashMap<usize, u32>>,
    /// Per article: numbers and dates.
    values: Vec<Vec<&'a Found>>,
}

fn is_named(k: EntityKind) -> bool {
    !matches!(k, EntityKind::Number | EntityKind::Date)
}

impl<'a> EntityIndex<'a> {
    fn new(ctx: &Context<'a>) -> EntityIndex<'a> {
        let n = ctx.articles.len();
        let mut named = vec![FxHashMap::default(); n];
        let mut values = vec![Vec::new(); n];
        for (id, c) in ctx.canon.iter().enumerate() {
            for (a, f) in &c.mentions {
                let Some(slot) = named.get_mut(*a) else { continue };
                if is_named(c.kind) {
                    for t in f.tokens.clone() {
                        slot.insert(t, id as u32);
                    }
                } else if let Some(v) = values.get_mut(*a) {
                    v.push(f);
                }
            }
        }
        for v in &mut values {
            v.sort_by_key(|f| f.start);
        }
        EntityIndex { named, values }
    }

    /// The named entities that tokens `range` of article `a` mention.
    fn ids(&self, a: usize, tokens: impl Iterator<Item = usize>) -> FxHashSet<u32> {
        let Some(m) = self.named.get(a) else { return FxHashSet::default() };
        tokens.filter_map(|t| m.get(&t).copied()).collect()
    }
}

/// A crude English stem: enough to see that "prompted" and "prompting", or
/// "civilians" and "civilian", are one word.
///
/// ```
/// use corroborate::divergence::stem;
/// assert_eq!(stem("prompting"), stem("prompted"));
/// assert_eq!(stem("civilians"), "civilian");
/// ```
pub fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    for suf in ["ings", "ing", "ies", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.chars().count() >= 4 {
                return if suf == "ies" { format!("{s}y") } else { s.to_string() };
            }
        }
    }
    w
}

/// How a word change inside a shared passage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Same thing, other spelling: case, digits lost, alias, spelling variant.
    Format,
    /// Different words that change how the story reads.
    Framing,
    /// Words present on one side only.
    Omission,
}

/// Classifies a substitution `a → b` (lowercase words) inside a shared
/// passage by its words alone (aliases the entity stage merged are caught
/// before this).
///
/// ```
/// use corroborate::divergence::{classify, Change};
/// assert_eq!(classify("russia", "russian federation"), Change::Format);
/// assert_eq!(classify("programs", "programmes"), Change::Format);
/// assert_eq!(classify("president", "regime leader"), Change::Framing);
/// assert_eq!(classify("islamist", ""), Change::Omission);
/// ```
pub fn classify(a: &str, b: &str) -> Change {
    let a = a.trim();
    let b = b.trim();
    if a.is_empty() || b.is_empty() {
        return Change::Omission;
    }
    let strip = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let (sa, sb) = (strip(a), strip(b));
    if sa == sb {
        return Change::Format;
    }
    const SAME: &[&[&str]] = &[
        &["us", "usa", "united states", "america", "united states of america", "u s"],
        &["russia", "russian federation"],
        &["uk", "britain", "united kingdom", "great britain"],
        &["un", "united nations"],
        &["eu", "european union"],
    ];
    if SAME.iter().any(|set| set.contains(&a) && set.contains(&b)) {
        return Change::Format;
    }
    // spelling variants: programs/programmes, color/colour, -ize/-ise
    let fold = |s: &str| {
        s.replace("mme", "m").replace("our", "or").replace("ise", "ize").replace("yse", "yze").replace("tre", "ter")
    };
    if fold(&sa) == fold(&sb) {
        return Change::Format;
    }
    // one name in two forms: russia/russian, syria/syrian
    let (short, long) = if sa.len() <= sb.len() { (&sa, &sb) } else { (&sb, &sa) };
    if !a.contains(' ')
        && !b.contains(' ')
        && short.len() >= 4
        && long.starts_with(short.as_str())
        && long.len() - short.len() <= 2
    {
        return Change::Format;
    }
    Change::Framing
}

/// Label list such as "B and C" or "B, C and D".
pub fn join_labels(labels: &[String]) -> String {
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {}", rest.join(", "), last),
    }
}

/// Byte span of stream positions `s..e` of an article.
fn stream_span(d: &Article, s: usize, e: usize) -> Option<(usize, usize)> {
    let st = d.tokens.get(*d.stream.tokens.get(s)?)?.start;
    let en = d.tokens.get(*d.stream.tokens.get(e.checked_sub(1)?)?)?.end;
    Some((st, en))
}

fn slice<'t>(d: &Article<'t>, span: Option<(usize, usize)>) -> &'t str {
    span.and_then(|(s, e)| d.text.get(s..e)).unwrap_or("")
}

/// Words changed inside shared passages, classified.
fn wording(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&(a, b), ms) in ctx.matches {
        let (Some(da), Some(db)) = (ctx.articles.get(a), ctx.articles.get(b)) else { continue };
        for m in ms {
            for op in &m.ops {
                let Op::Diff { i0, i1, j0, j1 } = *op else { continue };
                if let Some(f) = one_change(ents, (a, da, i0, i1), (b, db, j0, j1)) {
                    out.extend(f);
                }
            }
        }
    }
    out
}

type Side<'s, 'a> = (usize, &'s Article<'a>, usize, usize);

/// The findings of one `Diff` inside a passage.
fn one_change(ents: &EntityIndex, sa: Side, sb: Side) -> Option<Vec<Finding>> {
    let (a, da, i0, i1) = sa;
    let (b, db, j0, j1) = sb;
    let norms = |d: &Article, s: usize, e: usize| -> Vec<String> {
        (s..e)
            .filter_map(|k| d.stream.tokens.get(k).and_then(|&t| d.tokens.get(t)))
            .map(|t| t.norm.to_string())
            .collect()
    };
    let (wa, wb) = (norms(da, i0, i1), norms(db, j0, j1));
    let content =
        |w: &[String]| w.iter().filter(|x| !is_function_word(x) && x.chars().count() > 1).cloned().collect::<Vec<_>>();
    let (ca, cb) = (content(&wa), content(&wb));
    let span_a = if i1 > i0 { stream_span(da, i0, i1) } else { None };
    let span_b = if j1 > j0 { stream_span(db, j0, j1) } else { None };
    let (ta, tb) = (slice(da, span_a), slice(db, span_b));
    let (la, lb) = (da.label, db.label);
    let toks = |d: &Article, s: usize, e: usize| -> Vec<usize> {
        (s..e).filter_map(|k| d.stream.tokens.get(k).copied()).collect()
    };
    let ids_a = ents.ids(a, toks(da, i0, i1).into_iter());
    let ids_b = ents.ids(b, toks(db, j0, j1).into_iter());
    let has_digit = |w: &[String]| !w.is_empty() && w.iter().all(|x| x.chars().any(|c| c.is_ascii_digit()));

    // (kind, severity, explanation for a's side, for b's side)
    let (kind, severity, why): (&'static str, Severity, String) = if ca.is_empty() && cb.is_empty() {
        if wa.is_empty() || wb.is_empty() {
            return None; // a lone function word or letter: not worth a reader's time
        }
        ("format", Severity::Low, format!("{la} writes \"{ta}\" where {lb} writes \"{tb}\": a minor copy edit."))
    } else if (db.no_digits && wb.is_empty() && has_digit(&wa)) || (da.no_digits && wa.is_empty() && has_digit(&wb)) {
        let (has, lacks, what) = if wb.is_empty() { (la, lb, ta) } else { (lb, la, tb) };
        (
            "format",
            Severity::Low,
            format!("{has} has \"{what}\" where {lacks} has nothing: {lacks} lost its digits, a formatting loss, not a different fact."),
        )
    } else if !wa.is_empty() && !wb.is_empty() {
        let alias = !ids_a.is_empty() && ids_a == ids_b;
        let same_words = {
            let sa: FxHashSet<String> = ca.iter().map(|w| stem(w)).collect();
            let sb: FxHashSet<String> = cb.iter().map(|w| stem(w)).collect();
            !sa.is_empty() && !sb.is_empty() && (sa.is_subset(&sb) || sb.is_subset(&sa))
        };
        if alias {
            (
                "format",
                Severity::Low,
                format!("{la} writes \"{ta}\" where {lb} writes \"{tb}\": two names for the same thing."),
            )
        } else if classify(&wa.join(" "), &wb.join(" ")) == Change::Format {
            (
                "format",
                Severity::Low,
                format!("{la} writes \"{ta}\" where {lb} writes \"{tb}\": the same thing, spelled differently."),
            )
        } else if same_words {
            (
                "format",
                Severity::Low,
                format!("{la} writes \"{ta}\" where {lb} writes \"{tb}\": re-phrased with the same words."),
            )
        } else {
            (
                "framing",
                Severity::High,
                format!("In a passage they share, {la} says \"{ta}\" where {lb} says \"{tb}\": the wording changes how it reads."),
            )
        }
    } else {
        // words on one side only
        let (has, lacks, what, words, ids) =
            if wb.is_empty() { (la, lb, ta, &wa, &ids_a) } else { (lb, la, tb, &wb, &ids_b) };
        let names = !ids.is_empty();
        if words.len() <= 3 {
            (
                "framing",
                if names { Severity::High } else { Severity::Medium },
                format!(
                    "In a passage they share, {has} has \"{what}\" and {lacks} does not: a qualifier {}.",
                    if wb.is_empty() { "dropped" } else { "added" }
                ),
            )
        } else {
            (
                "omission",
                if names { Severity::High } else { Severity::Medium },
                if wb.is_empty() {
                    format!("{lacks} copies this passage from {has} but leaves out \"{what}\".")
                } else {
                    format!("{has} adds \"{what}\" to a passage it shares with {lacks}.")
                },
            )
        }
    };
    let mut out = Vec::new();
    // a change with words on both sides is listed on both articles, so each
    // one's view shows it
    for (art, other, span, theirs) in [(a, b, span_a, tb), (b, a, span_b, ta)] {
        let Some((s, e)) = span else { continue };
        out.push(Finding {
            kind,
            severity,
            article: art,
            start: s,
            end: e,
            others: vec![other],
            counterpart: Some(theirs.to_string()),
            relation: None,
            explanation: why.clone(),
        });
    }
    Some(out)
}

/// Stream positions of `a` covered by passages shared with `b`.
fn pair_cover(ctx: &Context, a: usize, b: usize) -> Vec<bool> {
    let len = ctx.articles.get(a).map_or(0, |d| d.stream.len());
    let mut cov = vec![false; len];
    let key = (a.min(b), a.max(b));
    for m in ctx.matches.get(&key).into_iter().flatten() {
        let (s, e) = if a < b { (m.a0, m.a1) } else { (m.b0, m.b1) };
        if let Some(c) = cov.get_mut(s..e) {
            c.iter_mut().for_each(|x| *x = true);
        }
    }
    cov
}

/// Stream positions of a sentence.
fn sentence_positions(d: &Article, s: &Sentence) -> std::ops::Range<usize> {
    let lo = d.stream.tokens.partition_point(|&t| t < s.tokens.start);
    let hi = d.stream.tokens.partition_point(|&t| t < s.tokens.end);
    lo..hi
}

/// Text one article dropped from, or added to, text it otherwise copies
/// from another: runs of at least five words between shared passages that
/// the other article does not have.
fn dropped_sentences(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut out = Vec::new();
    let share = |x: usize, y: usize| {
        let len = ctx.articles.get(x).map_or(0, |d| d.stream.len()).max(1);
        ctx.shared.get(x * n + y).copied().unwrap_or(0) as f64 / len as f64
    };
    for a in 0..n {
        for b in 0..n {
            if a == b || share(a, b).max(share(b, a)) < 0.5 {
                continue; // neither is mostly a copy of the other
            }
            let (Some(da), Some(db)) = (ctx.articles.get(a), ctx.articles.get(b)) else { continue };
            let cov = pair_cover(ctx, a, b);
            let (Some(first), Some(last)) = (cov.iter().position(|x| *x), cov.iter().rposition(|x| *x)) else {
                continue;
            };
            // a copy drops from its source; what a source has beyond its
            // copy was added by nobody, so it is the copy that "adds"
            let a_is_source = share(b, a) >= share(a, b);
            let mut k = first;
            // a position outside `cov` counts as covered (nothing to report)
            let covered = |k: usize| cov.get(k).copied().unwrap_or(true);
            while k < last {
                if covered(k) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < last && !covered(k) {
                    k += 1;
                }
                if k - start < 5 {
                    continue;
                }
                let Some((s, e)) = stream_span(da, start, k) else { continue };
                let toks: Vec<usize> = (start..k).filter_map(|p| da.stream.tokens.get(p).copied()).collect();
                let names = !ents.ids(a, toks.into_iter()).is_empty();
                let (la, lb) = (da.label, db.label);
                out.push(Finding {
                    kind: "omission",
                    severity: if names { Severity::High } else { Severity::Medium },
                    article: a,
                    start: s,
                    end: e,
                    others: vec![b],
                    counterpart: None,
                    relation: None,
                    explanation: if a_is_source {
                        format!("{lb} copies the text around this from {la} but leaves this out.")
                    } else {
                        format!("{la} adds this to the text it shares with {lb}.")
                    },
                });
            }
        }
    }
    out
}

/// Content-word stems of a sentence with their weights (rarity).
type Terms = FxHashMap<String, f32>;

/// Content-word stems of a sentence with their weights.
fn sentence_terms(d: &Article, s: &Sentence) -> Terms {
    let mut m = FxHashMap::default();
    for t in d.tokens.get(s.tokens.clone()).unwrap_or(&[]) {
        if t.kind == TokenKind::Word && !is_function_word(t.norm) && t.norm.chars().count() > 1 {
            m.insert(stem(t.norm), idf(t.norm));
        }
    }
    m
}

/// Which sentences have each term, to find the sentences of other articles
/// that carry most of a sentence's content without comparing every pair.
struct SentenceIndex<'t> {
    postings: FxHashMap<&'t str, Vec<(usize, usize)>>,
}

/// Terms found in more sentences than this say nothing about which
/// sentence matches (and would make the search quadratic).
const MAX_SENTENCE_POSTINGS: usize = 400;

impl<'t> SentenceIndex<'t> {
    fn new(terms: &'t [Vec<Terms>]) -> SentenceIndex<'t> {
        let mut postings: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
        for (a, ts) in terms.iter().enumerate() {
            for (k, t) in ts.iter().enumerate() {
                for w in t.keys() {
                    postings.entry(w.as_str()).or_default().push((a, k));
                }
            }
        }
        SentenceIndex { postings }
    }

    /// For each other article, its sentence sharing the largest weighted
    /// share of `mine`'s terms: `article → (share, sentence)`.
    fn best_per_article(&self, a: usize, mine: &Terms) -> FxHashMap<usize, (f32, usize)> {
        let total: f32 = mine.values().sum();
        let mut score: FxHashMap<(usize, usize), f32> = FxHashMap::default();
        if total <= 0.0 {
            return FxHashMap::default();
        }
        for (w, wt) in mine {
            let Some(posts) = self.postings.get(w.as_str()) else { continue };
            if posts.len() > MAX_SENTENCE_POSTINGS {
                continue;
            }
            for &(b, t) in posts {
                if b != a {
                    *score.entry((b, t)).or_default() += wt;
                }
            }
        }
        let mut best: FxHashMap<usize, (f32, usize)> = FxHashMap::default();
        for ((b, t), v) in score {
            let share = v / total;
            let e = best.entry(b).or_insert((share, t));
            // ties go to the earlier sentence, whatever the map's order
            if share > e.0 || (share == e.0 && t < e.1) {
                *e = (share, t);
            }
        }
        best
    }
}

/// Sentences no other article supports: no shared passage covers them and
/// no sentence elsewhere carries most of their content words (weighted by
/// rarity), so a paraphrase is not unique. Neighbouring unique sentences
/// are reported as one passage.
fn unique(ctx: &Context, terms: &[Vec<Terms>], index: &SentenceIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut out: Vec<Finding> = Vec::new();
    for (a, d) in ctx.articles.iter().enumerate() {
        let mut last_unique: Option<usize> = None;
        for (k, s) in d.sentences.iter().enumerate() {
            let pos = sentence_positions(d, s);
            if pos.len() < 6 {
                continue;
            }
            let cov =
                ctx.any_cover.get(a).and_then(|c| c.get(pos.clone())).map_or(0, |c| c.iter().filter(|x| **x).count());
            if cov * 5 > pos.len() {
                last_unique = None;
                continue;
            }
            let Some(mine) = terms.get(a).and_then(|t| t.get(k)) else { continue };
            if mine.is_empty() {
                continue;
            }
            let best = index.best_per_article(a, mine).values().fold(0.0f32, |m, v| m.max(v.0));
            if best >= 0.5 {
                last_unique = None;
                continue;
            }
            let others: Vec<usize> = (0..n).filter(|x| *x != a).collect();
            // joins the previous sentence's finding when they follow each other
            if let (Some(prev), Some(f)) = (last_unique, out.last_mut()) {
                if prev + 1 == k && f.article == a {
                    f.end = s.end;
                    last_unique = Some(k);
                    continue;
                }
            }
            let other_labels: Vec<String> =
                others.iter().filter_map(|o| ctx.articles.get(*o)).map(|o| o.label.to_string()).collect();
            out.push(Finding {
                kind: "unique",
                severity: Severity::Medium,
                article: a,
                start: s.start,
                end: s.end,
                others: others.clone(),
                counterpart: None,
                relation: None,
                explanation: format!(
                    "Only {} says this: neither a passage nor a sentence with the same content appears in {}.",
                    d.label,
                    join_labels(&other_labels)
                ),
            });
            last_unique = Some(k);
        }
    }
    out
}

/// Speech verbs: a name right before or after one is a quoted source.
fn is_speech(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "say" | "told" | "stated" | "added" | "according" | "reported" | "announced" | "confirmed"
    )
}

/// People, organizations and places only one article names, and the
/// sources only one article quotes.
fn coverage(ctx: &Context) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut out = Vec::new();
    for c in ctx.canon {
        if !matches!(c.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let arts: FxHashSet<usize> = c.mentions.iter().map(|m| m.0).collect();
        if arts.len() != 1 {
            continue;
        }
        let Some((a, first)) = c.mentions.first() else { continue };
        let Some(d) = ctx.articles.get(*a) else { continue };
        // quoted: a person or organization right before a speech verb
        // ("Amnesty International said", "Tumatov told") or after
        // "according to"
        let quoted = c.kind != EntityKind::Place
            && c.mentions.iter().any(|(_, f)| {
                let next =
                    d.tokens.get(f.tokens.end..).unwrap_or(&[]).iter().filter(|t| t.kind != TokenKind::Punct).take(1);
                let before: Vec<&str> = d
                    .tokens
                    .get(f.tokens.start.saturating_sub(2)..f.tokens.start)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.norm)
                    .collect();
                next.into_iter().any(|t| is_speech(t.norm)) || before == ["according", "to"]
            });
        let others: Vec<usize> = (0..n).filter(|x| x != a).collect();
        let other_labels: Vec<String> =
            others.iter().filter_map(|o| ctx.articles.get(*o)).map(|o| o.label.to_string()).collect();
        let what = match c.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            _ => "place",
        };
        let verb = if others.len() == 1 { "does" } else { "do" };
        out.push(Finding {
            kind: "coverage",
            severity: if quoted || c.kind == EntityKind::Person { Severity::Medium } else { Severity::Low },
            article: *a,
            start: first.start,
            end: first.end,
            others,
            counterpart: None,
            relation: None,
            explanation: if quoted {
                format!(
                    "Only {} quotes or cites {} as a source; {} {verb} not.",
                    d.label,
                    c.name,
                    join_labels(&other_labels)
                )
            } else {
                format!("Only {} mentions the {what} {}; {} {verb} not.", d.label, c.name, join_labels(&other_labels))
            },
        });
    }
    out
}

/// The person or organization a sentence quotes: a name just before a
/// speech verb ("the Kremlin said", "Putin's office said") or just after one
/// ("said Tumatov", "according to Bloomberg").
fn speaker(ctx: &Context, ents: &EntityIndex, a: usize, s: &Sentence) -> Option<u32> {
    let d = ctx.articles.get(a)?;
    let named = ents.named.get(a)?;
    let is_source = |t: usize| {
        named.get(&t).copied().filter(|id| {
            ctx.canon.get(*id as usize).is_some_and(|c| matches!(c.kind, EntityKind::Person | EntityKind::Organization))
        })
    };
    for v in s.tokens.clone() {
        let Some(tok) = d.tokens.get(v) else { continue };
        if !is_speech(tok.norm) {
            continue;
        }
        // before the verb, nearest first
        let before = (v.saturating_sub(4).max(s.tokens.start)..v).rev().find_map(is_source);
        let after = (v + 1..(v + 4).min(s.tokens.end)).find_map(is_source);
        if let Some(id) = before.or(after) {
            return Some(id);
        }
    }
    None
}

/// The same statement attributed to different sources: a sentence that
/// quotes someone, and the sentence of another article that carries most of
/// its content, quoting someone else.
fn attributions(ctx: &Context, ents: &EntityIndex, terms: &[Vec<Terms>], index: &SentenceIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let speakers: Vec<Vec<Option<u32>>> = ctx
        .articles
        .iter()
        .enumerate()
        .map(|(a, d)| d.sentences.iter().map(|s| speaker(ctx, ents, a, s)).collect())
        .collect();
    let name = |id: u32| ctx.canon.get(id as usize).map_or(String::new(), |c| c.name.clone());
    let mut out = Vec::new();
    for a in 0..n {
        let (Some(da), Some(ta)) = (ctx.articles.get(a), terms.get(a)) else { continue };
        for (k, s) in da.sentences.iter().enumerate() {
            let Some(Some(who)) = speakers.get(a).and_then(|s| s.get(k)).copied() else { continue };
            let Some(mine) = ta.get(k) else { continue };
            let best = index.best_per_article(a, mine);
            // other articles in order, so findings come out the same way
            let mut others: Vec<(usize, (f32, usize))> = best.into_iter().collect();
            others.sort_by_key(|(b, _)| *b);
            for (b, (score, t)) in others {
                let Some(db) = ctx.articles.get(b) else { continue };
                // the sentence of b that carries most of this one's content
                if score < 0.4 {
                    continue;
                }
                let Some(Some(other)) = speakers.get(b).and_then(|s| s.get(t)).copied() else { continue };
                if other == who {
                    continue;
                }
                // the other article's sentence may name both (one quoting the other)
                let named_there = db.sentences.get(t).map(|st| ents.ids(b, st.tokens.clone())).unwrap_or_default();
                if named_there.contains(&who) || ents.ids(a, s.tokens.clone()).contains(&other) {
                    continue;
                }
                out.push(Finding {
                    kind: "attribution",
                    severity: Severity::Medium,
                    article: a,
                    start: s.start,
                    end: s.end,
                    others: vec![b],
                    counterpart: db.sentences.get(t).and_then(|st| db.text.get(st.start..st.end)).map(str::to_string),
                    relation: None,
                    explanation: format!(
                        "{} attributes this to {} where {} attributes the same statement to {}.",
                        da.label,
                        name(who),
                        db.label,
                        name(other)
                    ),
                });
            }
        }
    }
    out
}

/// Figures (and, separately, dates) compared across all articles at most:
/// each article contributes its first `MAX_FACTS / articles` (at least 10).
const MAX_FACTS: usize = 1000;

/// What a number says: a value, a bound and what it counts.
#[derive(Debug, Clone)]
struct Quantity<'a> {
    article: usize,
    found: &'a Found,
    /// Lowest and highest values the wording allows.
    lo: f64,
    hi: f64,
    /// Stem of the counted noun ("civilian").
    head: String,
    /// "killed", "injured" or "" for other events.
    event: &'static str,
    /// Content stems of the sentence around it, with weights.
    context: FxHashMap<String, f32>,
}

/// The counted noun of a unit ("dock workers" → "worker", "leaders
/// agreed" → "leader"): its last word that is not a verb.
fn head_noun(unit: &str) -> String {
    unit.split_whitespace()
        .rev()
        .find(|w| {
            let w = w.to_lowercase();
            !(w.ends_with("ed")
                || w.ends_with("ing")
                || matches!(w.as_str(), "said" | "says" | "were" | "was" | "are" | "is" | "spoke" | "set" | "met"))
        })
        .map(stem)
        .unwrap_or_default()
}

/// Nouns that count people: two counts of people in one event compare even
/// when one says "civilians" and the other "people".
fn is_people(head: &str) -> bool {
    matches!(
        head,
        "people"
            | "civilian"
            | "person"
            | "child"
            | "children"
            | "resident"
            | "soldier"
            | "fighter"
            | "worker"
            | "victim"
            | "men"
            | "women"
            | "passenger"
            | "student"
            | "troop"
            | "refugee"
            | "migrant"
            | "protester"
            | "militant"
    )
}

fn event_of(words: &[&str]) -> &'static str {
    for w in words {
        let s = stem(w);
        match s.as_str() {
            "kill" | "dead" | "die" | "died" | "death" | "deaths" | "killed" | "fatalit" | "toll" => return "killed",
            "injur" | "injure" | "wound" | "hurt" => return "injured",
            "arrest" | "detain" => return "arrested",
            _ => {}
        }
    }
    ""
}

/// The bounds of a value under its qualifier.
fn bounds(value: f64, qualifier: Option<&str>) -> (f64, f64) {
    let q = qualifier.unwrap_or("").to_lowercase();
    if ["more than", "over", "at least", "above", "upwards of", "in excess of"].iter().any(|x| q.contains(x)) {
        (value, f64::INFINITY)
    } else if ["less than", "under", "fewer than", "up to", "at most", "below"].iter().any(|x| q.contains(x)) {
        (0.0, value)
    } else if ["about", "around", "nearly", "almost", "some", "roughly", "approximately", "an estimated"]
        .iter()
        .any(|x| q.contains(x))
    {
        (value * 0.85, value * 1.15)
    } else {
        (value, value)
    }
}

/// Month and day range of a date mention, when it names a month.
fn parse_date(text: &str) -> Option<(usize, Option<(u32, u32)>)> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let month = words.iter().find_map(|w| {
        let w3: String = w.chars().take(3).collect();
        MONTHS.iter().position(|m| *m == w3 && w.chars().all(char::is_alphabetic))
    })?;
    let days = words.iter().find_map(|w| {
        let mut parts = w.split('-').map(|p| p.parse::<u32>().ok());
        let first = parts.next()??;
        let last = parts.next().flatten().unwrap_or(first);
        ((1..=31).contains(&first) && (1..=31).contains(&last)).then_some((first, last))
    });
    Some((month, days))
}

/// The sentence holding a mention (sentences are in text order).
fn sentence_of<'s>(d: &'s Article, f: &Found) -> Option<&'s Sentence> {
    let k = d.sentences.partition_point(|s| s.end <= f.start);
    d.sentences.get(k).filter(|s| s.start <= f.start)
}

/// Words read around a figure or date on each side, within its sentence.
const CONTEXT_WINDOW: usize = 15;

/// The tokens around a mention: its sentence, at most [`CONTEXT_WINDOW`]
/// tokens on each side.
fn around(d: &Article, f: &Found) -> std::ops::Range<usize> {
    let (lo, hi) = sentence_of(d, f).map_or((f.tokens.start, f.tokens.end), |s| (s.tokens.start, s.tokens.end));
    f.tokens.start.saturating_sub(CONTEXT_WINDOW).max(lo)..(f.tokens.end + CONTEXT_WINDOW).min(hi)
}

fn context_terms(d: &Article, f: &Found) -> FxHashMap<String, f32> {
    let mut m = FxHashMap::default();
    let r = around(d, f);
    for (k, t) in d.tokens.get(r.clone()).unwrap_or(&[]).iter().enumerate() {
        let idx = r.start + k;
        if f.tokens.contains(&idx)
            || t.kind != TokenKind::Word
            || is_function_word(t.norm)
            || t.norm.chars().count() < 2
        {
            continue;
        }
        m.insert(stem(t.norm), idf(t.norm));
    }
    m
}

/// How much two contexts share, weighted, as a share of the smaller one.
fn context_overlap(x: &FxHashMap<String, f32>, y: &FxHashMap<String, f32>) -> f32 {
    let sx: f32 = x.values().sum();
    let sy: f32 = y.values().sum();
    let shared: f32 = x.iter().filter(|(k, _)| y.contains_key(*k)).map(|(_, v)| v).sum();
    let small = sx.min(sy);
    if small <= 0.0 {
        0.0
    } else {
        shared / small
    }
}

/// A date mention: article, mention, month (0-11), day range, context.
type DateMention<'a> = (usize, &'a Found, usize, Option<(u32, u32)>, FxHashMap<String, f32>);

/// Numbers and dates about the same thing across articles, lined up by what
/// they count (the counted noun, the event verb, the words around them) and
/// labelled agrees, compatible or conflicts.
fn facts(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut dates: Vec<DateMention> = Vec::new();
    // the first figures and dates of each article are compared, so a text
    // made of numbers cannot make the comparison quadratic
    let cap = (MAX_FACTS / n.max(1)).max(10);
    for (a, d) in ctx.articles.iter().enumerate() {
        let (mut nq, mut nd) = (0usize, 0usize);
        for f in ents.values.get(a).into_iter().flatten() {
            if nq >= cap && nd >= cap {
                break;
            }
            let Some(text) = d.text.get(f.start..f.end) else { continue };
            if f.kind == EntityKind::Date {
                if nd < cap {
                    if let Some((month, days)) = parse_date(text) {
                        dates.push((a, f, month, days, context_terms(d, f)));
                        nd += 1;
                    }
                }
                continue;
            }
            if nq >= cap {
                continue;
            }
            let Some(value) = f.value else { continue };
            let digits = text.chars().any(|c| c.is_ascii_digit());
            // "the two leaders" is a reference, not a figure
            if value <= 2.0 && !digits {
                continue;
            }
            let unit = f.unit.as_deref().unwrap_or("");
            let head = head_noun(unit);
            if head.is_empty() {
                continue;
            }
            let context = context_terms(d, f);
            let sentence_words: Vec<&str> =
                d.tokens.get(around(d, f)).map(|ts| ts.iter().map(|t| t.norm).collect()).unwrap_or_default();
            let (lo, hi) = bounds(value, f.qualifier.as_deref());
            quantities.push(Quantity { article: a, found: f, lo, hi, head, event: event_of(&sentence_words), context });
            nq += 1;
        }
    }
    let mut out = Vec::new();
    let label = |a: usize| ctx.articles.get(a).map_or("", |d| d.label);
    let text_of =
        |a: usize, f: &Found| ctx.articles.get(a).and_then(|d| d.text.get(f.start..f.end)).unwrap_or("").to_string();
    // each quantity against the best-matching one in every other article
    for x in &quantities {
        for b in 0..n {
            if b == x.article {
                continue;
            }
            let best = quantities
                .iter()
                .filter(|y| y.article == b)
                .filter(|y| {
                    y.head == x.head
                        || (is_people(&x.head) && is_people(&y.head) && !x.event.is_empty() && x.event == y.event)
                })
                .map(|y| (context_overlap(&x.context, &y.context), y))
                .filter(|(s, _)| *s >= 0.3)
                .max_by(|p, q| p.0.total_cmp(&q.0));
            let Some((_, y)) = best else { continue };
            let (tx, ty) = (text_of(x.article, x.found), text_of(b, y.found));
            let exact = x.lo == x.hi && y.lo == y.hi;
            let (relation, severity, why) = if x.lo == y.lo && x.hi == y.hi {
                if x.head == y.head {
                    continue; // the same figure: nothing to point out
                }
                ("agrees", Severity::Low, "the same figure, counting different groups")
            } else if x.lo <= y.hi && y.lo <= x.hi {
                if exact {
                    ("agrees", Severity::Low, "the same figure")
                } else if x.head == y.head {
                    ("compatible", Severity::Medium, "compatible figures, one less precise")
                } else {
                    ("compatible", Severity::Medium, "compatible counts of different groups")
                }
            } else {
                ("conflicts", Severity::High, "the figures disagree")
            };
            out.push(Finding {
                kind: "fact",
                severity,
                article: x.article,
                start: x.found.start,
                end: x.found.end,
                others: vec![b],
                counterpart: Some(ty.clone()),
                relation: Some(relation),
                explanation: format!("{} says \"{tx}\" where {} says \"{ty}\": {why}.", label(x.article), label(b)),
            });
        }
    }
    for (i, x) in dates.iter().enumerate() {
        for y in dates.iter().skip(i + 1) {
            if x.0 == y.0 || context_overlap(&x.4, &y.4) < 0.3 {
                continue;
            }
            let (tx, ty) = (text_of(x.0, x.1), text_of(y.0, y.1));
            let stripped = |a: usize| ctx.articles.get(a).is_some_and(|d| d.no_digits);
            let (relation, severity, why) = if x.2 != y.2 {
                ("conflicts", Severity::High, "different months".to_string())
            } else {
                match (x.3, y.3) {
                    (Some(p), Some(q)) if p != q => ("conflicts", Severity::High, "different days".to_string()),
                    (Some(_), Some(_)) => continue,
                    (None, None) => continue,
                    (None, Some(_)) if stripped(x.0) => {
                        ("agrees", Severity::Low, format!("the same month; {} lost its digits", label(x.0)))
                    }
                    (Some(_), None) if stripped(y.0) => {
                        ("agrees", Severity::Low, format!("the same month; {} lost its digits", label(y.0)))
                    }
                    _ => ("agrees", Severity::Low, "the same month, one less precise".to_string()),
                }
            };
            for (me, other, tm, to) in [(x, y, &tx, &ty), (y, x, &ty, &tx)] {
                out.push(Finding {
                    kind: "fact",
                    severity,
                    article: me.0,
                    start: me.1.start,
                    end: me.1.end,
                    others: vec![other.0],
                    counterpart: Some(to.clone()),
                    relation: Some(relation),
                    explanation: format!(
                        "{} dates it \"{tm}\" where {} says \"{to}\": {why}.",
                        label(me.0),
                        label(other.0)
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_table() {
        let cases = [
            ("US", "USA", Change::Format),
            ("u s", "US", Change::Format),
            ("colour", "color", Change::Format),
            ("russian", "Russia", Change::Format),
            ("dangerous", "unsafe", Change::Framing),
            ("amping up", "increasing", Change::Framing),
            ("president", "regime leader", Change::Framing),
            ("", "regime", Change::Omission),
        ];
        for (a, b, want) in cases {
            assert_eq!(classify(&a.to_lowercase(), &b.to_lowercase()), want, "{a} -> {b}");
        }
    }

    #[test]
    fn labels_join() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_labels(&l(&["B"])), "B");
        assert_eq!(join_labels(&l(&["B", "C"])), "B and C");
        assert_eq!(join_labels(&l(&["B", "C", "D"])), "B, C and D");
    }

    #[test]
    fn bounds_of_qualified_values() {
        let cases: &[(f64, Option<&str>, f64, f64)] = &[
            (80.0, Some("more than"), 80.0, f64::INFINITY),
            (87.0, None, 87.0, 87.0),
            (100.0, Some("about"), 85.0, 115.0),
            (50.0, Some("up to"), 0.0, 50.0),
        ];
        for &(v, q, lo, hi) in cases {
            let (l, h) = bounds(v, q);
            assert!((l - lo).abs() < 1e-9 && (h == hi || (h - hi).abs() < 1e-9), "{v} {q:?}");
        }
    }

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("July 7-8"), Some((6, Some((7, 8)))));
        assert_eq!(parse_date("July"), Some((6, None)));
        assert_eq!(parse_date("4 April"), Some((3, Some((4, 4)))));
        assert_eq!(parse_date("Tuesday"), None);
    }

    #[test]
    fn head_nouns() {
        for (unit, head) in
            [("dock workers", "worker"), ("leaders agreed", "leader"), ("buffer zones", "zone"), ("people", "people")]
        {
            assert_eq!(head_noun(unit), head, "{unit}");
        }
    }

    #[test]
    fn stems() {
        for (a, b) in [("killed", "killing"), ("prompted", "prompting"), ("civilians", "civilian"), ("zones", "zone")] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
    }
}
