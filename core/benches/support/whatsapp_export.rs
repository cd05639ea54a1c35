//! A WhatsApp Android export of distinct lines for benches: two people, times that move on,
//! messages from the labelled development sets with a few words of another appended, now and
//! then a continuation line or a media placeholder.

/// The teen in the export ("me"); the other is the contact whose messages are scanned.
pub const ME: &str = "Lisa de Vries";

/// The development sets' message texts (never the blind sets).
pub fn texts() -> Vec<String> {
    crate::labelled::labelled(&["messages.jsonl", "analyzer-tune.jsonl"]).into_iter().map(|(text, _)| text).collect()
}

/// An export of about `bytes` bytes, different for every `seed`.
pub fn export(texts: &[String], bytes: usize, seed: u64) -> String {
    let mut next = crate::labelled::picker(seed);
    let mut out = String::with_capacity(bytes + 256);
    let mut minute = 0usize;
    while out.len() < bytes {
        minute += 1 + next(30);
        let (day, hour, min) = (1 + (minute / 1440) % 28, (minute / 60) % 24, minute % 60);
        let month = 1 + (minute / (1440 * 28)) % 12;
        let who = if next(2) == 0 { "Sam" } else { ME };
        let text = &texts[next(texts.len())];
        let other = &texts[next(texts.len())];
        let tail: String = other.split(' ').skip(next(4)).take(1 + next(5)).collect::<Vec<_>>().join(" ");
        let body = match next(40) {
            0 => "<Media weggelaten>".to_string(),
            1 => format!("{text}\n{tail}"),
            _ => format!("{text} {tail}"),
        };
        out.push_str(&format!("{day:02}-{month:02}-2024 {hour:02}:{min:02} - {who}: {body}\n"));
    }
    out
}
