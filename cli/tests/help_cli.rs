//! The real `baken` binary: `route`, `services` and `content lint` as in the command-line contract.

mod common;

use common::baken;
use serde_json::Value;
use std::process::Output;

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn route_json_has_the_contract_fields_and_the_best_route_first() {
    let out = baken(&["route", "--country", "NL", "--topic", "emergency", "--age", "14", "--at", "2026-12-01T23:00:00+01:00", "--json"], b"");
    let routes = json(&out)["routes"].as_array().unwrap().clone();
    assert_eq!(routes[0]["action_uri"], "tel:112");
    for route in &routes {
        for field in ["service_id", "name", "channel", "action_uri", "open_now", "next_open", "label", "reason", "source"] {
            assert!(route.get(field).is_some(), "{field} missing in {route}");
        }
    }
    let closed = baken(&["route", "--country", "NL", "--age", "14", "--at", "2026-12-01T23:00:00+01:00", "--json"], b"");
    let closed = json(&closed);
    let kindertelefoon = closed["routes"].as_array().unwrap().iter().find(|r| r["service_id"] == "nl-kindertelefoon").unwrap();
    assert_eq!(kindertelefoon["open_now"], false);
    assert_eq!(kindertelefoon["next_open"], "2026-12-02T11:00:00+01:00");
}

#[test]
fn route_text_is_short_and_starts_with_the_first_route() {
    let out = baken(&["route", "--country", "nl", "--signals", "threat,payment_demand", "--quiet", "--lang", "nl", "--at", "2026-12-01T16:00:00+01:00"], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Je staat er niet alleen voor."), "{text}");
    assert!(text.lines().count() <= 14, "{text}");
    assert!(text.contains("112"), "the emergency number is always shown: {text}");
}

#[test]
fn bad_input_exits_1_with_a_clear_message() {
    for (args, expected) in [
        (vec!["route", "--country", "NL", "--at", "tomorrow"], "'tomorrow' is not a time in RFC 3339"),
        (vec!["route", "--country", "ZZ"], "'ZZ' is not an ISO 3166-1 country code"),
        (vec!["route", "--country", "NL", "--for", "ouder"], "'ouder' is not an audience: use teen, parent or professional"),
        (vec!["route", "--country", "NL", "--at", "1890-12-01T10:00:00+01:00"], "1890 is outside the years"),
        (vec!["route", "--country", "NL", "--topic", "blackmail"], "unknown topic 'blackmail'"),
        (vec!["route", "--country", "NL", "--lang", "fr"], "unsupported language 'fr'"),
        (vec!["services", "--country", "NLD"], "'NLD' is not a country code"),
    ] {
        let out = baken(&args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(expected), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(baken(&["route"], b"").status.code(), Some(2), "--country is required");
}

#[test]
fn a_country_outside_the_directory_gets_the_worldwide_routes_and_a_note() {
    let out = json(&baken(&["route", "--country", "CA", "--topic", "sextortion", "--age", "15", "--at", "2026-12-05T23:30:00-05:00", "--json"], b""));
    let routes = out["routes"].as_array().unwrap();
    assert_eq!(routes[0]["service_id"], "intl-take-it-down", "{routes:?}");
    assert!(routes.iter().any(|r| r["service_id"] == "local-emergency" && r["emergency"] == true));
    assert!(out["note"].as_str().unwrap().contains("does not know the help services in your country yet"));
    let text = String::from_utf8(baken(&["route", "--country", "CA", "--topic", "emergency", "--lang", "nl"], b"").stdout).unwrap();
    assert!(text.contains("Bel het alarmnummer van het land waar je bent"), "{text}");
}

#[test]
fn a_parent_is_spoken_to_about_their_child() {
    let out = json(&baken(
        &["route", "--country", "NL", "--for", "parent", "--topic", "grooming", "--age", "13", "--lang", "nl", "--at", "2026-12-01T20:00:00+01:00", "--json"],
        b"",
    ));
    let routes = out["routes"].as_array().unwrap();
    assert_eq!(routes[0]["service_id"], "nl-veilig-thuis", "{routes:?}");
    assert!(routes.iter().all(|r| r["service_id"] != "nl-kindertelefoon"), "a line for the child is not a parent's route");
    assert!(routes.iter().any(|r| r["reason"].as_str().unwrap().contains("het vertrouwen van je kind")), "{routes:?}");
}

#[test]
fn services_lists_the_directory_with_sources() {
    let out = json(&baken(&["services", "--country", "NL", "--topic", "suicide", "--json"], b""));
    let services = out["services"].as_array().unwrap();
    assert!(services.iter().any(|s| s["id"] == "nl-113"));
    assert!(services.iter().all(|s| s["topics"].as_array().unwrap().iter().any(|t| t == "suicide")));
    assert!(services.iter().all(|s| s["channels"].as_array().unwrap().iter().all(|c| c["source"].as_str().unwrap().starts_with("http"))));
    let text = baken(&["services", "--country", "NL"], b"");
    assert!(String::from_utf8(text.stdout).unwrap().contains("De Kindertelefoon"));
}

#[test]
fn content_lint_passes_on_the_bundled_content() {
    let out = baken(&["content", "lint"], b"");
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
