//! The parts of the app a first visit does not need, each loaded on demand
//! (see `lazy.rs`): results, "Your results" with "Your data", a shared
//! result, the partner comparison and the embed configurator. Each render
//! function here is the only thing that names its components, so the split
//! step can move them (and whatever only they use) out of the main module.

use yew::prelude::*;

use crate::components::{
    EmbedPage, EmbedPageProps, History, HistoryProps, PartnerCompare, PartnerCompareProps, Results,
    ResultsProps, SharedResult, SharedResultProps, YourData, YourDataProps,
};
use crate::part;

/// "Your results" and, below it, "Your data".
#[derive(PartialEq)]
pub struct HistoryPage {
    /// Its `children` are ignored: the part renders "Your data" there.
    pub history: HistoryProps,
    pub data: YourDataProps,
}

fn results_view(props: &ResultsProps) -> Html {
    html! { <Results ..props.clone() /> }
}

fn history_view(page: &HistoryPage) -> Html {
    let data = page.data.clone();
    let mut history = page.history.clone();
    history.children = html! { <YourData ..data /> };
    html! { <History ..history /> }
}

fn shared_view(props: &SharedResultProps) -> Html {
    html! { <SharedResult ..props.clone() /> }
}

fn compare_view(props: &PartnerCompareProps) -> Html {
    html! { <PartnerCompare ..props.clone() /> }
}

fn embed_view(props: &EmbedPageProps) -> Html {
    html! { <EmbedPage ..props.clone() /> }
}

part!(pub static RESULTS: ResultsProps = results => results_view;);
part!(pub static HISTORY: HistoryPage = history => history_view;);
part!(pub static SHARED: SharedResultProps = shared => shared_view;);
part!(pub static COMPARE: PartnerCompareProps = compare => compare_view;);
part!(pub static EMBED: EmbedPageProps = embed => embed_view;);
