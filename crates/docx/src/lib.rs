//! The 申报书 as a Word file: what was typed and checked, in the notice's own layout.
//!
//! Applicants submit the 申报书 in Word, not our web form. This crate writes it: the cover
//! (申报单位（盖章）, 申报日期, 编制单位 where the notice has one), 填写要求, 一、基本情况表 as
//! a Word table with the printed table's groups as merged cells, the table's 注, parts 二
//! onward under the notice's headings, each 典型案例 under its own heading, the 支撑材料
//! list and the 真实性承诺 with the signature and seal lines left blank. A form with errors
//! can be exported (people save work in progress); its first page then carries a 自查结果
//! box with the verdict and the counts, so nobody mistakes it for a checked application.
//!
//! Plain Rust, used by the reviewer's command ([`from_draft`]) and by the browser through
//! this crate's own wasm module (`wasm.rs`), which a page loads only when a person asks for
//! the file, so the checker module every applicant loads does not grow.

mod clean;
mod display;
mod parts;
mod self_check;
mod style;
mod table;
mod template;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use template::{template, Template};

use docx_rs::*;
use style::{size, HEITI, SONGTI};
use yanglao_core::model::{Category, Edition};
use yanglao_core::{registry, validate_form, Context, Locale, Report, Values};

/// The document for one form, from values already checked (`report` is their report).
/// Fails only if the zip cannot be written (it is written to memory, so in practice never).
pub fn shenbaoshu(
    edition: &Edition,
    category: &Category,
    values: &Values,
    report: &Report,
) -> Result<Vec<u8>, String> {
    let template = template(&edition.id, &category.id);
    let mut doc = Docx::new()
        .page_size(style::A4.0, style::A4.1)
        .page_margin(style::margins())
        .default_fonts(style::fonts(style::FANGSONG))
        .default_size(size::XIAOSI)
        .footer(style::page_number_footer())
        .first_footer(Footer::new());
    for s in style::heading_styles() {
        doc = doc.add_style(s);
    }
    doc = cover(doc, category, values, report, &template);
    doc = doc.add_paragraph(Paragraph::new().add_run(style::run("填写要求：", HEITI, size::SIHAO)));
    for line in template.requirements {
        doc = doc.add_paragraph(style::body(line));
    }
    let table_heading = category
        .fields
        .iter()
        .find(|f| table::in_table(f))
        .and_then(|f| f.section.first());
    if let Some(heading) = table_heading {
        doc = doc.add_paragraph(style::heading(1, heading));
        doc = doc.add_table(table::table(category, values, &template));
        doc = doc.add_paragraph(Paragraph::new().add_run(style::run(
            template.table_note,
            SONGTI,
            size::WUHAO,
        )));
    }
    for p in parts::parts(category, values) {
        doc = doc.add_paragraph(p);
    }
    let extra = parts::supplementary(category);
    if !extra.is_empty() {
        let section = extra
            .first()
            .and_then(|f| f.section.first())
            .map(|s| s.as_str())
            .unwrap_or("");
        doc = doc.add_paragraph(style::heading(1, &format!("附：{section}补充栏目")));
        doc = doc.add_paragraph(style::body(
            "以下栏目不在申报书的基本情况表中，是通知的申报条件所需而表中没有的数据和申报单位的承诺，各注明依据的条款。",
        ));
        doc = doc.add_table(table::supplement(category, &extra, values));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| format!("无法生成 Word 文件：{e}"))?;
    Ok(bytes.into_inner())
}

/// The cover: title, the 自查结果 box when the form is not clean, 申报单位 and 申报日期,
/// 编制单位; then a page break.
fn cover(
    mut doc: Docx,
    category: &Category,
    values: &Values,
    report: &Report,
    template: &Template,
) -> Docx {
    doc = doc
        .add_paragraph(style::blank())
        .add_paragraph(style::blank());
    let (title, subtitle) = split_title(&category.form_title);
    doc = doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(style::run(title, HEITI, size::ERHAO).bold()),
    );
    if !subtitle.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(style::run(subtitle, HEITI, size::SANHAO)),
        );
    }
    doc = doc.add_paragraph(style::blank());
    if let Some(box_table) = self_check::table(category, report) {
        doc = doc.add_table(box_table);
    }
    doc = doc
        .add_paragraph(style::blank())
        .add_paragraph(style::blank());
    for id in ["applicant", "apply_date"] {
        let Some(field) = category.field(id) else {
            continue;
        };
        let value = display::scalar(field, values.get(id)).unwrap_or_default();
        // The line is underlined whether filled or not, as on the printed cover.
        let shown = if value.is_empty() {
            "　".repeat(16)
        } else {
            format!("　{value}　")
        };
        doc = doc.add_paragraph(
            Paragraph::new()
                .indent(Some(1100), None, None, None)
                .line_spacing(LineSpacing::new().before(240).after(240))
                .add_run(style::run(
                    &format!("{}：", field.label),
                    SONGTI,
                    size::SANHAO,
                ))
                .add_run(style::run(&shown, SONGTI, size::SANHAO).underline("single")),
        );
    }
    if let Some(by) = template.compiled_by {
        doc = doc
            .add_paragraph(style::blank())
            .add_paragraph(style::blank())
            .add_paragraph(style::blank());
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(style::run(by, SONGTI, size::SANHAO)),
        );
    }
    doc.add_paragraph(style::page_break())
}

/// "智慧健康养老应用试点示范申报书（企业类）" → the title and "（企业类）", printed on two lines.
fn split_title(form_title: &str) -> (&str, &str) {
    let cut = ['（', '〔']
        .iter()
        .filter_map(|c| form_title.find(*c))
        .min();
    match cut {
        Some(i) if i > 0 => form_title.split_at(i),
        _ => (form_title, ""),
    }
}

/// Checks the values and writes the document: what the browser and the reviewer both call.
pub fn for_values(
    edition: &str,
    category: &str,
    values: &Values,
    ctx: &Context,
) -> Result<Vec<u8>, String> {
    let (e, c) = lookup(edition, category)?;
    let report = validate_form(c, values, ctx);
    shenbaoshu(e, c, values, &report)
}

fn lookup(edition: &str, category: &str) -> Result<(&'static Edition, &'static Category), String> {
    let c = registry::category(edition, category).map_err(|e| e.message(Locale::ZhCn))?;
    let e = registry::edition(edition).ok_or_else(|| format!("未知的版本“{edition}”"))?;
    Ok((e, c))
}

/// The document from an exported draft (the JSON the form's 导出 button writes, with its
/// edition and category), for the reviewer's command. Returns the bytes and a file name.
pub fn from_draft(draft: &str, ctx: &Context) -> Result<(Vec<u8>, String), String> {
    let (edition, category) = draft_form(draft)?;
    let (e, c) = lookup(&edition, &category)?;
    let values =
        yanglao_core::draft::parse(draft, &e.id, c).map_err(|e| e.message(Locale::ZhCn))?;
    let report = validate_form(c, &values, ctx);
    Ok((shenbaoshu(e, c, &values, &report)?, file_name(c, &values)))
}

/// Which form a draft belongs to: its `edition` and `category`.
fn draft_form(draft: &str) -> Result<(String, String), String> {
    if draft.len() > yanglao_core::draft::MAX_DRAFT_BYTES {
        return Err("文件过大".into());
    }
    let doc: serde_json::Value =
        serde_json::from_str(draft).map_err(|_| "不是有效的 JSON".to_string())?;
    let text = |key: &str| {
        doc.get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    match (text("edition"), text("category")) {
        (Some(e), Some(c)) => Ok((e, c)),
        _ => Err("文件中没有版本（edition）和类别（category），不是本站导出的填写记录".into()),
    }
}

/// "智慧健康养老应用试点示范申报书（企业类）-北京康颐智能科技有限公司.docx": the form's title
/// and the 申报单位, without characters file systems refuse.
pub fn file_name(category: &Category, values: &Values) -> String {
    let applicant = category
        .field("applicant")
        .and_then(|f| display::scalar(f, values.get("applicant")));
    let mut name = category.form_title.to_string();
    if let Some(a) = applicant {
        name.push('-');
        name.extend(a.chars().take(60));
    }
    let safe: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.docx", safe.trim())
}
