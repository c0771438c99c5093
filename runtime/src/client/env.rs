//! [`Env`]: environment variables, from the process or from a map (tests).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Environment variables, read from the process or from a fixed map (for tests).
///
/// `Debug` lists the names only, never the values.
#[derive(Clone)]
pub struct Env {
    vars: Option<Arc<BTreeMap<String, String>>>,
}

impl Env {
    /// The process environment.
    pub fn process() -> Self {
        Env { vars: None }
    }

    /// A fixed set of variables; everything else is unset.
    ///
    /// ```
    /// # use smithy_runtime::client::Env;
    /// let env = Env::from_vars([("AWS_REGION", "eu-west-1")]);
    /// assert_eq!(env.get("AWS_REGION").as_deref(), Some("eu-west-1"));
    /// assert_eq!(env.get("HOME"), None);
    /// ```
    pub fn from_vars<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let vars = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        Env {
            vars: Some(Arc::new(vars)),
        }
    }

    /// No variables at all.
    pub fn empty() -> Self {
        Env {
            vars: Some(Arc::default()),
        }
    }

    /// The value of `name`, if set (to valid Unicode).
    pub fn get(&self, name: &str) -> Option<String> {
        match &self.vars {
            None => std::env::var(name).ok(),
            Some(vars) => vars.get(name).cloned(),
        }
    }

    /// The value of `name` with surrounding whitespace trimmed, if set and not blank.
    pub(crate) fn get_non_empty(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// The user's home directory (`HOME`, else `USERPROFILE`, else `HOMEDRIVE` + `HOMEPATH`).
    pub(crate) fn home_dir(&self) -> Option<PathBuf> {
        if let Some(home) = self
            .get_non_empty("HOME")
            .or_else(|| self.get_non_empty("USERPROFILE"))
        {
            return Some(PathBuf::from(home));
        }
        match (
            self.get_non_empty("HOMEDRIVE"),
            self.get_non_empty("HOMEPATH"),
        ) {
            (Some(drive), Some(path)) => Some(PathBuf::from(format!("{drive}{path}"))),
            _ => None,
        }
    }

    /// `path` with a leading `~/` (or `~\`) replaced by the home directory; `None` when it
    /// needs one and there is none.
    pub(crate) fn expand_home(&self, path: &str) -> Option<PathBuf> {
        match path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")) {
            Some(rest) => self.home_dir().map(|home| home.join(rest)),
            None => Some(PathBuf::from(path)),
        }
    }

    /// The file that variable `name` names, else `default` under the home directory.
    pub(crate) fn file(&self, name: &str, default: &str) -> Option<PathBuf> {
        match self.get_non_empty(name) {
            Some(path) => self.expand_home(&path),
            None => self.expand_home(default),
        }
    }
}

impl Default for Env {
    /// The process environment.
    fn default() -> Self {
        Env::process()
    }
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.vars {
            None => f.write_str("Env::process()"),
            Some(vars) => f.debug_set().entries(vars.keys()).finish(),
        }
    }
}
