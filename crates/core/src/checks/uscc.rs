//! 统一社会信用代码 (unified social credit code, GB 32100-2015).
//!
//! Layout: 登记管理部门码 (1) · 机构类别码 (1) · 行政区划码 (6) · 主体标识码 (9, a GB 11714
//! organisation code with its own check char) · check char (1). Facts and sources are in
//! notes/FORMATS.md. The length, the alphabet, digits in characters 3–8 (the region code) and
//! the final check character are errors; the embedded organisation-code check, the
//! department/category pair and the region prefix are warnings, because real, valid codes
//! exist that fail each of them.

use super::width::fold_width;
use super::{Checked, FormatIssue, Parsed};

/// The 31-character alphabet; a character's value is its index. No I, O, Z, S, V.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// w_i = 3^i mod 31 for i = 0..16.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714 weights for the first 8 characters of the organisation code.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Value of a character in the USCC alphabet.
fn value(c: char) -> Option<u32> {
    let b = u8::try_from(c).ok()?;
    ALPHABET
        .iter()
        .position(|&a| a == b)
        .and_then(|p| u32::try_from(p).ok())
}

/// Computes the check character from the first 17 characters. `None` if any is illegal.
pub fn uscc_check_char(first17: &[char]) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum: u32 = 0;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        // value ≤ 30, weight ≤ 30, 17 terms: the sum stays far below u32::MAX.
        sum = sum.saturating_add(value(*c)?.saturating_mul(w));
    }
    let idx = 31u32.saturating_sub(sum % 31) % 31;
    ALPHABET
        .get(usize::try_from(idx).ok()?)
        .map(|&b| char::from(b))
}

/// Whether the GB 11714 organisation code embedded at chars 9–17 passes its own check.
/// Letters take A=10 … Z=35 over the full Latin alphabet (not the USCC one).
fn org_code_ok(org: &[char]) -> bool {
    if org.len() != 9 {
        return false;
    }
    let mut sum: u32 = 0;
    for (c, w) in org.iter().zip(ORG_WEIGHTS) {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        sum = sum.saturating_add(v.saturating_mul(w));
    }
    let expected = match 11u32.saturating_sub(sum % 11) {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    org.get(8) == Some(&expected)
}

/// Known 登记管理部门 + 机构类别 pairs (GB 32100-2015 appendix, as amended).
/// Returns (部门, 类别) for the first two characters of `code`; case-insensitive.
pub fn uscc_kind(code: &str) -> Option<(&'static str, &'static str)> {
    let mut it = code.chars().map(|c| c.to_ascii_uppercase());
    let dept = it.next()?;
    let cat = it.next()?;
    let pair = match (dept, cat) {
        ('1', '1') => ("机构编制", "机关"),
        ('1', '2') => ("机构编制", "事业单位"),
        ('1', '3') => ("机构编制", "群众团体"),
        ('1', '9') => ("机构编制", "其他"),
        ('2', '1') => ("外交", "外国常驻新闻机构"),
        ('2', '9') => ("外交", "其他"),
        ('3', '1') => ("司法行政", "律师执业机构"),
        ('3', '2') => ("司法行政", "公证处"),
        ('3', '3') => ("司法行政", "基层法律服务所"),
        ('3', '4') => ("司法行政", "司法鉴定机构"),
        ('3', '5') => ("司法行政", "仲裁委员会"),
        ('3', '9') => ("司法行政", "其他"),
        ('4', '1') => ("文化", "外国在华文化中心"),
        ('4', '9') => ("文化", "其他"),
        ('5', '1') => ("民政", "社会团体"),
        ('5', '2') => ("民政", "民办非企业单位"),
        ('5', '3') => ("民政", "基金会"),
        ('5', '9') => ("民政", "其他"),
        ('6', '1') => ("旅游", "外国旅游部门常驻代表机构"),
        ('6', '2') => ("旅游", "港澳台地区旅游部门常驻内地（大陆）代表机构"),
        ('6', '9') => ("旅游", "其他"),
        ('7', '1') => ("宗教", "宗教活动场所"),
        ('7', '2') => ("宗教", "宗教院校"),
        ('7', '9') => ("宗教", "其他"),
        ('8', '1') => ("工会", "基层工会"),
        ('8', '9') => ("工会", "其他"),
        ('9', '1') => ("工商/市场监管", "企业"),
        ('9', '2') => ("工商/市场监管", "个体工商户"),
        ('9', '3') => ("工商/市场监管", "农民专业合作社"),
        ('A', '1') => ("中央军委改革和编制办公室", "军队事业单位"),
        ('A', '9') => ("中央军委改革和编制办公室", "其他"),
        ('N', '1') => ("农业", "组级集体经济组织"),
        ('N', '2') => ("农业", "村级集体经济组织"),
        ('N', '3') => ("农业", "乡镇级集体经济组织"),
        ('N', '9') => ("农业", "其他"),
        ('Y', '1') => ("其他", "其他"),
        _ => return None,
    };
    Some(pair)
}

/// The 2-digit region prefix (chars 3–4), if both are ASCII digits. It is returned even when
/// it is not a known province; see [`is_known_province`].
pub fn uscc_province(code: &str) -> Option<&str> {
    let prefix = code.get(2..4)?; // `get` is None on a non-char boundary, never panics
    if prefix.bytes().all(|b| b.is_ascii_digit()) {
        Some(prefix)
    } else {
        None
    }
}

/// A credit code as lists and reports show it: the first four characters (登记管理部门,
/// 机构类别 and the province) and the last four, the rest as `*`, so a reviewer can tell two
/// applications apart without the full code leaving the form. Width is folded and
/// separators dropped first; a text too short to keep eight characters is all `*`.
pub fn mask(code: &str) -> String {
    let chars: Vec<char> = fold_width(code)
        .chars()
        .filter(|c| !is_separator(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    // Clip hostile input: a credit code has 18 characters, so a long text cannot be one.
    let n = chars.len().min(40);
    if n < 12 {
        return "*".repeat(n);
    }
    let mut out: String = chars.iter().take(4).collect();
    out.push_str(&"*".repeat(n - 8));
    out.extend(chars.iter().skip(n - 4).take(4));
    out
}

/// Whether a 2-digit prefix is a province-level region of GB/T 2260 (`crate::provinces`, which
/// includes 71/81/82, 台湾/香港/澳门) or 10, national registrations (region 100000).
pub fn is_known_province(prefix: &str) -> bool {
    prefix == "10" || crate::provinces::all().iter().any(|p| p.code == prefix)
}

/// Separators people type inside codes: spaces, ASCII and Unicode dashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Common look-alike typos for the letters the alphabet leaves out.
fn suggestion(c: char) -> Option<char> {
    match c {
        'O' => Some('0'),
        'I' => Some('1'),
        _ => None,
    }
}

/// Checks a 统一社会信用代码. Accepts lowercase, full-width and spaces/dashes inside; the
/// value and `normalized` are the 18-character uppercase code.
pub fn check_uscc(input: &str) -> Checked<String> {
    let chars: Vec<char> = fold_width(input)
        .chars()
        .filter(|&c| !is_separator(c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.is_empty() {
        return Err(FormatIssue::Empty);
    }
    if chars.len() == 15 && chars.iter().all(char::is_ascii_digit) {
        return Err(FormatIssue::UsccOldRegistrationNumber);
    }
    if chars.len() != 18 {
        return Err(FormatIssue::UsccLength { len: chars.len() });
    }
    for (i, &c) in chars.iter().enumerate() {
        if value(c).is_none() {
            return Err(FormatIssue::UsccBadChar {
                position: i.saturating_add(1),
                ch: c,
                suggestion: suggestion(c),
            });
        }
    }
    // Characters 3–8 are the 登记管理机关行政区划码, six digits of GB/T 2260 in every code ever
    // issued; a letter there is a misreading or a typo, even when the check character fits.
    // Characters 1–2 may be letters (A, N, Y are in use), so they are not checked here.
    for (i, &c) in chars.iter().enumerate().take(8).skip(2) {
        if !c.is_ascii_digit() {
            return Err(FormatIssue::UsccRegionNotDigits {
                position: i.saturating_add(1),
                ch: c,
            });
        }
    }
    let (first17, last) = chars.split_at(17);
    let expected = uscc_check_char(first17).ok_or(FormatIssue::UsccLength { len: 18 })?;
    if last.first() != Some(&expected) {
        return Err(FormatIssue::UsccChecksum { expected });
    }

    let code: String = chars.iter().collect();
    let mut parsed = Parsed::new(code.clone(), code.clone());
    if !org_code_ok(chars.get(8..17).unwrap_or(&[])) {
        parsed.warnings.push(FormatIssue::UsccOrgCodeChecksum);
    }
    if uscc_kind(&code).is_none() {
        let prefix: String = chars.iter().take(2).collect();
        parsed
            .warnings
            .push(FormatIssue::UsccUnknownKind { prefix });
    }
    let region_ok = uscc_province(&code).is_some_and(is_known_province);
    if !region_ok {
        let prefix: String = chars.iter().skip(2).take(2).collect();
        parsed
            .warnings
            .push(FormatIssue::UsccUnknownRegion { prefix });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn mask_keeps_four_and_four() {
        assert_eq!(mask("91110000600037341L"), "9111**********341L");
        assert_eq!(mask("９１１１ 0000-600037341l"), "9111**********341L");
        assert_eq!(mask("12345"), "*****");
        assert_eq!(mask(""), "");
        assert_eq!(mask(&"9".repeat(10_000)).chars().count(), 40);
    }
}
