//! `TagResource`, `UntagResource`, `ListTagsForResource`: the tags of games and stages, found
//! by ARN.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    ListTagsForResourceRequest, ListTagsForResourceResult, TagResourceRequest, TagResourceResult,
    UntagResourceRequest, UntagResourceResult,
};

use super::failure::Failure;
use super::state::State;

/// The most tags a resource can have (the model's limit on a tag map).
const MAX_TAGS: usize = 50;

/// The prefix of tag keys AWS reserves.
const RESERVED_PREFIX: &str = "aws:";

/// Tags as an output member: absent when there are none (a tag map holds 1 to 50 tags).
pub(crate) fn out(tags: &BTreeMap<String, String>) -> Option<BTreeMap<String, String>> {
    (!tags.is_empty()).then(|| tags.clone())
}

/// The tags a create starts a resource with, checked like [`TagResource`](tag)'s.
pub(crate) fn initial(
    tags: Option<BTreeMap<String, String>>,
) -> Result<BTreeMap<String, String>, Failure> {
    let mut initial = BTreeMap::new();
    add(&mut initial, tags.unwrap_or_default())?;
    Ok(initial)
}

/// `TagResource`: adds `tags` to the resource, replacing the values of keys it has.
pub(crate) fn tag(
    state: &mut State,
    input: TagResourceRequest,
) -> Result<TagResourceResult, Failure> {
    add(tags_mut(state, &input.resource_arn)?, input.tags)?;
    Ok(TagResourceResult {})
}

/// `UntagResource`: removes the keys `tag_keys` from the resource; absent keys are ignored.
pub(crate) fn untag(
    state: &mut State,
    input: UntagResourceRequest,
) -> Result<UntagResourceResult, Failure> {
    let tags = tags_mut(state, &input.resource_arn)?;
    for key in &input.tag_keys {
        tags.remove(key);
    }
    Ok(UntagResourceResult {})
}

/// `ListTagsForResource`: the resource's tags.
pub(crate) fn list(
    state: &State,
    input: &ListTagsForResourceRequest,
) -> Result<ListTagsForResourceResult, Failure> {
    let arn = &input.resource_arn;
    let tags = state
        .games
        .values()
        .find_map(|game| {
            if game.arn == *arn {
                return Some(&game.tags);
            }
            game.stages
                .values()
                .find(|s| s.arn == *arn)
                .map(|s| &s.tags)
        })
        .ok_or_else(|| missing(arn))?;
    Ok(ListTagsForResourceResult { tags: out(tags) })
}

/// Adds `new` to `tags`, refusing reserved keys and more than [`MAX_TAGS`] in all.
fn add(tags: &mut BTreeMap<String, String>, new: BTreeMap<String, String>) -> Result<(), Failure> {
    if let Some(key) = new.keys().find(|key| key.starts_with(RESERVED_PREFIX)) {
        return Err(Failure::Invalid(format!(
            "The tag key '{key}' starts with '{RESERVED_PREFIX}', which is reserved for AWS."
        )));
    }
    let count = tags.len() + new.keys().filter(|key| !tags.contains_key(*key)).count();
    if count > MAX_TAGS {
        return Err(Failure::Invalid(format!(
            "A resource can have at most {MAX_TAGS} tags; this would give it {count}."
        )));
    }
    tags.extend(new);
    Ok(())
}

/// The tags of the game or stage whose ARN is `arn`.
fn tags_mut<'a>(
    state: &'a mut State,
    arn: &str,
) -> Result<&'a mut BTreeMap<String, String>, Failure> {
    for game in state.games.values_mut() {
        if game.arn == arn {
            return Ok(&mut game.tags);
        }
        if let Some(stage) = game.stages.values_mut().find(|s| s.arn == arn) {
            return Ok(&mut stage.tags);
        }
    }
    Err(missing(arn))
}

fn missing(arn: &str) -> Failure {
    Failure::NotFound(format!("No game or stage has the ARN '{arn}'."))
}
