//! `corroborate corpus`, `gen-corpus` and `eval-corpus`: corpus mode, its
//! benchmark corpus and its scoring.

use corroborate::corpus::{self, CorpusOptions, GenOptions, Generated};
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::flags::Flags;

/// CPU seconds (user + system) this process has used so far, from
/// `/proc/self/stat` (Linux; 0 elsewhere): the per-stage costs the README's
/// cluster estimate is made from, independent of other load on the machine.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // fields after the command name (which may hold spaces) in parentheses
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ')'
    let ticks: f64 = [11, 12].iter().filter_map(|&i| f.get(i).and_then(|v| v.parse::<f64>().ok())).sum();
    ticks / 100.0
}

/// `corroborate corpus IN.jsonl --out DIR [--threshold X] [--shingle N]
/// [--bands N] [--rows N] [--batch N]`.
pub fn corpus_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut input: Option<String> = None;
    let mut dir: Option<PathBuf> = None;
    let mut opts = CorpusOptions::default();
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--out" => dir = Some(PathBuf::from(f.text()?)),
            "--threshold" => opts.threshold = f.value()?,
            "--shingle" => opts.minhash.shingle = f.value()?,
            "--bands" => opts.minhash.bands = f.value()?,
            "--rows" => opts.minhash.rows = f.value()?,
            "--min-shingles" => opts.min_shingle_containment = f.value()?,
            "--batch" => opts.batch = f.value()?,
            "--max-bucket" => opts.max_bucket = f.value()?,
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a => {
                if input.replace(a.to_string()).is_some() {
                    return Err("corpus reads one JSONL file".to_string());
                }
            }
        }
    }
    let input = input.ok_or("usage: corroborate corpus IN.jsonl --out DIR")?;
    let dir = dir.ok_or("corpus needs --out DIR")?;
    if !(0.0..=1.0).contains(&opts.threshold) {
        return Err(format!("--threshold {} is not between 0 and 1", opts.threshold));
    }
    if opts.minhash.shingle == 0 || opts.minhash.bands == 0 || opts.minhash.rows == 0 {
        return Err("--shingle, --bands and --rows must be at least 1".to_string());
    }
    let start = Instant::now();
    let articles = if input == "-" {
        corpus::read_jsonl(io::stdin().lock())
    } else {
        let f = std::fs::File::open(&input).map_err(|e| format!("cannot open {input}: {e}"))?;
        corpus::read_jsonl(BufReader::new(f))
    }
    .map_err(|e| format!("{input}: {e}"))?;
    let read_s = start.elapsed().as_secs_f64();
    eprintln!("corpus: read {} articles in {read_s:.1} s", articles.len());
    let mut stage = String::from("reading");
    let mut stage_start = Instant::now();
    let mut stage_cpu = cpu_seconds();
    let mut times: Vec<(String, f64, f64)> = vec![("reading".to_string(), read_s, stage_cpu)];
    let mut last_print = Instant::now();
    let tables = corpus::run_with_progress(&articles, &opts, &mut |s, done, total| {
        if s != stage {
            let cpu = cpu_seconds();
            if stage != "reading" {
                times.push((stage.clone(), stage_start.elapsed().as_secs_f64(), cpu - stage_cpu));
            }
            stage = s.to_string();
            stage_start = Instant::now();
            stage_cpu = cpu;
        }
        if last_print.elapsed().as_secs_f64() >= 2.0 || done == total {
            last_print = Instant::now();
            eprintln!("corpus: {s} {done}/{total} ({:.0} s)", start.elapsed().as_secs_f64());
        }
    });
    times.push((stage.clone(), stage_start.elapsed().as_secs_f64(), cpu_seconds() - stage_cpu));
    let write_start = Instant::now();
    let write_cpu = cpu_seconds();
    corpus::write_tables(&tables, &dir).map_err(|e| format!("cannot write tables to {}: {e}", dir.display()))?;
    times.push(("writing".to_string(), write_start.elapsed().as_secs_f64(), cpu_seconds() - write_cpu));
    let st = &tables.stats;
    let stages: Vec<String> = times.iter().map(|(s, t, c)| format!("{s} {t:.1} s / CPU {c:.1} s")).collect();
    let _ = writeln!(
        out,
        "corpus: {} articles, {} candidate pairs, {} checked, {} aligned, {} pairs, {} passages, {} provenance edges in {:.1} s, CPU {:.1} s (wall / CPU per stage: {}){}",
        st.articles,
        st.candidates,
        st.checked,
        st.aligned,
        st.pairs,
        tables.passages.len(),
        tables.provenance.len(),
        start.elapsed().as_secs_f64(),
        cpu_seconds(),
        stages.join(", "),
        if st.capped_buckets > 0 { format!("; {} LSH buckets capped", st.capped_buckets) } else { String::new() }
    );
    Ok(())
}

/// The `.txt` files under `dir`, sorted (so the corpus does not depend on
/// the order the file system lists them in).
fn texts_under(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            texts_under(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

/// `corroborate gen-corpus --articles N --seed S --out FILE [--truth FILE]
/// [--words N] [--sources DIR]... [--no-bbc]`.
pub fn gen_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut opts = GenOptions::default();
    let mut file: Option<PathBuf> = None;
    let mut truth: Option<PathBuf> = None;
    let mut sources: Vec<PathBuf> = Vec::new();
    let mut bbc = true;
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--articles" => opts.articles = f.value()?,
            "--seed" => opts.seed = f.value()?,
            "--words" => opts.words = f.value()?,
            "--unrelated" => opts.unrelated = f.value()?,
            "--out" => file = Some(PathBuf::from(f.text()?)),
            "--truth" => truth = Some(PathBuf::from(f.text()?)),
            "--sources" => sources.push(PathBuf::from(f.text()?)),
            "--no-bbc" => bbc = false,
            a => return Err(format!("unknown option {a}")),
        }
    }
    let file = file.ok_or("gen-corpus needs --out FILE")?;
    let truth = truth.unwrap_or_else(|| file.with_extension("truth.csv"));
    if sources.is_empty() {
        sources.push(PathBuf::from("tests/fixtures"));
    }
    let bbc_dir = PathBuf::from("../shared/data/unlabeled/bbc-news/news");
    if bbc && bbc_dir.is_dir() {
        sources.push(bbc_dir);
    }
    let mut texts = Vec::new();
    for s in &sources {
        texts_under(s, &mut texts);
    }
    if texts.is_empty() {
        return Err("no .txt source texts found (give --sources DIR)".to_string());
    }
    let start = Instant::now();
    let g = corpus::generate(&texts, &opts);
    let mut w =
        io::BufWriter::new(std::fs::File::create(&file).map_err(|e| format!("cannot create {}: {e}", file.display()))?);
    for a in &g.articles {
        let line = serde_json::to_string(a).map_err(|e| e.to_string())?;
        writeln!(w, "{line}").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    std::fs::write(&truth, g.truth_csv()).map_err(|e| format!("cannot write {}: {e}", truth.display()))?;
    let words: usize = g.articles.iter().map(|a| a.text.split_whitespace().count()).sum();
    let _ = writeln!(
        out,
        "gen-corpus: {} articles ({} words on average) from {} source texts, {} planted pairs ({} with containment >= 0.2) in {:.1} s; truth in {}",
        g.articles.len(),
        words / g.articles.len().max(1),
        texts.len(),
        g.truth.len(),
        g.truth.iter().filter(|t| t.max_containment() >= 0.2).count(),
        start.elapsed().as_secs_f64(),
        truth.display()
    );
    Ok(())
}

/// `corroborate eval-corpus TRUTH OUT_DIR [--min-containment X]`.
pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut pos: Vec<&str> = Vec::new();
    let mut min = 0.2;
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--min-containment" => min = f.value()?,
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a => pos.push(a),
        }
    }
    let [truth, dir] = pos.as_slice() else {
        return Err("usage: corroborate eval-corpus TRUTH.csv OUT_DIR".to_string());
    };
    let t = std::fs::read_to_string(truth).map_err(|e| format!("cannot read {truth}: {e}"))?;
    let truth_rows = Generated::parse_truth(&t)?;
    let dir = Path::new(dir);
    let open = |name: &str| {
        std::fs::File::open(dir.join(name))
            .map(BufReader::new)
            .map_err(|e| format!("cannot open {}: {e}", dir.join(name).display()))
    };
    let pairs = corpus::read_pairs_csv(open("pairs.csv")?).map_err(|e| e.to_string())?;
    let dirs = corpus::read_directions(open("provenance.csv")?).map_err(|e| e.to_string())?;
    let e = corpus::evaluate(&truth_rows, &pairs, &dirs, min);
    let missed: Vec<String> = e.missed_by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let _ = writeln!(
        out,
        "eval-corpus: planted pairs with containment >= {}: {}, found {}: recall {:.4}; reported pairs with containment >= {}: {}, planted {}: precision {:.4}; missed by kind: {}; direction of wire copies right {}/{} ({:.4})",
        e.min_containment,
        e.planted,
        e.found,
        e.recall,
        e.min_containment,
        e.reported,
        e.correct,
        e.precision,
        if missed.is_empty() { "none".to_string() } else { missed.join(", ") },
        e.direction_correct,
        e.direction_decided,
        if e.direction_decided == 0 { 1.0 } else { e.direction_correct as f64 / e.direction_decided as f64 }
    );
    Ok(())
}
