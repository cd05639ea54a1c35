//! The chat-export scan: an export's bytes in, per person over time out. Signals, levels, stages,
//! events, formats and limitations are typed (`types.rs`); times are the phone's local time as
//! `YYYY-MM-DDTHH:MM:SS`.

use crate::types::Language;
use crate::BakenError;
use baken_core::chat::{self, Event as ChatEvent, Format as ChatFormat, Limitation as ExportLimitation, Stage as ChatStage};
use baken_core::journal::NewEntry;
use baken_core::signal::{Level, Signal};

/// A message shown as an example of a signal.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChatExample {
    /// Its position in the export, from 0.
    pub index: u64,
    /// When it was written, if the export says.
    pub time: Option<String>,
    /// Its text.
    pub text: String,
}

/// One signal in one person's messages.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChatSignal {
    /// The signal.
    pub signal: Signal,
    /// How many of their messages show it.
    pub count: u64,
    /// When it first appeared, if the export says.
    pub first_seen: Option<String>,
    /// Up to three messages showing it, the first one first.
    pub examples: Vec<ChatExample>,
}

/// One participant.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChatPerson {
    /// Their name in the export.
    pub name: String,
    /// Whether this is the teen (never scored).
    pub is_me: bool,
    /// How many messages and events they wrote.
    pub messages: u64,
    /// How serious their messages are.
    pub level: Level,
    /// What happened, in plain words in the reader's language.
    pub summary: String,
    /// The stages present, in the order they first appeared.
    pub stages: Vec<ChatStage>,
    /// The signals, by first appearance.
    pub signals: Vec<ChatSignal>,
    /// App events they caused (deleted messages, view-once media, timers, ...), with counts.
    pub events: Vec<ChatEventCount>,
    /// Minutes from their first message to their first sexual or image request.
    pub minutes_to_sexual_request: Option<i64>,
}

/// How often a person caused one kind of event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChatEventCount {
    /// The event.
    pub event: ChatEvent,
    /// How often.
    pub count: u64,
}

/// Something the export cannot show.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChatLimitation {
    /// Which one.
    pub kind: ExportLimitation,
    /// One plain sentence in the reader's language.
    pub text: String,
}

/// The whole scan.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChatScan {
    /// The format detected.
    pub format: ChatFormat,
    /// How many messages and events the export holds.
    pub messages_total: u64,
    /// The highest level of any contact.
    pub level: Level,
    /// Every participant, in order of their first message.
    pub people: Vec<ChatPerson>,
    /// What the export cannot show.
    pub limitations: Vec<ChatLimitation>,
}

/// Scans a chat export (the file's bytes: WhatsApp `.txt`, Telegram `result.json`, Instagram
/// `message_1.json`, or pasted lines). `me`: the teen's own name in it; `language`: the reader's
/// language for the summaries (none for the chat's own).
#[uniffi::export]
pub fn scan_chat(export: Vec<u8>, me: Option<String>, language: Option<Language>) -> Result<ChatScan, BakenError> {
    let chat = chat::read(&export)?;
    let analyzer = baken_core::check::analyzer()?;
    let language = language.map(Into::into);
    let scan = chat::scan(analyzer, &chat, me.as_deref(), language)?;
    let reader = language.unwrap_or_else(baken_core::language::Language::fallback);
    let time = |index: usize| chat.message(index).local_time.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
    let example = |index: usize| ChatExample { index: index as u64, time: time(index), text: chat.message(index).text.to_string() };
    let people = scan
        .people
        .iter()
        .map(|p| ChatPerson {
            name: p.name.clone(),
            is_me: p.is_me,
            messages: p.messages as u64,
            level: p.level,
            summary: p.summary.clone(),
            stages: p.stages.clone(),
            signals: p
                .signals
                .iter()
                .map(|s| ChatSignal {
                    signal: s.signal,
                    count: s.count as u64,
                    first_seen: time(s.first_index),
                    examples: s.examples.iter().map(|&i| example(i)).collect(),
                })
                .collect(),
            events: p.events.iter().map(|(e, n)| ChatEventCount { event: *e, count: *n as u64 }).collect(),
            minutes_to_sexual_request: p.minutes_to_sexual_request,
        })
        .collect();
    Ok(ChatScan {
        format: scan.format,
        messages_total: scan.messages_total as u64,
        level: scan.level,
        people,
        limitations: scan.limitations.iter().map(|&l| ChatLimitation { kind: l, text: chat::limitation_text(l, reader).to_string() }).collect(),
    })
}

/// The journal entry for what `contact` did in a chat export, written by the core: their summary,
/// their flagged messages with times, what the export cannot show and the export's SHA-256, with
/// the export attached when `attach` (and within the attachment limit). `me` as for `scan_chat`;
/// `now` is the phone's moment (RFC 3339), whose offset places the chat's local times; `language`
/// is the reader's. The teen or someone not in the chat is `InvalidInput`.
#[uniffi::export]
pub fn scan_evidence(export: Vec<u8>, me: Option<String>, contact: String, attach: bool, now: String, language: Language) -> Result<NewEntry, BakenError> {
    let (chat, language) = (chat::read(&export)?, language.into());
    let scan = chat::scan(baken_core::check::analyzer()?, &chat, me.as_deref(), Some(language))?;
    let offset = *baken_core::help::parse_time(&now)?.offset();
    Ok(chat::evidence(&chat, &scan, &contact, &export, attach, offset, language)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAT: &[u8] =
        b"01-03-2026 20:01 - Sam: hoi, hoe oud ben je?\n01-03-2026 20:02 - Noa: 14\n01-03-2026 20:05 - Sam: stuur een foto van je in je ondergoed\n";

    #[test]
    fn evidence_is_the_cores_entry_for_one_contact() {
        let entry = scan_evidence(CHAT.to_vec(), Some("Noa".into()), "Sam".into(), true, "2026-03-02T10:00:00+01:00".into(), Language::Nl).expect("entry");
        assert_eq!(entry.contact.as_ref().map(|c| c.name.as_str()), Some("Sam"));
        assert_eq!(entry.attachments[0].bytes, CHAT);
        assert!(
            entry.happened_at.starts_with("2026-03-01T20:05:00+01:00") || entry.happened_at.starts_with("2026-03-01T20:01:00+01:00"),
            "{}",
            entry.happened_at
        );
        let teen = scan_evidence(CHAT.to_vec(), Some("Noa".into()), "Noa".into(), false, "2026-03-02T10:00:00+01:00".into(), Language::Nl);
        assert!(matches!(teen, Err(BakenError::InvalidInput { .. })));
        let bad_time = scan_evidence(CHAT.to_vec(), None, "Sam".into(), false, "tomorrow".into(), Language::Nl);
        assert!(matches!(bad_time, Err(BakenError::InvalidInput { .. })));
    }
}
