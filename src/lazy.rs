//! Parts of the app that are loaded on demand (code splitting).
//!
//! A part is a render function, `fn(&P) -> Html`, that the release build
//! moves into a wasm module of its own: `#[wasm_split(name, fallible)]`
//! (crate `wasm_split_helpers`) marks the one function that hands it out,
//! and the build's split step (`tools/wasm-split-step`, crate
//! `wasm_split_cli_support`) puts everything only that function reaches into
//! `split_<name>.wasm` (or a `chunk_*.wasm` that several parts share). The
//! first call of that function fetches and instantiates the module, linked
//! to the main module's memory, table and functions, so yew and std are not
//! compiled into a part a second time.
//!
//! [`lazy`] renders a part: a fallback while it loads (that says "Loading…"
//! only after 300 ms, and keeps the footer back so that nothing moves when the
//! part arrives, both by CSS), a message with "Try again" when the load failed
//! (the runtime caches only successful loads, so a retry fetches again) and
//! "Reload the quiz" (a new release may have replaced the part's file: the
//! reloaded page names the new one, and the route is in the address), and
//! from then on the part's view, synchronously, as any other component. Without the `split` feature (which
//! index.html turns on for trunk's builds) nothing is split: the browser
//! tests and host builds call the function directly.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::OnceLock;

use yew::prelude::*;

use crate::content::QuizRef;

pub use wasm_split_helpers::SplitLoaderError;

/// A part's view of its props.
pub type Render<P> = fn(&P) -> Html;
type Loading<P> = Pin<Box<dyn Future<Output = Result<Render<P>, SplitLoaderError>>>>;

/// A part loaded on demand; declare one with [`part!`](crate::part).
pub struct Part<P: 'static> {
    name: &'static str,
    load: fn() -> Loading<P>,
    loaded: OnceLock<Render<P>>,
}

impl<P: 'static> Part<P> {
    #[doc(hidden)]
    pub const fn new(name: &'static str, load: fn() -> Loading<P>) -> Self {
        Self {
            name,
            load,
            loaded: OnceLock::new(),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The view, once the part has been loaded.
    pub fn get(&self) -> Option<Render<P>> {
        self.loaded.get().copied()
    }

    /// Loads the part (once; a failed load is tried again on the next call).
    pub async fn load(&'static self) -> Result<Render<P>, SplitLoaderError> {
        if let Some(render) = self.get() {
            return Ok(render);
        }
        let render = (self.load)().await?;
        Ok(*self.loaded.get_or_init(|| render))
    }

    /// Starts loading the part without showing it (after idle, say).
    pub fn prefetch(&'static self) {
        if self.get().is_none() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = self.load().await;
            });
        }
    }
}

/// Declares a part: `part!(pub static RESULTS: Props = results => render_fn;);`
/// where `results` names the wasm module (`split_results.wasm`; parts that
/// name the same module share it) and `render_fn: fn(&Props) -> Html` is what
/// goes into it, with everything only it reaches.
#[macro_export]
macro_rules! part {
    ($vis:vis static $name:ident: $props:ty = $module:ident => $render:path;) => {
        $vis static $name: $crate::lazy::Part<$props> = {
            #[cfg(feature = "split")]
            #[::wasm_split_helpers::wasm_split($module, fallible)]
            fn $module() -> ::core::result::Result<
                $crate::lazy::Render<$props>,
                $crate::lazy::SplitLoaderError,
            > {
                ::core::result::Result::Ok($render)
            }
            // Without the split step (browser tests, `cargo test`): one module,
            // whose wasm must not import the split loader.
            #[cfg(not(feature = "split"))]
            async fn $module() -> ::core::result::Result<
                $crate::lazy::Render<$props>,
                $crate::lazy::SplitLoaderError,
            > {
                ::core::result::Result::Ok($render)
            }
            $crate::lazy::Part::new(::core::stringify!($name), || ::std::boxed::Box::pin($module()))
        };
    };
}

/// What [`Lazy`] needs of a part, whatever its props: one component for all
/// parts (a generic one was compiled once per part, 20 KB of wasm).
pub trait Loader {
    fn name(&self) -> &'static str;
    /// Loads the part; `false` when the fetch or the instantiation failed.
    fn start(&'static self) -> Pin<Box<dyn Future<Output = bool>>>;
}

impl<P: 'static> Loader for Part<P> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn start(&'static self) -> Pin<Box<dyn Future<Output = bool>>> {
        Box::pin(async move { self.load().await.is_ok() })
    }
}

/// `part` with `props`, and while it loads (or failed to) a fallback with
/// "Try again", in `quiz`'s language. `key` as on any element: a new key is
/// a new page.
pub fn lazy<P: 'static>(
    part: &'static Part<P>,
    props: P,
    key: Option<AttrValue>,
    quiz: QuizRef,
) -> Html {
    let loader: &'static dyn Loader = part;
    let view: Rc<dyn Fn() -> Option<Html>> =
        Rc::new(move || part.get().map(|render| render(&props)));
    // Keyed by part too: one `Lazy` after another in the same place must not
    // be taken for the same component (its status belongs to its part).
    let key = match key {
        Some(key) => format!("{}:{key}", part.name),
        None => part.name.to_string(),
    };
    html! { <Lazy {key} part={loader} {view} {quiz} /> }
}

#[derive(Properties, Clone)]
pub struct LazyProps {
    pub part: &'static dyn Loader,
    /// The part's view with its props, once the part is loaded.
    pub view: Rc<dyn Fn() -> Option<Html>>,
    /// For the fallback's texts.
    pub quiz: QuizRef,
}

impl PartialEq for LazyProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self.part, other.part)
            && Rc::ptr_eq(&self.view, &other.view)
            && self.quiz == other.quiz
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Loading,
    Failed,
}

/// Renders a part; loads it first when needed. Use [`lazy`].
#[function_component]
pub fn Lazy(props: &LazyProps) -> Html {
    let part = props.part;
    let status = use_state_eq(|| Status::Loading);
    // Bumped by "Try again": the effect below runs once per attempt.
    let attempt = use_state_eq(|| 0u32);
    let rerender = use_force_update();
    let view = (props.view)();
    let loaded = view.is_some();
    {
        let status = status.clone();
        use_effect_with(*attempt, move |_| {
            if !loaded {
                status.set(Status::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    if part.start().await {
                        rerender.force_update();
                    } else {
                        status.set(Status::Failed);
                    }
                });
            }
        });
    }
    if let Some(view) = view {
        return view;
    }
    let ui = &props.quiz.ui;
    match *status {
        Status::Loading => html! {
            <section class="page lazy-loading" aria-busy="true" data-part={part.name()}>
                <p>{ ui.part_loading.clone() }</p>
            </section>
        },
        Status::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            let reload = Callback::from(|_: MouseEvent| crate::platform::history::reload());
            html! {
                <section class="page lazy-failed" role="alert" data-part={part.name()}>
                    <p>{ ui.part_failed.clone() }</p>
                    <p>{ ui.part_failed_hint.clone() }</p>
                    <div class="button-row">
                        <button class="button button-primary" type="button" onclick={retry}>
                            { ui.part_try_again.clone() }
                        </button>
                        <button class="button" type="button" onclick={reload}>{ ui.part_reload.clone() }</button>
                    </div>
                </section>
            }
        }
    }
}
