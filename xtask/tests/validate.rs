//! `cargo xtask validate` end to end: the real binary on the project's and the official models.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod common;

#[path = "../../tests/src/shared.rs"]
mod shared;

use common::{repo, xtask};

#[test]
fn accepts_the_project_models_with_a_line_per_service() {
    let (ok, out) = xtask(&["validate"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("com.amazonaws.gamelift#GameLift: ")
            && out.contains(", 17 operations, 0 resources"),
        "{out}"
    );
    assert!(
        out.contains("com.amazonaws.gamesparks#GameSparks: ")
            && out.contains(", 33 operations, 0 resources"),
        "{out}"
    );
    assert!(out.contains("validated 2 models in "), "{out}");
}

#[test]
fn accepts_all_eight_official_models() {
    let Some(shared) = shared::shared_dir_for("accepts_all_eight_official_models", "aws-models")
    else {
        return;
    };
    let (ok, out) = xtask(&["validate", shared.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ok ")).count(),
        8,
        "{out}"
    );
    assert!(
        out.contains("com.amazonaws.gamelift#GameLift: ") && out.contains("118 operations"),
        "{out}"
    );
}

#[test]
fn rejects_a_dangling_target_naming_shape_and_target() {
    let (ok, out) = xtask(&["validate", "models/fixtures/invalid/dangling_target.json"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("example.bad#Game$name: targets unknown shape `example.bad#GameNme` (did you mean `example.bad#GameName`?)"),
        "{out}"
    );
    assert!(out.contains("0 ok, 1 failed"), "{out}");
}

#[test]
fn loads_overlays_with_their_base_model() {
    let (ok, out) = xtask(&["validate", "models/fixtures/loader/merge"]);
    // `base.json` and `overlay.json` are two separate base models here (no `base.*.json`), and
    // `overlay.json` alone applies traits to shapes it does not define.
    assert!(!ok, "{out}");
    let dir = std::env::temp_dir().join(format!("xtask-overlay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = repo().join("models/fixtures/loader/merge");
    std::fs::copy(fixtures.join("base.json"), dir.join("thing.json")).unwrap();
    std::fs::copy(
        fixtures.join("overlay.json"),
        dir.join("thing.waiters.json"),
    )
    .unwrap();
    let (ok, out) = xtask(&["validate", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(ok, "{out}");
    assert!(out.contains("validated 1 model in "), "{out}");
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let (ok, out) = xtask(&["validate", "no/such/model.json"]);
    assert!(!ok);
    assert!(out.contains("no/such/model.json does not exist"), "{out}");
}

#[test]
fn a_model_named_on_the_command_line_is_a_model_whatever_its_dots() {
    let dir = std::env::temp_dir().join(format!("xtask-dotted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = repo().join("models/fixtures/loader/merge");
    std::fs::copy(fixtures.join("base.json"), dir.join("maps-2.0.json")).unwrap();
    std::fs::copy(
        fixtures.join("overlay.json"),
        dir.join("maps-2.0.waiters.json"),
    )
    .unwrap();
    let model = dir.join("maps-2.0.json");
    let (ok, out) = xtask(&["validate", model.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert!(out.contains("validated 1 model in "), "{out}");
    // Naming the overlay as well changes nothing: it still belongs to its model.
    let overlay = dir.join("maps-2.0.waiters.json");
    let (ok, out) = xtask(&[
        "validate",
        model.to_str().unwrap(),
        overlay.to_str().unwrap(),
    ]);
    assert!(ok && out.contains("validated 1 model in "), "{out}");
    // Scanning the directory, the overlay convention applies to the first dot.
    let (ok, out) = xtask(&["validate", dir.to_str().unwrap()]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("has no base model maps-2.json beside it; name a model file explicitly"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
