//! Reading an export: the format detected from the content, parsed, and built into a [`Chat`].

use super::{instagram, plain, telegram, whatsapp, zip, Chat, ChatError, Event, Format, Limitation, Parsed, MAX_EXPORT_BYTES};
use std::borrow::Cow;

/// Reads a chat export from its bytes (a `.zip` export too), detecting the format from the
/// content. The chat borrows `bytes` where it can, so that a 50 MB export is not held twice:
/// its messages cost about 50 bytes each besides their text.
pub fn read(bytes: &[u8]) -> Result<Chat<'_>, ChatError> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(ChatError::TooLarge { limit: MAX_EXPORT_BYTES });
    }
    if !zip::looks_like(bytes) {
        // `from_utf8` checks much faster than `from_utf8_lossy`, which is for the rare bad file.
        return read_file(std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed));
    }
    let mut pages = zip::chat_bytes(bytes)?;
    if pages.len() == 1 {
        let one = pages.pop().unwrap_or_default();
        return read_file(String::from_utf8(one).map_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned().into(), Cow::Owned));
    }
    let texts: Vec<String> = pages.iter().map(|page| String::from_utf8_lossy(page).into_owned()).collect();
    let (parsed, text) = instagram::read(&texts.iter().map(String::as_str).collect::<Vec<_>>())?;
    Ok(finish(Format::Instagram, parsed, text.into()))
}

/// Reads one file of an export, from its text.
fn read_file(text: Cow<'_, str>) -> Result<Chat<'_>, ChatError> {
    let text = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        Cow::Owned(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..'\u{FEFF}'.len_utf8());
            }
            Cow::Owned(text)
        }
    };
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ChatError::Empty);
    }
    if trimmed.starts_with('{') {
        let (format, (parsed, own)) = if instagram::looks_like(trimmed) {
            (Format::Instagram, instagram::read(&[trimmed])?)
        } else if telegram::looks_like(trimmed) {
            (Format::Telegram, telegram::read(trimmed)?)
        } else {
            return Err(ChatError::UnknownFormat);
        };
        return Ok(finish(format, parsed, own.into()));
    }
    // Line ends as LF only, so that a message's lines are one range of the text (iOS writes
    // CRLF: that costs one copy of its text).
    let text = match memchr::memmem::find(text.as_bytes(), b"\r\n") {
        Some(_) => Cow::Owned(text.replace("\r\n", "\n")),
        None => text,
    };
    if let Some((format, parsed)) = whatsapp::read(&text) {
        return Ok(finish(format, parsed, text));
    }
    let parsed = plain::read(&text).ok_or(ChatError::UnknownFormat)?;
    Ok(finish(Format::Plain, parsed, text))
}

/// Builds the chat: participants in order of their first message, and the limitations the
/// messages show besides those the parser found.
fn finish<'a>(format: Format, parsed: Parsed, text: Cow<'a, str>) -> Chat<'a> {
    let Parsed { messages, senders, mut limitations } = parsed;
    // Senders in order of their first message (a parser may have met a name before it knew
    // the line was a notice).
    let mut order: Vec<Option<u32>> = vec![None; senders.len()];
    let mut participants = Vec::new();
    for who in messages.iter().filter_map(|m| m.sender) {
        if order[who as usize].is_none() {
            order[who as usize] = Some(participants.len() as u32);
            participants.push(senders[who as usize].clone());
        }
    }
    let mut messages = messages;
    for message in &mut messages {
        message.sender = message.sender.and_then(|who| order[who as usize]);
    }
    let shown = |event: Event| messages.iter().any(|m| m.event == Some(event));
    for (event, limitation) in [
        (Event::Media, Limitation::MediaOmitted),
        (Event::Deleted, Limitation::DeletedMessages),
        (Event::ViewOnce, Limitation::ViewOnceMedia),
        (Event::DisappearingTimer, Limitation::DisappearingMessages),
    ] {
        if shown(event) {
            limitations.push(limitation);
        }
    }
    let mut times = messages.iter().filter(|m| m.sender.is_some()).filter_map(|m| m.utc.map(|t| t.naive_utc()).or(m.local_time));
    if let Some(first) = times.next() {
        limitations.push(Limitation::PhoneTimes);
        let mut last = first;
        if times.any(|time| std::mem::replace(&mut last, time) > time) {
            limitations.push(Limitation::TimesOutOfOrder);
        }
    }
    limitations.sort_by_key(|l| *l as u8);
    limitations.dedup();
    Chat { format, participants, limitations, messages, text }
}
