//! Which members must be boxed: those whose target reaches back to the containing shape through
//! structure and union members alone (lists and maps already allocate).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Model, ShapeId, ShapeKind};

/// The set of `(container, member name)` pairs to box, for the given shapes.
pub(crate) fn boxed_members(
    model: &Model,
    shapes: &BTreeSet<ShapeId>,
) -> BTreeSet<(ShapeId, String)> {
    let edges: BTreeMap<&ShapeId, Vec<(&str, &ShapeId)>> = shapes
        .iter()
        .filter_map(|id| {
            let shape = model.shape(id)?;
            let members = match &shape.kind {
                ShapeKind::Structure(m) | ShapeKind::Union(m) => m,
                _ => return None,
            };
            let direct = members
                .iter()
                .filter(|m| {
                    matches!(
                        model.kind(&m.target),
                        Some(ShapeKind::Structure(_) | ShapeKind::Union(_))
                    )
                })
                .map(|m| (m.name.as_str(), &m.target))
                .collect();
            Some((id, direct))
        })
        .collect();
    let mut boxed = BTreeSet::new();
    for (container, members) in &edges {
        for (name, target) in members {
            if reaches(&edges, target, container) {
                boxed.insert(((*container).clone(), (*name).to_string()));
            }
        }
    }
    boxed
}

/// Depth-first search over direct aggregate edges.
fn reaches(
    edges: &BTreeMap<&ShapeId, Vec<(&str, &ShapeId)>>,
    from: &ShapeId,
    to: &ShapeId,
) -> bool {
    let mut seen = BTreeSet::new();
    let mut pending = vec![from];
    while let Some(id) = pending.pop() {
        if id == to {
            return true;
        }
        if seen.insert(id) {
            pending.extend(edges.get(id).into_iter().flatten().map(|(_, t)| *t));
        }
    }
    false
}
