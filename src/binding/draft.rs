//! Drafts in localStorage, the restore offer, and saving to / restoring from a file.
//!
//! Nothing typed is lost:
//! - every list item comes back on restore and import: inputs are created as needed (the
//!   page's own 增加一项 button first, else a copy of the list's last input);
//! - an unanswered restore offer is never overwritten: while it shows, what the person types
//!   is saved apart (`<key>:pending`); 恢复草稿 brings the draft back and keeps every field
//!   typed meanwhile as typed, 放弃草稿 keeps only the new typing;
//! - focus stays in the draft bar (on its status line) after either choice.
//!
//! Storage may be missing (sandboxed frames, some privacy modes: `window.localStorage`
//! throws) or full (`setItem` throws QuotaExceededError). Either way the page says so and the
//! form keeps working; nothing typed is lost from the form itself. gloo's `LocalStorage`
//! panics when storage is unavailable, so the web-sys `Storage` is used directly.

use super::{inputs, render, timing, Binding, Ui};
use crate::model::{Field, FieldKind};
use crate::value::{Value, Values};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};

/// How long an exported file's object URL lives.
const REVOKE_DELAY_MS: u32 = 1000;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// "2026-11-22 10:31" from an ISO timestamp, as people read it.
fn readable(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The status line is the bar's only live region: written only when its text changes, so an
/// autosave every pause in typing is not read out again and again.
fn set_status(ui: &Ui, text: &str, problem: bool) {
    if let Some(s) = &ui.draft_status {
        if s.text_content().as_deref() != Some(text) {
            s.set_text_content(Some(text));
        }
        let class = if problem {
            "yc-draft-status yc-draft-problem"
        } else {
            "yc-draft-status"
        };
        if s.class_name() != class {
            s.set_class_name(class);
        }
    }
}

fn button(
    binding: &Binding,
    ui: &mut Ui,
    parent: &Element,
    label: &str,
    class: &str,
) -> Option<Element> {
    let doc = binding.form.owner_document()?;
    let b = doc.create_element("button").ok()?;
    let _ = b.set_attribute("type", "button");
    b.set_class_name(class);
    b.set_text_content(Some(label));
    if matches!(class, "yc-export" | "yc-import" | "yc-clear") {
        let _ = b.set_attribute("aria-describedby", "yc-draft-help");
    }
    parent.append_child(&b).ok()?;
    let _ = ui;
    Some(b)
}

fn on_click(ui: &mut Ui, el: &Element, binding: &Rc<Binding>, f: fn(&Rc<Binding>, &mut Ui)) {
    let b = Rc::clone(binding);
    ui.listeners.push(EventListener::new(el, "click", move |_| {
        if let Some(mut ui) = b.ui_for_handler() {
            f(&b, &mut ui);
        }
    }));
}

/// The draft bar at the top of the form, and the restore offer if a draft is waiting.
pub fn install(binding: &Rc<Binding>, ui: &mut Ui) {
    let Some(doc) = binding.form.owner_document() else {
        return;
    };
    let Ok(bar) = doc.create_element("div") else {
        return;
    };
    bar.set_class_name("yc-draft");
    let _ = bar.set_attribute("role", "group");
    let _ = bar.set_attribute("aria-label", binding.text.draft_bar());
    ui.added.push(bar.clone());
    let Ok(status) = doc.create_element("p") else {
        return;
    };
    status.set_class_name("yc-draft-status");
    let _ = status.set_attribute("role", "status");
    let _ = bar.append_child(&status);
    if let Ok(help) = doc.create_element("p") {
        help.set_class_name("yc-visually-hidden");
        help.set_id("yc-draft-help");
        help.set_text_content(Some(binding.text.actions_help()));
        let _ = bar.append_child(&help);
    }
    ui.draft_status = Some(status);
    let Ok(tools) = doc.create_element("span") else {
        return;
    };
    tools.set_class_name("yc-draft-tools");
    let _ = bar.append_child(&tools);
    if let Some(b) = button(binding, ui, &tools, binding.text.export(), "yc-export") {
        on_click(ui, &b, binding, export);
    }
    if let Some(b) = button(binding, ui, &tools, binding.text.import(), "yc-import") {
        on_click(ui, &b, binding, |_, ui| {
            let bar = ui.draft_bar.clone();
            if let Some(Ok(Some(input))) = bar.map(|bar| bar.query_selector(".yc-import-file")) {
                if let Some(i) = input.dyn_ref::<web_sys::HtmlElement>() {
                    i.click();
                }
            }
        });
    }
    if let Some(b) = button(binding, ui, &tools, binding.text.clear(), "yc-clear") {
        on_click(ui, &b, binding, clear);
    }
    if let Ok(file) = doc.create_element("input") {
        let _ = file.set_attribute("type", "file");
        let _ = file.set_attribute("accept", "application/json,.json");
        let _ = file.set_attribute("hidden", "");
        let _ = file.set_attribute("aria-hidden", "true");
        file.set_class_name("yc-import-file");
        let _ = tools.append_child(&file);
        let b = Rc::clone(binding);
        ui.listeners
            .push(EventListener::new(&file, "change", move |event| {
                let Some(input) = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                else {
                    return;
                };
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    return;
                };
                input.set_value("");
                let Some(mut ui) = b.ui_for_handler() else {
                    return;
                };
                // Refuse a huge file before reading it into memory.
                if file.size() > crate::draft::MAX_DRAFT_BYTES as f64 {
                    let why = crate::draft::DraftError::TooLarge.message(b.checker.ctx.locale);
                    set_status(&ui, &b.text.bad_import(&why), true);
                    return;
                }
                let file = gloo::file::File::from(file);
                let b2 = Rc::clone(&b);
                let reader = gloo::file::callbacks::read_as_text(&file, move |result| {
                    if let Some(mut ui) = b2.ui_for_handler() {
                        import_text(&b2, &mut ui, result.ok().as_deref().unwrap_or(""));
                    }
                });
                ui.reader = Some(reader);
            }));
    }
    if super::blocks::place_block(binding, &bar, super::blocks::Block::DraftBar).is_none() {
        return;
    }
    ui.draft_bar = Some(bar.clone());

    let Some(store) = storage() else {
        set_status(ui, binding.text.storage_unavailable(), true);
        return;
    };
    set_status(ui, binding.text.drafts_on(), false);
    let Ok(Some(saved)) = store.get_item(&binding.storage_key) else {
        return;
    };
    match crate::draft::parse(&saved, &binding.edition, binding.category) {
        Err(e) => set_status(
            ui,
            &binding
                .text
                .bad_draft(&e.message(binding.checker.ctx.locale)),
            true,
        ),
        Ok(values) if values.values().any(|v| v.is_given()) => {
            let when = crate::json::parse(&saved)
                .ok()
                .and_then(|d| {
                    d.get("savedAt")
                        .and_then(crate::json::Json::as_str)
                        .map(readable)
                })
                .unwrap_or_default();
            set_status(
                ui,
                &binding.text.draft_found(&binding.form_name(), &when),
                false,
            );
            let Ok(offer) = doc.create_element("span") else {
                return;
            };
            offer.set_class_name("yc-draft-offer");
            let _ = bar.insert_before(&offer, bar.children().item(1).as_ref().map(|e| e.as_ref()));
            if let Some(b) = button(binding, ui, &offer, binding.text.restore(), "yc-restore") {
                on_click(ui, &b, binding, restore);
            }
            if let Some(b) = button(binding, ui, &offer, binding.text.discard(), "yc-discard") {
                on_click(ui, &b, binding, discard);
            }
            ui.offer = Some(offer);
            ui.offered = Some(values);
            // Typed before the module arrived: kept as typed if the draft is restored.
            for field in binding
                .category
                .fields
                .iter()
                .filter(|f| inputs::changed(&binding.form, f))
            {
                ui.typed_during_offer.insert(field.id.to_string());
            }
        }
        Ok(_) => {}
    }
}

fn pending_key(binding: &Binding) -> String {
    format!("{}:pending", binding.storage_key)
}

fn drop_offer(binding: &Binding, ui: &mut Ui) {
    ui.offered = None;
    ui.typed_during_offer.clear();
    if let Some(o) = ui.offer.take() {
        o.remove();
    }
    if let Some(s) = storage() {
        let _ = s.remove_item(&pending_key(binding));
    }
}

/// Notes that the person typed into `id` while the offer shows (so a restore keeps it).
pub fn typed(ui: &mut Ui, id: &str) {
    if ui.offer.is_some() {
        ui.typed_during_offer.insert(id.to_string());
    }
}

/// Focus after a choice in the bar: its status line, which says what happened (the button
/// pressed is gone, and focus must not drop to the page's `<body>`).
fn focus_status(ui: &Ui) {
    if let Some(s) = &ui.draft_status {
        let _ = s.set_attribute("tabindex", "-1");
        if let Some(h) = s.dyn_ref::<HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// How many text inputs (text boxes, textareas) the field has on the page.
fn text_inputs(binding: &Binding, id: &str) -> Vec<Element> {
    inputs::inputs(&binding.form, id)
        .into_iter()
        .filter(|el| match el.dyn_ref::<HtmlInputElement>() {
            Some(i) => !matches!(
                i.type_().as_str(),
                "checkbox" | "radio" | "file" | "submit" | "button" | "reset" | "image" | "hidden"
            ),
            None => el.tag_name().eq_ignore_ascii_case("textarea"),
        })
        .collect()
}

/// Makes room for `wanted` items of a list field: the page's own 增加一项 button
/// (`button[data-add-for=id]`) first, so the new inputs are the page's own; else a copy of
/// the last input, placed after it. An item is never dropped for want of an input.
fn ensure_items(binding: &Binding, field: &Field, wanted: usize) {
    let mut have = text_inputs(binding, &field.id).len();
    if have == 0 || have >= wanted {
        return;
    }
    let button = binding
        .form
        .query_selector(&format!("button[data-add-for='{}']", field.id))
        .ok()
        .flatten();
    if let Some(b) = button.as_ref().and_then(|b| b.dyn_ref::<HtmlElement>()) {
        while have < wanted && !b.hidden() {
            b.click();
            let now = text_inputs(binding, &field.id).len();
            if now <= have {
                break;
            }
            have = now;
        }
    }
    while have < wanted {
        let Some(last) = text_inputs(binding, &field.id).pop() else {
            return;
        };
        let Ok(copy) = last.clone_node() else { return };
        let Ok(copy) = copy.dyn_into::<Element>() else {
            return;
        };
        have += 1;
        if !last.id().is_empty() {
            copy.set_id(&format!("{}-{have}", numbered_base(&last.id())));
        }
        let _ = copy.remove_attribute("aria-invalid");
        if let Some(label) = copy.get_attribute("aria-label") {
            let base = label
                .rsplit_once(" 第")
                .map(|(b, _)| b.to_string())
                .unwrap_or(label);
            let _ = copy.set_attribute("aria-label", &format!("{base} 第{have}项"));
        }
        if last.after_with_node_1(&copy).is_err() {
            return;
        }
    }
}

/// `f-cases-2` → `f-cases`, so copies are numbered like the page's own items.
fn numbered_base(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((base, n))
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !base.is_empty() =>
        {
            base
        }
        _ => id,
    }
}

/// Writes values into the form (all fields but `keep`), creating list items as needed, then
/// redraws what depends on them.
fn fill(
    binding: &Rc<Binding>,
    ui: &mut Ui,
    values: &Values,
    keep: &std::collections::BTreeSet<String>,
) {
    for field in binding
        .category
        .fields
        .iter()
        .filter(|f| !keep.contains(f.id.as_str()))
    {
        let value = values
            .get(field.id.as_str())
            .cloned()
            .unwrap_or(Value::Text(String::new()));
        if let Value::List(items) = &value {
            if matches!(field.kind, FieldKind::TextList)
                || !matches!(field.kind, FieldKind::MultiChoice | FieldKind::Checklist)
            {
                ensure_items(binding, field, items.len());
            }
        }
        inputs::write(&binding.form, field, &value);
    }
    let now = binding.values();
    let focused = binding
        .form
        .owner_document()
        .and_then(|d| d.active_element())
        .and_then(|el| inputs::field_of(&el, binding.category).map(|f| f.id.clone()));
    timing::after_fill(binding, ui, &now, &[], focused.as_deref());
    for field in &binding.category.fields {
        render::counter(binding, ui, &field.id, &now);
    }
    render::applicability(binding, ui, &now);
    let report = binding.page_report(&now);
    render::panel(binding, ui, &report.eligibility, &now);
}

/// Fills the form with the draft read at attach; fields typed in since keep what was typed.
fn restore(binding: &Rc<Binding>, ui: &mut Ui) {
    let Some(values) = ui.offered.take() else {
        return;
    };
    let keep = std::mem::take(&mut ui.typed_during_offer);
    drop_offer(binding, ui);
    // Saved below: an autosave still pending from the typing would overwrite the status.
    ui.save_timer = None;
    fill(binding, ui, &values, &keep);
    write_draft(binding, ui);
    set_status(ui, &binding.text.restored(keep.len()), false);
    focus_status(ui);
}

/// Forgets the draft on offer; what was typed meanwhile becomes the draft.
fn discard(binding: &Rc<Binding>, ui: &mut Ui) {
    let typed = !ui.typed_during_offer.is_empty();
    drop_offer(binding, ui);
    ui.save_timer = None;
    if let Some(s) = storage() {
        let _ = s.remove_item(&binding.storage_key);
    }
    if typed {
        write_draft(binding, ui);
    }
    set_status(ui, binding.text.discarded(), false);
    focus_status(ui);
}

fn clear(binding: &Rc<Binding>, ui: &mut Ui) {
    let offered = ui.offer.is_some();
    drop_offer(binding, ui);
    ui.save_timer = None;
    if let Some(s) = storage() {
        let _ = s.remove_item(&binding.storage_key);
    }
    ui.last_saved = None;
    set_status(ui, binding.text.cleared(), false);
    if offered {
        focus_status(ui);
    }
}

/// Writes the form's values as the draft, silently; `false` if storage refused.
fn write_draft(binding: &Binding, ui: &mut Ui) -> Option<String> {
    ui.last_saved = None;
    let store = storage()?;
    let saved_at = now_iso();
    let json = crate::draft::to_json(
        &binding.edition,
        &binding.category.id,
        &saved_at,
        &binding.values(),
    );
    match store.set_item(&binding.storage_key, &json) {
        Ok(()) => Some(saved_at),
        Err(_) => {
            set_status(ui, binding.text.storage_full(), true);
            None
        }
    }
}

/// Saves the form's values now (called after a pause in typing).
pub fn save(binding: &Rc<Binding>, ui: &mut Ui) {
    let Some(store) = storage() else {
        set_status(ui, binding.text.storage_unavailable(), true);
        return;
    };
    if ui.offer.is_some() {
        // The draft on offer is never overwritten: new typing is kept apart until the person
        // chooses, and the offer's own message stays in place.
        let values = binding.values();
        if values.values().any(|v| v.is_given()) {
            let json =
                crate::draft::to_json(&binding.edition, &binding.category.id, &now_iso(), &values);
            if store.set_item(&pending_key(binding), &json).is_err() {
                set_status(ui, binding.text.storage_full(), true);
            }
        }
        return;
    }
    let unchanged = crate::draft::to_json(
        &binding.edition,
        &binding.category.id,
        "",
        &binding.values(),
    );
    if ui.last_saved.as_deref() == Some(unchanged.as_str()) {
        return;
    }
    if let Some(saved_at) = write_draft(binding, ui) {
        ui.last_saved = Some(unchanged);
        set_status(ui, &binding.text.saved(&readable(&saved_at)), false);
    }
}

fn export(binding: &Rc<Binding>, ui: &mut Ui) {
    let json = crate::draft::to_json(
        &binding.edition,
        &binding.category.id,
        &now_iso(),
        &binding.values(),
    );
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = binding
        .form
        .owner_document()
        .and_then(|d| d.create_element("a").ok())
    {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute(
            "download",
            &format!(
                "{}.json",
                binding.text.file_name(&binding.form_name(), &now_iso())
            ),
        );
        if let Some(h) = a.dyn_ref::<web_sys::HtmlElement>() {
            h.click();
        }
    }
    // Revoked a little later: some browsers start the download after `click()` returns.
    gloo::timers::callback::Timeout::new(REVOKE_DELAY_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    let _ = ui;
}

fn import_text(binding: &Rc<Binding>, ui: &mut Ui, text: &str) {
    ui.reader = None;
    match crate::draft::parse(text, &binding.edition, binding.category) {
        Ok(values) => {
            drop_offer(binding, ui);
            ui.save_timer = None;
            fill(binding, ui, &values, &Default::default());
            write_draft(binding, ui);
            set_status(ui, binding.text.imported(), false);
            focus_status(ui);
        }
        Err(e) => {
            set_status(
                ui,
                &binding
                    .text
                    .bad_import(&e.message(binding.checker.ctx.locale)),
                true,
            );
            focus_status(ui);
        }
    }
}
