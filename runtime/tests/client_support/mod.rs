//! A hand-written operation (what the generator would emit) for the client tests.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use smithy_runtime::client::{
    BoxFuture, Config, ConfigBuilder, Credentials, FixedTime, HttpClient, ScriptedTransport,
    TransportError,
};
use smithy_runtime::protocol::{AwsJson1_1, ErrorSpec, HttpSpec, OperationSpec, ServiceSpec};
use smithy_runtime::Operation;

pub static SERVICE: ServiceSpec = ServiceSpec {
    shape_name: "GameLift",
    sdk_id: "GameLift",
    version: "2015-10-01",
    protocols: &[&AwsJson1_1],
    signing_name: Some("gamelift"),
    endpoint_prefix: "gamelift",
    query_compatible: false,
    endpoint_rules: None,
};

/// The same service, unsigned.
pub static UNSIGNED_SERVICE: ServiceSpec = ServiceSpec {
    signing_name: None,
    ..SERVICE
};

pub static CREATE_THING_SPEC: OperationSpec = OperationSpec {
    name: "CreateThing",
    http: HttpSpec {
        method: "POST",
        uri: "/",
        code: 200,
    },
    input: &[],
    output: &[],
    input_has_body: true,
    output_has_body: true,
    input_unit: false,
    output_unit: false,
    idempotency_token: Some("ClientToken"),
    host_prefix: None,
    checksum_required: false,
    gzip: false,
    errors: &[
        ErrorSpec {
            code: "ConflictException",
            status: 409,
            retryable: false,
            throttling: false,
            members: &[],
            shape_id: "test#ConflictException",
            query_error: None,
        },
        ErrorSpec {
            code: "ResourceBusyException",
            status: 400,
            retryable: true,
            throttling: false,
            members: &[],
            shape_id: "test#ResourceBusyException",
            query_error: None,
        },
    ],
    validation: None,
    endpoint_params: &[],
};

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateThingInput {
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "ClientToken", skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateThingOutput {
    #[serde(rename = "ThingId", skip_serializing_if = "Option::is_none")]
    pub thing_id: Option<String>,
    #[serde(skip)]
    pub meta: smithy_runtime::operation::ResponseMetadata,
}

impl smithy_runtime::operation::OutputMetadata for CreateThingOutput {
    fn metadata(&self) -> &smithy_runtime::operation::ResponseMetadata {
        &self.meta
    }
    fn metadata_mut(&mut self) -> &mut smithy_runtime::operation::ResponseMetadata {
        &mut self.meta
    }
}

/// An operation error with one modeled error (a `Message` structure) and `Unhandled`, with
/// the impls the generator emits: `single_error!(CreateThingError, Conflict,
/// ConflictException, "ConflictException")`.
macro_rules! single_error {
    ($error:ident, $variant:ident, $shape:ident, $code:literal) => {
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct $shape {
            #[serde(rename = "Message", alias = "message")]
            pub message: Option<String>,
        }

        impl ::smithy_runtime::ServiceError for $shape {
            fn code(&self) -> Option<&str> {
                Some($code)
            }

            fn message(&self) -> Option<&str> {
                self.message.as_deref()
            }
        }

        impl ::std::fmt::Display for $shape {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}: {}", $code, self.message.as_deref().unwrap_or(""))
            }
        }

        impl ::std::error::Error for $shape {}

        #[derive(Debug)]
        pub enum $error {
            $variant($shape),
            Unhandled(::smithy_runtime::UnhandledError),
        }

        impl ::std::fmt::Display for $error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::smithy_runtime::OperationError::fmt_error(self, f)
            }
        }

        impl ::std::error::Error for $error {}

        impl ::smithy_runtime::OperationError for $error {
            fn from_code(code: &str, errors: ::smithy_runtime::operation::ErrorDecoder) -> Self {
                match code {
                    $code => errors.decode($error::$variant),
                    _ => errors.unhandled(),
                }
            }

            fn error(&self) -> ::smithy_runtime::operation::ErrorRef<'_> {
                match self {
                    $error::$variant(e) => ::smithy_runtime::operation::ErrorRef::Modeled(e),
                    $error::Unhandled(e) => ::smithy_runtime::operation::ErrorRef::Unhandled(e),
                }
            }
        }

        impl From<::smithy_runtime::UnhandledError> for $error {
            fn from(error: ::smithy_runtime::UnhandledError) -> Self {
                $error::Unhandled(error)
            }
        }
    };
}
// Used by the waiter tests' support module, not by every test binary.
#[allow(unused_imports)]
pub(crate) use single_error;

single_error!(
    CreateThingError,
    Conflict,
    ConflictException,
    "ConflictException"
);

pub struct CreateThing;

impl Operation for CreateThing {
    const NAME: &'static str = "CreateThing";
    const SERVICE: &'static ServiceSpec = &SERVICE;
    const SPEC: &'static OperationSpec = &CREATE_THING_SPEC;
    type Input = CreateThingInput;
    type Output = CreateThingOutput;
    type Error = CreateThingError;
}

/// The same operation on the unsigned service.
pub struct CreateUnsignedThing;

impl Operation for CreateUnsignedThing {
    const NAME: &'static str = "CreateThing";
    const SERVICE: &'static ServiceSpec = &UNSIGNED_SERVICE;
    const SPEC: &'static OperationSpec = &CREATE_THING_SPEC;
    type Input = CreateThingInput;
    type Output = CreateThingOutput;
    type Error = CreateThingError;
}

/// 2024-01-02T03:04:05Z.
pub fn fixed_time() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_704_164_645)
}

/// A configuration for `transport`: region, static keys, fixed signing time.
pub fn config(transport: &ScriptedTransport) -> ConfigBuilder {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ))
        .time_source(FixedTime(fixed_time()))
        .http_client(transport.clone())
}

/// The JSON body of a request.
pub fn body_json(request: &http::Request<Bytes>) -> serde_json::Value {
    serde_json::from_slice(request.body()).expect("request body is JSON")
}

/// An awsJson error response.
pub fn error_response(status: u16, code: &str, message: &str) -> http::Response<Bytes> {
    let body = serde_json::json!({"__type": code, "message": message}).to_string();
    let mut response = smithy_runtime::client::json_response(status, body);
    response.headers_mut().insert(
        "x-amzn-requestid",
        http::HeaderValue::from_static("req-1234"),
    );
    response
}

/// Wraps a transport, recording the tokio instant of every call.
#[derive(Clone, Debug)]
pub struct Timed {
    pub inner: ScriptedTransport,
    pub times: Arc<Mutex<Vec<tokio::time::Instant>>>,
}

impl Timed {
    pub fn new(inner: ScriptedTransport) -> Self {
        Timed {
            inner,
            times: Arc::default(),
        }
    }

    /// Time between consecutive calls.
    pub fn gaps(&self) -> Vec<std::time::Duration> {
        let times = self.times.lock().expect("lock");
        times.windows(2).map(|w| w[1] - w[0]).collect()
    }
}

impl HttpClient for Timed {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        self.times
            .lock()
            .expect("lock")
            .push(tokio::time::Instant::now());
        self.inner.call(request)
    }
}

/// A fresh directory under the system temp directory.
pub fn temp_dir() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("smithy-runtime-client-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}
