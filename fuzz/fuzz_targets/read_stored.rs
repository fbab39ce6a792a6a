//! Stored values and import files of any content: reading must never panic,
//! and whatever is accepted writes back to something that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quiz_core::json::SerdeJson;
use quiz_core::storage::{
    export, parse_import, read_attempts, read_progress, read_settings, write, Loaded,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let json = SerdeJson;
    if let Loaded::Found { value, .. } = read_attempts(&json, Some(text)) {
        let again = read_attempts(&json, Some(&write(&json, &value)));
        assert!(matches!(again, Loaded::Found { value: v, .. } if v == value));
    }
    let _ = read_progress(&json, Some(text));
    let _ = read_settings(&json, Some(text));
    if let Ok(attempts) = parse_import(&json, text) {
        assert_eq!(parse_import(&json, &export(&json, &attempts, 0.0)), Ok(attempts));
    }
});
