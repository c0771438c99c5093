//! Tests for `codegen::names`: exact expectations, identifier validity, and golden naming
//! snapshots over real models (read as plain JSON, independent of the loader).

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

#[path = "../../tests/src/shared.rs"]
mod shared;

use std::collections::BTreeMap;
use std::path::Path;

use codegen::names::{
    crate_ident, crate_name, field_ident, field_idents, fn_ident, module_ident, to_pascal_case,
    to_snake_case, type_ident, variant_ident, variant_idents,
};
use proc_macro2::Ident;
use serde_json::Value;
use syn::ext::IdentExt;

/// Asserts that `ident` is a valid Rust identifier that round-trips through syn.
fn assert_valid(ident: &Ident) {
    let text = ident.to_string();
    let parsed = if text.starts_with("r#") {
        syn::parse::Parser::parse_str(syn::Ident::parse_any, &text)
    } else {
        syn::parse_str::<syn::Ident>(&text)
    };
    let parsed = parsed.unwrap_or_else(|e| panic!("`{text}` is not a valid identifier: {e}"));
    assert_eq!(parsed.to_string(), text);
}

fn check(f: fn(&str) -> Ident, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for &(input, expected) in cases {
        let ident = f(input);
        assert_valid(&ident);
        if ident != expected {
            failures.push(format!("{input:?}: expected `{expected}`, got `{ident}`"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn strings(idents: &[Ident]) -> Vec<String> {
    idents.iter().map(ToString::to_string).collect()
}

const STRICT_AND_RESERVED: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

#[test]
fn snake_case_strings() {
    let cases = [
        ("EC2InstanceType", "ec2_instance_type"),
        ("GameSessionARN", "game_session_arn"),
        ("IPv6Address", "ipv6_address"),
        ("Ipv6Address", "ipv6_address"),
        ("IpV4Address", "ipv4_address"),
        ("IPV4Address", "ipv4_address"),
        ("ShipV2", "ship_v2"),
        ("ApiGatewayV2", "api_gateway_v2"),
        ("SizeInGiB", "size_in_gib"),
        ("SizeInMiBs", "size_in_mibs"),
        ("AiBot", "ai_bot"),
        ("GiBot", "gi_bot"),
        ("FleetIds", "fleet_ids"),
        ("FleetARNs", "fleet_arns"),
        ("IDsList", "ids_list"),
        ("NextToken", "next_token"),
        ("tags", "tags"),
        ("aBC", "a_bc"),
        ("MaxResults", "max_results"),
        ("TTL", "ttl"),
        ("S3Location", "s3_location"),
        ("DNSName", "dns_name"),
        ("DnsName", "dns_name"),
        ("CpuUtilization", "cpu_utilization"),
        ("HTTPServer", "http_server"),
        ("WINDOWS_2012", "windows_2012"),
        ("AES256GCM", "aes256_gcm"),
        ("2FA", "2fa"),
        ("4XLarge", "4x_large"),
        ("c4.2xlarge", "c4_2xlarge"),
        ("us-east-1", "us_east_1"),
        ("__foo__bar__", "foo_bar"),
        ("a  b", "a_b"),
        ("", ""),
        ("Größe", "gr_e"),
    ];
    for (input, expected) in cases {
        assert_eq!(to_snake_case(input), expected, "{input:?}");
    }
}

#[test]
fn pascal_case_strings() {
    let cases = [
        ("ACTIVE", "Active"),
        ("IN_PROGRESS", "InProgress"),
        ("EC2InstanceType", "Ec2InstanceType"),
        ("c4.2xlarge", "C42xlarge"),
        ("application/json", "ApplicationJson"),
        ("2xlarge", "2xlarge"),
        ("", ""),
    ];
    for (input, expected) in cases {
        assert_eq!(to_pascal_case(input), expected, "{input:?}");
    }
}

#[test]
fn field_idents_examples() {
    check(
        field_ident,
        &[
            ("EC2InstanceType", "ec2_instance_type"),
            ("GameSessionARN", "game_session_arn"),
            ("IPv6Address", "ipv6_address"),
            ("IpV4Address", "ipv4_address"),
            ("FleetIds", "fleet_ids"),
            ("NextToken", "next_token"),
            ("tags", "tags"),
            ("aBC", "a_bc"),
            ("MaxResults", "max_results"),
            ("TTL", "ttl"),
            ("S3Location", "s3_location"),
            ("DNSName", "dns_name"),
            ("DnsName", "dns_name"),
            ("CpuUtilization", "cpu_utilization"),
            ("type", "r#type"),
            ("Type", "r#type"),
            ("match", "r#match"),
            ("async", "r#async"),
            ("await", "r#await"),
            ("dyn", "r#dyn"),
            ("try", "r#try"),
            ("gen", "r#gen"),
            ("self", "self_"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("_", "__"),
            ("", "__"),
            ("-", "__"),
            ("ü", "__"),
            ("union", "union"),
            ("macro_rules", "macro_rules"),
            ("raw", "raw"),
            ("2fa", "_2fa"),
            ("123", "_123"),
            ("_2fa", "_2fa"),
            ("foo-bar", "foo_bar"),
            ("foo.bar", "foo_bar"),
            ("foo:bar", "foo_bar"),
            ("foo bar", "foo_bar"),
            ("foo - . bar", "foo_bar"),
            ("Größe", "gr_e"),
            ("r#type", "r_type"),
        ],
    );
}

#[test]
fn fn_and_module_idents() {
    let cases = [
        ("DescribeEC2InstanceLimits", "describe_ec2_instance_limits"),
        ("CreateGameSession", "create_game_session"),
        ("ListFleets", "list_fleets"),
        ("Match", "r#match"),
        ("Self", "self_"),
        ("3D", "_3d"),
    ];
    check(fn_ident, &cases);
    check(module_ident, &cases);
}

#[test]
fn every_keyword() {
    for &kw in STRICT_AND_RESERVED {
        let raw = format!("r#{kw}");
        check(field_ident, &[(kw, &raw)]);
        check(fn_ident, &[(kw, &raw)]);
        check(module_ident, &[(kw, &raw)]);
        // Pascal-case forms never produce lowercase keywords.
        let pascal = variant_ident(kw);
        assert_valid(&pascal);
        assert!(!pascal.to_string().starts_with("r#"));
        assert_valid(&type_ident(kw));
    }
    for (kw, expected) in [
        ("self", "self_"),
        ("super", "super_"),
        ("crate", "crate_"),
        ("_", "__"),
    ] {
        check(field_ident, &[(kw, expected)]);
    }
}

#[test]
fn type_idents_examples() {
    check(
        type_ident,
        &[
            ("GameSessionStatus", "GameSessionStatus"),
            ("EC2InstanceType", "EC2InstanceType"),
            (
                "DescribeEC2InstanceLimitsInput",
                "DescribeEC2InstanceLimitsInput",
            ),
            ("httpGameSession", "HttpGameSession"),
            ("Foo_Bar", "FooBar"),
            ("FOO_BAR", "FooBar"),
            ("TTL", "TTL"),
            ("Self", "Self_"),
            ("self", "Self_"),
            ("Type", "Type"),
            ("type", "Type"),
            ("Option", "Option"),
            ("Result", "Result"),
            ("String", "String"),
            ("Box", "Box"),
            ("Error", "Error"),
            ("Vec", "Vec"),
            ("2Fa", "V2Fa"),
            ("", "__"),
            ("Größe", "GrE"),
        ],
    );
}

#[test]
fn variant_idents_examples() {
    check(
        variant_ident,
        &[
            ("ACTIVE", "Active"),
            ("NoProtection", "NoProtection"),
            ("FullProtection", "FullProtection"),
            ("c4_2xlarge", "C42xlarge"),
            ("c4.2xlarge", "C42xlarge"),
            ("m5d.12xlarge", "M5d12xlarge"),
            ("t2.micro", "T2Micro"),
            ("IN_PROGRESS", "InProgress"),
            ("WINDOWS_2012", "Windows2012"),
            ("AMAZON_LINUX_2", "AmazonLinux2"),
            ("us-east-1", "UsEast1"),
            ("application/json", "ApplicationJson"),
            ("2xlarge", "V2xlarge"),
            ("Self", "Self_"),
            ("self", "Self_"),
            ("SELF", "Self_"),
            ("Unknown", "UnknownValue"),
            ("UNKNOWN", "UnknownValue"),
            ("unknown", "UnknownValue"),
            ("UnknownValue", "UnknownValue"),
            ("type", "Type"),
            ("", "__"),
            ("*", "__"),
            ("EC2InstanceType", "Ec2InstanceType"),
        ],
    );
}

#[test]
fn crate_names() {
    let cases = [
        ("GameLift", "gamelift"),
        ("GameSparks", "gamesparks"),
        ("DynamoDB", "dynamodb"),
        ("Bedrock Runtime", "bedrock-runtime"),
        ("ApiGatewayV2", "apigatewayv2"),
        ("SQS", "sqs"),
        ("ECS", "ecs"),
        ("Lambda", "lambda"),
        ("Foo_Bar", "foo-bar"),
        ("  Foo  Bar ", "foo-bar"),
        ("", "sdk"),
        ("2048", "sdk-2048"),
        ("Type", "type-sdk"),
        ("Self", "self-sdk"),
        ("Test", "test-sdk"),
        ("Proc Macro", "proc-macro-sdk"),
    ];
    for (sdk_id, expected) in cases {
        assert_eq!(crate_name(sdk_id), expected, "{sdk_id:?}");
        let ident = crate_ident(sdk_id);
        assert_valid(&ident);
        assert_eq!(ident.to_string(), expected.replace('-', "_"));
    }
}

#[test]
fn collisions_get_numeric_suffixes() {
    assert_eq!(
        strings(&field_idents(&["fooBar", "FooBar", "foo_bar"])),
        ["foo_bar", "foo_bar_2", "foo_bar_3"]
    );
    // A suffix never takes another input's natural name.
    assert_eq!(
        strings(&field_idents(&["a", "A", "a_2"])),
        ["a", "a_3", "a_2"]
    );
    assert_eq!(
        strings(&field_idents(&["type", "Type"])),
        ["r#type", "type_2"]
    );
    assert_eq!(
        strings(&field_idents(&["self", "Self"])),
        ["self_", "self_2"]
    );
    assert_eq!(strings(&field_idents(&["", "-"])), ["__", "_2"]);
    assert_eq!(
        strings(&field_idents(&["NextToken", "MaxResults"])),
        ["next_token", "max_results"]
    );

    assert_eq!(
        strings(&variant_idents(&[
            "c4_2xlarge",
            "c4.2xlarge",
            "IN_PROGRESS",
            "InProgress"
        ])),
        ["C42xlarge", "C42xlarge2", "InProgress", "InProgress2"]
    );
    assert_eq!(
        strings(&variant_idents(&[
            "Unknown",
            "UNKNOWN_VALUE",
            "Self",
            "SELF"
        ])),
        ["UnknownValue", "UnknownValue2", "Self_", "Self2"]
    );
    assert_eq!(strings(&variant_idents(&["", "*"])), ["__", "V2"]);
    for idents in [
        field_idents(&["x", "X", "", "_", "2", "2"]),
        variant_idents(&["x", "X", "", "_", "2", "2"]),
    ] {
        idents.iter().for_each(assert_valid);
    }
    assert!(field_idents(&[]).is_empty());
}

#[test]
fn never_panics_and_always_valid() {
    let inputs = [
        "",
        " ",
        "_",
        "__",
        "-",
        "r#",
        "r#type",
        "1",
        "0x",
        "9lives",
        "ü",
        "Größe",
        "日本語",
        "名前Name",
        "🙂",
        "a🙂b",
        "\u{0}",
        "\n\t",
        "Ω",
        "ǅ",
        "ß",
        "İstanbul",
        "x\u{301}",
        "'static",
        "::",
        "a::b",
        "A",
        "a",
        "Z9",
        "9Z",
        "____a____",
        "ALLCAPS",
        "v2",
        "V2",
        "s",
        "S",
        "Ss",
        "ABs",
        "ABv",
        "ABv1",
    ];
    let fns: [fn(&str) -> Ident; 5] = [
        type_ident,
        field_ident,
        fn_ident,
        module_ident,
        variant_ident,
    ];
    for input in inputs
        .iter()
        .copied()
        .chain(STRICT_AND_RESERVED.iter().copied())
    {
        for f in fns {
            assert_valid(&f(input));
        }
        assert_valid(&crate_ident(input));
        let name = crate_name(input);
        assert!(name.starts_with(|c: char| c.is_ascii_lowercase()), "{name}");
    }
}

// ---- golden snapshots over real models ----

/// Local name of a shape id (`ns#Name` → `Name`).
fn local(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

fn member_names(shape: &Value) -> Vec<(&str, &Value)> {
    shape["members"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

/// One line per naming decision in a model, sorted.
fn naming_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("model file is readable");
    let model: Value = serde_json::from_str(&text).expect("model file is JSON");
    let mut lines = Vec::new();
    for (id, shape) in model["shapes"].as_object().expect("model has shapes") {
        let name = local(id);
        let kind = shape["type"].as_str().unwrap_or("");
        match kind {
            "operation" => lines.push(format!("operation {name} -> {}", fn_ident(name))),
            "service" => {
                let sdk_id = shape["traits"]["aws.api#service"]["sdkId"]
                    .as_str()
                    .unwrap_or(name);
                lines.push(format!(
                    "service {name} {sdk_id:?} -> {} / {}",
                    crate_name(sdk_id),
                    crate_ident(sdk_id)
                ));
            }
            _ => lines.push(format!("shape {name} -> {}", type_ident(name))),
        }
        let members = member_names(shape);
        let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
        match kind {
            "structure" => {
                for (member, ident) in names.iter().zip(field_idents(&names)) {
                    lines.push(format!("member {name}${member} -> {ident}"));
                }
            }
            "union" => {
                for (member, ident) in names.iter().zip(variant_idents(&names)) {
                    lines.push(format!("variant {name}${member} -> {ident}"));
                }
            }
            "enum" | "intEnum" => {
                let values: Vec<String> = members
                    .iter()
                    .map(|(member, m)| match &m["traits"]["smithy.api#enumValue"] {
                        Value::String(s) => s.clone(),
                        Value::Null => (*member).to_owned(),
                        other => other.to_string(),
                    })
                    .collect();
                let value_refs: Vec<&str> = values.iter().map(String::as_str).collect();
                let from_members = variant_idents(&names);
                let from_values = variant_idents(&value_refs);
                for i in 0..names.len() {
                    lines.push(format!(
                        "value {name}${} {:?} -> {} | {}",
                        names[i], values[i], from_members[i], from_values[i]
                    ));
                }
            }
            _ => {}
        }
    }
    lines.sort();
    lines
}

fn models_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../models"))
}

#[test]
fn golden_local_models() {
    let mut out = String::new();
    for file in ["gamelift.json", "gamesparks.json"] {
        out.push_str(&format!("# {file}\n"));
        for line in naming_lines(&models_dir().join(file)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    insta::assert_snapshot!("golden_local_models", out);
}

/// Reports (without failing) every collision resolved by a suffix in all available models, and
/// checks that all names in them are valid identifiers.
#[test]
fn collisions_in_available_models() {
    let mut files: Vec<_> = std::fs::read_dir(models_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    if let Some(dir) = shared::shared_dir_for("collisions_in_available_models", "aws-models") {
        let entries = std::fs::read_dir(&dir).unwrap();
        files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
    }
    files.sort();
    let mut collisions = BTreeMap::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let Ok(model) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let Some(shapes) = model["shapes"].as_object() else {
            continue;
        };
        let mut types: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (id, shape) in shapes {
            let ty = type_ident(local(id));
            assert_valid(&ty);
            types.entry(ty.to_string()).or_default().push(id);
            let members = member_names(shape);
            let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
            let kind = shape["type"].as_str().unwrap_or("");
            let idents = if kind == "structure" {
                field_idents(&names)
            } else {
                variant_idents(&names)
            };
            for (member, ident) in names.iter().zip(&idents) {
                assert_valid(ident);
                let natural = if kind == "structure" {
                    field_ident(member)
                } else {
                    variant_ident(member)
                };
                if natural != *ident {
                    collisions.insert(
                        format!("{}: {}${member}", file.display(), local(id)),
                        ident.to_string(),
                    );
                }
            }
        }
        for (ty, ids) in types.into_iter().filter(|(_, ids)| ids.len() > 1) {
            collisions.insert(format!("{}: type {ty}", file.display()), ids.join(", "));
        }
    }
    println!(
        "{} collision(s) in {} model file(s)",
        collisions.len(),
        files.len()
    );
    for (what, resolved) in &collisions {
        println!("  {what} -> {resolved}");
    }
}
