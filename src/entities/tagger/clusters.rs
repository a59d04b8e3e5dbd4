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

/// The committed clusters, from the English language data (no classes while
/// it is missing).
fn committed() -> &'static ClusterMap {
    if let Some(m) = COMMITTED.get() {
        return m;
    }
    match crate::lang::pack::text("en", "clusters.txt") {
        Some(text) => COMMITTED.get_or_init(|| parse(text)),
        None => &NONE,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
