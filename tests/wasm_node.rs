//! The JS API under WebAssembly in Node: shapes, agreement between the two calls, and values
//! of every JS type (none may throw; only misuse does). Run by `wasm-pack test --node`.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yanglao_check::wasm_api::{count_chars, editions, schema, validate_field, validate_form};

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

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A plain object: its prototype is Object.prototype (not a Map, not a class instance).
fn is_plain_object(v: &JsValue) -> bool {
    v.is_object()
        && !Array::is_array(v)
        && Object::get_prototype_of(v) == Object::get_prototype_of(&Object::new())
}

/// Every (edition, category) id pair that `editions()` lists.
fn every_form() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in Array::from(&editions()).iter() {
        let id = get(&e, "id").as_string().unwrap();
        for c in Array::from(&get(&e, "categories")).iter() {
            out.push((id.clone(), get(&c, "id").as_string().unwrap()));
        }
    }
    out
}

/// Runs a bit of JS (to build values Rust can't: proxies, getters that throw, cycles).
fn js(body: &str) -> JsValue {
    Function::new_no_args(body).call0(&JsValue::NULL).unwrap()
}

fn error_message(e: JsError) -> String {
    get(&JsValue::from(e), "message")
        .as_string()
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Shapes

#[wasm_bindgen_test]
fn editions_are_plain_objects() {
    let list = editions();
    assert!(Array::is_array(&list));
    let list = Array::from(&list);
    assert!(list.length() >= 1);
    let ids: Vec<String> = list
        .iter()
        .map(|e| get(&e, "id").as_string().unwrap())
        .collect();
    assert!(ids.iter().any(|i| i == "national-2023"), "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "edition ids are unique");
    for e in list.iter() {
        assert!(is_plain_object(&e));
        for key in ["title", "shortTitle"] {
            assert!(!get(&e, key).as_string().unwrap().is_empty(), "{key}");
        }
        assert!(Array::is_array(&get(&e, "issuers")));
        assert!(get(&e, "dataYear").as_f64().is_some());
        let cats = Array::from(&get(&e, "categories"));
        assert!(cats.length() >= 1);
        for c in cats.iter() {
            assert!(is_plain_object(&c));
            for key in ["id", "name", "formTitle"] {
                assert!(!get(&c, key).as_string().unwrap().is_empty(), "{key}");
            }
        }
    }
    let national = list
        .iter()
        .find(|e| get(e, "id").as_string().as_deref() == Some("national-2023"))
        .unwrap();
    assert_eq!(Array::from(&get(&national, "categories")).length(), 4);
}

#[wasm_bindgen_test]
fn schema_lists_fields_and_rules() {
    let sc = schema(s("national-2023"), s("enterprise")).unwrap();
    let fields = Array::from(&get(&sc, "fields"));
    assert!(fields.length() > 40);
    let rules = Array::from(&get(&sc, "rules"));
    assert_eq!(rules.length(), 4);
    assert_eq!(
        get(&rules.get(0), "clause").as_string().as_deref(),
        Some("二（一）1")
    );
    assert!(Array::from(&get(&rules.get(0), "fields")).length() >= 2);
    assert_eq!(
        get(&get(&sc, "category"), "referenceDate")
            .as_string()
            .as_deref(),
        Some("apply_date")
    );
    assert_eq!(
        get(&get(&sc, "edition"), "id").as_string().as_deref(),
        Some("national-2023")
    );
}

#[wasm_bindgen_test]
fn every_schema_has_the_documented_shape() {
    let kinds = [
        "text",
        "longText",
        "uscc",
        "phone",
        "email",
        "date",
        "amount",
        "number",
        "count",
        "percent",
        "yesNo",
        "choice",
        "multiChoice",
        "checklist",
        "declaration",
        "textList",
    ];
    for (e, c) in every_form() {
        let sc = schema(s(&e), s(&c)).unwrap();
        assert!(is_plain_object(&sc), "{e}/{c}");
        let fields = Array::from(&get(&sc, "fields"));
        assert!(fields.length() > 0, "{e}/{c}");
        let mut ids = Vec::new();
        for f in fields.iter() {
            assert!(is_plain_object(&f));
            let id = get(&f, "id").as_string().unwrap();
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{e}/{c}: {id}"
            );
            assert!(!get(&f, "label").as_string().unwrap().is_empty());
            let kind = get(&f, "kind").as_string().unwrap();
            assert!(kinds.contains(&kind.as_str()), "{kind}");
            assert!(get(&f, "required").as_bool().is_some());
            assert!(Array::is_array(&get(&f, "section")));
            let when = get(&f, "when");
            if !when.is_undefined() {
                assert!(get(&when, "field").is_string() && get(&when, "has").is_string());
            }
            ids.push(id);
        }
        for r in Array::from(&get(&sc, "rules")).iter() {
            for key in ["id", "clause", "text"] {
                assert!(
                    !get(&r, key).as_string().unwrap().is_empty(),
                    "{e}/{c} rule {key}"
                );
            }
            for f in Array::from(&get(&r, "fields")).iter() {
                assert!(
                    ids.contains(&f.as_string().unwrap()),
                    "a rule reads a field of its form"
                );
            }
        }
        assert!(Array::is_array(&get(&sc, "checks")));
    }
}

// ---------------------------------------------------------------------------------------------
// Misuse throws, with a message that says what is known

#[wasm_bindgen_test]
fn unknown_edition_or_category_throws() {
    assert!(schema(s("nope"), s("enterprise")).is_err());
    assert!(validate_form(
        s("national-2023"),
        s("nope"),
        Object::new().into(),
        JsValue::UNDEFINED
    )
    .is_err());
    assert!(validate_form(
        JsValue::from_f64(1.0),
        s("enterprise"),
        Object::new().into(),
        JsValue::UNDEFINED
    )
    .is_err());
    assert!(validate_field(
        s("nope"),
        s("enterprise"),
        s("uscc"),
        s("x"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED
    )
    .is_err());
    assert!(validate_field(
        s("national-2023"),
        s("nope"),
        s("uscc"),
        s("x"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED
    )
    .is_err());
    assert!(schema(JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
    let m = error_message(schema(s("national-2099"), s("enterprise")).unwrap_err());
    assert!(
        m.contains("national-2099") && m.contains("national-2023"),
        "names the id and what exists: {m}"
    );
    let m = error_message(schema(s("national-2023"), s("farm")).unwrap_err());
    assert!(m.contains("farm") && m.contains("enterprise"), "{m}");
    let m = error_message(schema(JsValue::from_f64(1.0), s("enterprise")).unwrap_err());
    assert!(m.contains("edition") && m.contains("string"), "{m}");
}

#[wasm_bindgen_test]
fn a_field_id_must_be_a_string_but_an_unknown_one_is_an_issue() {
    let r = validate_field(
        s("national-2023"),
        s("enterprise"),
        JsValue::from_f64(3.0),
        s("x"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    assert!(r.is_err());
    let issues = Array::from(
        &validate_field(
            s("national-2023"),
            s("enterprise"),
            s("no_such_field"),
            s("x"),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .unwrap(),
    );
    assert_eq!(issues.length(), 1);
    assert_eq!(
        get(&issues.get(0), "severity").as_string().as_deref(),
        Some("error")
    );
}

// ---------------------------------------------------------------------------------------------
// The keystroke answer equals the submit answer

/// Issues of `field` from a whole-form report, as JSON (order kept).
fn issues_of(report: &JsValue, field: &str) -> String {
    let mine: Array = Array::from(&get(report, "issues"))
        .iter()
        .filter(|i| get(i, "field").as_string().as_deref() == Some(field))
        .collect();
    json(&mine)
}

/// The field ids of a form, in order.
fn field_ids(edition: &str, category: &str) -> Vec<String> {
    let sc = schema(s(edition), s(category)).unwrap();
    Array::from(&get(&sc, "fields"))
        .iter()
        .map(|f| get(&f, "id").as_string().unwrap())
        .collect()
}

fn agree_everywhere(edition: &str, category: &str, values: &JsValue, options: &JsValue) {
    agree_on(
        edition,
        category,
        &field_ids(edition, category),
        values,
        options,
    );
}

fn agree_on(edition: &str, category: &str, ids: &[String], values: &JsValue, options: &JsValue) {
    let report = validate_form(s(edition), s(category), values.clone(), options.clone()).unwrap();
    assert!(is_plain_object(&report));
    let valid = get(&report, "valid").as_bool().unwrap();
    let errors = Array::from(&get(&report, "issues"))
        .iter()
        .any(|i| get(&i, "severity").as_string().as_deref() == Some("error"));
    assert_eq!(valid, !errors, "valid means no error-severity issue");
    for id in ids {
        let value = if values.is_object() {
            get(values, id)
        } else {
            JsValue::UNDEFINED
        };
        let single = validate_field(
            s(edition),
            s(category),
            s(id),
            value,
            values.clone(),
            options.clone(),
        )
        .unwrap();
        assert_eq!(
            json(&single),
            issues_of(&report, id),
            "{edition}/{category} field {id}"
        );
    }
}

#[wasm_bindgen_test]
fn field_and_form_agree() {
    let values = obj(&[
        ("uscc", s("91110000600037341A")),
        ("founded", s("2021-03-01")),
        ("apply_date", s("2023-05-20")),
    ]);
    let report =
        validate_form(s("national-2023"), s("enterprise"), values.clone(), today()).unwrap();
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    let single = Array::from(
        &validate_field(
            s("national-2023"),
            s("enterprise"),
            s("uscc"),
            s("91110000600037341A"),
            values.clone(),
            today(),
        )
        .unwrap(),
    );
    let from_field: Vec<String> = single
        .iter()
        .filter_map(|i| get(&i, "code").as_string())
        .collect();
    assert_eq!(from_field, vec!["uscc.checksum".to_string()]);
    let eligibility = get(&report, "eligibility");
    assert_eq!(
        get(&eligibility, "verdict").as_string().as_deref(),
        Some("ineligible")
    );
    let rule = Array::from(&get(&eligibility, "rules")).get(0);
    for key in ["id", "clause", "text", "status", "explanation"] {
        assert!(get(&rule, key).is_string(), "{key}");
    }
    agree_everywhere("national-2023", "enterprise", &values, &today());
}

#[wasm_bindgen_test]
fn field_and_form_agree_on_every_form_for_odd_and_good_values() {
    let eligible: serde_json::Value = serde_json::from_str(include_str!(
        "scenarios/national-2023/enterprise-eligible.json"
    ))
    .unwrap();
    let good = js_sys::JSON::parse(&eligible["values"].to_string()).unwrap();
    let en = obj(&[("today", s("2023-06-01")), ("locale", s("en"))]);
    agree_everywhere("national-2023", "enterprise", &good, &today());
    agree_everywhere("national-2023", "enterprise", &good, &en);
    let report = validate_form(s("national-2023"), s("enterprise"), good, today()).unwrap();
    assert_eq!(
        get(&report, "valid").as_bool(),
        Some(true),
        "{}",
        json(&get(&report, "issues"))
    );
    assert_eq!(
        get(&get(&report, "eligibility"), "verdict")
            .as_string()
            .as_deref(),
        Some("eligible")
    );
    for (e, c) in every_form() {
        let ids = field_ids(&e, &c);
        agree_on(&e, &c, &ids, &Object::new().into(), &today());
        // The same odd value in every field: each must be an issue, never a throw.
        for odd in [
            s("１２３"),
            s("-0"),
            JsValue::from_f64(-0.0),
            JsValue::from_f64(1e21),
            JsValue::from_f64(f64::NAN),
            JsValue::from_f64(f64::NEG_INFINITY),
            js("return [NaN, 'other']"),
            JsValue::TRUE,
            Array::of1(&s("other")).into(),
            Object::new().into(),
        ] {
            let values = Object::new();
            for id in &ids {
                Reflect::set(&values, &s(id), &odd).unwrap();
            }
            agree_on(&e, &c, &ids, &values.into(), &today());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values of every JS type never throw

#[wasm_bindgen_test]
fn values_of_every_js_type_never_throw() {
    let big = Array::new();
    for i in 0..100_000 {
        big.push(&JsValue::from_f64(i as f64));
    }
    let big_objects = Array::new();
    for _ in 0..100_000 {
        big_objects.push(&Object::new());
    }
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let megabyte: JsValue = s(&"养".repeat(350_000));
    let odd: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
        JsValue::FALSE,
        JsValue::from_f64(0.0),
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
        JsValue::from_f64(f64::NEG_INFINITY),
        JsValue::from_f64(-0.0),
        JsValue::from_f64(1e300),
        JsValue::from_f64(5e-324),
        js_sys::BigInt::from(12u64).into(),
        js("return -(2n ** 200n)"),
        Object::new().into(),
        Array::of2(&Object::new(), &s("x")).into(),
        Array::of1(&Array::new()).into(),
        Array::of1(&Array::of1(&Array::of1(&s("deep")))).into(),
        Array::of3(&JsValue::NULL, &JsValue::UNDEFINED, &s("x")).into(),
        Array::of1(&lone).into(),
        js("return [1, , 3]"),
        js("return new Proxy([], { get() { throw new Error('trap'); } })"),
        js("const p = Proxy.revocable([], {}); p.revoke(); return p.proxy"),
        js("return new Array(2 ** 32 - 1)"),
        js("const a = []; a.push(a); return a"),
        js("const o = {}; o.self = o; return o"),
        js("return new Map([['a', 1]])"),
        js("return new Date(0)"),
        js("return /x/"),
        js("return new Uint8Array(4)"),
        js("return new Proxy({}, { get() { throw new Error('trap'); } })"),
        js("return { toString() { throw new Error('no'); }, valueOf() { throw new Error('no'); } }"),
        js("return Object.create(null)"),
        js_sys::Function::new_no_args("return 1").into(),
        js_sys::Symbol::for_("s").into(),
        lone.into(),
        js_sys::JsString::from_char_code1(0xDFFF).concat(&s("养")).into(),
        s("\u{0}\u{200B}\u{202E}"),
        s(&"9".repeat(400)),
        s("<img src=x onerror=alert(1)>"),
    ];
    let fields = [
        "uscc",
        "revenue",
        "founded",
        "apply_date",
        "intro",
        "scenarios",
        "commitment",
        "enterprise_type",
        "cases",
        "debt_ratio",
        "staff",
        "contact_email",
        "legal_rep_phone",
        "service_has_platform",
        "materials",
        "part2_1",
        "no_such_field",
    ];
    // The heavy values (100 000 items, 1 MB) go through a few fields of each shape.
    let heavy: Vec<JsValue> = vec![
        big.into(),
        big_objects.into(),
        megabyte,
        s(&"a".repeat(1 << 20)),
    ];
    let few = ["uscc", "intro", "scenarios", "cases", "no_such_field"];
    for (values, fields) in [(&odd, &fields[..]), (&heavy, &few[..])] {
        for v in values {
            for &field in fields {
                let r = validate_field(
                    s("national-2023"),
                    s("enterprise"),
                    s(field),
                    v.clone(),
                    JsValue::UNDEFINED,
                    JsValue::UNDEFINED,
                );
                assert!(r.is_ok(), "{field}");
                assert!(Array::is_array(&r.unwrap()));
                // The same value as a related field of another's check, and in the whole form.
                let values = obj(&[(field, v.clone())]);
                let r = validate_field(
                    s("national-2023"),
                    s("enterprise"),
                    s("health_revenue"),
                    s("1"),
                    values.clone(),
                    today(),
                );
                assert!(r.is_ok(), "{field}");
                let r = validate_form(
                    s("national-2023"),
                    s("enterprise"),
                    values,
                    JsValue::UNDEFINED,
                );
                assert!(r.is_ok(), "{field}");
                assert!(get(&r.unwrap(), "valid").as_bool().is_some());
            }
        }
    }
    // Whole objects of the wrong kind, and value objects that fight back.
    for values in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        s("text"),
        Array::new().into(),
        JsValue::from_f64(3.0),
        js("return new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })"),
        js("return { get uscc() { throw new Error('getter'); }, revenue: 1n }"),
        js("return { toJSON() { throw new Error('toJSON'); }, uscc: 'x' }"),
        js("const o = { uscc: 'x' }; o.self = o; return o"),
        js("return Object.freeze({ uscc: 'x' })"),
    ] {
        assert!(validate_form(s("national-2023"), s("enterprise"), values.clone(), s("odd options")).is_ok());
        assert!(validate_field(s("national-2023"), s("enterprise"), s("uscc"), s("x"), values, JsValue::from_f64(1.0)).is_ok());
    }
    // Odd options fall back to the defaults.
    for options in [
        js("return { locale: 5, today: {} }"),
        js("return { today: '2023-02-30' }"),
        js("return new Proxy({}, { get() { throw 1; } })"),
    ] {
        assert!(validate_form(
            s("national-2023"),
            s("enterprise"),
            Object::new().into(),
            options
        )
        .is_ok());
    }
}

#[wasm_bindgen_test]
fn a_value_js_gives_as_a_number_is_read_as_js_writes_it() {
    let check = |v: JsValue| {
        Array::from(
            &validate_field(
                s("national-2023"),
                s("enterprise"),
                s("revenue"),
                v,
                JsValue::UNDEFINED,
                today(),
            )
            .unwrap(),
        )
    };
    assert_eq!(
        check(JsValue::from_f64(8000.0)).length(),
        0,
        "a number is an amount like its text"
    );
    assert_eq!(check(js_sys::BigInt::from(8000u64).into()).length(), 0);
    assert!(
        check(JsValue::from_f64(f64::NAN)).length() > 0,
        "NaN is refused with a message"
    );
    assert!(check(JsValue::from_f64(f64::INFINITY)).length() > 0);
    let issues = check(Object::new().into());
    assert!(issues.length() > 0);
    assert!(!get(&issues.get(0), "message")
        .as_string()
        .unwrap()
        .is_empty());
}

#[wasm_bindgen_test]
fn count_chars_counts_as_word_does() {
    assert_eq!(count_chars(s("")), 0);
    assert_eq!(count_chars(s("智慧养老")), 4);
    assert_eq!(
        count_chars(JsValue::from_f64(1.0)),
        0,
        "not a string: nothing to count"
    );
    assert_eq!(count_chars(JsValue::UNDEFINED), 0);
    let _ = count_chars(js_sys::JsString::from_char_code1(0xD800).into());
    let _ = count_chars(s(&"a b ".repeat(300_000)));
}
