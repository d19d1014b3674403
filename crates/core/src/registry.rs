//! The editions, embedded at compile time and parsed once on first use.
//!
//! Adding next year's notice is adding a JSON file to `src/editions/` and one line to
//! `SOURCES`. `tests/editions.rs` loads every file and lints it, so a broken edition fails
//! `cargo test` long before it reaches a page; at run time a file that does not parse is
//! left out and reported by `load_errors()`, never a panic.

use crate::model::{Category, Edition};
use std::sync::OnceLock;

/// (file name, contents) of every edition, in the order pickers show them. `build.rs`
/// minifies each file and rewrites its tagged unions into the form cheapest to parse; the list
/// of files there must match this one.
const SOURCES: &[(&str, &str)] = &[
    (
        "national-2023.json",
        include_str!(concat!(env!("OUT_DIR"), "/national-2023.json")),
    ),
    (
        "henan-2021.json",
        include_str!(concat!(env!("OUT_DIR"), "/henan-2021.json")),
    ),
    (
        "national-2018.json",
        include_str!(concat!(env!("OUT_DIR"), "/national-2018.json")),
    ),
    (
        "jiangsu-2021.json",
        include_str!(concat!(env!("OUT_DIR"), "/jiangsu-2021.json")),
    ),
];

/// Each edition is parsed on first use, separately: a page that checks one form pays for one
/// edition (a few milliseconds), not for all of them.
fn slot(index: usize) -> Option<&'static Result<Edition, String>> {
    static PARSED: [OnceLock<Result<Edition, String>>; SOURCES.len()] =
        [const { OnceLock::new() }; SOURCES.len()];
    let (file, text) = SOURCES.get(index)?;
    Some(PARSED.get(index)?.get_or_init(|| parse(file, text)))
}

fn parse(file: &str, text: &str) -> Result<Edition, String> {
    let mut edition = serde_json::from_str::<Edition>(text).map_err(|e| format!("{file}: {e}"))?;
    let deadline = edition
        .deadline
        .as_deref()
        .and_then(crate::checks::parse_iso);
    for category in &mut edition.categories {
        category.build_index();
        category.deadline = deadline;
    }
    Ok(edition)
}

/// Every edition that loaded, in the order pickers show them.
pub fn editions() -> Vec<&'static Edition> {
    (0..SOURCES.len())
        .filter_map(slot)
        .filter_map(|r| r.as_ref().ok())
        .collect()
}

/// Files that failed to parse (empty in every tested build).
pub fn load_errors() -> Vec<String> {
    (0..SOURCES.len())
        .filter_map(slot)
        .filter_map(|r| r.as_ref().err().cloned())
        .collect()
}

/// One edition, parsing only its own file. File names are `<id>.json`.
pub fn edition(id: &str) -> Option<&'static Edition> {
    let index = SOURCES
        .iter()
        .position(|(file, _)| file.strip_suffix(".json") == Some(id))?;
    slot(index)?.as_ref().ok()
}

/// Why a lookup failed, for a clear message to the page that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    UnknownEdition(String),
    UnknownCategory { edition: String, category: String },
}

impl LookupError {
    pub fn message(&self, locale: crate::locale::Locale) -> String {
        let known_editions = SOURCES
            .iter()
            .filter_map(|(f, _)| f.strip_suffix(".json"))
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            LookupError::UnknownEdition(id) => {
                locale.pick("未知的版本", "Unknown edition").to_string()
                    + &format!(
                        " “{}”；{}: {}",
                        clip(id),
                        locale.pick("可用", "available"),
                        known_editions
                    )
            }
            LookupError::UnknownCategory { edition, category } => {
                let known = self::edition(edition)
                    .map(|e| {
                        e.categories
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                format!(
                    "{} “{}” {} “{}”；{}: {}",
                    locale.pick("版本", "Edition"),
                    clip(edition),
                    locale.pick("没有类别", "has no category"),
                    clip(category),
                    locale.pick("可用", "available"),
                    known
                )
            }
        }
    }
}

/// Ids echoed in messages are cut short: a page may pass anything, including megabytes.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

pub fn category(edition: &str, category: &str) -> Result<&'static Category, LookupError> {
    let e =
        self::edition(edition).ok_or_else(|| LookupError::UnknownEdition(edition.to_string()))?;
    e.category(category)
        .ok_or_else(|| LookupError::UnknownCategory {
            edition: edition.to_string(),
            category: category.to_string(),
        })
}
