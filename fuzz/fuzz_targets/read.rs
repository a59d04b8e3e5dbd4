//! The file readers (`corroborate::input::read`): sniffing, UTF-8/UTF-16
//! decoding, HTML, Markdown and `.docx` (ZIP + XML). Any bytes under any
//! name must give text or an `Error`, never a panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Name {
    None,
    Txt,
    Html,
    Md,
    Docx,
    Other(String),
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    name: Name,
    bytes: &'a [u8],
}

fuzz_target!(|input: Input| {
    let name = match &input.name {
        Name::None => None,
        Name::Txt => Some("a.txt"),
        Name::Html => Some("a.html"),
        Name::Md => Some("a.md"),
        Name::Docx => Some("a.docx"),
        Name::Other(s) => Some(s.as_str()),
    };
    if let Ok(d) = corroborate::input::read(name, input.bytes) {
        // the text goes on to analysis; it must be usable there too
        let _ = corroborate::internal::text_stages(&d.text);
    }
});
