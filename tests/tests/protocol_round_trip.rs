//! Every documented operation, through every protocol its service lists, both ways through
//! the protocol seam: the client writes the request and the server reads it back; the server
//! writes the response and the client reads it back. Inputs and outputs are the fully
//! populated samples of `wire_forms.rs`, built from the model independently of the generator.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use integration_tests::project::ProjectModel;
use smithy_runtime::protocol::Slot;
use smithy_runtime::{Operation, OperationVisitor};

struct RoundTrips {
    project: ProjectModel,
    /// `(protocol, operation)` of each round trip made.
    done: Vec<(&'static str, &'static str)>,
}

impl OperationVisitor for RoundTrips {
    fn visit<O: Operation>(&mut self) {
        let (input, output) = self.project.sample_io(O::NAME).unwrap();
        let input: O::Input = serde_json::from_value(input).unwrap();
        let output: O::Output = serde_json::from_value(output).unwrap();
        let endpoint = "https://example.com".parse().unwrap();
        for protocol in O::SERVICE.protocols {
            let what = format!("{} over {}", O::NAME, protocol.name());
            let request = protocol
                .write_request(O::SERVICE, O::SPEC, &input, Some("token"), &endpoint)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            let mut read = Slot::<O::Input>::new();
            protocol
                .read_request(O::SERVICE, O::SPEC, &request, &mut read)
                .unwrap_or_else(|e| panic!("{what}: the request does not read back: {e}"));
            assert_eq!(read.take().as_ref(), Some(&input), "{what}: request");

            let response = protocol.write_response(O::SERVICE, O::SPEC, &output);
            assert!(response.status().is_success(), "{what}: {response:?}");
            let mut read = Slot::<O::Output>::new();
            protocol
                .read_response(O::SERVICE, O::SPEC, &response, &mut read)
                .unwrap_or_else(|e| panic!("{what}: the response does not read back: {e}"));
            assert_eq!(read.take().as_ref(), Some(&output), "{what}: response");
            self.done.push((protocol.name(), O::NAME));
        }
    }
}

fn round_trips(file: &str, visit: fn(&mut RoundTrips)) -> Vec<(&'static str, &'static str)> {
    let mut trips = RoundTrips {
        project: ProjectModel::load(file).unwrap(),
        done: Vec::new(),
    };
    visit(&mut trips);
    trips.done
}

#[test]
fn gamelift_operations_round_trip_over_aws_json_and_cbor() {
    let done = round_trips("gamelift.json", gamelift::operation::visit_all);
    let count = |name| done.iter().filter(|(p, _)| *p == name).count();
    assert_eq!((count("awsJson1_1"), count("rpcv2Cbor")), (17, 17));
}

#[test]
fn gamesparks_operations_round_trip_over_rest_json() {
    let done = round_trips("gamesparks.json", gamesparks::operation::visit_all);
    assert_eq!(done.len(), 33);
    assert!(done.iter().all(|(p, _)| *p == "restJson1"));
}
