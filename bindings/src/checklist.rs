//! The "Is this normal?" checklist and the signal explanations. Signal and level ids are the
//! stable snake_case ids of DESIGN.md, as strings.

use crate::BakenError;
use baken_core::checklist::{self, Answers, Audience, ChecklistError};
use baken_core::language::Language;
use baken_core::signal::Signal;
use baken_core::signal_text::{self, MissingSignalText, SignalText};
use std::collections::HashMap;

/// Who fills in the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ChecklistAudience {
    /// A teen asking about someone they are in contact with.
    Teen,
    /// A parent or carer worried about their child.
    Parent,
}

/// Where a question comes from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QuestionSource {
    /// The source id.
    pub id: String,
    /// `warning_signs` or `instrument` (a validated screening instrument).
    pub kind: String,
    /// The source's title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// What Baken takes from it, and its limits.
    pub note: String,
}

/// One answer a question offers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistAnswerOption {
    /// The answer id to give back.
    pub id: String,
    /// The answer as shown.
    pub text: String,
}

/// One question, in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistQuestion {
    /// The question id.
    pub id: String,
    /// The question as shown.
    pub text: String,
    /// The answers, in the order to show them.
    pub answers: Vec<ChecklistAnswerOption>,
    /// For a follow-up: the question whose answer decides whether this one is asked.
    pub follows: Option<String>,
    /// Where the question comes from.
    pub sources: Vec<QuestionSource>,
}

/// A checklist in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Checklist {
    /// The title.
    pub title: String,
    /// A short introduction to show first.
    pub intro: String,
    /// Every question, in order; follow-ups are asked only after some answers.
    pub questions: Vec<ChecklistQuestion>,
}

/// What a signal means, for a teen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignalExplanation {
    /// The signal id, such as `image_request`.
    pub signal: String,
    /// A short title.
    pub title: String,
    /// What the contact does.
    pub what: String,
    /// Why it matters, and what to do.
    pub why: String,
}

/// A signal the answers point to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistSignal {
    /// The signal id.
    pub signal: String,
    /// How strongly the answers point to it.
    pub weight: u32,
    /// What it means and why it matters.
    pub explanation: SignalExplanation,
}

/// What to pass to help routing.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistSituation {
    /// The level id: `none`, `caution`, `warning` or `danger`.
    pub level: String,
    /// The signal ids seen, strongest first.
    pub signals: Vec<String>,
}

/// The outcome of a filled-in checklist: an indication, not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistResult {
    /// The level id: `none`, `caution`, `warning` or `danger`.
    pub level: String,
    /// What the level means, in a sentence or two.
    pub headline: String,
    /// The signals seen, strongest first, each explained.
    pub signals: Vec<ChecklistSignal>,
    /// What to do now, in order.
    pub advice: Vec<String>,
    /// Ids of related library articles.
    pub articles: Vec<String>,
    /// What to pass to help routing.
    pub situation: ChecklistSituation,
}

impl From<ChecklistError> for BakenError {
    fn from(e: ChecklistError) -> Self {
        let reason = e.to_string();
        match e {
            ChecklistError::InvalidContent(_) => BakenError::Internal { reason },
            _ => BakenError::InvalidInput { reason },
        }
    }
}

impl From<MissingSignalText> for BakenError {
    fn from(e: MissingSignalText) -> Self {
        BakenError::Internal { reason: e.to_string() }
    }
}

impl From<ChecklistAudience> for Audience {
    fn from(a: ChecklistAudience) -> Self {
        match a {
            ChecklistAudience::Teen => Audience::Teen,
            ChecklistAudience::Parent => Audience::Parent,
        }
    }
}

impl From<&SignalText> for SignalExplanation {
    fn from(t: &SignalText) -> Self {
        SignalExplanation { signal: t.signal.to_string(), title: t.title.clone(), what: t.what.clone(), why: t.why.clone() }
    }
}

fn language(code: &str) -> Result<Language, BakenError> {
    code.parse::<Language>().map_err(|e| ChecklistError::from(e).into())
}

fn question(q: checklist::Question) -> ChecklistQuestion {
    ChecklistQuestion {
        id: q.id,
        text: q.text,
        answers: q.answers.into_iter().map(|a| ChecklistAnswerOption { id: a.id, text: a.text }).collect(),
        follows: q.follows,
        sources: q
            .sources
            .into_iter()
            .map(|s| QuestionSource {
                id: s.id,
                kind: match s.kind {
                    checklist::SourceKind::WarningSigns => "warning_signs".to_string(),
                    checklist::SourceKind::Instrument => "instrument".to_string(),
                },
                title: s.title,
                url: s.url,
                note: s.note,
            })
            .collect(),
    }
}

/// The checklist in a language (`nl`, `en`), with every question.
#[uniffi::export]
pub fn checklist(audience: ChecklistAudience, language_code: String) -> Result<Checklist, BakenError> {
    let c = checklist::checklist(audience.into(), language(&language_code)?)?;
    Ok(Checklist { title: c.title, intro: c.intro, questions: c.questions.into_iter().map(question).collect() })
}

/// The next question to ask after `answers` (question id -> answer id), or null when done.
#[uniffi::export]
pub fn checklist_next_question(
    audience: ChecklistAudience,
    language_code: String,
    answers: HashMap<String, String>,
) -> Result<Option<ChecklistQuestion>, BakenError> {
    let answers: Answers = answers.into_iter().collect();
    Ok(checklist::next_question(audience.into(), language(&language_code)?, &answers)?.map(question))
}

/// Scores a completed checklist (question id -> answer id).
#[uniffi::export]
pub fn checklist_score(
    audience: ChecklistAudience,
    language_code: String,
    answers: HashMap<String, String>,
) -> Result<ChecklistResult, BakenError> {
    let answers: Answers = answers.into_iter().collect();
    let r = checklist::score(audience.into(), language(&language_code)?, &answers)?;
    Ok(ChecklistResult {
        level: r.level.to_string(),
        headline: r.headline,
        signals: r
            .signals
            .iter()
            .map(|s| ChecklistSignal {
                signal: s.signal.to_string(),
                weight: s.weight,
                explanation: (&s.explanation).into(),
            })
            .collect(),
        advice: r.advice,
        articles: r.articles,
        situation: ChecklistSituation {
            level: r.situation.level.to_string(),
            signals: r.situation.signals.iter().map(Signal::to_string).collect(),
        },
    })
}

/// What a signal id means, in a language (`nl`, `en`).
#[uniffi::export]
pub fn signal_explanation(signal: String, language_code: String) -> Result<SignalExplanation, BakenError> {
    let signal: Signal = signal.parse().map_err(|e: baken_core::signal::UnknownId| BakenError::InvalidInput {
        reason: e.to_string(),
    })?;
    Ok(signal_text::explanation(signal, language(&language_code)?)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every question answered "no", or (a question about the contact) its first answer.
    fn all_no(audience: ChecklistAudience) -> HashMap<String, String> {
        let mut answers = HashMap::new();
        while let Some(q) = checklist_next_question(audience, "en".into(), answers.clone()).expect("valid") {
            let answer = if q.answers.iter().any(|a| a.id == "no") { "no".to_string() } else { q.answers[0].id.clone() };
            answers.insert(q.id, answer);
        }
        answers
    }

    #[test]
    fn converts_questions_results_and_explanations() {
        let list = checklist(ChecklistAudience::Teen, "nl".into()).expect("bundled");
        assert!(list.questions.iter().any(|q| q.follows.as_deref() == Some("offers")));
        assert!(list.questions.iter().flat_map(|q| &q.sources).any(|s| s.kind == "instrument"));
        let mut answers = all_no(ChecklistAudience::Parent);
        answers.insert("exploitation".into(), "yes".into());
        let result = checklist_score(ChecklistAudience::Parent, "en-GB".into(), answers).expect("complete");
        assert_eq!(result.level, "danger");
        assert_eq!(result.situation.signals, vec!["exploitation".to_string()]);
        assert_eq!(result.signals[0].explanation.signal, "exploitation");
        let text = signal_explanation("threat".into(), "nl".into()).expect("bundled");
        assert!(text.why.contains("niet jouw schuld"));
    }

    #[test]
    fn bad_input_is_invalid_input() {
        let invalid = |r: Result<ChecklistResult, BakenError>| matches!(r, Err(BakenError::InvalidInput { .. }));
        assert!(invalid(checklist_score(ChecklistAudience::Teen, "fr".into(), all_no(ChecklistAudience::Teen))));
        assert!(invalid(checklist_score(ChecklistAudience::Teen, "en".into(), HashMap::new())));
        let mut wrong = all_no(ChecklistAudience::Teen);
        wrong.insert("secrecy".into(), "perhaps".into());
        assert!(invalid(checklist_score(ChecklistAudience::Teen, "en".into(), wrong)));
        assert!(matches!(signal_explanation("nudes".into(), "en".into()), Err(BakenError::InvalidInput { .. })));
    }
}
