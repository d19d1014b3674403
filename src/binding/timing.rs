//! When a field's message is shown: the GOV.UK rule, exactly.
//!
//! - An empty required field is reported on submit, never on leaving it: a person tabbing
//!   through an empty form sees nothing until they ask for a check.
//! - A group (checkboxes, radios, a checklist, a text list with its 增加一项 button) is one
//!   field: moving focus inside it is not leaving it.
//! - A field without a message that is edited is judged when it is left, not while typing.
//! - A field showing an error is re-judged on every keystroke, so the error goes the moment
//!   the value is right; but a *different* error is never swapped in mid-typing — the old one
//!   stays until the field is left (a retyped credit code would otherwise flash a dozen
//!   messages).
//! - A cross-field message (two figures that disagree) is shown on the field being edited as
//!   well as on the field the check reports on, so it appears where the person is looking.
//!
//! The decisions live here; drawing is `render::field_messages`.

use super::{inputs, render, Binding, Ui};
use crate::model::Severity;
use crate::validate::{self, Issue};
use crate::value::Values;
use std::collections::{BTreeSet, HashMap};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// What the binding remembers about the person's progress through the form.
#[derive(Default)]
pub(crate) struct Timing {
    /// Once the form was submitted, empty required fields are reported on leaving them too.
    submitted: bool,
    /// Fields edited since they were last judged.
    dirty: BTreeSet<String>,
    /// The issues each field is showing now (absent: shows nothing).
    shown: HashMap<String, Vec<Issue>>,
}

/// Why a field is being judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moment {
    /// A keystroke (or a tick) in a field that shows an error.
    Typing,
    /// The field was left, or something it reads changed while it shows a message.
    Left,
}

impl Timing {
    pub fn shows_message(&self, id: &str) -> bool {
        self.shown.contains_key(id)
    }

    fn shows_error(&self, id: &str) -> bool {
        self.shown
            .get(id)
            .is_some_and(|issues| issues.iter().any(|i| i.severity == Severity::Error))
    }

    /// Fields currently showing a message, in no particular order.
    pub fn shown_fields(&self) -> Vec<String> {
        self.shown.keys().cloned().collect()
    }
}

/// The issues field `id` would show now: its own, plus the cross-field messages of other
/// fields whose checks read it (shown here too, on the field the person is working in).
fn issues_for(
    binding: &Binding,
    timing: &mut Timing,
    id: &str,
    values: &Values,
    with_partners: bool,
) -> Vec<Issue> {
    let mut issues = binding.page_field_issues(id, values);
    if with_partners {
        // The fields whose checks read `id`: their messages are about `id` too.
        for other in binding.category.dependents(id) {
            for issue in binding.page_field_issues(&other, values) {
                if issue.fields.iter().any(|f| f == id)
                    && !issues
                        .iter()
                        .any(|i| i.code == issue.code && i.field == issue.field)
                {
                    issues.push(issue);
                }
            }
        }
    }
    if !timing.submitted {
        // Empty is not an error yet: it is reported on submit.
        issues.retain(|i| i.rule != "required");
    }
    issues
}

fn show(binding: &Binding, ui: &mut Ui, id: &str, issues: Vec<Issue>) {
    render::field_messages(binding, ui, id, &issues);
    if issues.is_empty() {
        ui.timing.shown.remove(id);
    } else {
        ui.timing.shown.insert(id.to_string(), issues);
    }
}

fn judge(binding: &Binding, ui: &mut Ui, id: &str, values: &Values, moment: Moment) {
    let issues = issues_for(binding, &mut ui.timing, id, values, true);
    let has_error = issues.iter().any(|i| i.severity == Severity::Error);
    match moment {
        // Mid-typing only ever takes a message away; what is new waits for the field to be left.
        Moment::Typing if has_error => {}
        Moment::Typing => show(binding, ui, id, Vec::new()),
        Moment::Left => show(binding, ui, id, issues),
    }
}

/// A keystroke or a tick in field `id`.
pub fn on_input(binding: &Binding, ui: &mut Ui, id: &str, values: &Values) {
    ui.timing.dirty.insert(id.to_string());
    if ui.timing.shows_error(id) {
        judge(binding, ui, id, values, Moment::Typing);
    }
    // Messages of other fields that read this one and are showing: a fixed figure here may
    // settle them (they are not being typed in, so they may also change).
    for other in binding.category.dependents(id) {
        if ui.timing.shows_message(&other) {
            let issues = issues_for(binding, &mut ui.timing, &other, values, false);
            let keep_old = issues.iter().any(|i| i.severity == Severity::Error);
            if !keep_old {
                show(binding, ui, &other, issues);
            }
        }
    }
}

/// Focus left field `id` for somewhere outside it.
pub fn on_leave(binding: &Binding, ui: &mut Ui, id: &str, values: &Values) {
    let edited = ui.timing.dirty.remove(id);
    if edited || ui.timing.shows_message(id) {
        judge(binding, ui, id, values, Moment::Left);
    }
    if edited {
        for other in binding.category.dependents(id) {
            if ui.timing.shows_message(&other) {
                judge(binding, ui, &other, values, Moment::Left);
            }
        }
    }
}

/// The form was submitted (or `validate()` called): every field shows its issues.
pub fn on_submit(binding: &Binding, ui: &mut Ui, report: &validate::Report) {
    ui.timing.submitted = true;
    ui.timing.dirty.clear();
    for field in &binding.category.fields {
        let issues: Vec<Issue> = report
            .issues
            .iter()
            .filter(|i| i.field == field.id)
            .cloned()
            .collect();
        show(binding, ui, &field.id, issues);
    }
}

/// The values changed under the person's hands (a draft restored, a file imported, the
/// module arriving after typing): fields showing a message are judged afresh, and fields
/// that hold something typed are judged as if left — except the one being typed in now.
pub fn after_fill(
    binding: &Binding,
    ui: &mut Ui,
    values: &Values,
    typed: &[String],
    focused: Option<&str>,
) {
    for id in ui.timing.shown_fields() {
        judge(binding, ui, &id, values, Moment::Left);
    }
    for id in typed {
        if Some(id.as_str()) == focused {
            ui.timing.dirty.insert(id.clone());
        } else if !ui.timing.shows_message(id) {
            judge(binding, ui, id, values, Moment::Left);
        }
    }
}

/// A field that no longer applies shows nothing.
pub fn forget(ui: &mut Ui, id: &str) {
    ui.timing.shown.remove(id);
    ui.timing.dirty.remove(id);
}

/// Whether a focus move from `from` to `to` leaves field `id`: moving to another input of the
/// same field (a group's next box, a text list's next item) or to the list's own 增加一项
/// button (`button[data-add-for=id]`) is not leaving it. Moving to anything else is — a
/// 填写口径 toggle beside the input too, since the value is finished there. A window losing
/// focus (`to` absent while `from` is still the active element) is not leaving either.
pub fn leaves(binding: &Binding, id: &str, from: &Element, to: Option<&Element>) -> bool {
    let Some(to) = to else {
        let active = from.owner_document().and_then(|d| d.active_element());
        return active.as_ref() != Some(from);
    };
    field_around(binding, to).is_none_or(|f| f != id)
}

/// The field an element stands for: its own input, or a list's 增加一项 button.
pub fn field_around(binding: &Binding, el: &Element) -> Option<String> {
    if let Some(f) = inputs::field_of(el, binding.category) {
        return Some(f.id.to_string());
    }
    let id = el.get_attribute("data-add-for")?;
    binding.category.field(&id).map(|f| f.id.to_string())
}

/// The element a `focusout` moves focus to.
pub fn related_target(event: &web_sys::Event) -> Option<Element> {
    event
        .dyn_ref::<web_sys::FocusEvent>()?
        .related_target()?
        .dyn_into::<Element>()
        .ok()
}
