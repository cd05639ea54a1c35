//! The evidence report: self-contained, in the teen's language, and checkable against the seal.

mod journal_support;

use baken_core::journal::JournalError;
use baken_core::language::Language;
use journal_support::*;
use ring::digest::{digest, SHA256};

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

/// What a support worker does with only the report and the seal: recompute the chain from the
/// report's appendix and compare its end with the seal. Returns the seal the report proves.
fn worker_check(html: &str) -> Result<String, String> {
    let start = html.find("id=\"baken-chain\">").ok_or("no chain data")? + "id=\"baken-chain\">".len();
    let end = start + html[start..].find("</script>").ok_or("unterminated chain data")?;
    let data: serde_json::Value = serde_json::from_str(&html[start..end].replace("<\\/", "</")).map_err(|e| e.to_string())?;
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let mut prev = digest(&SHA256, b"baken journal chain v1").as_ref().to_vec();
    for link in data["links"].as_array().ok_or("no links")? {
        let content_hash = match link["canonical"].as_str() {
            Some(text) => hex(digest(&SHA256, text.as_bytes()).as_ref()),
            None => link["content_hash"].as_str().ok_or("no content hash")?.to_string(),
        };
        if content_hash != link["content_hash"] {
            return Err(format!("content hash differs at {link}"));
        }
        let content_bytes: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&content_hash[2 * i..2 * i + 2], 16).unwrap()).collect();
        prev = digest(&SHA256, &[prev, content_bytes].concat()).as_ref().to_vec();
        if hex(&prev) != link["link"] {
            return Err("link differs".into());
        }
    }
    if hex(&prev) != data["head"] {
        return Err("the chain does not end at the head".into());
    }
    let unescape = |t: &str| t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    let page = &html[..html.find("<script").ok_or("no script")?];
    for section in page.split("<section class=\"entry\" data-link=\"").skip(1) {
        let link = &section[..64];
        let shown = section.split("<p class=\"text\" dir=\"auto\">").nth(1).and_then(|t| t.split("</p>").next()).ok_or("no text")?;
        let canonical =
            data["links"].as_array().unwrap().iter().find(|l| l["link"] == link).and_then(|l| l["canonical"].as_str()).ok_or("entry hash not in the chain")?;
        let content: serde_json::Value = serde_json::from_str(canonical).map_err(|e| e.to_string())?;
        if content["event"]["written"]["text"] != unescape(shown) {
            return Err(format!("shown text differs from link {link}"));
        }
    }
    let digits = hex(&prev[..10]).to_uppercase();
    Ok(digits.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("-"))
}

#[test]
fn a_support_worker_can_check_the_report_against_the_seal() {
    let (_tmp, _dir, journal) = new_journal();
    let shot = journal.add(evidence("he said he would share my photo", b"\x89PNG\r\n\x1a\n fake screenshot")).unwrap();
    let first_seal = journal.seal().unwrap();
    journal.edit(&shot.id, evidence("he said he would share my photo unless I paid", b"second")).unwrap();
    let gone = journal.add(incident("<script>alert(1)</script> typed by mistake")).unwrap();
    journal.delete(&gone.id).unwrap();
    let seal = journal.seal().unwrap();

    let html = journal.report_html(lang("en")).unwrap();
    assert_eq!(worker_check(&html), Ok(seal.clone()));
    assert!(html.contains(&seal));
    assert!(html.contains(&first_seal), "an earlier seal can be found in the appendix");
    assert!(html.contains("he said he would share my photo unless I paid"));
    assert!(html.contains("(UTC+01:00)"));
    assert!(html.contains("data:image/png;base64,iVBOR"), "attachments are inline");
    assert!(html.contains(&journal.entry(&shot.id).unwrap().hash));
    assert!(!html.contains("<script>alert(1)"), "entry text is escaped");
    assert!(!html.contains("typed by mistake"), "deleted entries are not in the report");

    let forged = html.replacen("unless I paid", "unless I payed", 1);
    assert_ne!(forged, html);
    assert!(worker_check(&forged).is_err(), "a changed entry no longer matches its link");
    let forged_everywhere = html.replace("unless I paid", "unless I payed");
    assert!(worker_check(&forged_everywhere).is_err(), "a changed link no longer matches the seal");
}

#[test]
fn the_report_is_in_the_teens_language_and_written_only_on_request() {
    let (tmp, _dir, journal) = new_journal();
    journal.add(incident("iets")).unwrap();
    let dutch = journal.report_html(lang("nl")).unwrap();
    assert!(dutch.contains("lang=\"nl\"") && dutch.contains("Zegel") && dutch.contains("Gebeurd op"));
    let path = tmp.path().join("report.html");
    journal.export_report(&path, lang("en")).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<!DOCTYPE html>"));
    assert!(matches!(journal.export_report(&path, lang("en")), Err(JournalError::AlreadyExists(_))));
    journal.lock();
    assert!(matches!(journal.report_html(lang("en")), Err(JournalError::Locked)));
}

#[test]
fn text_pasted_from_a_chat_cannot_switch_off_the_check() {
    let (tmp, _dir, journal) = new_journal();
    journal.add(incident("he wrote <!--<script> and then </script> -->")).unwrap();
    let seal = journal.seal().unwrap();
    let html = journal.report_html(lang("en")).unwrap();
    assert_eq!(html.matches("<script").count(), 2, "the chain data and the check, nothing opened by the text");
    assert_eq!(html.matches("</script>").count(), 2);
    assert_eq!(worker_check(&html), Ok(seal));
    let path = tmp.path().join("report.html");
    journal.export_report(&path, lang("en")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600, "the report is plaintext: only the app may read it");
    }
}

#[test]
fn a_damaged_attachment_is_a_placeholder_and_the_rest_is_reported() {
    let (_tmp, dir, journal) = new_journal();
    let damaged = journal.add(evidence("the long screenshot", &[0x5a; 200_000])).unwrap();
    journal.add(evidence("the short one", b"\x89PNG\r\n\x1a\n small")).unwrap();
    let before = journal.verify().unwrap();
    assert!(before.broken.is_none() && before.damaged_attachments.is_empty());
    zero_largest_blob(&dir);
    let after = journal.verify().unwrap();
    assert_eq!(after.damaged_attachments, vec![damaged.content.attachments[0].id.clone()], "verify checks attachments too");
    let summary = journal.report_summary(lang("en")).unwrap();
    assert_eq!((summary.entries, summary.earlier_versions, summary.damaged), (2, 0, 1));
    let html = journal.report_html(lang("en")).unwrap();
    assert!(html.contains(&format!(
        "This attachment could not be read. It was changed or damaged. Its SHA-256 should be: <span class=\"hash\">{}</span>",
        damaged.content.attachments[0].sha256
    )));
    assert_eq!(html.matches("<img src=\"data:image/png;base64,").count(), 1, "the readable screenshot is still shown");
}
