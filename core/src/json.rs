//! JSON, through a library: the core describes its stored and exported data
//! with serde's derives, and the shell supplies the parser and printer. In the
//! browser that is the platform's own `JSON.parse` and `JSON.stringify`
//! (`src/platform/json.rs`, through `serde-wasm-bindgen`); on the host it is
//! `serde_json` ([`SerdeJson`], feature `host-json`). Nothing here reads or
//! writes JSON text by hand.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why text did not become the value asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text is not JSON at all.
    Syntax,
    /// Valid JSON, but not the shape asked for; the parser's own words.
    Shape(String),
}

/// A JSON parser and printer. Implementations must accept any text without
/// panicking; limits on the text's size are checked by the caller first.
pub trait Json {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, JsonError>;
    /// Compact, for storage.
    fn write<T: Serialize>(&self, value: &T) -> String;
    /// Indented by two spaces, for files a person may open.
    fn write_pretty<T: Serialize>(&self, value: &T) -> String;
}

/// `serde_json`, for host tests, benchmarks and tools.
#[cfg(feature = "host-json")]
#[derive(Clone, Copy, Debug, Default)]
pub struct SerdeJson;

#[cfg(feature = "host-json")]
impl Json for SerdeJson {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, JsonError> {
        // In two steps, as the browser's bridge works: is it JSON, then is it
        // this shape.
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| JsonError::Syntax)?;
        serde_json::from_value(value).map_err(|error| JsonError::Shape(error.to_string()))
    }

    fn write<T: Serialize>(&self, value: &T) -> String {
        // Serialising our own derived types to a string cannot fail (no maps
        // with non-string keys, no failing Serialize impls).
        serde_json::to_string(value).unwrap_or_default()
    }

    fn write_pretty<T: Serialize>(&self, value: &T) -> String {
        serde_json::to_string_pretty(value).unwrap_or_default()
    }
}
