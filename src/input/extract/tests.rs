use super::*;

/// The kept text and the set-aside blocks (reason, text) of a page.
fn run(html: &str) -> (String, Vec<(String, String)>) {
    let e = extract_article(html);
    let aside =
        e.blocks.iter().filter(|b| !b.kept).map(|b| (b.reason.clone().unwrap_or_default(), b.text.clone())).collect();
    (e.text, aside)
}

/// A paragraph of about 40 words, numbered so that each is distinct.
fn para(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the report says the harbor authority inspected the cranes, the cables and the welds, \
         and that the work would take until the end of the month, when the terminal reopens to ships and trucks again.</p>"
    )
}

#[test]
fn extraction_rules() {
    let body: String = (0..6).map(para).collect();
    // (what it shows, HTML, words kept, words set aside, reason of a set-aside block)
    let cases: Vec<(&str, String, &str, &str, &str)> = vec![
        (
            "hidden elements are set aside",
            format!("<div>{body}<p style=\"display: none\">Secret hidden words here.</p><p hidden>More hidden.</p></div>"),
            "Paragraph 5",
            "Secret hidden",
            "hidden",
        ),
        (
            "a comment section by class",
            format!("<div class=\"story\">{body}</div><div id=\"comments\"><p>I disagree with all of this, and here is a long reason why, with many commas, words, and more.</p></div>"),
            "Paragraph 0",
            "I disagree",
            "comments",
        ),
        (
            "a share bar inside the article",
            format!("<article><div class=\"share-tools\"><a href=\"/s\">Share</a> <a href=\"/t\">Tweet</a></div>{body}</article>"),
            "Paragraph 3",
            "Tweet",
            "sharing",
        ),
        (
            "a link list inside the article",
            format!("<article>{body}<div><a href=\"/1\">One more story about harbors</a> <a href=\"/2\">Another story about cranes</a> <a href=\"/3\">Third</a></div></article>"),
            "Paragraph 1",
            "Another story",
            "link list",
        ),
        (
            "a sibling paragraph outside the best block joins it",
            format!("<div class=\"x\"><div class=\"text\">{body}</div><p>A closing sentence of the same article that is long enough to count as prose here.</p></div><div class=\"footer\">Footer words</div>"),
            "A closing sentence",
            "Footer words",
            "page chrome",
        ),
        (
            "a container is never dropped for its tag when it holds the text",
            format!("<aside><div>{body}</div></aside><div class=\"promo\"><p>Subscribe now.</p></div>"),
            "Paragraph 2",
            "Subscribe now",
            "outside the article",
        ),
    ];
    for (what, html, kept, aside, reason) in cases {
        let (text, set_aside) = run(&html);
        assert!(text.contains(kept), "{what}: lost {kept:?} in {text:?}");
        assert!(!text.contains(aside), "{what}: kept {aside:?} in {text:?}");
        assert!(
            set_aside.iter().any(|(r, t)| r == reason && t.contains(aside)),
            "{what}: {aside:?} not set aside as {reason:?}: {set_aside:?}"
        );
    }
}

#[test]
fn semantic_hints_choose_between_blocks() {
    // two blocks of the same weight: the one marked as the article body wins
    let a: String = (0..4).map(para).collect();
    let b: String = (10..14).map(para).collect();
    let plain = format!("<div><div><div class=\"x\">{a}</div></div></div><div><div><div>{b}</div></div></div>");
    let (text, _) = run(&plain);
    assert!(text.contains("Paragraph 0 ") && !text.contains("Paragraph 10"), "without a hint the first: {text}");
    let marked = format!(
        "<div><div><div class=\"x\">{a}</div></div></div><div><div><div itemprop=\"articleBody\">{b}</div></div></div>"
    );
    let (text, _) = run(&marked);
    assert!(text.contains("Paragraph 10") && !text.contains("Paragraph 0 "), "the marked one: {text}");
}

#[test]
fn nothing_is_lost_and_blocks_are_in_page_order() {
    let body: String = (0..5).map(para).collect();
    let html = format!("<p>Before the article, a standfirst.</p><div id=\"related\"><a href=\"/\">Related link text</a></div><div class=\"content\">{body}</div><p>After.</p>");
    let e = extract_article(&html);
    let all: String = e.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
    for w in ["Before the article", "Related link text", "Paragraph 0", "Paragraph 4", "After."] {
        assert!(all.contains(w), "{w} lost: {:?}", e.blocks);
    }
    let at = |w: &str| all.find(w).unwrap();
    assert!(at("Before") < at("Related") && at("Related") < at("Paragraph 0") && at("Paragraph 4") < at("After."));
}

#[test]
fn fragments_and_odd_input() {
    // a paste of plain paragraphs with no container is taken whole
    let (text, aside) = run("<p>One short paragraph.</p><p>Another one.</p>");
    assert_eq!(text, "One short paragraph.\n\nAnother one.");
    assert!(aside.is_empty());
    for html in ["", "<", "<div", "</div></div>", "<p><p><p>", "<table><td>x", "&amp;", "<script>x", "<!--"] {
        let _ = extract_article(html);
    }
    // deep nesting stays linear and does not overflow the stack
    let deep = format!("{}{}", "<div>".repeat(50_000), para(1));
    assert!(extract_article(&deep).text.contains("Paragraph 1"));
}
