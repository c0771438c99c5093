//! Fleets: `CreateFleet`, `DescribeFleetAttributes`, and the fleet lifecycle.

use gamelift_api::types::{
    CertificateConfiguration, CertificateType, CreateFleetInput, CreateFleetOutput,
    DescribeFleetAttributesInput, DescribeFleetAttributesOutput, FleetAttributes, FleetStatus,
    FleetType, InstanceStatus, OperatingSystem, ProtectionPolicy,
};

use super::fault::Fault;
use super::fleet_setup;
use super::instances::{self, Launch};
use super::state::{Fleet, State};
use super::{paged, Ctx};
use crate::names::new_id;

/// The statuses a new fleet goes through, in order; the last is final.
const LIFECYCLE: [FleetStatus; 6] = [
    FleetStatus::New,
    FleetStatus::Downloading,
    FleetStatus::Validating,
    FleetStatus::Building,
    FleetStatus::Activating,
    FleetStatus::Active,
];
const ACTIVE: usize = LIFECYCLE.len() - 1;

/// The metric group of a fleet created without one.
const DEFAULT_METRIC_GROUP: &str = "default";

/// `CreateFleet`: a new fleet in status `NEW`, with its instance starting.
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: CreateFleetInput,
) -> Result<CreateFleetOutput, Fault> {
    let setup = fleet_setup::check(&input)?;
    let fleet_id = new_id("fleet");
    let tls = input
        .certificate_configuration
        .as_ref()
        .is_some_and(|c| c.certificate_type == CertificateType::Generated);
    let instance = instances::start(
        ctx,
        Launch {
            fleet_id: &fleet_id,
            instance_type: input.ec2_instance_type.clone(),
            os: setup.os.clone(),
            tls,
        },
    );
    let fleet = Fleet {
        attributes: attributes(ctx, &fleet_id, &input, setup.os.clone()),
        progress: ctx.clock.start(),
        runtime: input.runtime_configuration,
        permissions: input.ec2_inbound_permissions.unwrap_or_default(),
        processes: setup.processes,
        instance,
    };
    let fleet_attributes = fleet.attributes.clone();
    state.fleets.push(fleet);
    Ok(CreateFleetOutput {
        fleet_attributes: Some(fleet_attributes),
    })
}

/// The attributes of a new fleet: what the request set, with the documented defaults.
fn attributes(
    ctx: &Ctx<'_>,
    fleet_id: &str,
    input: &CreateFleetInput,
    os: OperatingSystem,
) -> FleetAttributes {
    let metric_groups = match &input.metric_groups {
        Some(groups) if !groups.is_empty() => groups.clone(),
        _ => vec![DEFAULT_METRIC_GROUP.to_owned()],
    };
    let certificate = input
        .certificate_configuration
        .clone()
        .unwrap_or(CertificateConfiguration {
            certificate_type: CertificateType::Disabled,
        });
    FleetAttributes::builder()
        .fleet_id(fleet_id)
        .fleet_arn(ctx.names.arn("gamelift", &format!("fleet/{fleet_id}")))
        .fleet_type(input.fleet_type.clone().unwrap_or(FleetType::OnDemand))
        .instance_type(input.ec2_instance_type.clone())
        .set_description(input.description.clone())
        .name(input.name.clone())
        .creation_time(ctx.timestamp())
        .status(FleetStatus::New)
        .set_build_id(input.build_id.as_deref().map(resource_id))
        .set_script_id(input.script_id.as_deref().map(resource_id))
        .set_server_launch_path(input.server_launch_path.clone())
        .set_server_launch_parameters(input.server_launch_parameters.clone())
        .set_log_paths(input.log_paths.clone())
        .new_game_session_protection_policy(
            input
                .new_game_session_protection_policy
                .clone()
                .unwrap_or(ProtectionPolicy::NoProtection),
        )
        .operating_system(os)
        .set_resource_creation_limit_policy(input.resource_creation_limit_policy.clone())
        .metric_groups(metric_groups)
        .set_instance_role_arn(input.instance_role_arn.clone())
        .certificate_configuration(certificate)
        .build()
}

/// The id in a build or script reference, which may be its ARN (`arn:…:build/build-1`).
fn resource_id(reference: &str) -> String {
    reference
        .rsplit_once('/')
        .map_or(reference, |(_, id)| id)
        .to_owned()
}

/// Moves the fleet one read on through its lifecycle; its instance is `ACTIVE` with it.
pub(crate) fn advance(fleet: &mut Fleet, ctx: &Ctx<'_>) {
    let step = ctx.clock.advance(&mut fleet.progress, ACTIVE);
    let status = LIFECYCLE.get(step).cloned().unwrap_or(FleetStatus::Active);
    fleet.instance.status = Some(if status == FleetStatus::Active {
        InstanceStatus::Active
    } else {
        InstanceStatus::Pending
    });
    fleet.attributes.status = Some(status);
}

/// `DescribeFleetAttributes`: the fleets asked for that exist (paging is ignored then, as
/// documented), or one page of all fleets.
pub(crate) fn describe(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: DescribeFleetAttributesInput,
) -> Result<DescribeFleetAttributesOutput, Fault> {
    let Some(ids) = input.fleet_ids else {
        for fleet in &mut state.fleets {
            advance(fleet, ctx);
        }
        let all = state.fleets.iter().map(|f| f.attributes.clone()).collect();
        let page = paged(all, "fleets", input.limit, input.next_token.as_deref())?;
        return Ok(DescribeFleetAttributesOutput {
            fleet_attributes: Some(page.items),
            next_token: page.next_token,
        });
    };
    let mut positions: Vec<usize> = Vec::new();
    for position in ids.iter().filter_map(|id| state.fleet_position(id)) {
        if !positions.contains(&position) {
            positions.push(position);
        }
    }
    let mut found = Vec::with_capacity(positions.len());
    for position in positions {
        if let Some(fleet) = state.fleets.get_mut(position) {
            advance(fleet, ctx);
            found.push(fleet.attributes.clone());
        }
    }
    Ok(DescribeFleetAttributesOutput {
        fleet_attributes: Some(found),
        next_token: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_give_their_ids() {
        assert_eq!(resource_id("build-1234"), "build-1234");
        assert_eq!(
            resource_id("arn:aws:gamelift:us-west-2:123456789012:build/build-1234"),
            "build-1234"
        );
    }
}
