//! A scan saved as journal evidence: one entry about one contact, with the summary, their flagged
//! messages with times, what the export cannot show, the export's SHA-256 and, when the teen
//! wants it, the export itself as an attachment.

use super::{limitation_text, Chat, Format, Scan};
use crate::journal::{Contact, EntryKind, NewAttachment, NewEntry, MAX_ATTACHMENT_BYTES, MAX_TEXT_BYTES};
use crate::language::Language;
use chrono::{FixedOffset, NaiveDateTime, TimeZone};

/// Why a scan could not become an entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    /// The contact is not in the scan, or is the teen.
    #[error("\"{0}\" is not a contact in this scan")]
    UnknownContact(String),
}

/// The entry for `contact` in `scan` of `chat`, read from `export`. Times in the chat are the
/// phone's, without a zone: `offset` is the phone's UTC offset. With `attach`, the export is
/// attached (when it is within the attachment limit; otherwise the text says so).
pub fn evidence(
    chat: &Chat,
    scan: &Scan,
    contact: &str,
    export: &[u8],
    attach: bool,
    offset: FixedOffset,
    language: Language,
) -> Result<NewEntry, EvidenceError> {
    let person = scan.people.iter().find(|p| p.name == contact && !p.is_me).ok_or_else(|| EvidenceError::UnknownContact(contact.to_string()))?;
    let texts = super::scan::texts(language);
    let mut flagged: Vec<usize> = person.signals.iter().flat_map(|s| s.examples.iter().copied()).collect();
    flagged.sort_unstable();
    flagged.dedup();
    let first = flagged.first().and_then(|&i| chat.message(i).local_time).or_else(|| chat.messages().find_map(|m| m.local_time));
    let happened_at = first.and_then(|t| offset.from_local_datetime(&t).single()).unwrap_or_else(|| chrono::Utc::now().with_timezone(&offset));
    let sha256 = crate::journal::crypto::hex(&crate::journal::crypto::sha256(&[export]));
    let mut text = format!("{}\n\n{}\n", person.summary, texts.flagged);
    for &index in &flagged {
        let message = chat.message(index);
        let line = format!("[{}] {}: {}\n", time(message.local_time), person.name, message.text.replace('\n', " / "));
        if text.len() + line.len() > MAX_TEXT_BYTES / 2 {
            text += &format!("{}\n", texts.more);
            break;
        }
        text += &line;
    }
    if !scan.limitations.is_empty() {
        text += &format!("\n{}\n", texts.cannot_show);
        for &limitation in &scan.limitations {
            text += &format!("- {}\n", limitation_text(limitation, language));
        }
    }
    let attached = attach && export.len() <= MAX_ATTACHMENT_BYTES;
    text += &format!(
        "\n{}",
        texts.export.replace("{format}", scan.format.as_str()).replace("{count}", &scan.messages_total.to_string()).replace("{sha256}", &sha256)
    );
    if attach && !attached {
        text += &format!(" {}", texts.too_large);
    }
    text.push('\n');
    let attachments = match attached {
        true => vec![NewAttachment { media_type: media_type(export, scan.format).to_string(), bytes: export.to_vec() }],
        false => Vec::new(),
    };
    Ok(NewEntry {
        kind: EntryKind::Evidence,
        happened_at: happened_at.to_rfc3339(),
        contact: Some(Contact { name: person.name.clone(), platform: Some(platform(scan.format).to_string()) }),
        text,
        signals: person.signals.iter().map(|s| s.signal).collect(),
        level: Some(person.level),
        tags: vec!["chat-scan".to_string()],
        attachments,
    })
}

fn time(time: Option<NaiveDateTime>) -> String {
    time.map_or_else(|| "?".to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

fn platform(format: Format) -> &'static str {
    match format {
        Format::WhatsAppAndroid | Format::WhatsAppIos => "WhatsApp",
        Format::Telegram => "Telegram",
        Format::Instagram => "Instagram",
        Format::Plain => "chat",
    }
}

fn media_type(export: &[u8], format: Format) -> &'static str {
    match (super::zip::looks_like(export), format) {
        (true, _) => "application/zip",
        (false, Format::Telegram | Format::Instagram) => "application/json",
        (false, _) => "text/plain",
    }
}
