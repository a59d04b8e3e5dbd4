//! Main-content extraction: the article out of a whole web page.
//!
//! The page becomes a tree ([`super::dom`]); every paragraph-like block
//! (`p`, `pre`, `td`, `h2`–`h6`, `section`, a `div` holding only inline
//! content, a run of loose text) scores its ancestors by its length and its
//! commas, the ancestors start from their tag and from hints in their class
//! and id (`article`, `content`, `story` up; `comment`, `related`, `share`,
//! `promo`, `sidebar`, `ticker` down), and each score is scaled down by the
//! element's link density. The best element, possibly its parent when
//! several good candidates share it, is the article, with the neighbouring
//! blocks that score well or read like prose. Inside it, clutter is removed:
//! link lists, widgets, forms of inputs, share bars, elements whose class
//! says they are not article. When that leaves too little text the search
//! runs again with fewer rules, and when even the best result is
//! implausibly small the whole page is used, with a warning.
//!
//! The approach is that of Mozilla's Readability (and of arc90's original),
//! with semantic hints of its own: `itemprop="articleBody"`, `<article>`,
//! `<main>` and `role="main"` add to an element's score, JSON-LD
//! `articleBody` marks the element that holds it, and no container is ever
//! dropped for its tag alone when it holds most of the article's text (a
//! page built inside one `<form>` keeps its body).
//!
//! Nothing is lost: every piece of the page's text that is not the article
//! is returned as a set-aside [`Block`] with the reason, in page order,
//! between the kept blocks.

use super::dom::{
    kind_of, parse, Dom, K_BLOCK, K_CHROME, K_DIV_TO_P, K_EMPTY_GOES, K_HEADING, K_LIST, K_NOT_TEXT, K_PHRASING,
    K_SCORED, K_TEXT,
};
use super::html::{Out, Sep};
use super::meta::{metadata, tidy, ArticleMeta};
use serde::{Deserialize, Serialize};

/// One piece of the page's text, in page order: part of the article or set
/// aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Block {
    /// The text, paragraphs separated by a blank line.
    pub text: String,
    /// True when the block is part of the article's text.
    pub kept: bool,
    /// Why a block was set aside (`"outside the article"`, `"comments"`,
    /// `"navigation"`, `"hidden"`, …); `None` for kept blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub reason: Option<String>,
}

/// The article of a page: its text, every block of the page with what was
/// kept, its metadata and what went wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The article's text: the kept blocks, separated by a blank line.
    pub text: String,
    /// Every block of the page's text, kept or set aside, in page order.
    pub blocks: Vec<Block>,
    /// What the markup says about the article.
    pub meta: ArticleMeta,
    /// Problems worth telling the user (the article could not be told from
    /// the rest of the page).
    pub warnings: Vec<String>,
}

/// Class or id words of elements that are not the article: removed before
/// scoring, unless the element also says it is content.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "ticker",
    "newsletter",
    "cookie-banner",
];
const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "ticker",
    "newsletter",
];
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];
fn is(node: &super::dom::Node, k: u16) -> bool {
    node.kind & k != 0
}

/// Fewer characters than this and an attempt tries again with fewer rules.
const CHAR_THRESHOLD: usize = 500;
/// An article of fewer characters than this (about 25 words), on a page
/// with at least `FALLBACK_RATIO` times as many, is implausible: the whole
/// page is used. Characters, not words: Chinese and Japanese have no spaces.
const MIN_CHARS: usize = 150;
const FALLBACK_RATIO: usize = 8;

/// The category of a class/id hint, as the reason of a set-aside block.
fn category(word: &str) -> &'static str {
    match word {
        "comment" | "disqus" | "replies" | "remark" | "community" | "shoutbox" => "comments",
        "menu" | "breadcrumbs" | "pagination" | "pager" | "nav" => "navigation",
        "related" | "outbrain" | "promo" | "sponsor" | "-ad-" | "ad-break" | "skyscraper" | "shopping" => "promotion",
        "share" | "social" => "sharing",
        "sidebar" | "supplemental" | "extra" => "sidebar",
        "ticker" => "ticker",
        "newsletter" => "newsletter",
        "footer" | "header" | "banner" | "masthead" => "page chrome",
        _ => "not article",
    }
}

/// Per-node counts over the text still in the tree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters, whitespace runs counted as one.
    len: f64,
    /// Characters inside links (links to `#…` count 0.3).
    link: f64,
    commas: f64,
    p: f64,
    img: f64,
    li: f64,
    input: f64,
    embed: f64,
    heading: f64,
    list: f64,
    words: f64,
    /// Characters other than whitespace.
    chars: f64,
    /// Block elements inside (not counting the node itself).
    blocks: f64,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.len += o.len;
        self.link += o.link;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.heading += o.heading;
        self.list += o.list;
        self.words += o.words;
        self.chars += o.chars;
        self.blocks += o.blocks;
    }

    fn sub(&mut self, o: &Stats) {
        self.len -= o.len;
        self.link -= o.link;
        self.commas -= o.commas;
        self.p -= o.p;
        self.img -= o.img;
        self.li -= o.li;
        self.input -= o.input;
        self.embed -= o.embed;
        self.heading -= o.heading;
        self.list -= o.list;
        self.words -= o.words;
        self.chars -= o.chars;
        self.blocks -= o.blocks;
    }

    fn link_density(&self) -> f64 {
        if self.len <= 0.0 {
            0.0
        } else {
            (self.link / self.len).clamp(0.0, 1.0)
        }
    }
}

/// Text counts of one text node.
fn text_stats(s: &str) -> Stats {
    let (mut len, mut commas, mut words, mut chars, mut in_space, mut in_word) = (0.0, 0.0, 0.0, 0.0, true, false);
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1.0;
            }
            in_space = true;
            in_word = false;
        } else {
            len += 1.0;
            chars += 1.0;
            in_space = false;
            if matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            ) {
                commas += 1.0;
            }
            if !in_word && c.is_alphanumeric() {
                words += 1.0;
                in_word = true;
            }
        }
    }
    Stats { len, commas, words, chars, ..Stats::default() }
}

/// The rules of one attempt.
#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The class and id of an element, lowercase, for hint matching.
fn hint_string(dom: &Dom, i: usize) -> String {
    let Some(n) = dom.node(i) else { return String::new() };
    let mut s = String::new();
    for k in ["class", "id"] {
        if let Some(v) = n.attr(k) {
            s.push(' ');
            s.push_str(&v.to_lowercase());
        }
    }
    s
}

fn find_hint<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.contains(w))
}

/// `hid` as a whole class or id word.
fn has_hid(s: &str) -> bool {
    s.split_whitespace().any(|w| w == "hid")
}

struct Attempt<'a> {
    dom: &'a Dom,
    flags: Flags,
    /// The reason a subtree was removed, at its top.
    gone: Vec<Option<&'static str>>,
    stats: Vec<Stats>,
    score: Vec<f64>,
    scored: Vec<bool>,
    hints: &'a [String],
    /// Whether each element is shown (computed once for all attempts).
    shown: &'a [bool],
}

impl<'a> Attempt<'a> {
    fn tag(&self, i: usize) -> &'a str {
        self.dom.tag(i)
    }

    fn st(&self, i: usize) -> Stats {
        self.stats.get(i).copied().unwrap_or_default()
    }

    fn hint(&self, i: usize) -> &str {
        self.hints.get(i).map_or("", String::as_str)
    }

    fn is_gone(&self, i: usize) -> bool {
        self.gone.get(i).is_some_and(Option::is_some)
    }

    /// Removes `i`'s subtree, taking its counts off its ancestors.
    fn remove(&mut self, i: usize, why: &'static str) {
        if i == 0 || self.is_gone(i) {
            return;
        }
        if let Some(g) = self.gone.get_mut(i) {
            *g = Some(why);
        }
        let s = self.st(i);
        let mut a = self.dom.parent(i);
        loop {
            if let Some(x) = self.stats.get_mut(a) {
                x.sub(&s);
            }
            if a == 0 {
                break;
            }
            a = self.dom.parent(a);
        }
    }

    /// Node indices of `i`'s subtree still in the tree, in page order.
    fn live(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let end = self.dom.end_of(i);
        let mut j = i;
        while j < end {
            if self.is_gone(j) {
                j = self.dom.end_of(j);
                continue;
            }
            out.push(j);
            j += 1;
        }
        out
    }

    /// The text of `i` with whitespace collapsed.
    fn inner_text(&self, i: usize) -> String {
        let mut s = String::new();
        for j in self.live(i) {
            if let Some(n) = self.dom.node(j).filter(|n| n.is_text()) {
                s.push_str(&n.text);
            }
        }
        tidy(&s).unwrap_or_default()
    }

    fn has_ancestor(&self, i: usize, tags: &[&str]) -> bool {
        let mut a = self.dom.parent(i);
        while a != 0 {
            if tags.contains(&self.tag(a)) {
                return true;
            }
            a = self.dom.parent(a);
        }
        false
    }

    fn class_weight(&self, i: usize) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let Some(n) = self.dom.node(i) else { return 0.0 };
        let mut w = 0.0;
        for k in ["class", "id"] {
            if let Some(v) = n.attr(k).map(str::to_lowercase).filter(|v| !v.is_empty()) {
                if find_hint(&v, NEGATIVE).is_some() || has_hid(&v) {
                    w -= 25.0;
                }
                if find_hint(&v, POSITIVE).is_some() {
                    w += 25.0;
                }
            }
        }
        w
    }

    /// Counts of every node over what is still in the tree.
    fn count(&mut self) {
        let dom = self.dom;
        let n = dom.nodes.len();
        let mut stats = vec![Stats::default(); n];
        for i in (1..n).rev() {
            if self.is_gone(i) {
                continue;
            }
            let Some(node) = dom.node(i) else { continue };
            let mut s = stats.get(i).copied().unwrap_or_default();
            if is(node, K_TEXT) {
                s.add(&text_stats(&node.text));
            } else if is(node, K_NOT_TEXT) {
                s = Stats::default();
                if node.tag == "input" {
                    s.input = 1.0;
                } else if matches!(node.tag.as_str(), "object" | "iframe") {
                    s.embed = 1.0;
                }
            } else if is(node, K_HEADING) {
                s.heading = s.len;
            } else if is(node, K_LIST) {
                s.list = s.len;
            } else {
                match node.tag.as_str() {
                    "a" => {
                        let hash = node.attr("href").is_some_and(|h| h.trim_start().starts_with('#'));
                        s.link = s.len * if hash { 0.3 } else { 1.0 };
                    }
                    "p" => s.p += 1.0,
                    "img" => s.img += 1.0,
                    "li" => s.li += 1.0,
                    "embed" => s.embed += 1.0,
                    _ => {}
                }
            }
            if let Some(x) = stats.get_mut(i) {
                *x = s;
            }
            if let Some(p) = stats.get_mut(node.parent) {
                p.add(&s);
                if is(node, K_DIV_TO_P) {
                    p.blocks += 1.0;
                }
            }
        }
        self.stats = stats;
    }

    fn visible(&self, i: usize) -> bool {
        self.shown.get(i).copied().unwrap_or(true)
    }
}

/// True when element `i` is shown: no `hidden` attribute, no
/// `display: none` or `visibility: hidden` style, not `aria-hidden`.
fn shown(dom: &Dom, hints: &[String], i: usize) -> bool {
    {
        let Some(n) = dom.node(i) else { return true };
        if n.attrs.is_empty() {
            return true;
        }
        if n.attr("hidden").is_some() {
            return false;
        }
        if let Some(style) = n.attr("style") {
            let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                return false;
            }
        }
        n.attr("aria-hidden") != Some("true") || hints.get(i).is_some_and(|h| h.contains("fallback-image"))
    }
}

impl Attempt<'_> {
    fn is_byline(&self, i: usize) -> bool {
        let Some(n) = self.dom.node(i) else { return false };
        let hinted = n.attr("rel") == Some("author")
            || n.attr("itemprop").is_some_and(|p| p.contains("author"))
            || ["byline", "author", "dateline", "writtenby", "p-author"].iter().any(|w| self.hint(i).contains(w));
        hinted && (1.0..100.0).contains(&self.st(i).len)
    }

    /// Removes what is never the article, and scores the paragraphs.
    fn prune_and_score(&mut self, title: Option<&str>, body_hint: Option<usize>) {
        let dom = self.dom;
        let n = dom.nodes.len();
        let (mut byline_done, mut title_done) = (false, false);
        let mut units: Vec<(usize, Stats)> = Vec::new();
        let mut transparent = vec![false; n];
        let mut i = 1;
        while i < n {
            let Some(node) = dom.node(i) else { break };
            if node.is_text() || self.is_gone(i) {
                i += 1;
                continue;
            }
            let tag = node.tag.as_str();
            let hint = self.hint(i).to_string();
            let why: Option<&'static str> = if !self.visible(i) {
                Some("hidden")
            } else if node.attr("aria-modal") == Some("true") && node.attr("role") == Some("dialog") {
                Some("dialog")
            } else if !byline_done && self.is_byline(i) {
                byline_done = true;
                Some("byline")
            } else if !title_done
                && matches!(tag, "h1" | "h2")
                && title.is_some_and(|t| similarity(t, &self.inner_text(i)) > 0.75)
            {
                title_done = true;
                Some("headline")
            } else if self.flags.strip_unlikely && body_hint.is_none_or(|b| !dom.contains(i, b)) {
                let role = node.attr("role").unwrap_or_default();
                if UNLIKELY_ROLES.contains(&role) {
                    Some(if role == "navigation" || role.starts_with("menu") { "navigation" } else { "not article" })
                } else {
                    match find_hint(&hint, UNLIKELY) {
                        Some(w)
                            if find_hint(&hint, MAYBE).is_none()
                                && !matches!(tag, "body" | "a" | "html" | "main" | "article")
                                && !self.has_ancestor(i, &["table", "code"]) =>
                        {
                            Some(category(w))
                        }
                        _ => None,
                    }
                }
            } else {
                None
            };
            if let Some(why) = why {
                self.remove(i, why);
                i = dom.end_of(i);
                continue;
            }
            let s = self.st(i);
            if is(node, K_EMPTY_GOES)
                && s.len < 1.0
                && dom
                    .children(i)
                    .iter()
                    .all(|&c| dom.node(c).is_none_or(|x| x.is_text() || matches!(x.tag.as_str(), "br" | "hr")))
            {
                self.remove(i, "empty");
                i = dom.end_of(i);
                continue;
            }
            if is(node, K_SCORED) {
                units.push((i, s));
            } else if tag == "div" {
                let kids: Vec<usize> = dom.children(i).iter().copied().filter(|&c| !self.is_gone(c)).collect();
                let has_block = self.has_block(i);
                let elements: Vec<usize> = kids.iter().copied().filter(|&c| !dom.tag(c).is_empty()).collect();
                let loose_text =
                    kids.iter().any(|&c| dom.node(c).is_some_and(|x| x.is_text() && !x.text.trim().is_empty()));
                if let ([only], false) = (elements.as_slice(), loose_text) {
                    if dom.tag(*only) == "p" && s.link_density() < 0.25 {
                        if let Some(t) = transparent.get_mut(i) {
                            *t = true;
                        }
                    }
                }
                if !has_block {
                    units.push((i, s));
                } else {
                    // runs of inline content inside a container are paragraphs of it
                    let mut run = Stats::default();
                    let mut in_run = false;
                    for &c in &kids {
                        if self.is_phrasing(c) {
                            run.add(&self.st(c));
                            in_run = true;
                        } else if in_run {
                            units.push((usize::MAX - i, run));
                            run = Stats::default();
                            in_run = false;
                        }
                    }
                    if in_run {
                        units.push((usize::MAX - i, run));
                    }
                }
            }
            i += 1;
        }
        self.score = vec![0.0; n];
        self.scored = vec![false; n];
        for (u, s) in units {
            // a virtual paragraph (usize::MAX - parent) credits its container first
            let (mut a, mut level) = if u > n { (usize::MAX - u, 0usize) } else { (dom.parent(u), 0usize) };
            if s.len < 25.0 {
                continue;
            }
            let points = 1.0 + s.commas + (s.len / 100.0).floor().min(3.0);
            while a != 0 && level < 5 {
                if transparent.get(a).copied().unwrap_or(false) {
                    a = dom.parent(a);
                    continue;
                }
                if self.tag(a) == "html" {
                    break;
                }
                if !self.scored.get(a).copied().unwrap_or(true) {
                    let base = self.initial_score(a);
                    if let Some(x) = self.score.get_mut(a) {
                        *x = base;
                    }
                    if let Some(x) = self.scored.get_mut(a) {
                        *x = true;
                    }
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                if let Some(x) = self.score.get_mut(a) {
                    *x += points / div;
                }
                a = dom.parent(a);
                level += 1;
            }
        }
    }

    fn initial_score(&self, i: usize) -> f64 {
        let base = match self.tag(i) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let semantic = match self.dom.node(i) {
            Some(n) if n.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody")) => 25.0,
            Some(n) if n.tag == "article" || n.tag == "main" || n.attr("role") == Some("main") => 10.0,
            _ => 0.0,
        };
        base + semantic + self.class_weight(i)
    }

    /// True when a block element is somewhere inside `i`.
    fn has_block(&self, i: usize) -> bool {
        self.st(i).blocks > 0.0
    }

    fn is_phrasing(&self, i: usize) -> bool {
        let tag = self.tag(i);
        if tag.is_empty() {
            return true;
        }
        if matches!(tag, "a" | "del" | "ins") {
            return self.live(i).into_iter().skip(1).all(|j| {
                let t = self.tag(j);
                t.is_empty() || self.dom.node(j).is_some_and(|n| is(n, K_PHRASING))
            });
        }
        self.dom.node(i).is_some_and(|n| is(n, K_PHRASING))
    }

    /// Element children still in the tree.
    fn element_children(&self, i: usize) -> Vec<usize> {
        self.dom.children(i).iter().copied().filter(|&c| !self.tag(c).is_empty() && !self.is_gone(c)).collect()
    }

    /// The elements that make the article: the best candidate and the
    /// siblings that belong with it; `None` when nothing scored.
    fn choose(&mut self) -> Option<Vec<usize>> {
        let dom = self.dom;
        let n = dom.nodes.len();
        // the five best, best first (ties to the earlier element); kept by
        // insertion rather than a sort, which would add kilobytes of wasm
        let mut cands: Vec<(f64, usize)> = Vec::with_capacity(6);
        for i in 1..n {
            if self.scored.get(i).copied().unwrap_or(false) && !self.dead(i) {
                let s = self.score.get(i).copied().unwrap_or(0.0) * (1.0 - self.st(i).link_density());
                if let Some(x) = self.score.get_mut(i) {
                    *x = s;
                }
                let at = cands.iter().position(|c| s > c.0).unwrap_or(cands.len());
                if at < 5 {
                    cands.insert(at, (s, i));
                    cands.truncate(5);
                }
            }
        }
        let &(top_score, mut top) = cands.first()?;
        if matches!(self.tag(top), "body" | "html") {
            return None;
        }
        let is_body = |a: usize| a == 0 || matches!(dom.tag(a), "body" | "html");
        // several near-best candidates under one ancestor: the ancestor
        let alternatives: Vec<usize> =
            cands.iter().skip(1).filter(|(s, _)| top_score > 0.0 && *s / top_score >= 0.75).map(|c| c.1).collect();
        if alternatives.len() >= 3 {
            let mut p = dom.parent(top);
            while !is_body(p) {
                if alternatives.iter().filter(|&&c| dom.contains(p, c)).count() >= 3 {
                    top = p;
                    break;
                }
                p = dom.parent(p);
            }
        }
        if !self.scored.get(top).copied().unwrap_or(false) {
            let s = self.initial_score(top);
            if let Some(x) = self.score.get_mut(top) {
                *x = s;
            }
            if let Some(x) = self.scored.get_mut(top) {
                *x = true;
            }
        }
        let mut last = self.score.get(top).copied().unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut p = dom.parent(top);
        while !is_body(p) {
            if !self.scored.get(p).copied().unwrap_or(false) {
                p = dom.parent(p);
                continue;
            }
            let ps = self.score.get(p).copied().unwrap_or(0.0);
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                break;
            }
            last = ps;
            p = dom.parent(p);
        }
        let mut p = dom.parent(top);
        while !is_body(p) && self.element_children(p).len() == 1 {
            top = p;
            p = dom.parent(top);
        }
        // the neighbours that belong with it
        let top_score = self.score.get(top).copied().unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.node(top).and_then(|x| x.attr("class")).unwrap_or_default();
        let mut chosen = Vec::new();
        for s in self.element_children(dom.parent(top)) {
            if s == top {
                chosen.push(s);
                continue;
            }
            let bonus = if !top_class.is_empty() && dom.node(s).and_then(|x| x.attr("class")) == Some(top_class) {
                top_score * 0.2
            } else {
                0.0
            };
            let scored = self.scored.get(s).copied().unwrap_or(false);
            if scored && self.score.get(s).copied().unwrap_or(0.0) + bonus >= threshold {
                chosen.push(s);
            } else if self.tag(s) == "p" {
                let st = self.st(s);
                let text = self.inner_text(s);
                let len = text.chars().count();
                let ld = st.link_density();
                let sentence = text.contains(". ") || text.ends_with('.');
                if (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && sentence) {
                    chosen.push(s);
                }
            }
        }
        Some(chosen)
    }

    /// True when `i` or an ancestor was removed.
    fn dead(&self, i: usize) -> bool {
        let mut a = i;
        loop {
            if self.is_gone(a) {
                return true;
            }
            if a == 0 {
                return false;
            }
            a = self.dom.parent(a);
        }
    }

    /// Removes clutter inside the chosen elements.
    fn clean(&mut self, chosen: &[usize]) {
        let total: f64 = chosen.iter().map(|&c| self.st(c).len).sum();
        let dom = self.dom;
        // everything inside, in reverse page order (inner before outer, as
        // removing the inner changes the outer's counts)
        let mut inside: Vec<usize> = chosen.iter().flat_map(|&c| self.live(c)).collect();
        inside.reverse();
        let holds_most = |a: &Attempt, i: usize| a.st(i).len * 2.0 > total && total > 0.0;
        let data_tables: Vec<usize> =
            inside.iter().copied().filter(|&i| self.tag(i) == "table" && self.is_data_table(i)).collect();
        let in_data_table = |a: &Attempt, i: usize| data_tables.iter().any(|&t| a.dom.contains(t, i));
        for &i in &inside {
            if self.dead(i) {
                continue;
            }
            let tag = self.tag(i);
            let why: Option<&'static str> = match tag {
                "form" | "fieldset" if self.conditionally_remove(i, tag, &in_data_table) && !holds_most(self, i) => {
                    Some("form")
                }
                t if kind_of(t) & K_CHROME != 0 && !holds_most(self, i) => Some(match t {
                    "nav" => "navigation",
                    "aside" => "sidebar",
                    "form" => "form",
                    _ => "page chrome",
                }),
                "object" | "embed" | "link" => Some("embedded"),
                "h1" | "h2" if self.class_weight(i) < 0.0 => Some("not article"),
                "table" | "ul" | "div" | "section" | "ol" | "td"
                    if self.conditionally_remove(i, tag, &in_data_table) && !holds_most(self, i) =>
                {
                    let hint = self.hint(i).to_string();
                    Some(match find_hint(&hint, NEGATIVE).or(find_hint(&hint, UNLIKELY)) {
                        Some(w) => category(w),
                        None if self.st(i).link_density() > 0.2 => "link list",
                        None => "clutter",
                    })
                }
                _ => {
                    let hint = self.hint(i);
                    let share = hint.contains("share") || hint.contains("sharedaddy");
                    (share && self.st(i).len < 500.0 && !chosen.contains(&i)).then_some("sharing")
                }
            };
            if let Some(why) = why {
                self.remove(i, why);
            }
        }
        let _ = dom;
    }

    fn is_data_table(&self, i: usize) -> bool {
        let Some(n) = self.dom.node(i) else { return false };
        if n.attr("role") == Some("presentation") || n.attr("datatable") == Some("0") {
            return false;
        }
        if n.attr("summary").is_some() {
            return true;
        }
        let inner = self.live(i);
        if inner
            .iter()
            .skip(1)
            .any(|&j| matches!(self.tag(j), "caption" | "col" | "colgroup" | "tfoot" | "thead" | "th"))
        {
            return true;
        }
        if inner.iter().skip(1).any(|&j| self.tag(j) == "table") {
            return false;
        }
        let rows: Vec<usize> = inner.iter().copied().filter(|&j| self.tag(j) == "tr").collect();
        let cols = rows
            .iter()
            .map(|&r| self.dom.children(r).iter().filter(|&&c| self.tag(c) == "td").count())
            .max()
            .unwrap_or(0);
        rows.len() >= 10 || cols > 4 || rows.len() * cols > 10
    }

    /// Readability's conditional cleaning: too many links, images or
    /// inputs for its paragraphs, too little text, or a negative class.
    fn conditionally_remove(&self, i: usize, tag: &str, in_data_table: &dyn Fn(&Attempt, usize) -> bool) -> bool {
        if !self.flags.clean_conditionally {
            return false;
        }
        if (tag == "table" && self.is_data_table(i)) || in_data_table(self, i) || self.has_ancestor(i, &["code"]) {
            return false;
        }
        let s = self.st(i);
        let own = |k: &str| f64::from(u8::from(self.tag(i) == k));
        let is_list = matches!(tag, "ul" | "ol")
            || (s.len > 0.0 && (s.list - own("ul") * s.len - own("ol") * s.len) / s.len > 0.9);
        let weight = self.class_weight(i);
        if weight < 0.0 {
            return true;
        }
        if s.commas >= 10.0 {
            return false;
        }
        let p = s.p - own("p");
        let img = s.img;
        let li = s.li - own("li") - 100.0;
        if s.len < 20.0 {
            let lower = self.inner_text(i).to_lowercase();
            if matches!(
                lower.as_str(),
                "ad" | "advertising" | "advertisement" | "anzeige" | "werbung" | "publicité" | "anuncio"
            ) || ["loading", "loading…", "loading..."].contains(&lower.as_str())
            {
                return true;
            }
        }
        let len = s.len;
        let ld = s.link_density();
        let heading_density = if s.len > 0.0 { s.heading / s.len } else { 0.0 };
        let figure = self.has_ancestor(i, &["figure"]);
        let remove = (img > 1.0 && p / img < 0.5 && !figure)
            || (!is_list && li > p)
            || (s.input > (p / 3.0).floor())
            || (!is_list && heading_density < 0.9 && len < 25.0 && (img == 0.0 || img > 2.0) && !figure)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || ((s.embed == 1.0 && len < 75.0) || s.embed > 1.0);
        if is_list && remove {
            let kids = self.element_children(i);
            if kids.iter().all(|&c| self.element_children(c).len() <= 1) && s.img == s.li {
                return false;
            }
        }
        remove
    }
}

/// Readability's text similarity: the share of `b`'s words found in `a`.
fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let missing: usize = wb.iter().filter(|w| !wa.contains(w)).map(String::len).sum::<usize>();
    let total: usize = wb.iter().map(String::len).sum::<usize>() + wb.len().saturating_sub(1);
    1.0 - missing as f64 / total.max(1) as f64
}

/// Renders the text of `root`'s subtree, skipping what `skip` says is not
/// text, and calling `aside` for removed subtrees (which are not rendered
/// here). Returns the text.
struct Renderer<'a> {
    dom: &'a Dom,
    gone: &'a [Option<&'static str>],
    blocks: Vec<Block>,
}

impl Renderer<'_> {
    /// Renders `root` into `out`; removed subtrees inside become set-aside
    /// blocks of their own, splitting the kept text around them.
    fn render(&mut self, root: usize, kept: bool, reason: &str, out: &mut Out) {
        let dom = self.dom;
        let mut stack: Vec<(usize, bool)> = vec![(root, false)];
        let mut pre = 0usize;
        while let Some((i, exiting)) = stack.pop() {
            let Some(node) = dom.node(i) else { continue };
            if node.is_text() {
                out.push(&node.text, pre > 0);
                continue;
            }
            let tag = node.tag.as_str();
            if exiting {
                match tag {
                    "td" | "th" => out.sep(Sep::Tab),
                    "pre" => pre = pre.saturating_sub(1),
                    _ => {}
                }
                if is(node, K_BLOCK) {
                    out.sep(Sep::Para);
                }
                continue;
            }
            if is(node, K_NOT_TEXT) {
                continue;
            }
            if i != root {
                if let Some(why) = self.gone.get(i).copied().flatten() {
                    let mut inner = Out::new();
                    self.render(i, false, why, &mut inner);
                    let text = finish(inner);
                    if !text.is_empty() && kept {
                        let before = std::mem::replace(out, Out::new());
                        self.push(finish(before), true, "");
                        self.push(text, false, why);
                    } else if !text.is_empty() {
                        out.sep(Sep::Para);
                        out.push(&text, false);
                        out.sep(Sep::Para);
                    }
                    continue;
                }
            }
            match tag {
                "br" => out.line_break(),
                "td" | "th" => out.sep(Sep::Tab),
                "pre" => pre += 1,
                _ => {}
            }
            if is(node, K_BLOCK) {
                out.sep(Sep::Para);
            }
            stack.push((i, true));
            for &c in node.children.iter().rev() {
                stack.push((c, false));
            }
        }
        let _ = reason;
    }

    fn push(&mut self, text: String, kept: bool, reason: &str) {
        if text.is_empty() {
            return;
        }
        match self.blocks.last_mut() {
            Some(last) if last.kept == kept && last.reason.as_deref() == Some(reason).filter(|_| !kept) => {
                last.text.push_str("\n\n");
                last.text.push_str(&text);
            }
            Some(last) if kept && last.kept => {
                last.text.push_str("\n\n");
                last.text.push_str(&text);
            }
            _ => self.blocks.push(Block { text, kept, reason: (!kept).then(|| reason.to_string()) }),
        }
    }

    /// Renders the page: the chosen elements kept, everything else set
    /// aside in page order.
    fn page(&mut self, chosen: &[usize]) {
        let dom = self.dom;
        let mut stack: Vec<usize> = vec![0];
        let mut loose = Out::new();
        while let Some(i) = stack.pop() {
            let Some(node) = dom.node(i) else { continue };
            if chosen.contains(&i) {
                self.push(finish(std::mem::replace(&mut loose, Out::new())), false, "outside the article");
                // a chosen element may itself have been set aside (a page
                // read whole: its `<nav>` among the top-level elements)
                let why = self.gone.get(i).copied().flatten();
                let mut out = Out::new();
                self.render(i, why.is_none(), why.unwrap_or(""), &mut out);
                self.push(finish(out), why.is_none(), why.unwrap_or(""));
            } else if chosen.iter().any(|&c| dom.contains(i, c)) {
                for &c in node.children.iter().rev() {
                    stack.push(c);
                }
            } else if node.is_text() {
                loose.push(&node.text, false);
            } else if !is(node, K_NOT_TEXT) {
                let why =
                    self.gone.get(i).copied().flatten().filter(|w| *w != "empty").unwrap_or("outside the article");
                let mut out = Out::new();
                self.render(i, false, why, &mut out);
                let text = finish(out);
                if why == "outside the article" {
                    loose.sep(Sep::Para);
                    loose.push(&text, false);
                    loose.sep(Sep::Para);
                } else {
                    self.push(finish(std::mem::replace(&mut loose, Out::new())), false, "outside the article");
                    self.push(text, false, why);
                }
            }
        }
        self.push(finish(loose), false, "outside the article");
    }
}

fn finish(out: Out) -> String {
    let mut t = out.text;
    t.truncate(t.trim_end().len());
    t
}

/// Finds the article in a web page (or in HTML copied from one): its text,
/// every block of the page kept or set aside with the reason, and the
/// metadata its markup gives (headline, publisher, author, date, address,
/// language). The headline is metadata, not part of the text.
///
/// Never fails and never panics: a page where no article can be told from
/// the rest gives its whole text, with a warning.
///
/// # Example
///
/// ```
/// use corroborate::input::extract_article;
/// let page = r#"<html lang="en"><head><title>Crane collapses in the port | Port Post</title></head><body>
///   <div class="menu"><a href="/">Home</a> <a href="/world">World</a></div>
///   <div class="story"><h1>Crane collapses in the port</h1>
///   <p>A crane collapsed at the port of Alder on Monday, killing four dock workers, the harbor authority said.</p>
///   <p>Work at the terminal stopped, and inspectors arrived in the afternoon, a spokesman said.</p></div>
///   <div class="comments"><p>First! Great story, thanks for writing it, loved every word of it.</p></div>
///   </body></html>"#;
/// let a = extract_article(page);
/// assert_eq!(a.meta.headline.as_deref(), Some("Crane collapses in the port"));
/// assert_eq!(a.meta.language.as_deref(), Some("en"));
/// assert!(a.text.starts_with("A crane collapsed"));
/// assert!(!a.text.contains("First!") && !a.text.contains("Home"));
/// assert!(a.blocks.iter().any(|b| !b.kept && b.reason.as_deref() == Some("comments")));
/// ```
pub fn extract_article(html: &str) -> Extracted {
    let dom = parse(html);
    let (meta, ld_body) = metadata(&dom);
    let n = dom.nodes.len();
    let hints: Vec<String> = (0..n).map(|i| hint_string(&dom, i)).collect();
    let shown_flags: Vec<bool> = (0..n).map(|i| shown(&dom, &hints, i)).collect();
    // the element holding JSON-LD's articleBody (its first words), if any
    let body_hint = ld_body.as_deref().and_then(|b| body_element(&dom, b));
    let attempts = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<Outcome> = None;
    let mut results: Vec<Outcome> = Vec::new();
    let mut page_chars = 0usize;
    for flags in attempts {
        let mut a = Attempt::new(&dom, flags, &hints, &shown_flags);
        a.count();
        if page_chars == 0 {
            page_chars = visible_chars(&a);
        }
        a.prune_and_score(meta.headline.as_deref(), body_hint);
        let chosen = match a.choose() {
            Some(c) => c,
            None => {
                let body = (1..n).find(|&i| dom.tag(i) == "body").unwrap_or(0);
                if body == 0 {
                    dom.children(0).iter().copied().filter(|&c| !a.is_gone(c)).collect()
                } else {
                    vec![body]
                }
            }
        };
        a.clean(&chosen);
        let len: f64 = chosen.iter().map(|&c| a.st(c).len).sum();
        let len = len.max(0.0) as usize;
        if len >= CHAR_THRESHOLD {
            best = Some((len, a.gone, chosen));
            break;
        }
        results.push((len, a.gone, chosen));
    }
    // When no attempt reached the threshold (a short post): the strictest
    // attempt unless a laxer one found much more, for laxer rules mostly add
    // clutter (previous/next links, share bars) to a short text.
    if best.is_none() {
        let longest = results.iter().map(|r| r.0).max().unwrap_or(0);
        let k = results.iter().position(|r| r.0 * 3 >= longest * 2).unwrap_or(0);
        best = (k < results.len()).then(|| results.swap_remove(k));
    }
    let (_, gone, chosen) = best.unwrap_or_default();
    let mut r = Renderer { dom: &dom, gone: &gone, blocks: Vec::new() };
    r.page(&chosen);
    let mut blocks = r.blocks;
    let mut text = kept_text(&blocks);
    let mut warnings = Vec::new();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars < MIN_CHARS && page_chars >= FALLBACK_RATIO * chars.max(1) && page_chars > MIN_CHARS {
        // implausibly small: the whole page, minus what is hidden or never text
        let mut probe = Attempt::new(&dom, attempts[3], &hints, &shown_flags);
        for i in 1..n {
            if !dom.tag(i).is_empty() && !probe.dead(i) && !probe.visible(i) {
                probe.remove(i, "hidden");
            }
        }
        let whole = probe.gone;
        let root: Vec<usize> = vec![(1..n).find(|&i| dom.tag(i) == "body").unwrap_or(0)];
        let mut r = Renderer { dom: &dom, gone: &whole, blocks: Vec::new() };
        if root == [0] {
            let mut out = Out::new();
            r.render(0, true, "", &mut out);
            r.push(finish(out), true, "");
        } else {
            r.page(&root);
        }
        blocks = r.blocks;
        text = kept_text(&blocks);
        warnings.push(format!(
            "the article could not be told from the rest of the page (it would have been {chars} of the page's {page_chars} \
             characters): the whole page is used, so remove what is not the article"
        ));
    }
    Extracted { text, blocks, meta, warnings }
}

impl<'a> Attempt<'a> {
    fn new(dom: &'a Dom, flags: Flags, hints: &'a [String], shown: &'a [bool]) -> Self {
        let n = dom.nodes.len();
        Attempt {
            dom,
            flags,
            gone: vec![None; n],
            stats: Vec::new(),
            score: Vec::new(),
            scored: Vec::new(),
            hints,
            shown,
        }
    }
}

/// Characters of the page's visible text, whitespace aside (counted before
/// `a` removes anything).
fn visible_chars(a: &Attempt) -> usize {
    let mut v = Attempt::new(a.dom, a.flags, a.hints, a.shown);
    v.stats = a.stats.clone();
    for i in 1..a.dom.nodes.len() {
        if !a.dom.tag(i).is_empty() && !v.dead(i) && !v.visible(i) {
            v.remove(i, "hidden");
        }
    }
    v.st(0).chars.max(0.0) as usize
}

/// What one attempt found: the article's length, what it removed (the
/// reason at the top of each removed subtree) and the chosen elements.
type Outcome = (usize, Vec<Option<&'static str>>, Vec<usize>);

fn kept_text(blocks: &[Block]) -> String {
    blocks.iter().filter(|b| b.kept).map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// The smallest element whose text holds the first words of `body` (JSON-LD
/// `articleBody`), when they are found in one text node.
fn body_element(dom: &Dom, body: &str) -> Option<usize> {
    let probe: Vec<&str> = body.split_whitespace().take(8).collect();
    if probe.len() < 8 {
        return None;
    }
    let probe = probe.join(" ");
    let i = dom
        .nodes
        .iter()
        .position(|n| n.is_text() && n.text.split_whitespace().collect::<Vec<_>>().join(" ").contains(&probe))?;
    // the text's paragraph, then its container
    let p = dom.parent(i);
    let c = dom.parent(p);
    (c != 0).then_some(c)
}

#[cfg(test)]
mod tests;
