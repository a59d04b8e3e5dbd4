use super::sentence_positions;
use super::similar::SentenceIndex;
use super::similar::Terms;
use super::Context;
use super::Finding;
use crate::report::prose::join_labels;
use crate::report::DivergenceKind;
use crate::report::Severity;

/// Sentences no other article supports: no shared passage covers them and
/// no sentence elsewhere carries most of their content words (weighted by
/// rarity), so a paraphrase is not unique. Neighbouring unique sentences
/// are reported as one passage.
pub(super) fn unique(ctx: &Context, terms: &[Vec<Terms>], index: &SentenceIndex) -> Vec<Finding> {
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
                kind: DivergenceKind::Unique,
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
