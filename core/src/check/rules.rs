//! Message rules as data (`content/rules/{nl,en}.toml`), compiled into fast matchers.
//!
//! A rule file holds, per language: `benign` look-alike messages that must stay quiet; `define`d
//! pattern pieces, used in patterns as `<name>`; `emoji` that stand for words; and the rules. A
//! rule has an id, a signal, optional level, patterns over normalised text, optional `unless`
//! guards (a benign look-alike in the same message silences the rule) and `examples` that must
//! fire it. Patterns are written in normal spelling; they are squeezed like the text (see
//! [`squeeze_pattern`]). Building reads the patterns ([`pattern`]) into a lazy DFA per signal that
//! finds, in one pass over many lines, the lines where patterns match, which patterns and where each
//! match ends. Only for those rules, on those lines, the guard is checked and a backward DFA
//! finds where each match starts; both are compiled per rule, on first use.

use super::gate::Gate;
use super::level::Levels;
use super::normalize::{squeeze_pattern, EmojiWords};
use super::pattern;
use crate::content::LintIssue;
use crate::language::Language;
use crate::signal::{Level, Signal};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::Hir;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

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
    /// Never silenced by context (see `context`).
    #[serde(default)]
    firm: bool,
}

/// One compiled rule.
#[derive(Debug)]
pub(crate) struct Rule {
    pub(crate) id: Arc<str>,
    pub(crate) signal: Signal,
    pub(crate) level: Level,
    pub(crate) firm: bool,
    /// The benign look-alikes that silence the rule, as pattern ids of the set's `guards`.
    guards: Vec<usize>,
    /// The rule's patterns read backwards, to find where a match that ends at a known place
    /// starts.
    starts: OnFirstUse,
}

/// Prepared patterns, compiled into a lazy DFA when first needed: most rules never match in most
/// texts, and many texts need no guard.
#[derive(Debug)]
struct OnFirstUse {
    patterns: Vec<String>,
    reverse: bool,
    dfa: OnceLock<Option<DFA>>,
}

impl OnFirstUse {
    fn new(patterns: Vec<String>, reverse: bool) -> OnFirstUse {
        OnFirstUse { patterns, reverse, dfa: OnceLock::new() }
    }

    /// The DFA; `None` only if the patterns do not compile, which the content lint rules out.
    fn dfa(&self) -> Option<&DFA> {
        let build = || {
            let hirs = self.patterns.iter().map(|p| read(p, false)).collect::<Result<Vec<_>, _>>().ok()?;
            lazy_dfa(&hirs, self.reverse).ok()
        };
        self.dfa.get_or_init(build).as_ref()
    }
}

/// A match of a rule's pattern in normalised text, found by [`Searcher::matches`]: the line it is
/// in and where it ends (offsets into the searched text), and the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) line_start: usize,
    pub(crate) line_end: usize,
    pub(crate) end: usize,
    pub(crate) pattern: usize,
}

/// The compiled rules of one language.
///
/// Lazy DFAs (each state is computed when a search first needs it): `forward`, one per signal
/// over the patterns of its rules, finds where matches end. Built on first use: `guards`, over
/// every distinct look-alike, tells which rules are silenced, and each rule's backward one where
/// its matches start.
pub(crate) struct RuleSet {
    pub(crate) language: Language,
    pub(crate) emoji: EmojiWords,
    pub(crate) rules: Vec<Rule>,
    /// The rule of each pattern, by pattern id.
    pattern_rules: Vec<usize>,
    forward: Vec<SignalSearch>,
    /// The lines each of `forward` can match in.
    gate: Gate,
    /// Each distinct look-alike of the rules' `unless` lists, one pattern each.
    guards: OnFirstUse,
    caches: Pool<Caches, MakeCaches>,
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet").field("language", &self.language).field("rules", &self.rules).finish_non_exhaustive()
    }
}

/// The forward DFA of one signal's patterns. One DFA per signal rather than one for all: on text
/// that does not repeat, a DFA over every pattern keeps meeting state sets it has not built yet
/// (each built state holds the partial matches of every pattern at once); sixteen smaller ones
/// meet far fewer, and analysed 1,800 distinct messages in 0.30 s instead of 0.84 s
/// (`baken analyze --jsonl`, user time, on a loaded machine; the output was identical).
struct SignalSearch {
    dfa: DFA,
    /// The rule set's pattern id of each of this DFA's patterns.
    patterns: Vec<usize>,
}

/// The search state of a rule set's DFAs; each thread takes its own from the set's pool.
struct Caches {
    /// Per signal, as `RuleSet::forward`.
    forward: Vec<Cache>,
    /// Once the DFA is first used; `starts` per rule.
    guards: Option<Cache>,
    starts: Vec<Option<Cache>>,
}

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync>;

/// How much memory each lazy DFA may use for the states it builds, per thread. With one DFA per
/// signal the caches stay small on text that does not repeat: 1 MiB and 16 MiB analysed 1,800
/// distinct messages and a 1 MiB chat of distinct lines equally fast, so 1 MiB bounds the rules'
/// caches at 32 MiB per thread. (One DFA over every pattern needed 16 MiB and still thrashed.)
const DFA_CACHE_BYTES: usize = 1 << 20;

/// A lazy DFA over `patterns`, reporting every pattern that matches (`MatchKind::All`); a
/// `reverse` one reads text backwards.
///
/// Searches with these DFAs cannot fail: a lazy DFA fails only on a quit byte (none is set,
/// and ASCII word boundaries need none) or when it gives up on a thrashing cache (it is not
/// told to).
fn lazy_dfa(patterns: &[Hir], reverse: bool) -> Result<DFA, String> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(WhichCaptures::None).reverse(reverse))
        .build_many_from_hir(patterns)
        .map_err(|e| e.to_string())?;
    DFA::builder().configure(DFA::config().match_kind(MatchKind::All).cache_capacity(DFA_CACHE_BYTES)).build_from_nfa(nfa).map_err(|e| e.to_string())
}

impl RuleSet {
    fn new(language: Language, emoji: EmojiWords, rules: Vec<Rule>, patterns: Vec<(usize, Hir)>, guards: Vec<String>) -> Result<RuleSet, String> {
        let (pattern_rules, patterns): (Vec<usize>, Vec<Hir>) = patterns.into_iter().unzip();
        let mut forward = Vec::new();
        for signal in Signal::ALL {
            let ids: Vec<usize> = (0..patterns.len()).filter(|&p| rules[pattern_rules[p]].signal == *signal).collect();
            if !ids.is_empty() {
                let hirs: Vec<Hir> = ids.iter().map(|&p| patterns[p].clone()).collect();
                forward.push(SignalSearch { dfa: lazy_dfa(&hirs, false)?, patterns: ids });
            }
        }
        let gate = Gate::new(forward.iter().map(|search| search.patterns.iter().map(|&p| &patterns[p])))?;
        let (for_caches, rule_count) = (forward.iter().map(|s| s.dfa.clone()).collect::<Vec<_>>(), rules.len());
        let make: MakeCaches = Box::new(move || Caches {
            forward: for_caches.iter().map(DFA::create_cache).collect(),
            guards: None,
            starts: (0..rule_count).map(|_| None).collect(),
        });
        Ok(RuleSet { language, emoji, rules, pattern_rules, forward, gate, guards: OnFirstUse::new(guards, false), caches: Pool::new(make) })
    }

    /// A searcher with this thread's caches.
    pub(crate) fn searcher(&self) -> Searcher<'_> {
        Searcher { set: self, caches: self.caches.get(), lines: Vec::new(), possible: Vec::new(), seen: Vec::new(), last_span: Vec::new() }
    }
}

/// Searches normalised text with one rule set, using one thread's caches.
pub(crate) struct Searcher<'s> {
    set: &'s RuleSet,
    caches: PoolGuard<'s, Caches, MakeCaches>,
    /// The lines of the searched text, and per line the searches that can match in it.
    lines: Vec<Range<usize>>,
    possible: Vec<u64>,
    /// Per look-alike: whether it is in the current line.
    seen: Vec<bool>,
    /// Per rule: its last span in the current line, as an index into the spans.
    last_span: Vec<Option<usize>>,
}

impl Searcher<'_> {
    /// Every match end of every pattern in normalised `text` (one message per line), line by
    /// line and by end, into `out` (cleared first). Each signal's DFA reads only the lines that
    /// hold a text one of its patterns needs (see [`Gate`]).
    pub(crate) fn matches(&mut self, text: &[u8], out: &mut Vec<Candidate>) {
        out.clear();
        self.lines.clear();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text).chain([text.len()]) {
            self.lines.push(start..end);
            start = end + 1;
        }
        self.set.gate.lines(text, &self.lines, &mut self.possible);
        for (n, (search, cache)) in self.set.forward.iter().zip(self.caches.forward.iter_mut()).enumerate() {
            for (line, _) in self.lines.iter().zip(&self.possible).filter(|(_, possible)| *possible >> n & 1 == 1) {
                // A quick search first: most lines that hold a needed text still do not match.
                if !matches!(search.dfa.try_search_fwd(cache, &Input::new(text).range(line.clone()).earliest(true)), Ok(Some(_))) {
                    continue;
                }
                each_match(&search.dfa, cache, text, line.clone(), |pattern, end| {
                    out.push(Candidate { line_start: line.start, line_end: line.end, end, pattern: search.patterns[pattern] })
                });
            }
        }
        // Stable: a rule's matches are found in one DFA, already in order of their ends.
        out.sort_by_key(|c| (c.line_start, c.end));
    }

    /// Where the rules match in one line of `text`, given the line's matches from
    /// [`Searcher::matches`], into `out` (cleared first) as (rule, span). A rule that a benign
    /// look-alike in the line silences is left out. A rule's spans do not overlap: each reaches
    /// back to the leftmost start of a match of the rule that ends there and starts after the
    /// rule's span before; a match that starts earlier lengthens that span. So the backward
    /// searches read each byte at most once per rule.
    pub(crate) fn spans(&mut self, text: &[u8], line: &[Candidate], out: &mut Vec<(usize, Range<usize>)>) {
        out.clear();
        let (Some(first), set) = (line.first(), self.set) else { return };
        let mut looked = false;
        self.last_span.clear();
        self.last_span.resize(set.rules.len(), None);
        for m in line {
            let rule = set.pattern_rules[m.pattern];
            let guards = &set.rules[rule].guards;
            if !guards.is_empty() {
                if !looked {
                    self.look_alikes(text, m.line_start..m.line_end);
                    looked = true;
                }
                if guards.iter().any(|&guard| self.seen[guard]) {
                    continue;
                }
            }
            let last = self.last_span[rule];
            let from = last.map_or(first.line_start, |last| out[last].1.end);
            match (self.start(text, rule, from..m.end), last) {
                (Some(start), _) => {
                    self.last_span[rule] = Some(out.len());
                    out.push((rule, start..m.end));
                }
                (None, Some(last)) => out[last].1.end = m.end,
                (None, None) => {}
            }
        }
    }

    /// Finds which look-alikes are in the `line` of `text`, into `seen`.
    fn look_alikes(&mut self, text: &[u8], line: Range<usize>) {
        self.seen.clear();
        self.seen.resize(self.set.guards.patterns.len(), false);
        let Some(dfa) = self.set.guards.dfa() else { return };
        let cache = self.caches.guards.get_or_insert_with(|| dfa.create_cache());
        let seen = &mut self.seen;
        each_match(dfa, cache, text, line, |pattern, _| seen[pattern] = true);
    }

    /// The leftmost start in `window` of a match of `rule` that ends where `window` ends.
    fn start(&mut self, text: &[u8], rule: usize, window: Range<usize>) -> Option<usize> {
        if window.is_empty() {
            return None;
        }
        let dfa = self.set.rules[rule].starts.dfa()?;
        let cache = self.caches.starts[rule].get_or_insert_with(|| dfa.create_cache());
        let found = dfa.try_search_rev(cache, &Input::new(text).range(window).anchored(Anchored::Yes)).ok()??;
        Some(found.offset())
    }
}

/// Calls `found(pattern, end)` for every match of every pattern of `dfa` that ends in `span` of
/// `text`, in order of their ends: an overlapping search, as one loop over the bytes.
fn each_match(dfa: &DFA, cache: &mut Cache, text: &[u8], span: Range<usize>, mut found: impl FnMut(usize, usize)) {
    let Ok(mut state) = dfa.start_state_forward(cache, &Input::new(text).span(span.clone())) else { return };
    // A DFA enters a match state one byte after the match ends.
    let mut report = |cache: &Cache, state: LazyStateID, end: usize| {
        if state.is_match() {
            (0..dfa.match_len(cache, state)).for_each(|k| found(dfa.match_pattern(cache, state, k).as_usize(), end));
        }
    };
    for at in span.clone() {
        let Ok(next) = dfa.next_state(cache, state, text[at]) else { return };
        state = next;
        if state.is_tagged() {
            if state.is_dead() {
                return;
            }
            report(cache, state, at);
        }
    }
    // The byte after the span, or the end of the text, completes a match that ends with the span.
    let last = match text.get(span.end) {
        Some(&byte) => dfa.next_state(cache, state, byte),
        None => dfa.next_eoi_state(cache, state),
    };
    if let Ok(last) = last {
        report(cache, last, span.end);
    }
}

pub(crate) fn file_of(language: Language) -> String {
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

/// The syntax tree of a prepared pattern or guard for the DFAs ([`pattern::parse_for_matcher`]
/// where it can, which is much faster than the general parser). `lint` also checks that the
/// fast reader reads it as the general parser does.
fn read(prepared: &str, lint: bool) -> Result<Hir, String> {
    let general = || syntax::parse_with(prepared, &all_patterns_syntax()).map_err(|e| e.to_string());
    if lint && pattern::parse(prepared).is_some_and(|fast| general().is_ok_and(|general| general != fast)) {
        return Err("the fast pattern reader reads it differently from the regex parser".to_string());
    }
    let hir = pattern::parse_for_matcher(prepared).map_or_else(general, Ok)?;
    match hir.properties().minimum_len() {
        Some(0) => Err("matches empty text".to_string()),
        _ => Ok(hir),
    }
}

/// A compiled rule set and the problems found while compiling it (empty when all is well).
/// `lint` also checks how the patterns are read (see [`read`]).
fn compile_file(language: Language, source: &str, levels: &Levels, lint: bool) -> (Option<RuleSet>, RuleFile, Vec<String>) {
    let mut issues = Vec::new();
    let file: RuleFile = match crate::content::read(source) {
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
    let (mut rules, mut patterns, mut guards) = (Vec::new(), Vec::new(), Vec::<String>::new());
    let mut ids = HashSet::new();
    for spec in &file.rule {
        let mut rule_issues = Vec::new();
        if !ids.insert(spec.id.as_str()) {
            rule_issues.push("duplicate id".to_string());
        }
        let signal = spec.signal.parse::<Signal>().map_err(|e| rule_issues.push(e.to_string())).ok();
        let level = match &spec.level {
            Some(level) => level.parse::<Level>().map_err(|e| rule_issues.push(e.to_string())).ok(),
            None => signal.map(|s| levels.of(s)),
        };
        if spec.patterns.is_empty() {
            rule_issues.push("has no patterns".to_string());
        }
        let mut rule_guards = Vec::new();
        for look_alike in &spec.unless {
            let guard = format!(r"\b(?:{})", prepare(look_alike, &file.define, &mut rule_issues));
            // Read now only for the lint: many texts need no guard.
            if lint {
                let _ = read(&guard, lint).map_err(|e| rule_issues.push(format!("unless {look_alike:?}: {e}")));
            }
            rule_guards.push(guards.iter().position(|known| *known == guard).unwrap_or_else(|| {
                guards.push(guard);
                guards.len() - 1
            }));
        }
        let (mut prepared, mut read_patterns) = (Vec::new(), Vec::new());
        for pattern in &spec.patterns {
            let source = prepare(pattern, &file.define, &mut rule_issues);
            match read(&source, lint) {
                Ok(hir) => read_patterns.push(hir),
                Err(e) => rule_issues.push(format!("pattern {pattern:?}: {e}")),
            }
            prepared.push(source);
        }
        match (signal, level, rule_issues.is_empty()) {
            (Some(signal), Some(level), true) => {
                patterns.extend(read_patterns.into_iter().map(|hir| (rules.len(), hir)));
                rules.push(Rule { id: spec.id.as_str().into(), signal, level, firm: spec.firm, guards: rule_guards, starts: OnFirstUse::new(prepared, true) });
            }
            _ => issues.extend(rule_issues.into_iter().map(|m| format!("rule {}: {m}", spec.id))),
        }
    }
    let set = match RuleSet::new(language, EmojiWords::new(emoji), rules, patterns, guards) {
        Ok(set) => Some(set),
        Err(e) => {
            issues.push(format!("patterns: {e}"));
            None
        }
    };
    (set, file, issues)
}

fn source_of(language: Language) -> Option<&'static str> {
    crate::content::file(&file_of(language))
}

/// Compiles the bundled rules of one language.
pub(crate) fn compile(language: Language, levels: &Levels) -> Result<RuleSet, RuleError> {
    let file = file_of(language);
    let source = source_of(language).ok_or_else(|| RuleError(vec![format!("{file} is missing")]))?;
    match compile_file(language, source, levels, false) {
        (Some(set), _, issues) if issues.is_empty() => Ok(set),
        (_, _, issues) => Err(RuleError(issues.into_iter().map(|m| format!("{file}: {m}")).collect())),
    }
}

/// What a rule file says must fire (each rule's id with its examples) and must stay quiet (the
/// benign look-alikes). The analyzer's lint runs them, since only the whole analyzer can.
#[derive(Debug, Default)]
pub(crate) struct Samples {
    pub(crate) examples: Vec<(String, Vec<String>)>,
    pub(crate) benign: Vec<String>,
}

/// The samples of the bundled rule file of `language`.
pub(crate) fn samples(language: Language) -> Samples {
    source_of(language).map(samples_of).unwrap_or_default()
}

fn samples_of(source: &str) -> Samples {
    let file = crate::content::read::<RuleFile>(source).ok();
    file.map(|f| Samples { examples: f.rule.into_iter().map(|r| (r.id, r.examples)).collect(), benign: f.benign }).unwrap_or_default()
}

/// Checks both rule files: they compile, ids are unique and known, every signal has rules and
/// every rule has examples (whether they fire is checked by the analyzer's lint).
pub(crate) fn lint(issues: &mut Vec<LintIssue>, levels: &Levels) {
    let mut all_ids = HashSet::new();
    for &language in Language::all() {
        let file = file_of(language);
        let mut report = |message: String| issues.push(LintIssue { file: file.clone(), message });
        let Some(source) = source_of(language) else {
            report("missing: every language needs message rules".to_string());
            continue;
        };
        let (set, spec, problems) = compile_file(language, source, levels, true);
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
        // Built now, where they would otherwise be built on first use.
        if set.guards.dfa().is_none() {
            report("the look-alikes (unless) do not compile together".to_string());
        }
        for rule in set.rules.iter().filter(|rule| rule.starts.dfa().is_none()) {
            report(format!("rule {}: its patterns do not compile backwards", rule.id));
        }
        for signal in Signal::ALL {
            if !set.rules.iter().any(|r| r.signal == *signal) {
                report(format!("no rule for signal {signal}"));
            }
        }
        for rule in &spec.rule {
            if rule.examples.is_empty() {
                report(format!("rule {}: give at least one example", rule.id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;
    use crate::language::lang;

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

    fn levels() -> &'static Levels {
        super::super::level::bundled().expect("bundled levels")
    }

    fn fired(set: &RuleSet, text: &str) -> Vec<String> {
        let mut hits = Vec::new();
        super::super::find(set, None, text, &mut hits);
        hits.into_iter().map(|hit| hit.rule.to_string()).collect()
    }

    #[test]
    fn compiles_defines_emoji_guards_and_examples() {
        let (set, _, issues) = compile_file(lang("en"), &json(GOOD), levels(), true);
        assert_eq!(issues, Vec::<String>::new());
        let set = set.expect("compiles");
        assert_eq!(fired(&set, "pls sEEEnd me a 📸"), vec!["en.image.send"]);
        assert!(fired(&set, "send me a pic of the homework").is_empty());
        assert_eq!(set.rules[0].level, Level::Warning);
    }

    #[test]
    fn an_example_that_does_not_fire_and_a_benign_text_that_does_are_reported() {
        let bad = GOOD.replace(r#"benign = ["send me a pic of the homework"]"#, r#"benign = ["send me a pic now"]"#).replace("s3nd me a pic", "a pic please");
        let (set, _, issues) = compile_file(lang("en"), &json(&bad), levels(), true);
        assert_eq!(issues, Vec::<String>::new());
        let problems = super::super::rule_sample_problems(&set.expect("compiles"), &samples_of(&json(&bad)));
        assert_eq!(problems, ["rule en.image.send: example \"a pic please\" does not fire it", "benign look-alike \"send me a pic now\" fires en.image.send"]);
    }

    #[test]
    fn a_rules_spans_reach_back_to_the_leftmost_start_and_do_not_overlap() {
        let patterns = r"patterns = ['\bsend (me )?(a )?<pic>\b', '\ba <pic>\b', '\bpic now\b']";
        let three_patterns = GOOD.replace(r"patterns = ['\bsend (me )?(a )?<pic>\b']", patterns);
        let (set, _, issues) = compile_file(lang("en"), &json(&three_patterns), levels(), true);
        assert_eq!(issues, Vec::<String>::new());
        let set = set.expect("compiles");
        let spans = |text: &'static str| {
            let mut hits = Vec::new();
            super::super::find(&set, None, text, &mut hits);
            hits.iter().map(|hit| &text[hit.span.clone()]).collect::<Vec<_>>()
        };
        // Two patterns end together: one span, from the leftmost start.
        assert_eq!(spans("ok, send me a pic? and a photo"), ["send me a pic", "a photo"]);
        // A match that starts inside the span before lengthens it.
        assert_eq!(spans("send me a pic now!"), ["send me a pic now"]);
    }

    #[test]
    fn broken_rules_are_reported_by_name() {
        let bad = GOOD.replace("image_request", "nudes").replace(r"\bsend", r"(\bsend").replace("\"📸\"", "\"ab\"");
        let (_, _, issues) = compile_file(lang("nl"), &json(&bad), levels(), true);
        let all = issues.join("\n");
        assert!(all.contains("language is \"en\""), "{all}");
        assert!(all.contains("emoji key \"ab\""), "{all}");
        assert!(all.contains("rule en.image.send: unknown signal id 'nudes'"), "{all}");
        assert!(all.contains("rule en.image.send: pattern"), "{all}");
    }

    #[test]
    fn unknown_definitions_and_upper_case_are_reported() {
        let bad = GOOD.replace("<pic>", "<picture>").replace("homework", "HOMEWORK");
        let (_, _, issues) = compile_file(lang("en"), &json(&bad), levels(), true);
        let all = issues.join("\n");
        assert!(all.contains("unknown definition <picture>"), "{all}");
        assert!(all.contains("normalised text never contains"), "{all}");
        let (_, _, issues) = compile_file(lang("en"), &json("language = 'en'\n[[rule]]\nid = 1"), levels(), true);
        assert!(issues[0].starts_with("not valid"), "{issues:?}");
    }

    /// The gate leaves out only lines where no pattern matches: with it and without it (every
    /// line read by every DFA) the rules find the same in every sample text of both languages.
    #[test]
    fn the_gate_hides_no_match() {
        for &language in Language::all() {
            let mut set = compile(language, levels()).expect("bundled rules compile");
            let samples = samples(language);
            let texts: Vec<&String> = samples.examples.iter().flat_map(|(_, e)| e).chain(&samples.benign).collect();
            let text = texts.iter().map(|t| t.as_str()).collect::<Vec<_>>().join("\n");
            let found = |set: &RuleSet| {
                let mut hits = Vec::new();
                super::super::find(set, None, &text, &mut hits);
                hits.into_iter().map(|hit| (hit.rule.to_string(), hit.span)).collect::<Vec<_>>()
            };
            let gated = found(&set);
            assert!(gated.len() >= samples.examples.len(), "{language}: the examples fire");
            set.gate = Gate::open(set.forward.len());
            assert_eq!(gated, found(&set), "{language}");
        }
    }

    #[test]
    fn bundled_rules_pass_the_lint() {
        let mut issues = Vec::new();
        lint(&mut issues, levels());
        assert!(issues.is_empty(), "{issues:#?}");
    }
}
