//! Helpers shared by the IDL test crates (`idl.rs`, `idl_errors.rs`, `idl_corpus.rs`); each
//! uses a part of them.
#![allow(dead_code)]

use codegen::model::{self, Model, Source};

pub fn load(sources: &[Source]) -> Model {
    model::load(sources).unwrap_or_else(|e| panic!("should load:\n{e}"))
}

/// Every error of a one-file IDL model, as one report.
pub fn errors(idl: &str) -> String {
    model::load(&[Source::new("t.smithy", idl)])
        .expect_err("should not load")
        .to_string()
}
