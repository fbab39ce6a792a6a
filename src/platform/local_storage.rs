//! The core's [`KeyValueStore`] over `window.localStorage`. Getting the
//! store itself can throw (disabled, a sandboxed or third-party frame); so
//! can every call. Nothing here panics: each failure becomes a [`StoreError`].

use quiz_core::store::{KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStorage {
    storage: Option<web_sys::Storage>,
}

impl LocalStorage {
    /// The page's `localStorage`, or a store that reports itself unavailable.
    pub fn open() -> Self {
        Self {
            storage: web_sys::window().and_then(|window| window.local_storage().ok().flatten()),
        }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }
}

impl KeyValueStore for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        // After a crash, half-done work is never written over what is kept.
        if crate::crash::happened() {
            return Err(StoreError::Refused);
        }
        self.storage()?
            .set_item(key, value)
            .map_err(|error| classify(&error))
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if crate::crash::happened() {
            return Err(StoreError::Refused);
        }
        self.storage()?
            .remove_item(key)
            .map_err(|_| StoreError::Refused)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let count = storage.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..count)
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect())
    }
}

fn classify(error: &JsValue) -> StoreError {
    let quota = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| {
            // Firefox used its own name and code for years.
            exception.name() == "QuotaExceededError"
                || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || exception.code() == 22
        });
    if quota {
        StoreError::QuotaExceeded
    } else {
        StoreError::Refused
    }
}
