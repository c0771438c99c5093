//! The shared config and credentials files, read once and merged: profiles, `sso-session`
//! sections and `services` sections, each property remembering the file and line it came from.
//!
//! Files: `AWS_CONFIG_FILE`, else `~/.aws/config`; `AWS_SHARED_CREDENTIALS_FILE`, else
//! `~/.aws/credentials`. A missing file is no error. A profile in both files is merged, the
//! credentials file winning key by key, as the AWS SDKs merge them. The profile in use is
//! the one the caller names, else `AWS_PROFILE`, else `default`.

mod parse;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::env::Env;
use parse::{FileKind, Property, SectionKind};

/// One section with its properties, each tagged with the file it came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Section {
    name: String,
    properties: BTreeMap<String, (Property, usize)>,
}

impl Section {
    /// The section's name (`dev` for `[profile dev]`).
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// The value of `key`, trimmed, if set and not blank.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .get(key)
            .map(|(p, _)| p.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// Whether `key` is set (even to an empty value).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.properties.contains_key(key)
    }

    /// The sub-property `sub` of property `key` (`gamelift =` / `  endpoint_url = …`).
    pub(crate) fn sub(&self, key: &str, sub: &str) -> Option<&str> {
        self.properties
            .get(key)
            .and_then(|(p, _)| p.sub.get(sub))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// The state of one of the two files, for messages.
#[derive(Clone, Debug)]
struct FileState {
    path: Option<PathBuf>,
    present: bool,
}

/// Both files, merged, and the name of the profile in use.
#[derive(Clone, Debug)]
pub(crate) struct ProfileSet {
    selected: String,
    files: [FileState; 2],
    sections: BTreeMap<(SectionKind, String), Section>,
}

/// A profile file that exists but cannot be read or parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProfileError(String);

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProfileError {}

impl ProfileSet {
    /// Reads the files that `env` names; the profile in use is `profile`, else `AWS_PROFILE`,
    /// else `default`.
    pub(crate) fn load(env: &Env, profile: Option<&str>) -> Result<ProfileSet, ProfileError> {
        let selected = profile
            .map(str::to_owned)
            .or_else(|| env.get_non_empty("AWS_PROFILE"))
            .unwrap_or_else(|| "default".to_owned());
        let mut set = ProfileSet {
            selected,
            files: [
                read_state(env.file("AWS_CONFIG_FILE", "~/.aws/config")),
                read_state(env.file("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")),
            ],
            sections: BTreeMap::new(),
        };
        let kinds = [FileKind::Config, FileKind::Credentials];
        for (index, kind) in kinds.into_iter().enumerate() {
            let Some(path) = set.files[index].path.clone() else {
                continue;
            };
            let Some(text) = read(&path)? else {
                continue;
            };
            set.files[index].present = true;
            let parsed = parse::parse(&text, kind).map_err(|e| {
                ProfileError(format!(
                    "{} is malformed: {e}; fix or remove that line",
                    path.display()
                ))
            })?;
            set.merge(parsed, index);
        }
        Ok(set)
    }

    fn merge(&mut self, parsed: parse::Sections, file: usize) {
        for ((kind, name), properties) in parsed.sections {
            let section = self
                .sections
                .entry((kind, name.clone()))
                .or_insert_with(|| Section {
                    name,
                    properties: BTreeMap::new(),
                });
            for (key, property) in properties {
                section.properties.insert(key, (property, file));
            }
        }
    }

    /// The name of the profile in use.
    pub(crate) fn selected_name(&self) -> &str {
        &self.selected
    }

    /// The profile in use, if either file has it.
    pub(crate) fn selected(&self) -> Option<&Section> {
        self.profile(&self.selected)
    }

    /// Profile `name`, if either file has it.
    pub(crate) fn profile(&self, name: &str) -> Option<&Section> {
        self.sections.get(&(SectionKind::Profile, name.to_owned()))
    }

    /// The `[sso-session name]` section.
    pub(crate) fn sso_session(&self, name: &str) -> Option<&Section> {
        self.sections
            .get(&(SectionKind::SsoSession, name.to_owned()))
    }

    /// Where `key` of `section` was written: `~/.aws/config line 3`.
    pub(crate) fn origin(&self, section: &Section, key: &str) -> String {
        match section.properties.get(key) {
            Some((property, file)) => format!("{} line {}", self.file_name(*file), property.line),
            None => format!("profile `{}`", section.name),
        }
    }

    /// The endpoint URL the profile in use sets for the service whose `services` key is
    /// `service_key` (`gamelift`, `sts`): its `services` section's sub-property first, then
    /// the profile's own `endpoint_url`.
    pub(crate) fn endpoint_url(&self, service_key: &str) -> Option<&str> {
        let profile = self.selected()?;
        let from_services = profile.get("services").and_then(|name| {
            self.sections
                .get(&(SectionKind::Services, name.to_owned()))
                .and_then(|s| s.sub(service_key, "endpoint_url"))
        });
        from_services.or_else(|| profile.get("endpoint_url"))
    }

    /// Why profile `name` is not there: `not in ~/.aws/config (absent) or ~/.aws/credentials`.
    pub(crate) fn missing(&self, name: &str) -> String {
        format!(
            "profile `{name}`: not in {} or {}",
            self.file_name(0),
            self.file_name(1)
        )
    }

    /// A file's path as given, with `(absent)` when it does not exist.
    fn file_name(&self, index: usize) -> String {
        let state = &self.files[index];
        match &state.path {
            None => {
                ["~/.aws/config", "~/.aws/credentials"][index].to_owned() + " (no home directory)"
            }
            Some(path) if state.present => path.display().to_string(),
            Some(path) => format!("{} (absent)", path.display()),
        }
    }
}

fn read_state(path: Option<PathBuf>) -> FileState {
    FileState {
        path,
        present: false,
    }
}

/// The file's text; `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, ProfileError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            ProfileError(format!(
                "{} is not UTF-8 text; save it as UTF-8",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ProfileError(format!(
            "cannot read {}: {e}; check its permissions",
            path.display()
        ))),
    }
}
