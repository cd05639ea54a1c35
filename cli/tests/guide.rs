//! `baken guide` through the real binary.

mod common;

use common::baken;

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = baken(args, b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

#[test]
fn list_json_is_an_array_with_id_title_topic_audience() {
    let list = json(&["guide", "list", "--lang", "en", "--json"]);
    assert!(!list.is_empty());
    for item in &list {
        for key in ["id", "title", "topic", "audience"] {
            assert!(item[key].is_string(), "{key} in {item}");
        }
    }
    let teens = json(&["guide", "list", "--lang", "en", "--audience", "teen", "--json"]);
    assert!(!teens.is_empty() && teens.len() < list.len());
    assert!(teens.iter().all(|a| a["audience"] == "teen"));
}

#[test]
fn search_finds_sextortion_in_dutch_and_english() {
    let nl = json(&["guide", "search", "chantage met naaktfoto", "--json"]);
    assert_eq!(nl[0]["id"], "sextortion-teen");
    let en = json(&["guide", "--lang", "en", "search", "someone wants money for my pics", "--json"]);
    assert_eq!(en[0]["topic"], "sextortion");
    let teen = json(&["guide", "search", "someone wants money for my pics", "--lang", "en", "--audience", "teen", "--json"]);
    assert!(teen[0]["id"].as_str().unwrap().starts_with("sextortion"), "{}", teen[0]);
}

#[test]
fn show_prints_plain_text_and_sources() {
    let out = baken(&["guide", "show", "sextortion-teen", "--lang", "en"], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Don't pay") && text.contains("https://") && !text.contains("**"));
}

#[test]
fn unknown_id_language_or_audience_exit_1_with_a_message() {
    for args in [&["guide", "show", "no-such-article"][..], &["guide", "list", "--lang", "fr"], &["guide", "list", "--audience", "kids"]] {
        let out = baken(args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("no-such-article") || stderr.contains("fr") || stderr.contains("kids"), "{stderr}");
    }
}

#[test]
fn hostile_queries_print_a_list_not_an_error() {
    for q in ["?!.;", "\"", "*", "NEAR", "-x", "((", "sextortion)", "\"sextortion\" NEAR/2 geld*"] {
        let list = json(&["guide", "search", q, "--json"]);
        assert!(list.iter().all(|a| a["id"].is_string()), "{q}");
    }
    assert!(json(&["guide", "search", "?!.;", "--json"]).is_empty());
}
