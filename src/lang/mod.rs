//! Language data: word lists and rules that belong to one language, and
//! the language packs that carry the larger data files to the browser.

pub mod bidict;
pub mod calendar;
pub mod detect;
pub(crate) mod en;
pub mod pack;
pub mod places;
pub mod terms;
pub mod translit;
