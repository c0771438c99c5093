//! The constraints a server checks on a value: a member's constraint traits with its target's,
//! and those of what the target contains.

use super::Cx;
use crate::ir::Constraints;
use crate::model::{EnumMember, EnumValue, ShapeId, ShapeKind, Simple, Traits};

impl Cx<'_> {
    /// The constraints of a member's value: its own traits with its target's, and those of
    /// what the target contains.
    pub(super) fn constraints(&self, member: &Traits, target: &ShapeId) -> Constraints {
        let shape = self.model.shape(target);
        let own = shape.map(|s| &s.traits);
        let pick = |t: &Traits| {
            (
                t.length.as_ref().map(|l| (l.min, l.max)),
                t.range.as_ref().map(|r| (r.min.clone(), r.max.clone())),
                t.pattern.clone(),
            )
        };
        let (length, range, pattern) = pick(member);
        let (own_length, own_range, own_pattern) = own.map(pick).unwrap_or_default();
        let mut c = Constraints {
            length: length.or(own_length),
            range: range.or(own_range),
            pattern: pattern.or(own_pattern),
            unique: member.unique_items || own.is_some_and(|t| t.unique_items),
            ..Constraints::default()
        };
        match shape.map(|s| &s.kind) {
            Some(ShapeKind::Simple(Simple::Blob)) => c.blob = true,
            Some(ShapeKind::Enum(values)) => c.enum_values = Some(enum_values(values)),
            Some(ShapeKind::IntEnum(values)) => {
                c.int_enum_values = Some(
                    values
                        .iter()
                        .filter_map(|v| match &v.value {
                            EnumValue::Int(i) => Some(*i),
                            EnumValue::String(_) => None,
                        })
                        .collect(),
                );
            }
            Some(ShapeKind::List(m)) => {
                c.element = Some(Box::new(self.constraints(&m.traits, &m.target)));
            }
            Some(ShapeKind::Map { key, value }) => {
                c.key = Some(Box::new(self.constraints(&key.traits, &key.target)));
                c.element = Some(Box::new(self.constraints(&value.traits, &value.target)));
            }
            Some(ShapeKind::Structure(_) | ShapeKind::Union(_)) if !target.is_prelude() => {
                c.shape = self.layout.type_of(target);
            }
            _ => {}
        }
        c
    }
}

/// The values of a string enum: those messages list, and the `@internal` ones. `@internal`
/// (and a legacy `@enum` entry tagged `internal`, which the loader marks `@internal`) keeps a
/// value out of messages, not out of the set.
fn enum_values(values: &[EnumMember]) -> (Vec<String>, Vec<String>) {
    let (internal, listed): (Vec<_>, Vec<_>) = values.iter().partition(|v| v.traits.internal);
    let strings = |values: Vec<&EnumMember>| {
        values
            .into_iter()
            .filter_map(|v| match &v.value {
                EnumValue::String(s) => Some(s.clone()),
                EnumValue::Int(_) => None,
            })
            .collect()
    };
    (strings(listed), strings(internal))
}
