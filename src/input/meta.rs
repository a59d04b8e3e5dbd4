//! The article's metadata from a page's markup: JSON-LD, `<meta>` tags,
//! `<link rel=canonical>`, `<html lang>`, `<time datetime>`, `<title>` and
//! `<h1>`.

use super::dom::Dom;
use super::json::{parse_json, Json};
use serde::{Deserialize, Serialize};

/// What a page says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct ArticleMeta {
    /// The headline: JSON-LD `headline`, `og:title`, the `<title>` without
    /// the site's name, or the only `<h1>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub headline: Option<String>,
    /// The publisher or site: JSON-LD `publisher`, `og:site_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub publisher: Option<String>,
    /// The author(s), comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub author: Option<String>,
    /// When it was published, as the page wrote it (usually ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub published: Option<String>,
    /// The canonical address of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub url: Option<String>,
    /// The language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub language: Option<String>,
}

impl ArticleMeta {
    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == ArticleMeta::default()
    }
}

/// Schema.org types whose JSON-LD describes an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "APIReference",
    "MedicalScholarlyArticle",
    "SatiricalArticle",
    "Review",
    "WebPage",
];

/// Whitespace collapsed and trimmed; `None` when nothing is left.
pub(super) fn tidy(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

fn json_str(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => tidy(s),
        Json::Arr(a) => {
            let names: Vec<String> = a.iter().filter_map(json_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Json::Obj(_) => json_name(v),
        _ => None,
    }
}

/// A person's or organization's name: a string, or an object's `name`.
fn json_name(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => tidy(s),
        Json::Obj(_) => v.get("name").and_then(json_str),
        Json::Arr(_) => json_str(v),
        _ => None,
    }
}

fn is_article_type(v: &Json) -> bool {
    let is = |s: &str| ARTICLE_TYPES.contains(&s.rsplit(['/', ':']).next().unwrap_or(s));
    match v.get("@type") {
        Some(Json::Str(s)) => is(s),
        Some(Json::Arr(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// The article object of a JSON-LD block: the first of an article type,
/// looking into arrays and `@graph`, preferring a real article to a
/// `WebPage`.
fn jsonld_article(v: &Json) -> Option<&Json> {
    let mut found: Vec<&Json> = Vec::new();
    let mut stack = vec![(v, 0usize)];
    while let Some((x, depth)) = stack.pop() {
        if depth > 4 {
            continue;
        }
        match x {
            Json::Arr(a) => stack.extend(a.iter().rev().map(|y| (y, depth + 1))),
            Json::Obj(_) => {
                if is_article_type(x) {
                    found.push(x);
                }
                if let Some(g) = x.get("@graph") {
                    stack.push((g, depth + 1));
                }
            }
            _ => {}
        }
    }
    let web_page = |x: &&Json| x.get("@type").and_then(Json::as_str) == Some("WebPage");
    found.iter().find(|x| !web_page(x)).or(found.first()).copied()
}

/// What the JSON-LD of the page says (`articleBody` too, as the last field).
pub(super) struct JsonLd {
    pub meta: ArticleMeta,
    pub body: Option<String>,
}

fn jsonld(dom: &Dom) -> JsonLd {
    let mut out = JsonLd { meta: ArticleMeta::default(), body: None };
    for n in &dom.nodes {
        if n.tag != "script" || !n.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw = n.text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Some(v) = parse_json(raw) else { continue };
        let Some(a) = jsonld_article(&v) else { continue };
        let m = &mut out.meta;
        m.headline = m.headline.take().or_else(|| a.get("headline").and_then(json_str));
        if m.headline.is_none() && a.get("@type").and_then(Json::as_str) != Some("WebPage") {
            m.headline = a.get("name").and_then(json_str);
        }
        m.author = m.author.take().or_else(|| a.get("author").and_then(json_name));
        m.publisher = m.publisher.take().or_else(|| a.get("publisher").and_then(json_name));
        m.published = m.published.take().or_else(|| a.get("datePublished").and_then(json_str));
        m.language = m.language.take().or_else(|| a.get("inLanguage").and_then(json_str));
        m.url = m.url.take().or_else(|| a.get("url").and_then(json_str).filter(|u| u.starts_with("http")));
        out.body = out.body.take().or_else(|| a.get("articleBody").and_then(Json::as_str).map(str::to_string));
    }
    out
}

/// Separators between a headline and a site name in a `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " :: ", " · "];

/// The `<title>` without the site name: the longer side of the last
/// separator, unless that leaves fewer than three words (then the first
/// side of the first separator, then the whole title).
fn title_without_site(title: &str, h_texts: &[String]) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let last = SEPARATORS.iter().filter_map(|sep| title.rfind(sep).map(|k| (k, sep.len()))).max();
    let first = SEPARATORS.iter().filter_map(|sep| title.find(sep).map(|k| (k, sep.len()))).min();
    let mut out = title.to_string();
    if let Some((k, _)) = last {
        out = title.get(..k).unwrap_or(title).trim().to_string();
        if words(&out) < 3 {
            if let Some((k, l)) = first {
                out = title.get(k + l..).unwrap_or(title).trim().to_string();
            }
        }
    } else if let Some(k) = title.rfind(": ") {
        // "Site: Headline": keep the whole title when a heading says it all
        if !h_texts.iter().any(|h| h == title) {
            out = title.get(k + 2..).unwrap_or(title).trim().to_string();
            if words(&out) < 3 {
                out = title.get(..k).unwrap_or(title).trim().to_string();
            }
        }
    } else if title.chars().count() > 150 || title.chars().count() < 15 {
        if let [h1] = h_texts.get(..1).unwrap_or_default() {
            out = h1.clone();
        }
    }
    // too short to be a headline: the whole title, unless cutting the site
    // name is what made it short
    let bare: String = title.chars().map(|c| if "|-\\/>»".contains(c) { ' ' } else { c }).collect();
    if words(&out) <= 4 && (last.is_none() || words(&out) + 1 != words(&bare)) {
        out = title.to_string();
    }
    tidy(&out).unwrap_or_default()
}

/// The metadata of the page, and its JSON-LD `articleBody`.
pub(super) fn metadata(dom: &Dom) -> (ArticleMeta, Option<String>) {
    let ld = jsonld(dom);
    let mut values: Vec<(String, String)> = Vec::new();
    let (mut title, mut lang, mut canonical, mut time) = (None, None, None, None);
    let mut h1s: Vec<String> = Vec::new();
    for (i, n) in dom.nodes.iter().enumerate() {
        match n.tag.as_str() {
            "meta" => {
                let content = n.attr("content").unwrap_or_default();
                if content.trim().is_empty() {
                    continue;
                }
                for key in [n.attr("property"), n.attr("name"), n.attr("itemprop")].into_iter().flatten() {
                    for k in key.split_whitespace() {
                        values.push((k.to_ascii_lowercase(), content.to_string()));
                    }
                }
            }
            "title" if title.is_none() => title = tidy(&n.text),
            "html" if lang.is_none() => lang = n.attr("lang").or(n.attr("xml:lang")).and_then(tidy),
            "link"
                if canonical.is_none()
                    && n.attr("rel")
                        .is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case("canonical"))) =>
            {
                canonical = n.attr("href").and_then(tidy);
            }
            "time" if time.is_none() => {
                if let Some(dt) = n.attr("datetime").and_then(tidy) {
                    if dt.len() >= 10 && dt.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                        time = Some(dt);
                    }
                }
            }
            "h1" if h1s.len() < 3 => {
                let mut t = String::new();
                for j in i + 1..dom.end_of(i) {
                    if let Some(x) = dom.node(j).filter(|x| x.is_text()) {
                        t.push_str(&x.text);
                        t.push(' ');
                    }
                }
                if let Some(t) = tidy(&t) {
                    h1s.push(t);
                }
            }
            _ => {}
        }
    }
    let get =
        |keys: &[&str]| keys.iter().find_map(|k| values.iter().find(|(key, _)| key == k).and_then(|(_, v)| tidy(v)));
    let ld_meta = ld.meta;
    let headline = ld_meta
        .headline
        .or_else(|| get(&["og:title", "dc:title", "dcterm:title", "twitter:title", "parsely-title", "headline"]))
        .or_else(|| {
            let t = title.as_deref().map(|t| title_without_site(t, &h1s)).filter(|t| !t.is_empty());
            t.or_else(|| h1s.first().cloned())
        });
    let meta = ArticleMeta {
        headline,
        publisher: ld_meta.publisher.or_else(|| get(&["og:site_name", "application-name", "publisher"])),
        author: ld_meta
            .author
            .or_else(|| get(&["author", "article:author", "dc:creator", "dcterm:creator", "parsely-author", "byl"]))
            .filter(|a| !a.starts_with("http")),
        published: ld_meta
            .published
            .or_else(|| {
                get(&[
                    "article:published_time",
                    "datepublished",
                    "parsely-pub-date",
                    "dc.date",
                    "dc:date",
                    "date",
                    "pubdate",
                    "sailthru.date",
                ])
            })
            .or(time),
        url: canonical.or_else(|| get(&["og:url"])).or(ld_meta.url),
        language: lang.or(ld_meta.language).or_else(|| get(&["og:locale", "language", "content-language"])),
    };
    (meta, ld.body)
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    #[test]
    fn titles_without_the_site() {
        // (title, headline)
        let cases = [
            ("Crane collapses in the port of Alder | Harbor News", "Crane collapses in the port of Alder"),
            ("Harbor News - Crane collapses in the port", "Crane collapses in the port"),
            ("Crane collapses in the port", "Crane collapses in the port"),
            ("Harbor News: Crane collapses in the port", "Crane collapses in the port"),
            // the other side alone when cutting the site name left too little
            ("A - B", "B"),
            // a short title without a separator stays whole
            ("Storm", "Storm"),
        ];
        for (title, want) in cases {
            assert_eq!(title_without_site(title, &[]), want, "{title}");
        }
    }

    #[test]
    fn metadata_sources() {
        let html = r#"<html lang="en-GB"><head><title>Crane falls on the north quay | Port Post</title>
            <meta property="og:site_name" content="Port Post">
            <meta name="author" content="Ann Lee">
            <meta property="article:published_time" content="2024-03-01T10:00:00Z">
            <link rel="canonical" href="https://port.example/crane"></head>
            <body><h1>Crane falls on the north quay</h1></body></html>"#;
        let (m, _) = metadata(&parse(html));
        assert_eq!(m.headline.as_deref(), Some("Crane falls on the north quay"));
        assert_eq!(m.publisher.as_deref(), Some("Port Post"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://port.example/crane"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));

        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","name":"Page"},
            {"@type":"NewsArticle","headline":"Dock strike ends","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
             "publisher":{"@type":"Organization","name":"Coast Wire"},"datePublished":"2024-05-02","articleBody":"Body."}]}</script>
            <meta property="og:title" content="Other"><title>T</title>"#;
        let (m, body) = metadata(&parse(ld));
        assert_eq!(m.headline.as_deref(), Some("Dock strike ends"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(m.publisher.as_deref(), Some("Coast Wire"));
        assert_eq!(m.published.as_deref(), Some("2024-05-02"));
        assert_eq!(body.as_deref(), Some("Body."));

        let broken = r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><time datetime="2023-01-02T03:04">x</time>"#;
        let (m, body) = metadata(&parse(broken));
        assert_eq!(m.published.as_deref(), Some("2023-01-02T03:04"));
        assert!(body.is_none() && m.headline.is_none());
    }
}
