//! What can be wrong with a form, as data. Messages are rendered apart (`messages.rs`).

use crate::checks::{Date, FormatIssue};
use crate::model::Severity;
use serde::Serialize;

/// Everything the field and cross-field checks can report. Variants carry the numbers a
/// message needs, never the person's full input.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// A required field (or a field required because of another's answer) is empty.
    Required,
    /// The checker for the field's kind refused or warned about the text.
    Format(FormatIssue),
    /// The page passed a value of a type this field cannot hold (e.g. an object).
    WrongType {
        got: &'static str,
    },
    /// A one-line text longer than its limit (in characters).
    TextTooLong {
        count: usize,
        max: usize,
    },
    /// A long text (or one item of a list) over its 字数 limit; `item` is 1-based.
    OverWordLimit {
        count: u32,
        max: u32,
        item: Option<usize>,
    },
    TooFewItems {
        count: usize,
        min: u32,
    },
    TooManyItems {
        count: usize,
        max: u32,
    },
    BelowMin {
        min: f64,
    },
    AboveMax {
        max: f64,
    },
    /// A choice that is not one of the field's options (clipped for the message).
    UnknownOption {
        option: String,
    },
    /// A single choice given several options.
    SingleChoiceOnly {
        count: usize,
    },
    /// Checklist items not ticked (labels).
    ChecklistUnticked {
        missing: Vec<String>,
    },
    /// A past event dated after the application's reference date.
    DateAfterReference {
        reference: Date,
        reference_label: String,
    },
    /// A past event dated after today.
    DateFuture {
        today: Date,
    },
    /// The application is dated after the notice's deadline for materials (a warning: the
    /// department may still accept it, but the applicant should know that ages and years are
    /// counted to this later date).
    AfterDeadline {
        deadline: Date,
    },
    /// The application (the reference date) is dated after today: years are counted to that
    /// future date, which can turn 不符合 into 符合 unnoticed (a warning).
    ReferenceAfterToday {
        today: Date,
    },
    /// A text list with more items than the outline asks for (介绍2个): a warning, since an
    /// extra case does not make the application wrong.
    MoreItemsThanAsked {
        count: usize,
        asked: u32,
    },
    /// `validateField` was asked about an id that is not a field of the category.
    UnknownField,
    /// A consistency check between fields failed.
    Check {
        id: String,
        failure: Box<CheckFailure>,
    },
}

/// How a consistency check failed, with the numbers behind it.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckFailure {
    /// left > right × factor.
    Greater {
        left_label: String,
        left: f64,
        right_label: String,
        right: f64,
        factor: f64,
        unit: Option<String>,
        right_unit: Option<String>,
    },
    /// The stated percentage is above numerator / denominator × 100, which it cannot be.
    RatioAbove {
        stated: f64,
        computed: f64,
        tolerance: f64,
        numerator_label: String,
        denominator_label: String,
    },
    /// A share above 0 % of a total that is 0.
    ShareOfZero { share: f64, total_label: String },
    /// The credit code's region digits are another province's than the notice's.
    UsccRegion {
        region: String,
        province: String,
        label: String,
    },
    /// Texts together over their 字数 budget.
    TotalChars { total: u32, max: u32 },
    /// A date before another it cannot precede.
    DateBefore {
        other_label: String,
        date: Date,
        other: Date,
    },
}

impl IssueKind {
    /// Stable dotted code, the same in every locale (tests and pages match on it).
    pub fn code(&self) -> String {
        match self {
            IssueKind::Required => "required".into(),
            IssueKind::Format(f) => f.code().into(),
            IssueKind::WrongType { .. } => "value.wrong_type".into(),
            IssueKind::TextTooLong { .. } => "text.too_long".into(),
            IssueKind::OverWordLimit { .. } => "wordcount.over_limit".into(),
            IssueKind::TooFewItems { .. } => "items.too_few".into(),
            IssueKind::TooManyItems { .. } => "items.too_many".into(),
            IssueKind::BelowMin { .. } => "number.below_min".into(),
            IssueKind::AboveMax { .. } => "number.above_max".into(),
            IssueKind::UnknownOption { .. } => "choice.unknown_option".into(),
            IssueKind::SingleChoiceOnly { .. } => "choice.single".into(),
            IssueKind::ChecklistUnticked { .. } => "checklist.unticked".into(),
            IssueKind::DateAfterReference { .. } => "date.after_reference".into(),
            IssueKind::DateFuture { .. } => "date.future".into(),
            IssueKind::AfterDeadline { .. } => "date.after_deadline".into(),
            IssueKind::ReferenceAfterToday { .. } => "date.reference_after_today".into(),
            IssueKind::MoreItemsThanAsked { .. } => "items.more_than_asked".into(),
            IssueKind::UnknownField => "field.unknown".into(),
            IssueKind::Check { id, .. } => format!("check.{id}"),
        }
    }
}

impl Issue {
    /// Appends the issue as JSON, as serde_json writes it.
    pub fn write_json(&self, out: &mut String) {
        let mut o = crate::json::ObjectWriter::new(out);
        o.str("field", &self.field);
        o.str("rule", &self.rule);
        o.str("code", &self.code);
        o.str("severity", self.severity.name());
        o.str("message", &self.message);
        if !self.fields.is_empty() {
            o.strs("fields", &self.fields);
        }
        o.end();
    }

    /// Appends a list of issues as a JSON array.
    pub fn write_list(out: &mut String, issues: &[Issue]) {
        crate::json::write_list(out, issues, |out, i| i.write_json(out));
    }

    /// A list of issues as JSON (a keystroke's answer).
    pub fn list_to_json(issues: &[Issue]) -> String {
        let mut out = String::with_capacity(160 * issues.len() + 2);
        Issue::write_list(&mut out, issues);
        out
    }
}

/// One problem as pages and reviewers see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// The field the message belongs next to.
    pub field: String,
    /// What produced it: `required`, the field's checker (`uscc`, `amount` …) or a check's id.
    pub rule: String,
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// For cross-field checks: every field the check reads.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}
