//! Entries and attachments: adding, editing (a new revision; history is kept), deleting (explicit,
//! leaving a tombstone), reading, and checking the chain.

use super::chain::{self, Event, LinkContent, StoredLink, Verification};
use super::crypto::{self, hex, unhex};
use super::lifecycle::{Journal, RecordKind, Session};
use super::store::{self, Row};
use super::{JournalError, MAX_ATTACHMENT_BYTES, MAX_TEXT_BYTES};
use crate::signal::{Level, Signal};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
    /// The content, at most [`MAX_ATTACHMENT_BYTES`].
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

const MAX_TAGS: usize = 32;
const MAX_SHORT_TEXT: usize = 200;

fn check_short(what: &str, text: &str) -> Result<(), JournalError> {
    if text.trim().is_empty() {
        return Err(JournalError::InvalidInput(format!("{what} is empty")));
    }
    if text.len() > MAX_SHORT_TEXT {
        return Err(JournalError::TooLarge { what: what.to_string(), limit: MAX_SHORT_TEXT });
    }
    Ok(())
}

/// The checks every attachment passes, when added and when imported: a media type such as
/// `image/png`, and at most [`MAX_ATTACHMENT_BYTES`].
pub(super) fn check_attachment(media_type: &str, size: u64) -> Result<(), JournalError> {
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b));
    if !matches!(media_type.split_once('/'), Some((kind, sub)) if media_type.len() <= 100 && token(kind) && token(sub)) {
        return Err(JournalError::InvalidInput(format!("'{media_type}' is not a media type such as image/png")));
    }
    if size > MAX_ATTACHMENT_BYTES as u64 {
        return Err(JournalError::TooLarge { what: "an attachment".into(), limit: MAX_ATTACHMENT_BYTES });
    }
    Ok(())
}

/// The checks every entry's fields pass, when written and when imported.
pub(super) fn check_fields(happened_at: &str, text: &str, contact: Option<&Contact>, tags: &[String]) -> Result<(), JournalError> {
    parse_time(happened_at)?;
    if text.len() > MAX_TEXT_BYTES {
        return Err(JournalError::TooLarge { what: "the text".into(), limit: MAX_TEXT_BYTES });
    }
    if let Some(contact) = contact {
        check_short("the contact's name", &contact.name)?;
        contact.platform.as_deref().map_or(Ok(()), |p| check_short("the platform", p))?;
    }
    if tags.len() > MAX_TAGS {
        return Err(JournalError::InvalidInput(format!("at most {MAX_TAGS} tags")));
    }
    tags.iter().try_for_each(|tag| check_short("a tag", tag))
}

/// Parses an RFC 3339 time with its offset.
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, JournalError> {
    DateTime::parse_from_rfc3339(text).map_err(|_| JournalError::InvalidInput(format!("'{text}' is not a time such as 2026-03-01T21:15:00+01:00")))
}

/// Now, on the phone's clock and in its time zone, RFC 3339.
fn now() -> String {
    chrono::Local::now().fixed_offset().to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl NewEntry {
    fn validate(&self) -> Result<(), JournalError> {
        check_fields(&self.happened_at, &self.text, self.contact.as_ref(), &self.tags)?;
        self.attachments.iter().try_for_each(|a| check_attachment(&a.media_type, a.bytes.len() as u64))
    }

    fn into_content(self, earlier: Vec<AttachmentInfo>, new: Vec<AttachmentInfo>) -> EntryContent {
        let happened_at = parse_time(&self.happened_at).map_or(self.happened_at, |t| t.to_rfc3339_opts(SecondsFormat::Secs, false));
        EntryContent {
            kind: self.kind,
            happened_at,
            recorded_at: now(),
            contact: self.contact,
            text: self.text,
            signals: self.signals,
            level: self.level,
            tags: self.tags.into_iter().map(|t| t.trim().to_string()).collect(),
            attachments: earlier.into_iter().chain(new).collect(),
        }
    }
}

fn entry_id(id: &str) -> Result<[u8; 16], JournalError> {
    unhex(id).ok_or_else(|| JournalError::InvalidInput(format!("'{id}' is not an entry id")))
}

/// The state of one entry after folding its links in chain order.
#[derive(Default)]
struct Folded {
    latest: Option<Entry>,
    deleted: bool,
    damaged: bool,
    last_revision: u32,
}

impl Folded {
    fn apply(&mut self, link: Option<StoredLink>) {
        let Some(link) = link else {
            self.damaged = true;
            return;
        };
        let hash = hex(&link.hash());
        if let StoredLink::Full { content: LinkContent { entry, revision, event, .. }, .. } = link {
            self.last_revision = revision;
            match event {
                Event::Written(content) => self.latest = Some(Entry { id: entry, revision, hash, content }),
                Event::Deleted { .. } => self.deleted = true,
            }
        } else {
            self.deleted = true;
        }
    }
}

/// Folds the revisions of a vault (or of one entry) into entries, keyed by entry id, in first-seen order.
fn fold(conn: &Connection, session: &Session, entry: Option<&[u8]>) -> Result<Vec<(Vec<u8>, Folded)>, JournalError> {
    let mut order: Vec<(Vec<u8>, Folded)> = Vec::new();
    let mut position: HashMap<Vec<u8>, usize> = HashMap::new();
    for row in store::revisions(conn, &session.vault, entry)? {
        let link = chain::read_link(session, &row);
        let index = *position.entry(row.entry.clone()).or_insert_with(|| {
            order.push((row.entry.clone(), Folded::default()));
            order.len() - 1
        });
        order[index].1.apply(link);
    }
    Ok(order)
}

/// The revision after `revision`; a stored count at its limit is damage, not an overflow.
fn next_revision(id: &[u8], revision: u32) -> Result<u32, JournalError> {
    revision.checked_add(1).ok_or_else(|| damaged(id))
}

fn damaged(id: &[u8]) -> JournalError {
    JournalError::Tampered(format!("entry {}", hex(id)))
}

/// The current state of one entry, refusing deleted and damaged ones.
fn current(conn: &Connection, session: &Session, id: &[u8; 16]) -> Result<(Entry, u32), JournalError> {
    let (_, folded) = fold(conn, session, Some(id))?.pop().ok_or_else(|| JournalError::NotFound(format!("entry {}", hex(id))))?;
    if folded.damaged {
        return Err(damaged(id));
    }
    match folded.latest {
        Some(entry) if !folded.deleted => Ok((entry, folded.last_revision)),
        _ => Err(JournalError::NotFound(format!("entry {} (it was deleted)", hex(id)))),
    }
}

/// Appends one link for `entry` to the chain of the vault; returns the new link hash.
pub(super) fn append(conn: &Connection, session: &Session, entry: &[u8; 16], revision: u32, event: Event) -> Result<crypto::Hash, JournalError> {
    let (count, prev) = chain::head(conn, session)?;
    append_stored(conn, session, &StoredLink::full(prev, LinkContent { index: count, entry: hex(entry), revision, event })?)
}

/// Appends a link that already names its place in the chain; returns its hash.
pub(super) fn append_stored(conn: &Connection, session: &Session, link: &StoredLink) -> Result<crypto::Hash, JournalError> {
    let entry = unhex::<16>(&link.entry()).ok_or_else(|| JournalError::Tampered("a link's entry id".into()))?;
    let id = crypto::random_bytes::<16>()?;
    let blob = session.seal(RecordKind::Revision, &id, &link.encode())?;
    store::insert_revision(conn, &session.vault, &Row { id: id.to_vec(), entry: entry.to_vec(), blob })?;
    let hash = link.hash();
    chain::set_head(conn, session, link.index() + 1, &hash)?;
    Ok(hash)
}

/// Appends a written revision and returns the entry it makes.
fn write_revision(conn: &Connection, session: &Session, id: &[u8; 16], revision: u32, content: EntryContent) -> Result<Entry, JournalError> {
    let hash = append(conn, session, id, revision, Event::Written(content.clone()))?;
    Ok(Entry { id: hex(id), revision, hash: hex(&hash), content })
}

/// Seals and stores attachment bytes with a given id.
pub(super) fn store_attachment(conn: &Connection, session: &Session, entry: &[u8], id: &[u8; 16], bytes: &[u8]) -> Result<(), JournalError> {
    let blob = session.seal(RecordKind::Attachment, id, bytes)?;
    store::insert_attachment(conn, &session.vault, &Row { id: id.to_vec(), entry: entry.to_vec(), blob })
}

fn store_attachments(conn: &Connection, session: &Session, entry: &[u8], attachments: &[NewAttachment]) -> Result<Vec<AttachmentInfo>, JournalError> {
    attachments
        .iter()
        .map(|a| {
            let id = crypto::random_bytes::<16>()?;
            store_attachment(conn, session, entry, &id, &a.bytes)?;
            Ok(AttachmentInfo { id: hex(&id), media_type: a.media_type.clone(), size: a.bytes.len() as u64, sha256: hex(&crypto::sha256(&[&a.bytes])) })
        })
        .collect()
}

impl Journal {
    /// Writes a new entry; returns it as stored. The commit is durable when this returns.
    pub fn add(&self, new: NewEntry) -> Result<Entry, JournalError> {
        new.validate()?;
        self.with_session(|store, session| {
            store.write(|tx| {
                let id = crypto::random_bytes::<16>()?;
                let attachments = store_attachments(tx, session, &id, &new.attachments)?;
                write_revision(tx, session, &id, 1, new.into_content(Vec::new(), attachments))
            })
        })
    }

    /// Edits an entry: adds a revision with the new content; earlier attachments are kept and
    /// the new ones added; earlier revisions stay in the history.
    pub fn edit(&self, id: &str, new: NewEntry) -> Result<Entry, JournalError> {
        new.validate()?;
        let id = entry_id(id)?;
        self.with_session(|store, session| {
            store.write(|tx| {
                let (entry, revision) = current(tx, session, &id)?;
                let attachments = store_attachments(tx, session, &id, &new.attachments)?;
                write_revision(tx, session, &id, next_revision(&id, revision)?, new.into_content(entry.content.attachments, attachments))
            })
        })
    }

    /// Deletes an entry: its revisions are reduced to their hashes, its attachments erased, and a
    /// tombstone is added to the chain, which still verifies. The write-ahead log is then emptied,
    /// so no old page image of the entry stays in any file.
    pub fn delete(&self, id: &str) -> Result<(), JournalError> {
        let id = entry_id(id)?;
        self.with_session(|store, session| {
            store.write(|tx| {
                let (_, revision) = current(tx, session, &id)?;
                for row in store::revisions(tx, &session.vault, Some(&id))? {
                    let redacted = chain::read_link(session, &row).and_then(|link| link.redacted()).ok_or_else(|| damaged(&id))?;
                    store::replace_revision(tx, &row.id, &session.seal(RecordKind::Revision, &row.id, &redacted.encode())?)?;
                }
                store::delete_attachments(tx, &session.vault, &id)?;
                append(tx, session, &id, next_revision(&id, revision)?, Event::Deleted { deleted_at: now() }).map(drop)
            })?;
            store.checkpoint()
        })
    }

    /// All current entries, ordered by when they happened; damaged ones are listed apart.
    pub fn entries(&self) -> Result<EntryList, JournalError> {
        self.with_session(|store, session| {
            let mut list = EntryList { entries: Vec::new(), damaged: Vec::new() };
            for (id, folded) in fold(store.conn(), session, None)? {
                match folded {
                    Folded { damaged: true, .. } => {
                        list.damaged.push(DamagedEntry { id: hex(&id), reason: "a record of this entry was changed or damaged".into() })
                    }
                    Folded { latest: Some(entry), deleted: false, .. } => list.entries.push(entry),
                    _ => {}
                }
            }
            list.entries.sort_by_cached_key(|e| parse_time(&e.content.happened_at).ok());
            Ok(list)
        })
    }

    /// One entry at its latest revision; `Tampered` if any of its records was changed.
    pub fn entry(&self, id: &str) -> Result<Entry, JournalError> {
        let id = entry_id(id)?;
        self.with_session(|store, session| current(store.conn(), session, &id).map(|(entry, _)| entry))
    }

    /// Every revision of an entry, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<Entry>, JournalError> {
        let id = entry_id(id)?;
        self.with_session(|store, session| {
            current(store.conn(), session, &id)?;
            store::revisions(store.conn(), &session.vault, Some(&id))?
                .iter()
                .filter_map(|row| match chain::read_link(session, row) {
                    None => Some(Err(damaged(&id))),
                    Some(link) => {
                        let hash = hex(&link.hash());
                        match link {
                            StoredLink::Full { content: LinkContent { entry, revision, event: Event::Written(content), .. }, .. } => {
                                Some(Ok(Entry { id: entry, revision, hash, content }))
                            }
                            _ => None,
                        }
                    }
                })
                .collect()
        })
    }

    /// An attachment with its bytes; `Tampered` if they were changed.
    pub fn attachment(&self, id: &str) -> Result<Attachment, JournalError> {
        let attachment_id: [u8; 16] = unhex(id).ok_or_else(|| JournalError::InvalidInput(format!("'{id}' is not an attachment id")))?;
        let id = &hex(&attachment_id);
        self.with_session(|store, session| {
            let row = store::attachment(store.conn(), &session.vault, &attachment_id)?.ok_or_else(|| JournalError::NotFound(format!("attachment {id}")))?;
            let entry_id: [u8; 16] = row.entry.as_slice().try_into().map_err(|_| JournalError::Tampered(format!("attachment {id}")))?;
            let (entry, _) = current(store.conn(), session, &entry_id)?;
            let info = entry.content.attachments.into_iter().find(|a| a.id == *id).ok_or_else(|| JournalError::Tampered(format!("attachment {id}")))?;
            let mut bytes = session.open(RecordKind::Attachment, &attachment_id, &row.blob).ok_or_else(|| JournalError::Tampered(format!("attachment {id}")))?;
            if hex(&crypto::sha256(&[&bytes])) != info.sha256 {
                return Err(JournalError::Tampered(format!("attachment {id}")));
            }
            // Moved out, not copied: a 20 MB screenshot is in memory once.
            Ok(Attachment { info, bytes: std::mem::take(&mut *bytes) })
        })
    }

    /// Every link of the chain in order, for the report and the backup; `None` for a link whose
    /// record was changed or damaged.
    pub(super) fn links(&self) -> Result<Vec<Option<StoredLink>>, JournalError> {
        self.with_session(|store, session| {
            Ok(store::revisions(store.conn(), &session.vault, None)?.iter().map(|row| chain::read_link(session, row)).collect())
        })
    }

    /// Recomputes the integrity chain and reports the first broken link, if any, and checks every
    /// attachment of the current entries against its hash.
    pub fn verify(&self) -> Result<Verification, JournalError> {
        let mut verification = self.verify_chain()?;
        for info in self.entries()?.entries.iter().flat_map(|e| &e.content.attachments) {
            match self.attachment(&info.id) {
                Ok(_) => {}
                Err(JournalError::Tampered(_) | JournalError::NotFound(_)) => verification.damaged_attachments.push(info.id.clone()),
                Err(e) => return Err(e),
            }
        }
        Ok(verification)
    }

    /// Recomputes the integrity chain only (the report checks each attachment as it shows it).
    pub(super) fn verify_chain(&self) -> Result<Verification, JournalError> {
        self.with_session(|store, session| chain::verify(store.conn(), session))
    }

    /// The seal: the short form of the chain's head, to write down or send to a trusted adult.
    pub fn seal(&self) -> Result<String, JournalError> {
        self.with_session(|store, session| Ok(chain::seal_text(&chain::head(store.conn(), session)?.1)))
    }
}
