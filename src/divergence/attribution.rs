use super::coverage::is_speech;
use super::similar::SentenceIndex;
use super::similar::Terms;
use super::Context;
use super::EntityIndex;
use super::Finding;
use crate::report::DivergenceKind;
use crate::report::EntityKind;
use crate::report::Severity;
use crate::tokens::Sentence;

/// The person or organization a sentence quotes: a name just before a
/// speech verb ("the Kremlin said", "Putin's office said") or just after one
/// ("said Tumatov", "according to Bloomberg").
fn speaker(ctx: &Context, ents: &EntityIndex, a: usize, s: &Sentence) -> Option<u32> {
    let d = ctx.articles.get(a)?;
    let named = ents.named.get(a)?;
    let is_source = |t: usize| {
        named.get(&t).copied().filter(|id| {
            ctx.canon.get(*id as usize).is_some_and(|c| matches!(c.kind, EntityKind::Person | EntityKind::Organization))
        })
    };
    for v in s.tokens.clone() {
        let Some(tok) = d.tokens.get(v) else { continue };
        if !is_speech(tok.norm) {
            continue;
        }
        // before the verb, nearest first
        let before = (v.saturating_sub(4).max(s.tokens.start)..v).rev().find_map(is_source);
        let after = (v + 1..(v + 4).min(s.tokens.end)).find_map(is_source);
        if let Some(id) = before.or(after) {
            return Some(id);
        }
    }
    None
}

/// Whether two speakers' names are one source written two ways: they share
/// a word other than a title ("Jack" / "Dr Jack", "Timothy Muris" / "Tim
/// Muris"), or a word of five letters or more spelled one letter apart
/// ("Sundwell" / "Sundwall", "McClellan" / "McLellan").
fn same_source(x: &str, y: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 3 && !crate::lang::en::TITLES.contains(&w.as_str()))
            .collect()
    };
    let (wx, wy) = (words(x), words(y));
    wx.iter().any(|a| {
        wy.iter().any(|b| {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            a == b || (ca.len().min(cb.len()) >= 5 && one_edit_apart(&ca, &cb))
        })
    })
}

/// Whether two words differ by one inserted, deleted or replaced letter.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(p, q)| p == q).count();
    let rest = |s: &[char], from: usize| s.get(from..).unwrap_or(&[]).to_vec();
    if short.len() == long.len() {
        rest(short, head + 1) == rest(long, head + 1)
    } else {
        rest(short, head) == rest(long, head + 1)
    }
}

/// The same statement attributed to different sources: a sentence that
/// quotes someone, and the sentence of another article that carries most of
/// its content, quoting someone else.
pub(super) fn attributions(
    ctx: &Context,
    ents: &EntityIndex,
    terms: &[Vec<Terms>],
    index: &SentenceIndex,
) -> Vec<Finding> {
    let n = ctx.articles.len();
    let speakers: Vec<Vec<Option<u32>>> = ctx
        .articles
        .iter()
        .enumerate()
        .map(|(a, d)| d.sentences.iter().map(|s| speaker(ctx, ents, a, s)).collect())
        .collect();
    let name = |id: u32| ctx.canon.get(id as usize).map_or(String::new(), |c| c.name.clone());
    let mut out = Vec::new();
    for a in 0..n {
        let (Some(da), Some(ta)) = (ctx.articles.get(a), terms.get(a)) else { continue };
        for (k, s) in da.sentences.iter().enumerate() {
            let Some(Some(who)) = speakers.get(a).and_then(|s| s.get(k)).copied() else { continue };
            let Some(mine) = ta.get(k) else { continue };
            let best = index.best_per_article(a, mine);
            // other articles in order, so findings come out the same way
            let mut others: Vec<(usize, (f32, usize))> = best.into_iter().collect();
            others.sort_by_key(|(b, _)| *b);
            for (b, (score, t)) in others {
                let Some(db) = ctx.articles.get(b) else { continue };
                // the sentence of b that carries most of this one's content
                if score < 0.4 {
                    continue;
                }
                let Some(Some(other)) = speakers.get(b).and_then(|s| s.get(t)).copied() else { continue };
                if other == who || same_source(&name(who), &name(other)) {
                    continue;
                }
                // the other article's sentence may name both (one quoting the other)
                let named_there = db.sentences.get(t).map(|st| ents.ids(b, st.tokens.clone())).unwrap_or_default();
                if named_there.contains(&who) || ents.ids(a, s.tokens.clone()).contains(&other) {
                    continue;
                }
                out.push(Finding {
                    kind: DivergenceKind::Attribution,
                    severity: Severity::Medium,
                    article: a,
                    start: s.start,
                    end: s.end,
                    others: vec![b],
                    counterpart: db.sentences.get(t).and_then(|st| db.text.get(st.start..st.end)).map(str::to_string),
                    counterpart_span: db.sentences.get(t).map(|st| (st.start, st.end)),
                    also: Vec::new(),
                    relation: None,
                    explanation: format!(
                        "{} attributes this to {} where {} attributes the same statement to {}.",
                        da.label,
                        name(who),
                        db.label,
                        name(other)
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::same_source;

    #[test]
    fn one_source_written_two_ways() {
        assert!(same_source("Jack", "Dr Jack"));
        assert!(same_source("Timothy Muris", "Tim Muris"));
        assert!(same_source("Sean Sundwell", "Sundwall"));
        assert!(same_source("McClellan", "McLellan"));
        assert!(same_source("Eichhorn", "Eichorn"));
        assert!(!same_source("Kremlin", "Vladimir Putin"));
        assert!(!same_source("Burke", "National Weather Service"));
        assert!(!same_source("Jones", "Johns"));
        assert!(!same_source("", ""));
    }
}
