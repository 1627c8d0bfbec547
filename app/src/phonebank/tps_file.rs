//! Reading the Telephone Preference Service's file: one number per line, in whatever UK
//! form it comes (01234 567890, +44 1234 567890, 441234567890), normalised to E.164.
//! Pure, so the fuzz suite can throw anything at it.

/// A UK number in E.164 (+44 and 9 or 10 digits), or None if the line is not one.
pub fn uk_number_e164(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.len() > 40 {
        return None;
    }
    let plus = trimmed.starts_with('+');
    if !trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.'))
    {
        return None;
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = if plus || digits.starts_with("44") && digits.len() >= 11 {
        digits.strip_prefix("44")?.to_string()
    } else if let Some(rest) = digits.strip_prefix("0044") {
        rest.to_string()
    } else {
        digits.strip_prefix('0')?.to_string()
    };
    let national = national
        .strip_prefix('0')
        .map_or(national.clone(), str::to_string);
    ((9..=10).contains(&national.len()) && !national.starts_with('0'))
        .then(|| format!("+44{national}"))
}

/// The numbers in a screening file, normalised and without repeats, and how many lines
/// were not numbers (blank lines are not counted).
pub fn read_screening(file: &str) -> (Vec<String>, usize) {
    let mut numbers = Vec::new();
    let mut unreadable = 0;
    for line in file.lines() {
        // The file may carry a second column (a date, a flag): the number comes first.
        let first = line.split([',', '\t', ';']).next().unwrap_or_default();
        if first.trim().is_empty() {
            continue;
        }
        match uk_number_e164(first) {
            Some(number) => numbers.push(number),
            None => unreadable += 1,
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    (numbers, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_numbers_in_any_usual_form_become_e164() {
        for raw in [
            "01234 567890",
            "+44 1234 567890",
            "441234567890",
            "0044 (0)1234-567890",
            "+44 (0)1234 567890",
        ] {
            assert_eq!(
                uk_number_e164(raw).as_deref(),
                Some("+441234567890"),
                "{raw}"
            );
        }
        assert_eq!(
            uk_number_e164("07700 900123").as_deref(),
            Some("+447700900123")
        );
        assert_eq!(
            uk_number_e164("020 7946 0000").as_deref(),
            Some("+442079460000")
        );
    }

    #[test]
    fn things_that_are_not_uk_numbers_are_refused() {
        for raw in [
            "",
            "hello",
            "12345",
            "+1 202 555 0100",
            "0123456789012345",
            "07700 9001x3",
        ] {
            assert_eq!(uk_number_e164(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_file_is_read_line_by_line_with_repeats_removed() {
        let (numbers, unreadable) =
            read_screening("01234 567890\n\n+441234567890,2026-12-01\nnonsense\n07700900123\n");
        assert_eq!(
            numbers,
            vec!["+441234567890".to_string(), "+447700900123".to_string()]
        );
        assert_eq!(unreadable, 1);
    }
}
