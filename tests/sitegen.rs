//! Generates the static site's pages from the edition data (sourcegen, as rust-analyzer does
//! it): the forms, the index and the side-by-side comparison can never drift from the rules.
//! If a page differs from what the data says, this test rewrites it and fails, asking for the
//! new file to be committed; a second run passes.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::Path;
use yanglao_check::model::{Category, Edition, Expr, Field, FieldKind};
use yanglao_check::registry;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; object-src 'none'";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn head(title: &str, root: &str, extra_css: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
<link rel=\"stylesheet\" href=\"{root}style.css\">{extra_css}\n<script type=\"module\" src=\"{root}app.js\"></script>\n</head>\n",
        esc(title)
    )
}

fn form_file(e: &Edition, c: &Category) -> String {
    format!("{}-{}.html", e.id, c.id)
}

fn nav(root: &str, current: Option<(&Edition, &Category)>) -> String {
    let mut s = format!("<nav class=\"site-nav\" aria-label=\"版本与类别\"><a href=\"{root}index.html\">首页</a> · <a href=\"{root}compare.html\">各版本条件对照</a>");
    if let Some((e, c)) = current {
        s.push_str("<span class=\"nav-group\">其他类别：");
        for other in e.categories.iter().filter(|o| o.id != c.id) {
            let _ = write!(s, " <a href=\"{}\">{}</a>", form_file(e, other), esc(&other.name));
        }
        s.push_str("</span><span class=\"nav-group\">其他版本的同类申报书：");
        for oe in registry::editions().iter().filter(|oe| oe.id != e.id) {
            if let Some(oc) = oe.category(&c.id) {
                let _ = write!(s, " <a href=\"{}\">{}</a>", form_file(oe, oc), esc(&oe.short_title));
            }
        }
        s.push_str("</span>");
    }
    s.push_str("</nav>\n");
    s
}

const JS_OFF: &str = "<p class=\"js-off-notice\" role=\"note\">在线检查未启用：浏览器未运行 JavaScript 或不支持 WebAssembly，表单仍可照常填写和提交。</p>\n";

fn index() -> String {
    let mut s = head("智慧健康养老应用试点示范 · 申报书在线自查", "", "");
    s.push_str("<body>\n<header class=\"site-header\"><h1>智慧健康养老应用试点示范 · 申报书在线自查</h1></header>\n<main>\n");
    s.push_str(&nav("", None));
    s.push_str("<p>工业和信息化部等部门组织的智慧健康养老应用试点示范，面向企业、园区、街道（乡镇）和基地四类申报主体。本站把各年度、各地通知的基本情况表和申报条件做成在线表单：边填写边检查格式（统一社会信用代码、电话、金额、日期、字数等），并按通知条款逐条判断是否符合申报条件。</p>\n");
    s.push_str("<p>所有检查都在您的浏览器内完成，填写内容只保存在本机，不会上传到任何服务器。</p>\n");
    for e in registry::editions() {
        let _ = write!(s, "<section class=\"edition\" id=\"{}\">\n<h2>{}</h2>\n<dl class=\"edition-facts\">", esc(&e.id), esc(&e.title));
        if let Some(d) = &e.doc_number {
            let _ = write!(s, "<dt>文号</dt><dd>{}</dd>", esc(d));
        }
        let _ = write!(s, "<dt>发文单位</dt><dd>{}</dd><dt>数据年度</dt><dd>{}年</dd>", esc(&e.issuers.join("、")), e.data_year);
        if let Some(d) = &e.deadline {
            let _ = write!(s, "<dt>材料报送截止</dt><dd>{}</dd>", esc(d));
        }
        s.push_str("</dl>\n<ul class=\"forms\">");
        for c in &e.categories {
            let _ = write!(s, "<li><a href=\"forms/{}\">{}</a> <span class=\"count\">{} 个栏目 · {} 条申报条件</span></li>", form_file(e, c), esc(&c.name), c.fields.len(), c.rules.len());
        }
        s.push_str("</ul>\n</section>\n");
    }
    s.push_str("<p class=\"small\"><a href=\"foreign.html\">嵌入示例：在已有网页的表单上启用在线检查</a></p>\n</main>\n</body>\n</html>\n");
    s
}

fn hint_id(f: &Field) -> String {
    format!("hint-{}", f.id)
}

fn describe(f: &Field) -> String {
    let mut parts = Vec::new();
    if let Some(h) = &f.hint {
        parts.push(esc(h));
    }
    match f.kind {
        FieldKind::Date => parts.push("可填 2023-05-20、2023/5/20 或 2023年5月20日。".into()),
        FieldKind::Amount => parts.push("单位万元，可带千位分隔符，最多4位小数。".into()),
        FieldKind::Percent => parts.push("填百分数，如 15 或 15%。".into()),
        FieldKind::Uscc => parts.push("18位，字母大小写均可。".into()),
        FieldKind::Phone => parts.push("手机或带区号的固定电话，可带分机。".into()),
        _ => {}
    }
    if let (FieldKind::LongText | FieldKind::TextList, Some(m)) = (f.kind, f.max_chars) {
        parts.push(format!("不超过{m}字。"));
    }
    if let Some(src) = &f.source {
        parts.push(format!("（据{}）", esc(src)));
    }
    parts.join(" ")
}

fn field_html(f: &Field) -> String {
    let mut s = format!("<div class=\"field field-{}\" data-field-wrap=\"{}\">", f.kind.name(), f.id);
    let req = if f.required { " <span class=\"req\">（必填）</span>" } else { "" };
    let unit = f.unit.as_deref().filter(|u| !f.label.contains(*u)).map(|u| format!(" <span class=\"unit\">（{}）</span>", esc(u))).unwrap_or_default();
    let desc = describe(f);
    let aria = if desc.is_empty() { String::new() } else { format!(" aria-describedby=\"{}\"", hint_id(f)) };
    let hint = if desc.is_empty() { String::new() } else { format!("<p class=\"hint\" id=\"{}\">{desc}</p>", hint_id(f)) };
    let id = &f.id;
    let group = matches!(f.kind, FieldKind::YesNo | FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Checklist);
    if group {
        let _ = write!(s, "<fieldset class=\"choices\"{aria}><legend id=\"f-{id}-legend\">{}{unit}{req}</legend>{hint}", esc(&f.label));
        let options: Vec<(String, String, Option<String>)> = if f.kind == FieldKind::YesNo {
            vec![("yes".into(), "是".into(), None), ("no".into(), "否".into(), None)]
        } else {
            f.options.iter().map(|o| (o.value.clone(), o.label.clone(), o.group.clone())).collect()
        };
        let input_type = if matches!(f.kind, FieldKind::YesNo | FieldKind::Choice) { "radio" } else { "checkbox" };
        let mut current_group: Option<String> = None;
        for (i, (value, label, group)) in options.iter().enumerate() {
            if group != &current_group {
                if current_group.is_some() {
                    s.push_str("</div>");
                }
                if let Some(g) = group {
                    let _ = write!(s, "<div class=\"option-group\"><span class=\"option-group-name\">{}</span>", esc(g));
                }
                current_group = group.clone();
            }
            let first_id = if i == 0 { format!(" id=\"f-{id}\"") } else { String::new() };
            let _ = write!(s, "<label class=\"option\"><input type=\"{input_type}\" name=\"{id}\" value=\"{}\"{first_id}> {}</label>", esc(value), esc(label));
        }
        if current_group.is_some() {
            s.push_str("</div>");
        }
        s.push_str("</fieldset></div>\n");
        return s;
    }
    if f.kind == FieldKind::Declaration {
        let _ = writeln!(s, "{hint}<label class=\"declaration\"><input type=\"checkbox\" name=\"{id}\" id=\"f-{id}\" value=\"yes\"{aria}> {}{req}</label></div>", esc(&f.label));
        return s;
    }
    let _ = write!(s, "<label for=\"f-{id}\">{}{unit}{req}</label>{hint}", esc(&f.label));
    match f.kind {
        FieldKind::LongText => {
            let _ = write!(s, "<textarea name=\"{id}\" id=\"f-{id}\" rows=\"6\"{aria}></textarea>");
        }
        FieldKind::TextList => {
            let n = f.min_items.unwrap_or(2).max(2);
            for i in 0..n {
                let input_id = if i == 0 { format!("f-{id}") } else { format!("f-{id}-{}", i + 1) };
                let _ = write!(s, "<textarea name=\"{id}\" id=\"{input_id}\" rows=\"5\" aria-label=\"{} {}\"{aria}></textarea>", esc(&f.label), i + 1);
            }
            if f.max_items.is_none_or(|m| m > n) {
                let _ = write!(s, "<button type=\"button\" class=\"add-item\" data-add-for=\"{id}\">增加一项</button>");
            }
        }
        _ => {
            let (ty, extra) = match f.kind {
                FieldKind::Phone => ("tel", " autocomplete=\"tel\""),
                FieldKind::Email => ("email", " autocomplete=\"email\" spellcheck=\"false\""),
                FieldKind::Uscc => ("text", " autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"40\""),
                FieldKind::Date => ("text", " inputmode=\"numeric\" placeholder=\"YYYY-MM-DD\""),
                FieldKind::Amount | FieldKind::Number | FieldKind::Percent => ("text", " inputmode=\"decimal\""),
                FieldKind::Count => ("text", " inputmode=\"numeric\""),
                _ => ("text", ""),
            };
            let _ = write!(s, "<input type=\"{ty}\" name=\"{id}\" id=\"f-{id}\"{extra}{aria}>");
        }
    }
    s.push_str("</div>\n");
    s
}

fn form_page(e: &Edition, c: &Category) -> String {
    let title = format!("{} · {}", c.form_title, e.short_title);
    let mut s = head(&title, "../", "");
    s.push_str("<body>\n");
    let _ = writeln!(s, "<header class=\"site-header\"><p class=\"edition-name\">{}{}</p><h1>{}</h1></header>", esc(&e.title), e.doc_number.as_deref().map(|d| format!("（{}）", esc(d))).unwrap_or_default(), esc(&c.form_title));
    s.push_str(&nav("../", Some((e, c))));
    s.push_str("<p class=\"print-only print-header\">自查报告 · ");
    let _ = writeln!(s, "{} · {}</p>", esc(&e.short_title), esc(&c.form_title));
    s.push_str(JS_OFF);
    s.push_str("<noscript><p class=\"noscript\">浏览器未启用 JavaScript：在线检查不可用，表单仍可提交。</p></noscript>\n");
    let _ = writeln!(s, "<div class=\"layout\">\n<main>\n<p class=\"subject\">{}</p>", esc(&c.subject));
    let _ = writeln!(s, "<form id=\"application\" method=\"get\" action=\"#\" data-edition=\"{}\" data-category=\"{}\" novalidate>", esc(&e.id), esc(&c.id));
    let mut open: Vec<String> = Vec::new();
    for f in &c.fields {
        let common = open.iter().zip(&f.section).take_while(|(a, b)| a == b).count();
        while open.len() > common {
            s.push_str("</fieldset>\n");
            open.pop();
        }
        for (depth, name) in f.section.iter().enumerate().skip(common) {
            let _ = writeln!(s, "<fieldset class=\"section depth-{depth}\"><legend>{}</legend>", esc(name));
            open.push(name.clone());
        }
        s.push_str(&field_html(f));
    }
    for _ in open {
        s.push_str("</fieldset>\n");
    }
    s.push_str("<div class=\"actions\"><button type=\"submit\" class=\"primary\">提交自查</button> <button type=\"button\" class=\"print\" data-print>打印自查报告</button></div>\n<p class=\"submit-status\" role=\"status\"></p>\n</form>\n</main>\n");
    s.push_str("<aside class=\"eligibility-aside\"><div data-yc-eligibility><noscript>申报条件自查需要 JavaScript。</noscript></div>\n<details class=\"rules-source\"><summary>申报条件原文</summary><ol>");
    for r in &c.rules {
        let _ = write!(s, "<li><b>{}</b> {}", esc(&r.clause), esc(&r.text));
        if let Some(n) = &r.note {
            let _ = write!(s, "<br><small>判断口径：{}</small>", esc(n));
        }
        s.push_str("</li>");
    }
    s.push_str("</ol></details></aside>\n</div>\n</body>\n</html>\n");
    s
}

/// The thresholds a rule states, for the comparison table.
fn thresholds(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::All { of } | Expr::Any { of } => of.iter().for_each(|x| thresholds(x, out)),
        Expr::If { then, otherwise, .. } => {
            thresholds(then, out);
            thresholds(otherwise, out);
        }
        Expr::AtLeast { field, min, label } => out.push(format!("{} ≥ {min}", label.as_deref().unwrap_or(field))),
        Expr::SumAtLeast { label, min, .. } => out.push(format!("{label} ≥ {min}")),
        Expr::RatioAtLeast { label, min, .. } => out.push(format!("{label} ≥ {min}%")),
        Expr::YearsSince { min, .. } => out.push(format!("成立 ≥ {min} 年")),
        Expr::CountAtLeast { min, label, .. } => out.push(format!("{} ≥ {min}", label.as_deref().unwrap_or("应用场景"))),
        Expr::Includes { value, .. } => out.push(format!("须含 {value}")),
        Expr::UsccProvince { label, .. } => out.push(format!("在{label}登记")),
        _ => {}
    }
}

#[allow(clippy::needless_range_loop)] // rows and columns are indexed together
fn compare() -> String {
    let mut s = head("各版本申报条件对照", "", "");
    s.push_str("<body class=\"compare-page\">\n<header class=\"site-header\"><h1>各版本申报条件对照</h1></header>\n<main>\n");
    s.push_str(&nav("", None));
    s.push_str("<p>同一类别在各版本通知中的申报条件并列展示；由版本数据生成，与在线检查使用的规则完全一致。<mark>标记</mark>的门槛与前一列版本不同。</p>\n");
    for cat in ["enterprise", "park", "street", "base"] {
        let editions: Vec<(&Edition, &Category)> = registry::editions().into_iter().filter_map(|e| e.category(cat).map(|c| (e, c))).collect();
        if editions.is_empty() {
            continue;
        }
        let _ = write!(s, "<section><h2>{}</h2>\n<div class=\"table-wrap\"><table class=\"compare\"><thead><tr>", esc(&editions[0].1.name));
        for (e, c) in &editions {
            let _ = write!(s, "<th scope=\"col\">{}<br><small>{}</small></th>", esc(&e.short_title), esc(&c.name));
        }
        s.push_str("</tr></thead><tbody>\n");
        let rows = editions.iter().map(|(_, c)| c.rules.len()).max().unwrap_or(0);
        let mut previous: Vec<Vec<String>> = vec![Vec::new(); rows];
        for row in 0..rows {
            s.push_str("<tr>");
            for (col, (_, c)) in editions.iter().enumerate() {
                match c.rules.get(row) {
                    Some(r) => {
                        let mut t = Vec::new();
                        thresholds(&r.test, &mut t);
                        let differs = col > 0 && !t.is_empty() && t != previous[row];
                        let class = if differs { " class=\"diff\"" } else { "" };
                        let _ = write!(s, "<td{class}><b>{}</b> {}", esc(&r.clause), esc(&r.text));
                        if !t.is_empty() {
                            let list = t.iter().map(|x| esc(x)).collect::<Vec<_>>().join("；");
                            if differs {
                                let _ = write!(s, "<br><mark>{list}</mark>");
                            } else {
                                let _ = write!(s, "<br><small>{list}</small>");
                            }
                        }
                        s.push_str("</td>");
                        previous[row] = t;
                    }
                    None => s.push_str("<td class=\"empty\">—</td>"),
                }
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody></table></div></section>\n");
    }
    for e in registry::editions() {
        for n in &e.notes {
            let _ = write!(s, "<section class=\"note\"><h2>{} · {}</h2><p>{}</p>", esc(&e.short_title), esc(&n.title), esc(&n.text));
            if !n.table.is_empty() {
                s.push_str("<table class=\"quota\">");
                for (i, row) in n.table.iter().enumerate() {
                    let tag = if i == 0 { "th" } else { "td" };
                    s.push_str("<tr>");
                    for cell in row {
                        let _ = write!(s, "<{tag}>{}</{tag}>", esc(cell));
                    }
                    s.push_str("</tr>");
                }
                s.push_str("</table>");
            }
            s.push_str("</section>\n");
        }
    }
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

#[test]
fn site_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut pages: Vec<(String, String)> = vec![("index.html".into(), index()), ("compare.html".into(), compare())];
    for e in registry::editions() {
        for c in &e.categories {
            pages.push((format!("forms/{}", form_file(e, c)), form_page(e, c)));
        }
    }
    let mut stale = Vec::new();
    for (path, content) in &pages {
        let full = root.join(path);
        if std::fs::read_to_string(&full).ok().as_deref() != Some(content.as_str()) {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir).unwrap();
            }
            std::fs::write(&full, content).unwrap();
            stale.push(path.clone());
        }
    }
    assert!(stale.is_empty(), "www/{} was out of date; regenerated — commit it", stale.join(", www/"));
}
