//! "Today" for the checks that need it (no date in the future). The core never reads a
//! clock; like the browser, the command supplies the date: `--today`, or the date in China
//! (UTC+8, the time zone of every office that reviews these applications).

use yanglao_core::checks::{parse_iso, Date};

const CHINA_OFFSET_SECONDS: u64 = 8 * 3600;

/// The date given as YYYY-MM-DD, or `Err` with a message for the usage error.
pub fn from_arg(arg: &str) -> Result<Date, String> {
    parse_iso(arg.trim()).ok_or_else(|| {
        format!(
            "--today 应为 YYYY-MM-DD 格式的有效日期，收到“{}”",
            crate::app::clip(arg, 20)
        )
    })
}

/// Today in China by the system clock.
pub fn china_today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let days = i64::try_from((secs + CHINA_OFFSET_SECONDS) / 86_400).ok()?;
    let (y, m, d) = civil_from_days(days);
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(-25_567), (1900, 1, 1));
    }
}
