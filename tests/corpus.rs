//! Corpus mode (`corroborate::corpus`): the JSONL reader's errors, LSH
//! candidates on a generated corpus with planted reuse, agreement of
//! `align_pair` with `analyze`, provenance from dates, and determinism.

use corroborate::corpus::{
    align_pair, direction, evaluate, generate, read_jsonl, run, write_tables, CorpusArticle, CorpusOptions, GenOptions,
    Generated, OutletHistory, PairRow,
};
use corroborate::{analyze, ArticleInput, OffsetUnit, Options};

/// Source text for the generator's sentence chain: pseudo-words of two
/// syllables in random order, each with dozens of successors, so unrelated
/// generated articles share only chance bigrams (the fixtures alone are too
/// short a text for that).
fn pseudo_prose(words: usize, seed: u64) -> String {
    const SYL: [&str; 24] = [
        "ka", "lo", "mer", "tin", "sa", "vu", "ren", "dal", "pi", "or", "ne", "bru", "ste", "qua", "fel", "ix", "mon",
        "ta", "gri", "shu", "ab", "el", "wen", "zo",
    ];
    let mut x = seed;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) as usize
    };
    let mut out = String::new();
    for i in 0..words {
        let mut w: String = (0..2).map(|_| SYL.get(next() % SYL.len()).copied().unwrap_or("ka")).collect();
        if next() % 9 == 0 {
            let mut c = w.chars();
            w = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
        }
        out.push_str(&w);
        out.push(if i % 13 == 12 { '.' } else { ' ' });
        if i % 13 == 12 {
            out.push(' ');
        }
    }
    out
}

fn small_corpus(articles: usize, seed: u64) -> Generated {
    let sources = [pseudo_prose(30_000, seed)];
    generate(&sources, &GenOptions { articles, seed, words: 160, unrelated: 0.3 })
}

/// Each malformed line is an error naming its line, never a panic.
#[test]
fn jsonl_errors_name_the_line() {
    let cases: &[(&str, &str)] = &[
        ("{\"id\": \"a\", \"text\": \"x\"}\nnot json\n", "line 2: not valid JSON"),
        ("[1, 2]\n", "line 1: expected a JSON object"),
        ("{\"text\": \"x\"}\n", "line 1: missing field `id`"),
        ("{\"id\": \"\", \"text\": \"x\"}\n", "line 1: `id` is empty"),
        ("{\"id\": [1], \"text\": \"x\"}\n", "line 1: `id` must be a string or a number"),
        ("\n\n{\"id\": \"a\"}\n", "line 3: article \"a\" has no `text`"),
        ("{\"id\": \"a\", \"text\": 5}\n", "line 1: `text` of article \"a\" must be a string"),
        (
            "{\"id\": \"a\", \"text\": \"x\", \"date\": 2024}\n",
            "line 1: `date` of article \"a\" must be a string or null",
        ),
        ("{\"id\": \"a\", \"text\": \"x\", \"source\": {}}\n", "line 1: `source` of article \"a\" must be"),
        (
            "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
            "line 2: id \"a\" already used on line 1",
        ),
        ("{\"id\": \"a\", \"text\": \"x\"", "line 1: not valid JSON"),
    ];
    for (input, want) in cases {
        let err = read_jsonl(input.as_bytes()).expect_err(input).to_string();
        assert!(err.starts_with(want), "{input:?}: got {err:?}, want {want:?}");
    }
    // invalid UTF-8 is a read error on its line
    let bytes = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n";
    assert!(read_jsonl(&bytes[..]).unwrap_err().to_string().starts_with("line 2: cannot read"));
    // what is accepted: numbers as ids, null and missing optional fields, extra fields
    let ok = "{\"id\": 3, \"text\": \"x\", \"date\": null, \"url\": \"u\"}\r\n\n{\"id\": \"b\", \"text\": \"\", \"date\": \"\"}\n";
    let arts = read_jsonl(ok.as_bytes()).unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!((arts[0].id.as_str(), arts[0].date.as_deref()), ("3", None));
    assert_eq!(arts[1].date, None);
}

/// The candidates of MinHash/LSH plus the engine find the planted pairs of
/// a generated corpus, and report nothing unplanted with containment ≥ 0.2.
#[test]
fn planted_reuse_is_found() {
    let g = small_corpus(400, 11);
    let tables = run(&g.articles, &CorpusOptions::default());
    let e = evaluate(&g.truth, &tables.pairs, &Default::default(), 0.2);
    assert!(e.planted > 100, "{e:?}");
    assert!(e.recall >= 0.97, "{e:?}");
    assert!(e.precision >= 0.99, "{e:?}");
    // the LSH stage did the pruning: far fewer candidates than all pairs
    assert!(tables.stats.candidates < 400 * 399 / 2 / 20, "{:?}", tables.stats);
}

/// `align_pair` reports what `analyze` reports for the same two articles:
/// the same containment both ways and the same passages.
#[test]
fn align_pair_agrees_with_analyze() {
    let g = small_corpus(120, 5);
    let by_id = |id: &str| g.articles.iter().find(|a| a.id == id).unwrap();
    let mut checked = 0;
    for t in g.truth.iter().step_by(7).take(8) {
        let (a, b) = (by_id(&t.a), by_id(&t.b));
        let report = analyze(
            &[ArticleInput::new(a.text.as_str()), ArticleInput::new(b.text.as_str())],
            &Options { offsets: OffsetUnit::Chars },
        )
        .unwrap();
        let got = align_pair(a, b);
        let contain = |x: &str, y: &str| report.pairs.iter().find(|p| p.a == x && p.b == y).unwrap().containment;
        let Some((pair, passages)) = got else {
            assert!(report.passages.is_empty(), "{}/{}: analyze found passages", a.id, b.id);
            continue;
        };
        assert_eq!(pair.containment_a, contain("A", "B"), "{}/{}", a.id, b.id);
        assert_eq!(pair.containment_b, contain("B", "A"), "{}/{}", a.id, b.id);
        assert_eq!(passages.len(), report.passages.len());
        for (p, q) in passages.iter().zip(&report.passages) {
            assert_eq!((q.a.as_str(), q.b.as_str()), ("A", "B"));
            assert_eq!((p.a_start, p.a_end, p.b_start, p.b_end), (q.a_start, q.a_end, q.b_start, q.b_end));
            assert_eq!(
                (p.words, p.identity, p.kind.as_str(), p.edits),
                (q.words, q.identity, q.kind.as_str(), q.edits.len())
            );
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} pairs compared");
}

/// Who copied whom: the later date, or with no telling dates the article
/// made up more of the other's text.
#[test]
fn provenance_direction() {
    let pair = |ca: f64, cb: f64| PairRow {
        a: "a".into(),
        b: "b".into(),
        a_words: 100,
        b_words: 100,
        containment_a: ca,
        containment_b: cb,
        similarity: ca.max(cb),
        shared_words_a: 0,
        shared_words_b: 0,
        passages: 1,
    };
    let art = |id: &str, date: Option<&str>| CorpusArticle::new(id, "s", date, "");
    // date of a, date of b, containment of a, of b → copier, reason
    type Case<'a> = (Option<&'a str>, Option<&'a str>, f64, f64, &'a str, &'a str);
    let cases: &[Case] = &[
        // dates decide, whatever the containment
        (Some("2024-01-02"), Some("2024-01-01"), 0.2, 0.9, "a", "date"),
        (Some("2024-01-01"), Some("2024-01-02"), 0.9, 0.2, "b", "date"),
        (Some("2024-01-01T09:00:00Z"), Some("2024-01-01T17:30:00Z"), 0.9, 0.9, "b", "date"),
        // same day or a date missing: the more contained article copied
        (Some("2024-01-01"), Some("2024-01-01"), 0.9, 0.4, "a", "containment"),
        (None, Some("2024-01-01"), 0.3, 0.8, "b", "containment"),
        (Some(" "), None, 0.8, 0.3, "a", "containment"),
        // nothing tells
        (None, None, 0.5, 0.45, "a", "undetermined"),
    ];
    for &(da, db, ca, cb, copier, reason) in cases {
        let (c, s, r) = direction(&art("a", da), &art("b", db), &pair(ca, cb));
        assert_eq!((c.as_str(), r), (copier, reason), "{da:?} {db:?} {ca} {cb}");
        assert_ne!(c, s);
    }
}

/// The outlets' history decides only with enough dated pairs and a clear
/// difference between the two outlets.
#[test]
fn outlet_history() {
    // dated pairs (first outlet, later outlet, count)
    let mut h = OutletHistory::default();
    for (first, later, n) in
        [("wire", "paper", 20), ("paper", "wire", 1), ("paper", "daily", 4), ("daily", "paper", 5), ("wire", "blog", 8)]
    {
        h.record(first, later, n);
    }
    h.record("", "paper", 50); // no outlet: nothing learned
    h.record("daily", "daily", 50); // one outlet with itself: nothing learned
    h.record("new", "paper", 2); // too few pairs to tell
                                 // (a's outlet, b's outlet) → copier
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("paper", "wire", Some("a")),
        ("wire", "paper", Some("b")),
        ("blog", "wire", Some("a")),
        ("paper", "blog", None),  // both mostly later: 0.18 against 0.10
        ("wire", "daily", None),  // 0.91 against 0.55: under the margin
        ("paper", "daily", None), // about even: containment decides
        ("paper", "paper", None), // one outlet: nothing to tell
        ("new", "paper", None),
        ("unknown", "wire", None),
        ("", "wire", None),
    ];
    for &(oa, ob, copier) in cases {
        let got = h.decide(("a", oa), ("b", ob));
        assert_eq!(got.map(|(c, _)| c), copier, "{oa} {ob}");
        if let Some((c, s)) = got {
            assert_ne!(c, s);
        }
    }
    assert!(h.first_share("wire").unwrap() > 0.9);
    assert_eq!(h.first_share("new"), None);
}

/// On a generated corpus, pairs published the same day take the direction
/// of their outlets' history: partial copies (a few paragraphs of the wire
/// in a longer story of the outlet's own), which containment gets wrong,
/// point at the wire.
#[test]
fn provenance_from_outlet_history() {
    let g = small_corpus(600, 5);
    let tables = run(&g.articles, &CorpusOptions::default());
    let by_reason = |reason: &str| {
        let edges: std::collections::HashMap<(String, String), String> = tables
            .provenance
            .iter()
            .filter(|e| e.reason == reason)
            .map(|e| {
                let k = if e.a <= e.b { (e.a.clone(), e.b.clone()) } else { (e.b.clone(), e.a.clone()) };
                (k, e.copier.clone())
            })
            .collect();
        evaluate(&g.truth, &tables.pairs, &edges, 0.2)
    };
    let (history, containment) = (by_reason("history"), by_reason("containment"));
    eprintln!(
        "history: {} of {} right; containment: {} of {}",
        history.direction_correct,
        history.direction_decided,
        containment.direction_correct,
        containment.direction_decided
    );
    assert!(history.direction_decided >= 10, "{history:?}");
    assert!(history.direction_correct as f64 >= 0.95 * history.direction_decided as f64, "{history:?}");
}

/// The same input gives byte-identical tables, on one thread or all.
#[test]
fn tables_are_deterministic() {
    let g = small_corpus(150, 3);
    let dir = std::env::temp_dir().join(format!("corroborate-corpus-{}", std::process::id()));
    let all = run(&g.articles, &CorpusOptions::default());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| run(&g.articles, &CorpusOptions { batch: 7, ..CorpusOptions::default() }));
    assert!(!all.passages.is_empty());
    write_tables(&all, &dir.join("all")).unwrap();
    write_tables(&one, &dir.join("one")).unwrap();
    for f in ["pairs.csv", "passages.csv", "provenance.csv"] {
        let x = std::fs::read(dir.join("all").join(f)).unwrap();
        let y = std::fs::read(dir.join("one").join(f)).unwrap();
        assert!(x == y, "{f} differs");
    }
    // the generator is deterministic too
    let again = small_corpus(150, 3);
    assert_eq!(again.articles, g.articles);
    assert_eq!(again.truth_csv(), g.truth_csv());
    let _ = std::fs::remove_dir_all(&dir);
}
