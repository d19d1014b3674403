//! Number formatting for messages: as a person writes them, without trailing zeros.
//!
//! Integer arithmetic on the value scaled to 4 decimals, not `format!("{x:.4}")`: the same
//! digits, without pulling Rust's float printing (Grisu/Dragon, ~15 KB) into the module.

/// `1500.0` → "1500", `12.5` → "12.5", `0.12345` → "0.1235"; never "NaN" or "inf" text
/// beyond what the value really is (non-finite values print as "—"); from 10¹⁵ on, five
/// significant digits and the power of ten ("1.2346e20").
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let negative = x < 0.0;
    let magnitude = x.abs();
    let mut out = String::new();
    if magnitude >= 1e15 {
        if negative {
            out.push('-');
        }
        scientific(magnitude, &mut out);
        return out;
    }
    // |x| < 10¹⁵, so |x| × 10⁴ < 10¹⁹ < u64::MAX: the cast is exact after rounding.
    let scaled = (magnitude * 10000.0).round() as u64;
    if scaled == 0 {
        return "0".to_string(); // no "-0"
    }
    if negative {
        out.push('-');
    }
    out.push_str(&(scaled / 10000).to_string());
    push_fraction(&mut out, scaled % 10000);
    out
}

/// `.dddd` for ten-thousandths (0–9999), trailing zeros dropped; nothing for 0.
fn push_fraction(out: &mut String, mut fraction: u64) {
    if fraction == 0 {
        return;
    }
    let mut width = 4;
    while fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    let digits = fraction.to_string();
    out.push('.');
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// `m × 10^e` with m of at most five significant digits, trailing zeros dropped.
fn scientific(magnitude: f64, out: &mut String) {
    let mut exponent = 0i32;
    let mut m = magnitude;
    while m >= 10.0 {
        m /= 10.0;
        exponent += 1;
    }
    let mut digits = (m * 10000.0).round() as u64; // 10000 ..= 100000
    if digits >= 100_000 {
        digits /= 10;
        exponent += 1;
    }
    out.push_str(&(digits / 10000).to_string());
    push_fraction(out, digits % 10000);
    out.push('e');
    out.push_str(&exponent.to_string());
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
        assert_eq!(num(0.0001), "0.0001");
        assert_eq!(num(0.00004), "0");
        assert_eq!(num(-3.05), "-3.05");
        assert_eq!(num(1000.1), "1000.1");
        assert_eq!(num(123456789012.5), "123456789012.5");
        assert_eq!(num(f64::NAN), "—");
        assert_eq!(num(f64::INFINITY), "—");
        assert_eq!(num(1e15), "1e15");
        assert_eq!(num(1.23456e20), "1.2346e20");
        assert_eq!(num(-2.5e16), "-2.5e16");
        assert_eq!(num(9.99999e15), "1e16");
    }

    /// The digits `format!("{:.4}")` gave, for the values people type (up to 4 decimals).
    #[test]
    fn same_digits_as_float_printing() {
        for i in -200_000i64..200_000 {
            let x = i as f64 / 137.0;
            let rounded = (x * 10000.0).round() / 10000.0;
            let rounded = if rounded == 0.0 { 0.0 } else { rounded };
            let s = format!("{rounded:.4}");
            let want = s.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(num(x), want, "{x}");
        }
    }
}
