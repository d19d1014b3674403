//! The workbook (rust_xlsxwriter): one sheet per table, headings bold and frozen, a filter
//! on every column so a reviewer can sort and pick, groups over quota in red.

use super::sheets::{Cell, Table};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// Excel's limit for one cell's text.
const MAX_CELL_CHARS: usize = 32_000;

pub fn write(tables: &[Table], path: &Path) -> Result<(), String> {
    let fail = |e: rust_xlsxwriter::XlsxError| format!("无法写入工作簿 {}：{e}", path.display());
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let flagged = Format::new()
        .set_font_color(rust_xlsxwriter::Color::RGB(0x9C0006))
        .set_background_color(rust_xlsxwriter::Color::RGB(0xFFC7CE));
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.sheet).map_err(fail)?;
        for (c, h) in table.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| "列数超过工作簿上限".to_string())?;
            sheet
                .write_string_with_format(0, col, h, &bold)
                .map_err(fail)?;
            sheet.set_column_width(col, width(h)).map_err(fail)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let Ok(excel_row) = u32::try_from(r + 1) else {
                break;
            };
            if excel_row > 1_048_575 {
                return Err(format!(
                    "工作表“{}”超过 Excel 的行数上限；请看 CSV 文件",
                    table.sheet
                ));
            }
            let highlight = table.flagged.contains(&r);
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| "列数超过工作簿上限".to_string())?;
                match (cell, highlight) {
                    (Cell::Number(x), false) => sheet.write_number(excel_row, col, *x).map(|_| ()),
                    (Cell::Number(x), true) => sheet
                        .write_number_with_format(excel_row, col, *x, &flagged)
                        .map(|_| ()),
                    (Cell::Text(s), false) => {
                        sheet.write_string(excel_row, col, clip(s)).map(|_| ())
                    }
                    (Cell::Text(s), true) => sheet
                        .write_string_with_format(excel_row, col, clip(s), &flagged)
                        .map(|_| ()),
                }
                .map_err(fail)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
        if let Ok(last_col) = u16::try_from(table.headers.len().saturating_sub(1)) {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(0);
            sheet.autofilter(0, 0, last_row, last_col).map_err(fail)?;
        }
    }
    workbook.save(path).map_err(fail)
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_CELL_CHARS).collect()
}

/// A column as wide as its heading (CJK characters count double), within reason.
fn width(heading: &str) -> f64 {
    let w: usize = heading
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    (w as f64 + 2.0).clamp(6.0, 40.0)
}
