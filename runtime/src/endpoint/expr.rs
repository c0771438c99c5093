//! Reading expressions: literals, templates, references and function calls.

use serde_json::Value as Json;

use super::error::RuleSetError;
use super::json::{kind, Cursor};
use super::scope::Scope;
use super::syntax::{Call, Condition, Expr, Func, PathPart, Template, TemplatePart};

/// A condition's call and the variable it assigns, if any; the caller declares the variable
/// (rules) or looks it up (a decision diagram, whose variables are all declared up front).
pub(super) fn parse_condition<'j>(
    at: &Cursor<'j>,
    scope: &Scope<'_>,
) -> Result<(Expr, Option<&'j str>), RuleSetError> {
    let call = parse_call(at, scope)?;
    Ok((Expr::Call(Box::new(call)), at.optional_string("assign")?))
}

/// Declares the variable a rule's condition assigns, and builds the condition.
pub(super) fn declare_condition(
    at: &Cursor<'_>,
    scope: &mut Scope<'_>,
) -> Result<Condition, RuleSetError> {
    let (call, assign) = parse_condition(at, scope)?;
    let assign = match assign {
        Some(name) => Some(scope.declare(&at.key("assign"), name)?),
        None => None,
    };
    Ok(Condition { call, assign })
}

/// An expression: a string (a template), a boolean, an integer, a list, `{"ref": …}` or
/// `{"fn": …, "argv": […]}`.
pub(super) fn parse_expr(at: &Cursor<'_>, scope: &Scope<'_>) -> Result<Expr, RuleSetError> {
    match at.json() {
        Some(Json::String(text)) => parse_template(at, text, scope),
        Some(Json::Bool(b)) => Ok(Expr::Bool(*b)),
        Some(Json::Number(_)) => at.integer().map(Expr::Int),
        Some(Json::Array(_)) => at
            .map_items(|item| parse_expr(item, scope))
            .map(Expr::Array),
        Some(Json::Object(object)) if object.contains_key("ref") => {
            let name = at.key("ref").string()?;
            scope.resolve(&at.key("ref"), name).map(Expr::Ref)
        }
        Some(Json::Object(object)) if object.contains_key("fn") => {
            parse_call(at, scope).map(|call| Expr::Call(Box::new(call)))
        }
        other => Err(at.error(format!(
            "expected a string, boolean, integer, list, reference ({{\"ref\": …}}) or function \
             call ({{\"fn\": …, \"argv\": […]}}), found {}",
            other.map_or("nothing", kind)
        ))),
    }
}

fn parse_call(at: &Cursor<'_>, scope: &Scope<'_>) -> Result<Call, RuleSetError> {
    let name = at.key("fn").string()?;
    let func = Func::named(name).ok_or_else(|| {
        at.key("fn").error(format!(
            "unknown function `{name}`; the rules engine's standard library and AWS library \
             define booleanEquals, stringEquals, isSet, not, getAttr, isValidHostLabel, \
             parseURL, substring, uriEncode, split, coalesce, ite, aws.partition, \
             aws.parseArn and aws.isVirtualHostableS3Bucket"
        ))
    })?;
    let argv = at.key("argv");
    let count = argv.array()?.len();
    let (_, min, max) = func.signature();
    if count < min || count > max {
        let wanted = match (min, max) {
            (min, max) if min == max => format!("{min}"),
            (min, usize::MAX) => format!("at least {min}"),
            (min, max) => format!("{min} to {max}"),
        };
        return Err(argv.error(format!("`{name}` takes {wanted} arguments, not {count}")));
    }
    if matches!(func, Func::GetAttr(_)) {
        let path_at = argv.index(1);
        let path = parse_path(&path_at, path_at.string()?)?;
        let target = parse_expr(&argv.index(0), scope)?;
        return Ok(Call {
            func: Func::GetAttr(path),
            args: vec![target],
        });
    }
    let args = argv.map_items(|arg| parse_expr(arg, scope))?;
    Ok(Call { func, args })
}

/// A `getAttr` path: keys joined by `.`, the last maybe followed by an index (`a.b[0]`,
/// `[-1]`).
pub(super) fn parse_path(at: &Cursor<'_>, path: &str) -> Result<Vec<PathPart>, RuleSetError> {
    let bad = |why: &str| at.error(format!("invalid attribute path `{path}`: {why}"));
    let mut parts = Vec::new();
    for piece in path.split('.') {
        let (key, index) = match piece.find('[') {
            Some(open) => (&piece[..open], Some(&piece[open..])),
            None => (piece, None),
        };
        if !key.is_empty() {
            parts.push(PathPart::Key(key.into()));
        } else if index.is_none() {
            return Err(bad("an empty key"));
        }
        if let Some(index) = index {
            let digits = index
                .strip_prefix('[')
                .and_then(|i| i.strip_suffix(']'))
                .ok_or_else(|| bad("an index is `[N]`"))?;
            let index = digits
                .parse::<i64>()
                .map_err(|_| bad("an index is an integer"))?;
            parts.push(PathPart::Index(index));
        }
    }
    Ok(parts)
}

/// A string, with its `{name}` and `{name#path}` references resolved; `{{` and `}}` stand
/// for braces. A string without references is a plain [`Expr::Str`].
fn parse_template(at: &Cursor<'_>, text: &str, scope: &Scope<'_>) -> Result<Expr, RuleSetError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        literal.push_str(&rest[..i]);
        let brace = &rest[i..i + 1];
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix(brace) {
            literal.push_str(brace);
            rest = after;
            continue;
        }
        if brace == "}" {
            return Err(at.error(format!(
                "template `{text}` has a `}}` without its `{{`; write `}}}}` for a brace"
            )));
        }
        let end = rest
            .find('}')
            .ok_or_else(|| at.error(format!("template `{text}` has an unclosed `{{`")))?;
        let (name, path) = match rest[..end].split_once('#') {
            Some((name, path)) => (name, parse_path(at, path)?),
            None => (&rest[..end], Vec::new()),
        };
        if !literal.is_empty() {
            parts.push(TemplatePart::Literal(std::mem::take(&mut literal).into()));
        }
        parts.push(TemplatePart::Value(scope.resolve(at, name)?, path));
        rest = &rest[end + 1..];
    }
    literal.push_str(rest);
    if parts.is_empty() {
        return Ok(Expr::Str(literal.into()));
    }
    if !literal.is_empty() {
        parts.push(TemplatePart::Literal(literal.into()));
    }
    Ok(Expr::Template(Template { parts }))
}
