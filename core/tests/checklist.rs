//! The checklist through its public API, on the bundled content: adaptive questions, scoring,
//! explanations in both languages, and a typed error for every kind of bad input.

use baken_core::checklist::{self, Answers, Audience, ChecklistError};
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};
use std::collections::BTreeSet;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

/// Walks the adaptive checklist, answering each question with `pick(question id)`, or else "no",
/// or else (a question about the contact) its first answer.
fn walk(audience: Audience, pick: impl Fn(&str) -> Option<&'static str>) -> Answers {
    let mut answers = Answers::new();
    while let Some(q) = checklist::next_question(audience, lang("en"), &answers).expect("valid answers") {
        let fallback = if q.answers.iter().any(|a| a.id == "no") { "no" } else { q.answers[0].id.as_str() };
        let answer = pick(&q.id).unwrap_or(fallback).to_string();
        assert!(q.answers.iter().any(|a| a.id == answer), "{} offers {answer}", q.id);
        answers.insert(q.id, answer);
    }
    answers
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, a)| (q.to_string(), a.to_string())).collect()
}

/// Teen answers about the contact: a classmate of the same age, or an adult met online days ago.
const CLASSMATE: &[(&str, &str)] = &[("known", "real_life"), ("age", "same"), ("duration", "months")];
const ADULT_ONLINE: &[(&str, &str)] = &[("known", "online_only"), ("age", "much_older"), ("duration", "days")];

/// The teen checklist walked with `contact` and the `given` answers, the rest "no".
fn teen(contact: &[(&str, &'static str)], given: &[(&str, &'static str)]) -> checklist::ChecklistResult {
    let all: Vec<(&str, &'static str)> = contact.iter().chain(given).copied().collect();
    let answers = walk(Audience::Teen, |q| all.iter().find(|(id, _)| *id == q).map(|&(_, a)| a));
    checklist::score(Audience::Teen, lang("en"), &answers).expect("complete")
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
        for &language in Language::all() {
            let result = checklist::score(audience, language, &answers).expect("complete");
            assert_eq!(result.level, Level::None, "{audience} {language}");
            assert!(result.signals.is_empty() && result.situation.signals.is_empty());
            assert_eq!(result.situation.level, Level::None);
            assert!(!result.advice.is_empty(), "even 'none' says who to talk to");
        }
    }
}

#[test]
fn each_danger_answer_alone_gives_danger_whoever_the_contact_is() {
    for &audience in Audience::ALL {
        for &(question, answer, signal) in DANGER_ANSWERS {
            let answers = walk(audience, |q| (q == question).then_some(answer));
            let result = checklist::score(audience, lang("nl"), &answers).expect("complete");
            assert_eq!(result.level, Level::Danger, "{audience}: {question}={answer}");
            assert!(result.situation.signals.contains(&signal), "{audience}: {question}={answer}");
            assert!(result.advice.iter().any(|step| step.contains("112")), "danger advice names 112");
        }
    }
}

#[test]
fn who_the_contact_is_weighs_every_answer() {
    let hang_out = [("personal_info", "yes"), ("platform_switch", "yes"), ("meeting", "yes"), ("flattery", "yes")];
    let classmate = teen(CLASSMATE, &hang_out);
    assert_eq!(classmate.level, Level::None, "a classmate who wants to hang out");
    assert!(classmate.signals.is_empty() && classmate.articles.is_empty(), "'no warning signs' lists none");
    assert_eq!(teen(ADULT_ONLINE, &hang_out).level, Level::Warning, "an adult met online days ago");
    let controlling = [("control", "yes"), ("pressure", "yes")];
    assert_eq!(teen(CLASSMATE, &controlling).level, Level::Warning, "control is not lowered for a peer");
    let nudes = teen(CLASSMATE, &[("images", "nude"), ("meeting", "yes")]);
    assert_eq!((nudes.level, nudes.situation.signals), (Level::Caution, vec![Signal::ImageRequest]));
    assert_eq!(teen(ADULT_ONLINE, &[("images", "nude")]).level, Level::Danger, "an adult asking for nudes");
}

#[test]
fn danger_needs_a_danger_answer_or_a_strong_combination() {
    let many = [
        ("isolation", "yes"),
        ("personal_info", "yes"),
        ("platform_switch", "yes"),
        ("flattery", "yes"),
        ("meeting", "yes"),
        ("control", "yes"),
        ("pressure", "yes"),
    ];
    assert_eq!(teen(ADULT_ONLINE, &many).level, Level::Warning, "weight alone never gives danger");
    let secret_meeting = [("meeting", "yes"), ("secrecy", "yes")];
    assert_eq!(teen(ADULT_ONLINE, &secret_meeting).level, Level::Danger);
    assert!(teen(CLASSMATE, &secret_meeting).level < Level::Warning, "a crush who wants to meet quietly");
}

#[test]
fn not_sure_never_counts_as_yes() {
    for &audience in Audience::ALL {
        let list = checklist::checklist(audience, lang("en")).expect("bundled");
        let unsure: Vec<&str> = list.questions.iter().filter(|q| q.answers.iter().any(|a| a.id == "unsure")).map(|q| q.id.as_str()).collect();
        let worst: &[(&str, &'static str)] = match audience {
            Audience::Teen => &[("known", "online_only"), ("age", "much_older"), ("duration", "days")],
            Audience::Parent => &[("contact", "online"), ("age", "much_older"), ("duration", "days")],
        };
        let pick = |chosen: &[&str]| walk(audience, |q| worst.iter().find(|(id, _)| *id == q).map(|&(_, a)| a).or(chosen.contains(&q).then_some("unsure")));
        for (i, first) in unsure.iter().enumerate() {
            let alone = checklist::score(audience, lang("en"), &pick(&[first])).expect("complete");
            assert!(alone.level < Level::Warning, "{audience}: '{first}' unsure alone gives {}", alone.level);
            assert!(alone.signals.is_empty(), "{audience}: an unsure answer is not listed as seen");
            for second in &unsure[i + 1..] {
                let two = checklist::score(audience, lang("en"), &pick(&[first, second])).expect("complete");
                assert!(two.level < Level::Warning, "{audience}: {first} + {second} unsure give {}", two.level);
            }
        }
        let every = checklist::score(audience, lang("en"), &pick(&unsure)).expect("complete");
        assert_eq!(every.level, Level::Caution, "{audience}: every answer unsure");
    }
}

#[test]
fn advice_fits_who_the_contact_is() {
    let signs = [("control", "yes"), ("pressure", "yes")];
    let classmate = teen(CLASSMATE, &signs);
    let online = teen(&[("known", "online_only"), ("age", "same"), ("duration", "months")], &signs);
    assert_eq!((classmate.level, online.level), (Level::Warning, Level::Warning));
    assert!(classmate.advice.iter().any(|s| s.contains("public place")), "{:?}", classmate.advice);
    assert!(!classmate.advice.iter().any(|s| s.contains("don't meet this person")));
    assert!(online.advice.iter().any(|s| s.contains("don't meet this person")), "{:?}", online.advice);
    let threatened = teen(CLASSMATE, &[("threat_or_money", "threat")]);
    assert!(threatened.advice.iter().any(|s| s.starts_with("Don't pay")));
    let nudes = teen(ADULT_ONLINE, &[("images", "nude")]);
    assert!(!nudes.advice.iter().any(|s| s.starts_with("Don't pay")), "no money asked: no payment advice");
}

#[test]
fn the_parent_result_speaks_to_the_parent_about_the_child() {
    let everything = walk(Audience::Parent, |q| match q {
        "contact" | "age" | "duration" => None,
        "asked_images" => Some("nude"),
        "threat_or_money" => Some("both"),
        _ => Some("yes"),
    });
    for &language in Language::all() {
        let result = checklist::score(Audience::Parent, language, &everything).expect("complete");
        assert_eq!(result.level, Level::Danger);
        for s in &result.signals {
            let shared = baken_core::signal_text::explanation(s.signal, language).expect("bundled");
            assert_ne!(s.explanation.what, shared.what, "{}: the parent text is its own", s.signal);
            assert_eq!((s.explanation.signal, s.explanation.language), (s.signal, language));
        }
        let text: String = result.signals.iter().map(|s| format!("{} {}", s.explanation.what, s.explanation.why)).collect();
        let child = if language == lang("nl") { "je kind" } else { "your child" };
        assert!(text.to_lowercase().contains(child), "{language}: addressed to the parent about the child");
        assert!(!text.contains("Je mag nee zeggen") && !text.contains(" u ") && !text.contains("Uw "), "{language}: je, not u");
    }
}

#[test]
fn every_seen_signal_is_explained_in_both_languages() {
    let everything = walk(Audience::Teen, |q| match q {
        "known" | "age" | "duration" => ADULT_ONLINE.iter().find(|(id, _)| *id == q).map(|&(_, a)| a),
        "images" => Some("nude"),
        "offers" | "threat_or_money" => Some("both"),
        _ => Some("yes"),
    });
    let mut seen = BTreeSet::new();
    for &language in Language::all() {
        let result = checklist::score(Audience::Teen, language, &everything).expect("complete");
        assert_eq!(result.level, Level::Danger);
        for s in &result.signals {
            assert_eq!((s.explanation.signal, s.explanation.language), (s.signal, language));
            assert!(!s.explanation.title.is_empty() && !s.explanation.what.is_empty() && !s.explanation.why.is_empty());
            seen.insert(s.signal);
        }
    }
    assert_eq!(seen.len(), Signal::ALL.len(), "the teen checklist can reach every signal");
    let nl = checklist::score(Audience::Teen, lang("nl"), &everything).expect("complete");
    let en = checklist::score(Audience::Teen, lang("en"), &everything).expect("complete");
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
    let result = checklist::score(Audience::Teen, lang("en"), &sextortion).expect("complete");
    assert_eq!(result.articles[..2], ["sextortion-money-teen", "sextortion-teen"], "strongest first: {:?}", result.articles);
    assert!(result.articles.contains(&"evidence-teen".to_string()));
    assert!(!result.articles.contains(&"job-offers-teen".to_string()));
    assert_eq!(result.situation.level, Level::Danger);
    assert!(result.situation.signals.contains(&Signal::PaymentDemand));
    let calm = checklist::score(Audience::Teen, lang("en"), &walk(Audience::Teen, |_| None)).expect("complete");
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
    let result = checklist::score(Audience::Teen, lang("en"), &with).expect("complete");
    assert_eq!(result.level, Level::Warning);
    assert!(result.situation.signals.contains(&Signal::DebtBondage));
    let parent = walk(Audience::Parent, |q| (q == "contact").then_some("unknown"));
    assert!(!parent.contains_key("age") && !parent.contains_key("duration") && !parent.contains_key("owes"));
    assert!(walk(Audience::Parent, |q| (q == "contact").then_some("online")).contains_key("age"));
}

#[test]
fn checklists_are_short_sourced_and_in_both_languages() {
    for &audience in Audience::ALL {
        let nl = checklist::checklist(audience, lang("nl")).expect("bundled");
        let en = checklist::checklist(audience, lang("en")).expect("bundled");
        assert!(en.questions.len() <= 18 && en.questions.len() == nl.questions.len());
        assert_eq!(en.questions[0].id, if audience == Audience::Teen { "known" } else { "contact" }, "who first");
        assert!(en.questions.iter().any(|q| q.follows.is_some()), "{audience} is adaptive");
        for (q_nl, q_en) in nl.questions.iter().zip(&en.questions) {
            assert_eq!(q_nl.id, q_en.id);
            assert_ne!(q_nl.text, q_en.text);
            assert!(!q_en.sources.is_empty() && q_en.sources.iter().all(|s| s.url.starts_with("http")));
        }
    }
    assert_eq!(baken_core::lint::content(), vec![]);
}

#[test]
fn bad_input_gets_a_typed_error() {
    let complete = walk(Audience::Teen, |_| None);
    let score = |answers: &Answers| checklist::score(Audience::Teen, lang("en"), answers);

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
    assert!(checklist::next_question(Audience::Teen, lang("en"), &missing).expect("valid").is_some_and(|q| q.id == "afraid"));

    let mut skipped = complete.clone();
    skipped.insert("owes".into(), "yes".into());
    assert_eq!(score(&skipped), Err(ChecklistError::NotAsked { question: "owes".into(), gate: "offers".into() }));

    assert!(matches!("fr".parse::<Language>().map_err(ChecklistError::from), Err(ChecklistError::UnsupportedLanguage(_))));
    assert_eq!("kid".parse::<Audience>(), Err(ChecklistError::UnknownAudience("kid".into())));
    assert_eq!(score(&answers(&[])), Err(ChecklistError::MissingAnswer("known".into())));
}
