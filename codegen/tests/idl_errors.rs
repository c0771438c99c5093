//! The Smithy IDL front end's errors: positions (file:line:column), what was expected, names
//! that resolve nowhere, and IDL 2.0 syntax in files read as IDL 1.0.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod idl_support;

use codegen::model::{self, Source};
use idl_support::errors;

#[test]
fn syntax_errors_name_the_position_and_what_was_expected() {
    for (idl, expected) in [
        ("namespace ex\nstructure Foo { a String }\n", "t.smithy:2:19: expected `:` after the member name `a`, found `String`"),
        ("namespace ex\nstructure Foo {\n", "t.smithy:3:1: expected a member name or `}`, found the end of the file"),
        ("namespace ex\nstrucutre Foo {}\n", "t.smithy:2:1: expected a shape type such as `structure` or `string`, or `apply`, found `strucutre` (did you mean `structure`?)"),
        ("string Foo\n", "t.smithy:1:1: expected a `namespace` statement before the first shape"),
        ("namespace ex\n@length(min: 1\nstring S\n", "t.smithy:3:8: expected `:` after the key `string`, found `S`"),
        ("namespace ex\n@doc(\"open\n", "t.smithy:2:6: unterminated string; close it with `\"`"),
        ("namespace ex\n@doc(\"\"\"no newline\"\"\")\nstring S\n", "t.smithy:2:6: a text block's opening `\"\"\"` must be followed by a new line"),
        ("namespace ex\n@doc(\"bad \\q\")\nstring S\n", "t.smithy:2:6: invalid escape `\\q`"),
        ("namespace ex\n@range(min: 01)\nstring S\n", "t.smithy:2:13: malformed number `01`"),
        ("namespace ex\nstructure S { a: String, a: String }\n", "t.smithy:2:26: the member `a` is defined twice"),
        ("namespace ex\nlist L { item: String }\n", "t.smithy:2:10: a list has only `member`, not `item`"),
        ("namespace ex\nunion U { a: String = \"x\" }\n", "t.smithy:2:21: default values (`= value`) are only allowed on structure members"),
        ("namespace ex\nstring S\n$version: \"2\"\n", "t.smithy:3:1: control statements"),
        ("namespace ex\napply S\n", "t.smithy:3:1: expected a trait (`@name`) or `{` after the `apply` target, found the end of the file"),
        ("namespace ex\n@tags([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])\n", "nested more than 64 levels deep"),
        ("namespace ex\nstring S ^\n", "t.smithy:2:10: unexpected character `^`"),
    ] {
        let report = errors(idl);
        assert!(report.contains(expected), "{idl:?}:\n{report}");
        assert!(report.starts_with("1 model error:"), "{report}");
    }
}

#[test]
fn an_unresolvable_name_is_an_error_at_its_position() {
    let report = errors("$version: \"2\"\nnamespace ex\nstructure S {\n    a: Strin\n}\n");
    assert!(
        report.contains("t.smithy:4:8: ex#S$a: `Strin` does not resolve: no `use` statement imports `Strin`, no shape `ex#Strin` is defined, and the prelude has no `Strin` (did you mean `String`?)"),
        "{report}"
    );
    let report = errors("$version: \"2\"\nnamespace ex\n@requird\nstring S\n");
    assert!(
        report.contains("t.smithy:3:2: ex#S: `requird` does not resolve"),
        "{report}"
    );
    assert!(report.contains("(did you mean `required`?)"), "{report}");
    let report = errors("$version: \"2\"\nnamespace ex\n@error(client)\nstructure E {}\n");
    assert!(
        report.contains("t.smithy:3:8: ex#E: `client` does not resolve"),
        "{report}"
    );
    assert!(
        report.contains("quote it (\"client\") if it is meant as a string"),
        "{report}"
    );
    let report = errors(
        "$version: \"2\"\nnamespace ex\nstructure S with [M] { $x }\n@mixin\nstructure M {}\n",
    );
    assert!(
        report.contains("t.smithy:3:25: ex#S$x: `$x` elides its target, but no member of its mixins is named `x`; write `x: Target` instead"),
        "{report}"
    );
}

#[test]
fn idl_2_syntax_in_a_file_without_version_is_an_error() {
    for (idl, at, what) in [
        (
            "namespace ex\nstructure S { a: Integer = 1 }\n",
            "2:26",
            "a default value (`= value`)",
        ),
        ("namespace ex\nenum E { A }\n", "2:1", "an `enum` shape"),
        (
            "namespace ex\nintEnum E { A = 1 }\n",
            "2:1",
            "an `intEnum` shape",
        ),
        (
            "namespace ex\noperation O { input := {} }\n",
            "2:21",
            "an inline structure (`:=`)",
        ),
        (
            "namespace ex\n@mixin\nstructure M {}\nstructure S with [M] {}\n",
            "4:13",
            "a mixin list (`with [...]`)",
        ),
        (
            "namespace ex\nresource R {}\nstructure S for R {}\n",
            "3:13",
            "`for` a resource",
        ),
        (
            "namespace ex\nstructure S { $a }\n",
            "2:15",
            "an elided member target (`$name`)",
        ),
    ] {
        let report = errors(idl);
        let expected = format!("t.smithy:{at}: {what} is IDL 2.0 syntax, but this file has no `$version`, so it is read as IDL 1.0; add `$version: \"2\"` at the top of the file");
        assert!(report.contains(&expected), "{idl:?}:\n{report}");
        // With `$version: "2"`, the same text is fine (or fails for another reason).
        let v2 = format!("$version: \"2\"\n{idl}");
        if let Err(e) = model::load(&[Source::new("t.smithy", v2)]) {
            assert!(!e.to_string().contains("IDL 2.0 syntax"), "{e}");
        }
    }
    let report = errors("$version: \"1.0\"\nnamespace ex\nenum E { A }\n");
    assert!(
        report.contains("t.smithy:3:1: an `enum` shape is IDL 2.0 syntax, but this file declares `$version: \"1.0\"`"),
        "{report}"
    );
}

#[test]
fn problems_found_after_parsing_name_the_idl_position() {
    let idl = r#"$version: "2"
namespace ex
@range("one")
integer A
structure S with [M] {
    @length(min: "x")
    b: String
}
@mixin
structure M { inherited: String }
apply S$inherited @httpError("x")
apply S$missing @sensitive
"#;
    let report = errors(idl);
    for expected in [
        "t.smithy:4:9: ex#A: trait `smithy.api#range` has a malformed value",
        "t.smithy:7:5: ex#S$b: trait `smithy.api#length` has a malformed value",
        "t.smithy:11:7: ex#S$inherited: trait `smithy.api#httpError` has a malformed value",
        "t.smithy:12:7: ex#S$missing: `apply` targets a member that `ex#S` does not have",
    ] {
        assert!(report.contains(expected), "{expected}:\n{report}");
    }
    // JSON files have no positions to give.
    let json = r#"{"smithy": "2.0", "shapes": {"ex#A": {"type": "integer", "traits": {"smithy.api#range": "one"}}}}"#;
    let report = model::load(&[Source::new("t.json", json)])
        .unwrap_err()
        .to_string();
    assert!(
        report.contains("t.json: ex#A: trait `smithy.api#range`"),
        "{report}"
    );
}
