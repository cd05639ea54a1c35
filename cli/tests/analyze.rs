//! `baken analyze` through the real binary: the command-line contract of DESIGN.md.

mod common;

use common::baken;
use std::process::Output;

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone()).expect("utf-8 output").lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn jsonl_gives_one_object_per_input_line_with_byte_offsets_into_that_line() {
    let input = "send me a 📸 of you, dont tell anyone 🤫\n\nhoe oud ben je?\r\nwhat's the homework for monday\n";
    let output = baken(&["analyze", "--jsonl"], input.as_bytes());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let results = lines(&output);
    assert_eq!(results.len(), 4);
    let first_line = input.lines().next().expect("a line");
    assert_eq!(results[0]["level"], "danger");
    let signals = results[0]["signals"].as_array().expect("signals");
    // The secret is asked twice: in words, and with 🤫 (read as "secret").
    assert_eq!(signals.len(), 3);
    for s in signals {
        let (start, end) = (s["start"].as_u64().expect("start") as usize, s["end"].as_u64().expect("end") as usize);
        assert_eq!(&first_line[start..end], s["excerpt"].as_str().expect("excerpt"));
        assert!(s["rule"].as_str().expect("rule").starts_with("en."));
    }
    assert_eq!(signals[0]["category"], "image_request");
    assert_eq!(signals[1]["category"], "secrecy");
    assert_eq!(signals[2]["category"], "secrecy");
    assert_eq!(results[1], serde_json::json!({"level": "none", "language": null, "signals": []}));
    assert_eq!(results[2]["signals"][0]["category"], "personal_info");
    assert_eq!(results[2]["language"], "nl");
    assert_eq!(results[3]["level"], "none");
}

#[test]
fn text_argument_and_forced_language() {
    let output = baken(&["analyze", "--lang", "nl", "--jsonl", "stuur ff een pic"], b"");
    assert!(output.status.success());
    let results = lines(&output);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["language"], "nl");
    assert_eq!(results[0]["signals"][0]["category"], "image_request");

    let text = baken(&["analyze", "are you home alone?"], b"");
    assert!(text.status.success());
    let shown = String::from_utf8(text.stdout).expect("utf-8");
    assert!(shown.starts_with("caution\n") && shown.contains("personal_info"), "{shown}");
}

#[test]
fn invalid_utf8_is_a_clear_error_with_exit_1() {
    let output = baken(&["analyze", "--jsonl"], b"fine line\nbad \xff\xfe line\n");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2 is not valid UTF-8"), "{stderr}");
    assert_eq!(lines(&output).len(), 1, "the good line before it was answered");
}

#[test]
fn unknown_language_is_a_usage_error() {
    let output = baken(&["analyze", "--lang", "fr", "hallo"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unsupported language 'fr'"));
}

#[test]
fn a_line_over_one_mebibyte_is_refused_with_exit_1() {
    let mut input = vec![b'a'; (1 << 20) + 1];
    input.push(b'\n');
    let output = baken(&["analyze", "--jsonl"], &input);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 1: the text is 1048577 bytes"));
}

#[test]
fn a_message_with_warning_signs_is_explained_and_followed_by_who_can_help() {
    let output = baken(&["analyze", "--country", "NL", "stuur een foto, niemand hoeft het te weten"], b"");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("utf-8 output");
    let explanation = baken_core::signal_text::explanation(baken_core::signal::Signal::Secrecy, "nl".parse().expect("bundled")).expect("bundled");
    assert!(text.contains(&explanation.title), "{text}");
    assert!(text.contains("Je staat er niet alleen voor") && text.contains("Bel 112"), "{text}");
    let calm = baken(&["analyze", "wat is het huiswerk voor maandag?"], b"");
    let calm = String::from_utf8(calm.stdout).expect("utf-8 output");
    assert!(calm.starts_with("none") && !calm.contains("tel:"), "{calm}");
}
