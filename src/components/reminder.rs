use quiz_core::calendar::{self, Ahead, CalendarFile, ReminderFor};
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct ReminderProps {
    pub quiz: QuizRef,
    pub attempt_id: AttrValue,
    pub label: Option<AttrValue>,
    /// The result's day as the visitor's language writes it.
    pub completed: AttrValue,
    /// The result's share link; the quiz is taken again where it points,
    /// its address before the `#` (this app, or the site owner's page).
    pub result_link: AttrValue,
    /// The calendar file, made when a button is pressed.
    pub on_save: Callback<CalendarFile>,
}

/// "Remind me to check again": a calendar event three or six months from
/// today (`quiz_core::calendar::reminder`), saved as an .ics file.
#[function_component]
pub fn Reminder(props: &ReminderProps) -> Html {
    let ui = &props.quiz.ui;
    // Nothing on the page changes when a file downloads: say that it did
    // (a first-time visitor clicked twice, unsure anything had happened).
    // Which button: the status names it, so a second reminder is heard too.
    let saved = use_state(|| None::<u32>);
    // A clock past the year 9999 minus six months: nothing a calendar can hold.
    if !calendar::can_remind(platform::now()) {
        return Html::default();
    }
    html! {
        <section class="reminder" aria-labelledby="reminder-heading" data-testid="reminder">
            <h2 id="reminder-heading">{ ui.reminder_heading.clone() }</h2>
            <p>{ ui.reminder_intro.clone() }</p>
            <div class="button-row" role="group" aria-labelledby="reminder-heading">
                { for Ahead::ALL.into_iter().map(|ahead| {
                    let (quiz, on_save) = (props.quiz.clone(), props.on_save.clone());
                    let (id, label, completed) = (props.attempt_id.clone(), props.label.clone(), props.completed.clone());
                    let result_link = props.result_link.clone();
                    let saved = saved.clone();
                    let on_click = Callback::from(move |_: MouseEvent| {
                        let quiz_link = result_link.split('#').next().unwrap_or_default();
                        let of = ReminderFor {
                            attempt_id: &id,
                            label: label.as_deref(),
                            completed: &completed,
                            result_link: &result_link,
                            quiz_link,
                        };
                        if let Some(file) = calendar::reminder(&quiz.ui, &of, ahead, platform::now()) {
                            on_save.emit(file);
                            saved.set(Some(ahead.months()));
                        }
                    });
                    let text = fill(&ui.reminder_in, &[("months", &ahead.months().to_string())]);
                    html! { <button type="button" class="button" onclick={on_click}>{ text }</button> }
                }) }
            </div>
            <p class="field-status" role="status" data-testid="reminder-status">
                if let Some(months) = *saved { { fill(&ui.reminder_saved, &[("months", &months.to_string())]) } }
            </p>
        </section>
    }
}
