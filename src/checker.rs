//! `new Checker(edition, category, options)`: one form's checker, created once per page.
//!
//! Why an object: the free functions (`validateField`, `validateForm`) take the edition, the
//! category and the options on every call, so every keystroke paid for three strings across the
//! boundary, a registry lookup, reading the options by reflection and a `Date` for today. The
//! checker settles all of that once; a keystroke passes the field id and the values object, of
//! which only the fields the check reads are looked at.
//!
//! Misuse throws an `Error` whose `code` a program can test (`CheckerErrorCode` in the `.d.ts`);
//! bad *values* never throw, they are issues.

use crate::registry::{self, LookupError};
use crate::validate::FormChecker;
use crate::validate::Issue;
use crate::wasm_api::{collected, context, json_to_js, read_all_values, to_value};
use crate::Locale;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_CHECKER: &str = r#"
/** The `code` of an `Error` thrown by `Checker` for misuse (never for bad values). */
export type CheckerErrorCode = 'UNKNOWN_EDITION' | 'UNKNOWN_CATEGORY' | 'UNKNOWN_FIELD' | 'WRONG_TYPE';
export interface CheckerError extends Error { code: CheckerErrorCode }
"#;

/// Why a call was refused, as the `code` of the thrown `Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Misuse {
    UnknownEdition,
    UnknownCategory,
    UnknownField,
    WrongType,
}

impl Misuse {
    fn code(self) -> &'static str {
        match self {
            Misuse::UnknownEdition => "UNKNOWN_EDITION",
            Misuse::UnknownCategory => "UNKNOWN_CATEGORY",
            Misuse::UnknownField => "UNKNOWN_FIELD",
            Misuse::WrongType => "WRONG_TYPE",
        }
    }
}

/// An `Error` with `code` set; the message is zh-CN first, then en.
fn error(kind: Misuse, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail; if it ever did the Error still says why.
    let _ = Reflect::set(
        &e,
        &JsValue::from_str("code"),
        &JsValue::from_str(kind.code()),
    );
    e.into()
}

fn string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        error(
            Misuse::WrongType,
            &format!("{what} 应为字符串 / {what} must be a string"),
        )
    })
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// One form's checker: an edition × category with its options settled once.
#[wasm_bindgen]
pub struct Checker {
    edition: String,
    /// The same core object the page binding holds: category and options settled once.
    inner: FormChecker<'static>,
    /// `options.collected`: the fields the page has (None: every field).
    collected: Option<Vec<String>>,
    /// Each field's id as a JS string, by position, made once: a keystroke reads `values[id]`
    /// without turning the id into a JS string again.
    ids: Vec<JsValue>,
    /// The answer for "nothing wrong", shared by every such call (frozen, so no caller can
    /// change what the next one receives): a clean keystroke allocates nothing on either side.
    no_issues: JsValue,
}

#[wasm_bindgen]
impl Checker {
    /// `new Checker(edition, category, { locale?, today?, collected? })`: throws `UNKNOWN_EDITION`,
    /// `UNKNOWN_CATEGORY` or `WRONG_TYPE`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] edition: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] category: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<Checker, JsValue> {
        let edition = string(&edition, "edition")?;
        let category_id = string(&category, "category")?;
        let category = registry::category(&edition, &category_id).map_err(|e| {
            let kind = match e {
                LookupError::UnknownEdition(_) => Misuse::UnknownEdition,
                LookupError::UnknownCategory { .. } => Misuse::UnknownCategory,
            };
            error(
                kind,
                &format!("{} / {}", e.message(Locale::ZhCn), e.message(Locale::En)),
            )
        })?;
        Ok(Checker {
            edition,
            inner: FormChecker::new(category, context(&options)),
            ids: category
                .fields
                .iter()
                .map(|f| JsValue::from_str(&f.id))
                .collect(),
            collected: collected(category, &options),
            no_issues: Object::freeze(&Array::new()).into(),
        })
    }

    /// The form's fields, checks and rules: the same object `schema(edition, category)` gives.
    #[wasm_bindgen(getter, unchecked_return_type = "Schema")]
    pub fn schema(&self) -> Result<JsValue, JsValue> {
        crate::wasm_api::schema(
            JsValue::from_str(&self.edition),
            JsValue::from_str(&self.inner.category.id),
        )
        .map_err(JsValue::from)
    }

    /// The issues of one field, for a keystroke: exactly what `form(values)` reports for it.
    /// Only `id` and the fields its checks read are taken from `values`.
    #[wasm_bindgen(unchecked_return_type = "readonly Issue[]")]
    pub fn field(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FormValues")] values: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (id, position) = self.field_id(&id)?;
        // The field and the fields its checks read, by position in the compiled graph (every
        // registry category has it: `compiled_dependency_graph_matches_the_rules`).
        let mut vals = crate::value::Values::new();
        if values.is_object() {
            let category = self.inner.category;
            for p in category.related_positions(position) {
                let (Some(field), Some(js_id)) = (category.fields.get(p), self.ids.get(p)) else {
                    continue;
                };
                if let Some(v) = Reflect::get(&values, js_id).ok().and_then(|v| to_value(&v)) {
                    vals.insert(field.id.to_string(), v);
                }
            }
        }
        let issues = self.inner.field(&id, &vals, self.collected.as_deref());
        if issues.is_empty() {
            return Ok(self.no_issues.clone());
        }
        Ok(json_to_js(&Issue::list_to_json(&issues)))
    }

    /// Every issue and the eligibility verdicts for the whole form.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FormValues")] values: JsValue,
    ) -> JsValue {
        let vals = read_all_values(self.inner.category, &values);
        json_to_js(&self.inner.form(&vals, self.collected.as_deref()).to_json())
    }

    /// The other fields to re-check after `id` changes (their checks or conditions read it).
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn dependents(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (id, _) = self.field_id(&id)?;
        Ok(self
            .inner
            .dependents(&id)
            .into_iter()
            .map(JsValue::from)
            .collect::<Array>()
            .into())
    }

    /// The edition id this checker was made for.
    #[wasm_bindgen(getter)]
    pub fn edition(&self) -> String {
        self.edition.clone()
    }

    /// The category id this checker was made for.
    #[wasm_bindgen(getter)]
    pub fn category(&self) -> String {
        self.inner.category.id.to_string()
    }
}

impl Checker {
    /// The id as a field of this form, with its position; `UNKNOWN_FIELD` otherwise.
    fn field_id(&self, id: &JsValue) -> Result<(String, usize), JsValue> {
        let id = string(id, "id")?;
        let Some(position) = self.inner.category.field_position(&id) else {
            return Err(error(
                Misuse::UnknownField,
                &format!(
                    "“{}”不是本表的字段 / “{}” is not a field of this form",
                    clip(&id),
                    clip(&id)
                ),
            ));
        };
        Ok((id, position))
    }
}
