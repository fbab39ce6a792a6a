//! Scoring on the shipped content: worked examples and properties.

mod common;

use proptest::prelude::*;
use quiz_core::scoring::{recommend, rounded_mean};
use quiz_core::{score, Answer, AnswerSheet, Quiz};

#[test]
fn means_round_half_up_in_whole_numbers() {
    assert_eq!(rounded_mean(&[]), None);
    assert_eq!(rounded_mean(&[0, 25, 100]), Some(42));
    assert_eq!(rounded_mean(&[25, 50]), Some(38));
    assert_eq!(rounded_mean(&[100; 4]), Some(100));
    assert_eq!(rounded_mean(&[0]), Some(0));
}

#[test]
fn not_sure_is_left_out_of_the_mean_and_counted() {
    let quiz = common::english();
    let dimension = &quiz.dimensions[4];
    let mut answers = AnswerSheet::new();
    answers.set(&dimension.questions[0].id, Answer::Choice(4));
    answers.set(&dimension.questions[1].id, Answer::Choice(1));
    answers.set(&dimension.questions[2].id, Answer::NotSure);
    let report = score(&quiz, &answers);
    let result = &report.dimensions[4];
    assert_eq!(result.points, [100, 25]);
    assert_eq!(result.score, Some(63));
    assert_eq!(result.not_sure, 1);
    assert_eq!(result.unanswered, dimension.questions.len() - 3);
    assert_eq!(report.overall, Some(63), "the only assessed dimension");
}

#[test]
fn a_dimension_with_only_not_sure_is_not_assessed_rather_than_zero() {
    let quiz = common::english();
    let mut per_dimension = vec![Some(Answer::Choice(3)); quiz.dimensions.len()];
    per_dimension[0] = Some(Answer::NotSure);
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.dimensions[0].score, None);
    assert_eq!(report.dimensions[0].level, None);
    assert_eq!(
        report.dimensions[0].not_sure,
        quiz.dimensions[0].questions.len()
    );
    assert_eq!(report.overall, Some(75));
    assert!(!report.priorities.contains(&0) && !report.strengths.contains(&0));
}

#[test]
fn nothing_answered_gives_no_overall_and_no_level() {
    let quiz = common::english();
    let report = score(&quiz, &AnswerSheet::new());
    assert_eq!(report.overall, None);
    assert_eq!(report.level, None);
    assert!(report.strengths.is_empty() && report.priorities.is_empty());
    assert!(recommend(&quiz, &report).is_empty());
}

#[test]
fn levels_follow_the_manifest_thresholds() {
    let quiz = common::english();
    let names: Vec<&str> = [0u8, 39, 40, 59, 60, 79, 80, 100]
        .iter()
        .map(|s| {
            quiz.levels[quiz.level_for(*s).expect("every score has a level")]
                .id
                .as_str()
        })
        .collect();
    assert_eq!(
        names,
        [
            "opportunistic",
            "opportunistic",
            "developing",
            "developing",
            "systematic",
            "systematic",
            "embedded",
            "embedded"
        ]
    );
}

#[test]
fn strengths_and_priorities_break_ties_by_content_order() {
    let quiz = common::english();
    // Scores per dimension: 50 75 25 75 25 100 25 50 50
    let choices = [2u8, 3, 1, 3, 1, 4, 1, 2, 2];
    let per_dimension: Vec<_> = choices.iter().map(|c| Some(Answer::Choice(*c))).collect();
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.priorities, [2, 4, 6], "three 25s, in content order");
    assert_eq!(
        report.strengths,
        [5, 1],
        "100, then the first of the two 75s"
    );
    assert_eq!(report.overall, Some(53)); // (50+75+25+75+25+100+25+50+50)/9 = 52.8
    assert_eq!(quiz.levels[report.level.expect("level")].id, "developing");
}

#[test]
fn training_is_recommended_for_priorities_in_the_bands_it_serves() {
    let quiz = common::english();
    let id = |name: &str| {
        quiz.dimensions
            .iter()
            .position(|d| d.id == name)
            .expect(name)
    };
    // Everything embedded except capability (opportunistic) and trust, measurement (systematic).
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[id("capability")] = Some(Answer::Choice(0));
    per_dimension[id("trust")] = Some(Answer::Choice(3));
    per_dimension[id("measurement")] = Some(Answer::Choice(3));
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(
        report.priorities,
        [id("capability"), id("trust"), id("measurement")]
    );
    let recommendations = recommend(&quiz, &report);
    let offers: Vec<(&str, Vec<usize>)> = recommendations
        .iter()
        .map(|r| (quiz.offers[r.offer].id.as_str(), r.because.clone()))
        .collect();
    // The masterclass serves capability up to systematic; the online course serves
    // capability, trust and measurement only up to developing.
    assert_eq!(
        offers,
        [
            ("masterclass", vec![id("capability")]),
            ("online-course", vec![id("capability")])
        ]
    );
}

#[test]
fn answers_to_unknown_questions_or_options_are_ignored() {
    let quiz = common::english();
    let mut answers = AnswerSheet::new();
    answers.set("no-such-question", Answer::Choice(4));
    answers.set(&quiz.dimensions[0].questions[0].id, Answer::Choice(9));
    let report = score(&quiz, &answers);
    assert_eq!(report.overall, None);
    assert_eq!(
        report.dimensions[0].unanswered,
        quiz.dimensions[0].questions.len()
    );
}

fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::NotSure)),
        (0u8..=4).prop_map(|c| Some(Answer::Choice(c))),
        (5u8..=255).prop_map(|c| Some(Answer::Choice(c))),
    ]
}

fn sheet(quiz: &Quiz, answers: &[Option<Answer>]) -> AnswerSheet {
    quiz.questions()
        .zip(answers)
        .filter_map(|((_, q), a)| a.map(|a| (q.id.clone(), a)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scores_stay_in_range_for_any_answers(answers in prop::collection::vec(any_answer(), 30..=36)) {
        let quiz = common::english();
        let report = score(&quiz, &sheet(&quiz, &answers));
        for result in &report.dimensions {
            prop_assert!(result.score.is_none_or(|s| s <= 100));
            prop_assert_eq!(result.score.is_some(), result.level.is_some());
            prop_assert_eq!(result.points.len() + result.not_sure + result.unanswered, result.questions);
        }
        prop_assert!(report.overall.is_none_or(|s| s <= 100));
        prop_assert_eq!(report.overall.is_some(), report.level.is_some());
        prop_assert!(report.priorities.len() <= 3 && report.strengths.len() <= 2);
        prop_assert!(report.strengths.iter().all(|s| !report.priorities.contains(s)));
    }

    #[test]
    fn a_better_answer_never_lowers_a_score(
        answers in prop::collection::vec(any_answer(), 36),
        position in 0usize..30,
        from in 0u8..4,
        step in 1u8..=4,
    ) {
        let quiz = common::english();
        let mut before = answers.clone();
        before[position] = Some(Answer::Choice(from));
        let mut after = before.clone();
        after[position] = Some(Answer::Choice((from + step).min(4)));
        let (low, high) = (score(&quiz, &sheet(&quiz, &before)), score(&quiz, &sheet(&quiz, &after)));
        for (l, h) in low.dimensions.iter().zip(&high.dimensions) {
            prop_assert!(h.score >= l.score, "{:?} -> {:?}", l.score, h.score);
        }
        prop_assert!(high.overall >= low.overall);
        prop_assert!(high.level >= low.level);
    }

    #[test]
    fn the_order_of_answering_does_not_change_the_result(
        pairs in prop::collection::vec((0usize..30, any_answer()), 0..60).prop_shuffle(),
    ) {
        let quiz = common::english();
        let ids: Vec<String> = quiz.questions().map(|(_, q)| q.id.clone()).collect();
        // Keep the last answer per question, as the app does, then answer in two orders.
        let mut latest = std::collections::BTreeMap::new();
        for (position, answer) in &pairs {
            if let Some(answer) = answer { latest.insert(*position, *answer); }
        }
        let forward: AnswerSheet = latest.iter().map(|(p, a)| (ids[*p].clone(), *a)).collect();
        let backward: AnswerSheet = latest.iter().rev().map(|(p, a)| (ids[*p].clone(), *a)).collect();
        prop_assert_eq!(score(&quiz, &forward), score(&quiz, &backward));
    }
}
