use super::slice;
use super::stem;
use super::stream_span;
use super::Article;
use super::Context;
use super::EntityIndex;
use super::Finding;
use crate::lang::en::is_function_word;
use crate::overlap::Op;
use crate::report::DivergenceKind;
use crate::report::PassageKind;
use crate::report::Severity;
use rustc_hash::FxHashSet;

/// Modal verbs: swapping one for another changes how certain a statement
/// sounds ("would" → "could").
const MODALS: &[&str] = &["will", "would", "can", "could", "may", "might", "must", "should", "shall"];

/// How a word change inside a shared passage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Same thing, other spelling: case, digits lost, alias, spelling variant.
    Format,
    /// Different words that change how the story reads.
    Framing,
    /// Words present on one side only.
    Omission,
}

/// Classifies a substitution `a → b` (lowercase words) inside a shared
/// passage by its words alone (aliases the entity stage merged are caught
/// before this).
pub fn classify(a: &str, b: &str) -> Change {
    let a = a.trim();
    let b = b.trim();
    if a.is_empty() || b.is_empty() {
        return Change::Omission;
    }
    let strip = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let (sa, sb) = (strip(a), strip(b));
    if sa == sb {
        return Change::Format;
    }
    const SAME: &[&[&str]] = &[
        &["us", "usa", "united states", "america", "united states of america", "u s"],
        &["russia", "russian federation"],
        &["uk", "britain", "united kingdom", "great britain"],
        &["un", "united nations"],
        &["eu", "european union"],
    ];
    if SAME.iter().any(|set| set.contains(&a) && set.contains(&b)) {
        return Change::Format;
    }
    // spelling variants: programs/programmes, color/colour, -ize/-ise
    let fold = |s: &str| {
        s.replace("mme", "m").replace("our", "or").replace("ise", "ize").replace("yse", "yze").replace("tre", "ter")
    };
    if fold(&sa) == fold(&sb) {
        return Change::Format;
    }
    // one name in two forms: russia/russian, syria/syrian
    let (short, long) = if sa.len() <= sb.len() { (&sa, &sb) } else { (&sb, &sa) };
    if !a.contains(' ')
        && !b.contains(' ')
        && short.len() >= 4
        && long.starts_with(short.as_str())
        && long.len() - short.len() <= 2
    {
        return Change::Format;
    }
    Change::Framing
}

/// Word changes listed one by one per article, at most; the rest are
/// counted in one finding (each is still an edit of its passage, shown in
/// the side-by-side view).
pub(super) const MAX_CHANGES_PER_ARTICLE: usize = 40;

/// Words changed inside shared passages, classified: per article the most
/// severe [`MAX_CHANGES_PER_ARTICLE`] one by one, then one finding that
/// counts the rest, so that fifty templated articles give a list a reader
/// can take, not one card per word of every pair (4.6 million, 1.7 GB).
pub(super) fn wording(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let mut all = all_changes(ctx, ents);
    all.sort_by(|x, y| {
        x.article
            .cmp(&y.article)
            .then(y.severity.cmp(&x.severity))
            .then(x.start.cmp(&y.start))
            .then(x.others.cmp(&y.others))
    });
    let mut out = Vec::new();
    for group in all.chunk_by(|x, y| x.article == y.article) {
        let (shown, rest) = group.split_at(group.len().min(MAX_CHANGES_PER_ARTICLE));
        out.extend(shown.iter().cloned());
        let Some(first) = rest.iter().min_by_key(|f| f.start) else { continue };
        let mut others: Vec<usize> = rest.iter().flat_map(|f| f.others.iter().copied()).collect();
        others.sort_unstable();
        others.dedup();
        let label = ctx.articles.get(first.article).map_or("", |d| d.label);
        let with =
            others.iter().take(3).filter_map(|&o| ctx.articles.get(o).map(|d| d.label)).collect::<Vec<_>>().join(", ");
        let more = if others.len() > 3 { format!(" and {} more", others.len() - 3) } else { String::new() };
        out.push(Finding {
            kind: DivergenceKind::Format,
            severity: Severity::Low,
            start: first.start,
            end: first.end,
            counterpart: None,
            counterpart_span: None,
            also: Vec::new(),
            relation: None,
            explanation: format!(
                "{label} has {} more word changes inside passages it shares with {with}{more}; \
                 each is marked in the side-by-side view.",
                rest.len()
            ),
            // the articles of the first few only: a finding names what it is about
            others: others.into_iter().take(3).collect(),
            ..first.clone()
        });
    }
    out
}

fn all_changes(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&(a, b), ms) in ctx.matches {
        let (Some(da), Some(db)) = (ctx.articles.get(a), ctx.articles.get(b)) else { continue };
        if ctx.unlisted.contains(&(a, b)) {
            continue;
        }
        // the copy is the article more of whose words the other has (as
        // for dropped text), ties by text order: words one side lacks are
        // dropped by the copy or added to it, whatever the input order
        let a_is_source = (ctx.share(b, a), da.text) >= (ctx.share(a, b), db.text);
        for m in ms {
            // (once per passage: it counts the passage's words)
            let verbatim = m.kind() == PassageKind::Verbatim;
            for (k, op) in m.ops.iter().enumerate() {
                let Op::Diff { i0, i1, j0, j1 } = *op else { continue };
                // a copy that kept most of its words (a verbatim passage)
                // is edited, not reworded: each of its changes is a finding
                if !verbatim && reworded(&m.ops, k) {
                    continue;
                }
                if let Some(f) = one_change(ents, (a, da, i0, i1), (b, db, j0, j1), a_is_source) {
                    out.extend(f);
                }
            }
        }
    }
    out
}

/// Words looked at on each side of a change to tell a copy with a word
/// swapped from a reworded stretch.
const CONTEXT_WORDS: usize = 16;
/// Least share of identical words around a change (the change counted)
/// for it to be a change made to a copy. Below it the text was reworded
/// there: the few words that still match are what a paraphrase keeps
/// ("of the", a name), and its differences are the rewording itself, which
/// the passage's kind (paraphrase) reports, not a pile of word swaps.
const COPY_IDENTITY: f64 = 0.45;

/// Whether the change `ops[k]` lies in reworded text rather than in a copy:
/// fewer than [`COPY_IDENTITY`] of the words around it, itself included,
/// are identical in the two texts.
fn reworded(ops: &[Op], k: usize) -> bool {
    let size = |o: &Op| match *o {
        Op::Same { n, .. } => (n, 0),
        Op::Diff { i0, i1, j0, j1 } => (0, (i1 - i0).max(j1 - j0)),
    };
    let Some(own) = ops.get(k).map(|o| size(o).1) else { return false };
    let (mut same, mut changed) = (0usize, own);
    // `CONTEXT_WORDS` on each side, nearest first
    let mut tally = |it: &mut dyn Iterator<Item = &Op>| {
        let mut left = CONTEXT_WORDS;
        for o in it {
            if left == 0 {
                break;
            }
            let (s, d) = size(o);
            let (s, d) = (s.min(left), d.min(left.saturating_sub(s.min(left))));
            same += s;
            changed += d;
            left -= s + d;
        }
    };
    tally(&mut ops.get(..k).unwrap_or_default().iter().rev());
    tally(&mut ops.get(k + 1..).unwrap_or_default().iter());
    (same as f64) < COPY_IDENTITY * (same + changed).max(1) as f64
}

type Side<'s, 'a> = (usize, &'s Article<'a>, usize, usize);

/// Pronouns that stand for a name.
const PRONOUNS: &[&str] = &["it", "he", "she", "they", "its", "his", "her", "their", "them", "him"];

/// Whether a substitution only re-states who speaks and how plainly:
/// beside function words, the two sides differ by neutral reporting verbs
/// ("said" / "announced") and at most by a name that the other side
/// refers to with a pronoun ("said Washington would" / "also announced it
/// would"). Loaded reporting verbs ("warned", "claimed") are not neutral
/// and still make a finding.
fn restated(ents: &EntityIndex, sa: Side, sb: Side) -> bool {
    // (content words that are not a neutral reporting verb, of which
    // names, any pronoun)
    let look = |(a, d, s, e): Side| -> (usize, usize, bool) {
        let (mut plain, mut names, mut pronoun) = (0, 0, false);
        for k in s..e {
            let Some(&t) = d.stream.tokens.get(k) else { continue };
            let Some(tok) = d.tokens.get(t) else { continue };
            let w = tok.norm;
            pronoun |= PRONOUNS.contains(&w);
            if is_function_word(w) || w.chars().count() <= 1 || super::coverage::is_speech(w) {
                continue;
            }
            plain += 1;
            names += usize::from(!ents.ids(a, std::iter::once(t)).is_empty());
        }
        (plain, names, pronoun)
    };
    let ((pa, na, ra), (pb, nb, rb)) = (look(sa), look(sb));
    (pa == 0 && pb == 0) || (pa == 0 && ra && nb == pb) || (pb == 0 && rb && na == pa)
}

/// Words around the point where one side lacks a phrase within which the
/// same phrase counts as moved, not dropped.
const MOVE_WINDOW: usize = 6;

/// Whether the words `from.0..from.1` of `d`'s stream appear, in the same
/// order, in `other`'s stream within [`MOVE_WINDOW`] words of position
/// `at` (where `other` lacks them).
fn moved(d: &Article, (s, e): (usize, usize), other: &Article, at: usize) -> bool {
    let Some(phrase) = d.stream.hashes.get(s..e) else { return false };
    if phrase.is_empty() {
        return false;
    }
    let lo = at.saturating_sub(MOVE_WINDOW + phrase.len());
    let hi = at.saturating_add(MOVE_WINDOW + phrase.len()).min(other.stream.hashes.len());
    other.stream.hashes.get(lo..hi).is_some_and(|w| w.windows(phrase.len()).any(|x| x == phrase))
}

/// Prepositions the function-word list leaves out: a word before one ends
/// its noun phrase.
const PREPOSITIONS: &[&str] = &[
    "across", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between",
    "beyond", "despite", "during", "except", "inside", "near", "outside", "since", "through", "toward", "towards",
    "under", "until", "upon", "via", "within", "without",
];

/// Whether the one word that one side of a change has and the other lacks
/// is the head of a noun phrase the other leaves understood: a plain
/// content word (no name, hedge, negation, modal or -ly adverb) between a
/// content word and a function word on both sides ("the third
/// conversation between" / "the third between"). A qualifier stands before
/// the word it qualifies ("islamist militants", "Syrian ceasefire talks"),
/// so it is not followed by a function word.
fn elided_head(ents: &EntityIndex, sa: Side, sb: Side) -> bool {
    let ((a, da, i0, i1), (b, db, j0, j1)) = (sa, sb);
    let (has, s, e) = if i1 > i0 { (a, i0, i1) } else { (b, j0, j1) };
    let d = if has == a { da } else { db };
    if e != s + 1 {
        return false;
    }
    fn norm<'t>(d: &Article<'t>, k: usize) -> Option<&'t str> {
        d.stream.tokens.get(k).and_then(|&t| d.tokens.get(t)).map(|t| t.norm)
    }
    let content = |w: &str| !is_function_word(w) && w.chars().count() > 1 && w.chars().all(char::is_alphabetic);
    let Some(word) = norm(d, s) else { return false };
    let plain = content(word)
        && !word.ends_with("ly")
        && !MODALS.contains(&word)
        && !super::support::is_hedge_or_negation(word)
        && d.stream.tokens.get(s).is_some_and(|&t| ents.ids(has, std::iter::once(t)).is_empty());
    // the words before and after the gap, on both sides
    fn around<'t>(d: &Article<'t>, s: usize, e: usize) -> (Option<&'t str>, Option<&'t str>) {
        (s.checked_sub(1).and_then(|k| norm(d, k)), norm(d, e))
    }
    let ((pa, na), (pb, nb)) = (around(da, i0, i1), around(db, j0, j1));
    let before = pa.zip(pb).is_some_and(|(x, y)| x == y && content(x));
    let after = na.zip(nb).is_some_and(|(x, y)| x == y && (is_function_word(x) || PREPOSITIONS.contains(&x)));
    plain && before && after
}

/// The findings of one `Diff` inside a passage.
fn one_change(ents: &EntityIndex, sa: Side, sb: Side, a_is_source: bool) -> Option<Vec<Finding>> {
    let (a, da, i0, i1) = sa;
    let (b, db, j0, j1) = sb;
    let norms = |d: &Article, s: usize, e: usize| -> Vec<String> {
        (s..e)
            .filter_map(|k| d.stream.tokens.get(k).and_then(|&t| d.tokens.get(t)))
            .map(|t| t.norm.to_string())
            .collect()
    };
    let (wa, wb) = (norms(da, i0, i1), norms(db, j0, j1));
    // words on one side only that the other side has a few words away: a
    // phrase moved within the sentence ("will attend as an observer the
    // talks" / "will attend the talks as an observer"), not dropped
    if (wb.is_empty() && moved(da, (i0, i1), db, j0)) || (wa.is_empty() && moved(db, (j0, j1), da, i0)) {
        return None;
    }
    // one word on one side only that is the head of its phrase, not a
    // qualifier of the next word: "the third conversation between" / "the
    // third between" leaves the noun understood
    if (wa.is_empty() != wb.is_empty()) && elided_head(ents, sa, sb) {
        return None;
    }
    let content =
        |w: &[String]| w.iter().filter(|x| !is_function_word(x) && x.chars().count() > 1).cloned().collect::<Vec<_>>();
    let (ca, cb) = (content(&wa), content(&wb));
    let span_a = if i1 > i0 { stream_span(da, i0, i1) } else { None };
    let span_b = if j1 > j0 { stream_span(db, j0, j1) } else { None };
    let (ta, tb) = (slice(da, span_a), slice(db, span_b));
    let (la, lb) = (da.label, db.label);
    // a change with words on both sides is told with the wording that comes
    // first in text order first, as the finding is (the input order changes
    // nothing)
    let ((l1, t1), (l2, t2)) = if ta <= tb { ((la, ta), (lb, tb)) } else { ((lb, tb), (la, ta)) };
    // quoted in the explanation with runs of spaces made one (a stripped
    // copy has two where punctuation was); spans and counterparts stay as written
    let (qa, qb, q1, q2) = (one_spaced(ta), one_spaced(tb), one_spaced(t1), one_spaced(t2));
    let toks = |d: &Article, s: usize, e: usize| -> Vec<usize> {
        (s..e).filter_map(|k| d.stream.tokens.get(k).copied()).collect()
    };
    let ids_a = ents.ids(a, toks(da, i0, i1).into_iter());
    let ids_b = ents.ids(b, toks(db, j0, j1).into_iter());
    let has_digit = |w: &[String]| !w.is_empty() && w.iter().all(|x| x.chars().any(|c| c.is_ascii_digit()));

    // (kind, severity, explanation for a's side, for b's side)
    let (kind, severity, why): (DivergenceKind, Severity, String) = if ca.is_empty() && cb.is_empty() {
        if wa.is_empty() || wb.is_empty() {
            return None; // a lone function word or letter: not worth a reader's time
        }
        // "would" against "could": how certain the statement sounds
        let modal =
            |w: &[String]| -> Vec<String> { w.iter().filter(|x| MODALS.contains(&x.as_str())).cloned().collect() };
        if modal(&wa) != modal(&wb) {
            (
                DivergenceKind::Framing,
                Severity::Medium,
                format!("{l1} writes \"{q1}\" where {l2} writes \"{q2}\": the statement sounds more or less certain."),
            )
        } else {
            (
                DivergenceKind::Format,
                Severity::Low,
                format!("{l1} writes \"{q1}\" where {l2} writes \"{q2}\": a minor copy edit."),
            )
        }
    } else if (db.no_digits && wb.is_empty() && has_digit(&wa)) || (da.no_digits && wa.is_empty() && has_digit(&wb)) {
        let (has, lacks, what) = if wb.is_empty() { (la, lb, qa.as_str()) } else { (lb, la, qb.as_str()) };
        (
            DivergenceKind::Format,
            Severity::Low,
            format!("{has} has \"{what}\" where {lacks} has nothing: {lacks} lost its digits, a formatting loss, not a different fact."),
        )
    } else if !wa.is_empty() && !wb.is_empty() {
        let alias = !ids_a.is_empty() && ids_a == ids_b;
        let same_words = {
            let sa: FxHashSet<String> = ca.iter().map(|w| stem(w)).collect();
            let sb: FxHashSet<String> = cb.iter().map(|w| stem(w)).collect();
            !sa.is_empty() && !sb.is_empty() && (sa.is_subset(&sb) || sb.is_subset(&sa))
        };
        if restated(ents, (a, da, i0, i1), (b, db, j0, j1)) {
            return None;
        }
        if alias {
            (
                DivergenceKind::Format,
                Severity::Low,
                format!("{l1} writes \"{q1}\" where {l2} writes \"{q2}\": two names for the same thing."),
            )
        } else if classify(&wa.join(" "), &wb.join(" ")) == Change::Format {
            (
                DivergenceKind::Format,
                Severity::Low,
                format!("{l1} writes \"{q1}\" where {l2} writes \"{q2}\": the same thing, spelled differently."),
            )
        } else if same_words {
            (
                DivergenceKind::Format,
                Severity::Low,
                format!("{l1} writes \"{q1}\" where {l2} writes \"{q2}\": re-phrased with the same words."),
            )
        } else {
            (
                DivergenceKind::Framing,
                Severity::High,
                format!("In a passage they share, {l1} says \"{q1}\" where {l2} says \"{q2}\": the wording changes how it reads."),
            )
        }
    } else {
        // words on one side only
        let (has, lacks, what, words, ids) =
            if wb.is_empty() { (la, lb, qa.as_str(), &wa, &ids_a) } else { (lb, la, qb.as_str(), &wb, &ids_b) };
        // the source has words its copy dropped; a copy has words it added
        let dropped = wb.is_empty() == a_is_source;
        let names = !ids.is_empty();
        if words.len() <= 3 {
            (
                DivergenceKind::Framing,
                if names { Severity::High } else { Severity::Medium },
                format!(
                    "In a passage they share, {has} has \"{what}\" and {lacks} does not: a qualifier {}.",
                    if dropped { "dropped" } else { "added" }
                ),
            )
        } else {
            (
                DivergenceKind::Omission,
                if names { Severity::High } else { Severity::Medium },
                if dropped {
                    format!("{lacks} copies this passage from {has} but leaves out \"{what}\".")
                } else {
                    format!("{has} adds \"{what}\" to a passage it shares with {lacks}.")
                },
            )
        }
    };
    // one finding per change, on the first side that has words, with the
    // other side's span beside it
    let mut out = Vec::new();
    let (art, other, span, theirs, their_span) =
        if span_a.is_some() { (a, b, span_a, tb, span_b) } else { (b, a, span_b, ta, span_a) };
    if let Some((s, e)) = span {
        out.push(Finding {
            kind,
            severity,
            article: art,
            start: s,
            end: e,
            others: vec![other],
            counterpart: Some(theirs.to_string()),
            counterpart_span: their_span,
            also: Vec::new(),
            relation: None,
            explanation: why,
        });
    }
    Some(out)
}

/// A quoted span for an explanation: every run of whitespace one space.
fn one_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_one_spaced() {
        for (span, quoted) in [
            ("the harbor  even at night", "the harbor even at night"),
            ("  u n \n envoy ", "u n envoy"),
            ("ceasefire", "ceasefire"),
            ("", ""),
        ] {
            assert_eq!(one_spaced(span), quoted, "{span:?}");
        }
    }

    /// (ops as same-run lengths and changes `(a words, b words)`, the change
    /// looked at, reworded?)
    #[test]
    fn copies_and_rewording_table() {
        enum W {
            S(usize),
            D(usize, usize),
        }
        use W::{D, S};
        let cases: &[(&str, &[W], usize, bool)] = &[
            ("one word swapped in a copy", &[S(20), D(1, 2), S(20)], 1, false),
            ("two swaps in one sentence", &[S(12), D(1, 1), S(5), D(1, 2), S(12)], 3, false),
            ("a clause dropped from a copy", &[S(30), D(5, 0), S(30)], 1, false),
            ("a copy's last word changed", &[S(25), D(1, 1)], 1, false),
            ("short matches in a rewording", &[S(4), D(6, 5), S(3), D(4, 7), S(4), D(5, 3)], 3, true),
            ("a sentence rewritten whole", &[S(6), D(18, 20), S(6)], 1, true),
            ("a lone change", &[D(3, 3)], 0, true),
        ];
        for (what, ws, k, want) in cases {
            let (mut i, mut j) = (0, 0);
            let ops: Vec<Op> = ws
                .iter()
                .map(|w| match *w {
                    S(n) => {
                        let o = Op::Same { i, j, n };
                        i += n;
                        j += n;
                        o
                    }
                    D(x, y) => {
                        let o = Op::Diff { i0: i, i1: i + x, j0: j, j1: j + y };
                        i += x;
                        j += y;
                        o
                    }
                })
                .collect();
            assert_eq!(reworded(&ops, *k), *want, "{what}");
        }
    }

    #[test]
    fn classification_table() {
        let cases = [
            ("US", "USA", Change::Format),
            ("u s", "US", Change::Format),
            ("colour", "color", Change::Format),
            ("russian", "Russia", Change::Format),
            ("dangerous", "unsafe", Change::Framing),
            ("amping up", "increasing", Change::Framing),
            ("president", "regime leader", Change::Framing),
            ("", "regime", Change::Omission),
        ];
        for (a, b, want) in cases {
            assert_eq!(classify(&a.to_lowercase(), &b.to_lowercase()), want, "{a} -> {b}");
        }
    }
}
