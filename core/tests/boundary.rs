//! The functional core stays free of browser crates, so it builds and tests on
//! the host. This fails the moment someone adds one to core/Cargo.toml.

const BROWSER_CRATES: [&str; 7] = [
    "yew",
    "yew-router",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo",
    "wasm-bindgen-futures",
];

#[test]
fn core_depends_on_no_browser_crate() {
    let manifest = include_str!("../Cargo.toml");
    let parsed: toml::Table = manifest.parse().expect("core/Cargo.toml parses");
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(table) = parsed.get(section).and_then(|t| t.as_table()) else {
            continue;
        };
        for name in table.keys() {
            assert!(
                !BROWSER_CRATES.contains(&name.as_str()) && !name.starts_with("gloo"),
                "core/Cargo.toml [{section}] names browser crate `{name}`"
            );
        }
    }
}

#[test]
fn core_sources_import_no_browser_crate() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&src).expect("core/src") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read source");
        for name in BROWSER_CRATES {
            let module = name.replace('-', "_");
            assert!(
                !text.contains(&format!("{module}::")),
                "{} uses {module}",
                path.display()
            );
        }
    }
}
