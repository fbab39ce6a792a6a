//! The partner gap view's ordering.

mod common;

use quiz_core::gap::gaps;
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
