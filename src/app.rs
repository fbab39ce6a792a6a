//! The root: loads the content, starts the visit and wires the session to
//! the page frame and the route's page. Decisions are the core's
//! (`quiz_core::session`); this file only connects things.

use std::rc::Rc;

use quiz_core::session::Event;
use quiz_core::store::KeyValueStore;
use yew::prelude::*;

use crate::components::{ContentErrorPanel, Layout};
use crate::content::{self, QuizRef};
use crate::hooks::{use_session, Navigator, RouterContext};
use crate::pages;
use crate::platform::after_paint;
use crate::platform::embed_frame::{Embed, HeightReporter};
use quiz_core::route::Route;

/// The language to show: the address's (`?lang=`, or the embed's
/// `data-language`), the visitor's saved setting, the browser's, or the
/// default (`quiz_core::language::negotiate`).
fn first_language(embed: Option<&Embed>) -> String {
    let query = embed.and_then(|e| e.options.language.clone()).or_else(|| {
        let search = web_sys::window()?.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get("lang")
    });
    let raw = crate::platform::local_storage::LocalStorage::open()
        .get(quiz_core::storage::SETTINGS_KEY)
        .ok()
        .flatten();
    let saved = raw.as_deref().map(|raw| {
        quiz_core::storage::read_settings(&crate::platform::json::BrowserJson, Some(raw))
    });
    let saved = match saved {
        Some(quiz_core::storage::Loaded::Found { value, .. }) => value.language,
        _ => None,
    };
    quiz_core::language::negotiate(
        query.as_deref(),
        saved.as_deref(),
        &crate::platform::browser_languages(),
        &content::languages(),
    )
}

#[function_component]
pub fn App() -> Html {
    let embed = use_memo((), |_| Embed::from_location());
    let wanted = {
        let embed = (*embed).clone();
        use_memo((), move |_| first_language(embed.as_deref()))
    };
    // The default language is in the wasm; another one is downloaded first,
    // and nothing is shown until it is there: never English, then Dutch.
    let quiz = {
        let wanted = wanted.clone();
        use_state(move || (!content::needs_fetch(&wanted)).then(|| content::load(Some(&wanted))))
    };
    {
        let (quiz, wanted) = (quiz.clone(), wanted.clone());
        use_effect_with((), move |_| {
            if quiz.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    // Offline or a new release: the default language, and a notice.
                    let loaded = match content::fetch(&wanted).await {
                        Ok(quiz) => Ok(quiz),
                        Err(_) => content::load(None),
                    };
                    quiz.set(Some(loaded));
                });
            }
        });
    }
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
        Some(Ok(quiz)) => {
            // A crash page from here on speaks the visitor's language.
            crate::crash::remember(quiz.rc());
            html! { <Visit quiz={quiz.clone()} wanted={(*wanted).clone()} embed={(*embed).clone()} /> }
        }
        Some(Err(error)) => html! { <ContentErrorPanel error={error.clone()} /> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct VisitProps {
    /// The quiz to start with.
    quiz: QuizRef,
    /// The language asked for; the quiz is in another when it could not be downloaded.
    wanted: String,
    /// Set when the app runs inside a host page's iframe.
    embed: Option<Rc<Embed>>,
}

/// One visit: the session, the router context, the frame and the page.
#[function_component]
fn Visit(props: &VisitProps) -> Html {
    let embedded = props.embed.is_some();
    let session = use_session(
        props.quiz.clone(),
        props.wanted.clone(),
        props.embed.clone(),
    );
    let quiz = session.quiz();
    crate::crash::test_panic("render");
    {
        // The language shown: the page's and its title's (the tab and
        // bookmarks), and a crash page's.
        let shown = quiz.rc();
        use_effect_with(quiz.language.clone(), move |language| {
            if let Some(document) = crate::platform::document() {
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", language);
                }
                document.set_title(&shown.ui.app_title);
            }
            crate::crash::remember(shown);
        });
    }
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
            <Layout {quiz} {notices} on_dismiss={session.on(Event::Dismiss)} {embedded}
                on_reload={session.on(|()| Event::ApplyUpdate)}
                theme={session.model().theme} on_theme={session.on(Event::ChooseTheme)}
                on_language={session.on(|code| Event::ChooseLanguage { code })}>
                { pages::page(&session) }
            </Layout>
        </ContextProvider<RouterContext>>
    }
}
