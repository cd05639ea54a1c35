//! Stage 3: signals as compositions of concepts (`content/compose/<language>.toml`).
//!
//! A composition names a signal and the concepts that together show it, within a window of a
//! few words of one line: REQUEST near IMAGE is `image_request`; EXPOSE near IMAGE or AUDIENCE
//! is a `threat`. `near` lists groups, each `A|B` (either concept); every group must be found,
//! all within `window` words (first to last); with `ordered` in the listed order. `unless`:
//! a concept anywhere in the line that silences the composition (its everyday meaning). `firm`:
//! no context cue silences it (a threat to expose images, a money demand). `examples` must fire
//! it; the file's `benign` texts must fire nothing.

use super::concepts::{Concepts, Lexicon, Occurrence, Tagged};
use crate::language::Language;
use crate::signal::{Level, Signal};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ComposeFile {
    language: String,
    #[serde(default)]
    pub(crate) benign: Vec<String>,
    #[serde(default)]
    pub(crate) signal: Vec<CompositionSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompositionSpec {
    pub(crate) id: String,
    signal: String,
    near: Vec<String>,
    window: Option<usize>,
    #[serde(default)]
    ordered: bool,
    #[serde(default)]
    unless: Vec<String>,
    level: Option<String>,
    #[serde(default)]
    firm: bool,
    #[serde(default)]
    pub(crate) examples: Vec<String>,
}

impl CompositionSpec {
    /// Every `A|B` group the composition names.
    pub(crate) fn concepts(&self) -> impl Iterator<Item = &String> + '_ {
        self.near.iter().chain(&self.unless)
    }
}

/// How many words a composition spans when its file names no window.
const DEFAULT_WINDOW: usize = 6;

/// One compiled composition.
#[derive(Debug)]
pub(crate) struct Composition {
    pub(crate) id: Arc<str>,
    pub(crate) signal: Signal,
    pub(crate) level: Level,
    pub(crate) firm: bool,
    groups: Vec<Concepts>,
    window: usize,
    ordered: bool,
    unless: Concepts,
}

/// Where a composition was found: tokens `first..=last` of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) composition: usize,
    pub(crate) first: usize,
    pub(crate) last: usize,
}

impl Composition {
    /// Whether the line has what the composition needs at all (a quick test before the scan).
    fn may_match(&self, all: Concepts) -> bool {
        all & self.unless == 0 && self.groups.iter().all(|&group| group & all != 0)
    }

    /// Calls `found(first, last)` for each place in `found` where every group lies within the
    /// window (from the first word of the first to the first word of the last), ending at the
    /// occurrence that completes it.
    fn each(&self, occurrences: &[Occurrence], mut found: impl FnMut(usize, usize)) {
        // Per group: the first token of the latest usable start (ordered: of a chain of the
        // groups so far) and the furthest token its words reach.
        let mut latest: Vec<Option<(usize, usize)>> = vec![None; self.groups.len()];
        for o in occurrences {
            let mut completes = false;
            for g in (0..self.groups.len()).rev() {
                if self.groups[g] & o.concepts == 0 {
                    continue;
                }
                let start = match (self.ordered, g) {
                    (true, 0) | (false, _) => Some((o.first, o.last)),
                    (true, _) => latest[g - 1].filter(|&(_, end)| end < o.first).map(|(start, _)| (start, o.last)),
                };
                if let Some(start) = start {
                    latest[g] = Some(start);
                    completes |= !self.ordered || g + 1 == self.groups.len();
                }
            }
            if !completes {
                continue;
            }
            let first = if self.ordered {
                latest.last().copied().flatten().map(|(start, _)| start)
            } else {
                latest.iter().map(|l| l.map(|(start, _)| start)).try_fold(usize::MAX, |min, start| Some(min.min(start?)))
            };
            if let Some(first) = first.filter(|&first| o.first - first < self.window) {
                found(first, o.last);
            }
        }
    }
}

/// The compositions of one language.
#[derive(Debug, Default)]
pub(crate) struct Compositions {
    pub(crate) all: Vec<Composition>,
}

impl Compositions {
    /// Every composition found in a tagged line, into `out` (cleared first). A composition found
    /// again where its last span still runs only lengthens that span.
    pub(crate) fn find(&self, line: &Tagged, out: &mut Vec<Found>) {
        out.clear();
        for (n, composition) in self.all.iter().enumerate().filter(|(_, c)| c.may_match(line.all)) {
            let from = out.len();
            composition.each(&line.found, |first, last| match out[from..].last_mut() {
                Some(before) if first <= before.last => before.last = before.last.max(last),
                _ => out.push(Found { composition: n, first, last }),
            });
        }
    }
}

/// Reads a composition file against its language's lexicon; problems are listed.
pub(crate) fn read(
    language: Language,
    source: &str,
    lexicon: &Lexicon,
    levels: &super::level::Levels,
    issues: &mut Vec<String>,
) -> (Compositions, Option<ComposeFile>) {
    let file: ComposeFile = match crate::content::read(source) {
        Ok(file) => file,
        Err(e) => {
            issues.push(format!("not valid: {e}"));
            return (Compositions::default(), None);
        }
    };
    if file.language != language.code() {
        issues.push(format!("language is {:?}, expected {:?}", file.language, language.code()));
    }
    let mut ids = HashSet::new();
    let mut all = Vec::new();
    for spec in &file.signal {
        let mut problems = Vec::new();
        if !ids.insert(spec.id.as_str()) {
            problems.push("duplicate id".to_string());
        }
        if !spec.id.starts_with(&format!("{}.", language.code())) {
            problems.push("ids start with the language code".to_string());
        }
        let signal = spec.signal.parse::<Signal>().map_err(|e| problems.push(e.to_string())).ok();
        let level = match &spec.level {
            Some(level) => level.parse::<Level>().map_err(|e| problems.push(e.to_string())).ok(),
            None => signal.map(|s| levels.of(s)),
        };
        let mut concepts = |list: &[String]| list.iter().filter_map(|any| lexicon.concepts(any).map_err(|e| problems.push(e)).ok()).collect::<Vec<_>>();
        let (groups, unless) = (concepts(&spec.near), concepts(&spec.unless));
        if spec.near.is_empty() {
            problems.push("`near` names no concept".to_string());
        }
        match (signal, level, problems.is_empty()) {
            (Some(signal), Some(level), true) => all.push(Composition {
                id: spec.id.as_str().into(),
                signal,
                level,
                firm: spec.firm,
                groups,
                window: spec.window.unwrap_or(DEFAULT_WINDOW).max(1),
                ordered: spec.ordered,
                unless: unless.into_iter().fold(0, |a, c| a | c),
            }),
            _ => issues.extend(problems.into_iter().map(|m| format!("composition {}: {m}", spec.id))),
        }
    }
    (Compositions { all }, Some(file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;
    use crate::language::lang;

    const LEXICON: &str = "language = 'en'\n[concepts]\nREQUEST = ['send']\nIMAGE = ['pic']\nHOMEWORK = ['homework']\nIF = ['if']\nEXPOSE = ['post']";
    const COMPOSE: &str = r#"
language = "en"
[[signal]]
id = "en.image_request.ask"
signal = "image_request"
near = ["REQUEST", "IMAGE"]
window = 4
unless = ["HOMEWORK"]
[[signal]]
id = "en.threat.if_post"
signal = "threat"
near = ["IF", "EXPOSE"]
ordered = true
"#;

    fn found(line: &str) -> Vec<(String, String)> {
        let mut issues = Vec::new();
        let lexicon = super::super::concepts::read(lang("en"), &json(LEXICON), &mut issues).expect("reads");
        let levels = super::super::level::bundled().expect("levels");
        let (compositions, _) = read(lang("en"), &json(COMPOSE), &lexicon, levels, &mut issues);
        assert_eq!(issues, Vec::<String>::new());
        let (mut tagged, mut out) = (Tagged::default(), Vec::new());
        lexicon.tag(line.as_bytes(), &mut tagged);
        compositions.find(&tagged, &mut out);
        out.iter()
            .map(|f| (compositions.all[f.composition].id.to_string(), line[tagged.tokens[f.first].start..tagged.tokens[f.last].end].to_string()))
            .collect()
    }

    #[test]
    fn groups_are_found_within_the_window_in_either_order() {
        assert_eq!(found("pls send me a pic"), [("en.image_request.ask".to_string(), "send me a pic".to_string())]);
        assert_eq!(found("a pic u send"), [("en.image_request.ask".to_string(), "pic u send".to_string())]);
        assert!(found("send it to me and then later a pic").is_empty(), "beyond the window");
        assert!(found("send a pic of the homework").is_empty(), "silenced by its everyday meaning");
    }

    #[test]
    fn ordered_groups_must_come_in_order_and_spans_merge() {
        assert_eq!(found("if you go i post it").len(), 1);
        assert!(found("post it if you like").is_empty());
        assert_eq!(found("send pic send pic"), [("en.image_request.ask".to_string(), "send pic send pic".to_string())]);
    }
}
