//! The whole-form and single-field checks, and the one report pages receive.
//!
//! **Invariant:** for any category, any values and any field id, `validate_field` returns
//! exactly the issues `validate_form` reports for that field, in the same order — a page can
//! check on every keystroke and on submit and never see two answers.
//! **Invariant:** nothing here panics or returns `Err`: every problem is an `Issue`.

mod checker;
mod cross;
pub mod field;
pub mod issue;
mod messages;

use crate::checks::Date;
use crate::eligibility::{self, Eligibility};
use crate::locale::Locale;
use crate::model::{Category, Severity};
use crate::value::{Value, Values};
pub use checker::FormChecker;
use field::Slot;
pub use issue::{CheckFailure, Issue, IssueKind};
use serde::Serialize;
use std::cell::{Cell, OnceCell};

/// What the checks need besides the values.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub locale: Locale,
    /// Today's date as the page's clock says (the core never reads a clock, so the same
    /// inputs always give the same report); `None` skips the "not in the future" check.
    pub today: Option<Date>,
}

/// Everything a page needs after one call.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// No error-severity issue (warnings don't block).
    pub valid: bool,
    pub issues: Vec<Issue>,
    pub eligibility: Eligibility,
}

impl Report {
    /// The report as JSON, exactly as serde_json writes it (`tests/json_differential.rs`), by
    /// the core's own small writer: the module hands pages one string and `JSON.parse`.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + 160 * self.issues.len());
        let mut o = crate::json::ObjectWriter::new(&mut out);
        o.bool("valid", self.valid);
        Issue::write_list(o.key("issues"), &self.issues);
        self.eligibility.write_json(o.key("eligibility"));
        o.end();
        out
    }
}

/// A form being checked: values plus each field's reading, computed at most once and only
/// when something asks for it (a keystroke reads one field and what it depends on).
///
/// Fields are addressed by their position in `category.fields`: the page's values and the
/// fields it collects are matched to positions once, when the form is made, so reading a
/// field never compares ids again (string comparisons were a quarter of a whole-form check).
pub struct Form<'a> {
    pub category: &'a Category,
    pub values: &'a Values,
    pub ctx: &'a Context,
    /// Each field's value, by position (`None`: the page gave nothing for it).
    given: Vec<Option<&'a Value>>,
    /// Whether the page has an input for each field, by position (`None`: every field; the page
    /// did not say which it collects). A field not collected is never required nor reported,
    /// and a rule that needs it is 待补充 saying the page does not collect it.
    collected: Option<Vec<bool>>,
    slots: Vec<OnceCell<Slot>>,
    /// Slots being read right now: a field whose condition leads back to itself (a data bug
    /// the lint refuses) reads as not given instead of recursing.
    busy: Vec<Cell<bool>>,
}

impl<'a> Form<'a> {
    pub fn new(category: &'a Category, values: &'a Values, ctx: &'a Context) -> Form<'a> {
        Form::collecting(category, values, ctx, None)
    }

    /// A form on a page that has inputs only for `collected` (`None`: for every field).
    pub fn collecting(
        category: &'a Category,
        values: &'a Values,
        ctx: &'a Context,
        collected: Option<&[String]>,
    ) -> Form<'a> {
        let n = category.fields.len();
        let in_page = collected.map(|ids| {
            let mut in_page = vec![false; n];
            for i in ids.iter().filter_map(|id| category.field_position(id)) {
                if let Some(c) = in_page.get_mut(i) {
                    *c = true;
                }
            }
            in_page
        });
        Form {
            category,
            values,
            ctx,
            given: values_by_position(category, values),
            collected: in_page,
            slots: (0..n).map(|_| OnceCell::new()).collect(),
            busy: (0..n).map(|_| Cell::new(false)).collect(),
        }
    }

    /// Whether the page has the field (always, unless it said which fields it collects).
    pub fn collects(&self, id: &str) -> bool {
        self.collected.is_none()
            || self
                .category
                .field_position(id)
                .is_some_and(|i| self.collects_at(i))
    }

    /// `collects` for the field at position `i`.
    pub fn collects_at(&self, i: usize) -> bool {
        self.collected
            .as_ref()
            .is_none_or(|c| c.get(i).copied().unwrap_or(false))
    }

    /// What the page gave for the field at position `i`.
    pub fn value_at(&self, i: usize) -> Option<&'a Value> {
        self.given.get(i).copied().flatten()
    }

    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.slot_at(self.category.field_position(id)?)
    }

    /// The reading of the field at position `i`, read on first use.
    pub fn slot_at(&self, i: usize) -> Option<&Slot> {
        let (field, cell, busy) = (
            self.category.fields.get(i)?,
            self.slots.get(i)?,
            self.busy.get(i)?,
        );
        if let Some(slot) = cell.get() {
            return Some(slot);
        }
        if busy.replace(true) {
            return None;
        }
        let slot = field::read(self, i, field);
        busy.set(false);
        // `set` (not `get_or_init`) so that even a cycle could never re-enter a cell.
        let _ = cell.set(slot);
        cell.get()
    }

    /// `Some(true/false)` once the condition's field holds a valid answer; `None` while it is
    /// not given, not valid or itself not applicable.
    pub fn condition(&self, cond: &crate::model::Condition) -> Option<bool> {
        match &self.slot(&cond.field)?.reading {
            field::Reading::Valid(field::Typed::Options(selected)) => {
                Some(selected.iter().any(|s| *s == cond.has))
            }
            field::Reading::Valid(field::Typed::Bool(b)) => {
                Some(if cond.has == "no" { !b } else { *b })
            }
            _ => None,
        }
    }

    pub fn number(&self, id: &str) -> Option<f64> {
        self.slot(id)?.number()
    }

    /// The normalised 统一社会信用代码 in field `id`, if it holds a valid one.
    pub fn uscc(&self, id: &str) -> Option<String> {
        let i = self.category.field_position(id)?;
        if !matches!(self.slot_at(i)?.reading, field::Reading::Valid(_)) {
            return None;
        }
        let raw = match self.value_at(i)? {
            crate::value::Value::Text(s) => s.as_str(),
            crate::value::Value::List(items) => items
                .iter()
                .map(String::as_str)
                .find(|s| !crate::value::is_blank(s))?,
            _ => return None,
        };
        crate::checks::check_uscc(raw).ok().map(|p| p.value)
    }

    pub fn label(&self, id: &str) -> String {
        self.category
            .field(id)
            .map(|f| f.name().to_string())
            .unwrap_or_else(|| id.to_string())
    }

    pub fn unit(&self, id: &str) -> Option<String> {
        self.category
            .field(id)
            .and_then(|f| f.unit.as_deref().map(str::to_string))
    }

    /// The issues that belong to field `id`: its own, then the cross-field checks reported on it.
    fn issues_for(&self, id: &str) -> Vec<Issue> {
        let found = self
            .category
            .field_position(id)
            .and_then(|i| Some((i, self.category.fields.get(i)?)));
        let Some((i, field)) = found else {
            return vec![Issue {
                field: id.chars().take(100).collect(),
                rule: "field".into(),
                code: IssueKind::UnknownField.code(),
                severity: Severity::Error,
                message: messages::render(&IssueKind::UnknownField, None, self.ctx.locale),
                fields: Vec::new(),
            }];
        };
        let checks = self
            .category
            .checks
            .iter()
            .filter(|c| cross::reported_on(c) == id);
        let mut out = Vec::new();
        self.push_issues(i, field, checks, &mut out);
        out
    }

    /// Appends the issues of the field at position `i`: its own, then those of `checks` (the
    /// consistency checks reported on it).
    fn push_issues<'c>(
        &self,
        i: usize,
        field: &crate::model::Field,
        checks: impl Iterator<Item = &'c crate::model::Check>,
        out: &mut Vec<Issue>,
    ) {
        if let Some(slot) = self.slot_at(i) {
            for (kind, severity) in &slot.issues {
                let rule = if *kind == IssueKind::Required {
                    "required".to_string()
                } else {
                    kind_rule(field)
                };
                out.push(Issue {
                    field: field.id.to_string(),
                    rule,
                    code: kind.code(),
                    severity: *severity,
                    message: messages::render(kind, Some(field), self.ctx.locale),
                    fields: Vec::new(),
                });
            }
        }
        for check in checks {
            if let Some(kind) = cross::run(self, check) {
                out.push(Issue {
                    field: field.id.to_string(),
                    rule: check.id.to_string(),
                    code: kind.code(),
                    severity: check.severity,
                    message: messages::render(&kind, Some(field), self.ctx.locale),
                    fields: cross::fields_read(check),
                });
            }
        }
    }
}

/// Each field's value by position: one pass over the two id-sorted lists (the values' keys and
/// the compiled `field_index`) when the page passed most of the form, a search per value when
/// it passed a few (a keystroke).
fn values_by_position<'v>(category: &Category, values: &'v Values) -> Vec<Option<&'v Value>> {
    let n = category.fields.len();
    let mut given = vec![None; n];
    let index = &category.field_index;
    if index.is_empty() || values.len() * 8 < n {
        for (id, value) in values {
            if let Some(slot) = category.field_position(id).and_then(|i| given.get_mut(i)) {
                *slot = Some(value);
            }
        }
        return given;
    }
    let mut fields = index.iter().map(|&i| usize::from(i)).peekable();
    let mut entries = values.iter().peekable();
    while let (Some(&i), Some(&(id, value))) = (fields.peek(), entries.peek()) {
        let field_id = category.fields.get(i).map_or("", |f| f.id.as_str());
        match field_id.cmp(id.as_str()) {
            std::cmp::Ordering::Less => {
                fields.next();
            }
            std::cmp::Ordering::Greater => {
                entries.next();
            }
            std::cmp::Ordering::Equal => {
                if let Some(slot) = given.get_mut(i) {
                    *slot = Some(value);
                }
                fields.next();
                entries.next();
            }
        }
    }
    given
}

/// The checker's name as the `rule` of a format issue, e.g. `uscc`, `amount`, `longText`.
fn kind_rule(field: &crate::model::Field) -> String {
    field.kind.name().to_string()
}

/// Every issue of every field, in the form's order, and the eligibility verdicts.
pub fn validate_form(category: &Category, values: &Values, ctx: &Context) -> Report {
    validate_collected_form(category, values, ctx, None)
}

/// `validate_form` for a page that has inputs only for the fields in `collected`.
pub fn validate_collected_form(
    category: &Category,
    values: &Values,
    ctx: &Context,
    collected: Option<&[String]>,
) -> Report {
    let form = Form::collecting(category, values, ctx, collected);
    // Each check's field, found once (not once per field of the form).
    let reported_on: Vec<Option<usize>> = category
        .checks
        .iter()
        .map(|c| category.field_position(cross::reported_on(c)))
        .collect();
    let mut issues = Vec::new();
    for (i, field) in category.fields.iter().enumerate() {
        let checks = category
            .checks
            .iter()
            .zip(&reported_on)
            .filter(|(_, on)| **on == Some(i))
            .map(|(c, _)| c);
        form.push_issues(i, field, checks, &mut issues);
    }
    let valid = !issues.iter().any(|i| i.severity == Severity::Error);
    let eligibility = eligibility::evaluate(&form);
    Report {
        valid,
        issues,
        eligibility,
    }
}

/// The issues of one field, exactly as `validate_form` reports them (cheap: it reads only
/// this field and the fields its checks and conditions need).
pub fn validate_field(
    category: &Category,
    field_id: &str,
    values: &Values,
    ctx: &Context,
) -> Vec<Issue> {
    validate_collected_field(category, field_id, values, ctx, None)
}

/// `validate_field` for a page that has inputs only for the fields in `collected`: exactly
/// what `validate_collected_form` reports for the field.
pub fn validate_collected_field(
    category: &Category,
    field_id: &str,
    values: &Values,
    ctx: &Context,
    collected: Option<&[String]>,
) -> Vec<Issue> {
    Form::collecting(category, values, ctx, collected).issues_for(field_id)
}

/// Every field `validate_field(id)` may read: the field, the fields its consistency checks
/// read, and the fields their conditions and date limits depend on. The binding passes only
/// these across the JS boundary on a keystroke.
pub fn related_fields(category: &Category, id: &str) -> Vec<String> {
    category.related(id).into_iter().map(String::from).collect()
}

/// The other fields whose issues can change when `id` changes: those whose checks, conditions
/// or date limits read it (the reverse of `related_fields`). A page re-checks these, and only
/// these, after a keystroke in `id`.
pub fn dependents(category: &Category, id: &str) -> Vec<String> {
    category
        .dependents(id)
        .into_iter()
        .map(String::from)
        .collect()
}
