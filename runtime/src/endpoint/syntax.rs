//! The parsed form of a rule set: what the evaluator walks. Every name is resolved to a slot
//! when the rule set loads, every `getAttr` path and template is split into its parts, so
//! resolving reads no JSON and looks up no names.

/// Where a parameter or an assigned variable lives while a rule set resolves: an index into
/// the evaluator's slots. Parameters take the first slots, in declaration order.
pub(super) type Slot = usize;

/// An expression: a function argument, a URL, a header value, an error message.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Expr {
    /// A string without `{…}` references.
    Str(Box<str>),
    /// A boolean literal.
    Bool(bool),
    /// An integer literal (`substring` and `split` arguments).
    Int(i64),
    /// A list literal.
    Array(Vec<Expr>),
    /// A string with `{…}` references.
    Template(Template),
    /// `{"ref": "name"}`.
    Ref(Slot),
    /// `{"fn": …, "argv": […]}`.
    Call(Box<Call>),
}

/// A function call.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Call {
    pub(super) func: Func,
    pub(super) args: Vec<Expr>,
}

/// The functions of the standard library and the AWS library.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Func {
    BooleanEquals,
    StringEquals,
    IsSet,
    Not,
    /// `getAttr`, its path (the second argument) parsed.
    GetAttr(Vec<PathPart>),
    IsValidHostLabel,
    ParseUrl,
    Substring,
    UriEncode,
    Split,
    Coalesce,
    Ite,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
}

impl Func {
    /// The function's name in rule sets, and how many arguments it takes (at least, at most).
    pub(super) fn signature(&self) -> (&'static str, usize, usize) {
        match self {
            Func::BooleanEquals => ("booleanEquals", 2, 2),
            Func::StringEquals => ("stringEquals", 2, 2),
            Func::IsSet => ("isSet", 1, 1),
            Func::Not => ("not", 1, 1),
            Func::GetAttr(_) => ("getAttr", 2, 2),
            Func::IsValidHostLabel => ("isValidHostLabel", 2, 2),
            Func::ParseUrl => ("parseURL", 1, 1),
            Func::Substring => ("substring", 4, 4),
            Func::UriEncode => ("uriEncode", 1, 1),
            Func::Split => ("split", 3, 3),
            Func::Coalesce => ("coalesce", 2, usize::MAX),
            Func::Ite => ("ite", 3, 3),
            Func::AwsPartition => ("aws.partition", 1, 1),
            Func::AwsParseArn => ("aws.parseArn", 1, 1),
            Func::AwsIsVirtualHostableS3Bucket => ("aws.isVirtualHostableS3Bucket", 2, 2),
        }
    }

    /// The function called `name`, `getAttr` with an empty path until its argument is read.
    pub(super) fn named(name: &str) -> Option<Func> {
        Some(match name {
            "booleanEquals" => Func::BooleanEquals,
            "stringEquals" => Func::StringEquals,
            "isSet" => Func::IsSet,
            "not" => Func::Not,
            "getAttr" => Func::GetAttr(Vec::new()),
            "isValidHostLabel" => Func::IsValidHostLabel,
            "parseURL" => Func::ParseUrl,
            "substring" => Func::Substring,
            "uriEncode" => Func::UriEncode,
            "split" => Func::Split,
            "coalesce" => Func::Coalesce,
            "ite" => Func::Ite,
            "aws.partition" => Func::AwsPartition,
            "aws.parseArn" => Func::AwsParseArn,
            "aws.isVirtualHostableS3Bucket" => Func::AwsIsVirtualHostableS3Bucket,
            _ => return None,
        })
    }

    /// The function's name in rule sets.
    pub(super) fn name(&self) -> &'static str {
        self.signature().0
    }
}

/// One step of a `getAttr` path (`a.b[0]`): a key of a record, or an index into a list
/// (negative from the end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum PathPart {
    Key(Box<str>),
    Index(i64),
}

/// A string with `{name}` and `{name#path}` references.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Template {
    pub(super) parts: Vec<TemplatePart>,
}

/// A piece of a [`Template`].
#[derive(Clone, Debug, PartialEq)]
pub(super) enum TemplatePart {
    Literal(Box<str>),
    /// `{name}`, or `{name#path}` with its path.
    Value(Slot, Vec<PathPart>),
}

/// A condition: a function call whose value must be set and not `false`, maybe assigned.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Condition {
    pub(super) call: Expr,
    pub(super) assign: Option<Slot>,
}

/// A rule of a decision tree.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Rule {
    pub(super) conditions: Vec<Condition>,
    pub(super) outcome: Outcome,
}

/// What a rule gives once its conditions hold.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Outcome {
    Endpoint(EndpointSpec),
    Error(Expr),
    Tree(Vec<Rule>),
}

/// An `endpoint` rule's endpoint, before its templates are filled in.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct EndpointSpec {
    pub(super) url: Expr,
    /// Header names and their values, in name order.
    pub(super) headers: Vec<(String, Vec<Expr>)>,
    /// Property names and values, in name order.
    pub(super) properties: Vec<(String, PropertySpec)>,
}

/// An endpoint property before its templates are filled in.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PropertySpec {
    Str(Expr),
    Bool(bool),
    Int(i64),
    Array(Vec<PropertySpec>),
    Object(Vec<(String, PropertySpec)>),
}
