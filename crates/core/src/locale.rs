//! The languages messages are written in. zh-CN is the default; en is second.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Lenient: anything that is not recognisably English is zh-CN, so a page can never
    /// break the checker by passing an odd locale string.
    pub fn parse(tag: &str) -> Locale {
        let t = tag.trim().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }

    /// Picks the string for this locale; messages are always written in both.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }
}
