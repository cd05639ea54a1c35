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
//!
//! A chat scan knows more than one line: who the contact is across the conversation
//! ([`Relation`]). Each relation stands for a concept (family or a known adult: `SIGNOFF`; a
//! brother or sister: `SIBLING`; friends in a group chat: `GROUP_CHAT`, a concept no word shows),
//! added to every line of that contact, so the same cues, with the same `unless`, apply as if the
//! line had said it. A language whose lexicon has none of these concepts reads no relation.

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

/// Who a conversation shows a contact to be: a cue across the whole conversation, never a
/// certainty (a firm finding still stands).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Relation {
    /// Family, or an adult who is open with the family (a coach, an employer): the contact's name
    /// or one of their messages shows it.
    pub family: bool,
    /// A brother, sister or cousin.
    pub sibling: bool,
    /// One of several friends in a group chat.
    pub group: bool,
}

/// The concept each part of a [`Relation`] adds to a line: family, sibling, group.
const RELATION_CONCEPTS: [&str; 3] = ["SIGNOFF", "SIBLING", "GROUP_CHAT"];

/// The concepts that show family or a known adult across a conversation, but excuse nothing in
/// their own line: a signature or a contact's name ("oma hier", "Coach Wim"), and a line that
/// brings the family in openly ("I'll email the contract to you and your mum").
const FAMILY_SHOWN: [&str; 2] = ["SIGNED", "OPEN_FAMILY"];

impl Relation {
    fn parts(self) -> [bool; 3] {
        [self.family, self.sibling, self.group]
    }
}

impl std::ops::BitOrAssign for Relation {
    /// Adds what `other` shows.
    fn bitor_assign(&mut self, other: Relation) {
        self.family |= other.family;
        self.sibling |= other.sibling;
        self.group |= other.group;
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
    /// The concepts of [`RELATION_CONCEPTS`] and of [`FAMILY_SHOWN`].
    relation: [Concepts; 3],
    /// Any of [`FAMILY_SHOWN`].
    family_shown: Concepts,
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

    /// The concepts that `relation` adds to every line of a contact.
    pub(crate) fn concepts_of(&self, relation: Relation) -> Concepts {
        self.relation.iter().zip(relation.parts()).filter(|(_, part)| *part).fold(0, |all, (concept, _)| all | concept)
    }

    /// The relation that the concepts of one line show by themselves (a signature, "- je broer").
    pub(crate) fn relation_in(&self, concepts: Concepts) -> Relation {
        Relation { family: self.family_shown & concepts != 0, sibling: self.relation[1] & concepts != 0, group: false }
    }

    /// Every concept a relation adds or is shown by (used, though maybe by no cue).
    pub(crate) fn relation_concepts(&self) -> Concepts {
        self.relation.iter().fold(self.family_shown, |all, concept| all | concept)
    }

    /// The relation under which the examples of cue `n` are read: the parts whose concept the cue
    /// names (a group chat, which no word shows).
    pub(crate) fn relation_of_cue(&self, n: usize) -> Relation {
        let named = |part: usize| self.cues.get(n).is_some_and(|cue| cue.when.iter().any(|&any| any & self.relation[part] != 0));
        Relation { family: named(0), sibling: named(1), group: named(2) }
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
    // A language whose lexicon lacks them reads no relation (nothing is added or shown).
    let concept = |name: &str| lexicon.concept(name).unwrap_or(0);
    let relation = RELATION_CONCEPTS.map(concept);
    let family_shown = FAMILY_SHOWN.iter().fold(0, |all, name| all | concept(name));
    (Context { cues, relation, family_shown }, Some(file))
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
            &json("language = 'en'\n[concepts]\nJOKE = ['haha', 'lol']\nHARM = ['dead']\nSIGNOFF = ['love dad$']\nSIBLING = ['your sister$']\nGROUP_CHAT = []\nOPEN_FAMILY = ['and your mum']\nSIGNED = ['love dad$']"),
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
