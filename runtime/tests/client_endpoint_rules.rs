//! A client resolving with a service's endpoint rule set: built-ins from the configuration,
//! client parameters set in code, an operation's constants, input members and JMESPath paths
//! (most specific wins), endpoint headers, and the signing scope an auth scheme names.

mod client_support;

use smithy_runtime::client::{Config, Credentials, Handle, ScriptedTransport};
use smithy_runtime::endpoint::{EndpointRules, ParamBinding, StaticValue};
use smithy_runtime::protocol::{OperationSpec, ServiceSpec};
use smithy_runtime::Operation;

use client_support::{
    CreateThingError, CreateThingInput, CreateThingOutput, CREATE_THING_SPEC, SERVICE,
};

/// Every parameter goes into the URL; a header and a sigv4 scheme come with it.
static RULES: EndpointRules = EndpointRules::new(
    r#"{
  "version": "1.0",
  "parameters": {
    "Region": {"type": "string", "builtIn": "AWS::Region"},
    "UseFIPS": {"type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
    "Flavor": {"type": "string", "required": true, "default": "plain"},
    "Name": {"type": "string"},
    "Token": {"type": "string"},
    "Constant": {"type": "string"}
  },
  "rules": [
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "tree", "rules": [
      {"conditions": [{"fn": "isSet", "argv": [{"ref": "Name"}]},
                      {"fn": "isSet", "argv": [{"ref": "Token"}]},
                      {"fn": "isSet", "argv": [{"ref": "Constant"}]}],
       "endpoint": {
         "url": "https://{Flavor}.{Constant}.{Name}.{Token}.{Region}.example.com",
         "headers": {"x-rules": ["yes"]},
         "properties": {"authSchemes": [{"name": "sigv4", "signingName": "things", "signingRegion": "eu-south-9"}]}},
       "type": "endpoint"},
      {"conditions": [], "error": "Name, Token and Constant must be bound", "type": "error"}]},
    {"conditions": [], "error": "Missing Region", "type": "error"}
  ]
}"#,
);

static RULED_SERVICE: ServiceSpec = ServiceSpec {
    endpoint_rules: Some(&RULES),
    ..SERVICE
};

static RULED_SPEC: OperationSpec = OperationSpec {
    endpoint_params: &[
        ParamBinding::Path {
            name: "Token",
            path: "ClientToken",
        },
        ParamBinding::Member {
            name: "Name",
            key: "Name",
        },
        ParamBinding::Static {
            name: "Constant",
            value: StaticValue::String("fixed"),
        },
        // A path that selects nothing leaves the parameter to the member binding above.
        ParamBinding::Path {
            name: "Name",
            path: "Missing.Member",
        },
    ],
    ..CREATE_THING_SPEC
};

struct RuledThing;

impl Operation for RuledThing {
    const NAME: &'static str = "CreateThing";
    const SERVICE: &'static ServiceSpec = &RULED_SERVICE;
    const SPEC: &'static OperationSpec = &RULED_SPEC;
    type Input = CreateThingInput;
    type Output = CreateThingOutput;
    type Error = CreateThingError;
}

fn handle(transport: &ScriptedTransport, config: smithy_runtime::client::ConfigBuilder) -> Handle {
    let config = config
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(transport.clone())
        .build();
    Handle::new(config, &RULED_SERVICE)
}

fn input() -> CreateThingInput {
    CreateThingInput {
        name: Some("thing".into()),
        client_token: Some("tok".into()),
    }
}

#[tokio::test]
async fn every_binding_reaches_the_url_and_the_auth_scheme_signs() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, "{}");
    let config = Config::builder()
        .region("us-west-2")
        .endpoint_param("Flavor", "spicy");
    handle(&transport, config)
        .call::<RuledThing>(input())
        .await
        .unwrap();
    let request = &transport.requests()[0];
    assert_eq!(
        request.uri().host(),
        Some("spicy.fixed.thing.tok.us-west-2.example.com")
    );
    assert_eq!(request.headers()["x-rules"], "yes");
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.contains("/eu-south-9/things/aws4_request"),
        "{authorization}"
    );
}

#[tokio::test]
async fn rule_errors_and_missing_input_values() {
    let transport = ScriptedTransport::new();
    let config = Config::builder().region("us-west-2");
    let error = handle(&transport, config)
        .call::<RuledThing>(CreateThingInput::default())
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the request was not sent: Name, Token and Constant must be bound"
    );

    let error = handle(&transport, Config::builder())
        .call::<RuledThing>(input())
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the request was not sent: no region configured: set AWS_REGION")
            && error.to_string().contains("Missing Region"),
        "{error}"
    );
    assert_eq!(transport.request_count(), 0);
}
