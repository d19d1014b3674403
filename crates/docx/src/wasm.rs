//! The browser's entry points, in this crate's own wasm module (`pkg/docx/`), loaded by
//! `export.js` only when a person presses 导出 Word. Values arrive as the plain object
//! `handle.values()` returns; lone surrogates become U+FFFD on the way in (wasm-bindgen's
//! string conversion), and `clean` drops what XML forbids.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use yanglao_core::checks::parse_iso;
use yanglao_core::{Context, Locale, Value, Values};

/// Most entries read from one values object: far above any form's field count, and it stops a
/// page from handing over millions of keys.
const MAX_KEYS: u32 = 10_000;

fn values_from_js(values: &JsValue) -> Result<Values, JsError> {
    if !values.is_object() || Array::is_array(values) {
        return Err(JsError::new(
            "values 应为对象：{ 栏目 id: 值 }（handle.values() 的返回值）",
        ));
    }
    let entries = Object::entries(&Object::from(values.clone()));
    if entries.length() > MAX_KEYS {
        return Err(JsError::new("values 的栏目过多"));
    }
    let mut out = Values::new();
    for entry in entries.iter() {
        let pair = Array::from(&entry);
        let Some(key) = pair.get(0).as_string() else {
            continue;
        };
        let v = pair.get(1);
        let value = if let Some(s) = v.as_string() {
            Value::Text(s)
        } else if let Some(b) = v.as_bool() {
            Value::Bool(b)
        } else if let Some(n) = v.as_f64() {
            Value::Text(format!("{n}"))
        } else if Array::is_array(&v) {
            Value::List(
                Array::from(&v)
                    .iter()
                    .filter_map(|item| item.as_string())
                    .collect(),
            )
        } else if v.is_null() || v.is_undefined() {
            continue;
        } else {
            Value::Unsupported("object")
        };
        out.insert(key, value);
    }
    Ok(out)
}

fn context(options: &JsValue) -> Context {
    let today = if options.is_object() {
        Reflect::get(options, &JsValue::from_str("today"))
            .ok()
            .and_then(|t| t.as_string())
            .and_then(|t| parse_iso(&t))
    } else {
        None
    };
    Context {
        locale: Locale::ZhCn,
        today,
    }
}

/// `shenbaoshu(edition, category, values, { today })` → the .docx file's bytes. Throws an
/// `Error` for an unknown edition or category or a `values` that is not an object; bad values
/// never throw (the document's 自查结果 box reports them).
#[wasm_bindgen]
pub fn shenbaoshu(
    edition: &str,
    category: &str,
    values: JsValue,
    options: JsValue,
) -> Result<Uint8Array, JsError> {
    let values = values_from_js(&values)?;
    let bytes = crate::for_values(edition, category, &values, &context(&options))
        .map_err(|e| JsError::new(&e))?;
    Ok(Uint8Array::from(bytes.as_slice()))
}

/// `fileName(edition, category, values)` → a file name for the download.
#[wasm_bindgen(js_name = fileName)]
pub fn file_name(edition: &str, category: &str, values: JsValue) -> Result<String, JsError> {
    let values = values_from_js(&values)?;
    let c = yanglao_core::registry::category(edition, category)
        .map_err(|e| JsError::new(&e.message(Locale::ZhCn)))?;
    Ok(crate::file_name(c, &values))
}
