use yew::prelude::*;

use crate::content::ContentError;

#[derive(Properties, PartialEq)]
pub struct ContentErrorPanelProps {
    pub error: ContentError,
}

/// Shown instead of the quiz when its content cannot be loaded. The content
/// texts are what failed, so this one message is in plain English.
#[function_component]
pub fn ContentErrorPanel(props: &ContentErrorPanelProps) -> Html {
    html! {
        <main id="main" class="error-panel" role="alert">
            <h1>{ "The quiz could not start" }</h1>
            <p>{ props.error.to_string() }</p>
            <p>{ "Please reload the page. If this keeps happening, let the site owner know." }</p>
        </main>
    }
}
