//! Where requests go.

use super::error::{ConstructionError, ConstructionErrorKind};
use serde_json::Value;

use crate::protocol::ServiceSpec;

/// The endpoint for `service`: `endpoint_url` when set (it must be an absolute `http://` or
/// `https://` URL), else `https://{endpoint_prefix}.{region}.amazonaws.com`.
///
/// ```
/// # use smithy_runtime::client::resolve_endpoint;
/// # use smithy_runtime::protocol::{AwsJson1_1, ServiceSpec};
/// static SERVICE: ServiceSpec = ServiceSpec {
///     shape_name: "GameLift", sdk_id: "GameLift", version: "2015-10-01",
///     protocols: &[&AwsJson1_1], signing_name: Some("gamelift"), endpoint_prefix: "gamelift",
///     query_compatible: false, endpoint_rules: None,
/// };
/// let uri = resolve_endpoint(&SERVICE, Some("eu-west-1"), None).unwrap();
/// assert_eq!(uri, "https://gamelift.eu-west-1.amazonaws.com/");
/// let uri = resolve_endpoint(&SERVICE, None, Some("http://localhost:8080")).unwrap();
/// assert_eq!(uri, "http://localhost:8080/");
/// ```
pub fn resolve_endpoint(
    service: &ServiceSpec,
    region: Option<&str>,
    endpoint_url: Option<&str>,
) -> Result<http::Uri, ConstructionError> {
    if let Some(url) = endpoint_url {
        return parse_endpoint_url(url);
    }
    let region = check_region(region)?;
    let url = format!(
        "https://{}.{region}.{}",
        service.endpoint_prefix,
        dns_suffix(region)
    );
    url.parse().map_err(|e| {
        ConstructionError::new(
            ConstructionErrorKind::InvalidEndpoint,
            format!(
                "the endpoint {url} built from the service's endpoint prefix is not a valid URL"
            ),
        )
        .with_source(e)
    })
}

/// The DNS suffix of the partition `region` belongs to (`amazonaws.com`,
/// `amazonaws.com.cn` for `cn-*`, and the isolated partitions' suffixes).
pub(crate) fn dns_suffix(region: &str) -> &'static str {
    const SUFFIXES: [(&str, &str); 5] = [
        ("cn-", "amazonaws.com.cn"),
        ("us-isob-", "sc2s.sgov.gov"),
        ("us-isof-", "csp.hci.ic.gov"),
        ("us-iso-", "c2s.ic.gov"),
        ("eu-isoe-", "cloud.adc-e.uk"),
    ];
    SUFFIXES
        .iter()
        .find(|(prefix, _)| region.starts_with(prefix))
        .map_or("amazonaws.com", |(_, suffix)| suffix)
}

/// The configured region, if it is usable in a host name and a signature.
pub(crate) fn check_region(region: Option<&str>) -> Result<&str, ConstructionError> {
    let Some(region) = region else {
        return Err(ConstructionError::new(
            ConstructionErrorKind::MissingRegion,
            "no region configured: set AWS_REGION or call Config::builder().region(..)",
        ));
    };
    let valid = !region.is_empty()
        && !region.starts_with('-')
        && !region.ends_with('-')
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !valid {
        return Err(ConstructionError::new(
            ConstructionErrorKind::InvalidRegion,
            format!("invalid region {region:?}: expected a region name such as us-east-1"),
        ));
    }
    Ok(region)
}

pub(crate) fn parse_endpoint_url(url: &str) -> Result<http::Uri, ConstructionError> {
    let invalid = |why: &str| {
        ConstructionError::new(
            ConstructionErrorKind::InvalidEndpoint,
            format!("invalid endpoint URL {url:?}: {why}; expected an absolute URL such as https://example.com"),
        )
    };
    let uri: http::Uri = url
        .trim()
        .parse()
        .map_err(|e| invalid("not a URL").with_source(e))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        Some(_) => return Err(invalid("the scheme must be http or https")),
        None => return Err(invalid("no scheme")),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(invalid("no host"));
    }
    if uri.query().is_some() {
        return Err(invalid("an endpoint cannot have a query string"));
    }
    Ok(uri)
}

/// `endpoint` with an operation's `@endpoint` host prefix in front of its host, each `{key}` of
/// `prefix` replaced by the input member of that JSON key (a `@hostLabel`).
///
/// ```
/// # use smithy_runtime::client::apply_host_prefix;
/// let endpoint = "https://example.com/base".parse().unwrap();
/// let input = smithy_runtime::serde_json::json!({"label": "bar"});
/// let uri = apply_host_prefix(&endpoint, "foo.{label}.", &input).unwrap();
/// assert_eq!(uri, "https://foo.bar.example.com/base");
/// ```
///
/// # Errors
///
/// A host label that is missing, empty, or not made of letters, digits and `-`.
pub fn apply_host_prefix(
    endpoint: &http::Uri,
    prefix: &str,
    input: &Value,
) -> Result<http::Uri, ConstructionError> {
    let invalid = |why: String| ConstructionError::new(ConstructionErrorKind::InvalidInput, why);
    let mut host = String::new();
    let mut rest = prefix;
    while let Some(start) = rest.find('{') {
        host.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map(|e| start + e)
            .ok_or_else(|| invalid(format!("host prefix {prefix:?} has an unclosed label")))?;
        let key = &rest[start + 1..end];
        let value = input.get(key).and_then(Value::as_str).unwrap_or_default();
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            return Err(invalid(format!(
                "host label `{key}` is {value:?}: it must be set to letters, digits and `-`, as it goes into the host name"
            )));
        }
        host.push_str(value);
        rest = &rest[end + 1..];
    }
    host.push_str(rest);
    let authority = endpoint.authority().map(|a| a.as_str()).unwrap_or_default();
    let mut parts = endpoint.clone().into_parts();
    parts.authority = Some(format!("{host}{authority}").parse().map_err(|e| {
        invalid(format!("host prefix {prefix:?} makes an invalid host")).with_source(e)
    })?);
    http::Uri::from_parts(parts)
        .map_err(|e| invalid(format!("host prefix {prefix:?}: {e}")).with_source(e))
}
