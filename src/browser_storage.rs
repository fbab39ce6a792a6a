//! A thin adapter over `window.localStorage` that never panics. When storage
//! is missing or blocked (disabled, a sandboxed or third-party iframe, or
//! `localStorage` throwing on access) it keeps values in memory instead, so
//! the app works the same for the length of the visit.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused the write because storage is full.
    QuotaExceeded,
    /// Any other refusal (blocked after opening, a browser bug).
    Refused,
}

enum Backend {
    Local(web_sys::Storage),
    Memory(RefCell<BTreeMap<String, String>>),
}

pub struct BrowserStorage {
    backend: Backend,
}

impl BrowserStorage {
    /// The page's `localStorage`, or memory when it cannot be had.
    pub fn open() -> Self {
        let local = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        match local {
            Some(storage) => Self {
                backend: Backend::Local(storage),
            },
            None => Self::memory(),
        }
    }

    pub fn memory() -> Self {
        Self {
            backend: Backend::Memory(RefCell::default()),
        }
    }

    /// False when values last only as long as the page.
    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// `Err` only when the browser refuses to read (storage blocked after opening).
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match &self.backend {
            Backend::Local(storage) => storage.get_item(key).map_err(|_| StorageError::Refused),
            Backend::Memory(map) => Ok(map.borrow().get(key).cloned()),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Local(storage) => storage
                .set_item(key, value)
                .map_err(|error| classify(&error)),
            Backend::Memory(map) => {
                map.borrow_mut().insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Local(storage) => storage.remove_item(key).map_err(|_| StorageError::Refused),
            Backend::Memory(map) => {
                map.borrow_mut().remove(key);
                Ok(())
            }
        }
    }

    /// Every key that starts with `prefix`.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        match &self.backend {
            Backend::Local(storage) => {
                let count = storage.length().unwrap_or(0);
                (0..count)
                    .filter_map(|index| storage.key(index).ok().flatten())
                    .filter(|key| key.starts_with(prefix))
                    .collect()
            }
            Backend::Memory(map) => map
                .borrow()
                .keys()
                .filter(|k| k.starts_with(prefix))
                .cloned()
                .collect(),
        }
    }
}

fn classify(error: &JsValue) -> StorageError {
    let quota = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| {
            // Firefox used its own name and code for years.
            exception.name() == "QuotaExceededError"
                || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || exception.code() == 22
        });
    if quota {
        StorageError::QuotaExceeded
    } else {
        StorageError::Refused
    }
}
