//! Full-width folding and removal of invisible characters.
//!
//! Chinese input methods readily produce full-width digits, letters and punctuation
//! (１２３, ＠, ，), and text pasted from Word or web pages often carries zero-width spaces and
//! bidi marks. For codes, numbers, phones, e-mails and dates none of those are meaningful, so
//! those checkers fold them first. We deliberately do NOT apply NFKC: it would also turn
//! ① into 1 or ㈠ into (一), silently changing what the person wrote.

/// Offset between a full-width ASCII variant (U+FF01–U+FF5E) and its ASCII twin.
const FULL_WIDTH_OFFSET: u32 = 0xFEE0;

/// Invisible characters (zero-width, direction marks…): the core's one definition lives in
/// [`crate::blank`].
pub use crate::blank::is_invisible;

/// Maps one full-width ASCII variant or the ideographic space to its half-width form;
/// every other character is returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            // The range guarantees the subtraction stays in ASCII; from_u32 cannot fail
            // there, but we fall back to the original rather than unwrap.
            char::from_u32(u32::from(c).saturating_sub(FULL_WIDTH_OFFSET)).unwrap_or(c)
        }
        other => other,
    }
}

/// Folds full-width ASCII (U+FF01–U+FF5E → −0xFEE0) and U+3000 to a space, drops zero-width
/// and bidi control characters, and trims surrounding whitespace. Linear time.
pub fn fold_width(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(fold_char)
        .collect();
    let trimmed = folded.trim();
    if trimmed.len() == folded.len() {
        folded
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims() {
        assert_eq!(
            fold_width("\u{3000}１２３，４５６．７\u{200B}"),
            "123,456.7"
        );
        assert_eq!(fold_width("ａ＠ｂ"), "a@b");
        assert_eq!(fold_width("①"), "①");
    }
}
