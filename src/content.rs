//! The quiz content, validated at build time by `build.rs` and embedded as JSON.

use std::fmt;
use std::rc::Rc;

use quiz_core::Quiz;

/// `(language, JSON)` for every language under `content/`, default first.
const LANGUAGES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// No content was built for the requested language.
    UnknownLanguage(String),
    /// The embedded content did not parse. Only a broken build can cause this.
    Unreadable(String),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLanguage(language) => {
                write!(f, "The quiz is not available in “{language}”.")
            }
            Self::Unreadable(reason) => write!(f, "The quiz content could not be read ({reason})."),
        }
    }
}

/// The quiz in `language`, or in the default language when `None`.
pub fn load(language: Option<&str>) -> Result<Rc<Quiz>, ContentError> {
    let json = match language {
        Some(wanted) => LANGUAGES.iter().find(|(code, _)| *code == wanted),
        None => LANGUAGES.first(),
    }
    .map(|(_, json)| *json)
    .ok_or_else(|| ContentError::UnknownLanguage(language.unwrap_or_default().to_string()))?;
    serde_json::from_str(json)
        .map(Rc::new)
        .map_err(|e| ContentError::Unreadable(e.to_string()))
}
