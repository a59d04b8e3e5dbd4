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

/// Compares `got` with the golden file `tests/golden/<name>`, which
/// `UPDATE_GOLDEN=1` rewrites; a difference fails with the first differing
/// line, to be reviewed like code.
pub fn assert_golden(name: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("golden file {} missing: rerun with UPDATE_GOLDEN=1", path.display()));
    if got != want {
        let first = got.lines().zip(want.lines()).position(|(g, w)| g != w).unwrap_or(0);
        panic!(
            "output differs from {} at line {}:\n got: {}\nwant: {}\n(review, then rerun with UPDATE_GOLDEN=1)",
            path.display(),
            first + 1,
            got.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}
