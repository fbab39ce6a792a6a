//! Hooks, one per file, each returning a handle or plain data.

mod use_answer_keys;
mod use_focus_on;
mod use_route;
mod use_session;

pub use use_answer_keys::use_answer_keys;
pub use use_focus_on::{focus, focus_lost, use_focus_on};
pub use use_route::{use_navigator, use_route, Navigator, RouterContext};
pub use use_session::{app_base, field_id, use_session, SessionHandle, IMPORT_INPUT_ID};
