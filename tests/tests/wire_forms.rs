//! The JSON wire form of every operation's input and output, fully populated.
//!
//! For each operation of both services, a sample value with every member set is built from the
//! model (independently of the generator), deserialized into the generated input or output
//! type, serialized again, and required to come back unchanged. The result is snapshotted, so
//! a model update shows up as a reviewable diff of the documented shapes.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use integration_tests::project::ProjectModel;
use serde_json::{json, Value};
use smithy_runtime::{Operation, OperationVisitor};

struct WireForms {
    service: &'static str,
    project: ProjectModel,
    visited: Vec<&'static str>,
}

/// Deserializes `sample` as `T` and serializes it again; the JSON must survive unchanged.
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(
    what: &str,
    sample: &Value,
) -> Value {
    let value: T = serde_json::from_value(sample.clone())
        .unwrap_or_else(|e| panic!("{what}: {e}\n{sample:#}"));
    let back = serde_json::to_value(&value).unwrap();
    assert_eq!(
        &back, sample,
        "{what}: the generated type changed the wire form"
    );
    back
}

impl OperationVisitor for WireForms {
    fn visit<O: Operation>(&mut self) {
        let (input, output) = self.project.sample_io(O::NAME).unwrap();
        let input = round_trip::<O::Input>(&format!("{} input", O::NAME), &input);
        let output = round_trip::<O::Output>(&format!("{} output", O::NAME), &output);
        let form = json!({ "input": input, "output": output });
        insta::assert_snapshot!(
            format!("{}__{}", self.service, O::NAME),
            serde_json::to_string_pretty(&form).unwrap()
        );
        self.visited.push(O::NAME);
    }
}

fn check(service: &'static str, file: &str, visit: fn(&mut WireForms)) -> usize {
    let mut forms = WireForms {
        service,
        project: ProjectModel::load(file).unwrap(),
        visited: Vec::new(),
    };
    visit(&mut forms);
    forms.visited.len()
}

#[test]
fn gamelift_operations_keep_their_wire_form() {
    let n = check("gamelift", "gamelift.json", gamelift::operation::visit_all);
    assert_eq!(n, 17);
}

#[test]
fn gamesparks_operations_keep_their_wire_form() {
    let n = check(
        "gamesparks",
        "gamesparks.json",
        gamesparks::operation::visit_all,
    );
    assert_eq!(n, 33);
}
