use super::char_refs::entity_at;
use super::html::find;
use super::html::html_to_text;
use super::html::memchr;
use std::collections::HashMap;
use std::collections::HashSet;

/// Block-level HTML tags that start an HTML block in Markdown.
const MD_HTML_BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "iframe",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "ul",
    "video",
    "audio",
    "picture",
    "svg",
    "noscript",
];

/// Converts Markdown to text.
///
/// Drops the markup and keeps the words: heading markers, emphasis
/// (`*`, `_`, `**`, `~~`), code backticks, link targets (`[text](url)`
/// keeps "text"), images, reference definitions, list bullets and numbers,
/// blockquote `>`, horizontal rules and YAML front matter (whose `title:`
/// becomes the first line when there is no `#` heading). HTML blocks go
/// through [`html_to_text`]. Paragraphs are separated by a blank line;
/// wrapped lines inside one are joined with a space; list items and table
/// rows stay one per line.
///
/// # Example
///
/// ```
/// use corroborate::input::markdown_to_text;
/// let md = "# Crane *collapses*\n\nFour workers died, the [Harbor Authority](https://example.org)\nsaid on **Monday**.\n\n- one\n- two\n\n![crane](crane.jpg)";
/// assert_eq!(
///     markdown_to_text(md),
///     "Crane collapses\n\nFour workers died, the Harbor Authority said on Monday.\n\none\ntwo"
/// );
/// ```
pub fn markdown_to_text(md: &str) -> String {
    let md = md.strip_prefix('\u{FEFF}').unwrap_or(md);
    let lines: Vec<&str> = md.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let (first, fm_title) = front_matter(&lines);
    let lines = lines.get(first..).unwrap_or(&[]);
    let refs = reference_labels(lines);
    let mut b = MdBlocks { out: Vec::new(), para: String::new(), hard: false, items: Vec::new(), rows: Vec::new() };
    let mut fence: Option<(u8, usize, Vec<&str>)> = None;
    let mut html: Option<(Option<String>, String)> = None;
    let mut has_h1 = false;
    let mut depth_before = 0;
    for raw in lines {
        let (depth, line) = strip_quotes(raw);
        if let Some((ch, len, code)) = &mut fence {
            if is_fence_close(line, *ch, *len) {
                let code = code.join("\n");
                if !code.trim().is_empty() {
                    b.out.push(code);
                }
                fence = None;
            } else {
                code.push(line);
            }
            continue;
        }
        if let Some((until, buf)) = &mut html {
            let done = match until {
                None => line.trim().is_empty(),
                Some(end) => {
                    buf.push('\n');
                    buf.push_str(line);
                    line.to_ascii_lowercase().contains(end.as_str())
                }
            };
            if done {
                let text = html_to_text(buf);
                if !text.is_empty() {
                    b.out.push(text);
                }
                html = None;
            } else if until.is_none() {
                buf.push('\n');
                buf.push_str(line);
            }
            continue;
        }
        let t = line.trim();
        if t.is_empty() {
            b.flush(&refs);
            depth_before = depth;
            continue;
        }
        if depth > depth_before {
            b.flush(&refs);
        }
        depth_before = depth;
        let indent = line.len() - line.trim_start().len();
        let tb = t.as_bytes();
        // `t` is not empty (above)
        let Some(&first) = tb.first() else { continue };
        // fenced code
        if indent < 4 && (t.starts_with("```") || t.starts_with("~~~")) {
            let ch = first;
            let len = tb.iter().take_while(|c| **c == ch).count();
            if ch == b'~' || !t.get(len..).unwrap_or_default().contains('`') {
                b.flush(&refs);
                fence = Some((ch, len, Vec::new()));
                continue;
            }
        }
        // HTML block
        if indent < 4 && t.starts_with('<') {
            if let Some(until) = html_block_start(t) {
                b.flush(&refs);
                let closed = until.as_ref().is_some_and(|end| t.to_ascii_lowercase().contains(end.as_str()));
                if closed {
                    let text = html_to_text(t);
                    if !text.is_empty() {
                        b.out.push(text);
                    }
                } else {
                    html = Some((until, t.to_string()));
                }
                continue;
            }
        }
        // ATX heading
        if indent < 4 && first == b'#' {
            let level = tb.iter().take_while(|c| **c == b'#').count();
            if level <= 6 && tb.get(level).is_none_or(|c| *c == b' ' || *c == b'\t') {
                b.flush(&refs);
                let mut h = t.get(level..).unwrap_or_default().trim();
                let closing = h.trim_end_matches('#');
                if closing.is_empty() || closing.ends_with([' ', '\t']) {
                    h = closing.trim_end();
                }
                let h = inline(h, &refs);
                if !h.is_empty() {
                    has_h1 |= level == 1;
                    b.out.push(h);
                }
                continue;
            }
        }
        // setext underline
        if indent < 4 && !b.para.is_empty() && (tb.iter().all(|c| *c == b'=') || tb.iter().all(|c| *c == b'-')) {
            has_h1 |= first == b'=';
            b.flush(&refs);
            continue;
        }
        // horizontal rule
        if indent < 4 && matches!(first, b'-' | b'*' | b'_') {
            let ch = first;
            if tb.iter().all(|c| *c == ch || *c == b' ' || *c == b'\t') && tb.iter().filter(|c| **c == ch).count() >= 3
            {
                b.flush(&refs);
                continue;
            }
        }
        // reference definition (footnote definitions keep their text)
        if indent < 4 && first == b'[' {
            if let Some(close) = t.find("]:") {
                let label = t.get(1..close).unwrap_or_default();
                if label.starts_with('^') {
                    b.flush(&refs);
                    b.para.push_str(t.get(close + 2..).unwrap_or_default().trim());
                    continue;
                }
                if close > 1 && !label.contains(['[', ']']) {
                    continue;
                }
            }
        }
        // table rows and delimiter rows
        if t.contains('|') && t.contains('-') && t.bytes().all(|c| b"|-: \t".contains(&c)) {
            continue;
        }
        if first == b'|' {
            if b.rows.is_empty() {
                b.flush(&refs);
            }
            let cells: Vec<String> = split_cells(t).into_iter().map(|c| inline(c, &refs)).collect();
            b.rows.push(cells.join("\t").trim().to_string());
            continue;
        }
        // list item
        if let Some((number, content)) = list_item(line) {
            let interrupts = b.para.is_empty() || number.is_none_or(|n| n == 1);
            if interrupts {
                if b.items.is_empty() {
                    b.flush(&refs);
                }
                b.items.push(strip_task_box(content).to_string());
                continue;
            }
        }
        // paragraph text, or the continuation of a list item
        if let Some(last) = b.items.last_mut() {
            last.push(' ');
            last.push_str(t);
            continue;
        }
        if !b.rows.is_empty() {
            b.flush(&refs);
        }
        if !b.para.is_empty() {
            b.para.push(if b.hard { '\n' } else { ' ' });
        }
        let hard_space = line.ends_with("  ");
        let hard_slash = t.ends_with('\\') && !t.ends_with("\\\\");
        b.hard = hard_space || hard_slash;
        b.para.push_str(if hard_slash { t.strip_suffix('\\').unwrap_or(t) } else { t });
    }
    if let Some((_, _, code)) = fence {
        let code = code.join("\n");
        if !code.trim().is_empty() {
            b.out.push(code);
        }
    }
    if let Some((_, buf)) = html {
        let text = html_to_text(&buf);
        if !text.is_empty() {
            b.out.push(text);
        }
    }
    b.flush(&refs);
    if let Some(t) = fm_title.filter(|t| !has_h1 && !t.is_empty()) {
        b.out.insert(0, t);
    }
    b.out.join("\n\n")
}

/// Blocks of Markdown being assembled.
struct MdBlocks {
    out: Vec<String>,
    /// The current paragraph (raw Markdown, lines joined).
    para: String,
    /// The last paragraph line ended with a hard break.
    hard: bool,
    /// The current list's items (raw Markdown).
    items: Vec<String>,
    /// The current table's rows (converted).
    rows: Vec<String>,
}

impl MdBlocks {
    fn flush(&mut self, refs: &HashSet<String>) {
        if !self.para.is_empty() {
            let p = inline(&self.para, refs);
            if !p.is_empty() {
                self.out.push(p);
            }
            self.para.clear();
        }
        self.hard = false;
        if !self.items.is_empty() {
            let items: Vec<String> = self.items.drain(..).map(|i| inline(&i, refs)).filter(|i| !i.is_empty()).collect();
            if !items.is_empty() {
                self.out.push(items.join("\n"));
            }
        }
        if !self.rows.is_empty() {
            let rows: Vec<String> = self.rows.drain(..).filter(|r| !r.is_empty()).collect();
            if !rows.is_empty() {
                self.out.push(rows.join("\n"));
            }
        }
    }
}

/// Leading `>` markers: how many, and the line without them.
fn strip_quotes(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let t = rest.trim_start_matches([' ', '\t']);
        if rest.len() - t.len() < 4 {
            if let Some(r) = t.strip_prefix('>') {
                depth += 1;
                rest = r.strip_prefix(' ').unwrap_or(r);
                continue;
            }
        }
        return (depth, rest);
    }
}

fn is_fence_close(line: &str, ch: u8, len: usize) -> bool {
    let t = line.trim();
    let indent = line.len() - line.trim_start().len();
    indent < 4 && t.len() >= len && t.bytes().all(|c| c == ch)
}

/// An HTML block starts with this line: `Some(None)` when it ends at a blank
/// line, `Some(Some(end))` when it ends at the line containing `end`.
fn html_block_start(t: &str) -> Option<Option<String>> {
    if t.starts_with("<!--") {
        return Some(Some("-->".to_string()));
    }
    let rest = t.strip_prefix("</").or_else(|| t.strip_prefix('<'))?;
    let name: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let after = rest.as_bytes().get(name.len());
    if name.is_empty() || !after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/') {
        return None;
    }
    if matches!(name.as_str(), "script" | "style" | "pre" | "textarea") {
        return Some(Some(format!("</{name}>")));
    }
    MD_HTML_BLOCKS.contains(&name.as_str()).then_some(None)
}

/// A list item: its number (for ordered items) and its content.
fn list_item(line: &str) -> Option<(Option<u32>, &str)> {
    let t = line.trim_start();
    let b = t.as_bytes();
    let (number, marker) = match b.first()? {
        b'-' | b'*' | b'+' => (None, 1),
        c if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 9 || !matches!(b.get(digits), Some(b'.' | b')')) {
                return None;
            }
            (t.get(..digits).and_then(|d| d.parse().ok()), digits + 1)
        }
        _ => return None,
    };
    match b.get(marker) {
        None => Some((number, "")),
        Some(b' ' | b'\t') => Some((number, t.get(marker..).unwrap_or_default().trim())),
        _ => None,
    }
}

fn strip_task_box(item: &str) -> &str {
    for bx in ["[ ] ", "[x] ", "[X] "] {
        if let Some(r) = item.strip_prefix(bx) {
            return r.trim_start();
        }
    }
    item
}

/// The cells of a table row, without the outer pipes (`\|` is not a
/// separator).
fn split_cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = match row.strip_suffix('|') {
        Some(r) if !row.ends_with("\\|") => r,
        _ => row,
    };
    let b = row.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    // `|` is ASCII: every cut is a character boundary
    for (k, &c) in b.iter().enumerate() {
        if c == b'|' && k.checked_sub(1).and_then(|p| b.get(p)) != Some(&b'\\') {
            cells.push(row.get(start..k).unwrap_or_default().trim());
            start = k + 1;
        }
    }
    cells.push(row.get(start..).unwrap_or_default().trim());
    cells
}

/// YAML front matter at the very top: the index of the first line after it
/// and its `title:`.
fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return (0, None);
    }
    let Some(end) = lines.iter().take(200).skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) else {
        return (0, None);
    };
    let body = lines.get(1..end + 1).unwrap_or_default();
    if !body.first().is_some_and(|l| l.contains(':')) {
        return (0, None);
    }
    let title = body.iter().find_map(|l| l.strip_prefix("title:")).map(|v| {
        let v = v.trim();
        let unquoted = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
        unquoted.or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\''))).unwrap_or(v).to_string()
    });
    (end + 2, title)
}

fn normalize_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Labels of the reference definitions (`[label]: url`).
fn reference_labels(lines: &[&str]) -> HashSet<String> {
    let mut refs = HashSet::new();
    for line in lines {
        let t = line.trim_start();
        if line.len() - t.len() >= 4 || !t.starts_with('[') {
            continue;
        }
        if let Some(close) = t.find("]:") {
            let label = t.get(1..close).unwrap_or_default();
            if !label.is_empty() && !label.starts_with('^') && !label.contains(['[', ']']) {
                refs.insert(normalize_label(label));
            }
        }
    }
    refs
}

/// The furthest apart a bracket or parenthesis and its match may be.
const MAX_LINK: usize = 4096;

/// The matching `]` of each `[` and `)` of each `(` of one inline text,
/// skipping backslash escapes, found in one pass. (Looking for each match
/// by scanning ahead made a text of a million `[` take seconds; fuzz and
/// `tests/regressions.rs` keep it linear.)
struct Pairs {
    square: HashMap<usize, usize>,
    round: HashMap<usize, usize>,
}

impl Pairs {
    fn new(b: &[u8]) -> Pairs {
        let (mut square, mut round) = (HashMap::new(), HashMap::new());
        let (mut open_sq, mut open_rd) = (Vec::new(), Vec::new());
        let mut k = 0;
        while let Some(&c) = b.get(k) {
            match c {
                b'\\' => k += 1,
                b'[' => open_sq.push(k),
                b'(' => open_rd.push(k),
                b']' | b')' => {
                    let (stack, map) = if c == b']' { (&mut open_sq, &mut square) } else { (&mut open_rd, &mut round) };
                    if let Some(o) = stack.pop() {
                        if k - o < MAX_LINK {
                            map.insert(o, k);
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        Pairs { square, round }
    }
}

/// A link or image at `s[i] == '['`: its text and the index past it.
fn link_at<'a>(s: &'a str, i: usize, refs: &HashSet<String>, pairs: &Pairs) -> Option<(&'a str, usize)> {
    let b = s.as_bytes();
    let close = *pairs.square.get(&i)?;
    let text = s.get(i + 1..close)?;
    match b.get(close + 1) {
        Some(b'(') => pairs.round.get(&(close + 1)).map(|&end| (text, end + 1)),
        Some(b'[') => {
            let end = memchr(b, close + 2, b']').filter(|e| e - close < MAX_LINK)?;
            Some((text, end + 1))
        }
        _ if text.starts_with('^') => Some(("", close + 1)),
        _ if refs.contains(&normalize_label(text)) => Some((text, close + 1)),
        _ => None,
    }
}

/// Inline HTML at `s[i] == '<'`: what replaces it (an autolink's address,
/// a line break for `<br>`, else nothing) and the index past it.
/// `seen`: what earlier calls found, so a text of `<` or `<!--` is read in
/// linear time.
fn inline_tag<'a>(s: &'a str, i: usize, seen: &mut TagSearch) -> Option<(&'a str, usize)> {
    let no_comment_end = &mut seen.no_comment_end;
    let b = s.as_bytes();
    if b.get(i + 1..i + 4) == Some(b"!--") {
        if i + 4 >= *no_comment_end {
            return None;
        }
        let Some(end) = find(b, i + 4, b"-->") else {
            *no_comment_end = i + 4;
            return None;
        };
        return Some(("", end + 3));
    }
    // the next `>`, within 1024 bytes
    if seen.next_gt.is_none_or(|(from, at)| i + 1 < from || at.is_some_and(|a| a < i + 1)) {
        seen.next_gt = Some((i + 1, memchr(b, i + 1, b'>')));
    }
    let close = seen.next_gt.and_then(|(_, at)| at).filter(|c| c - i < 1024)?;
    let inner = s.get(i + 1..close)?;
    if inner.contains('<') || inner.is_empty() {
        return None;
    }
    // autolink: <https://…> or <someone@example.org> keeps the address
    let scheme = inner
        .find(':')
        .is_some_and(|k| k >= 2 && inner.get(..k).is_some_and(|h| h.bytes().all(|c| c.is_ascii_alphanumeric())));
    if (scheme || inner.contains('@')) && !inner.contains(char::is_whitespace) {
        return Some((inner, close + 1));
    }
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let len = name.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-').count();
    let after = name.as_bytes().get(len);
    if len == 0
        || !name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        || !after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'/')
    {
        return None;
    }
    let br = name.get(..len).is_some_and(|n| n.eq_ignore_ascii_case("br"));
    Some((if br { "\n" } else { "" }, close + 1))
}

/// What [`inline_tag`] found so far in one text.
struct TagSearch {
    /// Where a search for `-->` found none to the end.
    no_comment_end: usize,
    /// (from, the first `>` at or after `from`).
    next_gt: Option<(usize, Option<usize>)>,
}

/// Inline Markdown to text: code spans, links, images, inline HTML,
/// character references, backslash escapes, then emphasis.
fn inline(s: &str, refs: &HashSet<String>) -> String {
    let mut out = Vec::with_capacity(s.len());
    inline_into(s, refs, &mut out, 0);
    emphasis(&mut out);
    let text: String = out.into_iter().map(|(c, _)| c).collect();
    text.split('\n')
        .map(|line| line.split([' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Appends the characters of `s` to `out`, each flagged `true` when it is
/// literal (never an emphasis marker).
fn inline_into(s: &str, refs: &HashSet<String>, out: &mut Vec<(char, bool)>, depth: usize) {
    let b = s.as_bytes();
    let pairs = Pairs::new(b);
    let mut tags = TagSearch { no_comment_end: usize::MAX, next_gt: None };
    // for each length of backtick run, where a search for a closing run found none
    let mut no_code_end: HashMap<usize, usize> = HashMap::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push((char::from(b.get(i + 1).copied().unwrap_or(b'\\')), true));
                i += 2;
            }
            b'`' => {
                let run = b.get(i..).unwrap_or_default().iter().take_while(|c| **c == b'`').count();
                let mut k = i + run;
                let mut close = None;
                if no_code_end.get(&run).is_none_or(|&f| k < f) {
                    while let Some(p) = memchr(b, k, b'`') {
                        let r = b.get(p..).unwrap_or_default().iter().take_while(|c| **c == b'`').count();
                        if r == run {
                            close = Some(p);
                            break;
                        }
                        k = p + r;
                    }
                    if close.is_none() {
                        no_code_end.insert(run, i + run);
                    }
                }
                match close {
                    Some(p) => {
                        // backticks are ASCII: both ends are character boundaries
                        let code = s.get(i + run..p).unwrap_or_default();
                        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                            Some(c) if !c.trim().is_empty() => c,
                            _ => code,
                        };
                        out.extend(code.chars().map(|c| (c, true)));
                        i = p + run;
                    }
                    None => {
                        out.extend(std::iter::repeat_n(('`', true), run));
                        i += run;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match link_at(s, i + 1, refs, &pairs) {
                Some((_, end)) => i = end,
                None => {
                    out.push(('!', false));
                    i += 1;
                }
            },
            b'[' => match link_at(s, i, refs, &pairs) {
                Some((text, end)) => {
                    if depth < 4 {
                        let mut inner = Vec::new();
                        inline_into(text, refs, &mut inner, depth + 1);
                        emphasis(&mut inner);
                        out.extend(inner.into_iter().map(|(c, _)| (c, true)));
                    } else {
                        out.extend(text.chars().map(|c| (c, true)));
                    }
                    i = end;
                }
                None => {
                    out.push(('[', false));
                    i += 1;
                }
            },
            b'<' => match inline_tag(s, i, &mut tags) {
                Some((replacement, end)) => {
                    out.extend(replacement.chars().map(|c| (c, true)));
                    i = end;
                }
                None => {
                    out.push(('<', false));
                    i += 1;
                }
            },
            b'&' => match s.get(i..).and_then(entity_at) {
                Some((c, len)) => {
                    out.push((c, true));
                    i += len;
                }
                None => {
                    out.push(('&', false));
                    i += 1;
                }
            },
            _ => {
                let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\u{FFFD}');
                out.push((c, false));
                i += c.len_utf8().max(1);
            }
        }
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// Removes matched emphasis delimiter runs (`*`, `_`, `~~`), roughly by
/// CommonMark's flanking rules: `2 * 3` and `snake_case` keep theirs.
fn emphasis(out: &mut Vec<(char, bool)>) {
    struct Run {
        start: usize,
        len: usize,
        ch: char,
        open: bool,
        close: bool,
    }
    let mut runs = Vec::new();
    let mut k = 0;
    while let Some(&(ch, literal)) = out.get(k) {
        if literal || !matches!(ch, '*' | '_' | '~') {
            k += 1;
            continue;
        }
        let len = out.get(k..).unwrap_or_default().iter().take_while(|(c, l)| *c == ch && !l).count();
        let prev = k.checked_sub(1).and_then(|p| out.get(p)).map(|x| x.0);
        let next = out.get(k + len).map(|x| x.0);
        let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punct = |c: Option<char>| c.is_some_and(is_punct);
        let left = !ws(next) && (!punct(next) || ws(prev) || punct(prev));
        let right = !ws(prev) && (!punct(prev) || ws(next) || punct(next));
        let (open, close) =
            if ch == '_' { (left && (!right || punct(prev)), right && (!left || punct(next))) } else { (left, right) };
        if ch != '~' || len >= 2 {
            runs.push(Run { start: k, len, ch, open, close });
        }
        k += len;
    }
    let mut remove = vec![false; out.len()];
    // one stack of openers per character keeps this linear
    let mut openers: [Vec<usize>; 3] = Default::default();
    let stack = |ch: char| match ch {
        '*' => 0,
        '_' => 1,
        _ => 2,
    };
    for (r, run) in runs.iter().enumerate() {
        let Some(st) = openers.get_mut(stack(run.ch)) else { continue };
        if run.close {
            if let Some(o) = st.pop() {
                for x in [o, r].iter().filter_map(|&x| runs.get(x)) {
                    if let Some(m) = remove.get_mut(x.start..x.start + x.len) {
                        m.fill(true);
                    }
                }
                continue;
            }
        }
        if run.open {
            st.push(r);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !remove.get(k - 1).copied().unwrap_or(false)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn markdown_rules() {
        // (what it shows, Markdown, text)
        let cases: &[(&str, &str, &str)] = &[
            ("headings", "# One\n\n## Two ##\n\ntext", "One\n\nTwo\n\ntext"),
            ("heading without blank line", "# Title\ntext", "Title\n\ntext"),
            ("hash without space is text", "#hashtag here", "#hashtag here"),
            ("setext headings", "Title\n=====\n\nSub\n---\ntext", "Title\n\nSub\n\ntext"),
            ("emphasis", "*a* _b_ **c** __d__ ***e*** ~~f~~", "a b c d e f"),
            ("emphasis inside words", "un*frigging*believable", "unfriggingbelievable"),
            ("snake_case kept", "call my_var_name now", "call my_var_name now"),
            ("arithmetic kept", "2 * 3 * 4", "2 * 3 * 4"),
            ("unmatched star kept", "a *b", "a *b"),
            ("escaped markers", "\\*not\\* \\_em\\_ \\# \\[x\\]", "*not* _em_ # [x]"),
            ("inline code", "use `a*b*c` and ``x ` y``", "use a*b*c and x ` y"),
            ("links", "see [the *report*](https://x.org/a_(b)) now", "see the report now"),
            ("link with title", "[text](http://x \"title\")", "text"),
            ("images dropped", "before ![alt text](img.png) after", "before after"),
            ("reference links", "a [b][ref] c [d][] e [ref]\n\n[ref]: https://x.org", "a b c d e ref"),
            ("unknown bracket kept", "a [note] b", "a [note] b"),
            ("footnotes", "claim[^1] here\n\n[^1]: The source.", "claim here\n\nThe source."),
            ("bullets", "- one\n* two\n+ three", "one\ntwo\nthree"),
            ("ordered lists", "1. one\n2) two\n10. ten", "one\ntwo\nten"),
            ("task lists", "- [ ] todo\n- [x] done", "todo\ndone"),
            ("list continuation", "- one\n  more\n- two", "one more\ntwo"),
            ("numbered line inside a paragraph", "It began in\n1990. Then more.", "It began in 1990. Then more."),
            ("blockquotes", "> quoted\n> more\n>\n> > nested", "quoted more\n\nnested"),
            ("quote after paragraph", "text\n> quote", "text\n\nquote"),
            ("horizontal rules", "a\n\n---\n\nb\n\n* * *\n\nc\n\n___", "a\n\nb\n\nc"),
            ("soft wraps join", "one\ntwo\nthree", "one two three"),
            ("hard breaks", "one  \ntwo\\\nthree", "one\ntwo\nthree"),
            ("fenced code", "```rust\nlet x = *y*;\n```\ntext", "let x = *y*;\n\ntext"),
            ("unclosed fence", "~~~\ncode", "code"),
            ("html blocks", "<div class=\"note\">\n<p>Inside &amp; out</p>\n</div>\n\nafter", "Inside & out\n\nafter"),
            ("html comment block", "<!--\nhidden\n-->\ntext", "text"),
            ("script block", "<script>\nvar a;\n\nvar b;\n</script>\ntext", "text"),
            ("inline html", "a <b>bold</b> and <br> b <span class=\"x\">c</span>", "a bold and\nb c"),
            (
                "autolinks",
                "mail <news@example.org> or <https://example.org>",
                "mail news@example.org or https://example.org",
            ),
            ("less-than in text", "if a < b and c<d", "if a < b and c<d"),
            ("entities", "AT&amp;T &copy; 2024 &#8212; &bogus;", "AT&T © 2024 — &bogus;"),
            ("tables", "| a | b |\n|---|:-:|\n| *c* | d \\| e |", "a\tb\nc\td | e"),
            (
                "front matter title",
                "---\ntitle: \"Crane falls\"\ndate: 2024-01-01\n---\nBody text.",
                "Crane falls\n\nBody text.",
            ),
            ("front matter title not used with h1", "---\ntitle: T\n---\n# H\n\nBody", "H\n\nBody"),
            ("crlf", "# T\r\n\r\nline one\r\nline two\r\n", "T\n\nline one line two"),
            ("bom", "\u{FEFF}text", "text"),
            ("empty", "", ""),
        ];
        for (what, md, want) in cases {
            assert_eq!(markdown_to_text(md), *want, "{what}: {md:?}");
        }
    }
}
