//! What each attempt of a call sends: a copy of the prepared request with its own SDK headers.

use bytes::Bytes;

/// The headers of one attempt: the user agent, and the ones botocore and the AWS SDKs send with
/// every attempt, `amz-sdk-invocation-id` (one UUID per call, the same on every attempt) and
/// `amz-sdk-request: attempt=N; max=M`. They are set before signing, as botocore does.
pub(super) struct AttemptHeaders<'a> {
    pub(super) invocation_id: &'a http::HeaderValue,
    pub(super) attempt: u32,
    pub(super) max_attempts: u32,
}

impl AttemptHeaders<'_> {
    /// Adds the SDK attempt headers to `request`.
    pub(super) fn add_to(&self, request: &mut http::Request<Bytes>) {
        let headers = request.headers_mut();
        headers.insert(
            http::HeaderName::from_static("amz-sdk-invocation-id"),
            self.invocation_id.clone(),
        );
        let attempts = format!("attempt={}; max={}", self.attempt, self.max_attempts);
        headers.insert(
            http::HeaderName::from_static("amz-sdk-request"),
            http::HeaderValue::from_str(&attempts).unwrap_or_else(|_| {
                unreachable!("digits and ASCII punctuation are a valid header value")
            }),
        );
    }
}

/// A copy of `request` for one attempt (the body is shared, not copied).
pub(super) fn copy_request(request: &http::Request<Bytes>) -> http::Request<Bytes> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}
