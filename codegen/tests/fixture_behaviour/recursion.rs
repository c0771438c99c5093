//! Behaviour of the `recursion` fixture crate: boxed recursive shapes and unions.
#![allow(clippy::unwrap_used)]

use recursion::types::{EvaluateInput, Expr, Node, Pair};
use smithy_runtime::serde_json::{self, json};

#[test]
fn recursive_unions_and_structures_round_trip() {
    let wire = json!({"expr": {"add": {"left": {"literal": 1}, "right": {"negate": {"literal": 2}}}},
                      "tree": {"name": "root", "children": [{"name": "leaf"}], "parent": {"name": "up"}}});
    let input: EvaluateInput = serde_json::from_value(wire.clone()).unwrap();
    let Expr::Add(pair) = &input.expr else { panic!("{:?}", input.expr) };
    let expected = Pair::builder().left(Expr::Literal(1)).right(Expr::Negate(Box::new(Expr::Literal(2)))).build().unwrap();
    assert_eq!(**pair, expected, "members on a cycle are boxed");
    assert_eq!(input.tree.as_ref().and_then(|t| t.parent.as_deref()).and_then(|p| p.name.as_deref()), Some("up"));
    assert_eq!(serde_json::to_value(&input).unwrap(), wire);
    let _: Node = serde_json::from_value(json!({})).unwrap();
}

#[test]
fn unions_ignore_type_and_nulls_and_keep_unknown_members() {
    let e: Expr = serde_json::from_value(json!({"__type": "x", "negate": null, "literal": 4})).unwrap();
    assert_eq!(e, Expr::Literal(4));
    let unknown: Expr = serde_json::from_value(json!({"multiply": [1, 2]})).unwrap();
    assert_eq!(unknown, Expr::Unknown("multiply".into()));
    assert!(serde_json::to_value(&unknown).is_err(), "an unknown member cannot be sent");
    assert!(serde_json::from_value::<Expr>(json!({"literal": 1, "negate": {"literal": 2}})).is_err());
}
