//! The editions, compiled into the module.
//!
//! Adding next year's notice is adding a JSON file to `src/editions/`: build.rs finds it, checks
//! that its id is its file name, lints it (any finding fails the build), indexes it and writes
//! it as a Rust `static` of the model's types. Nothing is parsed at run time: looking up an
//! edition is a scan of four ids.

#[allow(unused_imports)] // an edition without checks or notes uses fewer of them
use crate::model::Check;
use crate::model::{Boxed, Category, CheckTest, ChoiceOption, Condition, Edition, Expr, Field};
use crate::model::{FieldKind, List, Note, Quotas, Quoted, Recommender, Rule, Severity, Str};
use std::borrow::Cow;

// `EDITIONS`: every file in `src/editions/`, newest notice first, as build.rs wrote it.
include!(concat!(env!("OUT_DIR"), "/editions.rs"));

/// Every edition, in the order pickers show them.
pub fn editions() -> &'static [Edition] {
    EDITIONS
}

/// One edition by id.
pub fn edition(id: &str) -> Option<&'static Edition> {
    EDITIONS.iter().find(|e| e.id == id)
}

/// Why a lookup failed, for a clear message to the page that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    UnknownEdition(String),
    UnknownCategory { edition: String, category: String },
}

impl LookupError {
    pub fn message(&self, locale: crate::locale::Locale) -> String {
        let known_editions = EDITIONS
            .iter()
            .map(|e| e.id.as_str())
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
