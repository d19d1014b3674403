//! The printable report: `index.html` (counts, quota groups with the notice's sentence, every
//! application, every refusal) and one page per application with the same clause-by-clause
//! panel as the browser (clause number, verbatim text, status, explanation with the numbers)
//! and its issues. Static files for a strict CSP: no script at all, one stylesheet.

use super::{write_file, PerApplication, Results};
use crate::app::Judged;
use crate::labels;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use yanglao_core::{Status, Verdict};

const STYLE: &str = include_str!("report.css");
/// Folder of the application pages, under the output folder.
pub const APPLICATIONS_DIR: &str = "html/applications";

/// Text for HTML (`yanglao_core::html::escape`, shared with the other HTML writer).
pub use yanglao_core::html::escape as esc;

fn head(title: &str, css: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self'; script-src 'none'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n",
        esc(title)
    )
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "eligible",
        Verdict::Ineligible => "ineligible",
        Verdict::Incomplete => "incomplete",
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not-met",
        Status::Missing => "missing",
        Status::Declared => "declared",
    }
}

/// The page of application `number`, relative to the index.
pub fn page_name(number: usize) -> String {
    format!("applications/{number}.html")
}

/// The columns of the index table (also read back by the tests).
pub const INDEX_HEADERS: &[&str] = &[
    "序号",
    "来源",
    "申报单位",
    "统一社会信用代码",
    "版本",
    "类别",
    "推荐单位",
    "结论",
    "错误数",
    "提示数",
    "详情",
];

pub fn write_index(results: &Results, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut s = head("申报材料审核结果", "style.css");
    let count = |v: Verdict| {
        results
            .judged
            .iter()
            .filter(|j| j.report.eligibility.verdict == v)
            .count()
    };
    let _ = write!(
        s,
        "<header>\n<h1>智慧健康养老应用试点示范 申报材料审核结果</h1>\n<p class=\"summary\">共审核 {} 份：{} {} 份，{} {} 份，{} {} 份；未能审核 {} 项。判断所用日期：{}。</p>\n<p class=\"note\">{}</p>\n</header>\n",
        results.judged.len(),
        Verdict::Eligible.label(labels::LOCALE),
        count(Verdict::Eligible),
        Verdict::Ineligible.label(labels::LOCALE),
        count(Verdict::Ineligible),
        Verdict::Incomplete.label(labels::LOCALE),
        count(Verdict::Incomplete),
        results.refused.len(),
        results.today.map(|d| d.iso()).unwrap_or_else(|| "未指定".into()),
        esc(yanglao_core::eligibility::panel_note(labels::LOCALE)),
    );
    quota_section(&mut s, results);
    s.push_str("<section>\n<h2>申报材料</h2>\n<table id=\"applications\">\n<thead><tr>");
    for h in INDEX_HEADERS {
        let _ = write!(s, "<th scope=\"col\">{h}</th>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for j in &results.judged {
        let v = j.report.eligibility.verdict;
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">查看</a></td></tr>",
            j.number,
            esc(&j.app.origin.describe()),
            esc(&j.name),
            esc(&j.masked_code),
            esc(&j.app.edition.short_title),
            esc(&j.app.category.name),
            esc(&j.recommender),
            verdict_class(v),
            esc(v.label(labels::LOCALE)),
            j.errors(),
            j.warnings(),
            page_name(j.number),
        );
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
    refused_section(&mut s, results);
    s.push_str("</body>\n</html>\n");
    let index = dir.join("index.html");
    write_file(&index, s.as_bytes())?;
    let css = dir.join("style.css");
    write_file(&css, STYLE.as_bytes())?;
    Ok(vec![index, css])
}

fn quota_section(s: &mut String, results: &Results) {
    if results.groups.is_empty() {
        return;
    }
    s.push_str("<section id=\"quotas\">\n<h2>推荐名额</h2>\n");
    let mut editions: Vec<&yanglao_core::model::Edition> =
        results.groups.iter().map(|g| g.edition).collect();
    editions.dedup_by(|a, b| a.id == b.id);
    for e in editions {
        let Some(q) = &e.quotas else { continue };
        let _ = write!(
            s,
            "<h3>{}</h3>\n<blockquote><p><span class=\"clause\">{}</span> {}</p>",
            esc(&e.short_title),
            esc(&q.clause),
            esc(&q.text)
        );
        if let Some(c) = &q.consequence {
            let _ = write!(
                s,
                "<p><span class=\"clause\">{}</span> {}</p>",
                esc(&c.clause),
                esc(&c.text)
            );
        }
        s.push_str("</blockquote>\n");
        if let Some(note) = &q.note {
            let _ = writeln!(s, "<p class=\"note\">本工具的理解：{}</p>", esc(note));
        }
        s.push_str("<table class=\"quotas\">\n<thead><tr><th scope=\"col\">推荐单位</th><th scope=\"col\">推荐单位类别</th><th scope=\"col\">类别</th><th scope=\"col\">申报份数</th><th scope=\"col\">符合条件</th><th scope=\"col\">待补充</th><th scope=\"col\">不符合</th><th scope=\"col\">名额</th><th scope=\"col\">名额核对</th><th scope=\"col\">说明</th></tr></thead>\n<tbody>\n");
        for g in results.groups.iter().filter(|g| g.edition.id == e.id) {
            let _ = writeln!(
                s,
                "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                if g.status.flagged() { " class=\"over\"" } else { "" },
                esc(&g.unit),
                esc(g.kind.map(|k| k.label.as_str()).unwrap_or("（不在通知所列之列）")),
                esc(&g.category_name),
                g.total,
                g.eligible,
                g.incomplete,
                g.ineligible,
                g.limit.map(|l| l.to_string()).unwrap_or_else(|| "—".into()),
                esc(g.status.label()),
                esc(&g.explanation()),
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("</section>\n");
}

fn refused_section(s: &mut String, results: &Results) {
    s.push_str("<section id=\"refused\">\n<h2>未能审核</h2>\n");
    if results.refused.is_empty() {
        s.push_str("<p>所有文件和行均已审核。</p>\n</section>\n");
        return;
    }
    s.push_str("<table>\n<thead><tr><th scope=\"col\">来源</th><th scope=\"col\">原因</th></tr></thead>\n<tbody>\n");
    for r in &results.refused {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&r.origin.describe()),
            esc(&r.reason)
        );
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}

/// One application's page.
pub struct ApplicationPage;

impl PerApplication for ApplicationPage {
    fn folder(&self) -> &'static str {
        APPLICATIONS_DIR
    }

    fn write(&self, j: &Judged, _results: &Results, dir: &Path) -> Result<(), String> {
        write_file(
            &dir.join(format!("{}.html", j.number)),
            application_page(j).as_bytes(),
        )
    }
}

pub fn application_page(j: &Judged) -> String {
    let (e, c) = (j.app.edition, j.app.category);
    let mut s = head(&format!("{} · 审核结果", j.name), "../style.css");
    let v = j.report.eligibility.verdict;
    let _ = write!(
        s,
        "<nav><a href=\"../index.html\">← 返回审核结果</a></nav>\n<header>\n<h1>{}</h1>\n<dl class=\"facts\">\n<dt>来源</dt><dd>{}</dd>\n<dt>通知</dt><dd>{}</dd>\n<dt>申报书</dt><dd>{}</dd>\n<dt>统一社会信用代码</dt><dd>{}</dd>\n<dt>推荐单位</dt><dd>{}</dd>\n<dt>结论</dt><dd class=\"{}\">{}</dd>\n</dl>\n</header>\n",
        esc(&j.name),
        esc(&j.app.origin.describe()),
        esc(&format!("{}{}", e.title, e.doc_number.as_deref().map(|d| format!("（{d}）")).unwrap_or_default())),
        esc(&c.form_title),
        esc(if j.masked_code.is_empty() { "—" } else { &j.masked_code }),
        esc(&j.recommender),
        verdict_class(v),
        esc(v.label(labels::LOCALE)),
    );
    let _ = write!(
        s,
        "<section class=\"panel\">\n<h2>申报条件自查</h2>\n<p class=\"note\">{}</p>\n<table class=\"rules\">\n<thead><tr><th scope=\"col\">条款</th><th scope=\"col\">原文</th><th scope=\"col\">状态</th><th scope=\"col\">说明</th></tr></thead>\n<tbody>\n",
        esc(yanglao_core::eligibility::panel_note(labels::LOCALE))
    );
    for rule in &c.rules {
        match j.report.eligibility.rules.iter().find(|r| r.id == rule.id) {
            Some(r) => {
                let _ = writeln!(
                    s,
                    "<tr><td class=\"clause\">{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td></tr>",
                    esc(&r.clause),
                    esc(&r.text),
                    status_class(r.status),
                    esc(r.status.label(labels::LOCALE)),
                    esc(&r.explanation)
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<tr class=\"not-applicable\"><td class=\"clause\">{}</td><td>{}</td><td>{}</td><td>本条只适用于另一类申报主体。</td></tr>",
                    esc(&rule.clause),
                    esc(&rule.text),
                    labels::NOT_APPLICABLE
                );
            }
        }
    }
    s.push_str("</tbody>\n</table>\n</section>\n<section class=\"issues\">\n<h2>填写问题</h2>\n");
    if j.report.issues.is_empty() {
        s.push_str("<p>没有发现填写问题。</p>\n");
    } else {
        s.push_str("<table>\n<thead><tr><th scope=\"col\">栏目</th><th scope=\"col\">严重程度</th><th scope=\"col\">说明</th></tr></thead>\n<tbody>\n");
        for issue in &j.report.issues {
            let field = c
                .field(&issue.field)
                .map(|f| f.name().to_string())
                .unwrap_or_else(|| issue.field.clone());
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td class=\"{:?}\">{}</td><td>{}</td></tr>",
                esc(&field),
                issue.severity,
                labels::severity(issue.severity),
                esc(&issue.message)
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("</section>\n</body>\n</html>\n");
    s
}
