//! Telegram Desktop's JSON export of one chat (`result.json`).
//!
//! `text` is a string or an array of strings and `{type, text}` entities; `text_entities`, where
//! present, is preferred. `date` is the exporting computer's local time without a zone,
//! `date_unixtime` (newer exports) the UTC time. Service messages (`type: service`) carry an
//! `actor` and an `action`: timers, screenshots, calls. Control characters are written as `\xNN`,
//! which is not JSON; they are read as `\u00NN`.

use super::{stash, ChatError, Event, Limitation, Parsed, Stored};
use chrono::{DateTime, NaiveDateTime};
use serde_json::Value;

/// Whether the text looks like a Telegram export (checked on its start).
pub(super) fn looks_like(text: &str) -> bool {
    let start = &text[..text.floor_char_boundary(4096)];
    start.contains("\"messages\"") || start.contains("\"chats\"") || start.contains("\"personal_information\"")
}

fn damaged(detail: impl Into<String>) -> ChatError {
    ChatError::Damaged { format: "Telegram", detail: detail.into() }
}

/// Reads a one-chat export: the messages, and the text their texts are ranges of.
pub(super) fn read(text: &str) -> Result<(Parsed, String), ChatError> {
    let root: Value = serde_json::from_str(&json_escapes(text)).map_err(|e| damaged(format!("line {}: {e}", e.line())))?;
    let Some(list) = root.get("messages").and_then(Value::as_array) else {
        return Err(match root.get("chats") {
            Some(_) => damaged("this is a full account export; export the one chat from Telegram Desktop instead"),
            None => ChatError::UnknownFormat,
        });
    };
    let mut parsed = Parsed { messages: Vec::with_capacity(list.len()), ..Parsed::default() };
    let mut own = String::new();
    for item in list {
        if item.get("edited").is_some() {
            parsed.limitations.push(Limitation::EditsNotShown);
        }
        let message = message(item, &mut parsed, &mut own);
        parsed.messages.push(message);
    }
    Ok((parsed, own))
}

fn message(item: &Value, parsed: &mut Parsed, own: &mut String) -> Stored {
    let field = |name: &str| item.get(name).and_then(Value::as_str);
    let local_time = field("date").and_then(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").ok());
    let utc = field("date_unixtime").and_then(|s| s.parse::<i64>().ok()).and_then(|s| DateTime::from_timestamp(s, 0));
    let text = text_of(item);
    let service = field("type") == Some("service");
    let who = |name: &str, id: &str| field(name).map(str::to_string).or_else(|| item.get(id).map(|id| id.to_string().trim_matches('"').to_string()));
    let (sender, event) = if service {
        let event = match field("action") {
            Some("set_messages_ttl") => Event::DisappearingTimer,
            Some("take_screenshot") => Event::Screenshot,
            Some("phone_call") if matches!(field("discard_reason"), Some("missed" | "busy")) => Event::MissedCall,
            _ => Event::Notice,
        };
        (who("actor", "actor_id"), Some(event))
    } else {
        let media = ["photo", "file", "media_type", "sticker_emoji", "location_information", "contact_information"].iter().any(|key| item.get(key).is_some());
        let event = if item.get("self_destruct_period_seconds").is_some() { Some(Event::ViewOnce) } else { media.then_some(Event::Media) };
        (who("from", "from_id").or_else(|| Some("(deleted account)".to_string())), event)
    };
    Stored { text: stash(own, &text), sender: sender.map(|name| parsed.sender(&name)), local_time, utc, event, line: 0 }
}

/// The message text: `text_entities` joined, else `text` as a string or an array of parts.
fn text_of(item: &Value) -> String {
    let part = |v: &Value| v.as_str().map(str::to_string).or_else(|| v.get("text").and_then(Value::as_str).map(str::to_string)).unwrap_or_default();
    match (item.get("text_entities").and_then(Value::as_array), item.get("text")) {
        (Some(entities), _) if !entities.is_empty() => entities.iter().map(part).collect(),
        (_, Some(Value::Array(parts))) => parts.iter().map(part).collect(),
        (_, Some(Value::String(text))) => text.clone(),
        _ => String::new(),
    }
}

/// `\xNN` (not JSON) as `\u00NN`; every other escape as written.
fn json_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\x") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            match chars.next() {
                Some('x') => out.push_str("u00"),
                Some(next) => out.push(next),
                None => {}
            }
        }
    }
    out.into()
}
