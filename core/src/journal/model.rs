//! The journal's entries as data: what the API takes and gives, and what a chain link holds. Below
//! both `chain` and `entries`, which use it.

use super::JournalError;
use crate::signal::{Level, Signal};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Something that happened.
    Incident,
    /// A note to self.
    Note,
    /// Who a contact is: name, handle, platform.
    Contact,
    /// Evidence such as a screenshot.
    Evidence,
}

impl EntryKind {
    /// Every kind, in order.
    pub const ALL: [EntryKind; 4] = [EntryKind::Incident, EntryKind::Note, EntryKind::Contact, EntryKind::Evidence];

    /// The stable id, such as `"incident"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Incident => "incident",
            EntryKind::Note => "note",
            EntryKind::Contact => "contact",
            EntryKind::Evidence => "evidence",
        }
    }
}

impl FromStr for EntryKind {
    type Err = JournalError;
    fn from_str(id: &str) -> Result<Self, JournalError> {
        EntryKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == id)
            .ok_or_else(|| JournalError::InvalidInput(format!("unknown entry kind '{id}' (incident, note, contact, evidence)")))
    }
}

/// The person an entry is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Their name or handle as shown in the app, such as `@sam_2008`.
    pub name: String,
    /// Where: the app or platform, such as `Snapchat`.
    pub platform: Option<String>,
}

/// An attachment to add: bytes and their media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    /// The media type, such as `image/png`.
    pub media_type: String,
    /// The content, at most [`MAX_ATTACHMENT_BYTES`](super::MAX_ATTACHMENT_BYTES).
    pub bytes: Vec<u8>,
}

/// An entry to write (or the new content of an edited one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    /// What the entry is about.
    pub kind: EntryKind,
    /// When it happened, RFC 3339 with its offset, as chosen by the user.
    pub happened_at: String,
    /// Who it is about.
    pub contact: Option<Contact>,
    /// What happened, in the teen's words.
    pub text: String,
    /// Warning signals seen, for instance by the analyzer.
    pub signals: Vec<Signal>,
    /// The level of those signals.
    pub level: Option<Level>,
    /// Free labels.
    pub tags: Vec<String>,
    /// Attachments to add; an edit keeps the earlier ones.
    pub attachments: Vec<NewAttachment>,
}

/// What is known about a stored attachment, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    /// Random id, hexadecimal.
    pub id: String,
    /// The media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, hexadecimal.
    pub sha256: String,
}

/// A stored attachment with its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// What is known about it.
    pub info: AttachmentInfo,
    /// The content.
    pub bytes: Vec<u8>,
}

/// The content of one revision of an entry: everything that is chained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryContent {
    /// What the entry is about.
    pub kind: EntryKind,
    /// When it happened (RFC 3339, chosen by the user).
    pub happened_at: String,
    /// When this revision was recorded (RFC 3339, the phone's clock and time zone).
    pub recorded_at: String,
    /// Who it is about.
    pub contact: Option<Contact>,
    /// What happened.
    pub text: String,
    /// Warning signals.
    pub signals: Vec<Signal>,
    /// Their level.
    pub level: Option<Level>,
    /// Free labels.
    pub tags: Vec<String>,
    /// Attachments.
    pub attachments: Vec<AttachmentInfo>,
}

/// One entry at one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Random id, hexadecimal.
    pub id: String,
    /// Revision number, from 1.
    pub revision: u32,
    /// The chain link of this revision, hexadecimal.
    pub hash: String,
    /// The content.
    #[serde(flatten)]
    pub content: EntryContent,
}

/// An entry that could not be read because one of its records was changed or damaged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamagedEntry {
    /// The entry id, hexadecimal.
    pub id: String,
    /// What is wrong.
    pub reason: String,
}

/// All current entries (not deleted), ordered by when they happened, and those that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryList {
    /// Readable entries at their latest revision.
    pub entries: Vec<Entry>,
    /// Entries with a changed or damaged record.
    pub damaged: Vec<DamagedEntry>,
}
