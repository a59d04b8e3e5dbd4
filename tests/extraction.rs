//! Article extraction from web pages on the project's own HTML fixtures
//! (`tests/fixtures/pages/`, written for this project): each fixture is one
//! failure seen on real pages. The whole output of every page is a golden
//! file (`UPDATE_GOLDEN=1 cargo test --test extraction` rewrites it, to be
//! reviewed like code); the table below states what each page is about.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use corroborate::input::{read, Format};
use corroborate::{analyze, ArticleInput, OffsetUnit, Options};

fn page(name: &str) -> corroborate::input::Decoded {
    read(Some(name), common::fixture(&format!("pages/{name}")).as_bytes()).unwrap()
}

#[test]
fn what_each_page_keeps_and_sets_aside() {
    // (page, words the article must hold, words it must not, a reason some block is set aside for)
    type Case = (&'static str, &'static [&'static str], &'static [&'static str], &'static str);
    let cases: &[Case] = &[
        // a page built inside one <form> keeps its body
        (
            "form-page.html",
            &["Every crane at the port", "diverting some vessels"],
            &["Search", "About us", "Home"],
            "page chrome",
        ),
        // a 70-word post loses its comment thread and previous/next links
        (
            "comment-thread.html",
            &["The north quay was silent"],
            &["Harbourwatcher", "Previous:", "Post comment"],
            "comments",
        ),
        // a short brief beside a long headline ticker without a helpful class
        (
            "ticker.html",
            &["gale warning for the western approaches"],
            &["08:07", "Ferry service resumes"],
            "outside the article",
        ),
        // a menu of topic links outside <nav>
        (
            "menu-outside-nav.html",
            &["rebuild the old fish market hall", "heritage grant"],
            &["Agriculture", "All rights reserved"],
            "outside the article",
        ),
        // JSON-LD metadata; related links set aside
        (
            "jsonld.html",
            &["ran aground on a sandbank", "charter a smaller boat"],
            &["Ferry fares to rise"],
            "outside the article",
        ),
        // a layout table with fonts and <br>s, no paragraphs, no classes
        (
            "no-semantics.html",
            &["raise household rates by four percent", "three mains burst"],
            &["archive", "Page last updated"],
            "link list",
        ),
        // HTML copied from a browser: headline, byline, share bar and related links out
        (
            "paste.html",
            &["first tram line in Alder", "set up a fund"],
            &["Lena Fisk", "Share", "Bus fares frozen"],
            "sharing",
        ),
    ];
    for (name, must, must_not, reason) in cases {
        let d = page(name);
        assert_eq!(d.format, Format::Html, "{name}");
        for w in *must {
            assert!(d.text.contains(w), "{name}: the article lost {w:?}:\n{}", d.text);
        }
        for w in *must_not {
            assert!(!d.text.contains(w), "{name}: the article kept {w:?}:\n{}", d.text);
        }
        assert!(d.blocks.iter().any(|b| !b.kept && b.reason.as_deref() == Some(*reason)), "{name}: {:?}", d.blocks);
        // nothing is lost: the kept blocks are the text, and every block is somewhere
        let kept: Vec<&str> = d.blocks.iter().filter(|b| b.kept).map(|b| b.text.as_str()).collect();
        assert_eq!(kept.join("\n\n"), d.text, "{name}");
        assert!(d.warnings.is_empty(), "{name}: {:?}", d.warnings);
    }
}

#[test]
fn metadata_from_the_markup() {
    // (page, headline, publisher, author, published, language)
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        (
            "form-page.html",
            "Harbor cranes to be inspected after collapse",
            Some("Alder Daily Record"),
            Some("Mara Quist"),
            Some("2025-03-04T09:15:00Z"),
            Some("en-US"),
        ),
        (
            "jsonld.html",
            "Night ferry runs aground off Gull Point, passengers safe",
            Some("Coast Wire"),
            Some("Ruth Okafor, Sam Dell"),
            Some("2025-06-12T05:40:00+02:00"),
            Some("en-GB"),
        ),
        ("comment-thread.html", "A quiet morning on the north quay", Some("Dockside Notes"), None, None, Some("en")),
        ("paste.html", "Tram line gets the green light", None, None, None, None),
    ];
    for (name, headline, publisher, author, published, language) in cases {
        let m = page(name).meta.unwrap();
        assert_eq!(m.headline.as_deref(), Some(*headline), "{name}");
        assert_eq!(m.publisher.as_deref(), *publisher, "{name}");
        assert_eq!(m.author.as_deref(), *author, "{name}");
        assert_eq!(m.published.as_deref(), *published, "{name}");
        assert_eq!(m.language.as_deref(), *language, "{name}");
    }
    let m = page("form-page.html").meta.unwrap();
    assert_eq!(m.url.as_deref(), Some("https://record.example/news/harbor-cranes-inspected"));
}

#[test]
fn a_page_with_no_findable_article_is_used_whole_with_a_warning() {
    // a list of items (no paragraph to score) and one short paragraph elsewhere
    let items: String = (0..80).map(|i| format!("<li>Section number {i} of the minutes, adopted</li>")).collect();
    let html = format!("<html><body><div><h2>Minutes</h2><p>The minutes of the meeting follow below.</p></div><ul>{items}</ul></body></html>");
    let d = read(Some("index.html"), html.as_bytes()).unwrap();
    assert!(d.text.contains("Section number 42"), "{}", d.text);
    assert!(d.warnings.iter().any(|w| w.contains("the whole page is used")), "{:?}", d.warnings);
}

#[test]
fn the_headline_titles_the_article_and_the_publisher_labels_it() {
    let d = page("form-page.html");
    let input = ArticleInput { meta: d.meta.clone(), ..ArticleInput::new(d.text.clone()) };
    let other = ArticleInput::new(page("jsonld.html").text).with_label("Mine");
    let report = analyze(&[input, other], &Options { offsets: OffsetUnit::Utf16 }).unwrap();
    let a = &report.articles[0];
    assert_eq!(a.title.as_deref(), Some("Harbor cranes to be inspected after collapse"));
    assert_eq!(a.title_span, None, "the headline is not part of the text");
    assert_eq!(a.label, "Alder Daily Record");
    assert_eq!(a.meta.as_ref().and_then(|m| m.published.as_deref()), Some("2025-03-04T09:15:00Z"));
    assert!(a.removed.iter().all(|r| r.reason != "title"));
    assert_eq!(report.articles[1].label, "Mine", "a typed label wins");
}

#[test]
fn pages_match_golden_output() {
    let mut names: Vec<String> =
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    names.sort();
    let pages: Vec<serde_json::Value> = names
        .iter()
        .map(|n| {
            let d = page(n);
            serde_json::json!({ "page": n, "meta": d.meta, "text": d.text, "blocks": d.blocks, "warnings": d.warnings })
        })
        .collect();
    common::assert_golden("pages.read.json", &(serde_json::to_string_pretty(&pages).unwrap() + "\n"));
}
