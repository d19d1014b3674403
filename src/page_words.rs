//! The page's own words, as plain functions (no DOM, so they are tested natively): label
//! captions cleaned of required marks, long labels shortened for the summary, amounts typed in
//! 元 where the edition counts 万元 (an exact shift of the decimal point, both ways) and
//! messages said in 元, and the 15-digit 注册号 that older registrations carry.

/// The unit a page declares for an amount box, when it is not the edition's 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageUnit {
    Yuan,
}

/// Trims, folds runs of white space, and drops required marks and a trailing colon.
pub fn clean(text: &str) -> String {
    let mut s: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = s.len();
        for mark in ["（必填）", "(必填)", "必填", "*", "＊", "：", ":", "※"] {
            if let Some(rest) = s.strip_suffix(mark) {
                s = rest.trim_end().to_string();
            }
            if let Some(rest) = s.strip_prefix(mark) {
                s = rest.trim_start().to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// A label cut to `max` characters with an ellipsis (for the summary's list of long
/// declaration sentences).
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let cut: String = label.chars().take(max).collect();
    format!("{}…", cut.trim_end_matches(['，', '、', '；', ',', ' ']))
}

/// Moves the decimal point of a plain decimal number: `shift_decimal("12345", -4)` is
/// `"1.2345"`, `shift_decimal("1.5", 4)` is `"15000"`. `None` for anything else (the rules then
/// see the text as typed and explain what is wrong with it).
pub fn shift_decimal(text: &str, by: i32) -> Option<String> {
    let t = text.trim();
    let (sign, t) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digit_run = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty())
        || !digit_run(int)
        || !digit_run(frac)
        || by.unsigned_abs() > 32
    {
        return None;
    }
    let digits = format!("{int}{frac}");
    let point = i64::try_from(int.len()).ok()? + i64::from(by);
    let len = i64::try_from(digits.len()).ok()?;
    let (whole, mut part) = if point <= 0 {
        (
            String::new(),
            format!("{}{digits}", "0".repeat(usize::try_from(-point).ok()?)),
        )
    } else if point >= len {
        (
            format!("{digits}{}", "0".repeat(usize::try_from(point - len).ok()?)),
            String::new(),
        )
    } else {
        let (a, b) = digits.split_at(usize::try_from(point).ok()?);
        (a.to_string(), b.to_string())
    };
    let mut whole = whole.trim_start_matches('0').to_string();
    if whole.is_empty() {
        whole.push('0');
    }
    while part.ends_with('0') {
        part.pop();
    }
    Some(if part.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part}")
    })
}

/// A box in 元 as the rules read it (万元). "1,500,000" and "1500000元" are read too.
pub fn yuan_to_wan(text: &str) -> String {
    let t = text.trim();
    let t = t.strip_suffix('元').unwrap_or(t).trim_end();
    if t.is_empty() {
        return text.to_string();
    }
    let plain: String = t.chars().filter(|c| *c != ',' && *c != '，').collect();
    shift_decimal(&plain, -4).unwrap_or_else(|| text.to_string())
}

/// A message about a field whose box is in 元, said in 元: amounts "N 万元" become "N×10000 元",
/// and the 万元 precision (4 decimals, i.e. to the 元) is said as "to the 元".
pub fn message_in_page_unit(message: &str, unit: PageUnit) -> String {
    let PageUnit::Yuan = unit;
    let message = message
        .replace("小数最多保留4位。", "金额请填写到元（不含角、分）。")
        .replace(
            "Use at most 4 decimal places.",
            "Enter the amount to the yuan (no jiao or fen).",
        );
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let after_digit = i > 0
            && chars
                .get(i - 1)
                .is_some_and(|p| p.is_ascii_digit() || *p == '.');
        if !c.is_ascii_digit() || after_digit {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while chars
            .get(j)
            .is_some_and(|d| d.is_ascii_digit() || *d == '.' || *d == ',')
        {
            j += 1;
        }
        let mut k = j;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        let number: String = chars[i..j].iter().filter(|c| **c != ',').collect();
        let unit_follows = chars.get(k) == Some(&'万') && chars.get(k + 1) == Some(&'元');
        match shift_decimal(number.trim_end_matches('.'), 4).filter(|_| unit_follows) {
            Some(yuan) => {
                out.push_str(&yuan);
                out.extend(&chars[j..k]);
                out.push('元');
                i = k + 2;
            }
            None => {
                out.extend(&chars[i..j]);
                i = j;
            }
        }
    }
    out
}

/// A 15-digit 工商注册号 (GS15 / GB 12260 check digit, ISO 7064 MOD 11,10), which a page may
/// accept in place of the 18-character 统一社会信用代码 for a business registered before 2015.
pub fn is_registration_number(text: &str) -> bool {
    let digits: Vec<u32> = text.trim().chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 15 || text.trim().chars().count() != 15 {
        return false;
    }
    let mut p = 10u32;
    for d in &digits[..14] {
        let s = (p + d) % 10;
        let s = if s == 0 { 10 } else { s };
        p = (s * 2) % 11;
    }
    (p + digits[14]) % 10 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_shifts_are_exact() {
        assert_eq!(shift_decimal("12345", -4).as_deref(), Some("1.2345"));
        assert_eq!(shift_decimal("1500000", -4).as_deref(), Some("150"));
        assert_eq!(shift_decimal("5", -4).as_deref(), Some("0.0005"));
        assert_eq!(shift_decimal("1234.56", -4).as_deref(), Some("0.123456"));
        assert_eq!(shift_decimal("-20000", -4).as_deref(), Some("-2"));
        assert_eq!(shift_decimal("0.0005", 4).as_deref(), Some("5"));
        assert_eq!(shift_decimal("150", 4).as_deref(), Some("1500000"));
        assert_eq!(shift_decimal("1.2345", 4).as_deref(), Some("12345"));
        assert_eq!(shift_decimal("0", 4).as_deref(), Some("0"));
        for bad in ["", ".", "1e5", "1.2.3", "12a", "１２"] {
            assert_eq!(shift_decimal(bad, -4), None, "{bad}");
        }
    }

    #[test]
    fn yuan_boxes_read_as_wan() {
        assert_eq!(yuan_to_wan("1,500,000"), "150");
        assert_eq!(yuan_to_wan("20000000元"), "2000");
        assert_eq!(yuan_to_wan("  "), "  ");
        assert_eq!(yuan_to_wan("两千万"), "两千万");
    }

    #[test]
    fn messages_speak_yuan() {
        assert_eq!(
            message_in_page_unit("不得少于 100 万元。", PageUnit::Yuan),
            "不得少于 1000000 元。"
        );
        assert_eq!(
            message_in_page_unit("应不大于1,234.5万元", PageUnit::Yuan),
            "应不大于12345000元"
        );
        assert_eq!(
            message_in_page_unit("小数最多保留4位。", PageUnit::Yuan),
            "金额请填写到元（不含角、分）。"
        );
        assert_eq!(message_in_page_unit("第2项", PageUnit::Yuan), "第2项");
    }
    #[test]
    fn marks_and_colons_go() {
        assert_eq!(clean("  注册资本 *："), "注册资本");
        assert_eq!(clean("* 联系电话"), "联系电话");
        assert_eq!(clean("企业名称（必填）"), "企业名称");
        assert_eq!(clean("统一社会信用代码/注册号:"), "统一社会信用代码/注册号");
    }

    #[test]
    fn long_labels_shorten() {
        assert_eq!(shorten("短标签", 24), "短标签");
        let long = "我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。";
        let s = shorten(long, 12);
        assert!(s.ends_with('…') && s.chars().count() <= 13, "{s}");
    }

    #[test]
    fn registration_numbers_carry_their_check_digit() {
        assert!(is_registration_number("110108000000016"));
        assert!(is_registration_number("410100100001239"));
        assert!(
            !is_registration_number("110108000000017"),
            "a wrong check digit"
        );
        assert!(!is_registration_number("11010800000001"), "14 digits");
        assert!(
            !is_registration_number("91110000600037341L"),
            "a credit code is not a 注册号"
        );
        assert!(
            !is_registration_number("１１０１０８０００００００１６"),
            "full-width digits are not read as a 注册号"
        );
    }
}
