//! Commands that build language data from packages (feature `train`).

use std::io::Write;

/// The Unicode ranges of the built-in table `model/translit.tsv`: Latin
/// with diacritics, combining marks, Greek, Cyrillic, Armenian, Hebrew,
/// Arabic, Georgian, Latin extended additional, Greek extended, kana and
/// full-width forms.
const BASE_RANGES: &[(u32, u32)] = &[
    (0x00C0, 0x024F),
    (0x0300, 0x036F),
    (0x0370, 0x03FF),
    (0x0400, 0x052F),
    (0x0530, 0x058F),
    (0x0590, 0x05FF),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x10A0, 0x10FF),
    (0x1E00, 0x1EFF),
    (0x1F00, 0x1FFF),
    (0x3040, 0x30FF),
    (0xFF01, 0xFF5E),
];

/// The CJK unified ideographs, in the Chinese pack.
const HAN_RANGE: (u32, u32) = (0x4E00, 0x9FFF);

fn table(ranges: &[(u32, u32)], comment: &str, as_run: bool) -> (String, usize) {
    let mut body = format!("# {comment}\n# written by corroborate build-translit from the any_ascii crate 0.3 (ISC)\n");
    let mut n = 0;
    for &(lo, hi) in ranges {
        if as_run {
            body.push_str(&format!("U+{lo:04X}\n"));
        }
        for cp in lo..=hi {
            let Some(c) = char::from_u32(cp) else { continue };
            if as_run {
                let letters: String = any_ascii::any_ascii_char(c)
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                body.push_str(if letters.is_empty() { "-" } else { &letters });
                body.push('\n');
                n += usize::from(!letters.is_empty());
                continue;
            }
            if c.is_ascii() || c.is_control() {
                continue;
            }
            let ascii = any_ascii::any_ascii_char(c);
            // letters and digits only: the soft sign's apostrophe, the
            // punctuation of symbols are dropped
            let letters: String =
                ascii.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
            // unknown characters (no letters and not a mark) stay out of
            // the table, so they fold to themselves
            if letters.is_empty() && !(ascii.is_empty() || ascii.chars().all(|c| c == '\'' || c == '"')) {
                continue;
            }
            if letters.is_empty() && ascii.is_empty() && !is_droppable(cp) {
                continue;
            }
            body.push(c);
            body.push('\t');
            body.push_str(&letters);
            body.push('\n');
            n += 1;
        }
    }
    (body, n)
}

/// Characters any_ascii drops that folding drops too: combining marks and
/// the Cyrillic and Hebrew/Arabic signs written on letters.
fn is_droppable(cp: u32) -> bool {
    (0x0300..=0x036F).contains(&cp)
        || (0x0483..=0x0489).contains(&cp)
        || (0x0591..=0x05C7).contains(&cp)
        || (0x0610..=0x061A).contains(&cp)
        || (0x064B..=0x065F).contains(&cp)
        || cp == 0x0670
}

/// `corroborate build-translit [--out DIR]`: writes the transliteration
/// tables of `src/lang/translit.rs` from the `any_ascii` crate:
/// `DIR/translit.tsv` and `DIR/lang/zh/translit.tsv` (default `model`).
pub fn build_translit_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut dir = "model".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dir = it.next().ok_or("--out needs a directory")?.clone(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let files = [
        (
            format!("{dir}/translit.tsv"),
            table(BASE_RANGES, "character, tab, its lowercase ASCII letters (empty: dropped); src/lang/translit.rs", false),
        ),
        (
            format!("{dir}/lang/zh/translit.tsv"),
            table(
                &[HAN_RANGE],
                "CJK unified ideographs in pinyin, one a line from U+4E00 (-: none), for the Chinese pack; src/lang/translit.rs",
                true,
            ),
        ),
    ];
    for (path, (body, n)) in files {
        if let Some(parent) = std::path::Path::new(&path).parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, body).map_err(|e| format!("cannot write {path}: {e}"))?;
        writeln!(out, "{path}: {n} characters").map_err(|e| e.to_string())?;
    }
    Ok(())
}
