//! Money is whole pence everywhere; these turn it into words and back.

/// "£25", "£25.50", "£1,250".
pub fn format_pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
    let pounds = pence / 100;
    let rest = pence % 100;
    let digits = pounds.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if rest == 0 {
        format!("{sign}£{grouped}")
    } else {
        format!("{sign}£{grouped}.{rest:02}")
    }
}

/// Reads an amount a person typed ("25", "£25.50", "1,000") as pence; None if it is not
/// one (more than two decimal places, letters, negative, absurdly large).
pub fn parse_pounds(raw: &str) -> Option<i64> {
    let text: String = raw
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if text.is_empty() || text.len() > 12 {
        return None;
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 2 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let pounds: i64 = whole.parse().ok()?;
    let pence: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    pounds.checked_mul(100)?.checked_add(pence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_are_written_as_people_in_the_uk_write_them() {
        assert_eq!(format_pounds(2500), "£25");
        assert_eq!(format_pounds(2550), "£25.50");
        assert_eq!(format_pounds(125_000), "£1,250");
        assert_eq!(format_pounds(111_800_000), "£1,118,000");
        assert_eq!(format_pounds(5), "£0.05");
        assert_eq!(format_pounds(-2500), "-£25");
    }

    #[test]
    fn typed_amounts_become_pence_or_nothing() {
        assert_eq!(parse_pounds("25"), Some(2500));
        assert_eq!(parse_pounds(" £25.5 "), Some(2550));
        assert_eq!(parse_pounds("1,000.05"), Some(100_005));
        for bad in ["", "£", "25.505", "-5", "1e3", "abc", "9999999999999"] {
            assert_eq!(parse_pounds(bad), None, "{bad}");
        }
    }
}
