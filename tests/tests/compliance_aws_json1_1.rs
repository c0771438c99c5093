//! The client-side cases of the official `awsJson1_1` compliance suite
//! (`../shared/smithy-protocol-tests/aws/awsJson1_1`), through the generated client.

use integration_tests::compliance::{run_client, Skip, Suite};

const SUITE: Suite = Suite {
    name: "awsJson1_1",
    protocol: "awsJson1_1",
    folder: "aws/awsJson1_1",
    exclude: &[],
    service: "aws.protocoltests.json#JsonProtocol",
};

/// Cases the client does not pass yet, each with the Smithy feature it needs. A listed case
/// that passes, or names no case, fails the test: the list only shrinks.
const SKIPS: &[Skip] = &[
    // Machine Learning's `Predict` takes its host from the `PredictEndpoint` input member: an
    // AWS SDK customization that no Smithy trait models.
    Skip {
        id: "MachinelearningPredictEndpoint",
        reason: "SDK customization: Machine Learning PredictEndpoint host",
    },
];

#[test]
fn aws_json1_1_client_cases() {
    if let Some(report) = run_client(&SUITE, SKIPS) {
        report.print_and_check();
    }
}
