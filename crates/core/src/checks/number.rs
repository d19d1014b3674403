//! Numbers typed into amount, decimal, count and percentage fields.
//!
//! All four share one strict core ([`parse_core`]): optional sign, digits with `,`/`，`
//! grouping only in exact threes (GB/T 15835-2011), one decimal point. No exponent, no
//! NaN/inf: those are never what a person means in a form. The field-specific part is the
//! unit after the number (万元, 个, %), which is either accepted or explained.
//!
//! Digits are validated by hand; only then is the canonical ASCII string handed to
//! `f64::from_str`, which is correctly rounded and cannot see anything but digits and one
//! dot. At most 15 significant integer digits are accepted so every integer is exact and
//! nothing can reach infinity.

use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};

/// Options for amount and decimal fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberOptions {
    pub allow_negative: bool,
    pub max_decimals: u8,
}

impl Default for NumberOptions {
    /// Non-negative, up to 4 decimals (万元 to the 元).
    fn default() -> Self {
        NumberOptions {
            allow_negative: false,
            max_decimals: 4,
        }
    }
}

/// Options for percentage fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PercentOptions {
    /// 资产负债率 and similar ratios can exceed 100 %; shares cannot.
    pub allow_over_100: bool,
}

/// More integer digits than this cannot all be held exactly in an f64 (2^53 ≈ 9.0e15).
const MAX_INT_DIGITS: usize = 15;
/// Decimals allowed in a percentage (0.0001 %).
const PERCENT_MAX_DECIMALS: u8 = 4;
/// Units shown back in messages are cut to this many characters.
const MAX_UNIT_CHARS: usize = 10;
/// Words accepted after a count (3个, 12家, 200人次...).
const COUNT_WORDS: &[&str] = &[
    "个", "家", "人", "名", "位", "张", "种", "次", "项", "件", "台", "套", "户", "所", "间", "床",
    "篇", "本", "座", "处", "辆", "支", "部", "条", "份", "人次", "床位",
];

/// A validated number, kept as digit strings so normalisation is exact.
struct Num {
    negative: bool,
    /// Integer digits without leading zeros ("" means 0).
    int: String,
    /// Fraction digits without trailing zeros.
    frac: String,
}

impl Num {
    fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }

    /// Canonical spelling: no grouping, no leading/trailing zeros, no sign on zero.
    fn normalized(&self) -> String {
        let mut s = String::new();
        if self.negative && !self.is_zero() {
            s.push('-');
        }
        s.push_str(if self.int.is_empty() { "0" } else { &self.int });
        if !self.frac.is_empty() {
            s.push('.');
            s.push_str(&self.frac);
        }
        s
    }

    fn to_f64(&self) -> Result<f64, FormatIssue> {
        let v: f64 = self
            .normalized()
            .parse()
            .map_err(|_| FormatIssue::NumberNotANumber)?;
        if v.is_finite() {
            Ok(v + 0.0) // `+ 0.0` turns a -0.0 into 0.0
        } else {
            Err(FormatIssue::NumberTooLarge)
        }
    }

    fn decimals(&self) -> usize {
        self.frac.len()
    }
}

/// Chinese numerals, including 万/亿 (which are accepted only as an amount's unit).
fn is_cn_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟廿".contains(c)
}

fn has_cn_numeral(s: &str) -> bool {
    s.chars().any(is_cn_numeral)
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(MAX_UNIT_CHARS).collect();
    if s.chars().nth(MAX_UNIT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Strips `suffix` from the end of `s`, ignoring ASCII case ("KG" for "kg").
fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?; // None if `cut` is not a char boundary
    if !suffix.is_empty() && tail.eq_ignore_ascii_case(suffix) {
        s.get(..cut).map(str::trim_end)
    } else {
        None
    }
}

/// Splits "1,234.5 万元" into ("1,234.5", "万元"): the number runs to its last digit, dot or
/// comma; the unit is what follows, trimmed, with surrounding brackets removed.
fn split_unit(s: &str) -> (&str, &str) {
    let end = s
        .trim_end_matches(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .len();
    let (num, unit) = s.split_at(end);
    let unit = unit
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    (num.trim(), unit)
}

/// Checks the integer part's grouping: none, or `,` in exact groups of three.
fn ungroup(int: &str) -> Result<String, FormatIssue> {
    if !int.contains(',') {
        return Ok(int.to_string());
    }
    let mut out = String::with_capacity(int.len());
    for (i, group) in int.split(',').enumerate() {
        let ok = if i == 0 {
            (1..=3).contains(&group.len())
        } else {
            group.len() == 3
        };
        if !ok {
            return Err(FormatIssue::NumberBadGrouping);
        }
        out.push_str(group);
    }
    Ok(out)
}

/// The strict core: `[+-]? digits-with-grouping (. digits)?`. The caller has removed the
/// unit and already refused Chinese numerals.
fn parse_core(s: &str) -> Result<Num, FormatIssue> {
    let s = s.trim();
    let (negative, body) = match s.chars().next() {
        Some('-') | Some('\u{2212}') => (true, s.get(s.chars().next().map_or(0, char::len_utf8)..)),
        Some('+') => (false, s.get(1..)),
        _ => (false, Some(s)),
    };
    let body = body.unwrap_or("").trim_start();
    if body.chars().any(char::is_whitespace) {
        // "1 234 567": grouping with spaces is not what this form accepts.
        return Err(FormatIssue::NumberBadGrouping);
    }
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ',' || c == '.'))
    {
        return Err(FormatIssue::NumberNotANumber);
    }
    if !body.bytes().any(|b| b.is_ascii_digit()) {
        return Err(FormatIssue::NumberNotANumber);
    }
    let mut parts = body.split('.');
    let int_raw = parts.next().unwrap_or("");
    let frac_raw = parts.next().unwrap_or("");
    if parts.next().is_some() {
        return Err(FormatIssue::NumberNotANumber);
    }
    if frac_raw.contains(',') {
        return Err(FormatIssue::NumberBadGrouping);
    }
    let int = ungroup(int_raw)?.trim_start_matches('0').to_string();
    if int.len() > MAX_INT_DIGITS {
        return Err(FormatIssue::NumberTooLarge);
    }
    let frac = frac_raw.trim_end_matches('0').to_string();
    Ok(Num {
        negative,
        int,
        frac,
    })
}

/// Refuses Chinese numerals in the number, then parses it.
fn parse_number_part(num: &str, whole: &str) -> Result<Num, FormatIssue> {
    if has_cn_numeral(num) || (!num.bytes().any(|b| b.is_ascii_digit()) && has_cn_numeral(whole)) {
        return Err(FormatIssue::NumberChineseNumeral);
    }
    parse_core(num)
}

/// Sign and decimal limits shared by amounts and decimals; returns the finished result.
fn finish(n: Num, opts: NumberOptions) -> Checked<f64> {
    if n.negative && !n.is_zero() && !opts.allow_negative {
        return Err(FormatIssue::NumberNegative);
    }
    if n.decimals() > usize::from(opts.max_decimals) {
        return Err(FormatIssue::NumberTooManyDecimals {
            max: opts.max_decimals,
        });
    }
    Ok(Parsed::new(n.to_f64()?, n.normalized()))
}

/// Refusal for a unit that is not accepted: Chinese numerals get their own hint.
fn unit_issue(unit: &str, expected: Option<&str>) -> FormatIssue {
    if has_cn_numeral(unit) {
        FormatIssue::NumberChineseNumeral
    } else {
        FormatIssue::NumberWrongUnit {
            unit: short(unit),
            expected: expected.map(str::to_string),
        }
    }
}

/// An amount in 万元. "1,234.5万元" → 1234.5. Amounts in 元 or 亿元 are refused with a
/// request to convert, because silently converting would hide a misunderstanding.
pub fn parse_amount_wan(input: &str, opts: NumberOptions) -> Checked<f64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let (num, unit) = split_unit(&s);
    if !num.bytes().any(|b| b.is_ascii_digit()) {
        return Err(parse_number_part(num, &s)
            .err()
            .unwrap_or(FormatIssue::NumberNotANumber));
    }
    match unit {
        "" | "万" | "万元" => {}
        u if u.contains('亿') => return Err(FormatIssue::AmountInYi),
        u if u.ends_with('元') || matches!(u, "块" | "块钱" | "人民币") => {
            return Err(FormatIssue::AmountInYuan)
        }
        u => return Err(unit_issue(u, Some("万元"))),
    }
    finish(parse_number_part(num, &s)?, opts)
}

/// A decimal in a field whose unit is `unit` (e.g. "平方米"): that unit may be typed after
/// the number; any other unit is refused so a value in the wrong unit is not accepted.
pub fn parse_decimal(input: &str, unit: Option<&str>, opts: NumberOptions) -> Checked<f64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let field_unit = unit.map(fold_width).filter(|u| !u.is_empty());
    // Strip the field's own unit first: it may contain digits or numerals (m2, 千瓦时).
    let body = field_unit
        .as_deref()
        .and_then(|u| strip_suffix_ci(&s, u))
        .unwrap_or(&s);
    let (num, typed_unit) = split_unit(body);
    if !typed_unit.is_empty() && num.bytes().any(|b| b.is_ascii_digit()) {
        return Err(unit_issue(typed_unit, field_unit.as_deref()));
    }
    finish(parse_number_part(num, body)?, opts)
}

/// A whole, non-negative count; a counting word after it (个, 家, 人...) is accepted.
pub fn parse_count(input: &str) -> Checked<u64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let (num, unit) = split_unit(&s);
    if !unit.is_empty() && num.bytes().any(|b| b.is_ascii_digit()) && !COUNT_WORDS.contains(&unit) {
        return Err(unit_issue(unit, None));
    }
    let n = parse_number_part(num, &s)?;
    if n.negative && !n.is_zero() {
        return Err(FormatIssue::NumberNegative);
    }
    if !n.frac.is_empty() {
        return Err(FormatIssue::CountNotWhole);
    }
    let mut value: u64 = 0;
    for b in n.int.bytes() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b.wrapping_sub(b'0'))))
            .ok_or(FormatIssue::NumberTooLarge)?;
    }
    Ok(Parsed::new(value, value.to_string()))
}

/// A percentage: "15", "15%", "15％" and "百分之15" all mean 15 %. The value is in percent.
/// Over 100 is an error unless `allow_over_100`, then a warning. 0 < x < 1 with decimals and
/// no % sign gets a warning, since 0.15 may have been meant as 15 %.
pub fn parse_percent(input: &str, opts: PercentOptions) -> Checked<f64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    let (s, worded) = match s.strip_prefix("百分之") {
        Some(rest) => (rest.trim(), true),
        None => (s.as_str(), false),
    };
    let (s, signed) = match s.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (num, unit) = split_unit(s);
    if !unit.is_empty() && num.bytes().any(|b| b.is_ascii_digit()) {
        return Err(unit_issue(unit, Some("%")));
    }
    let n = parse_number_part(num, s)?;
    if n.negative && !n.is_zero() {
        return Err(FormatIssue::NumberNegative);
    }
    if n.decimals() > usize::from(PERCENT_MAX_DECIMALS) {
        return Err(FormatIssue::NumberTooManyDecimals {
            max: PERCENT_MAX_DECIMALS,
        });
    }
    let value = n.to_f64()?;
    let mut parsed = Parsed::new(value, n.normalized());
    if value > 100.0 {
        if !opts.allow_over_100 {
            return Err(FormatIssue::PercentOver100 { value });
        }
        parsed.warnings.push(FormatIssue::PercentOver100 { value });
    }
    if !signed && !worded && value > 0.0 && value < 1.0 {
        parsed.warnings.push(FormatIssue::PercentAmbiguousFraction);
    }
    Ok(parsed)
}
