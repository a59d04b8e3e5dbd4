//! The word clusters the tagger reads (`model/clusters.txt`, built from
//! unlabeled news by `corroborate build-clusters`): line `i` after the
//! header holds the words of fine class `i`, and the coarser levels are
//! fine classes taken [`MID`] and [`COARSE`] at a time, so one look-up of a
//! lowercase key gives every granularity. Keys are lowercase, so a stripped
//! copy finds the same classes as the text it was made from.

use rustc_hash::FxHashMap;
use std::sync::{LazyLock, OnceLock};

/// The committed cluster file (embedded in native builds; the wasm reads it
/// from the English language pack).
#[cfg(feature = "embedded")]
pub const CLUSTERS: &str = include_str!("../../../model/clusters.txt");
/// Class counts of the levels, coarse to fine (each splits the one above).
pub const LEVELS: [usize; 3] = [16, 128, 512];
/// Fine classes per middle class.
pub const MID: u16 = (LEVELS[2] / LEVELS[1]) as u16;
/// Fine classes per coarse class.
pub const COARSE: u16 = (LEVELS[2] / LEVELS[0]) as u16;

/// Stable hashes of keys → fine class + 1.
pub type ClusterMap = FxHashMap<u64, u16>;

static COMMITTED: OnceLock<ClusterMap> = OnceLock::new();
static NONE: LazyLock<ClusterMap> = LazyLock::new(ClusterMap::default);
static GIVEN: OnceLock<ClusterMap> = OnceLock::new();
static GLOVE: OnceLock<LevelMap> = OnceLock::new();
static GLOVE_COMMITTED: OnceLock<LevelMap> = OnceLock::new();
static NO_LEVELS: LazyLock<LevelMap> = LazyLock::new(LevelMap::default);

/// Stable hashes of keys → class + 1 at each level, coarse to fine.
pub type LevelMap = FxHashMap<u64, [u16; 3]>;

/// Parses a cluster file whose header names its levels (`# levels 64 256
/// 1024`, one to three class counts, coarse to fine, each splitting the one
/// before; [`LEVELS`] when absent): every key gets its class + 1 at each
/// level (with fewer than three levels, the coarsest repeats).
pub fn parse_levels(text: &str) -> LevelMap {
    let levels: Vec<usize> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# levels "))
        .map(|l| l.split(' ').filter_map(|x| x.parse().ok()).filter(|x| *x > 0).collect())
        .next()
        .unwrap_or_else(|| LEVELS.to_vec());
    let fine = levels.last().copied().unwrap_or(1).max(1);
    let mut per: [usize; 3] = [fine; 3];
    for (slot, l) in per.iter_mut().rev().zip(levels.iter().rev()) {
        *slot = fine / l.max(&1);
    }
    // with fewer than three levels the missing coarse ones repeat the coarsest given
    let coarsest = per.get(3 - levels.len().clamp(1, 3)).copied().unwrap_or(1);
    for p in per.iter_mut().take(3 - levels.len().clamp(1, 3)) {
        *p = coarsest;
    }
    let mut map = LevelMap::default();
    for (i, line) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
        let Some(at) = per.map(|p| u16::try_from(i / p.max(1) + 1).ok()).into_iter().collect::<Option<Vec<u16>>>()
        else {
            break;
        };
        let Ok(ids) = <[u16; 3]>::try_from(at) else { break };
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            map.insert(super::stable_hash(w.as_bytes()), ids);
        }
    }
    map
}

/// The committed GloVe classes (`model/glove-clusters.txt`), from the
/// English language data (none while it is missing).
fn glove_committed() -> &'static LevelMap {
    from_pack(&GLOVE_COMMITTED, "glove-clusters.txt", parse_levels, &NO_LEVELS)
}

/// The GloVe classes in use: the given ones, else the committed ones.
fn glove() -> &'static LevelMap {
    GLOVE.get().unwrap_or_else(glove_committed)
}

/// Uses other GloVe word classes (`corroborate build-glove-clusters`) than
/// the committed ones for the rest of the process (training experiments;
/// an empty text: none, the tagger as it was before them); false when
/// they were already chosen.
pub fn use_glove(text: &str) -> bool {
    GLOVE.set(parse_levels(text)).is_ok()
}

/// Whether GloVe classes are at hand (their features are unused slots
/// otherwise, so a model trained without them tags as it was trained).
pub fn glove_on() -> bool {
    !glove().is_empty()
}

/// The GloVe classes + 1 of a key's stable hash at each level, coarse to
/// fine (all 0: none).
pub fn glove_of(key_hash: u64) -> [u16; 3] {
    glove().get(&key_hash).copied().unwrap_or([0; 3])
}

/// The committed clusters, from the English language data (no classes while
/// it is missing).
fn committed() -> &'static ClusterMap {
    from_pack(&COMMITTED, "clusters.txt", parse, &NONE)
}

/// Section `name` of the English language data parsed into `cell` once it
/// is at hand; `none` until then.
fn from_pack<T>(cell: &'static OnceLock<T>, name: &str, parse: fn(&str) -> T, none: &'static T) -> &'static T {
    if let Some(m) = cell.get() {
        return m;
    }
    match crate::lang::pack::text("en", name) {
        Some(text) => cell.get_or_init(|| parse(text)),
        None => none,
    }
}

/// Parses a cluster file: `#` lines are comments, every other line is one
/// fine class (possibly empty), its words separated by spaces.
pub fn parse(text: &str) -> ClusterMap {
    let mut map = ClusterMap::default();
    let lines = text.lines().filter(|l| !l.starts_with('#'));
    for (i, line) in lines.enumerate() {
        let Ok(id) = u16::try_from(i + 1) else { break };
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            map.insert(super::stable_hash(w.as_bytes()), id);
        }
    }
    map
}

/// Uses other clusters than the committed ones for the rest of the process
/// (training experiments); false when clusters were already chosen.
pub fn use_clusters(text: &str) -> bool {
    GIVEN.set(parse(text)).is_ok()
}

/// The fine class + 1 of a key's stable hash (0: no class).
pub fn class_of(key_hash: u64) -> u16 {
    GIVEN.get().unwrap_or_else(committed).get(&key_hash).copied().unwrap_or(0)
}

/// The classes of a fine class + 1 at every level, coarse to fine (0 stays
/// 0 at every level).
pub fn levels(fine: u16) -> [u16; 3] {
    match fine.checked_sub(1) {
        None => [0; 3],
        Some(f) => [f / COARSE + 1, f / MID + 1, fine],
    }
}

/// Stable hashes of keys → the stable hashes of their nearest words.
pub type NeighborMap = FxHashMap<u64, Vec<u64>>;

static NEIGHBORS: OnceLock<NeighborMap> = OnceLock::new();
static NEIGHBORS_COMMITTED: OnceLock<NeighborMap> = OnceLock::new();
static NO_NEIGHBORS: LazyLock<NeighborMap> = LazyLock::new(NeighborMap::default);

/// Parses a neighbour file (`corroborate build-glove-neighbors`: `#`
/// lines are comments; line `i` of the others is a word, then the steps
/// from `i` to the lines of its neighbours further down, each from the
/// one before). The relation is made symmetric: each word lists the words
/// its line names and the words whose lines name it. Malformed steps and
/// steps past the end are skipped.
pub fn parse_neighbors(text: &str) -> NeighborMap {
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let hashes: Vec<u64> =
        lines.iter().map(|l| super::stable_hash(l.split(' ').next().unwrap_or("").as_bytes())).collect();
    let mut map = NeighborMap::default();
    for (i, line) in lines.iter().enumerate() {
        let Some(&head) = hashes.get(i) else { continue };
        let mut at = i;
        for step in line.split(' ').skip(1).filter_map(|x| x.parse::<usize>().ok()) {
            at = at.saturating_add(step);
            let Some(&n) = hashes.get(at) else { break };
            for (a, b) in [(head, n), (n, head)] {
                map.entry(a).or_default().push(b);
            }
        }
    }
    map
}

/// Uses other neighbours than the committed ones for the rest of the
/// process (experiments; an empty text: none); false when they were
/// already chosen.
pub fn use_neighbors(text: &str) -> bool {
    NEIGHBORS.set(parse_neighbors(text)).is_ok()
}

/// The nearest words of a key's stable hash (`model/glove-neighbors.txt`,
/// from the English language data; none while it is missing).
pub fn neighbors_of(key_hash: u64) -> &'static [u64] {
    let map = match NEIGHBORS.get() {
        Some(m) => m,
        None => from_pack(&NEIGHBORS_COMMITTED, "glove-neighbors.txt", parse_neighbors, &NO_NEIGHBORS),
    };
    map.get(&key_hash).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbour_steps_name_later_lines_both_ways() {
        let map = parse_neighbors("# header\nbought 1 2\nacquired\nrose 9\npurchased x 1\n");
        let h = |w: &str| crate::entities::tagger::stable_hash(w.as_bytes());
        let of = |w: &str| map.get(&h(w)).cloned().unwrap_or_default();
        assert_eq!(of("bought"), vec![h("acquired"), h("purchased")]);
        assert_eq!(of("acquired"), vec![h("bought")]);
        // a step past the end and a malformed step are skipped
        assert!(of("rose").is_empty());
        assert_eq!(of("purchased"), vec![h("bought")]);
        assert!(parse_neighbors("").is_empty());
    }

    #[test]
    fn file_lines_are_classes() {
        let map = parse("# header\nthe a\n\nputin merkel\n");
        let class = |w: &str| map.get(&crate::entities::tagger::stable_hash(w.as_bytes())).copied();
        let cases = [("the", Some(1)), ("a", Some(1)), ("putin", Some(3)), ("merkel", Some(3)), ("trump", None)];
        for (w, want) in cases {
            assert_eq!(class(w), want, "{w}");
        }
        assert_eq!(levels(0), [0, 0, 0]);
        assert_eq!(levels(1), [1, 1, 1]);
        assert_eq!(levels(MID + 1), [1, 2, MID + 1]);
        assert_eq!(levels(COARSE + 1), [2, COARSE / MID + 1, COARSE + 1]);
    }

    #[test]
    fn levels_from_the_header() {
        let hash = |w: &str| crate::entities::tagger::stable_hash(w.as_bytes());
        let three = parse_levels("# levels 1 2 4\na\nb\nc\nd\n");
        let two = parse_levels("# levels 2 4\na\nb\nc\nd\n");
        let one = parse_levels("# levels 4\na\nb\nc\nd\n");
        let none = parse_levels("x y\nz\n");
        let cases: [(&LevelMap, &str, Option<[u16; 3]>); 9] = [
            (&three, "a", Some([1, 1, 1])),
            (&three, "c", Some([1, 2, 3])),
            (&three, "d", Some([1, 2, 4])),
            (&two, "b", Some([1, 1, 2])),
            (&two, "d", Some([2, 2, 4])),
            (&one, "c", Some([3, 3, 3])),
            (&one, "e", None),
            (&none, "y", Some([1, 1, 1])),
            (&none, "z", Some([1, 1, 2])),
        ];
        for (map, w, want) in cases {
            assert_eq!(map.get(&hash(w)).copied(), want, "{w}");
        }
        assert!(parse_levels("# levels 0\na\n").contains_key(&hash("a")));
    }
}
