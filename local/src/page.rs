//! [`page`]: one page of a list, for every operation with `Limit`/`MaxResults` and
//! `NextToken`.
//!
//! A token says which list it belongs to (so a token of one operation given to another is
//! refused rather than misread), then the offset of the next item ([`page`]) or the key of
//! the last one returned ([`page_by_key`]).

/// One page of items and the token of the next page (absent on the last page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The token to ask for the next page with; `None` on the last page.
    pub next_token: Option<String>,
}

/// The page of `items` that starts at `token` (the first page when `None`) and holds at
/// most `limit` items (`default_limit` when `None`). `list` names the list in tokens.
///
/// # Errors
///
/// A message for the caller's validation error when the token is not one this function gave
/// out for `list`, or the limit is not positive.
pub fn page<T>(
    items: Vec<T>,
    list: &str,
    limit: Option<i64>,
    token: Option<&str>,
    default_limit: usize,
) -> Result<Page<T>, String> {
    let size = page_size(limit, default_limit)?;
    let start = match token {
        None => 0,
        Some(token) => token_key(list, token)?
            .parse()
            .map_err(|_| foreign_token(list, token))?,
    };
    let (items, end, more) = window(items, start, size);
    let next_token = more.then(|| format!("{list}:{end}"));
    Ok(Page { items, next_token })
}

/// Like [`page`], for `items` sorted by a unique key (a name, an id): the token names the
/// key of the last item returned, and the next page starts after it. So an item removed or
/// added between two requests neither makes the next page skip an item nor repeat one.
///
/// # Errors
///
/// As [`page`]'s.
pub fn page_by_key<T>(
    items: Vec<(String, T)>,
    list: &str,
    limit: Option<i64>,
    token: Option<&str>,
    default_limit: usize,
) -> Result<Page<T>, String> {
    let size = page_size(limit, default_limit)?;
    let start = match token {
        None => 0,
        Some(token) => {
            let after = token_key(list, token)?;
            items.partition_point(|(key, _)| key.as_str() <= after)
        }
    };
    let (items, _, more) = window(items, start, size);
    let next_token = items
        .last()
        .filter(|_| more)
        .map(|(key, _)| format!("{list}:{key}"));
    Ok(Page {
        items: items.into_iter().map(|(_, item)| item).collect(),
        next_token,
    })
}

/// How many items a page holds: `limit`, or `default_limit` without one.
fn page_size(limit: Option<i64>, default_limit: usize) -> Result<usize, String> {
    match limit {
        None => Ok(default_limit),
        Some(n) if n > 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => Err(format!("the limit must be at least 1, not {n}")),
    }
}

/// The part of a `{list}:{key}` token after the list's name; an error for another list's.
fn token_key<'t>(list: &str, token: &'t str) -> Result<&'t str, String> {
    token
        .split_once(':')
        .filter(|(name, _)| *name == list)
        .map(|(_, key)| key)
        .ok_or_else(|| foreign_token(list, token))
}

fn foreign_token(list: &str, token: &str) -> String {
    format!("the NextToken `{token}` is not a token this service returned for {list}")
}

/// The `size` items from `start`, the index after the last of them, and whether any follow.
fn window<T>(items: Vec<T>, start: usize, size: usize) -> (Vec<T>, usize, bool) {
    let total = items.len();
    let end = start.saturating_add(size).min(total);
    let page = items
        .into_iter()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    (page, end, end < total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_walk_the_list_and_end_without_a_token() {
        let items: Vec<u32> = (0..5).collect();
        let first = page(items.clone(), "fleets", Some(2), None, 10).expect("first");
        assert_eq!(first.items, [0, 1]);
        let second = page(
            items.clone(),
            "fleets",
            Some(2),
            first.next_token.as_deref(),
            10,
        )
        .expect("second");
        assert_eq!(second.items, [2, 3]);
        let last = page(
            items.clone(),
            "fleets",
            Some(2),
            second.next_token.as_deref(),
            10,
        )
        .expect("last");
        assert_eq!((last.items, last.next_token), (vec![4], None));
        let all = page(items, "fleets", None, None, 10).expect("all");
        assert_eq!((all.items.len(), all.next_token), (5, None));
    }

    #[test]
    fn foreign_tokens_and_bad_limits_are_refused() {
        let items: Vec<u32> = (0..5).collect();
        let error = page(items.clone(), "fleets", None, Some("games:2"), 10).expect_err("foreign");
        assert!(error.contains("games:2"), "{error}");
        assert!(page(items.clone(), "fleets", None, Some("fleets:x"), 10).is_err());
        assert!(page(items, "fleets", Some(0), None, 10).is_err());
    }
}
