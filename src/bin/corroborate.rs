//! `corroborate`: the command-line front end.
//!
//! `corroborate --help` lists the six commands: `analyze` and `tag` for
//! users; `train-ner`, `eval-ner`, `build-idf` and `eval-similarity` (behind
//! the `train` feature, on by default) for rebuilding and measuring the
//! models. The code is in `src/bin/cli/`.

#[cfg(not(target_family = "wasm"))]
mod cli;

#[cfg(not(target_family = "wasm"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os().skip(1).collect()));
}

#[cfg(target_family = "wasm")]
fn main() {}
