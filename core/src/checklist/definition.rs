//! Loading and validating a checklist file (`content/checklist/<audience>.toml`) and the shared
//! `content/checklist/sources.toml` into a [`Definition`]; every problem becomes a lint issue.

use super::{Answers, Source, SourceKind};
use crate::content::LintIssue;
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::signal_text::{plain_language_problem, SignalText};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many questions in one checklist: the 15 of issue 1, plus the three about who
/// the contact is that issue 17 put first.
pub(super) const MAX_QUESTIONS: usize = 18;
/// The heaviest weight an answer may give a signal.
const MAX_WEIGHT: u32 = 5;
/// The id of the "I'm not sure" answer, which never counts as a yes.
pub(super) const UNSURE: &str = "unsure";
/// The heaviest weight a "not sure" answer may give a signal.
const MAX_UNSURE_WEIGHT: u32 = 1;
/// The range of a contact answer's factor, in percent.
const FACTORS: std::ops::RangeInclusive<u32> = 10..=400;

/// A text in every supported language.
pub(super) type Text = BTreeMap<Language, String>;

/// A validated checklist.
#[derive(Debug)]
pub(super) struct Definition {
    pub title: Text,
    pub intro: Text,
    pub thresholds: Thresholds,
    /// Signals a familiar contact may weigh down (friends do these things too).
    pub ordinary: BTreeSet<Signal>,
    pub questions: Vec<QuestionDef>,
    pub combinations: Vec<Combination>,
    pub articles: Vec<ArticleRule>,
    pub outcomes: BTreeMap<Level, Outcome>,
    /// This checklist's own signal explanations; when empty, the shared teen texts are used.
    pub explanations: BTreeMap<(Signal, Language), SignalText>,
}

/// The total weight from which a level is reached; `danger` is never reached by weight alone.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Thresholds {
    pub caution: u32,
    pub warning: u32,
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
    /// For an answer about who the contact is: how much it weighs every other answer, in percent.
    pub factor: Option<u32>,
}

impl AnswerDef {
    /// Whether this is the "I'm not sure" answer.
    pub fn is_unsure(&self) -> bool {
        self.id == UNSURE
    }
}

/// Answers that hold together: every named question got one of the named answers.
#[derive(Debug)]
pub(super) struct Condition(Vec<(String, Vec<String>)>);

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        self.0.iter().all(|(question, allowed)| answers.get(question).is_some_and(|a| allowed.contains(a)))
    }
}

/// Answers that together set a level.
#[derive(Debug)]
pub(super) struct Combination {
    pub when: Condition,
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
    pub advice: Vec<Step>,
}

/// One advice step, given always or only when its condition holds.
#[derive(Debug)]
pub(super) struct Step {
    pub text: Text,
    pub when: Option<Condition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    title: BTreeMap<String, String>,
    intro: BTreeMap<String, String>,
    #[serde(default)]
    ordinary: Vec<String>,
    thresholds: Thresholds,
    choices: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    combinations: Vec<RawCombination>,
    questions: Vec<RawQuestion>,
    articles: Vec<RawArticle>,
    outcome: BTreeMap<String, RawOutcome>,
    #[serde(default)]
    explanations: BTreeMap<String, RawExplanation>,
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
    factor: Option<u32>,
}

type RawCondition = BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombination {
    when: RawCondition,
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
    advice: Vec<RawStep>,
}

/// A step's text per language code, next to its optional condition (an unknown key is
/// reported as an unsupported language).
#[derive(Deserialize)]
struct RawStep {
    when: Option<RawCondition>,
    #[serde(flatten)]
    text: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExplanation {
    title: BTreeMap<String, String>,
    what: BTreeMap<String, String>,
    why: BTreeMap<String, String>,
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

    /// A condition on earlier answers: known questions, their answers, never "not sure".
    fn condition(&mut self, raw: &RawCondition, questions: &[QuestionDef], at: &str) -> Condition {
        for (question, answers) in raw {
            let Some(q) = questions.iter().find(|q| &q.id == question) else {
                self.add(format!("{at}: unknown question '{question}'"));
                continue;
            };
            for answer in answers {
                match q.answers.iter().find(|a| &a.id == answer) {
                    None => self.add(format!("{at}: '{answer}' is not an answer of '{question}'")),
                    Some(a) if a.is_unsure() => self.add(format!("{at}: 'not sure' never counts as yes")),
                    Some(_) => {}
                }
            }
        }
        Condition(raw.iter().map(|(q, a)| (q.clone(), a.clone())).collect())
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
        for language in Language::all() {
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
    let raw: BTreeMap<String, RawSource> = match crate::content::read(toml_text) {
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
pub(super) fn load(file: &str, toml_text: &str, sources: &BTreeMap<String, Source>) -> (Option<Definition>, Vec<LintIssue>) {
    let mut issues = Issues { file, found: Vec::new() };
    let raw: RawChecklist = match crate::content::read(toml_text) {
        Ok(raw) => raw,
        Err(e) => {
            issues.add(format!("not valid: {e}"));
            return (None, issues.found);
        }
    };
    let t = &raw.thresholds;
    if !(0 < t.caution && t.caution <= t.warning) {
        issues.add("thresholds must rise: 0 < caution <= warning".to_string());
    }
    if raw.questions.len() > MAX_QUESTIONS {
        issues.add(format!("{} questions: at most {MAX_QUESTIONS}", raw.questions.len()));
    }
    let choices: BTreeMap<&str, Text> = raw.choices.iter().map(|(id, text)| (id.as_str(), issues.text(text, &format!("choice '{id}'")))).collect();
    let mut questions: Vec<QuestionDef> = Vec::new();
    for q in &raw.questions {
        let question = load_question(&mut issues, q, &questions, &choices, sources);
        questions.push(question);
    }
    let combinations = raw
        .combinations
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let at = format!("combination #{}", i + 1);
            if c.when.len() < 2 {
                issues.add(format!("{at} needs at least two questions"));
            }
            let when = issues.condition(&c.when, &questions, &at);
            Some(Combination { when, level: issues.level(&c.level, &at)? })
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
        let advice: Vec<Step> = outcome
            .advice
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let at = format!("{at} advice #{}", i + 1);
                let when = step.when.as_ref().map(|w| issues.condition(w, &questions, &at));
                Step { text: issues.text(&step.text, &at), when }
            })
            .collect();
        if !advice.iter().any(|step| step.when.is_none()) {
            issues.add(format!("{at}: no advice step that is always given"));
        }
        outcomes.insert(level, Outcome { headline, advice });
    }
    for level in Level::ALL.iter().filter(|l| !outcomes.contains_key(*l)) {
        issues.add(format!("no outcome for level '{level}'"));
    }
    let ordinary = raw.ordinary.iter().filter_map(|s| issues.signal(s, "ordinary")).collect();
    let explanations = load_explanations(&mut issues, &raw.explanations, &questions);
    let title = issues.text(&raw.title, "title");
    let intro = issues.text(&raw.intro, "intro");
    let definition = Definition { title, intro, thresholds: raw.thresholds, ordinary, questions, combinations, articles, outcomes, explanations };
    (Some(definition), issues.found)
}

fn load_question(
    issues: &mut Issues,
    q: &RawQuestion,
    earlier: &[QuestionDef],
    choices: &BTreeMap<&str, Text>,
    sources: &BTreeMap<String, Source>,
) -> QuestionDef {
    let at = format!("question '{}'", q.id);
    if earlier.iter().any(|e| e.id == q.id) {
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
    let answers = load_answers(issues, q, choices);
    if let Some(gate) = &q.show_if {
        match earlier.iter().find(|e| e.id == gate.question) {
            None => issues.add(format!("{at}: show_if names '{}', which is not an earlier question", gate.question)),
            Some(gated_by) => {
                for answer in gate.answers.iter().filter(|a| !gated_by.answers.iter().any(|e| &e.id == *a)) {
                    issues.add(format!("{at}: show_if answer '{answer}' is not an answer of '{}'", gate.question));
                }
            }
        }
    }
    QuestionDef {
        id: q.id.clone(),
        text: issues.text(&q.text, &at),
        sources: question_sources,
        show_if: q.show_if.as_ref().map(|g| Gate { question: g.question.clone(), answers: g.answers.clone() }),
        answers,
    }
}

fn load_answers(issues: &mut Issues, q: &RawQuestion, choices: &BTreeMap<&str, Text>) -> Vec<AnswerDef> {
    let at = format!("question '{}'", q.id);
    if q.answers.len() < 2 {
        issues.add(format!("{at} needs at least two answers"));
    }
    let about_contact = q.answers.iter().filter(|a| a.factor.is_some()).count();
    if about_contact != 0 && about_contact != q.answers.len() {
        issues.add(format!("{at}: either every answer has a factor (a question about the contact) or none"));
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
            let unsure = a.id == UNSURE;
            let max_weight = if unsure { MAX_UNSURE_WEIGHT } else { MAX_WEIGHT };
            let signals = a
                .signals
                .iter()
                .filter_map(|(id, &weight)| {
                    if !(1..=max_weight).contains(&weight) {
                        issues.add(format!("{at}: weight {weight} of '{id}' is not 1 to {max_weight}"));
                    }
                    Some((issues.signal(id, &at)?, weight))
                })
                .collect();
            let level = a.level.as_ref().and_then(|l| issues.level(l, &at));
            if unsure && level > Some(Level::Caution) {
                issues.add(format!("{at}: 'not sure' can lead to caution at most"));
            }
            if let Some(factor) = a.factor {
                if !FACTORS.contains(&factor) {
                    issues.add(format!("{at}: factor {factor} is not {} to {}", FACTORS.start(), FACTORS.end()));
                }
                if !a.signals.is_empty() || level.is_some() || unsure {
                    issues.add(format!("{at}: an answer about the contact has a factor only"));
                }
            }
            AnswerDef { id: a.id.clone(), text, signals, level, factor: a.factor }
        })
        .collect()
}

/// A checklist's own signal explanations: every signal its answers can show must have one.
fn load_explanations(issues: &mut Issues, raw: &BTreeMap<String, RawExplanation>, questions: &[QuestionDef]) -> BTreeMap<(Signal, Language), SignalText> {
    let mut texts = BTreeMap::new();
    if raw.is_empty() {
        return texts;
    }
    for (id, explanation) in raw {
        let at = format!("explanation '{id}'");
        let Some(signal) = issues.signal(id, &at) else { continue };
        let (title, what, why) = (
            issues.text(&explanation.title, &format!("{at} title")),
            issues.text(&explanation.what, &format!("{at} what")),
            issues.text(&explanation.why, &format!("{at} why")),
        );
        for &language in Language::all() {
            if let (Some(title), Some(what), Some(why)) = (title.get(&language), what.get(&language), why.get(&language)) {
                let text = SignalText { signal, language, title: title.clone(), what: what.clone(), why: why.clone() };
                texts.insert((signal, language), text);
            }
        }
    }
    let shown: BTreeSet<Signal> = questions.iter().flat_map(|q| &q.answers).flat_map(|a| a.signals.iter().map(|&(s, _)| s)).collect();
    for signal in shown.iter().filter(|&&s| !raw.contains_key(s.as_str())) {
        issues.add(format!("signal '{signal}' is shown but has no explanation"));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;

    const SOURCES: &str = "[s]\nkind = \"instrument\"\ntitle = \"T\"\nurl = \"https://example.org\"\nnote = \"N\"\n";

    fn messages(toml_text: &str) -> Vec<String> {
        let (sources, problems) = load_sources("checklist/sources.toml", &json(SOURCES));
        assert_eq!(problems, vec![]);
        load("checklist/teen.toml", &json(toml_text), &sources).1.into_iter().map(|i| i.message).collect()
    }

    const BROKEN: &str = r#"
title = { en = "T", nl = "T" }
intro = { en = "I" }
ordinary = ["gossip"]
[thresholds]
caution = 3
warning = 2
[choices]
no = { en = "No", nl = "Nee" }
unsure = { en = "Not sure", nl = "Weet niet" }
[[combinations]]
when = { q1 = ["unsure"] }
level = "urgent"
[[combinations]]
when = { q1 = ["maybe"], q9 = ["yes"] }
level = "danger"
[[questions]]
id = "q0"
sources = ["s"]
text = { en = "Who?", nl = "Wie?" }
answers = [{ id = "friend", text = { en = "F", nl = "V" }, factor = 900 }, { id = "no", signals = { secrecy = 1 } }]
[[questions]]
id = "q1"
sources = ["s", "nowhere"]
text = { en = "Q?", nl = "V?" }
answers = [{ id = "yes", signals = { nudes = 2, secrecy = 9 } }, { id = "unsure", signals = { secrecy = 2 }, level = "danger" }, { id = "no" }]
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
[[outcome.none.advice]]
en = "A"
when = { q1 = ["no"] }
[explanations.threat]
title = { en = "T", nl = "T" }
what = { en = "W", nl = "W" }
why = { en = "W", nl = "W" }
"#;

    #[test]
    fn every_problem_in_a_checklist_file_is_named() {
        let found = messages(BROKEN);
        let expected = [
            "thresholds must rise: 0 < caution <= warning",
            "ordinary: unknown signal id 'gossip'",
            "question 'q0': either every answer has a factor (a question about the contact) or none",
            "question 'q0' answer 'friend': factor 900 is not 10 to 400",
            "question 'q1': unknown source 'nowhere'",
            "question 'q1' answer 'yes' has no text and is not a shared choice",
            "question 'q1' answer 'yes': unknown signal id 'nudes'",
            "question 'q1' answer 'yes': weight 9 of 'secrecy' is not 1 to 5",
            "question 'q1' answer 'unsure': weight 2 of 'secrecy' is not 1 to 1",
            "question 'q1' answer 'unsure': 'not sure' can lead to caution at most",
            "question 'q2' names no source",
            "question 'q2' needs at least two answers",
            "question 'q2': show_if names 'q3', which is not an earlier question",
            "question 'q2': unsupported language 'fr': use nl or en",
            "combination #1 needs at least two questions",
            "combination #1: 'not sure' never counts as yes",
            "combination #1: unknown level id 'urgent'",
            "combination #2: 'maybe' is not an answer of 'q1'",
            "combination #2: unknown question 'q9'",
            "article 'a' needs an id and signals or a level",
            "outcome 'none' advice #1: no text in 'nl'",
            "outcome 'none': no advice step that is always given",
            "no outcome for level 'danger'",
            "signal 'secrecy' is shown but has no explanation",
            "intro: no text in 'nl'",
        ];
        for message in expected {
            assert!(found.iter().any(|f| f == message), "missing {message:?} in {found:#?}");
        }
    }

    #[test]
    fn unreadable_files_are_issues_not_panics() {
        assert!(messages("title = 3")[0].starts_with("not valid"));
        let (sources, problems) = load_sources("checklist/sources.toml", &json("[x]\nkind = \"blog\"\ntitle = \"\"\nurl = \"u\"\nnote = \"n\""));
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
