//! Stage 4: context that silences (`content/context/<language>.toml`).
//!
//! Some words tell who is writing or what is meant: a sign-off from family ("love dad",
//! "- je zus", "oma hier"), a teacher or a coach; a laugh on an idiom ("ur dead 😂"); an everyday
//! errand (a homework photo, a job interview at a real shop, a lift to an away match). A cue
//! names the concepts that show it (`when`: every group, each `A|B`, anywhere in the line) and the
//! signals it silences in that line. It is a cue, never a certainty, so a firm finding (a threat
//! to expose images, a money demand: see `compose` and `rules`) is never silenced, and a signal
//! the cue names in `unless` voids it: "send me a pic and don't tell your mum" ends like a
//! sign-off but keeps a secret from a parent, which no sign-off excuses. `examples` must come
//! out without any of the silenced signals.

use super::concepts::{Concepts, Lexicon};
use super::level::{self, Signals};
use crate::language::Language;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContextFile {
    language: String,
    #[serde(default)]
    pub(crate) cue: Vec<CueSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CueSpec {
    pub(crate) id: String,
    when: Vec<String>,
    silences: Vec<String>,
    /// Signals that, found in the same line, void the cue.
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    pub(crate) examples: Vec<String>,
}

impl CueSpec {
    /// Every `A|B` group the cue names.
    pub(crate) fn concepts(&self) -> &[String] {
        &self.when
    }
}

/// One compiled cue.
#[derive(Debug)]
struct Cue {
    when: Vec<Concepts>,
    silences: Signals,
    unless: Signals,
}

/// The cues of one language.
#[derive(Debug, Default)]
pub(crate) struct Context {
    cues: Vec<Cue>,
}

impl Context {
    /// The signals that the cues among `concepts` (every concept of one line) silence, given the
    /// signals `found` in that line. A cue with `unless` is voided only by what the other cues
    /// leave standing.
    pub(crate) fn silenced(&self, concepts: Concepts, found: Signals) -> Signals {
        let shown = self.cues.iter().filter(|cue| cue.when.iter().all(|&any| any & concepts != 0));
        let unconditional = shown.clone().filter(|cue| cue.unless == 0).fold(0, |silenced, cue| silenced | cue.silences);
        let standing = found & !unconditional;
        shown.filter(|cue| cue.unless & standing == 0).fold(0, |silenced, cue| silenced | cue.silences)
    }

    /// The signals that cue `n` silences.
    pub(crate) fn silences(&self, n: usize) -> Signals {
        self.cues.get(n).map_or(0, |cue| cue.silences)
    }
}

/// Reads a context file against its language's lexicon; problems are listed.
pub(crate) fn read(language: Language, source: &str, lexicon: &Lexicon, issues: &mut Vec<String>) -> (Context, Option<ContextFile>) {
    let file: ContextFile = match crate::content::read(source) {
        Ok(file) => file,
        Err(e) => {
            issues.push(format!("not valid: {e}"));
            return (Context::default(), None);
        }
    };
    if file.language != language.code() {
        issues.push(format!("language is {:?}, expected {:?}", file.language, language.code()));
    }
    let mut cues = Vec::new();
    for spec in &file.cue {
        let mut problems = Vec::new();
        let when: Vec<Concepts> = spec.when.iter().filter_map(|any| lexicon.concepts(any).map_err(|e| problems.push(e)).ok()).collect();
        let signals = |ids: &[String], problems: &mut Vec<String>| {
            ids.iter().filter_map(|any| level::signals(any).map_err(|e| problems.push(e)).ok()).fold(0, |a, s| a | s)
        };
        let silences = signals(&spec.silences, &mut problems);
        let unless = signals(&spec.unless, &mut problems);
        if spec.when.is_empty() || spec.silences.is_empty() {
            problems.push("give `when` and `silences`".to_string());
        }
        if silences & unless != 0 {
            problems.push("a signal cannot be both silenced and in `unless`".to_string());
        }
        // Every cue keeps its place, so `silences(n)` is the n-th cue of the file.
        cues.push(Cue { when: if problems.is_empty() { when } else { vec![0] }, silences, unless });
        issues.extend(problems.into_iter().map(|m| format!("cue {}: {m}", spec.id)));
    }
    (Context { cues }, Some(file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;
    use crate::language::lang;
    use crate::signal::Signal;

    #[test]
    fn a_cue_silences_its_signals_only_when_all_its_groups_are_there() {
        let mut issues = Vec::new();
        let lexicon = super::super::concepts::read(
            lang("en"),
            &json("language = 'en'\n[concepts]\nJOKE = ['haha', 'lol']\nHARM = ['dead']\nSIGNOFF = ['love dad$']"),
            &mut issues,
        )
        .expect("reads");
        let source = "language = 'en'\n[[cue]]\nid = 'en.joke'\nwhen = ['JOKE', 'HARM']\nsilences = ['threat']\n[[cue]]\nid = 'en.dad'\nwhen = ['SIGNOFF']\nsilences = ['meeting|control']\nunless = ['secrecy']";
        let (context, _) = read(lang("en"), &json(source), &lexicon, &mut issues);
        assert_eq!(issues, Vec::<String>::new());
        let concept = |name| lexicon.concept(name).expect("known");
        assert_eq!(context.silenced(concept("JOKE") | concept("HARM"), 0), level::bit(Signal::Threat));
        assert_eq!(context.silenced(concept("JOKE"), 0), 0);
        assert_eq!(context.silenced(concept("SIGNOFF"), level::bit(Signal::Meeting)), level::bit(Signal::Meeting) | level::bit(Signal::Control));
        assert_eq!(context.silenced(concept("SIGNOFF"), level::bit(Signal::Secrecy)), 0, "a secret voids the sign-off");
        let (_, _) = read(lang("en"), &json("language = 'en'\n[[cue]]\nid = 'x'\nwhen = ['NOPE']\nsilences = ['nudes']"), &lexicon, &mut issues);
        let both = "language = 'en'\n[[cue]]\nid = 'y'\nwhen = ['SIGNOFF']\nsilences = ['secrecy']\nunless = ['secrecy']";
        let (_, _) = read(lang("en"), &json(both), &lexicon, &mut issues);
        let all = issues.join("\n");
        assert!(all.contains("cue x: unknown concept NOPE") && all.contains("cue x: unknown signal id 'nudes'"), "{all}");
        assert!(all.contains("cue y: a signal cannot be both silenced and in `unless`"), "{all}");
    }
}
