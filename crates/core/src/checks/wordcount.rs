//! Counting 字 the way Word's 字数 does, for limits such as 不超过1000字.
//!
//! No official definition exists and applicants check their text in Word, so we follow Word
//! (wdStatisticWords with East Asian text): every CJK character — including full-width
//! punctuation, letters and digits — counts 1; every run of other non-space characters
//! ("2019", "AI+", "IoT", "network.") counts 1; a run of half-width punctuation alone and
//! whitespace add nothing. Examples (notes/FORMATS.md): `本项目于2019年启动，投入500万元。` → 15,
//! `面向AI+养老的IoT平台` → 9, `Smart elderly care, 5G network.` → 5.

use super::width::is_invisible;

/// Characters Word counts one by one as East Asian.
fn is_east_asian(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{2E80}'..='\u{2FDF}'   // CJK radicals, Kangxi radicals
        | '\u{3001}'..='\u{303F}'   // CJK symbols and punctuation (U+3000 is a space)
        | '\u{3040}'..='\u{31FF}'   // kana, bopomofo, Hangul compatibility, strokes
        | '\u{3200}'..='\u{4DBF}'   // enclosed CJK, compatibility, Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo Extended-A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables and Jamo Extended-B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FE10}'..='\u{FE1F}'   // vertical forms
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF01}'..='\u{FFEF}'   // full-width ASCII, half-width katakana, full-width symbols
        | '\u{20000}'..='\u{3FFFF}' // Extensions B–H, compatibility supplement
        // Punctuation a Chinese input method produces outside those blocks and Word, with
        // Chinese text, counts as Chinese: “ ” ‘ ’ — … ·
        | '\u{2014}' | '\u{2015}' | '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{00B7}'
    )
}

/// State of the current run of non-East-Asian, non-space characters.
#[derive(Default)]
struct Run {
    open: bool,
    /// The run has something other than ASCII punctuation (a lone "," or "+" adds nothing).
    counts: bool,
}

impl Run {
    /// Ends the run, adding 1 to `count` if it was a word.
    fn close(&mut self, count: &mut u32) {
        if self.open && self.counts {
            *count = count.saturating_add(1);
        }
        *self = Run::default();
    }
}

/// Number of 字 in `text`, as Word counts them. Linear; saturates at `u32::MAX`.
pub fn count_zi(text: &str) -> u32 {
    let mut count: u32 = 0;
    let mut run = Run::default();
    for c in text.chars() {
        if is_invisible(c) {
            continue; // zero-width characters neither count nor split a word
        }
        if c.is_whitespace() {
            run.close(&mut count);
        } else if is_east_asian(c) {
            run.close(&mut count);
            count = count.saturating_add(1);
        } else {
            run.open = true;
            run.counts |= !c.is_ascii_punctuation();
        }
    }
    run.close(&mut count);
    count
}
