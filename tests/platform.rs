//! The browser glue against the real platform: the JSON bridge, the
//! localStorage adapter, work after the paint, the address bar and
//! grapheme clusters, in a real Chromium (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use alliance_quiz::platform::after_paint::Deferred;
use alliance_quiz::platform::history::AddressBar;
use alliance_quiz::platform::json::BrowserJson;
use alliance_quiz::platform::local_storage::LocalStorage;
use alliance_quiz::platform::text::IntlGraphemes;
use quiz_core::json::{Json, JsonError};
use quiz_core::storage::{self, Attempt, Loaded, Progress, Settings};
use quiz_core::store::{KeyValueStore, StoreError};
use quiz_core::text::{clean_label, Graphemes};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ATTEMPTS: &str = include_str!("../core/tests/fixtures/storage/schema-1/attempts.json");
const PROGRESS: &str = include_str!("../core/tests/fixtures/storage/schema-1/progress.json");
const SETTINGS: &str = include_str!("../core/tests/fixtures/storage/schema-1/settings.json");
const EXPORT: &str = include_str!("../core/tests/fixtures/storage/schema-1/export.json");

fn found<T: std::fmt::Debug>(loaded: Loaded<T>) -> T {
    match loaded {
        Loaded::Found { value, .. } => value,
        other => panic!("expected data, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_browser_json_bridge_writes_stored_data_member_for_member() {
    let json = BrowserJson;
    let progress: Progress = found(storage::read_progress(&json, Some(PROGRESS)));
    assert_eq!(
        storage::write(&json, &progress),
        r#"{"schema":1,"data":{"content_version":1,"answers":{"selection.criteria":"e","strategy.link-to-strategy":"not-sure","strategy.why-ally":"c"},"position":4,"started_at":1763999500000}}"#
    );
    let attempts: Vec<Attempt> = found(storage::read_attempts(&json, Some(ATTEMPTS)));
    assert_eq!(
        storage::write(&json, &attempts),
        r#"{"schema":1,"data":[{"id":"1764000000000-1a2b3c4d","content_version":1,"answers":{"governance.decision-rights":"a","strategy.why-ally":"c","trust.openness":"not-sure"},"started_at":1763999500000,"completed_at":1764000000000,"label":"Acme partnership","scores":{"overall":25,"level":"opportunistic","dimensions":{"governance":0,"strategy":50,"trust":null}}},{"id":"1780000000000-00ff00ff","content_version":1,"answers":{"strategy.why-ally":"e"},"started_at":1779999000000,"completed_at":1780000000000,"scores":{"overall":100,"level":"embedded","dimensions":{"strategy":100}}}]}"#
    );
    let settings: Settings = found(storage::read_settings(&json, Some(SETTINGS)));
    assert_eq!(
        storage::write(&json, &settings),
        r#"{"schema":1,"data":{"language":"en","theme":"auto"}}"#
    );
    assert_eq!(
        storage::write(&json, &Settings::default()),
        r#"{"schema":1,"data":{}}"#
    );
    let imported = storage::parse_import(&json, EXPORT).expect("the export fixture imports");
    let exported = storage::export(&json, &imported, 1_780_100_000_000.0);
    assert!(exported.starts_with("{\n  \"format\": \"alliance-readiness-quiz-export\",\n  \"schema\": 1,\n  \"exported_at\": 1780100000000,"));
    assert_eq!(storage::parse_import(&json, &exported), Ok(imported));
}

#[wasm_bindgen_test]
fn the_browser_json_bridge_tells_syntax_from_shape_and_never_panics() {
    let json = BrowserJson;
    assert_eq!(json.parse::<Progress>("{not json"), Err(JsonError::Syntax));
    assert!(matches!(
        json.parse::<Progress>("[1,2]"),
        Err(JsonError::Shape(_))
    ));
    let over = PROGRESS.replace("\"position\":4", "\"position\":1.5");
    assert!(matches!(
        storage::read_progress(&json, Some(&over)),
        Loaded::Corrupt(_)
    ));
    // A score out of range sets aside only its attempt, through the
    // browser's own JSON too; a string where a score goes, the whole value.
    let too_big = ATTEMPTS.replace("\"overall\":25", "\"overall\":300");
    assert!(matches!(
        storage::read_attempts(&json, Some(&too_big)),
        Loaded::Partial { left_out: 1, ref value } if value.len() == 1
    ));
    let wrong_type = ATTEMPTS.replace("\"overall\":25", "\"overall\":\"25\"");
    assert!(matches!(
        storage::read_attempts(&json, Some(&wrong_type)),
        Loaded::Corrupt(_)
    ));
    // Deep nesting within the size limit: an error, not a crash.
    let deep = format!(
        "{{\"schema\":1,\"data\":{}{}}}",
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    assert!(matches!(
        storage::read_attempts(&json, Some(&deep)),
        Loaded::Corrupt(_)
    ));
    let ignored_deep = PROGRESS.replace(
        "\"position\":4",
        &format!(
            "\"position\":4,\"extra\":{}{}",
            "[".repeat(30_000),
            "]".repeat(30_000)
        ),
    );
    assert!(!matches!(
        storage::read_progress(&json, Some(&ignored_deep)),
        Loaded::Missing
    ));
}

#[wasm_bindgen_test]
fn the_adapter_reads_writes_lists_and_removes_real_local_storage() {
    clear_ours();
    let mut store = LocalStorage::open();
    store.set("alliance-quiz:test", "value").expect("write");
    assert_eq!(
        local()
            .get_item("alliance-quiz:test")
            .ok()
            .flatten()
            .as_deref(),
        Some("value")
    );
    assert_eq!(store.get("alliance-quiz:test"), Ok(Some("value".into())));
    assert!(store
        .keys()
        .expect("keys")
        .contains(&"alliance-quiz:test".to_string()));
    store.remove("alliance-quiz:test").expect("remove");
    assert_eq!(store.get("alliance-quiz:test"), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_store_reports_the_quota_not_a_generic_refusal() {
    clear_ours();
    let mut store = LocalStorage::open();
    // Chromium allows about 5 MB per origin: 6 MB cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(
        store.set("alliance-quiz:huge", &huge),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.get("alliance-quiz:huge"), Ok(None));
}

fn queue_flag(deferred: &Deferred) -> Rc<Cell<bool>> {
    let ran = Rc::new(Cell::new(false));
    let flag = ran.clone();
    deferred.after_next_paint(move || flag.set(true));
    ran
}

#[wasm_bindgen_test]
async fn deferred_work_runs_after_this_task_in_order_and_once() {
    let deferred = Deferred::new();
    let ran = Rc::new(RefCell::new(Vec::new()));
    for n in 1..=3 {
        let ran = ran.clone();
        deferred.after_next_paint(move || ran.borrow_mut().push(n));
    }
    assert!(ran.borrow().is_empty(), "nothing runs in the caller's task");
    wait_for("the queue to run", || ran.borrow().len() == 3).await;
    assert_eq!(*ran.borrow(), [1, 2, 3]);
    // A later batch runs once too, whichever of its triggers fires first.
    let again = queue_flag(&deferred);
    wait_for("the second batch", || again.get()).await;
    assert_eq!(*ran.borrow(), [1, 2, 3], "nothing ran twice");
}

#[wasm_bindgen_test]
async fn leaving_or_hiding_the_page_runs_deferred_work_at_once() {
    let deferred = Deferred::new();
    let ran = queue_flag(&deferred);
    let window = web_sys::window().expect("window");
    window
        .dispatch_event(&web_sys::Event::new("pagehide").expect("event"))
        .expect("dispatched");
    assert!(ran.get(), "a reload or close must not lose saved progress");

    let ran = queue_flag(&deferred);
    let document = document();
    // As when a phone switches to another app: `document.hidden` turns true.
    let hidden = js_sys::Object::new();
    js_sys::Reflect::set(&hidden, &"value".into(), &true.into()).expect("value");
    js_sys::Reflect::set(&hidden, &"configurable".into(), &true.into()).expect("configurable");
    js_sys::Object::define_property(&document, &"hidden".into(), &hidden);
    document
        .dispatch_event(&web_sys::Event::new("visibilitychange").expect("event"))
        .expect("dispatched");
    js_sys::Reflect::delete_property(&document, &"hidden".into()).expect("restored");
    assert!(ran.get(), "a hidden page may be discarded without pagehide");
}

#[wasm_bindgen_test]
async fn the_address_bar_follows_after_the_paint_unless_the_visitor_navigated() {
    location().set_hash("#/q/1").expect("hash");
    wait_for("the hash", || {
        location().hash().ok().as_deref() == Some("#/q/1")
    })
    .await;
    let (deferred, bar) = (Deferred::new(), AddressBar::default());
    bar.write(&deferred, "#/q/2".into(), false);
    assert_eq!(
        location().hash().expect("hash"),
        "#/q/1",
        "not in the click's task"
    );
    wait_for("#/q/2", || {
        location().hash().ok().as_deref() == Some("#/q/2")
    })
    .await;

    bar.write(&deferred, "#/q/3".into(), false);
    // The visitor follows a link before the next frame.
    location().set_hash("#/history").expect("hash");
    bar.drop_unwritten();
    let written = Rc::new(Cell::new(false));
    let flag = written.clone();
    deferred.after_next_paint(move || flag.set(true));
    wait_for("the frame after", || written.get()).await;
    assert_eq!(location().hash().expect("hash"), "#/history");
    location().set_hash("").expect("hash");
}

#[wasm_bindgen_test]
fn intl_segmenter_keeps_what_a_reader_sees_as_one_character_whole() {
    let graphemes = IntlGraphemes::new();
    let flag = "\u{1F1F3}\u{1F1F1}";
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    let thumb = "\u{1F44D}\u{1F3FF}";
    let accent = "e\u{301}";
    let text = format!("a{flag}{family}{thumb}{accent}");
    let ends = graphemes.ends(&text);
    let mut at = 1;
    let mut expected = vec![1];
    for cluster in [flag, family, thumb, accent] {
        at += cluster.len();
        expected.push(at);
    }
    assert_eq!(ends, expected);
    // ASCII takes the shortcut (no segmenter); CR LF is still one cluster.
    assert_eq!(graphemes.ends("ab\r\nc"), vec![1, 2, 4, 5]);
    assert_eq!(graphemes.ends("Acme"), vec![1, 2, 3, 4]);
    assert_eq!(
        clean_label(
            &format!("{}{flag}", "A".repeat(59)),
            60,
            usize::MAX,
            &graphemes
        ),
        Some("A".repeat(59)),
        "half a flag is never kept"
    );
}

#[wasm_bindgen_test]
fn relative_days_weeks_months_and_years_in_the_visitors_language() {
    use alliance_quiz::platform::dates::ago;
    use quiz_core::calendar::Ago;
    let said = |a, locale| ago(a, locale).expect("Intl.RelativeTimeFormat");
    assert_eq!(said(Ago::Today, "en-GB"), "today");
    assert_eq!(said(Ago::Yesterday, "en-GB"), "yesterday");
    assert_eq!(said(Ago::Days(3), "en-GB"), "3 days ago");
    assert_eq!(said(Ago::Weeks(1), "en-GB"), "1 week ago");
    assert_eq!(said(Ago::Months(3), "en-GB"), "3 months ago");
    assert_eq!(said(Ago::Years(2), "en-GB"), "2 years ago");
    assert_eq!(said(Ago::Today, "nl-NL"), "vandaag");
    assert_eq!(said(Ago::Yesterday, "nl-NL"), "gisteren");
    assert_eq!(said(Ago::Months(3), "nl-NL"), "3 maanden geleden");
    // A tag the browser refuses is no trap: the caller falls back to the date.
    assert_eq!(ago(Ago::Today, "not a locale!"), None);
}
