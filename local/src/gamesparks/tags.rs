//! `TagResource`, `UntagResource`, `ListTagsForResource`: the tags of games and stages, found
//! by ARN.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    ListTagsForResourceRequest, ListTagsForResourceResult, TagResourceRequest, TagResourceResult,
    UntagResourceRequest, UntagResourceResult,
};

use super::state::{child_key, State};
use crate::fault::Fault;

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
) -> Result<BTreeMap<String, String>, Fault> {
    let mut initial = BTreeMap::new();
    add(&mut initial, tags.unwrap_or_default())?;
    Ok(initial)
}

/// `TagResource`: adds `tags` to the resource, replacing the values of keys it has.
pub(crate) fn tag(
    state: &mut State,
    input: TagResourceRequest,
) -> Result<TagResourceResult, Fault> {
    add(tags_mut(state, &input.resource_arn)?, input.tags)?;
    Ok(TagResourceResult::builder().build())
}

/// `UntagResource`: removes the keys `tag_keys` from the resource; absent keys are ignored.
pub(crate) fn untag(
    state: &mut State,
    input: UntagResourceRequest,
) -> Result<UntagResourceResult, Fault> {
    let tags = tags_mut(state, &input.resource_arn)?;
    for key in &input.tag_keys {
        tags.remove(key);
    }
    Ok(UntagResourceResult::builder().build())
}

/// `ListTagsForResource`: the resource's tags.
pub(crate) fn list(
    state: &State,
    input: &ListTagsForResourceRequest,
) -> Result<ListTagsForResourceResult, Fault> {
    let arn = &input.resource_arn;
    let tags = match resource(arn) {
        Some((game, None)) => state
            .games
            .get(&game)
            .filter(|g| g.arn == *arn)
            .map(|g| &g.tags),
        Some((game, Some(stage))) => state
            .stages
            .get(&child_key(&game, &stage))
            .filter(|s| s.arn == *arn)
            .map(|s| &s.tags),
        None => None,
    };
    Ok(ListTagsForResourceResult::builder()
        .set_tags(out(tags.ok_or_else(|| missing(arn))?))
        .build())
}

/// The game, and the stage if any, an ARN (`…:game/NAME` or `…:game/NAME/stage/STAGE`) names.
fn resource(arn: &str) -> Option<(String, Option<String>)> {
    let (_, path) = arn.split_once(":game/")?;
    match path.split_once("/stage/") {
        Some((game, stage)) => Some((game.to_owned(), Some(stage.to_owned()))),
        None => Some((path.to_owned(), None)),
    }
}

/// Adds `new` to `tags`, refusing reserved keys and more than [`MAX_TAGS`] in all.
fn add(tags: &mut BTreeMap<String, String>, new: BTreeMap<String, String>) -> Result<(), Fault> {
    if let Some(key) = new.keys().find(|key| key.starts_with(RESERVED_PREFIX)) {
        return Err(Fault::InvalidRequest(format!(
            "The tag key '{key}' starts with '{RESERVED_PREFIX}', which is reserved for AWS."
        )));
    }
    let count = tags.len() + new.keys().filter(|key| !tags.contains_key(*key)).count();
    if count > MAX_TAGS {
        return Err(Fault::InvalidRequest(format!(
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
) -> Result<&'a mut BTreeMap<String, String>, Fault> {
    let tags = match resource(arn) {
        Some((game, None)) => state
            .games
            .get_mut(&game)
            .filter(|g| g.arn == arn)
            .map(|g| &mut g.tags),
        Some((game, Some(stage))) => state
            .stages
            .get_mut(&child_key(&game, &stage))
            .filter(|s| s.arn == arn)
            .map(|s| &mut s.tags),
        None => None,
    };
    tags.ok_or_else(|| missing(arn))
}

fn missing(arn: &str) -> Fault {
    Fault::NotFound(format!("No game or stage has the ARN '{arn}'."))
}
