//! From paths to applications: folders are walked, each file read by its kind (an exported
//! draft `.json`, a workbook `.xlsx`, a `.csv`), and whatever cannot be judged becomes a
//! `Refusal` with a Chinese reason — one bad file or row never stops the others.

pub mod cells;
pub mod draft;
pub mod table;

use crate::app::{Application, Origin, Refusal};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use yanglao_core::model::Edition;

/// What the command line says about applications whose files do not.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub edition: Option<&'static Edition>,
    pub category: Option<String>,
    pub province: Option<String>,
}

#[derive(Debug, Default)]
pub struct Batch {
    pub applications: Vec<Application>,
    pub refused: Vec<Refusal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Draft,
    Workbook,
    Csv,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Kind::Draft),
        "xlsx" => Some(Kind::Workbook),
        "csv" => Some(Kind::Csv),
        _ => None,
    }
}

/// Every file to read, in a stable order (each input in the order given; a folder's files
/// sorted by path, recursively), and the paths that cannot be read at all. `skip` (the output
/// folder) is never read, so a second run does not judge the first run's report.
pub fn files(inputs: &[PathBuf], skip: &Path) -> (Vec<PathBuf>, Vec<Refusal>) {
    let skip = skip.canonicalize().ok();
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for input in inputs {
        let shown = input.display().to_string();
        match std::fs::metadata(input) {
            Err(e) => refused.push(Refusal::new(Origin::file(&shown), io_reason(&e))),
            Ok(m) if m.is_dir() => walk(input, skip.as_deref(), &mut files, &mut refused),
            Ok(_) if kind(input).is_some() => files.push(input.clone()),
            Ok(_) => refused.push(Refusal::new(Origin::file(&shown), unreadable_kind(input))),
        }
    }
    (files, refused)
}

fn unreadable_kind(path: &Path) -> String {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "xls" | "et" | "ods" | "wps") {
        "不是 .xlsx 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再读取".to_string()
    } else {
        "不是可读取的文件类型（只读取导出的 .json 填写记录、.xlsx 工作簿和 .csv 表格）".to_string()
    }
}

fn walk(dir: &Path, skip: Option<&Path>, files: &mut Vec<PathBuf>, refused: &mut Vec<Refusal>) {
    if skip.is_some() && dir.canonicalize().ok().as_deref() == skip {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            refused.push(Refusal::new(
                Origin::file(&dir.display().to_string()),
                io_reason(&e),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        // Hidden files (.DS_Store, editors' lock files such as ~$a.xlsx) are not applications.
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if path.is_dir() {
            walk(&path, skip, files, refused);
        } else if kind(&path).is_some() {
            files.push(path);
        }
    }
}

/// Reads every file, several at once; the applications and refusals come back in file order.
pub fn read(files: &[PathBuf], defaults: &Defaults) -> Batch {
    let parts: Vec<Batch> = files
        .par_iter()
        .map(|path| read_one(path, defaults))
        .collect();
    let mut batch = Batch::default();
    for part in parts {
        batch.applications.extend(part.applications);
        batch.refused.extend(part.refused);
    }
    batch
}

fn read_one(path: &Path, defaults: &Defaults) -> Batch {
    let shown = path.display().to_string();
    // A reader library that panics on a malformed file must cost that file only.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind(path) {
        Some(Kind::Draft) => match draft::read(path, &shown, defaults) {
            Ok(app) => Batch {
                applications: vec![app],
                refused: Vec::new(),
            },
            Err(refusal) => Batch {
                applications: Vec::new(),
                refused: vec![refusal],
            },
        },
        Some(Kind::Workbook) => table::read_workbook(path, &shown, defaults),
        Some(Kind::Csv) => table::read_csv(path, &shown, defaults),
        None => Batch {
            applications: Vec::new(),
            refused: vec![Refusal::new(Origin::file(&shown), unreadable_kind(path))],
        },
    }));
    result.unwrap_or_else(|_| Batch {
        applications: Vec::new(),
        refused: vec![Refusal::new(
            Origin::file(&shown),
            "文件内容无法解析（读取时出错），已跳过",
        )],
    })
}

/// An I/O error as a reviewer reads it.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "找不到该文件或文件夹".to_string(),
        PermissionDenied => "没有读取该文件的权限".to_string(),
        InvalidData => "文件内容不是有效的文本".to_string(),
        _ => format!("无法读取该文件（{}）", crate::app::clip(&e.to_string(), 80)),
    }
}
