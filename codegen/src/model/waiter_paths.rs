//! Generate-time checks of waiter paths: each JMESPath expression parses, and each member
//! chain it reads exists in the shapes it reads (the operation's output, or `input` and
//! `output` for an `inputOutput` matcher).

use super::diagnostics::did_you_mean;
use super::shape::{Shape, ShapeKind};
use super::waiters::{Matcher, Waiter};
use super::{Model, ShapeId};

/// What is wrong with the paths of waiter `name` on operation `op`, one message per problem,
/// each naming the waiter and the acceptor (by its index, from 0).
pub(crate) fn problems(model: &Model, op: &Shape, name: &str, waiter: &Waiter) -> Vec<String> {
    let ShapeKind::Operation(o) = &op.kind else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, acceptor) in waiter.acceptors.iter().enumerate() {
        let (path, with_input) = match &acceptor.matcher {
            Matcher::Output(m) => (&m.path, false),
            Matcher::InputOutput(m) => (&m.path, true),
            Matcher::Success(_) | Matcher::ErrorType(_) => continue,
        };
        let at = format!("waiter `{name}` acceptor {index}: path `{path}`");
        let expression = match smithy_jmespath::parse(path) {
            Ok(expression) => expression,
            Err(e) => {
                out.push(format!("{at} is not a JMESPath expression: {e}"));
                continue;
            }
        };
        for chain in expression.fields() {
            let (root, chain) = match (with_input, chain.split_first()) {
                (false, _) => (&o.output, &chain[..]),
                (true, Some((first, rest))) if first == "input" => (&o.input, rest),
                (true, Some((first, rest))) if first == "output" => (&o.output, rest),
                (true, _) => {
                    out.push(format!(
                        "{at} reads `{}`: an inputOutput path starts at `input` or `output`",
                        chain.join(".")
                    ));
                    continue;
                }
            };
            if let Err(problem) = walk(model, root, chain) {
                out.push(format!("{at} {problem}"));
            }
        }
    }
    out
}

/// Follows `chain` from shape `root` through structure members, list elements and map values.
fn walk(model: &Model, root: &ShapeId, chain: &[String]) -> Result<(), String> {
    let mut current = root;
    for segment in chain {
        let shape = element(model, current).ok_or_else(|| {
            format!("reads `{segment}` of `{current}`, which is not in the model")
        })?;
        if segment == "*" {
            // An object wildcard reads every member; what follows is not checked.
            return Ok(());
        }
        let members = match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => members,
            _ => {
                return Err(format!(
                    "reads `{segment}` of `{}`, which has no members",
                    shape.id
                ))
            }
        };
        let Some(member) = members.iter().find(|m| m.name == *segment) else {
            let hint = did_you_mean(segment, members.iter().map(|m| m.name.as_str()));
            return Err(format!(
                "reads `{segment}`, which `{}` does not have{hint}",
                shape.id
            ));
        };
        if let Some(json_name) = member
            .traits
            .json_name
            .as_ref()
            .filter(|j| **j != member.name)
        {
            return Err(format!(
                "reads `{segment}`, whose JSON name is `{json_name}`: waiters evaluate paths on the JSON form, so they cannot read renamed members yet"
            ));
        }
        current = &member.target;
    }
    Ok(())
}

/// The shape a path segment applies to at `id`: the shape itself, or for lists and maps
/// (which projections and wildcards step into) their element or value, repeatedly.
fn element<'m>(model: &'m Model, id: &ShapeId) -> Option<&'m Shape> {
    let mut shape = model.shape(id)?;
    loop {
        let next = match &shape.kind {
            ShapeKind::List(member) => &member.target,
            ShapeKind::Map { value, .. } => &value.target,
            _ => return Some(shape),
        };
        shape = model.shape(next)?;
    }
}
