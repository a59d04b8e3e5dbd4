//! What a caller hands to [`crate::analyze`]: the articles and the options.

use crate::report::OffsetUnit;
use serde::{Deserialize, Serialize};

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct ArticleInput {
    /// The text as the user pasted it.
    pub text: String,
    /// The label the user typed (the outlet), if any.
    #[serde(default)]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional = nullable))]
    pub label: Option<String>,
    /// The file name it came from, if any.
    #[serde(default)]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional = nullable))]
    pub name: Option<String>,
    /// Problems met while reading the input (e.g. invalid UTF-8 replaced),
    /// carried into the report's article warnings.
    #[serde(default)]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(as = "Option<Vec<String>>", optional))]
    pub warnings: Vec<String>,
    /// What a web page's markup said about the article
    /// ([`crate::input::Decoded::meta`]): its headline is the article's title
    /// (not looked for in the text), its publisher the label when the user
    /// typed none, its date orders the articles.
    #[serde(default)]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional = nullable))]
    pub meta: Option<crate::input::ArticleMeta>,
    /// The language the user chose for the article (`"de"`, ISO 639-1 or
    /// 639-3; `"auto"` or none: identified from the text).
    #[serde(default)]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional = nullable))]
    pub language: Option<String>,
}

impl ArticleInput {
    /// An article from its text.
    pub fn new(text: impl Into<String>) -> ArticleInput {
        ArticleInput { text: text.into(), label: None, name: None, warnings: Vec::new(), meta: None, language: None }
    }

    /// Sets the label the user typed.
    pub fn with_label(mut self, label: impl Into<String>) -> ArticleInput {
        self.label = Some(label.into());
        self
    }

    /// Sets what a page's markup said about the article.
    pub fn with_meta(mut self, meta: crate::input::ArticleMeta) -> ArticleInput {
        self.meta = Some(meta);
        self
    }

    /// Sets the file name.
    pub fn with_name(mut self, name: impl Into<String>) -> ArticleInput {
        self.name = Some(name.into());
        self
    }
}

/// Options of one analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(default)]
#[cfg_attr(all(test, not(target_family = "wasm")), ts(rename = "AnalyzeOptions"))]
pub struct Options {
    /// The unit of every span in the report (the browser's default is
    /// `"utf16"`).
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(as = "Option<OffsetUnit>", optional))]
    pub offsets: OffsetUnit,
}
