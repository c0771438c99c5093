//! Rule sets in the `smithy.rules#endpointBdd` form: a binary decision diagram over a list of
//! conditions, whose terminals are endpoint and error results.

use base64::Engine as _;
use serde_json::Value as Json;

use super::error::{ResolveError, RuleSetError};
use super::eval::Eval;
use super::expr::parse_condition;
use super::json::Cursor;
use super::params::Parameter;
use super::resolved::Endpoint;
use super::rules::parse_outcome;
use super::scope::Scope;
use super::syntax::{Condition, Outcome};

/// References at or above this are results: `RESULT_BASE + i` is result `i`, `0` being "no
/// match".
const RESULT_BASE: i32 = 100_000_000;

/// A decision diagram: nodes `[condition, high, low]` referenced by `±(index + 1)`, a negative
/// reference swapping the branches; `±1` is "no match".
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bdd {
    conditions: Vec<Condition>,
    /// The results after the implicit "no match": result `i` is `results[i - 1]`.
    results: Vec<Outcome>,
    nodes: Vec<[i32; 3]>,
    root: i32,
}

/// Reads an `endpointBdd` document (its parameters already read); gives the diagram and how
/// many evaluation slots it needs. Every variable a condition assigns is in scope everywhere,
/// as the diagram orders the conditions.
pub(super) fn parse_bdd(
    at: &Cursor<'_>,
    params: &[Parameter],
) -> Result<(Bdd, usize), RuleSetError> {
    let mut scope = Scope::new(params);
    let condition_list = at.elements("conditions")?;
    for condition in &condition_list {
        if let Some(name) = condition.optional_string("assign")? {
            if scope.lookup(name).is_none() || params.iter().any(|p| p.name() == name) {
                scope.declare(&condition.key("assign"), name)?;
            }
        }
    }
    let mut conditions = Vec::with_capacity(condition_list.len());
    for condition in &condition_list {
        let (call, assign) = parse_condition(condition, &scope)?;
        let assign = assign.and_then(|name| scope.lookup(name));
        conditions.push(Condition { call, assign });
    }
    let mut results = Vec::new();
    for result in at.elements("results")? {
        if !result.elements("conditions")?.is_empty() {
            return Err(result
                .key("conditions")
                .error("a decision diagram's results have no conditions"));
        }
        if result.get("type").and_then(Json::as_str) == Some("tree") {
            return Err(result
                .key("type")
                .error("a decision diagram's results are endpoint or error rules"));
        }
        results.push(parse_outcome(&result, &mut scope)?);
    }
    let nodes = parse_nodes(at)?;
    let root = i32::try_from(at.key("root").integer()?)
        .map_err(|_| at.key("root").error("the root is a 32-bit reference"))?;
    let bdd = Bdd {
        conditions,
        results,
        nodes,
        root,
    };
    bdd.check(at)?;
    Ok((bdd, scope.slots()))
}

/// The nodes: `nodeCount` triples of big-endian 32-bit integers, base64-encoded (or, as some
/// tools write them, a flat array of integers).
fn parse_nodes(at: &Cursor<'_>) -> Result<Vec<[i32; 3]>, RuleSetError> {
    let count = usize::try_from(at.key("nodeCount").integer()?)
        .map_err(|_| at.key("nodeCount").error("a node count is not negative"))?;
    let nodes_at = at.key("nodes");
    let numbers: Vec<i32> = match nodes_at.json() {
        Some(Json::Array(items)) => items
            .iter()
            .map(|n| n.as_i64().and_then(|n| i32::try_from(n).ok()))
            .collect::<Option<_>>()
            .ok_or_else(|| nodes_at.error("expected 32-bit integers"))?,
        _ => base64::engine::general_purpose::STANDARD
            .decode(nodes_at.string()?)
            .map_err(|e| nodes_at.error(format!("not base64: {e}")))?
            .chunks(4)
            .map(|b| b.try_into().map(i32::from_be_bytes))
            .collect::<Result<_, _>>()
            .map_err(|_| nodes_at.error("not a whole number of 32-bit integers"))?,
    };
    if numbers.len() != count * 3 {
        return Err(nodes_at.error(format!(
            "{count} nodes take {} integers, found {}",
            count * 3,
            numbers.len()
        )));
    }
    Ok(numbers.chunks(3).map(|n| [n[0], n[1], n[2]]).collect())
}

impl Bdd {
    /// Every reference points at a node, a terminal or a result; every condition index exists.
    fn check(&self, at: &Cursor<'_>) -> Result<(), RuleSetError> {
        if self.root < 0 {
            return Err(at
                .key("root")
                .error("the root reference must not be complemented"));
        }
        self.check_ref(at, self.root)?;
        for (i, [condition, high, low]) in self.nodes.iter().enumerate().skip(1) {
            if usize::try_from(*condition).map_or(true, |c| c >= self.conditions.len()) {
                return Err(at.key("nodes").error(format!(
                    "node {i} names condition {condition}, which does not exist"
                )));
            }
            self.check_ref(at, *high)?;
            self.check_ref(at, *low)?;
        }
        Ok(())
    }

    fn check_ref(&self, at: &Cursor<'_>, reference: i32) -> Result<(), RuleSetError> {
        let valid = if reference >= RESULT_BASE {
            usize::try_from(reference - RESULT_BASE).is_ok_and(|i| i <= self.results.len())
        } else {
            let node = reference.unsigned_abs() as usize;
            reference != 0 && node <= self.nodes.len()
        };
        if valid {
            Ok(())
        } else {
            Err(at
                .key("nodes")
                .error(format!("reference {reference} points at no node or result")))
        }
    }
}

impl<'a> Eval<'a> {
    /// Follows the diagram from its root to a result.
    pub(super) fn bdd(&mut self, bdd: &'a Bdd) -> Result<Endpoint, ResolveError> {
        let mut reference = bdd.root;
        for _ in 0..=bdd.nodes.len() {
            if reference >= RESULT_BASE {
                let result = (reference - RESULT_BASE) as usize;
                return match result.checked_sub(1) {
                    Some(index) => self.outcome(&bdd.results[index]),
                    None => Err(ResolveError::NoMatch),
                };
            }
            if reference.unsigned_abs() == 1 {
                return Err(ResolveError::NoMatch);
            }
            let [condition, high, low] = bdd.nodes[reference.unsigned_abs() as usize - 1];
            let holds = self.condition(&bdd.conditions[condition as usize])?;
            reference = if holds != (reference < 0) { high } else { low };
        }
        Err(ResolveError::Evaluation(
            "the decision diagram loops back on itself".to_owned(),
        ))
    }
}
