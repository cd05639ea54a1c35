//! Peak memory and wall time of reading and scanning a 50 MB WhatsApp export of distinct lines,
//! as an app meets it (a cold analyzer), and the analyzer alone on the messages the scan
//! analyses, so that the scan's own cost shows.
//! `cargo run --release -p baken-core --example chat_memory`

#[path = "../benches/support/labelled.rs"]
mod labelled;
#[path = "../benches/support/whatsapp_export.rs"]
mod whatsapp_export;

use std::time::Instant;

/// The process's peak resident memory in MB (Linux), or 0.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1000.0
}

fn main() {
    let texts = whatsapp_export::texts();
    let export = whatsapp_export::export(&texts, 50_000_000, 7);
    drop(texts);
    let mb = export.len() as f64 / 1e6;
    let before = peak_mb();
    let start = Instant::now();
    let chat = baken_core::chat::read(export.as_bytes()).expect("reads");
    let read = start.elapsed().as_secs_f64();
    let after_read = peak_mb();
    let analyzer = baken_core::check::analyzer().expect("analyzer");
    let built = start.elapsed().as_secs_f64();
    let with_analyzer = peak_mb();
    let scan = baken_core::chat::scan(analyzer, &chat, Some(whatsapp_export::ME), None).expect("scans");
    let total = start.elapsed().as_secs_f64();
    let peak = peak_mb();
    println!("{mb:.1} MB, {} messages; read {read:.2} s = {:.0} MB/s; read + scan {total:.2} s = {:.1} MB/s", chat.len(), mb / read, mb / total);
    println!("peak RSS {peak:.1} MB with the export in memory ({before:.1} MB before reading, {after_read:.1} MB after, {with_analyzer:.1} MB with the analyzer built); level {}", scan.level);
    let start = Instant::now();
    let scanned = chat.messages().filter(|m| m.sender.is_some_and(|s| s != whatsapp_export::ME) && m.event.is_none() && !m.text.trim().is_empty());
    let signals: usize = scanned.map(|m| analyzer.analyze(m.text, None).expect("analyzes").signals.len()).sum();
    let alone = start.elapsed().as_secs_f64();
    let scan_only = total - built;
    println!("analyzer built in {:.2} s; scan {scan_only:.2} s; the analyzer alone on the same messages {alone:.2} s ({signals} signals); the scan's own cost {:.2} s = {:.0} MB/s", built - read, scan_only - alone, mb / (scan_only - alone).max(1e-9));
}
