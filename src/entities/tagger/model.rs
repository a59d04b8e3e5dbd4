use super::context_buckets;
use super::features_of;
use super::local_buckets;
use super::to_bio;
use super::DocInfo;
use super::Parts;
use super::Scratch;
use super::Surface;
use super::Word;
use super::N_LABELS;
use super::N_TAGS;
use super::TAGS;

/// Emission sums of the token-local features, per distinct (surface form,
/// lexicon classes, history, sentence start) of one document: most tokens
/// of a text are words it has used before, and their local features (more
/// than half of all) then cost one table look-up instead of one weight row
/// each.
#[derive(Debug, Default)]
pub struct LocalCache(pub(super) rustc_hash::FxHashMap<u64, [i32; N_TAGS]>);

/// True when model tag `to` ([`TAGS`] index) may follow tag `from` in
/// BILOU (`None`: the sentence start): after B-X or I-X only I-X or L-X;
/// elsewhere only O, B-* or U-*.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    let (Some(to_label), Some(from_label)) = (TAGS.get(to), from.map_or(Some("O"), |f| TAGS.get(f).copied())) else {
        return false;
    };
    let continues = to_label.starts_with("I-") || to_label.starts_with("L-");
    let open = from_label.starts_with("B-") || from_label.starts_with("I-");
    if open {
        continues && from_label.get(2..) == to_label.get(2..)
    } else {
        !continues
    }
}

/// True when a sentence may end on model tag `tag` (no name left open).
fn may_end(tag: usize) -> bool {
    TAGS.get(tag).is_some_and(|l| !l.starts_with("B-") && !l.starts_with("I-"))
}

/// `ALLOWED[from][to]`: [`allowed`] as a table (`from == N_TAGS` is the
/// sentence start).
static ALLOWED: std::sync::LazyLock<[[bool; N_TAGS]; N_TAGS + 1]> = std::sync::LazyLock::new(|| {
    let mut t = [[false; N_TAGS]; N_TAGS + 1];
    for (from, row) in t.iter_mut().enumerate() {
        for (to, x) in row.iter_mut().enumerate() {
            *x = allowed(if from == N_TAGS { None } else { Some(from) }, to);
        }
    }
    t
});

/// The tags each tag may follow, as lists (`PREDS.0[to][..PREDS.1[to]]`):
/// Viterbi scans only these (9 or 2 of the 17).
#[allow(clippy::type_complexity)]
static PREDS: std::sync::LazyLock<([[u8; N_TAGS]; N_TAGS], [usize; N_TAGS])> = std::sync::LazyLock::new(|| {
    let mut list = [[0u8; N_TAGS]; N_TAGS];
    let mut len = [0usize; N_TAGS];
    for (to, (row, n)) in list.iter_mut().zip(len.iter_mut()).enumerate() {
        for from in (0..N_TAGS).filter(|&f| allowed(Some(f), to)) {
            if let Some(x) = row.get_mut(*n) {
                *x = from as u8;
                *n += 1;
            }
        }
    }
    (list, len)
});

/// Best tag sequence under emission scores `em[t][l]` and transition scores
/// `tr[from][to]` (with `start[to]`), honouring the BILOU constraints;
/// tags are [`TAGS`] indices.
pub fn viterbi(em: &[[f32; N_TAGS]], tr: &[[f32; N_TAGS]; N_TAGS], start: &[f32; N_TAGS]) -> Vec<usize> {
    let (tr, start) = constrained(tr, start);
    viterbi_masked(em, &tr, &start)
}

/// Lowest score: the BILOU table folded into the transitions.
const NEG: f32 = -1e30;

/// Transition and start scores with BILOU-forbidden moves at [`NEG`].
fn constrained(tr: &[[f32; N_TAGS]; N_TAGS], start: &[f32; N_TAGS]) -> ([[f32; N_TAGS]; N_TAGS], [f32; N_TAGS]) {
    let ok = &*ALLOWED;
    let mut t = *tr;
    let mut s = *start;
    for (row, ok_row) in t.iter_mut().zip(ok.iter()) {
        for (x, ok) in row.iter_mut().zip(ok_row) {
            if !ok {
                *x = NEG;
            }
        }
    }
    for (x, ok) in s.iter_mut().zip(&ok[N_TAGS]) {
        if !ok {
            *x = NEG;
        }
    }
    (t, s)
}

/// [`viterbi`] over transitions that already hold the constraints: only
/// the allowed predecessors of each tag are scanned ([`PREDS`]), a start
/// that is not allowed scores about [`NEG`], and the last tag closes every
/// name.
// Hot loop, kept on plain indexing. Invariant: `l` and `last` range over
// `0..N_TAGS` (the arrays' length), every `p` in `PREDS` is a tag below
// `N_TAGS` and every length at most `N_TAGS`, `t` ranges over `1..n` with
// `n == em.len() == back.len() == out.len() > 0`, and `back[t][_]` holds a
// `p < N_TAGS`, so every index is in bounds.
#[allow(clippy::indexing_slicing)]
fn viterbi_masked(em: &[[f32; N_TAGS]], tr: &[[f32; N_TAGS]; N_TAGS], start: &[f32; N_TAGS]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let (preds, lens) = &*PREDS;
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut prev = [0f32; N_TAGS];
    for l in 0..N_TAGS {
        prev[l] = start[l] + em[0][l];
    }
    for t in 1..n {
        let mut cur = [0f32; N_TAGS];
        for l in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for &p in &preds[l][..lens[l]] {
                let s = prev[p as usize] + tr[p as usize][l];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            cur[l] = best + em[t][l];
            back[t][l] = arg;
        }
        prev = cur;
    }
    let mut last = 0;
    for l in 1..N_TAGS {
        if may_end(l) && prev[l] > prev[last] {
            last = l;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = last;
    for t in (1..n).rev() {
        out[t - 1] = back[t][out[t]] as usize;
    }
    out
}

/// A trained model ready to tag.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    /// Dense weights, one row of `N_TAGS` per bucket, quantized.
    weights: Vec<[i8; N_TAGS]>,
    /// Transitions with the BILOU constraints folded in.
    trans: [[f32; N_TAGS]; N_TAGS],
    start: [f32; N_TAGS],
    scale: f32,
}

/// The model file format (version 3): magic, version, bits, scale,
/// transitions, start scores (over [`TAGS`]), then the non-zero buckets as
/// (varint bucket delta, varint mask of non-zero tags, one i8 per set bit).
/// Version 2 is the same over the BIO [`super::LABELS`] with a u16 mask;
/// it is read into BILOU (B and U share B's weights, I and L I's), which
/// tags exactly as before.
pub(super) const MAGIC: &[u8; 4] = b"CRBT";

impl Model {
    /// Parses a model file.
    ///
    /// # Errors
    ///
    /// A message when the bytes are not a model this version can read.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a corroborate tagger model".into());
        }
        let version = r.u32()?;
        // the labels the file is written over, and how a model tag reads them
        let (width, of): (usize, fn(usize) -> usize) = match version {
            2 => (N_LABELS, to_bio),
            3 => (N_TAGS, |t| t),
            _ => return Err(format!("unsupported tagger model version {version}")),
        };
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(format!("bad table size 2^{bits}"));
        }
        let scale = r.f32()?;
        let mut file_trans = vec![vec![0f32; width]; width];
        for row in file_trans.iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        let mut file_start = vec![0f32; width];
        for x in file_start.iter_mut() {
            *x = r.f32()?;
        }
        let mut trans = [[0f32; N_TAGS]; N_TAGS];
        for (a, row) in trans.iter_mut().enumerate() {
            for (b, x) in row.iter_mut().enumerate() {
                *x = file_trans.get(of(a)).and_then(|r| r.get(of(b))).copied().unwrap_or(0.0);
            }
        }
        let mut start = [0f32; N_TAGS];
        for (b, x) in start.iter_mut().enumerate() {
            *x = file_start.get(of(b)).copied().unwrap_or(0.0);
        }
        let count = r.u32()? as usize;
        let size = 1usize << bits;
        let mut weights = vec![[0i8; N_TAGS]; size];
        let mut bucket = 0usize;
        let mut file_row = vec![0i8; width];
        for _ in 0..count {
            bucket += r.varint()? as usize;
            let row = weights.get_mut(bucket).ok_or("bucket out of range")?;
            let mask = if version == 2 { u64::from(u16::from_le_bytes(r.array()?)) } else { r.varint()? };
            for (l, x) in file_row.iter_mut().enumerate() {
                *x = if mask & (1 << l) != 0 { r.byte()? as i8 } else { 0 };
            }
            for (t, x) in row.iter_mut().enumerate() {
                *x = file_row.get(of(t)).copied().unwrap_or(0);
            }
        }
        let (trans, start) = constrained(&trans, &start);
        Ok(Model { bits, weights, trans, start, scale })
    }

    /// A model with no weights (tags everything `O`).
    pub fn empty() -> Model {
        Model {
            bits: 8,
            weights: vec![[0; N_TAGS]; 1 << 8],
            trans: [[0.0; N_TAGS]; N_TAGS],
            start: [0.0; N_TAGS],
            scale: 1.0,
        }
    }

    /// Table size as a power of two.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Tags one sentence; returns an index into [`super::LABELS`] (BIO) per
    /// word.
    /// The sentence's tags are recorded in `doc` for the sentences after it.
    pub fn tag(&self, words: &[Word], doc: &mut DocInfo) -> Vec<usize> {
        let mut scratch = Scratch::default();
        let ps: Vec<Parts> = words.iter().map(|w| Parts::new(&Surface::of(w.text, &mut scratch), w.lex, doc)).collect();
        let tags = self.tag_parts(&ps, doc.uncased);
        doc.record(&ps, &tags);
        tags
    }

    /// Tags one sentence given its tokens' parts ([`super::LABELS`]
    /// indices).
    pub fn tag_parts(&self, ps: &[Parts], uncased: bool) -> Vec<usize> {
        let feats = features_of(ps, uncased, self.bits);
        let em: Vec<[f32; N_TAGS]> = feats.iter().map(|row| self.scaled(self.sum(row))).collect();
        viterbi_masked(&em, &self.trans, &self.start).into_iter().map(to_bio).collect()
    }

    /// [`Model::tag_parts`] with the local features' sums kept in `cache`;
    /// `ids[t]` numbers token `t`'s surface form within the document (the
    /// same tags as without the cache).
    pub fn tag_cached(&self, ps: &[Parts], ids: &[u32], uncased: bool, cache: &mut LocalCache) -> Vec<usize> {
        let shift = 64 - self.bits;
        let em: Vec<[f32; N_TAGS]> = ps
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let local_sum = || self.sum(&local_buckets(p, i == 0, uncased, shift));
                let local = match ids.get(i) {
                    Some(&id) => {
                        let key =
                            u64::from(id) | u64::from(p.lex) << 32 | u64::from(p.seen) << 48 | u64::from(i == 0) << 56;
                        *cache.0.entry(key).or_insert_with(local_sum)
                    }
                    // no id: not cached (callers give one per token)
                    None => local_sum(),
                };
                let mut acc = self.sum(&context_buckets(ps, i, shift));
                for (a, l) in acc.iter_mut().zip(local) {
                    *a += l;
                }
                self.scaled(acc)
            })
            .collect();
        viterbi_masked(&em, &self.trans, &self.start).into_iter().map(to_bio).collect()
    }

    fn sum(&self, buckets: &[u32]) -> [i32; N_TAGS] {
        let mut acc = [0i32; N_TAGS];
        for &f in buckets {
            if let Some(ws) = self.weights.get(f as usize) {
                for (a, w) in acc.iter_mut().zip(ws) {
                    *a += i32::from(*w);
                }
            }
        }
        acc
    }

    fn scaled(&self, acc: [i32; N_TAGS]) -> [f32; N_TAGS] {
        acc.map(|a| a as f32 * self.scale)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self.b.get(self.at..self.at + n).ok_or("model file is truncated")?;
        self.at += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        self.take(N)?.try_into().map_err(|_| "model file is truncated".to_string())
    }
    fn byte(&mut self) -> Result<u8, String> {
        Ok(u8::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            x |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err("bad varint in model file".into())
    }
}
