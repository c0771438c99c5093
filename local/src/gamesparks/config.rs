//! `GetGameConfiguration`, `UpdateGameConfiguration`, `ImportGameConfiguration`, and the
//! sections that configurations and snapshots answer.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    GameConfigurationDetails, GetGameConfigurationRequest, GetGameConfigurationResult,
    ImportGameConfigurationRequest, ImportGameConfigurationResult, Section,
    UpdateGameConfigurationRequest, UpdateGameConfigurationResult,
};
use smithy_runtime::Document;

use super::failure::Failure;
use super::state::{Configuration, Game, State};
use super::{import, patch, Env};
use crate::clock::datetime;

/// The largest configuration, in bytes of its sections' attributes (as compact JSON): the
/// largest import file the model allows. A change that would make a configuration larger is
/// a `ServiceQuotaExceededException`.
const MAX_CONFIGURATION_BYTES: usize = 1_024_000;

/// `GetGameConfiguration`: the configuration, or only the sections `Sections` names.
pub(crate) fn get(
    state: &State,
    input: &GetGameConfigurationRequest,
) -> Result<GetGameConfigurationResult, Failure> {
    let game = state.game(&input.game_name)?;
    Ok(GetGameConfigurationResult {
        game_configuration: Some(details(game, input.sections.as_deref())),
    })
}

/// `UpdateGameConfiguration`: applies the modifications (see [`patch`]), all or none.
pub(crate) fn update(
    state: &mut State,
    env: Env<'_>,
    input: &UpdateGameConfigurationRequest,
) -> Result<UpdateGameConfigurationResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let sections = patch::apply(&game.configuration.sections, &input.modifications)
        .map_err(Failure::Invalid)?;
    replace(game, sections, env.now())?;
    Ok(UpdateGameConfigurationResult {
        game_configuration: Some(details(game, None)),
    })
}

/// `ImportGameConfiguration`: replaces the configuration with the file's sections (see
/// [`import`]).
pub(crate) fn import(
    state: &mut State,
    env: Env<'_>,
    input: &ImportGameConfigurationRequest,
) -> Result<ImportGameConfigurationResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let sections = import::parse(input.import_source.file.as_bytes()).map_err(Failure::Invalid)?;
    replace(game, sections, env.now())?;
    Ok(ImportGameConfigurationResult {
        game_configuration: Some(details(game, None)),
    })
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
            let section = Section {
                attributes: Some(attributes.clone()),
                name: Some(name.clone()),
                size: Some(i32::try_from(size(attributes)).unwrap_or(i32::MAX)),
            };
            (name.clone(), section)
        })
        .collect()
}

/// Makes `sections` the game's configuration, unless they are over the quota.
fn replace(game: &mut Game, sections: BTreeMap<String, Document>, now: u64) -> Result<(), Failure> {
    let total: usize = sections.values().map(size).sum();
    if total > MAX_CONFIGURATION_BYTES {
        return Err(Failure::Quota(format!(
            "The configuration of game '{}' would hold {total} bytes; it can hold at most {MAX_CONFIGURATION_BYTES}.",
            game.name
        )));
    }
    game.configuration = Configuration {
        sections,
        last_updated_millis: now,
    };
    Ok(())
}

/// The size of a section's attributes: the bytes of their compact JSON.
fn size(attributes: &Document) -> usize {
    attributes.to_string().len()
}

fn details(game: &Game, filter: Option<&[String]>) -> GameConfigurationDetails {
    GameConfigurationDetails {
        created: Some(datetime(game.created_millis)),
        last_updated: Some(datetime(game.configuration.last_updated_millis)),
        sections: Some(sections_out(&game.configuration.sections, filter)),
    }
}
