use super::stem;
use super::Article;
use super::Context;
use super::EntityIndex;
use super::Finding;
use crate::entities::Found;
use crate::entities::DAY_CLOCK;
use crate::lang::en::is_function_word;
use crate::overlap::idf;
use crate::overlap::{Match, Op};
use crate::report::DivergenceKind;
use crate::report::EntityKind;
use crate::report::Relation;
use crate::report::Severity;
use crate::tokens::Sentence;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Figures (and, separately, dates) compared across all articles at most:
/// each article contributes its first `MAX_FACTS / articles` (at least 10).
const MAX_FACTS: usize = 1000;

/// What a number says: a value, a bound and what it counts.
#[derive(Debug, Clone)]
struct Quantity<'a> {
    article: usize,
    found: &'a Found,
    /// Lowest and highest values the wording allows.
    lo: f64,
    hi: f64,
    /// Stem of the counted noun ("civilian").
    head: String,
    /// "killed", "injured" or "" for other events.
    event: &'static str,
    /// Content stems of the sentence around it, with weights.
    context: FxHashMap<String, f32>,
    /// What the figure is in its sentence, when the word before says so.
    role: Role,
    /// The names and figures around it, in any language.
    names: FxHashMap<String, f32>,
    /// The middle word-cluster class of the counted noun (0: none): nouns
    /// of one class are near in meaning ("homes", "households").
    kin: u16,
    /// The currency the figure is written in, if any.
    money: Option<&'static str>,
}

/// Whether `y` gives the figure `x` gives: the same value counting the same
/// thing, or the same sum in the same currency ("$10 million a year" and
/// "$10 million plus bonuses", whatever noun follows).
fn same_figure(x: &Quantity, y: &Quantity) -> bool {
    x.lo == y.lo && x.hi == y.hi && (x.head == y.head || (x.money.is_some() && x.money == y.money))
}

/// A figure of change ("rose $2.11", "up 8 cents", "by 5%") or a level
/// ("to $21.03", "at $30.50"): a change and a level never disagree, they
/// are different figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unknown,
    Change,
    Level,
}

/// Whether two figures may be the same figure: not a change against a level.
fn roles_fit(x: &Quantity, y: &Quantity) -> bool {
    x.role == y.role || x.role == Role::Unknown || y.role == Role::Unknown
}

/// How far apart two figures are in value, for choosing between figures
/// in like words: a tenth for each order of magnitude, at most 0.3.
fn apart(x: &Quantity, y: &Quantity) -> f32 {
    let mid = |q: &Quantity| if q.hi.is_finite() { (q.lo + q.hi) / 2.0 } else { q.lo };
    let (a, b) = (mid(x), mid(y));
    if a <= 0.0 || b <= 0.0 {
        return 0.3;
    }
    ((a / b).log10().abs() * 0.1).min(0.3) as f32
}

/// The role of a figure by the word before it.
fn role_of(before: &str) -> Role {
    match before {
        "by" | "up" | "down" | "rose" | "fell" | "gained" | "lost" | "added" | "shed" | "jumped" | "dropped"
        | "climbed" | "slipped" | "declined" | "increased" | "decreased" | "rising" | "falling" | "gaining"
        | "losing" | "dipped" | "surged" | "slid" | "eased" | "advanced" | "tumbled" | "plunged" | "soared" | "off"
        | "increasing" | "decreasing" | "adding" | "dropping" | "slipping" | "jumping" | "climbing" | "plunging" => {
            Role::Change
        }
        "to" | "at" | "from" => Role::Level,
        _ => Role::Unknown,
    }
}

/// The counted noun of a unit ("dock workers" → "worker", "leaders
/// agreed" → "leader"): its last word that is not a verb.
fn head_noun(unit: &str) -> String {
    unit.split_whitespace()
        .rev()
        .find(|w| {
            let w = w.to_lowercase();
            !(w.ends_with("ed")
                || w.ends_with("ing")
                || matches!(w.as_str(), "said" | "says" | "were" | "was" | "are" | "is" | "spoke" | "set" | "met"))
        })
        .map(stem)
        .unwrap_or_default()
}

/// The middle word-cluster class of a unit's counted noun, 0 when it has
/// none (`model/clusters.txt`, learned from unlabeled news).
fn kin_of(unit: &str) -> u16 {
    use crate::entities::tagger::{clusters, stable_hash};
    unit.split_whitespace()
        .last()
        .map(|w| {
            let fine = clusters::class_of(stable_hash(w.to_lowercase().as_bytes()));
            clusters::levels(fine).get(1).copied().unwrap_or(0)
        })
        .unwrap_or(0)
}

/// The currency a figure is written in, by its symbol or code.
fn currency(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    [("$", "dollar"), ("€", "euro"), ("£", "pound"), ("¥", "yen"), ("usd", "dollar"), ("eur", "euro"), ("gbp", "pound")]
        .into_iter()
        .find(
            |(sym, _)| {
                if sym.is_ascii() && sym.len() > 1 {
                    t.split_whitespace().any(|w| w == *sym)
                } else {
                    t.contains(sym)
                }
            },
        )
        .map(|(_, c)| c)
}

/// Nouns that count people: two counts of people in one event compare even
/// when one says "civilians" and the other "people".
fn is_people(head: &str) -> bool {
    matches!(
        head,
        "people"
            | "civilian"
            | "person"
            | "child"
            | "children"
            | "resident"
            | "soldier"
            | "fighter"
            | "worker"
            | "victim"
            | "men"
            | "women"
            | "passenger"
            | "student"
            | "troop"
            | "refugee"
            | "migrant"
            | "protester"
            | "militant"
    )
}

fn event_of(words: &[&str]) -> &'static str {
    for w in words {
        let s = stem(w);
        match s.as_str() {
            "kill" | "dead" | "die" | "died" | "death" | "deaths" | "killed" | "fatalit" | "toll" => return "killed",
            "injur" | "injure" | "wound" | "hurt" => return "injured",
            "arrest" | "detain" => return "arrested",
            _ => {}
        }
    }
    ""
}

/// The bounds of a value under its qualifier: a floor ("more than", "as
/// few as", "no fewer than"), a ceiling ("up to", "as many as", "no more
/// than") or about the value ("nearly", "an estimated").
fn bounds(value: f64, qualifier: Option<&str>) -> (f64, f64) {
    let q = qualifier.unwrap_or("").to_lowercase();
    let q = q.as_str();
    const FLOOR: &[&str] = &[
        "more than",
        "over",
        "at least",
        "above",
        "upwards of",
        "in excess of",
        "just over",
        "well over",
        "as few as",
        "as little as",
        "as low as",
        "no fewer than",
        "no less than",
    ];
    const CEILING: &[&str] = &[
        "less than",
        "under",
        "fewer than",
        "up to",
        "at most",
        "below",
        "just under",
        "as much as",
        "as many as",
        "as high as",
        "no more than",
    ];
    if FLOOR.contains(&q) {
        (value, f64::INFINITY)
    } else if CEILING.contains(&q) {
        (0.0, value)
    } else if is_about(Some(q)) {
        (value * 0.85, value * 1.15)
    } else {
        (value, value)
    }
}

/// Whether a qualifier puts a figure near its value ("about", "nearly").
fn is_about(qualifier: Option<&str>) -> bool {
    const ABOUT: &[&str] =
        &["about", "around", "nearly", "almost", "some", "roughly", "approximately", "an estimated", "close to"];
    qualifier.is_some_and(|q| ABOUT.contains(&q.to_lowercase().as_str()))
}

/// The counted noun of a time of day ("9:15 p.m."), followed by its zone.
const CLOCK: &str = "clock";

/// Scale words a figure may be written with.
const SCALES: [&str; 10] =
    ["hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "bn"];

/// The step of a written figure: its last written digit's place, times
/// the scale word ("4.2 million": 0.1 million; "$30.50": 0.01; "300": 1).
/// A figure written in words ("four", "two million") steps by the largest
/// power of ten that divides it: words name round numbers.
fn step(value: f64, text: &str) -> Option<f64> {
    let written: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let written = written.trim_end_matches('.');
    if written.is_empty() {
        return (value >= 1.0 && value.fract() == 0.0 && value < 1e15).then(|| round_place(value));
    }
    let number: f64 = written.parse().ok()?;
    if number <= 0.0 || value <= 0.0 {
        return None;
    }
    let decimals = written.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    Some((value / number) * 10f64.powi(-decimals))
}

/// The largest power of ten dividing a whole number (1 for 25, 100 for
/// 300, 1,000,000 for 4,000,000).
fn round_place(value: f64) -> f64 {
    let mut place = 1.0;
    while place < 1e15 && (value / (place * 10.0)).fract() == 0.0 {
        place *= 10.0;
    }
    place
}

/// The same digits written with and without a scale word ("$70" and "$70
/// million", "3 billion" and "3,000 million" are not: those differ): one
/// text lost or split its scale word.
fn scale_lost(x: &Quantity, tx: &str, y: &Quantity, ty: &str) -> bool {
    let digits = |t: &str| -> String { t.chars().filter(char::is_ascii_digit).collect() };
    let has_scale = |t: &str| t.to_lowercase().split(|c: char| !c.is_alphabetic()).any(|w| SCALES.contains(&w));
    let (dx, dy) = (digits(tx), digits(ty));
    !dx.is_empty() && dx == dy && has_scale(tx) != has_scale(ty) && x.lo != y.lo
}

/// A figure that is only a scale word ("million euros", "hundreds of
/// people"): an order of magnitude, not a figure to compare.
fn only_scale(text: &str) -> bool {
    let lower = text.to_lowercase();
    !lower.chars().any(|c| c.is_ascii_digit())
        && lower
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty() && !matches!(*w, "about" | "around" | "some" | "nearly" | "almost" | "over"))
            .is_some_and(|w| SCALES.contains(&w))
}

/// Whether two figures count the same kind of thing and so can disagree:
/// the same counted noun (a currency counts as one), or two counts of
/// people. Figures in different units or currencies ("100 kilograms",
/// "220 pounds"; "$273", "£169.99") are conversions, not conflicts.
fn same_measure(x: &Quantity, tx: &str, y: &Quantity, ty: &str) -> bool {
    same_money(tx, ty) && (x.head == y.head || (is_people(&x.head) && is_people(&y.head)))
}

/// Not two different currencies ("$273" against "£169.99").
fn same_money(tx: &str, ty: &str) -> bool {
    match (currency(tx), currency(ty)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether two exact figures differ only by rounding: the rounder one is
/// the other rounded to its own last digit ("$30" for "$30.50", "4
/// million" for "4.2 million"; not "300" for "350").
fn rounds_to(x: &Quantity, tx: &str, y: &Quantity, ty: &str) -> bool {
    // a time of day is written to the minute it means ("9 p.m." is not
    // "9:15 p.m." rounded)
    if x.lo != x.hi || y.lo != y.hi || x.head.starts_with(CLOCK) {
        return false;
    }
    let (Some(sx), Some(sy)) = (step(x.lo, tx), step(y.lo, ty)) else { return false };
    let coarse = sx.max(sy);
    if (sx - sy).abs() > 1e-9 * coarse && (x.lo - y.lo).abs() <= coarse * (0.5 + 1e-9) {
        return true;
    }
    // a whole number ending in zeros may be rounded to its last other
    // digit ("300 people" for "296 people"); a tie is not rounding
    let zeros = |v: f64, s: f64| if v.fract() == 0.0 { round_place(v).max(s) } else { s };
    let (zx, zy) = (zeros(x.lo, sx), zeros(y.lo, sy));
    let coarse = zx.max(zy);
    (zx - zy).abs() > 1e-9 * coarse && (x.lo - y.lo).abs() < coarse * 0.5 - 1e-9 * coarse
}

/// The high end of a range written as two figures ("between 30 and 40
/// people", "$10 billion-$15 billion", "ranged from 16 cents to 27 cents";
/// not "rose from 5 to 7", a change): the second figure's value.
fn range_end(d: &Article, f: &Found, g: &Found) -> Option<f64> {
    let (low, high) = (f.value?, g.value?);
    if f.kind != EntityKind::Number || g.kind != EntityKind::Number || high <= low || g.tokens.start != f.tokens.end + 1
    {
        return None;
    }
    let word = |k: Option<usize>| k.and_then(|k| d.tokens.get(k)).map_or("", |t| t.norm);
    let before = word(f.tokens.start.checked_sub(1));
    let joined = match word(Some(f.tokens.end)) {
        "-" | "\u{2010}" | "\u{2013}" | "\u{2014}" => true,
        "and" => before == "between",
        "to" => before == "from" && role_of(word(f.tokens.start.checked_sub(2))) != Role::Change,
        _ => false,
    };
    let (tf, tg) = (d.text.get(f.start..f.end)?, d.text.get(g.start..g.end)?);
    // both ends are written figures ("$3-million" is one figure)
    let written = |t: &str| t.chars().any(|c| c.is_ascii_digit()) || !t.chars().any(char::is_alphabetic);
    (joined && written(tf) && written(tg) && same_money(tf, tg)).then_some(high)
}

/// The high end of a range written in one figure ("10-15 boats", "$2-3
/// million"; the scale word counts for both ends).
fn dash_range_end(text: &str, value: f64) -> Option<f64> {
    let number = |s: &str| s.replace(',', "").parse::<f64>().ok();
    let digits = text.trim_start_matches(|c: char| !c.is_ascii_digit());
    let (first, rest) = digits.split_once(['-', '\u{2013}'])?;
    let second: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let (low, high) = (number(first)?, number(&second)?);
    (low > 0.0 && high > low).then(|| high * value / low)
}

/// Month and day range of a date mention, when it names a month.
fn parse_date(text: &str) -> Option<(usize, Option<(u32, u32)>)> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let month = words.iter().find_map(|w| {
        let w3: String = w.chars().take(3).collect();
        MONTHS.iter().position(|m| *m == w3 && w.chars().all(char::is_alphabetic))
    })?;
    let days = words.iter().find_map(|w| {
        let mut parts = w.split('-').map(|p| p.parse::<u32>().ok());
        let first = parts.next()??;
        let last = parts.next().flatten().unwrap_or(first);
        ((1..=31).contains(&first) && (1..=31).contains(&last)).then_some((first, last))
    });
    Some((month, days))
}

/// The sentence holding a mention (sentences are in text order).
fn sentence_of<'s>(d: &'s Article, f: &Found) -> Option<&'s Sentence> {
    let k = d.sentences.partition_point(|s| s.end <= f.start);
    d.sentences.get(k).filter(|s| s.start <= f.start)
}

/// Words read around a figure or date on each side, within its sentence.
const CONTEXT_WINDOW: usize = 15;

/// The tokens around a mention: its sentence, at most [`CONTEXT_WINDOW`]
/// tokens on each side.
fn around(d: &Article, f: &Found) -> std::ops::Range<usize> {
    let (lo, hi) = sentence_of(d, f).map_or((f.tokens.start, f.tokens.end), |s| (s.tokens.start, s.tokens.end));
    f.tokens.start.saturating_sub(CONTEXT_WINDOW).max(lo)..(f.tokens.end + CONTEXT_WINDOW).min(hi)
}

fn context_terms(d: &Article, f: &Found) -> FxHashMap<String, f32> {
    let mut m = FxHashMap::default();
    let r = around(d, f);
    for (k, t) in d.tokens.get(r.clone()).unwrap_or(&[]).iter().enumerate() {
        let idx = r.start + k;
        if f.tokens.contains(&idx)
            || t.kind != TokenKind::Word
            || is_function_word(t.norm)
            || t.norm.chars().count() < 2
        {
            continue;
        }
        m.insert(stem(t.norm), idf(t.norm));
    }
    m
}

/// The context of a mention that does not depend on the language: the
/// canonical entities named around it (merged across languages: "Russland"
/// and "Russia" are one) and the figures, weighing one each.
fn names_around(d: &Article, f: &Found, ents: &EntityIndex, a: usize) -> FxHashMap<String, f32> {
    let r = around(d, f);
    let mut m = FxHashMap::default();
    if let Some(named) = ents.named.get(a) {
        for t in r.clone().filter(|t| !f.tokens.contains(t)) {
            if let Some(id) = named.get(&t) {
                m.insert(format!("e{id}"), 1.0);
            }
        }
    }
    for g in ents.values.get(a).into_iter().flatten() {
        if g.kind == EntityKind::Number && g.tokens.start >= r.start && g.tokens.end <= r.end && g.tokens != f.tokens {
            if let Some(v) = g.value {
                m.insert(format!("#{v}"), 1.0);
            }
        }
    }
    m
}

/// Whether two articles are in different known languages. Two articles
/// that share a passage (the same words in the same order) are not: the
/// identification of a short text can be wrong (one English sentence read
/// as French), a passage in common cannot.
fn across_languages(ctx: &Context, a: usize, b: usize) -> bool {
    let lang = |i: usize| ctx.articles.get(i).map_or("und", |d| d.language);
    let (x, y) = (lang(a), lang(b));
    let n = ctx.articles.len();
    let shared = |p: usize, q: usize| ctx.shared.get(p * n + q).copied().unwrap_or(0) > 0;
    x != y && x != "und" && y != "und" && !shared(a, b) && !shared(b, a)
}

/// How much two contexts share, weighted, as a share of the smaller one.
fn context_overlap(x: &FxHashMap<String, f32>, y: &FxHashMap<String, f32>) -> f32 {
    let sx: f32 = x.values().sum();
    let sy: f32 = y.values().sum();
    let shared: f32 = x.iter().filter(|(k, _)| y.contains_key(*k)).map(|(_, v)| v).sum();
    let small = sx.min(sy);
    if small <= 0.0 {
        0.0
    } else {
        shared / small
    }
}

/// Where a mention of article `a` sits in the text `a` shares with `b`:
/// the token range of `b` at the aligned place when a passage of the pair
/// covers the mention (both its neighbouring words are inside the passage),
/// `None` when no passage covers it. A figure inside shared text is compared
/// with what the other article has at that place, never with another
/// figure that merely counts the same thing.
fn aligned_place(ctx: &Context, a: usize, b: usize, f: &Found) -> Option<Range<usize>> {
    let (da, db) = (ctx.articles.get(a)?, ctx.articles.get(b)?);
    let ms = ctx.matches.get(&(a.min(b), a.max(b)))?;
    let swap = a > b;
    // stream positions of `a` just before and just after the mention
    let first_in = da.stream.tokens.partition_point(|&t| t < f.tokens.start);
    let next = da.stream.tokens.partition_point(|&t| t < f.tokens.end);
    let (la, lb) = (da.stream.len(), db.stream.len());
    let b_token = |q: usize| db.stream.tokens.get(q).copied();
    for m in ms {
        let (a0, a1, b0, b1) = if swap { (m.b0, m.b1, m.a0, m.a1) } else { (m.a0, m.a1, m.b0, m.b1) };
        // the token bound in `b` just after the image of `prev`
        let lo = match first_in.checked_sub(1) {
            Some(prev) if (a0..a1).contains(&prev) => {
                image(m, swap, prev, false).map(|q| q.checked_sub(1).and_then(b_token).map_or(0, |t| t + 1))
            }
            None if a0 == 0 && b0 == 0 => Some(0),
            _ => None,
        };
        let Some(lo) = lo else { continue };
        let hi = if next < la {
            if !(a0..a1).contains(&next) {
                continue;
            }
            image(m, swap, next, true).map(|q| b_token(q).unwrap_or(db.tokens.len()))
        } else if a1 == la && b1 == lb {
            Some(db.tokens.len())
        } else {
            None
        };
        if let Some(hi) = hi {
            // a mention in a stretch the other side has nothing for (a
            // sentence moved elsewhere in a re-worded passage) has no place
            // there: it is compared as text outside the passage
            let from = db.stream.tokens.partition_point(|&t| t < lo);
            if db.stream.tokens.get(from).is_none_or(|&t| t >= hi) {
                return None;
            }
            return Some(lo..hi);
        }
    }
    None
}

/// The stream position of `b` aligned with position `q` of `a` in passage
/// `m` (seen from `b` when `swap`), as an exclusive-start bound: for a word
/// inside a same-word run, one past its twin (`upper == false`) or its twin
/// (`upper == true`); for a word inside a re-worded stretch, the edge of the
/// other side's stretch.
fn image(m: &Match, swap: bool, q: usize, upper: bool) -> Option<usize> {
    for op in &m.ops {
        match *op {
            Op::Same { i, j, n } => {
                let (i, j) = if swap { (j, i) } else { (i, j) };
                if (i..i + n).contains(&q) {
                    return Some(j + (q - i) + usize::from(!upper));
                }
            }
            Op::Diff { i0, i1, j0, j1 } => {
                let (i0, i1, j0, j1) = if swap { (j0, j1, i0, i1) } else { (i0, i1, j0, j1) };
                if (i0..i1).contains(&q) {
                    return Some(if upper { j1 } else { j0 });
                }
            }
        }
    }
    None
}

/// The figure of article `b` counting a noun near in meaning to `x`'s
/// (the same middle word-cluster class, another noun: "300 homes",
/// "250 households") around the same names, when no figure counting the
/// same noun matches: as across languages, where the counted nouns cannot
/// be compared word for word, the names around the figures stand for the
/// context. Such figures are compared, never found in conflict.
fn kin_figure<'q>(ctx: &Context, x: &Quantity, b: usize, theirs: &[&'q Quantity<'q>]) -> Option<&'q Quantity<'q>> {
    if x.kin == 0 {
        return None;
    }
    crate::work::add(1 + theirs.len());
    theirs
        .iter()
        .copied()
        .filter(|y| y.kin == x.kin && y.head != x.head && roles_fit(x, y))
        .filter(|y| aligned_place(ctx, b, x.article, y.found).is_none())
        .map(|y| (context_overlap(&x.names, &y.names), y))
        .filter(|(s, _)| *s >= 0.5)
        .max_by(|p, q| p.0.total_cmp(&q.0))
        .map(|(_, y)| y)
}

/// How much better than any other figure a figure must match to be taken
/// as the counterpart of a figure elsewhere in the text (context overlap,
/// less how far apart the values are).
const AMBIGUOUS: f32 = 0.05;

/// A month (0-11) and its day range, when the date gives one.
type MonthDays = (usize, Option<(u32, u32)>);

/// A date mention: article, mention, month (0-11), day range, context.
type DateMention<'a> = (usize, &'a Found, usize, Option<(u32, u32)>, FxHashMap<String, f32>, FxHashMap<String, f32>);

/// Numbers and dates about the same thing across articles, lined up by what
/// they count (the counted noun, the event verb, the words around them) and
/// labelled agrees, compatible or conflicts.
pub(super) fn facts(ctx: &Context, ents: &EntityIndex) -> Vec<Finding> {
    let n = ctx.articles.len();
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut dates: Vec<DateMention> = Vec::new();
    // the first figures and dates of each article are compared, so a text
    // made of numbers cannot make the comparison quadratic
    let cap = (MAX_FACTS / n.max(1)).max(10);
    // two figures that make one range are one figure from the first's
    // start to the second's end, with both values
    let mut ranges: Vec<Found> = Vec::new();
    let mut range_at: FxHashMap<(usize, usize), (usize, f64)> = FxHashMap::default();
    for (a, d) in ctx.articles.iter().enumerate() {
        let values = ents.values.get(a).map_or(&[][..], Vec::as_slice);
        for (i, pair) in values.windows(2).enumerate().take(2 * cap) {
            let [f, g] = pair else { continue };
            if range_at.contains_key(&(a, i)) || (i > 0 && range_at.contains_key(&(a, i - 1))) {
                continue;
            }
            if let Some(high) = range_end(d, f, g) {
                let mut whole = Found::clone(f);
                whole.end = g.end;
                whole.tokens = f.tokens.start..g.tokens.end;
                whole.unit = g.unit.clone().or_else(|| f.unit.clone());
                range_at.insert((a, i), (ranges.len(), high));
                ranges.push(whole);
            }
        }
    }
    for (a, d) in ctx.articles.iter().enumerate() {
        let (mut nq, mut nd) = (0usize, 0usize);
        for (i, f) in ents.values.get(a).into_iter().flatten().enumerate() {
            // the second figure of a range is in the range
            if i > 0 && range_at.contains_key(&(a, i - 1)) {
                continue;
            }
            let (f, high) = match range_at.get(&(a, i)) {
                Some(&(k, high)) => (ranges.get(k).unwrap_or(*f), Some(high)),
                None => (*f, None),
            };
            if nq >= cap && nd >= cap {
                break;
            }
            let Some(text) = d.text.get(f.start..f.end) else { continue };
            if f.kind == EntityKind::Date {
                if nd < cap {
                    // other languages' dates are keyed in English ("may 5 2017")
                    if let Some((month, days)) = parse_date(text).or_else(|| parse_date(&f.key)) {
                        let names = names_around(d, f, ents, a);
                        dates.push((a, f, month, days, context_terms(d, f), names));
                        nd += 1;
                    }
                }
                continue;
            }
            if nq >= cap {
                continue;
            }
            let Some(value) = f.value else { continue };
            let digits = text.chars().any(|c| c.is_ascii_digit());
            // "the two leaders" is a reference, not a figure
            if (value <= 2.0 && !digits) || only_scale(text) {
                continue;
            }
            let unit = f.unit.as_deref().unwrap_or("");
            // a time of day ("pm", "am edt") counts hours on the clock of
            // its zone: "9 a.m." meets "9:15 p.m.", not "9 a.m. GMT"; money
            // counts in its currency when no noun follows ("$4 million")
            let clock = unit.split_whitespace().next().is_some_and(|w| matches!(w, "am" | "pm" | DAY_CLOCK));
            let head = match head_noun(unit) {
                _ if clock => unit.split_whitespace().skip(1).fold(CLOCK.to_string(), |h, zone| h + " " + zone),
                h if h.is_empty() => currency(text).unwrap_or_default().to_string(),
                h => h,
            };
            if head.is_empty() {
                continue;
            }
            let context = context_terms(d, f);
            let sentence_words: Vec<&str> =
                d.tokens.get(around(d, f)).map(|ts| ts.iter().map(|t| t.norm).collect()).unwrap_or_default();
            let (lo, hi) = match high.or_else(|| dash_range_end(text, value)) {
                Some(high) => (bounds(value, f.qualifier.as_deref()).0, bounds(high, f.qualifier.as_deref()).1),
                // "about 9 p.m.": within half an hour
                None if clock && is_about(f.qualifier.as_deref()) => (value - 0.5, value + 0.5),
                None => bounds(value, f.qualifier.as_deref()),
            };
            let word_before = |k: usize| k.checked_sub(1).and_then(|k| d.tokens.get(k)).map_or("", |t| t.norm);
            let before = word_before(f.tokens.start);
            let mut role = role_of(before);
            // "fell 4.6 percent, or $4.04, to $83.38": a figure after "or"
            // restates the figure just before it, in its role
            if before == "or" {
                let previous = i.checked_sub(1).and_then(|k| ents.values.get(a).and_then(|v| v.get(k)));
                if let Some(p) = previous.filter(|p| p.tokens.end + 2 >= f.tokens.start) {
                    role = role_of(word_before(p.tokens.start));
                }
            }
            let names = names_around(d, f, ents, a);
            let kin = kin_of(unit);
            quantities.push(Quantity {
                article: a,
                found: f,
                lo,
                hi,
                head,
                event: event_of(&sentence_words),
                context,
                role,
                names,
                kin,
                money: currency(text),
            });
            nq += 1;
        }
    }
    let mut out = Vec::new();
    let label = |a: usize| ctx.articles.get(a).map_or("", |d| d.label);
    let text_of =
        |a: usize, f: &Found| ctx.articles.get(a).and_then(|d| d.text.get(f.start..f.end)).unwrap_or("").to_string();
    // each article's figures in text order, by counted noun, and those that
    // count people in an event: a figure is only ever compared with these,
    // so the work follows the figures that could match, not all pairs
    let mut by_article: Vec<Vec<&Quantity>> = vec![Vec::new(); n];
    let mut by_head: Vec<FxHashMap<&str, Vec<&Quantity>>> = vec![FxHashMap::default(); n];
    let mut people: Vec<Vec<&Quantity>> = vec![Vec::new(); n];
    for q in &quantities {
        if let Some(v) = by_article.get_mut(q.article) {
            v.push(q);
        }
        if let Some(m) = by_head.get_mut(q.article) {
            m.entry(q.head.as_str()).or_default().push(q);
        }
        if is_people(&q.head) && !q.event.is_empty() {
            if let Some(v) = people.get_mut(q.article) {
                v.push(q);
            }
        }
    }
    for v in &mut by_article {
        v.sort_by_key(|q| q.found.tokens.start);
    }
    // which articles give each figure too (by value, then measure): a
    // figure both articles give is no difference, and it is not the
    // counterpart of another figure either, so "$2,800 from $2,500" and
    // "by $300 to $2,800" leave nothing to compare
    let mut by_value: FxHashMap<(u64, u64), Vec<&Quantity>> = FxHashMap::default();
    for q in &quantities {
        by_value.entry((q.lo.to_bits(), q.hi.to_bits())).or_default().push(q);
    }
    let same_value = |x: &Quantity| {
        let same = by_value.get(&(x.lo.to_bits(), x.hi.to_bits())).map_or(&[][..], Vec::as_slice);
        crate::work::add(1 + same.len());
        same
    };
    let told = |x: &Quantity, b: usize| same_value(x).iter().any(|y| y.article == b && same_figure(x, y));
    let no_figures: Vec<&Quantity> = Vec::new();
    // the best-matching figure of article `b` for `x` (outside text the two
    // share when `outside`): counting the same thing (or people in the same
    // event), in like words, and among those the nearest in value; one of
    // theirs that `x`'s article also gives is matched already
    let best_elsewhere = |x: &Quantity, b: usize, outside: bool| -> (Option<(f32, &Quantity)>, f32) {
        let same_head = by_head.get(b).and_then(|m| m.get(x.head.as_str())).unwrap_or(&no_figures);
        let counted_people = if is_people(&x.head) && !x.event.is_empty() {
            people.get(b).unwrap_or(&no_figures).as_slice()
        } else {
            &[]
        };
        let mut candidates: Vec<&Quantity> = same_head
            .iter()
            .chain(counted_people.iter().filter(|y| y.event == x.event && y.head != x.head))
            .copied()
            .collect();
        // in text order, as the comparison always went
        candidates.sort_by_key(|y| y.found.tokens.start);
        crate::work::add(1 + candidates.len());
        candidates
            .into_iter()
            .filter(|y| roles_fit(x, y) && !told(y, x.article))
            .filter(|y| !outside || aligned_place(ctx, b, x.article, y.found).is_none())
            .map(|y| (context_overlap(&x.context, &y.context), y))
            .filter(|(s, _)| *s >= 0.3)
            // among figures in like words, the nearest in value ("$4.7
            // billion" with "$4.62 billion", not with "$987 million" in the
            // same sentence)
            .map(|(s, y)| (s - apart(x, y), y))
            .fold((None, f32::NEG_INFINITY), |(best, second): (Option<(f32, &Quantity)>, f32), (s, y)| match best {
                Some((top, _)) if s < top => (best, second.max(s)),
                Some((top, _)) => (Some((s, y)), top),
                None => (Some((s, y)), second),
            })
    };
    // a figure's counterpart among all of `b`'s figures, when it is clear:
    // the best match, unless another figure answers almost as well (which
    // of the two it is is not known, and no difference is claimed)
    let clear_best = |x: &Quantity, b: usize| -> Option<&Quantity> {
        match best_elsewhere(x, b, false) {
            (Some((top, y)), second) if top - second >= AMBIGUOUS => Some(y),
            _ => None,
        }
    };
    // each quantity against the best-matching one in every other article
    for x in &quantities {
        for b in 0..n {
            if b == x.article {
                continue;
            }
            // paired by a noun near in meaning: compared, never a conflict
            let mut near = false;
            let y = match aligned_place(ctx, x.article, b, x.found) {
                // in shared text: the figure at the same place, if any (a
                // figure dropped from a copy is a wording change, not a fact)
                Some(place) => {
                    let theirs = by_article.get(b).unwrap_or(&no_figures);
                    // a figure reaching into the place counts: the copy's
                    // "about $4 million" for "$4 million" (the approximator
                    // is a word the other lacks, before the aligned figure)
                    let from = theirs.partition_point(|y| y.found.tokens.end <= place.start);
                    let here: Vec<&Quantity> = theirs
                        .get(from..)
                        .unwrap_or_default()
                        .iter()
                        .copied()
                        .take_while(|y| y.found.tokens.start < place.end)
                        .filter(|y| y.found.tokens.end <= place.end || y.found.tokens.start >= place.start)
                        .collect();
                    crate::work::add(1 + here.len());
                    // the same figure if it is there, else one counting the same
                    here.into_iter()
                        .filter(|y| roles_fit(x, y))
                        .max_by_key(|y| (y.head == x.head && y.lo == x.lo && y.hi == x.hi, y.head == x.head))
                }
                // elsewhere: the best-matching figure that is not itself in
                // text the two articles share
                // in another language the counted nouns differ ("people",
                // "Menschen"): the figures around the same names compare,
                // and one the other article also gives is no difference
                None if across_languages(ctx, x.article, b) => {
                    let theirs = by_article.get(b).unwrap_or(&no_figures);
                    crate::work::add(1 + theirs.len());
                    if theirs.iter().any(|y| y.lo == x.lo && y.hi == x.hi) {
                        continue;
                    }
                    theirs
                        .iter()
                        .copied()
                        .filter(|y| !same_value(y).iter().any(|z| z.article == x.article))
                        .map(|y| (context_overlap(&x.names, &y.names), y))
                        .filter(|(s, _)| *s >= 0.5)
                        .max_by(|p, q| p.0.total_cmp(&q.0))
                        .map(|(_, y)| y)
                }
                None => {
                    // a figure the other article also gives, counting the
                    // same thing, is not a difference, wherever it stands
                    // ("$29 for A, $89 for B" against "A is $29, B is $89")
                    if told(x, b) {
                        continue;
                    }
                    match best_elsewhere(x, b, true) {
                        // each figure meets one counterpart: the one it is
                        // the best match of in turn, among all the figures
                        // of this article ("three cars" in a paragraph on
                        // an earlier accident is not set against "fourteen
                        // cars" when "eighteen cars" answers it better)
                        (Some((top, y)), second) => {
                            let clear = top - second >= AMBIGUOUS;
                            if !clear || !clear_best(y, x.article).is_some_and(|back| std::ptr::eq(back, x)) {
                                continue;
                            }
                            Some(y)
                        }
                        (None, _) => {
                            near = true;
                            kin_figure(ctx, x, b, by_article.get(b).unwrap_or(&no_figures))
                        }
                    }
                }
            };
            let Some(y) = y else { continue };
            let (tx, ty) = (text_of(x.article, x.found), text_of(b, y.found));
            let exact = x.lo == x.hi && y.lo == y.hi;
            let (relation, severity, why) = if x.lo == y.lo && x.hi == y.hi {
                if x.head == y.head || across_languages(ctx, x.article, b) {
                    continue; // the same figure: nothing to point out
                }
                (Relation::Agrees, Severity::Low, "the same figure, counting different groups")
            } else if (x.lo <= y.hi && y.lo <= x.hi) || rounds_to(x, &tx, y, &ty) {
                if exact {
                    (Relation::Agrees, Severity::Low, "the same figure")
                } else if x.head == y.head {
                    (Relation::Compatible, Severity::Medium, "compatible figures, one less precise")
                } else {
                    (Relation::Compatible, Severity::Medium, "compatible counts of different groups")
                }
            } else if scale_lost(x, &tx, y, &ty) {
                (Relation::Compatible, Severity::Medium, "the same digits, one without its scale word")
            } else if near {
                continue; // nouns near in meaning, not the same measure
            } else if same_measure(x, &tx, y, &ty)
                // across languages the counted nouns cannot be compared word
                // for word ("человек", "people"): the pairing by the names
                // and figures around them stands for it
                || (across_languages(ctx, x.article, b) && same_money(&tx, &ty))
            {
                (Relation::Conflicts, Severity::High, "the figures disagree")
            } else {
                continue; // different measures: nothing says they should agree
            };
            out.push(Finding {
                kind: DivergenceKind::Fact,
                severity,
                article: x.article,
                start: x.found.start,
                end: x.found.end,
                others: vec![b],
                counterpart: Some(ty.clone()),
                counterpart_span: Some((y.found.start, y.found.end)),
                also: Vec::new(),
                relation: Some(relation),
                explanation: format!("{} says \"{tx}\" where {} says \"{ty}\": {why}.", label(x.article), label(b)),
            });
        }
    }
    // the months (and days) each article gives: a date both articles give
    // is no difference, nor the counterpart of another date ("from July 1
    // to June 30" in both: July 1 is not set against June 30)
    let mut given: Vec<Vec<MonthDays>> = vec![Vec::new(); n];
    for d in &dates {
        if let Some(v) = given.get_mut(d.0) {
            v.push((d.2, d.3));
        }
    }
    let gives = |a: usize, month: usize, days: Option<(u32, u32)>| {
        given
            .get(a)
            .is_some_and(|v| v.iter().any(|&(m, dd)| m == month && (dd.is_none() || days.is_none() || dd == days)))
    };
    for (i, x) in dates.iter().enumerate() {
        crate::work::add(dates.len() - i);
        for y in dates.iter().skip(i + 1) {
            if x.0 == y.0 {
                continue;
            }
            // a date inside shared text is compared with the date at the
            // same place in the other article; others by their context
            let inside = |place: &Range<usize>, f: &Found| f.tokens.start >= place.start && f.tokens.end <= place.end;
            match (aligned_place(ctx, x.0, y.0, x.1), aligned_place(ctx, y.0, x.0, y.1)) {
                (Some(px), Some(py)) if inside(&px, y.1) && inside(&py, x.1) => {}
                (None, None) if across_languages(ctx, x.0, y.0) && context_overlap(&x.5, &y.5) >= 0.5 => {}
                (None, None) if !across_languages(ctx, x.0, y.0) && context_overlap(&x.4, &y.4) >= 0.3 => {}
                _ => continue,
            }
            let (tx, ty) = (text_of(x.0, x.1), text_of(y.0, y.1));
            let stripped = |a: usize| ctx.articles.get(a).is_some_and(|d| d.no_digits);
            let conflict = x.2 != y.2 || matches!((x.3, y.3), (Some(p), Some(q)) if p != q);
            if conflict && (gives(y.0, x.2, x.3) || gives(x.0, y.2, y.3)) {
                continue;
            }
            let (relation, severity, why) = if x.2 != y.2 {
                (Relation::Conflicts, Severity::High, "different months".to_string())
            } else {
                match (x.3, y.3) {
                    (Some(p), Some(q)) if p != q => (Relation::Conflicts, Severity::High, "different days".to_string()),
                    (Some(_), Some(_)) => continue,
                    (None, None) => continue,
                    (None, Some(_)) if stripped(x.0) => {
                        (Relation::Agrees, Severity::Low, format!("the same month; {} lost its digits", label(x.0)))
                    }
                    (Some(_), None) if stripped(y.0) => {
                        (Relation::Agrees, Severity::Low, format!("the same month; {} lost its digits", label(y.0)))
                    }
                    _ => (Relation::Agrees, Severity::Low, "the same month, one less precise".to_string()),
                }
            };
            for (me, other, tm, to) in [(x, y, &tx, &ty), (y, x, &ty, &tx)] {
                out.push(Finding {
                    kind: DivergenceKind::Fact,
                    severity,
                    article: me.0,
                    start: me.1.start,
                    end: me.1.end,
                    others: vec![other.0],
                    counterpart: Some(to.clone()),
                    counterpart_span: Some((other.1.start, other.1.end)),
                    also: Vec::new(),
                    relation: Some(relation),
                    explanation: format!(
                        "{} dates it \"{tm}\" where {} says \"{to}\": {why}.",
                        label(me.0),
                        label(other.0)
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn bounds_of_qualified_values() {
        let cases: &[(f64, Option<&str>, f64, f64)] = &[
            (80.0, Some("more than"), 80.0, f64::INFINITY),
            (87.0, None, 87.0, 87.0),
            (100.0, Some("about"), 85.0, 115.0),
            (50.0, Some("up to"), 0.0, 50.0),
            (7.0, Some("as much as"), 0.0, 7.0),
            (300.0, Some("as many as"), 0.0, 300.0),
            (10.0, Some("as few as"), 10.0, f64::INFINITY),
            (40.0, Some("no more than"), 0.0, 40.0),
            (40.0, Some("no fewer than"), 40.0, f64::INFINITY),
            (40.0, Some("no less than"), 40.0, f64::INFINITY),
            (1000.0, Some("an estimated"), 850.0, 1150.0),
            (1000.0, Some("in excess of"), 1000.0, f64::INFINITY),
            (1000.0, Some("As many as"), 0.0, 1000.0),
        ];
        for &(v, q, lo, hi) in cases {
            let (l, h) = bounds(v, q);
            assert!((l - lo).abs() < 1e-9 && (h == hi || (h - hi).abs() < 1e-9), "{v} {q:?}");
        }
    }

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("July 7-8"), Some((6, Some((7, 8)))));
        assert_eq!(parse_date("July"), Some((6, None)));
        assert_eq!(parse_date("4 April"), Some((3, Some((4, 4)))));
        assert_eq!(parse_date("Tuesday"), None);
    }

    /// A figure `v` counting `head`, alone in its article, for the table tests.
    fn quantity(v: f64, head: &str) -> Quantity<'static> {
        Quantity {
            article: 0,
            found: Box::leak(Box::new(Found {
                tokens: 0..1,
                start: 0,
                end: 0,
                kind: EntityKind::Number,
                key: String::new(),
                value: Some(v),
                qualifier: None,
                unit: None,
            })),
            lo: v,
            hi: v,
            head: head.to_string(),
            event: "",
            context: FxHashMap::default(),
            role: Role::Unknown,
            names: FxHashMap::default(),
            kin: 0,
            money: None,
        }
    }

    #[test]
    fn rounding() {
        let q = |v: f64| quantity(v, "");
        // (figure, text, figure, text, compatible by rounding)
        for (a, ta, b, tb, want) in [
            (30.0, "$30", 30.5, "$30.50", true),
            (4e6, "4 million", 4.2e6, "4.2 million", true),
            (4e6, "4 million", 4.6e6, "4.6 million", false),
            (300.0, "300 homes", 350.0, "350 homes", false),
            (80.0, "80", 87.0, "87", false),
            (9191.09, "9,191.09", 9165.0, "9,165", false),
            (17.1e6, "$17.1 million", 17.14e6, "$17.14 million", true),
            // a whole number ending in zeros may be the rounded one
            (296.0, "296 people", 300.0, "300 people", true),
            (350.0, "350", 400.0, "400", false),
            (3000.0, "3,000", 3400.0, "3,400", true),
            (3000.0, "3,000", 3500.0, "3,500", false),
            // numbers in words are round
            (4.4, "4.4 percentage points", 4.0, "four percentage points", true),
            (4.6, "4.6 points", 4.0, "four points", false),
        ] {
            assert_eq!(rounds_to(&q(a), ta, &q(b), tb), want, "{ta} {tb}");
            assert_eq!(rounds_to(&q(b), tb, &q(a), ta), want, "{tb} {ta}");
        }
    }

    #[test]
    fn figures_that_do_not_compare() {
        // (text, only a scale word)
        for (text, want) in [
            ("million euros", true),
            ("about million euros", true),
            ("hundreds of people", true),
            ("38 million euros", false),
            ("four million", false),
            ("300 homes", false),
        ] {
            assert_eq!(only_scale(text), want, "{text}");
        }
        let q = quantity;
        // (figure, text, figure, text, same measure, a scale word lost)
        for (x, tx, y, ty, measure, lost) in [
            (q(100.0, "kilogram"), "100 kilograms", q(220.0, "pound"), "220 pounds", false, false),
            (q(273.0, "dollar"), "$273", q(169.99, "pound"), "£169.99", false, false),
            (q(165e3, "settlement"), "$165,000 settlement", q(9e4, "settlement"), "£90,000 settlement", false, false),
            (q(87.0, "civilian"), "87 civilians", q(80.0, "people"), "80 people", true, false),
            (q(300.0, "home"), "300 homes", q(800.0, "home"), "800 homes", true, false),
            (q(70.0, "dollar"), "$70", q(7e7, "dollar"), "$70 million", true, true),
            (q(3e9, "dollar"), "$3 billion", q(3e9, "dollar"), "$3,000 million", true, false),
        ] {
            assert_eq!(same_measure(&x, tx, &y, ty), measure, "{tx} {ty}");
            assert_eq!(scale_lost(&x, tx, &y, ty), lost, "{tx} {ty}");
        }
    }

    #[test]
    fn ranges_in_one_figure() {
        // (text, its value, the range's high end)
        for (text, value, want) in [
            ("10-15 boats", 10.0, Some(15.0)),
            ("$2-3 million", 2e6, Some(3e6)),
            ("1,200\u{2013}1,500 people", 1200.0, Some(1500.0)),
            ("$3-million", 3e6, None),
            ("15-10 win", 15.0, None),
            ("300 homes", 300.0, None),
        ] {
            assert_eq!(dash_range_end(text, value), want, "{text}");
        }
    }

    #[test]
    fn roles() {
        for (before, want) in [
            ("rose", Role::Change),
            ("by", Role::Change),
            ("to", Role::Level),
            ("at", Role::Level),
            ("killing", Role::Unknown),
        ] {
            assert_eq!(role_of(before), want, "{before}");
        }
    }

    #[test]
    fn currencies() {
        for (text, want) in [
            ("$4 million", Some("dollar")),
            ("about $4 million", Some("dollar")),
            ("€20", Some("euro")),
            ("£3.5bn", Some("pound")),
            ("20 EUR", Some("euro")),
            ("300 homes", None),
            ("neurons 4", None),
        ] {
            assert_eq!(currency(text), want, "{text}");
        }
    }

    #[test]
    fn head_nouns() {
        for (unit, head) in
            [("dock workers", "worker"), ("leaders agreed", "leader"), ("buffer zones", "zone"), ("people", "people")]
        {
            assert_eq!(head_noun(unit), head, "{unit}");
        }
    }
}
