//! The alliance readiness quiz's functional core: the content model, its
//! validation, scoring, share codes, the storage rules, routes and the visit
//! itself as a state machine ([`session`]). Plain Rust with no browser
//! crates, so all of it is tested on the host with `cargo test`; the Yew app
//! is a thin shell that renders the model and performs the effects.

#[cfg(feature = "authoring")]
pub mod authoring;
pub mod calendar;
pub mod content;
pub mod content_codec;
pub mod embed;
pub mod framing;
pub mod gap;
pub mod json;
pub mod keys;
pub mod language;
pub mod route;
pub mod scoring;
pub mod session;
pub mod share;
pub mod storage;
pub mod store;
pub mod text;
pub mod theme;
pub mod validate;
pub mod wording;

pub use content::Quiz;
pub use scoring::{score, Answer, AnswerSheet, Report};
