use super::*;

fn ok(name: Option<&str>, bytes: &[u8]) -> Decoded {
    read(name, bytes).unwrap_or_else(|e| panic!("{name:?}: {e}"))
}

fn err(name: Option<&str>, bytes: &[u8]) -> Error {
    read(name, bytes).expect_err("should be refused")
}

fn utf16_bytes(s: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut v = Vec::new();
    if bom {
        v.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
    }
    for u in s.encode_utf16() {
        v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

#[test]
fn text_encodings() {
    let s = "Café “owners” said 🙂.\r\nNext line.";
    // (what it shows, name, bytes)
    let cases: Vec<(&str, Option<&str>, Vec<u8>)> = vec![
        ("utf-8", Some("a.txt"), s.as_bytes().to_vec()),
        ("utf-8 with bom", Some("a.txt"), [b"\xEF\xBB\xBF", s.as_bytes()].concat()),
        ("no name", None, s.as_bytes().to_vec()),
        ("utf-16 le with bom", Some("a.txt"), utf16_bytes(s, true, true)),
        ("utf-16 be with bom", Some("a.txt"), utf16_bytes(s, false, true)),
        ("utf-16 le without bom", Some("a.txt"), utf16_bytes(s, true, false)),
        ("utf-16 be without bom", None, utf16_bytes(s, false, false)),
        ("unknown extension", Some("story.log"), s.as_bytes().to_vec()),
    ];
    for (what, name, bytes) in cases {
        let d = ok(name, &bytes);
        assert_eq!(d.text, s, "{what}");
        assert_eq!(d.format, Format::Text, "{what}");
        assert!(d.warnings.is_empty(), "{what}: {:?}", d.warnings);
    }
    assert_eq!(ok(Some("empty.txt"), b"").text, "");
    assert_eq!(ok(Some("bom-only.txt"), b"\xEF\xBB\xBF").text, "");
}

#[test]
fn invalid_encodings_warn_with_the_file_name() {
    let d = ok(Some("notes.txt"), b"caf\xE9 \xFF\xFEx ok");
    assert_eq!(d.text, "caf\u{FFFD} \u{FFFD}\u{FFFD}x ok");
    assert_eq!(d.warnings, ["notes.txt is not valid UTF-8: 3 undecodable bytes were replaced with \u{FFFD}"]);
    let d = ok(Some("one.txt"), b"a\x80b");
    assert_eq!(d.warnings, ["one.txt is not valid UTF-8: 1 undecodable byte was replaced with \u{FFFD}"]);
    let d = ok(None, b"a\x80b");
    assert!(d.warnings[0].starts_with("the input is not valid UTF-8"), "{:?}", d.warnings);
    // a lone surrogate and an odd trailing byte in UTF-16
    let d = ok(Some("w.txt"), b"\xFF\xFEa\x00\x00\xD8b\x00c");
    assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}");
    assert_eq!(d.warnings, ["w.txt is not valid UTF-16: 2 undecodable units were replaced with \u{FFFD}"]);
}

#[test]
fn binary_and_unsupported_files_are_refused() {
    let zip_other = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut w, b"hello").unwrap();
        w.finish().unwrap().into_inner()
    };
    let xlsx = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
        w.finish().unwrap().into_inner()
    };
    // (name, bytes, start of the message)
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("report.pdf", b"%PDF-1.4\n%\xE2\xE3".to_vec(), "report.pdf is a PDF file: "),
        ("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "picture.png is a PNG image: "),
        ("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(), "photo.jpg is a JPEG image: "),
        ("anim.gif", b"GIF89a\x01\0\x01\0".to_vec(), "anim.gif is a GIF image: "),
        ("pic.webp", b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "pic.webp is a WebP image: "),
        ("story.txt.gz", b"\x1F\x8B\x08\0\0\0".to_vec(), "story.txt.gz is a gzip archive: "),
        ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(), "old.doc is a legacy Word .doc file: "),
        ("old.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(), "old.xls is an old Excel .xls file: "),
        ("memo.rtf", b"{\\rtf1\\ansi Hello}".to_vec(), "memo.rtf is an RTF document: "),
        ("archive.zip", zip_other, "archive.zip is a ZIP archive: "),
        ("book.xlsx", xlsx, "book.xlsx is an Excel spreadsheet: "),
        ("broken.zip", b"PK\x03\x04garbage".to_vec(), "broken.zip is a damaged ZIP archive: "),
        ("data.bin", b"abc\0\0\0def".to_vec(), "data.bin is a binary file, not text: "),
        ("ctl.txt", b"\x01\x02\x03\x04abc".to_vec(), "ctl.txt is a binary file, not text: "),
        (
            "<img src=x onerror=alert(1)>.png",
            b"\x89PNG\r\n".to_vec(),
            "<img src=x onerror=alert(1)>.png is a PNG image: ",
        ),
    ];
    for (name, bytes, start) in cases {
        let e = err(Some(name), &bytes);
        assert_eq!(e.kind(), ErrorKind::Unreadable, "{name}");
        let m = e.message();
        assert!(m.starts_with(start), "{name}: {m}");
        assert!(m.contains("Corroborate reads plain text, HTML, Markdown and Word .docx; "), "{m}");
        assert!(!m.ends_with('.'), "{m}");
        assert_eq!(m.lines().count(), 1, "{m}");
    }
    assert!(err(Some("old.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").message().contains("save it as .docx"));
    // content wins over the name
    assert!(err(Some("notes.txt"), b"%PDF-1.7").message().starts_with("notes.txt is a PDF file"));
    assert!(err(None, b"%PDF-1.7").message().starts_with("the input is a PDF file"));
    // text with a few control characters is still text
    assert_eq!(ok(Some("a.txt"), b"text\x0b with a form\x0c feed\x1a").format, Format::Text);
}

#[test]
fn format_by_name_and_content() {
    let page = "<!DOCTYPE html><html><body><p>Hello <b>there</b></p></body></html>";
    let fragment = "<div><p>one</p><p>two</p></div>";
    let article = "Editors say <b> tags and <p> tags are HTML.";
    // (name, text, format, converted text)
    let cases: &[(Option<&str>, &str, Format, &str)] = &[
        (Some("a.html"), fragment, Format::Html, "one\n\ntwo"),
        (Some("a.HTM"), "plain words", Format::Html, "plain words"),
        (Some("dir/a.xhtml"), page, Format::Html, "Hello there"),
        (Some("a.txt"), page, Format::Html, "Hello there"),
        (None, page, Format::Html, "Hello there"),
        (Some("a.txt"), "  \n<html lang=en><p>x</p>", Format::Html, "x"),
        (Some("a.txt"), "<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE html><p>x</p>", Format::Html, "x"),
        (Some("a.txt"), fragment, Format::Text, fragment),
        (Some("a.txt"), article, Format::Text, article),
        (None, "<body><p>x</p>", Format::Text, "<body><p>x</p>"),
        (Some("page.php"), "<body><p>x</p>", Format::Html, "x"),
        (Some("page.aspx"), fragment, Format::Html, "one\n\ntwo"),
        (Some("notes.log"), article, Format::Text, article),
        (Some("a.txt"), "<htmlish> text", Format::Text, "<htmlish> text"),
        (Some("a.md"), "# T\n\n*x*", Format::Markdown, "T\n\nx"),
        (Some("a.Markdown"), "_x_", Format::Markdown, "x"),
        (Some("a.txt"), "# T\n\n*x*", Format::Text, "# T\n\n*x*"),
    ];
    for (name, text, format, want) in cases {
        let d = ok(*name, text.as_bytes());
        assert_eq!((d.format, d.text.as_str()), (*format, *want), "{name:?}: {text:?}");
    }
    let d = ok(Some("page.html"), &utf16_bytes("<p>caf&eacute;</p>", true, true));
    assert_eq!((d.format, d.text.as_str()), (Format::Html, "café"));
    let d = ok(Some("empty.html"), b"<script>x()</script>");
    assert_eq!(d.warnings, ["empty.html has no article text: only markup, scripts or page navigation"]);
}

#[test]
fn serializes_lowercase() {
    let d = Decoded { text: "t".into(), format: Format::Markdown, warnings: vec![], meta: None, blocks: vec![] };
    assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"text":"t","format":"markdown","warnings":[]}"#);
    for f in [Format::Text, Format::Html, Format::Markdown, Format::Docx] {
        assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(document: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", opts).unwrap();
    std::io::Write::write_all(&mut w, b"<?xml version=\"1.0\"?><Types/>").unwrap();
    w.start_file("word/document.xml", opts).unwrap();
    std::io::Write::write_all(&mut w, document.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

fn body(prefix: &str, inner: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<{prefix}:document xmlns:{prefix}=\"{W}\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><{prefix}:body>{inner}</{prefix}:body></{prefix}:document>"
    )
}

#[test]
fn docx_rules() {
    // (what it shows, document body, text)
    let cases: &[(&str, &str, &str)] = &[
        ("paragraphs and runs", "<w:p><w:r><w:t>Crane </w:t></w:r><w:r><w:t>falls</w:t></w:r></w:p><w:p><w:r><w:t>Four died.</w:t></w:r></w:p>", "Crane falls\n\nFour died."),
        ("tab, br and cr", "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>", "a\tb\nc\nd"),
        ("tab stops are not tabs", "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>", "x"),
        ("deleted text skipped", "<w:p><w:r><w:t>kept </w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>gone </w:delText></w:r></w:del><w:ins w:id=\"2\"><w:r><w:t>added</w:t></w:r></w:ins></w:p>", "kept added"),
        ("moved-away text skipped", "<w:p><w:moveFrom><w:r><w:t>old place</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo><w:r><w:t>new place</w:t></w:r></w:moveTo></w:p>", "new place"),
        ("references and cdata", "<w:p><w:r><w:t>AT&amp;T &#8217;s &lt;x&gt; &#x2014;</w:t></w:r></w:p>", "AT&T ’s <x> —"),
        ("empty paragraphs skipped", "<w:p/><w:p></w:p><w:p><w:r><w:t xml:space=\"preserve\">  spaced  </w:t></w:r></w:p><w:p><w:r><w:t>  </w:t></w:r></w:p>", "spaced"),
        ("text box fallback not doubled", "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>outer</w:t></w:r></w:p>", "boxed\n\nouter"),
        ("non-breaking hyphen", "<w:p><w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>known</w:t></w:r></w:p>", "well-known"),
        ("instructions and properties ignored", "<w:p><w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>link</w:t></w:r></w:p>", "link"),
        ("tables", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "cell"),
    ];
    for (what, inner, want) in cases {
        let d = ok(Some("story.docx"), &docx(&body("w", inner)));
        assert_eq!(d.format, Format::Docx, "{what}");
        assert_eq!(d.text, *want, "{what}");
    }
    // another prefix for the namespace, and a docx with no name
    let d = ok(None, &docx(&body("ns0", "<ns0:p><ns0:r><ns0:t>other prefix</ns0:t></ns0:r></ns0:p>")));
    assert_eq!((d.format, d.text.as_str()), (Format::Docx, "other prefix"));
    // a docx by content whatever the extension
    assert_eq!(ok(Some("story.zip"), &docx(&body("w", "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))).text, "x");
    let d = ok(Some("blank.docx"), &docx(&body("w", "")));
    assert_eq!(d.warnings, ["blank.docx has no text"]);
}

#[test]
fn damaged_docx_is_refused_clearly() {
    let good = docx(&body("w", "<w:p><w:r><w:t>text</w:t></w:r></w:p>"));
    let not_zip = b"just some text".to_vec();
    let truncated = good[..good.len() / 2].to_vec();
    let mut corrupt = good.clone();
    // flip bytes inside the compressed document.xml
    let at = corrupt.windows(17).position(|w| w == b"word/document.xml").unwrap() + 40;
    for b in &mut corrupt[at..at + 20] {
        *b ^= 0x5A;
    }
    let no_document = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("word/styles.xml", zip::write::SimpleFileOptions::default()).unwrap();
        w.finish().unwrap().into_inner()
    };
    let bad_xml = docx("<w:document><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p foo=\"");
    for (what, bytes) in [
        ("not zip", not_zip),
        ("truncated", truncated),
        ("corrupt", corrupt),
        ("no document", no_document),
        ("bad xml", bad_xml),
    ] {
        let e = err(Some("story.docx"), &bytes);
        assert_eq!(e.kind(), ErrorKind::Unreadable, "{what}");
        assert!(e.message().starts_with("story.docx is not a readable Word file: "), "{what}: {}", e.message());
        assert_eq!(e.message().lines().count(), 1, "{what}");
    }
}

#[test]
fn docx_size_is_limited() {
    let big = docx(&body("w", &"<w:p><w:r><w:t>word word word</w:t></w:r></w:p>".repeat(2000)));
    let e = read_limited(Some("big.docx"), &big, 10_000).expect_err("over the limit");
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert!(e.message().starts_with("big.docx is too large"), "{}", e.message());
    assert!(read_limited(Some("big.docx"), &big, 1 << 20).is_ok());
}

#[cfg(not(target_family = "wasm"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn names() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            prop::sample::select(vec!["a.txt", "a.html", "a.md", "a.docx", "a.php", "a", "", "x.doc"])
                .prop_map(|s| Some(s.to_string())),
            any::<String>().prop_map(Some),
        ]
    }

    /// Strings dense in markup: tags, quotes, entities, comments.
    fn markup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(vec![
                "<",
                ">",
                "</",
                "/>",
                "<p>",
                "</p>",
                "<br>",
                "<!--",
                "-->",
                "<!",
                "<?",
                "<script>",
                "</script>",
                "<style",
                "<title>",
                "</title>",
                "<pre>",
                "</pre>",
                "<nav>",
                "</nav>",
                "<svg/>",
                "<h1>",
                "</h1>",
                "<article>",
                "<header>",
                "\"",
                "'",
                "=",
                "&",
                "&amp;",
                "&#",
                "&#x",
                "&#1114111;",
                ";",
                "#",
                "*",
                "_",
                "`",
                "[",
                "](",
                ")",
                "![",
                "> ",
                "- ",
                "1. ",
                "\n",
                "\n\n",
                " ",
                "|",
                "---",
                "```",
                "\\",
                "é",
                "🙂",
                "a",
            ])
            .prop_map(str::to_string),
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

        #[test]
        fn read_never_panics(name in names(), bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(name.as_deref(), &bytes);
        }

        #[test]
        fn read_never_panics_on_zip_like_bytes(tail in prop::collection::vec(any::<u8>(), 0..400)) {
            let bytes = [b"PK\x03\x04".as_slice(), &tail].concat();
            let _ = read(Some("x.docx"), &bytes);
        }

        #[test]
        fn read_never_panics_on_damaged_docx(at in 0usize..2000, flip in 1u8..=255) {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut w, b"<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>").unwrap();
            let mut bytes = w.finish().unwrap().into_inner();
            let k = at % bytes.len();
            bytes[k] ^= flip;
            let _ = read(Some("x.docx"), &bytes);
        }

        #[test]
        fn converters_never_panic(s in markup()) {
            let text = html_to_text(&s);
            prop_assert!(!text.contains("\n\n\n"));
            let _ = markdown_to_text(&s);
            let _ = read(Some("a.html"), s.as_bytes());
            let _ = read(Some("a.md"), s.as_bytes());
        }

        #[test]
        fn converters_never_panic_on_any_string(s in any::<String>()) {
            let _ = html_to_text(&s);
            let _ = markdown_to_text(&s);
        }
    }
}

/// Issue 15: UTF-16 without a byte-order mark was misread for Cyrillic and
/// CJK (too few NUL bytes for the old detection).
#[test]
fn bomless_utf16_in_other_scripts() {
    for s in [
        "Путин и Трамп обсудили Сирию.\nВстреча прошла в Гамбурге.",
        "普京和特朗普讨论了叙利亚问题。\n会谈在汉堡举行。",
    ] {
        for le in [true, false] {
            let d = ok(Some("a.txt"), &utf16_bytes(s, le, false));
            assert_eq!(d.text, s, "le={le}");
            assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        }
    }
}

/// Issue 15 and 18: NUL bytes after the first 8 KB passed silently, and a
/// single NUL made a text file "binary". Stray control bytes are now
/// removed with a warning wherever they are; only content that is mostly
/// control bytes is refused.
#[test]
fn stray_control_bytes_are_removed_with_a_warning() {
    let mut bytes = "The council met on Monday. ".repeat(400).into_bytes();
    bytes.extend_from_slice(b"\0\0The vote was close.\x1b[0m");
    let d = ok(Some("export.txt"), &bytes);
    assert!(d.text.ends_with("The vote was close.[0m"), "{:?}", &d.text[d.text.len() - 30..]);
    assert!(!d.text.contains('\0'));
    assert_eq!(d.warnings, ["export.txt has stray control characters: 3 characters were removed"]);
    let e = err(Some("blob.txt"), &[0u8, 1, 2, 3, b'a', 0, 0, 7, 8, 9].repeat(100));
    assert_eq!(e.kind(), ErrorKind::Unreadable);
}

/// Issue 18, item 4: a text file with stray control bytes is read as text,
/// the bytes removed with one warning; only content made of control bytes
/// is refused. (name, bytes, the text read or `None` when refused, the
/// number of characters the warning counts)
#[test]
fn stray_control_bytes_table() {
    let long = "The council met on Monday and voted on the budget. ".repeat(200);
    let elf = {
        let mut v = b"\x7fELF\x02\x01\x01\0".to_vec();
        v.extend(std::iter::repeat_n(0u8, 56));
        v.extend((0u8..=255).cycle().take(4000));
        v
    };
    let padded = [long.as_bytes(), &[0u8; 3000]].concat();
    type Case<'s> = (&'s str, Vec<u8>, Option<String>, usize);
    let cases: Vec<Case> = vec![
        ("one NUL in a short text", b"The vote\0 was close.".to_vec(), Some("The vote was close.".into()), 1),
        ("one NUL, seven bytes", b"abc\0def".to_vec(), Some("abcdef".into()), 1),
        ("NUL first", b"\0The vote was close.".to_vec(), Some("The vote was close.".into()), 1),
        ("NUL last", b"The vote was close.\0".to_vec(), Some("The vote was close.".into()), 1),
        (
            "NUL early in a long text",
            [b"The council\0 met. ".as_slice(), long.as_bytes()].concat(),
            Some(format!("The council met. {long}")),
            1,
        ),
        (
            "bell and escape codes",
            b"Alert\x07 from the newsroom: \x1b[1mbold\x1b[0m text follows here.".to_vec(),
            Some("Alert from the newsroom: [1mbold[0m text follows here.".into()),
            3,
        ),
        (
            "two NULs in Cyrillic",
            "Путин\0 и Трамп обсудили Сирию.\0".as_bytes().to_vec(),
            Some("Путин и Трамп обсудили Сирию.".into()),
            2,
        ),
        ("zero padding after the text", padded, Some(long.clone()), 3000),
        ("only NUL bytes", vec![0u8; 64], None, 0),
        ("an executable", elf, None, 0),
        ("dense control bytes", [0u8, 1, 2, 3, b'a', 0, 0, 7, 8, 9].repeat(100), None, 0),
        ("a control byte every fourth", b"abc\x01".repeat(300), None, 0),
    ];
    for (what, bytes, want, removed) in cases {
        match (read(Some("f.txt"), &bytes), want) {
            (Ok(d), Some(text)) => {
                assert_eq!(d.text, text, "{what}");
                assert_eq!(d.format, Format::Text, "{what}");
                let n = if removed == 1 { "1 character was".to_string() } else { format!("{removed} characters were") };
                assert_eq!(d.warnings, [format!("f.txt has stray control characters: {n} removed")], "{what}");
            }
            (Err(e), None) => {
                assert_eq!(e.kind(), ErrorKind::Unreadable, "{what}");
                assert!(e.message().starts_with("f.txt is a binary file, not text"), "{what}: {}", e.message());
            }
            (got, want) => {
                panic!("{what}: got {:?}, want {want:?}", got.map(|d| d.text.chars().take(40).collect::<String>()))
            }
        }
    }
}

/// Issue 15: a file name with a newline split the one-line error, and
/// terminal escape codes in it were printed raw.
#[test]
fn file_names_in_messages_show_control_characters_escaped() {
    let e = err(Some("evil\nname\u{1b}[2J.pdf"), b"%PDF-1.7");
    assert_eq!(e.message().lines().count(), 1, "{}", e.message());
    assert!(e.message().starts_with("evil\\nname\\u{1b}[2J.pdf is a PDF file"), "{}", e.message());
}

/// Issue 15: a 143 KB .docx holding 49 MB of text passed the page's file
/// check and froze it; the decoded text is now checked against the article
/// limit before it goes anywhere.
#[test]
fn decoded_text_over_the_article_limit_is_refused() {
    let big = docx(&body("w", &format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "word ".repeat(450_000))));
    assert!(big.len() < 200_000, "{} bytes", big.len());
    let e = err(Some("huge.docx"), &big);
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert!(
        e.message().starts_with("huge.docx holds 2.2 MB of text, more than the 2 MB one article may have"),
        "{}",
        e.message()
    );
}
