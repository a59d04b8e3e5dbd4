//! The corpus tables as CSV files: `pairs.csv`, `passages.csv`,
//! `provenance.csv` (RFC 4180: a header line, fields quoted when they hold a
//! comma, a quote or a line break).

use super::{CorpusTables, PairRow};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::Path;

/// One CSV field, quoted when needed.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes `pairs.csv`, `passages.csv` and `provenance.csv` into `dir`
/// (created when missing). The same tables give byte-identical files.
///
/// # Errors
///
/// The I/O error of creating the folder or writing a file.
pub fn write_tables(tables: &CorpusTables, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut w = BufWriter::new(std::fs::File::create(dir.join("pairs.csv"))?);
    writeln!(w, "a,b,a_words,b_words,containment_a,containment_b,similarity,shared_words_a,shared_words_b,passages")?;
    for p in &tables.pairs {
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{}",
            field(&p.a),
            field(&p.b),
            p.a_words,
            p.b_words,
            p.containment_a,
            p.containment_b,
            p.similarity,
            p.shared_words_a,
            p.shared_words_b,
            p.passages
        )?;
    }
    w.flush()?;
    let mut w = BufWriter::new(std::fs::File::create(dir.join("passages.csv"))?);
    writeln!(w, "a,b,index,a_start,a_end,b_start,b_end,words,identity,kind,edits")?;
    for p in &tables.passages {
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{},{}",
            field(&p.a),
            field(&p.b),
            p.index,
            p.a_start,
            p.a_end,
            p.b_start,
            p.b_end,
            p.words,
            p.identity,
            p.kind,
            p.edits
        )?;
    }
    w.flush()?;
    let mut w = BufWriter::new(std::fs::File::create(dir.join("provenance.csv"))?);
    writeln!(w, "copier,source,a,b,index,reason")?;
    for e in &tables.provenance {
        writeln!(
            w,
            "{},{},{},{},{},{}",
            field(&e.copier),
            field(&e.source),
            field(&e.a),
            field(&e.b),
            e.index,
            e.reason
        )?;
    }
    w.flush()
}

/// Splits CSV text into records of fields (quoted fields may hold commas,
/// doubled quotes and line breaks).
pub(crate) fn parse_csv(reader: impl BufRead) -> io::Result<Vec<Vec<String>>> {
    let mut records = Vec::new();
    let mut rec: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for line in reader.lines() {
        let line = line?;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cur.push(c),
                (false, '"') => quoted = true,
                (false, ',') => rec.push(std::mem::take(&mut cur)),
                (false, c) => cur.push(c),
            }
        }
        if quoted {
            cur.push('\n');
            continue;
        }
        rec.push(std::mem::take(&mut cur));
        records.push(std::mem::take(&mut rec));
    }
    Ok(records)
}

/// Reads a `pairs.csv` written by [`write_tables`].
///
/// # Errors
///
/// An I/O error, or `InvalidData` naming the line of a malformed row.
pub fn read_pairs_csv(reader: impl BufRead) -> io::Result<Vec<PairRow>> {
    let bad =
        |line: usize, what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("pairs line {line}: {what}"));
    let mut out = Vec::new();
    for (k, r) in parse_csv(reader)?.into_iter().enumerate().skip(1) {
        if r.len() == 1 && r.first().is_some_and(|f| f.is_empty()) {
            continue;
        }
        if r.len() != 10 {
            return Err(bad(k + 1, &format!("expected 10 fields, found {}", r.len())));
        }
        let num = |i: usize| -> io::Result<usize> {
            r.get(i).and_then(|s| s.parse().ok()).ok_or_else(|| bad(k + 1, &format!("field {} is not a count", i + 1)))
        };
        let real = |i: usize| -> io::Result<f64> {
            r.get(i).and_then(|s| s.parse().ok()).ok_or_else(|| bad(k + 1, &format!("field {} is not a number", i + 1)))
        };
        out.push(PairRow {
            a: r.first().cloned().unwrap_or_default(),
            b: r.get(1).cloned().unwrap_or_default(),
            a_words: num(2)?,
            b_words: num(3)?,
            containment_a: real(4)?,
            containment_b: real(5)?,
            similarity: real(6)?,
            shared_words_a: num(7)?,
            shared_words_b: num(8)?,
            passages: num(9)?,
        });
    }
    Ok(out)
}

/// Reads a `provenance.csv` written by [`write_tables`]: the copier of each
/// pair whose direction was decided (reason `date` or `containment`), keyed
/// by the pair's two ids in sorted order.
///
/// # Errors
///
/// An I/O error, or `InvalidData` naming the line of a malformed row.
pub fn read_directions(reader: impl BufRead) -> io::Result<std::collections::HashMap<(String, String), String>> {
    let mut out = std::collections::HashMap::new();
    for (k, r) in parse_csv(reader)?.into_iter().enumerate().skip(1) {
        if r.len() == 1 {
            continue;
        }
        let [copier, source, _, _, _, reason] = r.as_slice() else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("provenance line {}: expected 6 fields, found {}", k + 1, r.len()),
            ));
        };
        if reason == "undetermined" {
            continue;
        }
        let key = if copier <= source { (copier.clone(), source.clone()) } else { (source.clone(), copier.clone()) };
        out.insert(key, copier.clone());
    }
    Ok(out)
}
