//! Argument handling and output for the `corroborate` binary.

mod ner;

use corroborate::{analyze, entities, input, tokens, ArticleInput, OffsetUnit, Options, Report};
use std::io::{self, BufRead, Read, Write};

const USAGE: &str = "usage:
  corroborate analyze FILE... [--json] [--offsets utf8|utf16|chars]   (- reads stdin)
  corroborate tag --conll [FILE|-]";

/// Runs the CLI and returns the exit code: 0 success, 2 bad usage or
/// unreadable input, 1 analysis error.
pub fn run(args: Vec<String>) -> i32 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let code = match args.first().map(String::as_str) {
        Some("analyze") => cmd_analyze(&args[1..], &mut out),
        Some("tag") => cmd_tag(&args[1..], &mut out),
        Some("train-ner") => ner::train_cmd(&args[1..]).map_err(|e| (2, e)),
        Some("eval-ner") => ner::eval_cmd(&args[1..]).map_err(|e| (2, e)),
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
/// .docx: the article text and the reader's warnings. Unreadable input is
/// exit code 2 with the reader's one-line message.
fn read_input(path: &str) -> Result<(String, Vec<String>), (i32, String)> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().read_to_end(&mut bytes).map_err(|e| (2, format!("cannot read stdin: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| (2, format!("cannot read {path}: {e}")))?;
    }
    let name = if path == "-" { "stdin" } else { path };
    let decoded = input::read(Some(name), &bytes).map_err(|e| (2, e.message().to_string()))?;
    Ok((decoded.text, decoded.warnings))
}

fn cmd_analyze(args: &[String], out: &mut impl Write) -> CliResult {
    let mut files = Vec::new();
    let mut json = false;
    let mut offsets = OffsetUnit::Utf8;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--offsets" => {
                let v = it.next().ok_or((2, "--offsets needs a value: utf8, utf16 or chars".to_string()))?;
                offsets = OffsetUnit::parse(v)
                    .ok_or((2, format!("unknown --offsets value {v:?}: use utf8, utf16 or chars")))?;
            }
            s if s.starts_with("--offsets=") => {
                let v = &s["--offsets=".len()..];
                offsets = OffsetUnit::parse(v)
                    .ok_or((2, format!("unknown --offsets value {v:?}: use utf8, utf16 or chars")))?;
            }
            s if s.starts_with("--") => return Err((2, format!("unknown option {s}; see corroborate --help"))),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err((2, "analyze needs at least one FILE (or - for stdin); see corroborate --help".to_string()));
    }
    let mut inputs = Vec::new();
    for f in &files {
        let (text, warnings) = read_input(f)?;
        let mut input = ArticleInput { warnings, ..ArticleInput::new(text) };
        if f != "-" {
            input = input.with_name(f.clone());
        }
        inputs.push(input);
    }
    let report = analyze(&inputs, &Options { offsets }).map_err(|e| (1, e.to_string()))?;
    let write_err = |e: io::Error| (1, format!("cannot write output: {e}"));
    if json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| (1, format!("cannot write output: {e}")))?;
        writeln!(out).map_err(write_err)?;
    } else {
        summary(&report, out).map_err(write_err)?;
    }
    Ok(())
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn summary(r: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "Articles")?;
    for a in &r.articles {
        let flags = if a.flags.is_empty() { String::new() } else { format!("  [{}]", a.flags.join(", ")) };
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
    writeln!(out, "\nEntities (top 25)")?;
    for e in r.entities.iter().take(25) {
        let counts: Vec<String> =
            r.articles.iter().map(|a| e.counts.get(&a.id).copied().unwrap_or(0).to_string()).collect();
        writeln!(out, "  {:<32} {:<12} {}", e.name, e.kind.as_str(), counts.join(" "))?;
    }
    writeln!(out, "\nDivergences (top 20 of {})", r.divergences.len())?;
    for d in r.divergences.iter().take(20) {
        writeln!(out, "  [{:?}/{}] {}: {}", d.severity, d.kind, d.article, d.explanation)?;
    }
    Ok(())
}

/// `tag --conll`: appends one CoNLL-2003 tag to every non-blank line.
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
    let mut sentence: Vec<String> = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| (2, format!("cannot read {path} line {}: {e}", n + 1)))?;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("-DOCSTART-") {
            flush_sentence(&mut sentence, out).map_err(write_err)?;
            if trimmed.is_empty() {
                writeln!(out, "{line}").map_err(write_err)?;
            } else {
                writeln!(out, "{line} O").map_err(write_err)?;
            }
            continue;
        }
        sentence.push(line);
    }
    flush_sentence(&mut sentence, out).map_err(write_err)
}

fn flush_sentence(lines: &mut Vec<String>, out: &mut impl Write) -> io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let words: Vec<&str> = lines.iter().map(|l| l.split_whitespace().next().unwrap_or("")).collect();
    let tags = tag_tokens(&words);
    for (line, tag) in lines.iter().zip(tags) {
        writeln!(out, "{line} {tag}")?;
    }
    lines.clear();
    Ok(())
}

/// Tags pre-tokenized words with the same recognizer `analyze` uses.
fn tag_tokens(words: &[&str]) -> Vec<String> {
    // Rebuild the sentence with single spaces and map tokens back to words.
    let mut text = String::new();
    let mut word_spans = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        word_spans.push((text.len(), text.len() + w.len()));
        text.push_str(w);
    }
    let (vocab, toks) = tokens::tokenize_text(&text);
    let sents = tokens::sentences(&toks, &vocab, false);
    let found = entities::recognize(&text, &tokens::view(&toks, &vocab), &sents);
    let mut tags = vec!["O".to_string(); words.len()];
    for f in found {
        let Some(ty) = entities::conll_type(f.kind) else { continue };
        let mut first = true;
        for (i, (s, e)) in word_spans.iter().enumerate() {
            if *s < f.end && *e > f.start {
                tags[i] = format!("{}-{ty}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    tags
}
