//! The parsed filter expression and its evaluation.

use super::error::SearchError;
use super::operand::AttributeValue;
use super::parser::{parse_filter, Condition, Expr};
use super::Searchable;

/// A parsed `SearchGameSessions` `FilterExpression`.
///
/// Parse once with [`Filter::parse`], then test sessions with
/// [`Filter::matches`]. An empty (or all-whitespace) expression is valid and
/// matches every session, like a request without a `FilterExpression`. The
/// language is described in the [module documentation](super).
///
/// # Example
///
/// ```
/// use local_services::gamelift::search::{Filter, Searchable};
///
/// struct Session {
///     name: String,
///     maximum: i64,
///     players: i64,
/// }
///
/// impl Searchable for Session {
///     fn game_session_id(&self) -> Option<&str> { None }
///     fn game_session_name(&self) -> Option<&str> { Some(&self.name) }
///     fn game_session_property(&self, _key: &str) -> Option<&str> { None }
///     fn maximum_sessions(&self) -> Option<i64> { Some(self.maximum) }
///     fn creation_time_millis(&self) -> Option<i64> { None }
///     fn player_session_count(&self) -> Option<i64> { Some(self.players) }
///     fn has_available_player_sessions(&self) -> Option<bool> {
///         Some(self.players < self.maximum)
///     }
/// }
///
/// let filter = Filter::parse("maximumSessions>=10 AND hasAvailablePlayerSessions=true")?;
/// let open = Session { name: "Matt's Awesome Game 1".into(), maximum: 10, players: 3 };
/// let full = Session { name: "Full house".into(), maximum: 10, players: 10 };
/// assert!(filter.matches(&open));
/// assert!(!filter.matches(&full));
///
/// let by_name = Filter::parse(r"gameSessionName = 'Matt\'s Awesome Game 1'")?;
/// assert!(by_name.matches(&open));
///
/// let error = Filter::parse("maximumSessions>=").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "filter expression error at position 17: expected a value after '>=', found end of expression"
/// );
/// # Ok::<(), local_services::gamelift::search::SearchError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// `None` for an empty expression, which matches everything.
    expr: Option<Expr>,
}

impl Filter {
    /// Parses a filter expression, or says where and why it is invalid.
    pub fn parse(text: &str) -> Result<Filter, SearchError> {
        Ok(Filter {
            expr: parse_filter(text)?,
        })
    }

    /// Whether `session` satisfies the filter.
    ///
    /// A comparison with an attribute the session has no value for is false,
    /// whatever the comparator (so `NOT` of it is true).
    pub fn matches(&self, session: &impl Searchable) -> bool {
        self.expr.as_ref().is_none_or(|expr| eval(expr, session))
    }
}

fn eval<S: Searchable + ?Sized>(expr: &Expr, session: &S) -> bool {
    match expr {
        Expr::Or(items) => items.iter().any(|e| eval(e, session)),
        Expr::And(items) => items.iter().all(|e| eval(e, session)),
        Expr::Not(inner) => !eval(inner, session),
        Expr::Condition(condition) => test(condition, session),
    }
}

fn test<S: Searchable + ?Sized>(condition: &Condition, session: &S) -> bool {
    match condition {
        Condition::String {
            operand,
            equal,
            value,
        } => match operand.value(session) {
            AttributeValue::String(Some(actual)) => (actual == value) == *equal,
            _ => false,
        },
        Condition::Number {
            operand,
            comparator,
            value,
        } => match operand.value(session) {
            AttributeValue::Number(Some(actual)) => comparator.holds(value.compare_integer(actual)),
            _ => false,
        },
        Condition::Boolean {
            operand,
            equal,
            value,
        } => match operand.value(session) {
            AttributeValue::Boolean(Some(actual)) => (actual == *value) == *equal,
            _ => false,
        },
    }
}
