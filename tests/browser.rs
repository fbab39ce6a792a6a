//! Browser tests of components and of the whole app in a real Chromium,
//! run by `wasm-pack test --headless --chrome`. Each waits on conditions.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use alliance_quiz::app::App;
use alliance_quiz::components::{
    AnswerOptions, AnswerOptionsProps, Reminder, ReminderProps, Results, ResultsProps,
};
use alliance_quiz::content;
use quiz_core::storage::{new_attempt, Attempt};
use quiz_core::{score, Answer, AnswerSheet};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn radios(root: &web_sys::Element) -> Vec<HtmlInputElement> {
    all(root, "input[type=radio]")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

fn click(root: &web_sys::Element, selector: &str) {
    one(root, selector)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// The results page of `attempt` on its own: no session behind it, every
/// callback a no-op.
fn results_props(quiz: &content::QuizRef, attempt: Attempt, share_link: &str) -> ResultsProps {
    ResultsProps {
        quiz: quiz.clone(),
        id: Some(attempt.id.clone().into()),
        attempts: Rc::new(vec![attempt]),
        locale: "en-GB".into(),
        share_link: share_link.to_string().into(),
        can_share: false,
        share_status: None,
        on_copy: Callback::noop(),
        on_share: Callback::noop(),
        on_label: Callback::noop(),
        on_start_again: Callback::noop(),
    }
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
    wait_for("the fieldset", || find(&root, "fieldset").is_some()).await;

    let fieldset = one(&root, "fieldset");
    assert_eq!(text(&one(&fieldset, "legend")), question.prompt);
    let radios = radios(&fieldset);
    assert_eq!(radios.len(), 6, "five anchored options and Not sure");
    assert!(radios.iter().all(|r| r.name() == question.id), "one group");
    let checked: Vec<bool> = radios.iter().map(HtmlInputElement::checked).collect();
    assert_eq!(checked, [false, true, false, false, false, false]);
    let labels: Vec<String> = all(&fieldset, "label .option-text")
        .iter()
        .map(text)
        .collect();
    assert_eq!(labels[4], question.options[4].text);
    assert_eq!(labels[5], "Not sure");

    radios[3].click();
    radios[5].click();
    assert_eq!(*chosen.borrow(), [Answer::Choice(3), Answer::NotSure]);
}

#[wasm_bindgen_test]
async fn the_app_answers_goes_on_and_back_with_the_answer_kept() {
    let _document = take_document().await;
    clear_ours();
    location().set_hash("#/q/1").expect("hash");
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    let progress = |root: &web_sys::Element| {
        find(root, "[data-testid=progress-label]")
            .map(|p| text(&p))
            .unwrap_or_default()
    };
    wait_for("question 1", || progress(&root) == "Question 1 of 21").await;

    let quiz = content::load(None).expect("content");
    assert_eq!(
        one(&root, "form[data-testid=question]")
            .get_attribute("data-question-id")
            .as_deref(),
        Some(quiz.dimensions[0].questions[0].id.as_str())
    );
    let heading = one(&root, "h1.question-prompt");
    wait_for("focus on the question", || {
        document().active_element().as_ref() == Some(&heading)
    })
    .await;

    radios(&root)[2].click();
    wait_for("the choice", || radios(&root)[2].checked()).await;
    click(&root, "button[type=submit]");
    wait_for("question 2", || progress(&root) == "Question 2 of 21").await;
    // The address bar follows once the question is painted.
    wait_for("#/q/2", || {
        location().hash().ok().as_deref() == Some("#/q/2")
    })
    .await;

    click(&root, "form button[type=button]");
    wait_for("question 1 again", || progress(&root) == "Question 1 of 21").await;
    wait_for("the earlier answer kept", || radios(&root)[2].checked()).await;
    // The progress is saved after the paint.
    wait_for("saved progress", || {
        local()
            .get_item(quiz_core::storage::PROGRESS_KEY)
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    app.destroy();
    root.remove();
    location().set_hash("").expect("hash");
    clear_ours();
}

#[wasm_bindgen_test]
async fn the_results_table_shows_the_scores_the_core_computed() {
    let quiz = content::load(None).expect("content");
    // A mixed profile: each answer cycles through the options and Not sure.
    let answers: AnswerSheet = quiz
        .questions()
        .enumerate()
        .map(|(i, (_, q))| {
            let answer = if i % 7 == 6 {
                Answer::NotSure
            } else {
                Answer::Choice((i % 5) as u8)
            };
            (q.id.clone(), answer)
        })
        .collect();
    let report = score(&quiz, &answers);
    let attempt = new_attempt(&quiz, &answers, quiz.version, 1.8e12, 1.8e12 + 60_000.0);
    let props = results_props(&quiz, attempt, "https://example.org/#/r/x");
    let root = fresh_root();
    let _app = yew::Renderer::<Results>::with_root_and_props(root.clone(), props).render();
    wait_for("the table", || {
        find(&root, "[data-testid=score-table]").is_some()
    })
    .await;

    let cells: Vec<String> = all(
        &root,
        "[data-testid=score-table] [data-testid=dimension-score]",
    )
    .iter()
    .map(text)
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
    assert_eq!(
        text(&one(&root, "[data-testid=overall-score]")),
        report.overall.expect("an overall score").to_string()
    );
    assert_eq!(
        text(&one(&root, "[data-testid=overall-level]")),
        quiz.levels[report.level.expect("a level")].name
    );
    assert_eq!(
        all(&root, "[data-testid=score-chart] .chart-row").len(),
        quiz.dimensions.len()
    );
    assert!(
        text(&one(&root, ".results-meta")).contains("15 January 2027"),
        "a British date: day, month, year"
    );
    assert!(
        find(&root, "[data-testid=share] button + button").is_none(),
        "no Share where it cannot work"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn question_one_sets_the_benchmark_mark_once_per_page_load() {
    let _document = take_document().await;
    clear_ours();
    location().set_hash("#/q/1").expect("hash");
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    let shows = |n: usize| {
        let root = root.clone();
        move || {
            find(&root, "[data-testid=progress-label]")
                .is_some_and(|p| text(&p) == format!("Question {n} of 21"))
        }
    };
    wait_for("question 1", shows(1)).await;
    // Away and back with the app's own Next and Back, as a visitor does
    // (typing two addresses in a row raced the hash events of the test before).
    click(&root, "form button[type=submit]");
    wait_for("question 2", shows(2)).await;
    click(&root, "form button[type=button]");
    wait_for("question 1 again", shows(1)).await;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let marks = performance
        .get_entries_by_name_with_entry_type(
            alliance_quiz::performance::FIRST_QUESTION_INTERACTIVE,
            "mark",
        )
        .length();
    // Unmounted before asserting, so no app is left listening to the hash.
    app.destroy();
    root.remove();
    location().set_hash("").expect("hash");
    clear_ours();
    assert_eq!(marks, 1);
}

#[cfg(feature = "bench")]
#[wasm_bindgen_test]
fn the_benchmark_opens_a_share_link_as_the_shared_page_does() {
    let quiz = content::load(None).expect("content");
    let release = quiz.release(quiz.version).expect("current release");
    let answers: AnswerSheet = release
        .questions
        .iter()
        .map(|id| (id.as_str(), Answer::Choice(2)))
        .collect();
    let code =
        quiz_core::share::encode(release, &answers, None, None, &quiz_core::text::CodePoints);
    assert_eq!(alliance_quiz::performance::bench_open_share_link(&code), 50);
    assert_eq!(
        alliance_quiz::performance::bench_open_share_link("not-a-code"),
        -1
    );
    assert_eq!(alliance_quiz::performance::bench_open_share_link(""), -1);
}

#[wasm_bindgen_test]
async fn a_page_of_its_own_offers_print_and_the_reminder_and_writes_the_link_out() {
    let quiz = content::load(None).expect("content");
    let answers: AnswerSheet = quiz
        .questions()
        .map(|(_, q)| (q.id.clone(), Answer::Choice(2)))
        .collect();
    let attempt = new_attempt(&quiz, &answers, quiz.version, 1.8e12, 1.8e12 + 60_000.0);
    let window = web_sys::window().expect("window");
    // The dialog itself is not opened in a test: a stand-in counts the calls.
    let stand_in = js_sys::Function::new_no_args("window.printed = (window.printed || 0) + 1;");
    let real = js_sys::Reflect::get(&window, &"print".into()).expect("print");
    js_sys::Reflect::set(&window, &"print".into(), &stand_in).expect("a stand-in");
    let props = results_props(&quiz, attempt, "https://example.org/#/r/code");
    let root = fresh_root();
    let app = yew::Renderer::<Results>::with_root_and_props(root.clone(), props).render();
    wait_for("the print button", || {
        find(&root, "[data-testid=print]").is_some()
    })
    .await;
    click(&root, "[data-testid=print]");
    let printed = js_sys::Reflect::get(&window, &"printed".into()).expect("printed");
    js_sys::Reflect::set(&window, &"print".into(), &real).expect("the real print");
    assert_eq!(
        printed.as_f64(),
        Some(1.0),
        "the button opens the print dialog"
    );
    assert!(
        find(&root, "[data-testid=reminder]").is_some(),
        "downloads work in a page of its own"
    );
    assert!(
        text(&one(&root, "[data-testid=print-link]")).ends_with("https://example.org/#/r/code"),
        "the link is written out for paper"
    );
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_reminder_buttons_make_a_calendar_file_for_three_or_six_months() {
    let quiz = content::load(None).expect("content");
    let saved = Rc::new(RefCell::new(Vec::new()));
    let props = ReminderProps {
        quiz: quiz.clone(),
        attempt_id: "1780000000000-00ff00ff".into(),
        label: Some("Partner, X".into()),
        completed: "28 May 2026".into(),
        result_link: "https://example.org/#/r/code".into(),
        on_save: {
            let saved = saved.clone();
            Callback::from(move |file| saved.borrow_mut().push(file))
        },
    };
    let root = fresh_root();
    let _app = yew::Renderer::<Reminder>::with_root_and_props(root.clone(), props).render();
    wait_for("the reminder", || {
        find(&root, "[data-testid=reminder]").is_some()
    })
    .await;
    let buttons = all(&root, "[data-testid=reminder] button");
    assert_eq!(
        buttons.iter().map(text).collect::<Vec<_>>(),
        ["In 3 months", "In 6 months"]
    );
    click(&root, "[data-testid=reminder] button:last-child");
    let files = saved.borrow().clone();
    let [file] = files.as_slice() else {
        panic!("one file, not {}", files.len());
    };
    assert!(file.name.starts_with("alliance-quiz-reminder-") && file.name.ends_with(".ics"));
    let text = file.text.replace("\r\n ", "");
    assert!(text.contains("SUMMARY:Check your alliance readiness again · Partner\\, X\r\n"));
    assert!(
        text.contains("https://example.org/#/r/code"),
        "the share link"
    );
    assert!(
        text.contains("URL:https://example.org/\r\n"),
        "the quiz, where the link points"
    );
    root.remove();
}
