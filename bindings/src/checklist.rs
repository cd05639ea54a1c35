//! The "Is this normal?" checklist and the signal explanations. The records are the core's own
//! (see `types.rs`).

use crate::types::Language;
use crate::BakenError;
use baken_core::checklist::{self, Audience, Checklist, ChecklistResult, Question};
use baken_core::signal::{Level, Signal};
use baken_core::signal_text::{self, SignalText};
use baken_core::strings::LevelText;
use std::collections::HashMap;

/// The checklist in a language, with every question.
#[uniffi::export]
pub fn checklist(audience: Audience, language: Language) -> Result<Checklist, BakenError> {
    Ok(checklist::checklist(audience, language.into())?)
}

/// The next question to ask after `answers` (question id -> answer id), or null when done.
#[uniffi::export]
pub fn checklist_next_question(audience: Audience, language: Language, answers: HashMap<String, String>) -> Result<Option<Question>, BakenError> {
    Ok(checklist::next_question(audience, language.into(), &answers.into_iter().collect())?)
}

/// Scores a completed checklist (question id -> answer id).
#[uniffi::export]
pub fn checklist_score(audience: Audience, language: Language, answers: HashMap<String, String>) -> Result<ChecklistResult, BakenError> {
    Ok(checklist::score(audience, language.into(), &answers.into_iter().collect())?)
}

/// What a signal means, in a language.
#[uniffi::export]
pub fn signal_explanation(signal: Signal, language: Language) -> Result<SignalText, BakenError> {
    Ok(signal_text::explanation(signal, language.into())?.clone())
}

/// What a result's level means, in a language: a title and the next step, to show beside any result
/// (a message, a checklist, a chat scan).
#[uniffi::export]
pub fn level_text(level: Level, language: Language) -> LevelText {
    baken_core::strings::level_text(level, language.into()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use baken_core::checklist::SourceKind;

    /// Every question answered "no", or (a question about the contact) its first answer.
    fn all_no(audience: Audience) -> HashMap<String, String> {
        let mut answers = HashMap::new();
        while let Some(q) = checklist_next_question(audience, Language::En, answers.clone()).expect("valid") {
            let answer = if q.answers.iter().any(|a| a.id == "no") { "no".to_string() } else { q.answers[0].id.clone() };
            answers.insert(q.id, answer);
        }
        answers
    }

    #[test]
    fn passes_questions_results_and_explanations() {
        let list = checklist(Audience::Teen, Language::Nl).expect("bundled");
        assert!(list.questions.iter().any(|q| q.follows.as_deref() == Some("offers")));
        assert!(list.questions.iter().flat_map(|q| &q.sources).any(|s| s.kind == SourceKind::Instrument));
        let mut answers = all_no(Audience::Parent);
        answers.insert("exploitation".into(), "yes".into());
        let result = checklist_score(Audience::Parent, Language::En, answers).expect("complete");
        assert_eq!(result.level, Level::Danger);
        assert_eq!(result.situation.signals, vec![Signal::Exploitation]);
        assert_eq!(result.signals[0].explanation.signal, Signal::Exploitation);
        let text = signal_explanation(Signal::Threat, Language::Nl).expect("bundled");
        assert!(text.why.contains("niet jouw schuld"));
        assert_eq!(level_text(Level::Danger, Language::Nl).title, "Doe nu iets");
        assert!(level_text(Level::Danger, Language::En).advice.contains("not your fault"));
    }

    #[test]
    fn bad_answers_are_invalid_input() {
        let invalid = |r: Result<ChecklistResult, BakenError>| matches!(r, Err(BakenError::InvalidInput { .. }));
        assert!(invalid(checklist_score(Audience::Teen, Language::En, HashMap::new())));
        let mut wrong = all_no(Audience::Teen);
        wrong.insert("secrecy".into(), "perhaps".into());
        assert!(invalid(checklist_score(Audience::Teen, Language::En, wrong)));
    }
}
