//! An article compared with itself (issue 15's metamorphic property, under
//! the fuzzer): containment is the same both ways, and the report has no
//! finding that says the copy differs (no conflicting figure, nothing
//! unique, no re-wording or omission, nothing only one side names).
#![no_main]

use corroborate::{analyze, ArticleInput, DivergenceKind, Options, Relation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let inputs = [ArticleInput::new(text), ArticleInput::new(text)];
    let Ok(r) = analyze(&inputs, &Options::default()) else { return };
    let c = |a: &str| r.pairs.iter().find(|p| p.a == a).map(|p| p.containment);
    assert_eq!(c("A"), c("B"), "containment differs both ways");
    for d in &r.divergences {
        assert!(d.relation != Some(Relation::Conflicts), "a conflict with itself: {d:?}");
        assert!(
            !matches!(
                d.kind,
                DivergenceKind::Unique | DivergenceKind::Framing | DivergenceKind::Omission | DivergenceKind::Coverage
            ),
            "a difference with itself: {d:?}"
        );
    }
});
