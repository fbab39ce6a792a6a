//! The quiz content, validated at build time by `build.rs` in the compact
//! form of `quiz_core::content_codec`: the default language embedded in the
//! wasm, every other language a file the app fetches when it is chosen.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use quiz_core::language::Language;
use quiz_core::{content_codec, Quiz};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where a language's quiz comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// In the wasm: the default language.
    Embedded(&'static [u8]),
    /// A file next to index.html (`content-<code>-<fingerprint>.bin`).
    Fetched(&'static str),
}

/// A language the build shipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shipped {
    pub code: &'static str,
    pub name: &'static str,
    pub locale: &'static str,
    pub source: Source,
}

/// Every language under `content/`, the default first (`build.rs`).
pub const LANGUAGES: &[Shipped] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The most bytes a fetched language file may have: the shipped ones are
/// under 60 KB; anything far larger is not one of ours.
const MAX_CONTENT_BYTES: u32 = 1024 * 1024;

/// The languages, as the core describes them.
pub fn languages() -> Vec<Language> {
    LANGUAGES
        .iter()
        .map(|l| Language {
            code: l.code.into(),
            name: l.name.into(),
            locale: l.locale.into(),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// No content was built for the requested language.
    UnknownLanguage(String),
    /// The content did not decode: a broken build or a damaged download.
    Unreadable,
    /// The language's file could not be fetched (offline, a new release).
    Unavailable,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLanguage(language) => {
                write!(f, "The quiz is not available in “{language}”.")
            }
            Self::Unreadable => f.write_str("The quiz content could not be read."),
            Self::Unavailable => f.write_str("The quiz content could not be downloaded."),
        }
    }
}

/// The loaded quiz, shared by every component. Props compare it by identity:
/// a language has one quiz, so comparing its texts on every render (and
/// shipping the code that would) buys nothing.
#[derive(Clone)]
pub struct QuizRef(Rc<Quiz>);

impl QuizRef {
    pub fn new(quiz: Quiz) -> Self {
        Self(Rc::new(quiz))
    }

    /// The shared quiz itself, for the core's session.
    pub fn rc(&self) -> Rc<Quiz> {
        self.0.clone()
    }
}

impl From<Rc<Quiz>> for QuizRef {
    fn from(quiz: Rc<Quiz>) -> Self {
        Self(quiz)
    }
}

impl Deref for QuizRef {
    type Target = Quiz;

    fn deref(&self) -> &Quiz {
        &self.0
    }
}

impl PartialEq for QuizRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn shipped(language: Option<&str>) -> Result<&'static Shipped, ContentError> {
    match language {
        Some(wanted) => LANGUAGES.iter().find(|l| l.code == wanted),
        None => LANGUAGES.first(),
    }
    .ok_or_else(|| ContentError::UnknownLanguage(language.unwrap_or_default().to_string()))
}

fn decode(bytes: &[u8]) -> Result<QuizRef, ContentError> {
    content_codec::decode(bytes)
        .ok_or(ContentError::Unreadable)
        .map(QuizRef::new)
}

/// The quiz in `language` if it is embedded, or in the default language for
/// `None`. A language that must be fetched is [`ContentError::Unavailable`]
/// here: use [`fetch`].
pub fn load(language: Option<&str>) -> Result<QuizRef, ContentError> {
    match shipped(language)?.source {
        Source::Embedded(bytes) => decode(bytes),
        Source::Fetched(_) => Err(ContentError::Unavailable),
    }
}

/// True when `language` must be downloaded before it can be shown.
pub fn needs_fetch(language: &str) -> bool {
    shipped(Some(language)).is_ok_and(|l| matches!(l.source, Source::Fetched(_)))
}

/// The quiz in `language`, downloading it when it is not embedded.
pub async fn fetch(language: &str) -> Result<QuizRef, ContentError> {
    let path = match shipped(Some(language))?.source {
        Source::Embedded(bytes) => return decode(bytes),
        Source::Fetched(path) => path,
    };
    let window = web_sys::window().ok_or(ContentError::Unavailable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or(ContentError::Unavailable)?;
    if !response.ok() {
        return Err(ContentError::Unavailable);
    }
    let length = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<u64>().ok());
    if length.is_some_and(|l| l > u64::from(MAX_CONTENT_BYTES)) {
        return Err(ContentError::Unreadable);
    }
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| ContentError::Unavailable)?,
    )
    .await
    .map_err(|_| ContentError::Unavailable)?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if bytes.length() > MAX_CONTENT_BYTES {
        return Err(ContentError::Unreadable);
    }
    decode(&bytes.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_refs_are_equal_only_when_they_share_one_quiz() {
        let first = load(None).expect("the built content loads");
        let second = load(None).expect("the built content loads");
        assert!(first == first.clone());
        // Same texts, another load: props must still see a different quiz.
        assert!(first != second);
        assert_eq!(*first, *second);
    }

    #[test]
    fn an_unknown_language_is_an_error_to_render() {
        assert!(matches!(
            load(Some("xx")),
            Err(ContentError::UnknownLanguage(language)) if language == "xx"
        ));
    }

    #[test]
    fn every_language_but_the_default_is_fetched() {
        assert!(matches!(LANGUAGES[0].source, Source::Embedded(_)));
        assert!(LANGUAGES[1..]
            .iter()
            .all(|l| matches!(l.source, Source::Fetched(path) if path.starts_with("content-"))));
        assert!(needs_fetch("nl"));
        assert!(!needs_fetch("en"));
    }
}
