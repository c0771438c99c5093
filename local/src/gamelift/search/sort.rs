//! The parsed sort expression and session ordering.

use std::cmp::Ordering;

use super::error::{SearchError, SearchErrorKind};
use super::lexer::{shorten, tokenize, Token, TokenKind};
use super::operand::{AttributeValue, Operand};
use super::Searchable;

/// A parsed `SearchGameSessions` `SortExpression`: an operand and an order.
///
/// The expression is `<operand> ASC` or `<operand> DESC`; the order keyword is
/// case-insensitive and required. Sessions with no value for the operand sort
/// last in both orders. Strings sort by their bytes (case sensitive), numbers
/// numerically, and `false` before `true`.
///
/// ```
/// use local_services::gamelift::search::Sort;
///
/// let oldest_first = Sort::parse("creationTimeMillis ASC")?;
/// assert_eq!(oldest_first, Sort::parse("creationTimeMillis asc")?);
/// assert!(Sort::parse("creationTimeMillis").is_err());
/// # Ok::<(), local_services::gamelift::search::SearchError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sort {
    operand: Operand,
    descending: bool,
}

impl Sort {
    /// Parses a sort expression, or says where and why it is invalid.
    pub fn parse(text: &str) -> Result<Sort, SearchError> {
        let error =
            |position, message: String| SearchError::new(SearchErrorKind::Sort, position, message);
        let tokens = tokenize(text, SearchErrorKind::Sort)?;
        let end = Token {
            kind: TokenKind::End,
            start: text.len(),
            end: text.len(),
        };
        let at = |i: usize| tokens.get(i).unwrap_or(&end);
        let (first, second, third) = (at(0), at(1), at(2));
        let TokenKind::Word(word) = &first.kind else {
            return Err(error(
                first.start,
                format!(
                    "expected an operand to sort by, found {}",
                    first.describe(text)
                ),
            ));
        };
        let operand = Operand::resolve(word).map_err(|m| error(first.start, m))?;
        let descending = if second.is_keyword("ASC") {
            false
        } else if second.is_keyword("DESC") {
            true
        } else {
            return Err(error(
                second.start,
                format!(
                    "expected a sort order (ASC or DESC) after '{}', found {}",
                    shorten(word),
                    second.describe(text)
                ),
            ));
        };
        if third.kind != TokenKind::End {
            return Err(error(
                third.start,
                format!(
                    "expected the end of the expression after the sort order, found {} \
                     (a sort expression is one operand followed by ASC or DESC)",
                    third.describe(text)
                ),
            ));
        }
        Ok(Sort {
            operand,
            descending,
        })
    }

    /// How `a` compares to `b` in this order; sessions without a value go last.
    pub fn compare(&self, a: &impl Searchable, b: &impl Searchable) -> Ordering {
        match (self.operand.value(a), self.operand.value(b)) {
            (AttributeValue::String(x), AttributeValue::String(y)) => self.order(x, y),
            (AttributeValue::Number(x), AttributeValue::Number(y)) => self.order(x, y),
            (AttributeValue::Boolean(x), AttributeValue::Boolean(y)) => self.order(x, y),
            // One operand always yields one kind of value.
            _ => Ordering::Equal,
        }
    }

    /// Sorts `items` in this order; the sort is stable.
    pub fn sort<T: Searchable>(&self, items: &mut [T]) {
        items.sort_by(|a, b| self.compare(a, b));
    }

    fn order<T: Ord>(&self, a: Option<T>, b: Option<T>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) if self.descending => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}
