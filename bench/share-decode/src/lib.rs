//! What the share-link benchmark needs: the shipped English quiz (written by
//! `encode-content` from `content/`), a share code for a whole quiz, and the work being timed
//! (decode the code, then score its answers), as the app does when a shared
//! link is opened.

use quiz_core::content_codec;
use quiz_core::share::{decode, encode};
use quiz_core::text::UnicodeGraphemes;
use quiz_core::{score, Answer, AnswerSheet, Quiz};

/// Where `encode-content` wrote the quiz: `$SHARE_DECODE_CONTENT` (set by
/// bench/criterion.sh).
const CONTENT_VARIABLE: &str = "SHARE_DECODE_CONTENT";

/// The quiz as the app embeds it, decoded as the app decodes it.
pub fn english() -> Quiz {
    let path = std::env::var(CONTENT_VARIABLE)
        .unwrap_or_else(|_| panic!("{CONTENT_VARIABLE} names no file: run bench/criterion.sh"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    content_codec::decode(&bytes).unwrap_or_else(|| panic!("{path} does not decode as a quiz"))
}

/// A code for every question of the current release answered (a mix of
/// choices and "Not sure"), with a label and a date, like a real shared result.
pub fn sample_code(quiz: &Quiz) -> String {
    let release = quiz
        .release(quiz.version)
        .expect("the current version is released");
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
    encode(
        release,
        &answers,
        Some("Acme alliance"),
        Some(20_454),
        &UnicodeGraphemes,
    )
}

/// Opening a share link: decode the code, then score its answers. The overall
/// score 0 to 100, or -1 when the code does not decode (as the app's
/// `bench_open_share_link` returns).
pub fn open_share_link(quiz: &Quiz, code: &str) -> i32 {
    match decode(code, &quiz.releases) {
        Ok(shared) => score(quiz, &shared.answers).overall.map_or(-1, i32::from),
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
