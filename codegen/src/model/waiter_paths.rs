//! Checks of waiters: each has a `success` acceptor and sensible delays, each JMESPath
//! expression parses, and each member chain it reads exists in the shapes it reads (the
//! operation's output, or `input` and `output` for an `inputOutput` matcher). A waiter with
//! a problem is no reason to refuse a model: the generator leaves that waiter out and says why.

use super::diagnostics::did_you_mean;
use super::shape::{Shape, ShapeKind};
use super::waiters::{AcceptorState, Matcher, Waiter};
use super::{Model, ShapeId};

/// What is wrong with waiter `name` of operation `op`, one message per problem, each naming
/// the waiter (and the acceptor, by its index from 0, where it is about one).
pub fn waiter_problems(model: &Model, op: &Shape, name: &str, waiter: &Waiter) -> Vec<String> {
    let mut out = Vec::new();
    if !waiter
        .acceptors
        .iter()
        .any(|a| a.state == AcceptorState::Success)
    {
        out.push(format!(
            "waiter `{name}` needs at least one `success` acceptor"
        ));
    }
    out.extend(path_problems(model, op, name, waiter));
    if waiter.min_delay < 1 || waiter.min_delay > waiter.max_delay {
        out.push(format!(
            "waiter `{name}`: need 1 <= minDelay ({}) <= maxDelay ({})",
            waiter.min_delay, waiter.max_delay
        ));
    }
    out
}

/// The problem of waiter `name`, whose definition does not read as a waiter (`why`).
pub fn malformed_waiter(name: &str, why: &str) -> String {
    format!("waiter `{name}` is malformed: {why}")
}

/// What is wrong with the paths of waiter `name` on operation `op`, one message per problem,
/// each naming the waiter and the acceptor (by its index, from 0).
fn path_problems(model: &Model, op: &Shape, name: &str, waiter: &Waiter) -> Vec<String> {
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
        current = &member.target;
    }
    Ok(())
}

/// The shape (list elements and map values stepped into) that the member chain `chain` reaches
/// from shape `root`; `None` past an object wildcard (`*`) or where a member is missing.
pub fn shape_at<'m>(model: &'m Model, root: &ShapeId, chain: &[String]) -> Option<&'m Shape> {
    let mut current = root;
    for segment in chain {
        current = &element(model, current)?.member(segment)?.target;
    }
    element(model, current)
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
