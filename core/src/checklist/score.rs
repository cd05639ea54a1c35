//! Scoring: checks the answers, weighs them by who the contact is and decides the level.
//!
//! The answers about the contact multiply the weight of every other answer (their factors, in
//! percent); a factor below 100 lowers only the checklist's `ordinary` signals. The level is the
//! highest of: the level the total weight reaches (`[thresholds]`, at most `warning`), the floor
//! of any answer (some answers are `danger` on their own) and any combination of answers given.
//! "Not sure" answers add weight but lift the level at most one step above the sure answers.

use super::definition::{AnswerDef, Definition, QuestionDef};
use super::{Answers, Audience, ChecklistError, ChecklistResult, SeenSignal, Situation};
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::signal_text::{self, SignalText};
use std::collections::BTreeMap;

/// Whether `q` is asked, given the answers so far: always, or when its gate got a matching answer.
pub(super) fn is_asked(q: &QuestionDef, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|gate| answers.get(&gate.question).is_some_and(|a| gate.answers.contains(a)))
}

/// Checks that every answer names a known question, one of its answers, and a question that is asked.
pub(super) fn check_answers(def: &Definition, answers: &Answers) -> Result<(), ChecklistError> {
    for (question, answer) in answers {
        let q = def.questions.iter().find(|q| &q.id == question).ok_or_else(|| ChecklistError::UnknownQuestion(question.clone()))?;
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

pub(super) fn score(def: &Definition, audience: Audience, language: Language, answers: &Answers) -> Result<ChecklistResult, ChecklistError> {
    check_answers(def, answers)?;
    let given: Vec<&AnswerDef> = def
        .questions
        .iter()
        .filter(|q| is_asked(q, answers))
        .map(|q| {
            let id = answers.get(&q.id).ok_or_else(|| ChecklistError::MissingAnswer(q.id.clone()))?;
            q.answers.iter().find(|a| &a.id == id).ok_or_else(|| ChecklistError::MissingAnswer(q.id.clone()))
        })
        .collect::<Result<_, _>>()?;

    let contact = given.iter().filter_map(|a| a.factor).fold(PERCENT, |product, f| product * f / PERCENT);
    let mut sure: BTreeMap<Signal, u32> = BTreeMap::new();
    let mut unsure: BTreeMap<Signal, u32> = BTreeMap::new();
    let mut floor = Level::None;
    for answer in &given {
        let weights = if answer.is_unsure() { &mut unsure } else { &mut sure };
        for &(signal, weight) in &answer.signals {
            let factor = if def.ordinary.contains(&signal) { contact } else { contact.max(PERCENT) };
            *weights.entry(signal).or_default() += weight * factor;
        }
        floor = floor.max(answer.level.unwrap_or(Level::None));
    }
    let by_sure = by_weight(def, sure.values().sum());
    let by_all = by_weight(def, sure.values().chain(unsure.values()).sum()).min(one_step_above(by_sure));
    let by_combination = def.combinations.iter().filter(|c| c.when.holds(answers)).map(|c| c.level).max();
    let level = by_all.max(floor).max(by_combination.unwrap_or(Level::None));

    let mut seen: Vec<(Signal, u32)> =
        if level == Level::None { Vec::new() } else { sure.iter().filter(|&(_, &w)| w >= PERCENT).map(|(&s, &w)| (s, w)).collect() };
    seen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let signals = seen
        .iter()
        .map(|&(signal, weight)| {
            let explanation = explain(def, signal, language)?;
            Ok(SeenSignal { signal, weight: weight.div_ceil(PERCENT), explanation })
        })
        .collect::<Result<Vec<_>, ChecklistError>>()?;
    let outcome = def.outcomes.get(&level).ok_or_else(|| ChecklistError::InvalidContent(format!("no outcome for level '{level}'")))?;
    let advice = outcome.advice.iter().filter(|step| step.when.as_ref().is_none_or(|w| w.holds(answers))).map(|step| step.text[&language].clone()).collect();
    Ok(ChecklistResult {
        audience,
        language,
        level,
        headline: outcome.headline[&language].clone(),
        advice,
        articles: articles(def, level, &sure, &unsure),
        situation: Situation { level, signals: seen.iter().map(|&(s, _)| s).collect() },
        signals,
    })
}

/// Weights are kept in hundredths: a contact factor of 100 percent leaves a weight as it is. A
/// signal is listed as seen from one whole point, and only when the level is above `none`.
const PERCENT: u32 = 100;

/// The level a total weight (in hundredths) reaches; never `danger`.
fn by_weight(def: &Definition, total: u32) -> Level {
    let t = &def.thresholds;
    [(t.warning, Level::Warning), (t.caution, Level::Caution)].into_iter().find(|&(from, _)| total >= from * PERCENT).map_or(Level::None, |(_, level)| level)
}

/// "Not sure" answers may lift the level by one step at most.
fn one_step_above(level: Level) -> Level {
    Level::ALL.iter().copied().find(|&l| l > level).unwrap_or(level)
}

/// The related articles: those whose signals weigh at least one point, even if only "not
/// sure", strongest first; then those that come with the level.
fn articles(def: &Definition, level: Level, sure: &BTreeMap<Signal, u32>, unsure: &BTreeMap<Signal, u32>) -> Vec<String> {
    let weight = |s: &Signal| sure.get(s).copied().unwrap_or(0) + unsure.get(s).copied().unwrap_or(0);
    let mut related: Vec<(u32, &str)> = def
        .articles
        .iter()
        .filter_map(|a| {
            let strongest = a.signals.iter().map(weight).max().unwrap_or(0);
            (strongest >= PERCENT || a.level.is_some_and(|l| level >= l)).then_some((strongest, a.id.as_str()))
        })
        .collect();
    related.sort_by_key(|&(weight, _)| std::cmp::Reverse(weight));
    related.into_iter().map(|(_, id)| id.to_string()).collect()
}

/// The checklist's own explanation of `signal`, or else the shared one.
fn explain(def: &Definition, signal: Signal, language: Language) -> Result<SignalText, ChecklistError> {
    match def.explanations.get(&(signal, language)) {
        Some(own) => Ok(own.clone()),
        None => signal_text::explanation(signal, language).cloned().map_err(|e| ChecklistError::InvalidContent(e.to_string())),
    }
}
