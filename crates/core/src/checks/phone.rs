//! Mainland China phone numbers: mobile, landline (area code + local number), 400/800.
//!
//! The numbering facts — which area codes exist, how long a local number is after each, which
//! mobile prefixes are allocated, which 400/800/950 numbers exist — come from libphonenumber's CN
//! metadata, generated into [`super::phone_data`] by `scripts/gen-phone-data.mjs`; this file
//! holds only the reading. We normalise first — full-width, spaces, `- . ( ) （ ）` — because
//! people write numbers in many ways, then classify the remaining digits and explain the first
//! thing that does not fit.
//!
//! Where we differ from libphonenumber on purpose (each listed, with its reason, in
//! `tests/differential/phone-disagreements.json`): a local number starting with 0 or 1 is
//! refused (0 is the trunk prefix and 1 starts service short codes, so neither begins a
//! subscriber's number; libphonenumber's pattern lets a leading 0 through), an unallocated
//! mobile prefix is a warning, not an error (allocations change faster than the table), and
//! extensions are read in the ways Chinese offices write them (`-8021`, `转8021`).

use super::number::table;
use super::phone_data::{AREA_CODES, MOBILE_PREFIXES, SERVICE_NUMBERS};
use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};

/// What kind of number was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PhoneKind {
    /// 1[3-9] + 9 digits.
    Mobile,
    /// Area code + local number.
    Landline,
    /// 400/800/950 numbers, dialled without an area code.
    Service,
}

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

/// A 400/800/950 number, when `d` starts with a service prefix and is about the right length
/// (9–11 digits); `None` lets other readings try. Read before any area code, so that
/// `+86 400 123 4567` is a 400 number and not area code 0400.
fn service(d: &str) -> Option<Result<(PhoneKind, String), FormatIssue>> {
    if !(9..=11).contains(&d.len()) {
        return None;
    }
    let mut lengths = table(SERVICE_NUMBERS)
        .iter()
        .filter(|(prefix, _)| d.starts_with(prefix))
        .map(|(_, len)| *len)
        .peekable();
    lengths.peek()?;
    if !lengths.any(|len| len == d.len()) {
        return Some(Err(FormatIssue::PhoneServiceLength));
    }
    let (a, rest) = d.split_at(3.min(d.len()));
    let (m, e) = rest.split_at(3.min(rest.len()));
    Some(Ok((PhoneKind::Service, format!("{a}-{m}-{e}"))))
}

/// An 11-digit mobile number `1[3-9]…`; the prefix's allocation is checked by the caller.
fn mobile(d: &str) -> Result<(PhoneKind, String), FormatIssue> {
    let len = d.len();
    if len < 11 {
        return Err(FormatIssue::PhoneTooShort);
    }
    if len > 11 {
        return Err(FormatIssue::PhoneTooLong);
    }
    if !(b'3'..=b'9').contains(&digit_at(d.as_bytes(), 1)) {
        return Err(FormatIssue::PhoneMobilePrefix);
    }
    Ok((PhoneKind::Mobile, d.to_string()))
}

/// Whether an 11-digit mobile number's prefix is allocated, per libphonenumber.
fn mobile_allocated(d: &str) -> bool {
    table(MOBILE_PREFIXES).iter().any(|p| d.starts_with(p))
}

/// Classifies a string of ASCII digits (country code already removed).
fn classify(d: &str, had_country: bool) -> Result<(PhoneKind, String), FormatIssue> {
    if let Some(result) = service(d) {
        return result;
    }
    if let Some(result) = d.strip_prefix('0').and_then(service) {
        // "0400-123-4567": no area code 0400/0800 exists; the 0 is a redundant trunk prefix,
        // dropped as before a mobile (and as libphonenumber does).
        return result;
    }
    let b = d.as_bytes();
    let len = b.len();
    let first = digit_at(b, 0);
    let second = digit_at(b, 1);
    if first == b'0' && second == b'1' && (b'3'..=b'9').contains(&digit_at(b, 2)) {
        // "013812345678", "+86 (0)138 1234 5678": the trunk 0 that was once dialled before
        // another city's mobile. Read like "+86 (0)755…": the redundant 0 is dropped.
        return mobile(d.get(1..).unwrap_or(""));
    }
    if first == b'0' {
        return landline(d);
    }
    if had_country && (first != b'1' || second == b'0') {
        // "+86 755 2603 6008", "+86 10 6279 5627": the trunk 0 is dropped after +86; restore it.
        return landline(&format!("0{d}"));
    }
    if first == b'1' {
        return mobile(d);
    }
    if (b'2'..=b'9').contains(&first) && (7..=8).contains(&len) {
        return Err(FormatIssue::PhoneMissingAreaCode);
    }
    if len < 7 {
        return Err(FormatIssue::PhoneTooShort);
    }
    Err(FormatIssue::PhoneUnrecognised)
}

/// The local-number lengths allowed after `area` (without its trunk 0), as a bit mask.
fn area_lengths(area: &str) -> Option<u16> {
    // By hand, not `str::parse`: `area` is 2–3 ASCII digits and the parser costs wasm bytes.
    let code = area.bytes().try_fold(0u16, |acc, b| {
        let d = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        acc.checked_mul(10)?.checked_add(u16::from(d))
    })?;
    AREA_CODES
        .binary_search_by_key(&code, |(a, _)| *a)
        .ok()
        .and_then(|i| AREA_CODES.get(i))
        .map(|(_, mask)| *mask)
}

/// `0` + area code (2 digits for 10 and 2X, 3 for the rest) + local number, checked against
/// the area-code table: the area code must exist and the local number have its length.
fn landline(d: &str) -> Result<(PhoneKind, String), FormatIssue> {
    let b = d.as_bytes();
    let area_len = match digit_at(b, 1) {
        b'1' | b'2' => 2,
        b'3'..=b'9' => 3,
        b'0' => return Err(FormatIssue::PhoneNotMainland), // 00…: international prefix
        _ => return Err(FormatIssue::PhoneUnrecognised),
    };
    let split = area_len + 1;
    if b.len() <= split {
        return Err(FormatIssue::PhoneTooShort);
    }
    let (area, local) = d.split_at(split);
    let Some(mask) = area.get(1..).and_then(area_lengths) else {
        return Err(FormatIssue::PhoneUnknownAreaCode {
            area: area.to_string(),
        });
    };
    let fits = u32::try_from(local.len())
        .ok()
        .and_then(|n| mask.checked_shr(n))
        .is_some_and(|m| m & 1 == 1);
    if !fits {
        let lengths = (0u8..16).filter(|n| mask >> n & 1 == 1).collect();
        return Err(FormatIssue::PhoneLandlineLength {
            area: area.to_string(),
            lengths,
            got: local.len(),
        });
    }
    if !matches!(local.as_bytes().first(), Some(b'2'..=b'9')) {
        return Err(FormatIssue::PhoneLandlineLocalPrefix);
    }
    Ok((PhoneKind::Landline, format!("{area}-{local}")))
}

/// Reads a number with at most a marked extension (转, 分机, ext, x, #).
fn read_number(folded: &str) -> Result<(Parsed<PhoneKind>, bool), FormatIssue> {
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
    if kind == PhoneKind::Mobile && !mobile_allocated(&parsed.normalized) {
        parsed.warnings.push(FormatIssue::PhoneMobileUnallocated);
    }
    Ok((parsed, ext.is_some()))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// `0755-26781234-8021` → ("0755-26781234", "8021"): a last group of digits after a dash.
fn split_hyphen_extension(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    let head_end = s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (before, digits) = s.split_at(head_end);
    let before = before.trim_end();
    let dash = before.chars().next_back().filter(|&c| is_dash(c))?;
    let head = before
        .get(..before.len().saturating_sub(dash.len_utf8()))?
        .trim_end();
    if digits.is_empty() || head.is_empty() {
        return None;
    }
    Some((head, digits))
}

/// Checks a mainland phone number. Normalised forms: "13812345678", "0755-26036008",
/// "0571-88888888 转8001", "400-123-4567".
pub fn check_phone(input: &str) -> Checked<PhoneKind> {
    let folded = fold_width(input);
    if folded.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let whole_err = match read_number(&folded) {
        Ok((parsed, _)) => return Ok(parsed),
        Err(e) => e,
    };
    // "0755-26781234-8021", "010-65881234-806": the commonest way Chinese offices write an
    // extension is after a second hyphen. Only when the whole does not read as one number
    // and the part before the last hyphen is a complete landline or 400/800 number.
    if let Some((head, ext)) = split_hyphen_extension(&folded) {
        if let Ok((mut parsed, false)) = read_number(head) {
            if parsed.value != PhoneKind::Mobile {
                if ext.len() > MAX_EXT {
                    return Err(FormatIssue::PhoneExtensionTooLong);
                }
                parsed.normalized.push_str(" 转");
                parsed.normalized.push_str(ext);
                return Ok(parsed);
            }
        }
    }
    Err(whole_err)
}
