//! The SigV4 signing key, derived once per day, region and service and kept with the
//! credentials it comes from; the HMAC-SHA256 it is made with; and the signing time's forms.

use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// HMAC-SHA256 of `message` under `key`.
pub(super) fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// `time` as SigV4 writes it: the date and time (`20150830T123600Z`) and the date
/// (`20150830`), in UTC.
pub(super) fn format_time(time: SystemTime) -> (String, String) {
    let time = time::OffsetDateTime::from(time);
    let date = format!(
        "{:04}{:02}{:02}",
        time.year(),
        u8::from(time.month()),
        time.day()
    );
    let date_time = format!(
        "{date}T{:02}{:02}{:02}Z",
        time.hour(),
        time.minute(),
        time.second()
    );
    (date_time, date)
}

/// The signing key of `secret` for one day, region and service: the HMAC chain
/// `"AWS4" + secret` → date → region → service → `aws4_request`.
fn derive(secret: &str, date: &str, region: &str, service: &str) -> [u8; 32] {
    let mut key = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    for part in [region, service, "aws4_request"] {
        key = hmac(&key, part.as_bytes());
    }
    key
}

/// The last signing key derived from one set of credentials, for the day, region and
/// service it was derived for. A client signs with the same credentials, day, region and
/// service call after call, so one entry serves nearly every request; another combination
/// replaces it. Clones share the entry; a cache compares equal to any other (it is not part
/// of the credentials' value).
#[derive(Clone, Default)]
pub(crate) struct SigningKeys(Arc<Mutex<Option<Entry>>>);

/// One derived key and what it was derived for.
struct Entry {
    date: String,
    region: String,
    service: String,
    key: [u8; 32],
}

impl SigningKeys {
    /// The signing key of `secret` (the secret of the credentials holding this cache) for
    /// `date`, `region` and `service`, derived when the cache holds another.
    pub(super) fn key(&self, secret: &str, date: &str, region: &str, service: &str) -> [u8; 32] {
        let mut entry = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match entry.as_ref() {
            Some(e) if e.date == date && e.region == region && e.service == service => e.key,
            _ => {
                let key = derive(secret, date, region, service);
                *entry = Some(Entry {
                    date: date.to_owned(),
                    region: region.to_owned(),
                    service: service.to_owned(),
                    key,
                });
                key
            }
        }
    }
}

impl PartialEq for SigningKeys {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Eq for SigningKeys {}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn formats_the_signing_time_in_utc() {
        let time = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
        assert_eq!(
            format_time(time),
            ("20150830T123600Z".to_owned(), "20150830".to_owned())
        );
    }

    /// The published example key ("Derive a signing key for Signature Version 4").
    #[test]
    fn derives_the_published_example_key() {
        let key = derive(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20120215",
            "us-east-1",
            "iam",
        );
        assert_eq!(
            super::super::canonical::hex(&key),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
    }

    #[test]
    fn a_new_day_region_or_service_derives_a_new_key() {
        let keys = SigningKeys::default();
        let first = keys.key("secret", "20150830", "us-east-1", "iam");
        assert_eq!(keys.key("secret", "20150830", "us-east-1", "iam"), first);
        assert_ne!(keys.key("secret", "20150831", "us-east-1", "iam"), first);
        assert_ne!(keys.key("secret", "20150831", "us-west-2", "iam"), first);
        assert_ne!(keys.key("secret", "20150831", "us-west-2", "sts"), first);
        assert_eq!(
            keys.key("secret", "20150830", "us-east-1", "iam"),
            first,
            "back to the first combination"
        );
    }
}
