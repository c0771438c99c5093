//! The semantic checks of a `CreateFleet` request (the router has checked the model's
//! constraints), and what they tell about the fleet: its operating system and how many server
//! processes its instance runs.

use gamelift_api::types::{CreateFleetInput, IpPermission, OperatingSystem};

use crate::fault::Fault;

/// Where builds and scripts are installed on Linux instances.
const LINUX_ROOT: &str = "/local/game/";
/// Where builds are installed on Windows instances (custom game builds only).
const WINDOWS_ROOT: &str = "c:\\game\\";

/// What a valid `CreateFleet` request sets up.
#[derive(Debug, PartialEq)]
pub(crate) struct Setup {
    /// The operating system of the instances, from the install root of the launch paths.
    pub(crate) os: OperatingSystem,
    /// The number of server processes on each instance.
    pub(crate) processes: usize,
}

/// Checks `input` and says what it sets up.
pub(crate) fn check(input: &CreateFleetInput) -> Result<Setup, Fault> {
    let realtime = content(input)?;
    peering(input)?;
    for permission in input.ec2_inbound_permissions.iter().flatten() {
        inbound(permission)?;
    }
    let launches = launches(input)?;
    let os = operating_system(&launches, realtime)?;
    let processes = launches
        .iter()
        .map(|(_, count)| usize::try_from(*count).unwrap_or(0))
        .sum();
    Ok(Setup { os, processes })
}

/// One of `BuildId` and `ScriptId`; whether it is a Realtime script.
fn content(input: &CreateFleetInput) -> Result<bool, Fault> {
    match (&input.build_id, &input.script_id) {
        (Some(_), None) => Ok(false),
        (None, Some(_)) => Ok(true),
        (Some(_), Some(_)) => Err(Fault::InvalidRequest(
            "specify either a BuildId (a custom game build) or a ScriptId (a Realtime script), \
             not both"
                .into(),
        )),
        (None, None) => Err(Fault::InvalidRequest(
            "a fleet needs the game server to deploy: specify a BuildId or a ScriptId".into(),
        )),
    }
}

/// `PeerVpcAwsAccountId` and `PeerVpcId` come together.
fn peering(input: &CreateFleetInput) -> Result<(), Fault> {
    if input.peer_vpc_aws_account_id.is_some() != input.peer_vpc_id.is_some() {
        return Err(Fault::InvalidRequest(
            "VPC peering needs both PeerVpcAwsAccountId and PeerVpcId".into(),
        ));
    }
    Ok(())
}

/// A port range that is not reversed, over an IPv4 range in CIDR notation.
fn inbound(permission: &IpPermission) -> Result<(), Fault> {
    if permission.to_port < permission.from_port {
        return Err(Fault::InvalidRequest(format!(
            "EC2InboundPermissions: ToPort {} is below FromPort {}",
            permission.to_port, permission.from_port
        )));
    }
    if !is_cidr(&permission.ip_range) {
        return Err(Fault::InvalidRequest(format!(
            "EC2InboundPermissions: IpRange `{}` is not in CIDR notation (such as 0.0.0.0/0)",
            permission.ip_range
        )));
    }
    Ok(())
}

/// `a.b.c.d/n`: four numbers up to 255 and a mask up to 32.
fn is_cidr(range: &str) -> bool {
    let Some((address, mask)) = range.split_once('/') else {
        return false;
    };
    let number = |text: &str, max: u32| {
        !text.is_empty()
            && text.len() <= 3
            && text.bytes().all(|b| b.is_ascii_digit())
            && text.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let octets: Vec<&str> = address.split('.').collect();
    octets.len() == 4 && octets.iter().all(|o| number(o, 255)) && number(mask, 32)
}

/// The launch paths and how many processes each runs: the runtime configuration's server
/// processes, or the legacy `ServerLaunchPath` (one process).
fn launches(input: &CreateFleetInput) -> Result<Vec<(&str, i32)>, Fault> {
    let configured = input
        .runtime_configuration
        .as_ref()
        .and_then(|runtime| runtime.server_processes.as_ref());
    match (configured, &input.server_launch_path) {
        (Some(processes), None) if !processes.is_empty() => Ok(processes
            .iter()
            .map(|p| (p.launch_path.as_str(), p.concurrent_executions))
            .collect()),
        (None, Some(path)) if input.runtime_configuration.is_none() => Ok(vec![(path, 1)]),
        (_, Some(_)) => Err(Fault::InvalidRequest(
            "specify the server processes in RuntimeConfiguration or with the legacy \
             ServerLaunchPath, not both"
                .into(),
        )),
        _ => Err(Fault::InvalidRequest(
            "a CreateFleet request must include a RuntimeConfiguration with at least one \
             server process"
                .into(),
        )),
    }
}

/// The one operating system all launch paths are installed for.
fn operating_system(launches: &[(&str, i32)], realtime: bool) -> Result<OperatingSystem, Fault> {
    let mut systems = launches.iter().map(|(path, _)| install_root(path));
    let first = systems.next().unwrap_or(Ok(OperatingSystem::AmazonLinux))?;
    for other in systems {
        if other? != first {
            return Err(Fault::InvalidRequest(
                "the launch paths mix Windows (C:\\game\\) and Linux (/local/game/) install \
                 roots; a fleet runs one operating system"
                    .into(),
            ));
        }
    }
    if realtime && first != OperatingSystem::AmazonLinux {
        return Err(Fault::InvalidRequest(
            "Realtime scripts run on Linux: their launch path is under /local/game/".into(),
        ));
    }
    Ok(first)
}

/// The operating system whose install root `path` is under.
fn install_root(path: &str) -> Result<OperatingSystem, Fault> {
    if path.starts_with(LINUX_ROOT) {
        Ok(OperatingSystem::AmazonLinux)
    } else if path.to_ascii_lowercase().starts_with(WINDOWS_ROOT) {
        Ok(OperatingSystem::Windows2012)
    } else {
        Err(Fault::InvalidRequest(format!(
            "the launch path `{path}` is not under an install root: C:\\game\\ on Windows, \
             /local/game/ on Linux"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_ranges() {
        assert!(is_cidr("0.0.0.0/0"));
        assert!(is_cidr("10.1.2.3/32"));
        assert!(!is_cidr("10.1.2.3"));
        assert!(!is_cidr("10.1.2.256/8"));
        assert!(!is_cidr("10.1.2/8"));
        assert!(!is_cidr("10.1.2.3/33"));
    }

    #[test]
    fn install_roots_give_the_operating_system() {
        assert_eq!(
            install_root("/local/game/server"),
            Ok(OperatingSystem::AmazonLinux)
        );
        assert_eq!(
            install_root("C:\\game\\MyGame\\server.exe"),
            Ok(OperatingSystem::Windows2012)
        );
        assert!(install_root("/opt/server").is_err());
    }
}
