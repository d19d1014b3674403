//! Field format checkers: one pure function per kind of field.
//!
//! Every checker takes the raw text a person typed and returns either the parsed value with
//! a normalised spelling (plus any warnings), or the single most useful problem. They never
//! panic, whatever the input: no indexing, no unwrap on user data, checked arithmetic, and
//! time linear in the input length. Message text lives only in [`messages`], so the checkers
//! can be tested on *what* went wrong, and translators touch one file.

use serde::Serialize;

pub mod date;
pub mod email;
pub mod messages;
pub mod number;
pub mod phone;
pub mod phone_data;
pub mod uscc;
pub mod width;
pub mod wordcount;
pub mod yesno;

pub use date::{parse_date, parse_iso, Date};
pub use email::{check_email, EmailProblem};
pub use messages::message;
pub use number::{
    parse_amount_wan, parse_count, parse_decimal, parse_percent, NumberOptions, PercentOptions,
};
pub use phone::{check_phone, PhoneKind};
pub use uscc::{check_uscc, mask as mask_credit_code, uscc_kind, uscc_province};
pub use width::fold_width;
pub use wordcount::count_zi;
pub use yesno::parse_yes_no;

/// A successfully checked value.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The typed value (a code, a number, a date...).
    pub value: T,
    /// The canonical spelling the page may write back into the field. Checking it again
    /// yields the same `value` and the same `normalized` (tested as a property).
    pub normalized: String,
    /// Things that are accepted but worth a second look.
    pub warnings: Vec<FormatIssue>,
}

impl<T> Parsed<T> {
    /// A result with no warnings.
    pub fn new(value: T, normalized: String) -> Self {
        Parsed {
            value,
            normalized,
            warnings: Vec::new(),
        }
    }

    /// Builder used by checkers that may attach a warning.
    pub fn with_warning(mut self, w: FormatIssue) -> Self {
        self.warnings.push(w);
        self
    }
}

/// What every checker returns: the value, or the one problem to show first.
pub type Checked<T> = Result<Parsed<T>, FormatIssue>;

/// Everything a checker can complain about. Variants carry only what a message needs; they
/// never carry the whole input (a phone number or code is personal/identifying data and a
/// message should not echo it back), at most one offending character or a short unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum FormatIssue {
    /// Nothing but whitespace / invisible characters was entered.
    Empty,

    // --- 统一社会信用代码 (GB 32100-2015) ---
    /// Not 18 characters after removing spaces and dashes. `len` counts characters.
    UsccLength {
        len: usize,
    },
    /// A character outside the 31-character alphabet. `position` is 1-based.
    UsccBadChar {
        position: usize,
        ch: char,
        suggestion: Option<char>,
    },
    /// A letter in characters 3–8, the 登记管理机关行政区划码 (always six digits).
    /// `position` is 1-based (3..=8).
    UsccRegionNotDigits {
        position: usize,
        ch: char,
    },
    /// The 18th character does not match the one computed from the first 17.
    UsccChecksum {
        expected: char,
    },
    /// 15 digits: an old 工商注册号, not the 18-character code.
    UsccOldRegistrationNumber,
    /// Warning: the embedded GB 11714 organisation code (chars 9–17) fails its own check.
    UsccOrgCodeChecksum,
    /// Warning: 登记管理部门码 + 机构类别码 pair not in the table we know.
    UsccUnknownKind {
        prefix: String,
    },
    /// Warning: chars 3–4 are not a known province-level region prefix.
    UsccUnknownRegion {
        prefix: String,
    },

    // --- phone numbers ---
    /// A character that cannot be part of a phone number (one char is shown).
    PhoneBadChar {
        ch: char,
    },
    PhoneTooShort,
    PhoneTooLong,
    /// 11 digits starting with 1 but the second digit is not 3–9.
    PhoneMobilePrefix,
    /// 7–8 digits with no area code.
    PhoneMissingAreaCode,
    /// An area code that does not exist (`026`, `0300`); `area` includes its 0.
    PhoneUnknownAreaCode {
        area: String,
    },
    /// The local number has the wrong length for its area code (`0311` takes 8 digits):
    /// `lengths` are the allowed ones, `got` the typed one.
    PhoneLandlineLength {
        area: String,
        lengths: Vec<u8>,
        got: usize,
    },
    /// Local number after the area code starts with 0 or 1.
    PhoneLandlineLocalPrefix,
    /// 400/800/950 number of the wrong length.
    PhoneServiceLength,
    /// Extension longer than 6 digits.
    PhoneExtensionTooLong,
    /// A country code other than +86.
    PhoneNotMainland,
    /// Digits that fit no mainland pattern.
    PhoneUnrecognised,
    /// Warning: a mobile prefix libphonenumber does not list as allocated.
    PhoneMobileUnallocated,

    // --- e-mail ---
    /// A full-width ＠ was typed (Chinese input method); the hint is to switch it.
    EmailFullWidthAt,
    /// Warning: a domain without a dot (`123456789@qq`): valid to the browser, but almost
    /// always `qq.com`, `163.com`… with the ending left off.
    EmailDomainWithoutDot,
    /// Not a WHATWG valid e-mail address; `reason` says which part is wrong.
    EmailInvalid {
        reason: EmailProblem,
    },

    // --- numbers, amounts, percentages ---
    /// 三, 百分之十五...: ask for Arabic digits.
    NumberChineseNumeral,
    NumberNotANumber,
    /// Thousands separators not in exact groups of three (or spaces used as separators).
    NumberBadGrouping,
    NumberNegative,
    NumberTooManyDecimals {
        max: u8,
    },
    /// More integer digits than can be held exactly (over 15 significant digits).
    NumberTooLarge,
    /// A 万元 field given in 元.
    AmountInYuan,
    /// A 万元 field given in 亿元.
    AmountInYi,
    /// A 万元 field given in a foreign currency; `currency` is its Chinese name (美元, 港元…).
    AmountForeignCurrency {
        currency: String,
    },
    /// Warning: a figure typed without a unit so large (≥ 100 亿元 read as 万元) that it is
    /// probably in 元. `typed` is the figure, `divided` the figure ÷ 10 000 (the 亿元 it means
    /// as typed, and the 万元 it means if it is in 元).
    AmountLikelyInYuan {
        typed: String,
        divided: String,
    },
    /// 约, 余, 左右…: an approximate figure; `word` is the word found.
    NumberApproximate {
        word: String,
    },
    /// "1234。5": a character that is not a decimal point used as one (。 ·).
    NumberNotDecimalPoint {
        ch: char,
    },
    /// A trailing unit that is not this field's. `unit` is what was typed (shortened),
    /// `expected` the field's unit if it has one.
    NumberWrongUnit {
        unit: String,
        expected: Option<String>,
    },
    /// A count with a fractional part.
    CountNotWhole,
    /// Above 100 %. An error for shares; the caller may downgrade it to a warning.
    PercentOver100 {
        value: f64,
    },
    /// Warning: 0 < x < 1 without a % sign — 0.15 may have meant 15 %.
    PercentAmbiguousFraction,

    // --- dates ---
    DateUnrecognised,
    DateTwoDigitYear,
    /// Month/day do not exist (2019-02-30, month 13).
    DateNonexistent {
        year: i32,
        month: u32,
        day: u32,
    },
    /// 3/5/2019: the year comes last, so day/month order is ambiguous.
    DateYearLast,
    DateYearOutOfRange {
        year: i32,
    },
    /// After the reference date for a past event. Never produced by `parse_date`; the
    /// engine raises it when it compares with its reference date.
    DateInFuture,

    // --- yes/no ---
    YesNoUnrecognised,
}

impl FormatIssue {
    /// Stable dotted code for the engine, tests and analytics. Never change a published one.
    pub fn code(&self) -> &'static str {
        use FormatIssue::*;
        match self {
            Empty => "value.empty",
            UsccLength { .. } => "uscc.length",
            UsccBadChar { .. } => "uscc.bad_char",
            UsccRegionNotDigits { .. } => "uscc.region_not_digits",
            UsccChecksum { .. } => "uscc.checksum",
            UsccOldRegistrationNumber => "uscc.old_registration_number",
            UsccOrgCodeChecksum => "uscc.org_code_checksum",
            UsccUnknownKind { .. } => "uscc.unknown_kind",
            UsccUnknownRegion { .. } => "uscc.unknown_region",
            PhoneBadChar { .. } => "phone.bad_char",
            PhoneTooShort => "phone.too_short",
            PhoneTooLong => "phone.too_long",
            PhoneMobilePrefix => "phone.mobile_prefix",
            PhoneMissingAreaCode => "phone.missing_area_code",
            PhoneUnknownAreaCode { .. } => "phone.unknown_area_code",
            PhoneLandlineLength { .. } => "phone.landline_length",
            PhoneLandlineLocalPrefix => "phone.landline_local_prefix",
            PhoneServiceLength => "phone.service_length",
            PhoneExtensionTooLong => "phone.extension_too_long",
            PhoneNotMainland => "phone.not_mainland",
            PhoneUnrecognised => "phone.unrecognised",
            PhoneMobileUnallocated => "phone.mobile_unallocated",
            EmailFullWidthAt => "email.full_width_at",
            EmailDomainWithoutDot => "email.domain_without_dot",
            EmailInvalid { .. } => "email.invalid",
            NumberChineseNumeral => "number.chinese_numeral",
            NumberNotANumber => "number.not_a_number",
            NumberBadGrouping => "number.bad_grouping",
            NumberNegative => "number.negative",
            NumberTooManyDecimals { .. } => "number.too_many_decimals",
            NumberTooLarge => "number.too_large",
            AmountInYuan => "amount.in_yuan",
            AmountInYi => "amount.in_yi",
            AmountForeignCurrency { .. } => "amount.foreign_currency",
            AmountLikelyInYuan { .. } => "amount.likely_in_yuan",
            NumberApproximate { .. } => "number.approximate",
            NumberNotDecimalPoint { .. } => "number.not_decimal_point",
            NumberWrongUnit { .. } => "number.wrong_unit",
            CountNotWhole => "count.not_whole",
            PercentOver100 { .. } => "percent.over_100",
            PercentAmbiguousFraction => "percent.ambiguous_fraction",
            DateUnrecognised => "date.unrecognised",
            DateTwoDigitYear => "date.two_digit_year",
            DateNonexistent { .. } => "date.nonexistent",
            DateYearLast => "date.year_last",
            DateYearOutOfRange { .. } => "date.year_out_of_range",
            DateInFuture => "date.in_future",
            YesNoUnrecognised => "yesno.unrecognised",
        }
    }

    /// Issues that are warnings by nature (the value is accepted). `PercentOver100` is not
    /// one: whether it blocks depends on the field, and the checker puts it in `Err` or in
    /// `warnings` accordingly.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            FormatIssue::UsccOrgCodeChecksum
                | FormatIssue::UsccUnknownKind { .. }
                | FormatIssue::UsccUnknownRegion { .. }
                | FormatIssue::PhoneMobileUnallocated
                | FormatIssue::AmountLikelyInYuan { .. }
                | FormatIssue::EmailDomainWithoutDot
                | FormatIssue::PercentAmbiguousFraction
        )
    }
}
