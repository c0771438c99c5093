//! Static service and operation tables shared by the `protocol_*` tests, written the way the
//! generator emits them.

#![allow(dead_code)]

use bytes::Bytes;
use smithy_runtime::datetime::Format;
use smithy_runtime::protocol::{
    AwsJson1_0, AwsJson1_1, HttpSpec, Location, MemberSpec, OperationSpec, RestJson1, ServiceSpec,
    ValueKind,
};

pub static REST: ServiceSpec = ServiceSpec {
    shape_name: "GameSparks",
    sdk_id: "GameSparks",
    version: "2021-08-17",
    protocols: &[&RestJson1],
    signing_name: Some("gamesparks"),
    endpoint_prefix: "gamesparks",
    query_compatible: false,
    endpoint_rules: None,
};

pub static JSON_1_1: ServiceSpec = ServiceSpec {
    shape_name: "GameLift",
    sdk_id: "GameLift",
    version: "2015-10-01",
    protocols: &[&AwsJson1_1],
    signing_name: Some("gamelift"),
    endpoint_prefix: "gamelift",
    query_compatible: false,
    endpoint_rules: None,
};

pub static JSON_1_0: ServiceSpec = ServiceSpec {
    shape_name: "JsonRpc10",
    sdk_id: "JSON RPC 10",
    version: "2020-07-14",
    protocols: &[&AwsJson1_0],
    signing_name: Some("jsonrpc10"),
    endpoint_prefix: "jsonrpc10",
    query_compatible: false,
    endpoint_rules: None,
};

pub const EPOCH: ValueKind = ValueKind::Timestamp {
    json: Format::EpochSeconds,
    explicit: None,
};
pub static STRING: ValueKind = ValueKind::String;
pub static STRING_LIST: ValueKind = ValueKind::List(&STRING);
pub static EPOCH_KIND: ValueKind = EPOCH;

/// An operation with the given route and bindings and no errors.
pub const fn op(
    name: &'static str,
    method: &'static str,
    uri: &'static str,
    input: &'static [MemberSpec],
    input_has_body: bool,
    output: &'static [MemberSpec],
) -> OperationSpec {
    OperationSpec {
        name,
        http: HttpSpec {
            method,
            uri,
            code: 200,
        },
        input,
        output,
        input_has_body,
        output_has_body: true,
        input_unit: false,
        output_unit: false,
        idempotency_token: None,
        host_prefix: None,
        checksum_required: false,
        gzip: false,
        errors: &[],
        validation: None,
        endpoint_params: &[],
    }
}

/// A member binding.
pub const fn member(key: &'static str, location: Location, value: ValueKind) -> MemberSpec {
    MemberSpec {
        key,
        location,
        value,
    }
}

/// `POST /` with nothing bound: the shape of every awsJson operation.
pub static PLAIN: OperationSpec = op("CreateAlias", "POST", "/", &[], true, &[]);

pub static LABELS: OperationSpec = op(
    "HttpRequestWithLabels",
    "GET",
    "/HttpRequestWithLabels/{string}/{short}/{integer}/{long}/{float}/{double}/{boolean}/{timestamp}",
    &[
        member("string", Location::Label("string"), ValueKind::String),
        member("short", Location::Label("short"), ValueKind::Integer),
        member("integer", Location::Label("integer"), ValueKind::Integer),
        member("long", Location::Label("long"), ValueKind::Integer),
        member("float", Location::Label("float"), ValueKind::Float),
        member("double", Location::Label("double"), ValueKind::Float),
        member("boolean", Location::Label("boolean"), ValueKind::Boolean),
        member("timestamp", Location::Label("timestamp"), EPOCH),
    ],
    false,
    &[],
);

pub static GREEDY: OperationSpec = op(
    "HttpRequestWithGreedyLabelInPath",
    "GET",
    "/HttpRequestWithGreedyLabelInPath/foo/{foo}/baz/{baz+}",
    &[
        member("foo", Location::Label("foo"), ValueKind::String),
        member("baz", Location::Label("baz"), ValueKind::String),
    ],
    false,
    &[],
);

pub static GREEDY_MIDDLE: OperationSpec = op(
    "GreedyInTheMiddle",
    "GET",
    "/files/{key+}/meta",
    &[member("key", Location::Label("key"), ValueKind::String)],
    false,
    &[],
);

pub static STRING_MAP: ValueKind = ValueKind::Map(&STRING);
pub static STRING_LIST_MAP: ValueKind = ValueKind::Map(&STRING_LIST);

pub static QUERY: OperationSpec = op(
    "AllQueryStringTypes",
    "GET",
    "/AllQueryStringTypesInput?Literal=1&flag",
    &[
        member("queryString", Location::Query("String"), ValueKind::String),
        member(
            "queryStringList",
            Location::Query("StringList"),
            STRING_LIST,
        ),
        member(
            "queryInteger",
            Location::Query("Integer"),
            ValueKind::Integer,
        ),
        member(
            "queryBoolean",
            Location::Query("Boolean"),
            ValueKind::Boolean,
        ),
        member("queryFloat", Location::Query("Float"), ValueKind::Float),
        member("queryTimestamp", Location::Query("Timestamp"), EPOCH),
        member(
            "queryTimestampList",
            Location::Query("TimestampList"),
            ValueKind::List(&EPOCH_KIND),
        ),
        member("queryParamsMapOfStrings", Location::QueryParams, STRING_MAP),
    ],
    false,
    &[],
);

pub static QUERY_LISTS: OperationSpec = op(
    "QueryParamsAsStringListMap",
    "POST",
    "/StringListMap",
    &[
        member("qux", Location::Query("corge"), ValueKind::String),
        member("foo", Location::QueryParams, STRING_LIST_MAP),
    ],
    false,
    &[],
);

pub static HEADER_MEMBERS: [MemberSpec; 9] = [
    member(
        "headerString",
        Location::Header("X-String"),
        ValueKind::String,
    ),
    member(
        "headerStringList",
        Location::Header("X-StringList"),
        STRING_LIST,
    ),
    member(
        "headerTimestampList",
        Location::Header("X-TimestampList"),
        ValueKind::List(&EPOCH_KIND),
    ),
    member(
        "headerInteger",
        Location::Header("X-Integer"),
        ValueKind::Integer,
    ),
    member(
        "headerBoolean",
        Location::Header("X-Boolean"),
        ValueKind::Boolean,
    ),
    member("headerFloat", Location::Header("X-Float"), ValueKind::Float),
    member("headerTimestamp", Location::Header("X-Timestamp"), EPOCH),
    member("headerBlob", Location::Header("X-Blob"), ValueKind::Blob),
    member("fooMap", Location::PrefixHeaders("X-Foo-"), STRING_MAP),
];

/// Headers on the way in and out, plus a body member `Body`.
pub static HEADERS: OperationSpec = op(
    "InputAndOutputWithHeaders",
    "POST",
    "/InputAndOutputWithHeaders",
    &HEADER_MEMBERS,
    true,
    &HEADER_MEMBERS,
);

/// No body members, `POST`.
pub static NO_BODY_POST: OperationSpec = op(
    "NoInputAndOutput",
    "POST",
    "/NoInputAndOutputOutput",
    &[],
    false,
    &[],
);

pub static BLOB_PAYLOAD: OperationSpec = op(
    "HttpPayloadTraits",
    "POST",
    "/HttpPayloadTraits",
    &[
        member("foo", Location::Header("X-Foo"), ValueKind::String),
        member(
            "blob",
            Location::Payload { media_type: None },
            ValueKind::Blob,
        ),
    ],
    false,
    &[
        member("foo", Location::Header("X-Foo"), ValueKind::String),
        member(
            "blob",
            Location::Payload { media_type: None },
            ValueKind::Blob,
        ),
    ],
);

pub static JPEG_PAYLOAD: OperationSpec = op(
    "HttpPayloadTraitsWithMediaType",
    "POST",
    "/HttpPayloadTraitsWithMediaType",
    &[member(
        "blob",
        Location::Payload {
            media_type: Some("image/jpeg"),
        },
        ValueKind::Blob,
    )],
    false,
    &[],
);

pub static STRING_PAYLOAD: OperationSpec = op(
    "HttpStringPayload",
    "POST",
    "/StringPayload",
    &[member(
        "payload",
        Location::Payload { media_type: None },
        ValueKind::String,
    )],
    false,
    &[member(
        "payload",
        Location::Payload { media_type: None },
        ValueKind::String,
    )],
);

pub static STRUCTURE_PAYLOAD: OperationSpec = op(
    "HttpPayloadWithStructure",
    "PUT",
    "/HttpPayloadWithStructure",
    &[member(
        "nested",
        Location::Payload { media_type: None },
        ValueKind::Structure,
    )],
    false,
    &[member(
        "nested",
        Location::Payload { media_type: None },
        ValueKind::Structure,
    )],
);

pub static UNION_PAYLOAD: OperationSpec = op(
    "HttpPayloadWithUnion",
    "PUT",
    "/HttpPayloadWithUnion",
    &[member(
        "nested",
        Location::Payload { media_type: None },
        ValueKind::Union,
    )],
    false,
    &[member(
        "nested",
        Location::Payload { media_type: None },
        ValueKind::Union,
    )],
);

pub static DOCUMENT_PAYLOAD: OperationSpec = op(
    "DocumentTypeAsPayload",
    "PUT",
    "/DocumentTypeAsPayload",
    &[member(
        "documentValue",
        Location::Payload { media_type: None },
        ValueKind::Document,
    )],
    false,
    &[member(
        "documentValue",
        Location::Payload { media_type: None },
        ValueKind::Document,
    )],
);

/// A GameSparks-like operation: labels, a query parameter and body members.
pub static CREATE_STAGE: OperationSpec = OperationSpec {
    name: "CreateStage",
    http: HttpSpec {
        method: "POST",
        uri: "/game/{GameName}/stage",
        code: 201,
    },
    input: &[
        member("GameName", Location::Label("GameName"), ValueKind::String),
        member("DryRun", Location::Query("dryRun"), ValueKind::Boolean),
        member("ClientToken", Location::Body, ValueKind::String),
    ],
    output: &[member("Status", Location::ResponseCode, ValueKind::Integer)],
    input_has_body: true,
    output_has_body: true,
    input_unit: false,
    output_unit: false,
    idempotency_token: Some("ClientToken"),
    host_prefix: None,
    checksum_required: false,
    gzip: false,
    errors: &[],
    validation: None,
    endpoint_params: &[],
};

pub fn endpoint() -> http::Uri {
    "https://gamesparks.us-east-1.amazonaws.com"
        .parse()
        .expect("endpoint")
}

/// A header of `request` as text (panics when absent).
pub fn header<'a>(headers: &'a http::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no header {name}"))
        .to_str()
        .expect("visible ASCII")
}

/// The request URI's path and query.
pub fn path_and_query(request: &http::Request<Bytes>) -> &str {
    request.uri().path_and_query().expect("path").as_str()
}

/// A request for the server side.
pub fn request(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> http::Request<Bytes> {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::from(body.to_owned())).expect("request")
}

/// A response for the client side.
pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Bytes> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(Bytes::from(body.to_owned()))
        .expect("response")
}
