//! The last stage: how serious the signals of a text are, alone and together
//! (`content/levels.toml`): each signal's own level, and combinations that raise it.

use crate::signal::{Level, Signal};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const FILE: &str = "levels.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    signal: BTreeMap<String, String>,
    #[serde(default)]
    combination: Vec<CombinationSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CombinationSpec {
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    distinct: usize,
    level: Level,
}

/// A set of signals, one bit each.
pub(crate) type Signals = u32;

/// The bit of `signal` in a [`Signals`] set.
pub(crate) fn bit(signal: Signal) -> Signals {
    1 << signal as u32
}

/// A combination of signals that raises the level.
#[derive(Debug)]
struct Combination {
    /// Each set must have a signal seen.
    all: Vec<Signals>,
    /// At least this many different signals.
    distinct: u32,
    level: Level,
}

/// The levels of signals and of their combinations.
#[derive(Debug)]
pub(crate) struct Levels {
    own: [Level; Signal::ALL.len()],
    combinations: Vec<Combination>,
}

impl Levels {
    /// The level of a signal alone.
    pub(crate) fn of(&self, signal: Signal) -> Level {
        self.own[signal as usize]
    }

    /// The level of a text: the highest of its findings' levels, raised by every combination of
    /// the `seen` signals.
    pub(crate) fn combined(&self, highest: Level, seen: Signals) -> Level {
        let shown = |c: &&Combination| c.all.iter().all(|any| any & seen != 0) && seen.count_ones() >= c.distinct;
        self.combinations.iter().filter(shown).map(|c| c.level).fold(highest, Level::max)
    }
}

/// Reads a level file; problems are listed, not fatal, so the lint sees them all.
fn read(source: &str, issues: &mut Vec<String>) -> Option<Levels> {
    let file: LevelFile = crate::content::read(source).map_err(|e| issues.push(format!("not valid: {e}"))).ok()?;
    let mut own = [Level::None; Signal::ALL.len()];
    for (signal, level) in &file.signal {
        match (signal.parse::<Signal>(), level.parse::<Level>()) {
            (Ok(signal), Ok(level)) => own[signal as usize] = level,
            (Err(e), _) | (_, Err(e)) => issues.push(e.to_string()),
        }
    }
    for signal in Signal::ALL.iter().filter(|s| !file.signal.contains_key(s.as_str())) {
        issues.push(format!("signal {signal} has no level"));
    }
    let mut combinations = Vec::new();
    for (n, spec) in file.combination.iter().enumerate() {
        let all = spec.all.iter().map(|any| signals(any).map_err(|e| issues.push(format!("combination {}: {e}", n + 1)))).collect::<Result<Vec<_>, _>>();
        if spec.all.is_empty() && spec.distinct == 0 {
            issues.push(format!("combination {}: give `all` or `distinct`", n + 1));
        }
        if let Ok(all) = all {
            combinations.push(Combination { all, distinct: spec.distinct as u32, level: spec.level });
        }
    }
    issues.is_empty().then_some(Levels { own, combinations })
}

/// The signals of `a|b|c`.
pub(crate) fn signals(any: &str) -> Result<Signals, String> {
    any.split('|').try_fold(0, |set, id| Ok(set | bit(id.trim().parse::<Signal>().map_err(|e| e.to_string())?)))
}

/// The bundled levels, read on first use; `Err` lists the problems (caught by the lint).
pub(crate) fn bundled() -> Result<&'static Levels, Vec<String>> {
    static LEVELS: OnceLock<Result<Levels, Vec<String>>> = OnceLock::new();
    let read_bundled = || {
        let mut issues = Vec::new();
        let source = crate::content::file(FILE);
        let levels = source.and_then(|text| read(text, &mut issues));
        levels.ok_or_else(|| if issues.is_empty() { vec![format!("{FILE} is missing")] } else { issues.into_iter().map(|m| format!("{FILE}: {m}")).collect() })
    };
    LEVELS.get_or_init(read_bundled).as_ref().map_err(Clone::clone)
}

/// Checks the bundled level file (part of `baken content lint`).
pub(crate) fn lint(issues: &mut Vec<crate::content::LintIssue>) {
    if let Err(problems) = bundled() {
        issues.extend(problems.into_iter().map(|message| crate::content::LintIssue { file: FILE.to_string(), message }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;

    #[test]
    fn combinations_raise_the_highest_level() {
        let levels = bundled().expect("bundled levels read");
        assert_eq!(levels.of(Signal::Threat), Level::Danger);
        let seen = |list: &[Signal]| list.iter().fold(0, |set, &s| set | bit(s));
        assert_eq!(levels.combined(Level::Warning, seen(&[Signal::Secrecy, Signal::ImageRequest])), Level::Danger);
        assert_eq!(levels.combined(Level::Caution, seen(&[Signal::Flattery, Signal::Pressure, Signal::PlatformSwitch])), Level::Warning);
        assert_eq!(levels.combined(Level::Caution, seen(&[Signal::Flattery])), Level::Caution);
    }

    #[test]
    fn broken_level_files_are_reported() {
        let mut issues = Vec::new();
        assert!(read(&json("[signal]\nthreat = 'danger'\n[[combination]]\nall = ['threat|nudes']\nlevel = 'danger'"), &mut issues).is_none());
        let all = issues.join("\n");
        assert!(all.contains("signal secrecy has no level"), "{all}");
        assert!(all.contains("combination 1: unknown signal id 'nudes'"), "{all}");
    }
}
