//! Source divergence: what only one source says, what was re-worded inside
//! shared passages, which numbers disagree and which entities only one
//! source mentions.
//!
//! Every finding becomes a [`crate::Divergence`] with a one-sentence
//! explanation written for a reader, not for an engineer.

use crate::report::{EntityKind, Severity};
use std::collections::{HashMap, HashSet};

/// A divergence before offsets are converted: byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// `unique`, `wording`, `fact` or `coverage`.
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
    /// One sentence for a reader.
    pub explanation: String,
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
/// passage.
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
        &["us", "usa", "united states", "america", "united states of america"],
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
    Change::Framing
}

/// Label list such as "B and C" or "B, C and D".
pub fn join_labels(labels: &[String]) -> String {
    match labels.len() {
        0 => String::new(),
        1 => labels[0].clone(),
        n => format!("{} and {}", labels[..n - 1].join(", "), labels[n - 1]),
    }
}

/// A canonical entity as divergence sees it: name, kind and its mentions as
/// `(article, byte start, byte end)`.
pub type EntitySpread = (String, EntityKind, Vec<(usize, usize, usize)>);

/// Entities only one article mentions, as coverage findings pointing at the
/// first mention.
pub fn coverage(n_articles: usize, entities: &[EntitySpread], labels: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    if n_articles < 2 {
        return out;
    }
    for (name, kind, mentions) in entities {
        if !matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let arts: HashSet<usize> = mentions.iter().map(|m| m.0).collect();
        if arts.len() != 1 {
            continue;
        }
        let Some(&(a, s, e)) = mentions.first() else { continue };
        let others: Vec<usize> = (0..n_articles).filter(|x| *x != a).collect();
        let what = match kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            _ => "place",
        };
        out.push(Finding {
            kind: "coverage",
            severity: if *kind == EntityKind::Person { Severity::Medium } else { Severity::Low },
            article: a,
            start: s,
            end: e,
            others: others.clone(),
            counterpart: None,
            explanation: format!(
                "Only {} mentions the {what} {name}; {} do{} not.",
                labels.get(a).map_or("this article", String::as_str),
                join_labels(&others.iter().filter_map(|o| labels.get(*o).cloned()).collect::<Vec<_>>()),
                if others.len() == 1 { "es" } else { "" }
            ),
        });
    }
    out
}

/// Compares numbers that count the same thing across articles.
///
/// `numbers` holds `(article, start, end, value, unit, text)`. Two numbers
/// with the same unit and different values conflict; the finding points at
/// the first article's number.
pub fn facts(numbers: &[(usize, usize, usize, f64, String, String)], labels: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // not within EPSILON; NaN differs from everything, as before
    let differ = |x: f64, y: f64| !matches!((x - y).abs().partial_cmp(&f64::EPSILON), Some(std::cmp::Ordering::Less));
    // For each number, the first later one of another article with the same
    // unit and another value: what comparing every pair finds first, without
    // comparing every pair (an article of 100,000 numbers took minutes).
    // Per unit and article, of the numbers after the current one: (the
    // first, the first whose value differs from the first's).
    let mut later: HashMap<&str, HashMap<usize, (usize, Option<usize>)>> = HashMap::new();
    let mut pairs = Vec::new();
    for (i, x) in numbers.iter().enumerate().rev() {
        if x.4.is_empty() {
            continue;
        }
        let groups = later.entry(x.4.as_str()).or_default();
        for (&art, &(first, other)) in groups.iter() {
            if art == x.0 {
                continue;
            }
            let value = |k: usize| numbers.get(k).map_or(f64::NAN, |n| n.3);
            let y = if differ(x.3, value(first)) {
                Some(first)
            } else {
                // x has the first's value: the first of another value, if it
                // differs from x too (values within EPSILON of each other can
                // chain), else the first later one that does
                other.and_then(|o| {
                    if differ(x.3, value(o)) {
                        Some(o)
                    } else {
                        (o..numbers.len())
                            .find(|&k| numbers.get(k).is_some_and(|y| y.0 == art && y.4 == x.4 && differ(x.3, y.3)))
                    }
                })
            };
            if let Some(y) = y {
                pairs.push((i, y));
            }
        }
        let (first, other) = groups.get(&x.0).copied().map_or((i, None), |(first, other)| {
            (i, if differ(x.3, numbers.get(first).map_or(f64::NAN, |n| n.3)) { Some(first) } else { other })
        });
        groups.insert(x.0, (first, other));
    }
    // in the order comparing every pair would meet them
    pairs.sort_unstable();
    for (i, j) in pairs {
        let (x, y) = (&numbers[i], &numbers[j]);
        if !seen.insert((x.0, y.0, x.4.clone())) {
            continue;
        }
        let la = labels.get(x.0).map_or("One article", String::as_str);
        let lb = labels.get(y.0).map_or("another", String::as_str);
        out.push(Finding {
            kind: "fact",
            severity: Severity::High,
            article: x.0,
            start: x.1,
            end: x.2,
            others: vec![y.0],
            counterpart: Some(y.5.clone()),
            explanation: format!("{la} says \"{}\" where {lb} says \"{}\".", x.5, y.5),
        });
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
            ("dangerous", "unsafe", Change::Framing),
            ("amping up", "increasing", Change::Framing),
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
    fn conflicting_counts() {
        let labels = vec!["A".to_string(), "B".to_string()];
        let nums = vec![
            (0, 0, 9, 4.0, "workers".to_string(), "four workers".to_string()),
            (1, 5, 14, 5.0, "workers".to_string(), "five workers".to_string()),
            (1, 20, 30, 3.0, "days".to_string(), "three days".to_string()),
        ];
        let f = facts(&nums, &labels);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].explanation, "A says \"four workers\" where B says \"five workers\".");
    }
}
