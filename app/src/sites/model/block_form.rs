//! A block's form: what each kind of block reads from it, and back.

use super::blocks::{Block, BlockKind, SiteLink};
use crate::{
    error::{AppError, AppResult},
    validate::bounded_text,
};
use serde::{Deserialize, Serialize};

/// A block's form as typed; each kind reads the fields it has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockFields {
    pub markdown: Option<String>,
    pub heading: Option<String>,
    pub limit: Option<String>,
    pub event_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// One link a line: "Label https://…".
    pub links: Option<String>,
    pub label: Option<String>,
    pub target: Option<String>,
    /// An image's text alternative.
    pub alt: Option<String>,
}

impl BlockFields {
    /// Reads the form as a block of `kind`; each error names its field. Whether an event
    /// or a target page exists is the service's check.
    pub fn parse(&self, kind: BlockKind) -> AppResult<Block> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Ok(match kind {
            BlockKind::Text => Block::Text {
                markdown: bounded_text("markdown", &text(&self.markdown), 20_000, true)?,
            },
            BlockKind::Events => Block::Events {
                heading: bounded_text("heading", &text(&self.heading), 120, false)?,
                limit: text(&self.limit)
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=20).contains(n))
                    .ok_or_else(|| AppError::invalid("limit", "Show between 1 and 20 events."))?,
            },
            BlockKind::Event => Block::Event {
                event_id: text(&self.event_id)
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or_else(|| AppError::invalid("event_id", "Choose an event."))?,
            },
            BlockKind::Join => Block::Join {
                heading: bounded_text("heading", &text(&self.heading), 120, false)?,
            },
            BlockKind::Contact => {
                let email = bounded_text("email", &text(&self.email), 254, false)?;
                if !email.is_empty() {
                    crate::validate::EmailAddress::parse("email", &email)?;
                }
                Block::Contact {
                    email,
                    phone: bounded_text("phone", &text(&self.phone), 40, false)?,
                    address: bounded_text("address", &text(&self.address), 300, false)?,
                    links: parse_links(&text(&self.links))?,
                }
            }
            BlockKind::Button => Block::Button {
                label: bounded_text("label", &text(&self.label), 60, true)?,
                target: bounded_text("target", &text(&self.target), 60, true)?,
            },
            BlockKind::Donate => Block::Donate {
                page: bounded_text("target", &text(&self.target), 60, true)?,
            },
            // The file comes by upload; the form gives its words.
            BlockKind::Image => Block::Image {
                name: String::new(),
                ext: String::new(),
                width: 0,
                height: 0,
                alt: bounded_text("alt", &text(&self.alt), 200, true)?,
            },
        })
    }

    /// The form filled in from `block`, for editing it.
    pub fn of(block: &Block) -> BlockFields {
        let some = |s: &str| Some(s.to_string());
        match block {
            Block::Text { markdown } => BlockFields {
                markdown: some(markdown),
                ..Default::default()
            },
            Block::Events { heading, limit } => BlockFields {
                heading: some(heading),
                limit: Some(limit.to_string()),
                ..Default::default()
            },
            Block::Event { event_id } => BlockFields {
                event_id: Some(event_id.to_string()),
                ..Default::default()
            },
            Block::Join { heading } => BlockFields {
                heading: some(heading),
                ..Default::default()
            },
            Block::Contact {
                email,
                phone,
                address,
                links,
            } => BlockFields {
                email: some(email),
                phone: some(phone),
                address: some(address),
                links: Some(
                    links
                        .iter()
                        .map(|l| format!("{} {}", l.label, l.url))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                ..Default::default()
            },
            Block::Button { label, target } => BlockFields {
                label: some(label),
                target: some(target),
                ..Default::default()
            },
            Block::Donate { page } => BlockFields {
                target: some(page),
                ..Default::default()
            },
            Block::Image { alt, .. } => BlockFields {
                alt: some(alt),
                ..Default::default()
            },
        }
    }

    /// The block the form makes in place of `current`: an image keeps its file.
    pub fn parse_over(&self, current: &Block) -> AppResult<Block> {
        match (self.parse(current.kind())?, current) {
            (
                Block::Image { alt, .. },
                Block::Image {
                    name,
                    ext,
                    width,
                    height,
                    ..
                },
            ) => Ok(Block::Image {
                name: name.clone(),
                ext: ext.clone(),
                width: *width,
                height: *height,
                alt,
            }),
            (block, _) => Ok(block),
        }
    }

    /// Why the block is not ready to publish, if it is not.
    pub fn unready(block: &Block) -> Option<&'static str> {
        match block {
            Block::Image { name, .. } if name.is_empty() => {
                Some("An image block has no image yet: upload one or remove the block.")
            }
            Block::Image { alt, .. } if alt.is_empty() => {
                Some("Give every image its text alternative (alt text) before publishing.")
            }
            Block::Event { event_id } if *event_id <= 0 => {
                Some("An event block has no event chosen yet.")
            }
            _ => None,
        }
    }
}

/// "Label https://…" a line, at most 8; only http(s) addresses.
fn parse_links(raw: &str) -> AppResult<Vec<SiteLink>> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 8 {
        return Err(AppError::invalid("links", "Give at most 8 links."));
    }
    lines
        .into_iter()
        .map(|line| {
            let (label, url) = line.rsplit_once(char::is_whitespace).ok_or_else(|| {
                AppError::invalid(
                    "links",
                    format!("“{line}” needs a name, a space, then its address."),
                )
            })?;
            let url = url.trim();
            let host_ok = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['"', '<', '>', ' ']));
            if !host_ok || url.len() > 300 {
                return Err(AppError::invalid(
                    "links",
                    format!("“{url}” is not a web address starting https://."),
                ));
            }
            Ok(SiteLink {
                label: bounded_text("links", label, 60, true)?,
                url: url.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(f: impl FnOnce(&mut BlockFields)) -> BlockFields {
        let mut fields = BlockFields::default();
        f(&mut fields);
        fields
    }

    #[test]
    fn every_starter_block_round_trips_through_its_form() {
        for kind in BlockKind::ALL {
            let mut block = kind.starter();
            if let Block::Text { markdown } = &mut block {
                *markdown = "Hello".into();
            }
            if let Block::Event { event_id } = &mut block {
                *event_id = 7;
            }
            if let Block::Image { alt, .. } = &mut block {
                *alt = "A street stall".into();
            }
            if let Block::Donate { page } = &mut block {
                *page = "election-fund".into();
            }
            assert_eq!(BlockFields::of(&block).parse(kind).unwrap(), block);
            assert_eq!(block.kind(), kind);
        }
    }

    #[test]
    fn links_need_a_name_and_a_web_address() {
        let ok = fields(|f| {
            f.links = Some(
                "Our Facebook https://facebook.com/x\n\nMastodon page http://m.example/@x".into(),
            )
        });
        let Block::Contact { links, .. } = ok.parse(BlockKind::Contact).unwrap() else {
            panic!("not a contact block");
        };
        assert_eq!(links[0].label, "Our Facebook");
        assert_eq!(links[1].url, "http://m.example/@x");
        for bad in [
            "javascript:alert(1)",
            "Evil javascript:alert(1)",
            "Data data:text/html,x",
            "X https://",
        ] {
            let err = fields(|f| f.links = Some(bad.into())).parse(BlockKind::Contact);
            assert!(err.is_err(), "{bad}");
        }
    }

    #[test]
    fn out_of_range_numbers_are_field_errors() {
        let err = fields(|f| f.limit = Some("99".into()))
            .parse(BlockKind::Events)
            .unwrap_err();
        assert!(err.message_for("limit").is_some());
        let err = fields(|f| f.event_id = Some("x".into()))
            .parse(BlockKind::Event)
            .unwrap_err();
        assert!(err.message_for("event_id").is_some());
    }
}
