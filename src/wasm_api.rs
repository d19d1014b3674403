//! The JavaScript API: the only code that knows wasm-bindgen (besides `dom`, which knows the
//! page). It converts what a page passes into core types, calls the core, and hands back plain
//! objects (never `Map`).
//!
//! **Invariant:** misuse (an unknown edition or category, a missing argument) throws a JS
//! `Error` with a clear message; bad *values* are never thrown, they are issues.

use crate::checks::Date;
use crate::json::Json;
use crate::model::{Category, Edition};
use crate::registry;
use crate::validate::{Context, FormChecker};
use crate::{Locale, Value, Values};
use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type Severity = 'error' | 'warning';
export type Status = 'met' | 'notMet' | 'missing' | 'declared';
export type Verdict = 'eligible' | 'ineligible' | 'incomplete';
/** A field's value as a form gives it: text, the values of ticked boxes, or a lone checkbox. */
export type FieldValue = string | string[] | boolean | number | null | undefined;
export type FormValues = Record<string, FieldValue>;
export interface Options { locale?: 'zh-CN' | 'en'; /** YYYY-MM-DD; defaults to the browser's today. */ today?: string; /** The field ids the page has inputs for (a page with only some of them): the others are not required nor reported, and a rule that needs one is 'missing'. Default: every field. */ collected?: string[] }
export interface Issue { field: string; rule: string; code: string; severity: Severity; message: string; fields?: string[] }
export interface RuleResult { id: string; clause: string; text: string; status: Status; explanation: string; fields: string[] }
export interface Eligibility { verdict: Verdict; rules: RuleResult[] }
export interface Report { valid: boolean; issues: Issue[]; eligibility: Eligibility }
export interface CategorySummary { id: string; name: string; formTitle: string }
export interface EditionSummary { id: string; title: string; shortTitle: string; docNumber?: string; issuers: string[]; dataYear: number; published?: string; deadline?: string; notes: { title: string; text: string; clause?: string; table?: string[][] }[]; categories: CategorySummary[] }
export interface ChoiceOption { value: string; label: string; group?: string; detailField?: string }
export interface Field { id: string; label: string; section: string[]; kind: string; unit?: string; required: boolean; when?: { field: string; has: string }; min?: number; max?: number; maxChars?: number; minItems?: number; maxItems?: number; signed?: boolean; allowOver100?: boolean; past?: boolean; options?: ChoiceOption[]; hint?: string; source?: string; note?: string }
export interface SchemaRule { id: string; clause: string; text: string; fields: string[]; applies?: { field: string; has: string }; note?: string }
export interface Schema { edition: EditionSummary; category: CategorySummary & { subject: string; referenceDate: string }; fields: Field[]; checks: unknown[]; rules: SchemaRule[] }
export interface AttachOptions extends Options { edition: string; category: string; /** Key suffix for the draft in localStorage; defaults to the page's path. */ draftKey?: string; /** 'page' (default): only the fields the form has inputs for; 'all': every field of the edition. */ fields?: 'page' | 'all'; /** Delete the local draft after a submit the checker lets through (default true). */ clearDraftOnSubmit?: boolean }
"#;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy: js-sys imports it without `catch`,
    /// and an exception from such an import unwinds through our frames.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_checked(value: &JsValue) -> Result<bool, JsValue>;
}

fn is_array(value: &JsValue) -> bool {
    is_array_checked(value).unwrap_or(false)
}

/// Most items read from one array: a checkbox group or a text list never comes near, and a
/// sparse `new Array(2 ** 32 - 1)` must not keep the page busy for an hour.
const MAX_ITEMS: u32 = 100_000;

#[wasm_bindgen(start)]
fn start() {
    // With panic = "abort" a panic is a trap that leaves the module unusable; none is reachable
    // (see tests/props.rs), but if one ever happens the console says where.
    std::panic::set_hook(Box::new(|info| gloo::console::error!(info.to_string())));
}

/// For the rare, structured calls (`editions`, `schema`): serde-wasm-bindgen builds the
/// objects directly, maps as plain objects.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// For the hot calls (every keystroke, every submit): the JSON the core's own writer made
/// (`Report::to_json`, `Issue::list_to_json`), one string across the boundary and the
/// engine's native `JSON.parse`, several times faster than building the report object by
/// object through reflection.
pub(crate) fn json_to_js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "{what} 应为字符串 / {what} must be a string (got {})",
            js_type(value)
        ))
    })
}

fn js_type(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.is_string() {
        "string"
    } else if value.as_f64().is_some() {
        "number"
    } else if value.as_bool().is_some() {
        "boolean"
    } else if value.is_bigint() {
        "bigint"
    } else if is_array(value) {
        "array"
    } else if value.is_function() {
        "function"
    } else if value.is_symbol() {
        "symbol"
    } else {
        "object"
    }
}

pub(crate) fn lookup(edition: &JsValue, category: &JsValue) -> Result<&'static Category, JsError> {
    let edition = string_arg(edition, "edition")?;
    let category = string_arg(category, "category")?;
    registry::category(&edition, &category).map_err(|e| JsError::new(&e.message(Locale::ZhCn)))
}

/// Reads `{ locale, today }`; anything malformed falls back to the defaults.
pub(crate) fn context(options: &JsValue) -> Context {
    let get = |key: &str| -> Option<String> {
        if !options.is_object() {
            return None;
        }
        Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let locale = get("locale").map(|l| Locale::parse(&l)).unwrap_or_default();
    let today = get("today")
        .and_then(|t| crate::checks::parse_iso(&t))
        .or_else(browser_today);
    Context { locale, today }
}

/// Today by the page's clock, in local time as the person sees their calendar.
fn browser_today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// One JS value as the core sees it; `None` for null/undefined (not given).
pub(crate) fn to_value(js: &JsValue) -> Option<Value> {
    if js.is_null() || js.is_undefined() {
        return None;
    }
    if let Some(s) = js.as_string() {
        return Some(Value::Text(s));
    }
    if let Some(b) = js.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(text) = number_text(js) {
        return Some(Value::Text(text));
    }
    if is_array(js) {
        // By reflection (`catch`): a Proxy's traps may throw, and `Array.from` would let that
        // exception through.
        let Some(length) = Reflect::get(js, &JsValue::from_str("length"))
            .ok()
            .and_then(|l| l.as_f64())
        else {
            return Some(Value::Unsupported("array"));
        };
        if !(0.0..=f64::from(MAX_ITEMS)).contains(&length) {
            return Some(Value::Unsupported("array"));
        }
        let length = length as u32;
        let mut items = Vec::with_capacity(length as usize);
        for i in 0..length {
            let Ok(item) = Reflect::get_u32(js, i) else {
                return Some(Value::Unsupported("array"));
            };
            if let Some(s) = item.as_string() {
                items.push(s);
            } else if let Some(text) = number_text(&item) {
                items.push(text);
            } else if item.is_null() || item.is_undefined() {
                continue;
            } else {
                return Some(Value::Unsupported("array"));
            }
        }
        return Some(Value::List(items));
    }
    // An object with `toJSON` (a Date, a page's own wrapper) is read as what it says it is,
    // as `JSON.stringify` — and so a whole-form read (`read_all_values`) — reads it.
    if let Some(plain) = to_json_of(js) {
        if plain.is_string() || plain.as_bool().is_some() {
            return to_value(&plain);
        }
    }
    Some(Value::Unsupported(js_type(js)))
}

/// `value.toJSON()` when the object has that method and it does not throw.
fn to_json_of(js: &JsValue) -> Option<JsValue> {
    if !js.is_object() {
        return None;
    }
    let method = Reflect::get(js, &JsValue::from_str("toJSON")).ok()?;
    let method = method.dyn_ref::<js_sys::Function>()?;
    method.call1(js, &JsValue::from_str("")).ok()
}

/// A number or bigint in JS's own spelling (1e21, Infinity, NaN, and "0" for -0): the
/// checkers then refuse the odd ones with a message, as they would if it had been typed.
fn number_text(js: &JsValue) -> Option<String> {
    let text = if js.as_f64().is_some() {
        js.unchecked_ref::<js_sys::Number>()
            .to_string_with_radix(10)
            .ok()?
    } else if js.is_bigint() {
        js.unchecked_ref::<js_sys::BigInt>().to_string(10).ok()?
    } else {
        return None;
    };
    text.as_string()
}

/// Reads every field of the category from a plain object of values: one `JSON.stringify`
/// and one string across the boundary when the object allows it (plain data, the usual
/// case; field by field through reflection it was twice as slow); field by field through
/// reflection otherwise (BigInt, cycles, lone surrogates, getters that throw …).
///
/// One reading: JSON carries strings and booleans exactly; every other value (a number, whose
/// JSON spelling is not JS's own, `null` that stood for NaN or undefined, an array holding
/// either) is read again through `to_value`, the keystroke's own converter, so a field can
/// never be read one way on a keystroke and another on submit.
pub(crate) fn read_all_values(category: &Category, values: &JsValue) -> Values {
    if !values.is_object() || is_array(values) {
        return Values::new();
    }
    let json = js_sys::JSON::stringify(values)
        .ok()
        .and_then(|s| s.as_string());
    let parsed = json.and_then(|text| match crate::json::parse(&text) {
        Ok(Json::Object(map)) => Some(map),
        _ => None,
    });
    let Some(map) = parsed else {
        return read_values(category, values, None);
    };
    let mut out = Values::new();
    for (id, v) in map {
        if category.field_position(&id).is_none() {
            continue;
        }
        // JSON writes NaN, ±Infinity (and undefined or a function in an array) as null, and
        // numbers in its own spelling: read those by reflection, as a keystroke does.
        let lossy = match &v {
            Json::String(_) | Json::Bool(_) | Json::Object(_) => false,
            Json::Array(items) => !items.iter().all(|i| matches!(i, Json::String(_))),
            Json::Null | Json::Number(_) => true,
        };
        let value = if lossy {
            Reflect::get(values, &JsValue::from_str(&id))
                .ok()
                .and_then(|js| to_value(&js))
        } else {
            from_json(&v)
        };
        if let Some(value) = value {
            out.insert(id, value);
        }
    }
    out
}

/// A JSON value as the core sees it (the same reading as `to_value` gives the JS value).
fn from_json(v: &Json) -> Option<Value> {
    use Json as J;
    match v {
        J::Null => None,
        J::String(s) => Some(Value::Text(s.clone())),
        J::Bool(b) => Some(Value::Bool(*b)),
        J::Array(items) => {
            let mut list = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    J::String(s) => list.push(s.clone()),
                    // Numbers and nulls are read by reflection (`read_all_values`).
                    _ => return Some(Value::Unsupported("array")),
                }
            }
            Some(Value::List(list))
        }
        // Read by reflection instead (`read_all_values`).
        J::Number(_) => None,
        J::Object(_) => Some(Value::Unsupported("object")),
    }
}

/// Reads the category's fields (or only `only`) from a plain object, field by field.
pub(crate) fn read_values(category: &Category, values: &JsValue, only: Option<&[&str]>) -> Values {
    let mut out = Values::new();
    if !values.is_object() {
        return out;
    }
    let mut read = |id: &str| {
        if let Some(v) = Reflect::get(values, &JsValue::from_str(id))
            .ok()
            .and_then(|v| to_value(&v))
        {
            out.insert(id.to_string(), v);
        }
    };
    match only {
        Some(ids) => ids.iter().for_each(|id| read(id)),
        None => category.fields.iter().for_each(|f| read(&f.id)),
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CategorySummary<'a> {
    id: &'a str,
    name: &'a str,
    form_title: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EditionSummary<'a> {
    id: &'a str,
    title: &'a str,
    short_title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_number: Option<&'a str>,
    issuers: &'a [crate::model::Str],
    data_year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<&'a str>,
    notes: &'a [crate::model::Note],
    categories: Vec<CategorySummary<'a>>,
}

fn summary(e: &Edition) -> EditionSummary<'_> {
    EditionSummary {
        id: &e.id,
        title: &e.title,
        short_title: &e.short_title,
        doc_number: e.doc_number.as_deref(),
        issuers: &e.issuers,
        data_year: e.data_year,
        published: e.published.as_deref(),
        deadline: e.deadline.as_deref(),
        notes: &e.notes,
        categories: e
            .categories
            .iter()
            .map(|c| CategorySummary {
                id: &c.id,
                name: &c.name,
                form_title: &c.form_title,
            })
            .collect(),
    }
}

/// Every edition with its categories.
#[wasm_bindgen(unchecked_return_type = "EditionSummary[]")]
pub fn editions() -> JsValue {
    to_js(&registry::editions().iter().map(summary).collect::<Vec<_>>())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemaRule<'a> {
    id: &'a str,
    clause: &'a str,
    text: &'a str,
    fields: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applies: Option<&'a crate::model::Condition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemaCategory<'a> {
    id: &'a str,
    name: &'a str,
    form_title: &'a str,
    subject: &'a str,
    reference_date: &'a str,
}

#[derive(Serialize)]
struct Schema<'a> {
    edition: EditionSummary<'a>,
    category: SchemaCategory<'a>,
    fields: &'a [crate::model::Field],
    checks: &'a [crate::model::Check],
    rules: Vec<SchemaRule<'a>>,
}

/// The full catalogue of one form: fields, checks and eligibility rules.
#[wasm_bindgen(unchecked_return_type = "Schema")]
pub fn schema(
    #[wasm_bindgen(unchecked_param_type = "string")] edition: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] category: JsValue,
) -> Result<JsValue, JsError> {
    let c = lookup(&edition, &category)?;
    let e = registry::edition(&edition.as_string().unwrap_or_default())
        .ok_or_else(|| JsError::new("edition"))?;
    let rules = c
        .rules
        .iter()
        .map(|r| {
            let mut fields = r.applies.iter().map(|a| a.field.to_string()).collect();
            crate::eligibility::collect_fields(&r.test, &c.reference_date, &mut fields);
            SchemaRule {
                id: &r.id,
                clause: &r.clause,
                text: &r.text,
                fields,
                applies: r.applies.as_ref(),
                note: r.note.as_deref(),
            }
        })
        .collect();
    let schema = Schema {
        edition: summary(e),
        category: SchemaCategory {
            id: &c.id,
            name: &c.name,
            form_title: &c.form_title,
            subject: &c.subject,
            reference_date: &c.reference_date,
        },
        fields: &c.fields,
        checks: &c.checks,
        rules,
    };
    Ok(to_js(&schema))
}

/// The issues of one field, for a keystroke: the same as `validateForm` gives for that field.
/// `values` (optional) lets cross-field checks and conditions see the rest of the form; only the
/// fields they need are read from it.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "Issue[]")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "string")] edition: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] category: JsValue,
    #[wasm_bindgen(js_name = fieldId, unchecked_param_type = "string")] field_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FieldValue")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FormValues | undefined")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let c = lookup(&edition, &category)?;
    let field_id = string_arg(&field_id, "fieldId")?;
    // A thin wrapper: the same core object a `Checker` holds, made for this one call.
    let checker = FormChecker::new(c, context(&options));
    let related = checker.reads(&field_id);
    let related: Vec<&str> = related.iter().map(String::as_str).collect();
    let mut vals = read_values(c, &values, Some(&related));
    if let Some(v) = to_value(&value) {
        vals.insert(field_id.clone(), v);
    }
    let collected = collected(c, &options);
    let issues = checker.field(&field_id, &vals, collected.as_deref());
    if issues.is_empty() {
        // Most keystrokes: skip serialising and parsing "[]".
        return Ok(Array::new().into());
    }
    Ok(json_to_js(&crate::validate::Issue::list_to_json(&issues)))
}

/// Every issue and the eligibility verdicts for the whole form.
#[wasm_bindgen(js_name = validateForm, unchecked_return_type = "Report")]
pub fn validate_form(
    #[wasm_bindgen(unchecked_param_type = "string")] edition: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] category: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FormValues")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let c = lookup(&edition, &category)?;
    let checker = FormChecker::new(c, context(&options));
    let vals = read_all_values(c, &values);
    let collected = collected(c, &options);
    Ok(json_to_js(
        &checker.form(&vals, collected.as_deref()).to_json(),
    ))
}

/// `options.collected`: the field ids a page has, when it says so. Only strings naming a
/// field of the category are kept (anything else in the array is ignored); not an array:
/// every field.
pub(crate) fn collected(category: &Category, options: &JsValue) -> Option<Vec<String>> {
    if !options.is_object() {
        return None;
    }
    let list = Reflect::get(options, &JsValue::from_str("collected")).ok()?;
    if !is_array(&list) {
        return None;
    }
    let list: Array = list.unchecked_into();
    Some(
        list.iter()
            .filter_map(|v| v.as_string())
            .filter(|id| category.field(id).is_some())
            .collect(),
    )
}

/// Counts 字 as Word does (for a page's own counters).
#[wasm_bindgen(js_name = countChars)]
pub fn count_chars(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> u32 {
    text.as_string()
        .map(|s| crate::checks::count_zi(&s))
        .unwrap_or(0)
}
