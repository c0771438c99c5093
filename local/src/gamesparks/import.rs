//! The file `ImportGameConfiguration` reads.
//!
//! The documentation calls it only "the JSON string containing the configuration
//! sections". This server reads a JSON object with one member, `Sections`, an object whose
//! members are the sections: each a section name (1 to 36 letters, digits and dots, the
//! model's rule for section names) and the section's attributes, a JSON object:
//!
//! ```json
//! {"Sections": {"Economy": {"coins": {"start": 10}}, "Lobby": {"size": 8}}}
//! ```
//!
//! The sections replace the whole configuration: a section the file does not name is gone.

use std::collections::BTreeMap;

use smithy_runtime::serde_json::{self, Value};

use super::patch::describe;

/// The longest section name.
const MAX_SECTION_NAME: usize = 36;

/// The sections (attributes by name) of an import file.
///
/// # Errors
///
/// What is wrong with the file: not UTF-8 JSON, not an object with exactly the member
/// `Sections`, a section name that breaks the model's rule, attributes that are not an
/// object.
pub fn parse(file: &[u8]) -> Result<BTreeMap<String, Value>, String> {
    let value: Value = serde_json::from_slice(file)
        .map_err(|e| format!("The import file is not valid JSON: {e}."))?;
    let Value::Object(mut top) = value else {
        return Err(format!(
            "The import file must be a JSON object with the member 'Sections', not {}.",
            describe(&value)
        ));
    };
    let sections = top
        .shift_remove("Sections")
        .ok_or("The import file has no member 'Sections'.")?;
    if let Some(extra) = top.keys().next() {
        return Err(format!(
            "The import file has the member '{extra}'; its only member is 'Sections'."
        ));
    }
    let Value::Object(sections) = sections else {
        return Err(format!(
            "The import file's 'Sections' must be an object of sections, not {}.",
            describe(&sections)
        ));
    };
    sections
        .into_iter()
        .map(|(name, attributes)| section(name, attributes))
        .collect()
}

/// One section of the file, checked.
fn section(name: String, attributes: Value) -> Result<(String, Value), String> {
    let valid_name = (1..=MAX_SECTION_NAME).contains(&name.chars().count())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !valid_name {
        return Err(format!(
            "The section name '{name}' is not 1 to {MAX_SECTION_NAME} letters, digits and dots."
        ));
    }
    if !attributes.is_object() {
        return Err(format!(
            "The attributes of section '{name}' must be a JSON object, not {}.",
            describe(&attributes)
        ));
    }
    Ok((name, attributes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use smithy_runtime::serde_json::json;

    #[test]
    fn sections_are_read_by_name() {
        let file = br#"{"Sections": {"Economy": {"coins": 10}, "Lobby.Rules": {}}}"#;
        let sections = parse(file).expect("a valid file");
        assert_eq!(
            sections,
            BTreeMap::from([
                ("Economy".to_owned(), json!({"coins": 10})),
                ("Lobby.Rules".to_owned(), json!({})),
            ])
        );
    }

    #[test]
    fn invalid_files_say_what_is_wrong() {
        let cases: [(&[u8], &str); 6] = [
            (b"{not json", "not valid JSON"),
            (b"[1, 2, 3]", "not an array"),
            (br#"{"Other": {}}"#, "no member 'Sections'"),
            (br#"{"Sections": {}, "Version": 1}"#, "the member 'Version'"),
            (br#"{"Sections": {"bad name": {}}}"#, "'bad name' is not"),
            (
                br#"{"Sections": {"Economy": [1]}}"#,
                "of section 'Economy' must be a JSON object",
            ),
        ];
        for (file, expected) in cases {
            let error = parse(file).expect_err(expected);
            assert!(error.contains(expected), "{error}");
        }
    }
}
