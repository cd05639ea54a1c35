//! The checklist through its public API, on the bundled content: adaptive questions, scoring,
//! explanations in both languages, and a typed error for every kind of bad input.

use baken_core::checklist::{self, Answers, Audience, ChecklistError};
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};
use std::collections::BTreeSet;

/// Walks the adaptive checklist, answering each question with `pick(question id)` or else "no".
fn walk(audience: Audience, pick: impl Fn(&str) -> Option<&'static str>) -> Answers {
    let mut answers = Answers::new();
    while let Some(q) = checklist::next_question(audience, Language::En, &answers).expect("valid answers") {
        let answer = pick(&q.id).unwrap_or("no");
        assert!(q.answers.iter().any(|a| a.id == answer), "{} offers {answer}", q.id);
        answers.insert(q.id, answer.to_string());
    }
    answers
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, a)| (q.to_string(), a.to_string())).collect()
}

/// The answers that are danger on their own, in both checklists, with the signal each shows.
const DANGER_ANSWERS: &[(&str, &str, Signal)] = &[
    ("threat_or_money", "threat", Signal::Threat),
    ("threat_or_money", "money", Signal::PaymentDemand),
    ("threat_or_money", "both", Signal::PaymentDemand),
    ("exploitation", "yes", Signal::Exploitation),
    ("afraid", "yes", Signal::Threat),
];

#[test]
fn all_no_gives_level_none_and_no_signals() {
    for &audience in Audience::ALL {
        let answers = walk(audience, |_| None);
        for &language in Language::ALL {
            let result = checklist::score(audience, language, &answers).expect("complete");
            assert_eq!(result.level, Level::None, "{audience} {language}");
            assert!(result.signals.is_empty() && result.situation.signals.is_empty());
            assert_eq!(result.situation.level, Level::None);
            assert!(!result.advice.is_empty(), "even 'none' says who to talk to");
        }
    }
}

#[test]
fn each_danger_answer_alone_gives_danger() {
    for &audience in Audience::ALL {
        for &(question, answer, signal) in DANGER_ANSWERS {
            let answers = walk(audience, |q| (q == question).then_some(answer));
            let result = checklist::score(audience, Language::Nl, &answers).expect("complete");
            assert_eq!(result.level, Level::Danger, "{audience}: {question}={answer}");
            assert!(result.situation.signals.contains(&signal), "{audience}: {question}={answer}");
            assert!(result.advice.iter().any(|step| step.contains("112")), "danger advice names 112");
        }
    }
}

#[test]
fn a_single_ordinary_yes_is_not_danger() {
    let flattery = checklist::score(Audience::Teen, Language::En, &walk(Audience::Teen, |q| (q == "flattery").then_some("yes")))
        .expect("complete");
    assert_eq!(flattery.level, Level::Caution);
    assert_eq!(flattery.situation.signals, vec![Signal::Flattery]);
    let nudes = walk(Audience::Teen, |q| (q == "images").then_some("nude"));
    let result = checklist::score(Audience::Teen, Language::En, &nudes).expect("complete");
    assert_eq!(result.level, Level::Warning);
    assert_eq!(result.situation.signals, vec![Signal::ImageRequest, Signal::SexualTalk], "strongest first");
}

#[test]
fn signs_add_up_and_a_secret_meeting_is_danger() {
    let grooming = walk(Audience::Teen, |q| match q {
        "flattery" | "personal_info" => Some("yes"),
        _ => None,
    });
    assert_eq!(checklist::score(Audience::Teen, Language::En, &grooming).expect("complete").level, Level::Warning);
    let secret_meeting = walk(Audience::Teen, |q| match q {
        "meeting" | "secrecy" => Some("yes"),
        _ => None,
    });
    assert_eq!(checklist::score(Audience::Teen, Language::En, &secret_meeting).expect("complete").level, Level::Danger);
}

#[test]
fn every_seen_signal_is_explained_in_both_languages() {
    let everything = walk(Audience::Teen, |q| match q {
        "images" => Some("nude"),
        "offers" | "threat_or_money" => Some("both"),
        _ => Some("yes"),
    });
    let mut seen = BTreeSet::new();
    for &language in Language::ALL {
        let result = checklist::score(Audience::Teen, language, &everything).expect("complete");
        assert_eq!(result.level, Level::Danger);
        for s in &result.signals {
            assert_eq!((s.explanation.signal, s.explanation.language), (s.signal, language));
            assert!(!s.explanation.title.is_empty() && !s.explanation.what.is_empty() && !s.explanation.why.is_empty());
            seen.insert(s.signal);
        }
    }
    assert_eq!(seen.len(), Signal::ALL.len(), "the teen checklist can reach every signal");
    let nl = checklist::score(Audience::Teen, Language::Nl, &everything).expect("complete");
    let en = checklist::score(Audience::Teen, Language::En, &everything).expect("complete");
    assert_ne!(nl.headline, en.headline);
    assert_ne!(nl.signals[0].explanation.why, en.signals[0].explanation.why);
}

#[test]
fn results_name_related_articles_and_route_by_level_and_signals() {
    let sextortion = walk(Audience::Teen, |q| match q {
        "images" => Some("nude"),
        "threat_or_money" => Some("money"),
        _ => None,
    });
    let result = checklist::score(Audience::Teen, Language::En, &sextortion).expect("complete");
    assert!(result.articles.contains(&"sextortion-teen".to_string()), "{:?}", result.articles);
    assert!(result.articles.contains(&"evidence-teen".to_string()));
    assert!(!result.articles.contains(&"job-offers-teen".to_string()));
    assert_eq!(result.situation.level, Level::Danger);
    assert!(result.situation.signals.contains(&Signal::PaymentDemand));
    let calm = checklist::score(Audience::Teen, Language::En, &walk(Audience::Teen, |_| None)).expect("complete");
    assert!(calm.articles.is_empty());
}

#[test]
fn follow_up_questions_are_asked_only_after_their_gate() {
    let without = walk(Audience::Teen, |_| None);
    assert!(!without.contains_key("owes"), "no offer: the debt question is skipped");
    let with = walk(Audience::Teen, |q| match q {
        "offers" => Some("gifts"),
        "owes" => Some("yes"),
        _ => None,
    });
    assert_eq!(with.get("owes").map(String::as_str), Some("yes"));
    let result = checklist::score(Audience::Teen, Language::En, &with).expect("complete");
    assert_eq!(result.level, Level::Warning);
    assert!(result.situation.signals.contains(&Signal::DebtBondage));
    let parent = walk(Audience::Parent, |_| None);
    assert!(!parent.contains_key("picked_up") && !parent.contains_key("owes"));
}

#[test]
fn checklists_are_short_sourced_and_in_both_languages() {
    for &audience in Audience::ALL {
        let nl = checklist::checklist(audience, Language::Nl).expect("bundled");
        let en = checklist::checklist(audience, Language::En).expect("bundled");
        assert!(en.questions.len() <= 15 && en.questions.len() == nl.questions.len());
        assert!(en.questions.iter().any(|q| q.follows.is_some()), "{audience} is adaptive");
        for (q_nl, q_en) in nl.questions.iter().zip(&en.questions) {
            assert_eq!(q_nl.id, q_en.id);
            assert_ne!(q_nl.text, q_en.text);
            assert!(!q_en.sources.is_empty() && q_en.sources.iter().all(|s| s.url.starts_with("http")));
        }
    }
    assert_eq!(baken_core::content::lint(), vec![]);
}

#[test]
fn bad_input_gets_a_typed_error() {
    let complete = walk(Audience::Teen, |_| None);
    let score = |answers: &Answers| checklist::score(Audience::Teen, Language::En, answers);

    let mut unknown_question = complete.clone();
    unknown_question.insert("favourite_colour".into(), "no".into());
    assert_eq!(score(&unknown_question), Err(ChecklistError::UnknownQuestion("favourite_colour".into())));

    let mut out_of_range = complete.clone();
    out_of_range.insert("secrecy".into(), "maybe".into());
    let err = score(&out_of_range).unwrap_err();
    assert!(matches!(&err, ChecklistError::UnknownAnswer { question, answer, .. } if question == "secrecy" && answer == "maybe"));
    assert!(err.to_string().contains("yes, unsure, no"), "{err}");

    let mut missing = complete.clone();
    missing.remove("afraid");
    assert_eq!(score(&missing), Err(ChecklistError::MissingAnswer("afraid".into())));
    assert!(checklist::next_question(Audience::Teen, Language::En, &missing).expect("valid").is_some_and(|q| q.id == "afraid"));

    let mut skipped = complete.clone();
    skipped.insert("owes".into(), "yes".into());
    assert_eq!(score(&skipped), Err(ChecklistError::NotAsked { question: "owes".into(), gate: "offers".into() }));

    assert!(matches!(
        "fr".parse::<Language>().map_err(ChecklistError::from),
        Err(ChecklistError::UnsupportedLanguage(_))
    ));
    assert_eq!("kid".parse::<Audience>(), Err(ChecklistError::UnknownAudience("kid".into())));
    assert_eq!(score(&answers(&[])), Err(ChecklistError::MissingAnswer("secrecy".into())));
}
