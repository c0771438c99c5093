//! Calling the functions of the standard library and the AWS library.

use std::rc::Rc;

use super::aws::{is_virtual_hostable_s3_bucket, parse_arn};
use super::error::ResolveError;
use super::eval::Eval;
use super::stdlib::{is_valid_host_label, parse_url, split, substring, uri_encode};
use super::syntax::{Call, Func};
use super::val::{Text, Val};

/// The value of an argument that must be set, or the call's value is not set either.
macro_rules! set {
    ($arg:expr) => {
        match $arg? {
            Some(value) => value,
            None => return Ok(None),
        }
    };
}

impl<'a> Eval<'a> {
    /// The value of a call; `None` when the function gives nothing (`parseURL` of something
    /// that is not a URL) or an argument it needs is not set.
    pub(super) fn call(&self, call: &'a Call) -> Result<Option<Val<'a>>, ResolveError> {
        Ok(match &call.func {
            Func::BooleanEquals => Some(Val::Bool(
                set!(self.boolean(call, 0)) == set!(self.boolean(call, 1)),
            )),
            Func::StringEquals => Some(Val::Bool(
                *set!(self.text(call, 0)) == *set!(self.text(call, 1)),
            )),
            Func::IsSet => Some(Val::Bool(self.expr(&call.args[0])?.is_some())),
            Func::Not => Some(Val::Bool(!set!(self.boolean(call, 0)))),
            Func::GetAttr(path) => set!(self.expr(&call.args[0])).get_attr(path),
            Func::IsValidHostLabel => Some(Val::Bool(is_valid_host_label(
                &set!(self.text(call, 0)),
                set!(self.boolean(call, 1)),
            ))),
            Func::ParseUrl => {
                parse_url(&set!(self.text(call, 0))).map(|url| Val::Url(Rc::new(url)))
            }
            Func::Substring => {
                let input = set!(self.text(call, 0));
                let (start, end) = (set!(self.int(call, 1)), set!(self.int(call, 2)));
                substring(&input, start, end, set!(self.boolean(call, 3))).map(Val::string)
            }
            Func::UriEncode => Some(Val::string(uri_encode(&set!(self.text(call, 0))))),
            Func::Split => {
                let input = set!(self.text(call, 0));
                let delimiter = set!(self.text(call, 1));
                split(&input, &delimiter, set!(self.int(call, 2)))
                    .map(|parts| Val::Array(parts.into_iter().map(Val::string).collect()))
            }
            Func::Coalesce => self.coalesce(call)?,
            Func::Ite => {
                let branch = if set!(self.boolean(call, 0)) { 1 } else { 2 };
                self.expr(&call.args[branch])?
            }
            Func::AwsPartition => self
                .partitions
                .partition_of(&set!(self.text(call, 0)))
                .map(Val::Partition),
            Func::AwsParseArn => {
                parse_arn(&set!(self.text(call, 0))).map(|arn| Val::Arn(Rc::new(arn)))
            }
            Func::AwsIsVirtualHostableS3Bucket => Some(Val::Bool(is_virtual_hostable_s3_bucket(
                &set!(self.text(call, 0)),
                set!(self.boolean(call, 1)),
            ))),
        })
    }

    /// The first argument that is set (`false` and `""` count as set).
    fn coalesce(&self, call: &'a Call) -> Result<Option<Val<'a>>, ResolveError> {
        for arg in &call.args {
            if let Some(value) = self.expr(arg)? {
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    fn text(&self, call: &'a Call, index: usize) -> Result<Option<Text<'a>>, ResolveError> {
        match self.expr(&call.args[index])? {
            None => Ok(None),
            Some(Val::Str(text)) => Ok(Some(text)),
            Some(other) => Err(wrong_type(call, index, &other, "a string")),
        }
    }

    fn boolean(&self, call: &'a Call, index: usize) -> Result<Option<bool>, ResolveError> {
        match self.expr(&call.args[index])? {
            None => Ok(None),
            Some(Val::Bool(b)) => Ok(Some(b)),
            Some(other) => Err(wrong_type(call, index, &other, "a boolean")),
        }
    }

    fn int(&self, call: &'a Call, index: usize) -> Result<Option<i64>, ResolveError> {
        match self.expr(&call.args[index])? {
            None => Ok(None),
            Some(Val::Int(i)) => Ok(Some(i)),
            Some(other) => Err(wrong_type(call, index, &other, "an integer")),
        }
    }
}

fn wrong_type(call: &Call, index: usize, found: &Val<'_>, expected: &str) -> ResolveError {
    ResolveError::Evaluation(format!(
        "argument {} of `{}` is {}, but it takes {expected}",
        index + 1,
        call.func.name(),
        found.kind()
    ))
}
