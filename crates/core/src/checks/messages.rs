//! The words shown to people, in zh-CN and en. Kept apart from the checkers so wording can be
//! improved without touching logic, and so every message is reviewed in one place.
//!
//! Style: say what is wrong in plain words, then what to do, with an example where it helps.
//! Never echo a whole phone number or code back; one offending character is fine.

use super::email::EmailProblem;
use super::FormatIssue;
use crate::blank::HiddenKind;
use crate::locale::Locale;

/// The message for `issue` in `locale`.
pub fn message(issue: &FormatIssue, locale: Locale) -> String {
    use FormatIssue::*;
    let zh = locale == Locale::ZhCn;
    let pick = |z: &str, e: &str| locale.pick(z, e).to_string();
    match issue {
        Empty => pick("请填写此项。", "Please fill in this field."),

        UsccLength { len } => if zh {
            format!("统一社会信用代码应为18位，当前为{len}位。请对照营业执照或登记证书核对。")
        } else {
            format!("The unified social credit code has 18 characters; {len} were entered. Please copy it from the licence or registration certificate.")
        },
        UsccBadChar { position, ch, suggestion } => {
            let hint = match (suggestion, zh) {
                (Some(s), true) => format!("是否应为数字“{s}”？"),
                (Some(s), false) => format!(" Did you mean the digit “{s}”?"),
                (None, _) => String::new(),
            };
            if zh {
                format!("统一社会信用代码第{position}位“{ch}”不是有效字符（代码只用数字和大写字母，不含 I、O、S、V、Z）。{hint}")
            } else {
                format!("Character {position} (“{ch}”) cannot appear in a unified social credit code (digits and capital letters except I, O, S, V, Z).{hint}")
            }
        }
        UsccRegionNotDigits { position, ch } => if zh {
            format!("统一社会信用代码第3–8位是登记管理机关行政区划码，只能是数字，第{position}位却是字母“{ch}”。请对照营业执照或登记证书核对。")
        } else {
            format!("Characters 3–8 of the unified social credit code are the registration authority's region code and are always digits, but character {position} is the letter “{ch}”. Please copy the code from the licence or registration certificate.")
        },
        UsccChecksum { expected } => if zh {
            format!("统一社会信用代码校验位不符：按前17位计算，第18位应为“{expected}”。请核对是否有字符录入错误。")
        } else {
            format!("The check character does not match: from the first 17 characters, the 18th should be “{expected}”. Please look for a mistyped character.")
        },
        UsccOldRegistrationNumber => pick(
            "这是15位的旧工商注册号，请填写18位的统一社会信用代码（见营业执照左上角）。",
            "This is a 15-digit old business registration number. Please enter the 18-character unified social credit code shown on the business licence.",
        ),
        UsccOrgCodeChecksum => pick(
            "代码第9–17位（组织机构代码）的校验不通过，请再核对一遍；若与证照一致，可以忽略此提示。",
            "Characters 9–17 (the organisation code) fail their own check. Please double-check; if they match the certificate, ignore this note.",
        ),
        UsccUnknownKind { prefix } => if zh {
            format!("代码前两位“{prefix}”不是常见的登记管理部门和机构类别组合，请核对；若与证照一致，可以忽略此提示。")
        } else {
            format!("The first two characters “{prefix}” are not a known registration authority and organisation type. Please check; if they match the certificate, ignore this note.")
        },
        UsccUnknownRegion { prefix } => if zh {
            format!("代码第3–4位“{prefix}”不是有效的省级行政区划代码，请核对；若与证照一致，可以忽略此提示。")
        } else {
            format!("Characters 3–4 (“{prefix}”) are not a province-level region code. Please check; if they match the certificate, ignore this note.")
        },

        PhoneBadChar { ch } => if zh {
            format!("电话号码中不能有“{ch}”，请只填数字，分机号可写成“转8001”。")
        } else {
            format!("A phone number cannot contain “{ch}”. Use digits only; write an extension as “ext 8001”.")
        },
        PhoneTooShort => pick("电话号码位数不够，请检查是否漏了数字。", "The phone number is too short; a digit may be missing."),
        PhoneTooLong => pick("手机号码应为11位，当前位数过多，请检查。", "A mobile number has 11 digits; this one has more."),
        PhoneMobilePrefix => pick(
            "手机号码第二位应为3–9，请检查是否录入有误。",
            "The second digit of a mobile number is 3–9; please check for a typo.",
        ),
        PhoneMissingAreaCode => pick(
            "固定电话请加区号，例如 0755-26036008。",
            "Please add the area code to the landline number, e.g. 0755-26036008.",
        ),
        PhoneUnknownAreaCode { area } => if zh {
            format!("区号“{area}”不存在，请核对区号（例如深圳 0755、北京 010）。")
        } else {
            format!("There is no area code “{area}”; please check it (Shenzhen is 0755, Beijing 010).")
        },
        PhoneLandlineLength { area, lengths, got } => {
            let allowed: Vec<String> = lengths.iter().map(u8::to_string).collect();
            if zh {
                format!("区号{area}后的电话号码应为{}位，当前为{got}位，请检查是否多写或漏写了数字。", allowed.join("或"))
            } else {
                format!("After area code {area} the number has {} digits; {got} were entered. Please check for a missing or extra digit.", allowed.join(" or "))
            }
        }
        PhoneLandlineLocalPrefix => pick(
            "区号后的电话号码不能以0或1开头，请检查区号与号码是否录入有误。",
            "The number after the area code cannot start with 0 or 1; please check the area code and number.",
        ),
        PhoneServiceLength => pick(
            "400、800 号码应为10位，950 号码应为10或11位，例如 400-123-4567。",
            "400 and 800 numbers have 10 digits, 950 numbers 10 or 11, e.g. 400-123-4567.",
        ),
        PhoneExtensionTooLong => pick("分机号最多6位，请检查。", "An extension has at most 6 digits."),
        PhoneNotMainland => pick(
            "请填写中国大陆的电话号码（手机或带区号的固定电话）。",
            "Please enter a mainland China number (mobile, or landline with area code).",
        ),
        PhoneUnrecognised => pick(
            "无法识别的电话号码。手机请填11位，固定电话请加区号，例如 0755-26036008。",
            "This does not look like a phone number. Enter an 11-digit mobile or a landline with area code, e.g. 0755-26036008.",
        ),
        PhoneMobileUnallocated => pick(
            "这个手机号段通常不用于个人手机，请确认号码无误。",
            "This mobile prefix is not normally used for personal phones; please make sure the number is right.",
        ),

        EmailFullWidthAt => pick(
            "邮箱中的“＠”是全角符号，请切换到半角（英文）输入法，改为“@”。",
            "The “＠” is a full-width character; switch to half-width (English) input and type “@”.",
        ),
        EmailDomainWithoutDot => pick(
            "邮箱域名中没有“.”，是否漏了结尾？例如 123456789@qq.com、name@163.com。若确实如此，可以忽略此提示。",
            "The domain has no “.”: is the ending missing (e.g. 123456789@qq.com)? If the address is right, ignore this note.",
        ),
        EmailInvalid { reason } => email_message(*reason, locale),

        NumberChineseNumeral => pick(
            "数字中不能使用中文数字，请使用阿拉伯数字，如 15。",
            "Please use Arabic digits rather than Chinese numerals, e.g. 15.",
        ),
        NumberNotANumber => pick("请填写数字，例如 150 或 12.5。", "Please enter a number, e.g. 150 or 12.5."),
        NumberBadGrouping => pick(
            "千分位逗号应每三位一组（如 1,234,567），也可以不用逗号；小数点请用“.”。",
            "Thousands separators go every three digits (1,234,567), or leave them out; use “.” for decimals.",
        ),
        NumberNegative => pick("此项不能为负数。", "This value cannot be negative."),
        NumberTooManyDecimals { max } => if zh {
            format!("小数最多保留{max}位。")
        } else {
            format!("Use at most {max} decimal places.")
        },
        NumberTooLarge => pick("数值过大，请检查是否多写了数字或单位有误。", "The number is too large; check for extra digits or a wrong unit."),
        AmountInYuan => pick(
            "金额请换算为万元填写，例如 1500000 元应填 150。",
            "Enter the amount in units of 10,000 yuan (万元): 1,500,000 yuan is 150.",
        ),
        AmountInYi => pick(
            "金额请换算为万元填写，例如 3 亿元应填 30000。",
            "Enter the amount in units of 10,000 yuan (万元): 300 million yuan is 30000.",
        ),
        AmountForeignCurrency { currency } => if zh {
            format!("本项以万元人民币计：请把{currency}金额按汇率折算为人民币，再以万元填写（只填数字）。")
        } else {
            format!("This field is in 10,000 yuan (万元) of renminbi: convert the amount in {currency} to renminbi at the exchange rate, then enter it in 万元 (the number only).")
        },
        AmountLikelyInYuan { typed, divided } => if zh {
            format!("本项单位为万元：{typed}万元即{divided}亿元。如果填的是元，请换算为万元，应填 {divided}；若确为{divided}亿元，可以忽略此提示。")
        } else {
            format!("This field is in 10,000 yuan (万元): {typed} 万元 is {divided} hundred million yuan. If you entered yuan, enter {divided} instead; if the amount really is that large, ignore this note.")
        },
        NumberApproximate { word } => if zh {
            format!("请填写确切的数字，不要用“{word}”等表示约数的字：申报书中的数字应与证明材料一致。")
        } else {
            format!("Please enter the exact figure, without “{word}” (approximately): figures in the application must match the supporting documents.")
        },
        NumberNotDecimalPoint { ch } => if zh {
            format!("“{ch}”不是小数点：小数点请用英文句点“.”，例如 1234.5。")
        } else {
            format!("“{ch}” is not a decimal point: use “.”, e.g. 1234.5.")
        },
        NumberWrongUnit { unit, expected } => match (expected, zh) {
            (Some(e), true) => format!("本项单位为“{e}”，请换算后只填数字，去掉“{unit}”。"),
            (Some(e), false) => format!("This field is in “{e}”; convert if needed and enter the number only, without “{unit}”."),
            (None, true) => format!("请只填数字，去掉“{unit}”。"),
            (None, false) => format!("Enter the number only, without “{unit}”."),
        },
        CountNotWhole => pick("请填写整数。", "Please enter a whole number."),
        PercentOver100 { .. } => pick(
            "百分比超过了100，请核对（填 15 表示 15%）。",
            "The percentage is over 100; please check (15 means 15%).",
        ),
        PercentAmbiguousFraction => pick(
            "请确认是否为百分数：填 15 表示 15%，填 0.15 表示 0.15%。",
            "Please check: 15 means 15%, while 0.15 means 0.15%.",
        ),

        DateUnrecognised => pick(
            "无法识别的日期，请按“年-月-日”填写，例如 2019-03-05 或 2019年3月5日。",
            "Date not recognised; please use year-month-day, e.g. 2019-03-05.",
        ),
        DateTwoDigitYear => pick("年份请写全4位，例如 2019-03-05。", "Please write the year in full, e.g. 2019-03-05."),
        DateNonexistent { year, month, day } => if zh {
            format!("日期不存在：{year}年没有{month}月{day}日，请核对。")
        } else {
            format!("There is no such date: {year}-{month:02}-{day:02}. Please check.")
        },
        DateYearLast => pick(
            "请按“年-月-日”的顺序填写，例如 2019-03-05。",
            "Please write the year first (year-month-day), e.g. 2019-03-05.",
        ),
        DateYearOutOfRange { year } => if zh {
            format!("年份{year}看起来有误，请核对。")
        } else {
            format!("The year {year} looks wrong; please check.")
        },
        DateInFuture => pick("这个日期还没到，请核对。", "This date is in the future; please check."),

        YesNoUnrecognised => pick("请填写“是”或“否”。", "Please answer yes or no."),
    }
}

fn email_message(reason: EmailProblem, locale: Locale) -> String {
    use EmailProblem::*;
    let zh = locale == Locale::ZhCn;
    let pick = |z: &str, e: &str| locale.pick(z, e).to_string();
    match reason {
        MissingAt => pick(
            "邮箱地址缺少“@”，例如 name@example.com。",
            "The address needs an “@”, e.g. name@example.com.",
        ),
        MultipleAt => pick(
            "邮箱地址只能有一个“@”，请只填一个邮箱。",
            "An address has only one “@”; enter a single address.",
        ),
        EmptyLocal => pick("“@”前面缺少用户名。", "The part before “@” is missing."),
        EmptyDomain => pick(
            "“@”后面缺少域名，例如 example.com。",
            "The domain after “@” is missing, e.g. example.com.",
        ),
        Space => pick(
            "邮箱地址中不能有空格。",
            "An e-mail address cannot contain spaces.",
        ),
        Hidden { kind } => {
            let (z, e) = match kind {
                HiddenKind::FullWidthSpace => ("全角空格", "a full-width space"),
                HiddenKind::NoBreakSpace => ("不换行空格", "a no-break space"),
                HiddenKind::OtherSpace => ("特殊空格", "an unusual space"),
                HiddenKind::ZeroWidth => ("看不见的零宽字符", "an invisible zero-width character"),
                HiddenKind::DirectionMark => {
                    ("看不见的文字方向控制符", "an invisible text-direction mark")
                }
                HiddenKind::OtherInvisible => {
                    ("看不见的格式字符", "an invisible formatting character")
                }
            };
            if zh {
                format!("邮箱地址中有{z}（多见于复制粘贴），请删除后重新输入邮箱。")
            } else {
                format!("The address contains {e} (usually from copying and pasting); please delete it and type the address again.")
            }
        }
        FullWidthChar { ch } => {
            if zh {
                format!("邮箱中的“{ch}”是全角字符，请切换到半角（英文）输入法重新输入。")
            } else {
                format!("“{ch}” is a full-width character; switch to half-width (English) input and retype it.")
            }
        }
        IdeographicFullStop => pick(
            "域名中的“。”应为英文句点“.”。",
            "Use “.” rather than “。” in the domain.",
        ),
        LocalBadChar { ch } => {
            if zh {
                format!("邮箱“@”前面不能有“{ch}”，只能用英文字母、数字和 . _ - + 等符号。")
            } else {
                format!(
                    "“{ch}” cannot appear before the “@”; use letters, digits and . _ - + only."
                )
            }
        }
        DomainBadChar { ch } => {
            if zh {
                format!("邮箱域名中不能有“{ch}”，只能用英文字母、数字、“-”和“.”。")
            } else {
                format!(
                    "“{ch}” cannot appear in the domain; use letters, digits, “-” and “.” only."
                )
            }
        }
        EmptyLabel => pick(
            "域名中的“.”位置不对（不能在开头、结尾或连续出现）。",
            "A “.” in the domain is misplaced (at the start, at the end, or doubled).",
        ),
        LabelHyphenEdge => pick(
            "域名各部分不能以“-”开头或结尾。",
            "Parts of the domain cannot start or end with “-”.",
        ),
        LabelTooLong => pick(
            "域名中某一段过长（最多63个字符）。",
            "A part of the domain is too long (at most 63 characters).",
        ),
    }
}
