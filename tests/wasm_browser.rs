//! The binding in a real browser (wasm-pack test --headless --chrome): forms built in the
//! DOM, attached, and driven with the events a person causes. Each test uses its own form id
//! and draft key and takes its form away at the end, so a slot or a draft left by one test
//! can't be picked up by the next.
//!
//! Tests of behaviour that issues 10 and 14 changed on purpose (the draft bar, summary and
//! panel placed beside the form instead of inside it; messages shown only when earned; the
//! plain-Chinese draft actions) were retired here: the e2e suites (`tests/e2e/applicant`,
//! `drafts`, `dropin`, `foreign`, `a11y`) test the new behaviour as a person types.

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
        // The checker puts its draft bar, summary and panel beside the form (never inside a
        // page's containers), so each test page is a wrapper holding the form.
        let wrap = doc.create_element("div").unwrap();
        wrap.append_child(&form).unwrap();
        doc.body().unwrap().append_child(&wrap).unwrap();
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
        self.wrap()
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

    /// The element around the form: the form, and the blocks the checker put beside it.
    fn wrap(&self) -> Element {
        self.form
            .parent_element()
            .unwrap_or_else(|| self.form.clone().into())
    }

    /// Detaches and removes the form (and its draft) from the page.
    fn done(self, mut handle: Handle) {
        handle.detach();
        let _ = storage().remove_item(&draft_key(&self.key));
        self.wrap().remove();
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

// ---------------------------------------------------------------------------------------------
// Counters

#[wasm_bindgen_test]
fn counters_follow_every_keystroke() {
    let page = Page::new("t-count", RICH);
    let handle = page.attach();
    let intro: HtmlTextAreaElement = page.el("#t").dyn_into().unwrap();
    let counter = page.el("#yc-count-intro");
    // Not a live region: a count spoken on every keystroke drowns the typing (issue 10); it
    // is read with its field instead.
    assert_eq!(counter.get_attribute("aria-live"), None);
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
        page.wrap()
            .query_selector("#yc-count-cases")
            .unwrap()
            .is_some(),
        "a text list has a counter too"
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Submit

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

// ---------------------------------------------------------------------------------------------
// Eligibility panel

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

/// A form with `markup` and id `key`, keeping whatever draft the key has.
fn fresh_form(key: &str, markup: &str) -> HtmlFormElement {
    let form: HtmlFormElement = document()
        .create_element("form")
        .unwrap()
        .dyn_into()
        .unwrap();
    form.set_inner_html(markup);
    form.set_id(key);
    // Wrapped, as in `Page::new`: the checker's blocks go beside the form.
    let wrap = document().create_element("div").unwrap();
    wrap.append_child(&form).unwrap();
    document().body().unwrap().append_child(&wrap).unwrap();
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
        assert!(page.wrap().query_selector(".yc-restore").unwrap().is_none());
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
        .wrap()
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
        page.wrap().query_selector("a[download]").unwrap().is_none(),
        "no link left in the page"
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Safety and detach

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
    page.wrap().remove();
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
    page.wrap().remove();
}

// ---------------------------------------------------------------------------------------------
// Markup the binding did not write, and pages that do odd things

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
        page.wrap()
            .query_selector_all(".yc-draft")
            .unwrap()
            .length(),
        1
    );
    page.done(handle);
}

// ---------------------------------------------------------------------------------------------
// Drafts: nothing typed is lost, whatever the person does with the offer

const OLD_DRAFT: &str = r#"{"version":1,"savedAt":"2026-11-22T10:00:00Z","edition":"national-2023","category":"enterprise","values":{"uscc":"91110000600037341L"}}"#;

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
        page.wrap().query_selector(".yc-restore").unwrap().is_some(),
        "the page's own defaults are not typing"
    );
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
