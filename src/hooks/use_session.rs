//! Runs the visit: the core's [`Session`] in the page, with its effects
//! performed by the platform adapters and their outcomes fed back as events.
//! The one place where the shell meets the core's state machine.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use quiz_core::session::{Context, Effect, EmbedConfig, Event, Field, Model, Session};
use quiz_core::storage::KEY_PREFIX;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::content::{self, QuizRef};
use crate::platform::after_paint::{self, Deferred};
use crate::platform::embed_frame::Embed;
use crate::platform::history::{self, AddressBar};
use crate::platform::json::BrowserJson;
use crate::platform::local_storage::LocalStorage;
use crate::platform::prerendered;
use crate::platform::text::IntlGraphemes;
use crate::platform::{clipboard, dates, files, now, service_worker};

type Core = Session<LocalStorage, BrowserJson>;

/// The `id` of the element showing each copyable field.
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::ShareLink => "share-link",
        Field::CompareLink => "compare-link",
        Field::EmbedCode => "embed-code",
    }
}

/// The `id` of the import page's file input, read when the core asks.
pub const IMPORT_INPUT_ID: &str = "import-file";

struct Runner {
    core: RefCell<Core>,
    embed: Option<Rc<Embed>>,
    deferred: Deferred,
    address: AddressBar,
    rerender: RefCell<Option<UseForceUpdateHandle>>,
    /// What starting asked for, performed once the page is mounted.
    initial: RefCell<Vec<Effect>>,
}

impl Runner {
    fn start(quiz: QuizRef, wanted: String, embed: Option<Rc<Embed>>) -> Runner {
        let context = Context {
            app_base: app_base(),
            languages: content::languages(),
            wanted_language: Some(wanted),
            embed: embed.as_ref().map(|e| EmbedConfig {
                skip_landing: !e.options.start_screen,
                share_base: e.options.share_base.clone(),
                theme: e.options.theme.into(),
            }),
            capabilities: clipboard::capabilities(),
        };
        let (core, initial) = Session::start(
            quiz.rc(),
            LocalStorage::open(),
            BrowserJson,
            Box::new(IntlGraphemes::new()),
            context,
            &history::address_hash(),
            now(),
        );
        // index.html's first script has applied the same theme already.
        crate::platform::apply_theme(core.model().theme);
        Runner {
            core: RefCell::new(core),
            embed,
            deferred: Deferred::new(),
            address: AddressBar::default(),
            rerender: RefCell::new(None),
            initial: RefCell::new(initial),
        }
    }

    fn update(self: &Rc<Self>, event: Event) {
        let (effects, changed) = {
            let mut core = self.core.borrow_mut();
            let before = core.model().clone();
            let effects = core.update(event, now());
            (effects, *core.model() != before)
        };
        if changed {
            // The theme is applied here rather than in an effect hook: a
            // hook costs the first download more than this line.
            let core = self.core.borrow();
            crate::platform::apply_theme(core.model().theme);
            // The switches show the state, also after a refused choice (a
            // language that could not be downloaded): an option's
            // `selected` attribute is ignored once the visitor has picked
            // one, so the value is set here, not by the render.
            crate::platform::show_choice("language-switch", &core.quiz().language);
            crate::platform::show_choice("theme-switch", core.model().theme.as_setting());
            drop(core);
            if let Some(rerender) = &*self.rerender.borrow() {
                rerender.force_update();
            }
        }
        for effect in effects {
            self.perform(effect);
        }
    }

    fn perform(self: &Rc<Self>, effect: Effect) {
        let me = self.clone();
        match effect {
            Effect::WriteAddress { hash, replace } => {
                self.address.write(&self.deferred, hash, replace)
            }
            Effect::FlushAfterPaint => self
                .deferred
                .after_next_paint(move || me.update(Event::Flush)),
            Effect::NotifyHost(event) => {
                if let Some(embed) = &self.embed {
                    embed.post(&event);
                }
            }
            Effect::Copy { field, text } => wasm_bindgen_futures::spawn_local(async move {
                let ok = clipboard::copy(&text).await;
                me.update(Event::CopyDone { field, ok });
            }),
            Effect::Share { field, title, url } => wasm_bindgen_futures::spawn_local(async move {
                let outcome = clipboard::share(&title, &url).await;
                me.update(Event::ShareDone { field, outcome });
            }),
            Effect::SelectField(field) => clipboard::select(field_id(field)),
            Effect::Download { stem, text } => {
                let name = format!("{stem}-{}.json", dates::local_iso_date());
                files::download(&name, &text, "application/json");
            }
            Effect::ReadChosenFile => wasm_bindgen_futures::spawn_local(async move {
                let text = files::read_chosen(IMPORT_INPUT_ID).await;
                me.update(Event::ImportRead(text));
            }),
            Effect::LoadLanguage { code } => wasm_bindgen_futures::spawn_local(async move {
                let event = match content::fetch(&code).await {
                    Ok(quiz) => Event::LanguageReady(quiz.rc()),
                    Err(_) => Event::LanguageFailed { code },
                };
                me.update(event);
            }),
            Effect::ApplyUpdate => service_worker::apply_update(),
            Effect::ExpireUndo { token, ms } => {
                Timeout::new(ms, move || me.update(Event::UndoExpired { token })).forget();
            }
        }
    }
}

/// The running visit, for the root component: the model to render and a
/// way to send events. Components get data and `on_*` callbacks from it,
/// never the handle itself.
#[derive(Clone)]
pub struct SessionHandle {
    runner: Rc<Runner>,
}

impl SessionHandle {
    /// The model as it is now; do not hold it across an event.
    pub fn model(&self) -> Ref<'_, Model> {
        Ref::map(self.runner.core.borrow(), |core| core.model())
    }

    /// The quiz in the language shown now (the language switch changes it).
    pub fn quiz(&self) -> QuizRef {
        QuizRef::from(self.runner.core.borrow().quiz().clone())
    }

    /// Sends an event to the core.
    pub fn send(&self, event: Event) {
        self.runner.update(event);
    }

    /// A callback that sends the event `make` builds from its input.
    pub fn on<T: 'static>(&self, make: impl Fn(T) -> Event + 'static) -> Callback<T> {
        let runner = self.runner.clone();
        Callback::from(move |input| runner.update(make(input)))
    }

    /// The share link of the attempt with `id` (for the results page).
    pub fn share_link(&self, attempt: &quiz_core::storage::Attempt) -> String {
        let offset = dates::offset_minutes_at(attempt.completed_at);
        self.runner.core.borrow().share_link(attempt, offset)
    }

    /// The share code of an attempt, dated in the visitor's zone.
    pub fn share_code(&self, attempt: &quiz_core::storage::Attempt) -> String {
        let offset = dates::offset_minutes_at(attempt.completed_at);
        quiz_core::session::share_code(&self.quiz(), attempt, offset, &IntlGraphemes::new())
    }

    /// The link to two results side by side.
    pub fn compare_link(&self, first: &str, second: &str) -> String {
        self.runner.core.borrow().compare_link(first, second)
    }

    /// This app's address without its fragment.
    pub fn app_base(&self) -> String {
        self.runner.core.borrow().context().app_base.clone()
    }

    /// Embedded without a start screen: the landing page only redirects.
    pub fn skips_landing(&self) -> bool {
        let core = self.runner.core.borrow();
        core.context()
            .embed
            .as_ref()
            .is_some_and(|e| e.skip_landing)
    }

    /// The system share sheet works here.
    pub fn can_share(&self) -> bool {
        self.runner.core.borrow().context().capabilities.share
    }
}

/// Starts the visit on first render; re-renders whenever the model changes.
#[hook]
pub fn use_session(quiz: QuizRef, wanted: String, embed: Option<Rc<Embed>>) -> SessionHandle {
    let rerender = use_force_update();
    let runner = use_memo((), move |_| Rc::new(Runner::start(quiz, wanted, embed)));
    let runner: Rc<Runner> = (*runner).clone();
    runner.rerender.borrow_mut().get_or_insert(rerender);
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            let initial = std::mem::take(&mut *runner.initial.borrow_mut());
            for effect in initial {
                runner.perform(effect);
            }
            // What the visitor chose on the prerendered page before the app
            // ran, as if chosen in the app's own switches.
            let [language, theme] = prerendered::take_switches();
            if let Some(code) = language {
                runner.update(Event::ChooseLanguage { code });
            }
            if let Some(theme) = theme
                .as_deref()
                .and_then(quiz_core::theme::Theme::from_setting)
            {
                runner.update(Event::ChooseTheme(theme));
            }
            let on_hash = runner.clone();
            let hash_listener = history::listen(move |hash| {
                on_hash.address.drop_unwritten();
                on_hash.update(Event::AddressChanged(hash));
            });
            let on_storage = runner.clone();
            let storage_listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    // `None`: another tab cleared the whole store.
                    let key = event.key();
                    if key.as_deref().is_none_or(|k| k.starts_with(KEY_PREFIX)) {
                        on_storage.update(Event::StorageChanged { key });
                    }
                })
            });
            // Offline use and repeat visits, after the first paint when
            // idle; not in a widget, whose host page's scope is not ours.
            if runner.embed.is_none() {
                let on_update = runner.clone();
                after_paint::when_idle(move || {
                    service_worker::register(move || on_update.update(Event::UpdateReady))
                });
            }
            move || drop((hash_listener, storage_listener))
        });
    }
    SessionHandle { runner }
}

/// This page's address without its fragment, so links work wherever the app is hosted.
pub fn app_base() -> String {
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{origin}{path}")
}
