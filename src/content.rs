//! The quiz content, validated at build time by `build.rs` and embedded in the
//! compact form of `quiz_core::content_codec`.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use quiz_core::{content_codec, Quiz};

/// `(language, encoded quiz)` for every language under `content/`, default first.
const LANGUAGES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// No content was built for the requested language.
    UnknownLanguage(String),
    /// The embedded content did not decode. Only a broken build can cause this.
    Unreadable,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLanguage(language) => {
                write!(f, "The quiz is not available in “{language}”.")
            }
            Self::Unreadable => f.write_str("The quiz content could not be read."),
        }
    }
}

/// The loaded quiz, shared by every component. Props compare it by identity:
/// a visit has one quiz, so comparing its texts on every render (and shipping
/// the code that would) buys nothing.
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

/// The quiz in `language`, or in the default language when `None`.
pub fn load(language: Option<&str>) -> Result<QuizRef, ContentError> {
    match language {
        Some(wanted) => LANGUAGES.iter().find(|(code, _)| *code == wanted),
        None => LANGUAGES.first(),
    }
    .ok_or_else(|| ContentError::UnknownLanguage(language.unwrap_or_default().to_string()))
    .and_then(|(_, bytes)| content_codec::decode(bytes).ok_or(ContentError::Unreadable))
    .map(QuizRef::new)
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
}
