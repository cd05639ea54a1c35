//! Pasted chat text as "Name: message" lines, without times: the fallback when no export format
//! fits. A line that does not start with a name continues the message before it.

use super::{lines, offset, Limitation, Parsed, Stored};

/// The most distinct names a pasted conversation is taken to have.
const MAX_NAMES: usize = 12;

/// Reads pasted lines, or `None` when too few look like "Name: message".
pub(super) fn read(text: &str) -> Option<Parsed> {
    let (mut nonempty, mut with_name) = (0usize, 0usize);
    for (_, line) in lines(text) {
        nonempty += usize::from(!line.trim().is_empty());
        with_name += usize::from(named(line).is_some());
    }
    if with_name == 0 || with_name * 2 < nonempty {
        return None;
    }
    let mut parsed = Parsed::default();
    let mut unattributed = false;
    for (number, (at, line)) in lines(text).enumerate() {
        match named(line) {
            Some((name, body)) => {
                let sender = Some(parsed.sender(name));
                let start = offset(text, body);
                parsed.messages.push(Stored {
                    text: start..start + body.len() as u32,
                    sender,
                    local_time: None,
                    utc: None,
                    event: None,
                    line: number as u32 + 1,
                });
            }
            None => match parsed.messages.last_mut() {
                Some(last) => last.text.end = (at + line.len()) as u32,
                None => unattributed |= !line.trim().is_empty(),
            },
        }
    }
    if unattributed {
        parsed.limitations.push(Limitation::UnattributedLines);
    }
    (parsed.senders.len() <= MAX_NAMES).then_some(parsed)
}

/// The name and body of a "Name: message" line.
fn named(line: &str) -> Option<(&str, &str)> {
    line.split_once(": ").filter(|(name, _)| plausible(name)).map(|(name, body)| (name.trim(), body))
}

/// A name as people paste it: short, not a sentence, not a time or a link.
fn plausible(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.chars().count() <= 40
        && name.split_whitespace().count() <= 4
        && !name.contains("http")
        && !name.chars().all(|c| c.is_ascii_digit() || c == ':')
}
