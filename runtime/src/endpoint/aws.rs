//! The AWS library's string functions: `aws.parseArn` and `aws.isVirtualHostableS3Bucket`
//! (`aws.partition` is [`Partitions`](super::Partitions)).

use std::rc::Rc;

use super::stdlib::is_ipv4;
use super::val::{shared, Text, Val};

/// The `ARN` structure of `aws.parseArn`.
#[derive(Debug, PartialEq)]
pub(super) struct Arn {
    pub(super) partition: Rc<str>,
    pub(super) service: Rc<str>,
    pub(super) region: Rc<str>,
    pub(super) account_id: Rc<str>,
    /// The resource, split at every `:` and `/`.
    pub(super) resource_id: Vec<Rc<str>>,
}

impl Arn {
    /// The field `key`, as rules name it.
    pub(super) fn field(&self, key: &str) -> Option<Val<'static>> {
        match key {
            "partition" => shared(&self.partition),
            "service" => shared(&self.service),
            "region" => shared(&self.region),
            "accountId" => shared(&self.account_id),
            "resourceId" => Some(Val::Array(
                self.resource_id
                    .iter()
                    .map(|s| Val::Str(Text::Shared(Rc::clone(s))))
                    .collect(),
            )),
            _ => None,
        }
    }
}

/// `aws.parseArn`: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where the partition,
/// service and resource are not empty (the region and account may be); `None` otherwise.
pub(super) fn parse_arn(input: &str) -> Option<Arn> {
    let mut parts = input.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let partition = parts.next()?;
    let service = parts.next()?;
    let region = parts.next()?;
    let account_id = parts.next()?;
    let resource = parts.next()?;
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: partition.into(),
        service: service.into(),
        region: region.into(),
        account_id: account_id.into(),
        resource_id: resource.split([':', '/']).map(Rc::from).collect(),
    })
}

/// `aws.isVirtualHostableS3Bucket`: whether `bucket` can be the first label of an S3 host
/// name: 3 to 63 lowercase letters, digits and `-`, starting and ending with a letter or
/// digit; with `allow_subdomains`, `.` too, but not next to another `.` or a `-`, and not written
/// as an IPv4 address.
pub(super) fn is_virtual_hostable_s3_bucket(bucket: &str, allow_subdomains: bool) -> bool {
    let bytes = bucket.as_bytes();
    let alphanumeric = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if !(3..=63).contains(&bytes.len())
        || !bytes.first().is_some_and(alphanumeric)
        || !bytes.last().is_some_and(alphanumeric)
    {
        return false;
    }
    if !allow_subdomains {
        return bytes.iter().all(|b| alphanumeric(b) || *b == b'-');
    }
    let dots_apart = bytes.windows(2).all(|pair| match pair {
        [b'.', b'.' | b'-'] | [b'-', b'.'] => false,
        [_, c] => alphanumeric(c) || *c == b'-' || *c == b'.',
        _ => true,
    });
    dots_apart && !is_ipv4(bucket)
}
