use super::stem;
use super::Article;
use super::Context;
use super::EntityIndex;
use super::Finding;
use crate::entities::Found;
use crate::lang::en::is_function_word;
use crate::overlap::idf;
use crate::report::DivergenceKind;
use crate::report::EntityKind;
use crate::report::Relation;
use crate::report::Severity;
use crate::tokens::Sentence;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;

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
pub(super) fn facts(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
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
                (Relation::Agrees, Severity::Low, "the same figure, counting different groups")
            } else if x.lo <= y.hi && y.lo <= x.hi {
                if exact {
                    (Relation::Agrees, Severity::Low, "the same figure")
                } else if x.head == y.head {
                    (Relation::Compatible, Severity::Medium, "compatible figures, one less precise")
                } else {
                    (Relation::Compatible, Severity::Medium, "compatible counts of different groups")
                }
            } else {
                (Relation::Conflicts, Severity::High, "the figures disagree")
            };
            out.push(Finding {
                kind: DivergenceKind::Fact,
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
                (Relation::Conflicts, Severity::High, "different months".to_string())
            } else {
                match (x.3, y.3) {
                    (Some(p), Some(q)) if p != q => (Relation::Conflicts, Severity::High, "different days".to_string()),
                    (Some(_), Some(_)) => continue,
                    (None, None) => continue,
                    (None, Some(_)) if stripped(x.0) => {
                        (Relation::Agrees, Severity::Low, format!("the same month; {} lost its digits", label(x.0)))
                    }
                    (Some(_), None) if stripped(y.0) => {
                        (Relation::Agrees, Severity::Low, format!("the same month; {} lost its digits", label(y.0)))
                    }
                    _ => (Relation::Agrees, Severity::Low, "the same month, one less precise".to_string()),
                }
            };
            for (me, other, tm, to) in [(x, y, &tx, &ty), (y, x, &ty, &tx)] {
                out.push(Finding {
                    kind: DivergenceKind::Fact,
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
}
