//! `attach(form, options)`: live checks for a form the page already has.
//!
//! The binding knows the DOM; the rules come from the core, called directly (no JS round
//! trip). Everything it adds to the page is recorded so that `detach()` can take it away:
//! listeners (gloo `EventListener`s, removed on drop), elements, and the attributes it
//! changed (restored to their exact former values).
//!
//! When a message appears is decided in `timing.rs` (the GOV.UK rule: empty fields on submit
//! only, a group is one field, errors clear on the keystroke that fixes them).
//!
//! **Invariant:** no handler panics. State lives in a `RefCell` that handlers borrow only
//! briefly and with `try_borrow_mut`; a re-entrant event is skipped, never a panic.

mod blocks;
mod cache;
mod draft;
mod inputs;
mod labels;
mod panel;
mod render;
mod text;
mod timing;

use crate::model::{Category, FieldKind};
use crate::validate::{self, FormChecker};
use crate::value::Values;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlFormElement};

pub(crate) use text::Text;

/// Milliseconds of quiet before the eligibility panel is redrawn and the draft saved: the
/// field's own message is synchronous; these wait for a pause in typing (a quick typist's
/// keys come 100–200 ms apart), so that a keystroke never waits for the whole form.
const PANEL_DELAY_MS: u32 = 250;
const SAVE_DELAY_MS: u32 = 300;

pub(crate) struct Binding {
    form: HtmlFormElement,
    edition: String,
    category: &'static Category,
    /// The same core object a page's `new Checker(…)` holds: category and options settled once.
    checker: FormChecker<'static>,
    text: Text,
    storage_key: String,
    options: blocks::Options,
    cache: cache::Cache,
    /// Fields some other field's `when` reads: a change to them can change what applies.
    condition_fields: BTreeSet<String>,
    /// Set when `detach()` is called while a handler of ours is running (a page listener
    /// reacting to an event we caused, e.g. `focusin` on the summary): the teardown then runs
    /// as soon as that handler returns, and no handler acts in between.
    detaching: std::cell::Cell<bool>,
    ui: RefCell<Ui>,
}

/// What the binding has put on the page, and what it must give back.
#[derive(Default)]
pub(crate) struct Ui {
    listeners: Vec<EventListener>,
    /// When messages are shown (timing.rs).
    timing: timing::Timing,
    messages: HashMap<String, Element>,
    counters: HashMap<String, Element>,
    /// Elements the binding created; removed on detach.
    added: Vec<Element>,
    /// (element, attribute, value before we touched it) — restored on detach, first entry wins.
    saved_attrs: Vec<(Element, &'static str, Option<String>)>,
    summary: Option<Element>,
    /// The summary's click listener: replaced with the summary, not accumulated.
    summary_listener: Option<EventListener>,
    panel: Option<Element>,
    draft_bar: Option<Element>,
    draft_status: Option<Element>,
    offer: Option<Element>,
    /// The draft on offer, read once at attach: restoring uses this copy, so saving what the
    /// person types meanwhile never has to wait for an answer to the offer.
    offered: Option<Values>,
    /// Fields typed in while the offer shows: a restore keeps them as typed.
    typed_during_offer: std::collections::BTreeSet<String>,
    /// The values last written as the draft (without the time): an autosave that would write
    /// the same again (a `change` on leaving a field just typed in) is skipped.
    last_saved: Option<String>,
    panel_timer: Option<Timeout>,
    /// The panel's link listener and its pending announcement (panel.rs).
    panel_listener: Option<EventListener>,
    announce_timer: Option<Timeout>,
    save_timer: Option<Timeout>,
    reader: Option<gloo::file::callbacks::FileReader>,
    /// The offer to delete the stored draft after the page's reset.
    reset_offer: Option<Element>,
    /// Page's required marks the binding added to fields that became required, by field.
    marks: HashMap<String, Element>,
    detached: bool,
}

impl Binding {
    /// The form as people name it: "全国 2023 · 企业类".
    pub(crate) fn form_name(&self) -> String {
        let edition = crate::registry::edition(&self.edition)
            .map(|e| e.short_title.as_str())
            .unwrap_or(self.edition.as_str());
        format!("{edition} · {}", self.category.name)
    }

    /// The form's values as last read (a keystroke re-reads only its own field; see `cache`).
    fn values(&self) -> Values {
        self.cache.values(&self.form, self.category)
    }

    /// The field's inputs in the page (cached; refreshed when the page's markup changes).
    pub(crate) fn inputs_of(&self, id: &str) -> Vec<Element> {
        self.cache.inputs_of(&self.form, self.category, id)
    }

    /// The fields this page is held to: those it has inputs for, unless `fields: 'all'`.
    fn collected(&self) -> Option<Vec<String>> {
        (!self.options.all_fields).then(|| self.cache.present(&self.form, self.category))
    }

    /// The whole report for these values, for the fields the page has.
    pub(crate) fn report(&self, values: &Values) -> validate::Report {
        let collected = self.collected();
        self.checker.form(values, collected.as_deref())
    }

    /// The field's name as the page labels it, else the schema's.
    pub(crate) fn label(&self, id: &str) -> String {
        self.cache
            .page_label(&self.form, self.category, id)
            .or_else(|| self.category.field(id).map(|f| f.name().to_string()))
            .unwrap_or_default()
    }

    /// A message of the core in the page's words: its label, its unit.
    pub(crate) fn page_message(&self, id: &str, message: &str) -> String {
        let Some(field) = self.category.field(id) else {
            return message.to_string();
        };
        let mut text = match self.cache.page_label(&self.form, self.category, id) {
            Some(page) => labels::relabel(message, field, &page),
            None => message.to_string(),
        };
        if let Some(unit) = inputs::page_unit(&self.inputs_of(id), field) {
            text = crate::page_words::message_in_page_unit(&text, unit);
        }
        text
    }

    /// Records an attribute's value before the binding first changes it.
    fn remember_attr(&self, ui: &mut Ui, el: &Element, name: &'static str) {
        if !ui.saved_attrs.iter().any(|(e, n, _)| e == el && *n == name) {
            ui.saved_attrs
                .push((el.clone(), name, el.get_attribute(name)));
        }
    }

    fn set_attr(&self, ui: &mut Ui, el: &Element, name: &'static str, value: Option<&str>) {
        self.remember_attr(ui, el, name);
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }

    /// The issues of one field as this page asks for them: only the fields it collects, in
    /// its own units (`blocks`). `timing` decides when they are shown.
    pub(crate) fn page_field_issues(&self, id: &str, values: &Values) -> Vec<validate::Issue> {
        let collected = self.collected();
        let adjusted = blocks::for_rules(self, values);
        let (values, numbers) = match &adjusted {
            Some((v, n)) => (v, n.as_slice()),
            None => (values, &[][..]),
        };
        let mut issues = self.checker.field(id, values, collected.as_deref());
        issues.retain(|i| blocks::keep_issue(numbers, i));
        issues
    }

    /// After a change to `id`: messages as `timing` decides, the counter, applicability.
    fn on_change(&self, ui: &mut Ui, id: &str) {
        // Only this field is read again, and only it and the shown fields that read it are
        // checked; the panel waits for a pause (`schedule_panel`).
        self.cache.update(&self.form, self.category, id);
        let values = self.values();
        timing::on_input(self, ui, id, &values);
        render::counter(self, ui, id, &values);
        if self.condition_fields.contains(id) {
            render::applicability(self, ui, &values);
        }
    }

    /// The report with what the page's own settings change: a 15-digit 注册号 where the page
    /// accepts one is not a format error, and the rules that need the credit code wait for it.
    pub(crate) fn page_report(&self, values: &Values) -> validate::Report {
        let Some((adjusted, numbers)) = blocks::for_rules(self, values) else {
            return self.report(values);
        };
        let mut report = self.report(&adjusted);
        report.issues.retain(|i| blocks::keep_issue(&numbers, i));
        report.valid = !report
            .issues
            .iter()
            .any(|i| i.severity == crate::model::Severity::Error);
        report
    }

    fn full_check(&self, ui: &mut Ui) -> validate::Report {
        // A submit reads the whole form afresh: a page script may have set values silently.
        self.cache.invalidate();
        let values = self.values();
        let report = self.page_report(&values);
        timing::on_submit(self, ui, &report);
        for field in &self.category.fields {
            render::counter(self, ui, &field.id, &values);
        }
        render::applicability(self, ui, &values);
        render::panel(self, ui, &report.eligibility, &values);
        report
    }
}

impl Binding {
    /// The state, for a handler: `None` while another handler holds it (a re-entrant event is
    /// skipped, never a panic) or once the binding is detached or being detached.
    pub(crate) fn ui_for_handler(&self) -> Option<std::cell::RefMut<'_, Ui>> {
        if self.detaching.get() {
            return None;
        }
        let ui = self.ui.try_borrow_mut().ok()?;
        if ui.detached {
            return None;
        }
        Some(ui)
    }
}

fn schedule_panel(binding: &Rc<Binding>, ui: &mut Ui) {
    let b = Rc::clone(binding);
    ui.panel_timer = Some(Timeout::new(PANEL_DELAY_MS, move || {
        if let Some(mut ui) = b.ui_for_handler() {
            let values = b.values();
            let report = b.page_report(&values);
            render::panel(&b, &mut ui, &report.eligibility, &values);
        }
    }));
}

fn schedule_save(binding: &Rc<Binding>, ui: &mut Ui) {
    let b = Rc::clone(binding);
    ui.save_timer = Some(Timeout::new(SAVE_DELAY_MS, move || {
        if let Some(mut ui) = b.ui_for_handler() {
            draft::save(&b, &mut ui);
        }
    }));
}

fn target_field(binding: &Binding, event: &Event) -> Option<String> {
    let el = event.target()?.dyn_into::<Element>().ok()?;
    inputs::field_of(&el, binding.category).map(|f| f.id.to_string())
}

/// The handle a page keeps to take the binding away again.
#[wasm_bindgen]
pub struct Handle {
    binding: Option<Rc<Binding>>,
}

#[wasm_bindgen]
impl Handle {
    /// Removes every listener, element and attribute the binding added. Idempotent.
    pub fn detach(&mut self) {
        let Some(binding) = self.binding.take() else {
            return;
        };
        if let Ok(mut ui) = binding.ui.try_borrow_mut() {
            teardown(&binding, &mut ui);
            return;
        }
        // One of our handlers is running and caused the event whose page listener called us:
        // finish right after it. Until then `detaching` keeps every handler idle.
        binding.detaching.set(true);
        let b = Rc::clone(&binding);
        Timeout::new(0, move || {
            if let Ok(mut ui) = b.ui.try_borrow_mut() {
                teardown(&b, &mut ui);
            }
        })
        .forget();
    }

    /// Checks the whole form now as a submit would — every message, and the error summary
    /// (focused) when something is wrong — and returns the report. For a page that submits by
    /// script (`<input type=button>`, `fetch`): send only when `report.valid`.
    pub fn validate(&self) -> JsValue {
        let Some(b) = &self.binding else {
            return JsValue::NULL;
        };
        let Some(mut ui) = b.ui_for_handler() else {
            return JsValue::NULL;
        };
        let report = blocks::submit_check(b, &mut ui);
        blocks::report_to_js(&report)
    }

    /// Deletes the draft stored on this computer (a page that submits by script calls it
    /// once its backend has the application). What is in the form stays.
    #[wasm_bindgen(js_name = clearDraft)]
    pub fn clear_draft(&self) {
        let Some(b) = &self.binding else { return };
        let Some(mut ui) = b.ui_for_handler() else {
            return;
        };
        blocks::delete_draft(b, &mut ui);
    }

    /// The form's current values as a plain object (what a draft stores).
    pub fn values(&self) -> JsValue {
        let Some(b) = &self.binding else {
            return JsValue::NULL;
        };
        // Read the page now: a script may have set values without an event.
        b.cache.invalidate();
        let json = crate::draft::to_json(&b.edition, &b.category.id, "", &b.values());
        js_sys::JSON::parse(&json)
            .ok()
            .and_then(|d| js_sys::Reflect::get(&d, &"values".into()).ok())
            .unwrap_or(JsValue::NULL)
    }
}

/// Removes every listener, element and attribute the binding added, restoring attributes to
/// their exact former values.
fn teardown(binding: &Binding, ui: &mut Ui) {
    ui.detached = true;
    ui.listeners.clear();
    ui.summary_listener = None;
    ui.panel_timer = None;
    ui.panel_listener = None;
    ui.announce_timer = None;
    ui.save_timer = None;
    ui.reader = None;
    binding.cache.disconnect();
    ui.marks.clear();
    ui.reset_offer = None;
    for el in ui.added.drain(..) {
        el.remove();
    }
    for (el, name, before) in ui.saved_attrs.drain(..).rev() {
        let _ = match before {
            Some(v) => el.set_attribute(name, &v),
            None => el.remove_attribute(name),
        };
    }
    ui.messages.clear();
    ui.counters.clear();
    ui.summary = None;
    ui.panel = None;
    ui.draft_bar = None;
    ui.draft_status = None;
    ui.offer = None;
    ui.offered = None;
    unregister(&binding.form);
}

thread_local! {
    /// Forms with a live binding: a second `attach` on one of them would show every message
    /// twice (with the same ids) and fight over the drafts, so it is refused.
    static ATTACHED: RefCell<Vec<HtmlFormElement>> = const { RefCell::new(Vec::new()) };
}

fn is_registered(form: &HtmlFormElement) -> bool {
    ATTACHED.with(|a| {
        a.try_borrow()
            .map(|a| a.iter().any(|f| f == form))
            .unwrap_or(false)
    })
}

fn register(form: &HtmlFormElement) {
    ATTACHED.with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            a.push(form.clone());
        }
    });
}

fn unregister(form: &HtmlFormElement) {
    ATTACHED.with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            a.retain(|f| f != form);
        }
    });
}

/// Enhances `form` with live checks for `options.edition` × `options.category`.
#[wasm_bindgen(unchecked_return_type = "Handle")]
pub fn attach(
    #[wasm_bindgen(unchecked_param_type = "HTMLFormElement")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AttachOptions")] options: JsValue,
) -> Result<Handle, JsError> {
    let form: HtmlFormElement = form.dyn_into().map_err(|_| {
        JsError::new("attach 的第一个参数应为 <form> 元素 / attach expects a <form> element")
    })?;
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    if !options.is_object() {
        return Err(JsError::new(
            "attach 需要 { edition, category } / attach needs { edition, category }",
        ));
    }
    if is_registered(&form) {
        return Err(JsError::new(
            "该表单已绑定，请先调用 detach() / this form is already attached: call detach() first",
        ));
    }
    let (edition_js, category_js) = (get("edition"), get("category"));
    let category = crate::wasm_api::lookup(&edition_js, &category_js)?;
    let edition = edition_js.as_string().unwrap_or_default();
    let ctx = crate::wasm_api::context(&options);
    let page = get("draftKey")
        .as_string()
        .or_else(|| web_sys::window().and_then(|w| w.location().pathname().ok()))
        .unwrap_or_default();
    let options = blocks::Options::read(&options);
    let condition_fields = blocks::condition_fields(category);
    let binding = Rc::new(Binding {
        storage_key: format!("yanglao-check:draft:{edition}:{}:{page}", category.id),
        cache: cache::Cache::new(&form),
        options,
        condition_fields,
        form,
        edition,
        category,
        text: Text(ctx.locale),
        checker: FormChecker::new(category, ctx),
        detaching: std::cell::Cell::new(false),
        ui: RefCell::new(Ui::default()),
    });
    register(&binding.form);
    {
        let mut ui = binding.ui.borrow_mut();
        install(&binding, &mut ui);
        draft::install(&binding, &mut ui);
        let values = binding.values();
        for field in category
            .fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::LongText | FieldKind::TextList))
        {
            render::counter(&binding, &mut ui, &field.id, &values);
        }
        render::applicability(&binding, &mut ui, &values);
        // Typed while the module was loading: judged now as if left, except the field the
        // person is still typing in (judged when they leave it).
        let typed: Vec<String> = category
            .fields
            .iter()
            .filter(|f| inputs::changed(&binding.form, f))
            .map(|f| f.id.to_string())
            .collect();
        if !typed.is_empty() {
            let focused = binding
                .form
                .owner_document()
                .and_then(|d| d.active_element())
                .and_then(|el| inputs::field_of(&el, category).map(|f| f.id.clone()));
            timing::after_fill(&binding, &mut ui, &values, &typed, focused.as_deref());
        }
        let report = binding.page_report(&values);
        render::panel(&binding, &mut ui, &report.eligibility, &values);
    }
    Ok(Handle {
        binding: Some(binding),
    })
}

fn install(binding: &Rc<Binding>, ui: &mut Ui) {
    let target = binding.form.clone();
    for kind in ["input", "change"] {
        let b = Rc::clone(binding);
        ui.listeners
            .push(EventListener::new(&target, kind, move |event| {
                let Some(id) = target_field(&b, event) else {
                    return;
                };
                let Some(mut ui) = b.ui_for_handler() else {
                    return;
                };
                draft::typed(&mut ui, &id);
                b.on_change(&mut ui, &id);
                schedule_panel(&b, &mut ui);
                schedule_save(&b, &mut ui);
            }));
    }
    let b = Rc::clone(binding);
    ui.listeners
        .push(EventListener::new(&target, "focusout", move |event| {
            let Some(from) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            // A field's own input, or its list's 增加一项 button.
            let Some(id) = timing::field_around(&b, &from) else {
                return;
            };
            if !timing::leaves(&b, &id, &from, timing::related_target(event).as_ref()) {
                return;
            }
            let Some(mut ui) = b.ui_for_handler() else {
                return;
            };
            let values = b.values();
            timing::on_leave(&b, &mut ui, &id, &values);
        }));
    blocks::install(binding, ui);
}

/// Focuses the first input of a field (from a summary link).
/// Scrolls so that the field's label or legend is in view (its wrapper's top), then focuses
/// the input without scrolling again.
pub(crate) fn focus_field(form: &HtmlFormElement, id: &str) {
    if let Some(el) = inputs::inputs(form, id).into_iter().next() {
        let top = el
            .closest("[data-field-wrap]")
            .ok()
            .flatten()
            .unwrap_or_else(|| el.clone());
        top.scroll_into_view();
        if let Some(h) = el.dyn_ref::<HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h.focus_with_options(&options);
        }
    }
}
