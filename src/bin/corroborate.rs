//! `corroborate`: the command-line front end.
//!
//! ```text
//! corroborate analyze FILE... [--json] [--offsets utf8|utf16|chars]
//! corroborate tag --conll [FILE|-]
//! ```

#[cfg(not(target_family = "wasm"))]
mod cli;

#[cfg(not(target_family = "wasm"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_family = "wasm")]
fn main() {}
