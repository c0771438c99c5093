//! The member-name chains an expression reads from its input (see
//! [`Expression::fields`](crate::Expression::fields) for the rules), and where it names each
//! field a chain reaches (for [`Expression::rename_fields`](crate::Expression::rename_fields)).

use std::collections::BTreeSet;
use std::ops::Range;

use crate::ast::Ast;

/// A field that a chain of fields reaches: the chain before it, its name, and where the
/// expression names it.
pub(crate) struct Site {
    pub chain: Vec<String>,
    pub name: String,
    pub span: Range<usize>,
}

/// What a walk finds: the chains of values something uses, and the sites of fields.
#[derive(Default)]
struct Found {
    chains: Vec<Vec<String>>,
    sites: Vec<Site>,
}

/// The fields of `ast` that a chain of fields reaches, in the order of the walk.
pub(crate) fn field_sites(ast: &Ast) -> Vec<Site> {
    let mut found = Found::default();
    consume(ast, Some(Vec::new()), &mut found);
    found.sites
}

/// The field chains of `ast`, deduplicated, without chains that prefix another one.
pub(crate) fn field_chains(ast: &Ast) -> Vec<Vec<String>> {
    let mut walked = Found::default();
    consume(ast, Some(Vec::new()), &mut walked);
    let found = walked.chains;
    // In sorted order the chains a chain prefixes come right after it.
    let sorted: BTreeSet<&Vec<String>> = found.iter().collect();
    let mut maximal: BTreeSet<&Vec<String>> = BTreeSet::new();
    let mut iter = sorted.iter().peekable();
    while let Some(chain) = iter.next() {
        if !iter.peek().is_some_and(|next| next.starts_with(chain)) {
            maximal.insert(chain);
        }
    }
    let mut chains = Vec::with_capacity(maximal.len());
    for chain in &found {
        if maximal.remove(chain) {
            chains.push(chain.clone());
        }
    }
    chains
}

/// Records the chain that reaches the value of `ast` (a value that something uses).
fn consume(ast: &Ast, base: Option<Vec<String>>, found: &mut Found) {
    if let Some(chain) = walk(ast, base, found) {
        if !chain.is_empty() {
            found.chains.push(chain);
        }
    }
}

/// Walks `ast` evaluated on the node that `base` reaches from the root (`None` when no chain
/// of fields reaches it), recording in `found` the chains its operands use, and returns the
/// chain that reaches its own result, if there is one.
fn walk(ast: &Ast, base: Option<Vec<String>>, found: &mut Found) -> Option<Vec<String>> {
    match ast {
        Ast::Identity | Ast::Index(_) | Ast::Slice { .. } => base,
        Ast::Field(name, span) => base.map(|mut chain| {
            found.sites.push(Site {
                chain: chain.clone(),
                name: name.clone(),
                span: span.clone(),
            });
            chain.push(name.clone());
            chain
        }),
        Ast::Literal(_) => None,
        Ast::Flatten(inner) => walk(inner, base, found),
        Ast::Subexpr(left, right) | Ast::Pipe(left, right) | Ast::ListProjection(left, right) => {
            let reached = walk(left, base, found);
            walk(right, reached, found)
        }
        Ast::ObjectProjection(left, right) => {
            let reached = walk(left, base, found).map(|mut chain| {
                chain.push("*".to_owned());
                chain
            });
            walk(right, reached, found)
        }
        Ast::FilterProjection {
            left,
            condition,
            right,
        } => {
            let reached = walk(left, base, found);
            consume(condition, reached.clone(), found);
            walk(right, reached, found)
        }
        Ast::MultiList(items) => {
            for item in items {
                consume(item, base.clone(), found);
            }
            None
        }
        Ast::MultiHash(entries) => {
            for (_, value) in entries {
                consume(value, base.clone(), found);
            }
            None
        }
        Ast::Or(left, right) | Ast::And(left, right) | Ast::Compare(_, left, right) => {
            consume(left, base.clone(), found);
            consume(right, base, found);
            None
        }
        Ast::Not(inner) => {
            consume(inner, base, found);
            None
        }
        Ast::ExpRef(_) => None,
        Ast::Call(function, args) => {
            // Walk the array argument of `sort_by(items, &key)` (and the like) once, both as
            // a value the function uses and as the base of its expression references.
            let element_index = function.element_argument();
            let elements = element_index
                .and_then(|index| args.get(index))
                .and_then(|array| walk(array, base.clone(), found));
            if let Some(chain) = elements.as_ref().filter(|chain| !chain.is_empty()) {
                found.chains.push(chain.clone());
            }
            for (index, arg) in args.iter().enumerate() {
                match arg {
                    _ if Some(index) == element_index => {}
                    Ast::ExpRef(inner) => consume(inner, elements.clone(), found),
                    other => consume(other, base.clone(), found),
                }
            }
            None
        }
    }
}
