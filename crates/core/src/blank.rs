//! The one definition, for the whole core, of characters a person cannot see: whether a
//! field is blank, which characters the format checkers drop, and how an e-mail field names
//! a hidden character it refuses. Everything that decides blank-ness calls [`is_blank`]; every
//! checker that drops invisible characters calls [`is_invisible`]. Two definitions drifted
//! apart before (issue 12 item 3: a required field holding only U+200E counted as filled).
//!
//! "Invisible" is Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt),
//! less the characters that are also whitespace: format controls that render as nothing —
//! zero-width space/joiners, direction marks, embeddings, overrides and isolates, the word
//! joiner and invisible operators, the BOM, the soft hyphen, variation selectors, Hangul
//! fillers and tag characters. Whitespace is Rust's `char::is_whitespace` (Unicode
//! White_Space), which includes U+3000 (ideographic space) and U+00A0 (no-break space).

/// What kind of hidden character a person pasted; messages name it so the person knows what to
/// look for ("a direction mark", not just "invalid").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum HiddenKind {
    /// U+3000, typed by a Chinese input method in full-width mode.
    FullWidthSpace,
    /// U+00A0 and U+202F, common in text pasted from web pages and Word.
    NoBreakSpace,
    /// Any other whitespace other than the ASCII space, tab and line breaks.
    OtherSpace,
    /// U+200B–U+200D, U+2060, U+FEFF: zero-width space, joiners, word joiner, BOM.
    ZeroWidth,
    /// U+200E/U+200F, U+061C, U+202A–U+202E, U+2066–U+2069: direction marks and controls.
    DirectionMark,
    /// The rest of Default_Ignorable_Code_Point (soft hyphen, variation selectors, tags…).
    OtherInvisible,
}

/// Default_Ignorable_Code_Point characters (none of them is whitespace): they render as
/// nothing, so a value made of them looks empty and a code containing them looks right.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                    // soft hyphen
            | '\u{034F}'              // combining grapheme joiner
            | '\u{061C}'              // Arabic letter mark
            | '\u{115F}' | '\u{1160}' // Hangul choseong/jungseong fillers
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
            | '\u{180B}'..='\u{180F}' // Mongolian free variation selectors, vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | '\u{202A}'..='\u{202E}' // embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates, deprecated
            | '\u{3164}'              // Hangul filler
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{FEFF}'              // BOM / zero-width no-break space
            | '\u{FFA0}'              // half-width Hangul filler
            | '\u{FFF0}'..='\u{FFF8}' // unassigned specials, default ignorable
            | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}' // musical symbol format controls
            | '\u{E0000}'..='\u{E0FFF}' // tags and variation selectors supplement
    )
}

/// Whether `c` shows nothing: whitespace (any Unicode White_Space) or invisible.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Blank as a person sees it: nothing but whitespace and invisible characters. The empty string
/// is blank.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_blank_char)
}

/// `s` without leading and trailing blank characters (whitespace and invisible ones).
pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_blank_char)
}

/// The kind of a hidden or unusual-space character, or `None` for visible characters and the
/// ordinary ASCII space, tab and line breaks.
pub fn hidden_kind(c: char) -> Option<HiddenKind> {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0C}' => None,
        '\u{3000}' => Some(HiddenKind::FullWidthSpace),
        '\u{00A0}' | '\u{202F}' => Some(HiddenKind::NoBreakSpace),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(HiddenKind::ZeroWidth),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(HiddenKind::DirectionMark),
        c if c.is_whitespace() => Some(HiddenKind::OtherSpace),
        c if is_invisible(c) => Some(HiddenKind::OtherInvisible),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_marks_and_isolates_are_blank() {
        for s in [
            "\u{200E}",
            "\u{202E}",
            "\u{2066}\u{2069}",
            " \u{3000}\u{FEFF}\u{00AD}",
            "",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        assert!(!is_blank("\u{200E}a"));
        assert_eq!(trim_blank("\u{200F} 张三\u{2069}\u{3000}"), "张三");
    }

    #[test]
    fn hidden_kinds_are_named() {
        assert_eq!(hidden_kind('\u{3000}'), Some(HiddenKind::FullWidthSpace));
        assert_eq!(hidden_kind('\u{200B}'), Some(HiddenKind::ZeroWidth));
        assert_eq!(hidden_kind('\u{202E}'), Some(HiddenKind::DirectionMark));
        assert_eq!(hidden_kind('\u{2067}'), Some(HiddenKind::DirectionMark));
        assert_eq!(hidden_kind('\u{00A0}'), Some(HiddenKind::NoBreakSpace));
        assert_eq!(hidden_kind('\u{FE0F}'), Some(HiddenKind::OtherInvisible));
        assert_eq!(hidden_kind(' '), None);
        assert_eq!(hidden_kind('a'), None);
    }
}
