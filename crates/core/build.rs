//! Prepares the editions for embedding: each `src/editions/*.json` is minified and its tagged
//! unions are rewritten from the human-friendly form (`{"op": "atLeast", "field": …}`) to the
//! externally tagged form (`{"atLeast": {"field": …}}`).
//!
//! Why: serde can only read internally tagged enums by buffering every object into a generic
//! `Content` tree first, and that machinery alone was ~70 KB of the WebAssembly module. The
//! JSON files stay easy to read and write; the module gets the cheap form.

use serde_json::{Map, Value};
use std::path::Path;

const EDITIONS: &[&str] = &[
    "national-2023",
    "henan-2021",
    "national-2018",
    "jiangsu-2021",
];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for id in EDITIONS {
        let src = format!("../../src/editions/{id}.json");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_default();
        // A file that does not parse is embedded as it is: the registry reports it at run
        // time and tests/editions.rs fails with serde's message and line number.
        let embedded = match serde_json::from_str::<Value>(&text) {
            Ok(mut edition) => {
                retag_edition(&mut edition);
                serde_json::to_string(&edition).expect("a Value always serialises")
            }
            Err(_) => text,
        };
        std::fs::write(Path::new(&out_dir).join(format!("{id}.json")), embedded)
            .expect("OUT_DIR is writable");
    }
}

fn retag_edition(edition: &mut Value) {
    let Some(categories) = edition.get_mut("categories").and_then(Value::as_array_mut) else {
        return;
    };
    for category in categories {
        for check in category
            .get_mut("checks")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(test) = check.get_mut("test") {
                retag(test, "kind", &[]);
            }
        }
        for rule in category
            .get_mut("rules")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(test) = rule.get_mut("test") {
                retag(test, "op", &["of", "then", "otherwise"]);
            }
        }
    }
}

/// `{tag: "name", rest…}` → `{"name": {rest…}}`, recursing into the keys that hold
/// sub-expressions (`of` is a list of them).
fn retag(value: &mut Value, tag: &str, nested: &[&str]) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for key in nested {
        match object.get_mut(*key) {
            Some(Value::Array(items)) => items.iter_mut().for_each(|i| retag(i, tag, nested)),
            Some(inner @ Value::Object(_)) => retag(inner, tag, nested),
            _ => {}
        }
    }
    let Some(Value::String(name)) = object.remove(tag) else {
        return;
    };
    let rest: Map<String, Value> = std::mem::take(object);
    object.insert(name, Value::Object(rest));
}
