//! `baken check` as a user runs it: the real binary, answers typed on stdin or read from a file.

mod common;

use common::baken;
use std::path::PathBuf;
use std::process::Output;

/// Writes `content` to a file of its own in the temp dir.
fn file(name: &str, content: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("baken-check-{}-{name}", std::process::id()));
    std::fs::write(&path, content).expect("temp dir is writable");
    path
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// A contact met online, of the teen's age, for months; every other teen question answered "no",
/// with `changes` on top.
fn teen_answers(changes: &[(&str, &str)]) -> String {
    let contact = [("known", "online_only"), ("age", "same"), ("duration", "months")];
    let mut answers: serde_json::Map<String, serde_json::Value> = [
        "secrecy",
        "isolation",
        "personal_info",
        "platform_switch",
        "flattery",
        "sexual_talk",
        "images",
        "offers",
        "meeting",
        "control",
        "pressure",
        "threat_or_money",
        "exploitation",
        "afraid",
    ]
    .iter()
    .map(|&q| (q, "no"))
    .chain(contact)
    .map(|(q, a)| (q.to_string(), a.into()))
    .collect();
    for (q, a) in changes {
        answers.insert(q.to_string(), (*a).into());
    }
    serde_json::Value::Object(answers).to_string()
}

#[test]
fn answers_file_gives_a_json_result_to_route_with() {
    let path = file("danger.json", teen_answers(&[("threat_or_money", "money"), ("images", "nude")]).as_bytes());
    let result = json(&baken(&["check", "--lang", "en", "--answers", path.to_str().expect("utf-8"), "--json"], b""));
    assert_eq!(result["level"], "danger");
    assert_eq!(result["situation"]["level"], "danger");
    let signals: Vec<_> = result["situation"]["signals"].as_array().expect("list").iter().filter_map(|s| s.as_str()).collect();
    assert!(signals.contains(&"payment_demand") && signals.contains(&"image_request"), "{signals:?}");
    let first = &result["signals"][0];
    assert!(first["explanation"]["why"].as_str().is_some_and(|w| !w.is_empty()));
    assert!(result["advice"].as_array().is_some_and(|a| a.len() >= 3));
    assert!(result["articles"].as_array().expect("list").iter().any(|a| a == "sextortion-teen"));

    let calm = file("none.json", teen_answers(&[]).as_bytes());
    let result = json(&baken(&["check", "--lang", "nl", "--answers", calm.to_str().expect("utf-8"), "--json"], b""));
    assert_eq!(result["level"], "none");
    assert_eq!(result["language"], "nl");
    let text = baken(&["check", "--lang", "nl", "--answers", path.to_str().expect("utf-8")], b"");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Uitkomst: GEVAAR") && !text.contains("DANGER"), "no English level in Dutch: {text}");
}

#[test]
fn answers_can_come_from_stdin_and_the_parent_checklist_is_separate() {
    let parent = r#"{"contact":"unknown","secretive":"yes","withdrawal":"no","picked_up":"no","gifts":"no","several_phones":"no",
        "controlled":"no","away":"no","sexual_language":"no","asked_images":"no","job_offer":"no",
        "threat_or_money":"no","exploitation":"yes","afraid":"no"}"#;
    let result = json(&baken(&["check", "--parent", "--lang", "en", "--answers", "-", "--json"], parent.as_bytes()));
    assert_eq!(result["audience"], "parent");
    assert_eq!(result["level"], "danger");
    assert!(result["advice"].as_array().expect("list").iter().any(|s| s.as_str().is_some_and(|s| s.contains("confront"))));
}

#[test]
fn interactive_asks_one_question_at_a_time_and_skips_follow_ups() {
    // 17 questions (the debt follow-up is skipped after "No" to offers); a wrong entry is asked
    // again. Someone met online, age unknown, for weeks, who gives lots of compliments.
    let typed = "7\n3\n4\n2\n3\n3\n3\n3\n1\n3\n3\n4\n3\n3\n3\n5\n3\n3\n";
    let output = baken(&["check", "--lang", "en"], typed.as_bytes());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("1. Where do you know this person from?"), "{stdout}");
    assert!(stdout.contains("4. Did they ask you to keep your chats secret"), "{stdout}");
    assert!(stdout.contains("Type a number from 1 to 3."), "7 is not an option: {stdout}");
    assert!(stdout.contains("17. Are you afraid"), "{stdout}");
    assert!(!stdout.contains("owe them"), "the debt question follows only an offer: {stdout}");
    assert!(stdout.contains("Result: CAUTION"), "{stdout}");
    assert!(stdout.contains("Lots of compliments"), "the seen signal is explained: {stdout}");
}

#[test]
fn interactive_json_keeps_questions_off_stdout() {
    let typed = "1\n".repeat(20);
    let output = baken(&["check", "--lang", "nl", "--json"], typed.as_bytes());
    let result = json(&output);
    assert_eq!(result["level"], "danger");
    assert!(String::from_utf8_lossy(&output.stderr).contains("Is dit normaal?"));
}

#[test]
fn bad_input_exits_1_with_a_clear_message() {
    let cases: Vec<(Vec<String>, Vec<u8>, &str)> = vec![
        (vec!["--lang".into(), "fr".into()], b"".to_vec(), "unsupported language 'fr'"),
        (vec!["--answers".into(), "/nonexistent/answers.json".into()], b"".to_vec(), "cannot read /nonexistent/answers.json"),
        (vec!["--answers".into(), "-".into()], b"[1, 2]".to_vec(), "is not a JSON object"),
        (vec!["--answers".into(), "-".into()], b"\xff\xfe{".to_vec(), "is not a JSON object"),
        (vec!["--answers".into(), "-".into()], teen_answers(&[("colour", "red")]).into_bytes(), "unknown question 'colour'"),
        (vec!["--answers".into(), "-".into()], teen_answers(&[("secrecy", "9")]).into_bytes(), "'9' is not an answer"),
        (vec!["--answers".into(), "-".into()], br#"{"secrecy":"yes"}"#.to_vec(), "question 'known' has no answer"),
        (vec![], b"1\n2\n".to_vec(), "the input ended"),
    ];
    for (extra, stdin, expected) in cases {
        let mut args = vec!["check".to_string(), "--json".to_string()];
        args.extend(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = baken(&args, &stdin);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: expected {expected:?} in {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    assert_eq!(baken(&["check", "--colour"], b"").status.code(), Some(2), "usage errors are clap's");
}
