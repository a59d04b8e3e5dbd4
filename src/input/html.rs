use super::char_refs::decode_entities;
use super::dom::{kind_of, K_BLOCK, K_RAW_TEXT};

/// Elements dropped with everything inside them: what is never text and
/// the page chrome (a test holds it to the kind table of dom.rs); indices
/// count the open ones of each.
const DROPPED: &[&str] = &[
    "template",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "figcaption",
    "object",
    "audio",
    "video",
    "math",
    "dialog",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Sep {
    None,
    Space,
    Tab,
    Line,
    Para,
}

/// Text output with collapsed whitespace: separators are held back until
/// the next visible character and the strongest one wins.
pub(super) struct Out {
    pub(super) text: String,
    pending: Sep,
}

impl Out {
    pub(super) fn new() -> Out {
        Out { text: String::new(), pending: Sep::None }
    }

    pub(super) fn sep(&mut self, s: Sep) {
        self.pending = self.pending.max(s);
    }

    pub(super) fn flush(&mut self) {
        if self.pending >= Sep::Line {
            // spaces kept in `<pre>` may sit between two breaks: the
            // strongest break wins over all of them
            let kept = self.text.trim_end_matches([' ', '\t', '\n']).len();
            if self.text.get(kept..).unwrap_or_default().matches('\n').count() >= 2 {
                self.pending = Sep::Para;
            }
            self.text.truncate(kept);
        }
        if !self.text.is_empty() {
            self.text.push_str(match self.pending {
                Sep::None => "",
                Sep::Space => " ",
                Sep::Tab => "\t",
                Sep::Line => "\n",
                Sep::Para => "\n\n",
            });
        }
        self.pending = Sep::None;
    }

    /// A line break; a second one in a row makes a paragraph break.
    pub(super) fn line_break(&mut self) {
        self.sep(if self.pending >= Sep::Line { Sep::Para } else { Sep::Line });
    }

    /// Appends text, collapsing whitespace; inside `<pre>` spaces are kept
    /// and line feeds are line breaks. Returns whether something visible
    /// was written.
    pub(super) fn push(&mut self, s: &str, pre: bool) -> bool {
        let mut wrote = false;
        for c in s.chars() {
            match c {
                '\u{AD}' => {}
                '\r' if pre => {}
                '\n' if pre => self.line_break(),
                ' ' | '\t' if pre => {
                    self.flush();
                    self.text.push(c);
                }
                ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{A0}' => self.sep(Sep::Space),
                _ => {
                    self.flush();
                    self.text.push(c);
                    wrote = true;
                }
            }
        }
        wrote
    }
}

/// One piece of markup at a `<`.
pub(super) enum Markup {
    Start {
        name: String,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// Comment, doctype, processing instruction.
    Other,
}

/// Parses the markup starting at `b[i] == b'<'`: `None` when the `<` is
/// text, else the markup and the index just past it (the end of input for
/// an unterminated tag or comment).
pub(super) fn markup_at(b: &[u8], i: usize) -> Option<(Markup, usize)> {
    let n = b.len();
    let next = *b.get(i + 1)?;
    if next == b'!' {
        if b.get(i + 2..i + 4) == Some(b"--") {
            let end = find(b, i + 2, b"-->").map_or(n, |k| k + 3);
            return Some((Markup::Other, end));
        }
        return Some((Markup::Other, memchr(b, i + 2, b'>').map_or(n, |k| k + 1)));
    }
    if next == b'?' {
        return Some((Markup::Other, memchr(b, i + 2, b'>').map_or(n, |k| k + 1)));
    }
    let (end_tag, start) = if next == b'/' { (true, i + 2) } else { (false, i + 1) };
    match b.get(start) {
        Some(c) if c.is_ascii_alphabetic() => {}
        // `</>` is dropped, `</ x>` is a bogus comment
        Some(_) if end_tag => return Some((Markup::Other, memchr(b, start, b'>').map_or(n, |k| k + 1))),
        _ => return None,
    }
    let mut k = start;
    while b.get(k).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'/' && *c != b'>') {
        k += 1;
    }
    let name = String::from_utf8_lossy(b.get(start..k).unwrap_or_default()).to_ascii_lowercase();
    let (end, self_closing) = match tag_end(b, k) {
        // unterminated (a stray quote): end at the next `>`, else the `<` is text
        (end, _) if end >= n => (memchr(b, k, b'>')? + 1, false),
        found => found,
    };
    Some((if end_tag { Markup::End { name } } else { Markup::Start { name, self_closing } }, end))
}

/// Scans attributes from `i` to the tag's `>`, honouring quoted values
/// (which may contain `>`). Returns the index past `>` (or the end of
/// input) and whether the tag ended with `/>`.
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let n = b.len();
    let mut slash = false;
    loop {
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_whitespace() || **c == b'/') {
            slash = c == b'/';
            i += 1;
        }
        let Some(&c) = b.get(i) else {
            return (n, false);
        };
        if c == b'>' {
            return (i + 1, slash);
        }
        slash = false;
        // attribute name (its first character may be anything, even `=`)
        i += 1;
        while b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && !b"/>=".contains(c)) {
            i += 1;
        }
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => i = memchr(b, i + 1, q).map_or(n, |k| k + 1),
                _ => {
                    while b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                        i += 1;
                    }
                }
            }
        }
    }
}

pub(super) fn memchr(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?.iter().position(|&x| x == c).map(|k| k + from)
}

pub(super) fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| k + from)
}

/// Finds `</name` (ASCII case-insensitive) from `from`.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let mut k = from;
    while let Some(p) = find(b, k, b"</") {
        let rest = b.get(p + 2..p + 2 + name.len());
        let after = b.get(p + 2 + name.len());
        if rest.is_some_and(|r| r.eq_ignore_ascii_case(name))
            && after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return Some(p);
        }
        k = p + 2;
    }
    None
}

/// Converts HTML source to text.
///
/// Drops scripts, styles, comments and page chrome (`nav`, `header` outside
/// an `article`, `footer`, `aside`, forms, buttons, `figcaption`, `svg`, …);
/// block elements become paragraphs separated by a blank line, `<br>` a line
/// break, table cells tabs; other whitespace is collapsed to one space
/// (kept inside `<pre>`). Character references are decoded: every numeric
/// one and about 150 named ones (unknown names are left as they are). The
/// `<title>` becomes the first line when no `<h1>` has text. Never fails on
/// malformed markup: unclosed tags, a `<` in text, unterminated comments,
/// quoted attributes holding `>`.
///
/// # Example
///
/// ```
/// use corroborate::input::html_to_text;
/// let html = r#"<nav>Home | World</nav>
///   <article><h1>Crane collapse</h1>
///   <p>Four workers&nbsp;died, the <a href="/ha?x=1&amp;y=2">Harbor Authority</a> said.<br>More to come.</p>
///   <script>track("a < b")</script><p>&#8220;Terrible,&#8221; she said &mdash; twice.</p></article>"#;
/// assert_eq!(
///     html_to_text(html),
///     "Crane collapse\n\nFour workers died, the Harbor Authority said.\nMore to come.\n\n“Terrible,” she said — twice."
/// );
/// ```
pub fn html_to_text(html: &str) -> String {
    let b = html.as_bytes();
    let n = b.len();
    let mut out = Out::new();
    // open dropped elements (indices into DROPPED), and how many of each
    let mut dropped: Vec<usize> = Vec::new();
    let mut open_dropped = [0usize; DROPPED.len()];
    let (mut pre, mut h1, mut article) = (0usize, 0usize, 0usize);
    let mut has_h1 = false;
    let mut title: Option<String> = None;
    // past the last `>`, no tag can end: every `<` there is text
    let last_gt = b.iter().rposition(|c| *c == b'>');
    let (mut i, mut text_from) = (0, 0);
    while i < n {
        if b.get(i) != Some(&b'<') {
            i += 1;
            continue;
        }
        let markup =
            if last_gt.is_some_and(|g| g > i) || b.get(i + 1..i + 4) == Some(b"!--") { markup_at(b, i) } else { None };
        let Some((markup, end)) = markup else {
            i += 1;
            continue;
        };
        if dropped.is_empty() {
            if let Some(text) = html.get(text_from..i) {
                has_h1 |= out.push(&decode_entities(text), pre > 0) && h1 > 0;
            }
        }
        i = end;
        text_from = end;
        match markup {
            Markup::Other => {}
            Markup::Start { name, self_closing } => {
                if kind_of(&name) & K_RAW_TEXT != 0 {
                    let close = find_end_tag(b, i, &name).unwrap_or(n);
                    if name == "title" && title.is_none() && dropped.is_empty() {
                        let mut t = Out::new();
                        t.push(&decode_entities(html.get(i..close).unwrap_or("")), false);
                        title = Some(t.text);
                    }
                    i = close;
                    text_from = close;
                    continue;
                }
                if let Some(d) = DROPPED.iter().position(|x| *x == name) {
                    if !(name == "header" && article > 0) {
                        if !self_closing {
                            dropped.push(d);
                            if let Some(c) = open_dropped.get_mut(d) {
                                *c += 1;
                            }
                        }
                        out.sep(Sep::Para);
                        continue;
                    }
                }
                match name.as_str() {
                    "br" => out.line_break(),
                    "td" | "th" => out.sep(Sep::Tab),
                    "pre" => pre += 1,
                    "h1" => h1 += 1,
                    "article" | "main" => article += 1,
                    _ => {}
                }
                if kind_of(&name) & K_BLOCK != 0 {
                    out.sep(Sep::Para);
                }
            }
            Markup::End { name } => {
                // closes the innermost open one and whatever is open inside it
                let d = DROPPED.iter().position(|x| *x == name);
                if let Some(k) = d
                    .filter(|d| open_dropped.get(*d).is_some_and(|c| *c > 0))
                    .and_then(|d| dropped.iter().rposition(|x| *x == d))
                {
                    for x in dropped.drain(k..) {
                        if let Some(c) = open_dropped.get_mut(x) {
                            *c -= 1;
                        }
                    }
                    continue;
                }
                match name.as_str() {
                    "br" => out.line_break(),
                    "td" | "th" => out.sep(Sep::Tab),
                    "pre" => pre = pre.saturating_sub(1),
                    "h1" => h1 = h1.saturating_sub(1),
                    "article" | "main" => article = article.saturating_sub(1),
                    _ => {}
                }
                if kind_of(&name) & K_BLOCK != 0 {
                    out.sep(Sep::Para);
                }
            }
        }
    }
    if dropped.is_empty() {
        if let Some(text) = html.get(text_from..) {
            has_h1 |= out.push(&decode_entities(text), pre > 0) && h1 > 0;
        }
    }
    let mut text = out.text;
    text.truncate(text.trim_end().len());
    match title {
        Some(t) if !has_h1 && !t.is_empty() && text.is_empty() => t,
        Some(t) if !has_h1 && !t.is_empty() => format!("{t}\n\n{text}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::super::dom::{K_CHROME, K_NOT_TEXT};
    use super::*;

    #[test]
    fn dropped_elements_are_not_text_or_chrome() {
        for tag in DROPPED {
            assert!(kind_of(tag) & (K_NOT_TEXT | K_CHROME) != 0, "{tag}");
            assert_eq!(kind_of(tag) & K_RAW_TEXT, 0, "{tag} is raw text, skipped before");
        }
    }
    #[test]
    fn html_rules() {
        // (what it shows, HTML, text)
        let cases: &[(&str, &str, &str)] = &[
            ("paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            ("inline whitespace collapses", "<p>  a\n  <b>bold</b>\tword  </p>", "a bold word"),
            ("br is a line break", "<p>a<br>b<br/>c</p>", "a\nb\nc"),
            ("two br make a paragraph", "a<br><br>b", "a\n\nb"),
            ("divs and headings", "<div><h2>Head</h2>text</div><section>more</section>", "Head\n\ntext\n\nmore"),
            ("list items", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
            ("table cells and rows", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a\tb\n\nc"),
            ("blockquote", "said:<blockquote>quoted</blockquote>after", "said:\n\nquoted\n\nafter"),
            ("pre keeps spaces", "<pre>\nline  one\n  line two \n</pre><p>x</p>", "line  one\n  line two\n\nx"),
            ("pre blank lines", "<pre>a\n\n\n\nb</pre>", "a\n\nb"),
            (
                "scripts and styles dropped",
                "<style>p{color:red}</style><p>a</p><script>if (a<b && c>d) {}</script><p>b</p>",
                "a\n\nb",
            ),
            ("script end tag in another case", "<SCRIPT type=x>var s='</p>';</Script >ok", "ok"),
            (
                "chrome dropped",
                "<nav>Home</nav><header>Site</header><p>body</p><aside>Ad</aside><footer>©</footer>",
                "body",
            ),
            ("forms and buttons", "<form><label>Email</label><button>Go</button></form>text", "text"),
            ("select options", "<select><option>One</option></select>text", "text"),
            ("figcaption dropped, figure kept", "<figure><img src=x><figcaption>Photo: AP</figcaption></figure>text", "text"),
            ("svg with a title", "<svg><title>icon</title><text>x</text></svg><p>text</p>", "text"),
            ("noscript template iframe canvas", "<noscript>Enable JS</noscript><template><p>t</p></template><iframe>f</iframe><canvas>c</canvas>text", "text"),
            ("self-closing dropped element", "<svg/><p>text</p>", "text"),
            ("comments", "a<!-- hidden <p>x</p> -->b<!---->c", "abc"),
            ("unterminated comment hides the rest", "a<!-- never closed <p>b</p>", "a"),
            ("doctype and processing instructions", "<!DOCTYPE html><?xml version=\"1.0\"?>text", "text"),
            ("less-than in text", "3 < 4 and a<b, x <= y", "3 < 4 and a<b, x <= y"),
            ("quoted > in attributes", "<a title=\"a > b\" data-x='>'>link</a> text", "link text"),
            ("unquoted attribute with apostrophe", "<p class=it's>text</p>", "text"),
            ("unclosed tag at the end is text", "text <p", "text <p"),
            ("unclosed quote ends at the next >", "text <a href=\"x>more", "text more"),
            ("tag-like text with a later >", "a<b and c>d", "ad"),
            ("entities named", "&amp; &lt;b&gt; &quot;q&quot; &apos;s &copy; &eacute; &hellip;", "& <b> \"q\" 's © é …"),
            ("entities numeric", "&#8217; &#x2019; &#X201C; &#39; &#146; &#0; &#1114112;", "’ ’ “ ' ’ \u{FFFD} \u{FFFD}"),
            ("unknown entities kept", "&bogus; &amp AT&T &#; &#xZ;", "&bogus; &amp AT&T &#; &#xZ;"),
            ("decoded < is text, not a tag", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
            ("nbsp collapses", "a&nbsp;&nbsp; b<p>&nbsp;</p>c", "a b\n\nc"),
            ("soft hyphen removed", "Ver&shy;kehr", "Verkehr"),
            ("title when no h1", "<html><head><title>The &amp; Title</title></head><body><p>text</p></body></html>", "The & Title\n\ntext"),
            ("no title when h1", "<title>Site | Story</title><h1>Story</h1><p>text</p>", "Story\n\ntext"),
            ("title alone", "<title>Only</title>", "Only"),
            ("title once", "<title>A</title><title>B</title><p>t</p>", "A\n\nt"),
            (
                "article header kept, page header dropped",
                "<header>Site</header><article><header><h1>Headline</h1><p>By Ann</p></header><p>body</p><footer>tags</footer></article>",
                "Headline\n\nBy Ann\n\nbody",
            ),
            ("h1 inside dropped header uses title", "<title>T</title><header><h1>Site</h1></header><p>x</p>", "T\n\nx"),
            ("unclosed dropped element swallows the rest", "<p>a</p><aside>b<p>c</p>", "a"),
            ("mismatched end tags", "<div><p>a</div></span></p>b", "a\n\nb"),
            ("uppercase tags", "<P>A</P><BR><DIV>B</DIV>", "A\n\nB"),
            ("empty", "", ""),
            ("only markup", "<div><span></span></div>", ""),
            ("end tag with junk", "a</ p>b</>c", "abc"),
        ];
        for (what, html, want) in cases {
            assert_eq!(html_to_text(html), *want, "{what}: {html:?}");
        }
    }
}
