//! The names of the built static files. A release build names every file in `/pkg` after
//! its content (cargo-leptos `hash-files`) and lists the names in `hash.txt` beside the
//! server's executable, so browsers may keep those files for ever; other builds (tests,
//! development) keep plain names.

use std::{path::PathBuf, sync::OnceLock};

/// What `hash.txt` says: file kind (`js`, `wasm`, `css`, …) and its content hash.
fn hashes() -> &'static Option<Vec<(String, String)>> {
    static HASHES: OnceLock<Option<Vec<(String, String)>>> = OnceLock::new();
    HASHES.get_or_init(|| {
        let text = std::fs::read_to_string(hash_file_path()?).ok()?;
        Some(parse_hashes(&text))
    })
}

/// Where Leptos looks for the hash file: `hash.txt` beside the executable.
fn hash_file_path() -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join("hash.txt"))
}

fn parse_hashes(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(kind, hash)| (kind.trim().to_string(), hash.trim().to_string()))
        .collect()
}

/// Whether this build's static files carry hashed names.
pub fn files_are_hashed() -> bool {
    hashes().is_some()
}

/// The stylesheet's address, hashed when the build hashed it. Every page links it, so it
/// is worked out once.
pub fn stylesheet_href() -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| {
        let hash = hashes()
            .as_ref()
            .and_then(|list| list.iter().find(|(kind, _)| kind == "css"))
            .map(|(_, hash)| format!(".{hash}"))
            .unwrap_or_default();
        format!("/pkg/membersnet{hash}.css")
    })
}

/// Whether a `/pkg` file name carries a content hash (`name.<22 characters>.ext`), so
/// its content never changes under that name.
pub fn is_hashed_name(file_name: &str) -> bool {
    let mut parts = file_name.rsplit('.');
    let (Some(_ext), Some(hash)) = (parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == 22
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_leptos_hash_lines() {
        let parsed = parse_hashes("js: abc\nwasm: def\ncss: ghi\n\nsplit: jkl\n");
        assert_eq!(parsed[2], ("css".to_string(), "ghi".to_string()));
        assert_eq!(parsed.len(), 4);
    }

    #[test]
    fn only_content_hashed_names_are_hashed() {
        assert!(is_hashed_name("membersnet.AbCdEfGhIjKlMnOpQrStUv.wasm"));
        assert!(is_hashed_name("__wasm_split.Ab-dEfGhIjKl_nOpQrStUv.js"));
        assert!(!is_hashed_name("membersnet.wasm"));
        assert!(!is_hashed_name("membersnet.css"));
        assert!(!is_hashed_name("membersnet.AbCdEfGhIjKlMnOpQrStU!.wasm"));
        assert!(!is_hashed_name("AbCdEfGhIjKlMnOpQrStUv"));
    }
}
