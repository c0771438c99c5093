//! The client-side cases of the official rpcv2Cbor compliance suites, through the generated
//! client: `../shared/smithy-protocol-tests/smithy/rpcv2Cbor` (the protocol's own suite) and
//! `aws/rpcv2Cbor` (AWS query-compatible services over rpcv2Cbor).

use integration_tests::compliance::{run_client, run_server, Skip, Suite};

const SMITHY: Suite = Suite {
    name: "rpcv2Cbor",
    protocol: "rpcv2Cbor",
    folder: "smithy/rpcv2Cbor",
    exclude: &[],
    service: "smithy.protocoltests.rpcv2Cbor#RpcV2Protocol",
};

const AWS: Suite = Suite {
    name: "rpcv2Cbor-aws",
    protocol: "rpcv2Cbor",
    folder: "aws/rpcv2Cbor",
    exclude: &[],
    service: "aws.protocoltests.rpcv2cbor#QueryCompatibleRpcV2Protocol",
};

/// Cases the client does not pass yet, each with the Smithy feature it needs. A listed case
/// that passes, or names no case, fails the test: the list only shrinks.
const SKIPS: &[Skip] = &[];

/// One test, so that the two suites' runners build one after the other.
#[test]
fn rpc_v2_cbor_client_cases() {
    for suite in [&SMITHY, &AWS] {
        if let Some(report) = run_client(suite, SKIPS) {
            report.print_and_check();
        }
    }
}

/// Server cases of `smithy/rpcv2Cbor` the generated router does not pass yet, each with the
/// feature it needs.
const SERVER_SKIPS: &[Skip] = &[];

#[test]
fn rpc_v2_cbor_server_cases() {
    for (suite, skips) in [(&SMITHY, SERVER_SKIPS), (&AWS, AWS_SERVER_SKIPS)] {
        if let Some(report) = run_server(suite, skips) {
            report.print_and_check();
        }
    }
}

/// Server cases of `aws/rpcv2Cbor` the generated router does not pass yet.
const AWS_SERVER_SKIPS: &[Skip] = &[];
