//! Evaluates the message analyzer on labelled sets: message-level precision and recall (flagged or
//! not) and per-signal precision and recall, per language, with the language detected (as
//! `baken analyze` does by default).
//!
//! - `messages.jsonl` and `analyzer-dev.jsonl` are the development sets: the rules were refined
//!   after reading their misses, so their numbers are optimistic.
//! - `analyzer-tune.jsonl` (batch `tune1`, 300 nl + 300 en) was written by someone blind to the
//!   rules, as the concept analyzer was built; the concepts were then tuned on it, so it is a
//!   development set too (fresher than the two above).
//! - `messages-blind.jsonl` (batch `blind1`, 300 nl + 300 en) was written by someone who had not
//!   seen the rules or the development sets, and is never tuned on: its misses are fixed in the
//!   concepts, never by reading its messages, and the next blind batch judges the fix.
//!   `messages-blind2.jsonl` (batch `blind2`, the same size) is that next batch, written by another
//!   helper while the concepts were built, and never seen by whoever tuned them.
//!   `messages-blind3.jsonl` (batch `blind3`, 200 nl + 200 en, every signal at least 12 times per
//!   language) was written by a third helper after that. All three have been tuned on since.
//! - `messages-blind4.jsonl` (batch `blind4`, 200 nl + 200 en) was written fresh after that
//!   tuning; its misses were read for the recall concepts of issue 13 (2026-12-04), so it is a
//!   development set now too. The next fresh batch judges.
//! - `messages-blind5.jsonl` (batch `blind5`, 200 nl + 200 en) is that batch, written while
//!   `blind4` was tuned on, by a helper who saw no rules, code or set. Never tuned on.
//!
//! Run `cargo test -p baken-core --test evaluation -- --nocapture` to see the tables.

use baken_core::check::analyze;
use baken_core::signal::Signal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Deserialize)]
struct Labelled {
    id: String,
    lang: String,
    text: String,
    signals: Vec<Signal>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Default)]
struct Report {
    messages: Counts,
    signals: BTreeMap<Signal, Counts>,
    total: usize,
}

impl Report {
    fn add(&mut self, predicted: &BTreeSet<Signal>, actual: &BTreeSet<Signal>) {
        self.total += 1;
        self.messages.add(!predicted.is_empty(), !actual.is_empty());
        for signal in Signal::ALL {
            self.signals.entry(*signal).or_default().add(predicted.contains(signal), actual.contains(signal));
        }
    }

    /// Every signal's counts together (micro-average).
    fn all_signals(&self) -> Counts {
        self.signals.values().fold(Counts::default(), |a, c| Counts { tp: a.tp + c.tp, fp: a.fp + c.fp, fn_: a.fn_ + c.fn_ })
    }

    fn print(&self, title: &str) {
        println!("{title}: {} messages", self.total);
        println!("{:<16} {:>9} {:>9} {:>5} {:>5} {:>5}", "signal", "precision", "recall", "tp", "fp", "fn");
        let line = |name: &str, c: Counts| println!("{name:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}", c.precision(), c.recall(), c.tp, c.fp, c.fn_);
        for (signal, c) in &self.signals {
            line(signal.as_str(), *c);
        }
        line("all signals", self.all_signals());
        line("message flagged", self.messages);
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name)
}

/// The set `name` evaluated as a whole and per language (`"all"`, `"en"`, `"nl"`).
fn evaluate(name: &str) -> BTreeMap<String, Report> {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("the evaluation set {} is missing or unreadable: {e}", path.display()));
    let mut reports: BTreeMap<String, Report> = BTreeMap::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: Labelled = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name} line {}: {e}", number + 1));
        let analysis = analyze(&item.text, None).unwrap_or_else(|e| panic!("{}: {e}", item.id));
        let predicted: BTreeSet<Signal> = analysis.signals.iter().map(|f| f.signal).collect();
        let actual: BTreeSet<Signal> = item.signals.iter().copied().collect();
        reports.entry("all".into()).or_default().add(&predicted, &actual);
        reports.entry(item.lang.clone()).or_default().add(&predicted, &actual);
        if std::env::var_os("BAKEN_EVAL_VERBOSE").is_some() && predicted != actual {
            println!("{}: expected {actual:?}, got {predicted:?}: {}", item.id, item.text);
        }
    }
    for (lang, report) in &reports {
        report.print(&format!("{name} ({lang})"));
    }
    reports
}

/// Floors per signal, set just under the weakest measured values (sexual_talk precision, control
/// recall); they guard against regressions. The message-level floors (0.9) are the goal. The rules
/// were refined after reading misses on this set, so its numbers are optimistic: the held-out set
/// is the real judge.
const SIGNAL_PRECISION_FLOOR: f64 = 0.75;
const SIGNAL_RECALL_FLOOR: f64 = 0.6;

#[test]
fn analyzer_meets_the_floors_on_the_evaluation_set() {
    let report = &evaluate("messages.jsonl")["all"];
    assert!(report.total >= 400, "the evaluation set has only {} messages", report.total);
    let m = report.messages;
    assert!(m.precision() >= 0.9, "message-level precision {:.3} is below 0.9", m.precision());
    assert!(m.recall() >= 0.9, "message-level recall {:.3} is below 0.9", m.recall());
    for (signal, c) in &report.signals {
        assert!(c.tp + c.fn_ > 0, "{signal} never occurs in the evaluation set");
        assert!(c.precision() >= SIGNAL_PRECISION_FLOOR, "{signal}: precision {:.3} below the floor", c.precision());
        assert!(c.recall() >= SIGNAL_RECALL_FLOOR, "{signal}: recall {:.3} below the floor", c.recall());
    }
}

#[test]
fn analyzer_development_set_stays_clean() {
    // The analyzer developer's own examples of evasive spelling and look-alikes.
    let m = evaluate("analyzer-dev.jsonl")["all"].messages;
    assert!(m.precision() >= 0.9 && m.recall() >= 0.9, "development set: precision {:.3}, recall {:.3}", m.precision(), m.recall());
}

/// Floors on the tuning set, per language, just under the measurement after the recall concepts
/// (2026-12-04: message precision, recall; signal precision, recall). Not the goal (see the
/// blind floors).
const TUNE_FLOORS: [(&str, f64, f64, f64, f64); 2] = [("en", 0.90, 0.88, 0.79, 0.60), ("nl", 0.94, 0.89, 0.83, 0.58)];

#[test]
fn analyzer_on_the_tuning_set_per_language() {
    let reports = evaluate("analyzer-tune.jsonl");
    for (lang, message_precision, message_recall, signal_precision, signal_recall) in TUNE_FLOORS {
        let r = &reports[lang];
        assert!(r.total >= 300, "{lang}: only {} tuning messages", r.total);
        let (m, s) = (r.messages, r.all_signals());
        println!(
            "tune {lang}: message precision {:.3} recall {:.3}; signal precision {:.3} recall {:.3}",
            m.precision(),
            m.recall(),
            s.precision(),
            s.recall()
        );
        assert!(m.precision() >= message_precision && m.recall() >= message_recall, "{lang}: message level fell below the floors");
        assert!(s.precision() >= signal_precision && s.recall() >= signal_recall, "{lang}: signal level fell below the floors");
    }
}

/// Regression floors on the first three blind batches, per language, just under the weakest
/// measurement after the recall concepts (2026-12-04: message precision 0.864 in Dutch on
/// `blind3`, recall 0.869 in English on `blind1`; signal precision 0.741 in English on `blind3`,
/// recall 0.558 in Dutch on `blind1`). These batches have been looked at and tuned on, so they
/// are development sets now. None of this is the goal: the goal is message-level precision and
/// recall of 0.92 and signal-level 0.85 / 0.80.
const BLIND_MESSAGE_FLOORS: (f64, f64) = (0.85, 0.86);
const BLIND_SIGNAL_FLOORS: (f64, f64) = (0.73, 0.55);
/// `blind4`: first measured blind at message 0.820 / 0.758 and signal 0.679 / 0.438 (English),
/// then tuned on (its misses were read for the recall concepts). Floors just under the
/// measurement after that (2026-12-04, English: message 0.846 / 0.917, signal 0.766 / 0.678);
/// they guard against regressions, they do not judge.
const BLIND4_MESSAGE_FLOORS: (f64, f64) = (0.83, 0.90);
const BLIND4_SIGNAL_FLOORS: (f64, f64) = (0.75, 0.66);

#[test]
fn analyzer_on_the_blind_sets_per_language() {
    let looked_at = [("blind1", "messages-blind.jsonl", 300, 20), ("blind2", "messages-blind2.jsonl", 300, 20), ("blind3", "messages-blind3.jsonl", 200, 12)];
    for (batch, file, size, per_signal) in looked_at {
        blind_batch(batch, file, size, per_signal, BLIND_MESSAGE_FLOORS, BLIND_SIGNAL_FLOORS);
    }
    blind_batch("blind4", "messages-blind4.jsonl", 200, 12, BLIND4_MESSAGE_FLOORS, BLIND4_SIGNAL_FLOORS);
}

/// Checks that batch `batch` has at least `size` messages and every signal `per_signal` times
/// per language, 40 % benign, and that the analyzer meets the floors on it.
fn blind_batch(batch: &str, file: &str, size: usize, per_signal: usize, message_floors: (f64, f64), signal_floors: (f64, f64)) {
    let reports = evaluate(file);
    for lang in ["en", "nl"] {
        let r = &reports[lang];
        assert!(r.total >= size, "{lang}: only {} blind messages", r.total);
        assert!(r.total - r.messages.tp - r.messages.fn_ >= r.total * 2 / 5, "{lang}: under 40 % benign");
        for (signal, c) in &r.signals {
            assert!(c.tp + c.fn_ >= per_signal, "{lang}: {signal} occurs only {} times", c.tp + c.fn_);
        }
        let (m, s) = (r.messages, r.all_signals());
        println!(
            "{batch} {lang}: message precision {:.3} recall {:.3}; signal precision {:.3} recall {:.3}",
            m.precision(),
            m.recall(),
            s.precision(),
            s.recall()
        );
        assert!(m.precision() >= message_floors.0 && m.recall() >= message_floors.1, "{batch} {lang}: message level fell below the floors");
        assert!(s.precision() >= signal_floors.0 && s.recall() >= signal_floors.1, "{batch} {lang}: signal level fell below the floors");
    }
}

/// `blind5`, written fresh on 2026-12-04 while `blind4` was tuned on, and never tuned on itself:
/// floors just under its measurement after that tuning (English: message 0.873 / 0.742, signal
/// 0.713 / 0.463; before it 0.865 / 0.692 and 0.700 / 0.424).
const BLIND5_MESSAGE_FLOORS: (f64, f64) = (0.85, 0.72);
const BLIND5_SIGNAL_FLOORS: (f64, f64) = (0.69, 0.44);

#[test]
fn analyzer_on_the_fresh_blind_batch() {
    blind_batch("blind5", "messages-blind5.jsonl", 200, 13, BLIND5_MESSAGE_FLOORS, BLIND5_SIGNAL_FLOORS);
}
