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
    /// Amounts only: from this many 万元 up, a figure typed without a unit gets a warning
    /// that it is probably in 元 (see [`LIKELY_YUAN_FROM_WAN`]). `None`: never.
    pub likely_yuan_from: Option<u64>,
}

impl Default for NumberOptions {
    /// Non-negative, up to 4 decimals (万元 to the 元), the organisation's 元 line.
    fn default() -> Self {
        NumberOptions {
            allow_negative: false,
            max_decimals: 4,
            likely_yuan_from: Some(LIKELY_YUAN_FROM_WAN),
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

/// Words that make a figure approximate (约 120 人, 120余人, 500万元左右). The form asks for the
/// figure the applicant's documents show, so these get their own hint instead of a complaint
/// about separators or units. Prefixes are matched at the start, suffixes anywhere after the
/// last digit.
const APPROX_PREFIXES: &[&str] = &[
    "大约",
    "约为",
    "约合",
    "约",
    "将近",
    "接近",
    "近",
    "超过",
    "逾",
    "不少于",
    "不低于",
    "至少",
    "多于",
    "不到",
    "≈",
    "~",
];
const APPROX_SUFFIXES: &[&str] = &["左右", "上下", "以上", "以下", "以内", "余", "多", "来"];

/// The approximating word in `s`, if any (only when `s` has a digit: "约" alone is not a number
/// and gets the ordinary message).
fn approximate_word(s: &str) -> Option<&'static str> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let s = s.trim();
    if let Some(w) = table(APPROX_PREFIXES).iter().find(|w| s.starts_with(*w)) {
        return Some(w);
    }
    let after_digits = s
        .rfind(|c: char| c.is_ascii_digit())
        .and_then(|i| s.get(i.saturating_add(1)..))
        .unwrap_or("");
    table(APPROX_SUFFIXES)
        .iter()
        .find(|w| contains_str(after_digits, w))
        .copied()
}

/// Refuses approximate figures before anything else looks at the text.
fn refuse_approximate(s: &str) -> Result<(), FormatIssue> {
    match approximate_word(s) {
        Some(word) => Err(FormatIssue::NumberApproximate {
            word: word.to_string(),
        }),
        None => Ok(()),
    }
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
    if let Some(ch) = body
        .chars()
        .find(|&c| matches!(c, '。' | '\u{FF61}' | '·' | '・'))
    {
        // "1234。5": the input method's full stop typed for a decimal point.
        return Err(FormatIssue::NumberNotDecimalPoint { ch });
    }
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

/// Currencies other than the renminbi, as people write them after an amount (or before it,
/// for the symbols): the name to show and the spellings. Checked before the 万元 forms so
/// that "500万美元" is not read as 500 万元.
const FOREIGN_CURRENCIES: &[(&str, &[&str])] = &[
    // 港元 before 美元: "HK$" contains "$".
    ("港元", &["港元", "港币", "港幣", "HKD", "HK$"]),
    ("澳门元", &["澳门元", "澳门币", "MOP"]),
    ("新台币", &["新台币", "台币", "TWD", "NT$"]),
    ("澳元", &["澳元", "AUD", "A$"]),
    ("美元", &["美元", "美金", "USD", "US$", "$"]),
    ("欧元", &["欧元", "歐元", "EUR", "€"]),
    ("日元", &["日元", "日圆", "JPY"]),
    ("英镑", &["英镑", "GBP", "£"]),
    ("韩元", &["韩元", "KRW"]),
];

/// Spellings of the renminbi itself that may stand before an amount.
const RMB_PREFIXES: &[&str] = &["人民币", "RMB", "CNY", "¥", "￥"];

/// A constant table, hidden from the optimiser. Without this, LTO at opt-level 3 unrolls each
/// loop over a small constant table into one inlined comparison per entry — kilobytes of
/// WebAssembly (measured: `foreign_currency` 2.6 KB, `refuse_approximate` 1.9 KB) for loops
/// that run once per keystroke over a dozen short words.
pub(crate) fn table<T: ?Sized>(t: &'static T) -> &'static T {
    std::hint::black_box(t)
}

/// Whether `needle` occurs in `hay`. A byte-window scan instead of `str::contains`: the needles
/// are a few short words, and the standard two-way searcher costs kilobytes of WebAssembly.
/// Matching UTF-8 bytes is exact, because no character's encoding starts inside another's.
fn contains_str(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// The value of a string of ASCII digits (at most 15, so it fits); `None` if any is not one.
fn digits_value(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |acc, b| {
        let d = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        acc.checked_mul(10)?.checked_add(u64::from(d))
    })
}

/// The foreign currency named anywhere in `s`, if any.
fn foreign_currency(s: &str) -> Option<&'static str> {
    let upper = s.to_ascii_uppercase();
    table(FOREIGN_CURRENCIES)
        .iter()
        .find(|(_, spellings)| spellings.iter().any(|sp| contains_str(&upper, sp)))
        .map(|(name, _)| *name)
}

/// How a 万元 field's typed unit reads, once spaces and a trailing 整 are removed.
enum AmountUnit {
    /// Nothing after the number: the field's own unit, 万元, is meant.
    Bare,
    /// 万, 万元, 万人民币, 万元人民币…: said explicitly.
    Wan,
}

/// Reads the unit of a 万元 amount: `500 万 元`, `500万元整`, `500万人民币` and `500万元人民币`
/// are all 500 万元; 元, 亿元 and foreign currencies are refused with what to do.
fn amount_unit(unit: &str) -> Result<AmountUnit, FormatIssue> {
    let compact: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    let u = compact.trim_end_matches('整');
    if let Some(currency) = foreign_currency(u) {
        return Err(FormatIssue::AmountForeignCurrency {
            currency: currency.to_string(),
        });
    }
    if u.is_empty() {
        return Ok(AmountUnit::Bare);
    }
    if let Some(rest) = u.strip_prefix('万') {
        if matches!(
            rest,
            "" | "元" | "人民币" | "元人民币" | "人民币元" | "块" | "块钱"
        ) {
            return Ok(AmountUnit::Wan);
        }
    }
    if u.contains('亿') {
        return Err(FormatIssue::AmountInYi);
    }
    if u.ends_with('元') || matches!(u, "块" | "块钱" | "人民币" | "元人民币" | "人民币元")
    {
        return Err(FormatIssue::AmountInYuan);
    }
    // In an amount, 万 and 亿 after Arabic digits are units ("500万米"), not numerals.
    if u.chars()
        .any(|c| is_cn_numeral(c) && c != '万' && c != '亿')
    {
        return Err(FormatIssue::NumberChineseNumeral);
    }
    Err(FormatIssue::NumberWrongUnit {
        unit: short(u),
        expected: Some("万元".to_string()),
    })
}

/// From this many 万元 (100 亿元) up, a figure typed without a unit is more likely in 元 than in
/// 万元. Why this line: the applicants are enterprises, street offices, parks and bases; an
/// amount of 100 亿元 or more (registered capital, revenue, investment) is rare among them, while
/// an amount in 元 of a small firm (5,000,000 元 = 500 万元) reaches it easily. It is a warning,
/// never an error: a large group may really have such a figure, and the message says how to
/// read it either way. A figure typed with 万 or 万元 is taken as said.
pub const LIKELY_YUAN_FROM_WAN: u64 = 1_000_000;

/// The same line for regional aggregates (a base's 辖区生产总值, a park's 营业收入): 10 万亿元,
/// above the GDP of every Chinese city (Shanghai's is under 5 万亿元), so that a real GDP in 万元
/// never warns while the same GDP typed in 元 (four more digits) does.
pub const LIKELY_YUAN_FROM_WAN_REGIONAL: u64 = 1_000_000_000;

/// `digits` (integer part) and `frac` as a decimal string, divided by 10^`shift`.
fn shift_left(int: &str, frac: &str, shift: usize) -> String {
    let all = format!("{int}{frac}");
    let point = int.len();
    let (whole, rest) = if point > shift {
        let (w, r) = all.split_at(point - shift);
        (w.to_string(), r.to_string())
    } else {
        (
            "0".to_string(),
            format!("{}{}", "0".repeat(shift - point), all),
        )
    };
    let rest = rest.trim_end_matches('0');
    if rest.is_empty() {
        whole
    } else {
        format!("{whole}.{rest}")
    }
}

/// An amount in 万元. "1,234.5万元" → 1234.5. Amounts in 元 or 亿元 are refused with a
/// request to convert, because silently converting would hide a misunderstanding; so are
/// foreign currencies. A bare figure of 100 亿元 or more gets a warning that it may be in 元.
pub fn parse_amount_wan(input: &str, opts: NumberOptions) -> Checked<f64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    refuse_approximate(&s)?;
    let mut body = s.as_str();
    // "$500万", "US$ 500": a currency before the figure.
    let lead = body
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    if let Some(currency) = foreign_currency(lead) {
        return Err(FormatIssue::AmountForeignCurrency {
            currency: currency.to_string(),
        });
    }
    if let Some(rest) = table(RMB_PREFIXES)
        .iter()
        .find_map(|p| body.strip_prefix(p))
    {
        body = rest.trim_start();
    }
    let (num, unit) = split_unit(body);
    if !num.bytes().any(|b| b.is_ascii_digit()) {
        return Err(parse_number_part(num, body)
            .err()
            .unwrap_or(FormatIssue::NumberNotANumber));
    }
    let unit = amount_unit(unit)?;
    let n = parse_number_part(num, body)?;
    // Compared on the integer digits: `int` has no leading zeros and at most 15 digits.
    let int_value = digits_value(&n.int).unwrap_or(0);
    let likely_yuan = matches!(unit, AmountUnit::Bare)
        && !n.negative
        && opts.likely_yuan_from.is_some_and(|line| int_value >= line);
    // Dividing by 10 000 answers both readings: N 万元 is N/10 000 亿元, and N 元 is
    // N/10 000 万元.
    let warning = likely_yuan.then(|| FormatIssue::AmountLikelyInYuan {
        typed: n.normalized(),
        divided: shift_left(&n.int, &n.frac, 4),
    });
    let mut parsed = finish(n, opts)?;
    parsed.warnings.extend(warning);
    Ok(parsed)
}

/// A decimal in a field whose unit is `unit` (e.g. "平方米"): that unit may be typed after
/// the number; any other unit is refused so a value in the wrong unit is not accepted.
pub fn parse_decimal(input: &str, unit: Option<&str>, opts: NumberOptions) -> Checked<f64> {
    let s = fold_width(input);
    if s.is_empty() {
        return Err(FormatIssue::Empty);
    }
    refuse_approximate(&s)?;
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
    refuse_approximate(&s)?;
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
    refuse_approximate(&s)?;
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
