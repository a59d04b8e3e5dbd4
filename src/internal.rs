//! The crate's insides that its own command-line tool, benchmarks, fuzz
//! targets and integration tests reach into. **Not a stable API**: hidden
//! from the documentation, changed freely. A library user needs only what
//! the crate root exports.

pub use crate::entities::{conll_type, lexicon, merge_in, model, recognize, recognize_in, Found};
pub use crate::overlap::{use_gloss, use_prefix_weights, GlossConfig, MIN_PASSAGE, REWORDED_SEEDS};
pub use crate::pipeline::{reuse_only, text_stages, ReuseSummary, TextStages};
pub use crate::text::chrome::{
    chrome_model, context_features as chrome_context_features, features as chrome_features,
    sentence_ranges as chrome_sentence_ranges, use_chrome_model, use_page_lines, ChromeModel,
    Sentence as ChromeSentence,
};
pub use crate::text::{clean, clean_article, clean_with, Cleaned};
pub use crate::tokens::{
    ascii_word_bounds, sentences, tokenize, tokenize_text, view, word_key, Sentence, Tok, Token, TokenKind, Vocab,
};
pub use crate::work::counted;

/// The sentence-support judgement, for `corroborate train-support` and
/// `eval-paraphrase`.
pub use crate::divergence::support;
/// The lexicons the tagger consults.
pub use crate::entities::lexicon::{lexicon_from, Lexicon};
/// The embedded gazetteer and casing list (native builds).
#[cfg(feature = "embedded")]
pub use crate::entities::lexicon::{CASING, GAZETTEER};
/// The entity tagger's parts, for `corroborate train-ner` and `eval-ner`.
pub use crate::entities::tagger;
