//! The Smithy IDL front end's grammar: each construct loads into the model its JSON AST twin
//! loads into, with the values the spec gives it.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod idl_support;

use codegen::model::{self, ShapeKind, Source};
use idl_support::{errors, load};
use serde_json::{json, Value};

/// Asserts that IDL text loads into the same model as a JSON AST, and prints the same AST.
fn assert_twin(idl: &str, json: Value) {
    let from_idl = load(&[Source::new("t.smithy", idl)]);
    let from_json = load(&[Source::new("t.json", json.to_string())]);
    assert_eq!(from_idl.to_ast_text(), from_json.to_ast_text());
    assert_eq!(from_idl, from_json);
}

/// The shapes of a one-file IDL model, as the loaded model writes them.
fn shapes(idl: &str) -> Value {
    load(&[Source::new("t.smithy", idl)]).to_ast()["shapes"].clone()
}

#[test]
fn control_statements_set_the_version_and_inline_suffixes() {
    let idl = r#"$version: "2"
$operationInputSuffix: "Request"
$operationOutputSuffix: "Response"
$somethingNew: {ignored: true}
namespace ex
operation Get { input := {} output := {} }
"#;
    let s = shapes(idl);
    assert_eq!(s["ex#Get"]["input"]["target"], "ex#GetRequest");
    assert_eq!(s["ex#Get"]["output"]["target"], "ex#GetResponse");
    assert_eq!(s["ex#GetRequest"]["traits"]["smithy.api#input"], json!({}));
    assert_eq!(
        s["ex#GetResponse"]["traits"]["smithy.api#output"],
        json!({})
    );
    for version in ["\"2.0\"", "\"1.0\"", "\"1\""] {
        load(&[Source::new(
            "v.smithy",
            format!("$version: {version}\nnamespace ex\nstring S\n"),
        )]);
    }
    let e = errors("$version: \"3.0\"\nnamespace ex\n");
    assert!(
        e.contains("t.smithy:1:2: unsupported IDL version \"3.0\""),
        "{e}"
    );
}

#[test]
fn metadata_takes_every_node_value_form() {
    let idl = r#"$version: "2"
metadata a = "text"
metadata "b c" = [1, -2, 2.5, 1e3, -1.5E-2, true, false, null, [], {}]
metadata d = { key: "v", "quoted key": String, nested: { list: ["x",], }, }
metadata e = """
    block
    """
"#;
    let m = load(&[Source::new("t.smithy", idl)]);
    let md = m.metadata();
    assert_eq!(md["a"], "text");
    assert_eq!(
        md["b c"],
        json!([1, -2, 2.5, 1e3, -1.5e-2, true, false, null, [], {}])
    );
    assert_eq!(
        md["d"],
        json!({"key": "v", "quoted key": "smithy.api#String", "nested": {"list": ["x"]}})
    );
    assert_eq!(md["e"], "block\n");
}

#[test]
fn simple_shapes_of_every_type_with_mixins() {
    let types = [
        "blob",
        "boolean",
        "string",
        "byte",
        "short",
        "integer",
        "long",
        "float",
        "double",
        "bigInteger",
        "bigDecimal",
        "timestamp",
        "document",
    ];
    let mut idl = String::from("$version: \"2\"\nnamespace ex\n@mixin\n@sensitive\nstring Base\n");
    let mut json = json!({"ex#Base": {"type": "string", "traits": {"smithy.api#mixin": {}, "smithy.api#sensitive": {}}}});
    for (i, t) in types.iter().enumerate() {
        idl.push_str(&format!("{t} S{i}\n"));
        json[format!("ex#S{i}")] = json!({"type": t});
    }
    idl.push_str("string Secret with [Base]\n");
    json["ex#Secret"] = json!({"type": "string", "mixins": [{"target": "ex#Base"}]});
    assert_twin(&idl, json!({"smithy": "2.0", "shapes": json}));
    let s = shapes(&idl);
    assert_eq!(
        s["ex#Secret"]["traits"]["smithy.api#sensitive"],
        json!({}),
        "mixin traits flatten"
    );
}

#[test]
fn enums_assign_values_and_members_without_one_get_their_name() {
    let idl = r#"$version: "2"
namespace ex
enum Suit {
    @deprecated
    DIAMOND = "diamond"
    CLUB
}
intEnum Level { LOW = 1, HIGH = 10 }
"#;
    let suit = |club: Value| {
        json!({"type": "enum", "members": {
            "DIAMOND": {"target": "smithy.api#Unit", "traits": {"smithy.api#deprecated": {}, "smithy.api#enumValue": "diamond"}},
            "CLUB": club
        }})
    };
    let level = json!({"type": "intEnum", "members": {
        "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
        "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 10}}
    }});
    // A JSON AST member without `enumValue` gets it too, as the Smithy loader gives it.
    let json_without_value = json!({"smithy": "2.0", "shapes": {
        "ex#Suit": suit(json!({"target": "smithy.api#Unit"})),
        "ex#Level": level.clone(),
    }});
    assert_twin(idl, json_without_value.clone());
    let club = json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "CLUB"}});
    assert_eq!(shapes(idl)["ex#Suit"], suit(club.clone()));
    let from_json = load(&[Source::new("t.json", json_without_value.to_string())]);
    assert_eq!(from_json.to_ast()["shapes"]["ex#Suit"], suit(club));
}

#[test]
fn aggregates_take_member_traits_and_defaults() {
    let idl = r#"$version: "2"
namespace ex
@length(min: 1)
list Names { @length(max: 9) member: String }
map Counts { key: String, value: Integer }
structure Thing {
    @required
    name: String
    count: Integer = 1
    names: Names = []
    nothing: String = null
}
union Pick { a: String, b: Thing }
"#;
    assert_twin(
        idl,
        json!({"smithy": "2.0", "shapes": {
            "ex#Names": {"type": "list", "member": {"target": "smithy.api#String", "traits": {"smithy.api#length": {"max": 9}}},
                "traits": {"smithy.api#length": {"min": 1}}},
            "ex#Counts": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}},
            "ex#Thing": {"type": "structure", "members": {
                "name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
                "count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1}},
                "names": {"target": "ex#Names", "traits": {"smithy.api#default": []}},
                "nothing": {"target": "smithy.api#String", "traits": {"smithy.api#default": null}}
            }},
            "ex#Pick": {"type": "union", "members": {"a": {"target": "smithy.api#String"}, "b": {"target": "ex#Thing"}}}
        }}),
    );
}

#[test]
fn services_resources_and_operations_take_their_properties() {
    let idl = r#"$version: "2"
namespace ex
service Shop {
    version: "1"
    operations: [Ping]
    resources: [Order]
    errors: [Oops]
    rename: { "ex#Item": "ShopItem" }
}
resource Order {
    identifiers: { orderId: String }
    properties: { total: Long }
    create: MakeOrder
    put: Ping
    read: Ping
    update: Ping
    delete: Ping
    list: Ping
    operations: [Ping]
    collectionOperations: [Ping]
    resources: [Line]
}
resource Line {}
operation Ping { input: Item, output: Item, errors: [Oops] }
operation MakeOrder {}
structure Item {}
@error("server")
structure Oops {}
"#;
    let r = |t: &str| json!({"target": t});
    assert_twin(
        idl,
        json!({"smithy": "2.0", "shapes": {
            "ex#Shop": {"type": "service", "version": "1", "operations": [r("ex#Ping")], "resources": [r("ex#Order")],
                "errors": [r("ex#Oops")], "rename": {"ex#Item": "ShopItem"}},
            "ex#Order": {"type": "resource", "identifiers": {"orderId": r("smithy.api#String")},
                "properties": {"total": r("smithy.api#Long")}, "create": r("ex#MakeOrder"), "put": r("ex#Ping"),
                "read": r("ex#Ping"), "update": r("ex#Ping"), "delete": r("ex#Ping"), "list": r("ex#Ping"),
                "operations": [r("ex#Ping")], "collectionOperations": [r("ex#Ping")], "resources": [r("ex#Line")]},
            "ex#Line": {"type": "resource"},
            "ex#Ping": {"type": "operation", "input": r("ex#Item"), "output": r("ex#Item"), "errors": [r("ex#Oops")]},
            "ex#MakeOrder": {"type": "operation"},
            "ex#Item": {"type": "structure"},
            "ex#Oops": {"type": "structure", "traits": {"smithy.api#error": "server"}}
        }}),
    );
}

#[test]
fn inline_input_and_output_take_traits_and_mixins() {
    let idl = r#"$version: "2"
namespace ex
@mixin
structure Paged { next: String }
operation List {
    input := @documentation("in") with [Paged] {
        size: Integer
    }
    output :=
        @sensitive
        with [Paged] {}
}
"#;
    assert_twin(
        idl,
        json!({"smithy": "2.0", "shapes": {
            "ex#Paged": {"type": "structure", "members": {"next": {"target": "smithy.api#String"}}, "traits": {"smithy.api#mixin": {}}},
            "ex#List": {"type": "operation", "input": {"target": "ex#ListInput"}, "output": {"target": "ex#ListOutput"}},
            "ex#ListInput": {"type": "structure", "mixins": [{"target": "ex#Paged"}],
                "members": {"size": {"target": "smithy.api#Integer"}},
                "traits": {"smithy.api#documentation": "in", "smithy.api#input": {}}},
            "ex#ListOutput": {"type": "structure", "mixins": [{"target": "ex#Paged"}],
                "traits": {"smithy.api#sensitive": {}, "smithy.api#output": {}}}
        }}),
    );
}

#[test]
fn elided_members_take_resource_then_mixin_targets() {
    let idl = r#"$version: "2"
namespace ex
resource User { identifiers: { id: UserId }, properties: { age: Short } }
string UserId
@mixin
structure Named { name: String }
@mixin
structure MoreNamed with [Named] { extra: Long }
structure Summary for User with [MoreNamed] {
    @required
    $id
    $age
    $name
    $extra
}
list Names with [NameList] { $member }
@mixin
list NameList { member: String }
"#;
    let s = shapes(idl);
    let members = &s["ex#Summary"]["members"];
    assert_eq!(
        members["id"]["target"], "ex#UserId",
        "a resource identifier"
    );
    assert_eq!(
        members["age"]["target"], "smithy.api#Short",
        "a resource property"
    );
    assert_eq!(
        members["name"]["target"], "smithy.api#String",
        "a mixin's mixin"
    );
    assert_eq!(members["extra"]["target"], "smithy.api#Long");
    assert_eq!(members["id"]["traits"]["smithy.api#required"], json!({}));
    assert_eq!(s["ex#Names"]["member"]["target"], "smithy.api#String");
    // The resource is looked at first: here its target conflicts with the mixin's.
    let report = errors(
        "$version: \"2\"\nnamespace ex\nresource R { identifiers: { id: String } }\n@mixin\nstructure M { id: Blob }\nstructure S for R with [M] { $id }\n",
    );
    assert!(
        report.contains("ex#S$id: redefines a mixin member with a different target"),
        "{report}"
    );
}

#[test]
fn elided_members_resolve_across_files() {
    let a = "$version: \"2\"\nnamespace ex\nstructure S with [M] { $x }\n";
    let b = "$version: \"2\"\nnamespace ex\n@mixin\nstructure M { x: Integer }\n";
    let m = load(&[Source::new("a.smithy", a), Source::new("b.smithy", b)]);
    let s = m.shape(&"ex#S".parse().unwrap()).unwrap();
    assert_eq!(
        s.member("x").unwrap().target.to_string(),
        "smithy.api#Integer"
    );
}

#[test]
fn apply_statements_fold_into_shapes_and_members() {
    let idl = r#"$version: "2"
namespace ex
@mixin
structure Base { inherited: String }
structure Thing with [Base] { name: String }
apply Thing @documentation("doc")
apply Thing$name {
    @required
    @length(min: 1)
}
apply Thing$inherited @sensitive
apply Thing @tags(["a"])
apply Thing @tags(["b"])
"#;
    let s = shapes(idl);
    let thing = &s["ex#Thing"];
    assert_eq!(thing["traits"]["smithy.api#documentation"], "doc");
    assert_eq!(
        thing["traits"]["smithy.api#tags"],
        json!(["a", "b"]),
        "list traits concatenate"
    );
    assert_eq!(
        thing["members"]["name"]["traits"]["smithy.api#length"],
        json!({"min": 1})
    );
    assert_eq!(
        thing["members"]["inherited"]["traits"]["smithy.api#sensitive"],
        json!({}),
        "apply reaches a member the mixin provides"
    );
    assert!(
        s.get("ex#Thing$name").is_none(),
        "no `apply` entries are printed"
    );
}

#[test]
fn trait_values_take_every_form() {
    let idl = r#"$version: "2"
namespace ex
use other.ns#marker
@trait
structure custom {}
@marker
@custom
@documentation("quoted \"text\" \u00e9")
@externalDocumentation(Home: "https://example.com", "Other Page": "https://example.org")
@tags(["a", "b",])
@ex#custom()
@smithy.api#title("""
    Text
      block \
    joined""")
@deprecated(since: "1", message: "m")
@examples([{title: "t", input: {n: 1.5, big: 2e400, list: [true, false, null]}, output: {id: Thing}}])
structure Thing {}
"#;
    let s = shapes(idl);
    let t = &s["ex#Thing"]["traits"];
    assert_eq!(
        t["other.ns#marker"],
        json!({}),
        "an imported trait with no value"
    );
    assert_eq!(
        t["ex#custom"],
        json!({}),
        "`@custom` and `@ex#custom()` are the same trait"
    );
    assert_eq!(t["smithy.api#documentation"], "quoted \"text\" é");
    assert_eq!(
        t["smithy.api#externalDocumentation"],
        json!({"Home": "https://example.com", "Other Page": "https://example.org"})
    );
    assert_eq!(t["smithy.api#tags"], json!(["a", "b"]));
    assert_eq!(t["smithy.api#title"], "Text\n  block joined");
    assert_eq!(
        t["smithy.api#deprecated"],
        json!({"message": "m", "since": "1"})
    );
    let example = &t["smithy.api#examples"][0];
    assert_eq!(example["input"]["n"], 1.5);
    assert_eq!(
        model::big_number_text(&example["input"]["big"]),
        Some("2E+400")
    );
    assert_eq!(
        example["output"]["id"], "ex#Thing",
        "an unquoted value is a shape id"
    );
}

#[test]
fn doc_comments_become_documentation_and_comments_are_ignored() {
    let idl = r#"$version: "2"
namespace ex // a comment
/// First line.
///
///    Indented, one space stripped.
///No space.
@sensitive
/// Ignored: after a trait.
string S
structure T {
    /// Member docs.
    @required
    m: String, // commas are whitespace
}
"#;
    let s = shapes(idl);
    assert_eq!(
        s["ex#S"]["traits"]["smithy.api#documentation"],
        "First line.\n\n   Indented, one space stripped.\nNo space."
    );
    assert_eq!(
        s["ex#T"]["members"]["m"]["traits"]["smithy.api#documentation"],
        "Member docs."
    );
}

#[test]
fn relative_names_resolve_by_use_then_namespace_then_prelude() {
    let main = r#"$version: "2"
namespace ex
use other#String
structure S {
    a: String
    b: Local
    c: Integer
    d: smithy.api#String
}
"#;
    let local = "$version: \"2\"\nnamespace ex\nstring Local\nstring Integer\n";
    let other = "$version: \"2\"\nnamespace other\nstring String\nstring Remote\n";
    let m = load(&[
        Source::new("main.smithy", main),
        Source::new("local.smithy", local),
        Source::new("other.smithy", other),
    ]);
    let s = m.shape(&"ex#S".parse().unwrap()).unwrap();
    let targets: Vec<String> = s.members().iter().map(|m| m.target.to_string()).collect();
    assert_eq!(
        targets,
        [
            "other#String",
            "ex#Local",
            "ex#Integer",
            "smithy.api#String"
        ]
    );
    // A shape of another namespace is not found without a `use`.
    let unimported = model::load(&[
        Source::new(
            "main.smithy",
            "$version: \"2\"\nnamespace ex\nlist L { member: Remote }\n",
        ),
        Source::new("other.smithy", other),
    ]);
    assert!(unimported
        .unwrap_err()
        .to_string()
        .contains("`Remote` does not resolve"));
}

#[test]
fn idl_1_0_files_get_the_1_0_interop() {
    let idl = r#"$version: "1.0"
namespace ex
set Ids { member: String }
integer Count
structure Settings {
    count: Count
    @box
    boxed: Count
}
@enum([{value: "a", name: "A"}, {value: "b"}])
string State
"#;
    assert_twin(
        idl,
        json!({"smithy": "1.0", "shapes": {
            "ex#Ids": {"type": "set", "member": {"target": "smithy.api#String"}},
            "ex#Count": {"type": "integer"},
            "ex#Settings": {"type": "structure", "members": {
                "count": {"target": "ex#Count"},
                "boxed": {"target": "ex#Count", "traits": {"smithy.api#box": {}}}
            }},
            "ex#State": {"type": "string", "traits": {"smithy.api#enum": [{"value": "a", "name": "A"}, {"value": "b"}]}}
        }}),
    );
    let m = load(&[Source::new("t.smithy", idl)]);
    let settings = m.shape(&"ex#Settings".parse().unwrap()).unwrap();
    assert_eq!(
        settings.member("count").unwrap().traits.default,
        Some(json!(0))
    );
    assert!(matches!(
        m.kind(&"ex#State".parse().unwrap()),
        Some(ShapeKind::Enum(_))
    ));
    let no_version = load(&[Source::new("t.smithy", "namespace ex\ninteger N\n")]);
    let n = no_version.shape(&"ex#N".parse().unwrap()).unwrap();
    assert_eq!(
        n.traits.default,
        Some(json!(0)),
        "a file without `$version` is IDL 1.0"
    );
}

#[test]
fn numbers_that_f64_cannot_hold_exactly_keep_their_literal_text() {
    let idl = r#"$version: "2"
namespace ex
@range(min: 12345678901234567890123, max: 1e3)
bigInteger Huge
structure S {
    a: BigInteger = 123456789012345678901234567890
    b: Double = -0.5
    c: Double = 1.0
}
"#;
    let m = load(&[Source::new("t.smithy", idl)]);
    let range = m.shape(&"ex#Huge".parse().unwrap()).unwrap();
    let range = range.traits.range.as_ref().unwrap();
    assert_eq!(range.min.as_deref(), Some("12345678901234567890123"));
    assert_eq!(
        range.max.as_deref(),
        Some("1000.0"),
        "1e3 is exact: a number"
    );
    let printed = m.to_ast_text();
    for literal in [
        "\"min\": 12345678901234567890123",
        "\"smithy.api#default\": 123456789012345678901234567890",
        "\"smithy.api#default\": -0.5",
        "\"smithy.api#default\": 1.0",
    ] {
        assert!(printed.contains(literal), "{literal}:\n{printed}");
    }
    let s = m.shape(&"ex#S".parse().unwrap()).unwrap();
    assert_eq!(s.member("b").unwrap().traits.default, Some(json!(-0.5)));
    // The JSON reader keeps the digits too.
    let json = r#"{"smithy": "2.0", "shapes": {"ex#D": {"type": "bigDecimal",
        "traits": {"smithy.api#range": {"min": 0.12345678901234567890123}}}}}"#;
    let m = load(&[Source::new("t.json", json)]);
    let d = m.shape(&"ex#D".parse().unwrap()).unwrap();
    let min = d.traits.range.as_ref().unwrap().min.as_deref();
    assert_eq!(min, Some("0.12345678901234567890123"));
    assert!(m
        .to_ast_text()
        .contains("\"min\": 0.12345678901234567890123"));
}

#[test]
fn a_big_number_key_holding_other_text_is_ordinary_data() {
    let idl = "$version: \"2\"\nmetadata foo = {\"$bigNumber\": \"oops, not json\"}\n";
    let printed = load(&[Source::new("t.smithy", idl)]).to_ast_text();
    let reread: Value =
        serde_json::from_str(&printed).unwrap_or_else(|e| panic!("{e}:\n{printed}"));
    assert_eq!(
        reread["metadata"]["foo"],
        json!({"$bigNumber": "oops, not json"})
    );
}

#[test]
fn inline_input_and_output_take_a_for_resource() {
    let idl = r#"$version: "2"
namespace ex
resource Thing { identifiers: { thingId: String }, read: GetThing }
@readonly
operation GetThing {
    input := for Thing { @required $thingId }
    output := for Thing with [Extra] { $thingId, $extra }
}
@mixin
structure Extra { extra: Integer }
"#;
    let s = shapes(idl);
    let input = &s["ex#GetThingInput"]["members"]["thingId"];
    assert_eq!(input["target"], "smithy.api#String");
    assert_eq!(input["traits"]["smithy.api#required"], json!({}));
    let output = &s["ex#GetThingOutput"]["members"];
    assert_eq!(output["thingId"]["target"], "smithy.api#String");
    assert_eq!(output["extra"]["target"], "smithy.api#Integer");
}

#[test]
fn applies_to_a_mixin_member_from_several_files_combine_like_any_apply() {
    let model = "$version: \"2\"\nnamespace ex\n@mixin\nstructure M { id: String }\nstructure S with [M] {}\n";
    let a = "$version: \"2\"\nnamespace ex\napply S$id @tags([\"t1\"])\n";
    let b = "$version: \"2\"\nnamespace ex\napply S$id @tags([\"t2\"])\n";
    let m = load(&[
        Source::new("model.smithy", model),
        Source::new("a.smithy", a),
        Source::new("b.smithy", b),
    ]);
    let s = m.shape(&"ex#S".parse().unwrap()).unwrap();
    assert_eq!(s.member("id").unwrap().traits.tags, ["t1", "t2"]);
    let a = format!("{a}apply S$id @documentation(\"one\")\n");
    let b = format!("{b}apply S$id @documentation(\"two\")\n");
    let report = model::load(&[
        Source::new("model.smithy", model),
        Source::new("a.smithy", a),
        Source::new("b.smithy", b),
    ])
    .expect_err("the documentation conflicts")
    .to_string();
    assert!(
        report.contains("b.smithy:3:7: ex#S$id: `apply` of trait `smithy.api#documentation` is given two different values"),
        "{report}"
    );
}

#[test]
fn a_trait_without_a_value_is_an_empty_list_for_list_traits() {
    let idl = r#"$version: "2"
namespace ex
@trait
list names { member: String }
@trait
structure marker {}
@tags
@names
@marker
string A
@tags()
@examples
@ex#other
string B
"#;
    let other = r#"{"smithy": "2.0", "shapes": {
        "ex#other": {"type": "list", "member": {"target": "smithy.api#String"},
            "traits": {"smithy.api#trait": {}}}}}"#;
    let m = load(&[Source::new("t.smithy", idl), Source::new("o.json", other)]);
    let s = m.to_ast()["shapes"].clone();
    let a = &s["ex#A"]["traits"];
    assert_eq!(a["smithy.api#tags"], json!([]));
    assert_eq!(a["ex#names"], json!([]), "a list trait of the model");
    assert_eq!(a["ex#marker"], json!({}), "a structure trait");
    let b = &s["ex#B"]["traits"];
    assert_eq!(b["smithy.api#tags"], json!([]), "`@tags()` too");
    assert_eq!(b["smithy.api#examples"], json!([]));
    assert_eq!(b["ex#other"], json!([]), "a list trait of a JSON file");
}

#[test]
fn doc_comments_inside_an_apply_block_are_plain_comments() {
    let idl = r#"$version: "2"
namespace ex
string S
/// Docs before `apply`: ignored too.
apply S {
    /// Not documentation.
    @sensitive
    /// Nor this.
}
"#;
    let s = shapes(idl);
    assert_eq!(s["ex#S"]["traits"], json!({"smithy.api#sensitive": {}}));
}

#[test]
fn unions_take_elided_members_from_a_for_resource() {
    let idl = r#"$version: "2"
namespace ex
resource User { identifiers: { id: UserId }, properties: { nickname: String, age: Short } }
string UserId
union UserRef for User {
    $id
    $nickname
    other: Integer
}
"#;
    assert_twin(
        idl,
        json!({"smithy": "2.0", "shapes": {
            "ex#User": {"type": "resource",
                "identifiers": {"id": {"target": "ex#UserId"}},
                "properties": {"nickname": {"target": "smithy.api#String"}, "age": {"target": "smithy.api#Short"}}},
            "ex#UserId": {"type": "string"},
            "ex#UserRef": {"type": "union", "members": {
                "id": {"target": "ex#UserId"},
                "nickname": {"target": "smithy.api#String"},
                "other": {"target": "smithy.api#Integer"}}}
        }}),
    );
}

#[test]
fn a_doc_comment_on_the_line_of_a_shape_documents_nothing() {
    let idl = r#"$version: "2"
namespace ex
string A /// Not documentation: it follows a shape on its line.
string B
/// Documentation of C.
string C /// Nor this, for D.
structure D {
    m: String /// Nor this, for n.
    n: String
}
"#;
    let s = shapes(idl);
    assert_eq!(s["ex#A"].get("traits"), None);
    assert_eq!(s["ex#B"].get("traits"), None);
    assert_eq!(
        s["ex#C"]["traits"]["smithy.api#documentation"],
        "Documentation of C."
    );
    assert_eq!(s["ex#D"].get("traits"), None);
    assert_eq!(s["ex#D"]["members"]["n"].get("traits"), None);
}

#[test]
fn a_number_beyond_f64_prints_in_one_form_whatever_its_spelling() {
    let idl = r#"$version: "2"
namespace ex
@range(min: -1.0e400, max: 2e+308)
bigDecimal Huge
"#;
    let json = r#"{"smithy": "2.0", "shapes": {"ex#Huge": {"type": "bigDecimal",
        "traits": {"smithy.api#range": {"min": -10E399, "max": 2E+308}}}}}"#;
    let from_idl = load(&[Source::new("t.smithy", idl)]);
    let from_json = load(&[Source::new("t.json", json)]);
    assert_eq!(from_idl.to_ast_text(), from_json.to_ast_text());
    assert_eq!(from_idl, from_json);
    let printed = from_idl.to_ast_text();
    assert!(printed.contains("\"max\": 2E+308"), "{printed}");
    assert!(printed.contains("\"min\": -1E+400"), "{printed}");
}
