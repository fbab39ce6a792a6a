//! The visit's state machine: one test per decision, then properties over
//! random sequences of events, in one tab and in two tabs sharing storage.

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use proptest::prelude::*;
use quiz_core::embed::EmbedEvent;
use quiz_core::json::SerdeJson;
use quiz_core::route::Route;
use quiz_core::session::{
    Capabilities, Context, CopyOutcome, DataStatus, Effect, EmbedConfig, Event, Field, Notice, Now,
    Session, ShareOutcome, EXPORT_STEM, UNDO_MS,
};
use quiz_core::storage::{
    self, export, new_attempt, write, Attempt, ImportError, Progress, Settings, ATTEMPTS_KEY,
    MAX_ATTEMPTS, MAX_IMPORT_BYTES, PROGRESS_KEY, SETTINGS_KEY,
};
use quiz_core::store::{Fault, KeyValueStore, MemoryStore, StorageStatus};
use quiz_core::text::UnicodeGraphemes;
use quiz_core::theme::Theme;
use quiz_core::{Answer, AnswerSheet, Quiz};

const JSON: SerdeJson = SerdeJson;
const BASE: &str = "https://quiz.example/";

type Tab = Session<MemoryStore, SerdeJson>;

fn quiz() -> Rc<Quiz> {
    Rc::new(common::english())
}

/// 2023-11-14T22:13:20Z: a time stored data may hold (2020 to 2199).
const T0: f64 = 1_700_000_000_000.0;

fn at(ms: f64) -> Now {
    Now {
        ms,
        offset_minutes: 0,
    }
}

fn languages() -> Vec<quiz_core::language::Language> {
    [("en", "English", "en-GB"), ("nl", "Nederlands", "nl-NL")]
        .into_iter()
        .map(|(code, name, locale)| quiz_core::language::Language {
            code: code.into(),
            name: name.into(),
            locale: locale.into(),
        })
        .collect()
}

fn context() -> Context {
    Context {
        app_base: BASE.into(),
        languages: languages(),
        wanted_language: None,
        embed: None,
        capabilities: Capabilities {
            share: true,
            clipboard: true,
        },
    }
}

fn open_with(store: &MemoryStore, context: Context, hash: &str) -> (Tab, Vec<Effect>) {
    Session::start(
        quiz(),
        store.clone(),
        JSON,
        Box::new(UnicodeGraphemes),
        context,
        hash,
        at(1_000.0),
    )
}

fn open(store: &MemoryStore, hash: &str) -> Tab {
    open_with(store, context(), hash).0
}

/// Answers question `number` (going there first) and returns the effects of the answer.
fn answer(tab: &mut Tab, number: usize, choice: u8, ms: f64) -> Vec<Effect> {
    tab.update(Event::AddressChanged(format!("#/q/{number}")), at(ms));
    tab.update(
        Event::Answer {
            number,
            answer: Answer::Choice(choice),
        },
        at(ms),
    )
}

fn stored_progress(store: &MemoryStore) -> Option<Progress> {
    match storage::read_progress(&JSON, store.get(PROGRESS_KEY).ok().flatten().as_deref()) {
        storage::Loaded::Found { value, .. } => Some(value),
        _ => None,
    }
}

fn stored_attempts(store: &MemoryStore) -> Vec<Attempt> {
    match storage::read_attempts(&JSON, store.get(ATTEMPTS_KEY).ok().flatten().as_deref()) {
        storage::Loaded::Found { value, .. } => value,
        _ => Vec::new(),
    }
}

fn host_messages(effects: &[Effect]) -> Vec<EmbedEvent> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::NotifyHost(event) => Some(event.clone()),
            _ => None,
        })
        .collect()
}

fn finished(tab: &mut Tab, ms: f64) -> String {
    tab.update(Event::Navigate(Route::Review), at(ms));
    tab.update(Event::Complete, at(ms));
    match &tab.model().route {
        Route::ResultsFor { id } => id.clone(),
        other => panic!("completing shows the result, not {other:?}"),
    }
}

// ---- starting ----

#[test]
fn an_empty_store_starts_a_fresh_visit_on_the_route_in_the_address() {
    let store = MemoryStore::new();
    let (tab, effects) = open_with(&store, context(), "#/history");
    assert_eq!(tab.model().route, Route::History);
    assert!(tab.model().answers.is_empty());
    assert_eq!(tab.model().storage, StorageStatus::Kept);
    assert!(tab.model().notices().is_empty());
    assert!(
        effects.is_empty(),
        "not embedded, nothing to do: {effects:?}"
    );
    assert!(
        store.snapshot().is_empty(),
        "opening writes nothing that stays"
    );
}

#[test]
fn saved_progress_is_resumed_on_its_question() {
    let store = MemoryStore::new();
    let mut first = open(&store, "#/q/1");
    answer(&mut first, 3, 2, T0 + 5.0);
    first.update(Event::Flush, at(T0 + 6.0));
    let resumed = open(&store, "#/");
    assert_eq!(resumed.model().answers.len(), 1);
    assert_eq!(resumed.model().position, 3);
    assert_eq!(resumed.model().started_at, Some(T0 + 5.0));
}

#[test]
fn a_resume_position_out_of_range_is_clamped() {
    let quiz = quiz();
    let store = MemoryStore::new();
    let progress = Progress {
        content_version: quiz.version,
        answers: [(quiz.dimensions[0].questions[0].id.clone(), "a".to_string())].into(),
        position: 9_999,
        started_at: T0,
    };
    store.insert(PROGRESS_KEY, &write(&JSON, &progress));
    assert_eq!(open(&store, "#/").model().position, quiz.question_count());
}

#[test]
fn unreadable_data_is_moved_aside_and_the_visitor_told() {
    let store = MemoryStore::new();
    store.insert(PROGRESS_KEY, "{not json");
    store.insert(ATTEMPTS_KEY, r#"{"schema":1,"data":{"wrong":"shape"}}"#);
    let tab = open(&store, "#/");
    assert_eq!(tab.model().notices(), [Notice::Quarantined]);
    let kept = store.snapshot();
    assert!(!kept.contains_key(PROGRESS_KEY) && !kept.contains_key(ATTEMPTS_KEY));
    let aside: Vec<&String> = kept.values().collect();
    assert!(
        aside.contains(&&"{not json".to_string()),
        "the bad value is kept, not deleted"
    );
    assert_eq!(kept.len(), 2);
}

/// One attempt that breaks a rule no longer hides the others (breaker F2):
/// the readable ones are kept and written back, the original is copied to a
/// quarantine key first, and the visitor is told how many were set aside.
#[test]
fn one_bad_attempt_is_set_aside_and_the_others_kept() {
    let store = MemoryStore::new();
    let good = new_attempt(&quiz(), &AnswerSheet::new(), quiz().version, T0, T0 + 1.0);
    let mut bad = good.clone();
    bad.id = "bad".into();
    bad.label = Some("x".repeat(5000));
    let raw = write(&JSON, &vec![good.clone(), bad, good.clone()]);
    store.insert(ATTEMPTS_KEY, &raw);
    let tab = open(&store, "#/history");
    assert_eq!(
        *tab.model().attempts,
        *std::slice::from_ref(&good),
        "listed once"
    );
    assert_eq!(
        tab.model().notices(),
        [Notice::ResultsSetAside { count: 1 }]
    );
    let kept = store.snapshot();
    assert_eq!(kept.get(ATTEMPTS_KEY), Some(&write(&JSON, &vec![good])));
    assert!(
        kept.iter()
            .any(|(key, value)| key.starts_with(storage::QUARANTINE_PREFIX) && *value == raw),
        "the original is kept whole"
    );
    let ui = &quiz().ui;
    assert_eq!(
        quiz_core::wording::notice_text(ui, Notice::ResultsSetAside { count: 1 }).unwrap(),
        "1 saved result could not be read and was set aside, not deleted. Your other results are here."
    );
}

/// Progress saved by a newer version of the questions (breaker F6) is
/// treated like data of a newer schema: untouched, nothing written, and the
/// visitor told so, not that the questions were "updated since".
#[test]
fn progress_from_newer_questions_is_left_untouched() {
    let store = MemoryStore::new();
    let raw = r#"{"schema":1,"data":{"content_version":99,"answers":{"strategy.why-ally":"c"},"position":2,"started_at":1796030880169}}"#;
    store.insert(PROGRESS_KEY, raw);
    let before = store.snapshot();
    let mut tab = open(&store, "#/q/1");
    assert_eq!(tab.model().storage, StorageStatus::ReadOnly);
    assert_eq!(
        tab.model().notices(),
        [Notice::Storage(StorageStatus::ReadOnly)]
    );
    assert!(tab.model().answers.is_empty(), "not resumed");
    answer(&mut tab, 1, 4, T0);
    tab.update(Event::Flush, at(T0 + 1.0));
    finished(&mut tab, T0 + 2.0);
    assert_eq!(store.snapshot(), before, "nothing rewritten");

    // Progress from an earlier version is still carried over, as before.
    let store = MemoryStore::new();
    store.insert(
        PROGRESS_KEY,
        &raw.replace("\"content_version\":99", "\"content_version\":1"),
    );
    let tab = open(&store, "#/");
    assert!(matches!(
        tab.model().notices()[..],
        [Notice::QuestionsUpdated { .. }]
    ));
}

#[test]
fn next_to_newer_data_nothing_is_ever_written() {
    let store = MemoryStore::new();
    store.insert(SETTINGS_KEY, r#"{"schema":99,"data":{}}"#);
    store.insert(PROGRESS_KEY, "{damaged");
    let before = store.snapshot();
    let mut tab = open(&store, "#/q/1");
    assert_eq!(tab.model().storage, StorageStatus::ReadOnly);
    assert_eq!(
        tab.model().notices(),
        [Notice::Storage(StorageStatus::ReadOnly)]
    );
    answer(&mut tab, 1, 4, 2.0);
    tab.update(Event::Flush, at(3.0));
    let id = finished(&mut tab, 4.0);
    tab.update(
        Event::SetLabel {
            attempt: id,
            label: "x".into(),
        },
        at(5.0),
    );
    assert_eq!(tab.model().attempts.len(), 1, "the visit goes on in memory");
    assert_eq!(
        store.snapshot(),
        before,
        "not even the damaged value is moved"
    );
}

#[test]
fn without_storage_the_visit_works_in_memory_and_says_so() {
    let store = MemoryStore::with_fault(Fault::Unavailable);
    let mut tab = open(&store, "#/q/1");
    assert_eq!(tab.model().storage, StorageStatus::Unavailable);
    assert_eq!(
        tab.model().notices(),
        [Notice::Storage(StorageStatus::Unavailable)]
    );
    answer(&mut tab, 1, 4, 2.0);
    tab.update(Event::Flush, at(3.0));
    finished(&mut tab, 4.0);
    assert_eq!(tab.model().attempts.len(), 1);
}

#[test]
fn storage_that_refuses_every_write_is_known_before_the_first_answer() {
    // Nothing saved before: the visitor must not hear that earlier data is safe.
    let empty = MemoryStore::with_fault(Fault::FullForWrites);
    let tab = open(&empty, "#/");
    assert_eq!(
        tab.model().storage,
        StorageStatus::Full {
            earlier_kept: false
        }
    );
    assert_eq!(
        tab.model().notices(),
        [Notice::Storage(StorageStatus::Full {
            earlier_kept: false
        })]
    );
    // Results saved before: they are still there, and the visitor is told so.
    let with_results = MemoryStore::new();
    let mut earlier = open(&with_results, "#/q/1");
    answer(&mut earlier, 1, 1, 2.0);
    finished(&mut earlier, 3.0);
    with_results.set_fault(Fault::FullForWrites);
    let tab = open(&with_results, "#/");
    assert_eq!(
        tab.model().storage,
        StorageStatus::Full { earlier_kept: true }
    );
    assert_eq!(tab.model().attempts.len(), 1);
}

#[test]
fn storage_that_refuses_only_removals_still_keeps_answers() {
    // A tester's browser let writes through and refused removeItem: the app
    // said the storage was full. Only a write decides whether answers keep.
    let store = MemoryStore::with_fault(Fault::RefusesRemovals);
    let mut tab = open(&store, "#/q/1");
    assert_eq!(tab.model().storage, StorageStatus::Kept);
    assert_eq!(tab.model().notices(), []);
    answer(&mut tab, 1, 3, 2.0);
    tab.update(Event::Flush, at(3.0));
    assert_eq!(tab.model().storage, StorageStatus::Kept);
    assert!(stored_progress(&store).is_some(), "the answer is kept");
    // A removal the visitor asks for that is refused is said as a refusal.
    tab.update(Event::StartOver, at(4.0));
    assert_eq!(
        tab.model().storage,
        StorageStatus::Refused { earlier_kept: true }
    );
    assert_eq!(
        tab.model().notices(),
        [Notice::Storage(StorageStatus::Refused {
            earlier_kept: true
        })]
    );
}

#[test]
fn storage_that_damages_every_read_does_not_end_the_visit() {
    // A tester's storage handed back damaged values on every read: the app
    // took that for another tab finishing and dropped the assessment.
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 1, 2, 2.0);
    tab.update(Event::Flush, at(3.0));
    store.set_fault(Fault::CorruptReads);
    for number in 2..=4 {
        answer(&mut tab, number, 3, 4.0 + number as f64);
        tab.update(Event::Flush, at(10.0 + number as f64));
    }
    assert_eq!(tab.model().answers.len(), 4, "every answer is still here");
    assert!(!tab.model().notices().contains(&Notice::ChangedElsewhere));
    store.set_fault(Fault::None);
    let kept = stored_progress(&store).expect("this tab's progress was saved");
    assert_eq!(kept.answers.len(), 4);
}

#[test]
fn newer_progress_written_mid_visit_by_another_tab_is_never_written_over() {
    // A tab of a newer release (reloaded into it) saves its progress while
    // this older tab is open: this tab keeps its answers in memory, writes
    // nothing more, and says why.
    let newer_questions = r#"{"schema":1,"data":{"content_version":99,"answers":{"strategy.why-ally":"c"},"position":2,"started_at":1796030880169}}"#;
    let newer_schema = r#"{"schema":99,"data":{}}"#;
    for newer in [newer_questions, newer_schema] {
        let store = MemoryStore::new();
        let mut tab = open(&store, "#/q/1");
        answer(&mut tab, 1, 2, 2.0);
        tab.update(Event::Flush, at(3.0));
        store.insert(PROGRESS_KEY, newer);
        answer(&mut tab, 2, 3, 4.0);
        tab.update(Event::Flush, at(5.0));
        assert_eq!(tab.model().storage, StorageStatus::ReadOnly, "{newer}");
        assert!(tab
            .model()
            .notices()
            .contains(&Notice::Storage(StorageStatus::ReadOnly)));
        assert_eq!(tab.model().answers.len(), 2, "this tab's answers stay");
        assert_eq!(
            store.get(PROGRESS_KEY).ok().flatten().as_deref(),
            Some(newer),
            "the newer progress is not rewritten backwards"
        );
    }
}

#[test]
fn results_or_settings_of_a_newer_schema_written_mid_visit_are_never_written_over() {
    // A tester: saved results rewritten to a newer schema by another tab were
    // replaced by this tab's one result on finishing; settings likewise.
    for key in [ATTEMPTS_KEY, SETTINGS_KEY] {
        let store = MemoryStore::new();
        let mut tab = open(&store, "#/q/1");
        answer(&mut tab, 1, 2, 2.0);
        tab.update(Event::Flush, at(3.0));
        let newer = r#"{"schema":2,"data":[]}"#;
        store.insert(key, newer);
        finished(&mut tab, T0);
        tab.update(Event::ChooseTheme(Theme::Dark), at(T0 + 1.0));
        assert_eq!(
            store.get(key).ok().flatten().as_deref(),
            Some(newer),
            "{key}"
        );
        assert_eq!(tab.model().storage, StorageStatus::ReadOnly, "{key}");
        assert_eq!(
            tab.model().attempts.len(),
            1,
            "the result is shown from memory"
        );
    }
    // Emptying the results removes the key: not when it holds newer data.
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 1, 2, 2.0);
    finished(&mut tab, T0);
    let newer = r#"{"schema":2,"data":[]}"#;
    store.insert(ATTEMPTS_KEY, newer);
    tab.update(Event::DeleteAll, at(T0 + 1.0));
    assert_eq!(
        store.get(ATTEMPTS_KEY).ok().flatten().as_deref(),
        Some(newer)
    );
    assert_eq!(tab.model().storage, StorageStatus::ReadOnly);
}

#[test]
fn delete_everything_refused_by_the_browser_is_not_called_deleted() {
    // A tester: with removeItem refused, the page said everything had been
    // deleted while both results were still stored.
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 1, 2, 2.0);
    finished(&mut tab, T0);
    store.set_fault(Fault::RefusesRemovals);
    tab.update(Event::DeleteEverything, at(T0 + 1.0));
    assert_eq!(tab.model().data_status, Some(DataStatus::DeleteRefused));
    assert_eq!(
        tab.model().attempts.len(),
        1,
        "still listed, as still stored"
    );
    assert_eq!(tab.model().notices(), [], "writes work: no storage notice");
    assert!(store.get(ATTEMPTS_KEY).ok().flatten().is_some());
    let said = quiz_core::wording::data_status(&tab.quiz().ui, &DataStatus::DeleteRefused);
    assert!(said.contains("still here"), "{said}");
}

#[test]
fn a_write_that_fails_later_changes_what_the_app_says() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 1, 2, 2.0);
    tab.update(Event::Flush, at(3.0));
    assert_eq!(tab.model().storage, StorageStatus::Kept);
    store.set_fault(Fault::FullForWrites);
    answer(&mut tab, 2, 2, 4.0);
    tab.update(Event::Flush, at(5.0));
    assert_eq!(
        tab.model().storage,
        StorageStatus::Full { earlier_kept: true }
    );
    store.set_fault(Fault::None);
    answer(&mut tab, 3, 2, 6.0);
    tab.update(Event::Flush, at(7.0));
    assert_eq!(
        tab.model().storage,
        StorageStatus::Kept,
        "a notice must not outlive its truth"
    );
    assert!(tab.model().notices().is_empty());
}

// ---- answering and moving ----

#[test]
fn an_answer_is_saved_once_after_the_next_paint_with_everything_since() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    let first = tab.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(3),
        },
        at(T0 + 10.0),
    );
    assert_eq!(first, [Effect::FlushAfterPaint]);
    assert!(
        stored_progress(&store).is_none(),
        "nothing written in the click"
    );
    let next = tab.update(Event::Next, at(11.0));
    assert_eq!(
        next,
        [Effect::WriteAddress {
            hash: "#/q/2".into(),
            replace: false
        }],
        "one flush is already waiting"
    );
    tab.update(Event::Flush, at(12.0));
    let progress = stored_progress(&store).expect("saved");
    assert_eq!(progress.position, 2);
    assert_eq!(progress.answers.len(), 1);
    assert_eq!(progress.started_at, T0 + 10.0);
}

#[test]
fn the_same_answer_again_changes_nothing() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    tab.update(
        Event::Answer {
            number: 1,
            answer: Answer::NotSure,
        },
        at(1.0),
    );
    tab.update(Event::Flush, at(2.0));
    let again = tab.update(
        Event::Answer {
            number: 1,
            answer: Answer::NotSure,
        },
        at(3.0),
    );
    assert!(again.is_empty());
}

#[test]
fn only_the_question_on_screen_takes_answers() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/2");
    let late = tab.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(1),
        },
        at(1.0),
    );
    assert!(late.is_empty());
    assert!(tab.model().answers.is_empty());
    let invalid = tab.update(
        Event::Answer {
            number: 2,
            answer: Answer::Choice(9),
        },
        at(1.0),
    );
    assert!(invalid.is_empty() && tab.model().answers.is_empty());
}

#[test]
fn next_and_back_walk_the_questions_and_the_ends() {
    let quiz = quiz();
    let total = quiz.question_count();
    let store = MemoryStore::new();
    let mut tab = open(&store, &format!("#/q/{total}"));
    tab.update(Event::Next, at(1.0));
    assert_eq!(tab.model().route, Route::Review);
    tab.update(Event::AddressChanged("#/q/1".into()), at(2.0));
    let back = tab.update(Event::Back, at(3.0));
    assert_eq!(tab.model().route, Route::Landing);
    assert!(back.contains(&Effect::WriteAddress {
        hash: "#/".into(),
        replace: false
    }));
    assert!(
        tab.update(Event::Next, at(4.0)).is_empty(),
        "Next means nothing off a question"
    );
}

#[test]
fn a_question_opened_from_the_review_returns_there() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/review");
    // "Go to question 3" on the review page, an answer, then Next.
    tab.update(Event::Navigate(Route::Question { number: 3 }), at(1.0));
    assert_eq!(tab.model().from_review, Some(3));
    answer(&mut tab, 3, 2, 2.0);
    tab.update(Event::Next, at(3.0));
    assert_eq!(tab.model().route, Route::Review, "not question 4");
    assert_eq!(tab.model().from_review, None);

    // Back from it walks the questions as usual, and the walk goes on as usual.
    tab.update(Event::Navigate(Route::Question { number: 3 }), at(4.0));
    tab.update(Event::Back, at(5.0));
    assert_eq!(tab.model().route, Route::Question { number: 2 });
    assert_eq!(tab.model().from_review, None);
    tab.update(Event::Next, at(6.0));
    assert_eq!(tab.model().route, Route::Question { number: 3 });
    tab.update(Event::Next, at(7.0));
    assert_eq!(tab.model().route, Route::Question { number: 4 });

    // Reached any other way (a typed address, Back in the browser), Next goes on.
    tab.update(Event::AddressChanged("#/review".into()), at(8.0));
    tab.update(Event::AddressChanged("#/q/5".into()), at(9.0));
    assert_eq!(
        tab.model().from_review,
        Some(5),
        "Back in the browser from the review"
    );
    tab.update(Event::AddressChanged("#/q/1".into()), at(10.0));
    assert_eq!(tab.model().from_review, None);
    tab.update(Event::Next, at(11.0));
    assert_eq!(tab.model().route, Route::Question { number: 2 });
}

#[test]
fn a_question_number_outside_the_quiz_is_not_found() {
    let store = MemoryStore::new();
    for hash in ["#/q/0", "#/q/999", "#/q/x"] {
        assert_eq!(open(&store, hash).model().route, Route::NotFound, "{hash}");
    }
}

#[test]
fn the_address_bar_is_written_only_for_the_app_s_own_navigation() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/");
    let typed = tab.update(Event::AddressChanged("#/history".into()), at(1.0));
    assert!(typed.is_empty());
    let pushed = tab.update(Event::Navigate(Route::History), at(2.0));
    assert!(
        pushed.is_empty()
            || pushed
                == [Effect::WriteAddress {
                    hash: "#/history".into(),
                    replace: false
                }]
    );
}

// ---- finishing and starting over ----

#[test]
fn completing_records_the_attempt_clears_the_progress_and_shows_the_result() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 1, 4, T0 + 1.0);
    answer(&mut tab, 2, 0, T0 + 2.0);
    tab.update(Event::Flush, at(T0 + 3.0));
    let id = finished(&mut tab, 1_764_000_000_000.0);
    let attempts = stored_attempts(&store);
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].id, id);
    assert_eq!(attempts[0].started_at, T0 + 1.0);
    assert!(stored_progress(&store).is_none());
    assert!(tab.model().answers.is_empty());
    assert_eq!(
        tab.model().attempt_for(&Route::Results).map(|a| &a.id),
        Some(&id)
    );
}

#[test]
fn completing_with_nothing_answered_records_nothing() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/review");
    assert!(tab.update(Event::Complete, at(1.0)).is_empty());
    assert!(tab.model().attempts.is_empty());
}

#[test]
fn starting_over_discards_the_assessment_and_opens_question_one() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 4, 1, 1.0);
    tab.update(Event::Flush, at(2.0));
    tab.update(Event::AddressChanged("#/".into()), at(3.0));
    tab.update(Event::StartOver, at(4.0));
    assert!(stored_progress(&store).is_none());
    assert_eq!(tab.model().route, Route::Question { number: 1 });
    assert_eq!(tab.model().position, 1);
    tab.update(Event::StartAgain, at(5.0));
    assert_eq!(tab.model().route, Route::Landing);
}

// ---- results: labels, deleting, undo ----

fn with_attempts(count: usize) -> (MemoryStore, Tab, Vec<String>) {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    let mut ids = Vec::new();
    for i in 0..count {
        answer(&mut tab, 1, (i % 5) as u8, 10.0 * i as f64 + 1.0);
        ids.push(finished(&mut tab, 10.0 * i as f64 + 5.0));
    }
    (store, tab, ids)
}

#[test]
fn a_label_is_cleaned_and_saved() {
    let (store, mut tab, ids) = with_attempts(1);
    tab.update(
        Event::SetLabel {
            attempt: ids[0].clone(),
            label: "  Acme\n\tpartnership ".into(),
        },
        at(100.0),
    );
    assert_eq!(
        stored_attempts(&store)[0].label.as_deref(),
        Some("Acme partnership")
    );
    tab.update(
        Event::SetLabel {
            attempt: ids[0].clone(),
            label: " ".into(),
        },
        at(101.0),
    );
    assert_eq!(stored_attempts(&store)[0].label, None);
}

#[test]
fn a_deleted_result_can_be_brought_back_until_the_offer_runs_out() {
    let (store, mut tab, ids) = with_attempts(2);
    let effects = tab.update(
        Event::Delete {
            attempt: ids[0].clone(),
        },
        at(100.0),
    );
    let token = match effects.as_slice() {
        [Effect::ExpireUndo { token, ms }] if *ms == UNDO_MS => *token,
        other => panic!("{other:?}"),
    };
    assert_eq!(stored_attempts(&store).len(), 1);
    tab.update(Event::Undo, at(101.0));
    assert_eq!(stored_attempts(&store).len(), 2);
    assert!(tab.model().deleted.is_none());

    tab.update(
        Event::Delete {
            attempt: ids[1].clone(),
        },
        at(102.0),
    );
    tab.update(Event::UndoExpired { token }, at(103.0));
    assert!(
        tab.model().deleted.is_some(),
        "an older offer's timer does not end a newer one"
    );
    let newest = tab.model().deleted.clone();
    tab.update(
        Event::Delete {
            attempt: "no-such".into(),
        },
        at(104.0),
    );
    assert_eq!(tab.model().deleted, newest);
}

#[test]
fn deleting_all_results_and_deleting_everything() {
    let (store, mut tab, _) = with_attempts(3);
    store.insert("alliance-quiz:quarantine:progress:5", "{bad");
    store.insert("someone-else", "kept");
    tab.update(Event::DeleteAll, at(100.0));
    assert!(stored_attempts(&store).is_empty());
    answer(&mut tab, 1, 1, 101.0);
    tab.update(Event::Flush, at(102.0));
    tab.update(Event::DeleteEverything, at(103.0));
    assert_eq!(
        store.snapshot().keys().collect::<Vec<_>>(),
        ["someone-else"],
        "every key of ours goes, quarantined ones too, and nothing else"
    );
    assert_eq!(tab.model().data_status, Some(DataStatus::DeletedEverything));
    assert!(tab.model().answers.is_empty() && tab.model().attempts.is_empty());
}

// ---- export and import ----

#[test]
fn export_offers_a_file_that_imports_elsewhere() {
    let (_, mut tab, _) = with_attempts(2);
    let effects = tab.update(Event::Export, at(100.0));
    let Some(Effect::Download { stem, text }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(stem, EXPORT_STEM);
    let other = MemoryStore::new();
    let mut elsewhere = open(&other, "#/history");
    assert_eq!(
        elsewhere.update(
            Event::ImportChosen {
                bytes: text.len() as u64
            },
            at(1.0)
        ),
        [Effect::ReadChosenFile]
    );
    elsewhere.update(Event::ImportRead(Some(text.clone())), at(2.0));
    assert!(matches!(
        elsewhere.model().data_status,
        Some(DataStatus::Imported(report)) if report.added == 2
    ));
    elsewhere.update(Event::ImportRead(Some(text.clone())), at(3.0));
    assert!(matches!(
        elsewhere.model().data_status,
        Some(DataStatus::Imported(report)) if report.added == 0 && report.already_present == 2
    ));
    assert_eq!(stored_attempts(&other).len(), 2);
}

#[test]
fn a_file_too_large_is_refused_before_it_is_read() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/history");
    assert_eq!(
        tab.update(
            Event::ImportChosen {
                bytes: MAX_IMPORT_BYTES
            },
            at(1.0)
        ),
        [Effect::ReadChosenFile]
    );
    assert!(tab
        .update(
            Event::ImportChosen {
                bytes: MAX_IMPORT_BYTES + 1
            },
            at(2.0)
        )
        .is_empty());
    assert_eq!(
        tab.model().data_status,
        Some(DataStatus::ImportFailed(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }))
    );
    tab.update(Event::ImportRead(None), at(3.0));
    assert_eq!(
        tab.model().data_status,
        Some(DataStatus::ImportFailed(ImportError::Unreadable))
    );
    tab.update(Event::ImportRead(Some("nonsense".into())), at(4.0));
    assert_eq!(
        tab.model().data_status,
        Some(DataStatus::ImportFailed(ImportError::NotJson))
    );
}

#[test]
fn an_import_that_would_keep_more_than_the_limit_changes_nothing() {
    let (store, mut tab, _) = with_attempts(2);
    let quiz = quiz();
    let sheet: AnswerSheet = [(
        quiz.dimensions[0].questions[0].id.clone(),
        Answer::Choice(1),
    )]
    .into_iter()
    .collect();
    let many: Vec<Attempt> = (0..MAX_ATTEMPTS)
        .map(|i| new_attempt(&quiz, &sheet, quiz.version, T0, T0 + i as f64))
        .collect();
    tab.update(Event::ImportRead(Some(export(&JSON, &many, 1.0))), at(1.0));
    assert_eq!(
        tab.model().data_status,
        Some(DataStatus::ImportFailed(ImportError::TooManyTogether {
            attempts: MAX_ATTEMPTS + 2
        }))
    );
    assert_eq!(stored_attempts(&store).len(), 2);
}

// ---- shared results ----

#[test]
fn a_shared_result_is_saved_only_when_asked_with_its_label_and_day() {
    let (_, tab, ids) = with_attempts(1);
    let attempt = tab
        .model()
        .attempts
        .iter()
        .find(|a| a.id == ids[0])
        .cloned()
        .unwrap();
    let mut labelled = attempt.clone();
    labelled.label = Some("Acme".into());
    labelled.completed_at = 1_764_000_000_000.0;
    let code = quiz_core::session::share_code(&quiz(), &labelled, 0, &UnicodeGraphemes);

    let other = MemoryStore::new();
    let mut visitor = open(&other, &format!("#/r/{code}"));
    assert!(
        other.snapshot().is_empty(),
        "opening a shared link writes nothing"
    );
    visitor.update(Event::SaveShared { code: code.clone() }, at(5.0));
    let saved = stored_attempts(&other);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].label.as_deref(), Some("Acme"));
    assert_eq!(
        saved[0].completed_at,
        (1_764_000_000_000.0 / 86_400_000.0f64).floor() * 86_400_000.0
    );
    assert_eq!(visitor.model().saved_shared.as_deref(), Some(code.as_str()));
    visitor.update(
        Event::SaveShared {
            code: "damaged".into(),
        },
        at(6.0),
    );
    assert_eq!(stored_attempts(&other).len(), 1);
}

// ---- copy and share ----

#[test]
fn copying_falls_back_to_selecting_the_text() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/results");
    let copy = Event::Copy {
        field: Field::ShareLink,
        text: "x".into(),
    };
    assert_eq!(
        tab.update(copy.clone(), at(1.0)),
        [Effect::Copy {
            field: Field::ShareLink,
            text: "x".into()
        }]
    );
    assert_eq!(
        tab.update(
            Event::CopyDone {
                field: Field::ShareLink,
                ok: false
            },
            at(2.0)
        ),
        [Effect::SelectField(Field::ShareLink)]
    );
    assert_eq!(
        tab.model().copy_status,
        Some((Field::ShareLink, CopyOutcome::CopyFailed))
    );
    tab.update(
        Event::CopyDone {
            field: Field::ShareLink,
            ok: true,
        },
        at(3.0),
    );
    assert_eq!(
        tab.model().copy_status,
        Some((Field::ShareLink, CopyOutcome::Copied))
    );

    let mut no_clipboard_context = context();
    no_clipboard_context.capabilities = Capabilities::default();
    let (mut bare, _) = open_with(&store, no_clipboard_context, "#/results");
    assert_eq!(
        bare.update(copy, at(1.0)),
        [Effect::SelectField(Field::ShareLink)]
    );
}

#[test]
fn a_refused_share_sheet_selects_the_link_and_a_cancelled_one_says_nothing() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/results");
    let share = Event::Share {
        field: Field::ShareLink,
        title: "t".into(),
        url: "u".into(),
    };
    assert!(matches!(
        tab.update(share.clone(), at(1.0)).as_slice(),
        [Effect::Share { .. }]
    ));
    assert!(tab
        .update(
            Event::ShareDone {
                field: Field::ShareLink,
                outcome: ShareOutcome::Cancelled
            },
            at(2.0)
        )
        .is_empty());
    assert_eq!(tab.model().copy_status, None);
    assert_eq!(
        tab.update(
            Event::ShareDone {
                field: Field::ShareLink,
                outcome: ShareOutcome::Refused
            },
            at(3.0)
        ),
        [Effect::SelectField(Field::ShareLink)]
    );
    assert_eq!(
        tab.model().copy_status,
        Some((Field::ShareLink, CopyOutcome::ShareFailed))
    );
    let mut no_share = context();
    no_share.capabilities.share = false;
    let (mut bare, _) = open_with(&store, no_share, "#/results");
    assert_eq!(
        bare.update(share, at(1.0)),
        [Effect::SelectField(Field::ShareLink)]
    );
}

#[test]
fn a_status_line_belongs_to_its_page() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/results");
    tab.update(
        Event::CopyDone {
            field: Field::ShareLink,
            ok: true,
        },
        at(1.0),
    );
    tab.update(Event::Navigate(Route::History), at(2.0));
    assert_eq!(tab.model().copy_status, None);
}

// ---- notices ----

#[test]
fn a_dismissed_notice_stays_dismissed_for_the_visit() {
    let store = MemoryStore::with_fault(Fault::Unavailable);
    let mut tab = open(&store, "#/");
    let notice = tab.model().notices()[0];
    tab.update(Event::Dismiss(notice), at(1.0));
    assert!(tab.model().notices().is_empty());
}

// ---- the embedding host page ----

fn embedded(skip_landing: bool) -> Context {
    Context {
        embed: Some(EmbedConfig {
            skip_landing,
            share_base: Some("https://host.example/quiz".into()),
            theme: Theme::Light,
        }),
        ..context()
    }
}

/// The language message an English frame sends after `Ready`.
fn english_frame() -> EmbedEvent {
    EmbedEvent::Language {
        language: "en".into(),
        title: "Alliance readiness quiz".into(),
    }
}

#[test]
fn the_host_hears_the_language_shown_and_again_when_the_visitor_switches() {
    let store = MemoryStore::new();
    let (mut tab, _) = open_with(&store, embedded(false), "#/q/1");
    tab.update(Event::ChooseLanguage { code: "nl".into() }, at(1.0));
    // The shipped Dutch content: its frame title is Dutch.
    let switched = tab.update(Event::LanguageReady(dutch()), at(2.0));
    assert_eq!(
        host_messages(&switched),
        [EmbedEvent::Language {
            language: "nl".into(),
            title: "Alliantiescan".into()
        }]
    );
    // Not when not embedded: nothing is posted at all.
    let (mut alone, start) = open_with(&store, context(), "#/q/1");
    assert!(host_messages(&start).is_empty());
    alone.update(Event::ChooseLanguage { code: "nl".into() }, at(3.0));
    assert!(host_messages(&alone.update(Event::LanguageReady(dutch()), at(4.0))).is_empty());
}

#[test]
fn the_host_hears_ready_started_each_question_completed_and_restarted() {
    let store = MemoryStore::new();
    let (mut tab, start) = open_with(&store, embedded(false), "#/");
    assert_eq!(host_messages(&start), [EmbedEvent::Ready, english_frame()]);
    let total = tab.quiz().question_count();
    let to_one = tab.update(Event::AddressChanged("#/q/1".into()), at(1.0));
    assert_eq!(
        host_messages(&to_one),
        [
            EmbedEvent::Started,
            EmbedEvent::Question { index: 0, total }
        ]
    );
    let answered = tab.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(2),
        },
        at(2.0),
    );
    assert!(host_messages(&answered).is_empty(), "started only once");
    let next = tab.update(Event::Next, at(3.0));
    assert_eq!(
        host_messages(&next),
        [EmbedEvent::Question { index: 1, total }]
    );
    tab.update(Event::Navigate(Route::Review), at(4.0));
    let done = tab.update(Event::Complete, at(5.0));
    let completed = host_messages(&done);
    match completed.as_slice() {
        [EmbedEvent::Completed(c)] => assert!(
            c.share_link.starts_with("https://host.example/quiz#/r/"),
            "{}",
            c.share_link
        ),
        other => panic!("{other:?}"),
    }
    let again = tab.update(Event::StartAgain, at(6.0));
    assert_eq!(host_messages(&again), [EmbedEvent::Restarted]);
}

#[test]
fn a_deep_link_starts_with_the_first_answer_and_not_before() {
    let store = MemoryStore::new();
    let (mut tab, start) = open_with(&store, embedded(false), "#/q/3");
    let total = tab.quiz().question_count();
    assert_eq!(
        host_messages(&start),
        [
            EmbedEvent::Ready,
            english_frame(),
            EmbedEvent::Question { index: 2, total }
        ]
    );
    let first = tab.update(
        Event::Answer {
            number: 3,
            answer: Answer::NotSure,
        },
        at(1.0),
    );
    assert_eq!(host_messages(&first), [EmbedEvent::Started]);
}

#[test]
fn without_a_start_screen_the_landing_page_is_replaced_by_a_question() {
    let store = MemoryStore::new();
    let (tab, start) = open_with(&store, embedded(true), "#/");
    assert_eq!(tab.model().route, Route::Question { number: 1 });
    assert!(start.contains(&Effect::WriteAddress {
        hash: "#/q/1".into(),
        replace: true
    }));
    let total = tab.quiz().question_count();
    assert_eq!(
        host_messages(&start),
        [
            EmbedEvent::Ready,
            english_frame(),
            EmbedEvent::Question { index: 0, total }
        ],
        "a skipped start page is not a start"
    );
}

#[test]
fn nothing_is_posted_when_not_embedded() {
    let store = MemoryStore::new();
    let (mut tab, start) = open_with(&store, context(), "#/q/1");
    assert!(host_messages(&start).is_empty());
    assert!(host_messages(&answer(&mut tab, 1, 1, 1.0)).is_empty());
}

// ---- two tabs ----

/// Tells `tab` of every change the other tab made, as `storage` events do.
fn deliver(store: &MemoryStore, tab: &mut Tab, ms: f64) -> Vec<Effect> {
    store
        .take_changes()
        .into_iter()
        .flat_map(|key| tab.update(Event::StorageChanged { key: Some(key) }, at(ms)))
        .collect()
}

#[test]
fn a_deletion_in_another_tab_is_never_undone() {
    // The field report: tab A answers, tab B deletes everything, tab A goes on.
    let store = MemoryStore::new();
    let mut a = open(&store, "#/q/1");
    let mut b = open(&store, "#/history");
    a.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(3),
        },
        at(1.0),
    );
    a.update(Event::Flush, at(2.0));
    store.take_changes();
    b.update(Event::DeleteEverything, at(3.0));
    assert!(store.snapshot().is_empty());
    // Before tab A hears of it: Enter, then 2.
    a.update(Event::Next, at(4.0));
    a.update(
        Event::Answer {
            number: 2,
            answer: Answer::Choice(1),
        },
        at(5.0),
    );
    a.update(Event::Flush, at(6.0));
    assert!(
        stored_progress(&store).is_none(),
        "the deleted answers do not come back"
    );
    assert_eq!(a.model().route, Route::Landing);
    assert!(a.model().notices().contains(&Notice::ChangedElsewhere));
    assert!(a.model().answers.is_empty());
}

#[test]
fn a_deletion_heard_of_first_takes_the_other_tab_off_the_questions() {
    let store = MemoryStore::new();
    let mut a = open(&store, "#/q/1");
    let mut b = open(&store, "#/history");
    a.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(3),
        },
        at(1.0),
    );
    a.update(Event::Flush, at(2.0));
    store.take_changes();
    b.update(Event::DeleteEverything, at(3.0));
    let effects = deliver(&store, &mut a, 4.0);
    assert!(effects.contains(&Effect::WriteAddress {
        hash: "#/".into(),
        replace: true
    }));
    assert_eq!(a.model().route, Route::Landing);
    assert!(a
        .update(
            Event::Answer {
                number: 1,
                answer: Answer::Choice(0)
            },
            at(5.0)
        )
        .is_empty());
    assert!(store.snapshot().is_empty());
}

#[test]
fn two_tabs_answering_share_one_assessment() {
    let store = MemoryStore::new();
    let mut a = open(&store, "#/q/1");
    let mut b = open(&store, "#/q/2");
    a.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(1),
        },
        at(1.0),
    );
    a.update(Event::Flush, at(2.0));
    b.update(
        Event::Answer {
            number: 2,
            answer: Answer::Choice(2),
        },
        at(3.0),
    );
    b.update(Event::Flush, at(4.0));
    assert_eq!(stored_progress(&store).map(|p| p.answers.len()), Some(2));
    deliver(&store, &mut a, 5.0);
    assert_eq!(a.model().answers.len(), 2);
}

#[test]
fn finishing_in_one_tab_lets_the_other_let_go() {
    let store = MemoryStore::new();
    let mut a = open(&store, "#/q/1");
    let mut b = open(&store, "#/q/1");
    a.update(
        Event::Answer {
            number: 1,
            answer: Answer::Choice(1),
        },
        at(1.0),
    );
    a.update(Event::Flush, at(2.0));
    deliver(&store, &mut b, 2.5);
    finished(&mut a, 3.0);
    deliver(&store, &mut b, 4.0);
    assert!(b.model().answers.is_empty());
    assert_eq!(b.model().attempts.len(), 1, "and sees the new result");
    assert_eq!(b.model().route, Route::Landing);
}

#[test]
fn attempts_finished_in_two_tabs_are_both_kept() {
    let store = MemoryStore::new();
    let mut a = open(&store, "#/q/1");
    let mut b = open(&store, "#/q/1");
    answer(&mut a, 1, 1, 1.0);
    finished(&mut a, 2.0);
    answer(&mut b, 1, 4, 3.0);
    finished(&mut b, 4.0);
    assert_eq!(stored_attempts(&store).len(), 2);
}

#[test]
fn settings_changed_elsewhere_are_taken_in() {
    let store = MemoryStore::new();
    let mut a = open(&store, "#/");
    store.insert(
        SETTINGS_KEY,
        &write(
            &JSON,
            &Settings {
                language: None,
                theme: Some("dark".into()),
            },
        ),
    );
    a.update(
        Event::StorageChanged {
            key: Some(SETTINGS_KEY.into()),
        },
        at(1.0),
    );
    assert_eq!(a.model().settings.theme.as_deref(), Some("dark"));
    assert_eq!(
        a.model().theme,
        Theme::Dark,
        "the other tab's choice is shown here too"
    );
}

// ---- themes ----

fn saved_theme(store: &MemoryStore) -> Option<String> {
    match storage::read_settings(&JSON, store.get(SETTINGS_KEY).ok().flatten().as_deref()) {
        storage::Loaded::Found { value, .. } => value.theme,
        _ => None,
    }
}

#[test]
fn the_theme_follows_the_system_until_the_visitor_chooses_and_the_choice_is_kept() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/");
    assert_eq!(tab.model().theme, Theme::System);
    let effects = tab.update(Event::ChooseTheme(Theme::Dark), at(1.0));
    assert_eq!(
        effects,
        [],
        "the shell applies the model's theme; nothing else to do"
    );
    assert_eq!(tab.model().theme, Theme::Dark);
    assert_eq!(saved_theme(&store).as_deref(), Some("dark"));
    tab.update(Event::ChooseLanguage { code: "nl".into() }, at(2.0));
    assert_eq!(
        saved_theme(&store).as_deref(),
        Some("dark"),
        "saving the language keeps the theme"
    );

    let again = open(&store, "#/q/1");
    assert_eq!(
        again.model().theme,
        Theme::Dark,
        "a later visit starts in the chosen theme"
    );
    tab.update(Event::ChooseTheme(Theme::System), at(3.0));
    assert_eq!(saved_theme(&store).as_deref(), Some("system"));
    assert_eq!(tab.model().theme, Theme::System);
}

#[test]
fn a_theme_this_build_does_not_know_shows_the_system_s_and_is_kept_until_changed() {
    let store = MemoryStore::new();
    let settings = Settings {
        language: None,
        theme: Some("sepia".into()),
    };
    store.insert(SETTINGS_KEY, &write(&JSON, &settings));
    let mut tab = open(&store, "#/");
    assert_eq!(tab.model().theme, Theme::System);
    tab.update(Event::ChooseLanguage { code: "en".into() }, at(1.0));
    assert_eq!(saved_theme(&store).as_deref(), Some("sepia"));
    tab.update(Event::ChooseTheme(Theme::Light), at(2.0));
    assert_eq!(saved_theme(&store).as_deref(), Some("light"));
}

#[test]
fn inside_a_widget_the_host_s_theme_wins_and_nothing_is_saved() {
    let store = MemoryStore::new();
    let settings = Settings {
        language: None,
        theme: Some("dark".into()),
    };
    store.insert(SETTINGS_KEY, &write(&JSON, &settings));
    let mut context = embedded(false);
    if let Some(embed) = context.embed.as_mut() {
        embed.theme = Theme::Light;
    }
    let (mut tab, _) = open_with(&store, context, "#/");
    assert_eq!(tab.model().theme, Theme::Light, "the host asked for light");
    tab.update(Event::ChooseTheme(Theme::System), at(1.0));
    assert_eq!(tab.model().theme, Theme::Light);
    assert_eq!(
        saved_theme(&store).as_deref(),
        Some("dark"),
        "the visitor's own setting is untouched"
    );
    tab.update(
        Event::StorageChanged {
            key: Some(SETTINGS_KEY.into()),
        },
        at(2.0),
    );
    assert_eq!(tab.model().theme, Theme::Light);
}

// ---- a new release ----

#[test]
fn a_new_release_is_offered_once_and_reloading_writes_the_progress_first() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    tab.update(Event::UpdateReady, at(1.0));
    tab.update(Event::UpdateReady, at(2.0));
    assert_eq!(tab.model().notices(), [Notice::UpdateReady]);
    let effects = answer(&mut tab, 1, 2, 3.0);
    assert!(effects.contains(&Effect::FlushAfterPaint));
    assert_eq!(
        stored_progress(&store),
        None,
        "the answer waits for the next paint"
    );
    let effects = tab.update(Event::ApplyUpdate, at(4.0));
    assert_eq!(effects.last(), Some(&Effect::ApplyUpdate));
    let progress = stored_progress(&store).expect("written before the reload");
    assert_eq!(progress.answers.len(), 1);
    tab.update(Event::Dismiss(Notice::UpdateReady), at(5.0));
    assert!(
        tab.model().notices().is_empty(),
        "dismissed: the next visit has the new release"
    );
}

#[test]
fn a_widget_is_not_offered_a_reload() {
    let store = MemoryStore::new();
    let (mut tab, _) = open_with(&store, embedded(false), "#/");
    tab.update(Event::UpdateReady, at(1.0));
    assert!(tab.model().notices().is_empty());
}

#[test]
fn without_storage_a_reload_would_lose_the_visit_so_none_is_offered() {
    let store = MemoryStore::with_fault(Fault::Unavailable);
    let mut tab = open(&store, "#/q/1");
    tab.update(Event::UpdateReady, at(1.0));
    assert!(!tab.model().notices().contains(&Notice::UpdateReady));
}

// ---- properties over event sequences ----

/// The attempt ids and progress answers stored when everything was deleted.
type StoredAtDeletion = (BTreeSet<String>, BTreeSet<(String, String)>);

#[derive(Clone, Debug)]
enum Step {
    Go(usize),
    Answer(u8),
    NotSure,
    Next,
    Back,
    Flush,
    Complete,
    StartOver,
    DeleteFirst,
    Undo,
    Label(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (1usize..=32).prop_map(Step::Go),
        4 => (0u8..5).prop_map(Step::Answer),
        1 => Just(Step::NotSure),
        3 => Just(Step::Next),
        1 => Just(Step::Back),
        3 => Just(Step::Flush),
        1 => Just(Step::Complete),
        1 => Just(Step::StartOver),
        1 => Just(Step::DeleteFirst),
        1 => Just(Step::Undo),
        1 => "\\PC{0,90}".prop_map(Step::Label),
    ]
}

fn event_for(tab: &Tab, step: &Step) -> Event {
    let shown = tab.model().route.question().unwrap_or(1);
    match step {
        Step::Go(n) => Event::AddressChanged(format!("#/q/{n}")),
        Step::Answer(c) => Event::Answer {
            number: shown,
            answer: Answer::Choice(*c),
        },
        Step::NotSure => Event::Answer {
            number: shown,
            answer: Answer::NotSure,
        },
        Step::Next => Event::Next,
        Step::Back => Event::Back,
        Step::Flush => Event::Flush,
        Step::Complete => Event::Complete,
        Step::StartOver => Event::StartOver,
        Step::DeleteFirst => Event::Delete {
            attempt: tab
                .model()
                .attempts
                .first()
                .map(|a| a.id.clone())
                .unwrap_or_default(),
        },
        Step::Undo => Event::Undo,
        Step::Label(text) => Event::SetLabel {
            attempt: tab
                .model()
                .attempts
                .last()
                .map(|a| a.id.clone())
                .unwrap_or_default(),
            label: text.clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// After a flush, what is stored is exactly the answers given; no
    /// finished attempt is lost but by a delete; labels are always clean.
    #[test]
    fn one_tab_never_loses_answers_or_attempts(steps in prop::collection::vec(step(), 1..60)) {
        let store = MemoryStore::new();
        let mut tab = open(&store, "#/q/1");
        let mut finished_ids: BTreeSet<String> = BTreeSet::new();
        let mut deleted_ids: BTreeSet<String> = BTreeSet::new();
        for (i, step) in steps.iter().enumerate() {
            let ms = T0 + 1_000.0 * (i as f64 + 1.0);
            let event = event_for(&tab, step);
            if let Event::Delete { attempt } = &event { deleted_ids.insert(attempt.clone()); }
            if matches!(event, Event::Undo) {
                if let Some(d) = &tab.model().deleted { deleted_ids.remove(&d.attempt.id); }
            }
            let before = tab.model().attempts.len();
            tab.update(event.clone(), at(ms));
            if matches!(event, Event::Complete) && tab.model().attempts.len() > before {
                if let Route::ResultsFor { id } = &tab.model().route { finished_ids.insert(id.clone()); }
            }
            if matches!(event, Event::Flush) {
                let stored = stored_progress(&store);
                let expected = storage::to_stored(&tab.model().answers);
                prop_assert_eq!(stored.map(|p| p.answers).unwrap_or_default(), expected);
            }
            let stored_ids: BTreeSet<String> = stored_attempts(&store).into_iter().map(|a| a.id).collect();
            for id in finished_ids.difference(&deleted_ids) {
                prop_assert!(stored_ids.contains(id), "attempt {} lost", id);
            }
            for attempt in stored_attempts(&store) {
                if let Some(label) = &attempt.label {
                    let cleaned = storage::clean_label(label, &UnicodeGraphemes);
                    prop_assert_eq!(cleaned.as_deref(), Some(label.as_str()));
                }
            }
        }
    }

    /// Next to data of a newer version, no sequence writes anything.
    #[test]
    fn a_newer_schema_key_is_never_written(steps in prop::collection::vec(step(), 1..40), which in 0usize..3) {
        let store = MemoryStore::new();
        let key = [PROGRESS_KEY, ATTEMPTS_KEY, SETTINGS_KEY][which];
        store.insert(key, r#"{"schema":2,"data":"from the future"}"#);
        let before = store.snapshot();
        let mut tab = open(&store, "#/q/1");
        for (i, step) in steps.iter().enumerate() {
            let event = event_for(&tab, step);
            tab.update(event, at(T0 + 1_000.0 * (i as f64 + 1.0)));
        }
        prop_assert_eq!(store.snapshot(), before);
    }

    /// Two tabs, any interleaving, storage events delivered late or not at
    /// all: once one tab deletes everything, nothing stored at that moment
    /// comes back, and no answer returns unless given again afterwards.
    #[test]
    fn another_tab_never_brings_deleted_data_back(
        steps in prop::collection::vec((any::<bool>(), step(), any::<bool>()), 1..70),
        delete_at in 0usize..70,
    ) {
        let store = MemoryStore::new();
        let mut tabs = [open(&store, "#/q/1"), open(&store, "#/q/1")];
        let mut pending: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        let mut deleted: Option<StoredAtDeletion> = None;
        let mut given_after: BTreeSet<(String, String)> = BTreeSet::new();
        let quiz = quiz();
        for (i, (second, step, deliver_now)) in steps.iter().enumerate() {
            let ms = T0 + 1_000.0 * (i as f64 + 1.0);
            let (me, other) = if *second { (1, 0) } else { (0, 1) };
            if i == delete_at {
                let ids = stored_attempts(&store).into_iter().map(|a| a.id).collect();
                let answers = stored_progress(&store).map(|p| p.answers.into_iter().collect()).unwrap_or_default();
                deleted = Some((ids, answers));
                tabs[me].update(Event::DeleteEverything, at(ms));
                given_after.clear();
            } else {
                let event = event_for(&tabs[me], step);
                if let Event::Answer { number, answer } = &event {
                    if tabs[me].model().route.question() == Some(*number) {
                        if let Some((_, q)) = quiz.question_at(number - 1) {
                            let option = match answer {
                                Answer::NotSure => storage::NOT_SURE.to_string(),
                                Answer::Choice(c) => q.options[usize::from(*c)].id.clone(),
                            };
                            given_after.insert((q.id.clone(), option));
                        }
                    }
                }
                tabs[me].update(event, at(ms));
            }
            let changes = store.take_changes();
            pending[other].extend(changes);
            if *deliver_now {
                for key in std::mem::take(&mut pending[other]) {
                    tabs[other].update(Event::StorageChanged { key: Some(key) }, at(ms));
                }
            }
            if let Some((ids, answers)) = &deleted {
                for attempt in stored_attempts(&store) {
                    prop_assert!(!ids.contains(&attempt.id), "deleted attempt {} is back", attempt.id);
                }
                if let Some(progress) = stored_progress(&store) {
                    for pair in progress.answers {
                        prop_assert!(
                            !answers.contains(&pair) || given_after.contains(&pair),
                            "deleted answer {:?} is back", pair
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_shared_link_with_punctuation_after_the_code_opens_and_the_address_is_tidied() {
    let (_, tab, _) = with_attempts(1);
    let code =
        quiz_core::session::share_code(&quiz(), &tab.model().attempts[0], 0, &UnicodeGraphemes);
    let store = MemoryStore::new();
    let (opened, effects) = open_with(&store, context(), &format!("#/r/{code}."));
    assert_eq!(
        opened.model().route,
        Route::SharedResult { code: code.clone() }
    );
    assert!(effects.contains(&Effect::WriteAddress {
        hash: format!("#/r/{code}"),
        replace: true
    }));
    let (compare, _) = open_with(&store, context(), &format!("#/compare/{code},/{code})"));
    assert_eq!(
        compare.model().route,
        Route::Compare {
            first: code.clone(),
            second: code
        }
    );
}

// ---- languages ----

fn dutch() -> Rc<Quiz> {
    let manifest = common::manifest();
    let texts =
        quiz_core::authoring::parse_language(&common::read("nl.toml"), "nl.toml").expect("nl.toml");
    let files = quiz_core::validate::SourceFiles {
        language: "nl.toml",
        ..common::FILES
    };
    Rc::new(
        quiz_core::authoring::assemble(&manifest, &common::releases(), texts, "nl", files)
            .expect("Dutch assembles"),
    )
}

#[test]
fn switching_language_keeps_the_answers_and_the_place_and_is_saved() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/q/1");
    answer(&mut tab, 3, 2, 1.0);
    let effects = tab.update(Event::ChooseLanguage { code: "nl".into() }, at(2.0));
    assert_eq!(effects, [Effect::LoadLanguage { code: "nl".into() }]);
    assert_eq!(tab.model().loading_language.as_deref(), Some("nl"));
    let saved = storage::read_settings(&JSON, store.get(SETTINGS_KEY).ok().flatten().as_deref());
    assert!(
        matches!(saved, storage::Loaded::Found { value, .. } if value.language.as_deref() == Some("nl"))
    );
    tab.update(Event::LanguageReady(dutch()), at(3.0));
    assert_eq!(tab.quiz().language, "nl");
    assert_eq!(tab.model().route, Route::Question { number: 3 });
    assert_eq!(
        tab.model().answers.len(),
        1,
        "answers are kept by question id"
    );
}

#[test]
fn only_the_latest_language_choice_is_shown_and_unknown_ones_are_ignored() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/");
    assert!(tab
        .update(Event::ChooseLanguage { code: "xx".into() }, at(1.0))
        .is_empty());
    tab.update(Event::ChooseLanguage { code: "nl".into() }, at(2.0));
    tab.update(Event::ChooseLanguage { code: "en".into() }, at(3.0));
    // The Dutch download arrives after the visitor went back to English.
    tab.update(Event::LanguageReady(dutch()), at(4.0));
    assert_eq!(tab.quiz().language, "en");
}

#[test]
fn a_language_that_cannot_be_downloaded_leaves_the_quiz_as_it_is_and_says_so() {
    let store = MemoryStore::new();
    let mut tab = open(&store, "#/");
    tab.update(Event::ChooseLanguage { code: "nl".into() }, at(1.0));
    tab.update(Event::LanguageFailed { code: "nl".into() }, at(2.0));
    assert_eq!(tab.quiz().language, "en");
    assert!(tab.model().notices().contains(&Notice::LanguageUnavailable));
    let mut wanted = context();
    wanted.wanted_language = Some("nl".into());
    let (started, _) = open_with(&store, wanted, "#/");
    assert!(
        started
            .model()
            .notices()
            .contains(&Notice::LanguageUnavailable),
        "started in English instead"
    );
}
