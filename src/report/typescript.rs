//! `types/report.d.ts` is generated from the types of the contract: this
//! test fails when the committed file differs from what the Rust types say,
//! so the two cannot drift. `UPDATE_TYPES=1 cargo test --lib typescript`
//! rewrites the file (review the diff like code).

use super::*;
use crate::article::{ArticleInput, Options};
use crate::input::{ArticleMeta, Block, Decoded, Format};
use ts_rs::{Config, TS};

const HEADER: &str = "\
// TypeScript declarations of the Corroborate Report: the contract shared by
// the page, the widget, the CLI and the tests. GENERATED from the Rust types
// (src/report/, src/article.rs, src/input/mod.rs) by
// `UPDATE_TYPES=1 cargo test --lib typescript`; do not edit by hand (a test
// fails when this file and the types disagree).
";

/// One exported declaration: its doc comment, then `export type …`, with
/// fields indented two spaces and ending in `;`.
fn declaration<T: TS>(cfg: &Config) -> String {
    let mut out = String::new();
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    let decl = T::decl(cfg);
    let mut lines = decl.lines().map(str::trim_end).peekable();
    let first = lines.next().unwrap_or_default();
    out.push_str("export ");
    out.push_str(first);
    out.push('\n');
    for line in lines {
        let line = line.strip_suffix(", };").map(|f| format!("{f};\n}};")).unwrap_or_else(|| line.to_string());
        for l in line.lines() {
            let l = l.strip_suffix(',').map(|f| format!("{f};")).unwrap_or_else(|| l.to_string());
            if l == "};" {
                out.push_str("};\n");
            } else {
                out.push_str("  ");
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    out.push('\n');
    out
}

fn generate() -> String {
    let cfg = Config::default();
    let decls = [
        declaration::<OffsetUnit>(&cfg),
        declaration::<EntityKind>(&cfg),
        declaration::<Severity>(&cfg),
        declaration::<ArticleFlag>(&cfg),
        declaration::<DivergenceKind>(&cfg),
        declaration::<Relation>(&cfg),
        declaration::<EditKind>(&cfg),
        declaration::<ArticleMeta>(&cfg),
        declaration::<crate::lang::detect::Language>(&cfg),
        declaration::<Block>(&cfg),
        declaration::<PassageKind>(&cfg),
        declaration::<ArticleInput>(&cfg),
        declaration::<Format>(&cfg),
        declaration::<Decoded>(&cfg),
        declaration::<Options>(&cfg),
        declaration::<Span>(&cfg),
        declaration::<Removed>(&cfg),
        declaration::<ArticleReport>(&cfg),
        declaration::<Mention>(&cfg),
        declaration::<Entity>(&cfg),
        declaration::<Pair>(&cfg),
        declaration::<Edit>(&cfg),
        declaration::<Passage>(&cfg),
        declaration::<Side>(&cfg),
        declaration::<Divergence>(&cfg),
        declaration::<Stats>(&cfg),
        declaration::<Report>(&cfg),
    ];
    format!("{HEADER}\n{}", decls.concat().trim_end()) + "\n"
}

#[test]
fn typescript_declarations_match_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/types/report.d.ts");
    let want = generate();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "types/report.d.ts is out of date with the Rust types: run `UPDATE_TYPES=1 cargo test --lib typescript` \
         and review the diff"
    );
}

#[test]
fn every_divergence_kind_is_declared() {
    let ts = generate();
    for k in DivergenceKind::ALL {
        assert!(ts.contains(&format!("\"{}\"", k.as_str())), "{k} missing from the declarations");
    }
}
