//! What the share-link benchmark needs: the shipped English quiz read from
//! `content/`, a share code for a whole quiz, and the work being timed
//! (decode the code, then score its answers), as the app does when a shared
//! link is opened.

use std::path::PathBuf;

use quiz_core::authoring::{assemble, parse_language, parse_manifest, parse_releases};
use quiz_core::share::{decode, encode};
use quiz_core::validate::SourceFiles;
use quiz_core::{score, Answer, AnswerSheet, Quiz};

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../content")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The quiz as the app embeds it, from content/manifest.toml, en.toml and releases.toml.
pub fn english() -> Quiz {
    let files = SourceFiles {
        manifest: "manifest.toml",
        language: "en.toml",
        releases: "releases.toml",
    };
    let manifest = parse_manifest(&read(files.manifest), files.manifest).expect("manifest.toml");
    let releases = parse_releases(&read(files.releases), files.releases).expect("releases.toml");
    let texts = parse_language(&read(files.language), files.language).expect("en.toml");
    assemble(&manifest, &releases, texts, "en", files).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// A code for every question of the current release answered (a mix of
/// choices and "Not sure"), with a label and a date, like a real shared result.
pub fn sample_code(quiz: &Quiz) -> String {
    let release = quiz.release(quiz.version).expect("the current version is released");
    let answers: AnswerSheet = release
        .questions
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let answer = if i % 7 == 6 {
                Answer::NotSure
            } else {
                Answer::Choice((i % 5) as u8)
            };
            (id.clone(), answer)
        })
        .collect();
    // 2026-01-01 as days since the Unix epoch.
    encode(release, &answers, Some("Acme alliance"), Some(20_454))
}

/// Opening a share link: decode the code, then score its answers. The overall
/// score 0 to 100, or -1 when the code does not decode (as the app's
/// `bench_open_share_link` returns).
pub fn open_share_link(quiz: &Quiz, code: &str) -> i32 {
    match decode(code, &quiz.releases) {
        Ok(shared) => score(quiz, &shared.answers)
            .overall
            .map_or(-1, i32::from),
        Err(_) => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_code_decodes_and_scores() {
        let quiz = english();
        let code = sample_code(&quiz);
        let overall = open_share_link(&quiz, &code);
        assert!((0..=100).contains(&overall), "{code} scored {overall}");
        assert_eq!(open_share_link(&quiz, "not-a-code"), -1);
    }
}
