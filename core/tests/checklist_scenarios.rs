//! The checklist judged on scenario sets (issue 17 part 4): a benign scenario must stay below
//! `warning`, a harmful one must reach it. A scenario expects a band: a level (`none`,
//! `caution`: benign; `warning`, `danger`: harmful) or just `benign` / `harmful`.
//!
//! - `checklist-dev.jsonl` is the development set, written with the weights in view and tuned on.
//! - `checklist-blind.jsonl` (53 teen, 52 parent) was written by someone who saw only the
//!   question set (`tests/fixtures/checklist-questions.md`), never the weights, the code or the
//!   development set; it is reported and never tuned on.
//!
//! A scenario answers the questions about the contact; any other asked question it leaves out
//! counts as `no`. Run with `-- --nocapture` to see the per-variant counts and every miss.

use baken_core::checklist::{self, Answers, Audience};
use baken_core::language::Language;
use baken_core::signal::Level;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

#[derive(Deserialize)]
struct Scenario {
    id: String,
    variant: String,
    answers: Answers,
    band: String,
}

/// Whether a scenario must reach `warning`, and the exact level it names, if any.
fn expectation(band: &str) -> (bool, Option<Level>) {
    match band {
        "harmful" => (true, None),
        "benign" => (false, None),
        level => {
            let level: Level = level.parse().unwrap_or_else(|e| panic!("band '{band}': {e}"));
            (level >= Level::Warning, Some(level))
        }
    }
}

/// The scenario's answers completed: every asked question it leaves out is answered `no`.
fn complete(audience: Audience, given: &Answers, id: &str) -> Answers {
    let mut answers = given.clone();
    while let Some(q) = checklist::next_question(audience, lang("en"), &answers).unwrap_or_else(|e| panic!("{id}: {e}")) {
        assert!(q.answers.iter().any(|a| a.id == "no"), "{id}: question '{}' needs an answer", q.id);
        answers.insert(q.id, "no".to_string());
    }
    answers
}

#[derive(Default)]
struct Tally {
    total: usize,
    passed: usize,
    exact: usize,
    with_level: usize,
    misses: Vec<String>,
}

/// Scores every scenario in the fixture `name`, printing and returning the tally per variant.
fn evaluate(name: &str) -> BTreeMap<String, Tally> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is unreadable: {e}", path.display()));
    evaluate_lines(name, &text)
}

fn evaluate_lines(name: &str, text: &str) -> BTreeMap<String, Tally> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let s: Scenario = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name} line {}: {e}", number + 1));
        let audience: Audience = s.variant.parse().unwrap_or_else(|e| panic!("{}: {e}", s.id));
        let answers = complete(audience, &s.answers, &s.id);
        let level = checklist::score(audience, lang("nl"), &answers).unwrap_or_else(|e| panic!("{}: {e}", s.id)).level;
        let (harmful, exact) = expectation(&s.band);
        let tally = tallies.entry(s.variant.clone()).or_default();
        tally.total += 1;
        if (level >= Level::Warning) == harmful {
            tally.passed += 1;
        } else {
            tally.misses.push(format!("{}: expected {}, got {level}", s.id, s.band));
        }
        if let Some(exact) = exact {
            tally.with_level += 1;
            tally.exact += usize::from(exact == level);
        }
    }
    for (variant, t) in &tallies {
        println!("{name} {variant}: {}/{} on the right side of warning; exact level {}/{}", t.passed, t.total, t.exact, t.with_level);
        for miss in &t.misses {
            println!("  miss {miss}");
        }
    }
    tallies
}

fn assert_no_misses(name: &str, minimum: usize) {
    let tallies = evaluate(name);
    for &audience in Audience::ALL {
        let t = tallies.get(audience.as_str()).unwrap_or_else(|| panic!("{name} has no {audience} scenarios"));
        assert!(t.total >= minimum, "{name} has {} {audience} scenarios, fewer than {minimum}", t.total);
        assert!(t.misses.is_empty(), "{name} {audience}: {:#?}", t.misses);
    }
}

#[test]
fn the_development_scenarios_are_on_the_right_side_of_warning() {
    assert_no_misses("checklist-dev.jsonl", 20);
}

/// The issue's floor: at least 40 scenarios per variant, none on the wrong side of warning.
#[test]
fn the_blind_scenarios_are_on_the_right_side_of_warning() {
    assert_no_misses("checklist-blind.jsonl", 40);
}

#[test]
fn a_scenario_on_the_wrong_side_is_a_miss() {
    let planted = r#"{"id": "calm-but-called-harmful", "variant": "teen", "answers": {"known": "real_life", "age": "same", "duration": "months"}, "band": "harmful"}
{"id": "threat-but-called-benign", "variant": "parent", "answers": {"contact": "unknown", "threat_or_money": "threat"}, "band": "caution"}
{"id": "calm", "variant": "parent", "answers": {"contact": "unknown"}, "band": "none"}"#;
    let tallies = evaluate_lines("planted", planted);
    assert_eq!(tallies["teen"].misses, vec!["calm-but-called-harmful: expected harmful, got none".to_string()]);
    assert_eq!(tallies["parent"].misses, vec!["threat-but-called-benign: expected caution, got danger".to_string()]);
    assert_eq!((tallies["parent"].passed, tallies["parent"].exact, tallies["parent"].with_level), (1, 1, 2));
}
