//! Turns what the stages found (byte spans, article indices) into the
//! [`Report`]: offsets converted once to the caller's unit, article ids,
//! the texts of spans, and the sentences written for readers.

use super::prose::pair_explanation;
use super::{
    article_id, ArticleFlag, ArticleReport, Divergence, Edit, EditKind, Entity, Mention, OffsetMap, OffsetUnit, Pair,
    Passage, Removed, Report, Side, Span, Stats, REPORT_VERSION,
};
use crate::overlap::{Match, Op};
use crate::pipeline::{Analysis, Doc};
use std::collections::BTreeMap;

/// The report of one analysis, spans in `offsets` units.
pub(crate) fn assemble(an: &Analysis, offsets: OffsetUnit) -> Report {
    let docs = &an.docs;
    let n = docs.len();
    crate::work::add(an.canon.iter().map(|c| c.mentions.len()).sum::<usize>() + an.findings.len() + an.pairs.len());
    let ids: Vec<String> = (0..n).map(article_id).collect();
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, offsets)).collect();
    // article indices below all come from `0..n`: `maps`, `docs` and `ids`
    // have one entry per article
    let conv = |a: usize, byte: usize| maps.get(a).map_or(byte, |m| m.convert(byte));
    let slice = |a: usize, s: usize, e: usize| docs.get(a).and_then(|d| d.text.get(s..e)).unwrap_or("").to_string();
    let id = |a: usize| ids.get(a).cloned().unwrap_or_default();
    let label = |a: usize| docs.get(a).map_or("", |d| d.label.as_str());
    let headline = |a: usize| an.inputs.get(a).and_then(|i| i.meta.as_ref()).and_then(|m| m.headline.clone());

    let articles: Vec<ArticleReport> = docs
        .iter()
        .enumerate()
        .map(|(a, d)| {
            let words = d.tokens.iter().filter(|t| t.is_wordlike()).count();
            let orig = if d.stream.is_empty() {
                1.0
            } else {
                an.reuse.any_cover.get(a).map_or(0, |c| c.iter().filter(|x| !**x).count()) as f64
                    / d.stream.len() as f64
            };
            ArticleReport {
                id: id(a),
                label: d.label.clone(),
                title: headline(a).or_else(|| d.cleaned.title.clone().map(|r| slice(a, r.start, r.end))),
                title_span: d.cleaned.title.clone().map(|r| Span { start: conv(a, r.start), end: conv(a, r.end) }),
                words,
                sentences: d.sentences.len(),
                length: conv(a, d.text.len()),
                flags: article_flags(d, docs, a),
                metadata: d.cleaned.metadata.clone(),
                meta: an.inputs.get(a).and_then(|i| i.meta.clone()).filter(|m| !m.is_empty()),
                removed: d
                    .cleaned
                    .removed
                    .iter()
                    .map(|(r, why)| Removed {
                        start: conv(a, r.start),
                        end: conv(a, r.end),
                        reason: why.to_string(),
                        text: slice(a, r.start, r.end),
                    })
                    .collect(),
                originality: round4(if n < 2 { 1.0 } else { orig }),
                warnings: an
                    .inputs
                    .get(a)
                    .map(|i| i.warnings.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .chain(crate::lang::pack::missing_warning("en"))
                    .chain(crate::lang::pack::missing_language_warning(&d.language.code, &d.language.name))
                    .collect(),
                language: d.language.clone(),
            }
        })
        .collect();

    let mut entities: Vec<Entity> = an
        .canon
        .iter()
        .map(|c| {
            let mut counts = BTreeMap::new();
            let mut alias_counts: BTreeMap<String, usize> = BTreeMap::new();
            for (a, f) in &c.mentions {
                *counts.entry(id(*a)).or_insert(0) += 1;
                *alias_counts.entry(slice(*a, f.start, f.end)).or_insert(0) += 1;
            }
            let mut aliases: Vec<(String, usize)> = alias_counts.into_iter().collect();
            aliases.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let first = c.mentions.first().map(|(_, f)| f);
            Entity {
                name: c.name.clone(),
                kind: c.kind,
                aliases: aliases.into_iter().map(|(s, _)| s).collect(),
                counts,
                total: c.mentions.len(),
                value: first.and_then(|f| f.value),
                qualifier: first.and_then(|f| f.qualifier.clone()),
                unit: first.and_then(|f| f.unit.clone()),
                mentions: c
                    .mentions
                    .iter()
                    .map(|(a, f)| Mention {
                        article: id(*a),
                        start: conv(*a, f.start),
                        end: conv(*a, f.end),
                        text: slice(*a, f.start, f.end),
                    })
                    .collect(),
            }
        })
        .collect();
    entities.sort_by(|x, y| y.total.cmp(&x.total).then(x.kind.cmp(&y.kind)).then(x.name.cmp(&y.name)));

    let pairs: Vec<Pair> = an
        .pairs
        .iter()
        .map(|p| Pair {
            a: id(p.a),
            b: id(p.b),
            containment: round4(p.containment),
            similarity: round4(p.similarity),
            shared_words: p.shared_words,
            passages_listed: !an.reuse.unlisted.contains(&(p.a.min(p.b), p.a.max(p.b))),
            explanation: pair_explanation(label(p.a), label(p.b), p.containment, p.similarity, &p.names),
        })
        .collect();

    let mut passages = Vec::new();
    for (&(a, b), ms) in &an.reuse.matches {
        if an.reuse.unlisted.contains(&(a, b)) {
            continue;
        }
        for m in ms {
            passages.extend(passage(docs, a, b, m, &ids, &conv));
        }
    }

    let divergences: Vec<Divergence> = an
        .findings
        .iter()
        .map(|f| {
            let text = slice(f.article, f.start, f.end);
            let (score, why) = crate::divergence::rank::importance(f, &text);
            Divergence {
                kind: f.kind,
                severity: f.severity,
                article: id(f.article),
                start: conv(f.article, f.start),
                end: conv(f.article, f.end),
                text,
                others: f.others.iter().map(|o| id(*o)).collect(),
                counterpart: f.counterpart.clone(),
                counterpart_start: f.counterpart_span.zip(f.others.first()).map(|((s, _), o)| conv(*o, s)),
                counterpart_end: f.counterpart_span.zip(f.others.first()).map(|((_, e), o)| conv(*o, e)),
                also: f
                    .also
                    .iter()
                    .map(|&(o, s, e)| Side { article: id(o), start: conv(o, s), end: conv(o, e), text: slice(o, s, e) })
                    .collect(),
                relation: f.relation,
                explanation: f.explanation.clone(),
                score: (score * 1000.0).round() / 1000.0,
                why: why.to_string(),
            }
        })
        .collect();

    Report {
        version: REPORT_VERSION,
        offsets,
        stats: Stats { words: articles.iter().map(|a| a.words).sum(), elapsed_ms: None },
        articles,
        entities,
        pairs,
        passages,
        divergences,
    }
}

/// A share rounded to four decimals, in `[0, 1]`.
pub(crate) fn round4(x: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0
    (x.clamp(0.0, 1.0) * 10000.0).round() / 10000.0 + 0.0
}

fn article_flags(d: &Doc, docs: &[Doc], a: usize) -> Vec<ArticleFlag> {
    let mut flags = Vec::new();
    let f = d.cleaned.flags;
    if f.degraded() {
        flags.push(ArticleFlag::Degraded);
    }
    if f.lowercase {
        flags.push(ArticleFlag::Lowercase);
    }
    if f.no_punctuation {
        flags.push(ArticleFlag::NoPunctuation);
    }
    if f.no_digits {
        flags.push(ArticleFlag::NoDigits);
    }
    if d.tokens.iter().all(|t| !t.is_wordlike()) {
        flags.push(ArticleFlag::Empty);
    }
    if docs.get(..a).unwrap_or_default().iter().any(|o| o.text.trim() == d.text.trim() && !d.text.trim().is_empty()) {
        flags.push(ArticleFlag::Duplicate);
    }
    flags
}

/// One aligned passage of the pair `(a, b)` with its edits, spans converted
/// by `conv`.
pub(crate) fn passage(
    docs: &[Doc],
    a: usize,
    b: usize,
    m: &Match,
    ids: &[String],
    conv: &dyn Fn(usize, usize) -> usize,
) -> Option<Passage> {
    // `a` and `b` are articles of `docs` (the pairs come from them)
    let (Some(da), Some(db)) = (docs.get(a), docs.get(b)) else { return None };
    let span = |d: &Doc, s: usize, e: usize| -> (usize, usize) {
        let st = d.stream.tokens.get(s).and_then(|&t| d.tokens.get(t)).map_or(0, |t| t.start);
        let en =
            e.checked_sub(1).and_then(|k| d.stream.tokens.get(k)).and_then(|&t| d.tokens.get(t)).map_or(st, |t| t.end);
        (st, en)
    };
    // an empty side is placed where the other side's text would go
    let point = |d: &Doc, pos: usize| -> usize {
        d.stream
            .tokens
            .get(pos)
            .and_then(|&t| d.tokens.get(t))
            .map_or_else(|| d.stream.tokens.last().and_then(|&t| d.tokens.get(t)).map_or(0, |t| t.end), |t| t.start)
    };
    let (a_start, a_end) = span(da, m.a0, m.a1);
    let (b_start, b_end) = span(db, m.b0, m.b1);
    let mut edits = Vec::new();
    for op in &m.ops {
        if let Op::Diff { i0, i1, j0, j1 } = *op {
            let (as_, ae) = if i1 > i0 { span(da, i0, i1) } else { (point(da, i0), point(da, i0)) };
            let (bs, be) = if j1 > j0 { span(db, j0, j1) } else { (point(db, j0), point(db, j0)) };
            let kind = if i1 == i0 {
                EditKind::Insert
            } else if j1 == j0 {
                EditKind::Delete
            } else {
                EditKind::Substitute
            };
            edits.push(Edit {
                kind,
                a_start: conv(a, as_),
                a_end: conv(a, ae),
                b_start: conv(b, bs),
                b_end: conv(b, be),
                a_text: if i1 > i0 { da.text.get(as_..ae).unwrap_or("").to_string() } else { String::new() },
                b_text: if j1 > j0 { db.text.get(bs..be).unwrap_or("").to_string() } else { String::new() },
            });
        }
    }
    let len = (m.a1 - m.a0).max(m.b1 - m.b0).max(1);
    Some(Passage {
        a: ids.get(a).cloned().unwrap_or_default(),
        b: ids.get(b).cloned().unwrap_or_default(),
        a_start: conv(a, a_start),
        a_end: conv(a, a_end),
        b_start: conv(b, b_start),
        b_end: conv(b, b_end),
        words: m.a1 - m.a0,
        identity: round4(m.same_words() as f64 / len as f64),
        kind: m.kind(),
        edits,
    })
}
