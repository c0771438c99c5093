//! The presigned Amazon S3 URLs of exported snapshots and of generated code.
//!
//! The documentation says `ExportSnapshot` answers a presigned URL of the snapshot data,
//! available for 10 minutes, and that a generated-code job uploads a `.zip` file to a
//! presigned URL. This server answers URLs of the model's form
//! (`https://{bucket}.s3{...}.amazonaws.com/{key}`), but stores and serves nothing at them:
//!
//! * an export: bucket `gamesparks-snapshots-{account}-{region}`, key
//!   `{game}/{snapshot id}.json`;
//! * generated code: bucket `gamesparks-generated-code-{account}-{region}`, key
//!   `{game}/{snapshot id}/{job id}.zip`.
//!
//! Both carry the query parameters `X-Amz-Date` (when the URL was signed) and
//! `X-Amz-Expires` ([`VALIDITY_SECS`]).

use super::utc_seconds;
use crate::fault::Fault;
use crate::Names;

/// How long a URL is valid, in seconds: the 10 minutes the documentation gives exports.
pub const VALIDITY_SECS: u64 = 600;

/// The URL of the export of snapshot `snapshot` of game `game`, signed at `signed_millis`.
pub(crate) fn snapshot_export(
    names: &Names,
    game: &str,
    snapshot: &str,
    signed_millis: u64,
) -> Result<String, Fault> {
    presigned(
        names,
        "snapshots",
        &format!("{game}/{snapshot}.json"),
        signed_millis,
    )
}

/// The URL of the code job `job` generated for snapshot `snapshot` of game `game`, signed at
/// `signed_millis`.
pub(crate) fn generated_code(
    names: &Names,
    game: &str,
    snapshot: &str,
    job: &str,
    signed_millis: u64,
) -> Result<String, Fault> {
    let key = format!("{game}/{snapshot}/{job}.zip");
    presigned(names, "generated-code", &key, signed_millis)
}

fn presigned(names: &Names, bucket: &str, key: &str, signed_millis: u64) -> Result<String, Fault> {
    let (account, region) = (names.account_id(), names.region());
    let signed: String = utc_seconds(signed_millis / 1000)?
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    Ok(format!(
        "https://gamesparks-{bucket}-{account}-{region}.s3.{region}.amazonaws.com/{key}?X-Amz-Date={signed}&X-Amz-Expires={VALIDITY_SECS}"
    ))
}
