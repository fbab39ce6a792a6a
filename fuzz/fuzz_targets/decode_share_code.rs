//! `decode` on arbitrary UTF-8: it must never panic, and anything it accepts
//! must be the one code the encoder writes for what it carries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quiz_core::authoring::parse_releases;
use quiz_core::content::Release;
use quiz_core::share::{clean_label, decode, encode, MAX_CODE_LENGTH};
use quiz_core::text::UnicodeGraphemes;

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
    let Ok(code) = std::str::from_utf8(data) else {
        return;
    };
    let releases = releases();
    if let Ok(shared) = decode(code, releases) {
        assert!(code.len() <= MAX_CODE_LENGTH);
        let release = releases
            .iter()
            .find(|r| r.version == shared.version)
            .expect("decoded version is released");
        let label = shared.label.as_deref();
        // decode accepts labels encode would clean (e.g. double spaces);
        // only clean ones must round-trip to the same text.
        if label == label.and_then(|l| clean_label(l, &UnicodeGraphemes)).as_deref() {
            let again = encode(
                release,
                &shared.answers,
                label,
                shared.completed_on,
                &UnicodeGraphemes,
            );
            assert_eq!(again, code);
        }
    }
});
