//! Generates the static site's pages from the edition data (sourcegen, as rust-analyzer's
//! xtask does it): the forms, the index and the side-by-side comparison can never drift from
//! the rules. `cargo run -p yanglao-sitegen` writes them; `--check` (run by `scripts/test.sh`)
//! only compares and fails on any difference, never writing.
//!
//! What is generated: `www/index.html`, `www/compare.html` and `www/forms/<edition>-<category>.html`.
//! What is written by hand: `www/app.js`, `www/style.css`, `www/foreign.*`.
//!
//! Rules for every page: every string from the data goes through [`esc`]; paths are relative;
//! no inline script, no inline style, nothing from another origin (the pages carry their own
//! Content-Security-Policy, and `pages_are_self_contained` audits them).

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;

use yanglao_core::model::{Category, Condition, Edition, Expr, Field, FieldKind, Rule};
use yanglao_core::registry;

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; object-src 'none'";

pub const SITE_TITLE: &str = "智慧健康养老应用试点示范 · 申报书在线自查";

/// The categories in the order the notices list them.
pub const CATEGORY_ORDER: [&str; 4] = ["enterprise", "park", "street", "base"];

/// Choice fields with more options than this are a `<select>`; fewer are radios.
pub const MAX_RADIOS: usize = 7;

/// Text for HTML (`yanglao_core::html::escape`, shared with the other HTML writer).
pub use yanglao_core::html::escape as esc;

/// A number as the notices print it: 1000, 0.5, 4.
pub fn num(x: f64) -> String {
    format!("{x}")
}

// ---------------------------------------------------------------------------------------------
// Page frame
// ---------------------------------------------------------------------------------------------

pub fn head(title: &str, root: &str) -> String {
    head_with(title, root, false)
}

/// The page head; `checker`: the page attaches the checker, so the module's glue and wasm are
/// preloaded (their download starts with the page's, not after app.js has run), and a
/// stylesheet inside `<noscript>` hides the "loading" notice that would otherwise stay.
pub fn head_with(title: &str, root: &str, checker: bool) -> String {
    let preload = if checker {
        format!(
            "<link rel=\"modulepreload\" href=\"{root}pkg/yanglao_check.js\">\n\
<link rel=\"preload\" href=\"{root}pkg/yanglao_check_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
<noscript><link rel=\"stylesheet\" href=\"{root}noscript.css\"></noscript>\n"
        )
    } else {
        String::new()
    };
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
<link rel=\"stylesheet\" href=\"{root}pkg/yanglao-check.css\">\n\
<link rel=\"stylesheet\" href=\"{root}style.css\">\n\
{preload}<script type=\"module\" src=\"{root}app.js\"></script>\n</head>\n",
        esc(title)
    )
}

pub fn form_file(e: &Edition, c: &Category) -> String {
    format!("{}-{}.html", e.id, c.id)
}

pub fn categories_in_order(e: &Edition) -> Vec<&Category> {
    let mut cats: Vec<&Category> = e.categories.iter().collect();
    cats.sort_by_key(|c| {
        CATEGORY_ORDER
            .iter()
            .position(|id| *id == c.id)
            .unwrap_or(CATEGORY_ORDER.len())
    });
    cats
}

/// The site navigation. On a form page it is also the edition picker: the same category in
/// the other editions, and the other categories of this edition.
pub fn nav(root: &str, current: Option<(&Edition, &Category)>, here: &str) -> String {
    let cur = |page: &str| {
        if page == here {
            " aria-current=\"page\""
        } else {
            ""
        }
    };
    let mut s = format!(
        "<nav class=\"site-nav\" aria-label=\"网站导航\"><ul class=\"nav-main\"><li><a href=\"{root}index.html\"{}>首页</a></li><li><a href=\"{root}compare.html\"{}>各版本申报条件对照</a></li></ul>",
        cur("index"),
        cur("compare")
    );
    if let Some((e, c)) = current {
        s.push_str("<div class=\"picker\"><p class=\"picker-row\"><span class=\"picker-label\">本版各类别：</span>");
        for other in categories_in_order(e) {
            if other.id == c.id {
                let _ = write!(
                    s,
                    " <a href=\"{}\" aria-current=\"page\">{}</a>",
                    form_file(e, other),
                    esc(&other.name)
                );
            } else {
                let _ = write!(
                    s,
                    " <a href=\"{}\">{}</a>",
                    form_file(e, other),
                    esc(&other.name)
                );
            }
        }
        s.push_str("</p><p class=\"picker-row\"><span class=\"picker-label\">其他版本的同类申报书：</span>");
        let mut any = false;
        for oe in registry::editions().iter().filter(|oe| oe.id != e.id) {
            if let Some(oc) = oe.category(&c.id) {
                any = true;
                let _ = write!(s, " <a href=\"{}\" hreflang=\"zh-CN\">{}<span class=\"picker-cat\">（{}）</span></a>", form_file(oe, oc), esc(&oe.short_title), esc(&oc.name));
            }
        }
        if !any {
            s.push_str(" 无");
        }
        s.push_str("</p></div>");
    }
    s.push_str("</nav>\n");
    s
}

pub fn site_header(root: &str, kicker: Option<&str>, title: &str) -> String {
    site_header_to(root, kicker, title, "#content", "跳到正文")
}

/// The header, with a skip link to `target` (a form page's first field).
pub fn site_header_to(
    root: &str,
    kicker: Option<&str>,
    title: &str,
    target: &str,
    skip: &str,
) -> String {
    let mut s = format!("<a class=\"skip-link\" href=\"{target}\">{skip}</a>\n<header class=\"site-header\"><p class=\"site-name\"><a href=\"{root}index.html\">{}</a></p>", esc(SITE_TITLE));
    if let Some(k) = kicker {
        let _ = write!(s, "<p class=\"edition-name\">{}</p>", esc(k));
    }
    let _ = writeln!(s, "<h1>{}</h1></header>", esc(title));
    s
}

pub const FOOTER: &str = "<footer class=\"site-footer\"><p>所有检查在本机浏览器内完成，填写内容只保存在本机，不会上传。判断结果仅供自查，以主管部门审核为准。</p></footer>\n";

pub const JS_OFF: &str = "<p class=\"js-off-notice\" role=\"note\" hidden>在线检查未启用：浏览器未运行 JavaScript 或不支持 WebAssembly，表单仍可照常填写和提交。</p>\n";

/// Where the draft bar will be, while the module loads: says it is loading (app.js says that
/// checks are off only if loading fails), and holds the bar's height so nothing jumps.
pub const LOADING: &str = "<p class=\"checks-loading\" role=\"status\">正在加载在线检查……表单可以先填写，加载完成后会检查已填内容。</p>\n";

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

pub fn index() -> String {
    let mut s = head(SITE_TITLE, "");
    s.push_str("<body class=\"index-page\">\n");
    s.push_str(&site_header(
        "",
        None,
        "智慧健康养老应用试点示范申报书在线自查",
    ));
    s.push_str(&nav("", None, "index"));
    s.push_str("<main id=\"content\">\n<section class=\"intro\">\n");
    s.push_str("<p>智慧健康养老应用试点示范由工业和信息化部、民政部、国家卫生健康委员会等部门组织，遴选在智慧健康养老产品和服务的推广应用上有示范作用的企业、园区、街道（乡镇）和基地；河南、江苏等省也按同样的框架组织本省的遴选。每次遴选由一份通知（申报指南）规定申报条件，并附各类别的申报书。</p>\n");
    s.push_str("<p>本站把这些通知的申报书做成网页表单，并按通知条款逐条自查：</p>\n<ul>\n<li>边填写边检查格式——统一社会信用代码的校验位、电话、金额、日期、百分比、字数等，填错的栏目在离开时提示，改对即消失，未填的必填栏目在提交自查时提示；</li>\n<li>右侧“申报条件自查”逐条说明是否符合通知的基本条件，尚未填写的显示“待补充”，不按不符合处理；</li>\n<li>草稿自动保存在本机浏览器，可“保存到文件”带到别的电脑上“从文件恢复”，可打印自查报告。</li>\n</ul>\n");
    s.push_str("<p>所有检查都在您的浏览器内完成，填写内容不会上传到任何服务器。</p>\n</section>\n");
    s.push_str("<h2 id=\"editions\">选择通知版本和申报类别</h2>\n<div class=\"edition-list\">\n");
    for e in registry::editions() {
        let _ = write!(s, "<section class=\"edition\" id=\"{}\" aria-labelledby=\"{}-title\">\n<h3 id=\"{}-title\">{}</h3>\n<p class=\"edition-short\">{}</p>\n<dl class=\"edition-facts\">", esc(&e.id), esc(&e.id), esc(&e.id), esc(&e.title), esc(&e.short_title));
        let _ = write!(
            s,
            "<dt>文号</dt><dd>{}</dd>",
            e.doc_number
                .as_deref()
                .map(esc)
                .unwrap_or_else(|| "通知未载明".into())
        );
        let _ = write!(
            s,
            "<dt>发文单位</dt><dd>{}</dd>",
            esc(&e.issuers.join("、"))
        );
        if let Some(p) = &e.published {
            let _ = write!(
                s,
                "<dt>发布日期</dt><dd><time datetime=\"{}\">{}</time></dd>",
                esc(p),
                esc(p)
            );
        }
        let _ = write!(
            s,
            "<dt>数据年度</dt><dd>{}年（表中经营、投入等数据所属年度）</dd>",
            e.data_year
        );
        let _ = write!(
            s,
            "<dt>材料报送截止</dt><dd>{}</dd>",
            e.deadline
                .as_deref()
                .map(|d| format!("<time datetime=\"{}\">{}</time>", esc(d), esc(d)))
                .unwrap_or_else(|| "通知未载明".into())
        );
        s.push_str("</dl>\n<ul class=\"forms\">");
        for c in categories_in_order(e) {
            let _ = write!(
                s,
                "<li><a href=\"forms/{}\">{}</a> <span class=\"form-title\">{}</span> <span class=\"count\">{} 个栏目 · {} 条申报条件</span></li>",
                form_file(e, c),
                esc(&c.name),
                esc(&c.form_title),
                c.fields.len(),
                c.rules.len()
            );
        }
        s.push_str("</ul>\n</section>\n");
    }
    s.push_str("</div>\n<p><a href=\"compare.html\">各版本申报条件对照</a>：同一类别在各版本通知中的条件并列，门槛不同之处已标出。</p>\n");
    s.push_str("<p class=\"small\"><a href=\"foreign.html\">嵌入示例</a>：在已有网页的表单上启用在线检查。</p>\n</main>\n");
    s.push_str(FOOTER);
    s.push_str("</body>\n</html>\n");
    s
}

// ---------------------------------------------------------------------------------------------
// Form pages
// ---------------------------------------------------------------------------------------------

pub fn hint_id(f: &Field) -> String {
    format!("hint-{}", f.id)
}

/// The hint under a field's label: the seed's guidance, the formats accepted, the limits and
/// where the field comes from.
pub fn describe(c: &Category, f: &Field) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(h) = &f.hint {
        parts.push(esc(h));
    }
    match f.kind {
        FieldKind::Date => parts
            .push("可填 2023-05-20、2023/5/20、2023.5.20 或 2023年5月20日，全角数字亦可。".into()),
        FieldKind::Amount => parts.push(format!(
            "单位万元{}：可填 1,234.5 或 1234.5万元，全角数字亦可，最多4位小数。",
            if f.signed { "，亏损填负数" } else { "" }
        )),
        FieldKind::Number => parts.push(format!(
            "填数字{}，可带千位分隔符，全角数字亦可。",
            f.unit
                .as_deref()
                .map(|u| format!("（单位{}）", esc(u)))
                .unwrap_or_default()
        )),
        FieldKind::Count => parts.push("填整数，可带单位（如 12家），全角数字亦可。".into()),
        FieldKind::Percent => parts.push(if f.allow_over100 {
            "填百分数，如 15 或 15%；超过100%时只作提示。".into()
        } else {
            "填百分数，如 15 或 15%。".into()
        }),
        FieldKind::Uscc => parts.push("18位，字母大小写均可，可带空格。".into()),
        FieldKind::Phone => {
            parts.push("手机号，或带区号的固定电话（如 010-62795627），可带分机。".into())
        }
        FieldKind::Email => parts.push("如 name@example.com。".into()),
        FieldKind::MultiChoice => {
            if let Some(min) = f.min_items {
                parts.push(format!("至少选{min}项。"));
            } else {
                parts.push("可多选。".into());
            }
        }
        FieldKind::Checklist => parts.push("请逐项勾选已准备好的材料；未勾选的会提示。".into()),
        _ => {}
    }
    if let (Some(min), Some(max)) = (f.min, f.max) {
        parts.push(format!("取值 {}～{}。", num(min), num(max)));
    }
    match (f.kind, f.max_chars) {
        (FieldKind::LongText, Some(m)) => parts.push(format!("不超过{m}字（按 Word 字数统计）。")),
        (FieldKind::TextList, Some(m)) => parts.push(format!("每项不超过{m}字。")),
        _ => {}
    }
    if f.kind == FieldKind::TextList {
        match (f.min_items, f.max_items) {
            (Some(a), Some(b)) if a == b => parts.push(format!("共{a}项，每项填一个。")),
            (_, Some(b)) => parts.push(format!("每项填一个，至多{b}项，可点“增加一项”。")),
            (_, None) => parts.push("每项填一个，可点“增加一项”。".into()),
        }
    }
    if let Some(w) = &f.when {
        if let Some(cond) = condition_text(c, w) {
            parts.push(format!("仅当{}时填写。", esc(&cond)));
        }
    }
    if let Some(src) = &f.source {
        parts.push(format!("（申报书表中无此栏，据通知{}增设）", esc(src)));
    }
    parts.join(" ")
}

/// "企业类型选了“终端产品企业”" for a field's `when` or a rule's `applies`.
pub fn condition_text(c: &Category, w: &Condition) -> Option<String> {
    let field = c.field(&w.field)?;
    let option = match field.kind {
        FieldKind::YesNo => Some(if w.has == "yes" {
            "是".to_string()
        } else {
            "否".to_string()
        }),
        _ => field
            .options
            .iter()
            .find(|o| o.value == w.has)
            .map(|o| o.label.to_string()),
    }?;
    Some(format!("“{}”选“{}”", field.label, option))
}

/// Where the binding puts a field's message: after the hint, right before the input (GOV.UK's
/// order). Without it the binding would put it after the label; both work.
pub fn message_slot(f: &Field) -> String {
    format!(
        "<div class=\"message-slot\" data-yc-message-for=\"{}\"></div>",
        esc(&f.id)
    )
}

/// Our reading of the seed, where we had to choose (a unit the table omits …), folded away.
pub fn note_html(f: &Field) -> String {
    f.note
        .as_deref()
        .map(|n| {
            format!(
                "<details class=\"field-note\"><summary>填写口径</summary><p>{}</p></details>",
                esc(n)
            )
        })
        .unwrap_or_default()
}

pub fn field_html(c: &Category, f: &Field) -> String {
    let id = &f.id;
    let req = if f.required {
        " <span class=\"req\">（必填）</span>"
    } else {
        ""
    };
    let unit = f
        .unit
        .as_deref()
        .filter(|u| !f.label.contains(*u))
        .map(|u| format!(" <span class=\"unit\">（{}）</span>", esc(u)))
        .unwrap_or_default();
    let desc = describe(c, f);
    let aria = if desc.is_empty() {
        String::new()
    } else {
        format!(" aria-describedby=\"{}\"", hint_id(f))
    };
    let hint = if desc.is_empty() {
        String::new()
    } else {
        format!("<p class=\"hint\" id=\"{}\">{desc}</p>", hint_id(f))
    };
    let required_attr = if f.required {
        " aria-required=\"true\""
    } else {
        ""
    };
    let slot = message_slot(f);
    let group = match f.kind {
        FieldKind::YesNo | FieldKind::MultiChoice | FieldKind::Checklist => true,
        FieldKind::Choice => f.options.len() <= MAX_RADIOS,
        _ => false,
    };
    if group {
        // The fieldset is the field's wrapper: its legend is the label.
        let mut s = format!(
            "<fieldset class=\"field field-{} choices\" data-field-wrap=\"{}\"{aria}>",
            f.kind.name(),
            esc(id)
        );
        let _ = write!(
            s,
            "<legend id=\"legend-{id}\">{}{unit}{req}</legend>{hint}{slot}",
            esc(&f.label)
        );
        choices(&mut s, f);
        s.push_str(&note_html(f));
        s.push_str("</fieldset>\n");
        return s;
    }
    let mut s = format!(
        "<div class=\"field field-{}\" data-field-wrap=\"{}\">",
        f.kind.name(),
        esc(id)
    );
    match f.kind {
        FieldKind::Choice => {
            let _ = write!(s, "<label for=\"f-{id}\">{}{unit}{req}</label>{hint}{slot}<select name=\"{id}\" id=\"f-{id}\"{aria}{required_attr}><option value=\"\">请选择</option>", esc(&f.label));
            for o in &f.options {
                let _ = write!(
                    s,
                    "<option value=\"{}\">{}</option>",
                    esc(&o.value),
                    esc(&o.label)
                );
            }
            s.push_str("</select>");
        }
        FieldKind::Declaration => {
            let _ = write!(s, "{hint}{slot}<input type=\"checkbox\" name=\"{id}\" id=\"f-{id}\" value=\"yes\"{aria}{required_attr}><label class=\"declaration\" for=\"f-{id}\">{}{req}</label>", esc(&f.label));
        }
        FieldKind::LongText => {
            let _ = write!(s, "<label for=\"f-{id}\">{}{unit}{req}</label>{hint}{slot}<textarea name=\"{id}\" id=\"f-{id}\" rows=\"6\"{aria}{required_attr}></textarea>", esc(&f.label));
        }
        FieldKind::TextList => {
            let n = f.min_items.unwrap_or(2).max(2);
            let n = f.max_items.map_or(n, |m| n.min(m.max(1)));
            let _ = write!(s, "<label for=\"f-{id}\">{}{unit}{req}</label>{hint}{slot}<div class=\"items\" data-items-for=\"{id}\">", esc(&f.label));
            for i in 1..=n {
                let input_id = if i == 1 {
                    format!("f-{id}")
                } else {
                    format!("f-{id}-{i}")
                };
                let _ = write!(
                    s,
                    "<textarea name=\"{id}\" id=\"{input_id}\" rows=\"5\" aria-label=\"{} 第{i}项\"{aria}{}></textarea>",
                    esc(&f.label),
                    if i == 1 { required_attr } else { "" }
                );
            }
            s.push_str("</div>");
            if f.max_items.is_none_or(|m| m > n) {
                let max = f
                    .max_items
                    .map(|m| format!(" data-max=\"{m}\""))
                    .unwrap_or_default();
                let _ = write!(s, "<button type=\"button\" class=\"add-item\" data-add-for=\"{id}\"{max}>增加一项</button>");
            }
        }
        _ => {
            let (ty, extra) = match f.kind {
                FieldKind::Phone => ("tel", " autocomplete=\"tel\" inputmode=\"tel\""),
                FieldKind::Email => ("email", " autocomplete=\"email\" spellcheck=\"false\""),
                FieldKind::Uscc => (
                    "text",
                    " autocapitalize=\"characters\" autocomplete=\"off\" spellcheck=\"false\"",
                ),
                // Not type=date: people type 2019年3月5日, and the checker explains what it reads.
                FieldKind::Date => (
                    "text",
                    " inputmode=\"numeric\" placeholder=\"YYYY-MM-DD\" autocomplete=\"off\"",
                ),
                // Not type=number: it refuses full-width digits, 1,234.5 and 万元, silently.
                FieldKind::Amount | FieldKind::Number | FieldKind::Count | FieldKind::Percent => {
                    ("text", " inputmode=\"decimal\" autocomplete=\"off\"")
                }
                _ => ("text", ""),
            };
            let _ = write!(s, "<label for=\"f-{id}\">{}{unit}{req}</label>{hint}{slot}<input type=\"{ty}\" name=\"{id}\" id=\"f-{id}\"{extra}{aria}{required_attr}>", esc(&f.label));
        }
    }
    s.push_str(&note_html(f));
    s.push_str("</div>\n");
    s
}

/// Radios or checkboxes, grouped by the options' `group` (应用场景: 智慧健康场景 …).
pub fn choices(s: &mut String, f: &Field) {
    let id = &f.id;
    let options: Vec<(String, String, Option<String>)> = if f.kind == FieldKind::YesNo {
        vec![
            ("yes".into(), "是".into(), None),
            ("no".into(), "否".into(), None),
        ]
    } else {
        f.options
            .iter()
            .map(|o| {
                (
                    o.value.to_string(),
                    o.label.to_string(),
                    o.group.as_deref().map(str::to_string),
                )
            })
            .collect()
    };
    let input_type = if matches!(f.kind, FieldKind::YesNo | FieldKind::Choice) {
        "radio"
    } else {
        "checkbox"
    };
    let inline = if f.kind == FieldKind::YesNo {
        " inline"
    } else {
        ""
    };
    let _ = write!(s, "<div class=\"options{inline}\">");
    let mut current_group: Option<String> = None;
    let mut group_no = 0;
    for (i, (value, label, group)) in options.iter().enumerate() {
        if group != &current_group {
            if current_group.is_some() {
                s.push_str("</div>");
            }
            if let Some(g) = group {
                group_no += 1;
                let _ = write!(s, "<div class=\"option-group\" role=\"group\" aria-labelledby=\"group-{id}-{group_no}\"><p class=\"option-group-name\" id=\"group-{id}-{group_no}\">{}</p>", esc(g));
            }
            current_group = group.clone();
        }
        let input_id = if i == 0 {
            format!("f-{id}")
        } else {
            format!("f-{id}-{}", i + 1)
        };
        let _ = write!(
            s,
            "<div class=\"option\"><input type=\"{input_type}\" name=\"{id}\" value=\"{}\" id=\"{input_id}\"><label for=\"{input_id}\">{}</label></div>",
            esc(value),
            esc(label)
        );
    }
    if current_group.is_some() {
        s.push_str("</div>");
    }
    s.push_str("</div>");
}

/// Fields in page order: the data's order, except that the text field an option asks for
/// (其他（请注明具体类型）) comes right after its choice.
pub fn fields_in_order(c: &Category) -> Vec<&Field> {
    let details: HashSet<&str> = c
        .fields
        .iter()
        .flat_map(|f| f.options.iter().filter_map(|o| o.detail_field.as_deref()))
        .collect();
    let mut out = Vec::with_capacity(c.fields.len());
    for f in &c.fields {
        if details.contains(f.id.as_str()) {
            continue;
        }
        out.push(f);
        for o in &f.options {
            if let Some(d) = o.detail_field.as_deref().and_then(|d| c.field(d)) {
                if !out.iter().any(|x| x.id == d.id) {
                    out.push(d);
                }
            }
        }
    }
    // A detail field no option of a rendered field points to still appears (at the end).
    for f in &c.fields {
        if !out.iter().any(|x| x.id == f.id) {
            out.push(f);
        }
    }
    out
}

pub fn form_page(e: &Edition, c: &Category) -> String {
    let title = format!("{} · {}", c.form_title, e.short_title);
    let mut s = head_with(&title, "../", true);
    let _ = writeln!(
        s,
        "<body class=\"form-page\" data-edition=\"{}\" data-category=\"{}\">",
        esc(&e.id),
        esc(&c.id)
    );
    let kicker = format!(
        "{}{}",
        e.title,
        e.doc_number
            .as_deref()
            .map(|d| format!("（{d}）"))
            .unwrap_or_default()
    );
    let first = fields_in_order(c)
        .first()
        .map(|f| format!("#f-{}", f.id))
        .unwrap_or_else(|| "#content".into());
    s.push_str(&site_header_to(
        "../",
        Some(&kicker),
        &c.form_title,
        &first,
        "跳到第一个栏目",
    ));
    // On a phone the panel is below a long form: a link near the top leads to it.
    s.push_str("<p class=\"to-panel\"><a href=\"#eligibility\">查看申报条件自查结果</a></p>\n");
    s.push_str(&nav("../", Some((e, c)), ""));
    // Printed on the 自查报告 only; app.js fills in the date.
    let _ = writeln!(
        s,
        "<div class=\"print-only print-header\"><p class=\"print-title\">自查报告：{}</p><p>{}{} · {} · 打印日期 <span data-print-date></span></p><p>本报告由网页自查生成，仅供参考，以主管部门审核为准。</p><div class=\"print-summary\" data-print-summary></div></div>",
        esc(&c.form_title),
        esc(&e.short_title),
        e.doc_number.as_deref().map(|d| format!("（{}）", esc(d))).unwrap_or_default(),
        esc(&c.name)
    );
    s.push_str(JS_OFF);
    s.push_str("<noscript><p class=\"noscript\">浏览器未启用 JavaScript：在线检查和草稿保存不可用，表单仍可填写和提交。</p></noscript>\n");
    s.push_str("<div class=\"layout\" id=\"content\">\n<main class=\"form-main\">\n");
    let _ = writeln!(
        s,
        "<div class=\"about\"><p class=\"subject\"><strong>申报主体：</strong>{}</p>",
        esc(&c.subject)
    );
    let _ = write!(
        s,
        "<p class=\"data-year\">表中数据按 {} 年填写",
        e.data_year
    );
    if let Some(d) = &e.deadline {
        let _ = write!(
            s,
            "；材料报送截止 <time datetime=\"{}\">{}</time>",
            esc(d),
            esc(d)
        );
    }
    s.push_str("。标有“（必填）”的栏目须填写；填写有误的栏目在离开时提示，未填的必填栏目在提交自查时提示。</p></div>\n");
    let _ = writeln!(s, "<form id=\"application\" method=\"get\" action=\"#\" data-edition=\"{}\" data-category=\"{}\" novalidate>", esc(&e.id), esc(&c.id));
    // Inside the form, where the draft bar goes: the bar takes its place and the form stays put.
    s.push_str(LOADING);
    let mut open: Vec<String> = Vec::new();
    for f in fields_in_order(c) {
        let common = open
            .iter()
            .zip(&f.section)
            .take_while(|(a, b)| a == b)
            .count();
        while open.len() > common {
            s.push_str("</fieldset>\n");
            open.pop();
        }
        for (depth, name) in f.section.iter().enumerate().skip(common) {
            let h = (depth + 2).min(6);
            let _ = writeln!(s, "<fieldset class=\"section depth-{depth}\"><legend><h{h} class=\"section-title\">{}</h{h}></legend>", esc(name));
            open.push(name.to_string());
        }
        s.push_str(&field_html(c, f));
    }
    for _ in open {
        s.push_str("</fieldset>\n");
    }
    s.push_str("<div class=\"actions\"><button type=\"submit\" class=\"primary\">提交自查</button> <button type=\"button\" class=\"print\" data-print>打印自查报告</button> <button type=\"button\" class=\"docx\" data-yc-docx hidden>导出 Word（.docx）</button></div>\n<p class=\"submit-status\" role=\"status\"></p>\n<p class=\"docx-status\" role=\"status\" data-yc-docx-status></p>\n</form>\n</main>\n");
    s.push_str("<aside class=\"eligibility-aside\" id=\"eligibility\" tabindex=\"-1\" aria-label=\"申报条件自查\">\n<div data-yc-eligibility><noscript><p>申报条件自查需要 JavaScript。</p></noscript></div>\n");
    s.push_str(
        "<details class=\"rules-source\"><summary>申报条件原文</summary><ol class=\"rules-list\">",
    );
    for r in &c.rules {
        let _ = write!(
            s,
            "<li><span class=\"clause\">{}</span> {}",
            esc(&r.clause),
            esc(&r.text)
        );
        if let Some(a) = r.applies.as_ref().and_then(|a| condition_text(c, a)) {
            let _ = write!(s, "<br><small>适用于：{}</small>", esc(&a));
        }
        if let Some(n) = &r.note {
            let _ = write!(s, "<br><small>判断口径：{}</small>", esc(n));
        }
        s.push_str("</li>");
    }
    s.push_str("</ol></details>\n</aside>\n</div>\n");
    s.push_str(FOOTER);
    s.push_str("</body>\n</html>\n");
    s
}

// ---------------------------------------------------------------------------------------------
// Comparison page
// ---------------------------------------------------------------------------------------------

/// One threshold a rule states: what is shown, and what it is compared by across editions
/// (the number and unit, not the wording of the label, which varies between notices).
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    text: String,
    key: String,
}

pub fn unit_of(c: &Category, field: &str) -> String {
    c.field(field)
        .and_then(|f| f.unit.as_deref().map(str::to_string))
        .unwrap_or_default()
}

pub fn label_of(c: &Category, field: &str) -> String {
    c.field(field)
        .map(|f| f.label.to_string())
        .unwrap_or_else(|| field.to_string())
}

pub fn option_label(c: &Category, field: &str, value: &str) -> String {
    c.field(field)
        .and_then(|f| f.options.iter().find(|o| o.value == value))
        .map(|o| o.label.to_string())
        .unwrap_or_else(|| value.to_string())
}

/// The thresholds a rule states, for the comparison table.
pub fn thresholds(c: &Category, e: &Expr, prefix: &str, out: &mut Vec<Threshold>) {
    let mut push = |text: String, key: String| {
        out.push(Threshold {
            text: format!("{prefix}{text}"),
            key: format!("{prefix}{key}"),
        })
    };
    match e {
        Expr::All { of } => of.iter().for_each(|x| thresholds(c, x, prefix, out)),
        Expr::Any { of } => {
            let mut alts = Vec::new();
            for x in of {
                thresholds(c, x, "", &mut alts);
            }
            if !alts.is_empty() {
                let text = alts
                    .iter()
                    .map(|t| t.text.clone())
                    .collect::<Vec<_>>()
                    .join("，或 ");
                let key = alts
                    .iter()
                    .map(|t| t.key.clone())
                    .collect::<Vec<_>>()
                    .join("|");
                push(text, key);
            }
        }
        Expr::If {
            cond,
            then,
            otherwise,
        } => {
            let label = option_label(c, &cond.field, &cond.has);
            thresholds(c, then, &format!("{prefix}{label}："), out);
            thresholds(c, otherwise, &format!("{prefix}其他："), out);
        }
        Expr::AtLeast {
            field, min, label, ..
        } => {
            let unit = unit_of(c, field);
            push(
                format!(
                    "{} ≥ {}{unit}",
                    label
                        .as_deref()
                        .map(str::to_string)
                        .unwrap_or_else(|| label_of(c, field)),
                    num(*min)
                ),
                format!("≥{}{unit}", num(*min)),
            );
        }
        Expr::SumAtLeast { label, min, fields } => {
            let unit = fields.first().map(|f| unit_of(c, f)).unwrap_or_default();
            push(
                format!("{label} ≥ {}{unit}", num(*min)),
                format!("Σ≥{}{unit}", num(*min)),
            );
        }
        Expr::RatioAtLeast { label, min, .. } => push(
            format!("{label} ≥ {}%", num(*min)),
            format!("≥{}%", num(*min)),
        ),
        Expr::YearsSince { min, field } => push(
            format!("{}至申报日期 ≥ {min} 年", label_of(c, field)),
            format!("years≥{min}"),
        ),
        Expr::CountAtLeast { min, label, field } => push(
            format!(
                "{} ≥ {min} 项",
                label
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| label_of(c, field))
            ),
            format!("count≥{min}"),
        ),
        Expr::Includes { field, value } => {
            let l = option_label(c, field, value);
            push(
                format!("{}须含“{l}”", label_of(c, field)),
                format!("includes:{l}"),
            )
        }
        Expr::UsccKind {
            label, prefixes, ..
        } => push(
            format!("统一社会信用代码为{label}（{}开头）", prefixes.join("、")),
            format!("uscc:{}", prefixes.join(",")),
        ),
        Expr::CountPositive { label, min, .. } => {
            push(format!("{label} ≥ {min} 类"), format!("classes≥{min}"))
        }
        Expr::IsYes { .. } | Expr::Declared { .. } => {}
    }
}

/// The fields a rule reads (not its `applies` condition).
pub fn rule_fields(e: &Expr, out: &mut BTreeSet<String>) {
    match e {
        Expr::All { of } | Expr::Any { of } => of.iter().for_each(|x| rule_fields(x, out)),
        Expr::If {
            cond,
            then,
            otherwise,
        } => {
            out.insert(cond.field.to_string());
            rule_fields(then, out);
            rule_fields(otherwise, out);
        }
        Expr::AtLeast {
            field, proven_by, ..
        } => {
            out.insert(field.to_string());
            out.extend(proven_by.iter().map(|f| f.to_string()));
        }
        Expr::YearsSince { field, .. }
        | Expr::CountAtLeast { field, .. }
        | Expr::Includes { field, .. }
        | Expr::IsYes { field }
        | Expr::Declared { field }
        | Expr::UsccKind { field, .. } => {
            out.insert(field.to_string());
        }
        Expr::SumAtLeast { fields, .. } | Expr::CountPositive { fields, .. } => {
            out.extend(fields.iter().map(|f| f.to_string()))
        }
        Expr::RatioAtLeast {
            numerator,
            denominator,
            ..
        } => {
            out.insert(numerator.to_string());
            out.insert(denominator.to_string());
        }
    }
}

/// Pairs of adjacent characters of a clause, without digits and punctuation: two clauses on
/// the same topic share most of them even when their numbers differ.
pub fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

pub fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// How alike two clauses are in topic: the fields they read (ids are shared by all editions)
/// plus the wording. 0 = nothing in common, 2 = the same.
pub fn similarity(a: &Rule, b: &Rule) -> f64 {
    let (mut fa, mut fb) = (BTreeSet::new(), BTreeSet::new());
    rule_fields(&a.test, &mut fa);
    rule_fields(&b.test, &mut fb);
    jaccard(&fa, &fb) + jaccard(&bigrams(&a.text), &bigrams(&b.text))
}

/// Below this, two clauses are not put on the same row.
pub const SAME_TOPIC: f64 = 0.35;

/// One row of the comparison: a clause per edition (column), on the same topic.
pub type Row<'a> = Vec<Option<&'a Rule>>;

/// Aligns the clauses of several editions by topic. Each edition's clauses keep their order;
/// an edition is added to the rows built so far by an order-preserving alignment (the
/// Needleman–Wunsch recurrence) that maximises the total similarity of the pairs it makes.
pub fn align<'a>(columns: &[&'a Category]) -> Vec<Row<'a>> {
    let width = columns.len();
    let mut rows: Vec<Row<'a>> = Vec::new();
    for (col, c) in columns.iter().enumerate() {
        let rules: Vec<&Rule> = c.rules.iter().collect();
        let (n, m) = (rules.len(), rows.len());
        let score = |i: usize, j: usize| -> Option<f64> {
            let best = rows[j]
                .iter()
                .flatten()
                .map(|r| similarity(rules[i], r))
                .fold(0.0, f64::max);
            (best >= SAME_TOPIC).then_some(best)
        };
        let mut dp = vec![vec![0.0f64; m + 1]; n + 1];
        for i in 1..=n {
            for j in 1..=m {
                let mut best = dp[i - 1][j].max(dp[i][j - 1]);
                if let Some(s) = score(i - 1, j - 1) {
                    best = best.max(dp[i - 1][j - 1] + s);
                }
                dp[i][j] = best;
            }
        }
        // Trace back the pairs (rule i, row j).
        let mut pairs = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 && j > 0 {
            if let Some(s) = score(i - 1, j - 1) {
                if (dp[i][j] - (dp[i - 1][j - 1] + s)).abs() < 1e-12 {
                    pairs.push((i - 1, j - 1));
                    i -= 1;
                    j -= 1;
                    continue;
                }
            }
            if (dp[i][j] - dp[i - 1][j]).abs() < 1e-12 {
                i -= 1;
            } else {
                j -= 1;
            }
        }
        pairs.reverse();
        // Merge: matched clauses join their row; the others become new rows just before the
        // next matched row (or at the end).
        let mut merged: Vec<Row<'a>> = Vec::with_capacity(m + n);
        let (mut next_rule, mut next_row) = (0usize, 0usize);
        let new_row = |r: &'a Rule| {
            let mut row: Row<'a> = vec![None; width];
            row[col] = Some(r);
            row
        };
        for &(ri, rj) in &pairs {
            while next_row < rj {
                merged.push(rows[next_row].clone());
                next_row += 1;
            }
            while next_rule < ri {
                merged.push(new_row(rules[next_rule]));
                next_rule += 1;
            }
            let mut row = rows[rj].clone();
            row[col] = Some(rules[ri]);
            merged.push(row);
            next_rule += 1;
            next_row += 1;
        }
        merged.extend(rows[next_row..].iter().cloned());
        merged.extend(rules[next_rule..].iter().map(|r| new_row(r)));
        for row in &mut merged {
            row.resize(width, None);
        }
        rows = merged;
    }
    rows
}

pub fn compare() -> String {
    let mut s = head("各版本申报条件对照 · 智慧健康养老应用试点示范", "");
    s.push_str("<body class=\"compare-page\">\n");
    s.push_str(&site_header("", None, "各版本申报条件对照"));
    s.push_str(&nav("", None, "compare"));
    s.push_str("<main id=\"content\">\n");
    s.push_str("<p>同一类别在各版本通知中的申报条件并列展示，一列一个版本，同一主题的条款尽量排在同一行（按条款读取的栏目和措辞自动对齐）。每格是条款编号、原文和可核对的门槛；<mark>标记</mark>的门槛与同一行左侧最近一个版本不同，“本版新增”表示左侧版本没有对应条款。本页与在线检查使用同一份规则数据生成。</p>\n");
    s.push_str("<nav class=\"toc\" aria-label=\"类别\"><ul>");
    for cat in CATEGORY_ORDER {
        if let Some((_, c)) = registry::editions()
            .iter()
            .find_map(|e| e.category(cat).map(|c| (e, c)))
        {
            let _ = write!(s, "<li><a href=\"#cat-{cat}\">{}</a></li>", esc(&c.name));
        }
    }
    s.push_str("<li><a href=\"#notes\">各版本说明与推荐名额</a></li></ul></nav>\n");
    for cat in CATEGORY_ORDER {
        let editions: Vec<(&Edition, &Category)> = registry::editions()
            .iter()
            .filter_map(|e| e.category(cat).map(|c| (e, c)))
            .collect();
        if editions.is_empty() {
            continue;
        }
        let names: Vec<String> =
            editions
                .iter()
                .map(|(_, c)| c.name.to_string())
                .fold(Vec::new(), |mut v, n| {
                    if !v.contains(&n) {
                        v.push(n);
                    }
                    v
                });
        let _ = writeln!(s, "<section class=\"compare-cat\" id=\"cat-{cat}\" aria-labelledby=\"cat-{cat}-title\"><h2 id=\"cat-{cat}-title\">{}</h2>", esc(&names.join(" / ")));
        let missing: Vec<&Edition> = registry::editions()
            .iter()
            .filter(|e| e.category(cat).is_none())
            .collect();
        if !missing.is_empty() {
            let _ = writeln!(
                s,
                "<p class=\"small\">{}没有此类别。</p>",
                esc(&missing
                    .iter()
                    .map(|e| e.short_title.as_str())
                    .collect::<Vec<_>>()
                    .join("、"))
            );
        }
        let _ = write!(s, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"cat-{cat}-title\"><table class=\"compare\"><thead><tr>");
        for (e, c) in &editions {
            let _ = write!(
                s,
                "<th scope=\"col\" data-edition=\"{}\"><a href=\"forms/{}\">{}</a><br><small>{}{}</small></th>",
                esc(&e.id),
                form_file(e, c),
                esc(&e.short_title),
                esc(&c.name),
                e.doc_number.as_deref().map(|d| format!(" · {}", esc(d))).unwrap_or_default()
            );
        }
        s.push_str("</tr></thead><tbody>\n<tr class=\"subject-row\">");
        for (_, c) in &editions {
            let _ = write!(
                s,
                "<td><span class=\"cell-kind\">申报主体</span> {}</td>",
                esc(&c.subject)
            );
        }
        s.push_str("</tr>\n");
        let columns: Vec<&Category> = editions.iter().map(|(_, c)| *c).collect();
        for row in align(&columns) {
            s.push_str("<tr>");
            let mut previous: Option<Vec<Threshold>> = None;
            for (col, (_, c)) in editions.iter().enumerate() {
                let Some(r) = row[col] else {
                    s.push_str("<td class=\"empty\"><span class=\"visually-hidden\">无对应条款</span>—</td>");
                    continue;
                };
                let mut t = Vec::new();
                thresholds(c, &r.test, "", &mut t);
                let is_new = col > 0 && previous.is_none();
                let changed: Vec<bool> = match &previous {
                    Some(prev) => t
                        .iter()
                        .map(|x| !prev.iter().any(|p| p.key == x.key))
                        .collect(),
                    None => vec![false; t.len()],
                };
                let differs = changed.iter().any(|c| *c);
                let mut classes = Vec::new();
                if differs {
                    classes.push("diff");
                }
                if is_new {
                    classes.push("new");
                }
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{}\"", classes.join(" "))
                };
                let _ = write!(
                    s,
                    "<td{class} data-rule=\"{}\"><span class=\"clause\">{}</span> {}",
                    esc(&r.id),
                    esc(&r.clause),
                    esc(&r.text)
                );
                if is_new {
                    s.push_str(" <span class=\"badge\">本版新增</span>");
                }
                if let Some(a) = r.applies.as_ref().and_then(|a| condition_text(c, a)) {
                    let _ = write!(
                        s,
                        "<br><small class=\"applies\">适用于：{}</small>",
                        esc(&a)
                    );
                }
                if !t.is_empty() {
                    s.push_str("<ul class=\"thresholds\">");
                    for (x, ch) in t.iter().zip(&changed) {
                        if *ch {
                            let _ = write!(s, "<li><mark>{}</mark></li>", esc(&x.text));
                        } else {
                            let _ = write!(s, "<li>{}</li>", esc(&x.text));
                        }
                    }
                    s.push_str("</ul>");
                }
                if let Some(n) = &r.note {
                    let _ = write!(s, "<p class=\"rule-note\">判断口径：{}</p>", esc(n));
                }
                s.push_str("</td>");
                previous = Some(t);
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody></table></div></section>\n");
    }
    s.push_str("<section id=\"notes\" class=\"notes\" aria-labelledby=\"notes-title\"><h2 id=\"notes-title\">各版本说明与推荐名额</h2>\n<p>以下是通知中不属于申报条件、但与申报相关的信息（如各地推荐名额），仅供参考，在线检查不据此判断。</p>\n");
    for e in registry::editions() {
        if e.notes.is_empty() {
            continue;
        }
        let _ = write!(
            s,
            "<section class=\"edition-notes\" id=\"notes-{}\"><h3>{}</h3>",
            esc(&e.id),
            esc(&e.short_title)
        );
        for n in &e.notes {
            let _ = write!(s, "<div class=\"note\"><h4>{}", esc(&n.title));
            if let Some(cl) = &n.clause {
                let _ = write!(s, " <small>（{}）</small>", esc(cl));
            }
            let _ = write!(s, "</h4><p>{}</p>", esc(&n.text));
            if !n.table.is_empty() {
                s.push_str("<div class=\"table-wrap\"><table class=\"quota\">");
                for (i, row) in n.table.iter().enumerate() {
                    s.push_str("<tr>");
                    for (j, cell) in row.iter().enumerate() {
                        if i == 0 {
                            let _ = write!(s, "<th scope=\"col\">{}</th>", esc(cell));
                        } else if j == 0 {
                            let _ = write!(s, "<th scope=\"row\">{}</th>", esc(cell));
                        } else {
                            let _ = write!(s, "<td>{}</td>", esc(cell));
                        }
                    }
                    s.push_str("</tr>");
                }
                s.push_str("</table></div>");
            }
            s.push_str("</div>");
        }
        s.push_str("</section>\n");
    }
    s.push_str("</section>\n</main>\n");
    s.push_str(FOOTER);
    s.push_str("</body>\n</html>\n");
    s
}

/// Every generated page: (path under `www/`, content).
pub fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = vec![
        ("index.html".into(), index()),
        ("compare.html".into(), compare()),
    ];
    for e in registry::editions() {
        for c in categories_in_order(e) {
            pages.push((format!("forms/{}", form_file(e, c)), form_page(e, c)));
        }
    }
    pages
}
