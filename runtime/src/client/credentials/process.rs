//! `credential_process`: a profile's command that prints credentials as JSON
//! (`{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …,
//! "Expiration": …}`), run through the shell (`sh -c`, or `cmd /C` on Windows).

use std::process::Stdio;
use std::time::Duration;

use serde::Deserialize;

use super::http::{body_excerpt, seconds, IssuedJson};
use super::{Credentials, CredentialsError};

/// How long the command may run.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `command` and reads the credentials it prints.
pub(crate) async fn run(command: &str) -> Result<Credentials, CredentialsError> {
    let what = format!("credential_process `{command}`");
    let mut shell = if cfg!(windows) {
        let mut shell = tokio::process::Command::new("cmd");
        shell.arg("/C");
        shell
    } else {
        let mut shell = tokio::process::Command::new("sh");
        shell.arg("-c");
        shell
    };
    shell
        .arg(command)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let output = match tokio::time::timeout(TIMEOUT, shell.output()).await {
        Err(_) => {
            return Err(CredentialsError::provider_error(format!(
                "{what} did not finish in {}",
                seconds(TIMEOUT)
            )))
        }
        Ok(Err(e)) => {
            return Err(CredentialsError::provider_error(format!(
                "{what} could not be started: {e}"
            )))
        }
        Ok(Ok(output)) => output,
    };
    if !output.status.success() {
        return Err(CredentialsError::provider_error(format!(
            "{what} failed ({}): {}",
            output.status,
            body_excerpt(&output.stderr)
        )));
    }
    parse(&output.stdout).map_err(|why| CredentialsError::provider_error(format!("{what}: {why}")))
}

/// The credentials in the command's output.
fn parse(stdout: &[u8]) -> Result<Credentials, String> {
    let printed: Printed = serde_json::from_slice(stdout)
        .map_err(|e| format!("its output is not the credentials JSON: {e}"))?;
    if printed.version != 1 {
        return Err(format!(
            "its output has Version {}; only Version 1 is defined",
            printed.version
        ));
    }
    printed.issued.into_credentials("credential_process")
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Printed {
    version: u32,
    #[serde(flatten)]
    issued: IssuedJson,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_forms() {
        let full = br#"{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","SessionToken":"T","Expiration":"2030-01-01T00:00:00Z"}"#;
        let credentials = parse(full).unwrap();
        assert_eq!(credentials.session_token(), Some("T"));
        assert!(credentials.expiry().is_some());
        assert!(
            parse(br#"{"Version":2,"AccessKeyId":"A","SecretAccessKey":"S"}"#)
                .unwrap_err()
                .contains("Version 2")
        );
        assert!(parse(b"not json")
            .unwrap_err()
            .contains("not the credentials JSON"));
    }
}
