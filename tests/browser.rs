//! Browser tests of components and browser glue, run by
//! `wasm-pack test --headless --chrome` in a real Chromium.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use alliance_quiz::app::App;
use alliance_quiz::components::{AnswerOptions, AnswerOptionsProps, Results, ResultsProps};
use alliance_quiz::content;
use quiz_core::storage::new_attempt;
use quiz_core::{score, Answer, AnswerSheet};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn fresh_root() -> Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// Lets Yew's scheduler run the pending renders and effects.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// `location.hash` once it is `expected`, or after a second what it is then.
async fn hash_once_written(expected: &str) -> String {
    let location = web_sys::window().expect("window").location();
    for _ in 0..50 {
        if location.hash().ok().as_deref() == Some(expected) {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    location.hash().unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
async fn a_question_renders_as_a_native_radio_group_and_reports_the_choice() {
    let quiz = content::load(None).expect("content");
    let question = quiz.dimensions[0].questions[0].clone();
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let props = AnswerOptionsProps {
        question: question.clone(),
        selected: Some(Answer::Choice(1)),
        not_sure_label: "Not sure".into(),
        heading_ref: NodeRef::default(),
        on_choose: {
            let chosen = chosen.clone();
            Callback::from(move |answer| chosen.borrow_mut().push(answer))
        },
    };
    let root = fresh_root();
    let _app = yew::Renderer::<AnswerOptions>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let fieldset = one(&root, "fieldset");
    assert_eq!(
        one(&fieldset, "legend")
            .text_content()
            .unwrap_or_default()
            .trim(),
        question.prompt
    );
    let radios: Vec<HtmlInputElement> = all(&fieldset, "input[type=radio]")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect();
    assert_eq!(radios.len(), 6, "five anchored options and Not sure");
    assert!(radios.iter().all(|r| r.name() == question.id), "one group");
    let checked: Vec<bool> = radios.iter().map(HtmlInputElement::checked).collect();
    assert_eq!(checked, [false, true, false, false, false, false]);
    let labels: Vec<String> = all(&fieldset, "label .option-text")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels[4], question.options[4].text);
    assert_eq!(labels[5], "Not sure");

    radios[3].click();
    radios[5].click();
    assert_eq!(*chosen.borrow(), [Answer::Choice(3), Answer::NotSure]);
}

#[wasm_bindgen_test]
async fn choosing_an_answer_and_pressing_next_advances_to_the_next_question() {
    let location = web_sys::window().expect("window").location();
    location.set_hash("#/q/1").expect("hash");
    let root = fresh_root();
    let _app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;

    let quiz = content::load(None).expect("content");
    let form = one(&root, "form[data-testid=question]");
    assert_eq!(
        form.get_attribute("data-question-id").as_deref(),
        Some(quiz.dimensions[0].questions[0].id.as_str())
    );
    assert_eq!(
        one(&root, "[data-testid=progress-label]")
            .text_content()
            .unwrap_or_default()
            .trim(),
        "Question 1 of 30"
    );
    let heading: HtmlElement = one(&root, "h1.question-prompt")
        .dyn_into()
        .expect("heading");
    assert_eq!(
        document().active_element().as_ref(),
        Some(heading.as_ref()),
        "focus moves to the question"
    );

    let third: HtmlElement = all(&root, "input[type=radio]")[2]
        .clone()
        .dyn_into()
        .expect("radio");
    third.click();
    settle().await;
    let next: HtmlElement = one(&root, "button[type=submit]").dyn_into().expect("next");
    next.click();
    settle().await;

    // The address bar follows once the question is painted (src/after_paint.rs).
    assert_eq!(hash_once_written("#/q/2").await, "#/q/2");
    let form = one(&root, "form[data-testid=question]");
    assert_eq!(
        form.get_attribute("data-question-id").as_deref(),
        Some(quiz.dimensions[0].questions[1].id.as_str())
    );
    assert_eq!(
        one(&root, "[data-testid=progress-label]")
            .text_content()
            .unwrap_or_default()
            .trim(),
        "Question 2 of 30"
    );

    // Back shows the first question with the answer still chosen.
    let back: HtmlElement = one(&root, "form button[type=button]")
        .dyn_into()
        .expect("back");
    back.click();
    settle().await;
    let radios: Vec<HtmlInputElement> = all(&root, "input[type=radio]")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect();
    assert!(radios[2].checked(), "the earlier answer is kept");
    location.set_hash("").expect("hash");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_results_table_shows_the_scores_the_domain_computed() {
    let quiz = content::load(None).expect("content");
    // A mixed profile: each question's answer cycles through the options and Not sure.
    let answers: AnswerSheet = quiz
        .questions()
        .enumerate()
        .map(|(i, (_, q))| {
            (
                q.id.clone(),
                if i % 7 == 6 {
                    Answer::NotSure
                } else {
                    Answer::Choice((i % 5) as u8)
                },
            )
        })
        .collect();
    let report = score(&quiz, &answers);
    let attempt = new_attempt(&quiz, &answers, 1.0e12, 1.0e12 + 60_000.0);
    let props = ResultsProps {
        quiz: quiz.clone(),
        attempt: Some(attempt.clone()),
        attempts: vec![attempt],
        on_label: Callback::noop(),
        on_restart: Callback::noop(),
        share_base: None,
    };
    let root = fresh_root();
    let _app = yew::Renderer::<Results>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let cells: Vec<String> = all(
        &root,
        "[data-testid=score-table] [data-testid=dimension-score]",
    )
    .iter()
    .map(|c| c.text_content().unwrap_or_default())
    .collect();
    let expected: Vec<String> = report
        .dimensions
        .iter()
        .map(|d| {
            d.score
                .map_or("Not assessed".to_string(), |s| s.to_string())
        })
        .collect();
    assert_eq!(cells, expected);
    let overall = report.overall.expect("an overall score").to_string();
    assert_eq!(
        one(&root, "[data-testid=overall-score]")
            .text_content()
            .as_deref(),
        Some(overall.as_str())
    );
    let level = &quiz.levels[report.level.expect("a level")].name;
    assert_eq!(
        one(&root, "[data-testid=overall-level]")
            .text_content()
            .as_ref(),
        Some(level)
    );
    assert_eq!(
        all(&root, "[data-testid=score-chart] .chart-row").len(),
        quiz.dimensions.len()
    );
    assert_eq!(all(&root, ".priorities > li").len(), 3);
    root.remove();
}

#[wasm_bindgen_test]
fn a_share_link_points_at_this_page_and_decodes_to_the_attempt() {
    let quiz = content::load(None).expect("content");
    let answers: AnswerSheet = quiz
        .questions()
        .take(9)
        .map(|(_, q)| (q.id.clone(), Answer::Choice(4)))
        .collect();
    let mut attempt = new_attempt(&quiz, &answers, 1.7e12, 1.7e12);
    attempt.label = Some("Acme".into());
    let code = alliance_quiz::share_link::code_for(&quiz, &attempt).expect("a code");
    let link = alliance_quiz::share_link::result_link(None, &code);
    let location = web_sys::window().expect("window").location();
    let here = format!(
        "{}{}",
        location.origin().expect("origin"),
        location.pathname().expect("path")
    );
    assert_eq!(link, format!("{here}#/r/{code}"));
    let shared = quiz_core::share::decode(&code, &quiz.releases).expect("decodes");
    assert_eq!(shared.answers, answers);
    assert_eq!(shared.label.as_deref(), Some("Acme"));
    // 1.7e12 ms is 2023-11-14.
    assert_eq!(shared.completed_on, Some(19_675));
}

#[wasm_bindgen_test]
async fn question_one_sets_the_benchmark_mark_once_per_page_load() {
    let location = web_sys::window().expect("window").location();
    location.set_hash("#/q/1").expect("hash");
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    location.set_hash("#/q/2").expect("hash");
    settle().await;
    location.set_hash("#/q/1").expect("hash");
    settle().await;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let marks = performance
        .get_entries_by_name_with_entry_type(
            alliance_quiz::performance::FIRST_QUESTION_INTERACTIVE,
            "mark",
        )
        .length();
    // Unmounted before asserting, so no app is left listening to the hash
    // when the next test starts.
    app.destroy();
    root.remove();
    location.set_hash("").expect("hash");
    assert_eq!(marks, 1);
}

#[wasm_bindgen_test]
fn the_benchmark_opens_a_share_link_as_the_shared_page_does() {
    let quiz = content::load(None).expect("content");
    let release = quiz.release(quiz.version).expect("current release");
    let answers: AnswerSheet = release
        .questions
        .iter()
        .map(|id| (id.as_str(), Answer::Choice(2)))
        .collect();
    let code = quiz_core::share::encode(release, &answers, None, None);
    assert_eq!(alliance_quiz::performance::bench_open_share_link(&code), 50);
    assert_eq!(
        alliance_quiz::performance::bench_open_share_link("not-a-code"),
        -1
    );
    assert_eq!(alliance_quiz::performance::bench_open_share_link(""), -1);
}
