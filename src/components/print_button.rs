use yew::prelude::*;

use crate::content::QuizRef;
use crate::platform::print;

/// The printed report's rules (src/platform/print.rs says why they are not
/// in styles/app.css).
const PRINT_CSS: &str = include_str!("../../styles/print.css");

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    pub quiz: QuizRef,
    /// Printing works here (`Capabilities::print`); otherwise no button.
    pub can_print: bool,
    pub on_print: Callback<()>,
}

/// "Print or save as PDF" where printing works, and the print stylesheet that
/// makes the page a report: adopted when the page is first shown, with or
/// without the button, since the browser's own Print command uses it too.
#[function_component]
pub fn PrintButton(props: &PrintButtonProps) -> Html {
    use_effect_with((), |_| {
        print::adopt_once(PRINT_CSS);
    });
    if !props.can_print {
        return Html::default();
    }
    let on_click = props.on_print.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="button" onclick={on_click} data-testid="print">
            { props.quiz.ui.print_report.clone() }
        </button>
    }
}

/// The link to a printed page, written out: on paper nobody can copy it from
/// the share field. Shown only in print (`hidden` on screen).
pub fn print_link(label: &str, link: &str) -> Html {
    html! {
        <p class="print-only print-link" hidden=true data-testid="print-link">
            { label.to_string() }{ ": " }{ link.to_string() }
        </p>
    }
}
