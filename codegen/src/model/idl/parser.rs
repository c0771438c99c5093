//! The IDL parser: the token cursor, file-level statements (control, metadata, namespace, use,
//! apply), trait applications and node values. Shape statements are in `shapes`.
//!
//! It stops at the first syntax error of a file, which names the line, the column and what was
//! expected there.

use super::lexer::{self, Pos, SyntaxError, Tok, Token};
use super::syntax::{ApplyDef, IdlFile, Node, Ref, TraitDef};
use crate::model::shape_id::is_identifier;
use crate::model::ShapeId;

pub(super) type PResult<T> = Result<T, SyntaxError>;

/// How deeply node values may nest; deeper input is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// Parses one IDL file.
pub(crate) fn parse(text: &str) -> PResult<IdlFile> {
    let mut parser = Parser {
        tokens: lexer::tokens(text)?,
        i: 0,
        depth: 0,
        version_given: false,
        input_suffix: "Input".into(),
        output_suffix: "Output".into(),
        out: IdlFile {
            version: "1.0".into(),
            ..IdlFile::default()
        },
    };
    parser.file()?;
    Ok(parser.out)
}

pub(super) struct Parser {
    tokens: Vec<Token>,
    i: usize,
    depth: usize,
    /// Whether the file has a `$version` statement.
    version_given: bool,
    pub(super) input_suffix: String,
    pub(super) output_suffix: String,
    pub(super) out: IdlFile,
}

/// A reference to a prelude shape or trait, for traits the parser adds itself.
pub(super) fn prelude_ref(name: &str, pos: Pos) -> Ref {
    Ref {
        text: format!("smithy.api#{name}"),
        pos,
    }
}

/// A relative (`Name`, `Name$member`) or absolute (`ns#Name`, `ns#Name$member`) shape id.
fn is_shape_id_text(text: &str) -> bool {
    if text.contains('#') {
        return text.parse::<ShapeId>().is_ok();
    }
    let (name, member) = match text.split_once('$') {
        Some((name, member)) => (name, Some(member)),
        None => (text, None),
    };
    is_identifier(name) && member.is_none_or(is_identifier)
}

impl Parser {
    // ----- the cursor -----

    fn current(&self) -> Option<&Token> {
        self.tokens.get(self.i).or(self.tokens.last())
    }

    pub(super) fn tok(&self) -> &Tok {
        self.current().map_or(&Tok::End, |t| &t.tok)
    }

    pub(super) fn pos(&self) -> Pos {
        self.current().map(|t| t.pos).unwrap_or_default()
    }

    fn peek_next(&self) -> &Tok {
        self.tokens.get(self.i + 1).map_or(&Tok::End, |t| &t.tok)
    }

    pub(super) fn bump(&mut self) -> Tok {
        let tok = self.tok().clone();
        if self.i + 1 < self.tokens.len() {
            self.i += 1;
        }
        tok
    }

    pub(super) fn at_punct(&self, c: char) -> bool {
        *self.tok() == Tok::Punct(c)
    }

    pub(super) fn eat_punct(&mut self, c: char) -> bool {
        let at = self.at_punct(c);
        if at {
            self.bump();
        }
        at
    }

    pub(super) fn at_word(&self, word: &str) -> bool {
        matches!(self.tok(), Tok::Word(w) if w == word)
    }

    /// An error at the current token: "expected `expected`, found …".
    pub(super) fn expected<T>(&self, expected: &str) -> PResult<T> {
        Err(SyntaxError {
            pos: self.pos(),
            message: format!("expected {expected}, found {}", self.tok().describe()),
        })
    }

    pub(super) fn error_at<T>(&self, pos: Pos, message: impl Into<String>) -> PResult<T> {
        Err(SyntaxError {
            pos,
            message: message.into(),
        })
    }

    pub(super) fn expect_punct(&mut self, c: char, context: &str) -> PResult<()> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            self.expected(&format!("`{c}` {context}"))
        }
    }

    /// Refuses IDL 2.0 syntax (`what`, found at `pos`) in an IDL 1.0 file.
    pub(super) fn require_v2(&self, pos: Pos, what: &str) -> PResult<()> {
        if self.out.version.starts_with('2') {
            return Ok(());
        }
        let why = if self.version_given {
            format!("this file declares `$version: \"{}\"`", self.out.version)
        } else {
            "this file has no `$version`, so it is read as IDL 1.0".to_string()
        };
        self.error_at(
            pos,
            format!(
                "{what} is IDL 2.0 syntax, but {why}; add `$version: \"2\"` at the top of the file"
            ),
        )
    }

    /// A word token (identifier, keyword or shape id) and where it is.
    pub(super) fn word(&mut self, what: &str) -> PResult<(String, Pos)> {
        let pos = self.pos();
        match self.tok() {
            Tok::Word(w) => {
                let w = w.clone();
                self.bump();
                Ok((w, pos))
            }
            _ => self.expected(what),
        }
    }

    /// An identifier: `_*[A-Za-z][A-Za-z0-9_]*`.
    pub(super) fn identifier(&mut self, what: &str) -> PResult<(String, Pos)> {
        match self.tok() {
            Tok::Word(w) if is_identifier(w) => self.word(what),
            _ => self.expected(what),
        }
    }

    /// A relative or absolute shape id, as written.
    pub(super) fn shape_id(&mut self, what: &str) -> PResult<Ref> {
        match self.tok() {
            Tok::Word(w) if is_shape_id_text(w) => {
                let (text, pos) = self.word(what)?;
                Ok(Ref { text, pos })
            }
            _ => self.expected(what),
        }
    }

    /// The documentation comment lines just before the current token.
    fn docs(&self) -> Vec<String> {
        self.current().map(|t| t.docs.clone()).unwrap_or_default()
    }

    // ----- statements -----

    fn file(&mut self) -> PResult<()> {
        while *self.tok() == Tok::Dollar {
            self.control()?;
        }
        loop {
            match self.tok() {
                Tok::End => return Ok(()),
                Tok::Dollar => return self.error_at(
                    self.pos(),
                    "control statements (`$version: …`) must come before anything else in the file",
                ),
                Tok::Word(w) => match w.as_str() {
                    "metadata" => self.metadata()?,
                    "namespace" => self.namespace()?,
                    "use" => self.use_statement()?,
                    "apply" => self.apply()?,
                    _ => self.shape_statement()?,
                },
                _ => self.shape_statement()?,
            }
        }
    }

    fn control(&mut self) -> PResult<()> {
        self.bump();
        let (key, pos) = self.node_key("a control statement name such as `version`")?;
        self.expect_punct(':', "after the control statement name")?;
        let value = self.node_value()?;
        let text = match &value {
            Node::Str(s) => Some(s.clone()),
            _ => None,
        };
        match (key.as_str(), text) {
            ("version", Some(v)) if ["1", "1.0", "2", "2.0"].contains(&v.as_str()) => {
                self.out.version = v;
                self.version_given = true;
            }
            ("version", Some(v)) => {
                return self.error_at(
                    pos,
                    format!(
                        "unsupported IDL version \"{v}\"; this loader reads \"1.0\" and \"2.0\""
                    ),
                )
            }
            ("operationInputSuffix", Some(s)) => self.input_suffix = s,
            ("operationOutputSuffix", Some(s)) => self.output_suffix = s,
            ("version" | "operationInputSuffix" | "operationOutputSuffix", None) => {
                return self.error_at(pos, format!("`${key}` needs a string value"))
            }
            // Unknown control statements are ignored, as the Smithy IDL requires.
            _ => {}
        }
        Ok(())
    }

    fn metadata(&mut self) -> PResult<()> {
        self.bump();
        let (key, pos) = self.node_key("a metadata key")?;
        self.expect_punct('=', "after the metadata key")?;
        let value = self.node_value()?;
        if self.out.metadata.iter().any(|(k, _, _)| *k == key) {
            return self.error_at(
                pos,
                format!("metadata key `{key}` is set twice in this file"),
            );
        }
        self.out.metadata.push((key, pos, value));
        Ok(())
    }

    fn namespace(&mut self) -> PResult<()> {
        let keyword = self.pos();
        self.bump();
        let (ns, pos) = self.word("a namespace such as `com.example`")?;
        if !ns.split('.').all(is_identifier) {
            return self.error_at(pos, format!("`{ns}` is not a valid namespace; write dot-separated identifiers such as `com.example`"));
        }
        if self.out.namespace.is_some() {
            return self.error_at(keyword, "a file can have only one `namespace` statement");
        }
        self.out.namespace = Some(ns);
        Ok(())
    }

    /// The file's namespace, which shapes, `use` and `apply` statements need.
    pub(super) fn current_namespace(&self, pos: Pos) -> PResult<String> {
        match &self.out.namespace {
            Some(ns) => Ok(ns.clone()),
            None => self.error_at(
                pos,
                "expected a `namespace` statement before the first shape, `use` or `apply`",
            ),
        }
    }

    fn use_statement(&mut self) -> PResult<()> {
        let keyword = self.pos();
        self.bump();
        self.current_namespace(keyword)?;
        if !self.out.shapes.is_empty() || !self.out.applies.is_empty() {
            return self.error_at(keyword, "`use` statements must come before the shapes");
        }
        let (text, pos) = self.word("an absolute shape id such as `smithy.example#Foo`")?;
        let id = match text.parse::<ShapeId>() {
            Ok(id) if id.member().is_none() => id,
            _ => return self.error_at(pos, format!("`use` needs an absolute shape id without a member, such as `smithy.example#Foo`, not `{text}`")),
        };
        let name = id.name().to_string();
        match self.out.uses.get(&name) {
            Some(other) if *other != id => self.error_at(
                pos,
                format!("`{id}` conflicts with `{other}`, imported earlier under the same name"),
            ),
            _ => {
                self.out.uses.insert(name, id);
                Ok(())
            }
        }
    }

    fn apply(&mut self) -> PResult<()> {
        let keyword = self.pos();
        self.bump();
        self.current_namespace(keyword)?;
        let target = self.shape_id("the shape or member to apply traits to")?;
        let traits = if self.eat_punct('@') {
            vec![self.trait_application()?]
        } else if self.eat_punct('{') {
            // Documentation comments inside the block are plain comments, as in Smithy.
            let traits = self.traits()?;
            self.expect_punct('}', "to close the `apply` block (only traits go inside)")?;
            traits
        } else {
            return self.expected("a trait (`@name`) or `{` after the `apply` target");
        };
        self.out.applies.push(ApplyDef { target, traits });
        Ok(())
    }

    // ----- traits -----

    /// Documentation comment and traits before a shape or member, in that order.
    pub(super) fn trait_statements(&mut self) -> PResult<Vec<TraitDef>> {
        let docs = self.docs();
        let mut traits = Vec::new();
        if !docs.is_empty() {
            traits.push(TraitDef {
                id: prelude_ref("documentation", self.pos()),
                value: Some(Node::Str(docs.join("\n"))),
            });
        }
        traits.extend(self.traits()?);
        Ok(traits)
    }

    /// Trait applications (`@name…`), documentation comments before them ignored.
    fn traits(&mut self) -> PResult<Vec<TraitDef>> {
        let mut traits = Vec::new();
        while self.eat_punct('@') {
            traits.push(self.trait_application()?);
        }
        Ok(traits)
    }

    /// `name`, `name(value)` or `name(key: value, …)`, after the `@`.
    fn trait_application(&mut self) -> PResult<TraitDef> {
        let id = self.shape_id("a trait name after `@`")?;
        if !self.eat_punct('(') {
            return Ok(TraitDef { id, value: None });
        }
        let value = if self.at_punct(')') {
            None
        } else if matches!(self.tok(), Tok::Word(_) | Tok::Str(_))
            && *self.peek_next() == Tok::Punct(':')
        {
            Some(Node::Object(self.object_entries(')')?))
        } else {
            Some(self.node_value()?)
        };
        self.expect_punct(')', "to close the trait value")?;
        Ok(TraitDef { id, value })
    }

    // ----- node values -----

    /// An object key: an identifier or quoted text.
    pub(super) fn node_key(&mut self, what: &str) -> PResult<(String, Pos)> {
        let pos = self.pos();
        match self.tok() {
            Tok::Str(s) => {
                let s = s.clone();
                self.bump();
                Ok((s, pos))
            }
            _ => self.identifier(what),
        }
    }

    pub(super) fn node_value(&mut self) -> PResult<Node> {
        if self.depth >= MAX_DEPTH {
            return self.error_at(
                self.pos(),
                format!("values nested more than {MAX_DEPTH} levels deep are not supported"),
            );
        }
        self.depth += 1;
        let value = self.node_value_inner();
        self.depth -= 1;
        value
    }

    fn node_value_inner(&mut self) -> PResult<Node> {
        let what = "a value (string, number, `true`, `false`, `null`, `[…]`, `{…}` or shape id)";
        let node = match self.tok().clone() {
            Tok::Punct('[') => {
                self.bump();
                let mut items = Vec::new();
                while !self.eat_punct(']') {
                    if *self.tok() == Tok::End {
                        return self.expected("`]` to close the list");
                    }
                    items.push(self.node_value()?);
                }
                return Ok(Node::Array(items));
            }
            Tok::Punct('{') => {
                self.bump();
                let entries = self.object_entries('}')?;
                self.expect_punct('}', "to close the object")?;
                return Ok(Node::Object(entries));
            }
            Tok::Number(n) => Node::Number(n),
            Tok::Str(s) => Node::Str(s),
            Tok::Word(w) if w == "true" => Node::Bool(true),
            Tok::Word(w) if w == "false" => Node::Bool(false),
            Tok::Word(w) if w == "null" => Node::Null,
            Tok::Word(_) => return Ok(Node::Id(self.shape_id(what)?)),
            _ => return self.expected(what),
        };
        self.bump();
        Ok(node)
    }

    /// `key: value` pairs up to (not including) `close`; a key may appear once.
    pub(super) fn object_entries(&mut self, close: char) -> PResult<Vec<(String, Pos, Node)>> {
        let mut entries: Vec<(String, Pos, Node)> = Vec::new();
        while !self.at_punct(close) {
            let (key, pos) = self.node_key(&format!(
                "a key (an identifier or quoted text) or `{close}`"
            ))?;
            self.expect_punct(':', &format!("after the key `{key}`"))?;
            let value = self.node_value()?;
            if entries.iter().any(|(k, _, _)| *k == key) {
                return self.error_at(pos, format!("the key `{key}` appears twice"));
            }
            entries.push((key, pos, value));
        }
        Ok(entries)
    }
}
