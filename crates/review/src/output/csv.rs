//! The same tables as CSV files, UTF-8 with a byte-order mark so that Excel and WPS open the
//! Chinese text correctly by double-click.

use super::sheets::Table;
use std::path::{Path, PathBuf};

pub fn write(tables: &[Table], dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for table in tables {
        let path = dir.join(&table.file);
        let fail = |e: &dyn std::fmt::Display| format!("无法写入 {}：{e}", path.display());
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        {
            let mut w = ::csv::Writer::from_writer(&mut bytes);
            w.write_record(&table.headers).map_err(|e| fail(&e))?;
            for row in &table.rows {
                w.write_record(row.iter().map(|c| c.text()))
                    .map_err(|e| fail(&e))?;
            }
            w.flush().map_err(|e| fail(&e))?;
        }
        super::write_file(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}
