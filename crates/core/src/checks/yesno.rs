//! Yes/no answers typed as text (是/否, yes/no, 1/0...), e.g. when a spreadsheet is pasted.

use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};

/// Words taken as "yes"; compared after width folding and ASCII lowercasing.
const YES: &[&str] = &["是", "有", "yes", "true", "y", "1", "√", "✓", "对"];
/// Words taken as "no".
const NO: &[&str] = &[
    "否", "无", "無", "没有", "沒有", "no", "false", "n", "0", "×", "✗",
];

/// Parses a yes/no answer. `normalized` is "是" or "否" whatever was typed, so it can be
/// shown back consistently.
pub fn parse_yes_no(input: &str) -> Checked<bool> {
    let s = fold_width(input).to_ascii_lowercase();
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    if YES.contains(&s.as_str()) {
        Ok(Parsed::new(true, "是".to_string()))
    } else if NO.contains(&s.as_str()) {
        Ok(Parsed::new(false, "否".to_string()))
    } else {
        Err(FormatIssue::YesNoUnrecognised)
    }
}
