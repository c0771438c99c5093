//! Tokenizer and element tree, tolerant of unclosed and stray tags.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn parse(src: &str) -> Vec<Node> {
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
pub(super) fn tag(stack: &mut Vec<Elem>, s: &str) -> Option<usize> {
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
pub(super) fn tag_end(s: &str) -> Option<usize> {
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
pub(super) fn href(attrs: &str) -> Option<String> {
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

pub(super) fn decode_entities(s: &str) -> String {
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

pub(super) fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

pub(super) fn push_text(stack: &mut [Elem], text: &str) {
    let Some(top) = stack.last_mut().filter(|_| !text.is_empty()) else {
        return;
    };
    match top.children.last_mut() {
        Some(Node::Text(last)) => last.push_str(text),
        _ => top.children.push(Node::Text(text.to_string())),
    }
}

pub(super) fn push_node(stack: &mut [Elem], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Pops open elements until only `len` remain (never the root), attaching each to its parent.
pub(super) fn close_to(stack: &mut Vec<Elem>, len: usize) {
    while stack.len() > len.max(1) {
        if let Some(elem) = stack.pop() {
            push_node(stack, Node::Elem(elem));
        }
    }
}

/// HTML-style implicit closing: a new `li` ends the open `li`, `dt`/`dd` end each other, `p` a `p`.
pub(super) fn auto_close(stack: &mut Vec<Elem>, name: &str) {
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
