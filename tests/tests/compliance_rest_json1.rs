//! The client-side cases of the official `restJson1` compliance suite
//! (`../shared/smithy-protocol-tests/aws/restJson1`), through the generated client.

use integration_tests::compliance::{run_client, Skip, Suite};

const SUITE: Suite = Suite {
    protocol: "restJson1",
    folder: "aws/restJson1",
    exclude: &["validation"],
    service: "aws.protocoltests.restjson#RestJson",
};

/// Cases the client does not pass yet, each with the Smithy feature it needs. A listed case
/// that passes, or names no case, fails the test: the list only shrinks.
const SKIPS: &[Skip] = &[];

#[test]
fn rest_json1_client_cases() {
    if let Some(report) = run_client(&SUITE, SKIPS) {
        report.print_and_check();
    }
}
