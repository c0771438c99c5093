//! The GameLift `SearchGameSessions` filter and sort expression language.
//!
//! [`Filter`] parses a `FilterExpression` and tests game sessions against it;
//! [`Sort`] parses a `SortExpression` and orders game sessions by it. Sessions
//! are seen through the [`Searchable`] trait. Invalid expressions give a
//! [`SearchError`] saying where and what the problem is, ready to be returned
//! to the caller as the message of an `InvalidRequestException`.
//!
//! # Operands
//!
//! | Operand | Type | Meaning |
//! |---|---|---|
//! | `gameSessionId` | string | the game session's identifier |
//! | `gameSessionName` | string | the name given to the game session |
//! | `gameSessionProperties.<key>` | string | the value of the custom game property `<key>` |
//! | `maximumSessions` | number | the maximum number of player sessions |
//! | `creationTimeMillis` | number | when the session was created, in Unix milliseconds |
//! | `playerSessionCount` | number | the number of connected players |
//! | `hasAvailablePlayerSessions` | boolean | whether the session has a free player slot |
//!
//! Operand names are case sensitive. A property key is the text after the first
//! `.`: letters, digits, `_`, `-` and `.`.
//!
//! # Filter grammar
//!
//! ```text
//! filter     := (or)?                          empty: matches every session
//! or         := and ("OR" and)*
//! and        := not ("AND" not)*
//! not        := "NOT" not | primary
//! primary    := "(" or ")" | condition
//! condition  := operand comparator value
//! comparator := "=" | "<>" | "<" | ">" | "<=" | ">="
//! value      := number | string | "true" | "false"
//! number     := "-"? digit+ ("." digit+)?
//! string     := "'" (char | "\'" | "\"" | "\\")* "'"
//!             | '"' (char | "\'" | "\"" | "\\")* '"'
//! ```
//!
//! * **Precedence**, tightest first, as documented by GameLift: comparisons,
//!   parentheses, `NOT`, `AND`, `OR`. So `a OR b AND c` is `a OR (b AND c)` and
//!   `NOT a AND b` is `(NOT a) AND b`. `AND` and `OR` chains are read left to
//!   right.
//! * **Case**: the keywords `AND`, `OR`, `NOT` and the booleans `true`/`false`
//!   are case-insensitive (`and`, `Not`, `TRUE` all work). Operand names and
//!   string values are case sensitive.
//! * **Whitespace** separates words but is optional around comparators,
//!   parentheses and quoted strings: `maximumSessions>=10` is fine.
//! * **Strings** are enclosed in single quotes, as documented; double quotes are
//!   accepted too, because GameLift's own `gameSessionProperties` example uses
//!   them. Inside either, `\'`, `\"` and `\\` stand for `'`, `"` and `\`; any
//!   other backslash escape is an error.
//! * **Types**: string operands take strings and boolean operands take booleans,
//!   both only with `=` and `<>`. Number operands take numbers with any
//!   comparator and compare numerically (exactly, also for decimals such as
//!   `2.5`). Any other combination is an error naming the operand's type.
//! * **Missing values**: when a session has no value for the operand (the
//!   [`Searchable`] method returns `None`), the comparison is false for every
//!   comparator, `<>` included; `NOT` of it is then true.
//! * **Nesting** of parentheses and `NOT` is limited to 64 levels, so that no
//!   expression can exhaust the stack.
//!
//! # Sort grammar
//!
//! ```text
//! sort  := operand ("ASC" | "DESC")
//! ```
//!
//! The order is required and case-insensitive. An empty sort expression is an
//! error (a request without one simply has no [`Sort`]). Sessions without a value
//! for the operand come last in both orders.
//!
//! # Error positions
//!
//! [`SearchError::position`] is a 0-based byte offset into the expression; an
//! expression that ends too early reports its length.

mod error;
mod filter;
mod lexer;
mod operand;
mod parser;
mod sort;
mod value;

pub use error::{SearchError, SearchErrorKind};
pub use filter::Filter;
pub use sort::Sort;

/// A game session as seen by search: the value of each searchable attribute.
///
/// Each method returns `None` when the session has no value for the attribute;
/// filter comparisons with a missing value are false and sorting puts such
/// sessions last.
pub trait Searchable {
    /// `gameSessionId`: the session's identifier (GameLift uses its ARN).
    fn game_session_id(&self) -> Option<&str>;
    /// `gameSessionName`: the name given to the session.
    fn game_session_name(&self) -> Option<&str>;
    /// `gameSessionProperties.<key>`: the value of the custom game property `key`.
    fn game_session_property(&self, key: &str) -> Option<&str>;
    /// `maximumSessions`: the maximum number of player sessions allowed.
    fn maximum_sessions(&self) -> Option<i64>;
    /// `creationTimeMillis`: when the session was created, in Unix milliseconds.
    fn creation_time_millis(&self) -> Option<i64>;
    /// `playerSessionCount`: the number of players currently connected.
    fn player_session_count(&self) -> Option<i64>;
    /// `hasAvailablePlayerSessions`: whether a player can still join.
    fn has_available_player_sessions(&self) -> Option<bool>;
}
