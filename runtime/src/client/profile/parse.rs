//! A parser for the INI-style shared config and credentials files (`~/.aws/config`,
//! `~/.aws/credentials`).
//!
//! The format, as the AWS SDKs read it:
//!
//! * `[name]` opens a section (surrounding whitespace trimmed); a comment may follow the `]`.
//!   In the config file, `[default]` and `[profile name]` are profiles, `[sso-session name]`
//!   and `[services name]` are the sections that profiles refer to, and any other section is
//!   ignored (`[default]` and `[profile default]` are the same profile). In the credentials file every section is a profile named literally
//!   (`[profile x]` there names a profile `profile x`).
//! * `key = value` sets a property of the current section; whitespace around both is trimmed;
//!   in a value, `#` or `;` preceded by whitespace starts a comment. A later duplicate wins,
//!   and a section opened twice is merged.
//! * A line starting with whitespace continues the previous property. A property whose value
//!   is empty and is followed by indented `key = value` lines has sub-properties (the
//!   `services` sections: `gamelift =` then `  endpoint_url = …`).
//! * Lines that are empty or start with `#` or `;` are comments; properties before the first
//!   section are ignored.

use std::collections::BTreeMap;
use std::fmt;

/// Which of the two files a text comes from: it decides how section headers are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `~/.aws/config`: `[default]`, `[profile name]`, `[sso-session name]`, `[services name]`.
    Config,
    /// `~/.aws/credentials`: `[name]` is profile `name`.
    Credentials,
}

/// What a section header opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SectionKind {
    /// A profile.
    Profile,
    /// An `[sso-session name]` section.
    SsoSession,
    /// A `[services name]` section.
    Services,
}

/// One property: its value, the line it is on, and its sub-properties (if any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Property {
    pub(crate) value: String,
    pub(crate) line: usize,
    pub(crate) sub: BTreeMap<String, String>,
}

/// The properties of one section.
pub(crate) type Properties = BTreeMap<String, Property>;

/// The sections of one file, by kind and name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sections {
    pub(crate) sections: BTreeMap<(SectionKind, String), Properties>,
}

impl Sections {
    /// The properties of section `name` of `kind`, if the file has it.
    #[cfg(test)]
    pub(crate) fn get(&self, kind: SectionKind, name: &str) -> Option<&Properties> {
        self.sections.get(&(kind, name.to_owned()))
    }
}

/// A line that is not valid in a profile file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParseError {
    /// 1-based line number.
    pub(crate) line: usize,
    pub(crate) message: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Where the parser is: the section being filled (None before the first header, or inside
/// an ignored section) and its last property.
#[derive(Default)]
struct Cursor {
    section: Option<(SectionKind, String)>,
    ignoring: bool,
    last_key: Option<String>,
}

/// Parses the text of a config or credentials file.
pub(crate) fn parse(text: &str, kind: FileKind) -> Result<Sections, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sections = Sections::default();
    let mut cursor = Cursor::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        let error = |message| ParseError { line, message };
        if raw.starts_with([' ', '\t']) && !trimmed.starts_with('[') {
            continuation(&mut sections, &cursor, trimmed).map_err(error)?;
        } else if let Some(rest) = trimmed.strip_prefix('[') {
            let (section_kind, name) = header(rest, kind).map_err(error)?;
            cursor = Cursor::default();
            match section_kind {
                None => cursor.ignoring = true,
                Some(section_kind) => {
                    let key = (section_kind, name);
                    sections.sections.entry(key.clone()).or_default();
                    cursor.section = Some(key);
                }
            }
        } else {
            let (key, value) = trimmed
                .split_once('=')
                .ok_or_else(|| error("expected `name = value`"))?;
            let key = key.trim();
            if key.is_empty() {
                return Err(error("property without a name"));
            }
            let Some(section) = &cursor.section else {
                // Outside any section, or in an ignored one: skipped, as the AWS SDKs do.
                continue;
            };
            let property = Property {
                value: strip_value_comment(value.trim()).to_owned(),
                line,
                sub: BTreeMap::new(),
            };
            if let Some(properties) = sections.sections.get_mut(section) {
                properties.insert(key.to_owned(), property);
            }
            cursor.last_key = Some(key.to_owned());
        }
    }
    Ok(sections)
}

/// An indented line: a sub-property (`key = value` under a property with an empty value) or
/// more text of the previous property's value.
fn continuation(
    sections: &mut Sections,
    cursor: &Cursor,
    trimmed: &str,
) -> Result<(), &'static str> {
    let (Some(section), Some(key)) = (&cursor.section, &cursor.last_key) else {
        if cursor.section.is_some() {
            return Err("continuation line without a property before it");
        }
        return Ok(());
    };
    let Some(property) = sections
        .sections
        .get_mut(section)
        .and_then(|p| p.get_mut(key))
    else {
        return Ok(());
    };
    let text = strip_value_comment(trimmed);
    if property.value.is_empty() || !property.sub.is_empty() {
        if let Some((sub_key, sub_value)) = text.split_once('=') {
            property
                .sub
                .insert(sub_key.trim().to_owned(), sub_value.trim().to_owned());
            return Ok(());
        }
    }
    property.value.push('\n');
    property.value.push_str(text);
    Ok(())
}

/// The section a header opens (`rest` is the text after `[`); `None` for a section the
/// file's kind ignores.
fn header(rest: &str, kind: FileKind) -> Result<(Option<SectionKind>, String), &'static str> {
    let end = rest
        .find(']')
        .ok_or("section header is missing its closing `]`")?;
    let inside = rest[..end].trim();
    let after = rest[end + 1..].trim_start();
    if !(after.is_empty() || after.starts_with('#') || after.starts_with(';')) {
        return Err("unexpected text after a section header");
    }
    if inside.is_empty() {
        return Err("empty section name");
    }
    if kind == FileKind::Credentials {
        return Ok((Some(SectionKind::Profile), inside.to_owned()));
    }
    if inside == "default" {
        return Ok((Some(SectionKind::Profile), inside.to_owned()));
    }
    let prefixed = [
        ("profile", SectionKind::Profile),
        ("sso-session", SectionKind::SsoSession),
        ("services", SectionKind::Services),
    ];
    for (prefix, section_kind) in prefixed {
        if inside == prefix {
            return Err("empty section name");
        }
        if let Some(name) = inside.strip_prefix(prefix) {
            if name.starts_with([' ', '\t']) {
                let name = name.trim();
                if name.is_empty() {
                    return Err("empty section name");
                }
                return Ok((Some(section_kind), name.to_owned()));
            }
        }
    }
    Ok((None, inside.to_owned()))
}

/// Cuts a `#` or `;` comment that is preceded by whitespace, and trims the rest.
fn strip_value_comment(value: &str) -> &str {
    let mut previous_is_space = false;
    for (index, c) in value.char_indices() {
        if previous_is_space && (c == '#' || c == ';') {
            return value[..index].trim_end();
        }
        previous_is_space = c.is_whitespace();
    }
    value.trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<'a>(sections: &'a Sections, kind: SectionKind, name: &str, key: &str) -> &'a str {
        &sections.get(kind, name).unwrap()[key].value
    }

    #[test]
    fn credentials_file_sections_are_literal_profile_names() {
        let text = "\u{feff}# leading comment\n\
                    ignored = before any profile\n\
                    [default]\n\
                    aws_access_key_id = AKID ; trailing comment\n\
                    aws_secret_access_key=secret#not-a-comment\n\
                    \n\
                    ; another comment\n\
                    [ dev ]   # header comment\n\
                    aws_access_key_id =  DEVKEY\n\
                    [profile x]\n\
                    aws_access_key_id = X\n\
                    [default]\n\
                    aws_session_token = TOKEN\n";
        let sections = parse(text, FileKind::Credentials).unwrap();
        let p = SectionKind::Profile;
        assert_eq!(value(&sections, p, "default", "aws_access_key_id"), "AKID");
        assert_eq!(
            value(&sections, p, "default", "aws_secret_access_key"),
            "secret#not-a-comment"
        );
        assert_eq!(value(&sections, p, "default", "aws_session_token"), "TOKEN");
        assert_eq!(
            sections.get(p, "default").unwrap()["aws_session_token"].line,
            13
        );
        assert!(!sections.get(p, "default").unwrap().contains_key("ignored"));
        assert_eq!(value(&sections, p, "dev", "aws_access_key_id"), "DEVKEY");
        assert_eq!(value(&sections, p, "profile x", "aws_access_key_id"), "X");
        assert!(sections.get(p, "x").is_none());
    }

    #[test]
    fn config_file_sections_and_sub_properties() {
        let text = "[default]\nregion = us-west-2\n\
                    [profile dev]\nservices = local\nregion = eu-west-1\n\
                    [profile  spaced ]\nregion = ap-south-1\n\
                    [sso-session corp]\nsso_region = us-east-1\n\
                    [services local]\ngamelift =\n  endpoint_url = http://127.0.0.1:4566 # local\n\
                    \tother = x\n\
                    [plain]\nregion = ignored\n\
                    [profile default]\nregion = us-east-2\n";
        let sections = parse(text, FileKind::Config).unwrap();
        let p = SectionKind::Profile;
        assert_eq!(value(&sections, p, "dev", "region"), "eu-west-1");
        assert_eq!(value(&sections, p, "spaced", "region"), "ap-south-1");
        assert_eq!(value(&sections, p, "default", "region"), "us-east-2");
        assert!(sections.get(p, "plain").is_none());
        let corp = SectionKind::SsoSession;
        assert_eq!(value(&sections, corp, "corp", "sso_region"), "us-east-1");
        let services = sections.get(SectionKind::Services, "local").unwrap();
        assert_eq!(
            services["gamelift"].sub["endpoint_url"],
            "http://127.0.0.1:4566"
        );
        assert_eq!(services["gamelift"].sub["other"], "x");
    }

    #[test]
    fn continuation_of_a_value() {
        let sections = parse("[a]\nkey = first\n  second\n", FileKind::Credentials).unwrap();
        assert_eq!(
            value(&sections, SectionKind::Profile, "a", "key"),
            "first\nsecond"
        );
    }

    #[test]
    fn crlf_line_endings() {
        let sections = parse("[default]\r\naws_access_key_id = A\r\n", FileKind::Config).unwrap();
        assert_eq!(
            value(
                &sections,
                SectionKind::Profile,
                "default",
                "aws_access_key_id"
            ),
            "A"
        );
    }

    #[test]
    fn malformed_lines() {
        let parse = |text| parse(text, FileKind::Config).unwrap_err();
        assert_eq!(parse("[default\n").line, 1);
        assert_eq!(parse("[default]\nnot a property\n").line, 2);
        assert_eq!(parse("[]\n").message, "empty section name");
        assert_eq!(parse("[profile ]\n").message, "empty section name");
        assert_eq!(
            parse("[a] b\n").message,
            "unexpected text after a section header"
        );
        assert_eq!(parse("[default]\n = v\n").line, 2);
        assert_eq!(
            parse("[default]\n  indented first\n").message,
            "continuation line without a property before it"
        );
    }
}
