//! The binding in a real browser (wasm-pack test --headless --chrome): forms built in the
//! DOM, attached, and driven with the events a person causes. Each test uses its own form id
//! and draft key and takes its form away at the end, so a slot or a draft left by one test
//! can't be picked up by the next.

#![cfg(target_arch = "wasm32")]

use gloo::timers::callback::Timeout;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};
use yanglao_check::binding::{attach, Handle};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A short form: a field in a wrapper with a label and a page hint, dates, a long text, a
/// slot for the eligibility panel.
const MARKUP: &str = r#"<div data-field-wrap><label for="u">统一社会信用代码</label><input id="u" name="uscc" aria-describedby="own-hint"></div>
<p id="own-hint">page's own hint</p>
<label for="f">成立时间</label><input id="f" name="founded">
<label for="d">申报日期</label><input id="d" name="apply_date">
<textarea id="t" name="intro"></textarea>
<div data-yc-eligibility></div><button type="submit">提交</button>"#;

/// Every kind of input the binding must read, in markup it did not write.
const RICH: &str = r#"<div data-field-wrap class="page-wrap"><label for="u">统一社会信用代码</label><input id="u" name="uscc" aria-describedby="own-hint" aria-invalid="false"></div>
<p id="own-hint">hint</p>
<input id="f" name="founded" type="date">
<input id="d" name="apply_date" type="date">
<p>邮箱</p><input name="contact_email" type="email">
<input id="tel" name="contact_phone" type="tel">
<input id="staff" name="staff" type="number">
<fieldset data-field-wrap><legend>企业类型</legend>
<label><input type="checkbox" name="enterprise_type" value="terminal">终端</label>
<label><input type="checkbox" name="enterprise_type" value="platform">平台</label>
<label><input type="checkbox" name="enterprise_type" value="service">服务</label></fieldset>
<select id="sc" name="scenarios" multiple><option value="family_health">家庭</option><option value="other">其他</option></select>
<div data-field-wrap class="other-wrap" id="other-wrap"><label for="so">其他</label><input id="so" name="scenarios_other"></div>
<div data-field-wrap id="platform-wrap"><label>平台</label>
<label><input type="radio" name="service_has_platform" value="yes">是</label>
<label><input type="radio" name="service_has_platform" value="no">否</label></div>
<textarea id="t" name="intro"></textarea>
<textarea id="c1" name="cases"></textarea><textarea id="c2" name="cases"></textarea>
<label><input id="commit" type="checkbox" name="commitment" value="yes">承诺</label>
<label><input id="mat" type="checkbox" name="materials" value="qualification">资质</label>
<div data-yc-message-for="revenue" id="rev-slot"></div><input id="rev" data-field="revenue">
<input id="hrev" name="health_revenue">
<input id="stranger" name="not_a_field" value="left alone">
<select id="typ" name="legal_rep_name"><option value="">请选择</option><option value="李强">李强</option></select>
<button type="submit">提交</button>"#;

/// A form in the page with `markup`, and its outerHTML before anything was attached.
struct Page {
    form: HtmlFormElement,
    before: String,
    key: String,
}

impl Page {
    fn new(key: &str, markup: &str) -> Page {
        let doc = document();
        let form: HtmlFormElement = doc.create_element("form").unwrap().dyn_into().unwrap();
        form.set_inner_html(markup);
        form.set_id(key);
        doc.body().unwrap().append_child(&form).unwrap();
        let _ = storage().remove_item(&draft_key(key));
        Page {
            before: form.outer_html(),
            form,
            key: key.to_string(),
        }
    }

    fn attach(&self) -> Handle {
        attach(self.form.clone().into(), options(&self.key, None)).unwrap()
    }

    fn el(&self, selector: &str) -> Element {
        self.form
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    fn input(&self, selector: &str) -> HtmlInputElement {
        self.el(selector).dyn_into().unwrap()
    }

    /// The field's message in this form (ids repeat across the forms tests leave behind).
    fn message(&self, field: &str) -> Option<String> {
        self.form
            .query_selector(&format!("#yc-msg-{field}"))
            .unwrap()
            .and_then(|e| e.text_content())
    }

    /// Detaches and removes the form (and its draft) from the page.
    fn done(self, mut handle: Handle) {
        handle.detach();
        let _ = storage().remove_item(&draft_key(&self.key));
        self.form.remove();
    }
}

fn draft_key(key: &str) -> String {
    format!("yanglao-check:draft:national-2023:enterprise:{key}")
}

fn options(key: &str, locale: Option<&str>) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"edition".into(), &"national-2023".into()).unwrap();
    Reflect::set(&o, &"category".into(), &"enterprise".into()).unwrap();
    Reflect::set(&o, &"draftKey".into(), &key.into()).unwrap();
    Reflect::set(&o, &"today".into(), &"2023-06-01".into()).unwrap();
    if let Some(l) = locale {
        Reflect::set(&o, &"locale".into(), &l.into()).unwrap();
    }
    o.into()
}

fn fire(target: &web_sys::EventTarget, kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
    event
}

/// Types a whole value as one input event, as a paste does.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    fire(input, "input");
}

fn leave(el: &web_sys::EventTarget) {
    fire(el, "focusout");
}

fn submit(form: &HtmlFormElement) -> Event {
    let init = EventInit::new();
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict("submit", &init).unwrap();
    form.dispatch_event(&event).unwrap();
    event
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

/// Runs a bit of JS in the test page (to stub what Rust can't, e.g. a storage that throws).
fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

/// Waits `ms` milliseconds (debounced work: the panel, draft saves, file reads).
fn sleep(ms: u32) -> impl Future<Output = ()> {
    struct Sleep {
        done: Rc<Cell<bool>>,
        waker: Rc<RefCell<Option<Waker>>>,
        _timer: Timeout,
    }
    impl Future for Sleep {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.done.get() {
                return Poll::Ready(());
            }
            *self.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
    let done = Rc::new(Cell::new(false));
    let waker: Rc<RefCell<Option<Waker>>> = Rc::new(RefCell::new(None));
    let (d, w) = (Rc::clone(&done), Rc::clone(&waker));
    let timer = Timeout::new(ms, move || {
        d.set(true);
        if let Some(w) = w.borrow_mut().take() {
            w.wake();
        }
    });
    Sleep {
        done,
        waker,
        _timer: timer,
    }
}

// ---------------------------------------------------------------------------------------------
// Messages: reward early, punish late

#[wasm_bindgen_test]
fn reward_early_punish_late() {
    let page = Page::new("t1", MARKUP);
    let handle = page.attach();
    let uscc = page.input("#u");
    type_into(&uscc, "91110000600037341A");
    assert_eq!(page.message("uscc"), None, "no message while first typing");
    leave(&uscc);
    assert!(
        page.message("uscc").unwrap().contains('L'),
        "the message names the right check character"
    );
    assert_eq!(uscc.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        uscc.get_attribute("aria-describedby").as_deref(),
        Some("own-hint yc-msg-uscc")
    );
    // Once shown, it follows every keystroke: still wrong → still shown, fixed → gone at once.
    type_into(&uscc, "9111000060003734");
    assert!(page.message("uscc").is_some());
    type_into(&uscc, "91110000600037341L");
    assert_eq!(
        page.message("uscc"),
        None,
        "cleared on the fixing keystroke"
    );
    assert_eq!(
        uscc.get_attribute("aria-describedby").as_deref(),
        Some("own-hint")
    );
    assert_eq!(uscc.get_attribute("aria-invalid"), None);
    // Other fields stay quiet until they are left.
    assert_eq!(page.message("founded"), None);
    page.done(handle);
}

#[wasm_bindgen_test]
fn a_message_is_a_p_with_one_span_per_issue_above_the_input() {
    let page = Page::new("t-msg", RICH);
    let handle = page.attach();
    let uscc = page.input("#u");
    leave(&uscc);
    let msg = page.el("#yc-msg-uscc");
    assert_eq!(msg.tag_name(), "P");
    assert_eq!(msg.class_name(), "yc-message yc-error");
    assert!(msg.children().length() >= 1);
    for i in 0..msg.children().length() {
        assert_eq!(msg.children().item(i).unwrap().tag_name(), "SPAN");
    }
    // Above the input (GOV.UK): right after the wrapper's label, right before the input.
    assert_eq!(
        msg.next_element_sibling().map(|e| e.id()),
        Some("u".to_string())
    );
    // A field without a wrapper: just before its input.
    let email = page.input("input[name=contact_email]");
    type_into(&email, "not an email");
    leave(&email);
    let m = page.el("#yc-msg-contact_email");
    assert_eq!(
        m.next_element_sibling().unwrap(),
        *email.unchecked_ref::<Element>()
    );
    // The page's own slot wins.
    let rev = page.input("#rev");
    type_into(&rev, "abc");
    leave(&rev);
    assert_eq!(
        page.el("#yc-msg-revenue").parent_element().map(|e| e.id()),
        Some("rev-slot".to_string())
    );
    assert_eq!(
        rev.get_attribute("aria-describedby").as_deref(),
        Some("yc-msg-revenue")
    );
    page.done(handle);
}

#[wasm_bindgen_test]
fn a_shown_cross_check_follows_the_field_it_reads() {
    let page = Page::new("t-cross", MARKUP);
    let handle = page.attach();
    let (founded, apply) = (page.input("#f"), page.input("#d"));
    type_into(&founded, "2021-03-01");
    type_into(&apply, "2020-01-01");
    leave(&apply);
    assert!(
        page.message("apply_date").is_some(),
        "申报日期 before 成立时间"
    );
    // Fixing the other field clears it on that keystroke, without leaving 申报日期 again.
    type_into(&founded, "2019-01-01");
    assert_eq!(page.message("apply_date"), None);
    page.done(handle);
}

#[wasm_bindgen_test]
fn warnings_show_but_do_not_mark_the_input_invalid() {
    let page = Page::new("t-warn", RICH);
    let handle = page.attach();
    type_into(&page.input("#rev"), "100");
    let hrev = page.input("#hrev");
    type_into(&hrev, "200");
    leave(&hrev);
    let msg = page.el("#yc-msg-health_revenue");
    assert_eq!(msg.class_name(), "yc-message yc-warning");
    assert_eq!(hrev.get_attribute("aria-invalid"), None);
    assert_eq!(
        hrev.get_attribute("aria-describedby").as_deref(),
        Some("yc-msg-health_revenue")
    );
    // The right value the warning reads clears it.
    type_into(&page.input("#rev"), "300");
    assert_eq!(page.message("health_revenue"), None);
    page.done(handle);
}

#[wasm_bindgen_test]
fn english_locale_switches_the_words() {
    let page = Page::new("t-en", MARKUP);
    let handle = attach(page.form.clone().into(), options("t-en", Some("en"))).unwrap();
    assert!(submit(&page.form).default_prevented());
    let title = page.el(".yc-summary-title").text_content().unwrap();
    assert!(title.starts_with("Please fix"), "{title}");
    // The core's message in English (the label is the notice's own, in Chinese).
    let msg = page.message("uscc").unwrap();
    assert!(msg.starts_with("Please fill in"), "English message: {msg}");
    let verdict = page
        .el("[data-yc-eligibility] .yc-verdict")
        .text_content()
        .unwrap();
    assert_eq!(verdict, "Information missing");
    assert!(page
        .el(".yc-draft")
        .text_content()
        .unwrap()
        .contains("Export JSON"));
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Reading the inputs

#[wasm_bindgen_test]
fn values_reads_every_kind_of_input() {
    let page = Page::new("t-values", RICH);
    let handle = page.attach();
    let empty = handle.values();
    assert_eq!(
        get(&empty, "commitment").as_bool(),
        Some(false),
        "a lone declaration checkbox is a boolean"
    );
    assert_eq!(json(&get(&empty, "enterprise_type")), "[]");
    assert_eq!(
        json(&get(&empty, "materials")),
        "[]",
        "a checklist is a list even with one box"
    );
    assert_eq!(json(&get(&empty, "cases")), r#"["",""]"#);
    assert!(get(&empty, "not_a_field").is_undefined());

    page.input("#u").set_value("91110000600037341L");
    page.input("#tel").set_value("13812345678");
    page.input("#staff").set_value("220");
    page.input("#f").set_value("2020-05-20");
    page.input("input[name=enterprise_type][value=terminal]")
        .set_checked(true);
    page.input("input[name=enterprise_type][value=service]")
        .set_checked(true);
    let sc: HtmlSelectElement = page.el("#sc").dyn_into().unwrap();
    for i in 0..2 {
        sc.options()
            .item(i)
            .unwrap()
            .dyn_into::<web_sys::HtmlOptionElement>()
            .unwrap()
            .set_selected(true);
    }
    page.input("input[name=service_has_platform][value=no]")
        .set_checked(true);
    page.el("#c1")
        .dyn_into::<HtmlTextAreaElement>()
        .unwrap()
        .set_value("案例一");
    page.el("#c2")
        .dyn_into::<HtmlTextAreaElement>()
        .unwrap()
        .set_value("案例二");
    page.input("#commit").set_checked(true);
    page.input("#mat").set_checked(true);
    page.input("#rev").set_value("8000");
    page.el("#typ")
        .dyn_into::<HtmlSelectElement>()
        .unwrap()
        .set_value("李强");
    let v = handle.values();
    assert_eq!(
        get(&v, "uscc").as_string().as_deref(),
        Some("91110000600037341L")
    );
    assert_eq!(
        get(&v, "contact_phone").as_string().as_deref(),
        Some("13812345678")
    );
    assert_eq!(get(&v, "staff").as_string().as_deref(), Some("220"));
    assert_eq!(
        get(&v, "founded").as_string().as_deref(),
        Some("2020-05-20")
    );
    assert_eq!(
        json(&get(&v, "enterprise_type")),
        r#"["terminal","service"]"#
    );
    assert_eq!(json(&get(&v, "scenarios")), r#"["family_health","other"]"#);
    assert_eq!(
        get(&v, "service_has_platform").as_string().as_deref(),
        Some("no")
    );
    assert_eq!(json(&get(&v, "cases")), r#"["案例一","案例二"]"#);
    assert_eq!(get(&v, "commitment").as_bool(), Some(true));
    assert_eq!(json(&get(&v, "materials")), r#"["qualification"]"#);
    assert_eq!(
        get(&v, "revenue").as_string().as_deref(),
        Some("8000"),
        "found by data-field"
    );
    assert_eq!(
        get(&v, "legal_rep_name").as_string().as_deref(),
        Some("李强")
    );
    assert_eq!(page.input("#stranger").value(), "left alone");
    assert!(get(&v, "not_a_field").is_undefined());

    // validate() reports on those same values and shows every message.
    let report = handle.validate();
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    assert!(Array::is_array(&get(&report, "issues")));
    assert!(
        page.message("applicant").is_none(),
        "no input for 申报单位: nowhere to show it"
    );
    assert!(
        page.message("contact_email").is_some(),
        "required and empty, shown after validate()"
    );
    page.done(handle);
}

#[wasm_bindgen_test]
fn inapplicable_fields_are_marked_and_never_reported() {
    let page = Page::new("t-when", RICH);
    let handle = page.attach();
    let wrap = page.el("#other-wrap");
    assert_eq!(
        wrap.class_name(),
        "other-wrap yc-inapplicable",
        "no 其他 chosen: 其他（请注明）does not apply"
    );
    leave(&page.input("#so"));
    assert_eq!(page.message("scenarios_other"), None);
    let sc: HtmlSelectElement = page.el("#sc").dyn_into().unwrap();
    sc.options()
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::HtmlOptionElement>()
        .unwrap()
        .set_selected(true);
    fire(&sc, "change");
    assert_eq!(wrap.class_name(), "other-wrap");
    leave(&page.input("#so"));
    assert!(
        page.message("scenarios_other").is_some(),
        "now it is required"
    );
    sc.options()
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::HtmlOptionElement>()
        .unwrap()
        .set_selected(false);
    fire(&sc, "change");
    assert_eq!(wrap.class_name(), "other-wrap yc-inapplicable");
    assert_eq!(
        page.message("scenarios_other"),
        None,
        "its message goes with it"
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Counters

#[wasm_bindgen_test]
fn counters_follow_every_keystroke() {
    let page = Page::new("t-count", RICH);
    let handle = page.attach();
    let intro: HtmlTextAreaElement = page.el("#t").dyn_into().unwrap();
    let counter = page.el("#yc-count-intro");
    assert_eq!(
        counter.get_attribute("aria-live").as_deref(),
        Some("polite")
    );
    assert_eq!(counter.text_content().as_deref(), Some("字数 0/1000"));
    assert_eq!(
        intro.next_element_sibling().unwrap(),
        counter,
        "right after the textarea"
    );
    assert_eq!(
        intro.get_attribute("aria-describedby").as_deref(),
        Some("yc-count-intro")
    );
    intro.set_value("智慧养老 smart care");
    fire(&intro, "input");
    assert_eq!(counter.text_content().as_deref(), Some("字数 6/1000"));
    assert_eq!(counter.class_name(), "yc-counter");
    intro.set_value(&"养".repeat(1001));
    fire(&intro, "input");
    assert_eq!(counter.class_name(), "yc-counter yc-over");
    assert!(
        page.form
            .query_selector("#yc-count-cases")
            .unwrap()
            .is_some(),
        "a text list has a counter too"
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Submit

#[wasm_bindgen_test]
fn submit_with_errors_is_stopped_and_summarised() {
    let page = Page::new("t2", RICH);
    let handle = page.attach();
    let event = submit(&page.form);
    assert!(event.default_prevented());
    let summary = page.el(".yc-summary");
    assert_eq!(
        page.form.first_element_child().unwrap(),
        summary,
        "at the top of the form"
    );
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(
        document().active_element(),
        Some(summary.clone()),
        "focus moves to the summary"
    );
    let links = summary.query_selector_all("li a").unwrap();
    let title = page.el(".yc-summary-title").text_content().unwrap();
    assert_eq!(title, format!("提交前请修改以下 {} 个问题", links.length()));
    // Every error is listed with its label; the link points at the input, giving it an id.
    let email_link = summary
        .query_selector("a[href='#yc-f-contact_email']")
        .unwrap()
        .expect("link to an input without id");
    assert!(email_link.text_content().unwrap().starts_with("E-mail："));
    assert_eq!(
        page.input("input[name=contact_email]").id(),
        "yc-f-contact_email"
    );
    assert!(summary.query_selector("a[href='#u']").unwrap().is_some());
    // Every field's message is shown now.
    assert!(page.message("uscc").is_some());
    // A link focuses the field itself.
    email_link.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("yc-f-contact_email".to_string())
    );
    // A second submit replaces the summary rather than adding one.
    submit(&page.form);
    assert_eq!(
        page.form
            .query_selector_all(".yc-summary")
            .unwrap()
            .length(),
        1
    );
    page.done(handle);
}

/// The national 2023 企业 scenario that has no issue at all.
const ELIGIBLE: &str = include_str!("scenarios/national-2023/enterprise-eligible.json");

/// Markup for every field of the eligible scenario, filled in or (`filled` false) empty.
fn markup_for_eligible(filled: bool) -> String {
    let doc: serde_json::Value = serde_json::from_str(ELIGIBLE).unwrap();
    let mut html = String::new();
    for (id, v) in doc["values"].as_object().unwrap() {
        match v {
            serde_json::Value::String(s) if filled => {
                html.push_str(&format!("<input name=\"{id}\" value=\"{s}\">"))
            }
            serde_json::Value::String(_) => html.push_str(&format!("<input name=\"{id}\">")),
            serde_json::Value::Bool(b) => html.push_str(&format!(
                "<input type=\"checkbox\" name=\"{id}\" value=\"yes\"{}>",
                if *b && filled { " checked" } else { "" }
            )),
            serde_json::Value::Array(items) if id == "cases" => {
                for s in items {
                    html.push_str(&format!(
                        "<textarea name=\"{id}\">{}</textarea>",
                        if filled { s.as_str().unwrap() } else { "" }
                    ));
                }
            }
            serde_json::Value::Array(items) => {
                for s in items {
                    html.push_str(&format!(
                        "<input type=\"checkbox\" name=\"{id}\" value=\"{}\"{}>",
                        s.as_str().unwrap(),
                        if filled { " checked" } else { "" }
                    ));
                }
                html.push_str(&format!(
                    "<input type=\"checkbox\" name=\"{id}\" value=\"unticked\">"
                ));
            }
            _ => unreachable!(),
        }
    }
    html
}

#[wasm_bindgen_test]
fn a_valid_submit_goes_ahead_and_the_summary_goes() {
    let page = Page::new("t-valid", &markup_for_eligible(true));
    let handle = page.attach();
    // First an error, so that there is a summary to take away.
    let uscc = page.input("input[name=uscc]");
    uscc.set_value("x");
    assert!(submit(&page.form).default_prevented());
    assert!(page.form.query_selector(".yc-summary").unwrap().is_some());
    uscc.set_value("91110000600037341L");
    fire(&uscc, "input");
    let event = submit(&page.form);
    assert!(
        !event.default_prevented(),
        "the page decides what a valid submit means"
    );
    assert!(page.form.query_selector(".yc-summary").unwrap().is_none());
    assert!(
        page.form.query_selector(".yc-message").unwrap().is_none(),
        "no message left"
    );
    assert_eq!(get(&handle.validate(), "valid").as_bool(), Some(true));
    let verdict = page
        .form
        .next_element_sibling()
        .unwrap()
        .query_selector(".yc-verdict")
        .unwrap()
        .unwrap();
    assert_eq!(verdict.class_name(), "yc-verdict yc-verdict-eligible");
    assert_eq!(verdict.text_content().as_deref(), Some("符合申报条件"));
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Eligibility panel

#[wasm_bindgen_test]
fn the_panel_is_created_after_the_form_when_the_page_has_none() {
    let page = Page::new("t-panel", RICH);
    let handle = page.attach();
    let panel = page
        .form
        .next_element_sibling()
        .expect("panel after the form");
    assert_eq!(panel.tag_name(), "SECTION");
    assert!(panel.class_list().contains("yc-eligibility"));
    assert_eq!(panel.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        panel
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("申报条件自查")
    );
    let verdict = panel.query_selector(".yc-verdict").unwrap().unwrap();
    assert_eq!(verdict.class_name(), "yc-verdict yc-verdict-incomplete");
    assert_eq!(verdict.text_content().as_deref(), Some("信息待补充"));
    let rules = panel.query_selector_all("ol > li.yc-rule").unwrap();
    assert_eq!(rules.length(), 4);
    let first: Element = rules.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("data-rule").as_deref(), Some("e1"));
    assert!(first.class_list().contains("yc-status-missing"));
    let spans: Vec<String> = ["yc-clause", "yc-status", "yc-text", "yc-explanation"]
        .iter()
        .map(|c| {
            first
                .query_selector(&format!("span.{c}"))
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(spans[0], "二（一）1");
    assert_eq!(spans[1], "待补充");
    assert!(!spans[2].is_empty() && !spans[3].is_empty());
    page.done(handle);
}

#[wasm_bindgen_test]
async fn the_panel_keeps_up_with_typing() {
    let page = Page::new("t3", MARKUP);
    let handle = page.attach();
    let verdict = || page.el("[data-yc-eligibility] .yc-verdict");
    assert_eq!(verdict().text_content().as_deref(), Some("信息待补充"));
    // Founded a year before applying: clause 二（一）1 asks for three years.
    type_into(&page.input("#d"), "2023-05-20");
    type_into(&page.input("#f"), "2022-05-20");
    sleep(250).await;
    assert_eq!(verdict().text_content().as_deref(), Some("不符合申报条件"));
    let e1 = page.el("[data-rule=e1]");
    assert!(e1.class_list().contains("yc-status-notMet"));
    assert_eq!(
        e1.query_selector(".yc-status")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("不符合")
    );
    // Field errors never go into the panel, and the panel never into messages.
    assert!(page
        .el("[data-yc-eligibility]")
        .query_selector(".yc-message")
        .unwrap()
        .is_none());
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Drafts

#[wasm_bindgen_test]
async fn drafts_are_saved_and_offered_back() {
    let page = Page::new("t7", RICH);
    let handle = page.attach();
    let bar = page.el(".yc-draft");
    assert_eq!(bar.get_attribute("role").as_deref(), Some("status"));
    for b in bar.query_selector_all("button").unwrap().values() {
        let b: Element = b.unwrap().dyn_into().unwrap();
        assert_eq!(
            b.get_attribute("type").as_deref(),
            Some("button"),
            "buttons never submit"
        );
    }
    type_into(&page.input("#u"), "91110000600037341L");
    let c = page.input("input[name=enterprise_type][value=platform]");
    c.set_checked(true);
    fire(&c, "change");
    sleep(450).await;
    let saved = storage()
        .get_item(&draft_key("t7"))
        .unwrap()
        .expect("draft saved");
    let doc: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["edition"], "national-2023");
    assert_eq!(doc["category"], "enterprise");
    assert!(doc["savedAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(doc["values"]["uscc"], "91110000600037341L");
    assert_eq!(
        doc["values"]["enterprise_type"],
        serde_json::json!(["platform"])
    );
    assert!(page
        .el(".yc-draft-status")
        .text_content()
        .unwrap()
        .contains("已保存"));
    handle_detach(handle);
    page.form.remove();

    // The same page again, empty: the draft is offered, and restoring fills the inputs.
    let again = Page {
        form: fresh_form("t7", RICH),
        before: String::new(),
        key: "t7".into(),
    };
    let handle = again.attach();
    let status = again.el(".yc-draft-status").text_content().unwrap();
    assert!(status.starts_with("发现本机保存的草稿（"), "{status}");
    assert_eq!(
        again.input("#u").value(),
        "",
        "nothing is filled until asked"
    );
    again
        .el(".yc-restore")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(again.input("#u").value(), "91110000600037341L");
    assert!(again
        .input("input[name=enterprise_type][value=platform]")
        .checked());
    assert!(
        again.form.query_selector(".yc-restore").unwrap().is_none(),
        "the offer goes once taken"
    );
    again.done(handle);
}

fn handle_detach(mut handle: Handle) {
    handle.detach();
}

/// A form with `markup` and id `key`, keeping whatever draft the key has.
fn fresh_form(key: &str, markup: &str) -> HtmlFormElement {
    let form: HtmlFormElement = document()
        .create_element("form")
        .unwrap()
        .dyn_into()
        .unwrap();
    form.set_inner_html(markup);
    form.set_id(key);
    document().body().unwrap().append_child(&form).unwrap();
    form
}

#[wasm_bindgen_test]
fn a_full_draft_restores_into_every_kind_of_input() {
    let doc: serde_json::Value = serde_json::from_str(ELIGIBLE).unwrap();
    let draft = serde_json::json!({
        "version": 1, "savedAt": "2026-11-22T10:00:00.000Z",
        "edition": "national-2023", "category": "enterprise", "values": doc["values"],
    });
    let form = fresh_form("t-full", &markup_for_eligible(false));
    storage()
        .set_item(&draft_key("t-full"), &draft.to_string())
        .unwrap();
    let page = Page {
        form,
        before: String::new(),
        key: "t-full".into(),
    };
    let handle = page.attach();
    page.el(".yc-restore")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    let now: serde_json::Value = serde_json::from_str(&json(&handle.values())).unwrap();
    assert_eq!(
        now, doc["values"],
        "draft → inputs → values is the identity"
    );
    assert_eq!(get(&handle.validate(), "valid").as_bool(), Some(true));
    page.done(handle);
}

#[wasm_bindgen_test]
fn corrupted_or_hostile_drafts_are_refused_and_the_form_still_works() {
    for (i, bad) in [
        "{not json",
        r#"{"version":1,"savedAt":"x","edition":"national-2023","category":"enterprise","values":{"__proto__":{"x":1}}}"#,
        r#"{"version":1,"savedAt":"x","edition":"national-2023","category":"enterprise","values":{"uscc":{"a":1}}}"#,
        r#"{"version":1,"savedAt":"x","edition":"henan-2021","category":"enterprise","values":{}}"#,
    ]
    .iter()
    .enumerate()
    {
        let key = format!("t-bad{i}");
        storage().set_item(&draft_key(&key), bad).unwrap();
        let page = Page { form: fresh_form(&key, MARKUP), before: String::new(), key: key.clone() };
        let handle = page.attach();
        let status = page.el(".yc-draft-status");
        assert!(status.text_content().unwrap().contains("无法识别"), "{bad}");
        assert!(status.class_list().contains("yc-draft-problem"));
        assert!(page.form.query_selector(".yc-restore").unwrap().is_none());
        // Left alone in storage (the next save replaces it), and the form works.
        assert_eq!(storage().get_item(&draft_key(&key)).unwrap().as_deref(), Some(*bad));
        let uscc = page.input("#u");
        type_into(&uscc, "91110000600037341A");
        leave(&uscc);
        assert!(page.message("uscc").is_some());
        page.done(handle);
    }
}

#[wasm_bindgen_test]
fn without_local_storage_the_page_says_so_and_keeps_working() {
    // A sandboxed frame or file: page: reading window.localStorage throws.
    let stub = js(
        "",
        "const d = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
         return () => Object.defineProperty(window, 'localStorage', d);",
    );
    let restore: Function = stub.call0(&JsValue::NULL).unwrap().dyn_into().unwrap();
    assert!(
        web_sys::window().unwrap().local_storage().is_err(),
        "the stub works"
    );
    let page = Page {
        form: fresh_form("t-nostore", MARKUP),
        before: String::new(),
        key: "t-nostore".into(),
    };
    let result = attach(page.form.clone().into(), options("t-nostore", None));
    let text = page
        .form
        .query_selector(".yc-draft-status")
        .unwrap()
        .and_then(|s| s.text_content());
    let uscc = page.input("#u");
    type_into(&uscc, "91110000600037341A");
    leave(&uscc);
    let shown = page.message("uscc");
    let values = result.as_ref().ok().map(|h| h.values());
    restore.call0(&JsValue::NULL).unwrap();
    let Ok(handle) = result else {
        panic!("attach works without storage")
    };
    assert!(text.unwrap().starts_with("无法在本机保存草稿"));
    assert!(shown.is_some());
    assert_eq!(
        get(&values.unwrap(), "uscc").as_string().as_deref(),
        Some("91110000600037341A")
    );
    page.done(handle);
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_nothing_typed_is_lost() {
    let page = Page::new("t-full-storage", MARKUP);
    let handle = page.attach();
    let stub = js(
        "",
        "const orig = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
         return () => { Storage.prototype.setItem = orig; };",
    );
    let restore: Function = stub.call0(&JsValue::NULL).unwrap().dyn_into().unwrap();
    type_into(&page.input("#u"), "91110000600037341L");
    sleep(450).await;
    restore.call0(&JsValue::NULL).unwrap();
    let status = page.el(".yc-draft-status");
    assert!(
        status
            .text_content()
            .unwrap()
            .starts_with("无法在本机保存草稿"),
        "{:?}",
        status.text_content()
    );
    assert!(status.text_content().unwrap().contains("导出 JSON"));
    assert_eq!(page.input("#u").value(), "91110000600037341L");
    page.done(handle);
}

/// Puts a file into the binding's hidden file input, as the person picking one does.
fn pick_file(form: &HtmlFormElement, text: &str) {
    let input = form
        .query_selector(".yc-import-file")
        .unwrap()
        .expect("import input");
    assert_eq!(input.get_attribute("type").as_deref(), Some("file"));
    assert!(input.has_attribute("hidden"));
    js(
        "input, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], 'draft.json', { type: 'application/json' }));
         input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .call2(&JsValue::NULL, &input, &JsValue::from_str(text))
    .unwrap();
}

#[wasm_bindgen_test]
async fn import_is_strict_and_changes_nothing_when_it_refuses() {
    let page = Page::new("t-import", MARKUP);
    let handle = page.attach();
    type_into(&page.input("#u"), "kept");
    sleep(400).await; // the save after typing, so that its status can't overwrite the refusal
    let long = format!(r#"{{"intro":"{}"}}"#, "a".repeat((1 << 20) + 1));
    for bad in [
        "[]",
        r#"{"uscc":"x","evil":"<img src=x onerror=alert(1)>"}"#,
        r#"{"uscc":12}"#,
        r#"{"cases":[["nested"]]}"#,
        r#"{"version":1,"edition":"national-2023","category":"enterprise","values":"x"}"#,
        long.as_str(),
    ] {
        pick_file(&page.form, bad);
        sleep(100).await;
        let status = page.el(".yc-draft-status").text_content().unwrap();
        assert!(status.starts_with("无法导入该文件"), "{status}");
        assert_eq!(page.input("#u").value(), "kept", "refused whole: {bad}");
    }
    pick_file(
        &page.form,
        r#"{"uscc":"91110000600037341L","founded":"2020-01-01"}"#,
    );
    sleep(100).await;
    assert_eq!(page.input("#u").value(), "91110000600037341L");
    assert_eq!(page.input("#f").value(), "2020-01-01");
    assert!(page
        .el(".yc-draft-status")
        .text_content()
        .unwrap()
        .contains("已导入"));
    page.done(handle);
}

#[wasm_bindgen_test]
async fn export_downloads_a_json_blob_and_revokes_its_url() {
    let page = Page::new("t-export", MARKUP);
    let handle = page.attach();
    type_into(&page.input("#u"), "91110000600037341L");
    // Record what would be downloaded instead of downloading it.
    let stub = js(
        "",
        "const rec = { blobs: [], revoked: [], clicks: [] };
         const [c, r, k] = [URL.createObjectURL, URL.revokeObjectURL, HTMLAnchorElement.prototype.click];
         URL.createObjectURL = (b) => { rec.blobs.push(b); return c.call(URL, b); };
         URL.revokeObjectURL = (u) => { rec.revoked.push(u); return r.call(URL, u); };
         HTMLAnchorElement.prototype.click = function () { rec.clicks.push([this.getAttribute('href'), this.getAttribute('download')]); };
         rec.restore = () => { URL.createObjectURL = c; URL.revokeObjectURL = r; HTMLAnchorElement.prototype.click = k; };
         return rec;",
    );
    let rec = stub.call0(&JsValue::NULL).unwrap();
    page.el(".yc-export")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    // The URL is given back (no leak), a moment later: some browsers start the download
    // only after click() returns.
    assert_eq!(Array::from(&get(&rec, "revoked")).length(), 0);
    let restore: Function = get(&rec, "restore").dyn_into().unwrap();
    sleep(1100).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(Array::from(&get(&rec, "revoked")).length(), 1);
    let clicks = Array::from(&get(&rec, "clicks"));
    assert_eq!(clicks.length(), 1, "one download");
    let click = Array::from(&clicks.get(0));
    assert!(click.get(0).as_string().unwrap().starts_with("blob:"));
    assert!(click.get(1).as_string().unwrap().ends_with(".json"));
    let blobs = Array::from(&get(&rec, "blobs"));
    assert_eq!(
        get(&blobs.get(0), "type").as_string().as_deref(),
        Some("application/json")
    );
    assert!(
        page.form.query_selector("a[download]").unwrap().is_none(),
        "no link left in the page"
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Safety and detach

#[wasm_bindgen_test]
fn markup_in_values_stays_text_and_nothing_is_styled_inline() {
    let page = Page::new("t-xss", RICH);
    let handle = page.attach();
    let payload = "\"><img src=x onerror=alert(1)><style>*{}</style>";
    for sel in ["#u", "#tel", "#rev", "input[name=contact_email]"] {
        type_into(&page.input(sel), payload);
        leave(&page.input(sel));
    }
    submit(&page.form);
    handle.validate();
    assert_eq!(
        document()
            .query_selector_all("img[src=x]")
            .unwrap()
            .length(),
        0
    );
    let panel = page.form.next_element_sibling().unwrap();
    assert!(panel.class_list().contains("yc-eligibility"));
    for root in [page.form.clone().unchecked_into::<Element>(), panel] {
        assert_eq!(
            root.query_selector_all("style, [style]").unwrap().length(),
            0
        );
    }
    page.done(handle);
}

#[wasm_bindgen_test]
fn detach_restores_the_markup_exactly() {
    let page = Page::new("t4", RICH);
    let panel_slot = document().create_element("div").unwrap();
    panel_slot.set_attribute("data-yc-eligibility", "").unwrap();
    panel_slot.set_attribute("aria-live", "off").unwrap();
    panel_slot.set_inner_html("<p>page's own text</p>");
    document()
        .body()
        .unwrap()
        .append_child(&panel_slot)
        .unwrap();
    let slot_before = panel_slot.outer_html();
    let mut handle = page.attach();
    // Touch everything the binding changes: messages, aria, ids, counters, classes, summary.
    let uscc = page.input("#u");
    type_into(&uscc, "x");
    leave(&uscc);
    let sc: HtmlSelectElement = page.el("#sc").dyn_into().unwrap();
    sc.options()
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::HtmlOptionElement>()
        .unwrap()
        .set_selected(true);
    fire(&sc, "change");
    assert!(submit(&page.form).default_prevented());
    assert!(
        panel_slot.query_selector(".yc-verdict").unwrap().is_some(),
        "a slot outside the form is used"
    );
    handle.detach();
    handle.detach();
    // Only the values typed differ from the markup.
    uscc.set_value("");
    sc.options()
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::HtmlOptionElement>()
        .unwrap()
        .set_selected(false);
    assert_eq!(page.form.outer_html(), page.before);
    assert_eq!(panel_slot.outer_html(), slot_before);
    assert!(
        page.form.next_element_sibling() == Some(panel_slot.clone()),
        "no panel section added"
    );
    // And nothing listens any more.
    type_into(&uscc, "x");
    leave(&uscc);
    assert_eq!(page.message("uscc"), None);
    assert!(!submit(&page.form).default_prevented());
    // Calling the other methods after detach is harmless.
    assert!(handle.values().is_null());
    assert!(handle.validate().is_null());
    panel_slot.remove();
    page.form.remove();
}

#[wasm_bindgen_test]
async fn detach_cancels_pending_work() {
    let page = Page::new("t-pending", MARKUP);
    let mut handle = page.attach();
    type_into(&page.input("#u"), "91110000600037341L");
    handle.detach();
    sleep(450).await;
    assert_eq!(
        storage().get_item(&draft_key("t-pending")).unwrap(),
        None,
        "the debounced save was dropped"
    );
    page.input("#u").set_value("");
    assert_eq!(page.form.outer_html(), page.before);
    page.form.remove();
}

#[wasm_bindgen_test]
fn attach_refuses_what_is_not_a_form() {
    let div: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    let err = attach(div.into(), options("t5", None))
        .err()
        .expect("a div is refused");
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(
        message.contains("<form>") && message.contains("attach"),
        "{message}"
    );
    let page = Page::new("t6", MARKUP);
    assert!(attach(page.form.clone().into(), JsValue::from_str("x")).is_err());
    assert!(attach(page.form.clone().into(), JsValue::UNDEFINED).is_err());
    let unknown = Object::new();
    Reflect::set(&unknown, &"edition".into(), &"national-2099".into()).unwrap();
    Reflect::set(&unknown, &"category".into(), &"enterprise".into()).unwrap();
    assert!(attach(page.form.clone().into(), unknown.clone().into()).is_err());
    Reflect::set(&unknown, &"edition".into(), &"national-2023".into()).unwrap();
    Reflect::set(&unknown, &"category".into(), &"nope".into()).unwrap();
    assert!(attach(page.form.clone().into(), unknown.into()).is_err());
    // A refused attach leaves nothing behind.
    assert_eq!(page.form.outer_html(), page.before);
    page.form.remove();
}

// ---------------------------------------------------------------------------------------------
// Markup the binding did not write, and pages that do odd things

#[wasm_bindgen_test]
fn a_message_goes_above_a_label_that_wraps_its_input() {
    let page = Page::new(
        "t-wrap-label",
        r#"<div data-field-wrap><label id="l">邮箱 <input id="e" name="contact_email"></label></div><button>x</button>"#,
    );
    let handle = page.attach();
    leave(&page.input("#e"));
    let msg = page.el("#yc-msg-contact_email");
    assert_eq!(
        msg.next_element_sibling().map(|e| e.id()),
        Some("l".to_string())
    );
    page.done(handle);
}

#[wasm_bindgen_test]
fn an_input_named_for_the_server_is_found_by_data_field() {
    let page = Page::new(
        "t-data-field",
        r#"<input id="u" name="org[uscc]" data-field="uscc"><button>x</button>"#,
    );
    let handle = page.attach();
    let uscc = page.input("#u");
    type_into(&uscc, "x");
    leave(&uscc);
    assert!(
        page.message("uscc").is_some(),
        "its events count too, not only its value"
    );
    assert_eq!(
        get(&handle.values(), "uscc").as_string().as_deref(),
        Some("x")
    );
    page.done(handle);
}

#[wasm_bindgen_test]
fn a_second_attach_on_the_same_form_is_refused() {
    let page = Page::new("t-twice", MARKUP);
    let mut handle = page.attach();
    let err = attach(page.form.clone().into(), options("t-twice", None))
        .err()
        .expect("refused");
    assert!(get(&JsValue::from(err), "message")
        .as_string()
        .unwrap()
        .contains("detach"));
    handle.detach();
    let handle = page.attach();
    assert_eq!(
        page.form.query_selector_all(".yc-draft").unwrap().length(),
        1
    );
    page.done(handle);
}

#[wasm_bindgen_test]
async fn detach_from_a_page_listener_during_our_handler_still_detaches() {
    let page = Page::new("t-reentrant", MARKUP);
    let handle = Rc::new(RefCell::new(Some(page.attach())));
    let h = Rc::clone(&handle);
    // The summary takes focus inside our submit handler; the page detaches on that focus.
    let listener = Closure::<dyn FnMut()>::new(move || {
        if let Some(mut x) = h.borrow_mut().take() {
            x.detach();
        }
    });
    page.form
        .add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref())
        .unwrap();
    submit(&page.form);
    page.form
        .remove_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref())
        .unwrap();
    assert!(handle.borrow().is_none());
    sleep(20).await;
    assert_eq!(page.form.outer_html(), page.before);
    let uscc = page.input("#u");
    type_into(&uscc, "x");
    leave(&uscc);
    assert_eq!(page.message("uscc"), None, "nothing listens any more");
    page.form.remove();
}

// ---------------------------------------------------------------------------------------------
// Drafts: nothing typed is lost, whatever the person does with the offer

const OLD_DRAFT: &str = r#"{"version":1,"savedAt":"2026-11-22T10:00:00Z","edition":"national-2023","category":"enterprise","values":{"uscc":"91110000600037341L"}}"#;

#[wasm_bindgen_test]
async fn typing_is_saved_while_the_offer_waits_and_restore_uses_the_offered_draft() {
    storage()
        .set_item(&draft_key("t-offer"), OLD_DRAFT)
        .unwrap();
    let page = Page {
        form: fresh_form("t-offer", MARKUP),
        before: String::new(),
        key: "t-offer".into(),
    };
    let handle = page.attach();
    assert!(page.form.query_selector(".yc-restore").unwrap().is_some());
    type_into(&page.input("#f"), "2020-01-01");
    sleep(450).await;
    let saved = storage().get_item(&draft_key("t-offer")).unwrap().unwrap();
    assert!(
        saved.contains("2020-01-01"),
        "what is typed is saved even if the offer is ignored: {saved}"
    );
    page.el(".yc-restore")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(
        page.input("#u").value(),
        "91110000600037341L",
        "the draft offered is the one restored"
    );
    page.done(handle);
}

#[wasm_bindgen_test]
fn a_prefilled_page_still_gets_the_offer() {
    storage()
        .set_item(&draft_key("t-prefilled"), OLD_DRAFT)
        .unwrap();
    let markup = r#"<input id="u" name="uscc"><input id="d" name="apply_date" value="2023-05-20">
<select id="s" name="legal_rep_name"><option value="李强">李强</option></select><button>x</button>"#;
    let page = Page {
        form: fresh_form("t-prefilled", markup),
        before: String::new(),
        key: "t-prefilled".into(),
    };
    let handle = page.attach();
    assert!(
        page.form.query_selector(".yc-restore").unwrap().is_some(),
        "the page's own defaults are not typing"
    );
    page.done(handle);
}

#[wasm_bindgen_test]
async fn a_huge_file_is_refused_before_it_is_read() {
    let page = Page::new("t-huge", MARKUP);
    let handle = page.attach();
    pick_file(&page.form, &"x".repeat(9 << 20));
    let status = page.el(".yc-draft-status").text_content().unwrap();
    assert!(status.contains("文件过大"), "refused at once: {status}");
    sleep(50).await;
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// The panel is a live region: it changes only what changed

#[wasm_bindgen_test]
async fn the_panel_updates_in_place() {
    let page = Page::new("t-in-place", MARKUP);
    let handle = page.attach();
    let li = page.el("[data-rule=e1]");
    let explanation = li.query_selector(".yc-explanation").unwrap().unwrap();
    type_into(&page.input("#d"), "2023-05-20");
    type_into(&page.input("#f"), "2022-05-20");
    sleep(250).await;
    let now = page.el("[data-rule=e1]");
    assert_eq!(now, li, "the same element, updated");
    assert!(now.class_list().contains("yc-status-notMet"));
    assert_eq!(
        now.query_selector(".yc-explanation").unwrap().unwrap(),
        explanation
    );
    assert_eq!(
        page.el("[data-yc-eligibility] .yc-verdict")
            .text_content()
            .as_deref(),
        Some("不符合申报条件")
    );
    page.done(handle);
}
