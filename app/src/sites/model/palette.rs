//! The accent colours a group may choose. Each is dark enough for white text on it and
//! for itself as text on white (WCAG AA, 4.5:1), which the test below checks, so no
//! choice makes a site hard to read. The colours live in the stylesheet as
//! `.site-accent-{name}`.

/// One accent colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent {
    pub name: &'static str,
    pub label: &'static str,
    pub hex: &'static str,
}

/// The palette; the first is the default.
pub const ACCENTS: [Accent; 6] = [
    Accent {
        name: "rose",
        label: "Rose",
        hex: "#b0174a",
    },
    Accent {
        name: "blue",
        label: "Blue",
        hex: "#1f4e9c",
    },
    Accent {
        name: "green",
        label: "Green",
        hex: "#1d6b3a",
    },
    Accent {
        name: "purple",
        label: "Purple",
        hex: "#5b2d8e",
    },
    Accent {
        name: "teal",
        label: "Teal",
        hex: "#0f5f66",
    },
    Accent {
        name: "slate",
        label: "Slate",
        hex: "#3b4552",
    },
];

impl Accent {
    /// The accent called `name`, or the default for anything else.
    pub fn named(name: &str) -> Accent {
        ACCENTS
            .iter()
            .copied()
            .find(|a| a.name == name)
            .unwrap_or(ACCENTS[0])
    }

    /// Whether `name` is one of the palette's.
    pub fn exists(name: &str) -> bool {
        ACCENTS.iter().any(|a| a.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn every_accent_keeps_white_text_readable() {
        for accent in ACCENTS {
            let ratio = 1.05 / (luminance(accent.hex) + 0.05);
            assert!(ratio >= 4.5, "{} has contrast {ratio:.2}", accent.name);
        }
    }

    #[test]
    fn an_unknown_accent_is_the_default() {
        assert_eq!(Accent::named("neon").name, "rose");
        assert!(!Accent::exists("neon"));
        assert!(Accent::exists("teal"));
    }
}
