//! The storage adapter and store against Chromium's real localStorage.
#![cfg(target_arch = "wasm32")]

use alliance_quiz::browser_storage::BrowserStorage;
use alliance_quiz::store::{StorageNotice, Store};
use quiz_core::storage::{write, ATTEMPTS_KEY, PROGRESS_KEY, QUARANTINE_PREFIX, SETTINGS_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

fn clear_ours() {
    let storage = local();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("alliance-quiz:"))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

#[wasm_bindgen_test]
fn the_adapter_reads_writes_and_lists_real_local_storage() {
    clear_ours();
    let storage = BrowserStorage::open();
    assert!(storage.is_persistent());
    storage.set("alliance-quiz:test", "value").expect("write");
    assert_eq!(
        local()
            .get_item("alliance-quiz:test")
            .ok()
            .flatten()
            .as_deref(),
        Some("value")
    );
    assert_eq!(storage.get("alliance-quiz:test"), Ok(Some("value".into())));
    assert_eq!(
        storage.keys_with_prefix("alliance-quiz:"),
        ["alliance-quiz:test"]
    );
    storage.remove("alliance-quiz:test").expect("remove");
    assert_eq!(storage.get("alliance-quiz:test"), Ok(None));
}

#[wasm_bindgen_test]
fn without_storage_the_store_runs_from_memory_and_says_so() {
    let (store, snapshot) = Store::open_with(BrowserStorage::memory(), 1.0);
    assert_eq!(snapshot.notices, [StorageNotice::NotKept]);
    assert!(!store.is_persistent());
    assert_eq!(store.save_attempts(&[]), Ok(()));
}

#[wasm_bindgen_test]
fn corrupt_data_is_moved_aside_not_lost_and_the_app_starts_clean() {
    clear_ours();
    local()
        .set_item(ATTEMPTS_KEY, "this is not json {")
        .expect("seed");
    let (store, snapshot) = Store::open(1_700_000_000_000.0);
    assert_eq!(snapshot.notices, [StorageNotice::Quarantined]);
    assert!(snapshot.attempts.is_empty());
    let aside = format!("{QUARANTINE_PREFIX}attempts:1700000000000");
    assert_eq!(
        local().get_item(&aside).ok().flatten().as_deref(),
        Some("this is not json {")
    );
    assert_eq!(local().get_item(ATTEMPTS_KEY).ok().flatten(), None);
    assert!(store.is_persistent(), "the store keeps working normally");
    clear_ours();
}

#[wasm_bindgen_test]
fn newer_data_is_left_untouched_and_the_visit_is_not_written() {
    clear_ours();
    let newer = "{\"schema\":99,\"data\":{\"from\":\"the future\"}}";
    local().set_item(SETTINGS_KEY, newer).expect("seed");
    local()
        .set_item(PROGRESS_KEY, &write(&"irrelevant"))
        .expect("seed");
    let (store, snapshot) = Store::open(5.0);
    assert_eq!(snapshot.notices, [StorageNotice::NewerData]);
    assert!(!store.is_persistent());
    store.save_attempts(&[]).expect("memory write");
    assert_eq!(
        local().get_item(SETTINGS_KEY).ok().flatten().as_deref(),
        Some(newer)
    );
    assert_eq!(
        local().get_item(ATTEMPTS_KEY).ok().flatten(),
        None,
        "nothing written next to newer data"
    );
    clear_ours();
}

#[wasm_bindgen_test]
fn next_to_newer_data_even_corrupt_values_are_left_in_place() {
    clear_ours();
    local().set_item(PROGRESS_KEY, "garbage").expect("seed");
    local()
        .set_item(ATTEMPTS_KEY, "{\"schema\":99,\"data\":[]}")
        .expect("seed");
    let (_, snapshot) = Store::open(7.0);
    assert_eq!(snapshot.notices, [StorageNotice::NewerData]);
    assert_eq!(
        local().get_item(PROGRESS_KEY).ok().flatten().as_deref(),
        Some("garbage")
    );
    let quarantined = (0..local().length().unwrap_or(0))
        .filter_map(|i| local().key(i).ok().flatten())
        .any(|k| k.starts_with(QUARANTINE_PREFIX));
    assert!(!quarantined, "nothing is moved while the data is read-only");
    clear_ours();
}
