//! [`RequestContext`]: what a handler knows about the request besides its input.

use http::HeaderMap;

/// The request a handler is answering: its id, the caller, the raw headers.
#[derive(Clone, Debug)]
pub struct RequestContext {
    /// The id the response carries in `x-amzn-requestid` (a random UUID).
    pub request_id: String,
    /// The access key id of the SigV4 `Authorization` header's credential, when there is one.
    /// The signature is not checked.
    pub access_key_id: Option<String>,
    /// The name of the protocol the request came in (`awsJson1_1`, `rpcv2Cbor`).
    pub protocol: &'static str,
    /// The request's headers.
    pub headers: HeaderMap,
}

impl RequestContext {
    /// The context of a request with `headers`, in `protocol`.
    pub(crate) fn new(protocol: &'static str, headers: HeaderMap) -> Self {
        RequestContext {
            request_id: uuid::Uuid::new_v4().to_string(),
            access_key_id: access_key_id(&headers),
            protocol,
            headers,
        }
    }
}

/// `AKID` in `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-west-2/gamelift/aws4_request, ...`.
fn access_key_id(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let credential = value.split_once("Credential=")?.1;
    let key = credential.split('/').next()?.trim();
    (!key.is_empty()).then(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_access_key_comes_from_the_credential_scope() {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::AUTHORIZATION,
            http::HeaderValue::from_static(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-west-2/gamelift/aws4_request, SignedHeaders=host, Signature=abc",
            ),
        );
        let cx = RequestContext::new("awsJson1_1", headers);
        assert_eq!(cx.access_key_id.as_deref(), Some("AKIDEXAMPLE"));
        assert_eq!(
            uuid::Uuid::parse_str(&cx.request_id).map(|u| u.get_version_num()),
            Ok(4)
        );
        assert_eq!(
            RequestContext::new("x", HeaderMap::new()).access_key_id,
            None
        );
    }
}
