//! Behaviour of the `collisions` fixture crate: shapes named like other shapes' builders keep
//! their names, and builders live in `types::builders`.
#![allow(clippy::unwrap_used)]

use collisions::types::{builders, Foo, FooBuilder, Kind, Level, MakeFooInput, MakeFooInputBuilder};
use smithy_runtime::serde_json::{self, json};

#[test]
fn a_shape_named_like_a_builder_is_a_plain_structure() {
    let shape: FooBuilder = FooBuilder::builder().steps(3).build().unwrap();
    assert_eq!(shape.steps, 3);
    let builder: builders::FooBuilder = Foo::builder();
    let foo = builder.name("f").kind(Kind::Small).level(Level::High).build().unwrap();
    let shape = FooBuilder::builder().steps(1).owner(foo.clone()).build().unwrap();
    assert_eq!(shape.owner.as_ref(), Some(&foo));
    assert_eq!(
        serde_json::to_value(&shape).unwrap(),
        json!({"Steps": 1, "Owner": {"Name": "f", "Kind": "small", "Level": "high"}})
    );
}

#[test]
fn input_builders_and_shapes_named_like_them_coexist() {
    let input = MakeFooInput::builder()
        .foo(Foo::builder().name("f").build().unwrap())
        .plan(FooBuilder::builder().steps(2).build().unwrap())
        .build()
        .unwrap();
    let wrapper: MakeFooInputBuilder = MakeFooInputBuilder::builder().input(input.clone()).build();
    assert_eq!(wrapper.input, Some(input));
    let missing = MakeFooInput::builder().build().unwrap_err();
    assert_eq!(missing.missing_members(), ["foo"]);
}

#[test]
fn enum_values_with_empty_documentation_are_still_known() {
    assert_eq!(Kind::from("large"), Kind::Large);
    assert_eq!(Kind::Huge.as_str(), "huge");
    assert_eq!(Level::Low.as_str(), "low");
}
