//! Properties over random input: no panic, spans on character boundaries
//! that slice to the reported text, scores in [0, 1], and the same findings
//! whatever the order of the articles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use corroborate::internal as tokens;
use corroborate::{analyze, ArticleInput, OffsetUnit, Options};
use proptest::prelude::*;

/// Text mixing news-like words, punctuation, whitespace runs and any Unicode.
fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => prop::sample::select(vec![
            "the", "Harbor", "Authority", "said", "Mayor", "Elena", "Vasquez", "U.S.", "u", "s", "crane", "87",
            "more", "than", "80", "people", "on", "Monday", "July", "7-8", "al-Assad", "Assad's", "—", "“", "”",
            ".", ",", "\n", "\n\n", "  ", "🙂", "日本", "مرحبا", "é", "(Reuters)", "-", "date", "2017-05-02", "|",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
    ];
    prop::collection::vec(word, 0..60).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn tokens_slice_to_their_normal_form(text in article(), degraded in any::<bool>()) {
        let (vocab, toks) = tokens::tokenize_text(&text);
        let mut last_end = 0;
        for t in &toks {
            let r = t.range();
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end);
            prop_assert!(r.start >= last_end, "tokens overlap or go backwards");
            last_end = r.end;
            let key = vocab.get(t.sym());
            match t.kind() {
                // the original span normalizes to the key ("u s" joins to "us")
                tokens::TokenKind::Word => prop_assert_eq!(tokens::word_key(&text[r.clone()]).replace(' ', ""), key),
                tokens::TokenKind::Number => prop_assert_eq!(&text[r.clone()], key),
                tokens::TokenKind::Punct => prop_assert_eq!(text[r.clone()].chars().count(), 1),
            }
        }
        // sentences cover the tokens in order, without gaps or overlaps
        let sents = tokens::sentences(&toks, &vocab, degraded);
        let mut next = 0;
        for s in &sents {
            prop_assert!(s.tokens.start >= next && s.tokens.end > s.tokens.start);
            prop_assert!(toks[next..s.tokens.start].iter().all(|t| !t.is_wordlike()), "words outside any sentence");
            prop_assert_eq!(s.start, toks[s.tokens.start].range().start);
            prop_assert_eq!(s.end, toks[s.tokens.end - 1].range().end);
            next = s.tokens.end;
        }
        prop_assert!(toks[next..].iter().all(|t| !t.is_wordlike()));
    }

    #[test]
    fn ascii_fast_path_equals_uax29(text in "[ -~\t\r\n]{0,80}") {
        use unicode_segmentation::UnicodeSegmentation;
        let mut fast = Vec::new();
        tokens::ascii_word_bounds(&text, &mut |o, s| fast.push((o, s.to_string())));
        let slow: Vec<(usize, String)> = text.split_word_bound_indices().map(|(o, s)| (o, s.to_string())).collect();
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn reports_are_well_formed(a in article(), b in article(), c in article()) {
        let inputs = [ArticleInput::new(a.clone()), ArticleInput::new(b.clone()), ArticleInput::new(c.clone())];
        let texts = [a, b, c];
        let Ok(r) = analyze(&inputs, &Options { offsets: OffsetUnit::Utf8 }) else { return Ok(()) };
        let idx = |id: &str| r.articles.iter().position(|x| x.id == id).unwrap();
        for e in &r.entities {
            for m in &e.mentions {
                prop_assert_eq!(texts[idx(&m.article)].get(m.start..m.end), Some(m.text.as_str()));
            }
        }
        for d in &r.divergences {
            prop_assert_eq!(texts[idx(&d.article)].get(d.start..d.end), Some(d.text.as_str()));
            if let (Some(o), Some(s), Some(e)) = (d.others.first(), d.counterpart_start, d.counterpart_end) {
                prop_assert!(texts[idx(o)].get(s..e).is_some());
            }
            // every further source's span slices its text, and names one of `others`
            prop_assert!(d.also.len() < d.others.len().max(1));
            for side in &d.also {
                prop_assert!(d.others.contains(&side.article) && side.article != d.article);
                prop_assert_eq!(texts[idx(&side.article)].get(side.start..side.end), Some(side.text.as_str()));
            }
        }
        for p in &r.pairs {
            prop_assert!((0.0..=1.0).contains(&p.containment) && (0.0..=1.0).contains(&p.similarity));
        }
        for x in &r.articles {
            prop_assert!((0.0..=1.0).contains(&x.originality));
        }
    }

    #[test]
    fn order_does_not_change_findings(a in article(), b in article()) {
        let ab = analyze(&[ArticleInput::new(a.clone()), ArticleInput::new(b.clone())], &Options::default());
        let ba = analyze(&[ArticleInput::new(b), ArticleInput::new(a)], &Options::default());
        match (ab, ba) {
            (Ok(ab), Ok(ba)) => {
                let get = |r: &corroborate::Report, x: &str, y: &str| {
                    r.pairs.iter().find(|p| p.a == x && p.b == y).map(|p| (p.containment, p.similarity))
                };
                prop_assert_eq!(get(&ab, "A", "B"), get(&ba, "B", "A"));
                prop_assert_eq!(get(&ab, "B", "A"), get(&ba, "A", "B"));
                prop_assert_eq!(ab.passages.len(), ba.passages.len());
                let words = |r: &corroborate::Report| {
                    let mut v: Vec<usize> = r.passages.iter().map(|p| p.words).collect();
                    v.sort_unstable();
                    v
                };
                // passage word counts are measured on `a`'s side; compare as a multiset of both sides
                prop_assert_eq!(words(&ab).len(), words(&ba).len());
            }
            (Err(_), Err(_)) => {}
            (x, y) => prop_assert!(false, "one order failed: {:?} / {:?}", x.err(), y.err()),
        }
    }
}

/// Words for articles that reuse each other: content words, so that copies
/// make passages.
fn story_words() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec![
        "the",
        "harbor",
        "crane",
        "collapsed",
        "Monday",
        "Ortega",
        "union",
        "inquiry",
        "Rotterdam",
        "workers",
        "said",
        "officials",
        "rescuers",
        "87",
        "water",
        "safety",
        "port",
        "reopen",
        "mayor",
        ".",
        ",",
        "killed",
    ]);
    prop::collection::vec(word.prop_map(str::to_string), 10..80)
}

/// A copy of `words` with some words replaced, dropped or moved.
fn rewrite(words: &[String], edits: &[(usize, u8)]) -> String {
    let mut out: Vec<String> = words.to_vec();
    for &(at, op) in edits {
        if out.is_empty() {
            break;
        }
        let at = at % out.len();
        match op % 3 {
            0 => out[at] = "unsafe".to_string(),
            1 => {
                out.remove(at);
            }
            _ => {
                let w = out.remove(at);
                out.push(w);
            }
        }
    }
    out.join(" ")
}

type Finding = (usize, usize, usize, String);
type PairScores = (usize, usize, u64, u64);
type Findings = (Vec<PairScores>, Vec<[usize; 6]>, Vec<Finding>);

/// Everything the report found, keyed by each article's place in the input
/// `order`, so two orders can be compared.
fn findings(r: &corroborate::Report, order: &[usize]) -> Findings {
    let orig = |id: &str| order[r.articles.iter().position(|x| x.id == id).unwrap()];
    let mut pairs: Vec<PairScores> = r
        .pairs
        .iter()
        .map(|p| (orig(&p.a), orig(&p.b), (p.containment * 1e4) as u64, (p.similarity * 1e4) as u64))
        .collect();
    pairs.sort_unstable();
    let mut passages: Vec<[usize; 6]> = r
        .passages
        .iter()
        .map(|p| {
            let (a, b) = (orig(&p.a), orig(&p.b));
            if a < b {
                [a, p.a_start, p.a_end, b, p.b_start, p.b_end]
            } else {
                [b, p.b_start, p.b_end, a, p.a_start, p.a_end]
            }
        })
        .collect();
    passages.sort_unstable();
    let mut divs: Vec<Finding> =
        r.divergences.iter().map(|d| (orig(&d.article), d.start, d.end, d.kind.to_string())).collect();
    divs.sort_unstable();
    (pairs, passages, divs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// Issue 5: the same pairs, passages and divergences whatever the order
    /// of the input articles, on articles that copy each other.
    #[test]
    fn order_does_not_change_reuse(
        base in story_words(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        other in story_words(),
    ) {
        let texts = [base.join(" "), rewrite(&base, &edits), other.join(" ")];
        let orders: [[usize; 3]; 3] = [[0, 1, 2], [2, 0, 1], [1, 2, 0]];
        let mut seen = None;
        for order in orders {
            let inputs: Vec<ArticleInput> = order.iter().map(|&i| ArticleInput::new(texts[i].clone())).collect();
            let Ok(r) = analyze(&inputs, &Options { offsets: OffsetUnit::Utf8 }) else { return Ok(()) };
            let f = findings(&r, &order);
            match &seen {
                None => seen = Some(f),
                Some(first) => prop_assert_eq!(first, &f),
            }
        }
    }
}
