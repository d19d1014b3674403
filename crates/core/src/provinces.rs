//! The 34 province-level regions (GB/T 2260), as data in `data/provinces.json`: the
//! reviewers' command groups applications by recommending province, and a 统一社会信用代码's
//! characters 3–4 name the province where the organisation is registered.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
pub struct Province {
    /// Two digits, e.g. "32".
    pub code: String,
    /// Full name, e.g. "江苏省".
    pub name: String,
    /// Short name, e.g. "江苏".
    pub short: String,
}

#[derive(Deserialize)]
struct Table {
    provinces: Vec<Province>,
}

/// Every province-level region, in code order (empty only if the embedded file were broken,
/// which `tests` rule out).
pub fn all() -> &'static [Province] {
    static TABLE: OnceLock<Vec<Province>> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str::<Table>(include_str!("../data/provinces.json"))
            .map(|t| t.provinces)
            .unwrap_or_default()
    })
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
        let codes: std::collections::HashSet<_> = all().iter().map(|p| p.code.as_str()).collect();
        assert_eq!(all().len(), 34);
        assert_eq!(codes.len(), 34);
    }

    #[test]
    fn lookups() {
        assert_eq!(find("江苏").map(|p| p.code.as_str()), Some("32"));
        assert_eq!(find("广西壮族自治区").map(|p| p.code.as_str()), Some("45"));
        assert_eq!(
            from_credit_code("91110000600037341L").map(|p| p.name.as_str()),
            Some("北京市")
        );
        assert_eq!(
            from_credit_code("９１３２").map(|p| p.short.as_str()),
            Some("江苏")
        );
        assert!(from_credit_code("91100000").is_none());
        assert!(from_credit_code("9").is_none());
        assert!(find("青岛市").is_none());
    }
}
