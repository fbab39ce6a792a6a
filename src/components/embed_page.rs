use std::rc::Rc;

use gloo::events::EventListener;
use quiz_core::embed::{
    frame_src, parse_accent, parse_preview_height, parse_share_base, snippet, Incoming,
    SnippetOptions, Theme, MAX_INCOMING_STRING, PREVIEW_ID,
};
use quiz_core::language::Language;
use quiz_core::session::CopyOutcome;
use quiz_core::text::fill;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::use_focus_on;

/// The loader's height before the frame reports its own, as in embed/embed.js.
const INITIAL_HEIGHT: u32 = 640;

/// One field's change, applied to the latest options (two quick changes
/// before a render must not undo each other).
struct Change {
    apply: fn(&mut SnippetOptions, String, bool),
    value: String,
    checked: bool,
}

#[derive(PartialEq)]
struct Chosen(SnippetOptions);

impl Reducible for Chosen {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = self.0.clone();
        (change.apply)(&mut next, change.value, change.checked);
        Rc::new(Chosen(next))
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedPageProps {
    pub quiz: QuizRef,
    /// This app's address without its fragment.
    pub app_base: AttrValue,
    /// What happened at the last copy of the code.
    pub copy_status: Option<CopyOutcome>,
    /// Copies the snippet's text.
    pub on_copy: Callback<String>,
    /// The languages the app was built with, for the language option.
    pub languages: Rc<Vec<Language>>,
}

/// "Embed this quiz": options, the snippet to paste with a copy button, and
/// a live preview of the quiz as a host page would show it.
#[function_component]
pub fn EmbedPage(props: &EmbedPageProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let chosen_state = use_reducer(|| {
        Chosen(SnippetOptions {
            // Each visitor's own language unless the site owner picks one.
            language: None,
            start_screen: true,
            ..SnippetOptions::default()
        })
    });
    let options = &chosen_state.0;
    // The text fields are left uncontrolled: a re-render while the site owner
    // types (the preview reloading, another tab's storage) must not reset them.
    let preview_height = use_state(|| INITIAL_HEIGHT);
    let app_base = props.app_base.to_string();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    // The loader sits next to index.html in dist/.
    let loader_url = match app_base.rfind('/') {
        Some(slash) => format!("{}embed.js", &app_base[..=slash]),
        None => "embed.js".to_string(),
    };
    let mut chosen = options.clone();
    // The loader's default title need not be spelled out in the snippet.
    if chosen.title.trim() == ui.embed_default_title {
        chosen.title.clear();
    }
    let code = snippet(&loader_url, &chosen);
    let preview_src = frame_src(&app_base, PREVIEW_ID, &origin, &chosen);
    // What the loader's frame allows (embed/embed.js). Not its sandbox: the
    // preview is this origin's own page, which a sandbox that allows scripts
    // and the same origin cannot hold in (Chromium warns about exactly that).
    let allow = if crate::platform::clipboard::knows_feature("web-share") {
        "clipboard-write; web-share"
    } else {
        "clipboard-write"
    };

    // The preview frame reports its height like any embed; only that, only
    // from this origin and only for the preview's id is acted on.
    {
        let preview_height = preview_height.clone();
        let origin = origin.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    // The origin first: another window's messages are not read at all.
                    if event.origin() != origin {
                        return;
                    }
                    if let Ok(height) = parse_preview_height(
                        &incoming(&event.data()),
                        &event.origin(),
                        &origin,
                        PREVIEW_ID,
                    ) {
                        preview_height.set(height);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let update = |apply: fn(&mut SnippetOptions, String, bool)| {
        let chosen_state = chosen_state.clone();
        Callback::from(move |event: Event| {
            let (value, checked) = if let Some(input) = event.target_dyn_into::<HtmlInputElement>()
            {
                (input.value(), input.checked())
            } else if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                (select.value(), false)
            } else {
                return;
            };
            chosen_state.dispatch(Change {
                apply,
                value,
                checked,
            });
        })
    };
    let on_language = update(|o, value, _| o.language = (!value.is_empty()).then_some(value));
    let on_theme = update(|o, value, _| o.theme = Theme::parse(&value).unwrap_or_default());
    let on_accent = update(|o, value, _| o.accent = value);
    let on_compact = update(|o, _, checked| o.compact = checked);
    let on_start_screen = update(|o, _, checked| o.start_screen = checked);
    let on_share_base = update(|o, value, _| o.share_base = value);
    let on_title = update(|o, value, _| o.title = value);

    let on_copy = {
        let (on_copy, code) = (props.on_copy.clone(), code.clone());
        Callback::from(move |_: MouseEvent| on_copy.emit(code.clone()))
    };
    let copy_status = match props.copy_status {
        Some(CopyOutcome::Copied) => ui.embed_copied.clone(),
        Some(_) => ui.embed_copy_failed.clone(),
        None => String::new(),
    };

    let accent_invalid =
        !options.accent.trim().is_empty() && parse_accent(options.accent.trim()).is_none();
    let share_invalid = !options.share_base.trim().is_empty()
        && parse_share_base(options.share_base.trim()).is_none();
    let theme_option = |theme: Theme, label: &str| {
        html! { <option value={theme.as_str()} selected={options.theme == theme}>{ label.to_string() }</option> }
    };
    html! {
        <section class="page embed-page">
            <h1 ref={heading} tabindex="-1">{ ui.embed_heading.clone() }</h1>
            <p class="lead">{ ui.embed_intro.clone() }</p>
            <h2>{ ui.embed_options_heading.clone() }</h2>
            <div class="embed-options">
                <div class="embed-field">
                    <label for="embed-language">{ ui.embed_language.clone() }</label>
                    <select id="embed-language" onchange={on_language}>
                        <option value="" selected={options.language.is_none()}>{ ui.embed_language_visitor.clone() }</option>
                        { for props.languages.iter().map(|language| html! {
                            <option value={language.code.clone()} lang={language.code.clone()}
                                selected={options.language.as_deref() == Some(language.code.as_str())}>
                                { language.name.clone() }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="embed-field">
                    <label for="embed-theme">{ ui.embed_theme.clone() }</label>
                    <select id="embed-theme" onchange={on_theme}>
                        { theme_option(Theme::Light, &ui.embed_theme_light) }
                        { theme_option(Theme::Dark, &ui.embed_theme_dark) }
                        { theme_option(Theme::Auto, &ui.embed_theme_auto) }
                    </select>
                </div>
                <div class="embed-field">
                    <label for="embed-accent">{ ui.embed_accent.clone() }</label>
                    <input id="embed-accent" type="text" onchange={on_accent}
                        aria-describedby="embed-accent-hint" aria-invalid={accent_invalid.to_string()} />
                    <p id="embed-accent-hint" class="field-hint">
                        { if accent_invalid { ui.embed_accent_invalid.clone() } else { ui.embed_accent_hint.clone() } }
                    </p>
                </div>
                <div class="embed-field">
                    <label for="embed-share-base">{ ui.embed_share_base.clone() }</label>
                    <input id="embed-share-base" type="text" onchange={on_share_base}
                        aria-describedby="embed-share-base-hint" aria-invalid={share_invalid.to_string()} />
                    <p id="embed-share-base-hint" class="field-hint">
                        { if share_invalid { ui.embed_share_base_invalid.clone() } else { ui.embed_share_base_hint.clone() } }
                    </p>
                </div>
                <div class="embed-field">
                    <label for="embed-title">{ ui.embed_frame_title.clone() }</label>
                    <input id="embed-title" type="text" onchange={on_title} aria-describedby="embed-title-hint" />
                    <p id="embed-title-hint" class="field-hint">{ fill(&ui.embed_frame_title_hint, &[("title", &ui.embed_default_title)]) }</p>
                </div>
                <div class="embed-check">
                    <input id="embed-compact" type="checkbox" checked={options.compact} onchange={on_compact} />
                    <label for="embed-compact">{ ui.embed_compact.clone() }</label>
                </div>
                <div class="embed-check">
                    <input id="embed-start-screen" type="checkbox" checked={options.start_screen} onchange={on_start_screen} />
                    <label for="embed-start-screen">{ ui.embed_start_screen.clone() }</label>
                </div>
            </div>
            <h2>{ ui.embed_code_heading.clone() }</h2>
            <label for="embed-code">{ ui.embed_code_label.clone() }</label>
            <textarea id="embed-code" class="embed-code" readonly=true rows="4" value={code} data-testid="embed-code" />
            <div class="button-row">
                <button type="button" class="button button-primary" onclick={on_copy}>{ ui.embed_copy.clone() }</button>
            </div>
            <p class="field-status" role="status" data-testid="embed-status">{ copy_status }</p>
            <p class="field-hint">{ ui.embed_docs.clone() }</p>
            <h2>{ ui.embed_preview_heading.clone() }</h2>
            // Sized by a stylesheet rule and the frame's `height` attribute,
            // not `style` attributes, which the content security policy
            // refuses (docs/deployment.md).
            <div class="embed-preview">
                <iframe key={preview_src.clone()} src={preview_src} title={ui.embed_preview_title.clone()}
                    loading="lazy" allow={allow}
                    height={preview_height.to_string()} data-testid="embed-preview" />
            </div>
        </section>
    }
}

/// The members of a message the preview listener looks at, read one by one
/// and bounded, never by serialising the whole payload.
fn incoming(data: &JsValue) -> Incoming {
    let member = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
    let text = |name: &str| {
        member(name)
            .and_then(|v| v.as_string())
            .filter(|s| s.len() <= MAX_INCOMING_STRING)
    };
    let number = |name: &str| member(name).and_then(|v| v.as_f64());
    if !data.is_object() {
        return Incoming::default();
    }
    Incoming {
        kind: text("type"),
        version: number("version"),
        id: text("id"),
        height: number("height"),
    }
}
