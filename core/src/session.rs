//! The visit as a state machine, in the manner of crux: a [`Model`], the
//! [`Event`]s that change it, and the [`Effect`]s the shell performs. Every
//! decision of a visit is made here (answering, moving between questions,
//! finishing, starting over, labels, deleting with undo, import, saving a
//! shared result, what to do when storage is blocked, full, corrupt or holds
//! newer data, what another tab changed, and which message an embedding host
//! page hears and when); the shell renders the model, performs the effects
//! and reports their outcomes as events.
//!
//! Storage is reached synchronously through [`crate::store::Store`] (the
//! browser's `localStorage` is synchronous), so a read, a change and its write
//! happen in one step and another tab cannot slip in between.

use std::rc::Rc;

use crate::content::Quiz;
use crate::embed::{Completed, EmbedEvent};
use crate::json::Json;
use crate::language::Language;
use crate::route::Route;
use crate::scoring::{score, Answer, AnswerSheet};
use crate::share;
use crate::storage::{
    self, check_import_size, clean_label, export, from_stored, new_attempt, parse_import,
    to_stored, Attempt, ImportError, MergeReport, Progress, Settings, ATTEMPTS_KEY, MAX_ATTEMPTS,
    PROGRESS_KEY, SETTINGS_KEY,
};
use crate::store::{KeyValueStore, StorageStatus, Store};
use crate::text::Graphemes;
use crate::theme::Theme;

/// How long "Undo" is offered after a result is deleted, in milliseconds.
pub const UNDO_MS: u32 = 8_000;
/// The export file's name before its date.
pub const EXPORT_STEM: &str = "alliance-quiz-results";
/// Milliseconds in a day.
pub const MS_PER_DAY: f64 = 86_400_000.0;

/// The time an event happened: ms since the Unix epoch, and the visitor's
/// offset from UTC at that moment in minutes (east positive: +60 in
/// Amsterdam in winter), for calendar days in their own time zone.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Now {
    pub ms: f64,
    pub offset_minutes: i32,
}

impl Now {
    /// The visitor's calendar day, as days since 1970-01-01.
    pub fn local_day(self) -> Option<u32> {
        local_day(self.ms, self.offset_minutes)
    }
}

/// The calendar day, as days since 1970-01-01, of `ms` in a zone `offset_minutes` east of UTC.
pub fn local_day(ms: f64, offset_minutes: i32) -> Option<u32> {
    let day = ((ms + f64::from(offset_minutes) * 60_000.0) / MS_PER_DAY).floor();
    (day.is_finite() && day >= 0.0 && day <= f64::from(u32::MAX)).then_some(day as u32)
}

/// The palette a page shows: a host's for its widget, else the saved choice.
fn theme_of(context: &Context, settings: &Settings) -> Theme {
    match &context.embed {
        Some(embed) => embed.theme,
        None => settings
            .theme
            .as_deref()
            .and_then(Theme::from_setting)
            .unwrap_or_default(),
    }
}

/// What the page is embedded with (from the loader's options).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// `data-start-screen="off"`: the landing page only redirects to a question.
    pub skip_landing: bool,
    /// `data-share-base`: where share links sent to the host point.
    pub share_base: Option<String>,
    /// `data-theme`: inside a widget the host's choice wins over the
    /// visitor's saved one (the widget has no switch).
    pub theme: Theme,
}

/// What the browser offers where the app runs; controls that cannot work
/// are not shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// `navigator.share` exists and this frame may use it.
    pub share: bool,
    /// `navigator.clipboard.writeText` exists.
    pub clipboard: bool,
}

/// Fixed for the whole visit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// This page's address without its fragment: share links start with it.
    pub app_base: String,
    /// The languages the quiz ships, the default first.
    pub languages: Vec<Language>,
    /// The language the visitor asked for; when the quiz started in another
    /// (it could not be downloaded), they are told.
    pub wanted_language: Option<String>,
    pub embed: Option<EmbedConfig>,
    pub capabilities: Capabilities,
}

/// A field whose text can be copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    ShareLink,
    CompareLink,
    EmbedCode,
}

/// What happened at the last copy or share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied,
    /// Copying is not possible here: the text is selected to copy by hand.
    CopyFailed,
    /// The share sheet was refused (not cancelled): the text is selected.
    ShareFailed,
}

/// How a share sheet ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The visitor closed it: nothing to say.
    Cancelled,
    /// The browser refused (`NotAllowedError`, no API).
    Refused,
}

/// Something to tell the visitor, shown until dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// What is done now is not kept after the page closes (see [`StorageStatus`]).
    Storage(StorageStatus),
    /// Unreadable saved data was moved aside and the app started clean.
    Quarantined,
    /// The assessment in progress was finished, started over or deleted in
    /// another tab, so this tab let go of it.
    ChangedElsewhere,
    /// The assessment in progress was started with an earlier version of the
    /// questions; `kept` answers carry over to questions still asked.
    QuestionsUpdated { kept: usize },
    /// The chosen language could not be downloaded; the quiz stays in the one shown.
    LanguageUnavailable,
    /// `count` saved results broke a rule and were set aside (the whole
    /// value copied to a quarantine key); the others are kept.
    ResultsSetAside { count: usize },
    /// A new release of the app is ready (the service worker has it): reload
    /// to use it ([`Event::ApplyUpdate`]).
    UpdateReady,
}

/// The outcome of an action on "Your data".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataStatus {
    Imported(MergeReport),
    ImportFailed(ImportError),
    Exported,
    DeletedEverything,
    /// The browser refused to remove some of what the quiz stored: it is
    /// still there, and the page must not say it was deleted.
    DeleteRefused,
}

/// A deleted attempt that "Undo" can bring back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub attempt: Attempt,
    token: u32,
}

/// Everything the views show. Read it, never write it: change it with events.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub route: Route,
    /// The assessment in progress.
    pub answers: AnswerSheet,
    /// When its first answer was given, ms since the epoch.
    pub started_at: Option<f64>,
    /// One-based number of the question last shown.
    pub position: usize,
    /// Completed attempts, oldest first.
    pub attempts: Rc<Vec<Attempt>>,
    pub settings: Settings,
    pub storage: StorageStatus,
    pub deleted: Option<Deleted>,
    pub data_status: Option<DataStatus>,
    pub copy_status: Option<(Field, CopyOutcome)>,
    /// A language chosen and being downloaded.
    pub loading_language: Option<String>,
    /// The palette shown: the host's in a widget, else the visitor's saved
    /// choice ([`Theme::System`] when none or one this build does not know).
    pub theme: Theme,
    /// The shared code last saved to history, so its page says so.
    pub saved_shared: Option<String>,
    /// The question opened from the review page ("Go to question 3"): Next
    /// on it returns to the review rather than walking through every later
    /// question again. Any other page clears it.
    pub from_review: Option<usize>,
    one_off: Vec<Notice>,
    dismissed: Vec<Notice>,
    /// Answers given since the progress was last written.
    unsaved: Vec<(String, Answer)>,
    /// The progress differs from what is stored (answers or position).
    dirty: bool,
    flush_scheduled: bool,
    /// The host page heard `started` for the assessment in progress.
    embed_started: bool,
    undo_token: u32,
}

impl Model {
    /// Notices to show now, the storage one first while it is true.
    pub fn notices(&self) -> Vec<Notice> {
        let storage = (!self.storage.keeps())
            .then_some(Notice::Storage(self.storage))
            .filter(|n| !self.dismissed.contains(n));
        storage
            .into_iter()
            .chain(self.one_off.iter().copied())
            .collect()
    }

    /// The attempt a results route shows.
    pub fn attempt_for(&self, route: &Route) -> Option<&Attempt> {
        match route {
            Route::Results => self.attempts.last(),
            Route::ResultsFor { id } => self.attempts.iter().find(|a| &a.id == id),
            _ => None,
        }
    }
}

/// Something that happened: the visitor acted, the address bar changed, an
/// effect finished, or another tab changed storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The address bar shows `hash` now (a link, a typed address, Back or
    /// Forward); nothing needs writing back.
    AddressChanged(String),
    /// Go to a route from a button; the address bar follows.
    Navigate(Route),
    /// An answer to question `number` (one-based).
    Answer {
        number: usize,
        answer: Answer,
    },
    /// Go on from the current question (Next, Enter).
    Next,
    /// Go back from the current question.
    Back,
    /// "Start over" on the landing page: discard the assessment in progress.
    StartOver,
    /// "Start again" on a result: discard any assessment in progress, go to the start.
    StartAgain,
    /// "See my results": record the answers as an attempt and show it.
    Complete,
    SetLabel {
        attempt: String,
        label: String,
    },
    Delete {
        attempt: String,
    },
    Undo,
    /// The undo offer made with `token` ran out.
    UndoExpired {
        token: u32,
    },
    DeleteAll,
    DeleteEverything,
    Export,
    /// A file was chosen for import; only its size is known.
    ImportChosen {
        bytes: u64,
    },
    /// The chosen file's text, or `None` when the browser could not read it.
    ImportRead(Option<String>),
    /// "Save to my history" on a shared result.
    SaveShared {
        code: String,
    },
    /// Copy `text`, shown in `field`.
    Copy {
        field: Field,
        text: String,
    },
    CopyDone {
        field: Field,
        ok: bool,
    },
    /// Open the share sheet for `url`, shown in `field`.
    Share {
        field: Field,
        title: String,
        url: String,
    },
    ShareDone {
        field: Field,
        outcome: ShareOutcome,
    },
    Dismiss(Notice),
    /// Another tab changed `key` (`None`: it cleared the whole store).
    StorageChanged {
        key: Option<String>,
    },
    /// The language switch: show the quiz in `code` from now on, and keep it.
    ChooseLanguage {
        code: String,
    },
    /// A chosen language's quiz arrived; answers and place are kept.
    LanguageReady(Rc<Quiz>),
    LanguageFailed {
        code: String,
    },
    /// The theme switch: show `Theme` from now on, and keep it.
    ChooseTheme(Theme),
    /// The service worker holds a new release, waiting to take over.
    UpdateReady,
    /// "Reload" on [`Notice::UpdateReady`].
    ApplyUpdate,
    /// The next frame is painted, or the page is being hidden: write what waits.
    Flush,
}

/// Work for the shell. Outcomes come back as events where noted.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Bring the address bar to `hash` after the next paint, as a new history
    /// entry or in place of the current one; dropped if the visitor navigates first.
    WriteAddress { hash: String, replace: bool },
    /// Send [`Event::Flush`] after the next paint (or at once when the page is hidden).
    FlushAfterPaint,
    /// Post a message to the embedding host page.
    NotifyHost(EmbedEvent),
    /// Answer with [`Event::CopyDone`].
    Copy { field: Field, text: String },
    /// Answer with [`Event::ShareDone`].
    Share {
        field: Field,
        title: String,
        url: String,
    },
    /// Focus and select the field's text, so the visitor can copy it by hand.
    SelectField(Field),
    /// Offer `text` as a JSON file download named `<stem>-<the visitor's
    /// local date, YYYY-MM-DD>.json` (the shell knows the calendar).
    Download { stem: String, text: String },
    /// Read the chosen file; answer with [`Event::ImportRead`].
    ReadChosenFile,
    /// Send [`Event::UndoExpired`] with `token` after `ms`.
    ExpireUndo { token: u32, ms: u32 },
    /// Get the quiz in `code` (download it if need be); answer with
    /// [`Event::LanguageReady`] or [`Event::LanguageFailed`].
    LoadLanguage { code: String },
    /// Let the waiting release take over, then reload the page (the progress
    /// has been written first).
    ApplyUpdate,
}

/// The core of a visit: the quiz, the store, the JSON bridge and the model.
pub struct Session<S, J> {
    quiz: Rc<Quiz>,
    graphemes: Box<dyn Graphemes>,
    store: Store<S>,
    json: J,
    context: Context,
    model: Model,
}

impl<S: KeyValueStore, J: Json> Session<S, J> {
    /// Opens the store, reads what it holds and shows `hash`'s route.
    pub fn start(
        quiz: Rc<Quiz>,
        backend: S,
        json: J,
        graphemes: Box<dyn Graphemes>,
        context: Context,
        hash: &str,
        now: Now,
    ) -> (Self, Vec<Effect>) {
        let (mut store, mut snapshot) = Store::open(backend, &json, now.ms);
        // Progress from newer questions than this build has: like data of a
        // newer schema, left untouched and nothing written this visit (an
        // older release open next to a newer one).
        if snapshot
            .progress
            .as_ref()
            .is_some_and(|p| p.content_version > quiz.version)
        {
            snapshot.progress = None;
            store.hold_read_only();
        }
        let theme = theme_of(&context, &snapshot.settings);
        let mut model = Model {
            // Until the first route is entered: nothing was shown before it.
            route: Route::NotFound,
            answers: AnswerSheet::new(),
            started_at: None,
            position: 1,
            attempts: Rc::new(snapshot.attempts),
            settings: snapshot.settings,
            storage: store.status(),
            deleted: None,
            data_status: None,
            copy_status: None,
            loading_language: None,
            theme,
            saved_shared: None,
            from_review: None,
            one_off: Vec::new(),
            dismissed: Vec::new(),
            unsaved: Vec::new(),
            dirty: false,
            flush_scheduled: false,
            embed_started: false,
            undo_token: 0,
        };
        if !snapshot.quarantined.is_empty() {
            model.one_off.push(Notice::Quarantined);
        }
        if snapshot.attempts_set_aside > 0 {
            model.one_off.push(Notice::ResultsSetAside {
                count: snapshot.attempts_set_aside,
            });
        }
        if context
            .wanted_language
            .as_ref()
            .is_some_and(|wanted| *wanted != quiz.language)
        {
            model.one_off.push(Notice::LanguageUnavailable);
        }
        if let Some(progress) = snapshot.progress {
            model.answers = from_stored(&progress.answers);
            // Started with an earlier version of the questions: the answers
            // to questions still asked carry over; the visitor is told.
            if model.answers.retain_asked(&quiz) > 0 || progress.content_version != quiz.version {
                model.one_off.push(Notice::QuestionsUpdated {
                    kept: model.answers.len(),
                });
            }
            if !model.answers.is_empty() {
                model.started_at = Some(progress.started_at);
                model.position = progress.position.clamp(1, quiz.question_count().max(1));
                // A resumed assessment was started on an earlier visit.
                model.embed_started = true;
            }
        }
        let mut session = Session {
            quiz,
            graphemes,
            store,
            json,
            context,
            model,
        };
        let mut effects = Vec::new();
        session.notify(&mut effects, EmbedEvent::Ready);
        session.notify(&mut effects, session.language_event());
        session.show_address(hash, &mut effects);
        (session, effects)
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn quiz(&self) -> &Rc<Quiz> {
        &self.quiz
    }

    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The store, for tests that look at what was written.
    pub fn store(&self) -> &Store<S> {
        &self.store
    }

    /// Applies `event`, returning the work it leaves for the shell.
    pub fn update(&mut self, event: Event, now: Now) -> Vec<Effect> {
        let mut effects = Vec::new();
        match event {
            Event::AddressChanged(hash) => self.show_address(&hash, &mut effects),
            Event::Navigate(route) => self.enter(route, Entry::Push, &mut effects),
            Event::Answer { number, answer } => self.answer(number, answer, now, &mut effects),
            Event::Next => {
                if let Some(number) = self.current_question() {
                    let next = if self.model.from_review == Some(number) {
                        Route::Review
                    } else if number < self.quiz.question_count() {
                        Route::Question { number: number + 1 }
                    } else {
                        Route::Review
                    };
                    self.enter(next, Entry::Push, &mut effects);
                }
            }
            Event::Back => {
                if let Some(number) = self.current_question() {
                    let back = if number > 1 {
                        Route::Question { number: number - 1 }
                    } else {
                        Route::Landing
                    };
                    self.enter(back, Entry::Push, &mut effects);
                }
            }
            Event::StartOver => {
                self.restart(&mut effects);
                self.enter(Route::Question { number: 1 }, Entry::Push, &mut effects);
            }
            Event::StartAgain => {
                self.restart(&mut effects);
                self.enter(Route::Landing, Entry::Push, &mut effects);
            }
            Event::Complete => self.complete(now, &mut effects),
            Event::SetLabel { attempt, label } => {
                let label = clean_label(&label, &*self.graphemes);
                self.change_attempts(|attempts| {
                    for found in attempts.iter_mut().filter(|a| a.id == attempt) {
                        found.label = label.clone();
                    }
                });
            }
            Event::Delete { attempt } => {
                let removed = self.change_attempts(|attempts| {
                    let at = attempts.iter().position(|a| a.id == attempt)?;
                    Some(attempts.remove(at))
                });
                if let Some(attempt) = removed {
                    self.model.undo_token = self.model.undo_token.wrapping_add(1);
                    let token = self.model.undo_token;
                    self.model.deleted = Some(Deleted { attempt, token });
                    effects.push(Effect::ExpireUndo { token, ms: UNDO_MS });
                }
            }
            Event::Undo => {
                if let Some(Deleted { attempt, .. }) = self.model.deleted.take() {
                    self.merge(vec![attempt]);
                }
            }
            Event::UndoExpired { token } => {
                if self
                    .model
                    .deleted
                    .as_ref()
                    .is_some_and(|d| d.token == token)
                {
                    self.model.deleted = None;
                }
            }
            Event::DeleteAll => {
                self.change_attempts(Vec::clear);
                self.model.deleted = None;
            }
            Event::DeleteEverything => {
                let result = self.store.delete_everything();
                if result.is_err() {
                    // Nothing is cleared on the page that is still stored: a
                    // visitor on a shared computer must not think it is gone.
                    // Writes still work, so no storage notice joins the
                    // message (it would say that what they do may be lost).
                    let attempts = self.store.attempts_now(&self.json, &self.model.attempts);
                    self.model.attempts = Rc::new(attempts);
                    self.model.data_status = Some(DataStatus::DeleteRefused);
                    return effects;
                }
                self.model.answers = AnswerSheet::new();
                self.model.started_at = None;
                self.model.position = 1;
                self.model.unsaved.clear();
                self.model.dirty = false;
                self.model.attempts = Rc::new(Vec::new());
                self.model.settings = Settings::default();
                self.model.deleted = None;
                self.model.saved_shared = None;
                self.model.embed_started = false;
                self.model.one_off.clear();
                self.saved(result);
                self.model.data_status = Some(DataStatus::DeletedEverything);
            }
            Event::Export => {
                let text = export(&self.json, &self.model.attempts, now.ms);
                effects.push(Effect::Download {
                    stem: EXPORT_STEM.into(),
                    text,
                });
                self.model.data_status = Some(DataStatus::Exported);
            }
            Event::ImportChosen { bytes } => match check_import_size(bytes) {
                Ok(()) => effects.push(Effect::ReadChosenFile),
                Err(error) => self.model.data_status = Some(DataStatus::ImportFailed(error)),
            },
            Event::ImportRead(text) => {
                let status = match text {
                    Some(text) => self.import(&text),
                    None => DataStatus::ImportFailed(ImportError::Unreadable),
                };
                self.model.data_status = Some(status);
            }
            Event::SaveShared { code } => self.save_shared(code, now),
            Event::Copy { field, text } => {
                if self.context.capabilities.clipboard {
                    effects.push(Effect::Copy { field, text });
                } else {
                    self.model.copy_status = Some((field, CopyOutcome::CopyFailed));
                    effects.push(Effect::SelectField(field));
                }
            }
            Event::CopyDone { field, ok } => {
                let outcome = if ok {
                    CopyOutcome::Copied
                } else {
                    effects.push(Effect::SelectField(field));
                    CopyOutcome::CopyFailed
                };
                self.model.copy_status = Some((field, outcome));
            }
            Event::Share { field, title, url } => {
                if self.context.capabilities.share {
                    effects.push(Effect::Share { field, title, url });
                } else {
                    self.model.copy_status = Some((field, CopyOutcome::ShareFailed));
                    effects.push(Effect::SelectField(field));
                }
            }
            Event::ShareDone { field, outcome } => match outcome {
                ShareOutcome::Shared | ShareOutcome::Cancelled => {}
                ShareOutcome::Refused => {
                    self.model.copy_status = Some((field, CopyOutcome::ShareFailed));
                    effects.push(Effect::SelectField(field));
                }
            },
            Event::Dismiss(notice) => {
                self.model.one_off.retain(|n| *n != notice);
                if !self.model.dismissed.contains(&notice) {
                    self.model.dismissed.push(notice);
                }
            }
            Event::ChooseLanguage { code } => {
                let known = self.context.languages.iter().any(|l| l.code == code);
                if known && self.model.settings.language.as_ref() != Some(&code) {
                    self.model.settings.language = Some(code.clone());
                    let result = self.store.save_settings(&self.json, &self.model.settings);
                    self.saved(result);
                }
                if known && code != self.quiz.language {
                    self.model.loading_language = Some(code.clone());
                    effects.push(Effect::LoadLanguage { code });
                } else if known {
                    // Back to the language shown: a download under way is not wanted.
                    self.model.loading_language = None;
                }
            }
            Event::LanguageReady(quiz) => {
                // Only the latest choice counts: a slower earlier download is dropped.
                if self.model.loading_language.as_ref() == Some(&quiz.language) {
                    self.model.loading_language = None;
                    self.quiz = quiz;
                    self.notify(&mut effects, self.language_event());
                }
            }
            Event::LanguageFailed { code } => {
                if self.model.loading_language.as_ref() == Some(&code) {
                    self.model.loading_language = None;
                    if !self.model.one_off.contains(&Notice::LanguageUnavailable) {
                        self.model.one_off.push(Notice::LanguageUnavailable);
                    }
                }
            }
            Event::StorageChanged { key } => self.storage_changed(key.as_deref(), &mut effects),
            Event::ChooseTheme(theme) => {
                let setting = Some(theme.as_setting().to_string());
                if self.context.embed.is_none() && self.model.settings.theme != setting {
                    self.model.settings.theme = setting;
                    self.model.theme = theme;
                    let result = self.store.save_settings(&self.json, &self.model.settings);
                    self.saved(result);
                }
            }
            Event::UpdateReady => {
                // A host's page decides when its widget changes (the worker
                // is not registered there, so this is only a guard); where
                // storage keeps nothing, a reload would lose the visit, and
                // the new release waits for the next one.
                let offer = self.context.embed.is_none() && self.model.storage.keeps();
                if offer && !self.model.one_off.contains(&Notice::UpdateReady) {
                    self.model.one_off.push(Notice::UpdateReady);
                }
            }
            Event::ApplyUpdate => {
                // The page is about to reload: nothing waits for a paint.
                self.flush(&mut effects);
                effects.push(Effect::ApplyUpdate);
            }
            Event::Flush => {
                self.model.flush_scheduled = false;
                self.flush(&mut effects);
            }
        }
        effects
    }

    fn current_question(&self) -> Option<usize> {
        self.model.route.question()
    }

    /// The language shown and the frame title in it, for the host page.
    fn language_event(&self) -> EmbedEvent {
        EmbedEvent::Language {
            language: self.quiz.language.clone(),
            title: self.quiz.ui.embed_default_title.clone(),
        }
    }

    fn notify(&self, effects: &mut Vec<Effect>, event: EmbedEvent) {
        if self.context.embed.is_some() {
            effects.push(Effect::NotifyHost(event));
        }
    }

    fn skip_landing(&self) -> bool {
        self.context.embed.as_ref().is_some_and(|e| e.skip_landing)
    }

    /// Shows the route in the address bar's `hash`. A result link that mail
    /// or chat tools changed (a query or a full stop after the code) is
    /// shown and its address tidied to the link as it was made.
    fn show_address(&mut self, hash: &str, effects: &mut Vec<Effect>) {
        // As yew-router did: a page opened without a route shows `#/`.
        if !hash.starts_with("#/") && !hash.starts_with('/') {
            return self.enter(Route::Landing, Entry::Replace, effects);
        }
        self.enter(Route::parse(hash), Entry::Address, effects);
        let shown = self.model.route.to_hash();
        let link = matches!(
            self.model.route,
            Route::SharedResult { .. } | Route::Compare { .. }
        );
        let tidied = effects
            .iter()
            .any(|e| matches!(e, Effect::WriteAddress { .. }));
        if link && !tidied && shown != hash {
            effects.push(Effect::WriteAddress {
                hash: shown,
                replace: true,
            });
        }
    }

    /// Shows `route`: the rules for arriving at each page.
    fn enter(&mut self, route: Route, entry: Entry, effects: &mut Vec<Effect>) {
        let previous = std::mem::replace(&mut self.model.route, route.clone());
        let route = match route {
            Route::Landing if self.skip_landing() => {
                // Replaced, so Back does not return to a page that only redirects.
                let first = Route::Question {
                    number: self.model.position.max(1),
                };
                return self.enter(first, Entry::Replace, effects);
            }
            Route::Question { number } if !(1..=self.quiz.question_count()).contains(&number) => {
                Route::NotFound
            }
            Route::SharedResult { code } => {
                // Read as a pasted link is: `#/r/<code>.` from a sentence opens too.
                let clean = share::clean_route_code(&code, &self.quiz.releases);
                if clean != code {
                    return self.enter(
                        Route::SharedResult { code: clean },
                        Entry::Replace,
                        effects,
                    );
                }
                if self.model.saved_shared.as_ref() != Some(&code) {
                    self.model.saved_shared = None;
                }
                Route::SharedResult { code }
            }
            Route::Compare { first, second } => {
                let releases = &self.quiz.releases;
                let clean = (
                    share::clean_route_code(&first, releases),
                    share::clean_route_code(&second, releases),
                );
                if clean != (first.clone(), second.clone()) {
                    let (first, second) = clean;
                    return self.enter(Route::Compare { first, second }, Entry::Replace, effects);
                }
                Route::Compare { first, second }
            }
            other => other,
        };
        self.model.route = route.clone();
        if route != previous {
            self.model.copy_status = None;
        }
        self.model.from_review = match (&previous, &route) {
            (Route::Review, Route::Question { number }) => Some(*number),
            (_, Route::Question { number }) if self.model.from_review == Some(*number) => {
                Some(*number)
            }
            _ => None,
        };
        match entry {
            Entry::Address => {}
            Entry::Push | Entry::Replace => effects.push(Effect::WriteAddress {
                hash: route.to_hash(),
                replace: entry == Entry::Replace,
            }),
        }
        if let Route::Question { number } = route {
            if self.model.position != number {
                self.model.position = number;
                self.mark_dirty(effects);
            }
            // Only a start page the visitor saw counts as starting.
            let from_landing = previous == Route::Landing && !self.skip_landing();
            if from_landing && self.model.answers.is_empty() && !self.model.embed_started {
                self.model.embed_started = true;
                self.notify(effects, EmbedEvent::Started);
            }
            if route != previous {
                let total = self.quiz.question_count();
                self.notify(
                    effects,
                    EmbedEvent::Question {
                        index: number - 1,
                        total,
                    },
                );
            }
        }
    }

    fn answer(&mut self, number: usize, answer: Answer, now: Now, effects: &mut Vec<Effect>) {
        // Only the question on screen takes answers: a late click or key
        // press from a page already left changes nothing.
        if self.current_question() != Some(number) {
            return;
        }
        let Some((_, question)) = number.checked_sub(1).and_then(|i| self.quiz.question_at(i))
        else {
            return;
        };
        if answer.points().is_none() && answer != Answer::NotSure {
            return;
        }
        let id = question.id.clone();
        if self.model.answers.get(&id) == Some(answer) {
            return;
        }
        if self.model.answers.is_empty() && !self.model.embed_started {
            self.model.embed_started = true;
            self.notify(effects, EmbedEvent::Started);
        }
        self.model.answers.set(&id, answer);
        self.model.unsaved.push((id, answer));
        self.model
            .started_at
            .get_or_insert(storage::clamp_time(now.ms));
        self.model.position = number;
        self.mark_dirty(effects);
    }

    /// The progress changed: write it after the next paint.
    fn mark_dirty(&mut self, effects: &mut Vec<Effect>) {
        self.model.dirty = true;
        if !self.model.flush_scheduled {
            self.model.flush_scheduled = true;
            effects.push(Effect::FlushAfterPaint);
        }
    }

    /// Writes the progress if it changed, unless another tab changed it first.
    fn flush(&mut self, effects: &mut Vec<Effect>) {
        self.reconcile_progress(effects);
        if !self.model.dirty {
            return;
        }
        self.model.dirty = false;
        let progress = self
            .model
            .started_at
            .filter(|_| !self.model.answers.is_empty())
            .map(|started_at| Progress {
                content_version: self.quiz.version,
                answers: to_stored(&self.model.answers),
                position: self.model.position,
                started_at,
            });
        let result = self.store.save_progress(&self.json, progress.as_ref());
        if result.is_ok() {
            self.model.unsaved.clear();
        }
        self.saved(result);
    }

    /// Takes in another tab's change to the progress: its answers plus this
    /// tab's unsaved ones, or, when it is gone (finished, started over or
    /// deleted there), lets go of this tab's assessment.
    fn reconcile_progress(&mut self, effects: &mut Vec<Effect>) {
        let Some(stored) = self.store.progress_elsewhere(&self.json) else {
            return;
        };
        match stored {
            // A newer release's tab saved it (newer questions): as at
            // start-up, it is never rewritten backwards; this tab goes on in
            // memory and says why.
            Some(theirs) if theirs.content_version > self.quiz.version => {
                self.store.hold_read_only();
                self.model.storage = self.store.status();
            }
            Some(theirs) => {
                let mut answers = from_stored(&theirs.answers);
                answers.retain_asked(&self.quiz);
                for (id, answer) in &self.model.unsaved {
                    answers.set(id, *answer);
                }
                self.model.dirty |= !self.model.unsaved.is_empty();
                self.model.started_at = Some(match self.model.started_at {
                    Some(ours) => ours.min(theirs.started_at),
                    None => theirs.started_at,
                });
                self.model.answers = answers;
                self.model.embed_started = true;
            }
            None => {
                let had_assessment = !self.model.answers.is_empty();
                self.model.answers = AnswerSheet::new();
                self.model.started_at = None;
                self.model.unsaved.clear();
                self.model.dirty = false;
                self.model.embed_started = false;
                if had_assessment {
                    if !self.model.one_off.contains(&Notice::ChangedElsewhere) {
                        self.model.one_off.push(Notice::ChangedElsewhere);
                    }
                    if matches!(self.model.route, Route::Question { .. } | Route::Review) {
                        self.enter(Route::Landing, Entry::Replace, effects);
                    }
                }
            }
        }
    }

    fn storage_changed(&mut self, key: Option<&str>, effects: &mut Vec<Effect>) {
        let all = key.is_none();
        if all || key == Some(PROGRESS_KEY) {
            self.reconcile_progress(effects);
        }
        if all || key == Some(ATTEMPTS_KEY) {
            let attempts = self.store.attempts_now(&self.json, &self.model.attempts);
            if *self.model.attempts != attempts {
                self.model.attempts = Rc::new(attempts);
            }
        }
        if all || key == Some(SETTINGS_KEY) {
            if let Some(settings) = self.store.settings_now(&self.json) {
                self.model.theme = theme_of(&self.context, &settings);
                self.model.settings = settings;
            }
        }
    }

    /// Discards the assessment in progress.
    fn restart(&mut self, effects: &mut Vec<Effect>) {
        // Whatever another tab did to it, it is being discarded here.
        let _ = self.store.progress_elsewhere(&self.json);
        self.model.answers = AnswerSheet::new();
        self.model.started_at = None;
        self.model.position = 1;
        self.model.unsaved.clear();
        self.model.dirty = false;
        let result = self.store.save_progress(&self.json, None);
        self.saved(result);
        self.model.embed_started = false;
        self.notify(effects, EmbedEvent::Restarted);
    }

    fn complete(&mut self, now: Now, effects: &mut Vec<Effect>) {
        self.reconcile_progress(effects);
        if self.model.answers.is_empty() {
            return;
        }
        let started_at = self.model.started_at.unwrap_or(now.ms);
        let attempt = new_attempt(
            &self.quiz,
            &self.model.answers,
            self.quiz.version,
            started_at,
            now.ms,
        );
        let id = attempt.id.clone();
        let link = self.share_link(&attempt, now.offset_minutes);
        let report = score(&self.quiz, &self.model.answers);
        self.merge(vec![attempt]);
        self.model.answers = AnswerSheet::new();
        self.model.started_at = None;
        self.model.position = 1;
        self.model.unsaved.clear();
        self.model.dirty = false;
        let result = self.store.save_progress(&self.json, None);
        self.saved(result);
        self.model.embed_started = false;
        self.enter(Route::ResultsFor { id }, Entry::Push, effects);
        self.notify(
            effects,
            EmbedEvent::Completed(Completed::new(&self.quiz, &report, link)),
        );
    }

    fn embed_share_base(&self) -> Option<&str> {
        self.context
            .embed
            .as_ref()
            .and_then(|e| e.share_base.as_deref())
    }

    /// The share link of `attempt`, dated in a zone `offset_minutes` east of
    /// UTC, on the embedding site owner's page (`data-share-base`) or on
    /// this app.
    pub fn share_link(&self, attempt: &Attempt, offset_minutes: i32) -> String {
        let code = share_code(&self.quiz, attempt, offset_minutes, &*self.graphemes);
        share::result_link(self.link_base(), &code)
    }

    /// The link to two results side by side, on the same base as share links.
    pub fn compare_link(&self, first: &str, second: &str) -> String {
        share::compare_link(self.link_base(), first, second)
    }

    fn link_base(&self) -> &str {
        self.embed_share_base().unwrap_or(&self.context.app_base)
    }

    fn change_attempts<R>(&mut self, change: impl FnOnce(&mut Vec<Attempt>) -> R) -> R {
        let (attempts, result, saved) =
            self.store
                .change_attempts(&self.json, &self.model.attempts, change);
        self.model.attempts = Rc::new(attempts);
        self.saved(saved);
        result
    }

    fn merge(&mut self, incoming: Vec<Attempt>) -> MergeReport {
        let (attempts, report, saved) =
            self.store.merge(&self.json, &self.model.attempts, incoming);
        self.model.attempts = Rc::new(attempts);
        self.saved(saved);
        report
    }

    fn import(&mut self, text: &str) -> DataStatus {
        let incoming = match parse_import(&self.json, text) {
            Ok(incoming) => incoming,
            Err(error) => return DataStatus::ImportFailed(error),
        };
        let mut status = DataStatus::Imported(MergeReport::default());
        self.change_attempts(|attempts| {
            let before = attempts.clone();
            let report = storage::merge_attempts(attempts, incoming);
            if attempts.len() > MAX_ATTEMPTS {
                status = DataStatus::ImportFailed(ImportError::TooManyTogether {
                    attempts: attempts.len(),
                });
                *attempts = before;
            } else {
                status = DataStatus::Imported(report);
            }
        });
        status
    }

    fn save_shared(&mut self, code: String, now: Now) {
        let Ok(shared) = share::decode(&code, &self.quiz.releases) else {
            return;
        };
        let at = shared
            .completed_on
            .map_or(now.ms, |day| f64::from(day) * MS_PER_DAY);
        let mut attempt = new_attempt(&self.quiz, &shared.answers, shared.version, at, at);
        attempt.label = shared
            .label
            .as_deref()
            .and_then(|l| clean_label(l, &*self.graphemes));
        self.merge(vec![attempt]);
        self.model.saved_shared = Some(code);
    }

    /// Records whether a write worked in the storage status the views show.
    fn saved(&mut self, result: Result<(), StorageStatus>) {
        self.model.storage = match result {
            Ok(()) => self.store.status(),
            Err(status) => status,
        };
    }
}

/// How the address bar learns of a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    /// It already shows it.
    Address,
    /// A new history entry, so Back returns here.
    Push,
    /// In place of the current entry.
    Replace,
}

/// The share code for an attempt: its answers, label and completion day (the
/// calendar day in a zone `offset_minutes` east of UTC, the sharer's own),
/// in the current content version's question order.
pub fn share_code(
    quiz: &Quiz,
    attempt: &Attempt,
    offset_minutes: i32,
    graphemes: &dyn Graphemes,
) -> String {
    let answers = from_stored(&attempt.answers);
    let day = local_day(attempt.completed_at, offset_minutes);
    // In the attempt's own version's order, so an earlier result's link keeps
    // every answer it was made with.
    let release = quiz
        .release(attempt.content_version)
        .or_else(|| quiz.release(quiz.version));
    match release {
        Some(release) => share::encode(release, &answers, attempt.label.as_deref(), day, graphemes),
        None => String::new(),
    }
}
