use super::lexicon::ALIASES;
use super::recognize::is_stop;
use super::recognize::mk;
use crate::entities::Found;
use crate::lang::en::TITLES;
use crate::report::EntityKind;
use crate::tokens::Tok as Token;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::collections::HashSet;

/// Names longer than this many words are not looked up again.
const MAX_NAME_WORDS: usize = 8;

/// Looks up, in every article, the names found anywhere, so that a
/// lowercased copy gets the mentions its clean sibling revealed. Only whole
/// words match; in articles that have capitals, a match must be capitalized.
pub fn propagate(texts: &[&str], tokens: &[Vec<Token>], degraded: &[bool], found: &mut [Vec<Found>]) {
    crate::work::add(tokens.iter().map(Vec::len).sum::<usize>() + found.iter().map(Vec::len).sum::<usize>());
    // each key with the kind most of its mentions have (ties: the first
    // kind in `EntityKind` order), so the article order does not matter
    let mut votes: BTreeMap<String, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for f in found.iter().flatten() {
        if matches!(f.kind, EntityKind::Date | EntityKind::Number)
            || f.key.len() < 3 && f.key != "us" && f.key != "un" && f.key != "eu"
        {
            continue;
        }
        let mut keys = vec![f.key.clone()];
        if f.kind == EntityKind::Person {
            if let Some(last) = f.key.rsplit(' ').next() {
                if last.len() >= 4 && !is_stop(last) {
                    keys.push(last.to_string());
                }
            }
        }
        for k in keys {
            *votes.entry(k).or_default().entry(f.kind).or_default() += 1;
        }
    }
    let mut patterns: Vec<(String, EntityKind)> = votes
        .into_iter()
        .filter_map(|(k, kinds)| {
            let best = kinds.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
            Some((k, *best.0))
        })
        .collect();
    for (alias, _, kind) in ALIASES {
        if !patterns.iter().any(|(p, _)| p == alias) {
            patterns.push((alias.to_string(), *kind));
        }
    }
    if patterns.is_empty() {
        return;
    }
    // patterns by their words joined with single spaces, as `hay` below
    // joins the tokens: a match is a run of whole tokens whose joined norms
    // are a pattern (a hash lookup per start and length; an Aho-Corasick
    // automaton over 300,000 names took longer to build than to search)
    let by_key: FxHashMap<&str, usize> = patterns.iter().enumerate().map(|(i, (p, _))| (p.as_str(), i)).collect();
    let longest = patterns.iter().map(|(p, _)| p.split(' ').count()).max().unwrap_or(1).min(MAX_NAME_WORDS);
    // words the clean articles use in lowercase: common words, not names
    let common: HashSet<&str> = tokens
        .iter()
        .zip(degraded)
        .filter(|(_, d)| !**d)
        .flat_map(|(t, _)| t.iter().filter(|t| t.kind == TokenKind::Word && !t.capitalized).map(|t| t.norm))
        .collect();
    for (a, (toks, found_a)) in tokens.iter().zip(found.iter_mut()).enumerate() {
        let text_a = texts.get(a).copied().unwrap_or_default();
        // joined norms of word tokens, with a map back to token indices
        let mut hay = String::from(" ");
        let mut at: Vec<(usize, usize)> = Vec::new(); // (byte in hay, token index)
        for (ti, t) in toks.iter().enumerate() {
            if t.is_wordlike() {
                at.push((hay.len(), ti));
                hay.push_str(t.norm);
                hay.push(' ');
            }
        }
        let covered: Vec<bool> = {
            let mut c = vec![false; toks.len()];
            for f in found_a.iter() {
                for k in f.tokens.clone() {
                    if let Some(x) = c.get_mut(k) {
                        *x = true;
                    }
                }
            }
            c
        };
        // the names found here by first token, so the ones overlapping a
        // match are looked up, not scanned (a long list of names made that
        // scan quadratic)
        let mut by_start: Vec<(usize, usize)> = found_a.iter().enumerate().map(|(i, f)| (f.tokens.start, i)).collect();
        by_start.sort_unstable();
        let longest_found = found_a.iter().map(|f| f.tokens.len()).max().unwrap_or(0);
        let mut extra = Vec::new();
        let mut replaced: Vec<(usize, usize)> = Vec::new();
        let mut first = 0;
        while first < at.len() {
            // the longest pattern starting at this token, as leftmost-longest
            let found = (1..=longest.min(at.len() - first)).rev().find_map(|words| {
                let (&(b0, _), &(b_last, t_last)) = (at.get(first)?, at.get(first + words - 1)?);
                let end = b_last + toks.get(t_last).map_or(0, |t| t.norm.len());
                let i = *by_key.get(hay.get(b0..end)?)?;
                // a name does not run across a sentence or a clause: "asia
                // pacific vasquez", one name in a stripped copy, is not
                // "Asia-Pacific. Vasquez"
                (!crosses_a_break(text_a, toks, at.get(first)?.1, t_last + 1)).then_some((words, i))
            });
            let Some((words, i)) = found else {
                first += 1;
                continue;
            };
            let here = first;
            first += words;
            let Some((p, kind)) = patterns.get(i) else { continue };
            let (Some(&(_, t0)), Some(&(_, t_last))) = (at.get(here), at.get(here + words - 1)) else { continue };
            let t1 = t_last + 1;
            let degraded_doc = degraded.get(a).copied().unwrap_or(false);
            if (t0..t1).any(|k| covered.get(k).copied().unwrap_or(false)) {
                // in a stripped copy a name confirmed by a clean sibling beats
                // the tagger's guess at the same place; in a clean text, when
                // every word of it is capitalized here too ("warned Caldera
                // Shipping", tagged "Caldera" alone)
                let capitalized_here = (t0..t1)
                    .all(|k| toks.get(k).is_none_or(|t| t.kind != TokenKind::Word || t.capitalized || is_stop(t.norm)));
                // ... and only to lengthen the names found there, never to cut
                // one ("New York" inside "New York Times")
                let lo = by_start.partition_point(|&(st, _)| st + longest_found <= t0);
                let hi = by_start.partition_point(|&(st, _)| st < t1);
                let mut overlapping = by_start
                    .get(lo..hi)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&(_, i)| found_a.get(i))
                    .filter(|f| f.tokens.start < t1 && t0 < f.tokens.end);
                let inside = overlapping.all(|f| {
                    t0 <= f.tokens.start
                        && f.tokens.end <= t1
                        && !matches!(f.kind, EntityKind::Date | EntityKind::Number)
                });
                if p.contains(' ') && (degraded_doc || (capitalized_here && inside)) {
                    replaced.push((t0, t1));
                } else {
                    continue;
                }
            }
            // a bare surname right after another name-like word is someone
            // else who shares it ("john smith" is not "Jane Smith"), unless
            // that word ends the name of a place or organization just matched
            // ("the asia pacific vasquez ordered", a stripped run-on sentence)
            if *kind == EntityKind::Person && !p.contains(' ') && t0 > 0 {
                let Some(prev) = toks.get(t0 - 1) else { continue };
                let ends_a_match =
                    extra.last().is_some_and(|f: &Found| f.tokens.end == t0 && f.kind != EntityKind::Person);
                if !ends_a_match
                    && prev.kind == TokenKind::Word
                    && !is_stop(prev.norm)
                    && !TITLES.contains(&prev.norm)
                    && !common.contains(prev.norm)
                {
                    continue;
                }
            }
            let clean = !degraded.get(a).copied().unwrap_or(false);
            let Some(tok0) = toks.get(t0) else { continue };
            if clean && !tok0.capitalized {
                continue;
            }
            // a two-letter alias such as "us" only in degraded copies or as capitals
            if p.len() <= 3 && clean && !tok0.text(text_a).chars().all(|c| c.is_uppercase() || c == '.') {
                continue;
            }
            let mut f = mk(toks, t0..t1, *kind);
            f.key = p.clone();
            extra.push(f);
        }
        // `replaced` is in text order and its ranges do not overlap (they come
        // from leftmost-longest matches): one binary search per entity, not a
        // scan (2 MB of one repeated name took 20 s)
        replaced.sort_unstable();
        found_a.retain(|f| {
            let i = replaced.partition_point(|&(_, t1)| t1 <= f.tokens.start);
            matches!(f.kind, EntityKind::Date | EntityKind::Number)
                || replaced.get(i).is_none_or(|&(t0, _)| t0 >= f.tokens.end)
        });
        found_a.extend(extra);
        found_a.sort_by_key(|f| f.start);
    }
}

/// Whether the words `t0..t1` of a match are split by punctuation that ends
/// a sentence or a clause: a comma, semicolon, colon, `!` or `?`, or a full
/// stop after a word of four letters or more ("Pacific. Trump"), not after
/// an initial or a short abbreviation ("U.S.", "St. Louis", "Gen. Lee").
fn crosses_a_break(text: &str, toks: &[Token], t0: usize, t1: usize) -> bool {
    let mut words = toks.get(t0..t1).unwrap_or_default().iter().filter(|t| t.is_wordlike());
    let Some(mut x) = words.next() else { return false };
    words.any(|y| {
        let gap = text.get(x.end..y.start).unwrap_or_default();
        let breaks = gap.contains([',', ';', ':', '!', '?'])
            || (gap.contains('.') && gap.contains(char::is_whitespace) && x.text(text).chars().count() >= 4);
        x = y;
        breaks
    })
}
