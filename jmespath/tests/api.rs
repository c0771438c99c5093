//! The public API: parse errors (positions, kinds, messages), evaluation errors, `fields()`,
//! a few evaluations, and the nesting limit.

use serde_json::{json, Value};
use smithy_jmespath::{parse, ErrorKind};

fn search(expression: &str, data: &Value) -> Value {
    parse(expression)
        .unwrap_or_else(|e| panic!("{e}"))
        .search(data)
        .unwrap_or_else(|e| panic!("{expression}: {e}"))
}

fn fields(expression: &str) -> Vec<Vec<String>> {
    parse(expression).unwrap_or_else(|e| panic!("{e}")).fields()
}

#[test]
fn syntax_errors_carry_position_kind_and_message() {
    let e = parse("foo.[").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert_eq!(e.kind().as_str(), "syntax");
    assert_eq!(e.position(), 5);
    assert_eq!(e.expression(), "foo.[");
    assert_eq!(
        e.to_string(),
        "syntax error at position 5 in `foo.[`: expected an expression, found end of expression"
    );

    let e = parse("foo.1").unwrap_err();
    assert_eq!((e.kind(), e.position()), (ErrorKind::Syntax, 4));
    assert!(e.message().contains("after `.`"), "{e}");

    let e = parse("a ^ b").unwrap_err();
    assert_eq!(e.position(), 2);
    assert_eq!(e.message(), "unexpected character '^'");

    let e = parse("\"foo").unwrap_err();
    assert_eq!((e.kind(), e.position()), (ErrorKind::Syntax, 0));

    // Positions are byte offsets.
    let e = parse("'✓' ]").unwrap_err();
    assert_eq!(e.position(), 6);
    assert_eq!(parse("").unwrap_err().position(), 0);
}

#[test]
fn static_errors_are_raised_by_parse() {
    let e = parse("a.nope(@)").unwrap_err();
    assert_eq!((e.kind(), e.position()), (ErrorKind::UnknownFunction, 2));
    assert_eq!(e.kind().as_str(), "unknown-function");
    assert!(
        e.to_string()
            .starts_with("unknown-function error at position 2"),
        "{e}"
    );

    let e = parse("length(a, b)").unwrap_err();
    assert_eq!((e.kind(), e.position()), (ErrorKind::InvalidArity, 0));
    assert_eq!(e.message(), "length() takes 1 argument, found 2");
    assert_eq!(
        parse("not_null()").unwrap_err().kind(),
        ErrorKind::InvalidArity
    );
    assert!(parse("merge(a, b, c)").is_ok());

    let e = parse("foo[::0]").unwrap_err();
    assert_eq!((e.kind(), e.position()), (ErrorKind::InvalidValue, 6));
    assert_eq!(e.kind().as_str(), "invalid-value");
}

#[test]
fn evaluation_errors_are_invalid_type() {
    let data = json!({"s": "x", "people": [{"n": 1}, {"n": "a"}]});
    let e = parse("abs(s)").unwrap().search(&data).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidType);
    assert_eq!(e.kind().as_str(), "invalid-type");
    assert_eq!(
        e.message(),
        "abs() argument 1 must be a number, found string"
    );
    assert_eq!(
        e.to_string(),
        "invalid-type error: abs() argument 1 must be a number, found string"
    );
    let e = parse("sort_by(people, &n)")
        .unwrap()
        .search(&data)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidType);
    let e = parse("sort_by(people, n)")
        .unwrap()
        .search(&data)
        .unwrap_err();
    assert!(e.message().contains("expression reference"), "{e}");
    let e = parse("&s").unwrap().search(&data).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidType);
}

#[test]
fn expressions_keep_their_source() {
    let expression = parse(" a . b ").unwrap();
    assert_eq!(expression.source(), " a . b ");
    assert_eq!(expression, parse(" a . b ").unwrap().clone());
    assert_ne!(expression, parse("a.c").unwrap());
}

#[test]
fn evaluates_waiter_style_paths() {
    let data = json!({
        "Table": {"TableStatus": "ACTIVE", "Size": 3},
        "Instances": [
            {"State": {"Name": "running"}, "Tags": [{"Key": "a"}]},
            {"State": {"Name": "pending"}, "Tags": []},
        ],
    });
    assert_eq!(search("Table.TableStatus", &data), json!("ACTIVE"));
    assert_eq!(
        search("Instances[].State.Name", &data),
        json!(["running", "pending"])
    );
    assert_eq!(
        search("length(Instances[?State.Name == 'running']) > `0`", &data),
        json!(true)
    );
    assert_eq!(search("Instances[].Tags[].Key", &data), json!(["a"]));
    assert_eq!(search("Table.Size == `3.0`", &data), json!(true));
    assert_eq!(search("Missing.Deeper[0]", &data), Value::Null);
    assert_eq!(
        search("{s: Table.TableStatus, n: length(Instances)}", &data),
        json!({"s": "ACTIVE", "n": 2})
    );
    assert_eq!(search("Instances[-1].State.Name", &data), json!("pending"));
    assert_eq!(search("[`1`, `2`, `3`, `4`][::-2]", &data), json!([4, 2]));
}

#[test]
fn fields_follow_member_chains() {
    assert_eq!(fields("a.b[].c"), [["a", "b", "c"]]);
    assert_eq!(fields("a[0].b[1:].c[*].d"), [["a", "b", "c", "d"]]);
    assert_eq!(fields("a.*.b"), [["a", "*", "b"]]);
    assert_eq!(fields("a | b"), [["a", "b"]]);
    assert_eq!(fields("\"quoted name\".x"), [["quoted name", "x"]]);
    assert_eq!(fields("@"), Vec::<Vec<String>>::new());
    assert_eq!(fields("`{\"a\": 1}`.a"), Vec::<Vec<String>>::new());
}

#[test]
fn fields_of_filters_multiselects_and_functions() {
    assert_eq!(
        fields("a[?s == 'x' && t].n"),
        [vec!["a", "s"], vec!["a", "t"], vec!["a", "n"]]
    );
    assert_eq!(fields("x.[a, b.c]"), [vec!["x", "a"], vec!["x", "b", "c"]]);
    assert_eq!(fields("{k: a, l: b}"), [["a"], ["b"]]);
    assert_eq!(fields("length(a.b) > `1`"), [["a", "b"]]);
    assert_eq!(fields("length(a).b"), [["a"]]);
    assert_eq!(fields("sort_by(items, &key)[].name"), [["items", "key"]]);
    assert_eq!(fields("map(&k, xs)"), [["xs", "k"]]);
    assert_eq!(fields("a && a.b || !c"), [vec!["a", "b"], vec!["c"]]);
    assert_eq!(fields("a.b || a.b"), [["a", "b"]]);
    assert_eq!(fields("(a || b).c"), [["a"], ["b"]]);
    assert_eq!(fields("[*].a | [0].b"), [["a", "b"]]);
}

#[test]
fn nesting_is_bounded() {
    let deep_fields = format!("a{}", ".a".repeat(10_000));
    let e = parse(&deep_fields).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert!(e.message().contains("nests deeper"), "{e}");

    for hostile in [
        format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000)),
        format!("{}a", "!".repeat(100_000)),
        format!("{}a{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{}@{}", "abs(".repeat(100_000), ")".repeat(100_000)),
        "a || ".repeat(100_000) + "a",
        "a[0]".repeat(100_000),
        "a[*]".repeat(100_000),
        "{a: ".repeat(100_000),
    ] {
        assert_eq!(parse(&hostile).unwrap_err().kind(), ErrorKind::Syntax);
    }
}

#[test]
fn expressions_at_the_nesting_limit_evaluate() {
    let data = json!({"a": [[1]]});
    for (expression, expected) in [
        (format!("{}a", "!".repeat(251)), Some(json!(false))),
        (format!("{}a{}", "[".repeat(250), "]".repeat(250)), None),
        (
            format!("{}`-1`{}", "abs(".repeat(250), ")".repeat(250)),
            Some(json!(1)),
        ),
        ("a || ".repeat(250) + "a", Some(json!([[1]]))),
        (format!("a{}", ".a".repeat(250)), Some(Value::Null)),
        (format!("a{}", "[*]".repeat(250)), None),
        (format!("a{}", "[?@]".repeat(250)), None),
        (format!("a{}", "[1:].a".repeat(250)), None),
        (format!("{}a{}", "{a: ".repeat(250), "}".repeat(250)), None),
        (
            format!("{}a{}", "not_null(a, ".repeat(250), ")".repeat(250)),
            None,
        ),
        (format!("a{}", ".*.a".repeat(250)), None),
    ] {
        let parsed = parse(&expression).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.clone(), parsed);
        assert!(!format!("{parsed:?}").is_empty());
        let _ = parsed.fields();
        let result = parsed.search(&data).unwrap();
        if let Some(expected) = expected {
            assert_eq!(result, expected, "{expression}");
        }
    }
}

#[test]
fn rename_fields_rewrites_the_fields_chains_reach_and_keeps_the_rest() {
    // Renames every field of a chain through `Things` (and `Things` itself) to lower case.
    let lower = |chain: &[String], name: &str| {
        (chain.is_empty() && name == "Things" || chain.first().is_some_and(|f| f == "Things"))
            .then(|| name.to_lowercase())
    };
    for (expression, renamed) in [
        ("Things[].Status", "things[].status"),
        (
            "length(Things[?Status == 'x']) > `0`",
            "length(things[?status == 'x']) > `0`",
        ),
        ("Things[*].\"Status\"", "things[*].status"),
        ("Other.Status", "Other.Status"),
        ("{a: Things[0].Id, b: Other}", "{a: things[0].id, b: Other}"),
        // A field no chain reaches (the result of a function) is left as it is.
        ("max_by(Things, &Size).Name", "max_by(things, &size).Name"),
    ] {
        let parsed = parse(expression).unwrap();
        let text = parsed.rename_fields(lower);
        assert_eq!(text, renamed, "{expression}");
        assert!(parse(&text).is_ok(), "{text}");
    }
    // A new name that is not a plain identifier is quoted, as JSON.
    let parsed = parse("A.B").unwrap();
    let text =
        parsed.rename_fields(|chain, name| (!chain.is_empty()).then(|| format!("{name}-\"x\"")));
    assert_eq!(text, r#"A."B-\"x\"""#);
    assert_eq!(
        parse(&text)
            .unwrap()
            .search(&json!({"A": {"B-\"x\"": 1}}))
            .unwrap(),
        json!(1)
    );
}
