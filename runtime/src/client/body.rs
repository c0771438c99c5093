//! What the client does to a request body after the protocol wrote it: `@requestCompression`
//! (gzip) and `@httpChecksumRequired` (`Content-MD5`).

use std::io::Write;

use bytes::Bytes;
use http::header::{HeaderValue, CONTENT_ENCODING, CONTENT_LENGTH};
use md5::{Digest, Md5};

use crate::Blob;

/// Gzips the body when it has at least `min_size` bytes, appending `gzip` to any
/// `Content-Encoding` already set (`custom` → `custom, gzip`) and fixing `Content-Length`.
pub(crate) fn gzip(request: &mut http::Request<Bytes>, min_size: u32) -> std::io::Result<()> {
    let body = request.body();
    if u64::try_from(body.len()).unwrap_or(u64::MAX) < u64::from(min_size) {
        return Ok(());
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body)?;
    let compressed = Bytes::from(encoder.finish()?);
    let encoding = match request
        .headers()
        .get(CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
    {
        Some(existing) if !existing.trim().is_empty() => format!("{}, gzip", existing.trim()),
        _ => "gzip".to_owned(),
    };
    let headers = request.headers_mut();
    headers.insert(
        CONTENT_ENCODING,
        HeaderValue::from_str(&encoding).unwrap_or(HeaderValue::from_static("gzip")),
    );
    headers.insert(CONTENT_LENGTH, HeaderValue::from(compressed.len()));
    *request.body_mut() = compressed;
    Ok(())
}

/// Sets `Content-MD5` (the base64 MD5 digest of the body) unless it is set already.
pub(crate) fn content_md5(request: &mut http::Request<Bytes>) {
    if request.headers().contains_key("content-md5") {
        return;
    }
    let digest = Blob::new(Md5::digest(request.body()).to_vec()).to_base64();
    if let Ok(value) = HeaderValue::from_str(&digest) {
        request.headers_mut().insert("content-md5", value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: &'static [u8], encoding: Option<&str>) -> http::Request<Bytes> {
        let mut builder = http::Request::builder().header(CONTENT_LENGTH, body.len());
        if let Some(encoding) = encoding {
            builder = builder.header(CONTENT_ENCODING, encoding);
        }
        builder.body(Bytes::from_static(body)).unwrap()
    }

    #[test]
    fn bodies_from_the_minimum_size_are_gzipped_and_the_encoding_appended() {
        let mut small = request(b"abc", None);
        gzip(&mut small, 4).unwrap();
        assert_eq!(small.body().as_ref(), b"abc");
        assert!(small.headers().get(CONTENT_ENCODING).is_none());

        let mut large = request(b"abcd", Some("custom"));
        gzip(&mut large, 4).unwrap();
        assert_eq!(large.headers()[CONTENT_ENCODING], "custom, gzip");
        let mut plain = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(large.body().as_ref()),
            &mut plain,
        )
        .unwrap();
        assert_eq!(plain, b"abcd");
        assert_eq!(
            large.headers()[CONTENT_LENGTH],
            large.body().len().to_string()
        );
    }

    #[test]
    fn content_md5_is_the_base64_digest() {
        let mut request = request(b"abc", None);
        content_md5(&mut request);
        assert_eq!(request.headers()["content-md5"], "kAFQmDzST7DWlj99KOF/cg==");
    }
}
