//! The 自查结果 box on the first page of a document exported with problems.
//!
//! We chose the box over asking first: people export to save work in progress, and a
//! question each time would teach them to click it away. The box says what the checker said
//! at export — the verdict and the counts — and that it disappears once the problems are
//! fixed and the file exported again, so an unchecked draft is never taken for a clean one.

use crate::style::{self, size, HEITI, SONGTI};
use docx_rs::*;
use yanglao_core::model::{Category, Severity};
use yanglao_core::{Report, Status, Verdict};

/// The counts the box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub not_met: usize,
    pub missing: usize,
}

pub fn counts(report: &Report) -> Counts {
    let issues = |s: Severity| report.issues.iter().filter(|i| i.severity == s).count();
    let rules = |s: Status| {
        report
            .eligibility
            .rules
            .iter()
            .filter(|r| r.status == s)
            .count()
    };
    Counts {
        errors: issues(Severity::Error),
        warnings: issues(Severity::Warning),
        not_met: rules(Status::NotMet),
        missing: rules(Status::Missing),
    }
}

/// Whether the document needs the box: anything at all the checker would show.
pub fn needed(report: &Report) -> bool {
    counts(report) != Counts::default() || report.eligibility.verdict != Verdict::Eligible
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "符合申报条件",
        Verdict::Ineligible => "不符合申报条件",
        Verdict::Incomplete => "待补充（尚不能判断是否符合申报条件）",
    }
}

/// At most this many clauses are named: the box is a summary, the page shows the rest.
const CLAUSES_SHOWN: usize = 5;

/// The box, a one-cell bordered table; `None` for a clean form.
pub fn table(category: &Category, report: &Report) -> Option<Table> {
    if !needed(report) {
        return None;
    }
    let c = counts(report);
    let mut lines = vec![
        format!("申报条件自查结论：{}", verdict(report.eligibility.verdict)),
        format!(
            "填写错误 {} 处，提示 {} 处；申报条件不符合 {} 条，待补充 {} 条。",
            c.errors, c.warnings, c.not_met, c.missing
        ),
    ];
    let open = report
        .eligibility
        .rules
        .iter()
        .filter(|r| matches!(r.status, Status::NotMet | Status::Missing));
    for rule in open.take(CLAUSES_SHOWN) {
        let status = if rule.status == Status::NotMet {
            "不符合"
        } else {
            "待补充"
        };
        lines.push(format!(
            "{status}：{}　{}",
            rule.clause,
            crate::clean::clean(&rule.explanation)
        ));
    }
    lines.push(format!(
        "本框由{}申报书的在线自查在导出时生成；问题改正后重新导出，本框不再出现。",
        category.name
    ));
    let mut cell = TableCell::new()
        .width(style::TEXT_WIDTH, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(style::run("自查结果", HEITI, size::SIHAO)));
    for line in lines {
        cell = cell.add_paragraph(Paragraph::new().add_run(style::run(&line, SONGTI, size::WUHAO)));
    }
    Some(
        Table::new(vec![TableRow::new(vec![cell])])
            .set_grid(vec![style::TEXT_WIDTH])
            .width(style::TEXT_WIDTH, WidthType::Dxa),
    )
}
