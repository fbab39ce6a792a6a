use yew::prelude::*;

use quiz_core::route::Route;
use quiz_core::session::Notice;
use quiz_core::theme::Theme;

use crate::components::NoticeList;
use crate::content::QuizRef;
use crate::content::LANGUAGES;

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
    /// A language chosen in the switch.
    #[prop_or_default]
    pub on_language: Callback<String>,
    /// The theme shown, and one chosen in the switch.
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub on_theme: Callback<Theme>,
    /// "Reload" on the notice of a new release.
    #[prop_or_default]
    pub on_reload: Callback<()>,
    pub children: Html,
}

/// The page frame: skip link, header, main region and footer (the last two
/// not when embedded).
#[function_component]
pub fn Layout(props: &LayoutProps) -> Html {
    let ui = &props.quiz.ui;
    let language_switch =
        language_switch(&props.quiz.language, &ui.language_label, &props.on_language);
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
                        <div class="site-switches">
                            { theme_switch(props.theme, ui, &props.on_theme) }
                            { language_switch.clone() }
                        </div>
                    </div>
                </header>
            }
            <NoticeList quiz={props.quiz.clone()} notices={props.notices.clone()} on_dismiss={props.on_dismiss.clone()} on_reload={props.on_reload.clone()} />
            <main id="main" tabindex="-1">
                { props.children.clone() }
                if props.embedded {
                    <div class="embed-language">{ language_switch }</div>
                }
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

/// The languages the quiz ships, each named in its own language; choosing one
/// shows the quiz in it at once, keeping the answers and the place.
fn language_switch(current: &str, label: &str, on_choose: &Callback<String>) -> Html {
    let options: Vec<_> = LANGUAGES
        .iter()
        .map(|l| (l.code, l.name, Some(l.code), l.code == current))
        .collect();
    switch("language-switch", label, &options, on_choose.clone())
}

/// System, light or dark ([`Theme`]); the choice is kept in settings.
fn theme_switch(
    current: Theme,
    ui: &quiz_core::content::UiText,
    on_choose: &Callback<Theme>,
) -> Html {
    let options = [
        (Theme::System, &ui.theme_system),
        (Theme::Light, &ui.theme_light),
        (Theme::Dark, &ui.theme_dark),
    ]
    .map(|(theme, text)| (theme.as_setting(), text.as_str(), None, theme == current));
    let on_choose =
        on_choose.reform(|value: String| Theme::from_setting(&value).unwrap_or_default());
    switch("theme-switch", &ui.theme_label, &options, on_choose)
}

/// A labelled `<select>` in the header: `id` is also its test id, each
/// option is (value, text, its `lang`, selected). A plain function, not a
/// component: it has no state, and a component of its own costs the first
/// download several kilobytes of Yew's per-component code. Options come as
/// a slice, so it is compiled once for both switches.
fn switch(
    id: &'static str,
    label: &str,
    options: &[(&'static str, &str, Option<&'static str>, bool)],
    on_choose: Callback<String>,
) -> Html {
    let on_change = on_choose.reform(|event: Event| {
        event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|select| select.value())
            .unwrap_or_default()
    });
    html! {
        <div class={id}>
            <label for={id} class="visually-hidden">{ label.to_string() }</label>
            <select {id} onchange={on_change} data-testid={id}>
                { for options.iter().map(|&(value, text, lang, selected)| html! {
                    <option {value} {lang} {selected}>{ text.to_string() }</option>
                }) }
            </select>
        </div>
    }
}
