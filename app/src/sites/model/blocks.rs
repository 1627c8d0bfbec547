//! The blocks a page is a column of, as stored (JSON in the draft and each revision), and
//! moving them about. Each block's form is in `block_form`.

use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};

/// A link in a contact block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLink {
    pub label: String,
    pub url: String,
}

/// One block of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Markdown, rendered and cleaned as forum posts are.
    Text { markdown: String },
    /// The group's upcoming events, always current.
    Events { heading: String, limit: u8 },
    /// One event with its sign-up form.
    Event { event_id: i32 },
    /// The "stay in touch" form.
    Join { heading: String },
    /// Contact details and links.
    Contact {
        email: String,
        phone: String,
        address: String,
        links: Vec<SiteLink>,
    },
    /// A call-out button to a page of the site.
    Button { label: String, target: String },
    /// One of the group's donation pages: its thermometer and a button to give.
    Donate { page: String },
    /// An uploaded image (kept as `{name}-{width}.{ext}` copies) with its alt text.
    Image {
        name: String,
        ext: String,
        width: u32,
        height: u32,
        alt: String,
    },
}

/// The kinds of block, for the "add a block" form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Text,
    Events,
    Event,
    Join,
    Contact,
    Button,
    Image,
    Donate,
}

impl BlockKind {
    pub const ALL: [BlockKind; 8] = [
        BlockKind::Text,
        BlockKind::Image,
        BlockKind::Events,
        BlockKind::Event,
        BlockKind::Join,
        BlockKind::Contact,
        BlockKind::Button,
        BlockKind::Donate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Text => "text",
            BlockKind::Events => "events",
            BlockKind::Event => "event",
            BlockKind::Join => "join",
            BlockKind::Contact => "contact",
            BlockKind::Button => "button",
            BlockKind::Image => "image",
            BlockKind::Donate => "donate",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Text => "Text",
            BlockKind::Events => "Upcoming events",
            BlockKind::Event => "One event with its sign-up form",
            BlockKind::Join => "Join us / stay in touch",
            BlockKind::Contact => "Contact details and links",
            BlockKind::Button => "Call-out button",
            BlockKind::Donate => "Donate: thermometer and button",
            BlockKind::Image => "Image",
        }
    }

    pub fn parse(raw: &str) -> AppResult<BlockKind> {
        BlockKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| AppError::invalid("kind", "Choose a kind of block."))
    }

    /// A new block of this kind, ready to fill in.
    pub fn starter(self) -> Block {
        match self {
            BlockKind::Text => Block::Text {
                markdown: String::new(),
            },
            BlockKind::Events => Block::Events {
                heading: "Coming up".into(),
                limit: 5,
            },
            BlockKind::Event => Block::Event { event_id: 0 },
            BlockKind::Join => Block::Join {
                heading: "Stay in touch".into(),
            },
            BlockKind::Contact => Block::Contact {
                email: String::new(),
                phone: String::new(),
                address: String::new(),
                links: Vec::new(),
            },
            BlockKind::Button => Block::Button {
                label: "Find out more".into(),
                target: super::HOME_SLUG.into(),
            },
            BlockKind::Donate => Block::Donate {
                page: String::new(),
            },
            BlockKind::Image => Block::Image {
                name: String::new(),
                ext: String::new(),
                width: 0,
                height: 0,
                alt: String::new(),
            },
        }
    }
}

impl Block {
    pub fn kind(&self) -> BlockKind {
        match self {
            Block::Text { .. } => BlockKind::Text,
            Block::Events { .. } => BlockKind::Events,
            Block::Event { .. } => BlockKind::Event,
            Block::Join { .. } => BlockKind::Join,
            Block::Contact { .. } => BlockKind::Contact,
            Block::Button { .. } => BlockKind::Button,
            Block::Image { .. } => BlockKind::Image,
            Block::Donate { .. } => BlockKind::Donate,
        }
    }
}

/// Moves block `index` one place up or down; false when it cannot move.
pub fn move_block(blocks: &mut [Block], index: usize, up: bool) -> bool {
    let other = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match other.filter(|o| *o < blocks.len() && index < blocks.len()) {
        Some(other) => {
            blocks.swap(index, other);
            true
        }
        None => false,
    }
}

/// Moves block `from` to place `to` (dragged there); false when either is outside.
pub fn move_block_to(blocks: &mut Vec<Block>, from: usize, to: usize) -> bool {
    if from >= blocks.len() || to >= blocks.len() || from == to {
        return false;
    }
    let block = blocks.remove(from);
    blocks.insert(to, block);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_move_within_the_column_only() {
        let mut blocks = vec![BlockKind::Text.starter(), BlockKind::Join.starter()];
        assert!(!move_block(&mut blocks, 0, true));
        assert!(!move_block(&mut blocks, 1, false));
        assert!(move_block(&mut blocks, 1, true));
        assert_eq!(blocks[0].kind(), BlockKind::Join);
        assert!(!move_block(&mut blocks, 5, true));
        blocks.push(BlockKind::Button.starter());
        assert!(move_block_to(&mut blocks, 2, 0));
        assert_eq!(blocks[0].kind(), BlockKind::Button);
        assert_eq!(blocks[2].kind(), BlockKind::Text);
        assert!(!move_block_to(&mut blocks, 0, 3));
    }
}
