//! The rules for keeping the visitor's data in a key-value store (the
//! browser's `localStorage`, behind [`KeyValueStore`]): what is read at
//! start, what is moved aside, when nothing may be written, and how a write
//! respects what another tab wrote meanwhile. The shell supplies the store;
//! host tests use [`MemoryStore`], which can be made to fail like a browser.
//!
//! Two tabs share one store. Every change to the attempts is applied to what
//! is stored at that moment (read, change, write in one task), never by
//! writing back a tab's own copy, so nothing another tab deleted or added is
//! undone. The progress key is written only when it still holds what this
//! tab last read or wrote; otherwise [`Store::progress_elsewhere`] reports
//! the other tab's change and the session decides.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::json::Json;
use crate::storage::{
    is_newer_schema, merge_attempts, quarantine_key, read_attempts, read_progress, read_settings,
    write, Attempt, Loaded, MergeReport, Progress, Settings, ATTEMPTS_KEY, KEY_PREFIX, PROBE_KEY,
    PROGRESS_KEY, SETTINGS_KEY,
};

/// Why the store refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// There is no store at all (disabled, blocked in a sandboxed or
    /// third-party frame, or throwing on access).
    Unavailable,
    /// The write was refused because the store is full.
    QuotaExceeded,
    /// Any other refusal.
    Refused,
}

/// A string key-value store, such as `window.localStorage`.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// How a [`MemoryStore`] misbehaves, to test every fault a browser has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fault {
    #[default]
    None,
    /// Every access fails with [`StoreError::Unavailable`].
    Unavailable,
    /// Reads work; every `set` fails with [`StoreError::QuotaExceeded`].
    FullForWrites,
    /// Reads work; every `set` and `remove` fails with [`StoreError::Refused`].
    RefusesWrites,
    /// Reads and writes work; every `remove` fails with [`StoreError::Refused`]
    /// (a tester's browser extension did this).
    RefusesRemovals,
    /// Writes work; every `get` returns the value with its last character
    /// cut off: storage that hands back damaged data on each read.
    CorruptReads,
}

/// A store in memory: the host tests' `localStorage`. Cloning shares it, as
/// two tabs share one origin's storage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<MemoryInner>>,
}

#[derive(Debug, Default)]
struct MemoryInner {
    values: BTreeMap<String, String>,
    fault: Fault,
    /// Total bytes of keys and values it holds at most, like a browser's quota.
    quota: Option<usize>,
    /// Keys changed since [`MemoryStore::take_changes`], for storage events.
    changes: Vec<String>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_fault(fault: Fault) -> Self {
        let store = Self::default();
        store.set_fault(fault);
        store
    }

    pub fn set_fault(&self, fault: Fault) {
        self.inner.borrow_mut().fault = fault;
    }

    /// Writes that would take it past `bytes` (keys and values) fail as full.
    pub fn set_quota(&self, bytes: usize) {
        self.inner.borrow_mut().quota = Some(bytes);
    }

    /// What it holds, bypassing any fault.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner.borrow().values.clone()
    }

    /// Puts a value in place, bypassing any fault (a test's set-up).
    pub fn insert(&self, key: &str, value: &str) {
        self.inner
            .borrow_mut()
            .values
            .insert(key.to_string(), value.to_string());
    }

    /// Keys written or removed since the last call, oldest first: what other
    /// tabs would hear of as `storage` events.
    pub fn take_changes(&self) -> Vec<String> {
        std::mem::take(&mut self.inner.borrow_mut().changes)
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let inner = self.inner.borrow();
        match inner.fault {
            Fault::Unavailable => Err(StoreError::Unavailable),
            Fault::CorruptReads => Ok(inner.values.get(key).map(|value| {
                let mut damaged = value.clone();
                damaged.pop();
                damaged
            })),
            _ => Ok(inner.values.get(key).cloned()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        match inner.fault {
            Fault::Unavailable => return Err(StoreError::Unavailable),
            Fault::FullForWrites => return Err(StoreError::QuotaExceeded),
            Fault::RefusesWrites => return Err(StoreError::Refused),
            Fault::None | Fault::RefusesRemovals | Fault::CorruptReads => {}
        }
        if let Some(quota) = inner.quota {
            let others: usize = inner
                .values
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        inner.values.insert(key.to_string(), value.to_string());
        inner.changes.push(key.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        match inner.fault {
            Fault::Unavailable => return Err(StoreError::Unavailable),
            Fault::RefusesWrites | Fault::RefusesRemovals => return Err(StoreError::Refused),
            Fault::None | Fault::FullForWrites | Fault::CorruptReads => {}
        }
        if inner.values.remove(key).is_some() {
            inner.changes.push(key.to_string());
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let inner = self.inner.borrow();
        if inner.fault == Fault::Unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(inner.values.keys().cloned().collect())
    }
}

/// Whether what the visitor does is kept, as every sentence the app says
/// about storage must reflect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Writes work: answers and results are kept in this browser.
    Kept,
    /// There is no storage: nothing is kept after the page closes.
    Unavailable,
    /// Writes fail as full. `earlier_kept`: this browser still holds data
    /// saved before (results, progress), untouched.
    Full { earlier_kept: bool },
    /// Writes are refused for another reason; as `Full`.
    Refused { earlier_kept: bool },
    /// Data from a newer version is present: left untouched, nothing written.
    ReadOnly,
}

impl StorageStatus {
    /// True when what the visitor does now is kept after the page closes.
    pub fn keeps(self) -> bool {
        self == StorageStatus::Kept
    }
}

/// Everything read at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub progress: Option<Progress>,
    /// Oldest first.
    pub attempts: Vec<Attempt>,
    pub settings: Settings,
    /// Values found unreadable and moved aside (their keys' names).
    pub quarantined: Vec<&'static str>,
    /// Saved attempts that broke a rule and were left out, the others kept
    /// (the whole value was copied to a quarantine key first).
    pub attempts_set_aside: usize,
}

/// The store with the domain's rules around it.
pub struct Store<S> {
    backend: S,
    status: StorageStatus,
    /// The raw value this tab last read or wrote under the progress key.
    progress_seen: Option<String>,
}

impl<S: KeyValueStore> Store<S> {
    /// Reads everything, moves unreadable values aside and learns whether
    /// writes work (by writing and removing [`PROBE_KEY`]). Next to data of
    /// a newer schema nothing is moved or written, now or later.
    /// `now_ms` dates quarantine keys.
    pub fn open(backend: S, json: &impl Json, now_ms: f64) -> (Self, Snapshot) {
        let mut snapshot = Snapshot::default();
        let read = |key: &str| backend.get(key);
        let (progress_raw, attempts_raw, settings_raw) =
            match (read(PROGRESS_KEY), read(ATTEMPTS_KEY), read(SETTINGS_KEY)) {
                (Ok(p), Ok(a), Ok(s)) => (p, a, s),
                _ => {
                    let store = Store {
                        backend,
                        status: StorageStatus::Unavailable,
                        progress_seen: None,
                    };
                    return (store, snapshot);
                }
            };
        let progress = read_progress(json, progress_raw.as_deref());
        let attempts = read_attempts(json, attempts_raw.as_deref());
        let settings = read_settings(json, settings_raw.as_deref());
        let newer = matches!(progress, Loaded::Newer { .. })
            || matches!(attempts, Loaded::Newer { .. })
            || matches!(settings, Loaded::Newer { .. });
        let mut store = Store {
            backend,
            status: if newer {
                StorageStatus::ReadOnly
            } else {
                StorageStatus::Kept
            },
            progress_seen: progress_raw.clone(),
        };
        if newer {
            return (store, snapshot);
        }
        snapshot.progress = store.settle(
            PROGRESS_KEY,
            progress_raw,
            progress,
            now_ms,
            &mut snapshot.quarantined,
        );
        snapshot.attempts = match attempts {
            Loaded::Partial { value, left_out } => {
                // The original is copied aside whole, then the readable
                // attempts written in its place; if the copy fails, the
                // original stays as it was and is only read.
                let aside = quarantine_key(ATTEMPTS_KEY, now_ms);
                let raw = attempts_raw.unwrap_or_default();
                if store.backend.set(&aside, &raw).is_ok() {
                    let _ = store.backend.set(ATTEMPTS_KEY, &write(json, &value));
                    snapshot.attempts_set_aside = left_out;
                }
                value
            }
            attempts => store
                .settle(
                    ATTEMPTS_KEY,
                    attempts_raw,
                    attempts,
                    now_ms,
                    &mut snapshot.quarantined,
                )
                .unwrap_or_default(),
        };
        snapshot.settings = store
            .settle(
                SETTINGS_KEY,
                settings_raw,
                settings,
                now_ms,
                &mut snapshot.quarantined,
            )
            .unwrap_or_default();
        store.probe();
        (store, snapshot)
    }

    /// Writes and removes [`PROBE_KEY`] to learn whether writes work now,
    /// before the visitor invests time in answers that could not be kept.
    /// Only the write decides: a store that refuses just the removal still
    /// keeps answers (saying it is full was untrue), and a removal the visitor
    /// asks for later reports its own refusal. The probe key left behind is
    /// one byte and never counted as saved data.
    fn probe(&mut self) {
        match self.backend.set(PROBE_KEY, "1") {
            Ok(()) => {
                let _ = self.backend.remove(PROBE_KEY);
                self.status = StorageStatus::Kept;
            }
            Err(error) => {
                self.refused(error);
            }
        }
    }

    /// The value read under `key`, moving it aside first when it is corrupt.
    fn settle<T>(
        &mut self,
        key: &'static str,
        raw: Option<String>,
        loaded: Loaded<T>,
        now_ms: f64,
        quarantined: &mut Vec<&'static str>,
    ) -> Option<T> {
        match loaded {
            Loaded::Found { value, .. } => Some(value),
            Loaded::Corrupt(_) => {
                if let Some(raw) = raw {
                    if self.quarantine(key, &raw, now_ms) {
                        quarantined.push(key);
                    }
                }
                None
            }
            Loaded::Partial { value, .. } => Some(value),
            Loaded::Newer { .. } | Loaded::Missing => None,
        }
    }

    /// Copies a bad value to a quarantine key, then clears the original. If
    /// the copy cannot be written the original stays, untouched, and is not
    /// overwritten later either (it is skipped until a reload). True when moved.
    fn quarantine(&mut self, key: &str, raw: &str, now_ms: f64) -> bool {
        let aside = quarantine_key(key, now_ms);
        let moved = self.backend.set(&aside, raw).is_ok() && self.backend.remove(key).is_ok();
        if moved && key == PROGRESS_KEY {
            self.progress_seen = None;
        }
        moved
    }

    pub fn status(&self) -> StorageStatus {
        self.status
    }

    /// Nothing more is written this visit: data of a newer version was found
    /// that the store itself cannot see (progress from newer questions).
    pub fn hold_read_only(&mut self) {
        self.status = StorageStatus::ReadOnly;
    }

    /// False when nothing may be written: no store, or newer data present.
    fn writable(&self) -> bool {
        !matches!(
            self.status,
            StorageStatus::Unavailable | StorageStatus::ReadOnly
        )
    }

    /// Records a refused write in the status; returns the new status.
    fn refused(&mut self, error: StoreError) -> StorageStatus {
        let earlier_kept = self
            .backend
            .keys()
            .map(|keys| {
                keys.iter()
                    .any(|k| k.starts_with(KEY_PREFIX) && k != PROBE_KEY)
            })
            .unwrap_or(false);
        self.status = match error {
            StoreError::Unavailable => StorageStatus::Unavailable,
            StoreError::QuotaExceeded => StorageStatus::Full { earlier_kept },
            StoreError::Refused => StorageStatus::Refused { earlier_kept },
        };
        self.status
    }

    /// True (and nothing more is written this visit) when a newer
    /// release's tab has put data of a newer schema under `key` since it
    /// was read: read-only, as when it is found at start-up (a tester saw
    /// saved results of a newer schema replaced on finishing).
    fn newer_there(&mut self, json: &impl Json, key: &str) -> bool {
        let stored = self.backend.get(key).ok().flatten();
        let newer = stored.is_some_and(|raw| is_newer_schema(json, &raw));
        if newer {
            self.hold_read_only();
        }
        newer
    }

    /// Writes `value` under `key`, unless newer data is there.
    fn set(&mut self, json: &impl Json, key: &str, value: &str) -> Result<(), StorageStatus> {
        if self.newer_there(json, key) {
            return Ok(());
        }
        match self.backend.set(key, value) {
            Ok(()) => {
                self.status = StorageStatus::Kept;
                Ok(())
            }
            Err(error) => Err(self.refused(error)),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageStatus> {
        self.backend
            .remove(key)
            .map_err(|error| self.refused(error))
    }

    /// Removes `key`, unless newer data is there: emptying the results or
    /// the progress must not remove a newer release's either. ("Delete
    /// everything" removes it on purpose, with [`Store::remove`].)
    fn clear(&mut self, json: &impl Json, key: &str) -> Result<(), StorageStatus> {
        if self.newer_there(json, key) {
            return Ok(());
        }
        self.remove(key)
    }

    /// The attempts as stored now; `fallback` when nothing can be read.
    pub fn attempts_now(&self, json: &impl Json, fallback: &[Attempt]) -> Vec<Attempt> {
        if !self.writable() {
            return fallback.to_vec();
        }
        match self.backend.get(ATTEMPTS_KEY) {
            Ok(raw) => match read_attempts(json, raw.as_deref()) {
                Loaded::Found { value, .. } | Loaded::Partial { value, .. } => value,
                Loaded::Missing => Vec::new(),
                // Unreadable or newer since start: do not build on it.
                Loaded::Corrupt(_) | Loaded::Newer { .. } => fallback.to_vec(),
            },
            Err(_) => fallback.to_vec(),
        }
    }

    /// Applies `change` to the attempts as stored now (or to `in_memory`
    /// when nothing is kept) and writes the result. Returns the new list,
    /// whatever `change` returned, and the status when the write failed
    /// (the list is then this tab's alone, and the visit goes on with it).
    pub fn change_attempts<R>(
        &mut self,
        json: &impl Json,
        in_memory: &[Attempt],
        change: impl FnOnce(&mut Vec<Attempt>) -> R,
    ) -> (Vec<Attempt>, R, Result<(), StorageStatus>) {
        let mut attempts = self.attempts_now(json, in_memory);
        let result = change(&mut attempts);
        let saved = if self.writable() {
            if attempts.is_empty() {
                self.clear(json, ATTEMPTS_KEY)
            } else {
                self.set(json, ATTEMPTS_KEY, &write(json, &attempts))
            }
        } else {
            Ok(())
        };
        (attempts, result, saved)
    }

    /// Adds `incoming` to the stored attempts (see [`merge_attempts`]).
    pub fn merge(
        &mut self,
        json: &impl Json,
        in_memory: &[Attempt],
        incoming: Vec<Attempt>,
    ) -> (Vec<Attempt>, MergeReport, Result<(), StorageStatus>) {
        self.change_attempts(json, in_memory, |attempts| {
            merge_attempts(attempts, incoming)
        })
    }

    /// `Some(what is stored now)` when the progress key no longer holds what
    /// this tab last read or wrote: another tab answered, finished, started
    /// over or deleted everything. `None` when it is unchanged (or nothing
    /// is kept).
    pub fn progress_elsewhere(&mut self, json: &impl Json) -> Option<Option<Progress>> {
        if !self.writable() {
            return None;
        }
        let raw = self.backend.get(PROGRESS_KEY).ok()?;
        if raw == self.progress_seen {
            return None;
        }
        let progress = match read_progress(json, raw.as_deref()) {
            Loaded::Found { value, .. } | Loaded::Partial { value, .. } => Some(value),
            Loaded::Missing => None,
            // Tabs write only what they can read back, so an unreadable value
            // is the store failing, not another tab finishing: this tab's
            // assessment stands (it used to be dropped with "finished in
            // another tab"), and its next save replaces the value.
            Loaded::Corrupt(_) => return None,
            // A newer release's tab: never written over, as at start-up.
            Loaded::Newer { .. } => {
                self.hold_read_only();
                return None;
            }
        };
        self.progress_seen = raw;
        Some(progress)
    }

    /// Writes the progress (or removes it for `None`). Call
    /// [`Store::progress_elsewhere`] first: this overwrites.
    pub fn save_progress(
        &mut self,
        json: &impl Json,
        progress: Option<&Progress>,
    ) -> Result<(), StorageStatus> {
        if !self.writable() {
            return Ok(());
        }
        match progress {
            Some(progress) => {
                let raw = write(json, progress);
                self.set(json, PROGRESS_KEY, &raw)?;
                self.progress_seen = Some(raw);
            }
            None => {
                if self.progress_seen.is_some()
                    || self.backend.get(PROGRESS_KEY).ok().flatten().is_some()
                {
                    self.clear(json, PROGRESS_KEY)?;
                }
                self.progress_seen = None;
            }
        }
        Ok(())
    }

    /// The settings as stored now, for another tab's change.
    pub fn settings_now(&self, json: &impl Json) -> Option<Settings> {
        let raw = self.backend.get(crate::storage::SETTINGS_KEY).ok()??;
        match read_settings(json, Some(&raw)) {
            Loaded::Found { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn save_settings(
        &mut self,
        json: &impl Json,
        settings: &Settings,
    ) -> Result<(), StorageStatus> {
        if !self.writable() {
            return Ok(());
        }
        self.set(json, SETTINGS_KEY, &write(json, settings))
    }

    /// Removes every key this app wrote, quarantined values included.
    pub fn delete_everything(&mut self) -> Result<(), StorageStatus> {
        if self.status == StorageStatus::Unavailable {
            return Ok(());
        }
        let keys = self.backend.keys().map_err(|error| self.refused(error))?;
        let mut result = Ok(());
        for key in keys.iter().filter(|k| k.starts_with(KEY_PREFIX)) {
            if let Err(status) = self.remove(key) {
                result = Err(status);
            }
        }
        self.progress_seen = None;
        if result.is_ok() {
            // Space was freed and any newer data is gone: writes may work again.
            self.probe();
        }
        result
    }

    /// The backend, for tests.
    pub fn backend(&self) -> &S {
        &self.backend
    }
}
