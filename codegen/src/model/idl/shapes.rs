//! Shape statements: simple shapes, enums, lists, maps, structures, unions, services, resources
//! and operations (with inline input and output structures).

use super::lexer::{Pos, Tok};
use super::parser::{prelude_ref, PResult, Parser};
use super::syntax::{MemberDef, Node, Ref, ShapeDef, Target, TraitDef};
use crate::model::ast::SIMPLE;
use crate::model::diagnostics::did_you_mean;

const AGGREGATES: [&str; 5] = ["list", "set", "map", "structure", "union"];
const OTHERS: [&str; 5] = ["enum", "intEnum", "service", "resource", "operation"];

impl Parser {
    /// Traits, then a shape type keyword, a name, and the body the type takes.
    pub(super) fn shape_statement(&mut self) -> PResult<()> {
        let traits = self.trait_statements()?;
        let what = "a shape type such as `structure` or `string`, or `apply`";
        let (kind, pos) = self.word(what)?;
        self.current_namespace(pos)?;
        let known = SIMPLE.iter().chain(&AGGREGATES).chain(&OTHERS);
        if !known.clone().any(|k| *k == kind) {
            let hint = did_you_mean(&kind, known.copied());
            return self.error_at(pos, format!("expected {what}, found `{kind}`{hint}"));
        }
        if kind == "enum" || kind == "intEnum" {
            self.require_v2(pos, &format!("an `{kind}` shape"))?;
        }
        let (name, name_pos) = self.identifier("a shape name")?;
        let mut shape = ShapeDef {
            name,
            pos: name_pos,
            kind,
            traits,
            mixins: Vec::new(),
            resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        // Structures and unions may take elided members from a resource.
        if shape.kind == "structure" || shape.kind == "union" {
            shape.resource = self.for_resource()?;
        }
        shape.mixins = self.mixins()?;
        self.shape_body(&mut shape)?;
        self.out.shapes.push(shape);
        Ok(())
    }

    fn shape_body(&mut self, shape: &mut ShapeDef) -> PResult<()> {
        match shape.kind.as_str() {
            "enum" | "intEnum" => self.enum_members(shape),
            "service" | "resource" => {
                self.expect_punct('{', &format!("to open the {} body", shape.kind))?;
                shape.properties = self.object_entries('}')?;
                self.expect_punct('}', &format!("to close the {} body", shape.kind))
            }
            "operation" => self.operation_body(shape),
            kind if AGGREGATES.contains(&kind) => self.members(shape),
            _ => Ok(()),
        }
    }

    /// `for Resource`, or nothing.
    fn for_resource(&mut self) -> PResult<Option<Ref>> {
        if !self.at_word("for") {
            return Ok(None);
        }
        self.require_v2(self.pos(), "`for` a resource")?;
        self.bump();
        Ok(Some(self.shape_id("a resource after `for`")?))
    }

    /// `with [A, B]`, or nothing.
    fn mixins(&mut self) -> PResult<Vec<Ref>> {
        if !self.at_word("with") {
            return Ok(Vec::new());
        }
        self.require_v2(self.pos(), "a mixin list (`with [...]`)")?;
        self.bump();
        self.expect_punct('[', "after `with`")?;
        let mut mixins = Vec::new();
        while !self.eat_punct(']') {
            mixins.push(self.shape_id("a mixin shape id or `]`")?);
        }
        Ok(mixins)
    }

    /// `{ member… }` of a list, map, structure or union.
    fn members(&mut self, shape: &mut ShapeDef) -> PResult<()> {
        self.expect_punct('{', "to open the members")?;
        while !self.eat_punct('}') {
            let traits = self.trait_statements()?;
            let member = self.member(traits, &shape.kind)?;
            self.add_member(shape, member)?;
        }
        Ok(())
    }

    fn add_member(&self, shape: &mut ShapeDef, member: MemberDef) -> PResult<()> {
        let fixed: &[&str] = match shape.kind.as_str() {
            "list" | "set" => &["member"],
            "map" => &["key", "value"],
            _ => &[],
        };
        if !fixed.is_empty() && !fixed.contains(&member.name.as_str()) {
            let names = fixed.join("` and `");
            return self.error_at(
                member.pos,
                format!("a {} has only `{names}`, not `{}`", shape.kind, member.name),
            );
        }
        if shape.members.iter().any(|m| m.name == member.name) {
            return self.error_at(
                member.pos,
                format!("the member `{}` is defined twice", member.name),
            );
        }
        shape.members.push(member);
        Ok(())
    }

    /// `name: Target`, `$name` (elided target), either followed by `= default` in a structure.
    fn member(&mut self, mut traits: Vec<TraitDef>, kind: &str) -> PResult<MemberDef> {
        let elided = *self.tok() == Tok::Dollar;
        if elided {
            self.require_v2(self.pos(), "an elided member target (`$name`)")?;
            self.bump();
        }
        let (name, pos) = self.identifier("a member name or `}`")?;
        let target = if elided {
            Target::Elided
        } else {
            self.expect_punct(':', &format!("after the member name `{name}`"))?;
            Target::Id(self.shape_id(&format!("the target shape of `{name}`"))?)
        };
        if self.at_punct('=') {
            if kind != "structure" {
                return self.error_at(
                    self.pos(),
                    "default values (`= value`) are only allowed on structure members",
                );
            }
            self.require_v2(self.pos(), "a default value (`= value`)")?;
            self.bump();
            let value = Some(self.node_value()?);
            traits.push(TraitDef {
                id: prelude_ref("default", pos),
                value,
            });
        }
        Ok(MemberDef {
            name,
            pos,
            target,
            traits,
        })
    }

    /// `{ NAME [= value] … }`: enum members target `smithy.api#Unit`; a value becomes the
    /// member's `enumValue` trait.
    fn enum_members(&mut self, shape: &mut ShapeDef) -> PResult<()> {
        self.expect_punct('{', "to open the enum members")?;
        while !self.eat_punct('}') {
            let mut traits = self.trait_statements()?;
            let (name, pos) = self.identifier("an enum member name or `}`")?;
            if self.eat_punct('=') {
                let value = Some(self.node_value()?);
                traits.push(TraitDef {
                    id: prelude_ref("enumValue", pos),
                    value,
                });
            }
            let member = MemberDef {
                name,
                pos,
                target: Target::Id(prelude_ref("Unit", pos)),
                traits,
            };
            self.add_member(shape, member)?;
        }
        Ok(())
    }

    /// `{ input: X  output := { … }  errors: [...] … }`.
    fn operation_body(&mut self, op: &mut ShapeDef) -> PResult<()> {
        self.expect_punct('{', "to open the operation body")?;
        while !self.eat_punct('}') {
            let (key, pos) = self.node_key("an operation property such as `input`, or `}`")?;
            let value = if (key == "input" || key == "output") && *self.tok() == Tok::Walrus {
                self.require_v2(self.pos(), "an inline structure (`:=`)")?;
                self.bump();
                self.inline_structure(op, &key, pos)?
            } else {
                self.expect_punct(':', &format!("after `{key}`"))?;
                self.node_value()?
            };
            if op.properties.iter().any(|(k, _, _)| *k == key) {
                return self.error_at(pos, format!("`{key}` is given twice"));
            }
            op.properties.push((key, pos, value));
        }
        Ok(())
    }

    /// `:= @traits for Resource with [Mixins] { members }`: a structure named after the
    /// operation, marked `@input` or `@output`. Returns the reference the operation keeps.
    fn inline_structure(&mut self, op: &ShapeDef, io: &str, pos: Pos) -> PResult<Node> {
        let mut traits = self.trait_statements()?;
        traits.push(TraitDef {
            id: prelude_ref(io, pos),
            value: Some(Node::Object(Vec::new())),
        });
        let suffix = if io == "input" {
            &self.input_suffix
        } else {
            &self.output_suffix
        };
        let name = format!("{}{suffix}", op.name);
        let mut shape = ShapeDef {
            name: name.clone(),
            pos,
            kind: "structure".into(),
            traits,
            mixins: Vec::new(),
            resource: self.for_resource()?,
            members: Vec::new(),
            properties: Vec::new(),
        };
        shape.mixins = self.mixins()?;
        self.members(&mut shape)?;
        self.out.shapes.push(shape);
        let namespace = self.current_namespace(pos)?;
        Ok(Node::Id(Ref {
            text: format!("{namespace}#{name}"),
            pos,
        }))
    }
}
