//! `GetGameConfiguration`, `UpdateGameConfiguration`, `ImportGameConfiguration`, and the
//! sections that configurations and snapshots answer.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    GameConfigurationDetails, GetGameConfigurationRequest, GetGameConfigurationResult,
    ImportGameConfigurationRequest, ImportGameConfigurationResult, Section,
    UpdateGameConfigurationRequest, UpdateGameConfigurationResult,
};
use smithy_runtime::Document;

use super::state::{missing_game, Configuration, Game, State};
use super::{import, patch};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::service::Cx;

/// The largest configuration, in bytes of its sections' attributes (as compact JSON): the
/// largest import file the model allows. A change that would make a configuration larger is
/// a `ServiceQuotaExceededException`.
pub const MAX_CONFIGURATION_BYTES: usize = 1_024_000;

/// How deep a section's attributes may nest (objects and arrays): deep enough for any
/// configuration, shallow enough that every response and stored record holding them stays
/// within the 128 levels JSON readers (serde_json's default, this server's included) accept.
/// A change past it is a `ValidationException`.
pub const MAX_SECTION_DEPTH: usize = 100;

/// `GetGameConfiguration`: the configuration, or only the sections `Sections` names.
pub(crate) fn get(
    state: &State,
    input: &GetGameConfigurationRequest,
) -> Result<GetGameConfigurationResult, Fault> {
    let game = state.game(&input.game_name)?;
    let configuration = configuration_of(state, game)?;
    Ok(GetGameConfigurationResult::builder()
        .game_configuration(details(game, configuration, input.sections.as_deref()))
        .build())
}

/// `UpdateGameConfiguration`: applies the modifications (see [`patch`]), all or none.
pub(crate) fn update(
    state: &mut State,
    cx: &Cx<'_>,
    input: &UpdateGameConfigurationRequest,
) -> Result<UpdateGameConfigurationResult, Fault> {
    let game = state.active_game(&input.game_name)?;
    let current = configuration_of(state, game)?;
    let sections =
        patch::apply(&current.sections, &input.modifications).map_err(Fault::InvalidRequest)?;
    let game = replace(state, &input.game_name, sections, cx.now)?;
    Ok(UpdateGameConfigurationResult::builder()
        .game_configuration(game)
        .build())
}

/// `ImportGameConfiguration`: replaces the configuration with the file's sections (see
/// [`import`]).
pub(crate) fn import(
    state: &mut State,
    cx: &Cx<'_>,
    input: &ImportGameConfigurationRequest,
) -> Result<ImportGameConfigurationResult, Fault> {
    state.active_game(&input.game_name)?;
    let sections =
        import::parse(input.import_source.file.as_bytes()).map_err(Fault::InvalidRequest)?;
    let game = replace(state, &input.game_name, sections, cx.now)?;
    Ok(ImportGameConfigurationResult::builder()
        .game_configuration(game)
        .build())
}

/// `sections` as answered, each with its name and size; only those `filter` names, when it
/// is given (names of sections that do not exist are ignored).
pub(crate) fn sections_out(
    sections: &BTreeMap<String, Document>,
    filter: Option<&[String]>,
) -> BTreeMap<String, Section> {
    sections
        .iter()
        .filter(|(name, _)| filter.is_none_or(|wanted| wanted.contains(name)))
        .map(|(name, attributes)| {
            let section = Section::builder()
                .attributes(attributes.clone())
                .name(name.clone())
                .size(i32::try_from(size(attributes)).unwrap_or(i32::MAX))
                .build();
            (name.clone(), section)
        })
        .collect()
}

/// Makes `sections` game `name`'s configuration, unless they are over the quota or nest too
/// deep; the configuration as answered.
fn replace(
    state: &mut State,
    name: &str,
    sections: BTreeMap<String, Document>,
    now: u64,
) -> Result<GameConfigurationDetails, Fault> {
    let total: usize = sections.values().map(size).sum();
    if total > MAX_CONFIGURATION_BYTES {
        return Err(Fault::LimitExceeded(format!(
            "The configuration of game '{name}' would hold {total} bytes; it can hold at most {MAX_CONFIGURATION_BYTES}."
        )));
    }
    if let Some((section, depth)) = sections
        .iter()
        .map(|(section, attributes)| (section, depth(attributes)))
        .find(|(_, depth)| *depth > MAX_SECTION_DEPTH)
    {
        return Err(Fault::InvalidRequest(format!(
            "The attributes of section '{section}' would nest {depth} levels deep; they can nest at most {MAX_SECTION_DEPTH}."
        )));
    }
    let configuration = Configuration {
        sections,
        last_updated_millis: now,
    };
    let answer = details(state.game(name)?, &configuration, None);
    state.configurations.insert(name.to_owned(), configuration);
    Ok(answer)
}

/// How deep `value` nests: 0 for a scalar, 1 for an object or array of scalars.
pub fn depth(value: &Document) -> usize {
    match value {
        Document::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        Document::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// The configuration of `game`.
fn configuration_of<'s>(state: &'s State, game: &Game) -> Result<&'s Configuration, Fault> {
    state
        .configurations
        .get(&game.name)
        .ok_or_else(|| missing_game(&game.name))
}

/// The size of a section's attributes: the bytes of their compact JSON.
fn size(attributes: &Document) -> usize {
    attributes.to_string().len()
}

fn details(
    game: &Game,
    configuration: &Configuration,
    filter: Option<&[String]>,
) -> GameConfigurationDetails {
    GameConfigurationDetails::builder()
        .created(datetime(game.created_millis))
        .last_updated(datetime(configuration.last_updated_millis))
        .set_sections(Some(sections_out(&configuration.sections, filter)))
        .build()
}

/// The current sections of game `name`, for a snapshot.
pub(crate) fn current_sections(state: &State, name: &str) -> BTreeMap<String, Document> {
    state
        .configurations
        .get(name)
        .map(|c| c.sections.clone())
        .unwrap_or_default()
}
