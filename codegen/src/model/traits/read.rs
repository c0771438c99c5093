//! Reading [`Traits`] from a shape's raw traits: each trait id the generator interprets goes to
//! its typed field, with the problem of a value that has the wrong form.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::*;

impl Traits {
    /// Types raw traits. Each trait whose value has the wrong form yields `(trait id, problem)`.
    pub(crate) fn from_raw(raw: &RawTraits) -> (Traits, Vec<(ShapeId, String)>) {
        let mut t = Traits {
            raw: raw.clone(),
            ..Traits::default()
        };
        let mut problems = Vec::new();
        for (id, value) in raw {
            if let Err(problem) = t.set(id, value) {
                problems.push((id.clone(), problem));
            }
        }
        (t, problems)
    }

    fn set(&mut self, id: &ShapeId, v: &Value) -> Result<(), String> {
        match (id.namespace(), id.name()) {
            ("smithy.api", name) => self.set_smithy(name, id, v),
            ("aws.api", "service") => put(&mut self.aws_service, v),
            ("aws.auth", "sigv4") => put(&mut self.sigv4, v),
            ("aws.protocols", "awsQueryCompatible") => flag(&mut self.aws_query_compatible, v),
            ("aws.protocols", "awsQueryError") => put(&mut self.aws_query_error, v),
            ("aws.protocols", name) if Protocol::from_trait_name(name).is_some() => {
                object(v)?;
                self.protocols.extend(Protocol::from_trait_name(name));
                Ok(())
            }
            ("smithy.protocols", "rpcv2Cbor") => {
                object(v)?;
                self.protocols.push(Protocol::RpcV2Cbor);
                Ok(())
            }
            ("smithy.waiters", "waitable") => {
                // A malformed waiter is that waiter's problem, not the model's.
                for (name, waiter) in parse::<BTreeMap<String, Value>>(v)? {
                    match parse::<Waiter>(&waiter) {
                        Ok(waiter) => {
                            self.waitable.insert(name, waiter);
                        }
                        Err(why) => {
                            self.malformed_waiters.insert(name, why);
                        }
                    }
                }
                Ok(())
            }
            ("smithy.rules", name) if self.set_rules(name, v)? => Ok(()),
            _ => {
                self.other.insert(id.clone(), v.clone());
                Ok(())
            }
        }
    }

    fn set_smithy(&mut self, name: &str, id: &ShapeId, v: &Value) -> Result<(), String> {
        match name {
            "documentation" => put(&mut self.documentation, v),
            "title" => put(&mut self.title, v),
            "required" => flag(&mut self.required, v),
            "default" => {
                self.default = Some(v.clone());
                Ok(())
            }
            "clientOptional" => flag(&mut self.client_optional, v),
            "addedDefault" => flag(&mut self.added_default, v),
            "input" => flag(&mut self.input, v),
            "output" => flag(&mut self.output, v),
            "sparse" => flag(&mut self.sparse, v),
            "sensitive" => flag(&mut self.sensitive, v),
            "internal" => flag(&mut self.internal, v),
            "unitType" => flag(&mut self.unit_type, v),
            "box" => flag(&mut self.boxed, v),
            "tags" => {
                self.tags = parse(v)?;
                Ok(())
            }
            "deprecated" => put(&mut self.deprecated, v),
            "length" => put(&mut self.length, v),
            "range" => {
                self.range = Some(range(v)?);
                Ok(())
            }
            "pattern" => put(&mut self.pattern, v),
            "uniqueItems" => flag(&mut self.unique_items, v),
            "enumValue" => {
                self.enum_value = Some(match v {
                    Value::String(s) => EnumValue::String(s.clone()),
                    Value::Number(n) if n.is_i64() => {
                        EnumValue::Int(n.as_i64().unwrap_or_default())
                    }
                    _ => return Err("expected a string or an integer".into()),
                });
                Ok(())
            }
            "enum" => put(&mut self.legacy_enum, v),
            "error" => put(&mut self.error, v),
            "httpError" => put(&mut self.http_error, v),
            "retryable" => put(&mut self.retryable, v),
            "readonly" => flag(&mut self.readonly, v),
            "idempotent" => flag(&mut self.idempotent, v),
            "idempotencyToken" => flag(&mut self.idempotency_token, v),
            "paginated" => put(&mut self.paginated, v),
            "timestampFormat" => put(&mut self.timestamp_format, v),
            "jsonName" => put(&mut self.json_name, v),
            "mediaType" => put(&mut self.media_type, v),
            "http" => put(&mut self.http, v),
            "httpLabel" => flag(&mut self.http_label, v),
            "httpQuery" => put(&mut self.http_query, v),
            "httpQueryParams" => flag(&mut self.http_query_params, v),
            "httpHeader" => put(&mut self.http_header, v),
            "httpPrefixHeaders" => put(&mut self.http_prefix_headers, v),
            "httpPayload" => flag(&mut self.http_payload, v),
            "httpResponseCode" => flag(&mut self.http_response_code, v),
            "httpChecksumRequired" => flag(&mut self.http_checksum_required, v),
            "requestCompression" => put(&mut self.request_compression, v),
            "streaming" => flag(&mut self.streaming, v),
            "requiresLength" => flag(&mut self.requires_length, v),
            "endpoint" => put(&mut self.endpoint, v),
            "hostLabel" => flag(&mut self.host_label, v),
            "mixin" => put(&mut self.mixin, v),
            _ => {
                self.other.insert(id.clone(), v.clone());
                Ok(())
            }
        }
    }
}

fn parse<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| e.to_string())
}

fn put<T: DeserializeOwned>(slot: &mut Option<T>, v: &Value) -> Result<(), String> {
    *slot = Some(parse(v)?);
    Ok(())
}

fn object(v: &Value) -> Result<(), String> {
    match v {
        Value::Object(_) => Ok(()),
        other => Err(format!("expected an object, found {other}")),
    }
}

/// Annotation traits are written `{}`.
fn flag(slot: &mut bool, v: &Value) -> Result<(), String> {
    object(v)?;
    *slot = true;
    Ok(())
}

fn range(v: &Value) -> Result<Range, String> {
    let Value::Object(map) = v else {
        return Err("expected an object with `min` and/or `max`".into());
    };
    let mut r = Range::default();
    for (key, value) in map {
        let text = match value {
            Value::Number(n) => n.to_string(),
            big => match crate::model::numbers::big_number_text(big) {
                Some(text) => text.to_string(),
                None => return Err(format!("`{key}` must be a number")),
            },
        };
        match key.as_str() {
            "min" => r.min = Some(text),
            "max" => r.max = Some(text),
            other => return Err(format!("unknown key `{other}`; expected `min` or `max`")),
        }
    }
    if r.min.is_none() && r.max.is_none() {
        return Err("needs `min` or `max`".into());
    }
    Ok(r)
}
