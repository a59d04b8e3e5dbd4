use super::pair_cover;
use super::stream_span;
use super::Context;
use super::EntityIndex;
use super::Finding;
use crate::report::DivergenceKind;
use crate::report::Severity;

/// Text one article dropped from, or added to, text it otherwise copies
/// from another: runs of at least five words between shared passages that
/// the other article does not have.
pub(super) fn dropped_sentences(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut out = Vec::new();
    let share = |x: usize, y: usize| ctx.share(x, y);
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
                    kind: DivergenceKind::Omission,
                    severity: if names { Severity::High } else { Severity::Medium },
                    article: a,
                    start: s,
                    end: e,
                    others: vec![b],
                    counterpart: None,
                    counterpart_span: None,
                    also: Vec::new(),
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
