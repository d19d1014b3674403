//! The binding in a real browser (wasm-pack test --headless --chrome): a form built in the
//! DOM, attached, and driven with the events a person causes.

#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlFormElement, HtmlInputElement};
use yanglao_check::binding::attach;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

const MARKUP: &str = r#"<label for="u">统一社会信用代码</label><input id="u" name="uscc" aria-describedby="own-hint">
<p id="own-hint">page's own hint</p>
<label for="f">成立时间</label><input id="f" name="founded">
<label for="d">申报日期</label><input id="d" name="apply_date">
<textarea id="t" name="intro"></textarea>
<div data-yc-eligibility></div><button type="submit">提交</button>"#;

fn make_form(key: &str) -> (HtmlFormElement, String) {
    let doc = document();
    let form: HtmlFormElement = doc.create_element("form").unwrap().dyn_into().unwrap();
    form.set_inner_html(MARKUP);
    form.set_id(key);
    doc.body().unwrap().append_child(&form).unwrap();
    let before = form.outer_html();
    (form, before)
}

fn options(key: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"edition".into(), &"national-2023".into()).unwrap();
    Reflect::set(&o, &"category".into(), &"enterprise".into()).unwrap();
    Reflect::set(&o, &"draftKey".into(), &key.into()).unwrap();
    Reflect::set(&o, &"today".into(), &"2023-06-01".into()).unwrap();
    o.into()
}

fn input(form: &HtmlFormElement, id: &str) -> HtmlInputElement {
    form.query_selector(&format!("#{id}")).unwrap().unwrap().dyn_into().unwrap()
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    target.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

fn message(form: &HtmlFormElement, field: &str) -> Option<String> {
    form.query_selector(&format!("#yc-msg-{field}")).unwrap().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
fn reward_early_punish_late() {
    let (form, _) = make_form("t1");
    let _handle = attach(form.clone().into(), options("t1")).unwrap();
    let uscc = input(&form, "u");
    uscc.set_value("91110000600037341A");
    fire(&uscc, "input");
    assert_eq!(message(&form, "uscc"), None, "no message while first typing");
    fire(&uscc, "focusout");
    assert!(message(&form, "uscc").unwrap().contains('L'));
    assert_eq!(uscc.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(uscc.get_attribute("aria-describedby").as_deref(), Some("own-hint yc-msg-uscc"));
    uscc.set_value("91110000600037341L");
    fire(&uscc, "input");
    assert_eq!(message(&form, "uscc"), None, "cleared on the fixing keystroke");
    assert_eq!(uscc.get_attribute("aria-describedby").as_deref(), Some("own-hint"));
    assert_eq!(uscc.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
fn submit_with_errors_is_stopped_and_summarised() {
    let (form, _) = make_form("t2");
    let _handle = attach(form.clone().into(), options("t2")).unwrap();
    let init = EventInit::new();
    init.set_cancelable(true);
    let submit = Event::new_with_event_init_dict("submit", &init).unwrap();
    form.dispatch_event(&submit).unwrap();
    assert!(submit.default_prevented());
    let summary = form.query_selector(".yc-summary").unwrap().expect("summary");
    assert_eq!(document().active_element().map(|e| e.class_name()), Some("yc-summary".to_string()));
    assert!(summary.query_selector("a[href='#u']").unwrap().is_some());
}

#[wasm_bindgen_test]
fn panel_and_counter_follow_the_values() {
    let (form, _) = make_form("t3");
    let _handle = attach(form.clone().into(), options("t3")).unwrap();
    let panel = form.query_selector("[data-yc-eligibility] .yc-verdict").unwrap().expect("panel");
    assert_eq!(panel.text_content().as_deref(), Some("信息待补充"));
    let intro: web_sys::HtmlTextAreaElement = form.query_selector("#t").unwrap().unwrap().dyn_into().unwrap();
    intro.set_value("智慧养老");
    fire(&intro, "input");
    let counter = form.query_selector("#yc-count-intro").unwrap().expect("counter");
    assert_eq!(counter.text_content().as_deref(), Some("字数 4/1000"));
}

#[wasm_bindgen_test]
fn detach_restores_the_markup_exactly() {
    let (form, before) = make_form("t4");
    let mut handle = attach(form.clone().into(), options("t4")).unwrap();
    let uscc = input(&form, "u");
    uscc.set_value("x");
    fire(&uscc, "focusout");
    let init = EventInit::new();
    init.set_cancelable(true);
    form.dispatch_event(&Event::new_with_event_init_dict("submit", &init).unwrap()).unwrap();
    handle.detach();
    handle.detach();
    uscc.set_value("");
    assert_eq!(form.outer_html(), before);
    uscc.set_value("x");
    fire(&uscc, "focusout");
    assert_eq!(message(&form, "uscc"), None);
}

#[wasm_bindgen_test]
fn attach_refuses_what_is_not_a_form() {
    let div: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    assert!(attach(div.into(), options("t5")).is_err());
    let (form, _) = make_form("t6");
    assert!(attach(form.into(), JsValue::from_str("x")).is_err());
}

#[wasm_bindgen_test]
fn drafts_are_saved_and_offered_back() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "yanglao-check:draft:national-2023:enterprise:t7";
    storage
        .set_item(key, r#"{"version":1,"savedAt":"2026-11-22T10:00:00Z","edition":"national-2023","category":"enterprise","values":{"uscc":"91110000600037341L"}}"#)
        .unwrap();
    let (form, _) = make_form("t7");
    let _handle = attach(form.clone().into(), options("t7")).unwrap();
    let restore: HtmlElement = form.query_selector(".yc-restore").unwrap().expect("restore offer").dyn_into().unwrap();
    restore.click();
    assert_eq!(input(&form, "u").value(), "91110000600037341L");
    storage.remove_item(key).unwrap();
}
