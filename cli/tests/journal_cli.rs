//! `baken journal` end to end through the real binary, built for these tests with the feature
//! `insecure-test-kdf` (cli/Cargo.toml's dev-dependency on itself) so that it honours
//! `BAKEN_INSECURE_FAST_KDF_FOR_TESTS=1` and uses the fast test-only key derivation.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const PASSCODE: &str = "correct horse 42";

fn baken(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baken"))
        .args(args)
        .env("BAKEN_INSECURE_FAST_KDF_FOR_TESTS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The child may exit before reading (a usage error); a closed pipe is fine then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn ok(args: &[&str], stdin: &str) -> String {
    let out = baken(args, stdin);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn init_add_list_show_verify_export_and_wipe() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let path = dir.to_str().unwrap();
    let line = format!("{PASSCODE}\n");
    ok(&["journal", "init", "--path", path, "--passcode-stdin"], &line);
    let added = ok(
        &[
            "journal",
            "add",
            "--path",
            path,
            "--passcode-stdin",
            "He said he would share the photo",
            "--contact",
            "@sam",
            "--platform",
            "Snapchat",
            "--signal",
            "threat",
            "--level",
            "danger",
        ],
        &line,
    );
    let id = added.lines().next().unwrap().to_string();

    let list: serde_json::Value = serde_json::from_str(&ok(&["journal", "list", "--path", path, "--passcode-stdin", "--json"], &line)).unwrap();
    assert_eq!(list["entries"][0]["id"], id.as_str());
    assert_eq!(list["entries"][0]["text"], "He said he would share the photo");
    assert_eq!(list["entries"][0]["signals"][0], "threat");
    assert!(ok(&["journal", "show", "--path", path, "--passcode-stdin", &id], &line).contains("@sam (Snapchat)"));

    let verify: serde_json::Value = serde_json::from_str(&ok(&["journal", "verify", "--path", path, "--passcode-stdin", "--json"], &line)).unwrap();
    assert_eq!(verify["links"], 1);
    assert!(verify["broken"].is_null());
    assert!(added.contains(verify["seal"].as_str().unwrap()), "add prints the same seal");

    let report = tmp.path().join("report.html");
    ok(&["journal", "export", "--path", path, "--passcode-stdin", "--html", report.to_str().unwrap(), "--lang", "en"], &line);
    assert!(std::fs::read_to_string(&report).unwrap().contains(verify["seal"].as_str().unwrap()));
    let backup = tmp.path().join("backup.bin");
    ok(&["journal", "export", "--path", path, "--passcode-stdin", "--backup", backup.to_str().unwrap()], &format!("{PASSCODE}\nbackup passphrase\n"));
    let restored = tmp.path().join("restored");
    let out =
        ok(&["journal", "import", "--path", restored.to_str().unwrap(), "--passcode-stdin", backup.to_str().unwrap()], "backup passphrase\nnew passcode\n");
    assert!(out.contains(verify["seal"].as_str().unwrap()));

    ok(&["journal", "wipe", "--path", path, "--passcode-stdin"], &line);
    assert!(!dir.join("journal.sqlite").exists());
}

#[test]
fn the_test_build_makes_fast_test_journals() {
    use baken_core::journal::{Journal, JournalError, Options, FAST_TEST_ITERATIONS};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    ok(&["journal", "init", "--path", dir.to_str().unwrap(), "--passcode-stdin"], &format!("{PASSCODE}\n"));
    // A normal open refuses it before deriving any key: proof that the binary honoured the switch.
    let standard = Journal::open(&dir, Options::default()).unwrap();
    assert!(matches!(standard.unlock(PASSCODE), Err(JournalError::KdfTooWeak(FAST_TEST_ITERATIONS))));
}

#[test]
fn wrong_passcodes_and_bad_usage_fail_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let path = dir.to_str().unwrap();
    ok(&["journal", "init", "--path", path, "--passcode-stdin"], &format!("{PASSCODE}\n"));
    let wrong = baken(&["journal", "list", "--path", path, "--passcode-stdin"], "not it\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("passcode is not right"));
    let again = baken(&["journal", "init", "--path", path, "--passcode-stdin"], &format!("{PASSCODE}\n"));
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already a journal"));
    let empty = baken(&["journal", "list", "--path", path, "--passcode-stdin"], "");
    assert_eq!(empty.status.code(), Some(1));
    let usage = baken(&["journal", "add", "--path", path, "--passcode", PASSCODE, "text"], "");
    assert_eq!(usage.status.code(), Some(2), "there is no way to give a passcode on the command line");
    let missing = baken(&["journal", "list", "--path", tmp.path().join("nothing").to_str().unwrap(), "--passcode-stdin"], "x\n");
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_short_pin_is_warned_about_but_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    let pin = baken(&["journal", "init", "--path", tmp.path().join("pin").to_str().unwrap(), "--passcode-stdin"], "123456\n");
    assert!(pin.status.success());
    assert!(String::from_utf8_lossy(&pin.stderr).contains("easy to guess"), "{}", String::from_utf8_lossy(&pin.stderr));
    let strong = baken(&["journal", "init", "--path", tmp.path().join("strong").to_str().unwrap(), "--passcode-stdin"], &format!("{PASSCODE}\n"));
    assert!(strong.status.success() && !String::from_utf8_lossy(&strong.stderr).contains("easy to guess"));
}

#[test]
fn a_chat_scan_is_saved_as_evidence_about_one_contact() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("journal");
    let path = path.to_str().unwrap();
    let line = format!("{PASSCODE}\n");
    let export = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/chats/scan-grooming-en.txt");
    ok(&["journal", "init", "--path", path, "--passcode-stdin"], &line);
    let added =
        ok(&["journal", "add-scan", "--path", path, "--passcode-stdin", export, "--contact", "Alex", "--me", "Emma", "--attach", "--lang", "en"], &line);
    let id = added.lines().next().unwrap();
    let shown = ok(&["journal", "show", "--path", path, "--passcode-stdin", id], &line);
    assert!(shown.contains("Alex (WhatsApp)") && shown.contains("level:     danger") && shown.contains("text/plain"), "{shown}");
    assert!(shown.contains("[2024-03-17 09:01] Alex: pay me 100 euro in gift cards now or else"), "{shown}");
    let refused = baken(&["journal", "add-scan", "--path", path, "--passcode-stdin", export, "--contact", "Emma", "--me", "Emma"], &line);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("\"Emma\" is not a contact in this scan"));
}

#[test]
fn baken_scan_prints_a_timeline_or_json_and_refuses_what_it_cannot_read() {
    let chats = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/chats/");
    let text = ok(&["scan", &format!("{chats}scan-grooming-en.txt"), "--me", "Emma", "--lang", "en"], "");
    assert!(text.contains("Alex (10 messages): danger") && text.contains("Mum (1 message): none"), "{text}");
    assert!(text.contains("2024-03-16 22:15  image_request"), "{text}");
    let dutch = ok(&["scan", &format!("{chats}scan-grooming-en.txt"), "--me", "Emma", "--lang", "nl"], "");
    assert!(dutch.starts_with("whatsapp_android-export, 13 berichten. In totaal: danger") && dutch.contains("Mum (1 bericht): none"), "{dutch}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["scan", &format!("{chats}whatsapp-ios-nl.zip"), "--json"], "")).unwrap();
    assert_eq!(json["format"], "whatsapp_ios");
    assert_eq!(json["messages_total"], 6);
    assert!(json["limitations"].as_array().unwrap().contains(&"me_unknown".into()));
    for (file, message) in [("zip-without-chat.zip", "holds no chat"), ("pasted.txt", "is not in this chat")] {
        let out = baken(&["scan", &format!("{chats}{file}"), "--me", "Nobody"], "");
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(message), "{file}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
