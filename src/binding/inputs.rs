//! Finding a field's inputs in markup we did not write, and reading and writing their values.
//!
//! An input belongs to field `x` when its `name` or `data-field` is `x`. Field ids are ASCII
//! snake_case (the edition lint makes sure), so they are safe inside a CSS selector.
//!
//! The binding keeps each field's inputs (`by_field`, one query for the whole form) and
//! refreshes them only when the page's markup changes (a MutationObserver, see `mod.rs`), so
//! a keystroke reads one field, not the form.
//!
//! A page may declare the unit of an amount box: `data-yc-unit="元"` on an input of a field the
//! edition counts in 万元. The value is then read as 元 and handed to the rules in 万元 (an
//! exact shift of the decimal point), written back in 元, and the field's messages speak 元.

use crate::model::{Category, Field, FieldKind};
use crate::value::Value;
use std::cell::Cell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlFormElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

/// The form controls a field can have.
pub const CONTROLS: &str = "input,textarea,select";

thread_local! {
    /// Bumped whenever the binding writes values into inputs (restore, import): a cached
    /// reading of the form is stale after it, though no input event was fired.
    static WRITES: Cell<u64> = const { Cell::new(0) };
}

/// How many times values were written into inputs so far (see `WRITES`).
pub fn writes() -> u64 {
    WRITES.with(Cell::get)
}

/// Every field's inputs, in document order, from one query of the form.
pub fn by_field(form: &HtmlFormElement, category: &Category) -> HashMap<String, Vec<Element>> {
    let mut out: HashMap<String, Vec<Element>> = HashMap::new();
    if let Ok(list) = form.query_selector_all(CONTROLS) {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(field) = field_of(&el, category) {
                out.entry(field.id.to_string()).or_default().push(el);
            }
        }
    }
    out
}

pub use crate::page_words::PageUnit;

/// The unit the page declares on an input (`data-yc-unit`), for a field counted in 万元.
pub fn unit_of(el: &Element, field: &Field) -> Option<PageUnit> {
    if field.kind != FieldKind::Amount || field.unit.as_deref().is_some_and(|u| u != "万元") {
        return None;
    }
    match el.get_attribute("data-yc-unit")?.trim() {
        "元" | "yuan" => Some(PageUnit::Yuan),
        _ => None,
    }
}

fn text_of(el: &Element, field: &Field, raw: String) -> String {
    match unit_of(el, field) {
        Some(PageUnit::Yuan) => crate::page_words::yuan_to_wan(&raw),
        None => raw,
    }
}

fn text_for(el: &Element, field: &Field, wan: &str) -> String {
    match unit_of(el, field) {
        Some(PageUnit::Yuan) => {
            crate::page_words::shift_decimal(wan, 4).unwrap_or_else(|| wan.to_string())
        }
        None => wan.to_string(),
    }
}

/// The unit the page declares on the field's first input, if any.
pub fn page_unit(els: &[Element], field: &Field) -> Option<PageUnit> {
    els.first().and_then(|el| unit_of(el, field))
}

/// The field an element stands for, if any: its `name` when that is a field id, else its
/// `data-field` (a page whose names its server needs, e.g. `org[uscc]`, marks the field so).
/// The same rule as `inputs()` uses to find a field's inputs.
pub fn field_of<'c>(el: &Element, category: &'c Category) -> Option<&'c Field> {
    el.get_attribute("name")
        .and_then(|n| category.field(&n))
        .or_else(|| {
            el.get_attribute("data-field")
                .and_then(|d| category.field(&d))
        })
}

/// Every input, textarea and select of the field, in document order.
pub fn inputs(form: &HtmlFormElement, id: &str) -> Vec<Element> {
    let selector = format!(
        "input[name='{id}'],textarea[name='{id}'],select[name='{id}'],[data-field='{id}']:is(input,textarea,select)"
    );
    let mut out = Vec::new();
    if let Ok(list) = form.query_selector_all(&selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push(el);
            }
        }
    }
    out
}

/// What the person has entered in the field (its inputs, already found), as the core reads
/// values.
pub fn read_inputs(els: &[Element], field: &Field) -> Option<Value> {
    if els.is_empty() {
        return None;
    }
    let mut texts = Vec::new();
    let mut boxes = 0usize;
    let mut ticked = Vec::new();
    for el in els {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" => {
                    boxes += 1;
                    if input.checked() {
                        ticked.push(input.value());
                    }
                }
                "radio" => {
                    if input.checked() {
                        texts.push(input.value());
                    }
                }
                "file" | "submit" | "button" | "reset" | "image" => {}
                _ => texts.push(text_of(el, field, input.value())),
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            texts.push(area.value());
        } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
            if select.multiple() {
                let options = select.selected_options();
                for i in 0..options.length() {
                    if let Some(o) = options
                        .item(i)
                        .and_then(|o| o.dyn_into::<HtmlOptionElement>().ok())
                    {
                        texts.push(o.value());
                    }
                }
            } else {
                texts.push(select.value());
            }
        }
    }
    let many = matches!(
        field.kind,
        FieldKind::MultiChoice | FieldKind::Checklist | FieldKind::TextList
    );
    if boxes > 0 && texts.is_empty() {
        // A lone checkbox is a yes/no or a declaration; a group is a list of what is ticked.
        if !many && boxes == 1 {
            return Some(Value::Bool(!ticked.is_empty()));
        }
        return Some(Value::List(ticked));
    }
    texts.extend(ticked);
    if many {
        return Some(Value::List(texts));
    }
    match texts.len() {
        0 => None,
        1 => texts.pop().map(Value::Text),
        _ => Some(Value::List(texts)),
    }
}

/// Puts a value back into the field's inputs (restoring a draft, importing a file).
pub fn write(form: &HtmlFormElement, field: &Field, value: &Value) {
    WRITES.with(|w| w.set(w.get().wrapping_add(1)));
    let els = inputs(form, &field.id);
    let list: Vec<String> = match value {
        Value::Text(s) => vec![s.clone()],
        Value::List(items) => items.clone(),
        Value::Bool(_) | Value::Unsupported(_) => Vec::new(),
    };
    let mut next_text = 0usize;
    for el in &els {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" => input.set_checked(match value {
                    Value::Bool(b) => *b,
                    _ => list.contains(&input.value()),
                }),
                "radio" => input.set_checked(list.first() == Some(&input.value())),
                "file" | "submit" | "button" | "reset" | "image" => {}
                _ => {
                    input.set_value(&text_for(
                        el,
                        field,
                        list.get(next_text).map(String::as_str).unwrap_or(""),
                    ));
                    next_text += 1;
                }
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(list.get(next_text).map(String::as_str).unwrap_or(""));
            next_text += 1;
        } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
            let options = select.options();
            for i in 0..options.length() {
                if let Some(o) = options
                    .item(i)
                    .and_then(|o| o.dyn_into::<HtmlOptionElement>().ok())
                {
                    o.set_selected(list.contains(&o.value()));
                }
            }
        }
    }
}

/// Whether the person has changed any of the field's inputs from what the page's markup
/// says (`value`, `checked`, `selected` attributes): a page may prefill a date or preselect
/// an option, and that is not "something typed" that a draft must not overwrite.
pub fn changed(form: &HtmlFormElement, field: &Field) -> bool {
    inputs(form, &field.id).iter().any(|el| {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" => input.checked() != input.default_checked(),
                "file" | "submit" | "button" | "reset" | "image" => false,
                _ => input.value() != input.default_value(),
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            area.default_value().is_ok_and(|d| d != area.value())
        } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
            let options: Vec<HtmlOptionElement> = {
                let list = select.options();
                (0..list.length())
                    .filter_map(|i| list.item(i).and_then(|o| o.dyn_into().ok()))
                    .collect()
            };
            if select.multiple() {
                options.iter().any(|o| o.selected() != o.default_selected())
            } else {
                // A single select with no `selected` option shows its first one.
                let default = options
                    .iter()
                    .rposition(|o| o.default_selected())
                    .unwrap_or(0);
                usize::try_from(select.selected_index()).ok() != Some(default)
                    && !options.is_empty()
            }
        } else {
            false
        }
    })
}
