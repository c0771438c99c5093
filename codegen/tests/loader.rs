//! Loader tests over the tiny fixture models in `models/fixtures/`.
//!
//! `loader/` holds valid models, one per shape form or feature; `invalid/` holds one model (or a
//! directory of files loaded together) per kind of error, whose full report is snapshotted.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use codegen::model::{
    self, AcceptorState, EnumValue, Matcher, Model, Protocol, ShapeId, ShapeKind, Simple, Source,
    TimestampFormat,
};
use serde_json::json;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/fixtures")
}

fn source(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(fixtures()).unwrap().display().to_string();
    Source::new(name, text)
}

fn sources(rel: &str) -> Vec<Source> {
    let path = fixtures().join(rel);
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files.iter().map(|p| source(p)).collect()
    } else {
        vec![source(&path)]
    }
}

fn load(rel: &str) -> Model {
    model::load(&sources(rel)).unwrap_or_else(|e| panic!("{rel} should load:\n{e}"))
}

fn id(s: &str) -> ShapeId {
    s.parse().unwrap()
}

#[test]
fn loads_every_simple_and_aggregate_shape_form() {
    let m = load("loader/shapes.json");
    let input = m.shape(&id("example.shapes#PutThingInput")).unwrap();
    let kinds: Vec<(&str, &str)> = input
        .members()
        .iter()
        .map(|mem| (mem.name.as_str(), m.kind(&mem.target).unwrap().type_name()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("blob", "blob"),
            ("flag", "boolean"),
            ("name", "string"),
            ("b", "byte"),
            ("s", "short"),
            ("i", "integer"),
            ("l", "long"),
            ("f", "float"),
            ("d", "double"),
            ("bi", "bigInteger"),
            ("bd", "bigDecimal"),
            ("at", "timestamp"),
            ("doc", "document"),
            ("color", "enum"),
            ("level", "intEnum"),
            ("tags", "list"),
            ("attributes", "map"),
            ("choice", "union"),
            ("token", "string"),
        ]
    );
    assert!(input.traits.input);
    let name = input.member("name").unwrap();
    assert!(name.traits.required);
    assert_eq!(
        name.traits.length.as_ref().map(|l| (l.min, l.max)),
        Some((Some(1), Some(64)))
    );
    let i = input.member("i").unwrap();
    assert_eq!(
        i.traits
            .range
            .as_ref()
            .map(|r| (r.min.as_deref(), r.max.as_deref())),
        Some((Some("1"), Some("10")))
    );
    assert_eq!(i.traits.default, Some(json!(1)));
    assert!(input.member("token").unwrap().traits.idempotency_token);
    // Prelude primitives carry their zero default.
    assert_eq!(
        m.shape(&id("smithy.api#PrimitiveBoolean"))
            .unwrap()
            .traits
            .default,
        Some(json!(false))
    );
}

#[test]
fn types_enums_collections_and_unions() {
    let m = load("loader/shapes.json");
    let ShapeKind::Enum(colors) = m.kind(&id("example.shapes#Color")).unwrap() else {
        panic!()
    };
    let values: Vec<_> = colors
        .iter()
        .map(|c| (c.name.as_str(), c.value.clone()))
        .collect();
    assert_eq!(
        values,
        [
            ("RED", EnumValue::String("red".into())),
            ("GREEN", EnumValue::String("GREEN".into()))
        ]
    );
    let ShapeKind::IntEnum(levels) = m.kind(&id("example.shapes#Level")).unwrap() else {
        panic!()
    };
    assert_eq!(levels[1].value, EnumValue::Int(10));
    let tags = m.shape(&id("example.shapes#TagList")).unwrap();
    assert!(tags.traits.unique_items);
    let map = m.shape(&id("example.shapes#AttributeMap")).unwrap();
    let ShapeKind::Map { key, value } = &map.kind else {
        panic!()
    };
    assert_eq!(
        (key.target.name(), value.target.name()),
        ("Color", "TagList")
    );
    assert!(map.traits.sparse);
    let ShapeKind::Union(choices) = m.kind(&id("example.shapes#Choice")).unwrap() else {
        panic!()
    };
    assert_eq!(
        choices[1].target,
        id("example.shapes#Choice"),
        "recursive union member"
    );
    let blob = m.shape(&id("example.shapes#MyBlob")).unwrap();
    assert!(blob.traits.sensitive);
    assert_eq!(blob.traits.media_type.as_deref(), Some("image/png"));
    let stamp = m.shape(&id("example.shapes#Stamp")).unwrap();
    assert_eq!(
        stamp.traits.timestamp_format,
        Some(TimestampFormat::DateTime)
    );
}

#[test]
fn types_service_and_error_traits_and_keeps_unknown_ones() {
    let m = load("loader/shapes.json");
    let svc = m.shape(&id("example.shapes#Shapes")).unwrap();
    assert_eq!(
        svc.traits
            .aws_service
            .as_ref()
            .unwrap()
            .endpoint_prefix
            .as_deref(),
        Some("shapes")
    );
    assert_eq!(svc.traits.sigv4.as_ref().unwrap().name, "shapes");
    assert_eq!(svc.traits.protocols, [Protocol::AwsJson1_0]);
    assert_eq!(
        svc.traits.other.get(&id("vendor.custom#kept")),
        Some(&json!({"any": ["json", 1]}))
    );
    let oops = m.shape(&id("example.shapes#Oops")).unwrap();
    assert_eq!(oops.traits.error, Some(model::ErrorFault::Client));
    assert_eq!(oops.traits.http_error, Some(400));
    assert!(oops.traits.retryable.as_ref().unwrap().throttling);
    let ShapeKind::Operation(op) = m.kind(&id("example.shapes#PutThing")).unwrap() else {
        panic!()
    };
    assert_eq!(
        op.output,
        model::unit(),
        "a missing output is smithy.api#Unit"
    );
    assert_eq!(m.metadata()["suppressions"][0]["id"], "A");
}

#[test]
fn walks_resources_for_the_operation_closure() {
    let m = load("loader/resources.json");
    let svc = id("example.res#Library");
    let ops: Vec<String> = m
        .operations_of(&svc)
        .iter()
        .map(|o| o.name().to_string())
        .collect();
    assert_eq!(
        ops,
        ["CreateBook", "GetShelf", "LendBook", "ListShelves", "Ping"]
    );
    let resources: Vec<String> = m
        .resources_of(&svc)
        .iter()
        .map(|r| r.name().to_string())
        .collect();
    assert_eq!(resources, ["Book", "Shelf"]);
    let errors = m.errors_of(&svc, &id("example.res#GetShelf"));
    assert_eq!(
        errors,
        [id("example.res#Throttled")],
        "service errors apply to every operation"
    );
    assert_eq!(m.service_name(&svc, &id("example.other#Ping")), "OtherPing");
    assert_eq!(m.service_name(&svc, &id("example.res#Ping")), "Ping");
    let closure = m.closure(&svc);
    assert!(
        closure.contains(&id("example.res#Page")) && closure.contains(&id("example.res#ShelfIds"))
    );
    assert_eq!(
        m.resolve_path(&id("example.res#ListShelvesOutput"), "page.shelves"),
        Some(&id("example.res#ShelfIds"))
    );
    let ShapeKind::Resource(book) = m.kind(&id("example.res#Book")).unwrap() else {
        panic!()
    };
    assert_eq!(book.lifecycle[0].0, "create");
}

#[test]
fn flattens_mixins_in_order_with_own_traits_winning() {
    let m = load("loader/mixins.json");
    let game = m.shape(&id("example.mix#Game")).unwrap();
    let names: Vec<&str> = game.members().iter().map(|mem| mem.name.as_str()).collect();
    assert_eq!(names, ["created", "updated", "name", "id"]);
    let name = game.member("name").unwrap();
    assert!(name.traits.required, "inherited member trait");
    assert_eq!(
        name.traits.documentation.as_deref(),
        Some("the game's name")
    );
    assert!(game.traits.sensitive, "trait inherited through two levels");
    assert_eq!(game.traits.tags, ["game"], "own traits beat inherited ones");
    assert!(game.traits.mixin.is_none(), "`mixin` is never inherited");
    assert_eq!(
        game.traits.documentation, None,
        "localTraits stay on the mixin"
    );
}

#[test]
fn applies_idl_1_0_semantics() {
    let m = load("loader/v1.json");
    let settings = m.shape(&id("example.v1#Settings")).unwrap();
    let default = |name: &str| settings.member(name).unwrap().traits.default.clone();
    assert_eq!(
        default("count"),
        Some(json!(0)),
        "unboxed 1.0 integer gets a zero default"
    );
    assert_eq!(
        default("boxedCount"),
        Some(serde_json::Value::Null),
        "@box means no default"
    );
    assert_eq!(default("optional"), None, "1.0 prelude Integer is boxed");
    assert_eq!(default("primitive"), Some(json!(false)));
    let ShapeKind::Enum(states) = m.kind(&id("example.v1#State")).unwrap() else {
        panic!("legacy enum")
    };
    let names: Vec<&str> = states.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["ACTIVE", "c4_large", "HIDDEN"]);
    assert!(states[2].traits.internal);
    assert_eq!(states[0].traits.documentation.as_deref(), Some("in use"));
    let ids = m.shape(&id("example.v1#IdSet")).unwrap();
    assert!(
        matches!(ids.kind, ShapeKind::List(_)) && ids.traits.unique_items,
        "set is a unique list"
    );
    assert!(matches!(
        m.kind(&id("example.v1#Count")),
        Some(ShapeKind::Simple(Simple::Integer))
    ));
}

#[test]
fn merges_files_with_apply_and_metadata() {
    let m = load("loader/merge");
    let thing = m.shape(&id("example.merge#Thing")).unwrap();
    assert_eq!(thing.traits.tags, ["a", "b"], "list traits concatenate");
    assert!(
        thing.member("id").unwrap().traits.required,
        "apply on a member"
    );
    assert_eq!(m.metadata()["owners"], json!(["base", "overlay"]));
    assert_eq!(m.metadata()["same"], json!(1));
    let get = m.shape(&id("example.merge#Get")).unwrap();
    let waiter = &get.traits.waitable["ThingExists"];
    assert_eq!((waiter.min_delay, waiter.max_delay), (1, 120));
    assert_eq!(waiter.acceptors[1].state, AcceptorState::Retry);
    assert_eq!(
        waiter.acceptors[1].matcher,
        Matcher::ErrorType("NotFound".into())
    );
    assert_eq!(waiter.acceptors[2].matcher, Matcher::Success(false));
}

#[test]
fn reports_every_error_of_each_invalid_fixture() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    for name in names {
        let err = model::load(&sources(&format!("invalid/{name}"))).expect_err(&name);
        let snapshot = name.trim_end_matches(".json").to_string();
        insta::assert_snapshot!(snapshot, err.to_string());
    }
}

#[test]
fn a_dangling_target_names_the_shape_member_target_and_a_suggestion() {
    let err = model::load(&sources("invalid/dangling_target.json")).unwrap_err();
    let first = &err.list()[0];
    assert_eq!(first.file.as_deref(), Some("invalid/dangling_target.json"));
    assert_eq!(first.shape, Some(id("example.bad#Game$name")));
    assert!(
        first.message.contains("`example.bad#GameNme`"),
        "{}",
        first.message
    );
    assert!(
        first
            .message
            .contains("did you mean `example.bad#GameName`?"),
        "{}",
        first.message
    );
}

#[test]
fn never_panics_on_truncated_or_mangled_input() {
    let text = std::fs::read_to_string(fixtures().join("loader/resources.json")).unwrap();
    // Every prefix is malformed JSON; every single-character deletion is some kind of bad model.
    for cut in (0..text.len()).step_by(97) {
        let _ = model::load(&[Source::new("cut.json", &text[..cut])]);
    }
    let bytes: Vec<char> = text.chars().collect();
    for i in (0..bytes.len()).step_by(13) {
        let mut mangled = bytes.clone();
        mangled.remove(i);
        let _ = model::load(&[Source::new(
            "mangled.json",
            mangled.into_iter().collect::<String>(),
        )]);
    }
}

/// The three files of the IDL twin fixture, loaded together with `file` replaced by `text`.
fn idl_twin_with(file: usize, text: &str) -> Vec<Source> {
    let mut sources = sources("idl/twin");
    sources[file].text = text.to_string();
    sources
}

#[test]
fn never_panics_on_truncated_or_mangled_idl() {
    let originals: Vec<String> = sources("idl/twin").into_iter().map(|s| s.text).collect();
    let tricky = [
        '"', '{', '}', '[', ']', '(', ')', '@', '$', '#', ':', '=', '\\', '/', '\n', ',', '.', '-',
        '0', 'é',
    ];
    // A small deterministic generator, so that a failure reproduces.
    let mut seed: u64 = 0x5eed;
    let mut next = move |bound: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % bound.max(1)
    };
    for (file, text) in originals.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(37) {
            let cut: String = chars[..cut].iter().collect();
            let _ = model::load(&idl_twin_with(file, &cut));
        }
        for (n, i) in (0..chars.len()).step_by(11).enumerate() {
            let mut flipped = chars.clone();
            flipped[i] = tricky[n % tricky.len()];
            let flipped: String = flipped.into_iter().collect();
            let _ = model::load(&idl_twin_with(file, &flipped));
        }
        for _ in 0..200 {
            let mut mangled = chars.clone();
            for _ in 0..1 + next(4) {
                if !mangled.is_empty() {
                    mangled.remove(next(mangled.len()));
                }
            }
            let mangled: String = mangled.into_iter().collect();
            let _ = model::load(&idl_twin_with(file, &mangled));
        }
    }
}

#[test]
fn apply_reaches_members_that_mixins_provide() {
    let text = json!({"smithy": "2.0", "shapes": {
        "ex#Base": {"type": "structure", "members": {"id": {"target": "smithy.api#String",
            "traits": {"smithy.api#documentation": "inherited"}}}, "traits": {"smithy.api#mixin": {}}},
        "ex#Thing": {"type": "structure", "mixins": [{"target": "ex#Base"}]},
        "ex#Thing$id": {"type": "apply", "traits": {"smithy.api#required": {}, "smithy.api#documentation": "own"}},
        "ex#Thing$nope": {"type": "apply", "traits": {"smithy.api#required": {}}}
    }});
    let err = model::load(&[Source::new("m.json", text.to_string())]).unwrap_err();
    assert_eq!(err.list().len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("ex#Thing$nope: `apply` targets a member that `ex#Thing` does not have"),
        "{err}"
    );
    let mut ok = text.clone();
    ok["shapes"]
        .as_object_mut()
        .unwrap()
        .remove("ex#Thing$nope");
    let m = model::load(&[Source::new("m.json", ok.to_string())]).unwrap();
    let member = m.shape(&id("ex#Thing")).unwrap().member("id").unwrap();
    assert!(member.traits.required);
    assert_eq!(
        member.traits.documentation.as_deref(),
        Some("own"),
        "apply beats the inherited value"
    );
    let base = m.shape(&id("ex#Base")).unwrap();
    assert!(
        !base.member("id").unwrap().traits.required,
        "the mixin itself is unchanged"
    );
}

#[test]
fn numbers_beyond_f64_are_kept_as_text_one_per_value() {
    let text = r#"{"smithy": "2.0", "shapes": {
        "ex#Huge": {"type": "bigDecimal", "traits": {"smithy.api#range": {"max": 1.7976931348623157E+309}}},
        "ex#S": {"type": "structure", "members": {"n": {"target": "ex#Huge",
            "traits": {"smithy.api#default": -1e400}}}}
    }}"#;
    let m = model::load(&[Source::new("big.json", text)]).unwrap();
    let huge = m.shape(&id("ex#Huge")).unwrap();
    let range = huge.traits.range.as_ref().unwrap();
    assert_eq!(range.max.as_deref(), Some("1.7976931348623157E+309"));
    let n = m.shape(&id("ex#S")).unwrap().member("n").unwrap();
    // One text per value, whatever the spelling.
    assert_eq!(
        model::big_number_text(n.traits.default.as_ref().unwrap()),
        Some("-1E+400")
    );
    assert!(m.to_ast_text().contains("\"smithy.api#default\": -1E+400"));
}

#[test]
fn a_waiter_with_a_problem_is_noted_and_left_out_never_the_model() {
    let model = model::load(&sources("loader/waiter_problems.json")).unwrap();
    insta::assert_snapshot!("waiter_problems", model.waiter_notices().join("\n"));

    let service = codegen::ir::lower(&model, &id("example.waiters#Service")).unwrap();
    let op = &service.operations[0];
    let kept: Vec<&str> = op.waiters.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(kept, ["Fine", "RenamedMember"]);
    let left_out: Vec<&str> = service
        .omitted_waiters
        .iter()
        .map(|w| w.waiter.as_str())
        .collect();
    assert_eq!(
        left_out,
        [
            "BadSyntax",
            "InputOutputRoot",
            "Malformed",
            "NeverDone",
            "UnknownFunction",
            "UnknownMember"
        ]
    );
    // A path names members; the generated waiter reads the member's wire name.
    let renamed = &op.waiters[1].acceptors[0].matcher;
    assert!(
        matches!(renamed, codegen::ir::Matcher::Output(m) if m.path == "renamed"),
        "{renamed:?}"
    );
    let fine = &op.waiters[0].acceptors[0].matcher;
    assert!(
        matches!(fine, codegen::ir::Matcher::Output(m) if m.path == "length(Things[?Status == 'READY']) > `0`"),
        "{fine:?}"
    );

    let options = codegen::CrateOptions {
        runtime: codegen::RuntimeDependency::Version("0.1".into()),
        model_files: vec!["waiter_problems.json".into()],
        standalone: true,
    };
    let krate = codegen::generate(&model, &options).unwrap().remove(0);
    assert_eq!(krate.notices.len(), 6, "{:#?}", krate.notices);
    assert!(krate.notices.iter().any(|n| n.starts_with(
        "operation `GetThing`: waiter `UnknownMember` acceptor 0: path `Things[].Stauts` reads `Stauts`"
    ) && n.ends_with("; the client leaves this waiter out")), "{:#?}", krate.notices);
}
