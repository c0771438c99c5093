//! Tests for `codegen::docs`: exact rendering rules, corpus invariants over every documentation
//! string in the models, and a real `cargo doc -D warnings` / `cargo test --doc` run.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

#[path = "../../tests/src/shared.rs"]
mod shared;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::docs::doc_lines;

fn lines(doc: &str) -> Vec<String> {
    doc_lines(doc)
}

#[track_caller]
fn check(doc: &str, expected: &[&str]) {
    assert_eq!(lines(doc), expected, "input: {doc:?}");
}

#[test]
fn plain_text_passes_through() {
    check(
        "A player attribute value; set exactly one field.",
        &["A player attribute value; set exactly one field."],
    );
    check(
        "Creates a fleet (of EC2 instances) - 100% done, e.g. \"x\".",
        &["Creates a fleet (of EC2 instances) - 100% done, e.g. \"x\"."],
    );
    check("", &[]);
    check("  \n\t ", &[]);
}

#[test]
fn paragraphs_and_whitespace() {
    check(
        "\t<p>\n\tOne\t\ttwo </p>\n\n   <p>Three</p>\n",
        &["One two", "", "Three"],
    );
    check(
        "Loose text<p>Para</p>tail",
        &["Loose text", "", "Para", "", "tail"],
    );
    check("<p>a<p>b</p>", &["a", "", "b"]);
    check("<p></p><p> </p><p>x</p>", &["x"]);
}

#[test]
fn inline_markup() {
    check(
        "<p>Use <code>Foo</code> and <code> a  b </code>.</p>",
        &["Use `Foo` and `a b`."],
    );
    check("<code>a`b</code> <code>`x</code>", &["``a`b`` `` `x ``"]);
    check(
        "<p><b>bold</b> <i>it</i> <strong> s </strong><em>e</em></p>",
        &["**bold** *it* **s** *e*"],
    );
    check(
        "<b>x <b>y</b></b> <i><i>z</i></i> <b></b>",
        &["**x y** *z*"],
    );
    check(
        "<code><i>repository-url</i>/<i>image</i></code>",
        &["`repository-url/image`"],
    );
    check("a<br/>b<br>c", &["a\\", "b\\", "c"]);
}

#[test]
fn links() {
    check(
        r#"See <a href="https://x.com/a b">the guide</a>."#,
        &["See [the guide](https://x.com/a%20b)."],
    );
    check(
        r#"<a href="gamelift/latest/API_X.html">X</a> and <a>Y</a>"#,
        &["X and Y"],
    );
    check(
        r#"<a href="https://x.com/"> https://x.com/ </a>"#,
        &["<https://x.com/>"],
    );
    check(
        r#"<a href="http://x.com/(1)"><code>c</code> [t]</a>"#,
        &["[`c` \\[t\\]](http://x.com/%281%29)"],
    );
    check(r#"<a href="https://x.com"></a>"#, &["<https://x.com>"]);
    check(
        "Go to https://example.com/a_b. Or (https://x.io/p)",
        &["Go to <https://example.com/a_b>. Or (<https://x.io/p>)"],
    );
}

#[test]
fn lists() {
    check(
        "<ul><li>a</li><li><p>b</p><ul><li>c</li></ul></li></ul>",
        &["- a", "- b", "  - c"],
    );
    check(
        "<p>Values:</p><ol><li>x</li><li>y</li></ol><p>End</p>",
        &["Values:", "", "- x", "- y", "", "End"],
    );
    check("<ul><li><p>a</p><p>b</p></li></ul>", &["- a", "", "  b"]);
    check(
        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li><li><p>d</p><p>e</p></li></ul></li></ul>",
        &["- a", "  - b", "  - c", "  - d e"],
    );
    check("<ul><li>a<li>b</ul>", &["- a", "- b"]);
    check("<li>stray</li>", &["- stray"]);
    check("<ul> <li> </li> </ul>", &[]);
}

#[test]
fn notes_and_fullname() {
    check(
        "<note><p>Careful.</p><p>Really.</p></note>",
        &["**Note:** Careful.", "", "Really."],
    );
    check("<important>Stop.</important>", &["**Important:** Stop."]);
    check(
        "<note><ul><li>x</li></ul></note>",
        &["**Note:**", "", "- x"],
    );
    check("<fullname>Amazon X</fullname>\n<p>Desc.</p>", &["Desc."]);
}

#[test]
fn preformatted() {
    check(
        "<pre><code>\n  fn x() {\n      y\n  }\n</code></pre>",
        &["```text", "fn x() {", "    y", "}", "```"],
    );
    check(
        "<p>a</p><pre>b <i>c</i>\n\td ```</pre>",
        &["a", "", "````text", "b c", "    d ```", "````"],
    );
    check(
        "<ul><li>x<pre>y</pre></li></ul>",
        &["- x", "", "  ```text", "  y", "  ```"],
    );
}

#[test]
fn definition_lists() {
    check(
        "<dl><dt>A_B</dt><dd><p>Alpha.</p></dd><dt>B</dt><dd>Beta</dd><dt>C</dt></dl>",
        &["- **A_B**: Alpha.", "- **B**: Beta", "- **C**"],
    );
    check("<dd>lonely</dd>", &["- lonely"]);
}

#[test]
fn placeholders_and_unknown_tags() {
    check(
        "<p>arn:aws:gamelift:<region>::fleet/<fleet-id></p>",
        &["arn:aws:gamelift:&lt;region&gt;::fleet/&lt;fleet-id&gt;"],
    );
    check(
        "<code>/aws/lambda/<function name></code>",
        &["`/aws/lambda/<function name>`"],
    );
    check(
        "<span>x</span> <u>y</u> <replaceable>{id}</replaceable>",
        &["x y {id}"],
    );
    check("<p>a <b", &["a &lt;b"]);
    check("x <!-- hidden --> y", &["x y"]);
}

#[test]
fn entities() {
    check(
        "<p>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; e&nbsp;f &#x263A; &bogus; &#0; R&D</p>",
        &["a &lt;b&gt; & \"c\" 'd' e f ☺ &amp;bogus; &amp;#0; R&D"],
    );
    check(
        "&lt;p&gt;not a tag&lt;/p&gt;",
        &["&lt;p&gt;not a tag&lt;/p&gt;"],
    );
}

#[test]
fn escaping() {
    check(
        "[foo] x_y _z_ *a* `b` \\ | ~",
        &["\\[foo\\] x_y \\_z\\_ \\*a\\* \\`b\\` \\\\ \\| \\~"],
    );
    check(
        "<p>1. one</p><p># two</p><p>- three</p><p>    four</p><p>+ 5</p><p>==</p>",
        &[
            "1\\. one",
            "",
            "\\# two",
            "",
            "\\- three",
            "",
            "four",
            "",
            "\\+ 5",
            "",
            "\\==",
        ],
    );
}

#[test]
fn malformed_input_does_not_panic() {
    for doc in [
        "<",
        "<<",
        "a <",
        "</",
        "<p",
        "<p ",
        "<a href=",
        "<a href=\"http://x",
        "</p></ul>text",
        "<b><i>x</b>y</i>",
        "<a href='https://x.com'>t",
        "&",
        "&#",
        "&#x;",
        "&#99999999;",
        "&;",
        "<pre>",
        "<pre></pre>",
        "<code>",
        "é<p>ü</p>漢字<b>😀</b>",
        "<dl><dt></dt><dd></dd></dl>",
        "<ul><ul><li>x</li></ul></ul>",
    ] {
        let _ = lines(doc);
    }
    let deep = "<b><i><ul><li><code>x".repeat(5000);
    check_doc(&deep).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Corpus

fn collect_docs(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("smithy.api#documentation", serde_json::Value::String(s)) => {
                        out.push(s.clone())
                    }
                    _ => collect_docs(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_docs(v, out)),
        _ => {}
    }
}

fn model_docs(dir: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read model");
        let json: serde_json::Value = serde_json::from_str(&text).expect("parse model");
        collect_docs(&json, &mut docs);
    }
    docs
}

fn corpus() -> Vec<String> {
    let mut docs = shared::shared_dir_for("docs corpus", "aws-models")
        .map(|dir| model_docs(&dir))
        .unwrap_or_default();
    docs.extend(model_docs(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../models"),
    ));
    docs
}

/// Checks one non-fence line: no stray tags, unescaped brackets only as `[text](http...)`.
fn check_line(line: &str) -> Result<(), String> {
    if line.starts_with("    ") {
        return Err("indented by 4+ spaces".into());
    }
    let chars: Vec<char> = line.chars().collect();
    let (mut i, mut open_links) = (0, 0usize);
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let mut j = i + run;
                loop {
                    let Some(k) = chars[j..].iter().position(|&c| c == '`') else {
                        return Err("unclosed code span".into());
                    };
                    let other = chars[j + k..].iter().take_while(|&&c| c == '`').count();
                    j += k + other;
                    if other == run {
                        break;
                    }
                }
                i = j - 1;
            }
            '<' => {
                let rest: String = chars[i..].iter().collect();
                if !rest.starts_with("<http") {
                    return Err(format!("raw `<` at {i}"));
                }
                i += rest.find('>').ok_or("unclosed autolink")?;
            }
            '>' => return Err(format!("raw `>` at {i}")),
            '[' => open_links += 1,
            ']' => {
                let rest: String = chars[i..].iter().collect();
                if open_links == 0 || !rest.starts_with("](http") {
                    return Err(format!("unescaped `]` at {i}"));
                }
                open_links -= 1;
                i += rest.find(')').ok_or("unclosed link destination")?;
            }
            _ => {}
        }
        i += 1;
    }
    if open_links > 0 {
        return Err("unescaped `[`".into());
    }
    Ok(())
}

fn check_doc(doc: &str) -> Result<Vec<String>, String> {
    let out = doc_lines(doc);
    let mut fence: Option<String> = None;
    for (n, line) in out.iter().enumerate() {
        let trimmed = line.trim_start();
        if line != line.trim_end() || line.contains('\t') {
            return Err(format!("line {n} untrimmed: {line:?}"));
        }
        match &fence {
            Some(marker) if trimmed == marker => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```")
                && !trimmed.trim_start_matches('`').contains('`') =>
            {
                if !trimmed.trim_start_matches('`').starts_with("text") {
                    return Err(format!("line {n}: fence without `text`: {line:?}"));
                }
                fence = Some(trimmed.trim_end_matches("text").to_string());
            }
            None => check_line(line).map_err(|e| format!("line {n}: {e}: {line:?}"))?,
        }
    }
    if fence.is_some() {
        return Err("unbalanced code fence".into());
    }
    let blank_edges =
        out.first().is_some_and(String::is_empty) || out.last().is_some_and(String::is_empty);
    if blank_edges || out.windows(2).any(|w| w[0].is_empty() && w[1].is_empty()) {
        return Err("stray blank lines".into());
    }
    Ok(out)
}

#[test]
fn corpus_invariants() {
    let docs = corpus();
    let distinct: BTreeSet<&String> = docs.iter().collect();
    let mut failures = Vec::new();
    let mut total_lines = 0;
    for doc in &distinct {
        match check_doc(doc) {
            Ok(out) => total_lines += out.len(),
            Err(e) => failures.push(format!("{e}\n  input: {doc:?}")),
        }
    }
    println!(
        "corpus: {} doc strings ({} distinct), {total_lines} lines",
        docs.len(),
        distinct.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn nasty_inputs_keep_invariants() {
    for doc in nasty() {
        if let Err(e) = check_doc(doc) {
            panic!("{e}\n  input: {doc:?}");
        }
    }
}

fn nasty() -> Vec<&'static str> {
    vec![
        "<p>a < b > c && d</p>",
        "<p>unclosed <b>bold <i>both",
        "[foo] [bar](baz) [^1] ![img](x)",
        "x_y _z_ *a* **b** `c` ``d`` ~e~ ~~f~~ | g | h |",
        "<pre><code>fn main() {\n    panic!(\"not rust\");\n}\n```\n</code></pre>",
        "    four spaces\n        eight",
        "<p>1. not a list</p><p>2) nor this</p><p># nor heading</p><p>---</p><p>***</p><p>___</p><p>===</p>",
        "Bare https://example.com/x_y?a=1&b=[2] and http://foo.bar/(baz)). End",
        "&#x1F600; &bogus; &amp;lt;p&amp;gt; &#60;b&#62;",
        r#"<a href="relative/page.html">rel</a> <a>none</a> <a href="https://x.com/[a]">x [y]</a>"#,
        "<ul><li>a<ul><li>b<ul><li>c<ul><li>d<pre>e</pre></li></ul></li></ul></li></ul></li></ul>",
        "<code>a``b`</code><code>`</code>",
        "<dl><dt><code>X</code> <b>Y</b></dt><dd><ul><li>z</li></ul></dd></dl>",
        "<note><important>both</important></note>",
        "a<br/><br/>b<br/>- c<br/>===",
        "é ü 漢字 😀 <b>ß</b> <",
        "<",
        "<p>a <b",
        "<p>Values: <code>&lt;region&gt;</code> and <region> and <fleet ID> and <custom ID string></p>",
        "https://{api_id}.execute-api.{region}.amazonaws.com",
        "<p><a href=\"https://x.com\">https://x.com</a></p>",
        "<b>(parenthesized)</b>word <i>_under_</i>",
        "text\\ with backslash\\",
        "</p></ul></li>stray closers",
        "<p>See [FunctionARN]/invocations and foo[0].bar</p>",
        "#[derive(Debug)] struct X;",
        "<pre>\n\n</pre>",
        "<p>\"quoted\" 'single' {braces} $dollar ^caret @at</p>",
    ]
}

// ---------------------------------------------------------------------------------------------
// rustdoc

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("spawn cargo");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    text
}

#[test]
fn rustdoc_accepts_rendered_docs() {
    let mut seen = BTreeSet::new();
    let mut docs: Vec<String> = Vec::new();
    for doc in nasty().into_iter().map(String::from).chain(corpus()) {
        if seen.insert(doc.clone()) {
            docs.push(doc);
        }
    }
    docs.truncate(100_000);

    let mut lib = String::from(
        "//! Rendered documentation check.\n#![warn(rustdoc::unescaped_backticks)]\n\n",
    );
    for (n, doc) in docs.iter().enumerate() {
        for line in doc_lines(doc) {
            let line = if line.is_empty() {
                line
            } else {
                format!(" {line}")
            };
            lib.push_str(&format!("#[doc = {line:?}]\n"));
        }
        lib.push_str(&format!("pub fn f{n}() {{}}\n"));
    }

    let root = std::env::temp_dir().join(format!("codegen-docs-check-{}", std::process::id()));
    let src = root.join("crate");
    std::fs::create_dir_all(src.join("src")).unwrap();
    std::fs::write(
        src.join("Cargo.toml"),
        "[package]\nname = \"docs_check\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(src.join("src/lib.rs"), lib).unwrap();

    let cargo = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(args)
            .arg("--offline")
            .arg("--manifest-path")
            .arg(src.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", root.join("target"))
            .env("RUSTDOCFLAGS", "-D warnings")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        cmd
    };
    run(&mut cargo(&["doc", "--no-deps", "--quiet"]));
    let tests = run(&mut cargo(&["test", "--doc", "--quiet"]));
    assert!(
        tests.contains("running 0 tests"),
        "rendered docs produced doctests:\n{tests}"
    );
    let _ = std::fs::remove_dir_all(&root);
    println!("rustdoc accepted {} documentation strings", docs.len());
}
