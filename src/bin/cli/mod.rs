//! Argument handling and output for the `corroborate` binary.

#[cfg(feature = "train")]
mod chrome;
#[cfg(feature = "train")]
mod clusters;
mod corpus;
mod extraction;
mod flags;
#[cfg(feature = "train")]
mod lang;
#[cfg(feature = "train")]
mod ner;
#[cfg(feature = "train")]
mod paraphrase;
#[cfg(feature = "train")]
mod reuse;
#[cfg(feature = "train")]
mod similarity;

use corroborate::limits::{human_size, MAX_FILE_BYTES};
use corroborate::{analyze, input, ArticleInput, Entity, EntityKind, OffsetUnit, Options, Report};
use std::ffi::OsString;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

const USAGE: &str = "usage:
  corroborate analyze FILE... [--json] [--offsets utf8|utf16|chars] [--numbers]
      compare articles (- reads stdin): a summary, or the Report as JSON
      (--numbers: the summary's entity table also lists counts of things, \"two leaders\")
  corroborate read FILE... [--json]
      what analyze reads from each file: title, metadata, body, what was set aside and why
  corroborate corpus IN.jsonl --out DIR [--threshold X] [--min-shingles X] [--shingle N] [--bands N] [--rows N]
      text reuse across an archive (one JSON object per line: id, source, date, text): candidate pairs
      by MinHash/LSH, aligned on all cores; writes pairs.csv, passages.csv, provenance.csv
  corroborate gen-corpus --articles N --seed S --out FILE [--truth FILE] [--words N] [--sources DIR] [--no-bbc]
      a benchmark corpus with planted reuse (rewrites, stripped copies, partial reuse) and its truth
  corroborate eval-corpus TRUTH.csv OUT_DIR [--min-containment X]
      recall and precision of a corpus run against the planted reuse
  corroborate tag --conll [FILE|-]
      append the tagger's CoNLL-2003 tag to each token line
  corroborate train-ner [--epochs N] [--bits N] [--prune X] [--pa C] [--crf RATE] [--data DIR] [--out FILE] [--extra FILE] [--gaz-extra FILE]
                        [--clusters FILE] [--glove FILE|none]
      train the entity tagger on CoNLL-2003 (rebuilds model/ner.bin and the mined lexicons)
  corroborate build-clusters [--data DIR] [--out FILE] [--min-count N] [--store-min N] [--iterations N]
      rebuild model/clusters.txt, word clusters from unlabeled news, for the tagger
  corroborate build-glove-clusters --vectors FILE [--words N] [--levels A,B,C] [--iterations N] [--seed S] [--out FILE]
      word classes of pretrained GloVe vectors by k-means (scripts/build-glove-clusters.sh)
  corroborate build-glove-neighbors --vectors FILE [--words N] [--k K] [--min-cosine C] [--out FILE]
      each word's nearest words by the cosine of GloVe vectors (scripts/build-glove-neighbors.sh)
  corroborate eval-ner [--model FILE] [--data DIR] [--clusters FILE] [--glove FILE|none]
      per-type precision, recall and F1 of the tagger
  corroborate build-idf [CONLL-FILE] [--out FILE]
      rebuild model/idf.tsv, the word weights of the same-story similarity
  corroborate eval-similarity [CSV-FILE] [--features FILE] [--folds K] [--fit] [--prefix-weights W,A]
      [--freq-mode learned|freq|backoff:K|mix:M] [--freq-dir DIR] [--dict-dir DIR] [--idf-dir DIR]
      [--term-key RULE[@de,pl,...]] [--lemma-dir DIR]
      Pearson and Spearman of the similarity against human ratings, per language pair
      (--folds: the other languages' term weights learned from the other folds' pairs)
      (--fit: a learned linear combination of the pair features, training and held out in 5 folds)
      (--prefix-weights: the prefix cosine's weight within one language and across languages)
      (--freq-mode: how learned idf and corpus frequencies combine; --freq-dir: other freq.tsv tables)
      (--term-key: stem, lemma, lemma+stem, lemma+cut:N, stem+cut:N, lemma+stem+cut:N, for the languages
       after @ or all but English; --lemma-dir: lemma.tsv tables of scripts/build-lang-lemma.sh; the
       build-lang-freq, build-lang-dict and build-lang-idf commands take both too)
  corroborate build-stopwords [--out DIR]
      rebuild model/lang/<code>/stopwords.txt from the stopwords-iso lists (stop-words crate)
  corroborate build-lang-idf [CSV-FILE] [--out DIR] [--prefix-out FILE]
      rebuild model/lang/<code>/idf.tsv, term weights learned from the SemEval pairs' texts,
      and model/prefix-idf.tsv, the weights of the cross-language prefix terms
  corroborate build-lang-dict DICT-DIR LISTS-DIR [--out DIR] [--max-bytes N] [--max-translations K]
                              [--min-share F] [--pivots ISO3,...]
      rebuild model/lang/<code>/dict.tsv, bilingual dictionaries into English, directly or through
      other languages (scripts/build-lang-dict.sh)
  corroborate build-lang-freq DUMP-DIR [--out DIR] [--top N]
      rebuild model/lang/<code>/freq.tsv, term frequencies from the wordfreq lists (scripts/build-lang-freq.sh)
  corroborate build-translit [--out DIR]
      rebuild model/translit.tsv and model/lang/zh/translit.tsv, folding across scripts (any_ascii crate)
  corroborate eval-extraction [DIR] [--verbose] [--repeat N]
      precision, recall and F1 of article extraction from saved web pages
  corroborate train-chrome [--pages DIR] [--news DIR] [--out FILE] [--bits N] [--max-fp RATE] [--span M] [--score FILE]
      learn the detector of page chrome in pasted text from saved pages and news (rebuilds model/chrome.bin),
      with its held-out figures; --score FILE: each sentence of FILE scored by the model at --out
  corroborate train-support [FILE] [--out FILE]
      learn the sentence-support judgement from paraphrase pairs (rebuilds model/support.tsv)
  corroborate eval-paraphrase [FILE] [--folds N]
      accuracy and F1 of the engine's same/not-same judgement on paraphrase pairs, cross-validated
  corroborate eval-reuse [DIR] [--limit N] [--verbose] [--verbatim-only]
      PAN text-alignment measures of the reuse engine per kind of rewriting
      (--verbatim-only: without the reworded-sentence seeds, on in the shipped engine)
(the commands from train-ner on need the `train` feature, on by default)";

/// Runs the CLI and returns the exit code: 0 success, 2 bad usage or
/// unreadable input, 1 analysis error. Arguments are OS strings: a file
/// name that is not UTF-8 is still a file name (options must be UTF-8).
pub fn run(os_args: Vec<OsString>) -> i32 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let args: Vec<String> = os_args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let rest = args.get(1..).unwrap_or_default();
    let code = match args.first().map(String::as_str) {
        Some("analyze") => cmd_analyze(os_args.get(1..).unwrap_or_default(), &mut out),
        Some("tag") => cmd_tag(rest, &mut out),
        Some("corpus") => corpus::corpus_cmd(rest, &mut out).map_err(|e| (2, e)),
        Some("gen-corpus") => corpus::gen_cmd(rest, &mut out).map_err(|e| (2, e)),
        Some("eval-corpus") => corpus::eval_cmd(rest, &mut out).map_err(|e| (2, e)),
        Some("read") => extraction::read_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("eval-extraction") => extraction::eval_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("train-ner") => ner::train_cmd(rest).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-clusters") => clusters::build_cmd(rest).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-glove-clusters") => clusters::build_glove_cmd(rest).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-glove-neighbors") => clusters::build_glove_neighbors_cmd(rest).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("eval-ner") => ner::eval_cmd(rest).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-idf") => similarity::build_idf_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("train-chrome") => chrome::train_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("train-support") => paraphrase::train_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("eval-paraphrase") => paraphrase::eval_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("eval-reuse") => reuse::eval_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-stopwords") => similarity::build_stopwords_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-lang-idf") => similarity::build_lang_idf_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-lang-dict") => similarity::build_lang_dict_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-lang-freq") => similarity::build_lang_freq_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("build-translit") => lang::build_translit_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(feature = "train")]
        Some("eval-similarity") => similarity::eval_cmd(rest, &mut out).map_err(|e| (2, e)),
        #[cfg(not(feature = "train"))]
        Some(
            cmd @ ("train-ner"
            | "eval-ner"
            | "build-clusters"
            | "build-idf"
            | "eval-similarity"
            | "eval-extraction"
            | "train-support"
            | "train-chrome"
            | "eval-paraphrase"
            | "eval-reuse"
            | "build-stopwords"
            | "build-lang-idf"
            | "build-lang-freq"
            | "build-lang-dict"
            | "build-translit"
            | "build-glove-clusters"
            | "build-glove-neighbors"),
        ) => Err((2, format!("{cmd} is not in this build: rebuild with the `train` feature (on by default)"))),
        Some("-h" | "--help" | "help") => {
            let _ = writeln!(out, "{USAGE}");
            Ok(())
        }
        Some("-V" | "--version") => {
            let _ = writeln!(out, "corroborate {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err((2, format!("unknown command {other:?}; see corroborate --help"))),
        None => Err((2, "missing command; see corroborate --help".to_string())),
    };
    let flushed = out.flush();
    match (code, flushed) {
        (Ok(()), Ok(())) => 0,
        (Ok(()), Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        (Ok(()), Err(e)) => {
            eprintln!("corroborate: cannot write output: {e}");
            1
        }
        // the reader went away (`| head`): not an error
        (Err((_, msg)), _) if msg.contains("Broken pipe") => 0,
        (Err((code, msg)), _) => {
            eprintln!("corroborate: {msg}");
            code
        }
    }
}

type CliResult = Result<(), (i32, String)>;

/// Reads a file (or stdin for `-`) as plain text, HTML, Markdown or Word
/// .docx: the article text and the reader's warnings. Reading stops at
/// [`MAX_FILE_BYTES`] (`/dev/zero` or `yes |` cannot exhaust memory).
/// Unreadable input is exit code 2 with the reader's one-line message.
fn read_input(path: &Path) -> Result<input::Decoded, (i32, String)> {
    let stdin = path.as_os_str() == "-";
    let shown = if stdin { "stdin".to_string() } else { input::shown_name(&path.to_string_lossy()) };
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES as u64 + 1;
    let read = if stdin {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| (2, format!("cannot read {shown}: {e}")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err((
            2,
            format!(
                "{shown} is more than {}, the most Corroborate reads from one file: \
                 copy the article text and paste it instead",
                human_size(MAX_FILE_BYTES)
            ),
        ));
    }
    // the reader names the file by its last component: a long path is not a
    // long label
    let name = if stdin {
        "stdin".to_string()
    } else {
        path.file_name().map_or(shown.clone(), |n| n.to_string_lossy().into_owned())
    };
    input::read(Some(&name), &bytes).map_err(|e| (2, e.message().to_string()))
}

fn cmd_analyze(os_args: &[OsString], out: &mut impl Write) -> CliResult {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut json = false;
    let mut numbers = false;
    let mut offsets = OffsetUnit::Utf8;
    let args: Vec<String> = os_args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut it = args.iter().zip(os_args);
    while let Some((a, os)) = it.next() {
        let mut it = it.by_ref().map(|(s, _)| s);
        match a.as_str() {
            "--json" => json = true,
            "--numbers" => numbers = true,
            "--offsets" => {
                let v = it.next().ok_or((2, "--offsets needs a value: utf8, utf16 or chars".to_string()))?;
                offsets = OffsetUnit::parse(v)
                    .ok_or((2, format!("unknown --offsets value {v:?}: use utf8, utf16 or chars")))?;
            }
            s if s.starts_with("--offsets=") => {
                let v = s.strip_prefix("--offsets=").unwrap_or_default();
                offsets = OffsetUnit::parse(v)
                    .ok_or((2, format!("unknown --offsets value {v:?}: use utf8, utf16 or chars")))?;
            }
            s if s.starts_with("--") => return Err((2, format!("unknown option {s}; see corroborate --help"))),
            _ => files.push(PathBuf::from(os)),
        }
    }
    if files.is_empty() {
        return Err((2, "analyze needs at least one FILE (or - for stdin); see corroborate --help".to_string()));
    }
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err((2, "- (stdin) can be read only once; save one of the inputs to a file".to_string()));
    }
    let mut inputs = Vec::new();
    for f in &files {
        // a web page's metadata goes along: its headline titles the article,
        // its publisher labels it, its date orders it
        let decoded = read_input(f)?;
        let mut input =
            ArticleInput { warnings: decoded.warnings, meta: decoded.meta, ..ArticleInput::new(decoded.text) };
        if f.as_os_str() != "-" {
            if let Some(name) = f.file_name() {
                input = input.with_name(name.to_string_lossy().into_owned());
            }
        }
        inputs.push(input);
    }
    let report = analyze(&inputs, &Options { offsets }).map_err(|e| (1, e.to_string()))?;
    let write_err = |e: io::Error| (1, format!("cannot write output: {e}"));
    if json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| (1, format!("cannot write output: {e}")))?;
        writeln!(out).map_err(write_err)?;
    } else {
        summary(&report, numbers, out).map_err(write_err)?;
    }
    Ok(())
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The text summary of `analyze`. Counts of things ("two leaders", kind
/// `number`) stay in the Report for the fact comparison but are rows of the
/// entity table only when asked for (`numbers`), as on the page.
fn summary(r: &Report, numbers: bool, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "Articles")?;
    for a in &r.articles {
        let flags = if a.flags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", a.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", "))
        };
        writeln!(out, "  {}  {:<28} {:>5} words  {:>4} original{}", a.id, a.label, a.words, pct(a.originality), flags)?;
        if let Some(t) = &a.title {
            writeln!(out, "       title: {t}")?;
        }
    }
    if !r.pairs.is_empty() {
        writeln!(out, "\nReuse (row: share of its words found in column)")?;
        write!(out, "      ")?;
        for a in &r.articles {
            write!(out, "{:>6}", a.id)?;
        }
        writeln!(out)?;
        for a in &r.articles {
            write!(out, "  {:<4}", a.id)?;
            for b in &r.articles {
                let cell =
                    r.pairs.iter().find(|p| p.a == a.id && p.b == b.id).map_or("-".to_string(), |p| pct(p.containment));
                write!(out, "{cell:>6}")?;
            }
            writeln!(out)?;
        }
    }
    let shown = |e: &&Entity| numbers || e.kind != EntityKind::Number;
    let hidden = r.entities.iter().filter(|e| !shown(e)).count();
    writeln!(out, "\nEntities (top 25)")?;
    let rows: Vec<&Entity> = r.entities.iter().filter(shown).take(25).collect();
    let count = |e: &Entity, id: &str| e.counts.get(id).copied().unwrap_or(0).to_string();
    // each column as wide as its article's id or its widest count
    let widths: Vec<usize> = r
        .articles
        .iter()
        .map(|a| rows.iter().map(|e| count(e, &a.id).len()).chain([a.id.chars().count()]).max().unwrap_or(1))
        .collect();
    let line =
        |cells: Vec<String>| cells.iter().zip(&widths).map(|(c, w)| format!("{c:>w$}")).collect::<Vec<_>>().join(" ");
    writeln!(out, "  {:<32} {:<12} {}", "", "", line(r.articles.iter().map(|a| a.id.clone()).collect()))?;
    for e in rows {
        let counts = line(r.articles.iter().map(|a| count(e, &a.id)).collect());
        writeln!(out, "  {:<32} {:<12} {}", e.name, e.kind.as_str(), counts)?;
    }
    if hidden > 0 {
        writeln!(out, "  ({hidden} counts of things not listed; --numbers lists them)")?;
    }
    writeln!(out, "\nDivergences (top 20 of {})", r.divergences.len())?;
    for d in r.divergences.iter().take(20) {
        writeln!(out, "  [{:?}/{}] {}: {}", d.severity, d.kind, d.article, d.explanation)?;
    }
    Ok(())
}

/// `tag --conll`: appends one CoNLL-2003 tag to every non-blank line. A
/// document (up to the next `-DOCSTART-`) is tagged at once, so the
/// recognizer sees the same document context as in `analyze`.
fn cmd_tag(args: &[String], out: &mut impl Write) -> CliResult {
    let mut path = "-".to_string();
    let mut conll = false;
    for a in args {
        match a.as_str() {
            "--conll" => conll = true,
            s if s.starts_with("--") => return Err((2, format!("unknown option {s}; see corroborate --help"))),
            _ => path = a.clone(),
        }
    }
    if !conll {
        return Err((2, "tag needs --conll; see corroborate --help".to_string()));
    }
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(&path).map_err(|e| (2, format!("cannot read {path}: {e}")))?))
    };
    let write_err = |e: io::Error| (1, format!("cannot write output: {e}"));
    // the lines of the current document; sentences are runs of non-blank lines
    let mut doc: Vec<String> = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| (2, format!("cannot read {path} line {}: {e}", n + 1)))?;
        if line.trim().starts_with("-DOCSTART-") {
            flush_document(&mut doc, out).map_err(write_err)?;
            writeln!(out, "{line} O").map_err(write_err)?;
            continue;
        }
        doc.push(line);
    }
    flush_document(&mut doc, out).map_err(write_err)
}

fn flush_document(lines: &mut Vec<String>, out: &mut impl Write) -> io::Result<()> {
    // sentence boundaries: blank lines
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for l in lines.iter() {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l.split_whitespace().next().unwrap_or(""));
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    let chunks = corroborate::tag(&sentences);
    let mut tags: Vec<Vec<String>> = sentences.iter().map(|s| vec!["O".to_string(); s.len()]).collect();
    for (si, cs) in chunks.iter().enumerate() {
        for (r, kind) in cs {
            let Some(ty) = corroborate::internal::conll_type(*kind) else { continue };
            for (k, i) in r.clone().enumerate() {
                if let Some(t) = tags.get_mut(si).and_then(|v| v.get_mut(i)) {
                    *t = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
                }
            }
        }
    }
    let mut si = 0;
    let mut wi = 0;
    for l in lines.iter() {
        if l.trim().is_empty() {
            writeln!(out, "{l}")?;
            if wi > 0 {
                si += 1;
                wi = 0;
            }
            continue;
        }
        let tag = tags.get(si).and_then(|v| v.get(wi)).map_or("O", String::as_str);
        writeln!(out, "{l} {tag}")?;
        wi += 1;
    }
    lines.clear();
    Ok(())
}
