use yew::prelude::*;

use crate::content::QuizRef;
use crate::platform::print;

/// The printed report's rules (src/platform/print.rs says why they are not
/// in styles/app.css).
const PRINT_CSS: &str = include_str!("../../styles/print.css");

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    pub quiz: QuizRef,
}

/// "Print or save as PDF" where printing works (`print::can_print`, asked
/// here in the parts that print rather than at start, so a first visit
/// carries none of it), and the print stylesheet that makes the page a
/// report: adopted when the page is first shown, with or without the
/// button, since the browser's own Print command uses it too.
#[function_component]
pub fn PrintButton(props: &PrintButtonProps) -> Html {
    let can_print = use_memo((), |_| print::can_print());
    use_effect_with((), |_| {
        print::adopt_once(PRINT_CSS);
    });
    if !*can_print {
        return Html::default();
    }
    let on_click = Callback::from(|_: MouseEvent| print::print());
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
