//! The Smithy IDL 2.0 front end (IDL 1.0 files too): IDL text becomes exactly the JSON AST
//! document the JSON reader (`ast`) reads, so that merging, typing and validation are shared.
//!
//! Phases: `lexer` (tokens with positions; `text` decodes strings and text blocks), `parser` and
//! `shapes` (statements into the unresolved forms of `syntax`), `resolve` (relative names into
//! absolute ids, one JSON AST document per file) and `elide` (elided member targets, across
//! files). Names resolve once every file is parsed, because a relative name may refer to a shape
//! that another file defines in the same namespace.

mod elide;
mod layout;
mod lexer;
mod parser;
mod resolve;
mod shapes;
mod syntax;
mod text;

use serde_json::Value;

use super::ast::{self, Source};
use super::diagnostics::{Diagnostic, Positions, Sink};
use syntax::IdlFile;

/// A source read: a JSON document, or a parsed IDL file.
enum Read {
    Json(Value),
    Idl(IdlFile),
}

/// Every source as a JSON AST document, in source order, named as the source is: JSON files
/// parsed, IDL files parsed and then resolved together; and where the IDL files write each shape,
/// member and `apply` target. Problems go to `sink`; when a file cannot be read at all, nothing
/// is returned (every reference into it would fail to resolve).
pub(crate) fn documents(sources: &[Source], sink: &mut Sink) -> (Vec<(String, Value)>, Positions) {
    let mut positions = Positions::new();
    let read: Vec<(&Source, Read)> = sources
        .iter()
        .filter_map(|source| Some((source, read(source, sink)?)))
        .collect();
    if !sink.is_empty() {
        return (Vec::new(), positions);
    }
    let known = resolve::defined(
        read.iter().filter_map(|(_, r)| match r {
            Read::Json(v) => Some(v),
            Read::Idl(_) => None,
        }),
        read.iter().filter_map(|(_, r)| match r {
            Read::Idl(f) => Some(f),
            Read::Json(_) => None,
        }),
    );
    let mut docs = Vec::new();
    let mut elisions = Vec::new();
    for (source, r) in read {
        let doc = match r {
            Read::Json(v) => v,
            Read::Idl(file) => {
                let resolved = resolve::document(&source.name, &file, &known, sink);
                let index = docs.len();
                elisions.extend(
                    resolved
                        .elisions
                        .into_iter()
                        .map(|e| elide::Elision { doc: index, ..e }),
                );
                positions.extend(
                    resolved
                        .positions
                        .into_iter()
                        .map(|(id, pos)| ((source.name.clone(), id), (pos.line, pos.column))),
                );
                resolved.doc
            }
        };
        docs.push((source.name.clone(), doc));
    }
    elide::resolve(&mut docs, elisions, sink);
    (docs, positions)
}

fn read(source: &Source, sink: &mut Sink) -> Option<Read> {
    if !source.is_idl() {
        return ast::read_json(source, sink).map(Read::Json);
    }
    match parser::parse(&source.text) {
        Ok(file) => Some(Read::Idl(file)),
        Err(e) => {
            sink.push(Diagnostic {
                file: Some(source.name.clone()),
                position: Some((e.pos.line, e.pos.column)),
                shape: None,
                message: e.message,
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_idl_file_becomes_exactly_its_json_ast_document() {
        let idl = r#"$version: "2"
metadata m = [String]
namespace ex
use other#Foo
/// Docs.
@mixin
structure Base { id: Foo }
structure S with [Base] { $id, @required n: Integer = 1 }
apply S @tags(["a"])
apply Base$id @sensitive
"#;
        let mut sink = Sink::default();
        let (docs, _) = documents(&[Source::new("t.smithy", idl)], &mut sink);
        assert!(sink.is_empty(), "{sink:?}");
        let expected = json!({
            "smithy": "2",
            "metadata": {"m": ["smithy.api#String"]},
            "shapes": {
                "ex#Base": {"type": "structure", "members": {"id": {"target": "other#Foo"}},
                    "traits": {"smithy.api#documentation": "Docs.", "smithy.api#mixin": {}}},
                "ex#Base$id": {"type": "apply", "traits": {"smithy.api#sensitive": {}}},
                "ex#S": {"type": "structure", "mixins": [{"target": "ex#Base"}],
                    "members": {
                        "id": {"target": "other#Foo"},
                        "n": {"target": "smithy.api#Integer",
                            "traits": {"smithy.api#default": 1, "smithy.api#required": {}}}
                    },
                    "traits": {"smithy.api#tags": ["a"]}}
            }
        });
        assert_eq!(docs, vec![("t.smithy".to_string(), expected)]);
    }
}
