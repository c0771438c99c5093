//! Fleets: `CreateFleet`, `DescribeFleetAttributes`, and the fleet lifecycle.

use gamelift_api::types::{
    CertificateConfiguration, CertificateType, CreateFleetInput, CreateFleetOutput,
    DescribeFleetAttributesInput, DescribeFleetAttributesOutput, FleetAttributes, FleetStatus,
    FleetType, OperatingSystem, ProtectionPolicy,
};

use super::fleet_setup;
use super::instances::{self, Launch};
use super::lifecycle::advance_fleet;
use super::state::{Fleet, State};
use super::{paged_in_order, quotas};
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;

/// The metric group of a fleet created without one.
const DEFAULT_METRIC_GROUP: &str = "default";

/// `CreateFleet`: a new fleet in status `NEW`, with its instance starting.
pub(crate) fn create(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreateFleetInput,
) -> Result<CreateFleetOutput, Fault> {
    let setup = fleet_setup::check(&input)?;
    if state.fleets.len() >= quotas::FLEETS {
        return Err(Fault::LimitExceeded(format!(
            "the account has {} fleets, the most this server allows",
            quotas::FLEETS
        )));
    }
    let fleet_id = new_id("fleet");
    let tls = input
        .certificate_configuration
        .as_ref()
        .is_some_and(|c| c.certificate_type == CertificateType::Generated);
    let instance = instances::start(
        cx,
        Launch {
            fleet_id: &fleet_id,
            instance_type: input.ec2_instance_type.clone(),
            os: setup.os.clone(),
            tls,
        },
    );
    let fleet = Fleet {
        attributes: attributes(cx, &fleet_id, &input, setup.os.clone())?,
        progress: cx.clock.start(),
        runtime: input.runtime_configuration,
        permissions: input.ec2_inbound_permissions.unwrap_or_default(),
        processes: setup.processes,
        instance,
    };
    let fleet_attributes = fleet.attributes.clone();
    state.fleets.insert(fleet_id, fleet);
    Ok(CreateFleetOutput::builder()
        .set_fleet_attributes(Some(fleet_attributes))
        .build())
}

/// The attributes of a new fleet: what the request set, with the documented defaults.
fn attributes(
    cx: &Cx<'_>,
    fleet_id: &str,
    input: &CreateFleetInput,
    os: OperatingSystem,
) -> Result<FleetAttributes, Fault> {
    let metric_groups = match &input.metric_groups {
        Some(groups) if !groups.is_empty() => groups.clone(),
        _ => vec![DEFAULT_METRIC_GROUP.to_owned()],
    };
    let certificate = match input.certificate_configuration.clone() {
        Some(certificate) => certificate,
        None => CertificateConfiguration::builder()
            .certificate_type(CertificateType::Disabled)
            .build()?,
    };
    Ok(FleetAttributes::builder()
        .fleet_id(fleet_id)
        .fleet_arn(cx.names.arn("gamelift", &format!("fleet/{fleet_id}")))
        .fleet_type(input.fleet_type.clone().unwrap_or(FleetType::OnDemand))
        .instance_type(input.ec2_instance_type.clone())
        .set_description(input.description.clone())
        .name(input.name.clone())
        .creation_time(cx.timestamp())
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
        .set_metric_groups(Some(metric_groups))
        .set_instance_role_arn(input.instance_role_arn.clone())
        .certificate_configuration(certificate)
        .build())
}

/// The id in a build or script reference, which may be its ARN (`arn:…:build/build-1`).
fn resource_id(reference: &str) -> String {
    reference
        .rsplit_once('/')
        .map_or(reference, |(_, id)| id)
        .to_owned()
}

/// `DescribeFleetAttributes`: the fleets asked for that exist (paging is ignored then, as
/// documented), or one page of all fleets; each fleet returned is moved one read on.
pub(crate) fn describe(
    state: &mut State,
    cx: &Cx<'_>,
    input: DescribeFleetAttributesInput,
) -> Result<DescribeFleetAttributesOutput, Fault> {
    let (ids, next_token) = match input.fleet_ids {
        Some(references) => {
            let mut ids: Vec<String> = Vec::new();
            for id in references.iter().filter_map(|r| state.fleet_id(r)) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            (ids, None)
        }
        None => {
            let all = state
                .fleets
                .in_order()
                .map(|(seq, id, _)| (seq, id.to_owned()))
                .collect();
            let token = input.next_token.as_deref();
            let page = paged_in_order(cx, all, "fleets", input.limit, token)?;
            (page.items, page.next_token)
        }
    };
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(fleet) = state.fleets.get_mut(&id) {
            advance_fleet(fleet, cx.clock);
            found.push(fleet.attributes.clone());
        }
    }
    Ok(DescribeFleetAttributesOutput::builder()
        .set_fleet_attributes(Some(found))
        .set_next_token(next_token)
        .build())
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
