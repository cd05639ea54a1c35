//! Peak memory (VmHWM) of the journal's heavy operations, each in a fresh process as an app meets
//! it: a journal with 10 entries of one 20 MB screenshot each, then the report, the backup and
//! the import of that backup. Linux only (reads /proc/self/status).
//!
//! `cargo run --release -p baken-core --example journal_memory`

use baken_core::journal::{EntryKind, Journal, Kdf, NewAttachment, NewEntry, Options, MAX_ATTACHMENT_BYTES};
use baken_core::language::Language;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

const PASSCODE: &str = "correct horse 42";
const PASSPHRASE: &str = "a long backup passphrase";
const ENTRIES: usize = 10;

fn options() -> Options {
    Options { kdf: Kdf::InsecureFastForTests, key_store: None }
}

/// A PNG-looking screenshot of `len` bytes that differs from every other one (xorshift noise).
fn screenshot(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut bytes: Vec<u8> = (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    bytes[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
    bytes
}

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0.0);
    kb / 1024.0
}

fn unlocked(dir: &Path) -> Journal {
    let journal = Journal::open(dir, options()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    journal
}

fn phase(name: &str, dir: &Path) {
    let journal_dir = dir.join("journal");
    match name {
        "setup" => {
            let journal = Journal::create(&journal_dir, PASSCODE, options()).unwrap();
            for i in 0..ENTRIES {
                let attachment = NewAttachment { media_type: "image/png".into(), bytes: screenshot(i as u64 + 1, MAX_ATTACHMENT_BYTES) };
                let entry = NewEntry {
                    kind: EntryKind::Evidence,
                    happened_at: "2026-03-01T21:15:00+01:00".into(),
                    contact: None,
                    text: format!("screenshot {i}"),
                    signals: vec![],
                    level: None,
                    tags: vec![],
                    attachments: vec![attachment],
                };
                journal.add(entry).unwrap();
            }
        }
        "report" => drop(unlocked(&journal_dir).export_report(&dir.join("report.html"), lang("en")).unwrap()),
        "backup" => drop(unlocked(&journal_dir).export_backup(&dir.join("journal.backup"), PASSPHRASE).unwrap()),
        "import" => drop(Journal::import_backup(&dir.join("journal.backup"), PASSPHRASE, &dir.join("restored"), PASSCODE, options()).unwrap()),
        _ => panic!("unknown phase {name}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, name, dir] = args.as_slice() {
        let start = Instant::now();
        phase(name, Path::new(dir));
        println!("{name:<7} peak RSS {:6.1} MB  {:6.2} s", peak_mb(), start.elapsed().as_secs_f64());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    println!("{ENTRIES} entries with one {} MB attachment each", MAX_ATTACHMENT_BYTES / (1024 * 1024));
    for name in ["setup", "report", "backup", "import"] {
        let status = Command::new(std::env::current_exe().unwrap()).args([name, tmp.path().to_str().unwrap()]).status().unwrap();
        assert!(status.success(), "{name} failed");
    }
}
