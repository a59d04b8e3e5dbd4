//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

/// The project's own fixture texts (written for this project).
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// `../shared/<rel>` when it exists; otherwise prints why the test is skipped.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent (the shared data is not on this machine)", p.display());
        None
    }
}

/// The four seed articles, in file order, when ../shared/seeds exists.
pub fn seeds() -> Option<Vec<(String, String)>> {
    let dir = shared("seeds")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    Some(
        files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
            .collect(),
    )
}
