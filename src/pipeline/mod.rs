//! The stages in order, for a set of articles: limits → text (clean) →
//! tokens → entities (recognize, propagate, merge) → overlap (align every
//! pair, score it) → divergence → report (assemble, converting offsets).
//!
//! Each stage lives in its own module; this one only runs them and carries
//! what one stage hands to the next. Byte offsets throughout: the report
//! stage converts them once, at the end.

mod reuse;

#[cfg(not(target_family = "wasm"))]
pub(crate) use reuse::pair_reuse;
pub use reuse::{reuse_only, ReuseSummary};

use crate::article::{ArticleInput, Options};
use crate::divergence::{self, Finding};
use crate::entities::{self, Canonical, Found};
use crate::error::Error;
use crate::limits;
use crate::overlap::{self, Stream};
use crate::report::{self, EntityKind, Report};
use crate::text::{self, Cleaned};
use crate::tokens::{self, Sentence, Tok, Vocab};
use reuse::Reuse;
use std::collections::HashMap;

/// The text stages of one article on its own: cleaning, tokens (with their
/// vocabulary) and sentences.
#[derive(Debug, Clone)]
pub struct TextStages {
    /// What the cleaner found.
    pub cleaned: Cleaned,
    /// The keys of the tokens.
    pub vocab: Vocab,
    /// The body's tokens.
    pub tokens: Vec<tokens::Token>,
    /// The body's sentences.
    pub sentences: Vec<Sentence>,
}

/// Runs the text stages on one text, as [`analyze`] does for each article.
///
/// ```
/// let t = corroborate::internal::text_stages("date 2020-01-02 The mayor spoke. Then she left.");
/// assert_eq!(t.cleaned.metadata["date"], "2020-01-02");
/// assert_eq!(t.sentences.len(), 2);
/// ```
pub fn text_stages(text: &str) -> TextStages {
    let cleaned = text::clean(text);
    let mut vocab = Vocab::default();
    let tokens = tokens::tokenize(text, &cleaned.content(), &mut vocab);
    let sentences = tokens::sentences(&tokens, &vocab, cleaned.flags.degraded());
    TextStages { cleaned, vocab, tokens, sentences }
}

/// One article as it moves through the pipeline.
pub(crate) struct Doc<'a> {
    /// The original text.
    pub text: &'a str,
    /// What the cleaner found.
    pub cleaned: Cleaned,
    /// The body's tokens, keys resolved.
    pub tokens: Vec<Tok<'a>>,
    /// The body's sentences.
    pub sentences: Vec<Sentence>,
    /// The words that take part in matching.
    pub stream: Stream,
    /// The label shown for it.
    pub label: String,
    /// The language it is written in.
    pub language: crate::lang::detect::Language,
}

/// What two articles share, before it is put into words.
pub(crate) struct PairScore {
    /// The article whose words are counted.
    pub a: usize,
    /// The article they are looked for in.
    pub b: usize,
    /// Share of `a`'s matching words inside passages shared with `b`.
    pub containment: f64,
    /// Symmetric same-story score.
    pub similarity: f64,
    /// Words of `a` inside passages shared with `b`.
    pub shared_words: usize,
    /// Up to three names both mention, most mentioned first.
    pub names: Vec<String>,
}

/// Everything the stages found, in bytes: what the report stage reads.
pub(crate) struct Analysis<'a> {
    /// The inputs, for their warnings.
    pub inputs: &'a [ArticleInput],
    /// The articles, in input order.
    pub docs: Vec<Doc<'a>>,
    /// Canonical entities with their mentions.
    pub canon: Vec<Canonical>,
    /// The reuse stage's passages and coverage.
    pub reuse: Reuse,
    /// One score per ordered pair of distinct articles.
    pub pairs: Vec<PairScore>,
    /// Divergences, most severe first.
    pub findings: Vec<Finding>,
}

/// Analyzes a set of articles about one story.
///
/// # Errors
///
/// [`Error`] when there is no article, when the input is over a limit of
/// [`crate::limits`], or when every article is empty after cleaning.
pub fn analyze(inputs: &[ArticleInput], options: &Options) -> Result<Report, Error> {
    analyze_with_progress(inputs, options, &mut |_, _| {})
}

/// [`analyze`], calling `progress(stage, fraction)` as it goes: the stage
/// (`reading`, `entities`, `reuse`, `divergences`, `report`) and the share
/// of the work done, from 0 to 1. The page's worker forwards it to the
/// progress bar.
///
/// ```
/// let inputs = [corroborate::ArticleInput::new("The harbor crane collapsed on Monday.")];
/// let mut stages = Vec::new();
/// corroborate::analyze_with_progress(&inputs, &Default::default(), &mut |s, f| stages.push((s.to_string(), f)))
///     .unwrap();
/// assert_eq!(stages.last().unwrap().1, 1.0);
/// assert!(stages.windows(2).all(|w| w[0].1 <= w[1].1));
/// ```
///
/// # Errors
///
/// As [`analyze`].
pub fn analyze_with_progress(
    inputs: &[ArticleInput],
    options: &Options,
    progress: &mut dyn FnMut(&str, f64),
) -> Result<Report, Error> {
    if inputs.is_empty() {
        return Err(Error::no_articles());
    }
    limits::check(inputs)?;
    // one vocabulary for all articles, so their words compare as symbols
    let mut vocab = Vocab::default();
    progress("reading", 0.0);
    let read = read_inputs(inputs, &mut vocab);
    let mut docs = make_docs(inputs, read, &vocab, true);
    progress("entities", 0.2);
    if docs.iter().all(|d| d.tokens.iter().all(|t| !t.is_wordlike())) {
        return Err(if let [d] = docs.as_slice() { Error::empty(0, &d.label) } else { Error::all_empty() });
    }
    disambiguate_labels(&mut docs);
    let canon = recognize_entities(&docs, progress);
    progress("reuse", 0.6);
    let reuse = reuse::reuse(&docs);
    let pairs = score_pairs(&docs, &canon, &reuse);
    progress("divergences", 0.75);
    let findings = find_divergences(&docs, &canon, &reuse);
    progress("report", 0.9);
    let analysis = Analysis { inputs, docs, canon, reuse, pairs, findings };
    let report = report::assemble(&analysis, options.offsets);
    progress("report", 1.0);
    Ok(report)
}

/// Entities of every article, names propagated across articles and merged
/// into canonical entities.
fn recognize_entities(docs: &[Doc], progress: &mut dyn FnMut(&str, f64)) -> Vec<Canonical> {
    let n = docs.len();
    let mut found: Vec<Vec<Found>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut f = entities::recognize(d.text, &d.tokens, &d.sentences);
            // countries, dates, numbers and people in the article's language
            entities::recognize_in(d.text, &d.tokens, &d.language.code, &mut f);
            progress("entities", (0.2 + 0.4 * (i + 1) as f64 / n as f64).min(0.6));
            f
        })
        .collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
    let all_tokens: Vec<Vec<Tok>> = docs.iter().map(|d| d.tokens.clone()).collect();
    let degraded: Vec<bool> = docs.iter().map(|d| d.cleaned.flags.degraded()).collect();
    entities::propagate(&texts, &all_tokens, &degraded, &mut found);
    let languages: Vec<&str> = docs.iter().map(|d| d.language.code.as_str()).collect();
    entities::merge_in(&texts, &found, &languages)
}

/// Whether the articles are written in more than one language (articles of
/// no known language aside).
fn spans_languages(docs: &[Doc]) -> bool {
    let mut codes = docs.iter().map(|d| d.language.code.as_str()).filter(|c| *c != "und");
    let first = codes.next();
    codes.any(|c| Some(c) != first)
}

/// Containment both ways and the same-story similarity of every ordered
/// pair, with the names both articles mention.
fn score_pairs(docs: &[Doc], canon: &[Canonical], reuse: &Reuse) -> Vec<PairScore> {
    let n = docs.len();
    let containment = |a: usize, b: usize| {
        let len = docs.get(a).map_or(0, |d| d.stream.len());
        if len == 0 {
            0.0
        } else {
            reuse.shared(a, b) as f64 / len as f64
        }
    };
    // one pass over the entities: each article's named tokens and the
    // canonical entities it mentions, and each entity's articles
    let mut named: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.tokens.len()]).collect();
    let mut ids_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut names_of_pair: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n * n];
    let mut arts: Vec<usize> = Vec::new();
    for (ci, c) in canon.iter().enumerate() {
        let is_name = !matches!(c.kind, EntityKind::Number | EntityKind::Date);
        arts.clear();
        for (a, f) in &c.mentions {
            if is_name {
                if let Some(s) = named.get_mut(*a).and_then(|v| v.get_mut(f.tokens.clone())) {
                    s.fill(true);
                }
            }
            if let Some(ids) = ids_of.get_mut(*a) {
                if ids.last() != Some(&(ci as u32)) {
                    ids.push(ci as u32);
                }
            }
            arts.push(*a);
        }
        if !is_name {
            continue;
        }
        arts.sort_unstable();
        arts.dedup();
        // the names two articles both mention, most mentioned first: each
        // pair keeps its three best (work: entities × their articles²)
        for &a in &arts {
            for &b in &arts {
                if a == b {
                    continue;
                }
                crate::work::add(1);
                let Some(top) = names_of_pair.get_mut(a * n + b) else { continue };
                top.push((c.mentions.len(), ci as u32));
                top.sort_by(|x, y| y.0.cmp(&x.0).then(name_of(canon, x.1).cmp(name_of(canon, y.1))));
                top.truncate(3);
            }
        }
    }
    // what each article is about: weighted words, names weighted up, and
    // the canonical entities it mentions
    let mixed = spans_languages(docs);
    // a language that writes its nouns with a capital (German): its
    // capitalized common words weigh like names here, as they did when the
    // entity stage still took them for names
    for (d, named) in docs.iter().zip(named.iter_mut()) {
        let terms = crate::lang::terms::terms_for(&d.language.code);
        for (t, n) in d.tokens.iter().zip(named.iter_mut()) {
            if !*n && t.capitalized && terms.is_common(t.norm) {
                *n = true;
            }
        }
    }
    let story: Vec<overlap::StoryVector> = docs
        .iter()
        .zip(named.iter().zip(&ids_of))
        .map(|(d, (named, ids))| {
            overlap::StoryVector::in_language(&d.tokens, &d.stream, named, ids, &d.language.code, mixed)
        })
        .collect();
    let story_sim = overlap::all_similarities(&story);
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in 0..n {
            if a == b {
                continue;
            }
            crate::work::add(1);
            let (lo, hi) = (a.min(b), a.max(b));
            let same = reuse.same_words(lo, hi);
            let len = |x: usize| docs.get(x).map_or(0, |d| d.stream.len());
            let text = identical_share(same, len(lo), len(hi));
            let similarity = story_sim.get(lo * n + hi).copied().unwrap_or(0.0).max(text);
            let names = names_of_pair
                .get(a * n + b)
                .map(|top| top.iter().map(|&(_, ci)| name_of(canon, ci).to_string()).collect())
                .unwrap_or_default();
            pairs.push(PairScore {
                a,
                b,
                containment: containment(a, b),
                similarity,
                shared_words: reuse.shared(a, b),
                names,
            });
        }
    }
    pairs
}

/// The least same-story similarity of two articles whose shared passages
/// hold `same` identical words, for articles of `len_a` and `len_b` words
/// (their matching streams): the larger share of either article that is
/// word for word in the other. A copy is the same story whatever its
/// words weigh; a passage aligned through rewording (a paraphrase of low
/// identity: two stories of one site's template align that way too) does
/// not lift the score, so its similarity is the story vectors' alone.
/// Before, every word of any passage counted (the containment): measured
/// held out on the SemEval pairs (README "Languages", ninth round).
pub(crate) fn identical_share(same: usize, len_a: usize, len_b: usize) -> f64 {
    let share = |len: usize| if len == 0 { 0.0 } else { same as f64 / len as f64 };
    share(len_a).max(share(len_b)).min(1.0)
}

/// The display name of canonical entity `ci`.
fn name_of(canon: &[Canonical], ci: u32) -> &str {
    canon.get(ci as usize).map_or("", |c| c.name.as_str())
}

/// The divergence stage on the articles, their passages and entities.
fn find_divergences(docs: &[Doc], canon: &[Canonical], reuse: &Reuse) -> Vec<Finding> {
    let views: Vec<divergence::Article> = docs
        .iter()
        .map(|d| divergence::Article {
            text: d.text,
            tokens: &d.tokens,
            sentences: &d.sentences,
            stream: &d.stream,
            label: &d.label,
            no_digits: d.cleaned.flags.no_digits,
            title: d.cleaned.title.as_ref().map(|r| (r.start, r.end)),
            language: &d.language.code,
        })
        .collect();
    divergence::find(&divergence::Context {
        articles: &views,
        // the copies: a reworded passage is reuse, listed with its kind,
        // not a list of word changes
        matches: &reuse.copies,
        shared: &reuse.copy_shared,
        any_cover: &reuse.copy_cover,
        unlisted: &reuse.unlisted,
        canon,
    })
}

/// Cleans and tokenizes every input into one vocabulary.
pub(crate) fn read_inputs(inputs: &[ArticleInput], vocab: &mut Vocab) -> Vec<(Cleaned, Vec<tokens::Token>)> {
    inputs
        .iter()
        .map(|input| {
            let headline = input.meta.as_ref().is_some_and(|m| m.headline.is_some());
            // the learned chrome detector reads pasted text in English: not
            // a web page's (its markup set the chrome aside), nor text the
            // user says is in another language
            let chosen = input.language.as_deref().map(str::trim).filter(|c| !c.is_empty() && *c != "auto");
            let learned = input.meta.is_none() && chosen.is_none_or(|c| c.eq_ignore_ascii_case("en"));
            let cleaned = text::clean_with(&input.text, headline, learned);
            let toks = tokens::tokenize(&input.text, &cleaned.content(), vocab);
            crate::work::add(input.text.len() / 8 + toks.len());
            (cleaned, toks)
        })
        .collect()
}

/// The pipeline's view of each article: tokens, sentences, matching stream
/// and label; its language identified when `identify` is set, else left
/// undetermined (the reuse engine alone reads no language, and identifying
/// it is a large share of [`reuse::reuse_only`]'s time).
pub(crate) fn make_docs<'a>(
    inputs: &'a [ArticleInput],
    read: Vec<(Cleaned, Vec<tokens::Token>)>,
    vocab: &'a Vocab,
    identify: bool,
) -> Vec<Doc<'a>> {
    inputs
        .iter()
        .zip(read)
        .enumerate()
        .map(|(i, (input, (cleaned, compact)))| {
            let text = input.text.as_str();
            let sentences = tokens::sentences(&compact, vocab, cleaned.flags.degraded());
            let tokens = tokens::view(&compact, vocab);
            let stream = Stream::new(&tokens);
            let label = input
                .label
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .or_else(|| input.meta.as_ref().and_then(|m| m.publisher.as_deref()).and_then(tidy_label))
                .or_else(|| cleaned.label_guess.clone())
                .or_else(|| input.name.as_deref().map(file_label).filter(|l| !l.is_empty()))
                .unwrap_or_else(|| format!("Article {}", i + 1));
            let language = if identify { article_language(input, &cleaned) } else { crate::lang::detect::unknown() };
            Doc { text, cleaned, tokens, sentences, stream, label, language }
        })
        .collect()
}

/// The language of an article: the user's choice, else identified from
/// the cleaned body, else (when the identification is unsure) what the web
/// page's markup said.
fn article_language(input: &ArticleInput, cleaned: &Cleaned) -> crate::lang::detect::Language {
    use crate::lang::detect;
    let mut sample = String::new();
    for r in cleaned.content() {
        if sample.len() >= detect::SAMPLE_BYTES {
            break;
        }
        sample.push_str(input.text.get(r).unwrap_or_default());
        sample.push('\n');
    }
    let mut found = detect::language_of(&sample, input.language.as_deref());
    let declared = input.meta.as_ref().and_then(|m| m.language.as_deref());
    if let (false, true, Some(code)) = (found.user_set, found.confidence < 0.5, declared) {
        let page = detect::language_of("", Some(code));
        if page.name != page.code {
            found = detect::Language { user_set: false, confidence: found.confidence.max(0.5), ..page };
        }
    }
    found
}

/// A publisher's name as a label: trimmed, at most 60 characters.
fn tidy_label(s: &str) -> Option<String> {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(60).collect();
    (!t.is_empty()).then_some(t)
}

/// "reuters_story.txt" → "reuters story".
fn file_label(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    stem.replace(['_', '-'], " ").trim().to_string()
}

/// Two articles with the same label get " (2)", " (3)" appended.
fn disambiguate_labels(docs: &mut [Doc]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in docs.iter_mut() {
        let k = seen.entry(d.label.clone()).or_insert(0);
        *k += 1;
        if *k > 1 {
            d.label = format!("{} ({})", d.label, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_share_is_the_larger_share_of_identical_words() {
        // (identical words, words of a, words of b, least similarity)
        let cases: [(usize, usize, usize, f64); 6] = [
            (0, 100, 100, 0.0),
            (50, 100, 100, 0.5),
            (50, 100, 200, 0.5),
            (50, 200, 100, 0.5),
            (100, 100, 400, 1.0),
            (10, 0, 0, 0.0),
        ];
        for (same, a, b, want) in cases {
            assert!((identical_share(same, a, b) - want).abs() < 1e-12, "{same} {a} {b}");
        }
        // never above 1, even on inconsistent counts
        assert_eq!(identical_share(30, 10, 20), 1.0);
    }

    #[test]
    fn a_copy_inside_a_longer_article_is_the_same_story() {
        let story = "Flooding in the river valley forced 3,000 residents from their homes on Tuesday, \
                     officials in the regional capital said, as rescue teams searched villages cut off \
                     by the water and the weather service warned of more rain in the coming days.";
        let longer = format!(
            "{story} The market for second-hand bicycles grew again this spring, dealers reported, \
             with prices for city bikes up by a fifth on last year."
        );
        let r = crate::analyze(&[ArticleInput::new(story), ArticleInput::new(longer.as_str())], &Options::default())
            .expect("analysis");
        let pair = r.pairs.first().expect("a pair");
        // the short article is word for word in the long one
        assert!(pair.similarity >= 0.99, "{}", pair.similarity);
    }
}
