//! What the second red-team round found (issue 15), one test per finding,
//! each named after what broke. The inputs are written for the project.
#![allow(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use corroborate::{analyze, ArticleInput, DivergenceKind, Options, Relation, Report};

fn report(texts: &[&str]) -> Report {
    let inputs: Vec<ArticleInput> = texts.iter().map(|t| ArticleInput::new(*t)).collect();
    analyze(&inputs, &Options::default()).unwrap()
}

const FAIR: &str = "The county fair runs from 4 p.m. to 7 p.m. on Saturday, organizers said. \
                    About 300 volunteers will staff 12 booths and 5 stages, and 40 buses run from 3 p.m.";

/// The same article given twice reported HIGH "fact conflicts" between its
/// own figures ("says 4 p.m. where the other says 7 p.m."): figures were
/// compared with any figure of the same unit. A figure inside shared text
/// is now compared with the figure at the same place in the other article.
#[test]
fn identical_text_has_no_conflicting_facts() {
    let r = report(&[FAIR, FAIR]);
    let conflicts: Vec<_> = r.divergences.iter().filter(|d| d.relation == Some(Relation::Conflicts)).collect();
    assert!(conflicts.is_empty(), "{conflicts:#?}");
    assert!(r.divergences.is_empty(), "{:#?}", r.divergences);
    // a figure really changed inside a copy is still a conflict
    let changed = FAIR.replace("7 p.m.", "9 p.m.");
    let r = report(&[FAIR, &changed]);
    let fact = r.divergences.iter().find(|d| d.kind == DivergenceKind::Fact && d.relation == Some(Relation::Conflicts));
    let fact = fact.unwrap_or_else(|| panic!("no conflict for 7 p.m. → 9 p.m.: {:#?}", r.divergences));
    assert!(fact.text.starts_with('7') || fact.text.starts_with('9'), "{fact:?}");
    assert!(fact.counterpart.as_deref().is_some_and(|c| c.starts_with('7') || c.starts_with('9')), "{fact:?}");
}

/// An article of near-repeated paragraphs pasted twice showed 0% reuse,
/// 100% original and all of it unique (while flagged `duplicate`): a word
/// sequence occurring more than 16 times in an article could never seed a
/// match. Frequent n-grams now seed with their twins by rank and position.
#[test]
fn repetitive_text_still_aligns() {
    let text: String = (0..18)
        .map(|k| {
            format!(
                "The committee met again on day {k} and reviewed the harbor budget, the crane inspections \
                 and the staffing plan for the season, and agreed to report back next week.\n\n"
            )
        })
        .collect();
    let r = report(&[&text, &text]);
    assert!(r.pairs.iter().all(|p| p.containment == 1.0), "{:?}", r.pairs);
    assert!(r.articles.iter().all(|a| a.originality == 0.0));
    assert!(!r.divergences.iter().any(|d| d.kind == DivergenceKind::Unique), "{:#?}", r.divergences);

    // a 100-row results table copied word for word into another story
    let rows: String = (0..100).map(|k| format!("Round {k} Harbor United beat Port Rovers at home\n")).collect();
    let a = format!("The league published its results on Monday.\n{rows}The season ends in May.");
    let b = format!(
        "Fans cheered the final table, released by the league today.\n{rows}Tickets for next season go on sale soon."
    );
    let r = report(&[&a, &b]);
    let omissions = r.divergences.iter().filter(|d| d.kind == DivergenceKind::Omission).count();
    assert_eq!(omissions, 0, "{:#?}", r.divergences);
    assert!(r.pairs[0].containment > 0.8, "{:?}", r.pairs);
}
