//! Drafts in localStorage, the restore offer, and export/import as a JSON file.
//!
//! Storage may be missing (sandboxed frames, some privacy modes: `window.localStorage`
//! throws) or full (`setItem` throws QuotaExceededError). Either way the page says so and the
//! form keeps working; nothing typed is lost from the form itself. gloo's `LocalStorage`
//! panics when storage is unavailable, so the web-sys `Storage` is used directly.

use super::{inputs, render, Binding, Ui};
use crate::value::Values;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Storage};

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

fn set_status(ui: &Ui, text: &str, problem: bool) {
    if let Some(s) = &ui.draft_status {
        s.set_text_content(Some(text));
        s.set_class_name(if problem {
            "yc-draft-status yc-draft-problem"
        } else {
            "yc-draft-status"
        });
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
    let _ = bar.set_attribute("role", "status");
    ui.added.push(bar.clone());
    let Ok(status) = doc.create_element("p") else {
        return;
    };
    status.set_class_name("yc-draft-status");
    let _ = bar.append_child(&status);
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
                    let why = crate::draft::DraftError::TooLarge.message(b.ctx.locale);
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
            &binding.text.bad_draft(&e.message(binding.ctx.locale)),
            true,
        ),
        Ok(values) if values.values().any(|v| v.is_given()) && !form_changed(binding) => {
            let when = serde_json::from_str::<serde_json::Value>(&saved)
                .ok()
                .and_then(|d| d.get("savedAt").and_then(|s| s.as_str()).map(readable))
                .unwrap_or_default();
            set_status(ui, &binding.text.draft_found(&when), false);
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
        }
        Ok(_) => {}
    }
}

/// Whether anything differs from the page's own markup (prefilled values don't count).
fn form_changed(binding: &Binding) -> bool {
    binding
        .category
        .fields
        .iter()
        .any(|f| inputs::changed(&binding.form, f))
}

fn drop_offer(ui: &mut Ui) {
    ui.offered = None;
    if let Some(o) = ui.offer.take() {
        o.remove();
    }
}

/// Writes values into the form, then redraws what depends on them.
fn fill(binding: &Rc<Binding>, ui: &mut Ui, values: &Values) {
    for field in &binding.category.fields {
        let value = values
            .get(&field.id)
            .cloned()
            .unwrap_or(crate::Value::Text(String::new()));
        inputs::write(&binding.form, field, &value);
    }
    let now = binding.values();
    let touched: Vec<String> = ui.touched.iter().cloned().collect();
    for id in touched {
        binding.refresh_field(ui, &id, &now);
    }
    for field in &binding.category.fields {
        render::counter(binding, ui, &field.id, &now);
    }
    render::applicability(binding, ui, &now);
    let report = binding.page_report(&now);
    render::panel(binding, ui, &report.eligibility);
}

/// Fills the form with the draft read at attach (storage may hold newer typing by now).
fn restore(binding: &Rc<Binding>, ui: &mut Ui) {
    let Some(values) = ui.offered.take() else {
        return;
    };
    drop_offer(ui);
    fill(binding, ui, &values);
    set_status(ui, binding.text.restored(), false);
    save(binding, ui);
}

fn discard(binding: &Rc<Binding>, ui: &mut Ui) {
    drop_offer(ui);
    // Only if nothing typed since has taken its place (saving goes on while the offer shows).
    if !form_changed(binding) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&binding.storage_key);
        }
    }
    set_status(ui, binding.text.discarded(), false);
}

fn clear(binding: &Rc<Binding>, ui: &mut Ui) {
    drop_offer(ui);
    ui.save_timer = None;
    if let Some(s) = storage() {
        let _ = s.remove_item(&binding.storage_key);
    }
    set_status(ui, binding.text.cleared(), false);
}

/// Saves the form's values now (called after a pause in typing).
pub fn save(binding: &Rc<Binding>, ui: &mut Ui) {
    // Saving goes on while a restore is on offer: the offered draft is kept in memory, and
    // what is typed now must survive a reload even if the offer is never answered.
    let Some(store) = storage() else {
        set_status(ui, binding.text.storage_unavailable(), true);
        return;
    };
    let values = binding.values();
    let offering = ui.offer.is_some();
    // While the offer shows, an empty form never overwrites the draft on offer, and the
    // offer's own message stays in place.
    if offering && !values.values().any(|v| v.is_given()) {
        return;
    }
    let saved_at = now_iso();
    let json = crate::draft::to_json(&binding.edition, &binding.category.id, &saved_at, &values);
    match store.set_item(&binding.storage_key, &json) {
        Ok(()) if offering => {}
        Ok(()) => set_status(ui, &binding.text.saved(&readable(&saved_at)), false),
        Err(_) => set_status(ui, binding.text.storage_full(), true),
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
            &format!("申报草稿-{}-{}.json", binding.edition, binding.category.id),
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
            drop_offer(ui);
            fill(binding, ui, &values);
            save(binding, ui);
            set_status(ui, binding.text.imported(), false);
        }
        Err(e) => set_status(
            ui,
            &binding.text.bad_import(&e.message(binding.ctx.locale)),
            true,
        ),
    }
}
