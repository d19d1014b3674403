//! An exported draft (the JSON file the site's 导出 button writes, or a bare object of
//! values), read by the core's own `draft::parse` — the same strict reading as the browser's
//! import: only this form's fields, only strings, lists and booleans of bounded size.

use super::{io_reason, Defaults};
use crate::app::{Application, Origin, Refusal};
use serde::Deserialize;
use std::path::Path;
use yanglao_core::{draft, registry};

/// The part of a draft that says which form it is for.
#[derive(Deserialize)]
struct Head {
    edition: Option<serde_json::Value>,
    category: Option<serde_json::Value>,
}

pub fn read(path: &Path, shown: &str, defaults: &Defaults) -> Result<Application, Refusal> {
    let origin = Origin::file(shown);
    let refuse = |reason: String| Refusal::new(origin.clone(), reason);
    let size = std::fs::metadata(path)
        .map_err(|e| refuse(io_reason(&e)))?
        .len();
    if size > draft::MAX_DRAFT_BYTES as u64 {
        return Err(refuse(format!(
            "文件过大（{} MB，导出的填写记录不超过 8 MB），未读取",
            size >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| refuse(io_reason(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| refuse("不是 UTF-8 文本，不是本站导出的填写记录".to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let head: Option<Head> = serde_json::from_str(text).ok();
    let own =
        |v: Option<&serde_json::Value>| v.and_then(serde_json::Value::as_str).map(str::to_string);
    let (own_edition, own_category) = match &head {
        Some(h) => (own(h.edition.as_ref()), own(h.category.as_ref())),
        None => (None, None),
    };
    // The command line wins: a draft of another form is then refused by the core's reader.
    let edition_id = defaults.edition.map(|e| e.id.to_string()).or(own_edition);
    let category_id = defaults.category.clone().or(own_category);
    let (Some(edition_id), Some(category_id)) = (edition_id, category_id) else {
        // Not even a JSON object: say so as the browser's import does.
        let why = match serde_json::from_str::<serde_json::Value>(text) {
            Err(_) => Some(draft::DraftError::NotJson),
            Ok(v) if !v.is_object() => Some(draft::DraftError::NotAnObject),
            Ok(_) => None,
        };
        return Err(match why {
            Some(e) => refuse(format!(
                "不是可读取的填写记录：{}",
                e.message(crate::labels::LOCALE)
            )),
            None => refuse("文件未注明版本和类别：请用 --edition 和 --category 指定".to_string()),
        });
    };
    let category = registry::category(&edition_id, &category_id)
        .map_err(|e| refuse(e.message(crate::labels::LOCALE)))?;
    let edition = registry::edition(&edition_id)
        .ok_or_else(|| refuse(format!("未知的版本“{}”", crate::app::clip(&edition_id, 40))))?;
    let values = draft::parse(text, &edition.id, category).map_err(|e| {
        refuse(format!(
            "不是可读取的填写记录：{}",
            e.message(crate::labels::LOCALE)
        ))
    })?;
    Ok(Application {
        origin,
        edition,
        category,
        values,
        recommender: defaults.province.clone(),
    })
}
