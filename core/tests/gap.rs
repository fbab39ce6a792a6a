//! The partner gap view's ordering, and reading a pasted link.

mod common;

use quiz_core::gap::{code_from_pasted, gaps};
use quiz_core::{score, Answer};

#[test]
fn the_largest_gaps_come_first_and_unassessed_dimensions_last() {
    let quiz = common::english();
    let c = |i| Some(Answer::Choice(i));
    let ours = common::uniform(
        &quiz,
        &[
            c(4),
            c(2),
            c(2),
            c(0),
            c(3),
            Some(Answer::NotSure),
            c(1),
            c(2),
            c(2),
        ],
    );
    let theirs = common::uniform(
        &quiz,
        &[c(0), c(2), c(3), c(4), c(3), c(2), c(1), c(4), None],
    );
    let result = gaps(&score(&quiz, &ours), &score(&quiz, &theirs));
    let order: Vec<(usize, Option<u8>)> = result.iter().map(|g| (g.dimension, g.gap)).collect();
    assert_eq!(
        order,
        [
            (0, Some(100)),
            (3, Some(100)),
            (7, Some(50)),
            (2, Some(25)),
            (1, Some(0)),
            (4, Some(0)),
            (6, Some(0)),
            (5, None),
            (8, None),
        ]
    );
    assert_eq!((result[0].first, result[0].second), (Some(100), Some(0)));
}

#[test]
fn pasted_links_and_codes_yield_the_code() {
    assert_eq!(
        code_from_pasted("https://example.com/quiz/#/r/AQF6gA.QWNt"),
        Some("AQF6gA.QWNt")
    );
    assert_eq!(code_from_pasted("  AQF6gAAA  "), Some("AQF6gAAA"));
    assert_eq!(code_from_pasted("http://x/#/compare/AAA/BBB"), Some("AAA"));
    assert_eq!(code_from_pasted("http://x/#/r/AAA/"), Some("AAA"));
    assert_eq!(code_from_pasted(""), None);
    assert_eq!(code_from_pasted("<script>alert(1)</script>"), None);
    assert_eq!(code_from_pasted(&"A".repeat(100_000)), None);
}
