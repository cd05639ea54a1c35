//! Scoring: checks the answers, adds up signal weights and decides the level.
//!
//! The level is the highest of: the level the total weight reaches (`[thresholds]`), the floor
//! of any answer (some answers are `danger` on their own) and any combination of signals seen.

use super::definition::{Definition, QuestionDef};
use super::{Answers, Audience, ChecklistError, ChecklistResult, SeenSignal, Situation};
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::signal_text;
use std::collections::BTreeMap;

/// Whether `q` is asked, given the answers so far: always, or when its gate got a matching answer.
pub(super) fn is_asked(q: &QuestionDef, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|gate| answers.get(&gate.question).is_some_and(|a| gate.answers.contains(a)))
}

/// Checks that every answer names a known question, one of its answers, and a question that is asked.
pub(super) fn check_answers(def: &Definition, answers: &Answers) -> Result<(), ChecklistError> {
    for (question, answer) in answers {
        let q = def
            .questions
            .iter()
            .find(|q| &q.id == question)
            .ok_or_else(|| ChecklistError::UnknownQuestion(question.clone()))?;
        if !q.answers.iter().any(|a| &a.id == answer) {
            return Err(ChecklistError::UnknownAnswer {
                question: question.clone(),
                answer: answer.clone(),
                options: q.answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>().join(", "),
            });
        }
        if !is_asked(q, answers) {
            let gate = q.show_if.as_ref().map(|g| g.question.clone()).unwrap_or_default();
            return Err(ChecklistError::NotAsked { question: question.clone(), gate });
        }
    }
    Ok(())
}

pub(super) fn score(
    def: &Definition,
    audience: Audience,
    language: Language,
    answers: &Answers,
) -> Result<ChecklistResult, ChecklistError> {
    check_answers(def, answers)?;
    let mut weights: BTreeMap<Signal, u32> = BTreeMap::new();
    let mut level = Level::None;
    for q in def.questions.iter().filter(|q| is_asked(q, answers)) {
        let given = answers.get(&q.id).ok_or_else(|| ChecklistError::MissingAnswer(q.id.clone()))?;
        let Some(answer) = q.answers.iter().find(|a| &a.id == given) else { continue };
        for &(signal, weight) in &answer.signals {
            *weights.entry(signal).or_default() += weight;
        }
        level = level.max(answer.level.unwrap_or(Level::None));
    }
    let total: u32 = weights.values().sum();
    let t = &def.thresholds;
    let by_total = [(t.danger, Level::Danger), (t.warning, Level::Warning), (t.caution, Level::Caution)]
        .into_iter()
        .find(|&(from, _)| total >= from)
        .map_or(Level::None, |(_, l)| l);
    level = level.max(by_total);
    for combination in &def.combinations {
        if combination.signals.iter().all(|s| weights.contains_key(s)) {
            level = level.max(combination.level);
        }
    }

    let mut seen: Vec<(Signal, u32)> = weights.into_iter().collect();
    seen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let signals = seen
        .iter()
        .map(|&(signal, weight)| {
            let explanation = signal_text::explanation(signal, language)
                .map_err(|e| ChecklistError::InvalidContent(e.to_string()))?
                .clone();
            Ok(SeenSignal { signal, weight, explanation })
        })
        .collect::<Result<Vec<_>, ChecklistError>>()?;
    let articles = def
        .articles
        .iter()
        .filter(|a| a.level.is_some_and(|l| level >= l) || a.signals.iter().any(|s| seen.iter().any(|(x, _)| x == s)))
        .map(|a| a.id.clone())
        .collect();
    let outcome = def
        .outcomes
        .get(&level)
        .ok_or_else(|| ChecklistError::InvalidContent(format!("no outcome for level '{level}'")))?;
    Ok(ChecklistResult {
        audience,
        language,
        level,
        headline: outcome.headline[&language].clone(),
        advice: outcome.advice[&language].clone(),
        articles,
        situation: Situation { level, signals: seen.iter().map(|&(s, _)| s).collect() },
        signals,
    })
}
