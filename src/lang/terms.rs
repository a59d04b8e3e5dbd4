//! The words of an article in its own language, for the same-story
//! similarity: stop words of the language (the stopwords-iso lists, through
//! the `stop-words` crate, written to `model/lang/<code>/stopwords.txt` by
//! `corroborate build-stopwords` and shipped in the language's pack),
//! Snowball stems (`rust-stemmers`; languages without a Snowball stemmer
//! keep a word's first [`PREFIX_STEM`] characters), and for scripts
//! written without spaces (Chinese, Japanese, Thai), character bigrams;
//! and the terms' weights, from word frequencies in a large corpus
//! ([`FreqTable`], the `wordfreq` lists) or learned from the SemEval texts.
//!
//! English keeps its own path (`src/overlap/similarity.rs`): its function
//! words and idf table are tuned and measured already.

use rustc_hash::{FxHashSet, FxHasher};
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

/// Characters kept of a word in languages without a Snowball stemmer
/// (Polish here): truncation is the usual fallback of retrieval systems,
/// and inflected endings are mostly shorter than that.
pub const PREFIX_STEM: usize = 6;

/// What one language needs to turn words into similarity terms.
pub struct LangTerms {
    stop: FxHashSet<&'static str>,
    stemmer: Option<rust_stemmers::Stemmer>,
    /// The language's code, for its term table.
    code: String,
    /// Whether the language writes compounds as one word ([`COMPOUNDING`]).
    compounds: bool,
    /// Frequent words of the language that are not names, for languages
    /// that write their nouns with a capital (the pack's `common.txt`),
    /// each with whether English uses it too (a loanword: "Film", "Port");
    /// `None` for the language's first names and surnames, which are never
    /// common: the three kinds as sets ([`Common`]).
    common: Common<'static>,
}

/// The pack's `common.txt`: the language's own common words, the English
/// words it uses too (written `+word`) and its names (`-word`).
#[derive(Default)]
struct Common<'a> {
    native: FxHashSet<&'a str>,
    loan: FxHashSet<&'a str>,
    names: FxHashSet<&'a str>,
}

impl<'a> Common<'a> {
    fn parse(text: &'a str) -> Common<'a> {
        let mut c = Common::default();
        for l in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match (l.strip_prefix('+'), l.strip_prefix('-')) {
                (Some(w), _) => c.loan.insert(w),
                (_, Some(w)) => c.names.insert(w),
                _ => c.native.insert(l),
            };
        }
        c
    }

    /// `Some(Some(loanword))` for a listed common word, `Some(None)` for a
    /// listed name, `None` for a word the list does not hold.
    #[inline(never)]
    fn get(&self, w: &str) -> Option<Option<bool>> {
        if self.names.contains(w) {
            Some(None)
        } else if self.native.contains(w) {
            Some(Some(false))
        } else if self.loan.contains(w) {
            Some(Some(true))
        } else {
            None
        }
    }

    /// `Some(loanword)` for a common word (a compound: of its last part),
    /// also inflected: an ending of case or number ("Aktionären",
    /// "Medienberichten", "Beteiligten") taken off. One copy in the wasm,
    /// not one per caller.
    #[inline(never)]
    fn word(&self, word: &str) -> Option<bool> {
        if self.native.is_empty() {
            return None;
        }
        if let Some(known) = self.get(word) {
            return known;
        }
        for end in ["", "n", "en", "s", "es", "e", "er", "ern"] {
            let Some(w) = word.strip_suffix(end).filter(|w| w.len() >= 4) else { continue };
            if !end.is_empty() {
                if let Some(known) = self.get(w) {
                    return known;
                }
            }
            // a compound: a known first part (a name may start one:
            // "Zugpferd"), with a linking "s" or not, and a common last
            for i in (3..w.len().saturating_sub(2)).filter(|&i| w.is_char_boundary(i)) {
                let (head, tail) = w.split_at(i);
                if let Some(Some(loan)) = self.get(tail) {
                    if self.get(head).is_some() || head.strip_suffix('s').is_some_and(|h| self.get(h).is_some()) {
                        return Some(loan);
                    }
                }
            }
        }
        None
    }
}

/// Reads `list` as a pack's `common.txt` and looks `word` (normalized,
/// lowercase) up in it as [`LangTerms::is_common`] does: `Some(loanword)`
/// for a common word, `None` for a name or a word the list does not hold.
/// For the fuzz target and the tests; the engine reads the list from the
/// language's pack.
///
/// ```
/// use corroborate::lang::terms::common_in;
/// let list = "hafen\nmorgen\ndienstag\n+port\n-berlin\n";
/// assert_eq!(common_in(list, "dienstagmorgen"), Some(false));
/// assert_eq!(common_in(list, "hafens"), Some(false));
/// assert_eq!(common_in(list, "port"), Some(true));
/// assert_eq!(common_in(list, "berlin"), None);
/// ```
pub fn common_in(list: &str, word: &str) -> Option<bool> {
    Common::parse(list).word(word)
}

/// Languages that write compound nouns as one word ("Bundesregierung",
/// "regeringsbeslut"): their long words are also split into known parts
/// ([`LangTerms::each_term_split`]).
pub const COMPOUNDING: [&str; 5] = ["de", "nl", "sv", "da", "nb"];

/// Fewest letters of a long word before it is tried as a compound, and of
/// each of its parts.
const COMPOUND_MIN: usize = 10;
const PART_MIN: usize = 4;
/// Linking letters between the parts of a compound ("Arbeit-s-markt",
/// "Straße-n-bahn"), tried off the end of the first part.
const LINKS: [&str; 5] = ["", "s", "es", "n", "en"];

impl std::fmt::Debug for LangTerms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LangTerms").field("stop", &self.stop.len()).field("stemmer", &self.stemmer.is_some()).finish()
    }
}

fn algorithm(code: &str) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm::*;
    Some(match code {
        "ar" => Arabic,
        "da" => Danish,
        "nl" => Dutch,
        "en" => English,
        "fi" => Finnish,
        "fr" => French,
        "de" => German,
        "el" => Greek,
        "hu" => Hungarian,
        "it" => Italian,
        "nb" => Norwegian,
        "pt" => Portuguese,
        "ro" => Romanian,
        "ru" => Russian,
        "es" => Spanish,
        "sv" => Swedish,
        "ta" => Tamil,
        "tr" => Turkish,
        _ => return None,
    })
}

/// Whether a character belongs to a script written without spaces
/// between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar).
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
        | 0x0E00..=0x0EFF | 0x1780..=0x17FF | 0x1000..=0x109F)
}

static CACHE: Mutex<Vec<(String, bool, &'static LangTerms)>> = Mutex::new(Vec::new());

/// The terms of language `code`: built once per language, and again once
/// its pack arrives (the stop words come with the pack).
pub fn terms_for(code: &str) -> &'static LangTerms {
    let loaded = super::pack::available(code);
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, t)) = cache.iter().find(|(c, l, _)| c == code && *l == loaded) {
        return t;
    }
    let stop = super::pack::text(code, "stopwords.txt")
        .map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
        .unwrap_or_default();
    let common = super::pack::text(code, "common.txt").map(Common::parse).unwrap_or_default();
    let terms: &'static LangTerms = Box::leak(Box::new(LangTerms {
        stop,
        common,
        stemmer: algorithm(code).map(rust_stemmers::Stemmer::create),
        code: code.to_string(),
        compounds: COMPOUNDING.contains(&code),
    }));
    cache.push((code.to_string(), loaded, terms));
    terms
}

/// The hash of a similarity term (its text).
pub fn hash_term(s: &str) -> u64 {
    hash_str(s)
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

impl LangTerms {
    /// Whether `word` (a normalized, lowercase word) is a stop word.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// Whether a normalized word is one of the language's frequent words
    /// that are not names (only for languages whose pack lists them:
    /// German, which writes its nouns with a capital).
    /// A compound of two such words is one too ("dienstagmorgen":
    /// "dienstag" + "morgen", "hafenkran" with a linking "s" allowed after
    /// the first part), each part 3 letters or more.
    pub fn is_common(&self, word: &str) -> bool {
        self.common_word(word).is_some()
    }

    /// Like [`is_common`](Self::is_common), but not for words English uses
    /// too ("Shipping", "Port"): the end of a name keeps those ("Caldera
    /// Shipping").
    pub fn is_native_common(&self, word: &str) -> bool {
        self.common_word(word) == Some(false)
    }

    /// `Some(loanword)` for a common word ([`Common::word`]).
    fn common_word(&self, word: &str) -> Option<bool> {
        self.common.word(word)
    }

    /// The stem of a normalized word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.stemmer {
            Some(s) => s.stem(word),
            None => {
                let end = word.char_indices().nth(PREFIX_STEM).map_or(word.len(), |(i, _)| i);
                std::borrow::Cow::Borrowed(word.get(..end).unwrap_or(word))
            }
        }
    }

    /// The similarity term of a normalized lowercase word, as `rule` says: its stem ([`LangTerms::stem`]) in the
    /// shipped engine; with `lemmas` (the language's [`LemmaTable`]) and a
    /// lemma rule, the word's lemma when the table knows the word, then the
    /// rule's stem or cut on top.
    pub fn key<'a>(&self, word: &'a str, rule: TermKey, lemmas: Option<&LemmaTable>) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        let base: Cow<'a, str> = match lemmas.and_then(|t| t.lemma(word)).filter(|_| rule.uses_lemmas()) {
            Some(l) => Cow::Owned(l.to_string()),
            None => Cow::Borrowed(word),
        };
        let cut = |w: Cow<'a, str>, n: usize| -> Cow<'a, str> {
            match w.char_indices().nth(n) {
                Some((i, _)) => Cow::Owned(w.get(..i).unwrap_or(&w).to_string()),
                None => w,
            }
        };
        let stem = |w: Cow<'a, str>| -> Cow<'a, str> {
            match w {
                Cow::Borrowed(b) => self.stem(b),
                Cow::Owned(o) => Cow::Owned(self.stem(&o).into_owned()),
            }
        };
        match rule {
            TermKey::Stem | TermKey::LemmaStem => stem(base),
            TermKey::Lemma => base,
            TermKey::LemmaCut(n) => cut(base, n),
            TermKey::StemCut(n) | TermKey::LemmaStemCut(n) => cut(stem(base), n),
        }
    }

    /// Calls `out(term hash, term text)` for each similarity term of a run
    /// of normalized words (one sentence or more, in order): the stem of
    /// each content word, and for runs of characters of an unspaced script,
    /// each pair of neighbouring characters (single characters when a run
    /// has one). Numbers and one-letter words are left out.
    ///
    /// ```
    /// use corroborate::lang::terms::terms_for;
    /// let mut got = Vec::new();
    /// terms_for("de").each_term(["die", "Regierungen", "berlins"].into_iter(), &mut |_, t| got.push(t.to_string()));
    /// assert!(got.contains(&"regier".to_string()) || got.contains(&"regierung".to_string()));
    /// let mut zh = Vec::new();
    /// terms_for("zh").each_term(["市", "议", "会"].into_iter(), &mut |_, t| zh.push(t.to_string()));
    /// assert_eq!(zh, ["市议", "议会"]);
    /// ```
    pub fn each_term<'w>(&self, words: impl Iterator<Item = &'w str>, out: &mut dyn FnMut(u64, &str)) {
        self.terms(words, false, out);
    }

    /// [`LangTerms::each_term`], and in a language that writes compounds as
    /// one word ([`COMPOUNDING`]) the stems of the two parts of a long word
    /// too, split where both parts are terms of the language's table (after
    /// a linking "s", "es", "n" or "en"), at the split whose parts are
    /// commonest, when they are commoner than the whole (Koehn and Knight
    /// 2003): "Bundesregierung" also counts "bund" and "regier", so it meets
    /// "Regierung". The table's terms are whole words, so building it never
    /// reads a split.
    pub fn each_term_split<'w>(&self, words: impl Iterator<Item = &'w str>, out: &mut dyn FnMut(u64, &str)) {
        self.terms(words, self.compounds, out);
    }

    /// The two parts of a compound `lower` (a lowercase word), stemmed.
    fn split_compound(
        &self,
        lower: &str,
        whole: &str,
        rule: TermKey,
        lemmas: Option<&LemmaTable>,
    ) -> Option<(String, String)> {
        if lower.chars().count() < COMPOUND_MIN || !lower.chars().all(char::is_alphabetic) {
            return None;
        }
        // the table once per word, not once per part tried (each look-up of
        // a table takes a lock)
        with_table(&self.code, |table| {
            let df = |t: &str| table.df.get(t).copied().unwrap_or(0);
            let mut best: Option<(f64, String, String)> = None;
            let whole_df = f64::from(df(whole));
            for (i, _) in lower.char_indices().skip(PART_MIN) {
                let (head, tail) = lower.split_at(i);
                if tail.chars().count() < PART_MIN {
                    break;
                }
                let tail_stem = self.key(tail, rule, lemmas);
                let tail_df = df(&tail_stem);
                if tail_df == 0 {
                    continue;
                }
                for link in LINKS {
                    let Some(h) = head.strip_suffix(link) else { continue };
                    if h.chars().count() < PART_MIN {
                        continue;
                    }
                    let head_stem = self.key(h, rule, lemmas);
                    let head_df = df(&head_stem);
                    let score = (f64::from(head_df) * f64::from(tail_df)).sqrt();
                    if head_df > 0 && score > whole_df && best.as_ref().is_none_or(|b| score > b.0) {
                        best = Some((score, head_stem.into_owned(), tail_stem.to_string()));
                    }
                }
            }
            best.map(|(_, h, t)| (h, t))
        })
    }

    fn terms<'w>(&self, words: impl Iterator<Item = &'w str>, split: bool, out: &mut dyn FnMut(u64, &str)) {
        // the lemma table once per run of words (each look-up takes a lock)
        // the rule and the lemma table once per run of words (each look-up
        // takes a lock); a lemma rule without a table stems
        let mut rule = term_key(&self.code);
        let lemmas = rule.uses_lemmas().then(|| LEMMA.get(&self.code, "lemma.tsv", LemmaTable::parse));
        if lemmas.as_ref().is_some_and(|t| t.is_empty()) {
            rule = TermKey::Stem;
        }
        let mut run: Vec<char> = Vec::new();
        let flush = |run: &mut Vec<char>, out: &mut dyn FnMut(u64, &str)| {
            let mut buf = String::new();
            if run.len() == 1 {
                buf.extend(run.iter());
                out(hash_str(&buf), &buf);
            }
            for pair in run.windows(2) {
                buf.clear();
                buf.extend(pair.iter());
                out(hash_str(&buf), &buf);
            }
            run.clear();
        };
        for w in words {
            let lower = w.to_lowercase();
            if lower.chars().all(is_unspaced) && !lower.is_empty() {
                run.extend(lower.chars());
                continue;
            }
            flush(&mut run, out);
            // mixed: the unspaced characters of a word make their own run
            if lower.chars().any(is_unspaced) {
                run.extend(lower.chars().filter(|c| is_unspaced(*c)));
                flush(&mut run, out);
                continue;
            }
            let lower = if self.code == "ar" { arabic_light(&lower) } else { lower };
            if lower.chars().count() < 2 || !lower.chars().any(char::is_alphabetic) || self.is_stop(&lower) {
                continue;
            }
            let stem = self.key(&lower, rule, lemmas.as_deref());
            out(hash_str(&stem), &stem);
            if split {
                if let Some((head, tail)) = self.split_compound(&lower, &stem, rule, lemmas.as_deref()) {
                    out(hash_str(&head), &head);
                    out(hash_str(&tail), &tail);
                }
            }
        }
        flush(&mut run, out);
    }
}

/// How a word becomes its similarity term (README "Languages", lemma
/// tables): the shipped engine stems ([`TermKey::Stem`]); the others read
/// the language's [`LemmaTable`] first, for evaluations that compare them
/// (`eval-similarity --term-key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKey {
    /// The Snowball stem (the first [`PREFIX_STEM`] characters without one).
    Stem,
    /// The lemma when the table knows the word, else the word itself.
    Lemma,
    /// The stem of the lemma (of the word when the table lacks it).
    LemmaStem,
    /// The first N characters of the lemma (of the word).
    LemmaCut(usize),
    /// The stem cut to N characters, no lemma.
    StemCut(usize),
    /// The stem of the lemma (of the word) cut to N characters.
    LemmaStemCut(usize),
}

impl TermKey {
    /// Whether the rule reads the lemma table.
    pub fn uses_lemmas(self) -> bool {
        !matches!(self, TermKey::Stem | TermKey::StemCut(_))
    }

    /// Reads `stem`, `lemma`, `lemma+stem`, `lemma+cut:N`, `stem+cut:N`
    /// or `lemma+stem+cut:N`.
    ///
    /// ```
    /// use corroborate::lang::terms::TermKey;
    /// assert_eq!(TermKey::parse("lemma+cut:6"), Some(TermKey::LemmaCut(6)));
    /// assert_eq!(TermKey::parse("cut"), None);
    /// ```
    pub fn parse(s: &str) -> Option<TermKey> {
        let (name, n) = match s.rsplit_once(":") {
            Some((a, b)) => (a, Some(b.parse::<usize>().ok().filter(|n| *n > 0)?)),
            None => (s, None),
        };
        Some(match (name, n) {
            ("stem", None) => TermKey::Stem,
            ("lemma", None) => TermKey::Lemma,
            ("lemma+stem", None) => TermKey::LemmaStem,
            ("lemma+cut", Some(n)) => TermKey::LemmaCut(n),
            ("stem+cut", Some(n)) => TermKey::StemCut(n),
            ("lemma+stem+cut", Some(n)) => TermKey::LemmaStemCut(n),
            _ => return None,
        })
    }
}

/// The rule of the shipped engine.
pub const TERM_KEY: TermKey = TermKey::Stem;

/// A rule given for evaluations, and the languages it is for (all when
/// `None`).
type GivenKey = (TermKey, Option<Vec<String>>);

static TERM_KEY_GIVEN: Mutex<Option<GivenKey>> = Mutex::new(None);

/// Uses another [`TermKey`] (or with `None` the shipped [`TERM_KEY`] again)
/// for the languages `langs` (every language other than English when
/// `None`): for evaluations and for the developer commands that rebuild the
/// tables keyed by the terms.
pub fn use_term_key(rule: Option<TermKey>, langs: Option<Vec<String>>) {
    *TERM_KEY_GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = rule.map(|r| (r, langs));
}

/// The [`TermKey`] in use for language `code` (English always stems).
pub fn term_key(code: &str) -> TermKey {
    if code == "en" {
        return TermKey::Stem;
    }
    let given = TERM_KEY_GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    match &*given {
        Some((rule, None)) => *rule,
        Some((rule, Some(langs))) if langs.iter().any(|l| l == code) => *rule,
        Some(_) => TermKey::Stem,
        None => TERM_KEY,
    }
}

/// Word forms and their lemmas in one language (`lemma.tsv`,
/// `form<TAB>lemma` lines, both lowercase; written by
/// `scripts/build-lang-lemma.sh` from the `spacy-lookups-data` package).
#[derive(Debug, Clone, Default)]
pub struct LemmaTable {
    lemma: rustc_hash::FxHashMap<String, String>,
}

impl LemmaTable {
    /// Parses `form<TAB>lemma` lines (`#` lines are comments; other lines
    /// skipped).
    pub fn parse(text: &str) -> LemmaTable {
        let mut t = LemmaTable::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((form, lemma)) = line.split_once('\t') else { continue };
            let lemma = lemma.trim();
            if form.is_empty() || lemma.is_empty() || lemma.contains('\t') {
                continue;
            }
            t.lemma.insert(form.to_string(), lemma.to_string());
        }
        t
    }

    /// The lemma of a lowercase word form, if the table has it.
    pub fn lemma(&self, form: &str) -> Option<&str> {
        self.lemma.get(form).map(String::as_str)
    }

    /// How many forms the table has.
    pub fn len(&self) -> usize {
        self.lemma.len()
    }

    /// Whether the table has no forms.
    pub fn is_empty(&self) -> bool {
        self.lemma.is_empty()
    }
}

static LEMMA: Tables<LemmaTable> = Tables::new();

/// Uses `table` (or, with `None`, the pack's again) for the lemmas of
/// language `code`: for evaluations of other tables.
pub fn use_lemma(code: &str, table: Option<LemmaTable>) {
    LEMMA.set(code, table);
}

/// Arabic letters normalized and clitics stripped before the Snowball
/// stemmer: diacritics and tatweel dropped, alef forms (أ إ آ ٱ) read as
/// ا, teh marbuta as heh, alef maqsura as yeh; then the article with a
/// proclitic (وال بال كال فال لل ال) when 3 letters or more remain, else one
/// proclitic letter (و ف ب ل ك) when 4 or more remain. Measured held out
/// (README "Languages"): ar-ar 0.349 → 0.354, and normalization alone did
/// not help (0.346).
fn arabic_light(word: &str) -> String {
    let w: String = word
        .chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x0652 | 0x0640 | 0x0670))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect();
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(p).filter(|r| r.chars().count() >= 3) {
            return rest.to_string();
        }
    }
    for p in ["و", "ف", "ب", "ل", "ك"] {
        if let Some(rest) = w.strip_prefix(p).filter(|r| r.chars().count() >= 4) {
            return rest.to_string();
        }
    }
    w
}

/// A document-frequency table: documents counted, and per term the number
/// of documents it occurs in.
#[derive(Debug, Clone, Default)]
pub struct DfTable {
    docs: f32,
    df: rustc_hash::FxHashMap<String, u32>,
}

impl DfTable {
    /// Parses `# documents<TAB>N` and `term<TAB>count` lines (the format of
    /// `model/idf.tsv`).
    pub fn parse(text: &str) -> DfTable {
        let mut t = DfTable { docs: 1.0, df: Default::default() };
        for line in text.lines() {
            let Some((w, n)) = line.split_once('\t') else { continue };
            let Ok(n) = n.trim().parse::<u32>() else { continue };
            if w == "# documents" {
                t.docs = n as f32;
            } else {
                t.df.insert(w.to_string(), n);
            }
        }
        t
    }

    /// Counts documents, each given as its set of terms.
    pub fn count<'a>(docs: impl Iterator<Item = &'a FxHashSet<String>>) -> DfTable {
        let mut t = DfTable::default();
        for d in docs {
            t.docs += 1.0;
            for w in d {
                *t.df.entry(w.clone()).or_default() += 1;
            }
        }
        t
    }

    /// The table as text, terms in at least `min_df` documents, most
    /// frequent first (ties by term): the same bytes for the same counts.
    pub fn to_tsv(&self, min_df: u32) -> String {
        let mut rows: Vec<(&String, &u32)> = self.df.iter().filter(|(_, n)| **n >= min_df).collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut out = format!("# documents\t{}\n", self.docs as u64);
        for (w, n) in rows {
            out.push_str(&format!("{w}\t{n}\n"));
        }
        out
    }

    fn idf(&self, term: &str) -> f32 {
        let df = self.df.get(term).copied().unwrap_or(0);
        ((self.docs + 1.0) / (1.0 + df as f32)).ln() + 1.0
    }
}

/// Tables of one kind per language: those an evaluation gave
/// ([`Tables::set`]) and those read from the language packs, per language
/// and whether its pack was loaded when read (a pack arriving later is
/// read again).
pub(crate) struct Tables<T> {
    given: Mutex<Vec<(String, Arc<T>)>>,
    loaded: Mutex<Vec<(String, bool, Arc<T>)>>,
}

impl<T: Default> Tables<T> {
    pub(crate) const fn new() -> Tables<T> {
        Tables { given: Mutex::new(Vec::new()), loaded: Mutex::new(Vec::new()) }
    }

    /// Uses `table` for language `code` (`None`: the pack's again).
    pub(crate) fn set(&self, code: &str, table: Option<T>) {
        let mut given = self.given.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        given.retain(|(c, _)| c != code);
        if let Some(t) = table {
            given.push((code.to_string(), Arc::new(t)));
        }
    }

    /// The table given for language `code`, if any.
    fn given(&self, code: &str) -> Option<Arc<T>> {
        let given = self.given.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        given.iter().find(|(c, _)| c == code).map(|(_, t)| Arc::clone(t))
    }

    /// The table of language `code` from section `file` of its pack (empty
    /// without the pack), parsed once.
    fn read_pack(&self, code: &str, file: &str, parse: fn(&str) -> T) -> Arc<T> {
        let available = super::pack::available(code);
        let mut tables = self.loaded.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, _, t)) = tables.iter().find(|(c, l, _)| c == code && *l == available) {
            return Arc::clone(t);
        }
        let t = Arc::new(super::pack::text(code, file).map(parse).unwrap_or_default());
        tables.push((code.to_string(), available, Arc::clone(&t)));
        t
    }

    /// The table given for `code`, else the pack's.
    pub(crate) fn get(&self, code: &str, file: &str, parse: fn(&str) -> T) -> Arc<T> {
        self.given(code).unwrap_or_else(|| self.read_pack(code, file, parse))
    }
}

static IDF: Tables<DfTable> = Tables::new();

/// Uses `table` (or, with `None`, the language's own again) for the term
/// weights of language `code`: for held-out evaluations, which learn the
/// weights from other pairs than those they score.
pub fn use_idf(code: &str, table: Option<DfTable>) {
    IDF.set(code, table);
}

/// The weight of a similarity term of language `code`: as [`FREQ_MODE`]
/// says, from its corpus frequency (`freq.tsv` of the language's pack,
/// [`FreqTable::weight`]) and its inverse document frequency in the
/// language's learned table (`idf.tsv`); 1 for every term when the
/// language has neither (no pack).
pub fn idf(code: &str, term: &str) -> f32 {
    let (learned, df) = with_table(code, |table| {
        if table.df.is_empty() {
            (1.0, 0)
        } else {
            (table.idf(term), table.df.get(term).copied().unwrap_or(0))
        }
    });
    if code == PREFIX_CODE {
        return learned;
    }
    blend_weight(code, term, learned, df)
}

/// How many documents of language `code`'s table hold `term` (0 when it is
/// not in the table: seen in fewer than two texts, or no table).
pub fn document_frequency(code: &str, term: &str) -> u32 {
    with_table(code, |table| table.df.get(term).copied().unwrap_or(0))
}

/// Calls `f` with the term table in use for language `code`: one given by
/// [`use_idf`], the prefix table, or the language pack's.
fn with_table<T>(code: &str, f: impl FnOnce(&DfTable) -> T) -> T {
    if let Some(t) = IDF.given(code) {
        return f(&t);
    }
    if code == PREFIX_CODE {
        return f(&PREFIX_IDF);
    }
    f(&IDF.read_pack(code, "idf.tsv", DfTable::parse))
}

/// Word frequencies of a language from a large corpus (`freq.tsv` of its
/// pack, written by `corroborate build-lang-freq` from the `wordfreq`
/// package's lists, data CC BY-SA 4.0): per similarity term, the share of
/// the corpus's running words that are forms of it, as `−log10 × 100`.
#[derive(Debug, Clone, Default)]
pub struct FreqTable {
    cost: rustc_hash::FxHashMap<String, u16>,
}

/// Words of a typical article, to turn a word's corpus frequency into the
/// share of articles it occurs in (`1 − e^(−L·p)`), so the frequency weight
/// reads as an inverse document frequency.
pub const FREQ_DOC_WORDS: f32 = 400.0;
/// Highest frequency weight: every word rarer than about 5 in 100,000
/// running words weighs the same (a flat top measured better than the full
/// range: README "Languages", term weights from word frequencies), so a
/// table needs only the words commoner than that.
pub const FREQ_CAP: f32 = 5.0;

impl FreqTable {
    /// Parses `term<TAB>cost` lines (`#` lines are comments).
    pub fn parse(text: &str) -> FreqTable {
        let mut t = FreqTable::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((w, n)) = line.split_once('\t') else { continue };
            let Ok(n) = n.trim().parse::<u16>() else { continue };
            t.cost.insert(w.to_string(), n);
        }
        t
    }

    /// Whether the table has no terms.
    pub fn is_empty(&self) -> bool {
        self.cost.is_empty()
    }

    /// The idf-like weight of a term from its corpus frequency
    /// ([`freq_weight`]); terms not in the table weigh [`FREQ_CAP`].
    pub fn weight(&self, term: &str) -> f32 {
        match self.cost.get(term) {
            Some(&cost) => freq_weight(10f32.powf(-f32::from(cost) / 100.0)),
            None => FREQ_CAP,
        }
    }
}

/// The idf-like weight of a term of corpus frequency `p`:
/// `min(ln(1 / (1 − e^(−L·p))) + 1, FREQ_CAP)`, `L` = [`FREQ_DOC_WORDS`].
pub fn freq_weight(p: f32) -> f32 {
    let share = -(-FREQ_DOC_WORDS * p).exp_m1();
    if share > 0.0 {
        ((1.0 / share).ln().max(0.0) + 1.0).min(FREQ_CAP)
    } else {
        FREQ_CAP
    }
}

/// How the term weights of a language combine its learned idf (SemEval
/// texts) and its corpus frequencies ([`FreqTable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreqMode {
    /// The learned idf alone.
    Learned,
    /// The frequency weight alone.
    Frequency,
    /// The learned idf of terms in at least the given number of texts,
    /// the frequency weight of the others.
    Backoff(u32),
    /// `α · learned + (1 − α) · frequency`, `α = df / (df + m)`, `m` given.
    Mix(u32),
}

/// The way term weights combine in the shipped engine.
pub const FREQ_MODE: FreqMode = FreqMode::Frequency;

static FREQ_MODE_GIVEN: Mutex<Option<FreqMode>> = Mutex::new(None);
static FREQ: Tables<FreqTable> = Tables::new();

/// Uses another [`FreqMode`] (or with `None` the shipped [`FREQ_MODE`]
/// again): for evaluations that choose it.
pub fn use_freq_mode(mode: Option<FreqMode>) {
    *FREQ_MODE_GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = mode;
}

fn freq_mode() -> FreqMode {
    FREQ_MODE_GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner).unwrap_or(FREQ_MODE)
}

/// Uses `table` (or, with `None`, the pack's again) for the corpus
/// frequencies of language `code`: for evaluations of other tables.
pub fn use_freq(code: &str, table: Option<FreqTable>) {
    FREQ.set(code, table);
}

/// Calls `f` with the frequency table of language `code`: one given by
/// [`use_freq`], or the pack's (empty without one).
fn with_freq<T>(code: &str, f: impl FnOnce(&FreqTable) -> T) -> T {
    f(&FREQ.get(code, "freq.tsv", FreqTable::parse))
}

/// Combines a term's learned idf (`learned`, from `df` of the language's
/// table) with its corpus frequency weight in language `code`, as
/// [`FreqMode`] says; the learned idf alone when the language has no
/// frequency table.
pub fn blend_weight(code: &str, term: &str, learned: f32, df: u32) -> f32 {
    let mode = freq_mode();
    if mode == FreqMode::Learned {
        return learned;
    }
    with_freq(code, |table| blend_with(mode, table, term, learned, df))
}

fn blend_with(mode: FreqMode, table: &FreqTable, term: &str, learned: f32, df: u32) -> f32 {
    if table.is_empty() {
        return learned;
    }
    match mode {
        FreqMode::Learned => learned,
        FreqMode::Frequency => table.weight(term),
        FreqMode::Backoff(k) => {
            if df >= k {
                learned
            } else {
                table.weight(term)
            }
        }
        FreqMode::Mix(m) => {
            let a = df as f32 / (df as f32 + m.max(1) as f32);
            a * learned + (1.0 - a) * table.weight(term)
        }
    }
}

/// Writes the frequency table of language `code` from `(word, frequency)`
/// pairs (a `wordfreq` list, most frequent first): each word's similarity
/// terms (as [`text_terms`] gives them, so the engine's own normalization,
/// stop words and stems) add its frequency; the terms weighing less than
/// [`FREQ_CAP`] are kept (at most `top`), as `term<TAB>round(−log10 p × 100)`, commonest first (ties by
/// term): the same bytes for the same list. English keys are the
/// normalized words its similarity weighs (function words left out).
pub fn freq_table_tsv<'a>(code: &str, words: impl Iterator<Item = (&'a str, f64)>, top: usize) -> String {
    let mut p: rustc_hash::FxHashMap<String, f64> = Default::default();
    for (w, f) in words {
        let t = crate::pipeline::text_stages(w);
        let toks = crate::tokens::view(&t.tokens, &t.vocab);
        let norms: Vec<&str> =
            toks.iter().filter(|t| t.kind == crate::tokens::TokenKind::Word).map(|t| t.norm).collect();
        if code == "en" {
            for n in norms {
                if !super::en::is_function_word(n) {
                    *p.entry(n.to_string()).or_default() += f;
                }
            }
            continue;
        }
        let mut seen: FxHashSet<String> = FxHashSet::default();
        terms_for(code).each_term(norms.into_iter(), &mut |_, term| {
            if seen.insert(term.to_string()) {
                *p.entry(term.to_string()).or_default() += f;
            }
        });
    }
    let mut rows: Vec<(u16, String)> = p
        .into_iter()
        .filter(|(_, f)| *f > 0.0)
        .map(|(t, f)| ((-f.log10() * 100.0).round().clamp(0.0, f64::from(u16::MAX)) as u16, t))
        .collect();
    rows.sort();
    // terms rarer than the cap weigh the cap whether listed or not
    rows.retain(|(c, _)| freq_weight(10f32.powf(-f32::from(*c) / 100.0)) < FREQ_CAP);
    rows.truncate(top);
    let mut out = String::new();
    for (c, t) in rows {
        out.push_str(&format!("{t}\t{c}\n"));
    }
    out
}

/// The pseudo-language code of the cross-language prefix terms' weights
/// ([`idf`] with it reads `model/prefix-idf.tsv`).
pub const PREFIX_CODE: &str = "prefix";
/// Letters of a folded word kept as its cross-language prefix term.
pub const PREFIX_CHARS: usize = 4;

/// How many of the SemEval texts (all languages) each common prefix term
/// occurs in (`model/prefix-idf.tsv`, written by `corroborate
/// build-lang-idf`, terms in at least 10 texts; a few kilobytes, so it is
/// built into the engine rather than into a language's pack).
static PREFIX_IDF: std::sync::LazyLock<DfTable> =
    std::sync::LazyLock::new(|| DfTable::parse(include_str!("../../model/prefix-idf.tsv")));

/// The cross-language prefix term of a normalized word: its first
/// [`PREFIX_CHARS`] letters once folded to Latin ([`super::translit::fold`]),
/// for words of at least that many letters and nothing but letters. Across
/// languages written in the Latin script (and in scripts folded to it)
/// names, loanwords and cognates share their first letters ("Präsident",
/// "president"; "Pandemie", "pandemic"; "Trump", "Trumps"), which is the
/// only word space two articles in two languages share without a
/// dictionary.
///
/// ```
/// use corroborate::lang::terms::prefix_key;
/// assert_eq!(prefix_key("präsident").as_deref(), Some("pras"));
/// assert_eq!(prefix_key("presidents").as_deref(), Some("pres"));
/// assert_eq!(prefix_key("cat"), None);
/// assert_eq!(prefix_key("1200"), None);
/// ```
pub fn prefix_key(word: &str) -> Option<String> {
    if word.chars().any(is_unspaced) {
        return None;
    }
    let folded = super::translit::fold(word);
    if !folded.chars().all(char::is_alphabetic) || folded.chars().nth(PREFIX_CHARS - 1).is_none() {
        return None;
    }
    Some(folded.chars().take(PREFIX_CHARS).collect())
}

/// Calls `out(term hash, term text)` for the [`prefix_key`] of each
/// content word of a run of normalized words in language `code` (English
/// function words for English, the language's stop words otherwise).
pub fn each_prefix<'w>(code: &str, words: impl Iterator<Item = &'w str>, out: &mut dyn FnMut(u64, &str)) {
    let lt = terms_for(code);
    for w in words {
        let lower = w.to_lowercase();
        let stop = if code == "en" { super::en::is_function_word(&lower) } else { lt.is_stop(&lower) };
        if stop {
            continue;
        }
        if let Some(k) = prefix_key(&lower) {
            out(hash_str(&k) ^ PREFIX_TERM, &k);
        }
    }
}

/// Marks the hashes of prefix terms apart from the language terms.
const PREFIX_TERM: u64 = 0x9f1e_0000_0000_0000;

/// The set of cross-language prefix terms of a text in language `code`
/// (for building and evaluating `model/prefix-idf.tsv`).
pub fn text_prefixes(text: &str, code: &str) -> FxHashSet<String> {
    term_set(text, |words, out| each_prefix(code, words, out))
}

/// The set of similarity terms of a text in language `code`, as the
/// same-story similarity sees them (for building and evaluating `idf.tsv`).
pub fn text_terms(text: &str, code: &str) -> FxHashSet<String> {
    term_set(text, |words, out| terms_for(code).each_term(words, out))
}

/// The distinct terms `visit` gives for the words of `text` (after the
/// pipeline's text stages).
fn term_set(
    text: &str,
    visit: impl FnOnce(&mut dyn Iterator<Item = &str>, &mut dyn FnMut(u64, &str)),
) -> FxHashSet<String> {
    let t = crate::pipeline::text_stages(text);
    let toks = crate::tokens::view(&t.tokens, &t.vocab);
    let mut words = toks.iter().filter(|t| t.kind == crate::tokens::TokenKind::Word).map(|t| t.norm);
    let mut out = FxHashSet::default();
    visit(&mut words, &mut |_, term| {
        out.insert(term.to_string());
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(code: &str, words: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        terms_for(code).each_term(words.iter().copied(), &mut |_, t| out.push(t.to_string()));
        out
    }

    /// German's common words (the pack's `common.txt`): as written,
    /// compounds of two, inflected forms; English words too only at the
    /// start of a name; first names and surnames never, nor any word in a
    /// language without the list. (language, word, common, native common)
    #[test]
    fn common_words_are_told_from_names() {
        let cases = [
            ("de", "polizei", true, true),
            ("de", "unglück", true, true),
            ("de", "hafenkran", true, true),
            ("de", "dienstagmorgen", true, true),
            ("de", "aktionären", true, true),
            ("de", "medienberichten", true, true),
            ("de", "shipping", true, false),
            ("de", "volker", false, false),
            ("de", "jens", false, false),
            ("de", "vasquez", false, false),
            ("de", "caldera", false, false),
            ("en", "police", false, false),
            ("fr", "police", false, false),
        ];
        for (code, word, common, native) in cases {
            let t = terms_for(code);
            assert_eq!(t.is_common(word), common, "{code} {word}");
            assert_eq!(t.is_native_common(word), native, "{code} {word}");
        }
    }

    /// A long word of a compounding language also counts its two known
    /// parts, after a linking letter; a word with no known split, or short,
    /// counts alone. (Norwegian, which no other test gives a table.)
    #[test]
    fn compounds_split_into_known_parts() {
        let nb = terms_for("nb");
        let stem = |w: &str| nb.stem(w).into_owned();
        let table = format!("# documents\t100\n{}\t9\n{}\t7\n", stem("regjering"), stem("forslag"));
        use_idf("nb", Some(DfTable::parse(&table)));
        let split = |words: &[&str]| {
            let mut got = Vec::new();
            nb.each_term_split(words.iter().copied(), &mut |_, t| got.push(t.to_string()));
            got
        };
        let cases: [(&str, Vec<String>); 3] = [
            ("regjeringsforslag", vec![stem("regjeringsforslag"), stem("regjering"), stem("forslag")]),
            ("regjeringsbygning", vec![stem("regjeringsbygning")]),
            ("forslag", vec![stem("forslag")]),
        ];
        for (word, want) in cases {
            assert_eq!(split(&[word]), want, "{word}");
        }
        // the table's own terms are whole words
        let mut whole = Vec::new();
        nb.each_term(["regjeringsforslag"].into_iter(), &mut |_, t| whole.push(t.to_string()));
        assert_eq!(whole, [stem("regjeringsforslag")]);
        use_idf("nb", None);
    }

    #[test]
    fn inflected_forms_share_a_term() {
        let cases = [
            ("de", "regierung", "regierungen"),
            ("es", "presidente", "presidentes"),
            ("fr", "ministre", "ministres"),
            ("it", "governo", "governi"),
            ("ru", "президент", "президента"),
            ("pl", "wyborach", "wyborami"),
            ("tr", "seçimler", "seçimlerde"),
        ];
        for (code, a, b) in cases {
            assert_eq!(terms(code, &[a]), terms(code, &[b]), "{code}: {a} / {b}");
            assert_eq!(terms(code, &[a]).len(), 1, "{code}: {a}");
        }
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn stop_words_numbers_and_single_letters_are_left_out() {
        let cases = [
            ("de", "und"),
            ("es", "los"),
            ("fr", "les"),
            ("it", "della"),
            ("pl", "oraz"),
            ("ru", "который"),
            ("tr", "ve"),
            ("ar", "في"),
        ];
        for (code, stop) in cases {
            assert!(terms_for(code).is_stop(stop), "{code}: {stop}");
            assert!(terms(code, &[stop, "7", "x"]).is_empty(), "{code}");
        }
    }

    #[test]
    fn unspaced_scripts_give_bigrams_and_lone_characters() {
        assert_eq!(terms("zh", &["俄", "罗", "斯"]), ["俄罗", "罗斯"]);
        assert_eq!(terms("zh", &["俄", "and", "斯"]), ["俄", "and", "斯"]);
        assert_eq!(terms("ja", &["東京都"]), ["東京", "京都"]);
    }

    /// Commoner terms weigh less, every term rarer than the cap (or not in
    /// the table) weighs the cap, and the modes combine as documented.
    #[test]
    fn frequency_weights_are_capped_and_blend() {
        let t = FreqTable::parse("# comment\nhaus\t300\nregier\t400\n");
        assert!(t.weight("haus") < t.weight("regier"));
        assert!(t.weight("regier") <= FREQ_CAP);
        assert_eq!(t.weight("zzz"), FREQ_CAP);
        assert!(freq_weight(1e-9) == FREQ_CAP && freq_weight(0.1) >= 1.0);
        let b = |mode, df| blend_with(mode, &t, "haus", 9.0, df);
        assert_eq!(b(FreqMode::Frequency, 50), t.weight("haus"));
        assert_eq!(b(FreqMode::Backoff(3), 3), 9.0);
        assert_eq!(b(FreqMode::Backoff(3), 2), t.weight("haus"));
        assert!((b(FreqMode::Mix(5), 5) - (4.5 + 0.5 * t.weight("haus"))).abs() < 1e-5);
        assert_eq!(b(FreqMode::Learned, 0), 9.0);
        assert_eq!(blend_with(FreqMode::Frequency, &FreqTable::default(), "haus", 9.0, 0), 9.0);
        // the shipped mode, with a table given for a language of its own
        use_freq("nn", Some(t.clone()));
        assert_eq!(blend_weight("nn", "haus", 9.0, 50), blend_with(FREQ_MODE, &t, "haus", 9.0, 50));
        use_freq("nn", None);
        assert_eq!(blend_weight("xx", "haus", 9.0, 0), 9.0);
    }

    /// An Arabic word with the article and a conjunction glued to it, or
    /// written with another alef, gives the term of the bare word.
    #[test]
    fn arabic_clitics_and_letters_are_normalized() {
        assert_eq!(terms("ar", &["والحكومة"]), terms("ar", &["حكومة"]));
        assert_eq!(terms("ar", &["بالحكومة"]), terms("ar", &["الحكومة"]));
        assert_eq!(arabic_light("أحمد"), "احمد");
        assert_eq!(arabic_light("ولد"), "ولد");
    }

    /// Each term rule on words the lemma table knows and does not know
    /// (German: "häuser" → "haus"; Snowball stems "hausern"/"haus").
    #[test]
    fn term_keys_read_the_lemma_then_the_rule() {
        let de = terms_for("de");
        let table = LemmaTable::parse("# comment\nhäuser\thaus\nbad line\n\tnone\ngingen\tgehen\n");
        assert_eq!(table.len(), 2);
        let cases: [(&str, TermKey, &str); 10] = [
            ("häuser", TermKey::Stem, "haus"),
            ("häuser", TermKey::Lemma, "haus"),
            ("gingen", TermKey::Lemma, "gehen"),
            ("gingen", TermKey::LemmaStem, "geh"),
            ("gingen", TermKey::Stem, "ging"),
            ("regierungen", TermKey::Lemma, "regierungen"),
            ("regierungen", TermKey::LemmaStem, "regier"),
            ("regierungen", TermKey::LemmaCut(5), "regie"),
            ("regierungen", TermKey::StemCut(4), "regi"),
            ("gingen", TermKey::LemmaStemCut(2), "ge"),
        ];
        for (word, rule, want) in cases {
            assert_eq!(de.key(word, rule, Some(&table)), want, "{word} {rule:?}");
        }
        // without a table the lemma rules read the word itself
        assert_eq!(de.key("gingen", TermKey::LemmaStem, None), de.stem("gingen"));
        // a cut longer than the word keeps it whole
        assert_eq!(de.key("haus", TermKey::LemmaCut(9), None), "haus");
    }

    #[test]
    fn term_key_rules_parse_and_apply_per_language() {
        let cases = [
            ("stem", Some(TermKey::Stem)),
            ("lemma", Some(TermKey::Lemma)),
            ("lemma+stem", Some(TermKey::LemmaStem)),
            ("lemma+cut:6", Some(TermKey::LemmaCut(6))),
            ("stem+cut:5", Some(TermKey::StemCut(5))),
            ("lemma+stem+cut:4", Some(TermKey::LemmaStemCut(4))),
            ("lemma+cut:0", None),
            ("lemma+cut", None),
            ("stem:3", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(TermKey::parse(text), want, "{text:?}");
        }
        assert_eq!(term_key("xq"), TERM_KEY);
        // a language of no other test, so tests running meanwhile see the
        // shipped rule
        use_term_key(Some(TermKey::Lemma), Some(vec!["xq".to_string()]));
        assert_eq!(term_key("xq"), TermKey::Lemma);
        assert_eq!(term_key("xr"), TermKey::Stem);
        use_term_key(None, None);
        assert_eq!(term_key("xq"), TERM_KEY);
        assert_eq!(term_key("en"), TermKey::Stem);
    }

    #[test]
    fn df_tables_round_trip() {
        let docs: Vec<FxHashSet<String>> =
            vec![["a", "b"].iter().map(|s| s.to_string()).collect(), ["a"].iter().map(|s| s.to_string()).collect()];
        let t = DfTable::count(docs.iter());
        assert_eq!(t.to_tsv(1), "# documents\t2\na\t2\nb\t1\n");
        assert_eq!(DfTable::parse(&t.to_tsv(1)).to_tsv(1), t.to_tsv(1));
        assert!(t.idf("a") < t.idf("b") && t.idf("b") < t.idf("zzz"));
    }
}
