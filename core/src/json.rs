//! JSON, through a library: the core describes its stored and exported data
//! with serde's derives, and the shell supplies the parser and printer. In the
//! browser that is the platform's own `JSON.parse` and `JSON.stringify`
//! (`src/platform/json.rs`, through `serde-wasm-bindgen`); on the host it is
//! `serde_json` ([`SerdeJson`], feature `host-json`). Nothing here reads or
//! writes JSON text by hand.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Deepest nesting of arrays and objects accepted in stored data and import
/// files. What this app writes nests 6 deep; a deeper value is refused
/// before it is parsed, so no parser or error message ever recurses far.
pub const MAX_DEPTH: usize = 32;

/// True when `text` nests arrays and objects at most `max` deep. A bound
/// checked before parsing, not a parser: it only counts brackets outside
/// strings, in one pass.
pub fn nesting_within(text: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        assert!(nesting_within("{}", 1));
        assert!(nesting_within("[[1],{\"a\":[2]}]", 3));
        assert!(!nesting_within("[[[]]]", 2));
        assert!(
            nesting_within("[\"[[[[[[\"]", 1),
            "brackets in a string do not count"
        );
        assert!(
            nesting_within("[\"\\\"[[[[\"]", 1),
            "nor after an escaped quote"
        );
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(!nesting_within(&deep, MAX_DEPTH));
        let at = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(nesting_within(&at, MAX_DEPTH));
    }
}
