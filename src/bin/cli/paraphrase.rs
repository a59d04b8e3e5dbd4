//! `train-support` and `eval-paraphrase`: the sentence-support judgement
//! learned from, and measured on, labelled news sentence pairs (the
//! Microsoft Research Paraphrase Corpus training split: tab-separated
//! label, two ids, two sentences).
//!
//! Each pair is analyzed as two one-sentence articles, exactly as a user's
//! articles are; "not the same" is predicted when the report has a `unique`
//! finding or a `fact` that conflicts. Training reads the judgements the
//! unique finder makes (its features, collected while it runs) and fits a
//! logistic model; evaluation cross-validates that fit by folds of pairs.

use corroborate::internal::support::{self, Features, Stump, SupportModel, N_FEATURES};
use corroborate::{analyze, ArticleInput, DivergenceKind, Options, Relation};
use std::io::Write;

const DEFAULT_FILE: &str = "../shared/data/paraphrase/msrp-train.txt";
const DEFAULT_OUT: &str = "model/support.tsv";

/// One labelled pair, analyzed: its label, whether a fact conflicts, and
/// the judgements made on each of its sentences (article 0 or 1).
struct Pair {
    same: bool,
    conflict: bool,
    /// (article, features, decided by a rule whatever the model says)
    judged: Vec<(usize, Features, bool)>,
    /// The conflicting facts' explanations (for `--dump`).
    conflicts: Vec<String>,
}

pub(super) fn read_pairs(path: &str) -> Result<Vec<(bool, String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            [label, _, _, a, b] => out.push((label.trim() == "1", a.to_string(), b.to_string())),
            _ => return Err(format!("{path}: line {} does not have five tab-separated fields", i + 1)),
        }
    }
    Ok(out)
}

/// Analyzes every pair with `model` (None: the built-in one), collecting the
/// unique finder's judgements.
fn analyze_pairs(pairs: &[(bool, String, String)], model: Option<SupportModel>) -> Vec<(Pair, bool)> {
    pairs
        .iter()
        .map(|(same, a, b)| {
            let inputs = [ArticleInput::new(a.as_str()), ArticleInput::new(b.as_str())];
            let (report, judged) =
                support::with_model(model.clone(), || support::collect(|| analyze(&inputs, &Options::default())));
            let conflicts: Vec<String> = report
                .as_ref()
                .map(|r| {
                    r.divergences
                        .iter()
                        .filter(|d| d.kind == DivergenceKind::Fact && d.relation == Some(Relation::Conflicts))
                        .map(|d| format!("{:?} / {:?}: {}", d.text, d.counterpart, d.explanation))
                        .collect()
                })
                .unwrap_or_default();
            let (conflict, unique) = match &report {
                Ok(r) => (
                    r.divergences
                        .iter()
                        .any(|d| d.kind == DivergenceKind::Fact && d.relation == Some(Relation::Conflicts)),
                    r.divergences.iter().any(|d| d.kind == DivergenceKind::Unique),
                ),
                Err(_) => (false, false),
            };
            let judged = judged.into_iter().map(|(art, _, f, ruled)| (art, f, ruled)).collect();
            (Pair { same: *same, conflict, judged, conflicts }, !(conflict || unique))
        })
        .collect()
}

/// Training examples: every judgement made on a pair, labelled with the
/// pair's label (each sentence of a pair is judged against the other, so
/// most pairs give the same features twice, once from each side).
fn examples<'p>(pairs: impl Iterator<Item = &'p Pair>) -> Vec<(Features, f32)> {
    pairs.flat_map(|p| p.judged.iter().map(move |(_, f, _)| (*f, if p.same { 1.0 } else { 0.0 }))).collect()
}

/// Logistic regression by Newton's method (L2 penalty `lambda`, intercept
/// not penalized), deterministic.
fn fit(data: &[(Features, f32)], lambda: f64) -> SupportModel {
    const D: usize = N_FEATURES + 1;
    let x = |f: &Features, j: usize| -> f64 {
        if j == 0 {
            1.0
        } else {
            f.get(j - 1).copied().unwrap_or(0.0) as f64
        }
    };
    let mut w = [0.0f64; D];
    for _ in 0..25 {
        let mut g = [0.0f64; D];
        let mut h = [[0.0f64; D]; D];
        for (f, y) in data {
            let z: f64 = (0..D).map(|j| w.get(j).copied().unwrap_or(0.0) * x(f, j)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = p * (1.0 - p);
            for j in 0..D {
                if let Some(gj) = g.get_mut(j) {
                    *gj += (p - *y as f64) * x(f, j);
                }
                for k in 0..D {
                    if let Some(hjk) = h.get_mut(j).and_then(|row| row.get_mut(k)) {
                        *hjk += r * x(f, j) * x(f, k);
                    }
                }
            }
        }
        for j in 1..D {
            if let (Some(gj), Some(wj), Some(hjj)) = (g.get_mut(j), w.get(j), h.get_mut(j).and_then(|r| r.get_mut(j))) {
                *gj += lambda * wj;
                *hjj += lambda;
            }
        }
        let Some(step) = solve(h, g) else { break };
        let mut moved = 0.0f64;
        for (wj, sj) in w.iter_mut().zip(step) {
            *wj -= sj;
            moved = moved.max(sj.abs());
        }
        if moved < 1e-7 {
            break;
        }
    }
    let mut weights = [0.0f32; N_FEATURES];
    for (dst, src) in weights.iter_mut().zip(w.iter().skip(1)) {
        *dst = *src as f32;
    }
    SupportModel { weights, bias: w.first().copied().unwrap_or(0.0) as f32, stumps: Vec::new() }
}

/// Shrinkage of each boosting step.
const SHRINK: f32 = 0.3;

/// Adds `rounds` stumps to `model`, each the split of one feature that most
/// lowers the log loss of what the model so far predicts (a Newton step per
/// side, L2-damped), deterministic.
fn boost(model: &mut SupportModel, data: &[(Features, f32)], rounds: usize) {
    if data.is_empty() || rounds == 0 {
        return;
    }
    let mut score: Vec<f32> = data.iter().map(|(f, _)| model.score(f)).collect();
    // examples sorted by each feature, once
    let order: Vec<Vec<usize>> = (0..N_FEATURES)
        .map(|j| {
            let mut o: Vec<usize> = (0..data.len()).collect();
            let v = |i: usize| data.get(i).and_then(|(f, _)| f.get(j)).copied().unwrap_or(0.0);
            o.sort_by(|&a, &b| v(a).total_cmp(&v(b)).then(a.cmp(&b)));
            o
        })
        .collect();
    const DAMP: f64 = 5.0;
    for _ in 0..rounds {
        let (g, h): (Vec<f64>, Vec<f64>) = data
            .iter()
            .zip(&score)
            .map(|((_, y), s)| {
                let p = 1.0 / (1.0 + (-f64::from(*s)).exp());
                (p - f64::from(*y), (p * (1.0 - p)).max(1e-6))
            })
            .unzip();
        let (gt, ht): (f64, f64) = (g.iter().sum(), h.iter().sum());
        let leaf = |g: f64, h: f64| -g / (h + DAMP);
        let gain = |g: f64, h: f64| g * g / (h + DAMP);
        let mut best: Option<(f64, Stump)> = None;
        for (j, o) in order.iter().enumerate() {
            let v = |i: usize| data.get(i).and_then(|(f, _)| f.get(j)).copied().unwrap_or(0.0);
            let (mut gl, mut hl) = (0.0, 0.0);
            for (k, &i) in o.iter().enumerate() {
                gl += g.get(i).copied().unwrap_or(0.0);
                hl += h.get(i).copied().unwrap_or(0.0);
                let Some(&next) = o.get(k + 1) else { break };
                if v(next) <= v(i) {
                    continue; // split only between different values
                }
                let total = gain(gl, hl) + gain(gt - gl, ht - hl) - gain(gt, ht);
                if best.as_ref().is_none_or(|(b, _)| total > *b + 1e-12) {
                    let threshold = (v(i) + v(next)) / 2.0;
                    best = Some((
                        total,
                        Stump {
                            feature: j,
                            threshold,
                            left: SHRINK * leaf(gl, hl) as f32,
                            right: SHRINK * leaf(gt - gl, ht - hl) as f32,
                        },
                    ));
                }
            }
        }
        let Some((_, stump)) = best else { break };
        for ((f, _), s) in data.iter().zip(score.iter_mut()) {
            *s +=
                if f.get(stump.feature).copied().unwrap_or(0.0) <= stump.threshold { stump.left } else { stump.right };
        }
        model.stumps.push(stump);
    }
}

/// Solves `h · s = g` by Gaussian elimination with partial pivoting.
fn solve<const D: usize>(mut h: [[f64; D]; D], mut g: [f64; D]) -> Option<[f64; D]> {
    for c in 0..D {
        let pivot = (c..D).max_by(|&i, &j| {
            let a = h.get(i).and_then(|r| r.get(c)).map_or(0.0, |v| v.abs());
            let b = h.get(j).and_then(|r| r.get(c)).map_or(0.0, |v| v.abs());
            a.total_cmp(&b)
        })?;
        h.swap(c, pivot);
        g.swap(c, pivot);
        let d = *h.get(c)?.get(c)?;
        if d.abs() < 1e-12 {
            return None;
        }
        let row_c = *h.get(c)?;
        let g_c = *g.get(c)?;
        for r in 0..D {
            if r == c {
                continue;
            }
            let factor = h.get(r)?.get(c)? / d;
            if factor == 0.0 {
                continue;
            }
            let row = h.get_mut(r)?;
            for (x, y) in row.iter_mut().zip(row_c.iter()) {
                *x -= factor * y;
            }
            *g.get_mut(r)? -= factor * g_c;
        }
    }
    let mut s = [0.0; D];
    for (i, si) in s.iter_mut().enumerate() {
        *si = g.get(i)? / h.get(i)?.get(i)?;
    }
    Some(s)
}

/// What the engine predicts for a pair with `model`: "same" unless a
/// sentence is judged unsupported or a figure conflicts.
fn predict(p: &Pair, model: &SupportModel) -> bool {
    // as the unique finder decides: not the same, and this sentence is the
    // one the other carries less of
    let unique = |f: &Features| model.p_same(f) < 0.5 && support::is_the_unsupported_side(f);
    !(p.conflict || p.judged.iter().any(|(_, f, ruled)| !ruled && unique(f)))
}

/// Fits the model, then moves its intercept so that the engine's pair
/// decision scores best on the same pairs, by accuracy plus F1 (the
/// issue's two figures; the fit is per sentence, and a pair is "not the
/// same" when either sentence fails). Under cross-validation this runs on
/// the training folds only.
fn fit_pairs<'p>(pairs: impl Iterator<Item = &'p Pair> + Clone, lambda: f64, rounds: usize) -> SupportModel {
    let data = examples(pairs.clone());
    let mut model = fit(&data, lambda);
    boost(&mut model, &data, rounds);
    let base = model.bias;
    let mut best = (f64::MIN, base);
    for step in -20..=20 {
        model.bias = base + step as f32 * 0.1;
        let pred: Vec<(bool, bool)> = pairs.clone().map(|p| (predict(p, &model), p.same)).collect();
        let (acc, _, _, f1) = scores(&pred);
        let acc = acc + f1;
        if acc > best.0 + 1e-9 {
            best = (acc, model.bias);
        }
    }
    model.bias = best.1;
    model
}

/// Accuracy, and precision, recall and F1 of the "same" class.
fn scores(pred: &[(bool, bool)]) -> (f64, f64, f64, f64) {
    let n = pred.len().max(1) as f64;
    let correct = pred.iter().filter(|(p, y)| p == y).count() as f64;
    let tp = pred.iter().filter(|(p, y)| *p && *y).count() as f64;
    let fp = pred.iter().filter(|(p, y)| *p && !*y).count() as f64;
    let fneg = pred.iter().filter(|(p, y)| !*p && *y).count() as f64;
    let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let rec = if tp + fneg > 0.0 { tp / (tp + fneg) } else { 0.0 };
    let f1 = if prec + rec > 0.0 { 2.0 * prec * rec / (prec + rec) } else { 0.0 };
    (correct / n, prec, rec, f1)
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn positional(args: &[String]) -> Option<&str> {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if a.starts_with("--") {
            skip = true;
            continue;
        }
        return Some(a);
    }
    None
}

/// The L2 penalty of the fit, unless `--lambda` sets another (chosen by
/// the cross-validated figure of `eval-paraphrase --lambda`).
const LAMBDA: f64 = 0.1;

/// Boosting rounds on top of the logistic fit, unless `--rounds` sets
/// another number (chosen, like the penalty, by the cross-validated figure;
/// 40 and 60 gain on MSRP, over eleven fold assignments of
/// `eval-paraphrase --repeats 10`, but lose unique claims of the seeds).
const ROUNDS: usize = 20;

fn rounds(args: &[String]) -> Result<usize, String> {
    option(args, "--rounds")
        .map_or(Ok(ROUNDS), |v| v.parse().map_err(|_| format!("--rounds takes a number, not {v:?}")))
}

/// `--neighbors FILE`: other word neighbours than the committed ones
/// (`build-glove-neighbors`; experiments), for the rest of the run.
fn neighbors(args: &[String]) -> Result<(), String> {
    if let Some(path) = option(args, "--neighbors") {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        corroborate::internal::tagger::clusters::use_neighbors(&text);
    }
    Ok(())
}

fn lambda(args: &[String]) -> Result<f64, String> {
    option(args, "--lambda")
        .map_or(Ok(LAMBDA), |v| v.parse().map_err(|_| format!("--lambda takes a number, not {v:?}")))
}

/// `corroborate train-support [FILE] [--out FILE] [--lambda X] [--rounds N] [--neighbors FILE]`: fits the model on every
/// pair of the file and writes its weights.
pub fn train_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let path = positional(args).unwrap_or(DEFAULT_FILE);
    let dest = option(args, "--out").unwrap_or(DEFAULT_OUT);
    neighbors(args)?;
    let pairs = read_pairs(path)?;
    let analyzed = analyze_pairs(&pairs, None);
    let model = fit_pairs(analyzed.iter().map(|(p, _)| p), lambda(args)?, rounds(args)?);
    std::fs::write(dest, model.to_tsv()).map_err(|e| format!("cannot write {dest}: {e}"))?;
    let pred: Vec<(bool, bool)> = analyzed.iter().map(|(p, _)| (predict(p, &model), p.same)).collect();
    let (acc, _, _, f1) = scores(&pred);
    let _ = writeln!(out, "wrote {dest}: {} pairs, training accuracy {acc:.3}, F1 {f1:.3}", pairs.len());
    Ok(())
}

/// `corroborate eval-paraphrase [FILE] [--folds N] [--repeats N] [--lambda X] [--rounds N] [--neighbors FILE]`: the
/// engine's judgement on every pair with the built-in model, and the same
/// fit cross-validated (folds by pair position, and with `--repeats` as
/// many more seeded shuffles of the pairs into folds).
pub fn eval_cmd(args: &[String], out: &mut impl Write) -> Result<(), String> {
    let path = positional(args).unwrap_or(DEFAULT_FILE);
    if !std::path::Path::new(path).exists() {
        let _ = writeln!(out, "skipped: {path} is absent (the paraphrase pairs live in ../shared/data/paraphrase)");
        return Ok(());
    }
    let folds: usize = option(args, "--folds").map_or(Ok(10), str::parse).map_err(|_| "--folds takes a number")?;
    let lambda = lambda(args)?;
    let rounds = rounds(args)?;
    neighbors(args)?;
    let pairs = read_pairs(path)?;
    let t = std::time::Instant::now();
    let analyzed = analyze_pairs(&pairs, None);
    if let Some(dump) = option(args, "--dump") {
        let mut text = String::new();
        for (p, said) in &analyzed {
            text += &format!(
                "{}\t{}\t{}\t{}\t{}",
                u8::from(p.same),
                u8::from(p.conflict),
                u8::from(*said),
                p.conflicts.join(" | ").replace(['\t', '\n'], " "),
                p.judged.len()
            );
            for (art, f, _) in &p.judged {
                text += &format!("\t{art}:{}", f.iter().map(|x| format!("{x:.3}")).collect::<Vec<_>>().join(","));
            }
            text.push('\n');
        }
        std::fs::write(dump, text).map_err(|e| format!("cannot write {dump}: {e}"))?;
    }
    let engine: Vec<(bool, bool)> = analyzed.iter().map(|(p, said_same)| (*said_same, p.same)).collect();
    let always: Vec<(bool, bool)> = analyzed.iter().map(|(p, _)| (true, p.same)).collect();
    let line = |name: &str, s: (f64, f64, f64, f64)| {
        format!("{name:<58} accuracy {:.4}  precision {:.4}  recall {:.4}  F1 {:.4}", s.0, s.1, s.2, s.3)
    };
    let _ = writeln!(out, "{} pairs from {path} ({:.1} s)", pairs.len(), t.elapsed().as_secs_f64());
    let _ = writeln!(out, "{}", line("always \"same\"", scores(&always)));
    let _ = writeln!(out, "{}", line("the engine, built-in model (trained on all pairs)", scores(&engine)));
    // folds by pair position: pair i is in fold i mod k
    let k = folds.max(2);
    let by_position: Vec<usize> = (0..analyzed.len()).map(|i| i % k).collect();
    let cv = cross_validate(&analyzed, &by_position, k, lambda, rounds);
    let _ = writeln!(out, "{}", line(&format!("the engine, {k}-fold cross-validated fit"), scores(&cv)));
    // --repeats N: N more fold assignments, each a seeded shuffle of the
    // pairs, so the figure's spread over fold assignments is seen
    let repeats: usize = option(args, "--repeats").map_or(Ok(0), str::parse).map_err(|_| "--repeats takes a number")?;
    if repeats > 0 {
        let mut figures = vec![scores(&cv)];
        for seed in 1..=repeats as u64 {
            let fold_of = shuffled_folds(analyzed.len(), k, seed);
            let s = scores(&cross_validate(&analyzed, &fold_of, k, lambda, rounds));
            let _ = writeln!(out, "{}", line(&format!("  {k} folds, shuffle {seed}"), s));
            figures.push(s);
        }
        let (acc, f1): (Vec<f64>, Vec<f64>) = figures.iter().map(|s| (s.0, s.3)).unzip();
        let (ma, sa) = mean_sd(&acc);
        let (mf, sf) = mean_sd(&f1);
        let _ = writeln!(
            out,
            "{k}-fold over {} fold assignments: accuracy {ma:.4} ± {sa:.4} (min {:.4}), F1 {mf:.4} ± {sf:.4} (min {:.4})",
            figures.len(),
            acc.iter().copied().fold(f64::INFINITY, f64::min),
            f1.iter().copied().fold(f64::INFINITY, f64::min)
        );
    }
    Ok(())
}

/// Each pair's prediction from a model fit on the other folds (`fold_of`
/// gives each pair's fold, `k` folds).
fn cross_validate(
    analyzed: &[(Pair, bool)],
    fold_of: &[usize],
    k: usize,
    lambda: f64,
    rounds: usize,
) -> Vec<(bool, bool)> {
    let mut cv = Vec::new();
    for fold in 0..k {
        let train = analyzed.iter().zip(fold_of).filter(|(_, &f)| f != fold).map(|((p, _), _)| p);
        let model = fit_pairs(train, lambda, rounds);
        cv.extend(
            analyzed.iter().zip(fold_of).filter(|(_, &f)| f == fold).map(|((p, _), _)| (predict(p, &model), p.same)),
        );
    }
    cv
}

/// A fold for each of `n` pairs, `k` folds of sizes differing by at most
/// one, in an order shuffled from `seed` (Fisher–Yates over a SplitMix64
/// stream: the same seed gives the same folds on every machine).
fn shuffled_folds(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut fold_of = vec![0; n];
    for (position, &pair) in order.iter().enumerate() {
        if let Some(f) = fold_of.get_mut(pair) {
            *f = position % k.max(1);
        }
    }
    fold_of
}

/// Mean and (population) standard deviation.
fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (mean, (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt())
}
