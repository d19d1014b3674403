//! Calendar dates as people type them in Chinese forms.
//!
//! Accepted (GB/T 15835-2011 §5.4.1 allows both 2008-8-8 and 2008-08-08): 2019-3-5,
//! 2019-03-05, 2019/3/5, 2019.03.05, 2019年3月5日, 20190305, in full-width too. Refused with
//! a reason: two-digit years (19-3-5 is ambiguous about the century), year-last forms
//! (3/5/2019 is ambiguous between day/month and month/day), dates that do not exist, and
//! years outside 1900–2100, which in these forms are always typos.

use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};
use serde::Serialize;
use std::fmt;

/// Years accepted by [`parse_date`].
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// A valid proleptic-Gregorian date. Field order makes the derived `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date if it exists (month 1–12, day within the month, leap years honoured).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// YYYY-MM-DD.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Full years and remaining full months from `self` to `later`; (0, 0) if `later` is
    /// not after `self`. 2020-05-20 → 2023-05-20 is (3, 0); 2021-03-01 → 2023-05-20 is (2, 2).
    ///
    /// A month is complete when `later` reaches the same day of the month. If that day does
    /// not exist in `later`'s month, the month's last day counts instead (end-of-month
    /// clamping, as chrono's `checked_add_months` does): so 2020-02-29 → 2021-02-28 is one
    /// full year, and 2023-01-31 → 2023-02-28 is one month. This matches how people count a
    /// company's age ("成立满一年") and never lets a Feb 29 founding date lose a year.
    pub fn years_months_until(&self, later: Date) -> (u32, u32) {
        if later <= *self {
            return (0, 0);
        }
        // i64 holds any i32 year difference times 12; saturating ops keep clippy's
        // arithmetic lint (and any future change of types) honest.
        let mut months = (i64::from(later.year).saturating_sub(i64::from(self.year)))
            .saturating_mul(12)
            .saturating_add(i64::from(later.month).saturating_sub(i64::from(self.month)));
        let anniversary_day = self.day.min(days_in_month(later.year, later.month));
        if later.day < anniversary_day {
            months = months.saturating_sub(1);
        }
        let months = u64::try_from(months.max(0)).unwrap_or(0);
        let years = u32::try_from(months / 12).unwrap_or(u32::MAX);
        let rest = u32::try_from(months % 12).unwrap_or(0);
        (years, rest)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A run of 1..=`max_len` ASCII digits as a number.
fn digits(part: &str, max_len: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(u32::from(b.saturating_sub(b'0')))
    })
}

/// Year, month, day as typed (not yet validated), or why the shape is wrong.
fn split_parts(s: &str) -> Result<(&str, &str, &str), FormatIssue> {
    if let Some((y, rest)) = s.split_once('年') {
        let (m, d) = rest.split_once('月').ok_or(FormatIssue::DateUnrecognised)?;
        let d = d
            .strip_suffix('日')
            .or_else(|| d.strip_suffix('号'))
            .unwrap_or(d);
        return Ok((y, m, d));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            // 20190305; `get` rather than slicing, although all bytes are ASCII here.
            8 => Ok((
                s.get(..4).unwrap_or(""),
                s.get(4..6).unwrap_or(""),
                s.get(6..).unwrap_or(""),
            )),
            6 => Err(FormatIssue::DateTwoDigitYear),
            _ => Err(FormatIssue::DateUnrecognised),
        };
    }
    let sep = s
        .chars()
        .find(|c| !c.is_ascii_digit())
        .ok_or(FormatIssue::DateUnrecognised)?;
    if !matches!(sep, '-' | '/' | '.') {
        return Err(FormatIssue::DateUnrecognised);
    }
    let mut it = s.split(sep);
    match (it.next(), it.next(), it.next(), it.next()) {
        (Some(a), Some(b), Some(c), None) => {
            if (1..=2).contains(&a.len()) && c.len() == 4 {
                return Err(FormatIssue::DateYearLast);
            }
            Ok((a, b, c))
        }
        _ => Err(FormatIssue::DateUnrecognised),
    }
}

/// Parses a date; `normalized` is YYYY-MM-DD.
pub fn parse_date(input: &str) -> Checked<Date> {
    let s: String = fold_width(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let (y, m, d) = split_parts(&s)?;
    let (month, day) = match (digits(m, 2), digits(d, 2)) {
        (Some(m), Some(d)) => (m, d),
        _ => return Err(FormatIssue::DateUnrecognised),
    };
    if y.len() == 2 && digits(y, 2).is_some() {
        return Err(FormatIssue::DateTwoDigitYear);
    }
    let year = match digits(y, 4) {
        Some(v) if y.len() == 4 => i32::try_from(v).map_err(|_| FormatIssue::DateUnrecognised)?,
        _ => return Err(FormatIssue::DateUnrecognised),
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(FormatIssue::DateYearOutOfRange { year });
    }
    let date = match (u8::try_from(month), u8::try_from(day)) {
        (Ok(mo), Ok(da)) => Date::new(year, mo, da),
        _ => None,
    };
    let date = date.ok_or(FormatIssue::DateNonexistent { year, month, day })?;
    Ok(Parsed::new(date, date.iso()))
}

/// Strict YYYY-MM-DD (e.g. a reference date from configuration); any valid year.
pub fn parse_iso(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y = digits(s.get(..4)?, 4)?;
    let m = digits(s.get(5..7)?, 2)?;
    let d = digits(s.get(8..)?, 2)?;
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}
