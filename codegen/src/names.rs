//! Turning model strings into Rust identifiers.
//!
//! This is the only place where the generator derives Rust names from model text (shape names,
//! member names, enum member names and values, operation names, service `sdkId`s). Every function
//! returning an [`Ident`] accepts any string without panicking and returns a valid identifier.
//!
//! # Word splitting
//!
//! [`to_snake_case`], [`to_pascal_case`] and the identifier functions built on them first split
//! the input into words:
//!
//! 1. Every character that is not an ASCII letter or digit (`_`, `.`, `-`, `:`, `/`, spaces, and
//!    all non-ASCII characters, which are not transliterated) separates words; runs of
//!    separators collapse and leading/trailing separators vanish (`us-east-1` → `us`,`east`,`1`).
//! 2. Inside a run of letters and digits a new word starts at an uppercase letter that follows
//!    * a lowercase letter (`fleetId` → `fleet`,`Id`), except in two spellings kept whole:
//!      binary unit prefixes (`SizeInGiB` → `Size`,`In`,`GiB`; likewise `KiB`, `MiB`, `TiB`,
//!      `PiB`, `EiB`) and an `Ip` word followed by `V<digit>` (`IpV4Address` → `IpV4`,`Address`),
//!      so that every spelling of IPv4/IPv6 gives `ipv4`/`ipv6`; other `V<digit>` suffixes are
//!      words of their own (`ApiGatewayV2` → `api_gateway_v2`);
//!    * a digit, if the current word already has a letter (`S3Location` → `S3`,`Location`;
//!      but `2FA` stays one word);
//!    * an uppercase letter while the next character is lowercase: a run of capitals is one word
//!      except its last letter, which starts the next word (`HTTPServer` → `HTTP`,`Server`,
//!      `EC2InstanceType` → `EC2`,`Instance`,`Type`). Two exceptions keep the run whole:
//!      a plural acronym, where the lowercase letter is a lone `s` (`FleetARNs` → `Fleet`,`ARNs`,
//!      `IDsList` → `IDs`,`List`), and a version suffix `v<digit>` (`IPv6Address` →
//!      `IPv6`,`Address`).
//! 3. Digits never start a word inside a run: they stick to the preceding word (`Ipv6`, `m5d`,
//!    `c4`), and lowercase letters after digits stay in that word too (`2xlarge`).
//!
//! # Forms
//!
//! * snake case ([`field_ident`], [`fn_ident`], [`module_ident`]): lowercase words joined by `_`.
//! * Pascal case ([`variant_ident`]): each word with its first letter upper- and the rest
//!   lowercased, joined (`IN_PROGRESS` → `InProgress`, `c4.2xlarge` → `C42xlarge`).
//! * [`type_ident`] keeps shape names recognizable: it only uppercases the first letter of each
//!   separator-delimited segment and drops the separators, so acronyms stay as written
//!   (`EC2InstanceType`, `httpGameSession` → `HttpGameSession`, `Foo_Bar` → `FooBar`). Only when a
//!   name has several segments, segments without lowercase letters are title-cased
//!   (`FOO_BAR` → `FooBar`). Names such as `Option`, `String` or `Error` are kept: generated code
//!   refers to std types by full paths.
//!
//! # Fix-ups applied to every identifier
//!
//! * No letters or digits at all (the empty string, `"-"`, `"Größe"` minus its ASCII … down to
//!   nothing) gives `_`, which is not a usable identifier and so becomes `__` (next rule).
//! * A leading digit gets a prefix: `_` for snake case (`2fa` → `_2fa`), `V` for
//!   Pascal-case forms (`2xlarge` → `V2xlarge`).
//! * Words that cannot be raw identifiers (`self`, `super`, `crate`, `Self`, `_`) get a trailing
//!   underscore (`self_`, `Self_`, `__`); all other strict, reserved and edition-2018/2024
//!   keywords become raw identifiers (`r#type`, `r#async`, `r#gen`). Weak keywords (`union`,
//!   `macro_rules`, `raw`, `safe`) are ordinary identifiers.
//! * [`variant_ident`] maps `Unknown` (from `Unknown`, `UNKNOWN`, `unknown`) to `UnknownValue`
//!   because generated open enums and unions have their own `Unknown` catch-all variant.
//!
//! # Collisions
//!
//! Different inputs can give the same identifier (`IN_PROGRESS` / `InProgress`, `fooBar` /
//! `FooBar`). Callers naming the members of one shape must use [`field_idents`] and
//! [`variant_idents`], which keep the first occurrence and give later ones the smallest free
//! numeric suffix (`foo_bar_2`, `InProgress2`; Pascal case has no `_` so rustc's
//! `non_camel_case_types` lint stays quiet). A suffix never takes a name that some other input
//! produces naturally.
//!
//! # Crate names
//!
//! [`crate_name`] lowercases the `sdkId` without splitting humps (`DynamoDB` → `dynamodb`,
//! `ApiGatewayV2` → `apigatewayv2`) and turns any run of other characters into `-`
//! (`Bedrock Runtime` → `bedrock-runtime`). An empty result becomes `sdk`, a leading digit gets
//! `sdk-` in front, and names Cargo refuses (Rust keywords, `std`, `core`, `alloc`,
//! `proc-macro`, `test`) get a `-sdk` suffix.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span};

/// Keywords usable as raw identifiers (strict, reserved, and edition-dependent ones).
#[rustfmt::skip]
const RAW_KEYWORDS: &[&str] = &[
    // strict
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    // strict since 2018
    "async", "await", "dyn",
    // reserved
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try",
    // reserved since 2024
    "gen",
];

/// Keywords that cannot be written as raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "super", "crate", "Self", "_"];

/// Package names Cargo rejects besides keywords.
const RESERVED_CRATE_NAMES: &[&str] = &["std", "core", "alloc", "proc_macro", "test"];

/// Splits `s` into words; see the module docs for the rules. Words are ASCII-only slices of `s`.
fn split_words(s: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for segment in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        if segment.is_empty() {
            continue;
        }
        // Segments are ASCII, so byte indices are char boundaries.
        let bytes = segment.as_bytes();
        let mut start = 0;
        for i in 1..bytes.len() {
            if starts_word(bytes, start, i) {
                words.push(&segment[start..i]);
                start = i;
            }
        }
        words.push(&segment[start..]);
    }
    words
}

/// Whether `bytes[i]` starts a new word, the current word starting at `start`.
fn starts_word(bytes: &[u8], start: usize, i: usize) -> bool {
    let (prev, cur) = (bytes[i - 1], bytes[i]);
    if !cur.is_ascii_uppercase() {
        return false;
    }
    if prev.is_ascii_lowercase() {
        let word = &bytes[start..i];
        // `GiB`, `MiB`, … (binary unit prefixes) stay one word.
        let binary_unit = cur == b'B'
            && word.len() == 2
            && b"KMGTPE".contains(&word[0])
            && prev == b'i'
            && !continues_lowercase(bytes, i + 1);
        // `IpV4` is spelled like `IPv4` / `Ipv4` / `IPV4`.
        let ip_version = cur == b'V'
            && word.eq_ignore_ascii_case(b"ip")
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        return !(binary_unit || ip_version);
    }
    if prev.is_ascii_digit() {
        return bytes[start..i].iter().any(u8::is_ascii_alphabetic);
    }
    // `prev` is uppercase: split before the last capital of a run followed by lowercase.
    match bytes.get(i + 1) {
        Some(&next) if next.is_ascii_lowercase() => {
            let after = bytes.get(i + 2).copied();
            let plural = !continues_lowercase(bytes, i + 1);
            let version = next == b'v' && after.is_some_and(|a| a.is_ascii_digit());
            !(plural || version)
        }
        _ => false,
    }
}

/// Whether a lowercase word part starts at `j`, other than a lone plural `s`.
fn continues_lowercase(bytes: &[u8], j: usize) -> bool {
    let is_lower = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_lowercase);
    is_lower(j) && (bytes[j] != b's' || is_lower(j + 1))
}

/// Uppercases the first ASCII character of `word` and appends it to `out`, the rest lowercased
/// when `lower_rest` is set and kept otherwise.
fn push_capitalized(out: &mut String, word: &str, lower_rest: bool) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        if lower_rest {
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(chars.as_str());
        }
    }
}

/// snake_case form of `s` (acronym-aware, see the module docs), without identifier fix-ups:
/// `EC2InstanceType` → `ec2_instance_type`.
pub fn to_snake_case(s: &str) -> String {
    let words = split_words(s);
    let mut out = String::with_capacity(s.len() + words.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// PascalCase form of `s` (acronym-aware, see the module docs), without identifier fix-ups:
/// `IN_PROGRESS` → `InProgress`, `EC2InstanceType` → `Ec2InstanceType`.
pub fn to_pascal_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in split_words(s) {
        push_capitalized(&mut out, word, true);
    }
    out
}

/// Builds the identifier for an already converted ASCII name: empty names become `_`, a leading
/// digit gets `digit_prefix`, keywords are escaped.
fn finish(mut name: String, digit_prefix: &str) -> Ident {
    if name.is_empty() {
        name.push('_');
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, digit_prefix);
    }
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        name.push('_');
        Ident::new(&name, Span::call_site())
    } else if RAW_KEYWORDS.contains(&name.as_str()) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

fn finish_snake(name: String) -> Ident {
    finish(name, "_")
}

fn finish_pascal(name: String) -> Ident {
    finish(name, "V")
}

/// Type name for a shape: PascalCase that keeps the name as written where possible
/// (`EC2InstanceType`, `httpGameSession` → `HttpGameSession`, `Foo_Bar` → `FooBar`,
/// `Self` → `Self_`).
pub fn type_ident(shape_name: &str) -> Ident {
    let segments: Vec<&str> = shape_name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect();
    let several = segments.len() > 1;
    let mut out = String::with_capacity(shape_name.len());
    for segment in segments {
        let shouting = !segment.bytes().any(|b| b.is_ascii_lowercase());
        push_capitalized(&mut out, segment, several && shouting);
    }
    finish_pascal(out)
}

/// Field name for a structure member: acronym-aware snake_case (`EC2InstanceType` →
/// `ec2_instance_type`, `type` → `r#type`, `self` → `self_`, `2fa` → `_2fa`).
///
/// Use [`field_idents`] to name all members of one structure.
pub fn field_ident(member_name: &str) -> Ident {
    finish_snake(to_snake_case(member_name))
}

/// Function (operation method) name: same rules as [`field_ident`]
/// (`DescribeEC2InstanceLimits` → `describe_ec2_instance_limits`).
pub fn fn_ident(name: &str) -> Ident {
    finish_snake(to_snake_case(name))
}

/// Module name: same rules as [`field_ident`].
pub fn module_ident(name: &str) -> Ident {
    finish_snake(to_snake_case(name))
}

/// Enum or union variant name from a member name or a raw enum value: acronym-aware
/// PascalCase (`IN_PROGRESS` → `InProgress`, `t2.micro` → `T2Micro`, `2xlarge` → `V2xlarge`).
/// `Unknown` becomes `UnknownValue`, leaving `Unknown` to the generated catch-all variant.
///
/// Use [`variant_idents`] to name all variants of one shape.
pub fn variant_ident(name: &str) -> Ident {
    let pascal = to_pascal_case(name);
    if pascal == "Unknown" {
        return Ident::new("UnknownValue", Span::call_site());
    }
    finish_pascal(pascal)
}

/// Builder methods for a field: the setter and its `set_` form (`game_name`,
/// `set_game_name`). A field that would shadow the builder's own `build()` gets `build_value`.
pub fn setter_idents(field: &Ident) -> (Ident, Ident) {
    let plain = unraw(field);
    let setter = if plain == "build" {
        Ident::new("build_value", Span::call_site())
    } else {
        field.clone()
    };
    let set = finish_snake(format!("set_{}", unraw(&setter)));
    (setter, set)
}

/// The field of an input builder that holds the client's sender. Member names become
/// snake_case without leading underscores, so no member can take it.
pub fn builder_sender_ident() -> Ident {
    Ident::new("__sender", Span::call_site())
}

/// The getter of an optional list member, returning a slice (`player_ids`). A member named
/// `builder` would shadow the type's own `builder()`: its getter is `builder_value`.
pub fn getter_ident(field: &Ident) -> Ident {
    if unraw(field) == "builder" {
        Ident::new("builder_value", Span::call_site())
    } else {
        field.clone()
    }
}

/// The test for one variant of an operation's error enum (`NotFoundException` →
/// `is_not_found_exception`).
pub fn variant_test_ident(variant: &Ident) -> Ident {
    finish_snake(format!("is_{}", to_snake_case(&unraw(variant))))
}

/// The private field of an operation output holding the response's metadata. Member names
/// become snake_case without leading underscores, so no member can take it.
pub fn response_metadata_ident() -> Ident {
    Ident::new("__response", Span::call_site())
}

/// The function returning a field's non-zero `@default` (`default_retries`).
pub fn default_fn_ident(field: &Ident) -> Ident {
    finish_snake(format!("default_{}", unraw(field)))
}

/// The error enum of an operation (`CreateGameError`).
pub fn operation_error_ident(operation: &str) -> Ident {
    type_ident(&format!("{operation}Error"))
}

/// The builder type of a structure (`CreateGameInputBuilder`).
pub fn builder_ident(type_ident: &Ident) -> Ident {
    finish_pascal(format!("{}Builder", unraw(type_ident)))
}

/// The static holding a structure's or union's validation rules (`RULES_CREATE_GAME_REQUEST`).
pub fn rules_ident(type_ident: &Ident) -> Ident {
    let name = format!(
        "RULES_{}",
        to_snake_case(&unraw(type_ident)).to_ascii_uppercase()
    );
    Ident::new(&name, proc_macro2::Span::call_site())
}

/// The client method of waiter `name` (`FleetActive` → `wait_until_fleet_active`).
pub fn waiter_fn_ident(name: &str) -> Ident {
    fn_ident(&format!("WaitUntil{name}"))
}

/// The static describing waiter `name` (`FleetActive` → `FLEET_ACTIVE`).
pub fn waiter_static_ident(name: &str) -> Ident {
    Ident::new(
        &to_snake_case(name).to_ascii_uppercase(),
        proc_macro2::Span::call_site(),
    )
}

/// The identifier as written without its `r#` prefix, for comparisons.
fn unraw(ident: &Ident) -> String {
    let s = ident.to_string();
    match s.strip_prefix("r#") {
        Some(rest) => rest.to_owned(),
        None => s,
    }
}

/// Names `names` with `name_one` and resolves duplicates: the first occurrence keeps its name,
/// later ones get the smallest numeric suffix (joined with `separator`) that neither is taken
/// nor is the natural name of another input.
fn disambiguate(
    names: &[&str],
    name_one: fn(&str) -> Ident,
    finish_one: fn(String) -> Ident,
    separator: &str,
) -> Vec<Ident> {
    let natural: Vec<Ident> = names.iter().map(|n| name_one(n)).collect();
    let reserved: BTreeSet<String> = natural.iter().map(unraw).collect();
    let mut used = BTreeSet::new();
    natural
        .into_iter()
        .map(|ident| {
            let key = unraw(&ident);
            if used.insert(key.clone()) {
                return ident;
            }
            let base = key.trim_end_matches('_');
            let (candidate, candidate_key) = (2u64..)
                .map(|n| {
                    let candidate = finish_one(format!("{base}{separator}{n}"));
                    let candidate_key = unraw(&candidate);
                    (candidate, candidate_key)
                })
                .find(|(_, k)| !reserved.contains(k) && !used.contains(k))
                .unwrap_or_else(|| unreachable!("finitely many names are taken"));
            used.insert(candidate_key);
            candidate
        })
        .collect()
}

/// [`field_ident`] for all members of one structure, with collisions resolved in order of
/// appearance (`["fooBar", "FooBar"]` → `foo_bar`, `foo_bar_2`).
pub fn field_idents(names: &[&str]) -> Vec<Ident> {
    disambiguate(names, field_ident, finish_snake, "_")
}

/// [`variant_ident`] for all members (or values) of one enum or union, with collisions resolved
/// in order of appearance (`["IN_PROGRESS", "InProgress"]` → `InProgress`, `InProgress2`).
pub fn variant_idents(names: &[&str]) -> Vec<Ident> {
    disambiguate(names, variant_ident, finish_pascal, "")
}

/// Package name of the crate generated for a service `sdkId`: lowercase, humps not split,
/// other characters as `-` (`Bedrock Runtime` → `bedrock-runtime`, `DynamoDB` → `dynamodb`).
pub fn crate_name(sdk_id: &str) -> String {
    let mut name = String::with_capacity(sdk_id.len());
    for segment in sdk_id.split(|c: char| !c.is_ascii_alphanumeric()) {
        if segment.is_empty() {
            continue;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&segment.to_ascii_lowercase());
    }
    if name.is_empty() {
        name.push_str("sdk");
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "sdk-");
    }
    let as_ident = name.replace('-', "_");
    if RAW_KEYWORDS.contains(&as_ident.as_str())
        || NON_RAW_KEYWORDS.contains(&as_ident.as_str())
        || RESERVED_CRATE_NAMES.contains(&as_ident.as_str())
    {
        name.push_str("-sdk");
    }
    name
}

/// The generated crate's name as used in Rust paths: [`crate_name`] with `-` replaced by `_`.
pub fn crate_ident(sdk_id: &str) -> Ident {
    Ident::new(&crate_name(sdk_id).replace('-', "_"), Span::call_site())
}
