//! The client-side cases of the official `restJson1` compliance suite
//! (`../shared/smithy-protocol-tests/aws/restJson1`), through the generated client.

use integration_tests::compliance::{run_client, Skip, Suite};

const SUITE: Suite = Suite {
    name: "restJson1",
    protocol: "restJson1",
    folder: "aws/restJson1",
    exclude: &[],
    service: "aws.protocoltests.restjson#RestJson",
};

/// Cases the client does not pass yet, each with the Smithy feature it needs. A listed case
/// that passes, or names no case, fails the test: the list only shrinks.
const SKIPS: &[Skip] = &[
    // The API Gateway and Glacier services of the suite test AWS SDK customizations of those
    // two services, which no Smithy trait models: a fixed `Accept` header (API Gateway), the
    // `x-amz-glacier-version` header, SHA-256 tree-hash checksum headers and the `-` default
    // account id (Glacier).
    Skip {
        id: "ApiGatewayAccept",
        reason: "SDK customization: API Gateway Accept header",
    },
    Skip {
        id: "GlacierVersionHeader",
        reason: "SDK customization: Glacier version header",
    },
    Skip {
        id: "GlacierChecksums",
        reason: "SDK customization: Glacier tree-hash checksums",
    },
    Skip {
        id: "GlacierMultipartChecksums",
        reason: "SDK customization: Glacier tree-hash checksums",
    },
    Skip {
        id: "GlacierAccountId",
        reason: "SDK customization: Glacier default account id",
    },
];

#[test]
fn rest_json1_client_cases() {
    if let Some(report) = run_client(&SUITE, SKIPS) {
        report.print_and_check();
    }
}
