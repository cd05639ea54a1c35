//! The chat inside a `.zip` export: WhatsApp's `_chat.txt` (iOS always shares a zip) or its
//! `.txt`, Telegram's `result.json`, or the `message_N.json` pages of one Instagram conversation.
//!
//! Only the central directory is read, and only the chosen entries are inflated, each with a
//! limit of [`MAX_EXPORT_BYTES`](super::MAX_EXPORT_BYTES) and its CRC-32 checked, so a zip bomb
//! costs at most that much memory. Nothing is written to disk, so names cannot escape a folder.
//! Stored and deflated entries are read; ZIP64, encrypted and other methods are refused.

use super::{ChatError, MAX_EXPORT_BYTES};

const END: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

/// Whether `bytes` start like a zip.
pub(super) fn looks_like(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn damaged(detail: impl Into<String>) -> ChatError {
    ChatError::Damaged { format: "zip", detail: detail.into() }
}

/// One entry of the central directory.
struct Entry<'a> {
    name: &'a str,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The entries of the central directory.
fn entries(bytes: &[u8]) -> Result<Vec<Entry<'_>>, ChatError> {
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let end = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(END))
        .ok_or_else(|| damaged("it has no end record; it may be cut short"))?;
    let count = usize::from(u16_at(bytes, end + 10).unwrap_or(0));
    let mut at = u32_at(bytes, end + 16).ok_or_else(|| damaged("its directory is missing"))? as usize;
    let mut entries = Vec::with_capacity(count.min(65_535));
    for _ in 0..count {
        let field = |offset: usize, width: usize| -> Result<usize, ChatError> {
            let value = if width == 2 { u16_at(bytes, at + offset).map(usize::from) } else { u32_at(bytes, at + offset).map(|v| v as usize) };
            value.ok_or_else(|| damaged("its directory is cut short"))
        };
        if u32_at(bytes, at) != Some(CENTRAL) {
            return Err(damaged("its directory is damaged"));
        }
        let (name_len, extra_len, comment_len) = (field(28, 2)?, field(30, 2)?, field(32, 2)?);
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| damaged("a name is cut short"))?;
        entries.push(Entry {
            name: std::str::from_utf8(name).unwrap_or(""),
            flags: field(8, 2)? as u16,
            method: field(10, 2)? as u16,
            crc: field(16, 4)? as u32,
            compressed: field(20, 4)?,
            size: field(24, 4)?,
            local: field(42, 4)?,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

/// The bytes of one entry, inflated and checked.
fn contents(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, ChatError> {
    if entry.flags & 1 != 0 {
        return Err(damaged(format!("{} is encrypted", entry.name)));
    }
    if entry.size == u32::MAX as usize || entry.compressed == u32::MAX as usize {
        return Err(damaged(format!("{} uses ZIP64, which Baken does not read", entry.name)));
    }
    if entry.size > MAX_EXPORT_BYTES {
        return Err(ChatError::TooLarge { limit: MAX_EXPORT_BYTES });
    }
    if u32_at(bytes, entry.local) != Some(LOCAL) {
        return Err(damaged(format!("{} is not where the directory says", entry.name)));
    }
    let skip = |offset: usize| u16_at(bytes, entry.local + offset).map(usize::from).ok_or_else(|| damaged("a header is cut short"));
    let start = entry.local + 30 + skip(26)? + skip(28)?;
    let data = bytes.get(start..start + entry.compressed).ok_or_else(|| damaged(format!("{} is cut short", entry.name)))?;
    let out = match entry.method {
        0 => data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, entry.size.max(1))
            .map_err(|_| damaged(format!("{} does not unpack, or is larger than it says", entry.name)))?,
        other => return Err(damaged(format!("{} is packed with method {other}, which Baken does not read", entry.name))),
    };
    if out.len() != entry.size || crc32(&out) != entry.crc {
        return Err(damaged(format!("{} does not match its checksum", entry.name)));
    }
    Ok(out)
}

/// The chat files of the zip, as one export's bytes: the chat text or JSON, or one Instagram
/// conversation's pages (newest page first, as `message_1.json` is).
pub(super) fn chat_bytes(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ChatError> {
    let entries = entries(bytes)?;
    let file_name = |e: &Entry| e.name.rsplit('/').next().unwrap_or(e.name).to_string();
    let by_name = |wanted: &dyn Fn(&str) -> bool| entries.iter().filter(|e| wanted(&file_name(e))).collect::<Vec<_>>();
    if let Some(entry) = by_name(&|n| n == "_chat.txt" || n == "result.json").first() {
        return Ok(vec![contents(bytes, entry)?]);
    }
    let mut pages = by_name(&|n| n.starts_with("message_") && n.ends_with(".json"));
    if !pages.is_empty() {
        let folder = |e: &Entry| e.name.rsplit_once('/').map_or("", |(folder, _)| folder).to_string();
        let first = folder(pages[0]);
        if pages.iter().any(|p| folder(p) != first) {
            return Err(damaged("this download holds several conversations; pick the folder of one (messages/inbox/...)"));
        }
        let number = |e: &Entry| file_name(e).trim_start_matches("message_").trim_end_matches(".json").parse::<u32>().unwrap_or(u32::MAX);
        pages.sort_by_key(|p| number(p));
        if pages.iter().map(|p| p.size).sum::<usize>() > MAX_EXPORT_BYTES {
            return Err(ChatError::TooLarge { limit: MAX_EXPORT_BYTES });
        }
        return pages.iter().map(|p| contents(bytes, p)).collect();
    }
    match by_name(&|n| n.ends_with(".txt")).as_slice() {
        [only] => Ok(vec![contents(bytes, only)?]),
        [] => Err(damaged("it holds no chat (no _chat.txt, .txt, result.json or message_1.json)")),
        _ => Err(damaged("it holds several .txt files; export one chat")),
    }
}

/// CRC-32 (IEEE), as zip stores it.
fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (n, slot) in table.iter_mut().enumerate() {
            *slot = (0..8).fold(n as u32, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 });
        }
        table
    });
    !bytes.iter().fold(!0u32, |crc, &b| table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8))
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn crc32_is_the_zip_checksum() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
