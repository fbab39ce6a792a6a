use quiz_core::scoring::Recommendation;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct TrainingOffersProps {
    pub quiz: QuizRef,
    pub recommendations: Vec<Recommendation>,
    /// "For your priorities, these trainings fit:", as the core words it.
    pub intro: AttrValue,
}

/// The training that serves the visitor's priorities at their level, as calls
/// to action. An offer that serves none is not shown: only a quiet link to
/// learn more remains.
#[function_component]
pub fn TrainingOffers(props: &TrainingOffersProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let note = |url: &str| {
        quiz_core::wording::link_note(ui, url).map(
            |note| html! { <p class="field-hint" data-testid="link-note">{ note.to_string() }</p> },
        )
    };
    if props.recommendations.is_empty() {
        return html! {
            <div data-testid="training">
                <p class="learn-more">
                    <a href={quiz.learn_more.clone()} target="_blank" rel="noopener">
                        { ui.training_learn_more.clone() }
                        <span class="visually-hidden">{ " " }{ ui.opens_in_new_tab.clone() }</span>
                    </a>
                </p>
                { note(&quiz.learn_more) }
            </div>
        };
    }
    let (intro, shown) = (props.intro.clone(), &props.recommendations);
    html! {
        <section class="training" aria-labelledby="training-heading" data-testid="training">
            <h2 id="training-heading">{ ui.training_heading.clone() }</h2>
            <p>{ intro }</p>
            <ul class="offer-list">
                { for shown.iter().filter_map(|recommendation| {
                    let offer = quiz.offers.get(recommendation.offer)?;
                    let because: Vec<String> = recommendation.because.iter()
                        .filter_map(|d| quiz.dimensions.get(*d).map(|d| d.name.clone()))
                        .collect();
                    Some(html! {
                        <li class="offer">
                            <h3>{ offer.title.clone() }</h3>
                            <p>{ offer.description.clone() }</p>
                            if !because.is_empty() {
                                <p class="offer-because">{ fill(&ui.training_because, &[("dimensions", &because.join(", "))]) }</p>
                            }
                            <a class="button button-primary" href={offer.url.clone()} target="_blank" rel="noopener">
                                { offer.cta.clone() }
                                <span class="visually-hidden">{ " " }{ ui.opens_in_new_tab.clone() }</span>
                            </a>
                        </li>
                    })
                }) }
            </ul>
            { shown.first().and_then(|r| quiz.offers.get(r.offer)).and_then(|offer| note(&offer.url)) }
        </section>
    }
}
