//! Smithy `documentation` trait text (HTML-ish) → CommonMark lines for rustdoc.
//!
//! A tiny tokenizer recognises only a fixed set of HTML tag names; anything else in angle
//! brackets (`<region>`, `<fleet ID>`) is literal text. Tokens fold into a forgiving element
//! tree, which renders to blocks (paragraphs, lists, fences) and finally to lines. All literal
//! text is escaped so rustdoc sees no stray HTML, intra-doc links, bare URLs or emphasis.

mod blocks;
mod inline;
mod lines;
mod parse;

#[allow(clippy::wildcard_imports)]
use self::{blocks::*, inline::*, lines::*, parse::*};

/// Tag names treated as markup; tags without a rendering rule below keep only their text.
#[rustfmt::skip]
const KNOWN: &[&str] = &[
    "a", "b", "blockquote", "br", "cite", "code", "dd", "div", "dl", "dt", "em", "fullname", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "important", "kbd", "li", "note", "ol", "p", "pre",
    "replaceable", "samp", "span", "strong", "sub", "sup", "tt", "u", "ul",
];

/// Known tags that start a new block (paragraph boundary).
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "blockquote", "dd", "div", "dl", "dt", "fullname", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "important", "li", "note", "ol", "p", "pre", "ul",
];

/// Named entities decoded besides numeric ones (`&#39;`, `&#x27;`); others stay literal.
#[rustfmt::skip]
const ENTITIES: &[(&str, char)] = &[
    ("lt", '<'), ("gt", '>'), ("amp", '&'), ("quot", '"'), ("apos", '\''), ("nbsp", ' '),
    ("ndash", '–'), ("mdash", '—'), ("hellip", '…'), ("lsquo", '‘'), ("rsquo", '’'),
    ("ldquo", '“'), ("rdquo", '”'), ("copy", '©'), ("reg", '®'), ("trade", '™'),
];

/// Deeper nesting is flattened, so rendering recursion stays bounded on hostile input.
const MAX_DEPTH: usize = 48;

struct Elem {
    name: &'static str,
    href: Option<String>,
    children: Vec<Node>,
}

enum Node {
    Text(String),
    Elem(Elem),
}

/// Rendered block structure; paragraphs hold one string per hard-break segment.
enum Block {
    Para(Vec<String>),
    List(Vec<Vec<Block>>),
    Fence(Vec<String>),
}

/// Inline formatting already in effect (to avoid nesting the same markup).
#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    link: bool,
}

/// Renders a documentation string as CommonMark lines (no `///` prefix, `""` for blank lines).
pub fn doc_lines(doc: &str) -> Vec<String> {
    emit(&blocks(&parse(doc)), 0)
}
