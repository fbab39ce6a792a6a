//! The core's JSON bridge in the browser: the platform's own `JSON.parse`
//! and `JSON.stringify`, with `serde-wasm-bindgen` between JavaScript values
//! and the core's serde types. No JSON parser or number printer of our own
//! ships in the wasm.

use quiz_core::json::{Json, JsonError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserJson;

/// A value as a JavaScript value: maps as plain objects, as JSON has them.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Option<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

impl Json for BrowserJson {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, JsonError> {
        let value = js_sys::JSON::parse(text).map_err(|_| JsonError::Syntax)?;
        serde_wasm_bindgen::from_value(value).map_err(|error| JsonError::Shape(error.to_string()))
    }

    fn write<T: Serialize>(&self, value: &T) -> String {
        to_js(value)
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    fn write_pretty<T: Serialize>(&self, value: &T) -> String {
        to_js(value)
            .and_then(|v| {
                js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &2.into()).ok()
            })
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}
