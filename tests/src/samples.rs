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
            ShapeKind::Simple(simple) => {
                let value = self.simple(
                    *simple,
                    member.timestamp_format.or(shape.traits.timestamp_format),
                    label,
                );
                match simple {
                    Simple::Blob => blob_of_length(value, member, &shape.traits),
                    Simple::Timestamp | Simple::Document => value,
                    _ => constrained(value, member, &shape.traits),
                }
            }
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

/// `value` adjusted to satisfy the member's and its target's `@pattern`, `@length` and `@range`
/// (the constraints a server validates): a string that does not match is replaced by one built
/// from the pattern, then padded or cut to the length bounds; a number out of range becomes
/// the nearest bound.
fn constrained(value: Value, member: &Traits, target: &Traits) -> Value {
    let pattern = member.pattern.as_ref().or(target.pattern.as_ref());
    let length = member.length.as_ref().or(target.length.as_ref());
    let range = member.range.as_ref().or(target.range.as_ref());
    match value {
        Value::String(mut text) => {
            if let Some(pattern) = pattern {
                let matches = regex::Regex::new(pattern).is_ok_and(|r| r.is_match(&text));
                if !matches {
                    text = pattern_example(pattern).unwrap_or(text);
                }
            }
            if let Some(length) = length {
                let count = text.chars().count() as u64;
                if let Some(min) = length.min.filter(|min| count < *min) {
                    let pad = text.chars().last().unwrap_or('a');
                    text.extend(std::iter::repeat_n(pad, (min - count) as usize));
                }
                if let Some(max) = length.max.filter(|max| count > *max) {
                    text = text.chars().take(max as usize).collect();
                }
            }
            Value::String(text)
        }
        Value::Number(n) => {
            let Some(range) = range else {
                return Value::Number(n);
            };
            let x = n.as_f64().unwrap_or_default();
            let bound = |b: &Option<String>| b.as_ref().and_then(|b| b.parse::<f64>().ok());
            let value = match (bound(&range.min), bound(&range.max)) {
                (Some(min), _) if x < min => min,
                (_, Some(max)) if x > max => max,
                _ => return Value::Number(n),
            };
            if n.is_f64() {
                json!(value)
            } else {
                json!(value as i64)
            }
        }
        other => other,
    }
}

/// The sample blob (`blob`, in base64), repeated or cut to the `@length` bounds.
fn blob_of_length(value: Value, member: &Traits, target: &Traits) -> Value {
    let Some(length) = member.length.as_ref().or(target.length.as_ref()) else {
        return value;
    };
    let n = 4u64
        .max(length.min.unwrap_or(0))
        .min(length.max.unwrap_or(u64::MAX));
    let bytes: Vec<u8> = b"blob".iter().copied().cycle().take(n as usize).collect();
    json!(smithy_runtime::Blob::new(bytes).to_base64())
}

/// A short string matching `pattern`: each class's first character (a letter or digit where
/// the class has one), each repetition at its minimum (at least once for `+`), the first
/// alternative.
fn pattern_example(pattern: &str) -> Option<String> {
    use regex_syntax::hir::{Class, Hir, HirKind};
    fn build(hir: &Hir, out: &mut String) {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(literal) => out.push_str(&String::from_utf8_lossy(&literal.0)),
            HirKind::Class(Class::Unicode(class)) => {
                let chars = class.iter().flat_map(|r| r.start()..=r.end());
                let mut chars = chars.take(256).peekable();
                let first = chars.peek().copied();
                if let Some(c) = chars.find(char::is_ascii_alphanumeric).or(first) {
                    out.push(c);
                }
            }
            HirKind::Class(Class::Bytes(class)) => {
                if let Some(range) = class.iter().next() {
                    out.push(char::from(range.start()));
                }
            }
            HirKind::Repetition(rep) => {
                for _ in 0..rep.min {
                    build(&rep.sub, out);
                }
            }
            HirKind::Capture(capture) => build(&capture.sub, out),
            HirKind::Concat(parts) => parts.iter().for_each(|p| build(p, out)),
            HirKind::Alternation(options) => {
                if let Some(first) = options.first() {
                    build(first, out);
                }
            }
        }
    }
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut out = String::new();
    build(&hir, &mut out);
    regex::Regex::new(pattern)
        .is_ok_and(|r| r.is_match(&out))
        .then_some(out)
}
