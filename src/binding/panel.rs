//! The eligibility panel's content: the verdict, a count of what fails, and under each clause
//! a short list of its sub-conditions (符合 / 不符合 / 待补充 / 已承诺), failing ones first,
//! each linking to the field it reads. Where the panel goes is `render::panel`.
//!
//! The panel is not a live region (a list redrawn after every pause in typing would be read
//! out whole, or piece by piece per keystroke); one visually hidden status line inside it
//! announces the verdict and counts once typing has paused for `ANNOUNCE_DELAY_MS`, and only
//! when that sentence changed.

use super::{focus_field, inputs, Binding, Ui};
use crate::eligibility::parts::{self, Part, RuleParts};
use crate::eligibility::{Eligibility, Status, Verdict};
use crate::value::Values;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Quiet time before the panel's status line speaks: longer than a pause between keystrokes.
const ANNOUNCE_DELAY_MS: u32 = 1500;

fn el(binding: &Binding, parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
    let e = binding.form.owner_document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

fn set_class(e: &Element, class: &str) {
    if e.class_name() != class {
        e.set_class_name(class);
    }
}

pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "yc-verdict yc-verdict-eligible",
        Verdict::Ineligible => "yc-verdict yc-verdict-ineligible",
        Verdict::Incomplete => "yc-verdict yc-verdict-incomplete",
    }
}

fn status_suffix(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "notMet",
        Status::Missing => "missing",
        Status::Declared => "declared",
    }
}

/// How many clauses are 不符合 and 待补充.
pub fn counts(eligibility: &Eligibility) -> (usize, usize) {
    let not_met = eligibility
        .rules
        .iter()
        .filter(|r| r.status == Status::NotMet)
        .count();
    let missing = eligibility
        .rules
        .iter()
        .filter(|r| r.status == Status::Missing)
        .count();
    (not_met, missing)
}

/// The id of a field's first input (for a link's `href`), if it has one.
fn input_id(binding: &Binding, field: &str) -> Option<String> {
    let first = inputs::inputs(&binding.form, field).into_iter().next()?;
    let id = first.id();
    (!id.is_empty()).then_some(id)
}

/// One sub-condition: its status word, then its explanation as a link to its first field.
fn draw_part(binding: &Binding, list: &Element, part: &Part) {
    let Some(li) = el(
        binding,
        list,
        "li",
        &format!("yc-part yc-status-{}", status_suffix(part.status)),
        "",
    ) else {
        return;
    };
    let _ = el(
        binding,
        &li,
        "span",
        "yc-part-status",
        binding.text.status(part.status),
    );
    let target = part.fields.iter().find(|f| {
        binding.category.field(f).is_some() && !inputs::inputs(&binding.form, f).is_empty()
    });
    match target {
        Some(field) => {
            if let Some(a) = el(binding, &li, "a", "yc-part-text", &part.explanation) {
                let href = input_id(binding, field)
                    .map(|id| format!("#{id}"))
                    .unwrap_or_else(|| "#".into());
                let _ = a.set_attribute("href", &href);
                let _ = a.set_attribute("data-yc-field", field);
            }
        }
        None => {
            let _ = el(binding, &li, "span", "yc-part-text", &part.explanation);
        }
    }
}

/// A signature of a rule's parts, to redraw its list only when something in it changed.
fn signature(rp: &RuleParts) -> String {
    rp.parts
        .iter()
        .map(|p| format!("{}:{}", status_suffix(p.status), p.explanation))
        .collect::<Vec<_>>()
        .join("|")
}

fn draw_parts(binding: &Binding, li: &Element, rp: &RuleParts) {
    let sig = signature(rp);
    let existing = li.query_selector(":scope > .yc-parts").ok().flatten();
    if let Some(list) = &existing {
        if list.get_attribute("data-sig").as_deref() == Some(sig.as_str()) {
            return;
        }
        list.remove();
    }
    if rp.any_of
        && li
            .query_selector(":scope > .yc-any-of")
            .ok()
            .flatten()
            .is_none()
    {
        let _ = el(binding, li, "span", "yc-any-of", binding.text.any_of());
    }
    let Some(list) = el(binding, li, "ul", "yc-parts", "") else {
        return;
    };
    let _ = list.set_attribute("data-sig", &sig);
    for part in &rp.parts {
        draw_part(binding, &list, part);
    }
}

fn rule_class(s: Status) -> String {
    format!("yc-rule yc-status-{}", status_suffix(s))
}

/// Draws (or updates in place) the panel's content inside `inner`.
pub fn draw(
    binding: &Binding,
    ui: &mut Ui,
    inner: &Element,
    eligibility: &Eligibility,
    values: &Values,
) {
    let form = crate::validate::Form::new(binding.category, values, &binding.checker.ctx);
    let all = parts::all_parts(&form);
    let same_rules = {
        let items = inner.query_selector_all(":scope > ol > li").ok();
        items.is_some_and(|items| {
            items.length() as usize == eligibility.rules.len()
                && eligibility.rules.iter().enumerate().all(|(i, r)| {
                    u32::try_from(i)
                        .ok()
                        .and_then(|i| items.item(i))
                        .and_then(|n| n.dyn_into::<Element>().ok())
                        .and_then(|li| li.get_attribute("data-rule"))
                        .as_deref()
                        == Some(r.id.as_str())
                })
        })
    };
    if !same_rules {
        inner.set_text_content(None);
        let _ = el(
            binding,
            inner,
            "h2",
            "yc-panel-title",
            binding.text.panel_title(),
        );
        let _ = el(binding, inner, "p", "yc-verdict", "");
        let _ = el(binding, inner, "p", "yc-panel-counts", "");
        let _ = el(
            binding,
            inner,
            "p",
            "yc-panel-note",
            binding.text.panel_note(),
        );
        let _ = el(
            binding,
            inner,
            "p",
            "yc-panel-declared",
            binding.text.declared_note(),
        );
        if let Some(live) = el(binding, inner, "p", "yc-visually-hidden yc-panel-live", "") {
            let _ = live.set_attribute("role", "status");
        }
        let Some(list) = el(binding, inner, "ol", "yc-rules", "") else {
            return;
        };
        for rule in &eligibility.rules {
            let Some(li) = el(binding, &list, "li", &rule_class(rule.status), "") else {
                continue;
            };
            let _ = li.set_attribute("data-rule", &rule.id);
            let _ = el(binding, &li, "span", "yc-clause", &rule.clause);
            let _ = el(binding, &li, "span", "yc-status", "");
            let _ = el(binding, &li, "span", "yc-text", &rule.text);
            let _ = el(binding, &li, "span", "yc-explanation", "");
        }
        listen(binding, ui, inner);
    }
    if let Ok(Some(v)) = inner.query_selector(":scope > .yc-verdict") {
        set_class(&v, verdict_class(eligibility.verdict));
        set_text(&v, binding.text.verdict(eligibility.verdict));
    }
    let (not_met, missing) = counts(eligibility);
    if let Ok(Some(c)) = inner.query_selector(":scope > .yc-panel-counts") {
        set_text(
            &c,
            &binding
                .text
                .counts(not_met, missing, eligibility.rules.len()),
        );
    }
    let Ok(items) = inner.query_selector_all(":scope > ol > li") else {
        return;
    };
    for (i, rule) in eligibility.rules.iter().enumerate() {
        let Some(li) = u32::try_from(i)
            .ok()
            .and_then(|i| items.item(i))
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        set_class(&li, &rule_class(rule.status));
        if let Ok(Some(s)) = li.query_selector(":scope > .yc-status") {
            set_text(&s, binding.text.status(rule.status));
        }
        if let Ok(Some(x)) = li.query_selector(":scope > .yc-explanation") {
            set_text(&x, &rule.explanation);
        }
        if let Some(rp) = all.iter().find(|rp| rp.id == rule.id) {
            draw_parts(binding, &li, rp);
        }
    }
    schedule_announce(
        ui,
        inner,
        binding
            .text
            .announcement(eligibility.verdict, not_met, missing),
    );
}

/// Links in the panel move focus to the field (a fragment link alone only scrolls).
fn listen(binding: &Binding, ui: &mut Ui, inner: &Element) {
    let form = binding.form.clone();
    ui.panel_listener = Some(EventListener::new_with_options(
        inner,
        "click",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(a) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("a[data-yc-field]").ok().flatten())
            else {
                return;
            };
            if let Some(id) = a.get_attribute("data-yc-field") {
                event.prevent_default();
                focus_field(&form, &id);
            }
        },
    ));
}

/// Speaks `sentence` once typing has paused, if it differs from what was last said. The
/// first sentence (the page as it loads) is remembered, not spoken.
fn schedule_announce(ui: &mut Ui, inner: &Element, sentence: String) {
    let Ok(Some(live)) = inner.query_selector(":scope > .yc-panel-live") else {
        return;
    };
    match live.get_attribute("data-said") {
        None => {
            let _ = live.set_attribute("data-said", &sentence);
        }
        Some(said) if said == sentence => ui.announce_timer = None,
        Some(_) => {
            // Dropped on detach with the rest of the state, so it never fires after it.
            ui.announce_timer = Some(Timeout::new(ANNOUNCE_DELAY_MS, move || {
                let _ = live.set_attribute("data-said", &sentence);
                set_text(&live, &sentence);
            }));
        }
    }
}
