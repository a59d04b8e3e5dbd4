//! The trained named-entity tagger: a linear-chain model over hashed
//! features, trained as an averaged structured perceptron with Viterbi
//! decoding, over the CoNLL-2003 kinds (PER, LOC, ORG, MISC) encoded as
//! BILOU inside the model and given out as BIO.
//!
//! Features are case-aware (word shape, capitals) and case-free (lowercase
//! words around the token, affixes, lexicon membership, document-level
//! consistency), and training sees every sentence twice: as written and
//! degraded the way research dumps degrade wire copy (lowercased, punctuation
//! and digits stripped). So the same model tags clean text and copies like
//! "u s  president donald trump".
//!
//! Feature strings are never built: every token's parts (key, shape,
//! affixes) are hashed once, and each template mixes those hashes with its
//! id into a bucket of a dense weight table, so tagging costs a few integer
//! operations per feature.

pub mod clusters;
/// Building word clusters from unlabeled text (only with the `train`
/// feature).
#[cfg(feature = "train")]
pub mod exchange;
/// Deterministic hierarchical k-means over word vectors (only with the
/// `train` feature).
#[cfg(feature = "train")]
pub mod kmeans;
mod model;
/// Training: an averaged structured perceptron over the same features
/// (only with the `train` feature: never in the shipped wasm).
#[cfg(feature = "train")]
pub mod train;

pub use model::{allowed, viterbi, LocalCache, Model};

use rustc_hash::FxHashSet as HashSet;

/// The tags the tagger gives and reads (BIO), in this order.
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
/// Number of tags.
pub const N_LABELS: usize = LABELS.len();
/// The tags the model scores and decodes (BILOU: the Beginning, Inside or
/// Last word of a name of several words, or a Unit-length name; Ratinov and
/// Roth 2009), in model order. [`Model`] and the trainer convert to and
/// from [`LABELS`] at their edges.
pub const TAGS: [&str; 17] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "U-ORG",
    "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
/// Number of model tags.
pub const N_TAGS: usize = TAGS.len();

/// The BIO label ([`LABELS`] index) of a BILOU tag ([`TAGS`] index): L is I
/// and U is B.
pub fn to_bio(tag: usize) -> usize {
    match tag {
        0 => 0,
        t => {
            let (kind, part) = ((t - 1) / 4, (t - 1) % 4);
            1 + 2 * kind + usize::from(part == 1 || part == 2)
        }
    }
}

/// The BILOU tags ([`TAGS`] indices) of a sequence of BIO labels
/// ([`LABELS`] indices); an I- that does not continue a name of its kind
/// starts one (IOB1 read as IOB2), an unknown label is O.
pub fn to_bilou(bio: &[usize]) -> Vec<usize> {
    let kind = |i: Option<&usize>| i.and_then(|&l| (1..N_LABELS).contains(&l).then(|| (l - 1) / 2));
    let inside = |i: Option<&usize>| i.is_some_and(|&l| (1..N_LABELS).contains(&l) && l % 2 == 0);
    (0..bio.len())
        .map(|t| {
            let here = bio.get(t);
            let Some(k) = kind(here) else { return 0 };
            let starts = !inside(here) || t == 0 || kind(bio.get(t.wrapping_sub(1))) != Some(k);
            let goes_on = inside(bio.get(t + 1)) && kind(bio.get(t + 1)) == Some(k);
            1 + 4 * k
                + match (starts, goes_on) {
                    (true, true) => 0,
                    (false, true) => 1,
                    (false, false) => 2,
                    (true, false) => 3,
                }
        })
        .collect()
}
/// Features per token (unused slots point at bucket 0, which stays zero).
pub const N_FEATURES: usize = 53;

/// Lexicon classes a token can belong to (bit flags).
pub mod lex {
    /// Inside a known place name.
    pub const PLACE: u16 = 1;
    /// A known first name.
    pub const FIRST: u16 = 2;
    /// A known surname.
    pub const LAST: u16 = 4;
    /// A nationality or demonym.
    pub const DEMONYM: u16 = 8;
    /// Inside a known organization name.
    pub const ORG: u16 = 16;
    /// First token of a multi-word lexicon match.
    pub const BEGIN: u16 = 32;
    /// A title before names ("President", "Mr").
    pub const TITLE: u16 = 64;
    /// Inside a known person's name.
    pub const PERSON: u16 = 128;
    /// A word usually written with a capital away from sentence starts (a
    /// truecasing prior: what a stripped copy lost).
    pub const CAPITAL: u16 = 256;
    /// Inside a known name of another kind (events, works, nationalities:
    /// CoNLL's MISC).
    pub const MISC: u16 = 512;
}

/// One token as the tagger sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Word<'a> {
    /// The surface form as written.
    pub text: &'a str,
    /// Lexicon classes ([`lex`] flags).
    pub lex: u16,
}

/// Document-level facts used by the consistency features.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    /// Hashes of lowercase keys seen capitalized away from a sentence start.
    pub capitalized: HashSet<u64>,
    /// Hashes of lowercase keys seen written in lowercase.
    pub lowercase: HashSet<u64>,
    /// The document has no capitals at all (a stripped copy).
    pub uncased: bool,
    /// Tags given so far to each word key in this document (counts of O,
    /// PER, LOC, ORG, MISC): the "what was it called before" feature.
    history: rustc_hash::FxHashMap<u64, [u16; 5]>,
}

impl DocInfo {
    /// Collects the document facts from its sentences.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a [Word<'a>]>) -> DocInfo {
        let mut d = DocInfo::default();
        let mut scratch = Scratch::default();
        for s in sentences {
            for (i, w) in s.iter().enumerate() {
                d.add(&Surface::of(w.text, &mut scratch), i);
            }
        }
        d.finish();
        d
    }

    /// Records one word, at position `i` of its sentence (call
    /// [`DocInfo::finish`] after the last).
    pub fn add(&mut self, w: &Surface, i: usize) {
        if !w.first_alpha {
            return;
        }
        if w.cap {
            self.uncased = true; // "some capital seen" until finish
            if i > 0 {
                self.capitalized.insert(w.key);
            }
        } else {
            self.lowercase.insert(w.key);
        }
    }

    /// Closes the collection: the document is uncased when no word started
    /// with a capital.
    pub fn finish(&mut self) {
        self.uncased = !self.uncased;
    }

    /// Records the tags just given to a sentence's words.
    pub fn record(&mut self, words: &[Parts], tags: &[usize]) {
        for (p, &t) in words.iter().zip(tags) {
            if p.w.first_alpha {
                // LABELS order: O, B-PER, I-PER, B-LOC, ...
                // saturating: a word may be tagged thousands of times in one document
                if let Some(n) = self.history.entry(p.w.key).or_default().get_mut(t.div_ceil(2)) {
                    *n = n.saturating_add(1);
                }
            }
        }
    }

    /// Forgets the recorded tags (a new pass over the document).
    pub fn clear_history(&mut self) {
        self.history.clear();
    }

    /// What a key was mostly tagged so far: 0 never seen, 1 only `O`, 2 + the
    /// type (PER, LOC, ORG, MISC) most often given.
    fn seen_as(&self, key: u64) -> u8 {
        match self.history.get(&key) {
            None => 0,
            Some(c) => {
                let (best, n) = c[1..].iter().enumerate().max_by_key(|(i, n)| (**n, usize::MAX - i)).unwrap_or((0, &0));
                if *n == 0 {
                    1
                } else {
                    2 + best as u8
                }
            }
        }
    }
}

/// The lowercase matching key of a surface form.
pub fn key_of(s: &str) -> String {
    crate::tokens::word_key(s)
}

/// The stable hash used for features and lexicons: FNV-1a with a final mix.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    h(bytes)
}

/// Combines two stable hashes (order matters).
pub fn combine_hashes(a: u64, b: u64) -> u64 {
    combine(a, b)
}

/// Stable 64-bit hash (FNV-1a then a final mix): model files must not depend
/// on the standard library's hasher.
fn h(bytes: &[u8]) -> u64 {
    mix(bytes.iter().fold(FNV_START, |x, b| fnv(x, *b)))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(x: u64, b: u8) -> u64 {
    (x ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

fn combine(a: u64, b: u64) -> u64 {
    mix(a ^ b.rotate_left(23).wrapping_add(0x9e37_79b9_7f4a_7c15))
}

/// Word shape: X for capitals, x for lowercase, d for digits, other
/// characters as they are, runs cut to two ("Trump" → "Xxx", "1996-08-30" →
/// "dd-dd-dd").
#[cfg(test)]
fn shape(s: &str) -> String {
    let mut out = String::new();
    shape_into(s, &mut out);
    out
}

fn shape_into(s: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars().take(24) {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if m == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(m);
        last = m;
    }
}

/// Reusable buffers for [`Surface::of`].
#[derive(Debug, Default)]
pub struct Scratch {
    key: String,
    shape: String,
}

/// What the tagger reads from a surface form alone (its key, shape, affixes
/// and casing), hashed: computed once per distinct form of a document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Surface {
    /// Stable hash of the lowercase key ([`stable_hash`] of [`key_of`]).
    pub key: u64,
    shape: u64,
    pre: [u64; 3],
    suf: [u64; 4],
    cap: bool,
    upper: bool,
    digit: bool,
    alpha: bool,
    punct: bool,
    first_alpha: bool,
    /// Word cluster of the key at each level, coarse to fine (0: none).
    cluster: [u16; 3],
    /// GloVe class of the key at each level, coarse to fine (0: none).
    glove: [u16; 3],
}

impl Surface {
    /// The hashed parts of one surface form.
    pub fn of(text: &str, scratch: &mut Scratch) -> Surface {
        let key = &mut scratch.key;
        key.clear();
        crate::tokens::push_word_key(text, key);
        let key = key.as_str();
        let mut pre = [0u64; 3];
        let mut suf = [0u64; 4];
        // prefixes of 1, 2 and 3 characters shorter than the key: FNV is
        // incremental, so one pass hashes them all and the key
        let mut x: u64 = FNV_START;
        let mut n_chars = 0usize;
        for (i, c) in key.char_indices() {
            if let Some(p) = n_chars.checked_sub(1).and_then(|k| pre.get_mut(k)) {
                *p = mix(x);
            }
            n_chars += 1;
            for b in key.as_bytes().get(i..i + c.len_utf8()).unwrap_or_default() {
                x = fnv(x, *b);
            }
        }
        let key_hash = mix(x);
        // suffixes of 1 to 4 characters shorter than the key
        for (n, (s, (start, _))) in suf.iter_mut().zip(key.char_indices().rev()).enumerate() {
            if n_chars > n + 1 {
                *s = h(key.as_bytes().get(start..).unwrap_or_default());
            }
        }
        let first = text.chars().next().unwrap_or(' ');
        let (mut alpha, mut lower, mut digit, mut alnum) = (false, false, false, false);
        for c in text.chars() {
            alpha |= c.is_alphabetic();
            lower |= c.is_lowercase();
            digit |= c.is_ascii_digit();
            alnum |= c.is_alphanumeric();
        }
        shape_into(text, &mut scratch.shape);
        Surface {
            key: key_hash,
            shape: h(scratch.shape.as_bytes()),
            pre,
            suf,
            cap: first.is_uppercase(),
            upper: alpha && !lower,
            digit,
            alpha,
            punct: !alnum,
            first_alpha: first.is_alphabetic(),
            cluster: clusters::levels(clusters::class_of(key_hash)),
            glove: clusters::glove_of(key_hash),
        }
    }
}

/// Per-token parts: the surface form's, its lexicon classes and what the
/// document says about its key.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parts {
    w: Surface,
    lex: u16,
    doc_cap: bool,
    doc_lower: bool,
    seen: u8,
}

impl Parts {
    /// One token's parts.
    pub fn new(w: &Surface, lex: u16, doc: &DocInfo) -> Parts {
        Parts {
            w: *w,
            lex,
            doc_cap: doc.capitalized.contains(&w.key),
            doc_lower: doc.lowercase.contains(&w.key),
            seen: if w.first_alpha { doc.seen_as(w.key) } else { 0 },
        }
    }
}

/// Feature buckets of every token of one sentence, `N_FEATURES` per token.
pub fn features(words: &[Word], doc: &DocInfo, bits: u32) -> Vec<[u32; N_FEATURES]> {
    let mut scratch = Scratch::default();
    let ps: Vec<Parts> = words.iter().map(|w| Parts::new(&Surface::of(w.text, &mut scratch), w.lex, doc)).collect();
    features_of(&ps, doc.uncased, bits)
}

/// Features that read the token alone (its surface form, lexicon classes,
/// document facts, history, and whether it starts the sentence).
const N_LOCAL: usize = 28;
/// Features that read the neighbours.
const N_CONTEXT: usize = N_FEATURES - N_LOCAL;
/// The last local and the last context features read the GloVe classes
/// (unused slots while none are given).
const N_GLOVE_LOCAL: usize = 4;
/// See [`N_GLOVE_LOCAL`].
const N_GLOVE_CONTEXT: usize = 4;

/// A template's id and its value, ready for the bucket multiply (the parts
/// are hashed already).
fn slot(id: u64, x: u64) -> u64 {
    x ^ id.wrapping_mul(0xd6e8_feb8_6659_fd93)
}

/// Two hashed values as one.
fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(23) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// Multiply-shift keeps the top bits; bucket 0 stays unused.
fn bucket(x: u64, shift: u32) -> u32 {
    ((x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as u32).max(1)
}

fn local_buckets(p: &Parts, first: bool, uncased: bool, shift: u32) -> [u32; N_LOCAL] {
    let flags = u64::from(p.w.cap)
        | u64::from(p.w.upper) << 1
        | u64::from(p.w.digit) << 2
        | u64::from(p.w.alpha) << 3
        | u64::from(p.w.punct) << 4
        | u64::from(first) << 5;
    let doc_flags = u64::from(p.doc_cap) | u64::from(p.doc_lower) << 1 | u64::from(uncased) << 2;
    let lex = u64::from(p.lex);
    let c = p.w.cluster;
    let g = p.w.glove;
    let f: [u64; N_LOCAL] = [
        0, // bias (bucket 1)
        slot(2, p.w.key),
        slot(3, p.w.shape),
        slot(4, p.w.pre[0]),
        slot(5, p.w.pre[1]),
        slot(6, p.w.pre[2]),
        slot(7, p.w.suf[0]),
        slot(8, p.w.suf[1]),
        slot(9, p.w.suf[2]),
        slot(10, p.w.suf[3]),
        slot(11, flags),
        slot(22, lex),
        slot(25, pair(lex, flags)),
        slot(26, doc_flags),
        slot(27, pair(doc_flags, p.w.key)),
        slot(28, pair(doc_flags, p.w.shape)),
        slot(32, pair(p.w.key, u64::from(uncased))),
        slot(40, pair(p.w.shape, lex)),
        slot(41, u64::from(p.seen)),
        slot(42, pair(u64::from(p.seen), flags)),
        slot(50, u64::from(c[2])),
        slot(51, u64::from(c[1])),
        slot(52, u64::from(c[0])),
        slot(53, pair(u64::from(c[1]), flags)),
        // the GloVe classes, as the clusters above
        slot(80, u64::from(g[2])),
        slot(81, u64::from(g[1])),
        slot(82, u64::from(g[0])),
        slot(83, pair(u64::from(g[1]), flags)),
    ];
    let mut row = f.map(|x| bucket(x, shift));
    row[0] = 1;
    if !clusters::glove_on() {
        for b in row.iter_mut().skip(N_LOCAL - N_GLOVE_LOCAL) {
            *b = 0;
        }
    }
    row
}

fn context_buckets(ps: &[Parts], i: usize, shift: u32) -> [u32; N_CONTEXT] {
    static NONE: std::sync::LazyLock<Parts> = std::sync::LazyLock::new(|| Parts {
        w: Surface { key: h(b"<none>"), shape: h(b"<none>"), ..Surface::default() },
        ..Parts::default()
    });
    let at = |j: Option<usize>| -> &Parts { j.and_then(|j| ps.get(j)).unwrap_or(&NONE) };
    let p = at(Some(i));
    let (l1, r1, l2, r2) = (at(i.checked_sub(1)), at(Some(i + 1)), at(i.checked_sub(2)), at(Some(i + 2)));
    let lex = u64::from(p.lex);
    let f: [u64; N_CONTEXT] = [
        slot(12, l1.w.key),
        slot(13, r1.w.key),
        slot(14, l2.w.key),
        slot(15, r2.w.key),
        slot(16, l1.w.shape),
        slot(17, r1.w.shape),
        slot(18, pair(l1.w.key, p.w.key)),
        slot(19, pair(p.w.key, r1.w.key)),
        slot(20, pair(l1.w.shape, p.w.shape)),
        slot(21, pair(p.w.shape, r1.w.shape)),
        slot(23, u64::from(l1.lex)),
        slot(24, u64::from(r1.lex)),
        slot(29, pair(l1.w.key, lex)),
        slot(30, pair(lex, r1.w.key)),
        slot(55, u64::from(l1.w.cluster[1])),
        slot(56, u64::from(r1.w.cluster[1])),
        slot(57, pair(u64::from(l1.w.cluster[0]), u64::from(p.w.cluster[1]))),
        slot(58, pair(u64::from(p.w.cluster[1]), u64::from(r1.w.cluster[0]))),
        // the words on both sides ("the _ said"), and each neighbour with
        // the word's fine class: what carries to words never seen labelled
        // and to stripped copies
        slot(70, pair(l1.w.key, r1.w.key)),
        slot(73, pair(l1.w.key, u64::from(p.w.cluster[2]))),
        slot(74, pair(u64::from(p.w.cluster[2]), r1.w.key)),
        // the GloVe classes, as the clusters above
        slot(85, u64::from(l1.w.glove[1])),
        slot(86, u64::from(r1.w.glove[1])),
        slot(87, pair(l1.w.key, u64::from(p.w.glove[2]))),
        slot(88, pair(u64::from(p.w.glove[2]), r1.w.key)),
    ];
    let mut row = f.map(|x| bucket(x, shift));
    if !clusters::glove_on() {
        for b in row.iter_mut().skip(N_CONTEXT - N_GLOVE_CONTEXT) {
            *b = 0;
        }
    }
    row
}

/// Feature buckets from tokens' parts ([`features`] without the hashing of
/// surface forms).
pub fn features_of(ps: &[Parts], uncased: bool, bits: u32) -> Vec<[u32; N_FEATURES]> {
    let shift = 64 - bits;
    ps.iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = [0u32; N_FEATURES];
            row[..N_LOCAL].copy_from_slice(&local_buckets(p, i == 0, uncased, shift));
            row[N_LOCAL..].copy_from_slice(&context_buckets(ps, i, shift));
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let cases = [
            ("Trump", "Xxx"),
            ("USA", "XX"),
            ("U.S.", "X.X."),
            ("1996-08-30", "dd-dd-dd"),
            ("al-Assad", "xx-Xxx"),
            ("a", "x"),
        ];
        for (s, want) in cases {
            assert_eq!(shape(s), want, "{s}");
        }
    }

    #[test]
    fn bilou_constraints() {
        // TAGS: O, B-PER, I-PER, L-PER, U-PER, B-LOC, ...
        assert!(allowed(None, 0) && allowed(None, 1) && allowed(None, 4));
        assert!(!allowed(None, 2) && !allowed(None, 3));
        assert!(allowed(Some(1), 2) && allowed(Some(1), 3) && allowed(Some(2), 3));
        assert!(!allowed(Some(1), 0) && !allowed(Some(1), 1) && !allowed(Some(1), 7));
        assert!(allowed(Some(3), 0) && allowed(Some(4), 5) && !allowed(Some(3), 2) && !allowed(Some(0), 3));
        assert_eq!(viterbi(&[[0.0; N_TAGS]; 3], &[[0.0; N_TAGS]; N_TAGS], &[0.0; N_TAGS]).len(), 3);
        // a name left open at the end is closed: B-PER is best at the end
        // alone, but only L-PER or U-PER may end a sentence
        let mut em = [[0.0f32; N_TAGS]; 2];
        em[0][1] = 5.0;
        em[1][1] = 5.0;
        em[1][3] = 1.0;
        assert_eq!(viterbi(&em, &[[0.0; N_TAGS]; N_TAGS], &[0.0; N_TAGS]), vec![1, 3]);
    }

    #[test]
    fn bio_and_bilou() {
        // O B-PER I-PER I-PER O B-LOC B-LOC I-ORG I-ORG (IOB1) I-MISC
        let bio = [0, 1, 2, 2, 0, 3, 3, 6, 6, 8];
        let bilou = to_bilou(&bio);
        assert_eq!(bilou, vec![0, 1, 2, 3, 0, 8, 8, 9, 11, 16]);
        let back: Vec<usize> = bilou.iter().map(|&t| to_bio(t)).collect();
        assert_eq!(back, vec![0, 1, 2, 2, 0, 3, 3, 5, 6, 7]);
        for (t, name) in TAGS.iter().enumerate() {
            let bio = LABELS.get(to_bio(t)).copied().unwrap_or("?");
            assert_eq!(bio.get(2..), name.get(2..), "{name}");
        }
        assert_eq!(to_bilou(&[42, 1]), vec![0, 4]);
        assert!(to_bilou(&[]).is_empty());
    }

    #[test]
    fn train_and_round_trip_a_tiny_model() {
        use train::*;
        let sents: Vec<(Vec<&str>, Vec<usize>)> = vec![
            (vec!["Mayor", "Elena", "Vasquez", "visited", "Port", "Alder", "."], vec![0, 1, 2, 0, 3, 4, 0]),
            (vec!["The", "Harbor", "Authority", "agreed", "."], vec![0, 5, 6, 0, 0]),
            (vec!["Vasquez", "left", "Port", "Alder", "."], vec![1, 0, 3, 4, 0]),
        ];
        let doc = DocInfo::default();
        let mut t = Trainer::new(12);
        for _ in 0..10 {
            for (w, g) in &sents {
                let words: Vec<Word> = w.iter().map(|s| Word { text: s, lex: 0 }).collect();
                t.step(&features(&words, &doc, t.bits()), g);
            }
        }
        let model = Model::from_bytes(&t.to_bytes(0.0)).unwrap();
        for (w, g) in &sents {
            let words: Vec<Word> = w.iter().map(|s| Word { text: s, lex: 0 }).collect();
            assert_eq!(&model.tag(&words, &mut doc.clone()), g, "{w:?}");
        }
        // the cached path gives the same tags, repeated words included
        let mut scratch = Scratch::default();
        let mut cache = LocalCache::default();
        let mut ids: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        for (w, _) in sents.iter().chain(&sents) {
            let ps: Vec<Parts> = w
                .iter()
                .map(|s| Parts::new(&Surface::of(s, &mut scratch), lex::PLACE * u16::from(s.len() > 5), &doc))
                .collect();
            let id: Vec<u32> = w
                .iter()
                .map(|s| {
                    let n = ids.len() as u32;
                    *ids.entry(s).or_insert(n)
                })
                .collect();
            assert_eq!(model.tag_cached(&ps, &id, false, &mut cache), model.tag_parts(&ps, false), "{w:?}");
        }
        assert!(!cache.0.is_empty());
        assert!(Model::from_bytes(b"nope").is_err());
        // the passive-aggressive learner fits the same sentences
        let mut pa = Trainer::new(12).with_aggressiveness(1.0);
        for _ in 0..10 {
            for (w, g) in &sents {
                let words: Vec<Word> = w.iter().map(|s| Word { text: s, lex: 0 }).collect();
                pa.step(&features(&words, &doc, pa.bits()), g);
            }
        }
        let pa_model = Model::from_bytes(&pa.to_bytes(0.0)).unwrap();
        for (w, g) in &sents {
            let words: Vec<Word> = w.iter().map(|s| Word { text: s, lex: 0 }).collect();
            assert_eq!(&pa_model.tag(&words, &mut doc.clone()), g, "{w:?}");
        }
        assert!(Model::from_bytes(&t.to_bytes(0.0)[..20]).is_err());
    }
}
