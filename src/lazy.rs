//! Parts of the app that are loaded on demand (code splitting, prototype).
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
//! [`Lazy`] renders a part: a fallback while it loads, a message with a
//! retry button when the load failed (the runtime caches only successful
//! loads, so a retry fetches again), and from then on the part's view,
//! synchronously, as any other component. Host builds (tests, clippy) call
//! the function directly.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use yew::prelude::*;

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

/// Declares a part: `part!(pub static RESULTS: Props = results => render_fn);`
/// where `results` names the wasm module and `render_fn: fn(&Props) -> Html`
/// is what goes into it (with everything only it reaches).
#[macro_export]
macro_rules! part {
    ($vis:vis static $name:ident: $props:ty = $module:ident => $render:path;) => {
        $vis static $name: $crate::lazy::Part<$props> = {
            #[::wasm_split_helpers::wasm_split($module, fallible)]
            fn $module() -> ::core::result::Result<
                $crate::lazy::Render<$props>,
                $crate::lazy::SplitLoaderError,
            > {
                ::core::result::Result::Ok($render)
            }
            $crate::lazy::Part::new(::core::stringify!($module), || ::std::boxed::Box::pin($module()))
        };
    };
}

#[derive(Properties)]
pub struct LazyProps<P: PartialEq + 'static> {
    pub part: &'static Part<P>,
    pub props: P,
}

impl<P: PartialEq + 'static> PartialEq for LazyProps<P> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.part, other.part) && self.props == other.props
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Loading,
    Failed,
}

/// Renders `part` with `props`; loads it first when needed.
#[function_component]
pub fn Lazy<P: PartialEq + 'static>(props: &LazyProps<P>) -> Html {
    let part = props.part;
    let status = use_state_eq(|| Status::Loading);
    // Bumped by "Try again": the effect below runs once per attempt.
    let attempt = use_state_eq(|| 0u32);
    let rerender = use_force_update();
    {
        let status = status.clone();
        use_effect_with(*attempt, move |_| {
            if part.get().is_none() {
                status.set(Status::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    match part.load().await {
                        Ok(_) => rerender.force_update(),
                        Err(_) => status.set(Status::Failed),
                    }
                });
            }
        });
    }
    if let Some(render) = part.get() {
        return render(&props.props);
    }
    match *status {
        Status::Loading => html! {
            <section class="page lazy-loading" aria-busy="true" data-part={part.name()}>
                <p>{ "Loading…" }</p>
            </section>
        },
        Status::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <section class="page lazy-failed" role="alert" data-part={part.name()}>
                    <p>{ "This page could not be loaded. Check your connection and try again." }</p>
                    <button class="button" type="button" onclick={retry}>{ "Try again" }</button>
                </section>
            }
        }
    }
}
