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
    check.test.reported_on()
}

/// Every field a check reads, for the issue's `fields` list.
pub fn fields_read(check: &Check) -> Vec<String> {
    check
        .test
        .fields_read()
        .into_iter()
        .map(|f| f.to_string())
        .collect()
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
        CheckTest::RatioNotAbove {
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
            if stated <= computed + *tolerance {
                return None;
            }
            CheckFailure::RatioAbove {
                stated,
                computed,
                tolerance: *tolerance,
                numerator_label: form.label(numerator),
                denominator_label: form.label(denominator),
            }
        }
        CheckTest::ShareOfZero { share, total } => {
            let (s, t) = (form.number(share)?, form.number(total)?);
            if t != 0.0 || s <= 0.0 {
                return None;
            }
            CheckFailure::ShareOfZero {
                share: s,
                total_label: form.label(total),
            }
        }
        CheckTest::UsccRegion {
            field,
            province,
            label,
        } => {
            let code = form.uscc(field)?;
            let region = crate::checks::uscc_province(&code)?;
            if region == province {
                return None;
            }
            CheckFailure::UsccRegion {
                region: region.to_string(),
                province: province.to_string(),
                label: label.to_string(),
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
        id: check.id.to_string(),
        failure: Box::new(failure),
    })
}
