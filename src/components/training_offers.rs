use quiz_core::scoring::Recommendation;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct TrainingOffersProps {
    pub quiz: QuizRef,
    pub recommendations: Vec<Recommendation>,
}

/// The training that matches the visitor's priorities, as calls to action.
/// With no match (every priority already strong), every offer is listed for upkeep.
#[function_component]
pub fn TrainingOffers(props: &TrainingOffersProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let (intro, shown): (String, Vec<Recommendation>) = if props.recommendations.is_empty() {
        let all = (0..quiz.offers.len())
            .map(|offer| Recommendation {
                offer,
                because: Vec::new(),
            })
            .collect();
        (ui.training_general_intro.clone(), all)
    } else {
        (ui.training_intro.clone(), props.recommendations.clone())
    };
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
        </section>
    }
}
