//! The words of the reports that the core does not already have (statuses and verdicts
//! come from `yanglao_core`, the same words as the browser's panel).

use yanglao_core::model::Severity;
use yanglao_core::Locale;

pub const LOCALE: Locale = Locale::ZhCn;

/// A rule the category has but the report left out: its `applies` condition is false (e.g.
/// a threshold for another type of enterprise).
pub const NOT_APPLICABLE: &str = "不适用";

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "提示",
    }
}

/// The column heading of a rule: its clause number, then its id so two rules of one clause
/// stay apart (e.g. "二（一）1 e1").
pub fn rule_heading(clause: &str, id: &str) -> String {
    format!("{clause} {id}")
}
