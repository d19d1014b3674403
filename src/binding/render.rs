//! Drawing on the page: field messages with their aria wiring, 字数 counters, the error
//! summary and the eligibility panel. Text is only ever set with `textContent`, and nothing
//! carries an inline style, so values can't inject markup and a strict CSP is enough.

use super::{focus_field, Binding, Ui};
use crate::eligibility::Eligibility;
use crate::model::{FieldKind, Severity};
use crate::validate::Issue;
use crate::value::{Value, Values};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

fn document(form: &HtmlFormElement) -> Option<Document> {
    form.owner_document()
}

fn make(binding: &Binding, ui: &mut Ui, tag: &str, class: &str) -> Option<Element> {
    let el = document(&binding.form)?.create_element(tag).ok()?;
    el.set_class_name(class);
    ui.added.push(el.clone());
    Some(el)
}

fn child(
    binding: &Binding,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<Element> {
    let el = document(&binding.form)?.create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(Some(text));
    parent.append_child(&el).ok()?;
    Some(el)
}

/// Where a field's message goes: a slot the page provides, else right after the label of
/// the field's wrapper, else just before the first input (or the `<label>` wrapping it).
fn place_message(binding: &Binding, id: &str, msg: &Element) -> Option<()> {
    let doc = document(&binding.form)?;
    let selector = format!("[data-yc-message-for='{id}']");
    // A slot inside this form first: a page may hold several forms.
    let slot = binding
        .form
        .query_selector(&selector)
        .ok()
        .flatten()
        .or_else(|| doc.query_selector(&selector).ok().flatten());
    if let Some(slot) = slot {
        slot.append_child(msg).ok()?;
        return Some(());
    }
    let first = binding.inputs_of(id).into_iter().next()?;
    if let Ok(Some(wrap)) = first.closest("[data-field-wrap]") {
        if let Ok(Some(label)) =
            wrap.query_selector(":scope > label, :scope > legend, :scope > .label")
        {
            // A label that wraps the input itself: above the label, else the message would
            // land under the input.
            if label.contains(Some(first.as_ref())) {
                label.before_with_node_1(msg).ok()?;
            } else {
                label.after_with_node_1(msg).ok()?;
            }
            return Some(());
        }
        wrap.prepend_with_node_1(msg).ok()?;
        return Some(());
    }
    let anchor = first.closest("label").ok().flatten().unwrap_or(first);
    anchor.before_with_node_1(msg).ok()
}

/// Adds or removes `token` in an element's `aria-describedby`, keeping the page's own ids.
fn describedby(binding: &Binding, ui: &mut Ui, el: &Element, token: &str, on: bool) {
    let current = el.get_attribute("aria-describedby").unwrap_or_default();
    let mut ids: Vec<&str> = current.split_whitespace().filter(|t| *t != token).collect();
    if on {
        ids.push(token);
    }
    let joined = ids.join(" ");
    if joined != current {
        binding.set_attr(
            ui,
            el,
            "aria-describedby",
            if joined.is_empty() {
                None
            } else {
                Some(&joined)
            },
        );
    }
}

/// Shows a field's issues next to it (or clears them), with `aria-invalid` while an error shows.
pub fn field_messages(binding: &Binding, ui: &mut Ui, id: &str, issues: &[Issue]) {
    let msg_id = format!("yc-msg-{id}");
    let els = binding.inputs_of(id);
    if issues.is_empty() {
        if let Some(msg) = ui.messages.remove(id) {
            msg.remove();
            ui.added.retain(|e| *e != msg);
        }
        for el in &els {
            describedby(binding, ui, el, &msg_id, false);
            if el.has_attribute("aria-invalid") {
                binding.set_attr(ui, el, "aria-invalid", None);
            }
        }
        return;
    }
    let has_error = issues.iter().any(|i| i.severity == Severity::Error);
    let msg = match ui.messages.get(id) {
        Some(m) => m.clone(),
        None => {
            let Some(m) = make(binding, ui, "p", "yc-message") else {
                return;
            };
            m.set_id(&msg_id);
            if place_message(binding, id, &m).is_none() {
                return;
            }
            ui.messages.insert(id.to_string(), m.clone());
            m
        }
    };
    msg.set_class_name(if has_error {
        "yc-message yc-error"
    } else {
        "yc-message yc-warning"
    });
    msg.set_text_content(None);
    for issue in issues {
        let class = if issue.severity == Severity::Error {
            "yc-issue"
        } else {
            "yc-issue yc-issue-warning"
        };
        let _ = child(
            binding,
            &msg,
            "span",
            class,
            &binding.page_message(id, &issue.message),
        );
    }
    for el in &els {
        describedby(binding, ui, el, &msg_id, true);
        binding.set_attr(
            ui,
            el,
            "aria-invalid",
            if has_error { Some("true") } else { None },
        );
    }
}

/// The live 字数 counter under a long text (or the first item of a text list).
pub fn counter(binding: &Binding, ui: &mut Ui, id: &str, values: &Values) {
    let Some(field) = binding.category.field(id) else {
        return;
    };
    if !matches!(field.kind, FieldKind::LongText | FieldKind::TextList) {
        return;
    }
    let counts: Vec<u32> = match values.get(id) {
        Some(Value::Text(s)) => vec![crate::checks::count_zi(s)],
        Some(Value::List(items)) => items.iter().map(|s| crate::checks::count_zi(s)).collect(),
        _ => vec![0],
    };
    let count = counts.iter().copied().max().unwrap_or(0);
    let counter_id = format!("yc-count-{id}");
    let el = match ui.counters.get(id) {
        Some(c) => c.clone(),
        None => {
            let Some(last) = binding.inputs_of(id).into_iter().last() else {
                return;
            };
            let Some(c) = make(binding, ui, "p", "yc-counter") else {
                return;
            };
            c.set_id(&counter_id);
            // Not a live region: it would speak on every keystroke. It is read with the
            // field (aria-describedby), and going over the limit is a message on leaving.
            if last.after_with_node_1(&c).is_err() {
                return;
            }
            for el in binding.inputs_of(id) {
                describedby(binding, ui, &el, &counter_id, true);
            }
            ui.counters.insert(id.to_string(), c.clone());
            c
        }
    };
    let over = field.max_chars.is_some_and(|m| count > m);
    el.set_class_name(if over {
        "yc-counter yc-over"
    } else {
        "yc-counter"
    });
    let text = if counts.len() > 1 {
        format!(
            "{}（{}）",
            binding.text.count(count, field.max_chars),
            counts
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" / ")
        )
    } else {
        binding.text.count(count, field.max_chars)
    };
    el.set_text_content(Some(&text));
}

/// Greys out fields whose condition is false, at the page's `[data-field-wrap]` or else the
/// row or wrapper that holds only that field; marks a field that has become required
/// (`aria-required`, and the page's own required mark if it uses one).
pub fn applicability(binding: &Binding, ui: &mut Ui, values: &Values) {
    let collected = binding.collected();
    let form = crate::validate::Form::collecting(
        binding.category,
        values,
        &binding.checker.ctx,
        collected.as_deref(),
    );
    for field in binding.category.fields.iter().filter(|f| f.when.is_some()) {
        let applies = field.when.as_ref().and_then(|w| form.condition(w)) == Some(true);
        let els = binding.inputs_of(&field.id);
        if els.is_empty() {
            continue;
        }
        super::blocks::show_required(binding, ui, field, &els, applies && field.required);
        let Some(wrap) = super::blocks::wrapper(binding, &field.id, &els) else {
            continue;
        };
        let has = wrap.class_list().contains("yc-inapplicable");
        if has == applies {
            binding.remember_attr(ui, &wrap, "class");
            let _ = wrap
                .class_list()
                .toggle_with_force("yc-inapplicable", !applies);
            if !applies {
                binding.set_attr(ui, &wrap, "title", Some(binding.text.inapplicable()));
            } else {
                binding.set_attr(ui, &wrap, "title", None);
            }
            // Out of the Tab order and the accessibility tree too, not only greyed: a field
            // that does not apply must not be announced as （必填）.
            binding.set_attr(ui, &wrap, "inert", if applies { None } else { Some("") });
        }
        if !applies && ui.messages.contains_key(field.id.as_str()) {
            field_messages(binding, ui, &field.id, &[]);
            super::timing::forget(ui, &field.id);
        }
    }
}

pub fn remove_summary(ui: &mut Ui) {
    ui.summary_listener = None;
    if let Some(s) = ui.summary.take() {
        s.remove();
        ui.added.retain(|e| *e != s);
    }
}

/// The GOV.UK error summary: a titled list of links to each field with an error, focused.
pub fn summary(binding: &std::rc::Rc<Binding>, ui: &mut Ui, issues: &[Issue]) {
    remove_summary(ui);
    let errors: Vec<&Issue> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    let Some(div) = make(binding, ui, "div", "yc-summary") else {
        return;
    };
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("tabindex", "-1");
    let _ = child(
        binding,
        &div,
        "h2",
        "yc-summary-title",
        &binding.text.summary_title(errors.len()),
    );
    let Some(list) = child(binding, &div, "ul", "yc-summary-list", "") else {
        return;
    };
    for issue in &errors {
        let Some(li) = child(binding, &list, "li", "", "") else {
            continue;
        };
        let text = super::blocks::summary_line(binding, issue);
        if binding.inputs_of(&issue.field).is_empty() {
            // A field the page does not have (only with `fields: 'all'`): said, not linked.
            let _ = child(binding, &li, "span", "yc-summary-absent", &text);
            continue;
        }
        let Some(a) = child(binding, &li, "a", "", &text) else {
            continue;
        };
        let input_id = ensure_id(binding, ui, &issue.field);
        let _ = a.set_attribute("href", &format!("#{input_id}"));
        let _ = a.set_attribute("data-yc-field", &issue.field);
    }
    if super::blocks::place_block(binding, &div, super::blocks::Block::Summary).is_none() {
        return;
    }
    // Links move focus to the field itself, not just the scroll position.
    let form = std::rc::Rc::clone(binding);
    ui.summary_listener = Some(EventListener::new_with_options(
        &div,
        "click",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(a) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("a").ok().flatten())
            else {
                return;
            };
            if let Some(id) = a.get_attribute("data-yc-field") {
                event.prevent_default();
                focus_field(&form.form, &id);
            }
        },
    ));
    if let Some(h) = div.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    ui.summary = Some(div);
}

/// The id of the field's first input, giving it one if it has none.
fn ensure_id(binding: &Binding, ui: &mut Ui, field: &str) -> String {
    let Some(first) = binding.inputs_of(field).into_iter().next() else {
        return String::new();
    };
    let id = first.id();
    if !id.is_empty() {
        return id;
    }
    let new_id = format!("yc-f-{field}");
    binding.set_attr(ui, &first, "id", Some(&new_id));
    new_id
}

/// The eligibility panel: verdict, then every condition with clause, status and explanation.
pub fn panel(binding: &Binding, ui: &mut Ui, eligibility: &Eligibility, values: &Values) {
    let container = match &ui.panel {
        Some(p) => p.clone(),
        None => {
            // A slot inside this form first (a page may hold several forms), then the page's.
            let provided = binding
                .form
                .query_selector("[data-yc-eligibility]")
                .ok()
                .flatten()
                .or_else(|| {
                    document(&binding.form)
                        .and_then(|d| d.query_selector("[data-yc-eligibility]").ok().flatten())
                });
            let p = match provided {
                Some(p) => p,
                None => {
                    let Some(section) = make(binding, ui, "section", "yc-eligibility") else {
                        return;
                    };
                    if binding.form.after_with_node_1(&section).is_err() {
                        return;
                    }
                    section
                }
            };
            ui.panel = Some(p.clone());
            p
        }
    };
    // Our content lives in one child so that the page's own content in the slot survives.
    let inner = match container
        .query_selector(":scope > .yc-panel")
        .ok()
        .flatten()
    {
        Some(i) => i,
        None => {
            let Some(i) = make(binding, ui, "div", "yc-panel") else {
                return;
            };
            let _ = container.append_child(&i);
            i
        }
    };
    super::panel::draw(binding, ui, &inner, eligibility, values);
}
