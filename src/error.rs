//! The one public error type.

use std::fmt;

/// Why an analysis could not run. The message names the offending input
/// and is meant to be shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// What went wrong, for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No article was given.
    NoArticles,
    /// An article (or all of them) has no words after cleaning.
    Empty,
    /// The input could not be read (unsupported or binary file).
    Unreadable,
    /// An input is over a size or count limit.
    TooLarge,
}

impl Error {
    pub(crate) fn no_articles() -> Error {
        Error { kind: ErrorKind::NoArticles, message: "no articles to analyze: paste or drop at least one".into() }
    }

    pub(crate) fn all_empty() -> Error {
        Error { kind: ErrorKind::Empty, message: "every article is empty after cleaning".into() }
    }

    pub(crate) fn empty(index: usize, label: &str) -> Error {
        Error { kind: ErrorKind::Empty, message: format!("article {} ({label}) is empty after cleaning", index + 1) }
    }

    /// An error of the given kind with a message for the user.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message for the user.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
