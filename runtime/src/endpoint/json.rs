//! Reading a JSON document while keeping the path to each value, so that every error names
//! where it is (`rules[2].conditions[0].argv[1]`).

use serde_json::{Map, Value as Json};

use super::error::RuleSetError;

/// A position in a JSON document: the value there (if any) and its path.
#[derive(Clone, Debug)]
pub(super) struct Cursor<'j> {
    json: Option<&'j Json>,
    path: String,
}

impl<'j> Cursor<'j> {
    /// The document's root.
    pub(super) fn root(json: &'j Json) -> Self {
        Cursor {
            json: Some(json),
            path: String::new(),
        }
    }

    /// The member `key` of this object (missing if this is not an object or lacks it).
    pub(super) fn key(&self, key: &str) -> Cursor<'j> {
        let path = if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        };
        Cursor {
            json: self.json.and_then(|j| j.get(key)),
            path,
        }
    }

    /// The element `index` of this array.
    pub(super) fn index(&self, index: usize) -> Cursor<'j> {
        Cursor {
            json: self.json.and_then(|j| j.get(index)),
            path: format!("{}[{index}]", self.path),
        }
    }

    /// The value here, if there is one.
    pub(super) fn json(&self) -> Option<&'j Json> {
        self.json
    }

    /// The member `key`, if present.
    pub(super) fn get(&self, key: &str) -> Option<&'j Json> {
        self.json.and_then(|j| j.get(key))
    }

    /// An error at this position.
    pub(super) fn error(&self, message: impl Into<String>) -> RuleSetError {
        RuleSetError::new(self.path.clone(), message)
    }

    fn expected(&self, what: &str) -> RuleSetError {
        match self.json {
            None => self.error(format!("missing; expected {what}")),
            Some(found) => self.error(format!("expected {what}, found {}", kind(found))),
        }
    }

    /// The string here.
    pub(super) fn string(&self) -> Result<&'j str, RuleSetError> {
        self.json
            .and_then(Json::as_str)
            .ok_or_else(|| self.expected("a string"))
    }

    /// The array here.
    pub(super) fn array(&self) -> Result<&'j Vec<Json>, RuleSetError> {
        self.json
            .and_then(Json::as_array)
            .ok_or_else(|| self.expected("an array"))
    }

    /// The object here.
    pub(super) fn object(&self) -> Result<&'j Map<String, Json>, RuleSetError> {
        self.json
            .and_then(Json::as_object)
            .ok_or_else(|| self.expected("an object"))
    }

    /// The integer here.
    pub(super) fn integer(&self) -> Result<i64, RuleSetError> {
        self.json
            .and_then(Json::as_i64)
            .ok_or_else(|| self.expected("an integer"))
    }

    /// The string member `key`, if present.
    pub(super) fn optional_string(&self, key: &str) -> Result<Option<&'j str>, RuleSetError> {
        let at = self.key(key);
        match at.json {
            None => Ok(None),
            Some(_) => at.string().map(Some),
        }
    }

    /// The boolean member `key`, if present.
    pub(super) fn optional_bool(&self, key: &str) -> Result<Option<bool>, RuleSetError> {
        let at = self.key(key);
        match at.json {
            None => Ok(None),
            Some(json) => json
                .as_bool()
                .map(Some)
                .ok_or_else(|| at.expected("a boolean")),
        }
    }

    /// Each element of the array here, read by `read` with its cursor.
    pub(super) fn map_items<T>(
        &self,
        mut read: impl FnMut(&Cursor<'j>) -> Result<T, RuleSetError>,
    ) -> Result<Vec<T>, RuleSetError> {
        (0..self.array()?.len())
            .map(|i| read(&self.index(i)))
            .collect()
    }

    /// The elements of the array member `key` (none when it is absent), each with its cursor.
    pub(super) fn elements(&self, key: &str) -> Result<Vec<Cursor<'j>>, RuleSetError> {
        let at = self.key(key);
        match at.json {
            None => Ok(Vec::new()),
            Some(_) => at.map_items(|item| Ok(item.clone())),
        }
    }
}

/// What a JSON value is, for messages.
pub(super) fn kind(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}
