//! Spreadsheets with one application per row (`.xlsx` read with calamine, `.csv`).
//!
//! Row 1 holds the headers. A header is a field's id (`uscc`), its label in the 申报书
//! (`统一社会信用代码`) or, where the table repeats a label, the label qualified by its row
//! heading (`法人代表姓名`, `联系人姓名`: the name messages use). Three more headers say
//! which form a row is for and who recommends it: 版本 (edition id or short title), 类别
//! (category id or name) and 推荐单位. A header that is none of these is reported and its
//! column is not read — never guessed. A sheet named after a category (示范企业) gives
//! its rows that category.

use super::cells::{self, Cell, MAX_CELL_BYTES};
use super::{io_reason, Batch, Defaults};
use crate::app::{clip, Application, Origin, Refusal};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use yanglao_core::model::{Category, Edition, FieldKind};
use yanglao_core::{registry, Values};

/// Largest spreadsheet read (bytes on disk).
pub const MAX_SHEET_BYTES: u64 = 256 << 20;
/// Most rows read from one sheet.
pub const MAX_ROWS: usize = 1_000_000;

const EDITION_HEADERS: &[&str] = &["版本", "edition"];
const CATEGORY_HEADERS: &[&str] = &["类别", "申报类别", "category"];
const RECOMMENDER_HEADERS: &[&str] = &["推荐单位", "推荐省份", "province", "recommender"];

pub fn read_workbook(path: &Path, shown: &str, defaults: &Defaults) -> Batch {
    let mut batch = Batch::default();
    if let Err(r) = check_size(path, shown) {
        batch.refused.push(r);
        return batch;
    }
    let mut workbook: calamine::Xlsx<_> = match calamine::open_workbook(path) {
        Ok(w) => w,
        Err(e) => {
            let reason = format!(
                "无法打开工作簿：文件已损坏或不是 .xlsx（{}）",
                clip(&e.to_string(), 80)
            );
            batch
                .refused
                .push(Refusal::new(Origin::file(shown), reason));
            return batch;
        }
    };
    use calamine::Reader;
    for name in workbook.sheet_names() {
        let origin = Origin {
            file: shown.to_string(),
            sheet: Some(name.clone()),
            row: None,
        };
        let range = match workbook.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                batch.refused.push(Refusal::new(
                    origin,
                    format!("无法读取工作表（{}）", clip(&e.to_string(), 80)),
                ));
                continue;
            }
        };
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let rows = range
            .rows()
            .map(|r| r.iter().map(cells::from_calamine).collect::<Vec<Cell>>());
        let part = read_rows(shown, Some(&name), first_row, rows, defaults);
        batch.applications.extend(part.applications);
        batch.refused.extend(part.refused);
    }
    batch
}

pub fn read_csv(path: &Path, shown: &str, defaults: &Defaults) -> Batch {
    let mut batch = Batch::default();
    let refuse = |reason: String| Batch {
        applications: Vec::new(),
        refused: vec![Refusal::new(Origin::file(shown), reason)],
    };
    if let Err(r) = check_size(path, shown) {
        batch.refused.push(r);
        return batch;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return refuse(io_reason(&e)),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return refuse("CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或在 WPS 中选择 UTF-8 编码".to_string());
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) => rows.push(
                r.iter()
                    .map(|s| {
                        if s.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(s.to_string())
                        }
                    })
                    .collect(),
            ),
            Err(e) => {
                let row = e.position().map(|p| p.line() as usize).unwrap_or(i + 1);
                let origin = Origin {
                    file: shown.to_string(),
                    sheet: None,
                    row: Some(row),
                };
                batch.refused.push(Refusal::new(
                    origin,
                    "CSV 格式错误（引号不配对或不是文本），该行未读取",
                ));
                rows.push(Vec::new());
            }
        }
    }
    let part = read_rows(shown, None, 0, rows.into_iter(), defaults);
    batch.applications.extend(part.applications);
    batch.refused.extend(part.refused);
    batch
}

fn check_size(path: &Path, shown: &str) -> Result<(), Refusal> {
    let size = std::fs::metadata(path)
        .map_err(|e| Refusal::new(Origin::file(shown), io_reason(&e)))?
        .len();
    if size > MAX_SHEET_BYTES {
        return Err(Refusal::new(
            Origin::file(shown),
            format!(
                "文件过大（{} MB，上限 256 MB），未读取：请拆分后再读取",
                size >> 20
            ),
        ));
    }
    Ok(())
}

/// What a column holds, once its header is read against a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Field(usize),
    Ignored,
}

/// The columns of a sheet read against one category, and the headers that are not its own.
struct Layout {
    columns: Vec<Column>,
    problems: Vec<String>,
}

fn layout(headers: &[String], meta: &HashSet<usize>, category: &Category) -> Layout {
    let mut columns = Vec::with_capacity(headers.len());
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (i, header) in headers.iter().enumerate() {
        if meta.contains(&i) || header.is_empty() {
            columns.push(Column::Ignored);
            continue;
        }
        match field_for(header, category) {
            Ok(position) => {
                let list = category
                    .fields
                    .get(position)
                    .is_some_and(|f| f.kind == FieldKind::TextList);
                if !seen.insert(position) && !list {
                    problems.push(format!(
                        "表头“{}”出现了不止一次，只读取第一列",
                        clip(header, 40)
                    ));
                    columns.push(Column::Ignored);
                } else {
                    columns.push(Column::Field(position));
                }
            }
            Err(why) => {
                problems.push(why);
                columns.push(Column::Ignored);
            }
        }
    }
    Layout { columns, problems }
}

/// The field a header names: its id, its display name (label qualified by its row where
/// the table repeats it), or its label when no other field has the same one.
fn field_for(header: &str, category: &Category) -> Result<usize, String> {
    if let Some(p) = category.field_position(header) {
        return Ok(p);
    }
    if let Some(p) = category.fields.iter().position(|f| f.name() == header) {
        return Ok(p);
    }
    let same: Vec<usize> = category
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == header)
        .map(|(i, _)| i)
        .collect();
    match same.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "表头“{}”不是《{}》的栏目（可写栏目编号或申报书中的栏目名称），该列未读取",
            clip(header, 40),
            category.form_title
        )),
        many => {
            let names: Vec<&str> = many
                .iter()
                .filter_map(|i| category.fields.get(*i))
                .map(|f| f.name())
                .collect();
            Err(format!(
                "表头“{}”在申报书中有多处，请写成{}之一，该列未读取",
                clip(header, 40),
                names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join("、")
            ))
        }
    }
}

fn find_meta(headers: &[String], names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

fn edition_named(text: &str) -> Option<&'static Edition> {
    registry::edition(text).or_else(|| registry::editions().iter().find(|e| e.short_title == text))
}

fn category_named(edition: &'static Edition, text: &str) -> Option<&'static Category> {
    edition
        .categories
        .iter()
        .find(|c| c.id == text || c.name == text || c.form_title == text)
}

/// Reads rows (the first holds the headers). `first_row` is the sheet row of the first one
/// (0-based), so the numbers reported are the ones the reviewer sees in Excel.
fn read_rows(
    file: &str,
    sheet: Option<&str>,
    first_row: usize,
    rows: impl Iterator<Item = Vec<Cell>>,
    defaults: &Defaults,
) -> Batch {
    let mut batch = Batch::default();
    let origin_at = |row: Option<usize>| Origin {
        file: file.to_string(),
        sheet: sheet.map(str::to_string),
        row,
    };
    let mut rows = rows.enumerate();
    let Some((_, header_cells)) = rows.next() else {
        return batch;
    };
    let headers: Vec<String> = header_cells
        .iter()
        .map(|c| match c {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Bool(b) => b.to_string(),
            _ => String::new(),
        })
        .collect();
    let header_row = first_row + 1;
    let edition_col = find_meta(&headers, EDITION_HEADERS);
    let category_col = find_meta(&headers, CATEGORY_HEADERS);
    let recommender_col = find_meta(&headers, RECOMMENDER_HEADERS);
    let meta: HashSet<usize> = [edition_col, category_col, recommender_col]
        .into_iter()
        .flatten()
        .collect();
    if headers.iter().all(String::is_empty) {
        if rows.any(|(_, r)| r.iter().any(|c| !c.is_empty())) {
            batch.refused.push(Refusal::new(
                origin_at(Some(header_row)),
                "第一行没有表头：第一行应为栏目编号或栏目名称",
            ));
        }
        return batch;
    }
    // The sheet's own category, when it is named after one (示范企业, enterprise).
    let sheet_category =
        sheet.and_then(|s| defaults.edition.and_then(|e| category_named(e, s.trim())));
    let mut layouts: HashMap<(&str, &str), Layout> = HashMap::new();
    let mut reported: HashSet<(&str, &str)> = HashSet::new();
    let mut data_without_header = false;
    for (index, cells) in rows.take(MAX_ROWS) {
        let row = first_row + index + 1;
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let refuse = |reason: String| Refusal::new(origin_at(Some(row)), reason);
        let meta_text = |col: Option<usize>| {
            col.and_then(|c| cells.get(c))
                .and_then(Cell::text)
                .filter(|s| !s.is_empty())
        };
        let edition = match meta_text(edition_col) {
            Some(text) => match edition_named(text) {
                Some(e) => e,
                None => {
                    batch.refused.push(refuse(format!(
                        "“版本”列的“{}”不是已收录的通知（可用 {}）",
                        clip(text, 40),
                        edition_ids()
                    )));
                    continue;
                }
            },
            None => match defaults.edition {
                Some(e) => e,
                None => {
                    batch.refused.push(refuse(
                        "未指明版本：请加“版本”列，或用 --edition 指定".to_string(),
                    ));
                    continue;
                }
            },
        };
        let category = match meta_text(category_col).or(defaults.category.as_deref()) {
            Some(text) => match category_named(edition, text) {
                Some(c) => c,
                None => {
                    let known: Vec<String> = edition
                        .categories
                        .iter()
                        .map(|c| format!("{} {}", c.id, c.name))
                        .collect();
                    batch.refused.push(refuse(format!(
                        "“{}”不是{}的类别（可用 {}）",
                        clip(text, 40),
                        edition.short_title,
                        known.join("、")
                    )));
                    continue;
                }
            },
            None => match sheet_category
                .filter(|c| edition.categories.iter().any(|own| std::ptr::eq(own, *c)))
            {
                Some(c) => c,
                None => {
                    batch.refused.push(refuse(
                        "未指明类别：请加“类别”列，或用 --category 指定".to_string(),
                    ));
                    continue;
                }
            },
        };
        let key = (edition.id.as_str(), category.id.as_str());
        let layout = layouts
            .entry(key)
            .or_insert_with(|| layout(&headers, &meta, category));
        if reported.insert(key) {
            for problem in &layout.problems {
                batch
                    .refused
                    .push(Refusal::new(origin_at(Some(header_row)), problem.clone()));
            }
        }
        match row_values(&cells, &layout.columns, category) {
            Ok(values) => {
                if cells
                    .iter()
                    .enumerate()
                    .any(|(i, c)| !c.is_empty() && headers.get(i).is_none_or(String::is_empty))
                {
                    data_without_header = true;
                }
                let recommender = meta_text(recommender_col)
                    .map(str::to_string)
                    .or_else(|| defaults.province.clone());
                batch.applications.push(Application {
                    origin: origin_at(Some(row)),
                    edition,
                    category,
                    values,
                    recommender,
                });
            }
            Err(reason) => batch.refused.push(refuse(reason)),
        }
    }
    if data_without_header {
        batch.refused.push(Refusal::new(
            origin_at(Some(header_row)),
            "有的列填了内容却没有表头，这些列未读取",
        ));
    }
    batch
}

fn edition_ids() -> String {
    registry::editions()
        .iter()
        .map(|e| e.id.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn row_values(cells: &[Cell], columns: &[Column], category: &Category) -> Result<Values, String> {
    let mut values = Values::new();
    for (cell, column) in cells.iter().zip(columns) {
        let Column::Field(position) = column else {
            continue;
        };
        let Some(field) = category.fields.get(*position) else {
            continue;
        };
        match cell {
            Cell::Text(s) if s.len() > MAX_CELL_BYTES => {
                return Err(format!(
                    "“{}”一栏的内容过大（超过 1 MB），该行未读取",
                    field.name()
                ));
            }
            Cell::Error(e) => {
                return Err(format!(
                    "“{}”一栏是公式错误（{}），该行未读取",
                    field.name(),
                    clip(e, 20)
                ))
            }
            _ => {}
        }
        let Some(value) = cells::to_value(field, cell) else {
            continue;
        };
        // A text list may span several columns with the same header: their items add up.
        match (values.get_mut(field.id.as_str()), value) {
            (Some(yanglao_core::Value::List(items)), yanglao_core::Value::List(more)) => {
                items.extend(more)
            }
            (_, value) => {
                values.insert(field.id.to_string(), value);
            }
        }
    }
    Ok(values)
}
