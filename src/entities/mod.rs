//! Entities: people, places, organizations, groups, dates and numbers.
//!
//! Per article, [`recognize`] takes names from the trained tagger
//! ([`tagger`], through [`tag`]) and dates and numbers from rules
//! (`dates_numbers`); then, across articles, [`propagate`] looks every name
//! up again in every article (so a lowercased, stripped copy still gets
//! "donald trump") and [`merge_in`] folds aliases into canonical entities
//! ("Trump" into "Donald Trump", "USA" into "United States"). The lexicons
//! the tagger consults (names, places, demonyms, the mined gazetteer) live
//! in `lexicon`; English word lists in [`crate::lang::en`].

mod dates_numbers;
pub(crate) use dates_numbers::DAY_CLOCK;
pub(crate) mod lexicon;
mod merge;
mod multilingual;
mod propagate;
mod recognize;
pub mod tagger;

pub use lexicon::{lexicon, model};
pub use merge::merge_in;
pub use multilingual::recognize_in;
pub use propagate::propagate;
pub use recognize::{recognize, tag};

use crate::report::EntityKind;
use std::ops::Range;

/// One entity mention found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token indices of the mention.
    pub tokens: Range<usize>,
    /// Byte span in the original text.
    pub start: usize,
    /// Byte span end in the original text.
    pub end: usize,
    /// What it is.
    pub kind: EntityKind,
    /// Matching key before alias merging (lowercase words).
    pub key: String,
    /// Parsed numeric value, for numbers.
    pub value: Option<f64>,
    /// Qualifier ("more than"), for numbers.
    pub qualifier: Option<String>,
    /// What is counted ("people"), for numbers.
    pub unit: Option<String>,
}

/// A canonical entity across all articles: what [`merge`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Canonical {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// (article index, mention) pairs.
    pub mentions: Vec<(usize, Found)>,
}

/// Maps an entity kind to a CoNLL-2003 type (`PER`, `LOC`, `ORG`, `MISC`),
/// or `None` for dates and numbers, which CoNLL does not tag.
pub fn conll_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Place => Some("LOC"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Group | EntityKind::Other => Some("MISC"),
        EntityKind::Date | EntityKind::Number => None,
    }
}
