//! Unit tests for the field format checkers, using the real codes and examples collected in
//! notes/FORMATS.md.

#![cfg(not(target_arch = "wasm32"))]

use yanglao_check::checks::*;
use yanglao_check::locale::Locale;

const REAL_USCC: &[&str] = &[
    "91110000600037341L",
    "121200004013590816",
    "91310115MA1K3BTP2B",
    "92340602MA2PBMEM24",
    "91620105L015101280",
    "9144030071526726XG",
    "12100000400000624D",
];

fn err<T: std::fmt::Debug>(r: Checked<T>) -> FormatIssue {
    match r {
        Ok(p) => panic!("expected an error, got {p:?}"),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------- width

#[test]
fn width_folds_full_width_and_drops_invisible() {
    assert_eq!(fold_width("１２３"), "123");
    assert_eq!(fold_width("\u{3000} ａｂｃ\u{3000}"), "abc");
    assert_eq!(fold_width("1\u{200B}2\u{202E}3\u{FEFF}"), "123");
    assert_eq!(fold_width("①"), "①", "not NFKC");
}

#[test]
fn blank_is_one_definition_for_the_whole_core() {
    use yanglao_check::value::Value;
    // Issue 12 item 3: a required field holding only a direction mark counted as filled.
    for s in [
        "\u{200E}",
        "\u{202E}",
        "\u{2066}",
        "\u{2069}",
        " \u{3000}\u{200B}\u{FEFF}",
        "\u{00AD}",
    ] {
        assert!(!Value::Text(s.into()).is_given(), "{s:?}");
        assert!(!Value::List(vec![s.into(), "".into()]).is_given(), "{s:?}");
        assert_eq!(fold_width(s), "", "{s:?}");
        assert_eq!(count_zi(s), 0, "{s:?}");
        assert_eq!(err(check_phone(s)), FormatIssue::Empty, "{s:?}");
        assert_eq!(err(check_email(s)), FormatIssue::Empty, "{s:?}");
    }
    assert!(Value::Text("\u{200E}张".into()).is_given());
}

// ---------------------------------------------------------------- USCC

#[test]
fn uscc_real_codes_pass_without_warnings() {
    for code in REAL_USCC {
        let p = check_uscc(code).unwrap_or_else(|e| panic!("{code}: {e:?}"));
        assert_eq!(p.value, *code);
        assert_eq!(p.normalized, *code);
        assert!(p.warnings.is_empty(), "{code}: {:?}", p.warnings);
    }
}

#[test]
fn uscc_accepts_lowercase_full_width_and_separators() {
    let p = check_uscc(" 91310115ma1k3btp2b ").unwrap();
    assert_eq!(p.value, "91310115MA1K3BTP2B");
    let p = check_uscc("９１１１００００６０００３７３４１Ｌ").unwrap();
    assert_eq!(p.value, "91110000600037341L");
    let p = check_uscc("9111 0000 6000-3734 1L").unwrap();
    assert_eq!(p.value, "91110000600037341L");
}

#[test]
fn uscc_checksum_names_expected_char() {
    assert_eq!(
        err(check_uscc("91110000600037341M")),
        FormatIssue::UsccChecksum { expected: 'L' }
    );
}

#[test]
fn uscc_length_and_old_number() {
    assert_eq!(
        err(check_uscc("91110000600037341")),
        FormatIssue::UsccLength { len: 17 }
    );
    assert_eq!(
        err(check_uscc("110108000000016")),
        FormatIssue::UsccOldRegistrationNumber
    );
    assert_eq!(err(check_uscc("")), FormatIssue::Empty);
    assert_eq!(err(check_uscc("  \u{200B} ")), FormatIssue::Empty);
}

#[test]
fn uscc_bad_char_with_suggestion() {
    assert_eq!(
        err(check_uscc("9111OOOO600037341L")),
        FormatIssue::UsccBadChar {
            position: 5,
            ch: 'O',
            suggestion: Some('0')
        }
    );
    assert_eq!(
        err(check_uscc("9i110000600037341L")),
        FormatIssue::UsccBadChar {
            position: 2,
            ch: 'I',
            suggestion: Some('1')
        }
    );
    assert_eq!(
        err(check_uscc("91110000600037341Z")),
        FormatIssue::UsccBadChar {
            position: 18,
            ch: 'Z',
            suggestion: None
        }
    );
}

#[test]
fn uscc_kind_and_province() {
    assert_eq!(
        uscc_kind("91110000600037341L"),
        Some(("工商/市场监管", "企业"))
    );
    assert_eq!(
        uscc_kind("12100000400000624D"),
        Some(("机构编制", "事业单位"))
    );
    assert_eq!(uscc_kind("n2"), Some(("农业", "村级集体经济组织")));
    assert_eq!(uscc_kind("94"), None);
    assert_eq!(uscc_kind("9"), None);
    assert_eq!(uscc_province("91320000XXXXXXXXXX"), Some("32"));
    assert_eq!(uscc_province("12100000400000624D"), Some("10"));
    assert_eq!(uscc_province("91"), None);
    assert_eq!(uscc_province("9号码"), None);
}

/// Builds a valid code from 17 characters by computing its check character.
fn with_check(first17: &str) -> String {
    let chars: Vec<char> = first17.chars().collect();
    let c = uscc::uscc_check_char(&chars).expect("17 legal chars");
    format!("{first17}{c}")
}

#[test]
fn uscc_unusual_prefixes_are_warnings_not_errors() {
    // Unknown 部门/类别 pair.
    let code = with_check("94110000600037341");
    let p = check_uscc(&code).unwrap();
    assert!(p.warnings.contains(&FormatIssue::UsccUnknownKind {
        prefix: "94".into()
    }));
    // Unknown region prefix 99.
    let code = with_check("91990000600037341");
    let p = check_uscc(&code).unwrap();
    assert!(p.warnings.contains(&FormatIssue::UsccUnknownRegion {
        prefix: "99".into()
    }));
    // Organisation code whose own check fails (last org char changed).
    let code = with_check("91110000600037342");
    let p = check_uscc(&code).unwrap();
    assert!(p.warnings.contains(&FormatIssue::UsccOrgCodeChecksum));
    assert!(p.warnings.iter().all(FormatIssue::is_warning));
}

#[test]
fn uscc_region_code_positions_3_to_8_must_be_digits() {
    // The issue's example: a letter at position 5 passed silently.
    assert_eq!(
        err(check_uscc("7165U1029014P15A46")),
        FormatIssue::UsccRegionNotDigits {
            position: 5,
            ch: 'U'
        }
    );
    // A letter in each of positions 3–8 of a real code, with a matching check character,
    // is an error naming the position.
    let real = "91110000600037341L";
    for pos in 3..=8usize {
        let mut first17: Vec<char> = real.chars().take(17).collect();
        first17[pos - 1] = 'A';
        let code = with_check(&first17.iter().collect::<String>());
        assert_eq!(
            err(check_uscc(&code)),
            FormatIssue::UsccRegionNotDigits {
                position: pos,
                ch: 'A'
            },
            "{code}"
        );
    }
    let m = message(
        &FormatIssue::UsccRegionNotDigits {
            position: 5,
            ch: 'U',
        },
        Locale::ZhCn,
    );
    assert!(m.contains("行政区划码") && m.contains("第5位"), "{m}");
    // Letters in positions 1–2 stay allowed (A, N and Y are in use).
    for first2 in ["A1", "N2", "Y1"] {
        let code = with_check(&format!("{first2}110000600037341"));
        assert!(check_uscc(&code).is_ok(), "{code}");
    }
}

#[test]
fn uscc_every_single_substitution_of_real_codes_fails() {
    let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().collect();
    for code in REAL_USCC {
        let chars: Vec<char> = code.chars().collect();
        for i in 0..18 {
            for &a in &alphabet {
                if a == chars[i] {
                    continue;
                }
                let mut c = chars.clone();
                c[i] = a;
                let s: String = c.into_iter().collect();
                assert!(check_uscc(&s).is_err(), "{s} should fail");
            }
        }
    }
}

// ---------------------------------------------------------------- phone

#[test]
fn phone_should_pass() {
    let cases = [
        ("+86 138 1234 5678", PhoneKind::Mobile, "13812345678"),
        ("8613812345678", PhoneKind::Mobile, "13812345678"),
        ("0086-138-1234-5678", PhoneKind::Mobile, "13812345678"),
        ("(0755)26036008", PhoneKind::Landline, "0755-26036008"),
        (
            "（０７５５）２６０３６００８",
            PhoneKind::Landline,
            "0755-26036008",
        ),
        (
            "0571-88888888转8001",
            PhoneKind::Landline,
            "0571-88888888 转8001",
        ),
        (
            "0571-88888888 ext. 8001",
            PhoneKind::Landline,
            "0571-88888888 转8001",
        ),
        ("010-62795627", PhoneKind::Landline, "010-62795627"),
        ("+86 10 6279 5627", PhoneKind::Landline, "010-62795627"),
        ("0917-3234567", PhoneKind::Landline, "0917-3234567"),
        ("400-123-4567", PhoneKind::Service, "400-123-4567"),
        ("800 123 4567", PhoneKind::Service, "800-123-4567"),
    ];
    for (input, kind, norm) in cases {
        let p = check_phone(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(p.value, kind, "{input}");
        assert_eq!(p.normalized, norm, "{input}");
    }
}

#[test]
fn phone_should_fail_with_reason() {
    let cases = [
        ("12812345678", FormatIssue::PhoneMobilePrefix),
        ("62795627", FormatIssue::PhoneMissingAreaCode),
        (
            "010-1234567",
            FormatIssue::PhoneLandlineLength {
                area: "010".into(),
                lengths: vec![8],
                got: 7,
            },
        ),
        ("1381234567", FormatIssue::PhoneTooShort),
        ("138123456789", FormatIssue::PhoneTooLong),
        ("0755-06036008", FormatIssue::PhoneLandlineLocalPrefix),
        ("400-123-456", FormatIssue::PhoneServiceLength),
        ("+852 2123 4567", FormatIssue::PhoneNotMainland),
        (
            "0571-88888888转12345678",
            FormatIssue::PhoneExtensionTooLong,
        ),
        ("138-abcd-5678", FormatIssue::PhoneBadChar { ch: 'a' }),
        ("", FormatIssue::Empty),
    ];
    for (input, issue) in cases {
        assert_eq!(err(check_phone(input)), issue, "{input}");
    }
}

#[test]
fn phone_area_codes_and_lengths_come_from_libphonenumber() {
    let unknown = |area: &str| FormatIssue::PhoneUnknownAreaCode { area: area.into() };
    assert_eq!(err(check_phone("026-12345678")), unknown("026"));
    assert_eq!(err(check_phone("0300-1234567")), unknown("0300"));
    assert_eq!(err(check_phone("+86 26 1234 5678")), unknown("026"));
    assert_eq!(
        err(check_phone("0311-7862307")),
        FormatIssue::PhoneLandlineLength {
            area: "0311".into(),
            lengths: vec![8],
            got: 7,
        },
        "Shijiazhuang's local numbers have 8 digits"
    );
    assert_eq!(
        err(check_phone("0917-32345678")),
        FormatIssue::PhoneLandlineLength {
            area: "0917".into(),
            lengths: vec![7],
            got: 8,
        }
    );
    for ok in [
        "0311-78623071",
        "0754-2234567",
        "0754-22345678",
        "021-62321234",
    ] {
        assert!(check_phone(ok).is_ok(), "{ok}");
    }
    // Every area code of the generated table takes its own lengths and refuses the others.
    for (area, mask) in yanglao_check::checks::phone_data::AREA_CODES {
        for len in 5..=9u32 {
            let number = format!("0{area}-{}", "2".repeat(len as usize));
            let fits = mask >> len & 1 == 1;
            assert_eq!(check_phone(&number).is_ok(), fits, "{number}");
        }
    }
}

#[test]
fn phone_hyphenated_extensions_are_extensions() {
    let cases = [
        ("0755-26781234-8021", "0755-26781234 转8021"),
        ("010-65881234-806", "010-65881234 转806"),
        ("（010）65881234－806", "010-65881234 转806"),
        ("400-123-4567-2", "400-123-4567 转2"),
        ("0755 2678 1234 - 8021", "0755-26781234 转8021"),
    ];
    for (input, norm) in cases {
        let p = check_phone(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(p.normalized, norm, "{input}");
        assert_eq!(
            check_phone(&p.normalized).unwrap().normalized,
            norm,
            "{input} again"
        );
    }
    assert_eq!(
        err(check_phone("0755-26781234-80219999")),
        FormatIssue::PhoneExtensionTooLong
    );
    // A hyphen inside the local number is formatting, not an extension.
    assert_eq!(
        check_phone("0755-2678-1234").unwrap().normalized,
        "0755-26781234"
    );
    // A mobile has no extension.
    assert!(check_phone("138-1234-5678-12").is_err());
}

#[test]
fn phone_plus86_service_numbers_are_not_area_codes() {
    for (input, norm) in [
        ("+86 400 123 4567", "400-123-4567"),
        ("+86 800 123 4567", "800-123-4567"),
        ("0086-400-123-4567", "400-123-4567"),
        ("0400-123-4567", "400-123-4567"),
        ("0800 123 4567", "800-123-4567"),
        ("950-1234-5678", "950-123-45678"),
        ("+86 950 1234 567", "950-123-4567"),
    ] {
        let p = check_phone(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(
            (p.value, p.normalized.as_str()),
            (PhoneKind::Service, norm),
            "{input}"
        );
    }
}

#[test]
fn phone_trunk_zero_before_a_mobile_is_read_like_before_an_area_code() {
    // "+86 (0)755…" drops the redundant trunk 0; a mobile written with it is read the same way.
    assert_eq!(
        check_phone("+86 (0)755 2603 6008").unwrap().normalized,
        "0755-26036008"
    );
    for input in ["013812345678", "+86 (0)138 1234 5678", "+86 0138 1234 5678"] {
        let p = check_phone(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(
            (p.value, p.normalized.as_str()),
            (PhoneKind::Mobile, "13812345678"),
            "{input}"
        );
    }
    assert_eq!(err(check_phone("01381234567")), FormatIssue::PhoneTooShort);
}

#[test]
fn phone_unallocated_prefix_is_a_warning() {
    for unallocated in [
        "16112345678",
        "17412345678",
        "17406123456",
        "14012345678",
        "19412345678",
    ] {
        let p = check_phone(unallocated).unwrap_or_else(|e| panic!("{unallocated}: {e:?}"));
        assert_eq!(
            p.warnings,
            vec![FormatIssue::PhoneMobileUnallocated],
            "{unallocated}"
        );
    }
    for allocated in ["16101234567", "17400123456", "19912345678", "14512345678"] {
        assert!(
            check_phone(allocated).unwrap().warnings.is_empty(),
            "{allocated}"
        );
    }
    assert!(check_phone("13812345678").unwrap().warnings.is_empty());
}

// ---------------------------------------------------------------- email

#[test]
fn email_follows_whatwg() {
    for ok in [
        "a@b",
        "name.surname+tag@example.com",
        " x@qq.com\n",
        "a..b.@x-y.cn",
        "!#$%&'*+/=?^_`{|}~-@a",
    ] {
        assert!(check_email(ok).is_ok(), "{ok}");
    }
    assert_eq!(check_email(" x@qq.com\n").unwrap().normalized, "x@qq.com");
    let bad = [
        ("张三@qq.com", EmailProblem::LocalBadChar { ch: '张' }),
        ("abc", EmailProblem::MissingAt),
        ("a@b@c", EmailProblem::MultipleAt),
        ("@qq.com", EmailProblem::EmptyLocal),
        ("a@", EmailProblem::EmptyDomain),
        ("a@qq..com", EmailProblem::EmptyLabel),
        ("a@qq.com.", EmailProblem::EmptyLabel),
        ("a@-qq.com", EmailProblem::LabelHyphenEdge),
        ("a@qq_x.com", EmailProblem::DomainBadChar { ch: '_' }),
        ("a b@qq.com", EmailProblem::Space),
        ("a@qq。com", EmailProblem::IdeographicFullStop),
        ("ａ@qq.com", EmailProblem::FullWidthChar { ch: 'ａ' }),
    ];
    for (input, reason) in bad {
        assert_eq!(
            err(check_email(input)),
            FormatIssue::EmailInvalid { reason },
            "{input}"
        );
    }
    let long = format!("a@{}.com", "x".repeat(64));
    assert_eq!(
        err(check_email(&long)),
        FormatIssue::EmailInvalid {
            reason: EmailProblem::LabelTooLong
        }
    );
    assert!(check_email(&format!("a@{}.com", "x".repeat(63))).is_ok());
}

#[test]
fn email_hidden_characters_are_reported_by_kind_not_stripped() {
    use yanglao_check::blank::HiddenKind;
    let cases = [
        ("\u{3000}name@qq.com", HiddenKind::FullWidthSpace),
        ("name@qq.com\u{3000}", HiddenKind::FullWidthSpace),
        ("na\u{200B}me@qq.com", HiddenKind::ZeroWidth),
        ("name@qq.com\u{FEFF}", HiddenKind::ZeroWidth),
        ("\u{200E}name@qq.com", HiddenKind::DirectionMark),
        ("name@qq.com\u{202E}", HiddenKind::DirectionMark),
        ("name@\u{2066}qq.com", HiddenKind::DirectionMark),
        ("name\u{00A0}@qq.com", HiddenKind::NoBreakSpace),
    ];
    for (input, kind) in cases {
        assert_eq!(
            err(check_email(input)),
            FormatIssue::EmailInvalid {
                reason: EmailProblem::Hidden { kind }
            },
            "{input:?}"
        );
    }
    // What the browser itself strips (CR, LF, surrounding ASCII spaces) is stripped.
    assert_eq!(
        check_email(" na\nme@qq.com\t").unwrap().normalized,
        "name@qq.com"
    );
    assert_eq!(err(check_email("\u{200B}")), FormatIssue::Empty);
    let msg = message(
        &FormatIssue::EmailInvalid {
            reason: EmailProblem::Hidden {
                kind: HiddenKind::DirectionMark,
            },
        },
        Locale::ZhCn,
    );
    assert!(msg.contains("文字方向控制符"), "{msg}");
}

#[test]
fn email_domain_without_dot_is_a_warning() {
    let p = check_email("123456789@qq").unwrap();
    assert_eq!(p.warnings, vec![FormatIssue::EmailDomainWithoutDot]);
    assert!(FormatIssue::EmailDomainWithoutDot.is_warning());
    assert!(check_email("123456789@qq.com").unwrap().warnings.is_empty());
}

#[test]
fn email_full_width_at_gets_hint() {
    assert_eq!(
        err(check_email("name＠qq.com")),
        FormatIssue::EmailFullWidthAt
    );
}

// ---------------------------------------------------------------- numbers

fn wan(s: &str) -> Checked<f64> {
    parse_amount_wan(s, NumberOptions::default())
}

#[test]
fn amounts_in_wan() {
    let cases = [
        ("1,234.5万元", 1234.5, "1234.5"),
        ("1，234.5 万", 1234.5, "1234.5"),
        ("１２３", 123.0, "123"),
        ("150", 150.0, "150"),
        ("0150.2500", 150.25, "150.25"),
        ("1,234,567", 1234567.0, "1234567"),
        ("-0", 0.0, "0"),
        (".5", 0.5, "0.5"),
        ("150（万元）", 150.0, "150"),
    ];
    for (input, v, norm) in cases {
        let p = wan(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(p.value, v, "{input}");
        assert_eq!(p.normalized, norm, "{input}");
    }
}

#[test]
fn amounts_refused_with_reason() {
    let cases = [
        ("1,23.4", FormatIssue::NumberBadGrouping),
        ("1 234", FormatIssue::NumberBadGrouping),
        ("1,5", FormatIssue::NumberBadGrouping),
        ("500元", FormatIssue::AmountInYuan),
        ("500 千元", FormatIssue::AmountInYuan),
        ("3亿元", FormatIssue::AmountInYi),
        ("3亿", FormatIssue::AmountInYi),
        ("五百万元", FormatIssue::NumberChineseNumeral),
        ("三", FormatIssue::NumberChineseNumeral),
        ("1百5", FormatIssue::NumberChineseNumeral),
        ("-5", FormatIssue::NumberNegative),
        ("1.23456", FormatIssue::NumberTooManyDecimals { max: 4 }),
        ("1e309", FormatIssue::NumberNotANumber),
        ("NaN", FormatIssue::NumberNotANumber),
        ("inf", FormatIssue::NumberNotANumber),
        ("1.2.3", FormatIssue::NumberNotANumber),
        (
            "约150",
            FormatIssue::NumberApproximate { word: "约".into() },
        ),
        ("", FormatIssue::Empty),
    ];
    for (input, issue) in cases {
        assert_eq!(err(wan(input)), issue, "{input}");
    }
    assert_eq!(err(wan("150块")), FormatIssue::AmountInYuan);
    assert_eq!(
        err(wan("150 kg")),
        FormatIssue::NumberWrongUnit {
            unit: "kg".into(),
            expected: Some("万元".into())
        }
    );
}

#[test]
fn amounts_written_as_people_write_them() {
    for input in [
        "500 万 元",
        "500万元整",
        "500万人民币",
        "500万元人民币",
        "500 万元 整",
        "人民币500万元",
        "￥500万",
        "500万整",
    ] {
        let p = wan(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!((p.value, p.normalized.as_str()), (500.0, "500"), "{input}");
        assert!(p.warnings.is_empty(), "{input}");
    }
    let foreign = |c: &str| FormatIssue::AmountForeignCurrency { currency: c.into() };
    assert_eq!(err(wan("500万美元")), foreign("美元"));
    assert_eq!(err(wan("500万港元")), foreign("港元"));
    assert_eq!(err(wan("500万港币")), foreign("港元"));
    assert_eq!(err(wan("500万欧元")), foreign("欧元"));
    assert_eq!(err(wan("US$500万")), foreign("美元"));
    assert_eq!(err(wan("HK$ 500万")), foreign("港元"));
    assert_eq!(err(wan("500 USD")), foreign("美元"));
    let m = message(&foreign("美元"), Locale::ZhCn);
    assert!(m.contains("折算为人民币"), "{m}");
    assert_eq!(err(wan("500元人民币")), FormatIssue::AmountInYuan);
    assert_eq!(err(wan("5000000人民币")), FormatIssue::AmountInYuan);
    assert_eq!(
        err(wan("1234。5")),
        FormatIssue::NumberNotDecimalPoint { ch: '。' }
    );
    assert_eq!(
        err(wan("500万左右")),
        FormatIssue::NumberApproximate {
            word: "左右".into()
        }
    );
}

#[test]
fn chinese_units_are_not_called_chinese_numerals() {
    for input in ["500万元整", "500万人民币", "500万元人民币"] {
        assert!(wan(input).is_ok(), "{input}");
    }
    assert_eq!(
        err(wan("500 万 米")),
        FormatIssue::NumberWrongUnit {
            unit: "万米".into(),
            expected: Some("万元".into())
        }
    );
    // In a count, 万 is a multiplier: a Chinese numeral.
    assert_eq!(err(parse_count("3万人")), FormatIssue::NumberChineseNumeral);
}

#[test]
fn approximate_figures_get_their_own_hint() {
    let approx = |w: &str| FormatIssue::NumberApproximate { word: w.into() };
    assert_eq!(err(parse_count("约 120 人")), approx("约"));
    assert_eq!(err(parse_count("120余人")), approx("余"));
    assert_eq!(err(parse_count("120人左右")), approx("左右"));
    assert_eq!(err(parse_count("近120")), approx("近"));
    assert_eq!(
        err(parse_percent("约15%", PercentOptions::default())),
        approx("约")
    );
    assert_eq!(
        err(parse_decimal(
            "大约 3000 平方米",
            Some("平方米"),
            NumberOptions::default()
        )),
        approx("大约")
    );
    let m = message(&approx("约"), Locale::ZhCn);
    assert!(m.contains("确切") && !m.contains("千分位"), "{m}");
    assert_eq!(err(parse_count("约")), FormatIssue::NumberNotANumber);
}

#[test]
fn amount_without_unit_that_is_surely_in_yuan_warns() {
    let p = wan("5,000,000").unwrap();
    assert_eq!(p.value, 5_000_000.0, "the figure is kept as typed");
    assert_eq!(
        p.warnings,
        vec![FormatIssue::AmountLikelyInYuan {
            typed: "5000000".into(),
            divided: "500".into()
        }]
    );
    let m = message(&p.warnings[0], Locale::ZhCn);
    assert!(m.contains("500亿元") && m.contains("应填 500"), "{m}");
    assert_eq!(
        wan("1234567.5").unwrap().warnings,
        vec![FormatIssue::AmountLikelyInYuan {
            typed: "1234567.5".into(),
            divided: "123.45675".into()
        }]
    );
    // A base's or park's aggregate (辖区生产总值) has its own, higher line: 10 万亿元.
    let regional = NumberOptions {
        likely_yuan_from: Some(yanglao_check::checks::number::LIKELY_YUAN_FROM_WAN_REGIONAL),
        ..NumberOptions::default()
    };
    assert!(parse_amount_wan("28500000", regional)
        .unwrap()
        .warnings
        .is_empty());
    assert_eq!(
        parse_amount_wan("285,000,000,000", regional)
            .unwrap()
            .warnings,
        vec![FormatIssue::AmountLikelyInYuan {
            typed: "285000000000".into(),
            divided: "28500000".into()
        }]
    );
    let never = NumberOptions {
        likely_yuan_from: None,
        ..NumberOptions::default()
    };
    assert!(parse_amount_wan("5000000", never)
        .unwrap()
        .warnings
        .is_empty());
    // Below 100 亿元, or with 万 typed, the figure is taken as said.
    assert!(wan("999999").unwrap().warnings.is_empty());
    assert!(wan("5000000万元").unwrap().warnings.is_empty());
    assert!(wan("5000000 万").unwrap().warnings.is_empty());
}

#[test]
fn huge_numbers_are_clean_errors() {
    assert_eq!(err(wan(&"9".repeat(400))), FormatIssue::NumberTooLarge);
    assert_eq!(err(wan(&"9".repeat(16))), FormatIssue::NumberTooLarge);
    assert_eq!(wan(&"9".repeat(15)).unwrap().value, 999_999_999_999_999.0);
    let leading_zeros = format!("{}1", "0".repeat(400));
    assert_eq!(wan(&leading_zeros).unwrap().value, 1.0);
    let opts = NumberOptions {
        allow_negative: true,
        max_decimals: 255,
        likely_yuan_from: None,
    };
    let tiny = format!("0.{}1", "0".repeat(250));
    let v = parse_amount_wan(&tiny, opts).unwrap().value;
    assert!(v.is_finite() && v > 0.0);
}

#[test]
fn negative_allowed_when_asked() {
    let opts = NumberOptions {
        allow_negative: true,
        max_decimals: 2,
        likely_yuan_from: None,
    };
    let p = parse_amount_wan("-12.5", opts).unwrap();
    assert_eq!((p.value, p.normalized.as_str()), (-12.5, "-12.5"));
    assert_eq!(parse_amount_wan("−3", opts).unwrap().value, -3.0);
}

#[test]
fn decimals_with_field_unit() {
    let o = NumberOptions::default();
    assert_eq!(
        parse_decimal("1200平方米", Some("平方米"), o)
            .unwrap()
            .value,
        1200.0
    );
    assert_eq!(parse_decimal("12.5 M2", Some("m2"), o).unwrap().value, 12.5);
    assert_eq!(parse_decimal("30", Some("平方米"), o).unwrap().value, 30.0);
    assert_eq!(
        err(parse_decimal("1200亩", Some("平方米"), o)),
        FormatIssue::NumberWrongUnit {
            unit: "亩".into(),
            expected: Some("平方米".into())
        }
    );
    assert_eq!(
        err(parse_decimal("15%", None, o)),
        FormatIssue::NumberWrongUnit {
            unit: "%".into(),
            expected: None
        }
    );
    assert_eq!(
        err(parse_decimal("十五", None, o)),
        FormatIssue::NumberChineseNumeral
    );
}

#[test]
fn counts() {
    for (input, v) in [
        ("12", 12),
        ("12家", 12),
        ("1,200 人", 1200),
        ("３个", 3),
        ("3.0", 3),
        ("200人次", 200),
    ] {
        assert_eq!(parse_count(input).unwrap().value, v, "{input}");
    }
    assert_eq!(err(parse_count("1.5")), FormatIssue::CountNotWhole);
    assert_eq!(err(parse_count("-2")), FormatIssue::NumberNegative);
    assert_eq!(err(parse_count("三家")), FormatIssue::NumberChineseNumeral);
    assert_eq!(err(parse_count("3万人")), FormatIssue::NumberChineseNumeral);
    assert_eq!(
        err(parse_count("5 kg")),
        FormatIssue::NumberWrongUnit {
            unit: "kg".into(),
            expected: None
        }
    );
}

#[test]
fn percentages() {
    let o = PercentOptions::default();
    for input in ["15", "15%", "15％", "１５％", "百分之15", "15 %"] {
        let p = parse_percent(input, o).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(p.value, 15.0, "{input}");
        assert_eq!(p.normalized, "15");
        assert!(p.warnings.is_empty(), "{input}");
    }
    assert_eq!(
        err(parse_percent("百分之十五", o)),
        FormatIssue::NumberChineseNumeral
    );
    assert_eq!(
        err(parse_percent("120", o)),
        FormatIssue::PercentOver100 { value: 120.0 }
    );
    let p = parse_percent(
        "120%",
        PercentOptions {
            allow_over_100: true,
        },
    )
    .unwrap();
    assert_eq!(p.value, 120.0);
    assert_eq!(
        p.warnings,
        vec![FormatIssue::PercentOver100 { value: 120.0 }]
    );
    let p = parse_percent("0.15", o).unwrap();
    assert_eq!(p.warnings, vec![FormatIssue::PercentAmbiguousFraction]);
    assert!(
        parse_percent("0.15%", o).unwrap().warnings.is_empty(),
        "explicit % is not ambiguous"
    );
    assert!(parse_percent("100", o).unwrap().warnings.is_empty());
    assert!(parse_percent("0", o).unwrap().warnings.is_empty());
    assert_eq!(err(parse_percent("-5", o)), FormatIssue::NumberNegative);
    assert_eq!(err(parse_percent("15‰", o)).code(), "number.wrong_unit");
}

// ---------------------------------------------------------------- dates

#[test]
fn dates_accepted() {
    for input in [
        "2019-3-5",
        "2019-03-05",
        "2019/3/5",
        "2019.03.05",
        "2019年3月5日",
        "2019年03月05号",
        "20190305",
        "２０１９－０３－０５",
        " 2019 年 3 月 5 日 ",
    ] {
        let p = parse_date(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(
            p.value,
            Date {
                year: 2019,
                month: 3,
                day: 5
            },
            "{input}"
        );
        assert_eq!(p.normalized, "2019-03-05");
    }
    assert_eq!(parse_date("2020-02-29").unwrap().value.iso(), "2020-02-29");
}

#[test]
fn dates_refused() {
    let cases = [
        (
            "2019-02-30",
            FormatIssue::DateNonexistent {
                year: 2019,
                month: 2,
                day: 30,
            },
        ),
        (
            "2019-02-29",
            FormatIssue::DateNonexistent {
                year: 2019,
                month: 2,
                day: 29,
            },
        ),
        (
            "1900-02-29",
            FormatIssue::DateNonexistent {
                year: 1900,
                month: 2,
                day: 29,
            },
        ),
        (
            "2019-13-01",
            FormatIssue::DateNonexistent {
                year: 2019,
                month: 13,
                day: 1,
            },
        ),
        ("19-3-5", FormatIssue::DateTwoDigitYear),
        ("19年3月5日", FormatIssue::DateTwoDigitYear),
        ("190305", FormatIssue::DateTwoDigitYear),
        ("3/5/2019", FormatIssue::DateYearLast),
        ("1899-12-31", FormatIssue::DateYearOutOfRange { year: 1899 }),
        ("2101-01-01", FormatIssue::DateYearOutOfRange { year: 2101 }),
        ("2019-03", FormatIssue::DateUnrecognised),
        ("2019-3/5", FormatIssue::DateUnrecognised),
        ("二〇一九年三月五日", FormatIssue::DateUnrecognised),
        ("43529", FormatIssue::DateUnrecognised),
        ("", FormatIssue::Empty),
    ];
    for (input, issue) in cases {
        assert_eq!(err(parse_date(input)), issue, "{input}");
    }
}

#[test]
fn date_arithmetic() {
    let d = |s| parse_iso(s).unwrap();
    assert_eq!(d("2020-05-20").years_months_until(d("2023-05-20")), (3, 0));
    assert_eq!(d("2021-03-01").years_months_until(d("2023-05-20")), (2, 2));
    assert_eq!(d("2020-05-20").years_months_until(d("2023-05-19")), (2, 11));
    assert_eq!(d("2020-02-29").years_months_until(d("2021-02-28")), (1, 0));
    assert_eq!(d("2020-02-29").years_months_until(d("2021-02-27")), (0, 11));
    assert_eq!(d("2023-01-31").years_months_until(d("2023-02-28")), (0, 1));
    assert_eq!(d("2023-05-20").years_months_until(d("2020-05-20")), (0, 0));
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2100, 2, 29).is_none());
    assert!(Date::new(2000, 2, 29).is_some());
    assert!(Date::new(2023, 0, 1).is_none());
    assert!(d("2019-03-05") < d("2019-03-06"));
    assert_eq!(parse_iso("2019-3-5"), None);
    assert_eq!(parse_iso("2019-02-30"), None);
}

// ---------------------------------------------------------------- word count

#[test]
fn word_count_matches_word() {
    assert_eq!(count_zi("本项目于2019年启动，投入500万元。"), 15);
    assert_eq!(count_zi("面向AI+养老的IoT平台"), 9);
    assert_eq!(count_zi("Smart elderly care, 5G network."), 5);
    assert_eq!(count_zi(""), 0);
    assert_eq!(count_zi("  , . ; "), 0);
    assert_eq!(count_zi("“智慧养老”——服务"), 10);
    assert_eq!(count_zi("养\u{200B}老"), 2);
}

// ---------------------------------------------------------------- yes/no

#[test]
fn yes_no() {
    for (input, v) in [
        ("是", true),
        ("否", false),
        ("有", true),
        ("无", false),
        ("YES", true),
        ("No", false),
        ("true", true),
        ("FALSE", false),
        ("y", true),
        ("N", false),
        ("1", true),
        ("0", false),
        ("ｙｅｓ", true),
        ("１", true),
    ] {
        let p = parse_yes_no(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(p.value, v, "{input}");
        assert_eq!(p.normalized, if v { "是" } else { "否" });
    }
    assert_eq!(err(parse_yes_no("也许")), FormatIssue::YesNoUnrecognised);
    assert_eq!(err(parse_yes_no(" ")), FormatIssue::Empty);
}

// ---------------------------------------------------------------- issues and messages

#[test]
fn messages_match_examples_and_do_not_echo_input() {
    let m = message(&FormatIssue::UsccChecksum { expected: 'L' }, Locale::ZhCn);
    assert_eq!(
        m,
        "统一社会信用代码校验位不符：按前17位计算，第18位应为“L”。请核对是否有字符录入错误。"
    );
    assert_eq!(
        message(&FormatIssue::NumberChineseNumeral, Locale::ZhCn),
        "数字中不能使用中文数字，请使用阿拉伯数字，如 15。"
    );
    assert_eq!(
        message(&FormatIssue::AmountInYuan, Locale::ZhCn),
        "金额请换算为万元填写，例如 1500000 元应填 150。"
    );
    // A phone error never repeats the number.
    let issue = err(check_phone("13912345"));
    for loc in [Locale::ZhCn, Locale::En] {
        assert!(!message(&issue, loc).contains("13912345"));
    }
    let issue = err(check_uscc("91110000600037341M"));
    assert!(!message(&issue, Locale::En).contains("91110000600037341"));
}

#[test]
fn codes_are_dotted_and_warnings_flagged() {
    let samples = [
        FormatIssue::Empty,
        FormatIssue::UsccChecksum { expected: 'L' },
        FormatIssue::UsccOrgCodeChecksum,
        FormatIssue::PhoneMissingAreaCode,
        FormatIssue::PhoneMobileUnallocated,
        FormatIssue::EmailInvalid {
            reason: EmailProblem::MissingAt,
        },
        FormatIssue::PercentOver100 { value: 150.0 },
        FormatIssue::PercentAmbiguousFraction,
        FormatIssue::DateInFuture,
        FormatIssue::YesNoUnrecognised,
    ];
    for s in &samples {
        let code = s.code();
        assert!(code.contains('.') && code.is_ascii(), "{code}");
        for loc in [Locale::ZhCn, Locale::En] {
            assert!(!message(s, loc).is_empty());
        }
    }
    assert_eq!(
        FormatIssue::UsccChecksum { expected: 'L' }.code(),
        "uscc.checksum"
    );
    assert_eq!(
        FormatIssue::PhoneMissingAreaCode.code(),
        "phone.missing_area_code"
    );
    assert!(FormatIssue::UsccOrgCodeChecksum.is_warning());
    assert!(FormatIssue::PercentAmbiguousFraction.is_warning());
    assert!(!FormatIssue::PercentOver100 { value: 150.0 }.is_warning());
    assert!(!FormatIssue::UsccChecksum { expected: 'L' }.is_warning());
    let json = serde_json::to_string(&FormatIssue::UsccBadChar {
        position: 5,
        ch: 'O',
        suggestion: Some('0'),
    })
    .unwrap();
    assert!(json.contains("UsccBadChar"));
}
