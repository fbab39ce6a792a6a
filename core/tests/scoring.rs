//! Scoring on the shipped content: worked examples, every rule at its
//! boundaries, the edge cases a professional found odd, and properties.

mod common;

use proptest::prelude::*;
use quiz_core::scoring::{recommend, rounded_mean, Priority};
use quiz_core::{score, Answer, AnswerSheet, Quiz};

fn id(quiz: &Quiz, dimension: &str) -> usize {
    quiz.dimensions
        .iter()
        .position(|d| d.id == dimension)
        .unwrap_or_else(|| panic!("no dimension {dimension}"))
}

fn level_id(quiz: &Quiz, level: Option<usize>) -> &str {
    level.map_or("none", |l| quiz.levels[l].id.as_str())
}

/// Every question of every dimension answered alike.
fn everywhere(quiz: &Quiz, answer: Answer) -> AnswerSheet {
    common::uniform(quiz, &vec![Some(answer); quiz.dimensions.len()])
}

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
    let d = id(&quiz, "governance");
    let dimension = &quiz.dimensions[d];
    assert_eq!(dimension.questions.len(), 3);
    let mut answers = AnswerSheet::new();
    answers.set(&dimension.questions[0].id, Answer::Choice(4));
    answers.set(&dimension.questions[1].id, Answer::Choice(1));
    answers.set(&dimension.questions[2].id, Answer::NotSure);
    let report = score(&quiz, &answers);
    let result = &report.dimensions[d];
    assert_eq!(result.points, [100, 25]);
    assert_eq!(result.score, Some(63));
    assert_eq!(result.not_sure, 1);
    assert_eq!(report.overall, Some(63), "the only assessed dimension");
}

#[test]
fn nothing_answered_gives_no_overall_and_no_level() {
    let quiz = common::english();
    let report = score(&quiz, &AnswerSheet::new());
    assert_eq!(report.overall, None);
    assert_eq!(report.level, None);
    assert!(report.strengths.is_empty() && report.priorities.is_empty() && report.keep.is_empty());
    assert!(recommend(&quiz, &report).is_empty());
}

#[test]
fn levels_follow_the_manifest_thresholds() {
    let quiz = common::english();
    let thresholds: Vec<u8> = quiz.levels.iter().map(|l| l.min_score).collect();
    assert_eq!(thresholds, [0, 40, 60, 80]);
    for (score, level) in [
        (0, 0),
        (39, 0),
        (40, 1),
        (59, 1),
        (60, 2),
        (79, 2),
        (80, 3),
        (100, 3),
    ] {
        assert_eq!(quiz.level_for(score), Some(level), "{score}");
    }
}

// ---- the edge cases of the field report, each with the right result ----

#[test]
fn all_weakest_answers_list_no_strengths() {
    let quiz = common::english();
    let report = score(&quiz, &everywhere(&quiz, Answer::Choice(0)));
    assert_eq!(report.overall, Some(0));
    assert!(
        report.strengths.is_empty(),
        "a dimension scored 0 is no strength"
    );
    assert_eq!(report.priorities.len(), 3);
    assert_eq!(
        report.priorities,
        [
            Priority::Improve(0),
            Priority::Improve(1),
            Priority::Improve(2)
        ],
        "ties by content order"
    );
}

#[test]
fn all_strongest_answers_have_no_priorities_but_say_what_keeps_the_level() {
    let quiz = common::english();
    let report = score(&quiz, &everywhere(&quiz, Answer::Choice(4)));
    assert_eq!(report.overall, Some(100));
    assert_eq!(level_id(&quiz, report.level), "embedded");
    assert!(report.priorities.is_empty(), "nothing at 100 is a priority");
    assert_eq!(
        report.keep,
        [0, 1],
        "the two weakest (all equal: content order)"
    );
    assert_eq!(report.strengths, [0, 1]);
    assert!(
        recommend(&quiz, &report).is_empty(),
        "no offer fits a result at the top"
    );
}

#[test]
fn one_real_answer_and_not_sure_for_the_rest_is_provisional_and_no_strength() {
    let quiz = common::english();
    let d = id(&quiz, "trust");
    let mut answers = everywhere(&quiz, Answer::Choice(2));
    let questions = &quiz.dimensions[d].questions;
    assert_eq!(questions.len(), 3);
    answers.set(&questions[0].id, Answer::Choice(4));
    answers.set(&questions[1].id, Answer::NotSure);
    answers.set(&questions[2].id, Answer::NotSure);
    let report = score(&quiz, &answers);
    let trust = &report.dimensions[d];
    assert_eq!(trust.score, Some(100));
    assert!(trust.provisional, "1 of 3 scored: fewer than half");
    assert!(
        !report.strengths.contains(&d),
        "a provisional 100 is not listed first among strengths"
    );
}

#[test]
fn half_the_questions_scored_is_not_provisional() {
    let quiz = common::english();
    let d = id(&quiz, "strategy");
    let questions = &quiz.dimensions[d].questions;
    assert_eq!(questions.len(), 2);
    let mut answers = AnswerSheet::new();
    answers.set(&questions[0].id, Answer::Choice(3));
    answers.set(&questions[1].id, Answer::NotSure);
    assert!(
        !score(&quiz, &answers).dimensions[d].provisional,
        "1 of 2 is half"
    );
    let three = id(&quiz, "governance");
    let mut one_of_three = AnswerSheet::new();
    one_of_three.set(&quiz.dimensions[three].questions[0].id, Answer::Choice(3));
    assert!(
        score(&quiz, &one_of_three).dimensions[three].provisional,
        "1 of 3"
    );
}

#[test]
fn a_dimension_answered_only_not_sure_is_a_priority_to_find_out_about() {
    let quiz = common::english();
    let d = id(&quiz, "capability");
    let mut per_dimension = vec![Some(Answer::Choice(3)); quiz.dimensions.len()];
    per_dimension[d] = Some(Answer::NotSure);
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.dimensions[d].score, None);
    assert!(report.dimensions[d].unknown());
    assert_eq!(
        report.priorities[0],
        Priority::FindOut(d),
        "before dimensions at Systematic"
    );
    assert!(
        recommend(&quiz, &report)
            .iter()
            .all(|r| !r.because.contains(&d)),
        "training is for scored priorities"
    );
}

#[test]
fn not_knowing_ranks_after_the_weakest_and_before_the_rest() {
    let quiz = common::english();
    let (weak, unknown, middling) = (
        id(&quiz, "trust"),
        id(&quiz, "strategy"),
        id(&quiz, "value"),
    );
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[weak] = Some(Answer::Choice(1)); // 25, Opportunistic
    per_dimension[unknown] = Some(Answer::NotSure);
    per_dimension[middling] = Some(Answer::Choice(2)); // 50, Developing
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(
        report.priorities,
        [
            Priority::Improve(weak),
            Priority::FindOut(unknown),
            Priority::Improve(middling)
        ]
    );
}

#[test]
fn questions_left_open_are_not_a_finding() {
    let quiz = common::english();
    let d = id(&quiz, "evolution");
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[d] = None;
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert!(!report.dimensions[d].unknown());
    assert!(report.priorities.is_empty());
}

#[test]
fn eight_at_the_top_and_governance_at_zero_is_not_embedded() {
    let quiz = common::english();
    let g = id(&quiz, "governance");
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[g] = Some(Answer::Choice(0));
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.overall, Some(89), "800 / 9");
    assert_eq!(
        level_id(&quiz, report.level),
        "developing",
        "one level above Opportunistic"
    );
    let cap = report.cap.expect("capped");
    assert_eq!(level_id(&quiz, Some(cap.uncapped)), "embedded");
    assert_eq!(cap.dimension, g);
    assert_eq!(report.priorities, [Priority::Improve(g)]);
}

#[test]
fn the_level_cap_applies_only_past_one_level_above_the_weakest() {
    let quiz = common::english();
    let weakest = id(&quiz, "operations");
    // The weakest at Developing (50): Systematic is allowed, Embedded is not.
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[weakest] = Some(Answer::Choice(2));
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.overall, Some(94));
    assert_eq!(level_id(&quiz, report.level), "systematic");
    assert!(report.cap.is_some());
    // The weakest at Systematic (75): Embedded stands.
    per_dimension[weakest] = Some(Answer::Choice(3));
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(level_id(&quiz, report.level), "embedded");
    assert_eq!(report.cap, None);
}

// ---- strengths and priorities at their boundaries ----

#[test]
fn strengths_start_at_systematic() {
    let quiz = common::english();
    let (at, below) = (id(&quiz, "strategy"), id(&quiz, "selection"));
    let mut per_dimension = vec![Some(Answer::Choice(0)); quiz.dimensions.len()];
    // Strategy: 75 and 50 average 63 (Systematic); selection: 50 and 75 average 63 too.
    let mut answers = common::uniform(&quiz, &per_dimension);
    answers.set(&quiz.dimensions[at].questions[0].id, Answer::Choice(3));
    answers.set(&quiz.dimensions[at].questions[1].id, Answer::Choice(2));
    // Selection: 50 and 25 average 38 (Opportunistic), no strength.
    answers.set(&quiz.dimensions[below].questions[0].id, Answer::Choice(2));
    answers.set(&quiz.dimensions[below].questions[1].id, Answer::Choice(1));
    let report = score(&quiz, &answers);
    assert_eq!(report.dimensions[at].score, Some(63));
    assert_eq!(report.strengths, [at]);
    per_dimension.fill(Some(Answer::Choice(2))); // 50 everywhere: Developing, no strengths
    assert!(score(&quiz, &common::uniform(&quiz, &per_dimension))
        .strengths
        .is_empty());
}

#[test]
fn priorities_stop_below_the_top_level() {
    let quiz = common::english();
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    let d = id(&quiz, "value");
    per_dimension[d] = Some(Answer::Choice(3)); // 75: Systematic, below the top
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    assert_eq!(report.priorities, [Priority::Improve(d)]);
    assert!(report.keep.is_empty());
}

#[test]
fn the_first_step_starts_from_the_weakest_answer_in_the_dimension() {
    let quiz = common::english();
    let d = id(&quiz, "governance");
    let questions = &quiz.dimensions[d].questions;
    let mut answers = everywhere(&quiz, Answer::Choice(4));
    answers.set(&questions[0].id, Answer::Choice(3));
    answers.set(&questions[1].id, Answer::Choice(1));
    answers.set(&questions[2].id, Answer::Choice(1));
    let report = score(&quiz, &answers);
    assert_eq!(
        report.dimensions[d].weakest,
        Some((1, 1)),
        "the first of the two weakest"
    );
}

#[test]
fn training_is_shown_only_for_priorities_in_the_bands_it_serves() {
    let quiz = common::english();
    let (trust, governance) = (id(&quiz, "trust"), id(&quiz, "governance"));
    let mut per_dimension = vec![Some(Answer::Choice(4)); quiz.dimensions.len()];
    per_dimension[trust] = Some(Answer::Choice(1));
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    let offers: Vec<&str> = recommend(&quiz, &report)
        .iter()
        .map(|r| quiz.offers[r.offer].id.as_str())
        .collect();
    assert_eq!(offers, ["online-course"], "only the course lists trust");
    per_dimension[trust] = Some(Answer::Choice(4));
    per_dimension[governance] = Some(Answer::Choice(3)); // Systematic: the masterclass serves it
    let report = score(&quiz, &common::uniform(&quiz, &per_dimension));
    let offers: Vec<&str> = recommend(&quiz, &report)
        .iter()
        .map(|r| quiz.offers[r.offer].id.as_str())
        .collect();
    assert_eq!(offers, ["masterclass"]);
}

#[test]
fn answers_to_questions_no_longer_asked_are_counted_not_scored() {
    let quiz = common::english();
    let mut answers = AnswerSheet::new();
    answers.set("strategy.alliance-strategy", Answer::Choice(4));
    answers.set("selection.criteria", Answer::Choice(0));
    answers.set("strategy.why-ally", Answer::Choice(2));
    let report = score(&quiz, &answers);
    assert_eq!(report.earlier_answers, 2);
    assert_eq!(report.dimensions[0].points, [50]);
}

// ---- properties ----

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
    fn scores_stay_in_range_and_the_rules_hold_for_any_answers(answers in prop::collection::vec(any_answer(), 21..=30)) {
        let quiz = common::english();
        let report = score(&quiz, &sheet(&quiz, &answers));
        let top = quiz.levels.len() - 1;
        for result in &report.dimensions {
            prop_assert!(result.score.is_none_or(|s| s <= 100));
            prop_assert_eq!(result.score.is_some(), result.level.is_some());
            prop_assert_eq!(result.points.len() + result.not_sure + result.unanswered, result.questions);
        }
        prop_assert!(report.overall.is_none_or(|s| s <= 100));
        prop_assert_eq!(report.overall.is_some(), report.level.is_some());
        prop_assert!(report.priorities.len() <= 3 && report.strengths.len() <= 2);
        for s in &report.strengths {
            let result = &report.dimensions[*s];
            prop_assert!(result.level >= Some(top - 1) && !result.provisional);
            prop_assert!(report.priorities.iter().all(|p| p.dimension() != *s));
        }
        for p in &report.priorities {
            let result = &report.dimensions[p.dimension()];
            match p {
                Priority::Improve(_) => prop_assert!(result.level < Some(top)),
                Priority::FindOut(_) => prop_assert!(result.unknown()),
            }
        }
        // Never more than one level above the weakest assessed dimension.
        if let Some(floor) = report.dimensions.iter().filter_map(|d| d.level).min() {
            prop_assert!(report.level <= Some(floor + 1));
        }
    }

    #[test]
    fn a_better_answer_never_lowers_a_score_or_the_level(
        answers in prop::collection::vec(any_answer(), 21),
        position in 0usize..21,
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
        pairs in prop::collection::vec((0usize..21, any_answer()), 0..60).prop_shuffle(),
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
