//! `models/<service>.constraints.json` carries the official models' constraint facts
//! (`@length`, `@range`, `@pattern`) for the project's members, so that the generated server
//! rejects what the live service rejects: for every structure member the project's model and
//! the official one (`../shared/aws-models`) share, the constraints in force (the member's, else
//! its target's) must be the same, and every pattern must compile.
//!
//! `models/gamelift.enums.json` likewise carries the values the official model gives the
//! documented enums (505 instance types where the documentation lists 34), so that the
//! server accepts what the live service accepts: every enum of the project's model must have
//! exactly the official values.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use codegen::model::{EnumValue, Member, Model, ShapeKind, Source, Traits};
use integration_tests::project::ProjectModel;

/// The constraints in force on `member`: its own traits, else its target's.
fn effective(model: &Model, member: &Member) -> (String, String, String) {
    let target = model.shape(&member.target).map(|s| &s.traits);
    let pick = |f: fn(&Traits) -> Option<String>| {
        f(&member.traits)
            .or_else(|| target.and_then(f))
            .unwrap_or_default()
    };
    (
        pick(|t| {
            t.length
                .as_ref()
                .map(|l| format!("{:?}..{:?}", l.min, l.max))
        }),
        pick(|t| {
            t.range
                .as_ref()
                .map(|r| format!("{:?}..{:?}", r.min, r.max))
        }),
        pick(|t| t.pattern.clone()),
    )
}

fn members(model: &Model, id: &codegen::model::ShapeId) -> Vec<Member> {
    match model.shape(id).map(|s| &s.kind) {
        Some(ShapeKind::Structure(m) | ShapeKind::Union(m)) => m.clone(),
        Some(ShapeKind::List(m)) => vec![m.clone()],
        _ => Vec::new(),
    }
}

/// The project's model `file` with its overlays, and the official one; `None` (after a
/// notice) where `../shared` is absent.
fn models(file: &str) -> Option<(Model, Model)> {
    let shared = integration_tests::shared::shared_dir_for(file, "aws-models")?;
    let ours = ProjectModel::load(file).unwrap().model;
    let path = shared.join(file);
    let official = codegen::model::load(&[Source::new(
        path.display().to_string(),
        std::fs::read_to_string(&path).unwrap(),
    )])
    .unwrap();
    Some((ours, official))
}

fn check(file: &str) -> (usize, usize) {
    let Some((ours, official)) = models(file) else {
        return (0, 0);
    };
    let (mut compared, mut constrained) = (0, 0);
    let mut differences = Vec::new();
    for shape in ours.shapes() {
        let theirs = members(&official, &shape.id);
        for member in members(&ours, &shape.id) {
            let Some(other) = theirs.iter().find(|m| m.name == member.name) else {
                continue;
            };
            compared += 1;
            let (want, got) = (effective(&official, other), effective(&ours, &member));
            if want != (String::new(), String::new(), String::new()) {
                constrained += 1;
            }
            if want != got {
                differences.push(format!(
                    "{}${}: official {want:?}, ours {got:?}",
                    shape.id, member.name
                ));
            }
            if !got.2.is_empty() {
                assert!(
                    smithy_runtime::validate::compiles(&got.2),
                    "{}${}: pattern {} does not compile",
                    shape.id,
                    member.name,
                    got.2
                );
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{file}:\n{}",
        differences.join("\n")
    );
    (compared, constrained)
}

#[test]
fn gamelift_constraints_agree_with_the_official_model() {
    let (compared, constrained) = check("gamelift.json");
    println!("gamelift: {compared} members compared, {constrained} constrained");
    assert!(compared == 0 || constrained > 100, "{constrained}");
}

#[test]
fn gamesparks_constraints_agree_with_the_official_model() {
    let (compared, constrained) = check("gamesparks.json");
    println!("gamesparks: {compared} members compared, {constrained} constrained");
    assert!(compared == 0 || constrained > 100, "{constrained}");
}

/// The string values of an enum shape.
fn enum_values(model: &Model, id: &codegen::model::ShapeId) -> Option<BTreeSet<String>> {
    match &model.shape(id)?.kind {
        ShapeKind::Enum(members) => Some(
            members
                .iter()
                .filter_map(|m| match &m.value {
                    EnumValue::String(s) => Some(s.clone()),
                    EnumValue::Int(_) => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Every enum of the project's model `file` has the official model's values: the number of
/// enums compared, and how many values they hold.
fn check_enums(file: &str) -> (usize, usize) {
    let Some((ours, official)) = models(file) else {
        return (0, 0);
    };
    let (mut compared, mut values) = (0, 0);
    let mut differences = Vec::new();
    for shape in ours.shapes() {
        let (Some(mine), Some(theirs)) = (
            enum_values(&ours, &shape.id),
            enum_values(&official, &shape.id),
        ) else {
            continue;
        };
        compared += 1;
        values += mine.len();
        let missing: Vec<&String> = theirs.difference(&mine).collect();
        let extra: Vec<&String> = mine.difference(&theirs).collect();
        if !missing.is_empty() || !extra.is_empty() {
            differences.push(format!(
                "{}: missing {missing:?}, not official {extra:?}",
                shape.id
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{file}:\n{}",
        differences.join("\n")
    );
    (compared, values)
}

#[test]
fn gamelift_enum_values_agree_with_the_official_model() {
    let (compared, values) = check_enums("gamelift.json");
    println!("gamelift: {compared} enums compared, {values} values");
    assert!(compared == 0 || values > 500, "{values}");
}

#[test]
fn gamesparks_enum_values_agree_with_the_official_model() {
    let (compared, values) = check_enums("gamesparks.json");
    println!("gamesparks: {compared} enums compared, {values} values");
}

/// Whether `member`'s value is `@sensitive` (the trait goes on shapes: its target's, or, for
/// the members of a list, the list's own).
fn sensitive(model: &Model, member: &Member) -> bool {
    model
        .shape(&member.target)
        .is_some_and(|target| target.traits.sensitive)
}

/// `models/<service>.sensitive.json` marks what the official model marks: every member the
/// two models share is sensitive in both or in neither. Returns the members compared and the
/// sensitive ones.
fn check_sensitive(file: &str) -> (usize, usize) {
    let Some((ours, official)) = models(file) else {
        return (0, 0);
    };
    let (mut compared, mut marked) = (0, 0);
    let mut differences = Vec::new();
    for shape in ours.shapes() {
        let theirs = members(&official, &shape.id);
        for member in members(&ours, &shape.id) {
            let Some(other) = theirs.iter().find(|m| m.name == member.name) else {
                continue;
            };
            compared += 1;
            let (want, got) = (sensitive(&official, other), sensitive(&ours, &member));
            marked += usize::from(want);
            if want != got {
                differences.push(format!(
                    "{}${}: official {}, ours {}",
                    shape.id,
                    member.name,
                    if want { "sensitive" } else { "not sensitive" },
                    if got { "sensitive" } else { "not sensitive" },
                ));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{file}:\n{}",
        differences.join("\n")
    );
    (compared, marked)
}

#[test]
fn sensitive_members_agree_with_the_official_models() {
    let (compared, marked) = check_sensitive("gamelift.json");
    println!("gamelift: {compared} members compared, {marked} sensitive");
    assert!(compared == 0 || marked >= 20, "{marked}");
    let (compared, marked) = check_sensitive("gamesparks.json");
    println!("gamesparks: {compared} members compared, {marked} sensitive");
}
