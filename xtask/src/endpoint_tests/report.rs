//! The outcome of a service's endpoint tests, and how it prints.

/// The outcome of one test case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseOutcome {
    /// Every resolution the case asks for gave what it expects.
    Passed,
    /// What went wrong: the parameters, what was expected and what came out.
    Failed(String),
    /// Not run as a pass or a failure, and why.
    Skipped(String),
}

/// One test case and its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseReport {
    /// The case's documentation.
    pub documentation: String,
    /// Its outcome.
    pub outcome: CaseOutcome,
}

/// The endpoint tests of one service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceReport {
    /// The service shape's id.
    pub service: String,
    /// Each case, in the trait's order.
    pub cases: Vec<CaseReport>,
}

impl ServiceReport {
    /// How many cases passed, failed and were skipped.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count =
            |f: fn(&CaseOutcome) -> bool| self.cases.iter().filter(|c| f(&c.outcome)).count();
        (
            count(|o| matches!(o, CaseOutcome::Passed)),
            count(|o| matches!(o, CaseOutcome::Failed(_))),
            count(|o| matches!(o, CaseOutcome::Skipped(_))),
        )
    }

    /// `endpoint tests <service>: P passed, F failed, S skipped of T`.
    pub fn summary(&self) -> String {
        let (passed, failed, skipped) = self.counts();
        format!(
            "endpoint tests {}: {passed} passed, {failed} failed, {skipped} skipped of {}",
            self.service,
            self.cases.len()
        )
    }

    /// Each failed case: `FAIL <service>: <documentation>` and its details, indented.
    pub fn failures(&self) -> Vec<String> {
        self.cases
            .iter()
            .filter_map(|case| match &case.outcome {
                CaseOutcome::Failed(details) => Some(format!(
                    "FAIL {}: {}\n{details}",
                    self.service, case.documentation
                )),
                _ => None,
            })
            .collect()
    }

    /// Marks the failed cases documented `documentation` as skipped for `reason`; returns how
    /// many cases are so documented and how many of them passed (a skip that no longer
    /// applies).
    pub fn skip(&mut self, documentation: &str, reason: &str) -> (usize, usize) {
        let mut found = 0;
        let mut passed = 0;
        for case in self
            .cases
            .iter_mut()
            .filter(|c| c.documentation == documentation)
        {
            found += 1;
            match case.outcome {
                CaseOutcome::Passed => passed += 1,
                _ => case.outcome = CaseOutcome::Skipped(reason.to_owned()),
            }
        }
        (found, passed)
    }
}
