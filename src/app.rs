//! The root: loads the content, starts the visit and wires the session to
//! the page frame and the route's page. Decisions are the core's
//! (`quiz_core::session`); this file only connects things.

use std::rc::Rc;

use quiz_core::session::Event;
use yew::prelude::*;

use crate::components::{ContentErrorPanel, Layout};
use crate::content::{self, ContentError, QuizRef};
use crate::hooks::{use_session, Navigator, RouterContext};
use crate::pages;
use crate::platform::after_paint;
use crate::platform::embed_frame::{Embed, HeightReporter};
use quiz_core::route::Route;

#[function_component]
pub fn App() -> Html {
    let embed = use_memo((), |_| Embed::from_location());
    let quiz = {
        let language = embed
            .as_ref()
            .as_ref()
            .and_then(|e| e.options.language.clone());
        use_memo((), move |_| match content::load(language.as_deref()) {
            // A site owner's unknown language must not leave visitors with an error.
            Err(ContentError::UnknownLanguage(_)) => content::load(None),
            loaded => loaded,
        })
    };
    {
        let embed = (*embed).clone();
        use_effect_with((), move |_| {
            let reporter = embed.map(|embed| {
                embed.style_document();
                HeightReporter::start(embed)
            });
            move || drop(reporter)
        });
    }
    match &*quiz {
        Ok(quiz) => html! { <Visit quiz={quiz.clone()} embed={(*embed).clone()} /> },
        Err(error) => html! { <ContentErrorPanel error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct VisitProps {
    quiz: QuizRef,
    /// Set when the app runs inside a host page's iframe.
    embed: Option<Rc<Embed>>,
}

/// One visit: the session, the router context, the frame and the page.
#[function_component]
fn Visit(props: &VisitProps) -> Html {
    let embedded = props.embed.is_some();
    let session = use_session(props.quiz.clone(), props.embed.clone());
    let router = RouterContext {
        route: session.model().route.clone(),
        navigator: Navigator::new(session.on(Event::Navigate)),
    };
    let notices = session.model().notices();
    // Code splitting: the results part is fetched while the visitor answers
    // (after the question is painted and the browser is idle), so finishing
    // does not wait for it; a failed prefetch is tried again on the way.
    let answering = matches!(
        session.model().route,
        Route::Question { .. } | Route::Review
    );
    use_effect_with(answering, |answering| {
        if *answering && crate::parts::RESULTS.get().is_none() {
            after_paint::when_idle(|| crate::parts::RESULTS.prefetch());
        }
    });
    html! {
        <ContextProvider<RouterContext> context={router}>
            <Layout quiz={props.quiz.clone()} {notices} on_dismiss={session.on(Event::Dismiss)} {embedded}>
                { pages::page(&session) }
            </Layout>
        </ContextProvider<RouterContext>>
    }
}
