//! Property tests for the format checkers: no input panics, normalisation is idempotent,
//! and the USCC check character catches every single substitution.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::fmt::Debug;
use yanglao_check::checks::*;
use yanglao_check::locale::Locale;

const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Characters that reach the checkers' interesting paths: digits (both widths), separators,
/// units, numerals, markers, invisible and bidi characters, and some arbitrary ones.
const INTERESTING: &[char] = &[
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '０',
    '１',
    '９',
    ',',
    '，',
    '.',
    '．',
    '。',
    '-',
    '－',
    '−',
    '+',
    '/',
    '%',
    '％',
    ' ',
    '\u{3000}',
    '\u{200B}',
    '\u{202E}',
    '\u{FEFF}',
    '万',
    '元',
    '亿',
    '千',
    '三',
    '百',
    '分',
    '之',
    '年',
    '月',
    '日',
    '号',
    '个',
    '人',
    '次',
    '转',
    'x',
    'e',
    'E',
    'a',
    'L',
    'O',
    'I',
    'Z',
    '@',
    '＠',
    '(',
    ')',
    '（',
    '）',
    '#',
    '是',
    '否',
    'y',
    'n',
    '\n',
    '\t',
    'é',
    '😀',
    '\u{10FFFF}',
];

fn interesting_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(INTERESTING), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

/// Any string: fully arbitrary, or built from the interesting characters.
fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        interesting_string(),
        "[0-9,.万元%年月日/ -]{0,30}"
    ]
}

/// Runs every checker and renders every issue in both locales; panics are the failure.
fn run_all(s: &str) {
    let mut issues = Vec::new();
    let mut collect = |w: Vec<FormatIssue>, e: Option<FormatIssue>| {
        issues.extend(w);
        issues.extend(e);
    };
    macro_rules! go {
        ($r:expr) => {
            match $r {
                Ok(p) => collect(p.warnings, None),
                Err(e) => collect(Vec::new(), Some(e)),
            }
        };
    }
    let opts = NumberOptions::default();
    go!(check_uscc(s));
    go!(check_phone(s));
    go!(check_email(s));
    go!(parse_amount_wan(s, opts));
    go!(parse_amount_wan(
        s,
        NumberOptions {
            allow_negative: true,
            max_decimals: 255,
            likely_yuan_from: None
        }
    ));
    go!(parse_decimal(s, None, opts));
    go!(parse_decimal(s, Some("平方米"), opts));
    go!(parse_decimal(s, Some(s), opts));
    go!(parse_count(s));
    go!(parse_percent(
        s,
        PercentOptions {
            allow_over_100: false
        }
    ));
    go!(parse_percent(
        s,
        PercentOptions {
            allow_over_100: true
        }
    ));
    go!(parse_date(s));
    go!(parse_yes_no(s));
    let _ = parse_iso(s);
    let _ = count_zi(s);
    let _ = fold_width(s);
    let _ = uscc_kind(s);
    let _ = uscc_province(s);
    for i in &issues {
        let _ = i.code();
        let _ = i.is_warning();
        let _ = message(i, Locale::ZhCn);
        let _ = message(i, Locale::En);
    }
}

/// If `s` is accepted, its `normalized` form is accepted with the same value and spelling.
fn idempotent<T: PartialEq + Debug>(
    f: impl Fn(&str) -> Checked<T>,
    s: &str,
) -> Result<(), TestCaseError> {
    if let Ok(first) = f(s) {
        let again = f(&first.normalized);
        prop_assert!(
            again.is_ok(),
            "{:?} → {:?} rejected: {:?}",
            s,
            first.normalized,
            again
        );
        if let Ok(again) = again {
            prop_assert_eq!(&again.normalized, &first.normalized);
            prop_assert_eq!(&again.value, &first.value);
        }
    }
    Ok(())
}

fn all_idempotent(s: &str) -> Result<(), TestCaseError> {
    let o = NumberOptions::default();
    idempotent(check_uscc, s)?;
    idempotent(check_phone, s)?;
    idempotent(check_email, s)?;
    idempotent(|x| parse_amount_wan(x, o), s)?;
    idempotent(
        |x| {
            parse_amount_wan(
                x,
                NumberOptions {
                    allow_negative: true,
                    max_decimals: 8,
                    likely_yuan_from: None,
                },
            )
        },
        s,
    )?;
    idempotent(|x| parse_decimal(x, Some("平方米"), o), s)?;
    idempotent(parse_count, s)?;
    idempotent(
        |x| {
            parse_percent(
                x,
                PercentOptions {
                    allow_over_100: true,
                },
            )
        },
        s,
    )?;
    idempotent(parse_date, s)?;
    idempotent(parse_yes_no, s)?;
    Ok(())
}

/// Inputs shaped like real answers, so a good share of them are accepted.
fn plausible_input() -> impl Strategy<Value = String> {
    prop_oneof![
        "[-+]?[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{0,5})?( ?(万元|万|%|％|个|平方米))?",
        "(１|２|0|5|9){1,6}[.．]?[0-9]{0,3}",
        "(19|20)[0-9]{2}(-[01]?[0-9]-[0-3]?[0-9]|/[01]?[0-9]/[0-3]?[0-9]|\\.[01][0-9]\\.[0-3][0-9]|年[01]?[0-9]月[0-3]?[0-9]日?|[01][0-9][0-3][0-9])",
        "(\\+86 ?|0086)?1[3-9][0-9]{9}",
        "\\(?0[1-9][0-9]{1,2}\\)?[- ]?[2-9][0-9]{6,7}( ?(转|ext|#)[0-9]{1,4})?",
        "[48]00[- ]?[0-9]{3}[- ]?[0-9]{4}",
        "[a-zA-Z0-9._+-]{1,10}@[a-z0-9-]{1,10}(\\.[a-z]{2,4}){0,2}",
        "(是|否|有|无|Yes|NO|y|N|1|0|ＹＥＳ)",
    ]
}

/// A random valid code: 17 random alphabet characters plus the computed check character.
/// A valid code: any alphabet characters, except that characters 3–8 (the 登记管理机关行政区划码)
/// are digits, and the check character computed.
fn valid_uscc() -> impl Strategy<Value = String> {
    let alphabet = || prop::sample::select(ALPHABET.chars().collect::<Vec<_>>());
    let digits = prop::sample::select("0123456789".chars().collect::<Vec<_>>());
    (
        prop::collection::vec(alphabet(), 2),
        prop::collection::vec(digits, 6),
        prop::collection::vec(alphabet(), 9),
    )
        .prop_map(|(a, b, c)| {
            let v: Vec<char> = a.into_iter().chain(b).chain(c).collect();
            let check = uscc::uscc_check_char(&v).expect("alphabet chars");
            v.into_iter().chain(std::iter::once(check)).collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_checker_panics(s in any_input()) {
        run_all(&s);
    }

    #[test]
    fn normalisation_is_idempotent(s in prop_oneof![plausible_input(), any_input()]) {
        all_idempotent(&s)?;
    }

    #[test]
    fn random_valid_uscc_passes(code in valid_uscc()) {
        let p = check_uscc(&code);
        prop_assert!(p.is_ok(), "{} {:?}", code, p);
        if let Ok(p) = p {
            prop_assert_eq!(p.normalized, code.clone());
            prop_assert!(p.warnings.iter().all(FormatIssue::is_warning));
        }
        prop_assert!(check_uscc(&code.to_ascii_lowercase()).is_ok());
    }

    #[test]
    fn any_alphabet_substitution_fails(code in valid_uscc(), pos in 0usize..18, with in prop::sample::select(ALPHABET.chars().collect::<Vec<_>>())) {
        let mut chars: Vec<char> = code.chars().collect();
        prop_assume!(chars[pos] != with);
        chars[pos] = with;
        let changed: String = chars.into_iter().collect();
        prop_assert!(check_uscc(&changed).is_err(), "{} accepted", changed);
    }

    #[test]
    fn any_char_substitution_fails(code in valid_uscc(), pos in 0usize..18, with in any::<char>()) {
        let mut chars: Vec<char> = code.chars().collect();
        let original = chars[pos];
        // Only characters that normalise to the original (its lowercase or full-width form)
        // may pass; everything else must be refused.
        prop_assume!(fold_width(&with.to_string()).to_ascii_uppercase() != original.to_string());
        chars[pos] = with;
        let changed: String = chars.into_iter().collect();
        prop_assert!(check_uscc(&changed).is_err(), "{:?} accepted", changed);
    }

    #[test]
    fn adjacent_transposition_in_body_fails(code in valid_uscc(), pos in 0usize..16) {
        let mut chars: Vec<char> = code.chars().collect();
        prop_assume!(chars[pos] != chars[pos + 1]);
        chars.swap(pos, pos + 1);
        let changed: String = chars.into_iter().collect();
        prop_assert!(check_uscc(&changed).is_err(), "{} accepted", changed);
    }

    #[test]
    fn amounts_are_finite(s in "[0-9]{1,400}(\\.[0-9]{1,400})?") {
        let opts = NumberOptions { allow_negative: true, max_decimals: 255, likely_yuan_from: None };
        if let Ok(p) = parse_amount_wan(&s, opts) {
            prop_assert!(p.value.is_finite());
        }
        if let Ok(p) = parse_percent(&s, PercentOptions { allow_over_100: true }) {
            prop_assert!(p.value.is_finite());
        }
    }

    #[test]
    fn word_count_is_additive_over_spaces(a in any::<String>(), b in any::<String>()) {
        let joined = format!("{a} {b}");
        prop_assert_eq!(count_zi(&joined), count_zi(&a).saturating_add(count_zi(&b)));
    }
}

/// 1 MB inputs of several shapes go through every checker without a panic. How long they
/// take is measured by the benchmark (scripts/bench.mjs), never asserted here.
#[test]
fn megabyte_inputs_are_handled() {
    let shapes = [
        "9".repeat(1 << 20),
        "，".repeat(1 << 18),
        "1,".repeat(1 << 19),
        "万".repeat(1 << 18),
        "a@".repeat(1 << 19),
        "\u{200B}".repeat(1 << 18),
        "2019-".repeat(1 << 18),
        "养老 AI+ ".repeat(1 << 17),
        format!("0.{}", "0".repeat(1 << 20)),
        format!("{}@x.com", "a".repeat(1 << 20)),
    ];
    for s in &shapes {
        run_all(s);
    }
}
