//! One component per file, each with its `…Props`.

mod answer_options;
mod attempt_label;
mod content_error_panel;
mod history;
mod how_computed;
mod landing;
mod layout;
mod not_found;
mod notice_list;
mod progress_bar;
mod question_page;
pub(crate) mod results;
mod review;
mod score_chart;
mod score_table;
mod training_offers;
mod your_data;

pub use answer_options::{AnswerOptions, AnswerOptionsProps};
pub use attempt_label::{AttemptLabel, AttemptLabelProps};
pub use content_error_panel::{ContentErrorPanel, ContentErrorPanelProps};
pub use history::{History, HistoryProps};
pub use how_computed::{HowComputed, HowComputedProps};
pub use landing::{Landing, LandingProps};
pub use layout::{Layout, LayoutProps};
pub use not_found::{NotFound, NotFoundProps};
pub use notice_list::{NoticeList, NoticeListProps};
pub use progress_bar::{ProgressBar, ProgressBarProps};
pub use question_page::{QuestionPage, QuestionPageProps};
pub use results::{Results, ResultsProps};
pub use review::{Review, ReviewProps};
pub use score_chart::{ScoreChart, ScoreChartProps};
pub use score_table::{ScoreTable, ScoreTableProps};
pub use training_offers::{TrainingOffers, TrainingOffersProps};
pub use your_data::{YourData, YourDataProps};
