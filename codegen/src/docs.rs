//! Smithy `documentation` trait text (HTML-ish) → CommonMark lines for rustdoc.
//!
//! A tiny tokenizer recognises only a fixed set of HTML tag names; anything else in angle
//! brackets (`<region>`, `<fleet ID>`) is literal text. Tokens fold into a forgiving element
//! tree, which renders to blocks (paragraphs, lists, fences) and finally to lines. All literal
//! text is escaped so rustdoc sees no stray HTML, intra-doc links, bare URLs or emphasis.

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

// ---- Tokenizer and tree building (tolerant of unclosed and stray tags) ----

fn parse(src: &str) -> Vec<Node> {
    let mut stack = vec![Elem {
        name: "",
        href: None,
        children: Vec::new(),
    }];
    let mut rest = src;
    while let Some(pos) = rest.find('<') {
        push_text(&mut stack, &decode_entities(&rest[..pos]));
        rest = &rest[pos..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(len) = tag(&mut stack, rest) {
            rest = &rest[len..];
        } else {
            push_text(&mut stack, "<");
            rest = &rest[1..];
        }
    }
    push_text(&mut stack, &decode_entities(rest));
    close_to(&mut stack, 1);
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// Applies a known tag at the start of `s` to the open-element stack, returning its length.
fn tag(stack: &mut Vec<Elem>, s: &str) -> Option<usize> {
    let body = s.strip_prefix('<')?;
    let (closing, body) = body.strip_prefix('/').map_or((false, body), |b| (true, b));
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = *KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(&body[..name_len]))?;
    let rest = &body[name_len..];
    if !rest.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    let end = tag_end(rest)?;
    let attrs = &rest[..end];
    if closing {
        if let Some(i) = stack.iter().rposition(|e| e.name == name) {
            close_to(stack, i);
        }
    } else {
        auto_close(stack, name);
        let elem = Elem {
            name,
            href: href(attrs),
            children: Vec::new(),
        };
        if attrs.trim_end().ends_with('/') || name == "br" || name == "hr" {
            push_node(stack, Node::Elem(elem));
        } else if stack.len() <= MAX_DEPTH {
            stack.push(elem);
        }
    }
    Some(s.len() - rest.len() + end + 1)
}

/// Index of the `>` ending a tag, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '>') => return Some(i),
            (None, '<') => return None,
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

/// The (entity-decoded) `href` attribute value in a tag's attribute text.
fn href(attrs: &str) -> Option<String> {
    let at = attrs.to_ascii_lowercase().find("href")?;
    let value = attrs[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let (quote, body) = match value.chars().next()? {
        q @ ('"' | '\'') => (q, &value[1..]),
        _ => (' ', value),
    };
    Some(decode_entities(
        &body[..body.find(quote).unwrap_or(body.len())],
    ))
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let semi = rest[1..].find(';').filter(|&n| n <= 10);
        let (c, len) = semi
            .and_then(|n| entity(&rest[1..=n]).map(|c| (c, n + 2)))
            .unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

fn push_text(stack: &mut [Elem], text: &str) {
    let Some(top) = stack.last_mut().filter(|_| !text.is_empty()) else {
        return;
    };
    match top.children.last_mut() {
        Some(Node::Text(last)) => last.push_str(text),
        _ => top.children.push(Node::Text(text.to_string())),
    }
}

fn push_node(stack: &mut [Elem], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Pops open elements until only `len` remain (never the root), attaching each to its parent.
fn close_to(stack: &mut Vec<Elem>, len: usize) {
    while stack.len() > len.max(1) {
        if let Some(elem) = stack.pop() {
            push_node(stack, Node::Elem(elem));
        }
    }
}

/// HTML-style implicit closing: a new `li` ends the open `li`, `dt`/`dd` end each other, `p` a `p`.
fn auto_close(stack: &mut Vec<Elem>, name: &str) {
    let (same, scope): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "p" => (&["p"], &[]),
        _ => return,
    };
    let found = stack
        .iter()
        .rposition(|e| same.contains(&e.name) || scope.contains(&e.name));
    if let Some(i) = found {
        if same.contains(&stack[i].name) && (name != "p" || i + 1 == stack.len()) {
            close_to(stack, i);
        }
    }
}

// ---- Blocks ----

fn blocks(nodes: &[Node]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Elem(elem) = node {
            if BLOCK.contains(&elem.name) {
                push_para(&nodes[start..i], &mut out);
                out.extend(block(node, elem));
                start = i + 1;
            }
        }
    }
    push_para(&nodes[start..], &mut out);
    out
}

fn block(node: &Node, elem: &Elem) -> Vec<Block> {
    let children = &elem.children;
    match elem.name {
        "ul" | "ol" => list(list_items(children)),
        "li" => list(vec![blocks(children)]),
        "dl" => list(dl_items(children)),
        "dt" | "dd" => list(dl_items(std::slice::from_ref(node))),
        "note" => prefix(blocks(children), "**Note:**"),
        "important" => prefix(blocks(children), "**Important:**"),
        "pre" => Some(pre_lines(children))
            .filter(|l| !l.is_empty())
            .map(Block::Fence)
            .into_iter()
            .collect(),
        "fullname" => Vec::new(),
        _ => blocks(children),
    }
}

fn list(items: Vec<Vec<Block>>) -> Vec<Block> {
    let items: Vec<_> = items.into_iter().filter(|item| !item.is_empty()).collect();
    if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::List(items)]
    }
}

fn push_para(nodes: &[Node], out: &mut Vec<Block>) {
    let md = inline(nodes, Style::default());
    let segs: Vec<String> = md
        .split('\n')
        .map(collapse)
        .filter(|s| !s.is_empty())
        .map(|s| escape_start(&s))
        .collect();
    if !segs.is_empty() {
        out.push(Block::Para(segs));
    }
}

fn list_items(children: &[Node]) -> Vec<Vec<Block>> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut start = 0;
    for (i, node) in children.iter().enumerate() {
        if let Node::Elem(elem) = node {
            if elem.name == "li" {
                attach(&mut items, blocks(&children[start..i]));
                items.push(blocks(&elem.children));
                start = i + 1;
            }
        }
    }
    attach(&mut items, blocks(&children[start..]));
    items
}

fn dl_items(children: &[Node]) -> Vec<Vec<Block>> {
    let mut items = Vec::new();
    let mut term: Option<String> = None;
    for node in children {
        match node {
            Node::Elem(elem) if elem.name == "dt" => {
                if let Some(t) = term.take() {
                    items.push(vec![Block::Para(vec![t])]);
                }
                let text = inline(
                    &elem.children,
                    Style {
                        bold: true,
                        ..Style::default()
                    },
                );
                let text = collapse(&text.replace('\n', " "));
                term = (!text.is_empty()).then(|| format!("**{text}**"));
            }
            Node::Elem(elem) if elem.name == "dd" => {
                let def = blocks(&elem.children);
                items.push(match term.take() {
                    Some(t) if def.is_empty() => vec![Block::Para(vec![t])],
                    Some(t) => prefix(def, &format!("{t}:")),
                    None => def,
                });
            }
            other => attach(&mut items, blocks(std::slice::from_ref(other))),
        }
    }
    items.extend(term.map(|t| vec![Block::Para(vec![t])]));
    items
}

/// Appends stray content to the previous item (or makes it an item of its own).
fn attach(items: &mut Vec<Vec<Block>>, stray: Vec<Block>) {
    match items.last_mut() {
        _ if stray.is_empty() => {}
        Some(prev) => prev.extend(stray),
        None => items.push(stray),
    }
}

/// Prepends `p` to the first paragraph of non-empty `blocks`.
fn prefix(mut blocks: Vec<Block>, p: &str) -> Vec<Block> {
    match blocks.first_mut() {
        Some(Block::Para(segs)) if !segs.is_empty() => segs[0] = format!("{p} {}", segs[0]),
        Some(_) => blocks.insert(0, Block::Para(vec![p.to_string()])),
        None => {}
    }
    blocks
}

fn pre_lines(nodes: &[Node]) -> Vec<String> {
    let text = plain(nodes, '\n').replace('\t', "    ");
    let mut lines: Vec<&str> = text.split(['\n', '\r']).map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let lines = &lines[first..];
    let indent = |l: &&str| l.len() - l.trim_start_matches(' ').len();
    let min = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(indent)
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(min..).unwrap_or("").to_string())
        .collect()
}

// ---- Inline markup ----

fn inline(nodes: &[Node], style: Style) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) => escape_text(text, !style.link, &mut out),
            Node::Elem(elem) => inline_elem(elem, style, &mut out),
        }
    }
    out
}

fn inline_elem(elem: &Elem, style: Style, out: &mut String) {
    let children = &elem.children;
    match elem.name {
        "br" => out.push('\n'),
        "code" | "tt" | "kbd" | "samp" => code_span(&plain(children, ' '), out),
        "b" | "strong" if !style.bold => wrap(
            &inline(
                children,
                Style {
                    bold: true,
                    ..style
                },
            ),
            "**",
            "**",
            out,
        ),
        "i" | "em" | "cite" if !style.italic => wrap(
            &inline(
                children,
                Style {
                    italic: true,
                    ..style
                },
            ),
            "*",
            "*",
            out,
        ),
        "a" => link(elem, style, out),
        // A block nested in inline markup: keep its words apart from the neighbours.
        name if BLOCK.contains(&name) => out.push_str(&format!(" {} ", inline(children, style))),
        _ => out.push_str(&inline(children, style)),
    }
}

fn link(elem: &Elem, style: Style, out: &mut String) {
    let href = elem.href.as_deref().map(str::trim).filter(|_| !style.link);
    let absolute = |u: &&str| {
        let lower = u.to_ascii_lowercase();
        u.len() > 8 && (lower.starts_with("http://") || lower.starts_with("https://"))
    };
    let Some(url) = href.filter(absolute).map(encode_url) else {
        return out.push_str(&inline(&elem.children, style));
    };
    let text = inline(
        &elem.children,
        Style {
            link: true,
            ..style
        },
    )
    .replace('\n', " ");
    if text.trim().is_empty() || collapse(&plain(&elem.children, ' ')) == url {
        wrap(&text, "", &format!("<{url}>"), out);
    } else {
        wrap(&text, "[", &format!("]({url})"), out);
    }
}

/// Writes `open body close`, keeping `inner`'s surrounding whitespace outside the markup. An
/// empty `open` means `close` replaces the body entirely (autolinks).
fn wrap(inner: &str, open: &str, close: &str, out: &mut String) {
    let body = inner.trim();
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    if !body.is_empty() || open.is_empty() {
        let body = if open.is_empty() { "" } else { body };
        out.push_str(&format!("{lead}{open}{body}{close}{trail}"));
    } else if !inner.is_empty() {
        out.push(' ');
    }
}

fn code_span(raw: &str, out: &mut String) {
    let code = collapse(raw);
    if code.is_empty() {
        return;
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    if out.ends_with('`') {
        out.push(' '); // adjacent backtick runs would merge into one
    }
    out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
}

/// Escapes literal text for CommonMark; bare URLs become autolinks when `autolink` is set.
fn escape_text(text: &str, autolink: bool, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let url = if autolink && matches!(c, 'h' | 'H') {
            url_len(&chars[i..])
        } else {
            None
        };
        if let Some(url) = url {
            out.push('<');
            out.extend(&chars[i..i + url]);
            out.push('>');
            i += url;
            continue;
        }
        let alnum = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        match c {
            c if c.is_whitespace() => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            '_' if alnum(i.checked_sub(1)) && alnum(Some(i + 1)) => out.push('_'),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
        i += 1;
    }
}

/// Length of an `http(s)://` URL at the start of `chars`, minus trailing punctuation.
fn url_len(chars: &[char]) -> Option<usize> {
    let head = chars
        .iter()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .iter()
        .find(|s| head.starts_with(*s))?
        .len();
    let stop = |c: &char| c.is_whitespace() || c.is_control() || "<>\"'`".contains(*c);
    let mut len = chars.iter().position(stop).unwrap_or(chars.len());
    let count = |len: usize, c: char| chars[..len].iter().filter(|&&x| x == c).count();
    while len > scheme {
        let last = chars[len - 1];
        let strip = match [('(', ')'), ('[', ']'), ('{', '}')]
            .iter()
            .find(|p| p.1 == last)
        {
            Some(&(open, close)) => count(len, close) > count(len, open),
            None => ".,;:!?*_~".contains(last),
        };
        if !strip {
            break;
        }
        len -= 1;
    }
    (len > scheme).then_some(len)
}

fn looks_like_entity(rest: &[char]) -> bool {
    let rest = rest.strip_prefix(&['#']).unwrap_or(rest);
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escapes a character that would make a line start a heading, list or thematic break.
fn escape_start(line: &str) -> String {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match line[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        Some('#' | '-' | '+' | '=') if digits == 0 => format!("\\{line}"),
        _ => line.to_string(),
    }
}

fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            c if c.is_whitespace() => out.push_str("%20"),
            '<' | '>' | '(' | ')' | '[' | ']' | '"' | '`' | '\\' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn plain(nodes: &[Node], br: char) -> String {
    let text = |node: &Node| match node {
        Node::Text(text) => text.clone(),
        Node::Elem(elem) if elem.name == "br" => br.to_string(),
        Node::Elem(elem) => plain(&elem.children, br),
    };
    nodes.iter().map(text).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn longest_run(s: &str, ch: char) -> usize {
    s.split(|c| c != ch).map(str::len).max().unwrap_or(0)
}

// ---- Line emission ----

/// Lines for `blocks`; `depth` is the list nesting (nested lists are capped at two levels so no
/// line outside a fence is indented by four or more spaces).
fn emit(blocks: &[Block], depth: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut prev: Option<&Block> = None;
    for block in blocks {
        let tight = depth > 0 && matches!((prev, block), (Some(Block::Para(_)), Block::List(_)));
        if prev.is_some() && !tight {
            lines.push(String::new());
        }
        match block {
            Block::Para(segs) => lines.extend(para_lines(segs)),
            Block::List(items) if depth == 0 => {
                for item in items {
                    for (i, line) in emit(item, 1).into_iter().enumerate() {
                        lines.push(match i {
                            0 => format!("- {line}"),
                            _ if line.is_empty() => line,
                            _ => format!("  {line}"),
                        });
                    }
                }
            }
            Block::List(items) => items.iter().for_each(|item| flat_item(item, &mut lines)),
            Block::Fence(code) => lines.extend(fence(code)),
        }
        prev = Some(block);
    }
    lines
}

/// A nested list item on one line; its sub-lists follow as siblings, its fences after it.
fn flat_item(item: &[Block], out: &mut Vec<String>) {
    let mut text = Vec::new();
    let mut after = Vec::new();
    for block in item {
        match block {
            Block::Para(segs) => text.extend(segs.iter().cloned()),
            Block::List(items) => items.iter().for_each(|item| flat_item(item, &mut after)),
            Block::Fence(code) => after.extend(fence(code)),
        }
    }
    if !text.is_empty() {
        out.push(format!("- {}", text.join(" ")));
    }
    out.extend(after);
}

fn para_lines(segs: &[String]) -> Vec<String> {
    let last = segs.len().saturating_sub(1);
    segs.iter()
        .enumerate()
        .map(|(i, s)| {
            if i < last {
                format!("{s}\\")
            } else {
                s.clone()
            }
        })
        .collect()
}

fn fence(code: &[String]) -> Vec<String> {
    let longest = code.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let marker = "`".repeat((longest + 1).max(3));
    let mut lines = vec![format!("{marker}text")];
    lines.extend(code.iter().cloned());
    lines.push(marker);
    lines
}
