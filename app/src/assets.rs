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
        let hash = hash_of("css")
            .map(|hash| format!(".{hash}"))
            .unwrap_or_default();
        format!("/pkg/membersnet{hash}.css")
    })
}

/// The hash `hash.txt` gives a kind of file (`js`, `wasm`, `css`, `split`, `manifest`).
pub fn hash_of(kind: &str) -> Option<&'static str> {
    hashes()
        .as_ref()?
        .iter()
        .find(|(k, _)| k == kind)
        .map(|(_, hash)| hash.as_str())
}

/// The names (without extension) of the browser's JS glue and WASM frame, as Leptos's
/// `HydrationScripts` works them out, but once per process rather than per request.
fn frame_file_names() -> &'static (String, String) {
    static NAMES: OnceLock<(String, String)> = OnceLock::new();
    NAMES.get_or_init(|| {
        let named = |kind| hash_of(kind).map(|hash| format!("membersnet.{hash}"));
        // Without hashing, wasm-bindgen's own name unless cargo-leptos named the output.
        let plain_wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            "membersnet"
        } else {
            "membersnet_bg"
        };
        (
            named("js").unwrap_or_else(|| "membersnet".to_string()),
            named("wasm").unwrap_or_else(|| plain_wasm.to_string()),
        )
    })
}

/// Leptos's hydration loader (leptos 0.8's `hydration_script.js`): imports the JS glue,
/// which fetches the WASM frame and hydrates the page. Ours starts after the first paint:
/// the page is already drawn by the server, so on a slow phone its text shows before the
/// code is fetched and compiled (Lighthouse counted every WASM file that started before the
/// paint against the page's largest paint: 3.2 s of LCP where the first paint was 1.0 s).
/// Then it puts the preloads waiting in `<template data-preloads>` into the head, so the
/// frame and the page's section download side by side. A page opened in a background tab
/// does not paint, so it starts at once.
const HYDRATION_SCRIPT: &str = "(function (root, pkg_path, output_name, wasm_output_name) {\
    const start = () => {\
    for (const t of document.querySelectorAll('template[data-preloads]')) document.head.append(t.content);\
    import(`${root}/${pkg_path}/${output_name}.js`).then((mod) => {\
    mod.default({ module_or_path: `${root}/${pkg_path}/${wasm_output_name}.wasm` }).then(() => mod.hydrate());\
    });};\
    if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start)); else start();\
    })";

/// What Leptos's `HydrationScripts` writes into the head: the frame's preloads and the
/// script that hydrates. Ours because that component also puts the split manifest in the
/// request's context, from where Leptos adds a section's chunk preloads to the head of
/// whichever request's owner the thread last had current: under load, pages went out
/// with another page's preloads or none, and each miss logged a warning. Sections'
/// preloads are added by the server's `section_preloads` layer instead.
pub fn hydration_scripts() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let (js, wasm) = frame_file_names();
    let nonce = leptos::nonce::use_nonce();
    let script = format!("{HYDRATION_SCRIPT}(\"\", \"pkg\", {js:?}, {wasm:?});");
    view! {
        <template data-preloads="">
            <link rel="modulepreload" href=format!("/pkg/{js}.js") crossorigin="" />
            <link rel="preload" href=format!("/pkg/{wasm}.wasm") r#as="fetch" type="application/wasm" crossorigin="" />
        </template>
        <script type="module" nonce=nonce>{script}</script>
    }
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
