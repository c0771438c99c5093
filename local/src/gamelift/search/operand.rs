//! The searchable game session attributes.

use super::Searchable;

/// The prefix of custom-property operands, `gameSessionProperties.<key>`.
const PROPERTIES: &str = "gameSessionProperties";

/// The valid operands, for error messages.
pub(crate) const VALID_OPERANDS: &str = "gameSessionName, gameSessionId, \
    gameSessionProperties.<key>, maximumSessions, creationTimeMillis, \
    playerSessionCount, hasAvailablePlayerSessions";

/// The operands with a fixed name, and what each resolves to.
const NAMED: [(&str, Operand); 6] = [
    ("gameSessionName", Operand::GameSessionName),
    ("gameSessionId", Operand::GameSessionId),
    ("maximumSessions", Operand::MaximumSessions),
    ("creationTimeMillis", Operand::CreationTimeMillis),
    ("playerSessionCount", Operand::PlayerSessionCount),
    (
        "hasAvailablePlayerSessions",
        Operand::HasAvailablePlayerSessions,
    ),
];

/// A game session attribute named in an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Operand {
    GameSessionId,
    GameSessionName,
    /// `gameSessionProperties.<key>`, holding the key.
    GameSessionProperty(String),
    MaximumSessions,
    CreationTimeMillis,
    PlayerSessionCount,
    HasAvailablePlayerSessions,
}

/// The type of an operand's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueType {
    String,
    Number,
    Boolean,
}

impl ValueType {
    /// "a string", "a number" or "a boolean".
    pub(crate) fn with_article(self) -> &'static str {
        match self {
            ValueType::String => "a string",
            ValueType::Number => "a number",
            ValueType::Boolean => "a boolean",
        }
    }
}

/// An operand's value for one game session; `None` when the session has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttributeValue<'a> {
    String(Option<&'a str>),
    Number(Option<i64>),
    Boolean(Option<bool>),
}

impl Operand {
    /// Resolves an operand name (case sensitive); the error is a user-facing message.
    pub(crate) fn resolve(word: &str) -> Result<Operand, String> {
        if let Some((_, operand)) = NAMED.iter().find(|(name, _)| *name == word) {
            return Ok(operand.clone());
        }
        if let Some(key) = word.strip_prefix(PROPERTIES) {
            match key.strip_prefix('.') {
                Some(key) if !key.is_empty() => {
                    return Ok(Operand::GameSessionProperty(key.to_owned()));
                }
                _ if key.is_empty() || key == "." => {
                    return Err(format!(
                        "'{PROPERTIES}' needs a property key, as in '{PROPERTIES}.gameMode'"
                    ));
                }
                _ => {}
            }
        }
        let near = NAMED
            .iter()
            .map(|(name, _)| *name)
            .chain([PROPERTIES])
            .find(|name| match word.get(..name.len()) {
                Some(prefix) if prefix.eq_ignore_ascii_case(name) => {
                    let rest = &word[name.len()..];
                    rest.is_empty() || (*name == PROPERTIES && rest.starts_with('.'))
                }
                _ => false,
            });
        let hint = match near {
            Some(name) => format!(" (operand names are case sensitive: did you mean '{name}'?)"),
            None => String::new(),
        };
        Err(format!(
            "unknown operand '{}'{hint}; valid operands are {VALID_OPERANDS}",
            super::lexer::shorten(word)
        ))
    }

    /// The type of the operand's values.
    pub(crate) fn value_type(&self) -> ValueType {
        match self {
            Operand::GameSessionId | Operand::GameSessionName | Operand::GameSessionProperty(_) => {
                ValueType::String
            }
            Operand::MaximumSessions
            | Operand::CreationTimeMillis
            | Operand::PlayerSessionCount => ValueType::Number,
            Operand::HasAvailablePlayerSessions => ValueType::Boolean,
        }
    }

    /// The operand's value for `session`.
    pub(crate) fn value<'a, S: Searchable + ?Sized>(&self, session: &'a S) -> AttributeValue<'a> {
        match self {
            Operand::GameSessionId => AttributeValue::String(session.game_session_id()),
            Operand::GameSessionName => AttributeValue::String(session.game_session_name()),
            Operand::GameSessionProperty(key) => {
                AttributeValue::String(session.game_session_property(key))
            }
            Operand::MaximumSessions => AttributeValue::Number(session.maximum_sessions()),
            Operand::CreationTimeMillis => AttributeValue::Number(session.creation_time_millis()),
            Operand::PlayerSessionCount => AttributeValue::Number(session.player_session_count()),
            Operand::HasAvailablePlayerSessions => {
                AttributeValue::Boolean(session.has_available_player_sessions())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_every_operand() {
        for (name, operand) in NAMED {
            assert_eq!(Operand::resolve(name), Ok(operand));
        }
        assert_eq!(
            Operand::resolve("gameSessionProperties.game.mode-1"),
            Ok(Operand::GameSessionProperty("game.mode-1".to_owned()))
        );
    }

    #[test]
    fn property_operand_needs_a_key() {
        let expected = "'gameSessionProperties' needs a property key, as in \
                        'gameSessionProperties.gameMode'";
        assert_eq!(
            Operand::resolve("gameSessionProperties").unwrap_err(),
            expected
        );
        assert_eq!(
            Operand::resolve("gameSessionProperties.").unwrap_err(),
            expected
        );
    }

    #[test]
    fn unknown_operands_name_the_valid_ones() {
        assert_eq!(
            Operand::resolve("gameSessionPropertiesX").unwrap_err(),
            format!(
                "unknown operand 'gameSessionPropertiesX'; valid operands are {VALID_OPERANDS}"
            )
        );
        assert_eq!(
            Operand::resolve("MaximumSessions").unwrap_err(),
            format!(
                "unknown operand 'MaximumSessions' (operand names are case sensitive: \
                 did you mean 'maximumSessions'?); valid operands are {VALID_OPERANDS}"
            )
        );
        assert_eq!(
            Operand::resolve("GAMESESSIONPROPERTIES.mode").unwrap_err(),
            format!(
                "unknown operand 'GAMESESSIONPROPERTIES.mode' (operand names are case \
                 sensitive: did you mean 'gameSessionProperties'?); valid operands are \
                 {VALID_OPERANDS}"
            )
        );
    }
}
