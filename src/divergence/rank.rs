//! How much a finding matters to a reader, and why: the page shows the
//! highest first with the reason, the rest grouped by kind.
//!
//! The order is an editor's: figures that disagree and claims only one
//! source makes first, then statements attributed to someone else, passages
//! and qualifiers dropped, re-wordings that change how a passage reads; then
//! figures that are compatible, names only one source has, and last the
//! same thing written differently. Within a kind, a finding that names
//! people, places or organizations, or holds a figure, ranks higher.

use super::Finding;
use crate::report::{DivergenceKind, Relation, Severity};

/// A score in `[0, 1]` and one line saying why the finding matters.
pub fn importance(f: &Finding, text: &str) -> (f64, &'static str) {
    let (base, why): (f64, &str) = match (f.kind, f.relation) {
        (DivergenceKind::Fact, Some(Relation::Conflicts)) => {
            (0.95, "The sources give different figures or dates for the same thing: at most one can be right.")
        }
        (DivergenceKind::Unique, _) => (0.8, "Only one source makes this claim: nothing in the others confirms it."),
        (DivergenceKind::Attribution, _) => {
            (0.75, "The same statement is put in different mouths: who said it changes what it means.")
        }
        (DivergenceKind::Omission, _) => (0.7, "A copy leaves out or adds a whole clause of text it otherwise shares."),
        (DivergenceKind::Framing, _) if f.severity == Severity::High => {
            (0.65, "A word swapped in a shared passage changes how the story reads.")
        }
        (DivergenceKind::Framing, _) => (0.55, "A qualifier was dropped or added in a shared passage."),
        (DivergenceKind::Fact, Some(Relation::Compatible)) => {
            (0.4, "The figures differ but can both be true: one is rounder, or counts a different group.")
        }
        (DivergenceKind::Coverage, _) => {
            (0.35, "Only one source mentions this name: a source or actor the others leave out.")
        }
        (DivergenceKind::Fact, _) => (0.15, "The figures agree, written differently."),
        (DivergenceKind::Format, _) => (0.05, "The same thing written differently: spelling, an alias, lost digits."),
    };
    let severity = match f.severity {
        Severity::High => 0.03,
        Severity::Medium => 0.015,
        Severity::Low => 0.0,
    };
    // names and figures make a finding concrete
    let concrete = if text.chars().any(|c| c.is_ascii_digit())
        || text.split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        0.02
    } else {
        0.0
    };
    ((base + severity + concrete).min(1.0), why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: DivergenceKind, severity: Severity, relation: Option<Relation>) -> Finding {
        Finding {
            kind,
            severity,
            article: 0,
            start: 0,
            end: 0,
            others: vec![1],
            counterpart: None,
            counterpart_span: None,
            also: Vec::new(),
            relation,
            explanation: String::new(),
        }
    }

    #[test]
    fn an_editors_order() {
        use DivergenceKind as K;
        // most important first
        let order = [
            finding(K::Fact, Severity::High, Some(Relation::Conflicts)),
            finding(K::Unique, Severity::Medium, None),
            finding(K::Attribution, Severity::Medium, None),
            finding(K::Omission, Severity::Medium, None),
            finding(K::Framing, Severity::High, None),
            finding(K::Framing, Severity::Medium, None),
            finding(K::Fact, Severity::Medium, Some(Relation::Compatible)),
            finding(K::Coverage, Severity::Medium, None),
            finding(K::Fact, Severity::Low, Some(Relation::Agrees)),
            finding(K::Format, Severity::Low, None),
        ];
        let scores: Vec<f64> = order.iter().map(|f| importance(f, "text").0).collect();
        assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    }
}
