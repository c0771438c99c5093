//! Evaluation: conditions, rules, templates, and building the endpoint a rule gives.

use std::collections::BTreeMap;

use super::error::ResolveError;
use super::partitions::Partitions;
use super::resolved::{Endpoint, Property};
use super::syntax::{
    Condition, EndpointSpec, Expr, Outcome, PropertySpec, Rule, Template, TemplatePart,
};
use super::val::{Text, Val};

/// The state of one resolution: a value (or nothing) per slot, and the partitions that
/// `aws.partition` reads.
pub(super) struct Eval<'a> {
    slots: Vec<Option<Val<'a>>>,
    pub(super) partitions: &'a Partitions,
}

impl<'a> Eval<'a> {
    /// An evaluation with `slots` (the parameters already bound).
    pub(super) fn new(slots: Vec<Option<Val<'a>>>, partitions: &'a Partitions) -> Self {
        Eval { slots, partitions }
    }

    /// The value of an expression; `None` when it is not set.
    pub(super) fn expr(&self, expr: &'a Expr) -> Result<Option<Val<'a>>, ResolveError> {
        Ok(match expr {
            Expr::Str(s) => Some(Val::Str(Text::Borrowed(s))),
            Expr::Bool(b) => Some(Val::Bool(*b)),
            Expr::Int(i) => Some(Val::Int(*i)),
            Expr::Array(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    match self.expr(item)? {
                        Some(value) => values.push(value),
                        None => return Ok(None),
                    }
                }
                Some(Val::Array(values.into()))
            }
            Expr::Template(template) => self.template(template)?.map(Val::string),
            Expr::Ref(slot) => self.slots[*slot].clone(),
            Expr::Call(call) => self.call(call)?,
        })
    }

    /// A template's text; `None` when a value it names is not set.
    fn template(&self, template: &'a Template) -> Result<Option<String>, ResolveError> {
        let mut out = String::new();
        for part in &template.parts {
            match part {
                TemplatePart::Literal(text) => out.push_str(text),
                TemplatePart::Value(slot, path) => {
                    let Some(value) = &self.slots[*slot] else {
                        return Ok(None);
                    };
                    let value = if path.is_empty() {
                        value.clone()
                    } else {
                        match value.get_attr(path) {
                            Some(value) => value,
                            None => return Ok(None),
                        }
                    };
                    value.write_to(&mut out).map_err(|kind| {
                        ResolveError::Evaluation(format!("a template cannot hold {kind}"))
                    })?;
                }
            }
        }
        Ok(Some(out))
    }

    /// Whether a condition holds (its value is set and not `false`); assigns its variable
    /// when it does.
    pub(super) fn condition(&mut self, condition: &'a Condition) -> Result<bool, ResolveError> {
        let value = self.expr(&condition.call)?;
        let holds = !matches!(value, None | Some(Val::Bool(false)));
        if holds {
            if let Some(slot) = condition.assign {
                self.slots[slot] = value;
            }
        }
        Ok(holds)
    }

    /// The first rule whose conditions hold gives the result; none: no match.
    pub(super) fn rules(&mut self, rules: &'a [Rule]) -> Result<Endpoint, ResolveError> {
        'rules: for rule in rules {
            for condition in &rule.conditions {
                if !self.condition(condition)? {
                    continue 'rules;
                }
            }
            return self.outcome(&rule.outcome);
        }
        Err(ResolveError::NoMatch)
    }

    /// The endpoint or error a rule gives (a tree rule: its subordinate rules').
    pub(super) fn outcome(&mut self, outcome: &'a Outcome) -> Result<Endpoint, ResolveError> {
        match outcome {
            Outcome::Endpoint(spec) => self.endpoint(spec),
            Outcome::Error(message) => Err(ResolveError::Rule(
                self.string(message, "an error rule's message")?,
            )),
            Outcome::Tree(rules) => self.rules(rules),
        }
    }

    /// An expression that must be a string that is set.
    fn string(&self, expr: &'a Expr, what: &str) -> Result<String, ResolveError> {
        match self.expr(expr)? {
            Some(Val::Str(text)) => Ok(text.to_string()),
            Some(other) => Err(ResolveError::Evaluation(format!(
                "{what} is {}, not a string",
                other.kind()
            ))),
            None => Err(ResolveError::Evaluation(format!(
                "{what} uses a value that is not set"
            ))),
        }
    }

    fn endpoint(&self, spec: &'a EndpointSpec) -> Result<Endpoint, ResolveError> {
        let url = self.string(&spec.url, "the endpoint URL")?;
        let mut headers = BTreeMap::new();
        for (name, values) in &spec.headers {
            let values = values
                .iter()
                .map(|v| self.string(v, "a header value"))
                .collect::<Result<_, _>>()?;
            headers.insert(name.clone(), values);
        }
        let properties = self.object(&spec.properties)?;
        Ok(Endpoint::new(url, headers, properties))
    }

    fn object(
        &self,
        entries: &'a [(String, PropertySpec)],
    ) -> Result<BTreeMap<String, Property>, ResolveError> {
        entries
            .iter()
            .map(|(key, value)| Ok((key.clone(), self.property(value)?)))
            .collect()
    }

    fn property(&self, spec: &'a PropertySpec) -> Result<Property, ResolveError> {
        Ok(match spec {
            PropertySpec::Str(expr) => Property::String(self.string(expr, "an endpoint property")?),
            PropertySpec::Bool(b) => Property::Bool(*b),
            PropertySpec::Int(i) => Property::Int(*i),
            PropertySpec::Array(items) => Property::Array(
                items
                    .iter()
                    .map(|item| self.property(item))
                    .collect::<Result<_, _>>()?,
            ),
            PropertySpec::Object(entries) => Property::Object(self.object(entries)?),
        })
    }
}
