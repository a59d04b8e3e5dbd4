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

/// Whether tag `y` closes a name or lies outside one (O, L-*, U-*): a
/// sentence may end on it (the trainer's CRF steps).
#[cfg(feature = "train")]
pub(super) fn closes(y: usize) -> bool {
    CLOSED.contains(&y)
}

/// The tags that close a name or lie outside one (O, L-*, U-*): the only
/// ones O, B-* or U-* may follow.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The tags that may follow a closed one (O, B-*, U-*); I-X and L-X follow
/// only B-X or I-X.
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

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
pub(super) fn constrained(
    tr: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
) -> ([[f32; N_TAGS]; N_TAGS], [f32; N_TAGS]) {
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
/// the allowed predecessors of each tag are scanned ([`CLOSED`] before
/// [`OPENING`], B-X and I-X before I-X and L-X), a start that is not
/// allowed scores about [`NEG`], and the last tag closes every name.
// Hot loop, kept on plain indexing. Invariant: every tag in `CLOSED`,
// `OPENING` and `1 + 4 * k + 3` (k < 4) is below `N_TAGS` (the arrays'
// length), `t` ranges over `1..n` with `n == em.len() == back.len() ==
// out.len() > 0`, and `back[t][_]` holds a tag below `N_TAGS`, so every
// index is in bounds.
#[allow(clippy::indexing_slicing, clippy::needless_range_loop)]
fn viterbi_masked(em: &[[f32; N_TAGS]], tr: &[[f32; N_TAGS]; N_TAGS], start: &[f32; N_TAGS]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut prev = [0f32; N_TAGS];
    for l in 0..N_TAGS {
        prev[l] = start[l] + em[0][l];
    }
    // the allowed moves as small dense tables: closed to opening, and for
    // each kind (B-X, I-X) to (I-X, L-X)
    let tc: [[f32; 9]; 9] = std::array::from_fn(|p| std::array::from_fn(|j| tr[CLOSED[p]][OPENING[j]]));
    let tk: [[[f32; 2]; 2]; 4] = std::array::from_fn(|k| {
        let (b, i) = (1 + 4 * k, 2 + 4 * k);
        [[tr[b][i], tr[b][i + 1]], [tr[i][i], tr[i][i + 1]]]
    });
    for t in 1..n {
        let mut cur = [0f32; N_TAGS];
        // predecessor by predecessor, so the nine running maxima are
        // independent of each other (ties go to the first)
        let pc: [f32; 9] = std::array::from_fn(|p| prev[CLOSED[p]]);
        let mut best = [f32::NEG_INFINITY; 9];
        let mut arg = [0u8; 9];
        for p in 0..9 {
            for j in 0..9 {
                let s = pc[p] + tc[p][j];
                if s > best[j] {
                    best[j] = s;
                    arg[j] = p as u8;
                }
            }
        }
        for j in 0..9 {
            let l = OPENING[j];
            cur[l] = best[j] + em[t][l];
            back[t][l] = CLOSED[arg[j] as usize] as u8;
        }
        for k in 0..4 {
            let (b, i) = (1 + 4 * k, 2 + 4 * k);
            for m in 0..2 {
                let l = i + m;
                let (sb, si) = (prev[b] + tk[k][0][m], prev[i] + tk[k][1][m]);
                let (best, arg) = if si > sb { (si, i) } else { (sb, b) };
                cur[l] = best + em[t][l];
                back[t][l] = arg as u8;
            }
        }
        prev = cur;
    }
    let mut last = 0;
    for l in CLOSED {
        if prev[l] > prev[last] {
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

/// Row numbers per bucket ([`Model::index`]).
#[derive(Debug, Clone)]
enum Index {
    /// At most 65,536 rows.
    Narrow(Vec<u16>),
    /// More.
    Wide(Vec<u32>),
}

/// A trained model ready to tag.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    /// Per bucket, its row of weights in [`Model::lanes`] and
    /// [`Model::outside`] (row 0: all zero). About a quarter of the buckets
    /// have weights, so the rows and this index take less memory than a
    /// dense table would (the look-ups are cache-bound); two bytes a
    /// bucket while the rows allow.
    index: Index,
    /// Quantized weights of the 16 tags after O, per row, each plus 128
    /// (so a byte, 0 to 255), packed eight to a word for the lane-parallel
    /// sums of [`Model::sum`]: tag `1 + 8 * w + j` is byte `j` of word `w`.
    lanes: Vec<[u64; 2]>,
    /// Quantized weights of O, per row.
    outside: Vec<i8>,
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
        let mut index = vec![0u32; size];
        let mut lanes = Vec::with_capacity(count.min(size) + 1);
        let mut outside = Vec::with_capacity(count.min(size) + 1);
        lanes.push([ZERO_LANES; 2]);
        outside.push(0i8);
        let mut bucket = 0usize;
        let mut file_row = vec![0i8; width];
        for _ in 0..count {
            bucket += r.varint()? as usize;
            let row = index.get_mut(bucket).ok_or("bucket out of range")?;
            let mask = if version == 2 { u64::from(u16::from_le_bytes(r.array()?)) } else { r.varint()? };
            for (l, x) in file_row.iter_mut().enumerate() {
                *x = if mask & (1 << l) != 0 { r.byte()? as i8 } else { 0 };
            }
            let at = |t: usize| file_row.get(of(t)).copied().unwrap_or(0);
            *row = u32::try_from(lanes.len()).map_err(|_| "too many rows")?;
            outside.push(at(0));
            lanes.push(pack(&std::array::from_fn(|j| at(1 + j))));
        }
        let index = match index.iter().map(|&r| u16::try_from(r)).collect::<Result<Vec<u16>, _>>() {
            Ok(narrow) => Index::Narrow(narrow),
            Err(_) => Index::Wide(index),
        };
        let (trans, start) = constrained(&trans, &start);
        Ok(Model { bits, index, lanes, outside, trans, start, scale })
    }

    /// A model with no weights (tags everything `O`).
    pub fn empty() -> Model {
        Model {
            bits: 8,
            index: Index::Narrow(vec![0; 1 << 8]),
            lanes: vec![[ZERO_LANES; 2]],
            outside: vec![0],
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

    /// The weights of `buckets` summed per tag. The 16 tags after O are
    /// summed eight lanes at a time: the even and odd bytes of each packed
    /// word go to 16-bit lanes of their own (at most 255 per bucket, so 256
    /// buckets fit before a lane could carry), and the 128 added to each
    /// byte comes off at the end.
    fn sum(&self, buckets: &[u32]) -> [i32; N_TAGS] {
        match &self.index {
            Index::Narrow(ix) => self.sum_by(buckets, |f| ix.get(f as usize).map_or(0, |&r| usize::from(r))),
            Index::Wide(ix) => self.sum_by(buckets, |f| ix.get(f as usize).map_or(0, |&r| r as usize)),
        }
    }

    /// [`Model::sum`] with the row of each bucket from `row_of`.
    #[inline(always)]
    fn sum_by(&self, buckets: &[u32], row_of: impl Fn(u32) -> usize) -> [i32; N_TAGS] {
        const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
        let mut acc = [0i32; N_TAGS];
        for chunk in buckets.chunks(256) {
            let (mut a0, mut a1, mut a2, mut a3) = (0u64, 0u64, 0u64, 0u64);
            let (mut o, mut n) = (0i32, 0i32);
            for &f in chunk {
                let r = row_of(f);
                if let (Some([w0, w1]), Some(x)) = (self.lanes.get(r), self.outside.get(r)) {
                    a0 += w0 & EVEN;
                    a1 += (w0 >> 8) & EVEN;
                    a2 += w1 & EVEN;
                    a3 += (w1 >> 8) & EVEN;
                    o += i32::from(*x);
                    n += 1;
                }
            }
            let mut rest = acc.iter_mut();
            if let Some(x) = rest.next() {
                *x += o;
            }
            for (k, x) in rest.enumerate() {
                let (word, byte) = (k / 8, k % 8);
                let lanes = match (word, byte % 2) {
                    (0, 0) => a0,
                    (0, _) => a1,
                    (_, 0) => a2,
                    _ => a3,
                };
                *x += ((lanes >> (16 * (byte / 2))) & 0xffff) as i32 - 128 * n;
            }
        }
        acc
    }

    fn scaled(&self, acc: [i32; N_TAGS]) -> [f32; N_TAGS] {
        acc.map(|a| a as f32 * self.scale)
    }
}

/// Eight zero weights, each plus 128.
const ZERO_LANES: u64 = 0x8080_8080_8080_8080;

/// The 16 weights of the tags after O as [`Model::lanes`] packs them.
fn pack(w: &[i8; 16]) -> [u64; 2] {
    let word = |ws: &[i8]| ws.iter().rev().fold(0u64, |x, &v| x << 8 | u64::from((i16::from(v) + 128) as u8));
    let (lo, hi) = w.split_at(8);
    [word(lo), word(hi)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanned_predecessors_are_the_allowed_ones() {
        for to in 0..N_TAGS {
            for from in 0..N_TAGS {
                let scanned = if OPENING.contains(&to) {
                    CLOSED.contains(&from)
                } else {
                    let k = (to - 1) / 4;
                    from == 1 + 4 * k || from == 2 + 4 * k
                };
                assert_eq!(scanned, allowed(Some(from), to), "{from} -> {to}");
            }
            assert_eq!(OPENING.contains(&to), allowed(None, to), "start -> {to}");
        }
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        // exhaustive search over every sequence of three tags, on
        // pseudo-random scores
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 2001) as f32 / 100.0 - 10.0
        };
        for _ in 0..5 {
            let em: Vec<[f32; N_TAGS]> = (0..3).map(|_| std::array::from_fn(|_| next())).collect();
            let tr: [[f32; N_TAGS]; N_TAGS] = std::array::from_fn(|_| std::array::from_fn(|_| next()));
            let start: [f32; N_TAGS] = std::array::from_fn(|_| next());
            let mut best = (f32::NEG_INFINITY, vec![]);
            for a in 0..N_TAGS {
                for b in 0..N_TAGS {
                    for c in 0..N_TAGS {
                        let ok = allowed(None, a) && allowed(Some(a), b) && allowed(Some(b), c) && CLOSED.contains(&c);
                        let s = start[a] + em[0][a] + tr[a][b] + em[1][b] + tr[b][c] + em[2][c];
                        if ok && s > best.0 {
                            best = (s, vec![a, b, c]);
                        }
                    }
                }
            }
            assert_eq!(viterbi(&em, &tr, &start), best.1);
        }
    }

    #[test]
    fn lane_sums_are_plain_sums() {
        let mut m = Model::empty();
        let rows: [[i8; N_TAGS]; 3] = [
            std::array::from_fn(|t| t as i8 * 7 - 60),
            std::array::from_fn(|t| if t % 2 == 0 { 127 } else { -127 }),
            std::array::from_fn(|t| -(t as i8)),
        ];
        let mut index = vec![0u32; 1 << 8];
        for (b, row) in rows.iter().enumerate() {
            index[b + 1] = m.lanes.len() as u32;
            m.outside.push(row[0]);
            m.lanes.push(pack(&std::array::from_fn(|j| row[j + 1])));
        }
        // 300 buckets: more than one chunk of 256
        let buckets: Vec<u32> = (0..300).map(|i| 1 + i % 3).chain([0, 7]).collect();
        let want: [i32; N_TAGS] = std::array::from_fn(|t| {
            buckets.iter().filter_map(|&b| rows.get((b as usize).wrapping_sub(1))).map(|r| i32::from(r[t])).sum()
        });
        m.index = Index::Wide(index.clone());
        assert_eq!(m.sum(&buckets), want);
        m.index = Index::Narrow(index.iter().map(|&r| r as u16).collect());
        assert_eq!(m.sum(&buckets), want);
    }
}
