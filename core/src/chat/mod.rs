//! Chat exports read into one model: who wrote what, when, and what the export left out.
//!
//! [`read`] detects the format from the content, never the file name: WhatsApp text exports
//! (Android and iOS, many locales, see `whatsapp`), Telegram Desktop JSON (`telegram`), Instagram
//! / Meta JSON (`instagram`), and plain pasted "Name: message" lines (`plain`) as a fallback, each
//! also inside a `.zip` export (`zip`).
//! Every parser gives messages in the order of the export, with the sender, the time as the
//! phone showed it (and in UTC where the export says), the text, and events (media, deletions,
//! calls, timers, notices) that are not text. What the export cannot show is listed in
//! [`Chat::limitations`]. [`scan`] then analyses every contact's messages over time.

mod evidence;
mod instagram;
mod plain;
mod scan;
mod telegram;
mod whatsapp;
mod zip;

pub use evidence::{evidence, EvidenceError};
pub use scan::{limitation_text, scan, Person, Scan, ScanError, SignalSeen, Stage};

use chrono::{DateTime, NaiveDateTime, Utc};
use std::sync::Arc;

/// The largest export read, in bytes: a WhatsApp export of 40,000 messages is a few MB.
pub const MAX_EXPORT_BYTES: usize = 256 * 1024 * 1024;

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// WhatsApp "Export chat" text, Android layout (`18-03-2022 14:56 - Name: text`).
    WhatsAppAndroid,
    /// WhatsApp "Export chat" text, iOS layout (`[02-05-2022 16:21:32] Name: text`).
    WhatsAppIos,
    /// Telegram Desktop `result.json`.
    Telegram,
    /// Instagram / Meta "Download your information" `message_N.json`.
    Instagram,
    /// Pasted "Name: message" lines, without times.
    Plain,
}

impl Format {
    /// The stable id: `whatsapp_android`, `whatsapp_ios`, `telegram`, `instagram`, `plain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::WhatsAppAndroid => "whatsapp_android",
            Format::WhatsAppIos => "whatsapp_ios",
            Format::Telegram => "telegram",
            Format::Instagram => "instagram",
            Format::Plain => "plain",
        }
    }
}

/// What a line of the export is, besides text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Event {
    /// A photo, video, voice note, sticker or file, left out of the export or attached to it.
    Media,
    /// Media that could be seen only once (WhatsApp shows it as `null`).
    ViewOnce,
    /// A message deleted by its sender.
    Deleted,
    /// A missed or declined call.
    MissedCall,
    /// Disappearing messages or an auto-delete timer turned on or changed.
    DisappearingTimer,
    /// A screenshot was taken (Telegram).
    Screenshot,
    /// A notice of the app: encryption, security code, group changes.
    Notice,
}

impl Event {
    /// The stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Media => "media",
            Event::ViewOnce => "view_once",
            Event::Deleted => "deleted",
            Event::MissedCall => "missed_call",
            Event::DisappearingTimer => "disappearing_timer",
            Event::Screenshot => "screenshot",
            Event::Notice => "notice",
        }
    }
}

/// One message or event, in export order.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Who wrote it; `None` for the app's own notices. Every message of one sender shares the name.
    pub sender: Option<Arc<str>>,
    /// The time as the phone showed it, without a zone.
    pub local_time: Option<NaiveDateTime>,
    /// The time in UTC, where the export says it (Telegram, Instagram).
    pub utc: Option<DateTime<Utc>>,
    /// The text, with its line breaks; a caption for media; empty for most events.
    pub text: String,
    /// What it is besides text, if anything.
    pub event: Option<Event>,
    /// The line of the export where it starts (from 1), for text exports; 0 otherwise.
    pub line: usize,
}

/// Something the export cannot show, said plainly in the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limitation {
    /// Photos and videos were left out of the export (only placeholders are there).
    MediaOmitted,
    /// Messages were deleted before the export.
    DeletedMessages,
    /// View-once media cannot be exported.
    ViewOnceMedia,
    /// Disappearing messages were on: messages may be gone.
    DisappearingMessages,
    /// The times come from the phone's clock and zone and can be wrong.
    PhoneTimes,
    /// Older messages may be missing: exports are capped (WhatsApp keeps the newest).
    OlderMessagesMayBeMissing,
    /// Whether dates are day-first or month-first could not be told; day-first was assumed.
    DateOrderAssumed,
    /// Times go backwards somewhere in the export.
    TimesOutOfOrder,
    /// Lines were found that belong to no sender and were kept as notices.
    UnattributedLines,
    /// Edited messages show only their last version.
    EditsNotShown,
    /// Nobody was named as "me", so every participant was scored, the teen too.
    MeUnknown,
}

impl Limitation {
    /// Every limitation, in order.
    pub const ALL: &'static [Limitation] = &[
        Limitation::MediaOmitted,
        Limitation::DeletedMessages,
        Limitation::ViewOnceMedia,
        Limitation::DisappearingMessages,
        Limitation::PhoneTimes,
        Limitation::OlderMessagesMayBeMissing,
        Limitation::DateOrderAssumed,
        Limitation::TimesOutOfOrder,
        Limitation::UnattributedLines,
        Limitation::EditsNotShown,
        Limitation::MeUnknown,
    ];

    /// The stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            Limitation::MediaOmitted => "media_omitted",
            Limitation::DeletedMessages => "deleted_messages",
            Limitation::ViewOnceMedia => "view_once_media",
            Limitation::DisappearingMessages => "disappearing_messages",
            Limitation::PhoneTimes => "phone_times",
            Limitation::OlderMessagesMayBeMissing => "older_messages_may_be_missing",
            Limitation::DateOrderAssumed => "date_order_assumed",
            Limitation::TimesOutOfOrder => "times_out_of_order",
            Limitation::UnattributedLines => "unattributed_lines",
            Limitation::EditsNotShown => "edits_not_shown",
            Limitation::MeUnknown => "me_unknown",
        }
    }
}

/// A chat export, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Chat {
    /// The format detected.
    pub format: Format,
    /// Everyone who wrote a message, in order of their first message.
    pub participants: Vec<String>,
    /// Messages and events, in export order.
    pub messages: Vec<Message>,
    /// What the export cannot show, in a fixed order, without repeats.
    pub limitations: Vec<Limitation>,
}

/// Why an export could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChatError {
    /// Nothing in it.
    #[error("the file is empty")]
    Empty,
    /// Not a chat export this version reads.
    #[error("this is not a chat export Baken can read (WhatsApp, Telegram, Instagram or \"Name: message\" lines)")]
    UnknownFormat,
    /// It looks like a known format but is broken; says where.
    #[error("the {format} export is damaged: {detail}")]
    Damaged {
        /// The format it looked like.
        format: &'static str,
        /// What is wrong, and where.
        detail: String,
    },
    /// Larger than [`MAX_EXPORT_BYTES`].
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
}

/// Reads a chat export from its bytes (a `.zip` export too), detecting the format from the
/// content.
pub fn read(bytes: &[u8]) -> Result<Chat, ChatError> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(ChatError::TooLarge { limit: MAX_EXPORT_BYTES });
    }
    if !zip::looks_like(bytes) {
        return read_file(bytes);
    }
    match zip::chat_bytes(bytes)?.as_slice() {
        [one] => read_file(one),
        pages => {
            let texts: Vec<String> = pages.iter().map(|page| String::from_utf8_lossy(page).into_owned()).collect();
            instagram::read(&texts.iter().map(String::as_str).collect::<Vec<_>>())
        }
    }
}

/// Reads one file of an export.
fn read_file(bytes: &[u8]) -> Result<Chat, ChatError> {
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ChatError::Empty);
    }
    let chat = if trimmed.starts_with('{') {
        if instagram::looks_like(trimmed) {
            instagram::read(&[trimmed])?
        } else if telegram::looks_like(trimmed) {
            telegram::read(trimmed)?
        } else {
            return Err(ChatError::UnknownFormat);
        }
    } else if let Some(chat) = whatsapp::read(&text) {
        chat
    } else {
        plain::read(&text).ok_or(ChatError::UnknownFormat)?
    };
    Ok(chat)
}

/// Builds the chat from parsed messages: participants in order of appearance, and the
/// limitations the messages show besides those the parser found.
fn finish(format: Format, messages: Vec<Message>, mut limitations: Vec<Limitation>) -> Chat {
    let mut participants: Vec<String> = Vec::new();
    for sender in messages.iter().filter_map(|m| m.sender.as_deref()) {
        if !participants.iter().any(|p| p == sender) {
            participants.push(sender.to_string());
        }
    }
    let shown = |event: Event| messages.iter().any(|m| m.event == Some(event));
    for (event, limitation) in [(Event::Media, Limitation::MediaOmitted), (Event::Deleted, Limitation::DeletedMessages), (Event::ViewOnce, Limitation::ViewOnceMedia), (Event::DisappearingTimer, Limitation::DisappearingMessages)] {
        if shown(event) {
            limitations.push(limitation);
        }
    }
    let times: Vec<NaiveDateTime> = messages.iter().filter(|m| m.sender.is_some()).filter_map(|m| m.utc.map(|t| t.naive_utc()).or(m.local_time)).collect();
    if times.windows(2).any(|pair| pair[1] < pair[0]) {
        limitations.push(Limitation::TimesOutOfOrder);
    }
    if !times.is_empty() {
        limitations.push(Limitation::PhoneTimes);
    }
    limitations.sort_by_key(|l| *l as u8);
    limitations.dedup();
    Chat { format, participants, messages, limitations }
}

/// Checks the bundled chat word lists.
pub fn lint(issues: &mut Vec<crate::content::LintIssue>) {
    whatsapp::lint(issues);
    scan::lint(issues);
}
