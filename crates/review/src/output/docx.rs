//! Each application's 申报书 as a Word file: the very function the browser's 导出 Word button
//! runs (`yanglao_docx::shenbaoshu`), fed the values and the report this batch judged, so the
//! 自查结果 box on its first page says what the workbook says.

use super::{write_file, PerApplication, Results};
use crate::app::Judged;
use std::path::Path;

/// The sub-folder of the output folder the Word files go into.
pub const DOCX_DIR: &str = "docx";

pub struct Shenbaoshu;

impl PerApplication for Shenbaoshu {
    fn folder(&self) -> &'static str {
        DOCX_DIR
    }

    fn write(&self, j: &Judged, _results: &Results, dir: &Path) -> Result<(), String> {
        let (edition, category) = (j.app.edition, j.app.category);
        let bytes = yanglao_docx::shenbaoshu(edition, category, &j.app.values, &j.report)
            .map_err(|e| format!("第 {} 份申报书未能生成：{e}", j.number))?;
        // The number first: two applications may carry the same name.
        let name = format!(
            "{}-{}",
            j.number,
            yanglao_docx::file_name(category, &j.app.values)
        );
        write_file(&dir.join(name), &bytes)
    }
}
