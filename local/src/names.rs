//! [`Names`]: ARNs and ids that look like the real services' ones, in the configured account
//! and region.

/// The account and region resources are created in; makes their ARNs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names {
    account_id: String,
    region: String,
}

impl Names {
    /// Names in account `account_id` (12 digits) and `region` (`us-west-2`).
    pub fn new(account_id: impl Into<String>, region: impl Into<String>) -> Self {
        Names {
            account_id: account_id.into(),
            region: region.into(),
        }
    }

    /// The account id.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// `arn:aws:{service}:{region}:{account}:{resource}`.
    pub fn arn(&self, service: &str, resource: &str) -> String {
        format!(
            "arn:aws:{service}:{}:{}:{resource}",
            self.region, self.account_id
        )
    }

    /// `arn:aws:{service}:{region}::{resource}`: an ARN without an account, as GameLift
    /// game session ids are.
    pub fn arn_without_account(&self, service: &str, resource: &str) -> String {
        format!("arn:aws:{service}:{}::{resource}", self.region)
    }
}

impl Default for Names {
    /// Account `123456789012` in `us-west-2`.
    fn default() -> Self {
        Names::new("123456789012", "us-west-2")
    }
}

/// A new random id, `{prefix}-{uuid}` (`fleet-2ec2aae5-...`), or the bare UUID when `prefix`
/// is empty.
pub fn new_id(prefix: &str) -> String {
    let uuid = uuid::Uuid::new_v4();
    if prefix.is_empty() {
        uuid.to_string()
    } else {
        format!("{prefix}-{uuid}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_carry_the_account_and_region() {
        let names = Names::new("111122223333", "eu-west-1");
        assert_eq!(
            names.arn("gamelift", "fleet/fleet-1"),
            "arn:aws:gamelift:eu-west-1:111122223333:fleet/fleet-1"
        );
        assert_eq!(
            names.arn_without_account("gamelift", "gamesession/fleet-1/gsess-2"),
            "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gsess-2"
        );
        let id = new_id("fleet");
        assert!(
            id.starts_with("fleet-") && id.len() == "fleet-".len() + 36,
            "{id}"
        );
        assert_ne!(new_id(""), new_id(""));
    }
}
