//! Every user-facing sentence that is not content of its own (articles, rules, checklists,
//! signal explanations and help services have their files): what each level means, route labels
//! and reasons, weekdays, topic words, the evidence report's words, chat-scan summaries and the
//! terminal's headings.
//! One file per language, `content/strings/<code>.toml`, read into [`Strings`].
//!
//! The keys are typed: each area is a struct that denies unknown fields and has no defaults, so a
//! missing or misspelt key is a load error that names the file and the key, and code can only ask
//! for keys that exist. Placeholders such as `{name}` are filled by [`fill`]; the lint requires a
//! key's placeholders to be the same in every language as in the fallback language, so a
//! translation cannot drop a value or ask for one the code does not give. Each language's file is
//! read on its first use.

use crate::content::{LintIssue, Value};
use crate::language::Language;
use crate::signal::Level;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{LazyLock, OnceLock};

/// The strings of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// What each level means for the one reading it, in `Level::ALL` order.
    pub levels: [LevelText; 4],
    pub(crate) route: RouteWords,
    pub(crate) topics: TopicWords,
    pub(crate) report: ReportWords,
    pub(crate) chat: ChatWords,
    /// The terminal front end's words.
    pub cli: CliWords,
}

/// What a level means, for the app to show beside a result: a short title and the next step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    /// A few words, such as "Warning signs".
    pub title: String,
    /// What to do now, in two or three short sentences.
    pub advice: String,
}

/// What `level` means, in `language`.
pub fn level_text(level: Level, language: Language) -> &'static LevelText {
    &strings(language).levels[level.index()]
}

/// A route's button label and the sentences of why it was chosen (`help::texts`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RouteWords {
    pub call_listed: String,
    pub call: String,
    pub text_keyword: String,
    pub text: String,
    pub chat: String,
    pub web_form: String,
    pub email: String,
    pub website: String,
    pub walk_in: String,
    pub emergency: String,
    pub helps_with: String,
    pub anything_teen: String,
    pub anything_parent: String,
    pub anything_professional: String,
    pub email_any_time: String,
    pub always_open: String,
    pub open_until: String,
    pub closed: String,
    pub opens_at: String,
    pub opens_tomorrow_at: String,
    pub opens_on: String,
    pub hours_unknown: String,
    pub free: String,
    pub anonymous: String,
    pub other_language: String,
    /// Monday first.
    pub weekdays: [String; 7],
    pub local_emergency_name: String,
    pub local_emergency_label: String,
    pub local_emergency_reason: String,
    pub not_known_yet: String,
}

/// A help topic in a few plain words; grooming and exploitation are said to each asker.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TopicWords {
    pub emergency: String,
    pub sextortion: String,
    pub trafficking: String,
    pub image_removal: String,
    pub online_abuse: String,
    pub sexual_violence: String,
    pub domestic_violence: String,
    pub suicide: String,
    pub victim_support: String,
    pub missing_child: String,
    pub offender_prevention: String,
    pub general: String,
    pub teen: AskerTopics,
    pub parent: AskerTopics,
    pub professional: AskerTopics,
}

/// The topics said to one kind of asker.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AskerTopics {
    pub grooming: String,
    pub exploitation: String,
}

/// The evidence report's words; the check in the page (`report.js`) gets the serialised ones.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportWords {
    /// Entry kinds, in `EntryKind::ALL` order.
    #[serde(skip_serializing)]
    pub kinds: [String; 4],
    /// Levels, in `Level::ALL` order.
    #[serde(skip_serializing)]
    pub levels: [String; 4],
    #[serde(skip_serializing)]
    pub broken: String,
    #[serde(skip_serializing)]
    pub damaged: String,
    pub title: String,
    pub intro: String,
    pub made: String,
    pub seal: String,
    pub head: String,
    pub seal_help: String,
    pub intact: String,
    pub edited: String,
    pub empty: String,
    pub check: String,
    pub happened: String,
    pub recorded: String,
    pub who: String,
    pub signals: String,
    pub level: String,
    pub tags: String,
    pub attachments: String,
    pub bytes: String,
    pub version: String,
    pub hash: String,
    pub damaged_attachment: String,
    pub damaged_link: String,
    pub removed: String,
    pub appendix: String,
    pub appendix_help: String,
    pub ok: String,
    pub bad: String,
    pub p_chain: String,
    pub p_seal: String,
    pub p_header: String,
    pub p_entry: String,
    pub p_extra: String,
    pub p_damaged: String,
    pub p_missing: String,
    pub p_appendix: String,
    pub p_attachment: String,
    pub p_layout: String,
}

/// A contact's summary in a chat scan, and the journal entry a scan is saved as (`chat`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChatWords {
    pub none: String,
    pub one: String,
    pub several: String,
    pub and: String,
    /// Singular and plural.
    pub minutes: [String; 2],
    pub hours: [String; 2],
    pub days: [String; 2],
    pub me: String,
    pub flagged: String,
    pub more: String,
    pub cannot_show: String,
    pub export: String,
    pub too_large: String,
    /// A phrase per stage id (the chat lint checks that every stage has one).
    pub stages: BTreeMap<String, String>,
    /// A sentence per limitation id (checked the same way).
    pub limitations: BTreeMap<String, String>,
}

/// The terminal front end's words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliWords {
    /// "Type a number from 1 to {count}."
    pub answer_hint: String,
    /// The checklist result's headings.
    pub result: String,
    /// "What we saw".
    pub seen: String,
    /// "What you can do now".
    pub todo: String,
    /// "Read more".
    pub read_more: String,
    /// "Find help".
    pub find_help: String,
    /// The levels as shouted words, in `Level::ALL` order.
    pub levels: [String; 4],
    /// The line above the help routes.
    pub not_alone: String,
    /// The heading of the other routes.
    pub also: String,
    /// "Sources (reviewed {date}):" under an article.
    pub sources: String,
    /// The chat scan's first line: "{format} export, {count} messages. Overall: {level}".
    pub scan: String,
    /// "message", "messages": singular and plural.
    pub messages: [String; 2],
    /// "message {number}", for a message without a time.
    pub message_number: String,
}

/// The strings file of `language`, relative to `content/`.
pub fn file_of(language: Language) -> String {
    format!("strings/{}.toml", language.code())
}

fn load(language: Language) -> Result<Strings, String> {
    let file = file_of(language);
    let source = crate::content::file(&file).ok_or_else(|| "missing: every language needs its strings".to_string())?;
    crate::content::read(source)
}

/// The strings of `language`, read on first use. A file with problems gives empty strings here and
/// its problems in [`lint`], which the tests and `baken content lint` run over every language.
pub fn strings(language: Language) -> &'static Strings {
    static LOADED: LazyLock<Vec<OnceLock<Strings>>> = LazyLock::new(|| Language::all().iter().map(|_| OnceLock::new()).collect());
    LOADED[language.index()].get_or_init(|| load(language).unwrap_or_default())
}

/// `template` with each `{name}` replaced by its value; a placeholder without a value stays as it is
/// (the lint keeps placeholders the same as in the fallback language, whose texts the tests check).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let value = after.find('}').and_then(|close| values.iter().find(|(name, _)| *name == &after[1..close]).map(|(_, v)| (close, *v)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|part| part.split_once('}')).map(|(name, _)| name).filter(|name| !name.is_empty() && !name.contains(' ')).collect()
}

/// Every text of a parsed file by its dotted key (`route.call`, `cli.levels.2`).
fn texts<'a>(prefix: String, value: &'a Value, out: &mut BTreeMap<String, &'a str>) {
    match value {
        Value::String(text) => drop(out.insert(prefix, text)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, item)| texts(format!("{prefix}.{i}"), item, out)),
        Value::Object(table) => table.iter().for_each(|(key, item)| texts(if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") }, item, out)),
        _ => {}
    }
}

/// Checks every language's strings (part of `baken content lint`): the file reads, with every key
/// and no unknown one, no empty text, and each key's placeholders as in the fallback language.
pub fn lint(issues: &mut Vec<LintIssue>) {
    check(&|language| crate::content::file(&file_of(language)), issues);
}

/// [`lint`] over the files that `source` gives.
fn check(source: &dyn Fn(Language) -> Option<&'static str>, issues: &mut Vec<LintIssue>) {
    let parsed = |language: Language| source(language).and_then(|text| crate::content::read::<Value>(text).ok());
    let fallback = Language::fallback();
    let fallback_table = parsed(fallback);
    let mut fallback_texts = BTreeMap::new();
    if let Some(table) = &fallback_table {
        texts(String::new(), table, &mut fallback_texts);
    }
    for &language in Language::all() {
        let file = file_of(language);
        let mut report = |message: String| issues.push(LintIssue { file: file.clone(), message });
        let Some(text) = source(language) else {
            report("missing: every language needs its strings".into());
            continue;
        };
        if let Err(problem) = crate::content::read::<Strings>(text) {
            report(problem);
            continue;
        }
        let Some(table) = parsed(language) else { continue };
        let mut own = BTreeMap::new();
        texts(String::new(), &table, &mut own);
        for (key, text) in &own {
            if text.trim().is_empty() {
                report(format!("{key} is empty"));
            }
            let wanted = fallback_texts.get(key).map(|t| placeholders(t)).unwrap_or_default();
            if wanted != placeholders(text) {
                report(format!("{key} has the placeholders {:?}; {fallback} has {wanted:?}", placeholders(text)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{json, read, source};

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("Call {name} ({address})", &[("name", "Kindertelefoon"), ("address", "0800-0432")]), "Call Kindertelefoon (0800-0432)");
        assert_eq!(fill("{a}{a} {b} {", &[("a", "x")]), "xx {b} {");
        assert_eq!(fill("no braces", &[("a", "x")]), "no braces");
    }

    #[test]
    fn every_language_loads_and_the_lint_is_clean() {
        for &language in Language::all() {
            assert!(load(language).is_ok(), "{language}: {:?}", load(language).err());
        }
        let mut issues = Vec::new();
        lint(&mut issues);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(strings("nl".parse().unwrap()).route.weekdays[0], "maandag");
    }

    #[test]
    fn a_missing_or_misspelt_key_is_named() {
        let en = source("strings/en.toml");
        let missing = json(&en.replace("call = \"Call {name} ({address})\"\n", ""));
        let error = read::<Strings>(&missing).expect_err("a key is missing");
        assert!(error.contains("missing field `call`"), "{error}");
        let misspelt = json(&en.replace("call = \"Call", "cal = \"Call"));
        let error = read::<Strings>(&misspelt).expect_err("a key is misspelt");
        assert!(error.contains("unknown field `cal`"), "{error}");
    }

    #[test]
    fn the_lint_names_the_file_and_key_of_each_problem() {
        let nl = source("strings/nl.toml");
        let planted: &'static str = json(&nl.replace("Bel {name} ({address})", "Bel {naam} ({address})").replace("free = \"Gratis.\"", "free = \" \"")).leak();
        let mut issues = Vec::new();
        check(&|language| if language.code() == "nl" { Some(planted) } else { crate::content::file(&file_of(language)) }, &mut issues);
        let all: Vec<String> = issues.iter().map(|i| format!("{}: {}", i.file, i.message)).collect();
        assert!(all.iter().any(|i| i.starts_with("strings/nl.toml: route.call has the placeholders {\"address\", \"naam\"}")), "{all:?}");
        assert!(all.contains(&"strings/nl.toml: route.free is empty".to_string()), "{all:?}");
        let mut issues = Vec::new();
        let broken: &'static str = json(&nl.replace("free = ", "fre = ")).leak();
        check(&|language| if language.code() == "nl" { Some(broken) } else { crate::content::file(&file_of(language)) }, &mut issues);
        assert!(issues.iter().any(|i| i.file == "strings/nl.toml" && i.message.contains("unknown field `fre`")), "{issues:?}");
        assert_eq!(placeholders("{name} or {address}, {not one}"), BTreeSet::from(["address", "name"]));
    }
}
