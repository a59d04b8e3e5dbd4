//! MinHash signatures over word shingles and LSH band keys: the corpus
//! mode's candidate pairs.
//!
//! The shingles are runs of [`MinHashParams::shingle`] consecutive words of
//! the engine's matching stream (the same cleaning and tokens as
//! [`crate::analyze`]: lowercased, accents and punctuation folded, numbers
//! left out), so a copy that was lowercased, lost its digits or had its
//! punctuation turned into spaces has the same shingles as its source.
//! Shingles made only of function words ("of the", "said that the") are left
//! out: every article has them.
//!
//! Written here rather than taken from a crate: the signature must be made
//! from the engine's normalized words (not a crate's own tokenizer) and be
//! the same byte for byte when the Python package and the Spark job call it;
//! multiply-shift hashing over 64-bit shingle hashes is a few dozen lines and
//! its speed is measured in the README (signatures are a small share of the
//! corpus mode's time).

use crate::overlap::is_function_word;
use crate::text;
use crate::tokens::{self, TokenKind, Vocab};

/// How signatures and band keys are made. Two runs agree on candidates only
/// with the same parameters.
///
/// The defaults (4-word shingles, 40 bands of 1 row) are set for
/// *containment*: a pair whose smaller side is 20% reused has a shingle
/// Jaccard near 0.1 and must still share a band (probability 0.985). One
/// row per band lets unrelated articles that share a common phrase through;
/// corpus mode checks each candidate's exact shingle overlap before aligning
/// it ([`shingle_containment`]). See the README's "Archive scale" section for
/// the measured recall and the number of candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinHashParams {
    /// Words per shingle.
    pub shingle: usize,
    /// Number of bands; the signature has `bands * rows` values.
    pub bands: usize,
    /// Values per band: a pair is a candidate when all of one band's values
    /// agree.
    pub rows: usize,
    /// Seed of the hash functions.
    pub seed: u64,
}

impl Default for MinHashParams {
    fn default() -> Self {
        MinHashParams { shingle: 4, bands: 40, rows: 1, seed: 0x5eed_c0de }
    }
}

impl MinHashParams {
    /// Length of a signature: `bands * rows` (at least 1).
    pub fn hashes(&self) -> usize {
        self.bands.max(1) * self.rows.max(1)
    }

    /// Probability that a pair of shingle-set Jaccard `j` shares at least
    /// one band: `1 - (1 - j^rows)^bands`.
    ///
    /// ```
    /// let p = corroborate::corpus::MinHashParams::default();
    /// assert!(p.candidate_probability(0.1) > 0.98);
    /// assert!(p.candidate_probability(0.001) < 0.05);
    /// ```
    pub fn candidate_probability(&self, j: f64) -> f64 {
        1.0 - (1.0 - j.clamp(0.0, 1.0).powi(self.rows.max(1) as i32)).powi(self.bands.max(1) as i32)
    }
}

/// splitmix64: the mixing step used for seeds and shingle hashes.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a of a word's normalized key.
fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// The normalized words of `text` that take part in matching (the engine's
/// cleaning and tokens; numbers and punctuation left out), each with
/// whether it is a content word.
pub fn match_words(text: &str) -> Vec<(String, bool)> {
    let cleaned = text::clean_article(text, false);
    let mut vocab = Vocab::default();
    let toks = tokens::tokenize(text, &cleaned.content(), &mut vocab);
    toks.iter()
        .filter(|t| t.kind() == TokenKind::Word)
        .map(|t| {
            let w = vocab.get(t.sym());
            (w.to_string(), !is_function_word(w))
        })
        .collect()
}

/// Hashes of the shingles of `text` that hold at least one content word, in
/// text order (repeats kept).
pub fn shingles(text: &str, params: &MinHashParams) -> Vec<u64> {
    let words = match_words(text);
    let k = params.shingle.max(1);
    let hashes: Vec<u64> = words.iter().map(|(w, _)| word_hash(w)).collect();
    let content: Vec<bool> = words.iter().map(|(_, c)| *c).collect();
    hashes
        .windows(k)
        .zip(content.windows(k))
        .filter(|(_, c)| c.iter().any(|c| *c))
        .map(|(w, _)| mix(w.iter().fold(params.seed, |h, x| mix(h ^ x))))
        .collect()
}

/// The hash functions of a signature: `(a, b)` with `a` odd.
fn coefficients(params: &MinHashParams) -> Vec<(u64, u64)> {
    (0..params.hashes() as u64)
        .map(|i| {
            let a = mix(params.seed ^ mix(2 * i + 1)) | 1;
            let b = mix(params.seed ^ mix(2 * i + 2));
            (a, b)
        })
        .collect()
}

/// The MinHash signature of a set of shingle hashes: for each hash
/// function `h(x) = (a·x + b) >> 32` (multiply-shift), the smallest value
/// over the shingles; all `u32::MAX` when there is no shingle.
pub fn signature_of_shingles(shingles: &[u64], params: &MinHashParams) -> Vec<u32> {
    let co = coefficients(params);
    let mut sig = vec![u32::MAX; co.len()];
    for &x in shingles {
        for (s, &(a, b)) in sig.iter_mut().zip(&co) {
            let h = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            if h < *s {
                *s = h;
            }
        }
    }
    sig
}

/// The MinHash signature of an article's text (`bands * rows` values).
///
/// ```
/// use corroborate::corpus::{signature, MinHashParams};
/// let p = MinHashParams::default();
/// let a = signature("The harbor crane collapsed on Monday, killing 4 dock workers, officials said.", &p);
/// let b = signature("the harbor crane collapsed on monday  killing  dock workers  officials said", &p);
/// assert_eq!(a, b); // case, digits and punctuation do not matter
/// assert_eq!(a.len(), p.hashes());
/// ```
pub fn signature(text: &str, params: &MinHashParams) -> Vec<u32> {
    signature_of_shingles(&shingles(text, params), params)
}

/// The LSH band keys of a signature, one per band (the band's index is
/// hashed in, so keys of different bands never meet). Empty for the
/// signature of a text without shingles, so empty articles are never
/// candidates of each other.
///
/// ```
/// use corroborate::corpus::{band_keys, signature, MinHashParams};
/// let p = MinHashParams::default();
/// let keys = band_keys(&signature("Four dock workers were killed when the harbor crane collapsed.", &p), &p);
/// assert_eq!(keys.len(), p.bands);
/// assert!(band_keys(&signature("", &p), &p).is_empty());
/// ```
pub fn band_keys(sig: &[u32], params: &MinHashParams) -> Vec<u64> {
    if sig.iter().all(|&v| v == u32::MAX) {
        return Vec::new();
    }
    let rows = params.rows.max(1);
    sig.chunks(rows)
        .take(params.bands.max(1))
        .enumerate()
        .map(|(band, vals)| vals.iter().fold(mix(params.seed ^ band as u64), |h, &v| mix(h ^ u64::from(v))))
        .collect()
}

/// What corpus mode keeps of an article after reading it: its band keys
/// (for candidates) and its distinct shingles (32-bit, sorted; to check a
/// candidate before aligning it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// [`band_keys`] of the article's signature.
    pub band_keys: Vec<u64>,
    /// Distinct shingle hashes, truncated to 32 bits, ascending.
    pub shingles: Vec<u32>,
}

/// The [`Fingerprint`] of an article's text: one pass of cleaning and
/// tokens for both the band keys and the shingle set.
///
/// ```
/// use corroborate::corpus::{fingerprint, shingle_containment, MinHashParams};
/// let p = MinHashParams::default();
/// let a = fingerprint("The harbor crane collapsed on Monday, killing four dock workers, officials said.", &p);
/// let b = fingerprint("Officials said the harbor crane collapsed on Monday, killing four workers.", &p);
/// assert!(shingle_containment(&a.shingles, &b.shingles) > 0.5);
/// ```
pub fn fingerprint(text: &str, params: &MinHashParams) -> Fingerprint {
    let sh = shingles(text, params);
    let band_keys = band_keys(&signature_of_shingles(&sh, params), params);
    let mut shingles: Vec<u32> = sh.iter().map(|h| (h >> 32) as u32).collect();
    shingles.sort_unstable();
    shingles.dedup();
    Fingerprint { band_keys, shingles }
}

/// Distinct shingles two sorted sets share, over the smaller set's size:
/// the exact shingle containment of the smaller article (0 when either is
/// empty).
pub fn shingle_containment(a: &[u32], b: &[u32]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    crate::overlap::shared_count(a, b) as f64 / small as f64
}

/// Share of equal values of two signatures: the estimate of the Jaccard
/// similarity of their shingle sets.
pub fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y && **x != u32::MAX).count() as f64 / n as f64
}
