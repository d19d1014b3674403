//! How the binding fits a page it did not write: where its blocks go, what a submit and a
//! reset do, the events a page can listen to, and the page's own settings (which fields it
//! has, a 15-digit 注册号, the required mark it uses, the rows it greys).
//!
//! Blocks (draft bar, error summary) go into a slot the page names (`data-yc-draft`,
//! `data-yc-summary`; the panel's is `data-yc-eligibility`), else just before the form — never
//! inside the page's own containers, whose structure its scripts may rely on (tabs that pick
//! their panels by index). Inside the form the binding adds only each field's message and
//! counter.

use super::{render, Binding, Ui};
use crate::model::{Category, Field, FieldKind};
use crate::validate::{Issue, Report};
use crate::value::{Value, Values};
use crate::Locale;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The `attach` options this file reads.
pub struct Options {
    /// `fields: 'all'`: hold the page to every field of the edition, inputs or not (the
    /// project's own full forms). Default: only the fields the page has inputs for.
    pub all_fields: bool,
    /// `clearDraftOnSubmit: false` keeps the local draft after a submit the checker lets
    /// through. Default: deleted, so that a shared computer keeps nothing.
    pub clear_draft_on_submit: bool,
}

impl Options {
    pub fn read(options: &JsValue) -> Options {
        let get = |key: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        };
        Options {
            all_fields: get("fields").as_string().is_some_and(|f| f == "all"),
            clear_draft_on_submit: get("clearDraftOnSubmit").as_bool() != Some(false),
        }
    }
}

/// The fields some `when` reads. (Which fields read a field is the compiled graph's,
/// `Category::dependents`.)
pub fn condition_fields(category: &Category) -> BTreeSet<String> {
    category
        .fields
        .iter()
        .filter_map(|f| f.when.as_ref().map(|w| w.field.to_string()))
        .collect()
}

#[derive(Clone, Copy)]
pub enum Block {
    DraftBar,
    Summary,
}

/// Puts a block into the slot the page names for it, else just before the form.
pub fn place_block(binding: &Binding, el: &Element, block: Block) -> Option<()> {
    let selector = match block {
        Block::DraftBar => "[data-yc-draft]",
        Block::Summary => "[data-yc-summary]",
    };
    let slot = binding
        .form
        .query_selector(selector)
        .ok()
        .flatten()
        .or_else(|| {
            binding
                .form
                .owner_document()
                .and_then(|d| d.query_selector(selector).ok().flatten())
        });
    match slot {
        Some(slot) => slot.append_child(el).ok().map(|_| ()),
        None => binding.form.before_with_node_1(el).ok(),
    }
}

struct Words(Locale);

impl Words {
    fn pick(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.0.pick(zh, en)
    }
    fn submitted_cleared(&self) -> &'static str {
        self.pick(
            "已提交：本机保存的草稿已删除。",
            "Submitted: the draft saved on this computer was deleted.",
        )
    }
    fn draft_deleted(&self) -> &'static str {
        self.pick(
            "本机保存的草稿已删除；表单中的内容保留。",
            "The draft saved on this computer was deleted; the form keeps what it holds.",
        )
    }
    fn reset_offer(&self) -> &'static str {
        self.pick(
            "表单已清空。本机仍保存着此前的草稿。",
            "The form was cleared. The earlier draft is still saved on this computer.",
        )
    }
    fn delete_draft(&self) -> &'static str {
        self.pick("同时删除本机草稿", "Delete that draft too")
    }
    fn keep_draft(&self) -> &'static str {
        self.pick("保留草稿", "Keep it")
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn say(ui: &Ui, text: &str) {
    if let Some(s) = &ui.draft_status {
        s.set_text_content(Some(text));
        s.set_class_name("yc-draft-status");
    }
}

/// Removes the stored draft and any pending save (what is in the form stays).
pub fn delete_draft(binding: &Binding, ui: &mut Ui) {
    ui.save_timer = None;
    if let Some(s) = storage() {
        let _ = s.remove_item(&binding.storage_key);
    }
    drop_reset_offer(ui);
    say(ui, Words(binding.checker.ctx.locale).draft_deleted());
}

fn drop_reset_offer(ui: &mut Ui) {
    if let Some(o) = ui.reset_offer.take() {
        o.remove();
        ui.added.retain(|e| *e != o);
    }
}

pub fn report_to_js(report: &Report) -> JsValue {
    crate::wasm_api::json_to_js(&report.to_json())
}

fn dispatch(binding: &Binding, name: &str, report: &Report) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&report_to_js(report));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = binding.form.dispatch_event(&event);
    }
}

/// What a submit (or `handle.validate()`) does: every message, the summary when something
/// is wrong, and the `yc:valid` / `yc:invalid` event on the form.
pub fn submit_check(binding: &Rc<Binding>, ui: &mut Ui) -> Report {
    let report = binding.full_check(ui);
    if report.valid {
        render::remove_summary(ui);
    } else {
        render::summary(binding, ui, &report.issues);
    }
    report
}

/// The submit listener (capture, on the document: it runs before any submit listener of the
/// page's, whatever their order, so a submit with errors never reaches them) and the reset
/// listener.
pub fn install(binding: &Rc<Binding>, ui: &mut Ui) {
    let Some(doc) = binding.form.owner_document() else {
        return;
    };
    let b = Rc::clone(binding);
    let options = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    ui.listeners.push(EventListener::new_with_options(
        &doc,
        "submit",
        options,
        move |event| {
            let is_ours = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                .is_some_and(|f| f == b.form);
            if !is_ours {
                return;
            }
            let Some(mut ui) = b.ui_for_handler() else {
                return;
            };
            let report = submit_check(&b, &mut ui);
            if !report.valid {
                event.prevent_default();
                event.stop_immediate_propagation();
                drop(ui);
                dispatch(&b, "yc:invalid", &report);
                return;
            }
            if b.options.clear_draft_on_submit {
                ui.save_timer = None;
                if let Some(s) = storage() {
                    let _ = s.remove_item(&b.storage_key);
                }
                drop_reset_offer(&mut ui);
                say(&ui, Words(b.checker.ctx.locale).submitted_cleared());
            }
            drop(ui);
            dispatch(&b, "yc:valid", &report);
        },
    ));
    let b = Rc::clone(binding);
    ui.listeners.push(EventListener::new(
        &binding.form,
        "reset",
        move |_event: &Event| {
            // The reset event comes before the form is reset: act once it is done.
            let b = Rc::clone(&b);
            Timeout::new(0, move || {
                if let Some(mut ui) = b.ui_for_handler() {
                    after_reset(&b, &mut ui);
                }
            })
            .forget();
        },
    ));
}

/// After the page's reset: no message, no summary, counters at zero, the panel for an empty
/// form, no save of the empty form over the draft — and an offer to delete the draft.
fn after_reset(binding: &Rc<Binding>, ui: &mut Ui) {
    ui.save_timer = None;
    ui.panel_timer = None;
    // A reset form has not been worked through: nothing is earned yet (GOV.UK timing).
    ui.timing = super::timing::Timing::default();
    let shown: Vec<String> = ui.messages.keys().cloned().collect();
    for id in shown {
        render::field_messages(binding, ui, &id, &[]);
    }
    // aria-invalid the binding set on inputs whose message is already gone.
    for field in &binding.category.fields {
        for el in binding.inputs_of(&field.id) {
            if el.get_attribute("aria-invalid").as_deref() == Some("true")
                && ui
                    .saved_attrs
                    .iter()
                    .any(|(e, n, _)| *e == el && *n == "aria-invalid")
            {
                binding.set_attr(ui, &el, "aria-invalid", None);
            }
        }
    }
    render::remove_summary(ui);
    binding.cache.invalidate();
    let values = binding.values();
    for field in &binding.category.fields {
        render::counter(binding, ui, &field.id, &values);
    }
    render::applicability(binding, ui, &values);
    let report = binding.page_report(&values);
    render::panel(binding, ui, &report.eligibility, &values);
    offer_to_delete(binding, ui);
}

fn offer_to_delete(binding: &Rc<Binding>, ui: &mut Ui) {
    drop_reset_offer(ui);
    let stored = storage()
        .and_then(|s| s.get_item(&binding.storage_key).ok().flatten())
        .is_some();
    let (Some(bar), true) = (ui.draft_bar.clone(), stored) else {
        return;
    };
    let Some(doc) = binding.form.owner_document() else {
        return;
    };
    let words = Words(binding.checker.ctx.locale);
    let Ok(offer) = doc.create_element("p") else {
        return;
    };
    offer.set_class_name("yc-reset-offer");
    let Ok(text) = doc.create_element("span") else {
        return;
    };
    text.set_text_content(Some(words.reset_offer()));
    let _ = offer.append_child(&text);
    for (label, delete) in [(words.delete_draft(), true), (words.keep_draft(), false)] {
        let Ok(button) = doc.create_element("button") else {
            continue;
        };
        let _ = button.set_attribute("type", "button");
        button.set_class_name(if delete {
            "yc-button yc-reset-delete"
        } else {
            "yc-button yc-reset-keep"
        });
        button.set_text_content(Some(label));
        let _ = offer.append_child(&button);
        let b = Rc::clone(binding);
        ui.listeners
            .push(EventListener::new(&button, "click", move |_| {
                if let Some(mut ui) = b.ui_for_handler() {
                    if delete {
                        delete_draft(&b, &mut ui);
                    } else {
                        drop_reset_offer(&mut ui);
                    }
                }
            }));
    }
    if bar.append_child(&offer).is_ok() {
        ui.added.push(offer.clone());
        ui.reset_offer = Some(offer);
    }
}

/// Whether the field's box accepts a 15-digit 注册号 (`data-yc-accept="注册号"`).
fn accepts_registration_number(binding: &Binding, field: &Field) -> bool {
    field.kind == FieldKind::Uscc
        && binding
            .inputs_of(&field.id)
            .first()
            .and_then(|el| el.get_attribute("data-yc-accept"))
            .is_some_and(|a| a.contains("注册号") || a.contains("regno"))
}

/// The uscc fields that hold a valid 15-digit 注册号 where the page accepts one.
fn registration_numbers(binding: &Binding, values: &Values) -> Vec<String> {
    binding
        .category
        .fields
        .iter()
        .filter(|f| accepts_registration_number(binding, f))
        .filter(|f| matches!(values.get(f.id.as_str()), Some(Value::Text(t)) if crate::page_words::is_registration_number(t)))
        .map(|f| f.id.to_string())
        .collect()
}

/// The values as the rules read them: a 注册号 is not a 统一社会信用代码, so the rules that
/// read the code (机构类别, 登记管理机关) see it as not given — 待补充, never 不符合.
pub fn for_rules(binding: &Binding, values: &Values) -> Option<(Values, Vec<String>)> {
    let numbers = registration_numbers(binding, values);
    if numbers.is_empty() {
        return None;
    }
    let mut v = values.clone();
    for id in &numbers {
        v.remove(id);
    }
    Some((v, numbers))
}

/// Drops, for a field holding an accepted 注册号, the issues that only say it is not a code.
pub fn keep_issue(numbers: &[String], issue: &Issue) -> bool {
    !(numbers.contains(&issue.field) && (issue.rule == "required" || issue.rule == "uscc"))
}

/// The page's own required mark (the first `*` it puts in a label), to copy to a field that
/// becomes required.
fn page_mark(binding: &Binding) -> Option<Element> {
    let list = binding
        .form
        .query_selector_all("label *, th *, legend *, span, em, i, b, strong, font, sup")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|e| {
            let t = e.text_content().unwrap_or_default();
            matches!(t.trim(), "*" | "＊")
                && e.child_element_count() == 0
                && !e.class_name().contains("yc-")
        })
}

/// `aria-required` and the page's required mark on a field whose requirement depends on
/// another answer (the 专项能力 of the 企业类型 chosen).
pub fn show_required(
    binding: &Binding,
    ui: &mut Ui,
    field: &Field,
    els: &[Element],
    required: bool,
) {
    for el in els {
        if required {
            if el.get_attribute("aria-required").as_deref() != Some("true") {
                binding.set_attr(ui, el, "aria-required", Some("true"));
            }
        } else if let Some(before) = ui
            .saved_attrs
            .iter()
            .find(|(e, n, _)| e == el && *n == "aria-required")
            .map(|(_, _, b)| b.clone())
        {
            if el.get_attribute("aria-required") != before {
                binding.set_attr(ui, el, "aria-required", before.as_deref());
            }
        }
    }
    if !required {
        if let Some(mark) = ui.marks.remove(field.id.as_str()) {
            mark.remove();
            ui.added.retain(|e| *e != mark);
        }
        return;
    }
    if ui.marks.contains_key(field.id.as_str()) {
        return;
    }
    let Some(label) = super::labels::label_element(els, field) else {
        return;
    };
    if label
        .text_content()
        .unwrap_or_default()
        .contains(['*', '＊'])
    {
        return;
    }
    let Some(mark) = page_mark(binding) else {
        return;
    };
    let Ok(copy) = mark.clone_node_with_deep(true) else {
        return;
    };
    let Ok(copy) = copy.dyn_into::<Element>() else {
        return;
    };
    let _ = copy.set_attribute("aria-hidden", "true");
    copy.remove_attribute("id").ok();
    if label.append_child(&copy).is_ok() {
        ui.added.push(copy.clone());
        ui.marks.insert(field.id.to_string(), copy);
    }
}

/// Where a field that does not apply is greyed: the page's `[data-field-wrap]`, else the
/// largest element around its inputs that holds no other field's inputs (its row, its
/// `<fieldset>`, its `item` div) — no attribute for the page to add.
pub fn wrapper(binding: &Binding, id: &str, els: &[Element]) -> Option<Element> {
    let first = els.first()?;
    if let Ok(Some(w)) = first.closest("[data-field-wrap]") {
        return Some(w);
    }
    let mut best = None;
    let mut node = first.parent_element();
    while let Some(n) = node {
        if n.tag_name().eq_ignore_ascii_case("form") {
            break;
        }
        let Ok(list) = n.query_selector_all(super::inputs::CONTROLS) else {
            break;
        };
        let only_this = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|c| c.dyn_into::<Element>().ok())
            .all(|c| super::inputs::field_of(&c, binding.category).is_some_and(|f| f.id == id));
        if !only_this {
            break;
        }
        best = Some(n.clone());
        node = n.parent_element();
    }
    best
}

/// One line of the error summary: the message in the page's words, naming the field by its
/// page label (shortened when it is a sentence), never `X：请填写X`.
pub fn summary_line(binding: &Binding, issue: &Issue) -> String {
    let label = binding.label(&issue.field);
    let short = crate::page_words::shorten(&label, super::labels::SUMMARY_LABEL_CHARS);
    let message = binding.page_message(&issue.field, &issue.message);
    if message.contains(&label) {
        return message.replace(&label, &short);
    }
    format!("{short}：{message}")
}
