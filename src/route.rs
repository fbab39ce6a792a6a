//! Hash routes, so the app works on any static host and inside an iframe
//! without server rewrites.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Landing,
    /// One-based question number, as the visitor sees it.
    #[at("/q/:number")]
    Question { number: usize },
    #[at("/review")]
    Review,
    /// The latest completed attempt.
    #[at("/results")]
    Results,
    #[at("/results/:id")]
    ResultsFor { id: String },
    #[at("/history")]
    History,
    /// A result shared as a link; the code carries the answers.
    #[at("/r/:code")]
    SharedResult { code: String },
    /// Two shared results side by side (partners of one alliance).
    #[at("/compare/:first/:second")]
    Compare { first: String, second: String },
    /// The snippet and a live preview for site owners.
    #[at("/embed")]
    Embed,
    #[not_found]
    #[at("/404")]
    NotFound,
}
