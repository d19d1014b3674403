//! Number formatting for messages: as a person writes them, without trailing zeros.

/// `1500.0` → "1500", `12.5` → "12.5", `0.12345` → "0.1235"; never "NaN" or "inf" text
/// beyond what the value really is (non-finite values print as "—").
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    if x.abs() >= 1e15 {
        return format!("{x:e}");
    }
    let rounded = (x * 10000.0).round() / 10000.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded }; // no "-0"
    let s = format!("{rounded:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn trims() {
        assert_eq!(num(1500.0), "1500");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(0.12345), "0.1235");
        assert_eq!(num(f64::NAN), "—");
    }
}
