//! Text as Word can hold it.
//!
//! A value reaches us from a page (any JS string: emoji, lone surrogates already turned into
//! U+FFFD by the JS→Rust conversion, pasted control characters) or from a draft file. XML 1.0
//! forbids U+0000–U+001F except tab, line feed and carriage return, and U+FFFE/U+FFFF: a
//! document holding one is refused by Word ("unreadable content"). docx-rs escapes `<`, `&`
//! and quotes, so markup stays text; what it does not do is drop the forbidden characters,
//! which is done here. Nothing else about the text is changed.

/// Whether `c` can be written into a WordprocessingML text node as it is.
fn allowed(c: char) -> bool {
    match c {
        '\t' | '\n' => true,
        // Carriage returns are dropped: "\r\n" and a lone "\r" are both line breaks for us
        // (see `lines`), and docx-rs drops them anyway.
        '\u{0}'..='\u{1F}' => false,
        // C1 controls are legal XML 1.0 but "discouraged" and invisible; Word shows boxes.
        '\u{7F}'..='\u{9F}' => false,
        '\u{FFFE}' | '\u{FFFF}' => false,
        _ => true,
    }
}

/// The text without characters XML 1.0 forbids; a lone "\r" becomes a line break.
pub fn clean(text: &str) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.chars().all(allowed) {
        return text;
    }
    text.chars().filter(|&c| allowed(c)).collect()
}

/// The cleaned text's lines: each becomes one Word paragraph.
pub fn lines(text: &str) -> Vec<String> {
    clean(text).split('\n').map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_what_xml_forbids_and_keeps_everything_else() {
        assert_eq!(clean("a\u{0}b\u{1}c\u{1F}d\u{FFFF}e\u{85}"), "abcde");
        assert_eq!(clean("甲\t乙\n丙"), "甲\t乙\n丙");
        assert_eq!(
            clean("<w:t>&amp;</w:t> 😀 \u{FFFD}"),
            "<w:t>&amp;</w:t> 😀 \u{FFFD}"
        );
        assert_eq!(lines("一\r\n二\r三"), vec!["一", "二", "三"]);
    }
}
