//! Mainland China phone numbers: mobile, landline (area code + local number), 400/800.
//!
//! Rules from notes/FORMATS.md (libphonenumber's CN metadata, simplified). We normalise
//! first — full-width, spaces, `- . ( ) （ ）` — because people write numbers in many ways,
//! then classify the remaining digits and explain the first thing that does not fit.

use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};

/// What kind of number was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PhoneKind {
    /// 1[3-9] + 9 digits.
    Mobile,
    /// Area code + local number.
    Landline,
    /// 400/800 numbers.
    Service,
}

/// Mobile prefixes libphonenumber does not list (data/IoT/unallocated). Allocations change,
/// so this is only ever a warning.
const UNALLOCATED_MOBILE: &[&str] = &[
    "140", "141", "142", "143", "144", "146", "148", "149", "154", "160", "163", "164", "168",
    "169", "179", "194",
];

/// Extension markers, longest first so "分机" wins over nothing; compared lowercase.
const EXT_MARKERS: &[&str] = &["分机", "ext", "转", "x", "#"];

/// Longest extension accepted.
const MAX_EXT: usize = 6;

/// Dashes, dots, brackets and whitespace are just formatting.
fn is_formatting(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '(' | ')' | '（' | '）' | '\u{2010}'..='\u{2015}' | '\u{2212}'
        )
}

/// Splits a trailing extension `(转|分机|ext|x|#)\d+` off the cleaned string.
/// Returns (main part, extension digits).
fn split_extension(s: &str) -> Result<(&str, Option<&str>), FormatIssue> {
    let main_end = s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (before, digits) = s.split_at(main_end); // main_end is a char boundary by construction
    if digits.is_empty() {
        return Ok((s, None));
    }
    let lower = before.to_ascii_lowercase(); // ASCII-only change keeps byte offsets
    for marker in EXT_MARKERS {
        if lower.ends_with(marker) {
            let cut = before.len().saturating_sub(marker.len());
            let main = before.get(..cut).unwrap_or("");
            if digits.len() > MAX_EXT {
                return Err(FormatIssue::PhoneExtensionTooLong);
            }
            return Ok((main, Some(digits)));
        }
    }
    Ok((s, None))
}

/// Strips a +86 / 0086 / 86 country code. `Ok(true)` if one was removed.
fn strip_country(s: &str) -> Result<(String, bool), FormatIssue> {
    if let Some(rest) = s.strip_prefix("+86").or_else(|| s.strip_prefix("0086")) {
        return Ok((rest.to_string(), true));
    }
    if s.starts_with('+') || (s.starts_with("00") && s.len() > 4) {
        return Err(FormatIssue::PhoneNotMainland);
    }
    // A bare 86 is only taken as a country code in front of a full mobile number:
    // "8613812345678". Otherwise 86... could be a local number.
    if let Some(rest) = s.strip_prefix("86") {
        if rest.len() == 11 && rest.starts_with('1') {
            return Ok((rest.to_string(), true));
        }
    }
    Ok((s.to_string(), false))
}

fn digit_at(d: &[u8], i: usize) -> u8 {
    d.get(i).copied().unwrap_or(b'?')
}

/// Classifies a string of ASCII digits (country code already removed).
fn classify(d: &str, had_country: bool) -> Result<(PhoneKind, String), FormatIssue> {
    let b = d.as_bytes();
    let len = b.len();
    let first = digit_at(b, 0);
    let second = digit_at(b, 1);
    if had_country && first == b'1' && second == b'0' {
        // "+86 10 6279 5627": Beijing's area code 010 without its trunk 0.
        return landline(&format!("0{d}"));
    }
    if first == b'1' {
        if len < 11 {
            return Err(FormatIssue::PhoneTooShort);
        }
        if len > 11 {
            return Err(FormatIssue::PhoneTooLong);
        }
        if !(b'3'..=b'9').contains(&second) {
            return Err(FormatIssue::PhoneMobilePrefix);
        }
        return Ok((PhoneKind::Mobile, d.to_string()));
    }
    if first == b'0' {
        return landline(d);
    }
    if had_country {
        // "+86 755 2603 6008": the domestic trunk 0 is dropped after +86; restore it.
        return landline(&format!("0{d}"));
    }
    let service = (first == b'4' || first == b'8') && d.get(1..3) == Some("00");
    if service && (9..=11).contains(&len) {
        if len != 10 {
            return Err(FormatIssue::PhoneServiceLength);
        }
        let (a, rest) = d.split_at(3);
        let (m, e) = rest.split_at(3);
        return Ok((PhoneKind::Service, format!("{a}-{m}-{e}")));
    }
    if (b'2'..=b'9').contains(&first) && (7..=8).contains(&len) {
        return Err(FormatIssue::PhoneMissingAreaCode);
    }
    if len < 7 {
        return Err(FormatIssue::PhoneTooShort);
    }
    Err(FormatIssue::PhoneUnrecognised)
}

/// `0(10|2\d)[2-9]\d{7}` or `0[3-9]\d\d[2-9]\d{6,7}`.
fn landline(d: &str) -> Result<(PhoneKind, String), FormatIssue> {
    let b = d.as_bytes();
    let second = digit_at(b, 1);
    let third = digit_at(b, 2);
    let (area_len, local_lens): (usize, std::ops::RangeInclusive<usize>) = match second {
        b'1' if third == b'0' => (3, 8..=8),
        b'2' => (3, 8..=8),
        b'3'..=b'9' => (4, 7..=8),
        b'0' => return Err(FormatIssue::PhoneNotMainland), // 00…: international prefix
        _ => return Err(FormatIssue::PhoneUnrecognised),
    };
    if b.len() < area_len.saturating_add(1) {
        return Err(FormatIssue::PhoneTooShort);
    }
    let (area, local) = d.split_at(area_len);
    if !local_lens.contains(&local.len()) {
        return Err(FormatIssue::PhoneLandlineLength);
    }
    if !matches!(local.as_bytes().first(), Some(b'2'..=b'9')) {
        return Err(FormatIssue::PhoneLandlineLocalPrefix);
    }
    Ok((PhoneKind::Landline, format!("{area}-{local}")))
}

/// Checks a mainland phone number. Normalised forms: "13812345678", "0755-26036008",
/// "0571-88888888 转8001", "400-123-4567".
pub fn check_phone(input: &str) -> Checked<PhoneKind> {
    let folded = fold_width(input);
    if folded.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let cleaned: String = folded.chars().filter(|&c| !is_formatting(c)).collect();
    let (main, ext) = split_extension(&cleaned)?;
    let (digits, had_country) = strip_country(main)?;
    if let Some(ch) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(FormatIssue::PhoneBadChar { ch });
    }
    if digits.is_empty() {
        return Err(FormatIssue::PhoneTooShort);
    }
    let (kind, mut normalized) = classify(&digits, had_country)?;
    if let Some(e) = ext {
        normalized.push_str(" 转");
        normalized.push_str(e);
    }
    let mut parsed = Parsed::new(kind, normalized);
    if kind == PhoneKind::Mobile {
        if let Some(prefix) = digits.get(..3) {
            if UNALLOCATED_MOBILE.contains(&prefix) {
                parsed.warnings.push(FormatIssue::PhoneMobileUnallocated);
            }
        }
    }
    Ok(parsed)
}
