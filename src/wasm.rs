//! The JavaScript boundary: the only module that knows `wasm-bindgen`.
//!
//! `analyze(articles, options)` takes `[{text, label?, name?}]` and
//! `{offsets?}` (default `"utf16"`, JavaScript's string unit) and returns the
//! [`crate::Report`] as a plain object. Every error arrives as a JS `Error`
//! whose message names the problem.
//!
//! `loadLanguage(bytes)` loads a language pack ([`crate::lang::pack`]) the
//! worker fetched from its origin; `hasLanguage(code)` says whether one is
//! at hand.
//!
//! `readFile(name, bytes)` turns a dropped file (plain text, HTML, Markdown
//! or Word .docx) into `{text, format, warnings}` with
//! [`crate::input::read`].
//!
//! With the `diagnostics` feature (never in the shipped build) it also
//! exports `textStats`, `entityStats` and `reuseStats` for `npm run bench`,
//! and `panicForTests` for the page's crash-recovery test.

use crate::article::{ArticleInput, Options};
use crate::report::OffsetUnit;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_API: &'static str = r#"
import type { Report, ArticleInput, AnalyzeOptions, DecodedFile } from "./report";
export type { Report, ArticleInput, AnalyzeOptions, DecodedFile };
"#;

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    offsets: Option<String>,
}

fn into_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Installs the panic hook: a Rust panic shows its message in the console,
/// and leaves it in `globalThis.corroboratePanic` so the worker can name it
/// when the call then traps (`panic = "abort"`: the instance is unusable
/// after that, and the page replaces the worker; see docs/panics.md).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic")
            .to_string();
        let _ = js_sys::Reflect::set(&js_sys::global(), &"corroboratePanic".into(), &message.into());
    }));
}

#[cfg(feature = "diagnostics")]
fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

/// Runs only the text stages (clean, tokenize, sentences) and returns their
/// counts: `{bytes, tokens, words, sentences, degraded}`. For benchmarks and
/// diagnostics (`npm run bench`); the page uses [`analyze`].
#[cfg(feature = "diagnostics")]
#[wasm_bindgen(js_name = textStats)]
pub fn text_stats(text: &str) -> Result<JsValue, JsValue> {
    let t = crate::internal::text_stages(text);
    to_js(&serde_json::json!({
        "bytes": text.len(),
        "tokens": t.tokens.len(),
        "words": t.tokens.iter().filter(|x| x.is_wordlike()).count(),
        "sentences": t.sentences.len(),
        "degraded": t.cleaned.flags.degraded(),
    }))
}

/// Runs the text stages and entity recognition on one text and returns the
/// counts `{words, sentences, entities}`. For the recognition benchmark
/// (`npm run bench`).
#[cfg(feature = "diagnostics")]
#[wasm_bindgen(js_name = entityStats)]
pub fn entity_stats(text: &str) -> Result<JsValue, JsValue> {
    let t = crate::internal::text_stages(text);
    let found = crate::internal::recognize(text, &crate::internal::view(&t.tokens, &t.vocab), &t.sentences);
    to_js(&serde_json::json!({
        "words": t.tokens.iter().filter(|x| x.is_wordlike()).count(),
        "sentences": t.sentences.len(),
        "entities": found.len(),
    }))
}

/// Runs only the reuse engine (cleaning, tokens, aligned passages with
/// their edits, spans in UTF-16 units) on `texts` and returns
/// `{words, pairs, passages}`. For the reuse benchmark (`npm run bench`).
#[cfg(feature = "diagnostics")]
#[wasm_bindgen(js_name = reuseStats)]
pub fn reuse_stats(texts: Vec<String>) -> Result<JsValue, JsValue> {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    to_js(&crate::internal::reuse_only(&refs, OffsetUnit::Utf16))
}

/// Loads the tagger model and lexicons now (they load lazily on the first
/// analysis otherwise); returns nothing. Lets the page and benchmarks
/// measure the load on its own.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    let _ = crate::entities::model();
    let _ = crate::entities::lexicon();
}

/// Panics on purpose. Only for the end-to-end test of the page's recovery
/// (`tests/e2e/hostile.spec.mjs`): the shipped build aborts on panic, the
/// call traps with a `WebAssembly.RuntimeError`, and the page must replace
/// the worker and carry on. Nothing in the page calls it.
#[cfg(feature = "diagnostics")]
#[wasm_bindgen(js_name = panicForTests, skip_typescript)]
pub fn panic_for_tests() {
    panic!("deliberate panic (test of the page's recovery)");
}

/// Loads a language pack (`www/lang/<code>.bin`, fetched by the worker from
/// its own origin) for the rest of the session and returns its language
/// code. The shipped build embeds no language data: until the English pack
/// is loaded an analysis finds no entities with the tagger and says so in
/// each article's warnings.
#[wasm_bindgen(js_name = loadLanguage)]
pub fn load_language(bytes: Vec<u8>) -> Result<String, JsValue> {
    let code = crate::lang::pack::load(bytes).map_err(into_error)?;
    // build the tagger's model and lexicon now, not in the first analysis
    warm_up();
    Ok(code)
}

/// The language of a text (its first 4 KB) as an ISO 639-1 code where
/// there is one (`"de"`), `"und"` when the text tells nothing: the worker
/// fetches that language's pack before the analysis.
#[wasm_bindgen(js_name = detectLanguage)]
pub fn detect_language(text: &str) -> String {
    crate::lang::detect::identify(text).code
}

/// Whether the data of language `code` is loaded (or built in).
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(code: &str) -> bool {
    crate::lang::pack::available(code)
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Analyzes `articles` (`[{text, label?, name?}]`) and returns the Report.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(articles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run_analysis(articles, options, &mut |_, _| {})
}

/// [`analyze`], calling `progress(stage, fraction)` between stages (a
/// failing callback is ignored: progress never stops an analysis).
#[wasm_bindgen(js_name = analyzeWithProgress, skip_typescript)]
pub fn analyze_with_progress(
    articles: JsValue,
    options: JsValue,
    progress: &js_sys::Function,
) -> Result<JsValue, JsValue> {
    run_analysis(articles, options, &mut |stage, fraction| {
        let _ = progress.call2(&JsValue::NULL, &JsValue::from_str(stage), &JsValue::from_f64(fraction));
    })
}

fn run_analysis(articles: JsValue, options: JsValue, progress: &mut dyn FnMut(&str, f64)) -> Result<JsValue, JsValue> {
    let inputs: Vec<ArticleInput> = serde_wasm_bindgen::from_value(articles)
        .map_err(|e| into_error(format!("articles must be a list of {{text, label}} objects: {e}")))?;
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| into_error(format!("invalid options: {e}")))?
    };
    let offsets = match opts.offsets.as_deref() {
        None => OffsetUnit::Utf16,
        Some(s) => OffsetUnit::parse(s)
            .ok_or_else(|| into_error(format!("unknown offsets unit {s:?}: use utf8, utf16 or chars")))?,
    };
    let report = crate::pipeline::analyze_with_progress(&inputs, &Options { offsets }, progress).map_err(into_error)?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&ser).map_err(|e| into_error(format!("could not build the report: {e}")))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ANALYZE: &'static str = r#"
/** Analyzes the articles and returns the Report (offsets in UTF-16 units unless asked otherwise). */
export function analyze(articles: ArticleInput[], options?: AnalyzeOptions): Report;
/** As analyze, calling progress(stage, fraction 0..1) between stages. */
export function analyzeWithProgress(articles: ArticleInput[], options: AnalyzeOptions | undefined, progress: (stage: string, fraction: number) => void): Report;
"#;

/// Reads a dropped file's bytes: plain text (UTF-8 or UTF-16), HTML,
/// Markdown or Word .docx. Returns `{text, format, warnings}`; a binary or
/// unsupported file is an `Error` whose message names it.
#[wasm_bindgen(js_name = readFile, skip_typescript)]
pub fn read_file(name: String, bytes: &[u8]) -> Result<JsValue, JsValue> {
    let name = Some(name.as_str()).filter(|n| !n.is_empty());
    let decoded = crate::input::read(name, bytes).map_err(into_error)?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    decoded.serialize(&ser).map_err(|e| into_error(format!("could not return the file's text: {e}")))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_READ_FILE: &'static str = r#"
/** Reads a dropped file (plain text, HTML, Markdown or Word .docx); throws an Error naming the file when it is binary or unsupported. */
export function readFile(name: string, bytes: Uint8Array): DecodedFile;
"#;

use serde::Serialize;
