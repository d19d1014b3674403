//! Everything written into the reviewer's output folder. One tabular model (`sheets`) feeds
//! the workbook and the CSV files, so the two always agree; the JSON is the core's own
//! serialisation of each report (what `validateForm` returns in the browser); the HTML is an
//! index plus one page per application.

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod sheets;
pub mod xlsx;

use crate::app::{Judged, Refusal};
use crate::quota::Group;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use yanglao_core::checks::Date;

/// The whole batch, judged.
pub struct Results {
    pub judged: Vec<Judged>,
    pub refused: Vec<Refusal>,
    pub groups: Vec<Group>,
    pub today: Option<Date>,
}

/// The names of what is written, relative to the output folder.
pub const WORKBOOK: &str = "review.xlsx";
pub const JSON: &str = "review.json";
pub const CSV_DIR: &str = "csv";
pub const HTML_DIR: &str = "html";

/// Something written for each judged application, into its own folder under the output
/// folder. The HTML page is one; the 申报书 Word file (`crates/docx`) is meant to be another:
/// `per_application()` lists them; each runs for every application, on every core.
pub trait PerApplication: Sync {
    /// The sub-folder of the output folder it writes into.
    fn folder(&self) -> &'static str;
    fn write(&self, judged: &Judged, results: &Results, dir: &Path) -> Result<(), String>;
}

fn per_application(with_docx: bool) -> Vec<Box<dyn PerApplication>> {
    let mut writers: Vec<Box<dyn PerApplication>> = vec![Box::new(html::ApplicationPage)];
    if with_docx {
        writers.push(Box::new(docx::Shenbaoshu));
    }
    writers
}

/// Writes every output (and, with `with_docx`, each application's 申报书 as Word); `Err` names
/// the file that could not be written.
pub fn write_all(out: &Path, results: &Results, with_docx: bool) -> Result<Vec<PathBuf>, String> {
    let mkdir = |dir: &Path| {
        std::fs::create_dir_all(dir).map_err(|e| format!("无法创建文件夹 {}：{e}", dir.display()))
    };
    mkdir(out)?;
    let tables = sheets::build(results);
    let mut written = Vec::new();
    let workbook = out.join(WORKBOOK);
    xlsx::write(&tables, &workbook)?;
    written.push(workbook);
    let csv_dir = out.join(CSV_DIR);
    mkdir(&csv_dir)?;
    written.extend(csv::write(&tables, &csv_dir)?);
    let json = out.join(JSON);
    json::write(results, &json)?;
    written.push(json);
    let html_dir = out.join(HTML_DIR);
    mkdir(&html_dir)?;
    written.extend(html::write_index(results, &html_dir)?);
    for writer in per_application(with_docx) {
        let dir = out.join(writer.folder());
        mkdir(&dir)?;
        results
            .judged
            .par_iter()
            .try_for_each(|j| writer.write(j, results, &dir))?;
        written.push(dir);
    }
    Ok(written)
}

/// Writes a file, with the path in the error.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("无法写入 {}：{e}", path.display()))
}
