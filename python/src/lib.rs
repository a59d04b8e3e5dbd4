//! `corroborate._native`: the Python extension. The thin boundary between
//! Python and the core: requests come in as JSON strings built by the
//! `corroborate` package (`python/corroborate/__init__.py`), results go back
//! as the core's serde types serialized with `serde_json`, exactly what
//! `corroborate analyze --json` prints, so the two cannot drift apart.
//! Every error becomes `corroborate.CorroborateError` with the core's
//! message (the CLI prints the same message after `corroborate: `) and its
//! kind.

use corroborate::limits::{human_size, MAX_FILE_BYTES};
use corroborate::{analyze as core_analyze, input, ArticleInput, Error, ErrorKind, OffsetUnit, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{Map, Value};

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

/// The native half of the `corroborate` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CorroborateError", m.py().get_type::<CorroborateError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("REPORT_VERSION", corroborate::REPORT_VERSION)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    Ok(())
}
