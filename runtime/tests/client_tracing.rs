//! The spans and events of a client call, captured: one `operation` span, one `attempt` span
//! per attempt, a retry event, credential and endpoint events; and nothing secret in any of
//! them.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod client_support;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use smithy_runtime::client::{Config, Credentials, Handle, Jitter, RetryConfig, ScriptedTransport};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

use client_support::{error_response, CreateThing, CreateThingInput, SERVICE};

/// A span or event: its name (or message) and fields.
#[derive(Clone, Debug, Default)]
struct Captured {
    name: String,
    fields: BTreeMap<String, String>,
}

#[derive(Clone, Default)]
struct Capture {
    spans: Arc<Mutex<BTreeMap<u64, Captured>>>,
    closed: Arc<Mutex<Vec<Captured>>>,
    events: Arc<Mutex<Vec<Captured>>>,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut captured = Captured {
            name: attrs.metadata().name().to_owned(),
            fields: BTreeMap::new(),
        };
        attrs.record(&mut Fields(&mut captured.fields));
        self.spans.lock().unwrap().insert(id.into_u64(), captured);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        if let Some(span) = self.spans.lock().unwrap().get_mut(&id.into_u64()) {
            values.record(&mut Fields(&mut span.fields));
        }
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let name = fields.remove("message").unwrap_or_default();
        self.events.lock().unwrap().push(Captured { name, fields });
    }

    fn on_close(&self, id: Id, _: Context<'_, S>) {
        if let Some(span) = self.spans.lock().unwrap().remove(&id.into_u64()) {
            self.closed.lock().unwrap().push(span);
        }
    }
}

#[tokio::test]
async fn one_span_per_call_and_per_attempt_and_no_secrets() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let _default = tracing::subscriber::set_default(subscriber);

    let transport = ScriptedTransport::new();
    transport.push_response(error_response(503, "ServiceUnavailable", "busy"));
    let mut ok = smithy_runtime::client::json_response(200, r#"{"ThingId":"t-1"}"#);
    ok.headers_mut()
        .insert("x-amzn-requestid", http::HeaderValue::from_static("req-ok"));
    transport.push_response(ok);
    let config = Config::builder()
        .region("us-west-2")
        .credentials(
            Credentials::new("AKIDTRACE", "SECRET-VALUE").with_session_token("TOKEN-VALUE"),
        )
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(0.0)))
        .http_client(transport.clone())
        .build();
    let input = CreateThingInput {
        name: Some("private-name".into()),
        client_token: None,
    };
    Handle::new(config, &SERVICE)
        .call::<CreateThing>(input)
        .await
        .unwrap();

    let closed = capture.closed.lock().unwrap().clone();
    let operation: Vec<_> = closed.iter().filter(|s| s.name == "operation").collect();
    assert_eq!(operation.len(), 1, "{closed:?}");
    let fields = &operation[0].fields;
    assert_eq!(fields["service"], "GameLift");
    assert_eq!(fields["operation"], "CreateThing");
    assert_eq!(fields["attempts"], "2");
    assert_eq!(fields["status"], "200");
    assert_eq!(fields["request_id"], "req-ok");
    assert!(fields.contains_key("latency_ms") && !fields.contains_key("error"));

    let attempts: Vec<_> = closed.iter().filter(|s| s.name == "attempt").collect();
    let statuses: Vec<(&str, &str)> = attempts
        .iter()
        .map(|s| (s.fields["attempt"].as_str(), s.fields["status"].as_str()))
        .collect();
    assert_eq!(statuses, [("1", "503"), ("2", "200")]);
    assert_eq!(attempts[0].fields["request_id"], "req-1234");

    let events = capture.events.lock().unwrap().clone();
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"retrying after a failed attempt"),
        "{names:?}"
    );
    assert!(names.contains(&"credentials refreshed"), "{names:?}");
    assert!(names.contains(&"endpoint resolved"), "{names:?}");
    let retry = events
        .iter()
        .find(|e| e.name.starts_with("retrying"))
        .unwrap();
    assert_eq!(retry.fields["attempt"], "1");

    let everything = format!("{closed:?}{events:?}");
    for secret in ["SECRET-VALUE", "TOKEN-VALUE", "private-name"] {
        assert!(
            !everything.contains(secret),
            "{secret} leaked: {everything}"
        );
    }
}

#[tokio::test]
async fn a_failed_call_records_its_error_kind() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let _default = tracing::subscriber::set_default(subscriber);
    let transport = ScriptedTransport::new();
    transport.push_response(error_response(409, "ConflictException", "taken"));
    let config = client_support::config(&transport).build();
    let error = Handle::new(config, &SERVICE)
        .call::<CreateThing>(CreateThingInput::default())
        .await
        .unwrap_err();
    assert!(error.as_service_error().is_some());
    let closed = capture.closed.lock().unwrap().clone();
    let operation = closed.iter().find(|s| s.name == "operation").unwrap();
    assert_eq!(operation.fields["error"], "service");
    assert_eq!(operation.fields["status"], "409");
}
