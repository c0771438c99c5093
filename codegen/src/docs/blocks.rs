//! The element tree as blocks: paragraphs, lists and fences.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn blocks(nodes: &[Node]) -> Vec<Block> {
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

pub(super) fn block(node: &Node, elem: &Elem) -> Vec<Block> {
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

pub(super) fn list(items: Vec<Vec<Block>>) -> Vec<Block> {
    let items: Vec<_> = items.into_iter().filter(|item| !item.is_empty()).collect();
    if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::List(items)]
    }
}

pub(super) fn push_para(nodes: &[Node], out: &mut Vec<Block>) {
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

pub(super) fn list_items(children: &[Node]) -> Vec<Vec<Block>> {
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

pub(super) fn dl_items(children: &[Node]) -> Vec<Vec<Block>> {
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
pub(super) fn attach(items: &mut Vec<Vec<Block>>, stray: Vec<Block>) {
    match items.last_mut() {
        _ if stray.is_empty() => {}
        Some(prev) => prev.extend(stray),
        None => items.push(stray),
    }
}

/// Prepends `p` to the first paragraph of non-empty `blocks`.
pub(super) fn prefix(mut blocks: Vec<Block>, p: &str) -> Vec<Block> {
    match blocks.first_mut() {
        Some(Block::Para(segs)) if !segs.is_empty() => segs[0] = format!("{p} {}", segs[0]),
        Some(_) => blocks.insert(0, Block::Para(vec![p.to_string()])),
        None => {}
    }
    blocks
}

pub(super) fn pre_lines(nodes: &[Node]) -> Vec<String> {
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
