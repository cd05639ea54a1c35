//! Pasted chat text as "Name: message" lines, without times: the fallback when no export format
//! fits. A line that does not start with a name continues the message before it.

use super::{finish, Chat, Format, Limitation, Message};

/// The most distinct names a pasted conversation is taken to have.
const MAX_NAMES: usize = 12;

/// Reads pasted lines, or `None` when too few look like "Name: message".
pub(super) fn read(text: &str) -> Option<Chat> {
    let lines: Vec<&str> = text.lines().collect();
    let nonempty = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let with_name = lines.iter().filter(|l| named(l).is_some()).count();
    if with_name == 0 || with_name * 2 < nonempty {
        return None;
    }
    let mut messages: Vec<Message> = Vec::new();
    let mut unattributed = false;
    for (number, line) in lines.iter().enumerate() {
        match (named(line), messages.last_mut()) {
            (Some((name, body)), _) => messages.push(Message { sender: Some(name.into()), local_time: None, utc: None, text: body.to_string(), event: None, line: number + 1 }),
            (None, Some(last)) => {
                last.text.push('\n');
                last.text.push_str(line);
            }
            (None, None) => unattributed |= !line.trim().is_empty(),
        }
    }
    let chat = finish(Format::Plain, messages, if unattributed { vec![Limitation::UnattributedLines] } else { Vec::new() });
    (chat.participants.len() <= MAX_NAMES).then_some(chat)
}

/// The name and body of a "Name: message" line.
fn named(line: &str) -> Option<(&str, &str)> {
    line.split_once(": ").filter(|(name, _)| plausible(name)).map(|(name, body)| (name.trim(), body))
}

/// A name as people paste it: short, not a sentence, not a time or a link.
fn plausible(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && name.chars().count() <= 40 && name.split_whitespace().count() <= 4 && !name.contains("http") && !name.chars().all(|c| c.is_ascii_digit() || c == ':')
}
