//! Comparators and number literals, and how they compare.

use std::cmp::Ordering;

/// One of the six comparators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparator {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

impl Comparator {
    /// The comparator as written in an expression.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "=",
            Comparator::Ne => "<>",
            Comparator::Lt => "<",
            Comparator::Gt => ">",
            Comparator::Le => "<=",
            Comparator::Ge => ">=",
        }
    }

    /// Whether the comparator holds when the attribute compares `ordering` to the value.
    pub(crate) fn holds(self, ordering: Ordering) -> bool {
        match self {
            Comparator::Eq => ordering == Ordering::Equal,
            Comparator::Ne => ordering != Ordering::Equal,
            Comparator::Lt => ordering == Ordering::Less,
            Comparator::Gt => ordering == Ordering::Greater,
            Comparator::Le => ordering != Ordering::Greater,
            Comparator::Ge => ordering != Ordering::Less,
        }
    }
}

/// A number literal, kept exactly: its floor, and whether it had a non-zero fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    floor: i128,
    fractional: bool,
}

impl Number {
    /// The number `floor`, or a number between `floor` and `floor + 1` if `fractional`.
    pub(crate) fn new(floor: i128, fractional: bool) -> Self {
        Number { floor, fractional }
    }

    /// How the integer `x` compares to this number.
    pub(crate) fn compare_integer(self, x: i64) -> Ordering {
        match i128::from(x).cmp(&self.floor) {
            Ordering::Equal if self.fractional => Ordering::Less,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::error::SearchErrorKind;
    use super::super::lexer::{tokenize, TokenKind};
    use super::*;

    fn number(src: &str) -> Number {
        match tokenize(src, SearchErrorKind::Filter)
            .unwrap()
            .remove(0)
            .kind
        {
            TokenKind::Number(n) => n,
            other => panic!("not a number: {other:?}"),
        }
    }

    #[test]
    fn numbers_compare_exactly() {
        assert_eq!(number("10").compare_integer(10), Ordering::Equal);
        assert_eq!(number("10.5").compare_integer(10), Ordering::Less);
        assert_eq!(number("10.5").compare_integer(11), Ordering::Greater);
        assert_eq!(number("10.0").compare_integer(10), Ordering::Equal);
        assert_eq!(number("-10.5").compare_integer(-11), Ordering::Less);
        assert_eq!(number("-10.5").compare_integer(-10), Ordering::Greater);
        assert_eq!(number("-3").compare_integer(-3), Ordering::Equal);
        let huge = number("99999999999999999999");
        assert_eq!(huge.compare_integer(i64::MAX), Ordering::Less);
    }

    #[test]
    fn comparators_hold_for_the_right_orderings() {
        use Ordering::*;
        let table = [
            (Comparator::Eq, [false, true, false]),
            (Comparator::Ne, [true, false, true]),
            (Comparator::Lt, [true, false, false]),
            (Comparator::Gt, [false, false, true]),
            (Comparator::Le, [true, true, false]),
            (Comparator::Ge, [false, true, true]),
        ];
        for (comparator, expected) in table {
            let got = [Less, Equal, Greater].map(|o| comparator.holds(o));
            assert_eq!(got, expected, "{}", comparator.symbol());
        }
    }
}
