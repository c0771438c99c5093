//! URI patterns of the `@http` trait: expanding labels and query strings (client) and
//! matching a request path against a pattern (server).

use std::collections::BTreeMap;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Every byte but the unreserved characters `A-Za-z0-9-._~` is encoded (also SigV4's set).
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Greedy labels also keep `/` (as SigV4's canonical path does).
pub(crate) const GREEDY: &AsciiSet = &UNRESERVED.remove(b'/');

/// One `/`-separated segment of a URI pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Segment<'a> {
    /// Literal text.
    Literal(&'a str),
    /// `{name}`: one segment.
    Label(&'a str),
    /// `{name+}`: one or more segments.
    Greedy(&'a str),
}

/// A parsed URI pattern such as `/game/{GameName}/stage/{Stage+}?op=x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Pattern<'a> {
    /// The path segments after the leading `/` (a trailing `/` gives a last empty literal).
    pub(super) segments: Vec<Segment<'a>>,
    /// The literal query string after `?`, if any.
    pub(super) query: Option<&'a str>,
}

impl<'a> Pattern<'a> {
    /// Parses `uri`.
    pub(super) fn parse(uri: &'a str) -> Self {
        let (path, query) = match uri.split_once('?') {
            Some((path, query)) => (path, Some(query).filter(|query| !query.is_empty())),
            None => (uri, None),
        };
        let path = path.strip_prefix('/').unwrap_or(path);
        let segments = path
            .split('/')
            .map(
                |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => match name.strip_suffix('+') {
                        Some(name) => Segment::Greedy(name),
                        None => Segment::Label(name),
                    },
                    None => Segment::Literal(segment),
                },
            )
            .collect();
        Pattern { segments, query }
    }

    /// The path with each label replaced by its percent-encoded text from `labels`.
    pub(super) fn expand(&self, labels: &BTreeMap<&str, String>) -> Result<String, String> {
        let mut path = String::new();
        for segment in &self.segments {
            path.push('/');
            match segment {
                Segment::Literal(text) => path.push_str(text),
                Segment::Label(name) | Segment::Greedy(name) => {
                    let text = labels
                        .get(name)
                        .ok_or_else(|| format!("no member is bound to label `{name}`"))?;
                    let set = match segment {
                        Segment::Greedy(_) => GREEDY,
                        _ => UNRESERVED,
                    };
                    path.extend(utf8_percent_encode(text, set));
                }
            }
        }
        Ok(path)
    }

    /// The raw (still percent-encoded) text of each label when `path` matches the pattern
    /// (a greedy label gets its segments joined by `/`); a trailing `/` on either is ignored.
    pub(super) fn match_path(&self, path: &str) -> Option<BTreeMap<&'a str, String>> {
        let mut pattern = self.segments.as_slice();
        if let [rest @ .., Segment::Literal("")] = pattern {
            pattern = rest;
        }
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let parts: Vec<&str> = match path {
            "" => Vec::new(),
            path => path.split('/').collect(),
        };
        let mut labels = BTreeMap::new();
        let Some(greedy) = pattern.iter().position(|s| matches!(s, Segment::Greedy(_))) else {
            if parts.len() != pattern.len() {
                return None;
            }
            for (segment, part) in pattern.iter().zip(&parts) {
                match_segment(segment, part, &mut labels)?;
            }
            return Some(labels);
        };
        let (before, after) = (&pattern[..greedy], &pattern[greedy + 1..]);
        let tail = parts.len().checked_sub(after.len())?;
        if tail <= before.len() {
            return None;
        }
        for (segment, part) in before
            .iter()
            .zip(&parts)
            .chain(after.iter().zip(&parts[tail..]))
        {
            match_segment(segment, part, &mut labels)?;
        }
        let text = parts[greedy..tail].join("/");
        if let (Segment::Greedy(name), false) = (pattern[greedy], text.is_empty()) {
            labels.insert(name, text);
            return Some(labels);
        }
        None
    }
}

/// Matches one path segment against a literal or a (non-empty) label.
fn match_segment<'a>(
    segment: &Segment<'a>,
    part: &str,
    labels: &mut BTreeMap<&'a str, String>,
) -> Option<()> {
    match segment {
        Segment::Literal(text) => (*text == part).then_some(()),
        Segment::Label(name) if !part.is_empty() => {
            labels.insert(name, part.to_owned());
            Some(())
        }
        _ => None,
    }
}

/// Percent-encodes a query key or value (everything but `A-Za-z0-9-._~`).
pub(super) fn encode_query(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// Percent-decodes `text` as UTF-8 (`+` stays `+`).
pub(super) fn decode(text: &str) -> Result<String, String> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| format!("`{text}` is not percent-encoded UTF-8"))
}

/// The decoded pairs of a query string, in order; `k` alone gives `("k", "")`.
pub(super) fn parse_query(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(key)?, decode(value)?))
        })
        .collect()
}

/// restJson1 routing (SMITHY.md 6.4): the operations whose method, path pattern and literal
/// query parts match; the most specific wins (more literal segments, then more literal query
/// parts, then fewer greedy labels). Every request is restJson1's: one that matches nothing is
/// [`Route::Unknown`].
pub(super) fn route(
    operations: &[&crate::protocol::OperationSpec],
    request: &http::Request<bytes::Bytes>,
) -> crate::protocol::Route {
    use crate::protocol::Route;
    let path = request.uri().path();
    let query = parse_query(request.uri().query().unwrap_or_default()).unwrap_or_default();
    let mut best: Option<((usize, usize, usize), usize)> = None;
    for (index, op) in operations.iter().enumerate() {
        if !op
            .http
            .method
            .eq_ignore_ascii_case(request.method().as_str())
        {
            continue;
        }
        let pattern = Pattern::parse(op.http.uri);
        if pattern.match_path(path).is_none() {
            continue;
        }
        let literals: Vec<&str> = pattern
            .query
            .map(|q| q.split('&').filter(|p| !p.is_empty()).collect())
            .unwrap_or_default();
        let present = |literal: &&str| match literal.split_once('=') {
            Some((key, value)) => query.iter().any(|(k, v)| k == key && v == value),
            None => query.iter().any(|(k, _)| k == literal),
        };
        if !literals.iter().all(present) {
            continue;
        }
        let literal_segments = pattern
            .segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count();
        let not_greedy = pattern
            .segments
            .iter()
            .filter(|s| !matches!(s, Segment::Greedy(_)))
            .count();
        let score = (literal_segments, literals.len(), not_greedy);
        if best.is_none_or(|(top, _)| score > top) {
            best = Some((score, index));
        }
    }
    match best {
        Some((_, index)) => Route::Operation(index),
        None => Route::Unknown(format!(
            "no operation is routed at {} {path}",
            request.method()
        )),
    }
}
