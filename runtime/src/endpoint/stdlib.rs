//! The string functions of the rules engine's standard library: `isValidHostLabel`,
//! `parseURL`, `substring`, `uriEncode` and `split`.

use std::net::Ipv6Addr;
use std::rc::Rc;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::val::{shared, Val};

/// Whether `value` is an RFC 1123 host label (a letter or digit, then up to 62 letters,
/// digits and `-`); with `allow_subdomains`, several joined by `.`.
pub(super) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        value.split('.').all(is_host_label)
    } else {
        is_host_label(value)
    }
}

fn is_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// The `URL` structure of `parseURL`.
#[derive(Debug, PartialEq)]
pub(super) struct Url {
    pub(super) scheme: Rc<str>,
    /// Host and port as written, without user information.
    pub(super) authority: Rc<str>,
    /// The path as written (empty when there is none).
    pub(super) path: Rc<str>,
    /// The path starting and ending with `/`.
    pub(super) normalized_path: Rc<str>,
    pub(super) is_ip: bool,
}

impl Url {
    /// The field `key`, as rules name it.
    pub(super) fn field(&self, key: &str) -> Option<Val<'static>> {
        match key {
            "scheme" => shared(&self.scheme),
            "authority" => shared(&self.authority),
            "path" => shared(&self.path),
            "normalizedPath" => shared(&self.normalized_path),
            "isIp" => Some(Val::Bool(self.is_ip)),
            _ => None,
        }
    }
}

/// `parseURL`: an `http` or `https` URL (scheme in any case) with a host, an optional numeric
/// port and an optional path; `None` for anything else, a URL with a query included. A fragment
/// is dropped, as the reference evaluator drops it.
pub(super) fn parse_url(input: &str) -> Option<Url> {
    let (scheme, rest) = input.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    if !(scheme == "http" || scheme == "https") || rest.contains('?') {
        return None;
    }
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (host, port) = split_port(authority)?;
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        port.parse::<u16>().ok()?;
    }
    if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let is_ip = match host.strip_prefix('[') {
        Some(v6) => {
            v6.strip_suffix(']')?.parse::<Ipv6Addr>().ok()?;
            true
        }
        None => is_ipv4(host),
    };
    let normalized_path = match path {
        "" => "/".to_owned(),
        p if p.ends_with('/') => p.to_owned(),
        p => format!("{p}/"),
    };
    Some(Url {
        scheme: scheme.into(),
        authority: authority.into(),
        path: path.into(),
        normalized_path: normalized_path.into(),
        is_ip,
    })
}

/// Whether `host` is written as an IPv4 address: four `.`-separated numbers from 0 to 255
/// (leading zeros allowed, as the reference evaluator allows them).
pub(super) fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.len() <= 3
                && part.bytes().all(|b| b.is_ascii_digit())
                && part.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Host and port of an authority (`[::1]:443`, `example.com:80`, `example.com`).
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, after) = authority.split_at(end + 1);
        return match after {
            "" => Some((host, None)),
            _ => Some((host, Some(after.strip_prefix(':')?))),
        };
    }
    Some(match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

/// `substring`: the ASCII characters `start..end` of `input`, counted from its end when
/// `reverse`; `None` when the input is not ASCII or too short.
pub(super) fn substring(input: &str, start: i64, end: i64, reverse: bool) -> Option<&str> {
    let len = input.len();
    let start = usize::try_from(start).ok()?;
    let end = usize::try_from(end).ok()?;
    if !input.is_ascii() || start >= end || end > len {
        return None;
    }
    Some(if reverse {
        &input[len - end..len - start]
    } else {
        &input[start..end]
    })
}

/// The characters `uriEncode` keeps: RFC 3986's unreserved set.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `uriEncode`: RFC 3986 percent-encoding of everything but the unreserved characters, with
/// uppercase hex digits.
pub(super) fn uri_encode(input: &str) -> String {
    utf8_percent_encode(input, ENCODED).to_string()
}

/// `split`: `input` divided at each `delimiter`, into at most `limit` parts (`0`: no limit);
/// `None` for an empty delimiter or a negative limit.
pub(super) fn split<'s>(input: &'s str, delimiter: &str, limit: i64) -> Option<Vec<&'s str>> {
    if delimiter.is_empty() {
        return None;
    }
    Some(match usize::try_from(limit).ok()? {
        0 => input.split(delimiter).collect(),
        n => input.splitn(n, delimiter).collect(),
    })
}
