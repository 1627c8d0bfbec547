//! The arrows between `app/src`'s modules (ARCHITECTURE.md, "Layers"). Each module may
//! use only the modules `ALLOWED` lists for it; a `crate::…` path to any other fails here,
//! naming the file. Tables reached through a domain's `tables` module (open to the
//! server's tests only) fail here too.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

/// Base modules know no domain; domains sit in order (auth, groups, people, consent,
/// events, outreach, suggest, phonebank, qa, fundraising, sites), each using the base and the domains before it; the top
/// (routes, layout, the home page and other pages put together from several domains,
/// account erasure) may use anything.
const BASE: &[(&str, &[&str])] = &[
    ("error", &[]),
    ("assets", &[]),
    ("format", &[]),
    ("tokens", &[]),
    ("validate", &["error"]),
    ("rate_limit", &["error"]),
    // The registry's shape and engine, and the access log; it knows no domain.
    ("personal_data", &["error"]),
    ("site_settings", &["error", "personal_data"]),
    // Signals between server processes (PostgreSQL NOTIFY), for live pages.
    ("live", &["error", "tokens"]),
    ("state", &["rate_limit", "live"]),
    ("ui", &["error"]),
    ("places", &["error", "validate", "personal_data"]),
    ("mail", &["error", "format", "tokens", "personal_data"]),
    // Migrations compute place cells for existing events.
    ("db", &["error", "places"]),
];
const BASE_MODULES: &[&str] = &[
    "error",
    "assets",
    "format",
    "tokens",
    "validate",
    "rate_limit",
    "personal_data",
    "site_settings",
    "live",
    "state",
    "ui",
    "places",
    "mail",
    "db",
];
const DOMAINS: &[&str] = &[
    "auth",
    "groups",
    "people",
    "consent",
    "events",
    "outreach",
    "suggest",
    "phonebank",
    "qa",
    "fundraising",
    "sites",
];
const TOP: &[&str] = &[
    "routes",
    "layout",
    "lazy_pages",
    "home_page",
    "assembled_pages",
    // Download and erasure read every domain's personal-data declaration.
    "privacy",
    "lib",
];

/// What `module` may use.
fn allowed(module: &str) -> Option<BTreeSet<&'static str>> {
    if let Some((_, uses)) = BASE.iter().find(|(name, _)| *name == module) {
        return Some(uses.iter().copied().collect());
    }
    // The request context knows who is asking, so it sits just above auth.
    if module == "ctx" {
        return Some(["auth", "error", "rate_limit", "state"].into());
    }
    if let Some(rank) = DOMAINS.iter().position(|d| *d == module) {
        let mut uses: BTreeSet<&str> = BASE_MODULES.iter().copied().collect();
        uses.insert("ctx");
        uses.extend(&DOMAINS[..rank]);
        return Some(uses);
    }
    TOP.contains(&module).then(BTreeSet::new)
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file's code names through `crate::`, tests and comments left
/// out (a test module may reach anywhere to set up its case).
fn crate_names(source: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            names.extend(top_level_names(group));
        } else {
            names.insert(identifier(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The names that open each path inside `crate::{…}`.
fn top_level_names(group: &str) -> Vec<String> {
    let mut names = Vec::new();
    let (mut depth, mut at_start) = (1, true);
    for (i, ch) in group.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => at_start = true,
            c if depth == 1 && at_start && (c.is_alphanumeric() || c == '_') => {
                names.push(identifier(&group[i..]));
                at_start = false;
            }
            _ => {}
        }
    }
    names
}

fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// (from, to) → the files with that arrow.
fn arrows() -> BTreeMap<(String, String), Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        for name in crate_names(&fs::read_to_string(&file).unwrap()) {
            if name != module {
                found
                    .entry((module.clone(), name))
                    .or_default()
                    .push(relative.display().to_string());
            }
        }
    }
    found
}

#[test]
fn every_import_follows_the_allowed_arrows() {
    let mut broken = Vec::new();
    for ((from, to), files) in arrows() {
        match allowed(&from) {
            None => broken.push(format!(
                "{from}: a module not placed in a layer ({files:?})"
            )),
            Some(uses) if TOP.contains(&from.as_str()) || uses.contains(to.as_str()) => {}
            Some(_) => broken.push(format!("{from} → {to} in {files:?}")),
        }
    }
    assert!(
        broken.is_empty(),
        "imports against ARCHITECTURE.md's layers:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_domain_keeps_its_tables_private() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for module in DOMAINS.iter().chain(BASE_MODULES) {
        let Ok(source) = fs::read_to_string(src.join(format!("{module}.rs"))) else {
            continue;
        };
        assert!(
            !source.contains("pub mod entity") && !source.contains("pub(crate) mod entity"),
            "{module}'s tables must be private to it (`mod entity;`), with service functions for others"
        );
    }
}

#[test]
fn no_code_of_the_app_reaches_a_domains_tables() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut reaches = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            if line.contains("::tables::") || line.contains("::tables}") {
                reaches.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        reaches.is_empty(),
        "`tables` is for the server's tests only:\n{}",
        reaches.join("\n")
    );
}

#[test]
fn the_reader_finds_grouped_and_plain_paths_but_not_tests_or_comments() {
    let source = "use crate::{auth::model::Role, db::{begin_write, x}, mail};\n\
                  // crate::people is only mentioned\n\
                  fn f() { crate::events::go(); }\n\
                  #[cfg(test)]\nmod tests { use crate::suggest; }";
    let names: Vec<String> = crate_names(source).into_iter().collect();
    assert_eq!(names, ["auth", "db", "events", "mail"]);
}
