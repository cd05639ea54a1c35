//! Instagram / Meta "Download your information" JSON (`message_1.json`, newest first).
//!
//! Meta writes every UTF-8 byte as its own `\u00XX` escape, so "é" arrives as "Ã©"; each string
//! is repaired when it reads as UTF-8 bytes (and left alone when it does not, as in an export
//! that is already right). Messages are put oldest first.

use super::{stash, ChatError, Event, Limitation, Parsed, Stored};
use chrono::DateTime;
use serde_json::Value;

/// Whether the text looks like a Meta message export (checked on its start).
pub(super) fn looks_like(text: &str) -> bool {
    let start = &text[..text.floor_char_boundary(4096)];
    start.contains("\"participants\"") && (start.contains("\"sender_name\"") || start.contains("\"messages\""))
}

/// Reads the pages of one conversation (`message_1.json`, `message_2.json`, ...): the messages,
/// and the text their texts are ranges of.
pub(super) fn read(pages: &[&str]) -> Result<(Parsed, String), ChatError> {
    let mut parsed = Parsed::default();
    let mut own = String::new();
    for (number, text) in pages.iter().enumerate() {
        let damaged = |detail: String| ChatError::Damaged { format: "Instagram", detail: format!("message_{}.json: {detail}", number + 1) };
        let root: Value = serde_json::from_str(text).map_err(|e| damaged(format!("line {}: {e}", e.line())))?;
        let list = root.get("messages").and_then(Value::as_array).ok_or_else(|| damaged("it has no \"messages\"".into()))?;
        for item in list {
            let message = message(item, &mut parsed, &mut own);
            parsed.messages.push(message);
        }
    }
    // Newest first within and across pages; a stable sort keeps equal times in export order.
    parsed.messages.reverse();
    parsed.messages.sort_by_key(|m| m.utc);
    parsed.limitations.push(Limitation::EditsNotShown);
    Ok((parsed, own))
}

fn message(item: &Value, parsed: &mut Parsed, own: &mut String) -> Stored {
    let sender = item.get("sender_name").and_then(Value::as_str).map(repair);
    let utc = item.get("timestamp_ms").and_then(Value::as_i64).and_then(DateTime::from_timestamp_millis);
    let content = item.get("content").and_then(Value::as_str).map(repair);
    let media = ["photos", "videos", "audio_files", "gifs", "files", "sticker", "share"].iter().any(|key| item.get(key).is_some());
    let unsent = item.get("is_unsent").and_then(Value::as_bool).unwrap_or(false);
    let event = if unsent {
        Some(Event::Deleted)
    } else if media {
        Some(Event::Media)
    } else {
        None
    };
    let text = stash(own, content.as_deref().unwrap_or_default());
    Stored { text, sender: sender.map(|name| parsed.sender(&name)), local_time: utc.map(|t| t.naive_utc()), utc, event, line: 0 }
}

/// Undoes Meta's mojibake: every char is one byte of UTF-8.
pub(super) fn repair(text: &str) -> String {
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    bytes.and_then(|b| String::from_utf8(b).ok()).unwrap_or_else(|| text.to_string())
}
