//! Reading one field: is it in play, is it given, and what does it hold.
//!
//! Each kind of field has one checker in `crate::checks`; this file only dispatches to it,
//! applies the field's own limits (min, max, 字数, items) and remembers the typed value for the
//! cross-field checks and the eligibility rules.

use super::issue::IssueKind;
use super::Form;
use crate::blank::trim_blank;
use crate::checks::{self, Date, NumberOptions, PercentOptions};
use crate::model::{Category, ChoiceOption, Field, FieldKind, Severity};
use crate::value::{is_blank, Value};

/// The longest one-line text we accept, in characters, where the field sets no limit: no
/// name or address comes close, and it keeps a pasted document out of a name box.
const DEFAULT_TEXT_MAX: usize = 500;

/// The typed content of a valid field.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    Number(f64),
    Date(Date),
    Bool(bool),
    /// Selected option values (choice, multiChoice, checklist), deduplicated, in option order.
    Options(Vec<String>),
    /// Text and long text: the 字数 (long) or character count (short).
    Text {
        count: u32,
    },
    /// Non-blank items of a text list.
    Items(usize),
}

/// What a field amounts to, once read.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Its `when` condition is false: ignored, not reported, invisible to rules.
    NotApplicable,
    /// The page has no input for it (it said which fields it collects): not required, not
    /// reported; a rule that needs it cannot be decided from this page.
    NotCollected,
    NotGiven,
    /// Given but refused; the reason is among the issues.
    Invalid,
    Valid(Typed),
}

/// A field's reading plus what is wrong with it.
#[derive(Debug, Clone)]
pub struct Slot {
    pub reading: Reading,
    pub issues: Vec<(IssueKind, Severity)>,
}

impl Slot {
    fn bare(reading: Reading) -> Slot {
        Slot {
            reading,
            issues: Vec::new(),
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self.reading {
            Reading::Valid(Typed::Number(n)) => Some(n),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<Date> {
        match self.reading {
            Reading::Valid(Typed::Date(d)) => Some(d),
            _ => None,
        }
    }
}

/// Reads `field` (at `position` in the category) in the whole form: applicability, required,
/// format and limits. Conditions and the reference date come from the form's other slots, each
/// read at most once.
pub fn read(form: &Form, position: usize, field: &Field) -> Slot {
    if let Some(cond) = &field.when {
        if form.condition(cond) != Some(true) {
            return Slot::bare(Reading::NotApplicable);
        }
    }
    if !form.collects_at(position) {
        return Slot::bare(Reading::NotCollected);
    }
    let given = form.value_at(position).filter(|v| v.is_given());
    let Some(value) = given else {
        let mut slot = Slot::bare(Reading::NotGiven);
        if field.required {
            slot.issues.push((IssueKind::Required, Severity::Error));
        }
        return slot;
    };
    let category = form.category;
    let mut slot = parse(field, value, category);
    let Some(date) = slot.date() else { return slot };
    let is_reference = field.id == category.reference_date;
    if let (true, Some(deadline)) = (is_reference, category.deadline) {
        if date > deadline {
            slot.issues
                .push((IssueKind::AfterDeadline { deadline }, Severity::Warning));
        }
    }
    if let (true, Some(today)) = (is_reference, form.ctx.today) {
        if date > today {
            slot.issues
                .push((IssueKind::ReferenceAfterToday { today }, Severity::Warning));
        }
    }
    if field.past {
        let reference = if is_reference {
            None
        } else {
            form.slot(&category.reference_date).and_then(Slot::date)
        };
        if let Some(reference) = reference.filter(|r| date > *r) {
            let reference_label = form.label(&category.reference_date);
            slot.issues.push((
                IssueKind::DateAfterReference {
                    reference,
                    reference_label,
                },
                Severity::Error,
            ));
        }
        if let Some(today) = form.ctx.today.filter(|t| date > *t) {
            slot.issues
                .push((IssueKind::DateFuture { today }, Severity::Error));
        }
    }
    slot
}

/// The 万元 figure from which an amount typed without a unit is probably in 元 (the heuristic
/// and its reasons are at `checks::number::LIKELY_YUAN_FROM_WAN`). Bases are cities and
/// counties and parks whole industrial zones: their aggregates (辖区生产总值, a park's 营业收入)
/// reach thousands of 亿元, so their line is 10 万亿元 — above the GDP of every Chinese city — and
/// only a figure in 元 passes it. Enterprises and street offices keep the 100 亿元 line.
fn likely_yuan_from(category: &Category) -> u64 {
    match category.id.as_str() {
        "base" | "park" => checks::number::LIKELY_YUAN_FROM_WAN_REGIONAL,
        _ => checks::number::LIKELY_YUAN_FROM_WAN,
    }
}

/// Runs the field's checker on a given value.
pub fn parse(field: &Field, value: &Value, category: &Category) -> Slot {
    match field.kind {
        FieldKind::Text => with_text(value, |s| text(field, s)),
        FieldKind::LongText => with_text(value, |s| long_text(field, s)),
        FieldKind::Uscc => with_text(value, |s| {
            from_checked(checks::check_uscc(s), |_| Typed::Text { count: 18 })
        }),
        FieldKind::Phone => with_text(value, |s| {
            from_checked(checks::check_phone(s), |_| Typed::Text { count: 0 })
        }),
        FieldKind::Email => with_text(value, |s| {
            from_checked(checks::check_email(s), |_| Typed::Text { count: 0 })
        }),
        FieldKind::Date => with_text(value, |s| from_checked(checks::parse_date(s), Typed::Date)),
        FieldKind::Amount => with_text(value, |s| {
            let opts = NumberOptions {
                allow_negative: field.signed,
                max_decimals: 4,
                likely_yuan_from: Some(likely_yuan_from(category)),
            };
            limits(
                field,
                from_checked(checks::parse_amount_wan(s, opts), Typed::Number),
            )
        }),
        FieldKind::Number => with_text(value, |s| {
            let opts = NumberOptions {
                allow_negative: field.signed,
                max_decimals: 4,
                likely_yuan_from: None,
            };
            limits(
                field,
                from_checked(
                    checks::parse_decimal(s, field.unit.as_deref(), opts),
                    Typed::Number,
                ),
            )
        }),
        FieldKind::Count => with_text(value, |s| {
            limits(
                field,
                from_checked(checks::parse_count(s), |n| Typed::Number(n as f64)),
            )
        }),
        FieldKind::Percent => with_text(value, |s| {
            let opts = PercentOptions {
                allow_over_100: field.allow_over100,
            };
            limits(
                field,
                from_checked(checks::parse_percent(s, opts), Typed::Number),
            )
        }),
        FieldKind::YesNo => match value {
            Value::Bool(b) => Slot::bare(Reading::Valid(Typed::Bool(*b))),
            _ => with_text(value, |s| {
                from_checked(checks::parse_yes_no(s), Typed::Bool)
            }),
        },
        FieldKind::Declaration => match value {
            Value::Bool(b) => Slot::bare(if *b {
                Reading::Valid(Typed::Bool(true))
            } else {
                Reading::NotGiven
            }),
            _ => with_text(value, |s| match checks::parse_yes_no(s) {
                Ok(p) if p.value => Slot::bare(Reading::Valid(Typed::Bool(true))),
                Ok(_) => Slot::bare(Reading::NotGiven),
                // A checkbox without a value attribute submits "on".
                Err(_) if trim_blank(s).eq_ignore_ascii_case("on") => {
                    Slot::bare(Reading::Valid(Typed::Bool(true)))
                }
                Err(issue) => invalid(IssueKind::Format(issue)),
            }),
        },
        FieldKind::Choice => with_items(value, |items| choice(field, items, true)),
        FieldKind::MultiChoice => with_items(value, |items| choice(field, items, false)),
        FieldKind::Checklist => with_items(value, |items| checklist(field, items)),
        FieldKind::TextList => with_items(value, |items| text_list(field, items)),
    }
}

fn invalid(kind: IssueKind) -> Slot {
    Slot {
        reading: Reading::Invalid,
        issues: vec![(kind, Severity::Error)],
    }
}

fn js_type(value: &Value) -> &'static str {
    match value {
        Value::Text(_) => "string",
        Value::List(_) => "array",
        Value::Bool(_) => "boolean",
        Value::Unsupported(t) => t,
    }
}

/// Fields that hold one text: a one-item list (a page's `<select multiple>` or a repeated
/// name) is read as its item.
fn with_text(value: &Value, f: impl FnOnce(&str) -> Slot) -> Slot {
    match value {
        Value::Text(s) => f(s),
        Value::List(items) => {
            let mut given = items.iter().filter(|s| !is_blank(s));
            match (given.next(), given.next()) {
                (Some(one), None) => f(one),
                (None, _) => Slot::bare(Reading::NotGiven),
                _ => invalid(IssueKind::WrongType { got: "array" }),
            }
        }
        other => invalid(IssueKind::WrongType {
            got: js_type(other),
        }),
    }
}

/// Fields that hold several texts: a lone string is a list of one.
fn with_items(value: &Value, f: impl FnOnce(&[String]) -> Slot) -> Slot {
    match value {
        Value::List(items) => f(items),
        Value::Text(s) => f(std::slice::from_ref(s)),
        other => invalid(IssueKind::WrongType {
            got: js_type(other),
        }),
    }
}

fn from_checked<T>(result: checks::Checked<T>, typed: impl FnOnce(T) -> Typed) -> Slot {
    match result {
        Ok(parsed) => Slot {
            reading: Reading::Valid(typed(parsed.value)),
            issues: parsed
                .warnings
                .into_iter()
                .map(|w| (IssueKind::Format(w), Severity::Warning))
                .collect(),
        },
        Err(issue) => {
            let severity = if issue.is_warning() {
                Severity::Warning
            } else {
                Severity::Error
            };
            Slot {
                reading: Reading::Invalid,
                issues: vec![(IssueKind::Format(issue), severity)],
            }
        }
    }
}

/// The field's own `min` and `max` on a number.
fn limits(field: &Field, mut slot: Slot) -> Slot {
    if let Some(n) = slot.number() {
        if let Some(min) = field.min.filter(|m| n < *m) {
            slot.issues
                .push((IssueKind::BelowMin { min }, Severity::Error));
            slot.reading = Reading::Invalid;
        } else if let Some(max) = field.max.filter(|m| n > *m) {
            slot.issues
                .push((IssueKind::AboveMax { max }, Severity::Error));
            slot.reading = Reading::Invalid;
        }
    }
    slot
}

fn text(field: &Field, s: &str) -> Slot {
    let max = field.max_chars.map_or(DEFAULT_TEXT_MAX, |m| m as usize);
    let count = trim_blank(s).chars().count();
    let typed = Typed::Text {
        count: count.min(u32::MAX as usize) as u32,
    };
    if count > max {
        return Slot {
            reading: Reading::Valid(typed),
            issues: vec![(IssueKind::TextTooLong { count, max }, Severity::Error)],
        };
    }
    Slot::bare(Reading::Valid(typed))
}

fn long_text(field: &Field, s: &str) -> Slot {
    let count = checks::count_zi(s);
    let mut slot = Slot::bare(Reading::Valid(Typed::Text { count }));
    if let Some(max) = field.max_chars.filter(|m| count > *m) {
        slot.issues.push((
            IssueKind::OverWordLimit {
                count,
                max,
                item: None,
            },
            Severity::Error,
        ));
    }
    slot
}

/// Finds the option a page sent: by value, or by its label (a page's own markup may use the
/// label as the value), after folding full-width forms.
fn find_option<'a>(field: &'a Field, given: &str) -> Option<&'a ChoiceOption> {
    let given = trim_blank(given);
    field.options.iter().find(|o| o.value == given).or_else(|| {
        let folded = checks::fold_width(given);
        field
            .options
            .iter()
            .find(|o| o.label == given || checks::fold_width(&o.label) == folded)
    })
}

/// The selected option values, in option order, deduplicated; or the first unknown one.
fn select(field: &Field, items: &[String]) -> Result<Vec<String>, IssueKind> {
    let mut chosen = vec![false; field.options.len()];
    for item in items.iter().filter(|s| !is_blank(s)) {
        match find_option(field, item) {
            Some(option) => {
                if let Some(slot) = field
                    .options
                    .iter()
                    .position(|o| std::ptr::eq(o, option))
                    .and_then(|i| chosen.get_mut(i))
                {
                    *slot = true;
                }
            }
            None => {
                return Err(IssueKind::UnknownOption {
                    option: trim_blank(item).chars().take(20).collect(),
                })
            }
        }
    }
    Ok(field
        .options
        .iter()
        .zip(chosen)
        .filter(|(_, c)| *c)
        .map(|(o, _)| o.value.to_string())
        .collect())
}

fn choice(field: &Field, items: &[String], single: bool) -> Slot {
    let selected = match select(field, items) {
        Ok(s) => s,
        Err(kind) => return invalid(kind),
    };
    if selected.is_empty() {
        return Slot::bare(Reading::NotGiven);
    }
    if single && selected.len() > 1 {
        return invalid(IssueKind::SingleChoiceOnly {
            count: selected.len(),
        });
    }
    let count = selected.len();
    let mut slot = Slot::bare(Reading::Valid(Typed::Options(selected)));
    if let Some(min) = field.min_items.filter(|m| count < *m as usize) {
        slot.issues
            .push((IssueKind::TooFewItems { count, min }, Severity::Error));
    }
    if let Some(max) = field.max_items.filter(|m| count > *m as usize) {
        slot.issues
            .push((IssueKind::TooManyItems { count, max }, Severity::Error));
    }
    slot
}

fn checklist(field: &Field, items: &[String]) -> Slot {
    let selected = match select(field, items) {
        Ok(s) => s,
        Err(kind) => return invalid(kind),
    };
    if selected.is_empty() {
        return Slot::bare(Reading::NotGiven);
    }
    let missing: Vec<String> = field
        .options
        .iter()
        .filter(|o| !selected.iter().any(|s| *s == o.value))
        .map(|o| o.label.to_string())
        .collect();
    let mut slot = Slot::bare(Reading::Valid(Typed::Options(selected)));
    if !missing.is_empty() {
        slot.issues
            .push((IssueKind::ChecklistUnticked { missing }, Severity::Warning));
    }
    slot
}

fn text_list(field: &Field, items: &[String]) -> Slot {
    let given: Vec<&String> = items.iter().filter(|s| !is_blank(s)).collect();
    if given.is_empty() {
        return Slot::bare(Reading::NotGiven);
    }
    let mut slot = Slot::bare(Reading::Valid(Typed::Items(given.len())));
    if let Some(max) = field.max_chars {
        for (i, item) in given.iter().enumerate() {
            let count = checks::count_zi(item);
            if count > max {
                slot.issues.push((
                    IssueKind::OverWordLimit {
                        count,
                        max,
                        item: Some(i + 1),
                    },
                    Severity::Error,
                ));
            }
        }
    }
    if let Some(min) = field.min_items.filter(|m| given.len() < *m as usize) {
        slot.issues.push((
            IssueKind::TooFewItems {
                count: given.len(),
                min,
            },
            Severity::Error,
        ));
    }
    if let Some(asked) = field.max_items.filter(|m| given.len() > *m as usize) {
        slot.issues.push((
            IssueKind::MoreItemsThanAsked {
                count: given.len(),
                asked,
            },
            Severity::Warning,
        ));
    }
    slot
}
