//! The 34 province-level regions (GB/T 2260), as a table compiled in (no parsing at run time): the
//! reviewers' command groups applications by recommending province, and a 统一社会信用代码's
//! characters 3–4 name the province where the organisation is registered.

/// One province-level region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// Two digits, e.g. "32".
    pub code: &'static str,
    /// Full name, e.g. "江苏省".
    pub name: &'static str,
    /// Short name, e.g. "江苏".
    pub short: &'static str,
}

/// GB/T 2260 中华人民共和国行政区划代码：省级行政区划代码（统一社会信用代码第3–4位）。34个省级行政区。
const TABLE: [Province; 34] = [
    Province {
        code: "11",
        name: "北京市",
        short: "北京",
    },
    Province {
        code: "12",
        name: "天津市",
        short: "天津",
    },
    Province {
        code: "13",
        name: "河北省",
        short: "河北",
    },
    Province {
        code: "14",
        name: "山西省",
        short: "山西",
    },
    Province {
        code: "15",
        name: "内蒙古自治区",
        short: "内蒙古",
    },
    Province {
        code: "21",
        name: "辽宁省",
        short: "辽宁",
    },
    Province {
        code: "22",
        name: "吉林省",
        short: "吉林",
    },
    Province {
        code: "23",
        name: "黑龙江省",
        short: "黑龙江",
    },
    Province {
        code: "31",
        name: "上海市",
        short: "上海",
    },
    Province {
        code: "32",
        name: "江苏省",
        short: "江苏",
    },
    Province {
        code: "33",
        name: "浙江省",
        short: "浙江",
    },
    Province {
        code: "34",
        name: "安徽省",
        short: "安徽",
    },
    Province {
        code: "35",
        name: "福建省",
        short: "福建",
    },
    Province {
        code: "36",
        name: "江西省",
        short: "江西",
    },
    Province {
        code: "37",
        name: "山东省",
        short: "山东",
    },
    Province {
        code: "41",
        name: "河南省",
        short: "河南",
    },
    Province {
        code: "42",
        name: "湖北省",
        short: "湖北",
    },
    Province {
        code: "43",
        name: "湖南省",
        short: "湖南",
    },
    Province {
        code: "44",
        name: "广东省",
        short: "广东",
    },
    Province {
        code: "45",
        name: "广西壮族自治区",
        short: "广西",
    },
    Province {
        code: "46",
        name: "海南省",
        short: "海南",
    },
    Province {
        code: "50",
        name: "重庆市",
        short: "重庆",
    },
    Province {
        code: "51",
        name: "四川省",
        short: "四川",
    },
    Province {
        code: "52",
        name: "贵州省",
        short: "贵州",
    },
    Province {
        code: "53",
        name: "云南省",
        short: "云南",
    },
    Province {
        code: "54",
        name: "西藏自治区",
        short: "西藏",
    },
    Province {
        code: "61",
        name: "陕西省",
        short: "陕西",
    },
    Province {
        code: "62",
        name: "甘肃省",
        short: "甘肃",
    },
    Province {
        code: "63",
        name: "青海省",
        short: "青海",
    },
    Province {
        code: "64",
        name: "宁夏回族自治区",
        short: "宁夏",
    },
    Province {
        code: "65",
        name: "新疆维吾尔自治区",
        short: "新疆",
    },
    Province {
        code: "71",
        name: "台湾省",
        short: "台湾",
    },
    Province {
        code: "81",
        name: "香港特别行政区",
        short: "香港",
    },
    Province {
        code: "82",
        name: "澳门特别行政区",
        short: "澳门",
    },
];

/// Every province-level region, in code order.
pub fn all() -> &'static [Province] {
    &TABLE
}

/// The region named by its code, full name or short name ("32", "江苏省", "江苏").
pub fn find(name_or_code: &str) -> Option<&'static Province> {
    let key = name_or_code.trim();
    all()
        .iter()
        .find(|p| p.code == key || p.name == key || p.short == key)
}

/// The province of registration from a credit code's characters 3–4 (`None` for national
/// registrations, "10", or a code too short or not of digits there).
pub fn from_credit_code(code: &str) -> Option<&'static Province> {
    let folded = crate::checks::fold_width(code.trim());
    let region: String = folded.chars().skip(2).take(2).collect();
    if region.chars().count() != 2 {
        return None;
    }
    all().iter().find(|p| p.code == region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_four_regions_with_unique_codes() {
        let codes: std::collections::HashSet<_> = all().iter().map(|p| p.code).collect();
        assert_eq!(all().len(), 34);
        assert_eq!(codes.len(), 34);
    }

    #[test]
    fn lookups() {
        assert_eq!(find("江苏").map(|p| p.code), Some("32"));
        assert_eq!(find("广西壮族自治区").map(|p| p.code), Some("45"));
        assert_eq!(
            from_credit_code("91110000600037341L").map(|p| p.name),
            Some("北京市")
        );
        assert_eq!(from_credit_code("９１３２").map(|p| p.short), Some("江苏"));
        assert!(from_credit_code("91100000").is_none());
        assert!(from_credit_code("9").is_none());
        assert!(find("青岛市").is_none());
    }
}
