use super::slice;
use std::ops::Range;

/// Lines are compared within blocks of this many lines: pull-quotes repeat
/// text from the same article, and blocks keep a whole-newspaper paste
/// linear in time.
const REPEAT_BLOCK: usize = 400;
/// Word n-gram length used to find candidate repeats.
const REPEAT_GRAM: usize = 6;

/// Hashes of a line's words (letters and digits, case-folded), in order.
fn word_hashes(line: &str, out: &mut Vec<u64>) {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    out.clear();
    let mut h = 0u64;
    let mut in_word = false;
    let mut end_word = |h: &mut u64, in_word: &mut bool| {
        if *in_word {
            out.push(*h);
            *h = 0;
            *in_word = false;
        }
    };
    for c in line.chars() {
        if c.is_ascii_alphanumeric() {
            h = (h.rotate_left(5) ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(K);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            // same mixing as ASCII letters, so a word hashes alike in any line
            for l in c.to_lowercase() {
                h = (h.rotate_left(5) ^ u64::from(u32::from(l))).wrapping_mul(K);
            }
            in_word = true;
        } else {
            end_word(&mut h, &mut in_word);
        }
    }
    end_word(&mut h, &mut in_word);
}

fn gram_of(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, w| (acc.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95))
}

/// True when `needle` occurs as a contiguous run inside `hay`.
fn contains_run(hay: &[u64], needle: &[u64]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Pull-quotes are a sentence or two: at most this many words.
const MAX_QUOTE_WORDS: usize = 50;

/// True when a line of `words` words could be a pull-quote: short, and at
/// most two sentences.
fn quotable(line: &str, words: usize) -> bool {
    let mut ends = 0;
    let mut chars = line.trim_end().chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|n| n.is_whitespace()) {
            ends += 1;
        }
    }
    words <= MAX_QUOTE_WORDS && ends <= 1
}

/// Marks pull-quotes: lines of six words or more found whole inside a
/// longer line (or, ending in `|`, sharing a six-word run with another).
/// Lines repeated whole and table rows stay. Near-linear, using a word
/// 6-gram index per block of lines.
pub(super) fn repeated_lines(text: &str, lines: &[Range<usize>]) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    let mut scratch = Vec::new();
    for block_start in (0..lines.len()).step_by(REPEAT_BLOCK) {
        let block = block_start..(block_start + REPEAT_BLOCK).min(lines.len());
        let words: Vec<Vec<u64>> = block
            .clone()
            .map(|i| {
                word_hashes(lines.get(i).map_or("", |r| slice(text, r)), &mut scratch);
                scratch.clone()
            })
            .collect();
        let mut index: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (li, ws) in words.iter().enumerate() {
            for g in ws.windows(REPEAT_GRAM).map(gram_of) {
                let v = index.entry(g).or_default();
                if v.last() != Some(&li) && v.len() < 8 {
                    v.push(li);
                }
            }
        }
        for (li, k) in words.iter().enumerate() {
            let Some(head) = k.get(..REPEAT_GRAM) else { continue };
            let first = gram_of(head);
            let candidates = index.get(&first).map(Vec::as_slice).unwrap_or(&[]);
            let repeated = candidates.iter().any(|&lj| {
                // `lj` indexes `words` (the index was built from it)
                let Some(other) = words.get(lj) else { return false };
                // a pull-quote is part of a longer sentence of the body: a
                // line repeated whole (a list line, a table row, a refrain)
                // is the text itself, never set aside
                lj != li
                    && !drop.get(block.start + lj).copied().unwrap_or(true)
                    && other.len() > k.len()
                    && contains_run(other, k)
            });
            let line = lines.get(block.start + li).map_or("", |r| slice(text, r));
            if line.contains('\t') || !quotable(line, k.len()) {
                // a table row (rows legitimately repeat cells of others), or
                // a whole paragraph of several sentences: not a pull-quote
                continue;
            }
            let piped = line.trim_end().ends_with('|');
            let shares =
                || k.windows(REPEAT_GRAM).any(|w| index.get(&gram_of(w)).is_some_and(|v| v.iter().any(|&lj| lj != li)));
            if repeated || (piped && shares()) {
                if let Some(d) = drop.get_mut(block.start + li) {
                    *d = true;
                }
            }
        }
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(lines: &[&str]) -> Vec<bool> {
        let text = lines.join("\n");
        let mut ranges = Vec::new();
        let mut pos = 0;
        for l in lines {
            ranges.push(pos..pos + l.len());
            pos += l.len() + 1;
        }
        repeated_lines(&text, &ranges)
    }

    #[test]
    fn only_pull_quotes_are_repeats() {
        // (what it shows, lines, which are set aside)
        let cases: &[(&str, &[&str], &[bool])] = &[
            (
                "a pull-quote inside a longer sentence",
                &["The mayor said we will rebuild the harbor bridge by spring, to applause.", "we will rebuild the harbor bridge by spring"],
                &[false, true],
            ),
            (
                "list lines repeated whole stay",
                &["Add two cups of flour and stir well", "Add two cups of flour and stir well", "Bake it"],
                &[false, false, false],
            ),
            (
                "paragraphs repeated whole stay",
                &["The quick brown fox jumps over the lazy dog.", "The quick brown fox jumps over the lazy dog."],
                &[false, false],
            ),
            (
                "table rows repeating a cell stay",
                &["North harbor crane number one\tclosed", "North harbor crane number one is closed for the winter season."],
                &[false, false],
            ),
            (
                "a paragraph of several sentences inside a longer one stays",
                &[
                    "It rained. The port closed. Ships waited outside for two days. Then the storm passed and work resumed.",
                    "The port closed. Ships waited outside for two days. Then the storm passed and work resumed.",
                ],
                &[false, false],
            ),
            ("short lines are never repeats", &["Share on Facebook", "Share on Facebook today please"], &[false, false]),
        ];
        for (what, lines, want) in cases {
            assert_eq!(dropped(lines), *want, "{what}");
        }
    }
}
