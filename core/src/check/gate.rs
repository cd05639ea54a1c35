//! Which lines a signal's phrase rules can match at all, found before their DFAs run: every
//! pattern needs one of a few literal texts (read from its syntax tree), so a line without any
//! of them is not searched. On text that does not repeat, the rules' lazy DFAs spend most of
//! their time building states; a line they do not read builds none.
//!
//! Sound by construction: [`required`] gives texts of which every match contains one, so gating
//! never changes what the rules find (`tests/same-output` compares the analyzer's output).

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::BTreeMap;
use std::ops::Range;

/// At most this many texts in a set built by joining the texts of parts in a row.
const MAX_JOINED: usize = 16;

/// Texts are cut to this many bytes: a match that contains a text contains its start, and short
/// texts keep the automaton that finds them small and quick to build.
const MAX_TEXT: usize = 6;

/// Texts of which every match of `hir` contains at least one (none empty), or `None` when no
/// such short set is evident.
pub(crate) fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(all) = exact(hir).filter(|all| !all.iter().any(Vec::is_empty)) {
        return Some(all);
    }
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min > 0 => required(&repetition.sub),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(parts) => {
            // Parts in a row with a small exact set of texts are joined; the most telling of
            // those joins and of the other parts' required texts is taken.
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut consider = |candidate: Option<Vec<Vec<u8>>>| {
                if let Some(candidate) = candidate.filter(|c| !c.is_empty() && !c.iter().any(Vec::is_empty)) {
                    if best.as_ref().is_none_or(|b| telling(&candidate) > telling(b)) {
                        best = Some(candidate);
                    }
                }
            };
            let mut run = vec![Vec::new()];
            for part in parts {
                match exact(part) {
                    Some(texts) if run.len() * texts.len() <= MAX_JOINED => run = join(&run, &texts),
                    Some(texts) => consider(Some(std::mem::replace(&mut run, texts))),
                    None => {
                        consider(Some(std::mem::replace(&mut run, vec![Vec::new()])));
                        consider(required(part));
                    }
                }
            }
            consider(Some(run));
            best
        }
        _ => None,
    }
}

/// How well a set of texts rules lines out: longer shortest text first (up to [`MAX_TEXT`]
/// bytes; a short common word such as "you " rules out few lines), then fewer texts.
fn telling(texts: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    (texts.iter().map(Vec::len).min().unwrap_or(0).min(MAX_TEXT), std::cmp::Reverse(texts.len()))
}

/// Every text `hir` matches, when they are few; an assertion (`\b`, `^`) counts as empty text,
/// which only widens the set.
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Class(Class::Bytes(class)) if class.ranges().iter().map(|r| usize::from(r.end() - r.start()) + 1).sum::<usize>() <= 4 => {
            Some(class.iter().flat_map(|r| r.start()..=r.end()).map(|b| vec![b]).collect())
        }
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min == 0 && repetition.max == Some(1) => {
            let mut all = exact(&repetition.sub)?;
            all.push(Vec::new());
            Some(all)
        }
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(exact(branch)?);
                if all.len() > MAX_JOINED {
                    return None;
                }
            }
            Some(all)
        }
        HirKind::Concat(parts) => parts.iter().try_fold(vec![Vec::new()], |run, part| {
            let texts = exact(part)?;
            (run.len() * texts.len() <= MAX_JOINED).then(|| join(&run, &texts))
        }),
        _ => None,
    }
}

/// Every text of `a` followed by every text of `b`.
fn join(a: &[Vec<u8>], b: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = a.iter().flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat())).collect();
    all.sort();
    all.dedup();
    all
}

/// The lines each search can match in, found in one pass over the text.
#[derive(Debug)]
pub(crate) struct Gate {
    /// Every required text, with the searches (bits) that need it.
    texts: Option<AhoCorasick>,
    needed_by: Vec<u64>,
    /// The searches with a pattern that needs no text: they read every line.
    ungated: u64,
}

impl Gate {
    /// A gate for searches, each given as the syntax trees of its patterns (at most 64 searches).
    pub(crate) fn new<'h>(searches: impl IntoIterator<Item = impl IntoIterator<Item = &'h Hir>>) -> Result<Gate, String> {
        let (mut by_text, mut ungated) = (BTreeMap::<Vec<u8>, u64>::new(), 0);
        for (n, patterns) in searches.into_iter().enumerate() {
            let bit = 1u64.checked_shl(n as u32).ok_or("more than 64 searches")?;
            for pattern in patterns {
                match required(pattern) {
                    // A text across a line end is in no match within a line.
                    Some(texts) => {
                        let within_lines = texts.into_iter().filter(|t| !t.contains(&b'\n'));
                        within_lines.for_each(|t| *by_text.entry(t[..t.len().min(MAX_TEXT)].to_vec()).or_default() |= bit)
                    }
                    None => ungated |= bit,
                }
            }
        }
        let texts = (!by_text.is_empty())
            .then(|| AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(by_text.keys()))
            .transpose()
            .map_err(|e| e.to_string())?;
        Ok(Gate { texts, needed_by: by_text.into_values().collect(), ungated })
    }

    /// A gate that lets every line through to each of `searches` (to compare with, in tests).
    #[cfg(test)]
    pub(crate) fn open(searches: usize) -> Gate {
        Gate { texts: None, needed_by: Vec::new(), ungated: u64::MAX.checked_shr(64 - searches as u32).unwrap_or(0) }
    }

    /// Per line of `text` (`lines`, in order), the searches that can match in it, into `out`.
    pub(crate) fn lines(&self, text: &[u8], lines: &[Range<usize>], out: &mut Vec<u64>) {
        out.clear();
        out.resize(lines.len(), self.ungated);
        let Some(texts) = &self.texts else { return };
        for found in texts.find_overlapping_iter(text) {
            let line = lines.partition_point(|line| line.end < found.start());
            if let Some(possible) = out.get_mut(line) {
                *possible |= self.needed_by[found.pattern().as_usize()];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required_of(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(pattern).expect("parses");
        required(&hir).map(|texts| texts.into_iter().map(|t| String::from_utf8(t).expect("ascii")).collect())
    }

    #[test]
    fn every_match_contains_a_required_text() {
        let how_old = required_of(r"\bhow old (are|r) (you|u)\b").expect("some");
        assert!(how_old.len() == 4 && how_old.contains(&"how old r u".to_string()), "{how_old:?}");
        assert_eq!(
            required_of(r"\b(tell|talk about) (me|us)"),
            Some(vec!["talk about me", "talk about us", "tell me", "tell us"].into_iter().map(String::from).collect())
        );
        assert_eq!(required_of(r"\d+ euro"), Some(vec![" euro".to_string()]));
        // The alternation needs "a" or " b", the last part "c": one text is more telling.
        assert_eq!(required_of(r"(a|\d+ b)c"), Some(vec!["c".to_string()]));
        assert_eq!(required_of(r"(a|\d+ b)cd"), Some(vec!["cd".to_string()]));
        assert_eq!(required_of(r"\d+|x?"), None);
        assert_eq!(required_of(r".*"), None);
    }
}
