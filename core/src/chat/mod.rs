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
mod read;
mod scan;
mod telegram;
mod whatsapp;
mod zip;

pub use evidence::{evidence, EvidenceError};
pub use read::read;
pub(crate) use scan::lint as lint_scan_texts;
pub use scan::{limitation_text, scan, Person, Scan, ScanError, SignalSeen, Stage};
pub(crate) use whatsapp::lint as lint_whatsapp_words;

use chrono::{DateTime, NaiveDateTime, Utc};
use std::borrow::Cow;
use std::ops::Range;

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

/// One message or event, in export order, as [`Chat::message`] and [`Chat::messages`] give it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Message<'c> {
    /// Who wrote it (one of [`Chat::participants`]); `None` for the app's own notices.
    pub sender: Option<&'c str>,
    /// The time as the phone showed it, without a zone.
    pub local_time: Option<NaiveDateTime>,
    /// The time in UTC, where the export says it (Telegram, Instagram).
    pub utc: Option<DateTime<Utc>>,
    /// The text, with its line breaks; a caption for media; empty for most events.
    pub text: &'c str,
    /// What it is besides text, if anything.
    pub event: Option<Event>,
    /// The line of the export where it starts (from 1), for text exports; 0 otherwise.
    pub line: usize,
}

/// A message as a chat keeps it: its text a range of the chat's one text, its sender an index
/// into the participants, so that a message costs no allocation of its own.
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    text: Range<u32>,
    sender: Option<u32>,
    local_time: Option<NaiveDateTime>,
    utc: Option<DateTime<Utc>>,
    event: Option<Event>,
    line: u32,
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

/// A chat export, read. It borrows the export's text where it can (a WhatsApp or pasted text
/// export, when it is UTF-8 with LF line ends) and otherwise holds one text of its own (the chat
/// inflated from a zip, the texts of a JSON export).
#[derive(Debug, Clone, PartialEq)]
pub struct Chat<'a> {
    /// The format detected.
    pub format: Format,
    /// Everyone who wrote a message, in order of their first message.
    pub participants: Vec<String>,
    /// What the export cannot show, in a fixed order, without repeats.
    pub limitations: Vec<Limitation>,
    messages: Vec<Stored>,
    text: Cow<'a, str>,
}

impl Chat<'_> {
    /// How many messages and events the export holds.
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The message at `index` (in export order); panics when out of range, as indexing does.
    pub fn message(&self, index: usize) -> Message<'_> {
        self.view(&self.messages[index])
    }

    /// Every message and event, in export order.
    pub fn messages(&self) -> impl ExactSizeIterator<Item = Message<'_>> + DoubleEndedIterator + '_ {
        self.messages.iter().map(|stored| self.view(stored))
    }

    fn view<'c>(&'c self, stored: &Stored) -> Message<'c> {
        Message {
            sender: stored.sender.map(|who| self.participants[who as usize].as_str()),
            local_time: stored.local_time,
            utc: stored.utc,
            text: &self.text[stored.text.start as usize..stored.text.end as usize],
            event: stored.event,
            line: stored.line as usize,
        }
    }
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

/// What a parser found: messages (their texts ranges of the chat's text), the senders they
/// point to, and the limitations the parser saw.
#[derive(Debug, Default)]
struct Parsed {
    messages: Vec<Stored>,
    senders: Vec<String>,
    limitations: Vec<Limitation>,
}

impl Parsed {
    /// The index of `name` among the senders, added when new.
    fn sender(&mut self, name: &str) -> u32 {
        let at = self.senders.iter().position(|known| known == name).unwrap_or_else(|| {
            self.senders.push(name.to_string());
            self.senders.len() - 1
        });
        at as u32
    }
}

/// `text` appended to `own` (the chat's text, for formats whose texts are not in the export as
/// written), as its range there.
fn stash(own: &mut String, text: &str) -> Range<u32> {
    let start = own.len() as u32;
    own.push_str(text);
    start..own.len() as u32
}

/// Where `part` (a slice of `whole`) starts in `whole`.
fn offset(whole: &str, part: &str) -> u32 {
    (part.as_ptr() as usize - whole.as_ptr() as usize) as u32
}

/// The lines of `text` without their `\n`, each with the offset where it starts, as
/// `str::lines` splits them.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())).filter_map(move |end| {
        let at = start;
        start = end + 1;
        (at < text.len() || end < text.len()).then(|| (at, &text[at..end]))
    })
}
