//! A fleet's instance: its id and addresses, the ports of its server processes, and
//! `DescribeInstances`.

use gamelift_api::types::{
    DescribeInstancesInput, DescribeInstancesOutput, EC2InstanceType, Instance, InstanceStatus,
    IpPermission, OperatingSystem,
};

use super::state::State;
use crate::fault::Fault;
use crate::service::Cx;

/// The port of the first server process on a fleet without inbound permissions.
const DEFAULT_PORT: i32 = 7777;

/// What a new fleet's instance is made of.
pub(crate) struct Launch<'a> {
    pub(crate) fleet_id: &'a str,
    pub(crate) instance_type: EC2InstanceType,
    pub(crate) os: OperatingSystem,
    /// Whether the fleet generates a TLS certificate (its DNS name is then GameLift's).
    pub(crate) tls: bool,
}

/// The instance a new fleet starts: `PENDING`, with a public IP address and its DNS name.
pub(crate) fn start(cx: &Cx<'_>, launch: Launch<'_>) -> Instance {
    let random = uuid::Uuid::new_v4();
    let bytes = random.as_bytes();
    let instance_id = format!("i-{}", &random.simple().to_string()[..17]);
    let ip = format!("54.{}.{}.{}", bytes[0], bytes[1], 1 + bytes[2] % 254);
    let region = cx.names.region();
    let dns = if launch.tls {
        format!("{}.{region}.amazongamelift.com", &instance_id[2..])
    } else {
        format!(
            "ec2-{}.{region}.compute.amazonaws.com",
            ip.replace('.', "-")
        )
    };
    Instance::builder()
        .fleet_id(launch.fleet_id)
        .instance_id(instance_id)
        .ip_address(ip)
        .dns_name(dns)
        .operating_system(launch.os)
        .r#type(launch.instance_type)
        .status(InstanceStatus::Pending)
        .creation_time(cx.timestamp())
        .build()
}

/// The port server process `slot` listens on: `slot` ports past the start of the first
/// inbound permission's range (wrapped into it), or past 7777 without permissions.
pub(crate) fn port(permissions: &[IpPermission], slot: usize) -> i32 {
    let Some(range) = permissions.first() else {
        return DEFAULT_PORT.saturating_add(i32::try_from(slot).unwrap_or(i32::MAX));
    };
    // In i64: a loaded state may hold any two ports, whose difference overflows an i32.
    let width = i64::from(range.to_port) - i64::from(range.from_port) + 1;
    let width = usize::try_from(width).unwrap_or(1).max(1);
    let offset = i64::try_from(slot % width).unwrap_or(0);
    i32::try_from(i64::from(range.from_port) + offset).unwrap_or(range.from_port)
}

/// `DescribeInstances`: the fleet's instances, or the one named.
pub(crate) fn describe(
    state: &State,
    cx: &Cx<'_>,
    input: DescribeInstancesInput,
) -> Result<DescribeInstancesOutput, Fault> {
    let fleet = state
        .fleet(&input.fleet_id)
        .ok_or_else(|| Fault::NotFound(format!("no fleet {} exists", input.fleet_id)))?;
    let instances: Vec<Instance> = match &input.instance_id {
        None => vec![fleet.instance.clone()],
        Some(id) if fleet.instance.instance_id.as_deref() == Some(id) => {
            vec![fleet.instance.clone()]
        }
        Some(id) => {
            return Err(Fault::NotFound(format!(
                "fleet {} has no instance {id}",
                fleet.id()
            )))
        }
    };
    let page = cx.page(
        instances,
        "instances",
        input.limit,
        input.next_token.as_deref(),
    )?;
    Ok(DescribeInstancesOutput::builder()
        .set_instances(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gamelift_api::types::IpProtocol;

    fn range(from_port: i32, to_port: i32) -> IpPermission {
        IpPermission::builder()
            .from_port(from_port)
            .to_port(to_port)
            .ip_range("0.0.0.0/0")
            .protocol(IpProtocol::Udp)
            .build()
            .expect("every required member is set")
    }

    #[test]
    fn ports_stay_in_the_first_range() {
        assert_eq!(port(&[], 0), 7777);
        assert_eq!(port(&[], 3), 7780);
        let ranges = [range(33430, 33432), range(1, 2)];
        assert_eq!(port(&ranges, 0), 33430);
        assert_eq!(port(&ranges, 2), 33432);
        assert_eq!(port(&ranges, 3), 33430);
    }
}
