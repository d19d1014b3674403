//! What a page hands us for one field, before any checking.
//!
//! The browser gives a field's value as a string (inputs, textareas, selects, radios), an
//! array of strings (checkbox groups, repeated inputs) or a boolean (a lone checkbox). Anything
//! else a script may pass (numbers are turned into their JS string form by the binding; objects,
//! `null`, functions …) arrives as `Unsupported` and is reported, never trusted.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Bool(bool),
    /// A value of a type no field takes; the payload names the JS type for the message.
    Unsupported(&'static str),
}

/// The form's values by field id. Ids that are not fields of the category are ignored.
pub type Values = BTreeMap<String, Value>;

impl Value {
    /// Whether the person has given anything at all: blank text, an empty list and an
    /// unticked box are "not given" (never zero, never "no").
    pub fn is_given(&self) -> bool {
        match self {
            Value::Text(s) => !is_blank(s),
            Value::List(items) => items.iter().any(|s| !is_blank(s)),
            Value::Bool(b) => *b,
            Value::Unsupported(_) => true,
        }
    }
}

/// Blank as a person sees it: the core's one definition lives in [`crate::blank`].
pub use crate::blank::is_blank;
