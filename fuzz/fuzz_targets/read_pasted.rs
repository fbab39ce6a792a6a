//! What a visitor pastes: `read_pasted` must never panic, and what it
//! returns is always a run of code characters found in (a decoding of) the text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quiz_core::authoring::parse_releases;
use quiz_core::content::Release;
use quiz_core::share::read_pasted;

fn releases() -> &'static [Release] {
    static RELEASES: OnceLock<Vec<Release>> = OnceLock::new();
    RELEASES.get_or_init(|| {
        parse_releases(
            include_str!("../../content/releases.toml"),
            "releases.toml",
        )
        .expect("content/releases.toml parses")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = read_pasted(text, releases()) {
        assert!(!code.is_empty());
        assert!(code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
    }
});
