use super::char_refs::named_entity;
use super::not_word;
use super::refuse;
use super::Decoded;
use super::Format;
use crate::error::Error;
use crate::error::ErrorKind;
use std::io::Read;

/// Reads a ZIP archive: a `.docx`, or a refusal naming what it is.
pub(super) fn read_zip(shown: &str, ext: &str, bytes: &[u8], limit: u64) -> Result<Decoded, Error> {
    let mut zip = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) if ext == "docx" => return Err(not_word(shown, &format!("the archive is damaged ({e})"))),
        Err(_) => return Err(refuse(shown, "a damaged ZIP archive")),
    };
    if zip.index_for_name("word/document.xml").is_none() {
        let has = |n: &str| zip.index_for_name(n).is_some();
        let what = if has("xl/workbook.xml") {
            "an Excel spreadsheet"
        } else if has("ppt/presentation.xml") {
            "a PowerPoint presentation"
        } else if has("content.xml") && has("mimetype") {
            "an OpenDocument file"
        } else if has("META-INF/container.xml") {
            "an EPUB e-book"
        } else if ext == "docx" {
            return Err(not_word(shown, "it has no word/document.xml part"));
        } else {
            "a ZIP archive"
        };
        return Err(refuse(shown, what));
    }
    let too_large = || {
        Error::new(
            ErrorKind::TooLarge,
            format!("{shown} is too large: its text unpacks to more than {} MB", limit / (1024 * 1024)),
        )
    };
    let file = zip.by_name("word/document.xml").map_err(|e| not_word(shown, &format!("{e}")))?;
    if file.size() > limit {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_word(shown, &format!("its text part cannot be unpacked ({e})")))?;
    if xml.len() as u64 > limit {
        return Err(too_large());
    }
    let text = docx_text(&xml).map_err(|e| not_word(shown, &format!("its text part is not valid XML ({e})")))?;
    let mut warnings = Vec::new();
    if text.is_empty() {
        warnings.push(format!("{shown} has no text"));
    }
    Ok(Decoded { text, format: Format::Docx, warnings, meta: None, blocks: Vec::new() })
}

/// The namespace prefix of WordprocessingML in the root element, `w` when
/// it is not declared.
fn word_prefix(root: &quick_xml::events::BytesStart) -> Vec<u8> {
    for a in root.attributes().flatten() {
        let key = a.key.as_ref();
        if let Some(p) = key.strip_prefix(b"xmlns:") {
            let v = a.value.as_ref();
            if v.ends_with(b"/wordprocessingml/2006/main") || v.ends_with(b"/wordprocessingml/main") {
                return p.to_vec();
            }
        }
    }
    b"w".to_vec()
}

/// The text of `word/document.xml`: paragraphs separated by a blank line,
/// `<w:tab/>` a tab, `<w:br/>` and `<w:cr/>` a line break; deleted and
/// moved-away text (tracked changes) and the fallback copies of text boxes
/// are skipped.
fn docx_text(xml: &[u8]) -> Result<String, quick_xml::Error> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut prefix: Option<Vec<u8>> = None;
    let mut paras: Vec<String> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let (mut in_t, mut in_run, mut skip) = (0usize, 0usize, 0usize);
    loop {
        let event = reader.read_event()?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let p = prefix.get_or_insert_with(|| word_prefix(e));
            let qname = e.name();
            let (pfx, local) = split_qname(qname.as_ref());
            if local == b"Fallback" || (pfx == p.as_slice() && matches!(local, b"del" | b"moveFrom")) {
                if !empty {
                    skip += 1;
                }
                continue;
            }
            if pfx != p.as_slice() || skip > 0 {
                continue;
            }
            let add = match local {
                b"p" if !empty => {
                    open.push(String::new());
                    None
                }
                b"r" if !empty => {
                    in_run += 1;
                    None
                }
                b"t" if !empty => {
                    in_t += 1;
                    None
                }
                b"tab" if in_run > 0 => Some('\t'),
                b"br" | b"cr" if in_run > 0 => Some('\n'),
                b"noBreakHyphen" if in_run > 0 => Some('-'),
                _ => None,
            };
            if let (Some(c), Some(top)) = (add, open.last_mut()) {
                top.push(c);
            }
            continue;
        }
        match event {
            Event::End(e) => {
                let qname = e.name();
                let (pfx, local) = split_qname(qname.as_ref());
                let word = prefix.as_deref() == Some(pfx);
                if local == b"Fallback" || (word && matches!(local, b"del" | b"moveFrom")) {
                    skip = skip.saturating_sub(1);
                } else if word && skip == 0 {
                    match local {
                        b"p" => {
                            if let Some(p) = open.pop() {
                                let p = p.trim();
                                if !p.is_empty() {
                                    paras.push(p.to_string());
                                }
                            }
                        }
                        b"r" => in_run = in_run.saturating_sub(1),
                        b"t" => in_t = in_t.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_t > 0 && skip == 0 => {
                if let Some(top) = open.last_mut() {
                    top.push_str(&t.decode().map_err(quick_xml::Error::Encoding)?);
                }
            }
            Event::CData(t) if in_t > 0 && skip == 0 => {
                if let Some(top) = open.last_mut() {
                    top.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_t > 0 && skip == 0 => {
                let c = match r.resolve_char_ref()? {
                    Some(c) => Some(c),
                    None => named_entity(&r.decode().map_err(quick_xml::Error::Encoding)?),
                };
                if let (Some(top), Some(c)) = (open.last_mut(), c) {
                    top.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(paras.join("\n\n"))
}

fn split_qname(q: &[u8]) -> (&[u8], &[u8]) {
    match q.iter().position(|c| *c == b':') {
        Some(k) => (q.get(..k).unwrap_or_default(), q.get(k + 1..).unwrap_or_default()),
        None => (&[], q),
    }
}
