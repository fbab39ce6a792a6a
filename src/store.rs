//! Reads and writes the visitor's data through [`BrowserStorage`], applying the
//! domain's rules: corrupt values are moved aside, never overwritten; data from
//! a newer version is left untouched and the app runs from memory; a failed
//! write loses nothing already saved and is reported.

use quiz_core::storage::{
    merge_attempts, quarantine_key, read_attempts, read_progress, read_settings, write, Attempt,
    Loaded, MergeReport, Progress, Settings, ATTEMPTS_KEY, KEY_PREFIX, PROGRESS_KEY, SETTINGS_KEY,
};

use crate::browser_storage::{BrowserStorage, StorageError};

/// Something the visitor should be told about their saved data, once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is unavailable: nothing will be kept after the page closes.
    NotKept,
    /// A write failed because storage is full; what was saved before is intact.
    Full,
    /// Unreadable data was moved aside and the app started clean.
    Quarantined,
    /// Data from a newer version of the quiz is left as it is; this visit is not kept.
    NewerData,
}

/// Everything read at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub progress: Option<Progress>,
    /// Oldest first.
    pub attempts: Vec<Attempt>,
    pub settings: Settings,
    pub notices: Vec<StorageNotice>,
}

pub struct Store {
    storage: BrowserStorage,
}

impl Store {
    /// Opens the browser's storage and reads everything. `now_ms` dates quarantine keys.
    pub fn open(now_ms: f64) -> (Self, Snapshot) {
        Self::open_with(BrowserStorage::open(), now_ms)
    }

    pub fn open_with(storage: BrowserStorage, now_ms: f64) -> (Self, Snapshot) {
        let mut snapshot = Snapshot::default();
        if !storage.is_persistent() {
            snapshot.notices.push(StorageNotice::NotKept);
            return (Self { storage }, snapshot);
        }
        let store = Self { storage };
        let read = |key: &str| -> Option<String> { store.storage.get(key).ok().flatten() };
        let (raw_progress, raw_attempts, raw_settings) =
            (read(PROGRESS_KEY), read(ATTEMPTS_KEY), read(SETTINGS_KEY));
        let progress = read_progress(raw_progress.as_deref());
        let attempts = read_attempts(raw_attempts.as_deref());
        let settings = read_settings(raw_settings.as_deref());

        // Decided before anything is moved: next to newer data, nothing is written at all.
        if matches!(progress, Loaded::Newer { .. })
            || matches!(attempts, Loaded::Newer { .. })
            || matches!(settings, Loaded::Newer { .. })
        {
            let snapshot = Snapshot {
                notices: vec![StorageNotice::NewerData],
                ..Snapshot::default()
            };
            return (
                Self {
                    storage: BrowserStorage::memory(),
                },
                snapshot,
            );
        }

        let mut quarantined = false;
        snapshot.progress = store.settle(
            PROGRESS_KEY,
            raw_progress,
            progress,
            now_ms,
            &mut quarantined,
        );
        snapshot.attempts = store
            .settle(
                ATTEMPTS_KEY,
                raw_attempts,
                attempts,
                now_ms,
                &mut quarantined,
            )
            .unwrap_or_default();
        snapshot.settings = store
            .settle(
                SETTINGS_KEY,
                raw_settings,
                settings,
                now_ms,
                &mut quarantined,
            )
            .unwrap_or_default();
        if quarantined {
            snapshot.notices.push(StorageNotice::Quarantined);
        }
        (store, snapshot)
    }

    /// The value read under `key`, quarantining it first when it is corrupt.
    fn settle<T>(
        &self,
        key: &str,
        raw: Option<String>,
        loaded: Loaded<T>,
        now_ms: f64,
        quarantined: &mut bool,
    ) -> Option<T> {
        match loaded {
            Loaded::Found { value, .. } => Some(value),
            Loaded::Corrupt { .. } => {
                *quarantined |= self.quarantine(key, raw, now_ms);
                None
            }
            Loaded::Newer { .. } | Loaded::Missing => None,
        }
    }

    /// Moves a bad value to a quarantine key, then clears the original so the app
    /// starts clean. If the copy cannot be written, the original stays where it
    /// is and this visit runs without touching it. True when it was moved.
    fn quarantine(&self, key: &str, raw: Option<String>, now_ms: f64) -> bool {
        let Some(raw) = raw else { return false };
        let aside = quarantine_key(key, now_ms);
        if self.storage.set(&aside, &raw).is_err() {
            return false;
        }
        self.storage.remove(key).is_ok()
    }

    pub fn is_persistent(&self) -> bool {
        self.storage.is_persistent()
    }

    pub fn save_progress(&self, progress: &Progress) -> Result<(), StorageNotice> {
        self.set(PROGRESS_KEY, &write(progress))
    }

    pub fn clear_progress(&self) -> Result<(), StorageNotice> {
        self.storage
            .remove(PROGRESS_KEY)
            .map_err(|_| StorageNotice::NotKept)
    }

    /// The attempts as stored now (another tab may have added some).
    pub fn current_attempts(&self) -> Vec<Attempt> {
        let raw = self.storage.get(ATTEMPTS_KEY).ok().flatten();
        match read_attempts(raw.as_deref()) {
            Loaded::Found { value, .. } => value,
            _ => Vec::new(),
        }
    }

    /// Merges `incoming` into what is stored now and writes the result.
    /// Returns the merged list (even when the write failed, so the visit goes on).
    pub fn merge_attempts(
        &self,
        incoming: Vec<Attempt>,
    ) -> (Vec<Attempt>, MergeReport, Result<(), StorageNotice>) {
        let mut attempts = self.current_attempts();
        let report = merge_attempts(&mut attempts, incoming);
        let saved = self.set(ATTEMPTS_KEY, &write(&attempts));
        (attempts, report, saved)
    }

    /// Replaces the stored attempts (after a delete, an undo or a new label).
    pub fn save_attempts(&self, attempts: &[Attempt]) -> Result<(), StorageNotice> {
        self.set(ATTEMPTS_KEY, &write(attempts))
    }

    /// Removes every key this app wrote, quarantined values included.
    pub fn delete_everything(&self) -> Result<(), StorageNotice> {
        let mut result = Ok(());
        for key in self.storage.keys_with_prefix(KEY_PREFIX) {
            if self.storage.remove(&key).is_err() {
                result = Err(StorageNotice::NotKept);
            }
        }
        result
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageNotice> {
        self.storage.set(key, value).map_err(|error| match error {
            StorageError::QuotaExceeded => StorageNotice::Full,
            StorageError::Refused => StorageNotice::NotKept,
        })
    }
}
