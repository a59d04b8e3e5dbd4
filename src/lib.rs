//! Corroborate compares news articles about one story: who and what each
//! source mentions, how much of each article is reused from each other one,
//! and where the sources diverge.
//!
//! The public API is small:
//!
//! - [`analyze`] (and [`analyze_with_progress`]) takes [`ArticleInput`]s and
//!   [`Options`] and returns the [`Report`], the one contract every front end
//!   reads (the page, the widget, the CLI);
//! - [`input::read`] turns a dropped file (plain text, HTML, Markdown, Word
//!   `.docx`) into article text;
//! - [`tag`] runs the entity tagger on sentences that are already split into
//!   words (as `corroborate tag --conll` does);
//! - [`limits`] are the sizes an analysis accepts; [`Error`] says what went
//!   wrong.
//!
//! Inside, one module per pipeline stage, run in order by `pipeline`:
//! `input` (files) → `limits` → `text` (find the body) → `tokens` (words,
//! sentences, keys) → `entities` (tagger, dates and numbers, propagation,
//! merging) → `overlap` (aligned passages, containment, similarity) →
//! `divergence` (the findings) → `report` (offsets, ids, prose). DESIGN.md
//! says which file to open for each kind of change.
//!
//! # Example
//!
//! ```
//! use corroborate::{analyze, ArticleInput, Options, OffsetUnit};
//! let wire = "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. \
//!             Mayor Elena Vasquez ordered an inspection of every crane in Rotterdam.";
//! let copy = "a container crane collapsed in rotterdam on monday  killing four dock workers  the harbor authority said \
//!             mayor elena vasquez ordered an inspection of every crane in rotterdam";
//! let report = analyze(
//!     &[ArticleInput::new(wire), ArticleInput::new(copy).with_label("Copy")],
//!     &Options { offsets: OffsetUnit::Utf16, ..Options::default() },
//! )?;
//! assert_eq!(report.articles[1].label, "Copy");
//! assert!(report.pairs[0].containment > 0.9);
//! let port = report.entities.iter().find(|e| e.name == "Rotterdam").unwrap();
//! assert_eq!(port.counts["A"], 2);
//! assert_eq!(port.counts["B"], 2); // found in the lowercased copy too
//! # Ok::<(), corroborate::Error>(())
//! ```

#![deny(missing_docs)]
// unit tests may slice strings (`clippy.toml` already allows indexing there)
#![cfg_attr(test, allow(clippy::string_slice))]

mod article;
#[cfg(not(target_family = "wasm"))]
pub mod corpus;
mod divergence;
mod entities;
mod error;
pub mod input;
pub mod lang;
pub mod limits;
mod overlap;
mod pipeline;
mod report;
mod text;
mod tokens;
mod work;

#[doc(hidden)]
pub mod internal;

#[cfg(target_family = "wasm")]
mod wasm;

pub use article::{ArticleInput, Options};
pub use entities::tag;
pub use error::{Error, ErrorKind};
pub use pipeline::{analyze, analyze_with_progress};
pub use report::{
    article_id, ArticleFlag, ArticleReport, Divergence, DivergenceKind, Edit, EditKind, Entity, EntityKind, Mention,
    OffsetMap, OffsetUnit, Pair, Passage, PassageKind, Relation, Removed, Report, Severity, Side, Span, Stats,
    REPORT_VERSION,
};
