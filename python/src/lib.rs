//! `corroborate._native`: the Python extension. The thin boundary between
//! Python and the core: requests come in as JSON strings built by the
//! `corroborate` package (`python/corroborate/__init__.py`), results go back
//! as the core's serde types serialized with `serde_json`, exactly what
//! `corroborate analyze --json` prints, so the two cannot drift apart.
//! Every error becomes `corroborate.CorroborateError` with the core's
//! message (the CLI prints the same message after `corroborate: `) and its
//! kind.

use corroborate::corpus::{self, CorpusArticle, CorpusOptions, MinHashParams, PairRow};
use corroborate::limits::{human_size, MAX_FILE_BYTES};
use corroborate::{analyze as core_analyze, input, ArticleInput, Error, ErrorKind, OffsetUnit, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{json, Map, Value};

create_exception!(
    _native,
    CorroborateError,
    PyValueError,
    "An analysis or a file could not be done: the message is the CLI's, `kind` says why."
);

/// The stable name of an error kind, for Python callers that branch on it.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NoArticles => "no_articles",
        ErrorKind::Empty => "empty",
        ErrorKind::Unreadable => "unreadable",
        ErrorKind::TooLarge => "too_large",
        _ => "other",
    }
}

/// A `CorroborateError` with the message and `kind` attribute.
fn raise(py: Python<'_>, kind: &str, message: impl Into<String>) -> PyErr {
    let err = CorroborateError::new_err(message.into());
    // setting an attribute on a fresh exception object cannot fail in practice;
    // if it did, the message is still raised
    let _ = err.value(py).setattr("kind", kind);
    err
}

fn core_error(py: Python<'_>, e: &Error) -> PyErr {
    raise(py, kind_name(e.kind()), e.message())
}

fn usage(py: Python<'_>, message: impl Into<String>) -> PyErr {
    raise(py, "usage", message)
}

fn to_json<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| raise(py, "other", format!("cannot write output: {e}")))
}

/// The options of `analyze`, `reuse` and `corpus` from a JSON object: the
/// same names and values as the CLI's (`offsets`: `utf8`, `utf16` or
/// `chars`). Unknown names are refused, not ignored.
fn parse_options(py: Python<'_>, options: &str) -> PyResult<Options> {
    let map: Map<String, Value> =
        serde_json::from_str(options).map_err(|e| usage(py, format!("options must be a JSON object: {e}")))?;
    let mut out = Options::default();
    for (key, value) in &map {
        match key.as_str() {
            "offsets" => {
                let v = value.as_str().unwrap_or_default();
                out.offsets = OffsetUnit::parse(v)
                    .ok_or_else(|| usage(py, format!("unknown offsets value {value}: use utf8, utf16 or chars")))?;
            }
            other => return Err(usage(py, format!("unknown option {other:?}; the options are: offsets"))),
        }
    }
    Ok(out)
}

/// Analyzes articles given as a JSON array of `ArticleInput`s (`text`,
/// `label`, `name`, `warnings`, `meta`) with options as a JSON object;
/// returns the Report as JSON. The GIL is released while the engine runs.
#[pyfunction]
fn analyze_json(py: Python<'_>, articles: &str, options: &str) -> PyResult<String> {
    let options = parse_options(py, options)?;
    let inputs: Vec<ArticleInput> =
        serde_json::from_str(articles).map_err(|e| usage(py, format!("articles are not valid: {e}")))?;
    let report = py.detach(|| core_analyze(&inputs, &options));
    match report {
        Ok(r) => to_json(py, &r),
        Err(e) => Err(core_error(py, &e)),
    }
}

/// Reads a file's bytes as the CLI and the page do (plain text, HTML,
/// Markdown, Word .docx): the `Decoded` file as JSON, with `name` added.
/// Refuses more than [`MAX_FILE_BYTES`] with the CLI's message.
#[pyfunction]
fn read_json(py: Python<'_>, data: &[u8], name: &str) -> PyResult<String> {
    let shown = input::shown_name(name);
    if data.len() > MAX_FILE_BYTES {
        return Err(raise(
            py,
            kind_name(ErrorKind::TooLarge),
            format!(
                "{shown} is more than {}, the most Corroborate reads from one file: \
                 copy the article text and paste it instead",
                human_size(MAX_FILE_BYTES)
            ),
        ));
    }
    // the reader names the file by its last component, as the CLI does
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let decoded = py.detach(|| input::read(Some(base), data)).map_err(|e| core_error(py, &e))?;
    let mut value = serde_json::to_value(&decoded).map_err(|e| raise(py, "other", e.to_string()))?;
    if let Value::Object(map) = &mut value {
        map.insert("name".into(), Value::String(base.to_string()));
    }
    to_json(py, &value)
}

/// The fast path for one pair: `align_pair`'s row and passages (spans in
/// characters) as JSON `[pair, passages]`, or `None` when they share no
/// passage. The engine is `analyze`'s, on these two articles alone.
#[pyfunction]
fn align_json(py: Python<'_>, a_id: &str, a_text: &str, b_id: &str, b_text: &str) -> PyResult<Option<String>> {
    let a = CorpusArticle::new(a_id, "", None, a_text);
    let b = CorpusArticle::new(b_id, "", None, b_text);
    match py.detach(|| corpus::align_pair(&a, &b)) {
        Some(row) => Ok(Some(to_json(py, &row)?)),
        None => Ok(None),
    }
}

/// Each text's corpus-mode fingerprint: its LSH band keys as signed 64-bit
/// integers (the bits of the `u64` keys, so that Spark and Arrow store them
/// as `long`) and its distinct 32-bit shingles packed little-endian in
/// bytes (for [`shingle_containment`]).
#[pyfunction]
fn fingerprints(
    py: Python<'_>,
    texts: Vec<String>,
    shingle: usize,
    bands: usize,
    rows: usize,
    seed: u64,
) -> Vec<(Vec<i64>, Vec<u8>)> {
    let params = MinHashParams { shingle, bands, rows, seed };
    py.detach(|| {
        texts
            .iter()
            .map(|t| {
                let f = corpus::fingerprint(t, &params);
                let keys = f.band_keys.into_iter().map(|k| k as i64).collect();
                let packed = f.shingles.iter().flat_map(|x| x.to_le_bytes()).collect();
                (keys, packed)
            })
            .collect()
    })
}

/// Corpus mode's check of a candidate before aligning it: the exact shingle
/// containment of two packed shingle sets from [`fingerprints`].
#[pyfunction]
fn shingle_containment(a: &[u8], b: &[u8]) -> f64 {
    let unpack =
        |x: &[u8]| -> Vec<u32> { x.chunks_exact(4).map(|c| c.try_into().map_or(0, u32::from_le_bytes)).collect() };
    corpus::shingle_containment(&unpack(a), &unpack(b))
}

/// Corpus mode's provenance decision for a pair: `(copier, source, reason)`.
#[pyfunction]
#[pyo3(signature = (a_id, a_date, b_id, b_date, containment_a, containment_b))]
fn direction(
    a_id: &str,
    a_date: Option<&str>,
    b_id: &str,
    b_date: Option<&str>,
    containment_a: f64,
    containment_b: f64,
) -> (String, String, &'static str) {
    let a = CorpusArticle::new(a_id, "", a_date, "");
    let b = CorpusArticle::new(b_id, "", b_date, "");
    let pair = PairRow {
        a: a_id.to_string(),
        b: b_id.to_string(),
        a_words: 0,
        b_words: 0,
        containment_a,
        containment_b,
        similarity: 0.0,
        shared_words_a: 0,
        shared_words_b: 0,
        passages: 0,
    };
    corpus::direction(&a, &b, &pair)
}

/// Corpus mode's second look at pairs the dates did not decide: the
/// outlets' history ([`corpus::OutletHistory`]) built from `records`
/// (`(first outlet, later outlet, pairs)` of the dated pairs), then for each
/// `(a_id, a_outlet, b_id, b_outlet)` its `(copier, source)`, or `None`
/// where the history does not tell.
#[pyfunction]
fn history_decide(
    records: Vec<(String, String, u32)>,
    pairs: Vec<(String, String, String, String)>,
) -> Vec<Option<(String, String)>> {
    let mut history = corpus::OutletHistory::default();
    for (first, later, n) in &records {
        history.record(first, later, *n);
    }
    pairs
        .iter()
        .map(|(a, a_out, b, b_out)| history.decide((a, a_out), (b, b_out)).map(|(c, s)| (c.to_string(), s.to_string())))
        .collect()
}

/// Corpus mode's default options as JSON (`threshold`, `shingle`, `bands`,
/// `rows`, `seed`, `max_bucket`, `min_shingle_containment`, `batch`).
#[pyfunction]
fn corpus_defaults_json() -> String {
    corpus_options_value(&CorpusOptions::default()).to_string()
}

fn corpus_options_value(o: &CorpusOptions) -> Value {
    json!({
        "threshold": o.threshold,
        "shingle": o.minhash.shingle,
        "bands": o.minhash.bands,
        "rows": o.minhash.rows,
        "seed": o.minhash.seed,
        "max_bucket": o.max_bucket,
        "min_shingle_containment": o.min_shingle_containment,
        "batch": o.batch,
    })
}

/// Corpus options from a JSON object of the names of
/// [`corpus_defaults_json`], checked as the CLI checks them.
fn parse_corpus_options(py: Python<'_>, options: &str) -> PyResult<CorpusOptions> {
    let map: Map<String, Value> =
        serde_json::from_str(options).map_err(|e| usage(py, format!("options must be a JSON object: {e}")))?;
    let mut o = CorpusOptions::default();
    let count = |key: &str, v: &Value| {
        v.as_u64()
            .and_then(|x| usize::try_from(x).ok())
            .ok_or_else(|| usage(py, format!("{key} must be a whole number, not {v}")))
    };
    for (key, v) in &map {
        match key.as_str() {
            "threshold" => {
                o.threshold = v.as_f64().ok_or_else(|| usage(py, format!("threshold must be a number, not {v}")))?;
            }
            "shingle" => o.minhash.shingle = count(key, v)?,
            "bands" => o.minhash.bands = count(key, v)?,
            "rows" => o.minhash.rows = count(key, v)?,
            "seed" => o.minhash.seed = v.as_u64().ok_or_else(|| usage(py, format!("seed must be a whole number, not {v}")))?,
            "max_bucket" => o.max_bucket = count(key, v)?,
            "min_shingle_containment" => {
                o.min_shingle_containment = v
                    .as_f64()
                    .ok_or_else(|| usage(py, format!("min_shingle_containment must be a number, not {v}")))?;
            }
            "batch" => o.batch = count(key, v)?,
            other => {
                return Err(usage(
                    py,
                    format!("unknown option {other:?}; the options are: threshold, shingle, bands, rows, seed, max_bucket, min_shingle_containment, batch"),
                ))
            }
        }
    }
    // the CLI's checks and messages, with the options' Python names
    if !(0.0..=1.0).contains(&o.threshold) {
        return Err(usage(py, format!("threshold {} is not between 0 and 1", o.threshold)));
    }
    if o.minhash.shingle == 0 || o.minhash.bands == 0 || o.minhash.rows == 0 {
        return Err(usage(py, "shingle, bands and rows must be at least 1"));
    }
    Ok(o)
}

/// Runs corpus mode on a JSONL file (`path`) or JSONL text (`jsonl`, named
/// `shown` in messages) and writes `pairs.csv`, `passages.csv` and
/// `provenance.csv` into `out_dir`; returns the run's counts as JSON.
#[pyfunction]
#[pyo3(signature = (path, jsonl, shown, out_dir, options))]
fn corpus_json(
    py: Python<'_>,
    path: Option<&str>,
    jsonl: Option<&str>,
    shown: &str,
    out_dir: &str,
    options: &str,
) -> PyResult<String> {
    let opts = parse_corpus_options(py, options)?;
    let articles = match (path, jsonl) {
        (Some(p), _) => {
            let f = std::fs::File::open(p).map_err(|e| raise(py, "unreadable", format!("cannot open {p}: {e}")))?;
            py.detach(|| corpus::read_jsonl(std::io::BufReader::new(f)))
        }
        (None, Some(text)) => py.detach(|| corpus::read_jsonl(text.as_bytes())),
        (None, None) => return Err(usage(py, "corpus needs a path or records")),
    }
    .map_err(|e| raise(py, "corpus", format!("{shown}: {e}")))?;
    let dir = std::path::PathBuf::from(out_dir);
    let (tables, written) = py.detach(|| {
        let tables = corpus::run(&articles, &opts);
        let written = corpus::write_tables(&tables, &dir);
        (tables, written)
    });
    written.map_err(|e| raise(py, "other", format!("cannot write tables to {}: {e}", dir.display())))?;
    let st = &tables.stats;
    let stats = json!({
        "articles": st.articles,
        "candidates": st.candidates,
        "checked": st.checked,
        "aligned": st.aligned,
        "pairs": st.pairs,
        "passages": tables.passages.len(),
        "provenance": tables.provenance.len(),
        "capped_buckets": st.capped_buckets,
        "options": corpus_options_value(&opts),
    });
    Ok(stats.to_string())
}

/// The native half of the `corroborate` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CorroborateError", m.py().get_type::<CorroborateError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("REPORT_VERSION", corroborate::REPORT_VERSION)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_function(wrap_pyfunction!(align_json, m)?)?;
    m.add_function(wrap_pyfunction!(fingerprints, m)?)?;
    m.add_function(wrap_pyfunction!(shingle_containment, m)?)?;
    m.add_function(wrap_pyfunction!(direction, m)?)?;
    m.add_function(wrap_pyfunction!(history_decide, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_defaults_json, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_json, m)?)?;
    Ok(())
}
