//! Results made with content version 1 keep working under version 2: real
//! fixtures written by the released version 1 app (a share link, the storage
//! it left, its export file) open, score and compare, with the answers to
//! questions no longer asked counted and kept, never lost.

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use quiz_core::gap::gaps;
use quiz_core::json::SerdeJson;
use quiz_core::session::{share_code, Context, Notice, Now, Session};
use quiz_core::share::{decode, read_pasted};
use quiz_core::storage::{self, from_stored, Loaded};
use quiz_core::store::MemoryStore;
use quiz_core::text::UnicodeGraphemes;
use quiz_core::{score, Answer, AnswerSheet};

fn v1(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v1/{name}"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .trim()
        .to_string()
}

fn v1_link_code() -> String {
    v1("share-link.txt")
        .split("#/r/")
        .nth(1)
        .expect("a result link")
        .to_string()
}

/// The version 1 answers the fixture was made with: question n (1-based, v1
/// order) got option (n - 1) mod 5, every seventh "Not sure", the last none.
fn v1_answers() -> AnswerSheet {
    let quiz = common::english();
    let release = quiz.release(1).expect("release 1 stays known");
    release
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let n = i + 1;
            let answer = match n {
                30 => return None,
                n if n % 7 == 0 => Answer::NotSure,
                n => Answer::Choice(((n - 1) % 5) as u8),
            };
            Some((id.clone(), answer))
        })
        .collect()
}

#[test]
fn a_version_1_link_opens_under_version_2_with_every_answer_it_carries() {
    let quiz = common::english();
    assert_eq!(quiz.version, 2);
    let shared = decode(&v1_link_code(), &quiz.releases).expect("a version 1 link still decodes");
    assert_eq!(shared.version, 1);
    assert_eq!(shared.label.as_deref(), Some("Acme & Partners"));
    assert_eq!(shared.answers, v1_answers());
    assert!(shared.completed_on.is_some());

    let report = score(&quiz, &shared.answers);
    let kept = quiz
        .questions()
        .filter(|(_, q)| shared.answers.get(&q.id).is_some())
        .count();
    assert_eq!(
        kept, 13,
        "the 13 question ids version 2 kept from version 1"
    );
    assert_eq!(
        report.earlier_answers,
        29 - kept,
        "answers to questions no longer asked"
    );
    let scores: Vec<Option<u8>> = report.dimensions.iter().map(|d| d.score).collect();
    let capability = quiz
        .dimensions
        .iter()
        .position(|d| d.id == "capability")
        .unwrap();
    assert_eq!(
        scores[capability], None,
        "no version 1 capability question is asked now"
    );
    assert!(report.overall.is_some());
}

#[test]
fn a_version_1_link_pasted_or_compared_with_a_version_2_one_works() {
    let quiz = common::english();
    let code = v1_link_code();
    let pasted = format!("Our result: {}.", v1("share-link.txt"));
    assert_eq!(read_pasted(&pasted, &quiz.releases), Ok(code.clone()));

    let v2_answers: AnswerSheet = quiz
        .questions()
        .map(|(_, q)| (q.id.clone(), Answer::Choice(2)))
        .collect();
    let attempt = storage::new_attempt(&quiz, &v2_answers, quiz.version, 1.8e12, 1.8e12);
    let v2_code = share_code(&quiz, &attempt, 0, &UnicodeGraphemes);
    let (first, second) = (
        decode(&code, &quiz.releases).expect("v1"),
        decode(&v2_code, &quiz.releases).expect("v2"),
    );
    assert_eq!((first.version, second.version), (1, 2));
    let gaps = gaps(
        &score(&quiz, &first.answers),
        &score(&quiz, &second.answers),
    );
    assert_eq!(gaps.len(), quiz.dimensions.len());
    assert!(
        gaps.iter().any(|g| g.gap.is_some()),
        "dimensions both assessed are compared"
    );
}

#[test]
fn version_1_storage_and_export_files_load_score_and_share_without_loss() {
    let quiz = common::english();
    let json = SerdeJson;
    let attempts = match storage::read_attempts(&json, Some(&v1("attempts.json"))) {
        Loaded::Found { value, .. } => value,
        other => panic!("{other:?}"),
    };
    assert_eq!(attempts.len(), 1);
    let attempt = &attempts[0];
    assert_eq!(attempt.content_version, 1);
    assert_eq!(attempt.label.as_deref(), Some("Acme & Partners"));
    let answers = from_stored(&attempt.answers);
    assert_eq!(answers, v1_answers(), "stored answers read back whole");
    assert!(score(&quiz, &answers).earlier_answers > 0);

    // Its share link is made in version 1's order: every answer goes along.
    let code = share_code(&quiz, attempt, 0, &UnicodeGraphemes);
    let shared = decode(&code, &quiz.releases).expect("decodes");
    assert_eq!(shared.version, 1);
    assert_eq!(shared.answers, answers);

    let imported =
        storage::parse_import(&json, &v1("export.json")).expect("a version 1 export imports");
    assert_eq!(imported, attempts);
}

#[test]
fn a_version_1_assessment_in_progress_resumes_with_the_answers_that_carry_over() {
    let quiz = Rc::new(common::english());
    let store = MemoryStore::new();
    store.insert(storage::PROGRESS_KEY, &v1("progress.json"));
    let (session, _) = Session::start(
        quiz,
        store,
        SerdeJson,
        Box::new(UnicodeGraphemes),
        Context::default(),
        "#/",
        Now::default(),
    );
    let model = session.model();
    // strategy.why-ally, strategy.link-to-strategy and selection.due-diligence stay;
    // strategy.alliance-strategy and selection.criteria are no longer asked.
    assert_eq!(model.answers.len(), 3);
    assert!(model
        .notices()
        .contains(&Notice::QuestionsUpdated { kept: 3 }));
}
