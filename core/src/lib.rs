//! The alliance readiness quiz's functional core: the content model, its
//! validation, and scoring. Plain Rust with no browser crates, so all of it is
//! tested on the host with `cargo test`; the Yew app is a thin shell around it.

#[cfg(feature = "authoring")]
pub mod authoring;
pub mod content;
pub mod content_codec;
pub mod embed;
pub mod gap;
pub mod json;
pub mod order;
pub mod scoring;
pub mod share;
pub mod storage;
pub mod text;
pub mod validate;

pub use content::Quiz;
pub use scoring::{score, Answer, AnswerSheet, Report};
