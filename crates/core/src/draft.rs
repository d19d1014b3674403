//! Drafts and exported files: the form's values as JSON, and the strict reading of them back.
//!
//! A draft comes from localStorage or from a file the person picks, so it is untrusted: it
//! may be corrupted, from another form, or written by someone hostile. It is accepted only if
//! every key is a field of this category and every value is a string, a list of strings or a
//! boolean of bounded size; otherwise it is refused whole, with a reason, and nothing changes.

use crate::json::{self, Json};
use crate::model::Category;
use crate::value::{Value, Values};
use std::collections::BTreeMap;

/// The format's version; a draft of another version is refused rather than misread.
pub const VERSION: u64 = 1;
/// Longest text accepted in a draft (in bytes): far beyond any 50000-字 part.
const MAX_TEXT_BYTES: usize = 1 << 20;
/// Most items in one list (a checkbox group or 典型案例).
const MAX_ITEMS: usize = 1000;
/// Largest draft read at all.
pub const MAX_DRAFT_BYTES: usize = 8 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    NotJson,
    TooLarge,
    NotAnObject,
    WrongVersion,
    OtherForm { edition: String, category: String },
    UnknownField(String),
    BadValue(String),
}

impl DraftError {
    pub fn message(&self, locale: crate::Locale) -> String {
        let zh = locale == crate::Locale::ZhCn;
        let clip = |s: &str| s.chars().take(40).collect::<String>();
        match self {
            DraftError::NotJson if zh => "不是有效的 JSON".into(),
            DraftError::NotJson => "not valid JSON".into(),
            DraftError::TooLarge if zh => "文件过大".into(),
            DraftError::TooLarge => "too large".into(),
            DraftError::NotAnObject if zh => "内容不是填写记录".into(),
            DraftError::NotAnObject => "not a saved form".into(),
            DraftError::WrongVersion if zh => "版本不符".into(),
            DraftError::WrongVersion => "unknown version".into(),
            DraftError::OtherForm { edition, category } if zh => {
                format!(
                    "这是另一份申报书的记录（{}）",
                    form_name(edition, category).unwrap_or_else(|| format!(
                        "{} / {}",
                        clip(edition),
                        clip(category)
                    ))
                )
            }
            DraftError::OtherForm { edition, category } => {
                format!(
                    "it belongs to another form ({} / {})",
                    clip(edition),
                    clip(category)
                )
            }
            DraftError::UnknownField(id) if zh => format!("含有本申报书没有的栏目“{}”", clip(id)),
            DraftError::UnknownField(id) => {
                format!("it has a field this form lacks: “{}”", clip(id))
            }
            DraftError::BadValue(id) if zh => format!("栏目“{}”的值不可识别", clip(id)),
            DraftError::BadValue(id) => format!("the value of “{}” cannot be read", clip(id)),
        }
    }
}

/// A form as people name it, "全国 2023 · 街道（乡镇）类", when the edition and category are known.
fn form_name(edition: &str, category: &str) -> Option<String> {
    let e = crate::registry::edition(edition)?;
    let c = e.categories.iter().find(|c| c.id == category)?;
    Some(format!("{} · {}", e.short_title, c.name))
}

/// The draft document: `{version, savedAt, edition, category, values}`.
pub fn to_json(edition: &str, category: &str, saved_at: &str, values: &Values) -> String {
    let mut map = BTreeMap::new();
    for (id, v) in values {
        let json = match v {
            Value::Text(s) => Json::String(s.clone()),
            Value::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
            Value::Bool(b) => Json::Bool(*b),
            Value::Unsupported(_) => continue,
        };
        map.insert(id.clone(), json);
    }
    let mut doc = BTreeMap::new();
    doc.insert("version".to_string(), Json::Number(VERSION.to_string()));
    doc.insert("savedAt".to_string(), Json::String(saved_at.to_string()));
    doc.insert("edition".to_string(), Json::String(edition.to_string()));
    doc.insert("category".to_string(), Json::String(category.to_string()));
    doc.insert("values".to_string(), Json::Object(map));
    let mut out = String::new();
    json::write(&mut out, &Json::Object(doc));
    out
}

/// Reads a draft or an exported file for this edition and category. A bare object of values
/// (what `handle.values()` returns) is accepted too.
pub fn parse(text: &str, edition: &str, category: &Category) -> Result<Values, DraftError> {
    if text.len() > MAX_DRAFT_BYTES {
        return Err(DraftError::TooLarge);
    }
    let doc = json::parse(text).map_err(|_| DraftError::NotJson)?;
    let Json::Object(doc) = doc else {
        return Err(DraftError::NotAnObject);
    };
    let values = if doc.contains_key("values") {
        if doc.get("version").and_then(Json::as_u64) != Some(VERSION) {
            return Err(DraftError::WrongVersion);
        }
        let (e, c) = (
            doc.get("edition").and_then(Json::as_str),
            doc.get("category").and_then(Json::as_str),
        );
        if e != Some(edition) || c != Some(category.id.as_str()) {
            return Err(DraftError::OtherForm {
                edition: e.unwrap_or("?").to_string(),
                category: c.unwrap_or("?").to_string(),
            });
        }
        match doc.get("values") {
            Some(Json::Object(v)) => v.clone(),
            _ => return Err(DraftError::NotAnObject),
        }
    } else {
        doc
    };
    let mut out = Values::new();
    for (id, v) in values {
        if category.field_position(&id).is_none() {
            return Err(DraftError::UnknownField(id));
        }
        let value = match v {
            Json::Null => continue,
            Json::String(s) if s.len() <= MAX_TEXT_BYTES => Value::Text(s),
            Json::Bool(b) => Value::Bool(b),
            Json::Array(items) if items.len() <= MAX_ITEMS => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Json::String(s) if s.len() <= MAX_TEXT_BYTES => list.push(s),
                        _ => return Err(DraftError::BadValue(id)),
                    }
                }
                Value::List(list)
            }
            _ => return Err(DraftError::BadValue(id)),
        };
        out.insert(id, value);
    }
    Ok(out)
}
