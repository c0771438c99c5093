//! Inline markup and the escaping of literal text.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn inline(nodes: &[Node], style: Style) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) => escape_text(text, !style.link, &mut out),
            Node::Elem(elem) => inline_elem(elem, style, &mut out),
        }
    }
    out
}

pub(super) fn inline_elem(elem: &Elem, style: Style, out: &mut String) {
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

pub(super) fn link(elem: &Elem, style: Style, out: &mut String) {
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
pub(super) fn wrap(inner: &str, open: &str, close: &str, out: &mut String) {
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

pub(super) fn code_span(raw: &str, out: &mut String) {
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
pub(super) fn escape_text(text: &str, autolink: bool, out: &mut String) {
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
pub(super) fn url_len(chars: &[char]) -> Option<usize> {
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

pub(super) fn looks_like_entity(rest: &[char]) -> bool {
    let rest = rest.strip_prefix(&['#']).unwrap_or(rest);
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escapes a character that would make a line start a heading, list or thematic break.
pub(super) fn escape_start(line: &str) -> String {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match line[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        Some('#' | '-' | '+' | '=') if digits == 0 => format!("\\{line}"),
        _ => line.to_string(),
    }
}

pub(super) fn encode_url(url: &str) -> String {
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

pub(super) fn plain(nodes: &[Node], br: char) -> String {
    let text = |node: &Node| match node {
        Node::Text(text) => text.clone(),
        Node::Elem(elem) if elem.name == "br" => br.to_string(),
        Node::Elem(elem) => plain(&elem.children, br),
    };
    nodes.iter().map(text).collect()
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn longest_run(s: &str, ch: char) -> usize {
    s.split(|c| c != ch).map(str::len).max().unwrap_or(0)
}
