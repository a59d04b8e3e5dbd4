//! Article extraction from web pages (`corroborate::input::extract_article`):
//! the tree builder, the JSON-LD reader, the scoring and the renderer. Any
//! markup must give an article and blocks, never a panic; the kept blocks
//! must be the text, and what comes out must be usable by the analysis.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    /// Markup pieces joined in order, so that tags, attributes and text mix.
    pieces: Vec<Piece>,
    /// Also run the text stages on the article.
    analyze: bool,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Text(String),
    Open(Tag, Option<Attr>),
    Close(Tag),
    JsonLd(String),
    Raw(String),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Tag {
    Div,
    P,
    Article,
    Form,
    Nav,
    Ul,
    Li,
    A,
    Table,
    Td,
    Tr,
    H1,
    Script,
    Title,
    Meta,
    Br,
}

#[derive(Arbitrary, Debug)]
enum Attr {
    Class(String),
    Id(String),
    Hidden,
    Style(String),
    ItemProp,
    Content(String),
}

fn tag(t: Tag) -> &'static str {
    match t {
        Tag::Div => "div",
        Tag::P => "p",
        Tag::Article => "article",
        Tag::Form => "form",
        Tag::Nav => "nav",
        Tag::Ul => "ul",
        Tag::Li => "li",
        Tag::A => "a",
        Tag::Table => "table",
        Tag::Td => "td",
        Tag::Tr => "tr",
        Tag::H1 => "h1",
        Tag::Script => "script",
        Tag::Title => "title",
        Tag::Meta => "meta",
        Tag::Br => "br",
    }
}

fuzz_target!(|input: Input| {
    let mut html = String::new();
    for p in &input.pieces {
        match p {
            Piece::Text(s) | Piece::Raw(s) => html.push_str(s),
            Piece::Open(t, attr) => {
                html.push('<');
                html.push_str(tag(*t));
                match attr {
                    Some(Attr::Class(c)) => html.push_str(&format!(" class=\"{c}\"")),
                    Some(Attr::Id(c)) => html.push_str(&format!(" id='{c}'")),
                    Some(Attr::Hidden) => html.push_str(" hidden"),
                    Some(Attr::Style(s)) => html.push_str(&format!(" style=\"{s}\"")),
                    Some(Attr::ItemProp) => html.push_str(" itemprop=articleBody"),
                    Some(Attr::Content(s)) => html.push_str(&format!(" property=og:title content=\"{s}\"")),
                    None => {}
                }
                html.push('>');
            }
            Piece::Close(t) => {
                html.push_str("</");
                html.push_str(tag(*t));
                html.push('>');
            }
            Piece::JsonLd(s) => {
                html.push_str("<script type=\"application/ld+json\">");
                html.push_str(s);
                html.push_str("</script>");
            }
        }
    }
    let e = corroborate::input::extract_article(&html);
    let kept: Vec<&str> = e.blocks.iter().filter(|b| b.kept).map(|b| b.text.as_str()).collect();
    assert_eq!(kept.join("\n\n"), e.text);
    if input.analyze {
        let _ = corroborate::internal::text_stages(&e.text);
    }
});
