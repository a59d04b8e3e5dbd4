use super::sentence_positions;
use super::similar::SentenceIndex;
use super::similar::Terms;
use super::support;
use super::Context;
use super::Finding;
use crate::report::prose::join_labels;
use crate::report::DivergenceKind;
use crate::report::Severity;

/// Other articles' sentences a sentence is judged against: the few with
/// most of its content.
const CANDIDATES: usize = 3;

/// Whether sentence `k` of article `a` is supported by a sentence of
/// another article, in the judgement of the learned [`support`] model,
/// against the sentences of the [`CANDIDATES`] articles that carry most of
/// its content; `covered` is the share of its words in shared passages.
/// `ruled`: the sentence is decided by a rule anyway (the judgement is
/// recorded for training only).
fn supported(
    ctx: &Context,
    terms: &[Vec<Terms>],
    index: &SentenceIndex,
    (a, k): (usize, usize),
    covered: f32,
    ruled: bool,
) -> bool {
    let (Some(d), Some(s), Some(mine)) = (
        ctx.articles.get(a),
        ctx.articles.get(a).and_then(|d| d.sentences.get(k)),
        terms.get(a).and_then(|t| t.get(k)),
    ) else {
        return false;
    };
    let mut best: Vec<(usize, (f32, usize))> = index.best_per_article(a, mine).into_iter().collect();
    best.sort_by(|x, y| y.1 .0.total_cmp(&x.1 .0).then(x.0.cmp(&y.0)));
    let model = support::model();
    let mut top: Option<(f32, support::Features)> = None;
    for (b, (_, t)) in best.into_iter().take(CANDIDATES) {
        let (Some(db), Some(sb), Some(tb)) = (
            ctx.articles.get(b),
            ctx.articles.get(b).and_then(|d| d.sentences.get(t)),
            terms.get(b).and_then(|x| x.get(t)),
        ) else {
            continue;
        };
        let covered_b = {
            let pos = super::sentence_positions(db, sb);
            let n = pos.len().max(1);
            ctx.any_cover.get(b).and_then(|c| c.get(pos)).map_or(0, |c| c.iter().filter(|x| **x).count()) as f32
                / n as f32
        };
        let f = support::features(
            &support::Side { d, s, terms: mine },
            &support::Side { d: db, s: sb, terms: tb },
            (covered, covered_b),
        );
        let p = model.p_same(&f);
        // a copy stripped of its digits cannot carry a sentence's figures
        let figures_unseen = db.no_digits && !d.no_digits && has_figure(d, s);
        let score = if p >= 0.5 || (!support::is_the_unsupported_side(&f) && !figures_unseen) { 1.0 } else { p };
        if top.as_ref().is_none_or(|(q, _)| score > *q) {
            top = Some((score, f));
        }
    }
    match top {
        Some((p, f)) => {
            support::record((a, k, f, ruled));
            p >= 0.5
        }
        None => false,
    }
}

/// A headline says in few words what its article's body tells: a
/// headline judged unique is not, when a sentence of its own body carries
/// at least half of its content (weighted by rarity) and that sentence is
/// supported by another article ("Flooding forces evacuation of 300 homes"
/// over the body's "... forcing the evacuation of 300 homes", which
/// another article copies).
fn headlines_told_below(d: &super::Article, terms: &[Terms], verdict: &mut [Option<bool>]) {
    let Some((ts, te)) = d.title else { return };
    let in_title = |s: &crate::tokens::Sentence| s.start < te && ts < s.end;
    let body_supported: Vec<usize> = (0..d.sentences.len())
        .filter(|&j| {
            d.sentences.get(j).is_some_and(|s| !in_title(s)) && verdict.get(j).copied().flatten() == Some(false)
        })
        .collect();
    for (k, s) in d.sentences.iter().enumerate() {
        if !in_title(s) || verdict.get(k).copied().flatten() != Some(true) {
            continue;
        }
        let Some(mine) = terms.get(k) else { continue };
        let total: f32 = mine.values().sum();
        let told = body_supported.iter().filter_map(|&j| terms.get(j)).any(|body| {
            let carried: f32 = mine.iter().filter(|(w, _)| body.contains_key(*w)).map(|(_, v)| v).sum();
            total > 0.0 && carried * 2.0 >= total
        });
        if told {
            if let Some(v) = verdict.get_mut(k) {
                *v = Some(false);
            }
        }
    }
}

/// Whether a sentence has a number written in digits.
fn has_figure(d: &super::Article, s: &crate::tokens::Sentence) -> bool {
    d.tokens.get(s.tokens.clone()).unwrap_or(&[]).iter().any(|t| t.kind == crate::tokens::TokenKind::Number)
}

/// Sentences no other article supports: no shared passage covers them and
/// no sentence elsewhere carries most of their content words (weighted by
/// rarity), so a paraphrase is not unique. Neighbouring unique sentences
/// are reported as one passage. A sentence in `stated_elsewhere` (article,
/// byte start) is a statement another article attributes to another source
/// (an `attribution` finding pairs the two): it is not unique.
pub(super) fn unique(
    ctx: &Context,
    terms: &[Vec<Terms>],
    index: &SentenceIndex,
    stated_elsewhere: &rustc_hash::FxHashSet<(usize, usize)>,
) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut out: Vec<Finding> = Vec::new();
    for (a, d) in ctx.articles.iter().enumerate() {
        // per sentence: Some(true) unique, Some(false) judged supported,
        // None not judged (too short, no content)
        let mut verdict: Vec<Option<bool>> = Vec::with_capacity(d.sentences.len());
        for (k, s) in d.sentences.iter().enumerate() {
            let pos = sentence_positions(d, s);
            if pos.len() < 6 {
                verdict.push(None);
                continue;
            }
            let cov =
                ctx.any_cover.get(a).and_then(|c| c.get(pos.clone())).map_or(0, |c| c.iter().filter(|x| **x).count());
            // nearly all of it inside shared passages: what changed there is
            // the business of the word-change findings
            if cov * 10 >= pos.len() * 9 {
                verdict.push(Some(false));
                continue;
            }
            let Some(mine) = terms.get(a).and_then(|t| t.get(k)) else {
                verdict.push(None);
                continue;
            };
            if mine.is_empty() {
                verdict.push(None);
                continue;
            }
            let stated = stated_elsewhere.contains(&(a, s.start));
            let sup = supported(ctx, terms, index, (a, k), cov as f32 / pos.len() as f32, stated) || stated;
            verdict.push(Some(!sup));
        }
        headlines_told_below(d, terms.get(a).map_or(&[][..], Vec::as_slice), &mut verdict);
        let mut last_unique: Option<usize> = None;
        for (k, s) in d.sentences.iter().enumerate() {
            if verdict.get(k).copied().flatten() != Some(true) {
                if verdict.get(k).copied().flatten() == Some(false) {
                    last_unique = None;
                }
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
                kind: DivergenceKind::Unique,
                severity: Severity::Medium,
                article: a,
                start: s.start,
                end: s.end,
                others: others.clone(),
                counterpart: None,
                counterpart_span: None,
                also: Vec::new(),
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
