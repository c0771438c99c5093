//! Waiters: their acceptors, with each path carried to the members' wire names. A waiter the
//! generator cannot take is left out, with the reason, never the whole model.

use super::Cx;
use crate::ir::{Acceptor, AcceptorState, Comparator, Matcher, OmittedWaiter, PathMatcher, Waiter};
use crate::model::{self, Shape, ShapeId, ShapeKind};
use crate::names;

impl Cx<'_> {
    /// The waiters of operation `op` (named `name` in the service), in name order, and those
    /// left out.
    pub(super) fn waiters(&self, op: &Shape, name: &str) -> (Vec<Waiter>, Vec<OmittedWaiter>) {
        let mut waiters = Vec::new();
        let mut left_out = Vec::new();
        for (waiter, w) in &op.traits.waitable {
            let problems = model::waiter_problems(self.model, op, waiter, w);
            if !problems.is_empty() {
                left_out.push(OmittedWaiter {
                    operation: name.to_owned(),
                    waiter: waiter.clone(),
                    problems,
                });
                continue;
            }
            waiters.push(Waiter {
                name: waiter.clone(),
                fn_ident: names::waiter_fn_ident(waiter),
                static_ident: names::waiter_static_ident(waiter),
                docs: w.documentation.clone(),
                deprecated: w.deprecated,
                min_delay: w.min_delay,
                max_delay: w.max_delay,
                acceptors: w.acceptors.iter().map(|a| self.acceptor(op, a)).collect(),
            });
        }
        left_out.extend(
            op.traits
                .malformed_waiters
                .iter()
                .map(|(waiter, why)| OmittedWaiter {
                    operation: name.to_owned(),
                    waiter: waiter.clone(),
                    problems: vec![model::malformed_waiter(waiter, why)],
                }),
        );
        (waiters, left_out)
    }

    fn acceptor(&self, op: &Shape, a: &model::Acceptor) -> Acceptor {
        let state = match a.state {
            model::AcceptorState::Success => AcceptorState::Success,
            model::AcceptorState::Failure => AcceptorState::Failure,
            model::AcceptorState::Retry => AcceptorState::Retry,
        };
        let matcher = match &a.matcher {
            model::Matcher::Output(m) => Matcher::Output(self.path_matcher(op, m, false)),
            model::Matcher::InputOutput(m) => Matcher::InputOutput(self.path_matcher(op, m, true)),
            model::Matcher::Success(b) => Matcher::Success(*b),
            model::Matcher::ErrorType(code) => Matcher::ErrorType(code.clone()),
        };
        Acceptor { state, matcher }
    }

    fn path_matcher(&self, op: &Shape, m: &model::PathMatcher, with_input: bool) -> PathMatcher {
        PathMatcher {
            path: self.wire_path(op, &m.path, with_input),
            expected: m.expected.clone(),
            comparator: match m.comparator {
                model::Comparator::StringEquals => Comparator::StringEquals,
                model::Comparator::BooleanEquals => Comparator::BooleanEquals,
                model::Comparator::AllStringEquals => Comparator::AllStringEquals,
                model::Comparator::AnyStringEquals => Comparator::AnyStringEquals,
            },
        }
    }

    /// `path` (which names members, as Smithy paths do) with each member it reads written
    /// with its wire name, for evaluation on the serde JSON form of the output (or of
    /// `{input, output}` when `with_input` is set).
    fn wire_path(&self, op: &Shape, path: &str, with_input: bool) -> String {
        let ShapeKind::Operation(o) = &op.kind else {
            return path.to_owned();
        };
        let Ok(expression) = smithy_jmespath::parse(path) else {
            return path.to_owned();
        };
        expression.rename_fields(|chain, field| match (with_input, chain.split_first()) {
            (false, _) => self.wire_name(&o.output, chain, field),
            (true, Some((side, rest))) if side == "input" => self.wire_name(&o.input, rest, field),
            (true, Some((side, rest))) if side == "output" => {
                self.wire_name(&o.output, rest, field)
            }
            (true, _) => None,
        })
    }

    /// `path` over values of shape `root`, with each member it reads written with its wire
    /// name (as [`Cx::wire_path`] does for waiters).
    pub(super) fn wire_path_over(&self, root: &ShapeId, path: &str) -> String {
        match smithy_jmespath::parse(path) {
            Ok(expression) => {
                expression.rename_fields(|chain, field| self.wire_name(root, chain, field))
            }
            Err(_) => path.to_owned(),
        }
    }

    /// The wire name of member `field` of the shape that `chain` reaches from `root`, when it
    /// differs from the member name.
    fn wire_name(&self, root: &ShapeId, chain: &[String], field: &str) -> Option<String> {
        let member = model::shape_at(self.model, root, chain)?.member(field)?;
        Some(self.json_name(member)).filter(|key| key != field)
    }
}
