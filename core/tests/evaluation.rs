//! Evaluates the message analyzer on the labelled set `tests/fixtures/messages.jsonl`, written
//! independently of the rules: message-level precision and recall (flagged or not) and per-signal
//! precision and recall, with the language detected (as `baken analyze` does by default).
//! Run `cargo test -p baken-core --test evaluation -- --nocapture` to see the table.

use baken_core::check::analyze;
use baken_core::signal::Signal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Deserialize)]
struct Labelled {
    id: String,
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

struct Report {
    messages: Counts,
    signals: BTreeMap<Signal, Counts>,
    total: usize,
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name)
}

fn evaluate(name: &str) -> Report {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the evaluation set {} is missing or unreadable: {e}", path.display()));
    let mut report = Report { messages: Counts::default(), signals: BTreeMap::new(), total: 0 };
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: Labelled =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{name} line {}: {e}", number + 1));
        let analysis = analyze(&item.text, None).unwrap_or_else(|e| panic!("{}: {e}", item.id));
        let predicted: BTreeSet<Signal> = analysis.signals.iter().map(|f| f.signal).collect();
        let actual: BTreeSet<Signal> = item.signals.iter().copied().collect();
        report.total += 1;
        report.messages.add(!predicted.is_empty(), !actual.is_empty());
        for signal in Signal::ALL {
            report.signals.entry(*signal).or_default().add(predicted.contains(signal), actual.contains(signal));
        }
        if std::env::var_os("BAKEN_EVAL_VERBOSE").is_some() && predicted != actual {
            println!("{}: expected {actual:?}, got {predicted:?}: {}", item.id, item.text);
        }
    }
    println!("{name}: {} messages", report.total);
    println!("{:<16} {:>9} {:>9} {:>5} {:>5} {:>5}", "signal", "precision", "recall", "tp", "fp", "fn");
    for (signal, c) in &report.signals {
        println!("{:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}", signal.as_str(), c.precision(), c.recall(), c.tp, c.fp, c.fn_);
    }
    let all = report.signals.values().fold(Counts::default(), |a, c| Counts { tp: a.tp + c.tp, fp: a.fp + c.fp, fn_: a.fn_ + c.fn_ });
    println!("{:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}", "all signals", all.precision(), all.recall(), all.tp, all.fp, all.fn_);
    let m = report.messages;
    println!("{:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}", "message flagged", m.precision(), m.recall(), m.tp, m.fp, m.fn_);
    report
}

/// Floors per signal, set just under the weakest measured values (sexual_talk precision, control
/// recall); they guard against regressions. The message-level floors (0.9) are the goal. The rules
/// were refined after reading misses on this set, so its numbers are optimistic: the held-out set
/// is the real judge.
const SIGNAL_PRECISION_FLOOR: f64 = 0.75;
const SIGNAL_RECALL_FLOOR: f64 = 0.6;

#[test]
fn analyzer_meets_the_floors_on_the_evaluation_set() {
    let report = evaluate("messages.jsonl");
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
    let report = evaluate("analyzer-dev.jsonl");
    let m = report.messages;
    assert!(m.precision() >= 0.9 && m.recall() >= 0.9, "development set: precision {:.3}, recall {:.3}", m.precision(), m.recall());
}
