//! The JS API under WebAssembly in Node: shapes, agreement between the two calls, and values
//! of every JS type (none may throw; only misuse does). Run by `wasm-pack test --node`.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yanglao_check::wasm_api::{editions, schema, validate_field, validate_form};

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn s(x: &str) -> JsValue {
    JsValue::from_str(x)
}

fn today() -> JsValue {
    obj(&[("today", s("2023-06-01"))])
}

#[wasm_bindgen_test]
fn editions_are_plain_objects() {
    let list = Array::from(&editions());
    assert!(list.length() >= 1);
    let first = list.get(0);
    assert_eq!(get(&first, "id").as_string().as_deref(), Some("national-2023"));
    let cats = Array::from(&get(&first, "categories"));
    assert_eq!(cats.length(), 4);
    assert!(!get(&cats.get(0), "name").is_undefined());
}

#[wasm_bindgen_test]
fn schema_lists_fields_and_rules() {
    let sc = schema(s("national-2023"), s("enterprise")).unwrap();
    let fields = Array::from(&get(&sc, "fields"));
    assert!(fields.length() > 40);
    let rules = Array::from(&get(&sc, "rules"));
    assert_eq!(rules.length(), 4);
    assert_eq!(get(&rules.get(0), "clause").as_string().as_deref(), Some("二（一）1"));
    assert!(Array::from(&get(&rules.get(0), "fields")).length() >= 2);
}

#[wasm_bindgen_test]
fn unknown_edition_or_category_throws() {
    assert!(schema(s("nope"), s("enterprise")).is_err());
    assert!(validate_form(s("national-2023"), s("nope"), Object::new().into(), JsValue::UNDEFINED).is_err());
    assert!(validate_form(JsValue::from_f64(1.0), s("enterprise"), Object::new().into(), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn field_and_form_agree() {
    let values = obj(&[("uscc", s("91110000600037341A")), ("founded", s("2021-03-01")), ("apply_date", s("2023-05-20"))]);
    let report = validate_form(s("national-2023"), s("enterprise"), values.clone(), today()).unwrap();
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    let issues = Array::from(&get(&report, "issues"));
    let uscc_from_form: Vec<String> = issues
        .iter()
        .filter(|i| get(i, "field").as_string().as_deref() == Some("uscc"))
        .filter_map(|i| get(&i, "code").as_string())
        .collect();
    let single = Array::from(&validate_field(s("national-2023"), s("enterprise"), s("uscc"), s("91110000600037341A"), values, today()).unwrap());
    let from_field: Vec<String> = single.iter().filter_map(|i| get(&i, "code").as_string()).collect();
    assert_eq!(uscc_from_form, from_field);
    assert_eq!(from_field, vec!["uscc.checksum".to_string()]);
    let eligibility = get(&report, "eligibility");
    assert_eq!(get(&eligibility, "verdict").as_string().as_deref(), Some("ineligible"));
}

#[wasm_bindgen_test]
fn values_of_every_js_type_never_throw() {
    let big = Array::new();
    for i in 0..100_000 {
        big.push(&JsValue::from_f64(i as f64));
    }
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let megabyte: JsValue = s(&"养".repeat(350_000));
    let odd: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
        JsValue::from_f64(-0.0),
        JsValue::from_f64(1e300),
        js_sys::BigInt::from(12u64).into(),
        Object::new().into(),
        Array::of2(&Object::new(), &s("x")).into(),
        Array::of1(&Array::new()).into(),
        js_sys::Function::new_no_args("return 1").into(),
        js_sys::Symbol::for_("s").into(),
        big.into(),
        lone.into(),
        megabyte,
        s("\u{0}\u{200B}\u{202E}"),
        s(&"9".repeat(400)),
    ];
    for field in ["uscc", "revenue", "founded", "intro", "scenarios", "commitment", "enterprise_type", "cases", "debt_ratio", "staff"] {
        for v in &odd {
            let r = validate_field(s("national-2023"), s("enterprise"), s(field), v.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED);
            assert!(r.is_ok(), "{field}");
            let values = obj(&[(field, v.clone())]);
            let r = validate_form(s("national-2023"), s("enterprise"), values, JsValue::UNDEFINED);
            assert!(r.is_ok(), "{field}");
        }
    }
    // Whole objects of the wrong kind.
    for values in [JsValue::NULL, s("text"), Array::new().into(), JsValue::from_f64(3.0)] {
        assert!(validate_form(s("national-2023"), s("enterprise"), values, s("odd options")).is_ok());
    }
}
