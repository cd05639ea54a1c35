//! Message rules as data (`content/rules/{nl,en}.toml`), compiled into fast matchers.
//!
//! A rule file holds, per language: `benign` look-alike messages that must stay quiet; `define`d
//! pattern pieces, used in patterns as `<name>`; `emoji` that stand for words; and the rules. A
//! rule has an id, a signal, optional level, patterns over normalised text, optional `unless`
//! guards (a benign look-alike in the same message silences the rule) and `examples` that must
//! fire it. Patterns are written in normal spelling; they are squeezed like the text (see
//! [`squeeze_pattern`]). Building reads every pattern ([`pattern`]) into one lazy DFA that finds,
//! in one pass over many lines, the lines where some pattern matches and which patterns those
//! are; only those patterns then run on those lines, for the exact spans. Each pattern's own
//! regex, and each guard, is compiled once, on first use.

use super::normalize::{squeeze_pattern, EmojiWords};
use super::pattern;
use crate::content::{files_under, LintIssue};
use crate::language::Language;
use crate::signal::{Level, Signal};
use regex_automata::hybrid::{self, dfa::OverlappingState};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::{pool::Pool, syntax};
use regex_automata::{Input, MatchKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Bundled rule files that failed to load; each problem names the file and the rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the bundled message rules are broken: {}", .0.join("; "))]
pub struct RuleError(pub Vec<String>);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    language: String,
    #[serde(default)]
    benign: Vec<String>,
    #[serde(default)]
    define: BTreeMap<String, String>,
    #[serde(default)]
    emoji: BTreeMap<String, String>,
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    signal: String,
    level: Option<String>,
    patterns: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

/// A regex over normalised text, compiled on first use.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    regex: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// A regex to compile on first use; `eager` compiles it now, so errors surface now (the lint
    /// does this for every regex).
    fn new(source: String, eager: bool) -> Result<LazyRegex, String> {
        let regex = OnceLock::new();
        if eager {
            let compiled = build_regex(&source).map_err(|e| e.to_string())?;
            if compiled.is_match(b"") {
                return Err("matches empty text".to_string());
            }
            let _ = regex.set(Some(compiled));
        }
        Ok(LazyRegex { source, regex })
    }

    /// The compiled regex; `None` only if it fails to compile (the lint rules that out).
    fn get(&self) -> Option<&Regex> {
        self.regex.get_or_init(|| build_regex(&self.source).ok()).as_ref()
    }
}

/// One compiled rule.
#[derive(Debug)]
pub(crate) struct Rule {
    pub(crate) id: String,
    pub(crate) signal: Signal,
    pub(crate) level: Level,
    unless: Option<LazyRegex>,
}

impl Rule {
    /// Whether a benign look-alike in the message silences this rule.
    fn is_silenced(&self, message: &[u8]) -> bool {
        self.unless.as_ref().and_then(LazyRegex::get).is_some_and(|guard| guard.is_match(message))
    }
}

/// Every pattern of a rule set as one lazy DFA, which finds the lines where patterns match, and
/// which patterns those are, in one pass over many lines.
struct AllPatterns {
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync>>,
}

impl AllPatterns {
    /// Reads the patterns with [`pattern::parse_for_matcher`] where it can (much faster than the
    /// general parser), and compiles them into one lazy DFA.
    fn new(patterns: &[&str]) -> Result<AllPatterns, String> {
        let hirs = patterns
            .iter()
            .map(|source| pattern::parse_for_matcher(source).map_or_else(|| syntax::parse_with(source, &all_patterns_syntax()), Ok))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .map_err(|e| e.to_string())?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        let for_cache = dfa.clone();
        let caches: Pool<_, Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync>> = Pool::new(Box::new(move || for_cache.create_cache()));
        Ok(AllPatterns { dfa, caches })
    }

    /// Every line of `text` in which a pattern matches, with each pattern that matches in it, as
    /// [`Candidate`]s in order of the lines, into `out`. A fast pass finds the next line with a
    /// match; only that line is searched for every pattern. Should a search fail, every pattern
    /// counts as matching in every line from there on.
    fn matching_lines(&self, text: &[u8], out: &mut Vec<Candidate>) {
        let mut cache = self.caches.get();
        let mut at = 0;
        while at < text.len() {
            let (line, mut state) = match self.dfa.try_search_fwd(&mut cache, &Input::new(text).range(at..).earliest(true)) {
                // The line of the match's last byte (never before `at`, so the search moves on).
                Ok(Some(found)) => (line_around(text, found.offset().saturating_sub(1).max(at)), OverlappingState::start()),
                Ok(None) => return,
                Err(_) => return self.all_patterns_in_every_line(text, at, out),
            };
            let input = Input::new(text).span(line.clone());
            loop {
                if self.dfa.try_search_overlapping_fwd(&mut cache, &input, &mut state).is_err() {
                    return self.all_patterns_in_every_line(text, line.start, out);
                }
                let Some(found) = state.get_match() else { break };
                out.push((line.start, line.end, found.pattern().as_usize()));
            }
            at = line.end + 1;
        }
    }

    fn all_patterns_in_every_line(&self, text: &[u8], from: usize, out: &mut Vec<Candidate>) {
        let mut start = from;
        while start < text.len() {
            let line = line_around(text, start);
            out.extend((0..self.dfa.pattern_len()).map(|pattern| (line.start, line.end, pattern)));
            start = line.end + 1;
        }
    }
}

/// The line of `text` around byte `at`, without its newline.
fn line_around(text: &[u8], at: usize) -> std::ops::Range<usize> {
    let start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |newline| newline + 1);
    let end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |n| at + n);
    start..end
}

impl std::fmt::Debug for AllPatterns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AllPatterns").field("patterns", &self.dfa.pattern_len()).finish_non_exhaustive()
    }
}

/// The compiled rules of one language.
#[derive(Debug)]
pub(crate) struct RuleSet {
    pub(crate) language: Language,
    pub(crate) emoji: EmojiWords,
    pub(crate) rules: Vec<Rule>,
    /// Every pattern at once, to find the lines where a pattern matches.
    all: AllPatterns,
    /// Every pattern: the rule it belongs to and its regex, for the spans of its matches.
    patterns: Vec<(usize, LazyRegex)>,
}

/// A match of one rule in a normalised line.
pub(crate) struct RuleMatch<'r> {
    pub(crate) rule: &'r Rule,
    pub(crate) range: std::ops::Range<usize>,
}

/// A line of normalised text in which a pattern matches: (line start, line end, pattern).
pub(crate) type Candidate = (usize, usize, usize);

impl RuleSet {
    /// The lines of normalised `text` (one message per line) in which some pattern matches, with
    /// each pattern that matches there, into `out` (cleared first), sorted by line.
    pub(crate) fn candidates(&self, text: &[u8], out: &mut Vec<Candidate>) {
        out.clear();
        self.all.matching_lines(text, out);
        out.sort_unstable();
        out.dedup();
    }

    /// The patterns among `patterns` (which match in one normalised `line`) whose rule no benign
    /// look-alike in the line silences, into `out` (cleared first). A rule's guard is checked
    /// once for its patterns that come in a row.
    pub(crate) fn unsilenced(&self, line: &[u8], patterns: impl IntoIterator<Item = usize>, out: &mut Vec<usize>) {
        out.clear();
        let mut checked: Option<(usize, bool)> = None;
        for pattern in patterns {
            let rule = self.patterns[pattern].0;
            let silenced = match checked {
                Some((last, silenced)) if last == rule => silenced,
                _ => self.rules[rule].is_silenced(line),
            };
            checked = Some((rule, silenced));
            if !silenced {
                out.push(pattern);
            }
        }
    }

    /// Every match of `patterns` in one normalised `line`, in no particular order.
    pub(crate) fn line_matches<'r>(&'r self, line: &[u8], patterns: &[usize], out: &mut Vec<RuleMatch<'r>>) {
        for &pattern in patterns {
            let (rule, regex) = &self.patterns[pattern];
            let Some(regex) = regex.get() else { continue };
            let rule = &self.rules[*rule];
            out.extend(regex.find_iter(line).map(|m| RuleMatch { rule, range: m.range() }));
        }
    }
}

/// Default level of a rule, by signal, when the rule names none.
fn default_level(signal: Signal) -> Level {
    use Signal::*;
    match signal {
        Threat | PaymentDemand | Exploitation => Level::Danger,
        Secrecy | Isolation | SexualTalk | ImageRequest | DebtBondage | Recruitment | Control => Level::Warning,
        PlatformSwitch | PersonalInfo | Flattery | GiftsMoney | Meeting | Pressure => Level::Caution,
    }
}

fn file_of(language: Language) -> String {
    format!("rules/{}.toml", language.code())
}

/// Replaces `<name>` by `(?:definition)`, recursively; an unknown name is an issue.
fn expand(pattern: &str, define: &BTreeMap<String, String>, depth: usize, issues: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('<') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let name_len = after[1..].find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(after.len() - 1);
        let name = &after[1..1 + name_len];
        let closed = after[1 + name_len..].starts_with('>');
        let preceded_by_group = out.ends_with("(?") || out.ends_with("(?P");
        if name.is_empty() || !closed || preceded_by_group {
            out.push('<');
            rest = &after[1..];
            continue;
        }
        match define.get(name) {
            Some(value) if depth < 8 => {
                out.push_str("(?:");
                out.push_str(&expand(value, define, depth + 1, issues));
                out.push(')');
            }
            Some(_) => issues.push(format!("definition <{name}> nests too deeply")),
            None => issues.push(format!("unknown definition <{name}>")),
        }
        rest = &after[2 + name_len..];
    }
    out.push_str(rest);
    out
}

/// A pattern over normalised text: expanded, squeezed, ASCII-only.
fn prepare(pattern: &str, define: &BTreeMap<String, String>, issues: &mut Vec<String>) -> String {
    let expanded = expand(pattern, define, 0, issues);
    if let Some(c) = expanded.chars().find(|c| !c.is_ascii() || c.is_ascii_uppercase()) {
        issues.push(format!("pattern {pattern:?} has {c:?}, which normalised text never contains"));
    }
    squeeze_pattern(&expanded)
}

/// The syntax of the matcher of all patterns: it searches many lines at once, so `^` and `$`
/// match at line ends.
pub(super) fn all_patterns_syntax() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false).multi_line(true)
}

fn build_regex(pattern: &str) -> Result<Regex, meta::BuildError> {
    // Each regex runs on one line, so `^` and `$` mean its ends without multi-line mode.
    meta::Builder::new().configure(meta::Config::new().auto_prefilter(false)).syntax(all_patterns_syntax().multi_line(false)).build(pattern)
}

/// A compiled rule set and the problems found while compiling it (empty when all is well).
/// `eager` compiles every regex now (for the lint); otherwise each compiles on first use.
fn compile_file(language: Language, source: &str, eager: bool) -> (Option<RuleSet>, RuleFile, Vec<String>) {
    let mut issues = Vec::new();
    let file: RuleFile = match toml::from_str(source) {
        Ok(file) => file,
        Err(e) => {
            let empty = RuleFile { language: String::new(), benign: vec![], define: BTreeMap::new(), emoji: BTreeMap::new(), rule: vec![] };
            return (None, empty, vec![format!("not valid: {e}")]);
        }
    };
    if file.language != language.code() {
        issues.push(format!("language is {:?}, expected {:?}", file.language, language.code()));
    }
    let mut emoji = Vec::new();
    for (key, word) in &file.emoji {
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_ascii() => emoji.push((c, word.clone())),
            _ => issues.push(format!("emoji key {key:?} must be one non-ASCII character")),
        }
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
            issues.push(format!("emoji {key:?} stands for {word:?}: use lower-case ASCII words"));
        }
    }
    let mut rules = Vec::new();
    let mut patterns = Vec::new();
    let mut ids = HashSet::new();
    for spec in &file.rule {
        let mut rule_issues = Vec::new();
        if !ids.insert(spec.id.as_str()) {
            rule_issues.push("duplicate id".to_string());
        }
        let signal = spec.signal.parse::<Signal>().map_err(|e| rule_issues.push(e.to_string())).ok();
        let level = match &spec.level {
            Some(level) => level.parse::<Level>().map_err(|e| rule_issues.push(e.to_string())).ok(),
            None => signal.map(default_level),
        };
        if spec.patterns.is_empty() {
            rule_issues.push("has no patterns".to_string());
        }
        let unless = if spec.unless.is_empty() {
            None
        } else {
            let joined = spec.unless.iter().map(|p| format!(r"\b(?:{})", prepare(p, &file.define, &mut rule_issues))).collect::<Vec<_>>().join("|");
            LazyRegex::new(joined, eager).map_err(|e| rule_issues.push(format!("unless: {e}"))).ok()
        };
        let mut compiled = Vec::new();
        for pattern in &spec.patterns {
            let prepared = prepare(pattern, &file.define, &mut rule_issues);
            if eager && pattern::parse(&prepared).is_some_and(|fast| syntax::parse_with(&prepared, &all_patterns_syntax()).is_ok_and(|general| general != fast)) {
                rule_issues.push(format!("pattern {pattern:?}: the fast pattern reader reads it differently from the regex parser"));
            }
            match LazyRegex::new(prepared, eager) {
                Ok(regex) => compiled.push(regex),
                Err(e) => rule_issues.push(format!("pattern {pattern:?}: {e}")),
            }
        }
        match (signal, level, rule_issues.is_empty()) {
            (Some(signal), Some(level), true) => {
                patterns.extend(compiled.into_iter().map(|regex| (rules.len(), regex)));
                rules.push(Rule { id: spec.id.clone(), signal, level, unless });
            }
            _ => issues.extend(rule_issues.into_iter().map(|m| format!("rule {}: {m}", spec.id))),
        }
    }
    let sources: Vec<&str> = patterns.iter().map(|(_, regex)| regex.source.as_str()).collect();
    let set = match AllPatterns::new(&sources) {
        Ok(all) => Some(RuleSet { language, emoji: EmojiWords::new(emoji), rules, all, patterns }),
        Err(e) => {
            issues.push(format!("patterns: {e}"));
            None
        }
    };
    (set, file, issues)
}

fn source_of(language: Language) -> Option<&'static str> {
    let path = file_of(language);
    let found = files_under(&path).find(|(p, _)| *p == path).map(|(_, text)| text);
    found
}

/// Compiles the bundled rules of one language.
pub(crate) fn compile(language: Language) -> Result<RuleSet, RuleError> {
    let file = file_of(language);
    let source = source_of(language).ok_or_else(|| RuleError(vec![format!("{file} is missing")]))?;
    match compile_file(language, source, false) {
        (Some(set), _, issues) if issues.is_empty() => Ok(set),
        (_, _, issues) => Err(RuleError(issues.into_iter().map(|m| format!("{file}: {m}")).collect())),
    }
}

/// The ids of the rules that fire on `text` in this set.
pub(crate) fn fired(set: &RuleSet, text: &str) -> Vec<String> {
    let mut hits = Vec::new();
    super::find(set, text, &mut hits);
    hits.into_iter().map(|hit| hit.rule.to_string()).collect()
}

/// Checks both rule files: they compile, ids are unique and known, every signal has rules,
/// every example fires its rule, and no benign look-alike fires any rule.
pub(crate) fn lint(issues: &mut Vec<LintIssue>) {
    let mut all_ids = HashSet::new();
    for &language in Language::ALL {
        let file = file_of(language);
        let mut report = |message: String| issues.push(LintIssue { file: file.clone(), message });
        let Some(source) = source_of(language) else {
            report("missing: every language needs message rules".to_string());
            continue;
        };
        let (set, spec, problems) = compile_file(language, source, true);
        problems.into_iter().for_each(&mut report);
        for rule in &spec.rule {
            if !all_ids.insert(rule.id.clone()) {
                report(format!("rule {}: id also used in another file", rule.id));
            }
            if !rule.id.starts_with(&format!("{}.", language.code())) {
                report(format!("rule {}: ids start with the language code", rule.id));
            }
        }
        let Some(set) = set else { continue };
        for signal in Signal::ALL {
            if !set.rules.iter().any(|r| r.signal == *signal) {
                report(format!("no rule for signal {signal}"));
            }
        }
        for rule in &spec.rule {
            if rule.examples.is_empty() {
                report(format!("rule {}: give at least one example", rule.id));
            }
            for example in &rule.examples {
                if !fired(&set, example).contains(&rule.id) {
                    report(format!("rule {}: example {example:?} does not fire it", rule.id));
                }
            }
        }
        for text in &spec.benign {
            let fired = fired(&set, text);
            if !fired.is_empty() {
                report(format!("benign look-alike {text:?} fires {}", fired.join(", ")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
language = "en"
benign = ["send me a pic of the homework"]
[define]
pic = 'pics?|photos?'
[emoji]
"📸" = "photo"
[[rule]]
id = "en.image.send"
signal = "image_request"
patterns = ['\bsend (me )?(a )?<pic>\b']
unless = ['homework']
examples = ["send me a 📸", "s3nd me a pic"]
"#;

    #[test]
    fn compiles_defines_emoji_guards_and_examples() {
        let (set, _, issues) = compile_file(Language::En, GOOD, true);
        assert_eq!(issues, Vec::<String>::new());
        let set = set.expect("compiles");
        assert_eq!(fired(&set, "pls sEEEnd me a 📸"), vec!["en.image.send"]);
        assert!(fired(&set, "send me a pic of the homework").is_empty());
        assert_eq!(set.rules[0].level, Level::Warning);
    }

    #[test]
    fn broken_rules_are_reported_by_name() {
        let bad = GOOD
            .replace("image_request", "nudes")
            .replace(r"\bsend", r"(\bsend")
            .replace("\"📸\"", "\"ab\"");
        let (_, _, issues) = compile_file(Language::Nl, &bad, true);
        let all = issues.join("\n");
        assert!(all.contains("language is \"en\""), "{all}");
        assert!(all.contains("emoji key \"ab\""), "{all}");
        assert!(all.contains("rule en.image.send: unknown signal id 'nudes'"), "{all}");
        assert!(all.contains("rule en.image.send: pattern"), "{all}");
    }

    #[test]
    fn unknown_definitions_and_upper_case_are_reported() {
        let bad = GOOD.replace("<pic>", "<picture>").replace("homework", "HOMEWORK");
        let (_, _, issues) = compile_file(Language::En, &bad, true);
        let all = issues.join("\n");
        assert!(all.contains("unknown definition <picture>"), "{all}");
        assert!(all.contains("normalised text never contains"), "{all}");
        let (_, _, issues) = compile_file(Language::En, "language = 'en'\n[[rule]]\nid = 1", true);
        assert!(issues[0].starts_with("not valid"), "{issues:?}");
    }

    #[test]
    fn bundled_rules_pass_the_lint() {
        let mut issues = Vec::new();
        lint(&mut issues);
        assert!(issues.is_empty(), "{issues:#?}");
    }
}
