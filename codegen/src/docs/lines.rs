//! Blocks as CommonMark lines.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Lines for `blocks`; `depth` is the list nesting (nested lists are capped at two levels so no
/// line outside a fence is indented by four or more spaces).
pub(super) fn emit(blocks: &[Block], depth: usize) -> Vec<String> {
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
pub(super) fn flat_item(item: &[Block], out: &mut Vec<String>) {
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

pub(super) fn para_lines(segs: &[String]) -> Vec<String> {
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

pub(super) fn fence(code: &[String]) -> Vec<String> {
    let longest = code.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let marker = "`".repeat((longest + 1).max(3));
    let mut lines = vec![format!("{marker}text")];
    lines.extend(code.iter().cloned());
    lines.push(marker);
    lines
}
