/// Short lines made only of these words are page chrome (share bars,
/// comment links, cookie banners).
const CHROME_WORDS: &[&str] = &[
    "adjust",
    "comment",
    "comments",
    "print",
    "share",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "subscribe",
    "advertisement",
    "advertising",
    "ad",
    "newsletter",
    "sign",
    "up",
    "in",
    "log",
    "read",
    "more",
    "related",
    "listen",
    "save",
    "copy",
    "link",
    "font",
    "size",
    "text",
    "close",
    "menu",
    "search",
    "home",
    "skip",
    "to",
    "content",
    "follow",
    "us",
    "on",
    "cookies",
    "cookie",
    "accept",
    "settings",
    "reject",
    "all",
    "show",
    "hide",
    "story",
    "continue",
    "reading",
    "below",
    "sponsored",
    "the",
    "and",
    "&",
    "|",
    "·",
    "-",
    "x",
];

/// Outlets that commonly appear in datelines; used to recognise a dateline
/// in degraded text where the parentheses were lost.
const WIRE_NAMES: &[&str] = &["reuters", "ap", "afp", "upi", "dpa", "xinhua", "bloomberg", "tass"];

/// "By Jane Smith" / "By JANE SMITH and Tom Lee, Reuters": the author.
pub(super) fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if !(2..=8).contains(&words.len()) {
        return None;
    }
    let name_like = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '|');
        w.is_empty() || w == "and" || w == "&" || w.chars().next().is_some_and(char::is_uppercase)
    });
    name_like.then(|| rest.trim().trim_end_matches(['.', ',']).to_string())
}

/// Image and photo credits: "Photo: Jane Smith/Reuters", "(Getty Images)".
pub(super) fn is_credit(line: &str) -> bool {
    if line.split_whitespace().nth(14).is_some() {
        return false;
    }
    let lower = line.to_lowercase();
    let t = lower.trim_start_matches(['(', '[']);
    let starts =
        ["photo", "image", "picture", "credit", "file photo", "video:", "graphic:"].iter().any(|p| t.starts_with(p));
    let agency = ["getty images", "reuters", "afp", "associated press", "ap photo", "epa", "shutterstock", "/"]
        .iter()
        .any(|a| lower.contains(a));
    (starts && (lower.contains(':') || agency || lower.contains(" by ")))
        || lower.trim_matches(['(', ')']) == "getty images"
}

/// "Coastline TV's Ana Diaz has more from the port." → "Coastline TV".
pub(super) fn credit_outlet(line: &str) -> Option<String> {
    let at = line.find("'s ").or_else(|| line.find("’s "))?;
    let outlet = line.get(..at)?.trim();
    let rest = line.get(at..)?;
    let words = outlet.split_whitespace().count();
    let capitalized =
        outlet.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    let credit = [" has more", " reports from", " reporting from", " has the story", " reports on"]
        .iter()
        .any(|p| rest.get(..rest.len().min(80)).is_some_and(|r| r.contains(p)));
    ((1..=4).contains(&words) && capitalized && credit).then(|| outlet.to_string())
}

/// `date 2017-05-02 …` and `Date: …` style header prefixes: (key, value,
/// bytes used).
pub(super) fn header_prefix(line: &str) -> Option<(&'static str, String, usize)> {
    let head: &[u8; 5] = line.as_bytes().get(..5)?.try_into().ok()?;
    let rest_at =
        if head[..4].eq_ignore_ascii_case(b"date") && matches!(head[4], b':' | b' ') { 5 } else { return None };
    let rest = line.get(rest_at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let value: String =
        rest.trim_start().chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '/').collect();
    let digits = value.chars().filter(|c| c.is_ascii_digit()).count();
    if digits >= 6 && value.len() >= 8 {
        Some(("date", value.clone(), rest_at + skipped + value.len()))
    } else {
        None
    }
}

pub(super) fn is_chrome(line: &str) -> bool {
    // chrome lines are short: decide long lines without allocating
    if line.len() > 120 || line.split_ascii_whitespace().nth(8).is_some() {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&').to_lowercase())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let lower = line.to_lowercase();
    if lower.contains("cookie") && (lower.contains("accept") || lower.contains("policy")) {
        return true;
    }
    let newsletter = (lower.contains("sign up") || lower.contains("subscribe"))
        && (lower.contains("newsletter") || lower.contains("email") || lower.contains("inbox"));
    if newsletter
        || lower.starts_with("read more:")
        || lower.starts_with("related:")
        || lower.starts_with("advertisement")
    {
        return true;
    }
    words.iter().all(|w| w.is_empty() || CHROME_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| !matches!(w.as_str(), "" | "the" | "and" | "to" | "in" | "on" | "up" | "all" | "us"))
}

/// `WASHINGTON/MOSCOW (Reuters) -` style datelines: (place, source, bytes
/// used). Also the degraded form `washington moscow  reuters   `.
pub(super) fn dateline(line: &str) -> Option<(String, String, usize)> {
    let head = line.get(..line.len().min(120)).or_else(|| {
        let mut end = line.len().min(120);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line.get(..end)
    })?;
    if let Some(open) = head.find('(') {
        let close = open + head.get(open..)?.find(')')?;
        let place = head.get(..open)?.trim();
        let source = head.get(open + 1..close)?.trim();
        let after = head.get(close + 1..)?;
        let dash = after.trim_start();
        let dash_len = dash.chars().next().filter(|c| matches!(c, '-' | '–' | '—')).map(char::len_utf8)?;
        let place_ok = place.chars().any(|c| c.is_alphabetic())
            && place.chars().all(|c| !c.is_lowercase())
            && place.split_whitespace().count() <= 6;
        let source_ok = (2..=40).contains(&source.len()) && source.chars().next().is_some_and(char::is_uppercase);
        if place_ok && source_ok {
            let used = close + 1 + (after.len() - dash.len()) + dash_len;
            return Some((title_case(place), source.to_string(), used));
        }
        return None;
    }
    // Degraded: "washington moscow  reuters    u s  president"
    let lower = head.to_lowercase();
    if lower != head {
        return None;
    }
    for wire in WIRE_NAMES {
        let pat = format!("  {wire}  ");
        if let Some(at) = lower.find(&pat) {
            let place = lower.get(..at)?.trim();
            if place.is_empty()
                || place.split_whitespace().count() > 5
                || !place.chars().all(|c| c.is_alphabetic() || c == ' ')
            {
                continue;
            }
            let used = at + pat.len();
            let source = if wire.len() <= 3 { wire.to_uppercase() } else { title_case(wire) };
            return Some((title_case(place), source, used));
        }
    }
    None
}

fn title_case(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.split('/')
                .map(|part| {
                    let mut cs = part.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect::<String>(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}
