use yew::prelude::*;

use quiz_core::route::Route;
use quiz_core::session::Notice;

use crate::components::NoticeList;
use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub quiz: QuizRef,
    #[prop_or_default]
    pub notices: Vec<Notice>,
    #[prop_or_default]
    pub on_dismiss: Callback<Notice>,
    /// Inside a host page's iframe: the host has its own header and footer.
    #[prop_or_default]
    pub embedded: bool,
    pub children: Html,
}

/// The page frame: skip link, header, main region and footer (the last two
/// not when embedded).
#[function_component]
pub fn Layout(props: &LayoutProps) -> Html {
    let ui = &props.quiz.ui;
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ ui.skip_to_content.clone() }</a>
            if !props.embedded {
                <header class="site-header">
                    <div class="site-header-inner">
                        <a href={Route::Landing.to_hash()} class="site-title">{ ui.app_title.clone() }</a>
                        <nav aria-label={ui.nav_history.clone()}>
                            <a href={Route::History.to_hash()} class="site-nav-link">{ ui.nav_history.clone() }</a>
                        </nav>
                    </div>
                </header>
            }
            <NoticeList quiz={props.quiz.clone()} notices={props.notices.clone()} on_dismiss={props.on_dismiss.clone()} />
            <main id="main" tabindex="-1">
                { props.children.clone() }
            </main>
            if !props.embedded {
                <footer class="site-footer">
                    <p>{ ui.footer_privacy.clone() }</p>
                    <p><a href={Route::Embed.to_hash()}>{ ui.footer_embed.clone() }</a></p>
                </footer>
            }
        </>
    }
}

/// A plain `#main` link would be taken for a route by the hash router.
fn skip_to_main(event: MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
