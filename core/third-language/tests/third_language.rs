//! A third language from test data only: the pseudo-language `xx` of `tests/fixtures/third-language/`
//! (made from English by `tests/fixtures/third-language.py`, its rules written by hand), bundled
//! next to the shipped content by the feature `third-language-test` that this package enables.
//! No code knows `xx`; these tests run it through the whole API and the content lint.

use baken_core::check;
use baken_core::checklist::{self, Answers, Audience as ChecklistAudience};
use baken_core::help::{self, Asker, Person, Situation, Topic};
use baken_core::journal::{EntryKind, Journal, Kdf, NewEntry, Options};
use baken_core::language::Language;
use baken_core::library::{Audience, Library};
use baken_core::signal::{Level, Signal};
use baken_core::{chat, content, lint, signal_text};

fn xx() -> Language {
    "xx".parse().expect("the third language is bundled in this test")
}

#[test]
fn it_is_listed_after_the_shipped_languages_and_parsed_like_them() {
    let codes: Vec<&str> = Language::all().iter().map(|l| l.code()).collect();
    assert_eq!(codes, ["nl", "en", "xx"]);
    assert_eq!("XX-yy".parse::<Language>(), Ok(xx()));
    assert_eq!(xx().name(), "Pseudo");
    assert_eq!(Language::fallback().code(), "en");
    assert_eq!(serde_json::to_string(&xx()).unwrap(), "\"xx\"");
}

#[test]
fn the_content_lint_covers_it_and_finds_nothing() {
    let issues = lint::content();
    assert!(issues.is_empty(), "{issues:#?}");
    assert!(content::file("strings/xx.toml").is_some() && content::file("rules/xx.toml").is_some());
    // The merged shared files keep the shipped texts and carry the third language's.
    let teen = content::file("checklist/teen.toml").expect("bundled");
    assert!(teen.contains("Is dit normaal?") && teen.contains("Is this nórmál?"), "{}", &teen[..300]);
}

#[test]
fn it_is_detected_and_analysed_with_its_own_rules() {
    assert_eq!(check::detect::detect("vu ka, nobo hushu?"), Some(xx()));
    let analysis = check::analyze("vu ka, nobo hushu?", None).expect("analyses");
    assert_eq!(analysis.language, Some(xx()));
    assert_eq!(analysis.signals.iter().map(|f| f.signal).collect::<Vec<_>>(), [Signal::Secrecy]);
    let composed = check::analyze("sendu vu pikku", Some(xx())).expect("analyses");
    assert_eq!(composed.signals.iter().map(|f| f.signal).collect::<Vec<_>>(), [Signal::ImageRequest]);
    // Its context cue silences it, and the shipped languages are untouched by its words.
    assert!(check::analyze("mamu: sendu vu pikku", Some(xx())).expect("analyses").signals.is_empty());
    assert_eq!(check::analyze("stuur me je foto", None).expect("analyses").language.map(Language::code), Some("nl"));
    assert!(check::analyze("hushu", Some("en".parse().unwrap())).expect("analyses").signals.is_empty());
    let explained = signal_text::explanation(Signal::Threat, xx()).expect("explained");
    assert!(explained.title.contains('á') || explained.title.contains('é'), "{}", explained.title);
}

#[test]
fn the_checklist_asks_and_explains_in_it() {
    let list = checklist::checklist(ChecklistAudience::Teen, xx()).expect("bundled");
    assert_eq!(list.title, "Is this nórmál?");
    let mut answers = Answers::new();
    while let Some(question) = checklist::next_question(ChecklistAudience::Teen, xx(), &answers).expect("valid") {
        assert!(!question.text.is_empty() && question.answers.iter().all(|a| !a.text.is_empty()), "{question:?}");
        let answer = if question.id == "threat_or_money" {
            "threat"
        } else {
            question.answers.iter().find(|a| a.id == "no").unwrap_or(&question.answers[0]).id.as_str()
        };
        answers.insert(question.id.clone(), answer.to_string());
    }
    let result = checklist::score(ChecklistAudience::Teen, xx(), &answers).expect("complete");
    assert_eq!(result.level, Level::Danger);
    assert!(result.signals.iter().any(|s| s.signal == Signal::Threat && s.explanation.language == xx()));
    assert!(result.advice.iter().all(|a| !a.is_empty()) && !result.headline.is_empty());
}

#[test]
fn routes_are_labelled_and_explained_in_it() {
    let now = help::parse_time("2026-12-07T09:30:00+01:00").expect("a time");
    let person = Person { asker: Asker::Teen, age: Some(14), language: xx(), quiet: false };
    let situation = Situation { topic: Some(Topic::Sextortion), signals: vec![], level: None };
    let routes = help::route(&situation, "NL", &person, now).expect("routes");
    let first = &routes[0];
    assert!(first.label.starts_with("Cáll "), "{}", first.label);
    assert!(first.reason.starts_with("Hélps with bláckmáil with pictúrés."), "{}", first.reason);
    // No NL service lists the pseudo-language, and the note of an unknown country is in it too.
    assert!(first.reason.contains("Máybé nót in Énglish."), "{}", first.reason);
    let note = help::coverage_note("CA", xx()).expect("a country").expect("Canada is not in the directory");
    assert!(note.starts_with("Bákén dóés nót knów"), "{note}");
}

#[test]
fn the_library_lists_searches_and_shows_its_articles() {
    let library = Library::bundled().expect("bundled");
    let teen = library.articles(xx(), Some(Audience::Teen), None);
    assert_eq!(teen.len(), library.articles("en".parse().unwrap(), Some(Audience::Teen), None).len());
    let hits = library.search("blackmail nude", xx(), Some(Audience::Teen));
    assert!(!hits.is_empty(), "no hit");
    let article = library.article(&hits[0].article.id, xx()).expect("found");
    assert_eq!(article.language, xx());
    assert!(!article.plain_text().is_empty());
    assert!(library.topics(xx()).iter().all(|t| !t.name.is_empty()));
    assert!(library.warning_sign(Signal::Threat, xx()).name.contains('é'));
}

#[test]
fn a_chat_in_it_is_scanned_and_summarised_in_it() {
    let export = "Sam: vu ka nobo\nLisa: ok\nSam: nobo hushu, vu ka\nSam: vu grimu ka tiki\n";
    let parsed = chat::read(export.as_bytes()).expect("pasted lines");
    let scan = chat::scan(check::analyzer().expect("rules"), &parsed, Some("Lisa"), None).expect("scans");
    let sam = scan.people.iter().find(|p| p.name == "Sam").expect("Sam");
    assert!(sam.signals.iter().any(|s| s.signal == Signal::Threat), "{sam:?}");
    // The reader's language is the one most messages are in: the summaries are in it.
    assert!(sam.summary.contains("Sam") && sam.summary.contains(['á', 'é', 'ó', 'ú']), "{}", sam.summary);
    let lisa = scan.people.iter().find(|p| p.name == "Lisa").expect("Lisa");
    assert!(lisa.summary.starts_with("This is yóú."), "{}", lisa.summary);
}

#[test]
fn the_evidence_report_is_written_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    let journal = Journal::create(&tmp.path().join("journal"), "correct horse 42", Options { kdf: Kdf::InsecureFastForTests, key_store: None }).unwrap();
    let entry = NewEntry {
        kind: EntryKind::Incident,
        happened_at: "2026-03-01T21:15:00+01:00".into(),
        contact: None,
        text: "vu grimu ka".into(),
        signals: vec![Signal::Threat],
        level: Some(Level::Danger),
        tags: vec![],
        attachments: vec![],
    };
    journal.add(entry).unwrap();
    let html = journal.report_html(xx()).expect("a report");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"xx\">"), "{}", &html[..80]);
    assert!(html.contains("<title>Jóúrnál: whát háppénéd</title>"), "{}", &html[..400]);
    assert!(html.contains("Chéck this répórt"));
    // The level and the signal are named in it too.
    assert!(html.contains("Dángér") && html.contains(&signal_text::explanation(Signal::Threat, xx()).unwrap().title), "{html}");
}
