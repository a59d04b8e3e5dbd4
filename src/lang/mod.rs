//! Language data: word lists and rules that belong to one language.

pub(crate) mod en;
