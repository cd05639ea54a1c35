//! Loading and validating a checklist file (`content/checklist/<audience>.toml`) and the shared
//! `content/checklist/sources.toml` into a [`Definition`]; every problem becomes a lint issue.

use super::{Source, SourceKind};
use crate::content::LintIssue;
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::signal_text::plain_language_problem;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many questions in one checklist (the issue's limit).
pub(super) const MAX_QUESTIONS: usize = 15;
/// The heaviest weight an answer may give a signal.
const MAX_WEIGHT: u32 = 5;

/// A text in every supported language.
pub(super) type Text = BTreeMap<Language, String>;

/// A validated checklist.
#[derive(Debug)]
pub(super) struct Definition {
    pub title: Text,
    pub intro: Text,
    pub thresholds: Thresholds,
    pub questions: Vec<QuestionDef>,
    pub combinations: Vec<Combination>,
    pub articles: Vec<ArticleRule>,
    pub outcomes: BTreeMap<Level, Outcome>,
}

/// The total weight from which a level is reached.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Thresholds {
    pub caution: u32,
    pub warning: u32,
    pub danger: u32,
}

#[derive(Debug)]
pub(super) struct QuestionDef {
    pub id: String,
    pub text: Text,
    pub sources: Vec<Source>,
    pub show_if: Option<Gate>,
    pub answers: Vec<AnswerDef>,
}

/// A follow-up question is asked only when `question` got one of `answers`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Gate {
    pub question: String,
    pub answers: Vec<String>,
}

#[derive(Debug)]
pub(super) struct AnswerDef {
    pub id: String,
    pub text: Text,
    pub signals: Vec<(Signal, u32)>,
    /// The lowest level this answer leads to, whatever else was answered.
    pub level: Option<Level>,
}

/// Signals that together raise the level.
#[derive(Debug)]
pub(super) struct Combination {
    pub signals: Vec<Signal>,
    pub level: Level,
}

/// An article related to a result: when any of `signals` is seen, or from `level` up.
#[derive(Debug)]
pub(super) struct ArticleRule {
    pub id: String,
    pub signals: Vec<Signal>,
    pub level: Option<Level>,
}

#[derive(Debug)]
pub(super) struct Outcome {
    pub headline: Text,
    pub advice: BTreeMap<Language, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    title: BTreeMap<String, String>,
    intro: BTreeMap<String, String>,
    thresholds: Thresholds,
    choices: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    combinations: Vec<RawCombination>,
    questions: Vec<RawQuestion>,
    articles: Vec<RawArticle>,
    outcome: BTreeMap<String, RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    sources: Vec<String>,
    text: BTreeMap<String, String>,
    show_if: Option<Gate>,
    answers: Vec<RawAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    id: String,
    text: Option<BTreeMap<String, String>>,
    #[serde(default)]
    signals: BTreeMap<String, u32>,
    level: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombination {
    signals: Vec<String>,
    level: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    id: String,
    #[serde(default)]
    signals: Vec<String>,
    level: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    headline: BTreeMap<String, String>,
    advice: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    kind: String,
    title: String,
    url: String,
    note: String,
}

/// Collects the problems of one file while it is read.
struct Issues<'a> {
    file: &'a str,
    found: Vec<LintIssue>,
}

impl Issues<'_> {
    fn add(&mut self, message: String) {
        self.found.push(LintIssue { file: self.file.to_string(), message });
    }

    fn signal(&mut self, id: &str, at: &str) -> Option<Signal> {
        id.parse().map_err(|e| self.add(format!("{at}: {e}"))).ok()
    }

    fn level(&mut self, id: &str, at: &str) -> Option<Level> {
        id.parse().map_err(|e| self.add(format!("{at}: {e}"))).ok()
    }

    /// A text given in every language, in plain words.
    fn text(&mut self, raw: &BTreeMap<String, String>, at: &str) -> Text {
        let mut text = Text::new();
        for (code, value) in raw {
            match code.parse::<Language>() {
                Ok(language) => {
                    if let Some(problem) = plain_language_problem(value) {
                        self.add(format!("{at} ({code}): {problem}"));
                    }
                    text.insert(language, value.clone());
                }
                Err(e) => self.add(format!("{at}: {e}")),
            }
        }
        for language in Language::ALL {
            if !text.contains_key(language) {
                self.add(format!("{at}: no text in '{language}'"));
            }
        }
        text
    }
}

/// Reads the shared sources file.
pub(super) fn load_sources(file: &str, toml_text: &str) -> (BTreeMap<String, Source>, Vec<LintIssue>) {
    let mut issues = Issues { file, found: Vec::new() };
    let raw: BTreeMap<String, RawSource> = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(e) => {
            issues.add(format!("not valid: {e}"));
            return (BTreeMap::new(), issues.found);
        }
    };
    let mut sources = BTreeMap::new();
    for (id, raw) in raw {
        let kind = match raw.kind.as_str() {
            "warning_signs" => SourceKind::WarningSigns,
            "instrument" => SourceKind::Instrument,
            other => {
                issues.add(format!("source '{id}': kind '{other}' is not warning_signs or instrument"));
                continue;
            }
        };
        if !(raw.url.starts_with("https://") || raw.url.starts_with("http://")) {
            issues.add(format!("source '{id}': url '{}' is not a web address", raw.url));
        }
        if raw.title.trim().is_empty() || raw.note.trim().is_empty() {
            issues.add(format!("source '{id}': title and note must not be empty"));
        }
        sources.insert(id.clone(), Source { id, kind, title: raw.title, url: raw.url, note: raw.note });
    }
    (sources, issues.found)
}

/// Reads and validates one checklist file; the definition is `None` when the file can't be read.
pub(super) fn load(
    file: &str,
    toml_text: &str,
    sources: &BTreeMap<String, Source>,
) -> (Option<Definition>, Vec<LintIssue>) {
    let mut issues = Issues { file, found: Vec::new() };
    let raw: RawChecklist = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(e) => {
            issues.add(format!("not valid: {e}"));
            return (None, issues.found);
        }
    };
    let t = &raw.thresholds;
    if !(0 < t.caution && t.caution <= t.warning && t.warning <= t.danger) {
        issues.add("thresholds must rise: 0 < caution <= warning <= danger".to_string());
    }
    if raw.questions.len() > MAX_QUESTIONS {
        issues.add(format!("{} questions: at most {MAX_QUESTIONS}", raw.questions.len()));
    }
    let choices: BTreeMap<&str, Text> =
        raw.choices.iter().map(|(id, text)| (id.as_str(), issues.text(text, &format!("choice '{id}'")))).collect();
    let mut questions: Vec<QuestionDef> = Vec::new();
    for q in &raw.questions {
        let at = format!("question '{}'", q.id);
        if questions.iter().any(|earlier| earlier.id == q.id) {
            issues.add(format!("{at} appears twice"));
        }
        if q.sources.is_empty() {
            issues.add(format!("{at} names no source"));
        }
        let question_sources = q
            .sources
            .iter()
            .filter_map(|id| {
                let found = sources.get(id).cloned();
                if found.is_none() {
                    issues.add(format!("{at}: unknown source '{id}'"));
                }
                found
            })
            .collect();
        let answers = load_answers(&mut issues, q, &choices);
        if let Some(gate) = &q.show_if {
            match questions.iter().find(|earlier| earlier.id == gate.question) {
                None => issues.add(format!("{at}: show_if names '{}', which is not an earlier question", gate.question)),
                Some(earlier) => {
                    for answer in gate.answers.iter().filter(|a| !earlier.answers.iter().any(|e| &e.id == *a)) {
                        issues.add(format!("{at}: show_if answer '{answer}' is not an answer of '{}'", gate.question));
                    }
                }
            }
        }
        let text = issues.text(&q.text, &at);
        questions.push(QuestionDef {
            id: q.id.clone(),
            text,
            sources: question_sources,
            show_if: q.show_if.as_ref().map(|g| Gate { question: g.question.clone(), answers: g.answers.clone() }),
            answers,
        });
    }
    let combinations = raw
        .combinations
        .iter()
        .filter_map(|c| {
            let signals: Vec<Signal> = c.signals.iter().filter_map(|s| issues.signal(s, "combination")).collect();
            if c.signals.len() < 2 {
                issues.add("a combination needs at least two signals".to_string());
            }
            Some(Combination { signals, level: issues.level(&c.level, "combination")? })
        })
        .collect();
    let articles = raw
        .articles
        .iter()
        .map(|a| {
            let at = format!("article '{}'", a.id);
            if a.id.trim().is_empty() || (a.signals.is_empty() && a.level.is_none()) {
                issues.add(format!("{at} needs an id and signals or a level"));
            }
            ArticleRule {
                id: a.id.clone(),
                signals: a.signals.iter().filter_map(|s| issues.signal(s, &at)).collect(),
                level: a.level.as_ref().and_then(|l| issues.level(l, &at)),
            }
        })
        .collect();
    let mut outcomes = BTreeMap::new();
    for (id, outcome) in &raw.outcome {
        let at = format!("outcome '{id}'");
        let Some(level) = issues.level(id, &at) else { continue };
        let headline = issues.text(&outcome.headline, &at);
        let mut advice = BTreeMap::new();
        for (code, steps) in &outcome.advice {
            for (i, step) in steps.iter().enumerate() {
                if let Some(problem) = plain_language_problem(step) {
                    issues.add(format!("{at} advice {code} #{}: {problem}", i + 1));
                }
            }
            match code.parse::<Language>() {
                Ok(language) if !steps.is_empty() => {
                    advice.insert(language, steps.clone());
                }
                Ok(_) => {}
                Err(e) => issues.add(format!("{at}: {e}")),
            }
        }
        for language in Language::ALL.iter().filter(|l| !advice.contains_key(*l)) {
            issues.add(format!("{at}: no advice in '{language}'"));
        }
        outcomes.insert(level, Outcome { headline, advice });
    }
    for level in Level::ALL.iter().filter(|l| !outcomes.contains_key(*l)) {
        issues.add(format!("no outcome for level '{level}'"));
    }
    let title = issues.text(&raw.title, "title");
    let intro = issues.text(&raw.intro, "intro");
    let definition =
        Definition { title, intro, thresholds: raw.thresholds, questions, combinations, articles, outcomes };
    (Some(definition), issues.found)
}

fn load_answers(issues: &mut Issues, q: &RawQuestion, choices: &BTreeMap<&str, Text>) -> Vec<AnswerDef> {
    let at = format!("question '{}'", q.id);
    if q.answers.len() < 2 {
        issues.add(format!("{at} needs at least two answers"));
    }
    let mut seen = BTreeSet::new();
    q.answers
        .iter()
        .map(|a| {
            let at = format!("{at} answer '{}'", a.id);
            if !seen.insert(a.id.as_str()) {
                issues.add(format!("{at} appears twice"));
            }
            let text = match (&a.text, choices.get(a.id.as_str())) {
                (Some(own), _) => issues.text(own, &at),
                (None, Some(choice)) => choice.clone(),
                (None, None) => {
                    issues.add(format!("{at} has no text and is not a shared choice"));
                    Text::new()
                }
            };
            let signals = a
                .signals
                .iter()
                .filter_map(|(id, &weight)| {
                    if !(1..=MAX_WEIGHT).contains(&weight) {
                        issues.add(format!("{at}: weight {weight} of '{id}' is not 1 to {MAX_WEIGHT}"));
                    }
                    Some((issues.signal(id, &at)?, weight))
                })
                .collect();
            AnswerDef { id: a.id.clone(), text, signals, level: a.level.as_ref().and_then(|l| issues.level(l, &at)) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = "[s]\nkind = \"instrument\"\ntitle = \"T\"\nurl = \"https://example.org\"\nnote = \"N\"\n";

    fn messages(toml_text: &str) -> Vec<String> {
        let (sources, problems) = load_sources("checklist/sources.toml", SOURCES);
        assert_eq!(problems, vec![]);
        load("checklist/teen.toml", toml_text, &sources).1.into_iter().map(|i| i.message).collect()
    }

    const BROKEN: &str = r#"
title = { en = "T", nl = "T" }
intro = { en = "I" }
[thresholds]
caution = 3
warning = 2
danger = 9
[choices]
no = { en = "No", nl = "Nee" }
[[combinations]]
signals = ["meeting"]
level = "urgent"
[[questions]]
id = "q1"
sources = ["s", "nowhere"]
text = { en = "Q?", nl = "V?" }
answers = [{ id = "yes", signals = { nudes = 2, secrecy = 9 } }, { id = "no" }]
[[questions]]
id = "q2"
sources = []
show_if = { question = "q3", answers = ["yes"] }
text = { en = "Q?", nl = "V?", fr = "Q?" }
answers = [{ id = "no" }]
[[articles]]
id = "a"
[outcome.none]
headline = { en = "H", nl = "H" }
advice = { en = ["A"] }
"#;

    #[test]
    fn every_problem_in_a_checklist_file_is_named() {
        let found = messages(BROKEN);
        let expected = [
            "thresholds must rise: 0 < caution <= warning <= danger",
            "question 'q1': unknown source 'nowhere'",
            "question 'q1' answer 'yes' has no text and is not a shared choice",
            "question 'q1' answer 'yes': unknown signal id 'nudes'",
            "question 'q1' answer 'yes': weight 9 of 'secrecy' is not 1 to 5",
            "question 'q2' names no source",
            "question 'q2' needs at least two answers",
            "question 'q2': show_if names 'q3', which is not an earlier question",
            "question 'q2': unsupported language 'fr': use nl or en",
            "combination: unknown level id 'urgent'",
            "a combination needs at least two signals",
            "article 'a' needs an id and signals or a level",
            "outcome 'none': no advice in 'nl'",
            "no outcome for level 'danger'",
            "intro: no text in 'nl'",
        ];
        for message in expected {
            assert!(found.iter().any(|f| f == message), "missing {message:?} in {found:#?}");
        }
    }

    #[test]
    fn unreadable_files_are_issues_not_panics() {
        assert!(messages("title = 3")[0].starts_with("not valid"));
        let (sources, problems) = load_sources("checklist/sources.toml", "[x]\nkind = \"blog\"\ntitle = \"\"\nurl = \"u\"\nnote = \"n\"");
        assert!(sources.is_empty());
        assert_eq!(problems[0].message, "source 'x': kind 'blog' is not warning_signs or instrument");
    }

    #[test]
    fn too_many_questions_are_refused() {
        let question = "[[questions]]\nid = \"q{}\"\nsources = [\"s\"]\ntext = { en = \"Q?\", nl = \"V?\" }\nanswers = [{ id = \"no\" }, { id = \"no2\", text = { en = \"N\", nl = \"N\" } }]\n";
        let many: String = (0..=MAX_QUESTIONS).map(|i| question.replace("{}", &i.to_string())).collect();
        let (head, tail) = (BROKEN.split("[[questions]]").next(), BROKEN.split("[[articles]]").nth(1));
        let found = messages(&format!("{}\n{many}\n[[articles]]{}", head.unwrap_or_default(), tail.unwrap_or_default()));
        assert!(found.contains(&format!("{} questions: at most {MAX_QUESTIONS}", MAX_QUESTIONS + 1)), "{found:#?}");
    }
}
