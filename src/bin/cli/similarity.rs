//! `corroborate eval-similarity`: how well the same-story similarity agrees
//! with human ratings (SemEval-2022 Task 8 English pairs).

use corroborate::{analyze, ArticleInput, EntityKind, Options, Report};
use std::collections::HashMap;
use std::io::Write;

const DEFAULT_CSV: &str = "../shared/data/similarity/semeval2022-task8-train-en.csv";

/// Parses RFC 4180 CSV: quoted fields may hold commas, quotes ("") and
/// newlines.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    if vx == 0.0 || vy == 0.0 {
        0.0
    } else {
        cov / (vx * vy).sqrt()
    }
}

/// Ranks with ties sharing their mean rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<(usize, f64)> = x.iter().copied().enumerate().collect();
    idx.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut r = vec![0.0; x.len()];
    let mut k = 0;
    // runs of equal values (`==` is transitive here: NaN equals nothing)
    for run in idx.chunk_by(|a, b| a.1 == b.1) {
        let e = k + run.len() - 1;
        let mean = (k + e) as f64 / 2.0 + 1.0;
        for &(i, _) in run {
            if let Some(ri) = r.get_mut(i) {
                *ri = mean;
            }
        }
        k = e + 1;
    }
    r
}

fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

/// Share of entities of the given kinds that both articles mention.
fn entity_jaccard(r: &Report, kinds: &[EntityKind]) -> f64 {
    let (mut both, mut any) = (0usize, 0usize);
    for e in r.entities.iter().filter(|e| kinds.contains(&e.kind)) {
        let n = e.counts.len();
        any += 1;
        if n >= 2 {
            both += 1;
        }
    }
    if any == 0 {
        0.0
    } else {
        both as f64 / any as f64
    }
}

const DEFAULT_CONLL: &str = "../shared/data/ner/conll2003/train.txt";
/// Words kept in the document-frequency table.
const IDF_WORDS: usize = 3000;

/// `corroborate build-idf [CONLL] [--out FILE]`: counts in how many CoNLL
/// documents each word occurs and writes the most common words with their
/// counts (`model/idf.tsv`), from which the similarity weighs words.
pub fn build_idf_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut path = DEFAULT_CONLL.to_string();
    let mut dest = "model/idf.tsv".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dest = it.next().ok_or("--out needs a file name")?.clone(),
            s if !s.starts_with('-') => path = s.to_string(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut doc: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut docs = 0usize;
    let mut flush = |doc: &mut std::collections::HashSet<String>, docs: &mut usize| {
        if !doc.is_empty() {
            *docs += 1;
            for w in doc.drain() {
                *df.entry(w).or_insert(0) += 1;
            }
        }
    };
    for line in text.lines() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut doc, &mut docs);
            continue;
        }
        let Some(word) = line.split_whitespace().next() else { continue };
        let (vocab, toks) = corroborate::internal::tokenize_text(word);
        for t in corroborate::internal::view(&toks, &vocab) {
            if t.kind == corroborate::internal::TokenKind::Word {
                doc.insert(t.norm.to_string());
            }
        }
    }
    flush(&mut doc, &mut docs);
    let mut words: Vec<(String, usize)> = df.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.truncate(IDF_WORDS);
    let mut body = format!("# documents\t{docs}\n");
    for (w, n) in &words {
        body.push_str(&format!("{w}\t{n}\n"));
    }
    std::fs::write(&dest, body).map_err(|e| format!("cannot write {dest}: {e}"))?;
    writeln!(out, "{} words from {docs} documents of {path} written to {dest}", words.len()).map_err(|e| e.to_string())
}

pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut path = DEFAULT_CSV.to_string();
    let mut features: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--features" => features = Some(it.next().ok_or("--features needs a file name")?.clone()),
            s if !s.starts_with('-') => path = s.to_string(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let rows = parse_csv(&text);
    let header = rows.first().ok_or("empty CSV")?;
    let col = |name: &str| header.iter().position(|h| h == name).ok_or(format!("no column {name:?} in {path}"));
    let (c1, c2) = (col("text1")?, col("text2")?);
    let dims = ["Overall", "Geography", "Entities", "Time", "Narrative"];
    let dcols: Vec<usize> = dims.iter().map(|d| col(d)).collect::<Result<_, _>>()?;
    let mut sims = Vec::new();
    let mut gold: Vec<Vec<f64>> = vec![Vec::new(); dims.len()];
    let mut feat_rows = vec!["overall,similarity,containment,named,person,place,organization,date,number".to_string()];
    let mut failed = 0;
    for row in rows.iter().skip(1) {
        let (Some(t1), Some(t2)) = (row.get(c1), row.get(c2)) else { continue };
        let Ok(scores) = dcols
            .iter()
            .map(|&c| row.get(c).and_then(|v| v.trim().parse::<f64>().ok()).ok_or(()))
            .collect::<Result<Vec<f64>, ()>>()
        else {
            continue;
        };
        let report =
            match analyze(&[ArticleInput::new(t1.as_str()), ArticleInput::new(t2.as_str())], &Options::default()) {
                Ok(r) => r,
                Err(_) => {
                    failed += 1;
                    continue;
                }
            };
        let Some(pair) = report.pairs.first() else { continue };
        sims.push(pair.similarity);
        for (g, s) in gold.iter_mut().zip(&scores) {
            g.push(*s);
        }
        let c = report.pairs.iter().map(|p| p.containment).fold(0.0, f64::max);
        use EntityKind::*;
        feat_rows.push(format!(
            "{},{},{},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4}",
            scores.first().copied().unwrap_or_default(),
            pair.similarity,
            c,
            entity_jaccard(&report, &[Person, Place, Organization, Group, Other]),
            entity_jaccard(&report, &[Person]),
            entity_jaccard(&report, &[Place]),
            entity_jaccard(&report, &[Organization]),
            entity_jaccard(&report, &[Date]),
            entity_jaccard(&report, &[Number]),
        ));
    }
    if let Some(f) = features {
        std::fs::write(&f, feat_rows.join("\n") + "\n").map_err(|e| format!("cannot write {f}: {e}"))?;
    }
    let w = |e: std::io::Error| e.to_string();
    writeln!(out, "{} pairs from {path} ({failed} could not be analyzed)", sims.len()).map_err(w)?;
    writeln!(
        out,
        "similarity against human ratings (1 = same story, 4 = unrelated; a good score correlates negatively):"
    )
    .map_err(w)?;
    writeln!(out, "{:<10} {:>8} {:>8}", "rating", "pearson", "spearman").map_err(w)?;
    for (d, g) in dims.iter().zip(&gold) {
        writeln!(out, "{:<10} {:>8.3} {:>8.3}", d, pearson(&sims, g), spearman(&sims, g)).map_err(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_newlines() {
        let rows = parse_csv("a,b\n\"x, \"\"y\"\"\nz\",2\n");
        assert_eq!(rows, vec![vec!["a", "b"], vec!["x, \"y\"\nz", "2"]]);
    }

    #[test]
    fn correlations() {
        let x = [1.0, 2.0, 3.0, 4.0];
        assert!((pearson(&x, &[2.0, 4.0, 6.0, 8.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&x, &[10.0, 9.0, 1.0, 0.0]) + 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
    }
}
