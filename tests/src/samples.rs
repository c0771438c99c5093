//! Fully populated sample values of a model's shapes, as the JSON the protocols put in bodies.
//!
//! Written independently of the generator (from the loaded model only), so that round-tripping
//! a sample through a generated type checks the generator's serde attributes against the model.

use codegen::model::{
    EnumValue, Model, Protocol, ShapeId, ShapeKind, Simple, TimestampFormat, Traits,
};
use serde_json::{json, Map, Value};

/// How deep nested structures are filled before only required members are set.
const MAX_DEPTH: usize = 4;

/// Builds sample JSON for shapes of one service.
pub struct Sampler<'m> {
    model: &'m Model,
    protocol: Protocol,
}

impl<'m> Sampler<'m> {
    /// A sampler for a model whose service speaks `protocol` (jsonName applies to restJson1).
    pub fn new(model: &'m Model, protocol: Protocol) -> Self {
        Sampler { model, protocol }
    }

    /// A fully populated value of `shape`: every member set, one element per list and map.
    pub fn sample(&self, shape: &ShapeId) -> Value {
        self.value(shape, &Traits::default(), shape.name(), 0)
    }

    fn value(&self, id: &ShapeId, member: &Traits, label: &str, depth: usize) -> Value {
        let Some(shape) = self.model.shape(id) else {
            return Value::Null;
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => self.simple(
                *simple,
                member.timestamp_format.or(shape.traits.timestamp_format),
                label,
            ),
            ShapeKind::Enum(members) => match members.last().map(|m| &m.value) {
                Some(EnumValue::String(s)) => json!(s),
                Some(EnumValue::Int(i)) => json!(i),
                None => Value::Null,
            },
            ShapeKind::IntEnum(members) => members.last().map_or(Value::Null, |m| match &m.value {
                EnumValue::Int(i) => json!(i),
                EnumValue::String(s) => json!(s),
            }),
            ShapeKind::List(m) => json!([self.value(&m.target, &m.traits, label, depth + 1)]),
            ShapeKind::Map { value, .. } => {
                let mut map = Map::new();
                map.insert(
                    format!("{label}Key"),
                    self.value(&value.target, &value.traits, label, depth + 1),
                );
                Value::Object(map)
            }
            ShapeKind::Structure(members) => {
                let mut map = Map::new();
                for m in members
                    .iter()
                    .filter(|m| depth < MAX_DEPTH || m.traits.required)
                {
                    map.insert(
                        self.key(&m.name, &m.traits),
                        self.value(&m.target, &m.traits, &m.name, depth + 1),
                    );
                }
                Value::Object(map)
            }
            ShapeKind::Union(members) => {
                let mut map = Map::new();
                if let Some(m) = members.first() {
                    map.insert(
                        self.key(&m.name, &m.traits),
                        self.value(&m.target, &m.traits, &m.name, depth + 1),
                    );
                }
                Value::Object(map)
            }
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => Value::Null,
        }
    }

    fn key(&self, name: &str, traits: &Traits) -> String {
        match (&traits.json_name, self.protocol) {
            (Some(json_name), Protocol::RestJson1) => json_name.clone(),
            _ => name.to_string(),
        }
    }

    fn simple(&self, simple: Simple, format: Option<TimestampFormat>, label: &str) -> Value {
        // A small number derived from the label, so that members get different values.
        let n = label.bytes().map(u64::from).sum::<u64>() % 97 + 1;
        match simple {
            Simple::String => json!(format!("{label}-value")),
            Simple::Boolean => json!(true),
            Simple::Byte | Simple::Short | Simple::Integer | Simple::Long | Simple::BigInteger => {
                json!(n)
            }
            Simple::Float | Simple::Double | Simple::BigDecimal => json!(n as f64 + 0.5),
            Simple::Blob => json!("YmxvYg=="),
            Simple::Document => json!({"kind": label, "items": [1, "two", true, null]}),
            Simple::Timestamp => match format {
                Some(TimestampFormat::DateTime) => json!("2023-11-14T22:13:20Z"),
                Some(TimestampFormat::HttpDate) => json!("Tue, 14 Nov 2023 22:13:20 GMT"),
                Some(TimestampFormat::EpochSeconds) | None => json!(1_700_000_000 + n),
            },
        }
    }
}
