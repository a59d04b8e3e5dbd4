//! What a caller hands to [`crate::analyze`]: the articles and the options.

use crate::report::OffsetUnit;
use serde::{Deserialize, Serialize};

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleInput {
    /// The text as the user pasted it.
    pub text: String,
    /// The label the user typed (the outlet), if any.
    #[serde(default)]
    pub label: Option<String>,
    /// The file name it came from, if any.
    #[serde(default)]
    pub name: Option<String>,
    /// Problems met while reading the input (e.g. invalid UTF-8 replaced),
    /// carried into the report's article warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl ArticleInput {
    /// An article from its text.
    pub fn new(text: impl Into<String>) -> ArticleInput {
        ArticleInput { text: text.into(), label: None, name: None, warnings: Vec::new() }
    }

    /// Sets the label the user typed.
    pub fn with_label(mut self, label: impl Into<String>) -> ArticleInput {
        self.label = Some(label.into());
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
#[serde(default)]
pub struct Options {
    /// The unit of every span in the report.
    pub offsets: OffsetUnit,
}
