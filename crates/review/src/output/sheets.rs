//! The tables of the review, built once: the workbook writes each as a sheet, the CSV
//! writer each as a file. Chinese headings throughout.

use super::Results;
use crate::app::{clip, Judged};
use crate::labels;
use std::collections::BTreeMap;
use yanglao_core::model::{Category, Edition};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::input::cells::number_text(*n),
        }
    }
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn n(x: usize) -> Cell {
    Cell::Number(x as f64)
}

pub struct Table {
    /// The worksheet's name (≤ 31 characters, unique, no []:*?/\).
    pub sheet: String,
    /// The CSV file's name.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows to highlight (over quota), by index in `rows`.
    pub flagged: Vec<usize>,
}

/// The columns every application table starts with.
pub const APPLICATION_HEADERS: &[&str] = &[
    "序号",
    "来源文件",
    "工作表",
    "行",
    "申报单位",
    "统一社会信用代码",
    "推荐单位",
    "结论",
];

pub fn build(results: &Results) -> Vec<Table> {
    let mut by_form: BTreeMap<(usize, usize), Vec<&Judged>> = BTreeMap::new();
    for j in &results.judged {
        by_form
            .entry(form_order(j.app.edition, j.app.category))
            .or_default()
            .push(j);
    }
    let several_editions = {
        let mut ids: Vec<&str> = results
            .judged
            .iter()
            .map(|j| j.app.edition.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len() > 1
    };
    let mut tables = Vec::new();
    let mut names = Vec::new();
    for group in by_form.values() {
        let Some(first) = group.first() else { continue };
        let (edition, category) = (first.app.edition, first.app.category);
        let base = if several_editions {
            format!("{} {}", edition.short_title, category.name)
        } else {
            category.name.to_string()
        };
        let sheet = unique_sheet_name(&base, &mut names);
        tables.push(application_table(sheet, edition, category, group));
    }
    tables.push(issues_table(
        results,
        unique_sheet_name("问题清单", &mut names),
    ));
    if !results.groups.is_empty() {
        tables.push(quota_table(
            results,
            unique_sheet_name("推荐名额", &mut names),
        ));
    }
    tables.push(rules_table(results, unique_sheet_name("条款", &mut names)));
    tables.push(refused_table(
        results,
        unique_sheet_name("未能审核", &mut names),
    ));
    tables
}

fn form_order(edition: &Edition, category: &Category) -> (usize, usize) {
    let e = yanglao_core::registry::editions()
        .iter()
        .position(|x| x.id == edition.id)
        .unwrap_or(usize::MAX);
    let c = edition
        .categories
        .iter()
        .position(|x| x.id == category.id)
        .unwrap_or(usize::MAX);
    (e, c)
}

fn unique_sheet_name(base: &str, taken: &mut Vec<String>) -> String {
    let clean: String = base
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let mut name: String = clean.chars().take(31).collect();
    let mut i = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!("-{i}");
        name = clean
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        i += 1;
    }
    taken.push(name.clone());
    name
}

/// The first columns of an application's row (see `APPLICATION_HEADERS`).
pub fn application_cells(j: &Judged) -> Vec<Cell> {
    vec![
        n(j.number),
        t(&j.app.origin.file),
        t(j.app.origin.sheet.clone().unwrap_or_default()),
        j.app.origin.row.map(n).unwrap_or_else(|| t("")),
        t(&j.name),
        t(&j.masked_code),
        t(&j.recommender),
        t(j.report.eligibility.verdict.label(labels::LOCALE)),
    ]
}

/// Each rule's status for one application: the report's status, or 不适用 for a rule whose
/// condition left it out.
pub fn rule_statuses(category: &Category, j: &Judged) -> Vec<String> {
    category
        .rules
        .iter()
        .map(|rule| {
            j.report
                .eligibility
                .rules
                .iter()
                .find(|r| r.id == rule.id)
                .map(|r| r.status.label(labels::LOCALE).to_string())
                .unwrap_or_else(|| labels::NOT_APPLICABLE.to_string())
        })
        .collect()
}

fn application_table(
    sheet: String,
    edition: &Edition,
    category: &Category,
    group: &[&Judged],
) -> Table {
    let mut headers: Vec<String> = APPLICATION_HEADERS.iter().map(|h| h.to_string()).collect();
    headers.extend(
        category
            .rules
            .iter()
            .map(|r| labels::rule_heading(&r.clause, &r.id)),
    );
    headers.push("错误数".into());
    headers.push("提示数".into());
    let rows = group
        .iter()
        .map(|j| {
            let mut row = application_cells(j);
            row.extend(rule_statuses(category, j).into_iter().map(Cell::Text));
            row.push(n(j.errors()));
            row.push(n(j.warnings()));
            row
        })
        .collect();
    Table {
        sheet,
        file: format!("applications-{}-{}.csv", edition.id, category.id),
        headers,
        rows,
        flagged: Vec::new(),
    }
}

fn issues_table(results: &Results, sheet: String) -> Table {
    let headers = [
        "序号",
        "来源文件",
        "工作表",
        "行",
        "申报单位",
        "版本",
        "类别",
        "栏目",
        "严重程度",
        "代码",
        "说明",
    ];
    let mut rows = Vec::new();
    for j in &results.judged {
        for issue in &j.report.issues {
            let field = j
                .app
                .category
                .field(&issue.field)
                .map(|f| f.name().to_string())
                .unwrap_or_else(|| issue.field.clone());
            rows.push(vec![
                n(j.number),
                t(&j.app.origin.file),
                t(j.app.origin.sheet.clone().unwrap_or_default()),
                j.app.origin.row.map(n).unwrap_or_else(|| t("")),
                t(&j.name),
                t(&j.app.edition.short_title),
                t(&j.app.category.name),
                t(field),
                t(labels::severity(issue.severity)),
                t(&issue.code),
                t(clip(&issue.message, 2000)),
            ]);
        }
    }
    Table {
        sheet,
        file: "issues.csv".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        flagged: Vec::new(),
    }
}

fn quota_table(results: &Results, sheet: String) -> Table {
    let headers = [
        "版本",
        "推荐单位",
        "推荐单位类别",
        "类别",
        "申报份数",
        "符合条件",
        "待补充",
        "不符合",
        "名额",
        "名额核对",
        "说明",
        "通知原文",
    ];
    let mut rows = Vec::new();
    let mut flagged = Vec::new();
    for (i, g) in results.groups.iter().enumerate() {
        if g.status.flagged() {
            flagged.push(i);
        }
        let mut quoted = format!("{}：{}", g.quotas.clause, g.quotas.text);
        if let Some(c) = &g.quotas.consequence {
            quoted.push_str(&format!(" {}：{}", c.clause, c.text));
        }
        rows.push(vec![
            t(&g.edition.short_title),
            t(&g.unit),
            t(g.kind
                .map(|k| k.label.clone())
                .unwrap_or_else(|| "（不在通知所列之列）".into())),
            t(&g.category_name),
            n(g.total),
            n(g.eligible),
            n(g.incomplete),
            n(g.ineligible),
            g.limit.map(|l| n(l as usize)).unwrap_or_else(|| t("—")),
            t(g.status.label()),
            t(g.explanation()),
            t(quoted),
        ]);
    }
    Table {
        sheet,
        file: "quotas.csv".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        flagged,
    }
}

/// Every rule of the forms in the batch: what the rule columns' headings stand for.
fn rules_table(results: &Results, sheet: String) -> Table {
    let headers = ["版本", "类别", "列标题", "条款", "条款原文", "本工具的理解"];
    let mut forms: Vec<(&Edition, &Category)> = results
        .judged
        .iter()
        .map(|j| (j.app.edition, j.app.category))
        .collect();
    forms.sort_by_key(|(e, c)| form_order(e, c));
    forms.dedup_by(|a, b| a.0.id == b.0.id && a.1.id == b.1.id);
    let mut rows = Vec::new();
    for (e, c) in forms {
        for r in &c.rules {
            rows.push(vec![
                t(&e.short_title),
                t(&c.name),
                t(labels::rule_heading(&r.clause, &r.id)),
                t(&r.clause),
                t(&r.text),
                t(r.note.clone().unwrap_or_default()),
            ]);
        }
    }
    Table {
        sheet,
        file: "rules.csv".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        flagged: Vec::new(),
    }
}

fn refused_table(results: &Results, sheet: String) -> Table {
    let headers = ["来源文件", "工作表", "行", "原因"];
    let rows = results
        .refused
        .iter()
        .map(|r| {
            vec![
                t(&r.origin.file),
                t(r.origin.sheet.clone().unwrap_or_default()),
                r.origin.row.map(n).unwrap_or_else(|| t("")),
                t(&r.reason),
            ]
        })
        .collect();
    Table {
        sheet,
        file: "refused.csv".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        flagged: Vec::new(),
    }
}
