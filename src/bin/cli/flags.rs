//! The flags of one command, read in turn: the loop every command of the
//! binary shares (a flag, then maybe its value), with one wording for a
//! missing or unreadable value.

use std::str::FromStr;

/// A command's arguments, read one at a time.
pub(super) struct Flags<'a> {
    args: std::slice::Iter<'a, String>,
    /// The argument read last: the flag a value belongs to.
    flag: &'a str,
}

impl<'a> Flags<'a> {
    pub(super) fn new(args: &'a [String]) -> Self {
        Flags { args: args.iter(), flag: "" }
    }

    /// The next argument: a flag, or a word that is not one (a file).
    pub(super) fn flag(&mut self) -> Option<&'a str> {
        let a = self.args.next()?;
        self.flag = a;
        Some(a)
    }

    /// The value that follows the flag just read, as it is written.
    pub(super) fn text(&mut self) -> Result<String, String> {
        self.args.next().cloned().ok_or_else(|| format!("{} needs a value", self.flag))
    }

    /// The value that follows the flag just read, read as a `T` (a number).
    pub(super) fn value<T: FromStr>(&mut self) -> Result<T, String> {
        let v = self.text()?;
        v.parse().map_err(|_| format!("{}: {v:?} is not a valid value", self.flag))
    }
}

#[cfg(test)]
mod tests {
    use super::Flags;

    #[test]
    fn flags_and_their_values() {
        let args: Vec<String> = ["--out", "dir", "--k", "7", "file", "--k", "x", "--out"].map(String::from).into();
        let mut f = Flags::new(&args);
        assert_eq!(f.flag(), Some("--out"));
        assert_eq!(f.text().as_deref(), Ok("dir"));
        assert_eq!(f.flag(), Some("--k"));
        assert_eq!(f.value::<usize>(), Ok(7));
        assert_eq!(f.flag(), Some("file"));
        assert_eq!(f.flag(), Some("--k"));
        assert_eq!(f.value::<usize>(), Err("--k: \"x\" is not a valid value".to_string()));
        assert_eq!(f.flag(), Some("--out"));
        assert_eq!(f.text(), Err("--out needs a value".to_string()));
        assert_eq!(f.flag(), None);
    }
}
