//! The "Is this normal?" checklist: short, adaptive questions, first about who the contact is,
//! then about the contact's behaviour (for teens) or about signs in a child (for parents), scored
//! into a level, the signals seen with their explanations, advice steps, related articles and
//! the situation to route help with.
//!
//! The questions, weights, combinations and texts are data (`content/checklist/{teen,parent}.toml`),
//! each question naming its sources (`content/checklist/sources.toml`). Answers are given as
//! question id -> answer id.

mod definition;
mod model;
mod score;

pub use model::{AnswerOption, Answers, Audience, Checklist, ChecklistError, ChecklistResult, Question, SeenSignal, Situation, Source, SourceKind};

use crate::content::{files_under, LintIssue};
use crate::language::Language;
use definition::{Definition, QuestionDef};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The checklist for `audience` in `language`, with every question.
pub fn checklist(audience: Audience, language: Language) -> Result<Checklist, ChecklistError> {
    let def = definition(audience)?;
    Ok(Checklist {
        audience,
        language,
        title: def.title[&language].clone(),
        intro: def.intro[&language].clone(),
        questions: def.questions.iter().map(|q| view(q, language)).collect(),
    })
}

/// The next question to ask after `answers`, or `None` when all asked questions are answered.
/// Follow-up questions are skipped when their earlier answer does not call for them.
pub fn next_question(audience: Audience, language: Language, answers: &Answers) -> Result<Option<Question>, ChecklistError> {
    let def = definition(audience)?;
    score::check_answers(def, answers)?;
    Ok(def.questions.iter().find(|q| score::is_asked(q, answers) && !answers.contains_key(&q.id)).map(|q| view(q, language)))
}

/// Scores a completed checklist: every asked question must have an answer.
pub fn score(audience: Audience, language: Language, answers: &Answers) -> Result<ChecklistResult, ChecklistError> {
    score::score(definition(audience)?, audience, language, answers)
}

/// Checks the bundled checklists and their sources.
pub fn lint(issues: &mut Vec<LintIssue>) {
    let bundle = bundle();
    issues.extend(bundle.issues.iter().cloned());
    let Ok(library) = crate::library::Library::bundled() else { return };
    for (audience, definition) in &bundle.definitions {
        for rule in &definition.articles {
            for &language in Language::all() {
                if library.article(&rule.id, language).is_err() {
                    let message = format!("related article '{}' does not exist in {language}", rule.id);
                    issues.push(LintIssue { file: format!("checklist/{audience}.toml"), message });
                }
            }
        }
    }
}

fn view(q: &QuestionDef, language: Language) -> Question {
    Question {
        id: q.id.clone(),
        text: q.text[&language].clone(),
        answers: q.answers.iter().map(|a| AnswerOption { id: a.id.clone(), text: a.text[&language].clone() }).collect(),
        follows: q.show_if.as_ref().map(|g| g.question.clone()),
        sources: q.sources.clone(),
    }
}

struct Bundle {
    definitions: BTreeMap<Audience, Definition>,
    issues: Vec<LintIssue>,
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let mut issues = Vec::new();
        let mut sources = BTreeMap::new();
        for (path, text) in files_under("checklist/sources.toml") {
            let (found, problems) = definition::load_sources(path, text);
            sources = found;
            issues.extend(problems);
        }
        let mut definitions = BTreeMap::new();
        for &audience in Audience::ALL {
            let path = format!("checklist/{audience}.toml");
            let found = files_under(&path).next();
            match found {
                Some((path, text)) => {
                    let (def, problems) = definition::load(path, text, &sources);
                    if problems.is_empty() {
                        definitions.extend(def.map(|d| (audience, d)));
                    }
                    issues.extend(problems);
                }
                None => issues.push(LintIssue { file: path, message: "missing".to_string() }),
            }
        }
        Bundle { definitions, issues }
    })
}

fn definition(audience: Audience) -> Result<&'static Definition, ChecklistError> {
    let bundle = bundle();
    bundle.definitions.get(&audience).ok_or_else(|| {
        let first = bundle.issues.first().map(|i| format!("{}: {}", i.file, i.message));
        ChecklistError::InvalidContent(first.unwrap_or_else(|| format!("no {audience} checklist")))
    })
}
