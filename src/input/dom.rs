//! A small, tolerant HTML tree builder over the scanner of `html.rs`.
//!
//! It keeps what article extraction needs (elements, their attributes, text,
//! the raw content of `<script>` and `<title>`) in one arena whose order is
//! document order: a node's descendants are exactly the nodes after it up to
//! [`Dom::end`], so every later pass is a loop, never a recursion, whatever
//! the depth of the markup. It follows the HTML parsing rules that matter for
//! text (void elements, the implied ends of `p`, `li`, `dt`/`dd`, table rows
//! and cells, headings, end tags closing what is open inside them) and
//! ignores the rest. It never fails and never panics.
//!
//! The element lists below are the reference `kind_of` is tested against;
//! `kind_of` itself is one `match`, so the builder and the extractor test
//! bits, never strings against lists.

use super::char_refs::decode_entities;
use super::html::{find_end_tag, markup_at, memchr, Markup};

/// Elements deeper than this are kept as leaves: their content goes to the
/// deepest open element, so a page of 100,000 unclosed `<div>`s stays linear.
const MAX_DEPTH: usize = 400;

// Kind bits of a tag: the one table of HTML element categories for the
// tree builder (here), the article extractor (extract.rs) and the plain
// converter (html.rs), so that hot loops test a bit instead of comparing
// strings against lists. Only Markdown's HTML-block start condition keeps a
// list of its own (CommonMark's, which is not one of these categories).
pub(super) const K_BLOCK: u16 = 1 << 0;
pub(super) const K_NOT_TEXT: u16 = 1 << 1;
pub(super) const K_PHRASING: u16 = 1 << 2;
pub(super) const K_DIV_TO_P: u16 = 1 << 3;
pub(super) const K_SCORED: u16 = 1 << 4;
pub(super) const K_EMPTY_GOES: u16 = 1 << 5;
pub(super) const K_HEADING: u16 = 1 << 6;
pub(super) const K_LIST: u16 = 1 << 7;
pub(super) const K_TEXT: u16 = 1 << 8;
pub(super) const K_VOID: u16 = 1 << 9;
pub(super) const K_CLOSES_P: u16 = 1 << 10;
/// Content is raw text up to the end tag, never markup (`script`, `title`…).
pub(super) const K_RAW_TEXT: u16 = 1 << 11;
/// Page chrome set aside by tag (`nav`, `header`, `footer`, `aside`, `form`).
pub(super) const K_CHROME: u16 = 1 << 12;

/// The kind bits of a tag ("" is a text node).
pub(super) fn kind_of(tag: &str) -> u16 {
    match tag {
        "" => K_TEXT,
        "a" => K_PHRASING,
        "abbr" => K_PHRASING,
        "address" => K_BLOCK | K_CLOSES_P,
        "area" => K_VOID,
        "article" => K_BLOCK | K_CLOSES_P,
        "aside" => K_CLOSES_P | K_CHROME,
        "audio" => K_NOT_TEXT | K_PHRASING,
        "b" => K_PHRASING,
        "base" => K_VOID,
        "basefont" => K_VOID,
        "bdi" => K_PHRASING,
        "bdo" => K_PHRASING,
        "bgsound" => K_VOID,
        "blockquote" => K_BLOCK | K_DIV_TO_P | K_CLOSES_P,
        "body" => K_BLOCK,
        "br" => K_PHRASING | K_VOID,
        "button" => K_NOT_TEXT | K_PHRASING,
        "canvas" => K_NOT_TEXT,
        "caption" => K_BLOCK,
        "center" => K_BLOCK | K_CLOSES_P,
        "cite" => K_PHRASING,
        "code" => K_PHRASING,
        "col" => K_VOID,
        "data" => K_PHRASING,
        "datalist" => K_PHRASING,
        "dd" => K_BLOCK | K_CLOSES_P,
        "del" => K_PHRASING,
        "details" => K_BLOCK | K_CLOSES_P,
        "dfn" => K_PHRASING,
        "dialog" => K_NOT_TEXT | K_CLOSES_P,
        "dir" => K_BLOCK | K_CLOSES_P,
        "div" => K_BLOCK | K_DIV_TO_P | K_EMPTY_GOES | K_CLOSES_P,
        "dl" => K_BLOCK | K_DIV_TO_P | K_CLOSES_P,
        "dt" => K_BLOCK | K_CLOSES_P,
        "em" => K_PHRASING,
        "embed" => K_PHRASING | K_VOID,
        "fieldset" => K_BLOCK | K_CLOSES_P,
        "figcaption" => K_NOT_TEXT | K_CLOSES_P,
        "figure" => K_BLOCK | K_CLOSES_P,
        "font" => K_PHRASING,
        "footer" => K_CLOSES_P | K_CHROME,
        "form" => K_CLOSES_P | K_CHROME,
        "frame" => K_VOID,
        "h1" => K_BLOCK | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "h2" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "h3" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "h4" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "h5" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "h6" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_HEADING | K_CLOSES_P,
        "head" => K_NOT_TEXT,
        "header" => K_BLOCK | K_EMPTY_GOES | K_CLOSES_P | K_CHROME,
        "hgroup" => K_BLOCK | K_CLOSES_P,
        "hr" => K_BLOCK | K_VOID | K_CLOSES_P,
        "i" => K_PHRASING,
        "iframe" => K_NOT_TEXT | K_RAW_TEXT,
        "img" => K_PHRASING | K_DIV_TO_P | K_VOID,
        "input" => K_NOT_TEXT | K_PHRASING | K_VOID,
        "ins" => K_PHRASING,
        "kbd" => K_PHRASING,
        "keygen" => K_VOID,
        "label" => K_PHRASING,
        "legend" => K_BLOCK,
        "li" => K_BLOCK | K_CLOSES_P,
        "link" => K_VOID,
        "main" => K_BLOCK | K_CLOSES_P,
        "mark" => K_PHRASING,
        "math" => K_NOT_TEXT | K_PHRASING,
        "menu" => K_BLOCK | K_CLOSES_P,
        "meta" => K_VOID,
        "meter" => K_PHRASING,
        "nav" => K_CLOSES_P | K_CHROME,
        "noembed" => K_NOT_TEXT | K_RAW_TEXT,
        "noframes" => K_NOT_TEXT | K_RAW_TEXT,
        "noscript" => K_NOT_TEXT | K_PHRASING | K_RAW_TEXT,
        "object" => K_NOT_TEXT | K_PHRASING,
        "ol" => K_BLOCK | K_DIV_TO_P | K_LIST | K_CLOSES_P,
        "output" => K_PHRASING,
        "p" => K_BLOCK | K_DIV_TO_P | K_SCORED | K_CLOSES_P,
        "param" => K_VOID,
        "picture" => K_PHRASING,
        "pre" => K_BLOCK | K_DIV_TO_P | K_SCORED | K_CLOSES_P,
        "progress" => K_PHRASING,
        "q" => K_PHRASING,
        "ruby" => K_PHRASING,
        "s" => K_PHRASING,
        "samp" => K_PHRASING,
        "script" => K_NOT_TEXT | K_PHRASING | K_RAW_TEXT,
        "section" => K_BLOCK | K_SCORED | K_EMPTY_GOES | K_CLOSES_P,
        "select" => K_NOT_TEXT | K_PHRASING,
        "small" => K_PHRASING,
        "source" => K_VOID,
        "span" => K_PHRASING,
        "strike" => K_PHRASING,
        "strong" => K_PHRASING,
        "style" => K_NOT_TEXT | K_RAW_TEXT,
        "sub" => K_PHRASING,
        "summary" => K_BLOCK | K_CLOSES_P,
        "sup" => K_PHRASING,
        "svg" => K_NOT_TEXT,
        "table" => K_BLOCK | K_DIV_TO_P | K_CLOSES_P,
        "tbody" => K_BLOCK,
        "td" => K_SCORED,
        "template" => K_NOT_TEXT,
        "textarea" => K_NOT_TEXT | K_PHRASING | K_RAW_TEXT,
        "tfoot" => K_BLOCK,
        "thead" => K_BLOCK,
        "time" => K_PHRASING,
        "title" => K_NOT_TEXT | K_RAW_TEXT,
        "tr" => K_BLOCK,
        "track" => K_VOID,
        "tt" => K_PHRASING,
        "u" => K_PHRASING,
        "ul" => K_BLOCK | K_DIV_TO_P | K_LIST | K_CLOSES_P,
        "var" => K_PHRASING,
        "video" => K_NOT_TEXT,
        "wbr" => K_PHRASING | K_VOID,
        "xmp" => K_NOT_TEXT | K_RAW_TEXT,
        _ => 0,
    }
}

/// One node: an element (with its attributes, and for raw-text elements its
/// raw content in `text`), a text node (`tag` empty) or the root.
#[derive(Debug, Default)]
pub(super) struct Node {
    /// Lowercase tag name; "" for text, "#root" for the root.
    pub tag: String,
    /// Attributes with lowercase names and decoded values, in source order.
    pub attrs: Vec<(String, String)>,
    /// A text node's decoded text; a raw-text element's raw content.
    pub text: String,
    /// The parent's index (the root is its own parent).
    pub parent: usize,
    /// Children's indices, in order.
    pub children: Vec<usize>,
    /// What the tag is, as bits set by the extractor (so that hot loops
    /// compare no strings).
    pub kind: u16,
}

impl Node {
    pub(super) fn is_text(&self) -> bool {
        self.tag.is_empty()
    }

    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The tree of one page.
#[derive(Debug)]
pub(super) struct Dom {
    pub nodes: Vec<Node>,
    /// `end[i]`: one past the last descendant of node `i`.
    pub end: Vec<usize>,
}

impl Dom {
    pub(super) fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    pub(super) fn tag(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| n.tag.as_str())
    }

    pub(super) fn parent(&self, i: usize) -> usize {
        self.nodes.get(i).map_or(0, |n| n.parent)
    }

    pub(super) fn children(&self, i: usize) -> &[usize] {
        self.nodes.get(i).map_or(&[], |n| n.children.as_slice())
    }

    /// One past the last descendant of `i`.
    pub(super) fn end_of(&self, i: usize) -> usize {
        self.end.get(i).copied().unwrap_or(i + 1)
    }

    /// True when `a` is `d` or one of its ancestors.
    pub(super) fn contains(&self, a: usize, d: usize) -> bool {
        a <= d && d < self.end_of(a)
    }
}

struct Builder<'a> {
    html: &'a str,
    nodes: Vec<Node>,
    open: Vec<usize>,
}

impl Builder<'_> {
    fn top(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    fn add(&mut self, node: Node) -> usize {
        let parent = self.top();
        let i = self.nodes.len();
        let kind = kind_of(&node.tag);
        self.nodes.push(Node { parent, kind, ..node });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push(i);
        }
        i
    }

    fn text(&mut self, from: usize, to: usize) {
        let Some(raw) = self.html.get(from..to).filter(|s| !s.is_empty()) else { return };
        let text = decode_entities(raw).into_owned();
        // adjacent text (split by a dropped comment) joins the previous node
        let top = self.top();
        if let Some(last) = self.nodes.get(top).and_then(|p| p.children.last().copied()) {
            if let Some(n) = self.nodes.get_mut(last).filter(|n| n.is_text()) {
                n.text.push_str(&text);
                return;
            }
        }
        self.add(Node { text, ..Node::default() });
    }

    fn tag_at(&self, depth: usize) -> &str {
        self.node_at(depth).map_or("", |n| n.tag.as_str())
    }

    fn node_at(&self, depth: usize) -> Option<&Node> {
        self.open.len().checked_sub(depth + 1).and_then(|k| self.open.get(k)).and_then(|&i| self.nodes.get(i))
    }

    /// Closes the innermost open `name` when it is found before any of
    /// `stop` (and, with `inline_only`, before any non-phrasing element).
    fn close_implied(&mut self, names: &[&str], stop: &[&str], inline_only: bool) {
        for depth in 0..self.open.len().saturating_sub(1) {
            let Some(node) = self.node_at(depth) else { return };
            let tag = node.tag.as_str();
            if names.contains(&tag) {
                let keep = self.open.len() - depth - 1;
                self.open.truncate(keep);
                return;
            }
            if (inline_only && node.kind & K_PHRASING == 0) || stop.contains(&tag) || tag == "#root" {
                return;
            }
        }
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        let kind = kind_of(&name);
        match name.as_str() {
            n if kind & K_CLOSES_P != 0 => {
                self.close_implied(&["p"], &[], true);
                match n {
                    "li" => self.close_implied(&["li"], &["ul", "ol", "menu", "table", "body"], false),
                    "dt" | "dd" => self.close_implied(&["dt", "dd"], &["dl", "table", "body"], false),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                        if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(&self.tag_at(0)) =>
                    {
                        self.open.pop();
                    }
                    _ => {}
                }
            }
            "tr" => self.close_implied(&["tr"], &["table", "tbody", "thead", "tfoot"], false),
            "td" | "th" => self.close_implied(&["td", "th"], &["tr", "table"], false),
            "tbody" | "thead" | "tfoot" => self.close_implied(&["tbody", "thead", "tfoot"], &["table"], false),
            "option" | "optgroup" => self.close_implied(&["option"], &["select", "datalist", "body"], false),
            _ => {}
        }
        let void = kind & K_VOID != 0 || self_closing;
        let i = self.add(Node { tag: name, attrs, ..Node::default() });
        if !void && self.open.len() < MAX_DEPTH {
            self.open.push(i);
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            self.add(Node { tag: "br".into(), ..Node::default() });
            return;
        }
        if let Some(k) = self.open.iter().rposition(|&i| self.nodes.get(i).is_some_and(|n| n.tag == name)) {
            if k > 0 {
                self.open.truncate(k);
            }
        }
    }
}

/// Attributes of a start tag, from the end of its name `from` to its `>` at
/// `to`; names lowercased, values decoded.
fn attributes(html: &str, from: usize, to: usize) -> Vec<(String, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        while i < to && b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
            i += 1;
        }
        if i >= to || b.get(i) == Some(&b'>') {
            break;
        }
        let name_start = i;
        i += 1;
        while i < to && b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && !b"/>=".contains(c)) {
            i += 1;
        }
        let name = html.get(name_start..i).unwrap_or_default().to_ascii_lowercase();
        while i < to && b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < to && b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let (vs, ve) = match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = memchr(b, i + 1, q).unwrap_or(to).min(to);
                    let r = (i + 1, close);
                    i = close + 1;
                    r
                }
                _ => {
                    let s = i;
                    while i < to && b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                        i += 1;
                    }
                    (s, i)
                }
            };
            value = decode_entities(html.get(vs..ve).unwrap_or_default()).into_owned();
        }
        if !name.is_empty() && !out.iter().any(|(k, _): &(String, String)| *k == name) {
            out.push((name, value));
        }
    }
    out
}

/// Builds the tree of `html`.
pub(super) fn parse(html: &str) -> Dom {
    let b = html.as_bytes();
    let n = b.len();
    let root = Node { tag: "#root".into(), ..Node::default() };
    let mut t = Builder { html, nodes: vec![root], open: vec![0] };
    let last_gt = b.iter().rposition(|c| *c == b'>');
    let (mut i, mut text_from) = (0, 0);
    while i < n {
        let Some(k) = memchr(b, i, b'<') else { break };
        i = k;
        let markup =
            if last_gt.is_some_and(|g| g > i) || b.get(i + 1..i + 4) == Some(b"!--") { markup_at(b, i) } else { None };
        let Some((markup, end)) = markup else {
            i += 1;
            continue;
        };
        t.text(text_from, i);
        let tag_start = i;
        i = end;
        text_from = end;
        match markup {
            Markup::Other => {}
            Markup::End { name } => t.end(&name),
            Markup::Start { name, self_closing } => {
                let attrs = attributes(html, tag_start + 1 + name.len(), end.saturating_sub(1));
                if kind_of(&name) & K_RAW_TEXT != 0 {
                    let close = find_end_tag(b, i, &name).unwrap_or(n);
                    let raw = html.get(i..close).unwrap_or_default();
                    let text = if name == "title" { decode_entities(raw).into_owned() } else { raw.to_string() };
                    t.add(Node { tag: name, attrs, text, ..Node::default() });
                    i = close;
                    text_from = close;
                    continue;
                }
                t.start(name, attrs, self_closing);
            }
        }
    }
    t.text(text_from, n);
    let mut nodes = t.nodes;
    let mut end: Vec<usize> = (1..=nodes.len()).collect();
    for k in (1..nodes.len()).rev() {
        let p = nodes.get(k).map_or(0, |x| x.parent);
        let e = end.get(k).copied().unwrap_or(k + 1);
        if let Some(pe) = end.get_mut(p) {
            *pe = (*pe).max(e);
        }
    }
    if let Some(r) = nodes.first_mut() {
        r.parent = 0;
    }
    Dom { nodes, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as a compact string: `tag(children)`, text in quotes.
    fn show(dom: &Dom, i: usize) -> String {
        let n = &dom.nodes[i];
        if n.is_text() {
            return format!("{:?}", n.text);
        }
        let kids: Vec<String> = n.children.iter().map(|&c| show(dom, c)).collect();
        if kids.is_empty() {
            n.tag.clone()
        } else {
            format!("{}({})", n.tag, kids.join(" "))
        }
    }

    #[test]
    fn trees() {
        // (what it shows, HTML, tree under the root)
        let cases: &[(&str, &str, &str)] = &[
            ("nesting", "<div><p>a</p>b</div>", "div(p(\"a\") \"b\")"),
            ("implied p end", "<p>a<p>b", "p(\"a\") p(\"b\")"),
            ("p closed by div through inline", "<p><b>a<div>b</div>", "p(b(\"a\")) div(\"b\")"),
            ("li", "<ul><li>a<li>b</ul>c", "ul(li(\"a\") li(\"b\")) \"c\""),
            ("table", "<table><tr><td>a<td>b<tr><td>c</table>", "table(tr(td(\"a\") td(\"b\")) tr(td(\"c\")))"),
            ("void", "<p>a<br>b<img src=x>c</p>", "p(\"a\" br \"b\" img \"c\")"),
            ("stray end tags", "<div>a</span></p>b</div>", "div(\"ab\")"),
            ("end closes inner", "<div><span>a</div>b", "div(span(\"a\")) \"b\""),
            ("raw text", "<script>a<b</script><title>x &amp; y</title>", "script title"),
            ("comment joins text", "a<!-- x -->b", "\"ab\""),
            ("entities", "<p>&amp;&lt;</p>", "p(\"&<\")"),
            ("headings", "<h1>a<h2>b", "h1(\"a\") h2(\"b\")"),
        ];
        for (what, html, want) in cases {
            let dom = parse(html);
            let got: Vec<String> = dom.nodes[0].children.iter().map(|&c| show(&dom, c)).collect();
            assert_eq!(got.join(" "), *want, "{what}");
        }
        let dom = parse("<script type=\"application/ld+json\">{\"a\":1}</script>");
        assert_eq!(dom.nodes[1].attr("type"), Some("application/ld+json"));
        assert_eq!(dom.nodes[1].text, "{\"a\":1}");
    }

    #[test]
    fn kinds_of_tags() {
        // the HTML standard's categories, a few of each (the table is the one list)
        for (tag, has, lacks) in [
            ("p", K_BLOCK | K_CLOSES_P | K_DIV_TO_P | K_SCORED, K_PHRASING | K_VOID),
            ("div", K_BLOCK | K_CLOSES_P | K_DIV_TO_P | K_EMPTY_GOES, K_PHRASING),
            ("span", K_PHRASING, K_BLOCK | K_CLOSES_P),
            ("a", K_PHRASING, K_BLOCK | K_NOT_TEXT),
            ("br", K_PHRASING | K_VOID, K_BLOCK),
            ("hr", K_BLOCK | K_VOID | K_CLOSES_P, K_PHRASING),
            ("img", K_PHRASING | K_VOID | K_DIV_TO_P, K_BLOCK),
            ("li", K_BLOCK | K_CLOSES_P, K_LIST),
            ("ul", K_BLOCK | K_LIST | K_DIV_TO_P, 0),
            ("h2", K_BLOCK | K_HEADING | K_SCORED, K_PHRASING),
            ("script", K_NOT_TEXT | K_RAW_TEXT | K_PHRASING, K_BLOCK),
            ("title", K_NOT_TEXT | K_RAW_TEXT, K_BLOCK),
            ("svg", K_NOT_TEXT, K_RAW_TEXT),
            ("input", K_NOT_TEXT | K_VOID, K_RAW_TEXT),
            ("nav", K_CHROME | K_CLOSES_P, K_BLOCK),
            ("header", K_CHROME | K_BLOCK, K_NOT_TEXT),
            ("td", K_SCORED, K_BLOCK),
            ("", K_TEXT, K_BLOCK),
            ("zzz", 0, !0),
        ] {
            assert_eq!(kind_of(tag) & has, has, "{tag} has");
            assert_eq!(kind_of(tag) & lacks, 0, "{tag} lacks");
        }
        // the raw-text elements of the standard, and no other
        let raw: Vec<&str> =
            ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"]
                .into_iter()
                .filter(|t| kind_of(t) & K_RAW_TEXT != 0)
                .collect();
        assert_eq!(raw.len(), 9);
        assert_eq!(kind_of("template") & K_RAW_TEXT, 0);
    }

    #[test]
    fn attributes_parse() {
        let dom = parse("<a HREF=\"/x?a=1&amp;b=2\" class='c d' data-x=y hidden id=z>t</a>");
        let a = &dom.nodes[1];
        assert_eq!(a.attr("href"), Some("/x?a=1&b=2"));
        assert_eq!(a.attr("class"), Some("c d"));
        assert_eq!(a.attr("data-x"), Some("y"));
        assert_eq!(a.attr("hidden"), Some(""));
        assert_eq!(a.attr("id"), Some("z"));
    }

    #[test]
    fn ranges_and_depth() {
        let dom = parse("<div><p>a</p><p>b</p></div><p>c</p>");
        assert_eq!(dom.end_of(1), 6);
        assert!(dom.contains(1, 4) && !dom.contains(1, 6));
        let deep = "<div>".repeat(100_000) + "x";
        let dom = parse(&deep);
        assert!(dom.nodes.len() > 100_000);
        assert_eq!(dom.end_of(0), dom.nodes.len());
    }
}
