//! Consistency checks between fields (`Category::checks`).
//!
//! A check runs as soon as every field it reads holds a valid value: it neither waits for the
//! rest of the form nor guesses at fields that are empty or wrong.

use super::field::{Reading, Typed};
use super::issue::{CheckFailure, IssueKind};
use super::Form;
use crate::model::{Check, CheckTest};

/// The field a check's message belongs next to.
pub fn reported_on(check: &Check) -> &str {
    match &check.test {
        CheckTest::NotGreater { left, .. } => left,
        CheckTest::RatioAgrees { field, .. } => field,
        CheckTest::TotalChars { fields, .. } => fields.first().map(String::as_str).unwrap_or(""),
        CheckTest::DateNotBefore { field, .. } => field,
    }
}

/// Every field a check reads, for the issue's `fields` list.
pub fn fields_read(check: &Check) -> Vec<String> {
    match &check.test {
        CheckTest::NotGreater { left, right, .. } => vec![left.clone(), right.clone()],
        CheckTest::RatioAgrees {
            field,
            numerator,
            denominator,
            ..
        } => {
            vec![field.clone(), numerator.clone(), denominator.clone()]
        }
        CheckTest::TotalChars { fields, .. } => fields.clone(),
        CheckTest::DateNotBefore { field, other } => vec![field.clone(), other.clone()],
    }
}

/// `Some(failure)` when the check fails on the values given.
pub fn run(form: &Form, check: &Check) -> Option<IssueKind> {
    let failure = match &check.test {
        CheckTest::NotGreater {
            left,
            right,
            factor,
        } => {
            let (l, r) = (form.number(left)?, form.number(right)?);
            // A tolerance of one part in a million absorbs decimal rounding of 万元 figures.
            let limit = r * factor;
            if l <= limit + limit.abs() * 1e-9 {
                return None;
            }
            CheckFailure::Greater {
                left_label: form.label(left),
                left: l,
                right_label: form.label(right),
                right: r,
                factor: *factor,
                unit: form.unit(left),
                right_unit: form.unit(right),
            }
        }
        CheckTest::RatioAgrees {
            field,
            numerator,
            denominator,
            tolerance,
        } => {
            let stated = form.number(field)?;
            let (n, d) = (form.number(numerator)?, form.number(denominator)?);
            if d <= 0.0 {
                return None;
            }
            let computed = n / d * 100.0;
            if (stated - computed).abs() <= *tolerance {
                return None;
            }
            CheckFailure::RatioDisagrees {
                stated,
                computed,
                tolerance: *tolerance,
                numerator_label: form.label(numerator),
                denominator_label: form.label(denominator),
            }
        }
        CheckTest::TotalChars { fields, max } => {
            let total = fields
                .iter()
                .filter_map(|f| match &form.slot(f)?.reading {
                    Reading::Valid(Typed::Text { count }) => Some(*count),
                    _ => None,
                })
                .fold(0u32, u32::saturating_add);
            if total <= *max {
                return None;
            }
            CheckFailure::TotalChars { total, max: *max }
        }
        CheckTest::DateNotBefore { field, other } => {
            let (date, other_date) = (form.slot(field)?.date()?, form.slot(other)?.date()?);
            if date >= other_date {
                return None;
            }
            CheckFailure::DateBefore {
                other_label: form.label(other),
                date,
                other: other_date,
            }
        }
    };
    Some(IssueKind::Check {
        id: check.id.clone(),
        failure: Box::new(failure),
    })
}
