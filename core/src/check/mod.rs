//! The message analyzer: which warning signals a chat message shows, where, and how serious.
//!
//! [`analyze`] reads a text top-down, one line (one message) at a time, a chunk of lines at once:
//! 1. normalise it the way evasive chat looks ([`normalize`]);
//! 2. find the concepts its words stand for (module `concepts`, data in `content/concepts/`);
//! 3. compose signals from concepts near each other (`compose`, `content/compose/`), and match
//!    the phrase rules for what only a phrase captures (`rules`, `content/rules/`);
//! 4. apply context: cues that the writer is family, a coach or joking, or that an everyday
//!    meaning is meant, silence signals in that line (`context`, `content/context/`);
//! 5. map every finding back to the original bytes and UTF-16 code units, and weigh the signals
//!    into a [`Level`] (`level`, `content/levels.toml`).
//!
//! Without a language it is detected ([`detect`]); when neither language is evident, both run.
//! Texts over [`MAX_TEXT_BYTES`] are refused with [`CheckError::TooLarge`].

mod compose;
mod concepts;
mod context;
pub mod detect;
mod gate;
mod level;
pub mod normalize;
mod pattern;
mod rules;

use crate::content::LintIssue;
use crate::language::{Language, UnsupportedLanguage};
use crate::signal::{Level, Signal};
use compose::Compositions;
use concepts::{Lexicon, Tagged};
use context::Context;
pub use context::Relation;
use level::Levels;
use normalize::{Normalized, Normalizer};
pub use rules::RuleError;
use rules::RuleSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The largest text [`analyze`] accepts: 1 MiB. Longer texts (such as a whole chat export) are
/// split by the caller.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// What can go wrong when analysing a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// The text is longer than [`MAX_TEXT_BYTES`].
    #[error("the text is {len} bytes; at most {max} bytes can be checked at once")]
    TooLarge {
        /// The text's length in bytes.
        len: usize,
        /// The limit, [`MAX_TEXT_BYTES`].
        max: usize,
    },
    /// A language code that Baken has no rules for.
    #[error(transparent)]
    Language(#[from] UnsupportedLanguage),
    /// The bundled rules do not compile (caught by `baken content lint` before release).
    #[error(transparent)]
    Rules(#[from] RuleError),
}

/// One warning signal seen in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The signal.
    pub signal: Signal,
    /// The id of the rule that saw it, such as `en.image_request.send_pic` (shared with the
    /// analyzer, so a finding costs no copy of it).
    pub rule: Arc<str>,
    /// Where, as byte offsets into the analysed text.
    pub span: Range<usize>,
    /// Where, as UTF-16 code-unit offsets (for highlighting in Kotlin, Swift and JavaScript).
    pub utf16: Range<usize>,
    /// The text at `span`.
    pub excerpt: String,
    /// The id of the explanation to show: the signal id (see `signal_text`).
    pub explanation: &'static str,
}

/// The result of analysing a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// How serious the signals are together; `None` when no signal was seen.
    pub level: Level,
    /// The language whose rules were used; `None` when neither was evident and both were used.
    pub language: Option<Language>,
    /// The signals seen, in text order.
    pub signals: Vec<Finding>,
    /// Who the text by itself shows its writer to be: a sign-off in one of its lines ("oma hier",
    /// "- je broer"). A cue for a conversation, never a certainty.
    pub relation: Relation,
}

/// What the analyzer knows of one language: its phrase rules and its tactics.
#[derive(Debug)]
struct LanguageSet {
    rules: RuleSet,
    tactics: Tactics,
}

/// Concepts, their compositions into signals, and the context that silences them.
#[derive(Debug)]
struct Tactics {
    lexicon: Lexicon,
    compositions: Compositions,
    context: Context,
}

impl LanguageSet {
    /// Compiles the bundled data of `language`.
    fn compile(language: Language, levels: &Levels) -> Result<LanguageSet, RuleError> {
        let rules = rules::compile(language, levels);
        let mut issues = Vec::new();
        let tactics = Tactics::read(language, levels, &mut issues);
        match (rules, tactics) {
            (Ok(rules), Some(tactics)) if issues.is_empty() => Ok(LanguageSet { rules, tactics }),
            (rules, _) => Err(RuleError(rules.err().map(|e| e.0).unwrap_or_default().into_iter().chain(issues).collect())),
        }
    }
}

impl Tactics {
    /// Reads the bundled concepts, compositions and context of `language`; problems are listed,
    /// each with its file.
    fn read(language: Language, levels: &Levels, issues: &mut Vec<String>) -> Option<Tactics> {
        let mut in_file = |(path, source): (String, Option<&str>), read: &mut dyn FnMut(&str, &mut Vec<String>)| {
            let mut problems = Vec::new();
            match source {
                Some(source) => read(source, &mut problems),
                None => problems.push("is missing".to_string()),
            }
            issues.extend(problems.into_iter().map(|m| format!("{path}: {m}")));
        };
        let mut lexicon = None;
        in_file(source("concepts", language), &mut |source, problems| lexicon = concepts::read(language, source, problems));
        let lexicon = lexicon?;
        let (mut compositions, mut context) = (Compositions::default(), Context::default());
        in_file(source("compose", language), &mut |source, problems| compositions = compose::read(language, source, &lexicon, levels, problems).0);
        in_file(source("context", language), &mut |source, problems| context = context::read(language, source, &lexicon, problems).0);
        Some(Tactics { lexicon, compositions, context })
    }
}

/// The bundled data file `folder/<language>.toml` of a stage (concepts, compose, context): its
/// path and its text, if it is there.
fn source(folder: &str, language: Language) -> (String, Option<&'static str>) {
    let path = format!("{folder}/{}.toml", language.code());
    let text = crate::content::file(&path);
    (path, text)
}

/// The compiled rules of every language. Build once; [`analyze`] keeps one for the process.
#[derive(Debug)]
pub struct Analyzer {
    sets: Vec<LanguageSet>,
    levels: &'static Levels,
}

impl Analyzer {
    /// Compiles the bundled rules of every language, each on its own thread (or on this one when
    /// the system gives no thread).
    pub fn new() -> Result<Analyzer, RuleError> {
        let levels = level::bundled().map_err(RuleError)?;
        let compiled: Vec<_> = std::thread::scope(|scope| {
            let compile = |language| move || LanguageSet::compile(language, levels);
            let threads: Vec<_> =
                Language::all().iter().map(|&language| (language, std::thread::Builder::new().spawn_scoped(scope, compile(language)).ok())).collect();
            threads
                .into_iter()
                .map(|(language, thread)| match thread {
                    Some(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // The system gave no thread: compile here instead.
                    None => compile(language)(),
                })
                .collect()
        });
        let mut sets = Vec::new();
        let mut problems = Vec::new();
        for result in compiled {
            match result {
                Ok(set) => sets.push(set),
                Err(RuleError(issues)) => problems.extend(issues),
            }
        }
        if problems.is_empty() {
            Ok(Analyzer { sets, levels })
        } else {
            Err(RuleError(problems))
        }
    }

    /// Analyses `text` (one message, or several, one per line) in `language`, or in the detected
    /// language when `None`.
    pub fn analyze(&self, text: &str, language: Option<Language>) -> Result<Analysis, CheckError> {
        self.analyze_as(text, language, Relation::default())
    }

    /// Analyses `text` as [`Analyzer::analyze`] does, written by a contact whose `relation` a
    /// conversation shows (the chat scan): its context cues apply to every line.
    pub fn analyze_as(&self, text: &str, language: Option<Language>, relation: Relation) -> Result<Analysis, CheckError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(CheckError::TooLarge { len: text.len(), max: MAX_TEXT_BYTES });
        }
        let language = language.or_else(|| detect::detect(text));
        let (mut findings, mut shown) = (Vec::new(), Relation::default());
        for set in self.sets.iter().filter(|s| language.is_none_or(|l| l == s.rules.language)) {
            shown |= find(&set.rules, Some((&set.tactics, relation)), text, &mut findings);
        }
        // Each rule set's hits come in this order already, line by line, so this is quick.
        findings.sort_by_key(Hit::order);
        show_each_signal_once_where_hits_overlap(&mut findings);
        let highest = findings.iter().map(|h| h.level).max().unwrap_or(Level::None);
        let level = self.levels.combined(highest, findings.iter().fold(0, |seen, h| seen | level::bit(h.signal)));
        Ok(Analysis { level, language, signals: with_utf16_spans(text, findings), relation: shown })
    }

    /// The relation that `text` shows by itself, in `language` or in any: a contact's name ("Coach
    /// Wim", "Mama"), or a sign-off in one of its lines ("oma hier", "- your brother"), as
    /// [`Analysis::relation`] has it for a message (found by the same pass, its findings unused).
    pub fn relation_shown(&self, text: &str, language: Option<Language>) -> Relation {
        let mut shown = Relation::default();
        for set in self.sets.iter().filter(|s| language.is_none_or(|l| l == s.rules.language)) {
            shown |= find(&set.rules, Some((&set.tactics, Relation::default())), text, &mut Vec::new());
        }
        shown
    }
}

/// A finding, in normalised text or mapped back to the original.
struct Hit<'r> {
    signal: Signal,
    span: Range<usize>,
    rule: &'r Arc<str>,
    level: Level,
    /// Never silenced by context.
    firm: bool,
}

impl Hit<'_> {
    /// The order of hits: by start, the longest first, then by signal (a stable sort keeps the
    /// rules' order after that).
    fn order(&self) -> (usize, std::cmp::Reverse<usize>, Signal) {
        (self.span.start, std::cmp::Reverse(self.span.end), self.signal)
    }
}

/// Leaves out a hit that overlaps an earlier hit of the same signal (from another rule, or
/// another language's rules), also when hits of other signals lie between them: the text is
/// highlighted once per signal. `hits` are in [`Hit::order`], so the first and longest stays.
fn show_each_signal_once_where_hits_overlap(hits: &mut Vec<Hit>) {
    let mut shown_until = [0; Signal::ALL.len()];
    hits.retain(|hit| {
        let until = &mut shown_until[hit.signal as usize];
        let shown = hit.span.start >= *until;
        if shown {
            *until = hit.span.end;
        }
        shown
    });
}

/// How much text is normalised and searched at once: whole lines, about this many bytes, so the
/// work buffers stay in the processor's cache.
const CHUNK_BYTES: usize = 16 * 1024;

/// Reusable buffers for the stages of one line.
#[derive(Default)]
struct LineWork {
    spans: Vec<(usize, Range<usize>)>,
    tagged: Tagged,
    composed: Vec<compose::Found>,
    /// The relation the lines so far show by themselves.
    shown: Relation,
}

/// Finds every signal of one language, a chunk of whole lines at a time. A chunk is normalised
/// without the map back to the original text, and the phrase rules find the lines where they
/// match. Every line's concepts are found and composed; the phrase matches and compositions of
/// a line that its context does not silence are mapped back: the line is normalised again, with
/// the map (lines are normalised independently of each other, so it gives the same text).
/// Without `tactics`, only the phrase rules run (for their lint); with them comes the relation
/// of the writer that a conversation shows. Returns the relation the text shows by itself.
fn find<'r>(rules: &'r RuleSet, tactics: Option<(&'r Tactics, Relation)>, text: &str, out: &mut Vec<Hit<'r>>) -> Relation {
    let (mut normalizer, mut searcher) = (Normalizer::default(), rules.searcher());
    let (mut searched, mut line) = (Vec::new(), Normalized::default());
    let (mut matches, mut work, mut hits) = (Vec::new(), LineWork::default(), Vec::new());
    let mut chunk_start = 0;
    while chunk_start < text.len() {
        let rest = &text[chunk_start..];
        let chunk_len = match rest.as_bytes().get(CHUNK_BYTES..).and_then(|tail| memchr::memchr(b'\n', tail)) {
            Some(newline) => CHUNK_BYTES + newline + 1,
            None => rest.len(),
        };
        let chunk = &rest[..chunk_len];
        normalizer.normalize_text_into(chunk, &rules.emoji, &mut searched);
        searcher.matches(&searched, &mut matches);
        let mut phrase_lines = matches.chunk_by(|a, b| a.line_start == b.line_start).peekable();
        let (mut lines, mut start) = (LineCursor::default(), 0);
        for normalized in searched.split(|&b| b == b'\n') {
            let line_start = start;
            start += normalized.len() + 1;
            hits.clear();
            if let Some(in_line) = phrase_lines.next_if(|m| m[0].line_start == line_start) {
                searcher.spans(&searched, in_line, &mut work.spans);
                for (rule, span) in &work.spans {
                    let rule = &rules.rules[*rule];
                    let span = span.start - line_start..span.end - line_start;
                    hits.push(Hit { signal: rule.signal, span, rule: &rule.id, level: rule.level, firm: rule.firm });
                }
            }
            if let Some((tactics, relation)) = tactics {
                tactics.find(normalized, relation, &mut work, &mut hits);
            }
            if hits.is_empty() {
                continue;
            }
            let original = lines.original_line(&searched, chunk, line_start);
            normalizer.normalize_into(&chunk[original.clone()], &rules.emoji, &mut line);
            debug_assert_eq!(line.as_bytes(), normalized, "a line normalises the same alone");
            let (line_hits, at) = (out.len(), chunk_start + original.start);
            for hit in hits.drain(..) {
                if let Some(span) = line.original_span(hit.span.clone()) {
                    out.push(Hit { span: at + span.start..at + span.end, ..hit });
                }
            }
            out[line_hits..].sort_by_key(Hit::order);
        }
        chunk_start += chunk_len;
    }
    work.shown
}

impl Tactics {
    /// Stages 2 to 4 on one normalised line: its concepts, their compositions added to `hits`
    /// (spans in the line), and the context (of the line and of the writer's `relation`) that
    /// silences some of `hits`.
    fn find<'r>(&'r self, line: &[u8], relation: Relation, work: &mut LineWork, hits: &mut Vec<Hit<'r>>) {
        self.lexicon.tag(line, &mut work.tagged);
        work.shown |= self.context.relation_in(work.tagged.all);
        self.compositions.find(&work.tagged, &mut work.composed);
        let tokens = &work.tagged.tokens;
        for found in &work.composed {
            let composition = &self.compositions.all[found.composition];
            let span = tokens[found.first].start..tokens[found.last].end;
            hits.push(Hit { signal: composition.signal, span, rule: &composition.id, level: composition.level, firm: composition.firm });
        }
        if !hits.is_empty() {
            let found = hits.iter().fold(0, |found, hit| found | level::bit(hit.signal));
            let silenced = self.context.silenced(work.tagged.all | self.context.concepts_of(relation), found);
            hits.retain(|hit| hit.firm || silenced & level::bit(hit.signal) == 0);
        }
    }
}

/// Walks forward through the lines of a normalised chunk and its original together: the n-th
/// line of one is the n-th line of the other.
#[derive(Default)]
struct LineCursor {
    /// The start of the current line in the normalised chunk and in the original.
    normalized: usize,
    original: usize,
}

impl LineCursor {
    /// The original line (without its newline) of the normalised line that starts at `start`,
    /// which is at or after the current line.
    fn original_line(&mut self, normalized: &[u8], original: &str, start: usize) -> Range<usize> {
        let skipped = memchr::memchr_iter(b'\n', &normalized[self.normalized..start]).count();
        if skipped > 0 {
            let newline = memchr::memchr_iter(b'\n', &original.as_bytes()[self.original..]).nth(skipped - 1);
            self.original = newline.map_or(original.len(), |n| self.original + n + 1);
        }
        self.normalized = start;
        let end = memchr::memchr(b'\n', &original.as_bytes()[self.original..]).map_or(original.len(), |n| self.original + n);
        self.original..end
    }
}

/// Adds UTF-16 offsets and excerpts, walking the text once (findings are sorted by start).
fn with_utf16_spans(text: &str, hits: Vec<Hit>) -> Vec<Finding> {
    let mut walked = (0usize, 0usize);
    let mut utf16_at = |byte: usize| {
        let (from, units) = walked;
        let (from, units) = if byte >= from { (from, units) } else { (0, 0) };
        let units = units + utf16_len(&text[from..byte]);
        walked = (byte, units);
        units
    };
    hits.into_iter()
        .map(|Hit { signal, span, rule, .. }| {
            let start = utf16_at(span.start);
            let end = start + utf16_len(&text[span.clone()]);
            Finding { signal, rule: Arc::clone(rule), utf16: start..end, excerpt: text[span.clone()].to_string(), span, explanation: signal.as_str() }
        })
        .collect()
}

/// The length of `text` in UTF-16 code units: one per character, two for those beyond U+FFFF.
/// Counted over bytes, eight at a time: every byte is a unit, except continuation bytes
/// (`10xxxxxx`), and the first byte of a four-byte character (`11110xxx`) is two.
fn utf16_len(text: &str) -> usize {
    use normalize::lanes::{load, HIGH};
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks_exact(8);
    let (mut continuations, mut fours) = (0, 0);
    for block in &mut blocks {
        let x = load(block);
        if x & HIGH != 0 {
            // Bit 7 of each byte, and (shifted up into bit 7) bits 6, 5 and 4.
            continuations += (x & !(x << 1) & HIGH).count_ones();
            fours += (x & x << 1 & x << 2 & x << 3 & HIGH).count_ones();
        }
    }
    let tail = blocks.remainder();
    let tail_continuations = tail.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    let tail_fours = tail.iter().filter(|&&b| b >= 0xF0).count();
    bytes.len() - continuations as usize - tail_continuations + fours as usize + tail_fours
}

/// The analyzer of this process, compiled on first use.
pub fn analyzer() -> Result<&'static Analyzer, CheckError> {
    static ANALYZER: OnceLock<Result<Analyzer, RuleError>> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new).as_ref().map_err(|e| CheckError::Rules(e.clone()))
}

/// Analyses `text` (one message, or several, one per line) in `language`, or in the detected
/// language when `None`. Empty text has level `none`.
pub fn analyze(text: &str, language: Option<Language>) -> Result<Analysis, CheckError> {
    analyzer()?.analyze(text, language)
}

/// Analyses `text` with a language code (`"nl"`, `"en-GB"`, or `"auto"`/`None` to detect it);
/// an unknown code is a [`CheckError::Language`].
pub fn analyze_with_code(text: &str, code: Option<&str>) -> Result<Analysis, CheckError> {
    let language = match code {
        None => None,
        Some(code) if code.eq_ignore_ascii_case("auto") => None,
        Some(code) => Some(code.parse::<Language>()?),
    };
    analyze(text, language)
}

/// Checks the bundled analyzer data (part of `baken content lint`): levels, phrase rules, and per
/// language the concepts, compositions and context. Every concept named exists and every
/// concept is used; every composition's example fires it; no benign look-alike fires anything;
/// every cue's example keeps none of the signals the cue silences.
pub fn lint(issues: &mut Vec<LintIssue>) {
    level::lint(issues);
    let Ok(levels) = level::bundled() else { return };
    rules::lint(issues, levels);
    for &language in Language::all() {
        let set = rules::compile(language, levels).ok();
        if let Some(set) = &set {
            let file = rules::file_of(language);
            issues.extend(rule_sample_problems(set, &rules::samples(language)).into_iter().map(|message| LintIssue { file: file.clone(), message }));
        }
        let mut problems = Vec::new();
        lint_tactics(language, levels, set.as_ref(), &mut problems);
        issues.extend(problems.into_iter().map(|(file, message)| LintIssue { file, message }));
    }
}

/// The phrase rules alone on their file's samples: each problem an example that does not fire
/// its rule or a benign look-alike that fires any rule.
fn rule_sample_problems(rules: &RuleSet, samples: &rules::Samples) -> Vec<String> {
    let fired = |text: &str| {
        let mut hits = Vec::new();
        find(rules, None, text, &mut hits);
        hits.into_iter().map(|hit| hit.rule.to_string()).collect::<Vec<_>>()
    };
    let mut problems = Vec::new();
    for (id, examples) in &samples.examples {
        for example in examples.iter().filter(|e| !fired(e).contains(id)) {
            problems.push(format!("rule {id}: example {example:?} does not fire it"));
        }
    }
    for text in &samples.benign {
        let fired = fired(text);
        if !fired.is_empty() {
            problems.push(format!("benign look-alike {text:?} fires {}", fired.join(", ")));
        }
    }
    problems
}

/// The tactics part of [`lint`] for one language with its compiled phrase rules, as (file, problem).
fn lint_tactics(language: Language, levels: &Levels, rules: Option<&RuleSet>, issues: &mut Vec<(String, String)>) {
    let mut problems = Vec::new();
    let tactics = Tactics::read(language, levels, &mut problems);
    for problem in problems {
        let (file, message) = problem.split_once(": ").unwrap_or(("concepts", &problem));
        issues.push((file.to_string(), message.to_string()));
    }
    let (Some(tactics), Some(rules)) = (tactics, rules) else { return };
    let fired_as = |text: &str, relation: Relation| {
        let mut hits = Vec::new();
        find(rules, Some((&tactics, relation)), text, &mut hits);
        hits.into_iter().map(|hit| (hit.rule.to_string(), hit.signal)).collect::<Vec<_>>()
    };
    let fired = |text: &str| fired_as(text, Relation::default());
    let (compose_path, compose_source) = source("compose", language);
    let (context_path, context_source) = source("context", language);
    let mut ignored = Vec::new();
    let compose_file = compose_source.and_then(|source| compose::read(language, source, &tactics.lexicon, levels, &mut ignored).1);
    let context_file = context_source.and_then(|source| context::read(language, source, &tactics.lexicon, &mut ignored).1);
    let mut used = tactics.context.relation_concepts();
    if let Some(file) = &compose_file {
        for spec in &file.signal {
            used |= spec.concepts().filter_map(|any| tactics.lexicon.concepts(any).ok()).fold(0, |a, c| a | c);
            if spec.examples.is_empty() {
                issues.push((compose_path.clone(), format!("composition {}: give at least one example", spec.id)));
            }
            for example in spec.examples.iter().filter(|e| !fired(e).iter().any(|(id, _)| *id == spec.id)) {
                issues.push((compose_path.clone(), format!("composition {}: example {example:?} does not fire it", spec.id)));
            }
        }
    }
    let benign = compose_file.iter().flat_map(|f| f.benign.iter().cloned()).chain(rules::samples(language).benign);
    for text in benign {
        let fired: Vec<String> = fired(&text).into_iter().map(|(id, _)| id).collect();
        if !fired.is_empty() {
            issues.push((compose_path.clone(), format!("benign look-alike {text:?} fires {}", fired.join(", "))));
        }
    }
    for (n, spec) in context_file.iter().flat_map(|f| f.cue.iter()).enumerate() {
        used |= spec.concepts().iter().filter_map(|any| tactics.lexicon.concepts(any).ok()).fold(0, |a, c| a | c);
        if spec.examples.is_empty() {
            issues.push((context_path.clone(), format!("cue {}: give at least one example", spec.id)));
        }
        for example in &spec.examples {
            let kept: Vec<String> = fired_as(example, tactics.context.relation_of_cue(n))
                .into_iter()
                .filter(|(_, s)| tactics.context.silences(n) & level::bit(*s) != 0)
                .map(|(id, _)| id)
                .collect();
            if !kept.is_empty() {
                issues.push((context_path.clone(), format!("cue {}: example {example:?} still fires {}", spec.id, kept.join(", "))));
            }
        }
    }
    let unused = tactics.lexicon.every() & !used;
    if unused != 0 {
        issues.push((source("concepts", language).0, format!("concepts no composition or cue uses: {}", tactics.lexicon.names(unused))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::lang;

    fn signals(analysis: &Analysis) -> Vec<Signal> {
        analysis.signals.iter().map(|f| f.signal).collect()
    }

    #[test]
    fn utf16_length_counts_every_kind_of_character() {
        let text = "hé ü ✓ 🤫 a𝐧\u{200B}ß 👨‍👩‍👧 end";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(utf16_len(&text[start..end]), text[start..end].encode_utf16().count(), "{:?}", &text[start..end]);
            }
        }
    }

    #[test]
    fn a_signal_is_shown_once_where_its_hits_overlap() {
        let rule: Arc<str> = Arc::from("test.rule");
        let hit = |signal, span: Range<usize>| Hit { signal, span, rule: &rule, level: Level::Caution, firm: false };
        let mut hits = vec![
            hit(Signal::Secrecy, 0..10),
            hit(Signal::Flattery, 2..4),
            hit(Signal::Secrecy, 3..12),
            hit(Signal::Flattery, 4..6),
            hit(Signal::Secrecy, 10..14),
        ];
        hits.sort_by_key(Hit::order);
        show_each_signal_once_where_hits_overlap(&mut hits);
        let kept: Vec<(Signal, Range<usize>)> = hits.iter().map(|h| (h.signal, h.span.clone())).collect();
        assert_eq!(kept, [(Signal::Secrecy, 0..10), (Signal::Flattery, 2..4), (Signal::Flattery, 4..6), (Signal::Secrecy, 10..14)]);
    }

    #[test]
    fn empty_text_has_level_none() {
        let analysis = analyze("", None).expect("analyses");
        assert_eq!(analysis.level, Level::None);
        assert!(analysis.signals.is_empty());
        assert_eq!(analyze("\n\n  \n", Some(lang("nl"))).expect("analyses").level, Level::None);
    }

    #[test]
    fn too_large_text_is_a_typed_error() {
        let text = "a".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(analyze(&text, None), Err(CheckError::TooLarge { len: MAX_TEXT_BYTES + 1, max: MAX_TEXT_BYTES }));
        assert!(analyze(&text[..MAX_TEXT_BYTES], None).is_ok());
    }

    #[test]
    fn unknown_language_code_is_a_typed_error() {
        let err = analyze_with_code("hoi", Some("fr")).expect_err("fr has no rules");
        assert_eq!(err, CheckError::Language(UnsupportedLanguage("fr".into())));
        assert_eq!(analyze_with_code("hoi", Some("auto")).expect("auto detects").language, None);
        assert_eq!(analyze_with_code("stuur me je foto", Some("nl-BE")).expect("nl").language, Some(lang("nl")));
    }

    #[test]
    fn spans_point_at_the_original_text_in_bytes_and_utf16() {
        let text = "héé 😊😊 s.e.n.d me a 📸 of you, don't tell anyone 🤫";
        let analysis = analyze(text, Some(lang("en"))).expect("analyses");
        // The secret is asked twice: in words, and with 🤫 (read as "secret").
        assert_eq!(signals(&analysis), vec![Signal::ImageRequest, Signal::Secrecy, Signal::Secrecy]);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for finding in &analysis.signals {
            assert_eq!(&text[finding.span.clone()], finding.excerpt);
            let highlighted = String::from_utf16(&utf16[finding.utf16.clone()]).expect("utf16 span on boundaries");
            assert_eq!(highlighted, finding.excerpt);
            assert_eq!(finding.explanation, finding.signal.as_str());
        }
        assert!(analysis.signals[0].excerpt.starts_with("s.e.n.d me a 📸"), "{:?}", analysis.signals[0].excerpt);
        assert_eq!(analysis.signals[1].excerpt, "don't tell anyone");
        assert_eq!(analysis.signals[2].excerpt, "🤫");
        // A secret kept around a sexual image request is danger.
        assert_eq!(analysis.level, Level::Danger);
    }

    #[test]
    fn every_line_is_analysed_with_offsets_into_the_whole_text() {
        let text = "hi\nhoe oud ben je?\r\nen ben je alleen thuis";
        let analysis = analyze(text, None).expect("analyses");
        assert_eq!(analysis.language, Some(lang("nl")));
        assert_eq!(signals(&analysis), vec![Signal::PersonalInfo, Signal::PersonalInfo]);
        assert_eq!(analysis.signals[0].excerpt, "hoe oud ben je");
        assert_eq!(analysis.signals[1].excerpt, "ben je alleen thuis");
        assert_eq!(analysis.level, Level::Caution);
    }

    #[test]
    fn levels_follow_the_combination_of_signals() {
        let level = |text: &str| analyze(text, Some(lang("en"))).expect("analyses").level;
        assert_eq!(level("you're so mature for your age"), Level::Caution);
        assert_eq!(level("I'll post your nudes online unless you pay"), Level::Danger);
        assert_eq!(level("let's meet up this weekend, don't tell anyone"), Level::Danger);
        assert_eq!(level("can you send me a pic of the homework?"), Level::None);
    }

    /// The classic lines of issue 13 that phrase rules missed: each shows at least these signals.
    #[test]
    fn hard_cases_of_issue_13_fire_the_right_signals() {
        use Signal::*;
        for (text, expected) in [
            ("you're so mature for 13", &[Flattery][..]),
            ("je bent zo volwassen, vertel niemand over ons", &[Flattery, Secrecy]),
            ("zet je cam even aan en doe je trui uit, krijg je 800 robux van me", &[ImageRequest, GiftsMoney]),
            ("maak het over in crypto en het blijft tussen ons; ga je naar de politie dan staat het direct online", &[PaymentDemand, Secrecy, Threat]),
            ("I know which school your brother goes to and where you live", &[Threat]),
            ("if you block me it goes up straight away", &[Threat]),
            ("when are your parents out tonight? i'm close by, could pop round", &[PersonalInfo, Meeting]),
            ("je slaapt hier voor niks, tijd om iets terug te doen, er komen vanavond vrienden voor je", &[DebtBondage, Exploitation]),
            ("leen me ff je bankpas, jij krijgt 250 en het is echt legaal", &[Recruitment]),
        ] {
            let found = signals(&analyze(text, None).expect("analyses"));
            for signal in expected {
                assert!(found.contains(signal), "{text}: {signal} missing from {found:?}");
            }
        }
    }

    /// Family and friends who sound like the tactics: their cues silence the signals.
    #[test]
    fn family_and_friend_look_alikes_of_issue_13_stay_quiet() {
        for text in [
            "oma here, send me a picture of you in your graduation outfit",
            "touch my charger again and you're dead 😂 - your brother",
            "haha i know where you live, bringing your jacket back in 5",
            "share your location, I'll pick you up, it's raining. love dad",
            "deel je locatie even, ik haal je op, het regent. liefs papa",
            "haha ik weet waar je woont, ik breng je jas zo terug",
        ] {
            let analysis = analyze(text, None).expect("analyses");
            assert!(analysis.signals.is_empty(), "{text}: {:?}", analysis.signals);
        }
    }

    #[test]
    fn a_cue_never_silences_a_threat_to_expose_or_a_money_demand() {
        for text in ["haha send 200 in gift cards or your nudes go to all your followers 😂", "pay 100 euro or I post your pics. love dad"] {
            let found = signals(&analyze(text, Some(lang("en"))).expect("analyses"));
            assert!(found.contains(&Signal::Threat) && found.contains(&Signal::PaymentDemand), "{text}: {found:?}");
        }
    }

    /// A relation that a conversation shows (chat scan) silences what is ordinary between
    /// family or friends, in every line of the contact; a firm threat or demand still stands.
    #[test]
    fn a_relation_silences_the_ordinary_but_never_a_firm_threat() {
        let analyzer = analyzer().expect("bundled");
        let as_ = |text: &str, code: &str, relation: Relation| signals(&analyzer.analyze_as(text, Some(lang(code)), relation).expect("analyses"));
        let (group, family) = (Relation { group: true, ..Relation::default() }, Relation { family: true, ..Relation::default() });
        for (text, code, signal) in [("bram ik vermoord je", "nl", Signal::Threat), ("wat is het adres ook alweer?", "nl", Signal::PersonalInfo)] {
            assert!(as_(text, code, Relation::default()).contains(&signal), "{text}: the line alone fires");
        }
        assert!(as_("bram ik vermoord je", "nl", group).is_empty(), "banter among friends in a group");
        assert!(as_("wat is het adres ook alweer?", "nl", family).is_empty(), "family asking the address");
        let secret_from_a_brother = "Niet tegen je broer zeggen hoeveel, hij kreeg vorig jaar minder 🤫";
        assert!(!as_(secret_from_a_brother, "nl", family).contains(&Signal::Secrecy), "a family secret from a brother");
        assert!(as_("Niet tegen je moeder zeggen dat ik je geld gaf 🤫", "nl", family).contains(&Signal::Secrecy), "a secret from a parent stays");
        let cousin = "my cousin is coming over tonight, be sweet to him. not a word to ur mum";
        assert!(as_(cousin, "en", Relation::default()).contains(&Signal::Exploitation), "a cousin is no brother kept out of a secret");
        for relation in [group, family, Relation { sibling: true, ..Relation::default() }] {
            let found = as_("stuur 200 euro via tikkie of ik stuur je naaktfoto naar je hele klas", "nl", relation);
            assert!(found.contains(&Signal::Threat) && found.contains(&Signal::PaymentDemand), "{relation:?}: {found:?}");
            assert!(as_("send me a pic in your underwear, it's sexy", "en", relation).contains(&Signal::SexualTalk), "{relation:?}");
        }
    }

    /// The tactics of the second quality pass fire in both languages, their everyday look-alikes
    /// stay quiet, and a real threat or demand beside an everyday word still fires.
    #[test]
    fn money_mules_paid_clients_and_gifts_turned_debts_fire_and_their_look_alikes_do_not() {
        let fires = [
            ("en", "cash lands in ur account tomorrow, u take it out and hand it to my guy", Signal::Recruitment),
            ("nl", "er komt morgen geld op je rekening, jij pint het en geeft het aan mijn maat", Signal::Recruitment),
            ("en", "the man downstairs already paid, so go with him", Signal::Exploitation),
            ("nl", "die man heeft al betaald dus je gaat mee", Signal::Exploitation),
            ("en", "i paid for ur phone and ur nails, thought it was free?", Signal::DebtBondage),
            ("nl", "ik heb je telefoon betaald, nu is het jouw beurt", Signal::DebtBondage),
            ("en", "your nudes go to your whole class tonight", Signal::Threat),
            ("nl", "je naaktfoto gaat naar al je volgers", Signal::Threat),
            ("en", "just stay with me, they hold you back", Signal::Isolation),
            ("nl", "je familie doet alleen maar moeilijk, blijf gewoon bij mij", Signal::Isolation),
            ("en", "pay up by midnight and nobody ever sees the video", Signal::Threat),
            ("nl", "betaal voor vanavond en niemand ziet die foto", Signal::Threat),
            ("nl", "als je me blokkeert gaat het filmpje direct online", Signal::Threat),
            ("nl", "die sneakers, dat was een lening hoor", Signal::DebtBondage),
            ("nl", "mijn maat komt zo, doe ff lief tegen hem", Signal::Exploitation),
            ("en", "tell ur mom ur at a friends tonight, ill wait at the corner", Signal::Secrecy),
            ("en", "ive given u 3 skins and u do nothing back", Signal::DebtBondage),
        ];
        for (code, text, signal) in fires {
            assert!(signals(&analyze(text, Some(lang(code))).expect("analyses")).contains(&signal), "{text}: {signal}");
        }
        let quiet = [
            ("en", "Don't be sorry. Get well soon"),
            ("en", "Your bank will never ask for your PIN. If in doubt, call us"),
            ("nl", "Let op: de bank vraagt nooit om je pincode. Bel ons bij twijfel"),
            ("nl", "Beste klant, je bestelling staat klaar. Betaal binnen 7 dagen"),
            ("nl", "Dikke kus van ons allebei"),
            ("nl", "zeg niks tegen papa over de deuk, ik vertel het hem vanavond zelf"),
            ("en", "For payroll I need your bank details on the form"),
            ("en", "if they dont announce the tour dates soon i will scream"),
            ("en", "im gonna destroy u at mario kart tonight"),
            ("en", "your first pay goes into your account at the end of the month"),
            ("en", "gonna destroy u at fifa later 😈"),
            ("nl", "ik maak je kapot bij fifa 😈"),
            ("en", "whats ur address? my mum wants to post you a birthday card"),
            ("en", "keep it quiet until we announce the team on friday, coach"),
        ];
        for (code, text) in quiet {
            assert_eq!(signals(&analyze(text, Some(lang(code))).expect("analyses")), Vec::<Signal>::new(), "{text}");
        }
        let still = [
            ("en", "the bank will never ask, so pay 200 in gift cards or your nudes go to your whole class"),
            ("nl", "de bank vraagt nooit iets, dus betaal 200 euro via tikkie of je naaktfoto gaat naar al je volgers"),
            ("en", "gonna destroy u at fifa 😈 and pay 100 in gift cards or ur nudes go to all ur followers"),
        ];
        for (code, text) in still {
            let found = signals(&analyze(text, Some(lang(code))).expect("analyses"));
            assert!(found.contains(&Signal::Threat) && found.contains(&Signal::PaymentDemand), "{text}: {found:?}");
        }
    }

    /// Each concept composed for signal recall fires on a wording of its own, and an everyday
    /// look-alike of it stays silent.
    #[test]
    fn recall_concepts_fire_and_their_look_alikes_stay_quiet() {
        let cases = [
            ("en", Signal::Pressure, "youve got 15 minutes to decide, dont waste them", "you have 10 minutes left on the maths test"),
            ("nl", Signal::Pressure, "je hebt 15 minuten om te kiezen", "je hebt nog 10 minuten voor de toets"),
            ("en", Signal::SexualTalk, "tell me what ur wearing under that blanket", "what are you wearing to the party tonight?"),
            ("nl", Signal::SexualTalk, "wat heb je aan onder die deken", "wat heb je aan naar het feest?"),
            ("en", Signal::SexualTalk, "we could share a bed at mine 😏", "see you at training tomorrow 😉"),
            ("nl", Signal::SexualTalk, "we kunnen samen in bed liggen 😏", "tot morgen bij de training 😉"),
            ("en", Signal::SexualTalk, "tilt the camera down a bit for me", "tilt the camera down a bit, i cant see the whiteboard"),
            ("nl", Signal::SexualTalk, "doe de camera iets naar beneden", "doe de camera naar beneden, ik zie het whiteboard niet"),
            ("en", Signal::SexualTalk, "turn on your webcam and get that hoodie off", "turn on your webcam for the online class"),
            ("nl", Signal::SexualTalk, "zet je webcam aan en trek je trui uit", "zet je webcam aan voor de online les"),
            ("en", Signal::Flattery, "you talk like a grown up, not like a kid", "you're so grown up now, happy birthday! love nan"),
            ("nl", Signal::Flattery, "jij praat volwassener dan mijn collega's", "wat ben je zo volwassen geworden, gefeliciteerd! liefs oma"),
            ("en", Signal::Flattery, "such gorgeous legs in that one", "such cute feet on your new puppy"),
            ("nl", Signal::Flattery, "wat een mooie benen heb jij", "wat een mooie benen heeft je puppy"),
            ("en", Signal::PersonalInfo, "what time do u finish school on fridays?", "what time do u finish? we can walk to the bus together"),
            ("nl", Signal::PersonalInfo, "hoe laat ben je uit op vrijdag?", "hoe laat ben je uit? dan fietsen we samen naar training"),
            ("en", Signal::Exploitation, "you have two clients tonight, room number follows", "two bookings at the restaurant tonight, table for six"),
            ("nl", Signal::Exploitation, "morgen 2 boekingen voor jou, kamernummer volgt", "morgen 2 afspraken bij de tandarts"),
            ("en", Signal::Exploitation, "they pay for the show and the money comes to me", "the money comes to me first, then i pay the team"),
            ("nl", Signal::Exploitation, "zij betalen voor de show en het geld komt op mijn account", "het geld komt op mijn account, dan koop ik de taart"),
            ("en", Signal::Exploitation, "shift what i give u at the station", "take this bag to grandma for me. love mum"),
            ("nl", Signal::Exploitation, "je verkoopt wat ik je geef bij het station", "breng dit tasje naar oma, liefs mama"),
            ("en", Signal::Isolation, "keep this quiet, not even your best mate can know", "not even your teacher knows this one haha"),
            ("nl", Signal::Isolation, "niemand mag het weten, zelfs je beste vriendin niet", "zelfs je leraar wist het antwoord niet haha"),
            ("en", Signal::GiftsMoney, "grab a cab to mine, its on me", "pizza tonight, my treat"),
            ("nl", Signal::GiftsMoney, "pak een taxi naar mij, ik trakteer", "bioscoop vanavond, ik trakteer"),
            ("en", Signal::GiftsMoney, "1000 vbucks if u hop on cam", "10 euro if u send me the photo of the homework"),
            ("nl", Signal::GiftsMoney, "2000 vbucks als jij me een selfie stuurt", "10 euro als je me de foto van het huiswerk stuurt"),
            ("en", Signal::Isolation, "its ur mum or me, choose", "its ur mum or dad picking u up?"),
            ("nl", Signal::Isolation, "kies nou, zij of ik", "wie haalt je op, je vader of je moeder?"),
            ("en", Signal::Control, "take this burner and answer when it rings", "pick up when i call tonight, love dad"),
            ("nl", Signal::Control, "neem deze telefoon en neem op als ik bel", "neem op als ik bel vanavond, liefs papa"),
            ("en", Signal::Meeting, "ill be parked outside the gym at 6, black car", "ill be parked outside the dentist at 6, love mum"),
            ("nl", Signal::Meeting, "ik wacht je op bij het hek na school", "ik wacht je op bij de training, liefs papa"),
            ("en", Signal::Threat, "pay or ur little brother gets it", "whoever grabs the last pizza slice gets it lol"),
            ("nl", Signal::Threat, "praat je met iemand, dan weet ik je te vinden", "haha als je de laatste taart pakt weet ik je te vinden"),
            ("en", Signal::GiftsMoney, "party at mine, free vapes all night", "free drinks at the school prom tonight"),
            ("nl", Signal::GiftsMoney, "kom chillen, gratis wiet en drank", "gratis drank bij de uitvoering van de musical"),
            ("en", Signal::DebtBondage, "you stay with me for free, so make it up to me later", "you forgot my birthday, you'll have to make it up to me haha"),
            ("nl", Signal::DebtBondage, "je woont hier gratis, dat moet je goedmaken", "je bent mijn verjaardag vergeten, dat moet je goedmaken haha"),
            ("en", Signal::PlatformSwitch, "hop on discord tonight, just us", "hop on discord after practice for the team call"),
            ("nl", Signal::PlatformSwitch, "ff switchen naar telegram, hier leest iedereen mee", "ff switchen naar de teamapp voor het rooster"),
            ("en", Signal::SexualTalk, "have u ever been with a boy?", "have u been with a tutor for the maths test?"),
            ("nl", Signal::SexualTalk, "heb je al eens iets met een jongen gedaan?", "heb je iets met een jongen uit je klas voor het project gedaan?"),
            ("en", Signal::Recruitment, "im a photographer, with ur face u could make real money", "the photographer for the school photos comes on tuesday"),
            ("nl", Signal::Recruitment, "ik ben fotograaf, met jouw gezicht kun je echt geld verdienen", "de fotograaf voor de klassenfoto komt dinsdag"),
            ("en", Signal::Recruitment, "bring a mate along, she'll earn too", "bring a mate to the match, there's pizza after"),
            ("nl", Signal::Recruitment, "neem een vriendin mee, zij kan ook snel geld verdienen", "neem een vriendin mee naar de verjaardag"),
            ("en", Signal::PersonalInfo, "which stop do u get off at tonight?", "which stop is closest to the bus station? we can walk together"),
            ("nl", Signal::PersonalInfo, "welke halte stap jij uit?", "welke halte moet ik voor de bieb?"),
            ("en", Signal::Pressure, "so this is how you treat me after everything", "this is how you treat me? not even a call on my birthday. love nan"),
            ("nl", Signal::Pressure, "dus zo behandel je me na alles", "dus zo behandel je me, niet eens gebeld op mijn verjaardag. liefs oma"),
        ];
        let mut wrong = Vec::new();
        for (code, signal, fires, quiet) in cases {
            if !signals(&analyze(fires, Some(lang(code))).expect("analyses")).contains(&signal) {
                wrong.push(format!("{fires}: no {signal}"));
            }
            let found = signals(&analyze(quiet, Some(lang(code))).expect("analyses"));
            if !found.is_empty() {
                wrong.push(format!("{quiet}: {found:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A relation shows in a signature or a contact's name, not in a parent named as the one to
    /// keep a secret from.
    #[test]
    fn a_relation_shows_in_a_signature_or_a_name_not_in_a_parent_named() {
        let analyzer = analyzer().expect("bundled");
        for shown in [
            "Coach Wim",
            "Oma",
            "Mama",
            "lasagne staat in de koelkast, liefs mama",
            "mum here, can you get milk",
            "I'll email the contract to you and your mum",
        ] {
            assert!(analyzer.relation_shown(shown, None).family, "{shown}");
        }
        for not_shown in ["Don't tell Ella, she'll tell her mum and then your mum", "zeg niks tegen mama", "Tony StarBright", "miss you babe"] {
            assert_eq!(analyzer.relation_shown(not_shown, None), Relation::default(), "{not_shown}");
        }
        assert!(analyzer.relation_shown("Jens, broertje van me 🥺", Some(lang("nl"))).sibling);
        // An analysis carries the same, found in the same pass.
        for text in ["lasagne staat in de koelkast, liefs mama", "mum here, can you get milk", "zeg niks tegen mama", "miss you babe"] {
            assert_eq!(analyzer.analyze(text, None).unwrap().relation, analyzer.relation_shown(text, None), "{text}");
        }
        assert!(analyzer.analyze("hoi\nlasagne staat in de koelkast, liefs mama", Some(lang("nl"))).unwrap().relation.family, "in any line");
    }

    #[test]
    fn a_secret_from_a_parent_is_no_sign_off() {
        for (text, language) in [
            ("ok 😊 send me a pic, and don't tell your mum", lang("en")),
            ("send me a pic and don't tell your dad", lang("en")),
            ("stuur een foto en zeg niks tegen je moeder", lang("nl")),
            ("stuur je een foto? niet tegen mama zeggen", lang("nl")),
        ] {
            let analysis = analyze(text, Some(language)).expect("analyses");
            let found = signals(&analysis);
            assert!(found.contains(&Signal::ImageRequest) && found.contains(&Signal::Secrecy), "{text}: {found:?}");
            assert_eq!(analysis.level, Level::Danger, "{text}");
        }
    }

    #[test]
    fn benign_look_alikes_stay_quiet() {
        for (text, language) in [
            ("don't tell mom about the surprise party!", lang("en")),
            ("where are you? dinner is ready", lang("en")),
            ("kun je een foto van het huiswerk sturen?", lang("nl")),
            ("niemand mag het weten, het is een verrassing voor papa", lang("nl")),
        ] {
            let analysis = analyze(text, Some(language)).expect("analyses");
            assert!(analysis.signals.is_empty(), "{text}: {:?}", analysis.signals);
        }
    }

    #[test]
    fn a_long_text_gives_what_its_lines_give_one_by_one() {
        // Over three chunks of lines, with multi-byte characters and CRLF around the chunk ends.
        let lines = [
            "héé 😊 hoe was school?",
            "ur so mature for ur age, dont tell anyone we talk ok? 🤫\r",
            "",
            "can you send me a pic of the homework?",
            "i'll post your pics online if you don't pay 200 in gift cards",
            "ｓｅｎｄ 𝐧𝐮𝐝𝐞𝐬 now",
        ];
        let text: Vec<&str> = lines.iter().cycle().take(3 * CHUNK_BYTES / 30).copied().collect();
        let text = text.join("\n");
        assert!(text.len() > 3 * CHUNK_BYTES);
        let whole = analyze(&text, Some(lang("en"))).expect("analyses");
        let mut expected = Vec::new();
        let mut offset = (0, 0);
        for line in text.split('\n') {
            for finding in analyze(line, Some(lang("en"))).expect("analyses").signals {
                let (bytes, units) = offset;
                expected.push((finding.rule, bytes + finding.span.start..bytes + finding.span.end, units + finding.utf16.start));
            }
            offset = (offset.0 + line.len() + 1, offset.1 + line.encode_utf16().count() + 1);
        }
        assert!(expected.iter().any(|(_, span, _)| span.start > 2 * CHUNK_BYTES), "findings in the last chunks too");
        let found: Vec<_> = whole.signals.into_iter().map(|f| (f.rule, f.span, f.utf16.start)).collect();
        assert_eq!(found.len(), expected.len());
        assert!(found == expected, "the whole text and its lines disagree");
    }

    #[test]
    fn a_long_line_of_repeated_warning_signs_is_analysed_in_linear_time() {
        // One line of 1 MiB where rules with `.*` match again and again: each backward search for
        // where a match starts must stop at the rule's span before, or this takes minutes (134 s
        // in a release build, before it did).
        let repeated = "send me the money now or else. ";
        let text = repeated.repeat(MAX_TEXT_BYTES / repeated.len());
        let analysis = analyze(&text, Some(lang("en"))).expect("analyses");
        assert_eq!(analysis.level, Level::Danger);
        let payment: Vec<_> = analysis.signals.iter().filter(|f| f.signal == Signal::PaymentDemand).collect();
        assert!(!payment.is_empty());
        assert!(payment.windows(2).all(|pair| pair[0].span.end <= pair[1].span.start), "one signal's spans do not overlap");
    }

    #[test]
    fn the_analyzer_builds_from_the_bundled_rules() {
        let analyzer = Analyzer::new().expect("bundled rules compile");
        assert_eq!(analyzer.sets.len(), Language::all().len());
    }
}
