//! What the binding knows of the page between events: each field's inputs, the values last
//! read, which fields the page has, and each field's label as the page words it.
//!
//! A keystroke re-reads only the field typed into. The whole form is read again only when
//! something may have changed behind the binding's back: the page's markup changed (a
//! MutationObserver notes added or removed controls, or a `name` that changed), values were
//! written by a restore or import (`inputs::writes()`), the form was reset, or it is
//! submitted. Pending mutation records are taken synchronously (`takeRecords`) before each
//! use, so a change made a moment ago is never missed.

use super::{inputs, labels};
use crate::model::Category;
use crate::value::Values;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlFormElement, MutationObserver, MutationObserverInit, MutationRecord, Node,
};

#[derive(Default)]
struct State {
    fresh: bool,
    writes: u64,
    inputs: HashMap<String, Vec<Element>>,
    values: Values,
    /// Fields with at least one input, in the category's order.
    present: Vec<String>,
    labels: HashMap<String, Option<String>>,
}

pub struct Cache {
    state: RefCell<State>,
    observer: Option<MutationObserver>,
    /// Kept alive as long as the observer may call it.
    _callback: Option<Closure<dyn FnMut(js_sys::Array, MutationObserver)>>,
    pending: std::rc::Rc<std::cell::Cell<bool>>,
}

/// Whether mutation records may have changed which controls belong to which field.
fn relevant(records: &js_sys::Array) -> bool {
    records.iter().any(|r| {
        let Ok(r) = r.dyn_into::<MutationRecord>() else {
            return true;
        };
        if r.type_() == "attributes" {
            return true;
        }
        let touches = |list: web_sys::NodeList| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .any(|n: Node| {
                    n.dyn_ref::<Element>().is_some_and(|e| {
                        e.matches(inputs::CONTROLS).unwrap_or(false)
                            || e.query_selector(inputs::CONTROLS).ok().flatten().is_some()
                    })
                })
        };
        touches(r.added_nodes()) || touches(r.removed_nodes())
    })
}

impl Cache {
    pub fn new(form: &HtmlFormElement) -> Cache {
        let pending = std::rc::Rc::new(std::cell::Cell::new(false));
        let flag = std::rc::Rc::clone(&pending);
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _| {
                if relevant(&records) {
                    flag.set(true);
                }
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            init.set_attribute_filter(&js_sys::Array::of3(
                &"name".into(),
                &"data-field".into(),
                &"type".into(),
            ));
            if o.observe_with_options(form, &init).is_err() {
                pending.set(true);
            }
        }
        Cache {
            state: RefCell::new(State::default()),
            observer,
            _callback: Some(callback),
            pending,
        }
    }

    /// Stops watching the page (detach).
    pub fn disconnect(&self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }

    /// The next use reads the whole form again.
    pub fn invalidate(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.fresh = false;
        }
    }

    fn ensure(&self, form: &HtmlFormElement, category: &Category) {
        if let Some(o) = &self.observer {
            let records = o.take_records();
            if records.length() > 0 && relevant(&records) {
                self.pending.set(true);
            }
        }
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return;
        };
        if s.fresh && !self.pending.get() && s.writes == inputs::writes() {
            return;
        }
        self.pending.set(false);
        s.writes = inputs::writes();
        s.inputs = inputs::by_field(form, category);
        s.values = Values::new();
        s.present.clear();
        for field in &category.fields {
            if let Some(els) = s.inputs.get(field.id.as_str()) {
                let value = inputs::read_inputs(els, field);
                s.present.push(field.id.to_string());
                if let Some(v) = value {
                    s.values.insert(field.id.to_string(), v);
                }
            }
        }
        s.labels.clear();
        s.fresh = true;
    }

    pub fn inputs_of(&self, form: &HtmlFormElement, category: &Category, id: &str) -> Vec<Element> {
        self.ensure(form, category);
        self.state
            .try_borrow()
            .ok()
            .and_then(|s| s.inputs.get(id).cloned())
            .unwrap_or_default()
    }

    pub fn values(&self, form: &HtmlFormElement, category: &Category) -> Values {
        self.ensure(form, category);
        self.state
            .try_borrow()
            .map(|s| s.values.clone())
            .unwrap_or_default()
    }

    /// Re-reads one field after an event on it (the rest of the form is as last read).
    pub fn update(&self, form: &HtmlFormElement, category: &Category, id: &str) {
        self.ensure(form, category);
        let Some(field) = category.field(id) else {
            return;
        };
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return;
        };
        let value = s
            .inputs
            .get(id)
            .and_then(|els| inputs::read_inputs(els, field));
        match value {
            Some(v) => {
                s.values.insert(id.to_string(), v);
            }
            None => {
                s.values.remove(id);
            }
        }
    }

    /// The fields the page has inputs for.
    pub fn present(&self, form: &HtmlFormElement, category: &Category) -> Vec<String> {
        self.ensure(form, category);
        self.state
            .try_borrow()
            .map(|s| s.present.clone())
            .unwrap_or_default()
    }

    /// The page's own label for the field, if it has one (looked up once per markup change).
    pub fn page_label(
        &self,
        form: &HtmlFormElement,
        category: &Category,
        id: &str,
    ) -> Option<String> {
        self.ensure(form, category);
        if let Some(known) = self
            .state
            .try_borrow()
            .ok()
            .and_then(|s| s.labels.get(id).cloned())
        {
            return known;
        }
        let field = category.field(id)?;
        let els = self.inputs_of(form, category, id);
        let label = labels::page_label(&els, field);
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.labels.insert(id.to_string(), label.clone());
        }
        label
    }
}
