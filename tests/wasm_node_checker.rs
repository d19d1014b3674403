//! `new Checker(edition, category, options)` under WebAssembly in Node: misuse codes, the
//! keystroke answer equal to the whole form's, dependents, and no allocation for a clean field.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yanglao_check::checker::Checker;
use yanglao_check::wasm_api::editions;

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn s(x: &str) -> JsValue {
    JsValue::from_str(x)
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn options() -> JsValue {
    obj(&[("today", s("2023-06-01"))])
}

fn code_of(result: Result<impl Sized, JsValue>) -> String {
    match result {
        Ok(_) => "no error".into(),
        Err(e) => {
            assert!(
                e.is_instance_of::<js_sys::Error>(),
                "misuse throws an Error"
            );
            assert!(
                !get(&e, "message")
                    .as_string()
                    .unwrap_or_default()
                    .is_empty(),
                "with a message"
            );
            get(&e, "code").as_string().unwrap_or_default()
        }
    }
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_with_a_code() {
    assert_eq!(
        code_of(Checker::new(
            s("national-2099"),
            s("enterprise"),
            JsValue::UNDEFINED
        )),
        "UNKNOWN_EDITION"
    );
    assert_eq!(
        code_of(Checker::new(
            s("national-2023"),
            s("school"),
            JsValue::UNDEFINED
        )),
        "UNKNOWN_CATEGORY"
    );
    assert_eq!(
        code_of(Checker::new(
            JsValue::from(7),
            s("enterprise"),
            JsValue::UNDEFINED
        )),
        "WRONG_TYPE"
    );
    let c = Checker::new(s("national-2023"), s("enterprise"), options()).unwrap();
    assert_eq!(
        code_of(c.field(s("no_such_field"), Object::new().into())),
        "UNKNOWN_FIELD"
    );
    assert_eq!(
        code_of(c.field(JsValue::NULL, Object::new().into())),
        "WRONG_TYPE"
    );
    assert_eq!(code_of(c.dependents(s("no_such_field"))), "UNKNOWN_FIELD");
    assert_eq!(c.edition(), "national-2023");
    assert_eq!(c.category(), "enterprise");
}

#[wasm_bindgen_test]
fn a_clean_field_returns_one_shared_frozen_empty_list() {
    let c = Checker::new(s("national-2023"), s("enterprise"), options()).unwrap();
    let values = obj(&[("applicant", s("某某科技有限公司"))]);
    let a = c.field(s("applicant"), values.clone()).unwrap();
    let b = c.field(s("applicant"), values).unwrap();
    assert!(Array::is_array(&a));
    assert_eq!(Array::from(&a).length(), 0);
    assert!(
        Object::is_frozen(&Object::from(a.clone())),
        "callers cannot change the shared answer"
    );
    assert!(
        Object::is(&a, &b),
        "the same array every time: nothing allocated"
    );
}

#[wasm_bindgen_test]
fn dependents_are_the_fields_whose_checks_read_the_changed_one() {
    let c = Checker::new(s("national-2023"), s("enterprise"), options()).unwrap();
    let deps: Vec<String> = Array::from(&c.dependents(s("enterprise_type")).unwrap())
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    for id in [
        "terminal_rd_staff_share",
        "terminal_rd_spend",
        "terminal_ip_count",
    ] {
        assert!(
            deps.iter().any(|d| d == id),
            "{id} depends on enterprise_type: {deps:?}"
        );
    }
    assert!(
        !deps.iter().any(|d| d == "enterprise_type"),
        "a field is not its own dependent"
    );
    let deps: Vec<String> = Array::from(&c.dependents(s("applicant")).unwrap())
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert!(
        !deps.iter().any(|d| d.starts_with("terminal_")),
        "nothing reads the applicant's name: {deps:?}"
    );
}

/// The keystroke promise through the object: for every field of every form, `field(id, values)`
/// returns exactly the issues `form(values)` reports for that field, for good and odd values.
/// For every field: `c.field(id, values)` is exactly what `c.form(values)` reports for it.
fn assert_field_equals_form(c: &Checker, values: &JsValue, ids: &[String], what: &str) {
    let all = Array::from(&get(&c.form(values.clone()), "issues"));
    for id in ids {
        let want: Vec<String> = all
            .iter()
            .filter(|i| get(i, "field").as_string().as_deref() == Some(id))
            .map(|i| json(&i))
            .collect();
        let got: Vec<String> = Array::from(&c.field(s(id), values.clone()).unwrap())
            .iter()
            .map(|i| json(&i))
            .collect();
        assert_eq!(got, want, "{what} field {id}");
    }
}

#[wasm_bindgen_test]
fn field_equals_form_on_every_form() {
    let odd = [
        "",
        " ",
        "abc",
        "-1",
        "1e400",
        "２０２３年５月",
        "\u{200E}",
        "0",
        "100",
        "是",
        "2999-01-01",
    ];
    for e in Array::from(&editions()).iter() {
        let edition = get(&e, "id");
        for cat in Array::from(&get(&e, "categories")).iter() {
            let c = Checker::new(edition.clone(), get(&cat, "id"), options()).unwrap();
            let schema = c.schema().unwrap();
            let ids: Vec<String> = Array::from(&get(&schema, "fields"))
                .iter()
                .map(|f| get(&f, "id").as_string().unwrap())
                .collect();
            for (round, value) in odd.iter().enumerate() {
                let values = Object::new();
                for (i, id) in ids.iter().enumerate() {
                    let v = odd[(i + round) % odd.len()];
                    Reflect::set(&values, &s(id), &s(v)).unwrap();
                }
                Reflect::set(&values, &s(&ids[round % ids.len()]), &s(value)).unwrap();
                let what = format!(
                    "{}/{}",
                    edition.as_string().unwrap(),
                    get(&cat, "id").as_string().unwrap()
                );
                assert_field_equals_form(&c, &values.clone().into(), &ids, &what);
            }
        }
    }
}

/// One reading: a form read at once (JSON where it is exact) and a field read alone
/// (reflection) see the same value for every JS type a page may hold — numbers in JS's own
/// spelling, NaN, -0, a Date (its toJSON), arrays holding numbers or holes, objects.
#[wasm_bindgen_test]
fn field_equals_form_for_values_of_every_js_type() {
    let date = js_sys::Date::new(&JsValue::from_f64(1_684_540_800_000.0)); // 2023-05-20
    let kinds: Vec<JsValue> = vec![
        JsValue::from_f64(1e21),
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(-0.0),
        JsValue::from_f64(12.5),
        JsValue::from_f64(f64::INFINITY),
        JsValue::TRUE,
        date.into(),
        Array::of2(&JsValue::from_f64(1.0), &s("2")).into(),
        Array::of2(&JsValue::NULL, &s("是")).into(),
        Object::new().into(),
        s("91110000600037341L"),
    ];
    for (edition, category) in [("national-2023", "enterprise"), ("henan-2021", "base")] {
        let c = Checker::new(s(edition), s(category), options()).unwrap();
        let ids: Vec<String> = Array::from(&get(&c.schema().unwrap(), "fields"))
            .iter()
            .map(|f| get(&f, "id").as_string().unwrap())
            .collect();
        for round in 0..kinds.len() {
            let values = Object::new();
            for (i, id) in ids.iter().enumerate() {
                Reflect::set(&values, &s(id), &kinds[(i + round) % kinds.len()]).unwrap();
            }
            let what = format!("{edition}/{category}, round {round}");
            assert_field_equals_form(&c, &values.into(), &ids, &what);
        }
    }
}
