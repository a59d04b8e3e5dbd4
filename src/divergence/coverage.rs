use super::Context;
use super::Finding;
use crate::overlap::Op;
use crate::report::prose::join_labels;
use crate::report::DivergenceKind;
use crate::report::EntityKind;
use crate::report::Severity;
use crate::tokens::TokenKind;
use rustc_hash::FxHashSet;

/// Speech verbs: a name right before or after one is a quoted source.
pub(super) fn is_speech(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "say" | "told" | "stated" | "added" | "according" | "reported" | "announced" | "confirmed"
    )
}

/// People, organizations and places only one article names, and the
/// sources only one article quotes.
pub(super) fn coverage(ctx: &Context) -> Vec<Finding> {
    let n = ctx.articles.len();
    // a copy that lost its capitals: the tagger reads its names without
    // them, and one lowercase word ("north", "airfield") looks the same as
    // a name, so only names of two words or more are its own
    let caseless: Vec<bool> = ctx
        .articles
        .iter()
        .map(|d| d.text.chars().any(char::is_alphabetic) && !d.text.chars().any(char::is_uppercase))
        .collect();
    // (article, quoted, mentions, finding)
    let mut out: Vec<(usize, bool, usize, Finding)> = Vec::new();
    let copied = CopiedRuns::new(ctx);
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
        // an outlet naming itself ("TRT World's correspondent", a "Reuters"
        // dateline) gives its byline, not a name only it covers
        if !d.label.trim().is_empty() && c.name.trim().eq_ignore_ascii_case(d.label.trim()) {
            continue;
        }
        let words_in = |f: &crate::entities::Found| {
            d.tokens.get(f.tokens.clone()).map_or(0, |t| t.iter().filter(|t| t.is_wordlike()).count())
        };
        if caseless.get(*a).copied().unwrap_or(false) && c.mentions.iter().all(|(_, f)| words_in(f) < 2) {
            continue;
        }
        // a name inside a passage another article shares word for word is
        // named there too, whatever its tagger made of it there ("korean
        // peninsula" in a copy that lost its capitals, "Korean" alone where
        // the peninsula is lowercase)
        if c.mentions.iter().take(MAX_MENTIONS_CHECKED).any(|(_, f)| copied.covers(ctx, *a, f)) {
            continue;
        }
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
        // the finding is about this article: the others are named only
        // when there are few of them, so a report grows linearly with the
        // names it lists, not with names × articles
        let others: Vec<usize> = if n <= 4 { (0..n).filter(|x| x != a).collect() } else { Vec::new() };
        let who_not = if others.is_empty() {
            format!("the other {} articles do not", n - 1)
        } else {
            let labels: Vec<String> =
                others.iter().filter_map(|o| ctx.articles.get(*o)).map(|o| o.label.to_string()).collect();
            format!("{} {} not", join_labels(&labels), if others.len() == 1 { "does" } else { "do" })
        };
        let what = match c.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            _ => "place",
        };
        let finding = Finding {
            kind: DivergenceKind::Coverage,
            severity: if quoted || c.kind == EntityKind::Person { Severity::Medium } else { Severity::Low },
            article: *a,
            start: first.start,
            end: first.end,
            others,
            counterpart: None,
            counterpart_span: None,
            also: Vec::new(),
            relation: None,
            explanation: if quoted {
                format!("Only {} quotes or cites {} as a source; {who_not}.", d.label, c.name)
            } else {
                format!("Only {} mentions the {what} {}; {who_not}.", d.label, c.name)
            },
        };
        out.push((*a, quoted, c.mentions.len(), finding));
    }
    keep_the_most_telling(ctx, out)
}

/// Mentions of a name looked up in the passages: enough for a real
/// article, a bound on the work of a hostile one.
const MAX_MENTIONS_CHECKED: usize = 4;

/// Per article, the runs of identical words of every passage it shares
/// (stream ranges, sorted by start), each with the furthest end of the
/// runs up to it: a position range lies inside one run when the furthest
/// end of the runs starting at or before it reaches its end.
struct CopiedRuns(Vec<Vec<(usize, usize)>>);

impl CopiedRuns {
    fn new(ctx: &Context) -> CopiedRuns {
        let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); ctx.articles.len()];
        for (&(x, y), ms) in ctx.matches {
            for m in ms {
                crate::work::add(1 + m.ops.len());
                for op in &m.ops {
                    if let Op::Same { i, j, n } = *op {
                        if let Some(r) = runs.get_mut(x) {
                            r.push((i, i + n));
                        }
                        if let Some(r) = runs.get_mut(y) {
                            r.push((j, j + n));
                        }
                    }
                }
            }
        }
        for r in &mut runs {
            r.sort_unstable();
            let mut furthest = 0;
            for run in r.iter_mut() {
                furthest = furthest.max(run.1);
                run.1 = furthest;
            }
        }
        CopiedRuns(runs)
    }

    /// Whether every word of mention `f` of article `a` lies inside a run
    /// of identical words of a passage `a` shares with another article.
    fn covers(&self, ctx: &Context, a: usize, f: &crate::entities::Found) -> bool {
        let (Some(d), Some(runs)) = (ctx.articles.get(a), self.0.get(a)) else { return false };
        let lo = d.stream.tokens.partition_point(|&t| t < f.tokens.start);
        let hi = d.stream.tokens.partition_point(|&t| t < f.tokens.end);
        crate::work::add(1);
        let k = runs.partition_point(|r| r.0 <= lo);
        hi > lo && k > 0 && runs.get(k - 1).is_some_and(|r| r.1 >= hi)
    }
}

/// Names only one article has, listed one by one, per article at most.
const MAX_PER_ARTICLE: usize = 12;

/// Per article, the quoted sources and the most mentioned names only it
/// has, one finding each; the rest in one finding that counts them (a list
/// of a thousand names gets a dozen cards, not a thousand: the entity table
/// still has every one).
fn keep_the_most_telling(ctx: &Context, mut all: Vec<(usize, bool, usize, Finding)>) -> Vec<Finding> {
    all.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(y.1.cmp(&x.1))
            .then(y.3.severity.cmp(&x.3.severity))
            .then(y.2.cmp(&x.2))
            .then(x.3.start.cmp(&y.3.start))
    });
    let mut out = Vec::new();
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        let (shown, rest) = group.split_at(group.len().min(MAX_PER_ARTICLE));
        out.extend(shown.iter().map(|(_, _, _, f)| f.clone()));
        let Some((a, _, _, first)) = rest.iter().min_by_key(|(_, _, _, f)| f.start) else { continue };
        let label = ctx.articles.get(*a).map_or("", |d| d.label);
        out.push(Finding {
            severity: Severity::Low,
            others: Vec::new(),
            explanation: format!(
                "{label} also names {} more people, organizations or places that no other article mentions \
                 (all are in the entity table).",
                rest.len()
            ),
            ..first.clone()
        });
    }
    out
}
