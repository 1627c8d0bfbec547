//! How many texts a message costs, counted live as it is typed. Plain messages go as GSM-7
//! (160 septets in one text, 153 a part when split); one character outside GSM 03.38 turns
//! the whole message into UCS-2 (70 units in one text, 67 a part).

use serde::{Deserialize, Serialize};

const GSM_SINGLE: usize = 160;
const GSM_PART: usize = 153;
const UCS2_SINGLE: usize = 70;
const UCS2_PART: usize = 67;

/// How a text is encoded for sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SmsEncoding {
    /// The GSM 03.38 alphabet, 7 bits a character.
    Gsm7,
    /// UTF-16, needed for emoji and most non-Latin letters.
    Ucs2,
}

/// The length of a text and what it will cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsCount {
    /// Characters as the writer sees them.
    pub characters: usize,
    pub encoding: SmsEncoding,
    /// Texts each recipient receives (and we pay for).
    pub segments: usize,
}

impl SmsCount {
    /// A line for under the text box, e.g. "142 characters · 1 text (GSM)".
    pub fn describe(&self) -> String {
        let characters = plural(self.characters, "character", "characters");
        let texts = plural(self.segments, "text", "texts");
        let encoding = match self.encoding {
            SmsEncoding::Gsm7 => "GSM",
            SmsEncoding::Ucs2 => "Unicode: an emoji or special character is in it",
        };
        format!("{characters} · {texts} ({encoding})")
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Counts `text` as a phone network will: its encoding and how many texts it is split into.
pub fn count_sms(text: &str) -> SmsCount {
    let characters = text.chars().count();
    let septets: Option<usize> = text.chars().map(gsm_septets).sum();
    let (encoding, segments) = match septets {
        Some(total) => (
            SmsEncoding::Gsm7,
            segments_for(total, GSM_SINGLE, GSM_PART, || {
                text.chars().map(|c| gsm_septets(c).unwrap_or(1))
            }),
        ),
        None => (
            SmsEncoding::Ucs2,
            segments_for(text.encode_utf16().count(), UCS2_SINGLE, UCS2_PART, || {
                text.chars().map(char::len_utf16)
            }),
        ),
    };
    SmsCount {
        characters,
        encoding,
        segments,
    }
}

/// Texts needed for `total` units. When split, each character's units (an escaped GSM
/// character's two septets, an emoji's surrogate pair) must stay in one part.
fn segments_for<I: Iterator<Item = usize>>(
    total: usize,
    single: usize,
    part: usize,
    sizes: impl FnOnce() -> I,
) -> usize {
    if total == 0 {
        return 0;
    }
    if total <= single {
        return 1;
    }
    let mut parts = 1;
    let mut used = 0;
    for size in sizes() {
        if used + size > part {
            parts += 1;
            used = 0;
        }
        used += size;
    }
    parts
}

/// Septets `c` takes in GSM-7: 1 in the basic set, 2 in the extension table (sent after an
/// escape), `None` when GSM-7 cannot carry it.
fn gsm_septets(c: char) -> Option<usize> {
    match c {
        '\u{0C}' | '^' | '{' | '}' | '\\' | '[' | '~' | ']' | '|' | '€' => Some(2),
        '`' => None,
        '\n' | '\r' | ' '..='~' => Some(1),
        '£' | '¥' | 'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ç' | 'Ø' | 'ø' | 'Å' | 'å' | 'Δ' | 'Φ' | 'Γ'
        | 'Λ' | 'Ω' | 'Π' | 'Ψ' | 'Σ' | 'Θ' | 'Ξ' | 'Æ' | 'æ' | 'ß' | 'É' | '¤' | '¡' | 'Ä'
        | 'Ö' | 'Ñ' | 'Ü' | '§' | '¿' | 'ä' | 'ö' | 'ñ' | 'ü' | 'à' => Some(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> usize {
        count_sms(text).segments
    }

    #[test]
    fn an_empty_text_costs_nothing() {
        assert_eq!(segments(""), 0);
    }

    #[test]
    fn gsm_texts_split_after_160_then_every_153() {
        assert_eq!(segments(&"a".repeat(160)), 1);
        assert_eq!(segments(&"a".repeat(161)), 2);
        assert_eq!(segments(&"a".repeat(306)), 2);
        assert_eq!(segments(&"a".repeat(307)), 3);
    }

    #[test]
    fn the_euro_sign_counts_as_two() {
        let euros = count_sms(&"€".repeat(80));
        assert_eq!((euros.characters, euros.encoding), (80, SmsEncoding::Gsm7));
        assert_eq!(euros.segments, 1);
        assert_eq!(segments(&"€".repeat(81)), 2);
    }

    #[test]
    fn an_escaped_character_is_not_split_between_texts() {
        // 306 septets would fit in two parts, but the € cannot straddle the first boundary.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(152));
        assert_eq!(segments(&text), 3);
    }

    #[test]
    fn pounds_and_accents_stay_in_gsm() {
        assert_eq!(count_sms("£5 for Renée's café").encoding, SmsEncoding::Gsm7);
    }

    #[test]
    fn an_emoji_makes_it_unicode() {
        let count = count_sms("See you there 👋");
        assert_eq!(count.encoding, SmsEncoding::Ucs2);
        assert_eq!((count.characters, count.segments), (15, 1));
    }

    #[test]
    fn unicode_texts_split_after_70_then_every_67() {
        assert_eq!(segments(&"ą".repeat(70)), 1);
        assert_eq!(segments(&"ą".repeat(71)), 2);
        assert_eq!(segments(&"ą".repeat(134)), 2);
        assert_eq!(segments(&"ą".repeat(135)), 3);
    }

    #[test]
    fn a_surrogate_pair_is_not_split_between_texts() {
        let text = format!("{}👋{}", "ą".repeat(66), "ą".repeat(66));
        assert_eq!(segments(&text), 3);
    }

    #[test]
    fn the_description_names_texts_and_encoding() {
        let gsm = SmsCount {
            characters: 142,
            encoding: SmsEncoding::Gsm7,
            segments: 1,
        };
        assert_eq!(gsm.describe(), "142 characters · 1 text (GSM)");
        let unicode = SmsCount {
            characters: 75,
            encoding: SmsEncoding::Ucs2,
            segments: 2,
        };
        assert_eq!(
            unicode.describe(),
            "75 characters · 2 texts (Unicode: an emoji or special character is in it)"
        );
    }
}
