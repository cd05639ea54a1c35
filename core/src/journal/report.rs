//! The evidence report: one self-contained HTML file, written only when the user asks, that prints
//! well to PDF. It shows the current entries with their attachments inline, every time with its
//! time zone, each entry's hash and the seal, in the teen's language.
//!
//! A support worker can check it: the appendix lists every link of the chain with the exact
//! canonical text that was hashed (`<script id="baken-chain">` holds the same as JSON), so the
//! chain can be recomputed with any SHA-256 tool. The "check" button runs `report.js`, which
//! recomputes the chain, renders the whole page again from what the chain holds and fails on any
//! part of the page that differs, including added, removed or swapped entries and attachments.
//! The markup below and the one in `report.js` must stay the same; the browser test in
//! `tests/python/test_report.py` fails if they drift apart.
//!
//! The page carries a strict Content-Security-Policy: only its own style and script (by hash)
//! and `data:` images. Only raster images (PNG, JPEG, GIF, WebP, recognised by their bytes) are
//! shown inline; any other attachment is a download of type `application/octet-stream`.
//! Invisible and direction-changing characters in what the user typed are shown as `[U+202E]`.

use super::chain::{self, Event, StoredLink};
use super::crypto::{self, hex};
use super::model::{AttachmentInfo, Entry, EntryKind};
use super::session::Journal;
use super::store;
use super::JournalError;
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::strings::ReportWords as Words;
use chrono::SecondsFormat;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// What a report holds, so the app can tell the user before they share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportSummary {
    /// The entries shown.
    pub entries: u64,
    /// Earlier versions of edited entries: their old text is in the appendix.
    pub earlier_versions: u64,
    /// Entries and attachments that could not be read and are shown as damaged.
    pub damaged: u64,
}

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Characters that cannot be seen or that change the direction of the text around them: in a
/// report they could hide or reorder words, so they are shown by their code.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{61C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// What the user typed, escaped, with every invisible character shown as `[U+XXXX]`.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(is_invisible) {
        out.push_str(&escape(&rest[..at]));
        let c = rest[at..].chars().next().unwrap_or_default();
        let _ = write!(out, "<span class=\"mark\">[U+{:04X}]</span>", u32::from(c));
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(&escape(rest));
    out
}

/// JSON that cannot end or change the `<script>` element it sits in: `<`, `>` and `&` as
/// escapes (so neither `</script>` nor `<!--<script>` in an entry's text can), and the two line
/// separators that old parsers take for line ends.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// A stored time (`2026-03-01T21:15:00+01:00`) as `2026-03-01 21:15 (UTC+01:00)`, keeping its
/// own time zone; any other text as it is. `report.js` does the same.
fn show_time(rfc3339: &str) -> String {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd+dd:dd";
    let b = rfc3339.as_bytes();
    let fits = b.len() == SHAPE.len()
        && b.iter().zip(SHAPE).all(|(&c, &s)| match s {
            b'd' => c.is_ascii_digit(),
            b'+' => c == b'+' || c == b'-',
            _ => c == s,
        });
    if fits {
        format!("{} {} (UTC{})", &rfc3339[..10], &rfc3339[11..16], &rfc3339[19..])
    } else {
        rfc3339.to_string()
    }
}

/// The media type of a raster image recognised by its first bytes, or `None`.
fn raster_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', 13, 10, 26, 10, ..] => Some("image/png"),
        [0xff, 0xd8, 0xff, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

/// The words of the report in `language` (`[report]` of `content/strings/<code>.toml`).
fn words(language: Language) -> &'static Words {
    &crate::strings::strings(language).report
}

fn signal_name(signal: Signal, language: Language) -> &'static str {
    crate::signal_text::explanation(signal, language).map_or(signal.as_str(), |t| t.title.as_str())
}

fn level_name(words: &'static Words, level: Level) -> &'static str {
    &words.levels[level.index()]
}

fn kind_name(words: &'static Words, kind: EntryKind) -> &'static str {
    &words.kinds[EntryKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// The policy that lets the page run only its own style and script and show only `data:` images.
fn content_security_policy() -> String {
    let hash = |text: &str| base64(&crypto::sha256(&[text.as_bytes()]));
    format!("default-src 'none'; img-src data:; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'", hash(STYLE), hash(SCRIPT))
}

/// How many written revisions are earlier versions of entries that still exist. Deleting an entry
/// redacts all its revisions, so every readable written revision that is not the latest counts.
fn earlier_versions(links: &[Option<StoredLink>]) -> u64 {
    let mut live = HashSet::new();
    let mut written = 0u64;
    for link in links.iter().flatten() {
        if let StoredLink::Full { content, .. } = link {
            match content.event {
                Event::Written(_) => {
                    written += 1;
                    live.insert(content.entry.as_str());
                }
                Event::Deleted { .. } => {
                    live.remove(content.entry.as_str());
                }
            }
        }
    }
    written - live.len() as u64
}

/// Builds the report one piece at a time, so memory stays bounded by one attachment.
struct Writer<'a, W: Write> {
    out: &'a mut W,
    words: &'static Words,
    language: Language,
    summary: ReportSummary,
}

impl<W: Write> Writer<'_, W> {
    fn put(&mut self, html: &str) -> Result<(), JournalError> {
        self.out.write_all(html.as_bytes()).map_err(JournalError::io("writing the report"))
    }

    /// Base64 of `bytes`, written in pieces (a multiple of 3 bytes each, so no padding inside).
    fn put_base64(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        bytes.chunks(3 * 16 * 1024).try_for_each(|chunk| self.put(&base64(chunk)))
    }

    fn attachment(&mut self, journal: &Journal, entry: &Entry, info: &AttachmentInfo) -> Result<(), JournalError> {
        let caption = format!("{} · {} {} · SHA-256 <span class=\"hash\">{}</span>", escape(&info.media_type), info.size, self.words.bytes, info.sha256);
        match journal.attachment_of(&entry.id, &info.id) {
            Ok(attachment) => {
                let kind = raster_type(&attachment.bytes);
                let media = kind.unwrap_or("application/octet-stream");
                let id = escape(&info.id);
                let (open, close) = match kind {
                    Some(_) => (format!("<figure><img src=\"data:{media};base64,"), format!("\" alt=\"\"><figcaption>{caption}</figcaption></figure>")),
                    None => (format!("<p><a href=\"data:{media};base64,"), format!("\" download=\"{id}\">{id}</a> {caption}</p>")),
                };
                self.put(&open)?;
                self.put_base64(&attachment.bytes)?;
                self.put(&close)
            }
            Err(JournalError::Tampered(_) | JournalError::NotFound(_)) => {
                self.summary.damaged += 1;
                self.put(&format!("<p class=\"warn\">{}: <span class=\"hash\">{}</span></p>", self.words.damaged_attachment, info.sha256))
            }
            Err(e) => Err(e),
        }
    }

    fn entry(&mut self, journal: &Journal, entry: &Entry) -> Result<(), JournalError> {
        let (w, c) = (self.words, &entry.content);
        let mut rows = vec![(w.happened.as_str(), escape(&show_time(&c.happened_at))), (w.recorded.as_str(), escape(&show_time(&c.recorded_at)))];
        if let Some(contact) = &c.contact {
            let platform = contact.platform.as_deref().map(|p| format!(" (<bdi>{}</bdi>)", shown(p))).unwrap_or_default();
            rows.push((w.who.as_str(), format!("<bdi>{}</bdi>{platform}", shown(&contact.name))));
        }
        if !c.signals.is_empty() {
            rows.push((w.signals.as_str(), c.signals.iter().map(|&s| escape(signal_name(s, self.language))).collect::<Vec<_>>().join(", ")));
        }
        if let Some(level) = c.level {
            rows.push((w.level.as_str(), escape(level_name(w, level))));
        }
        if !c.tags.is_empty() {
            rows.push((w.tags.as_str(), c.tags.iter().map(|t| format!("<bdi>{}</bdi>", shown(t))).collect::<Vec<_>>().join(", ")));
        }
        rows.push((w.version.as_str(), entry.revision.to_string()));
        rows.push((w.hash.as_str(), format!("<span class=\"hash\">{}</span>", entry.hash)));
        let mut html = format!("<section class=\"entry\" data-link=\"{}\"><h3>{}</h3><dl>", entry.hash, escape(kind_name(w, c.kind)));
        for (label, value) in rows {
            let _ = write!(html, "<dt>{}</dt><dd>{value}</dd>", escape(label));
        }
        let _ = write!(html, "</dl><p class=\"text\" dir=\"auto\">{}</p>", shown(&c.text));
        if !c.attachments.is_empty() {
            let _ = write!(html, "<h4>{}</h4>", escape(&w.attachments));
        }
        self.put(&html)?;
        for info in &c.attachments {
            self.attachment(journal, entry, info)?;
        }
        self.put("</section>")
    }
}

impl Journal {
    /// The evidence report of the unlocked journal, as one HTML document in `language`.
    pub fn report_html(&self, language: Language) -> Result<String, JournalError> {
        let mut html = Vec::new();
        self.write_report(&mut html, language)?;
        String::from_utf8(html).map_err(|e| JournalError::io("the report")(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
    }

    /// What the report would hold, for the app to show before the user shares it (for example
    /// that the old text of edited entries is in it).
    pub fn report_summary(&self, language: Language) -> Result<ReportSummary, JournalError> {
        self.write_report(&mut std::io::sink(), language)
    }

    /// Writes the evidence report to a new file at `path`; refuses to overwrite a file. Its seal
    /// is remembered as the last one shared, so that `verify` can tell when the chain loses it.
    pub fn export_report(&self, path: &Path, language: Language) -> Result<ReportSummary, JournalError> {
        let io = JournalError::io(path.display().to_string());
        let mut file = std::io::BufWriter::new(store::create_private_file(path)?);
        let summary = self.write_report(&mut file, language)?;
        file.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(&io)?;
        self.remember_shared_seal()?;
        Ok(summary)
    }

    fn write_report(&self, out: &mut impl Write, language: Language) -> Result<ReportSummary, JournalError> {
        let words = words(language);
        let list = self.entries()?;
        let verification = self.verify_chain()?;
        let links = self.links()?;
        let earlier = earlier_versions(&links);
        let summary = ReportSummary { entries: list.entries.len() as u64, earlier_versions: earlier, damaged: list.damaged.len() as u64 };
        let mut writer = Writer { out, words, language, summary };
        let made = show_time(&chrono::Local::now().fixed_offset().to_rfc3339_opts(SecondsFormat::Secs, false));
        let w = words;
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>\
             <header id=\"top\"><h1>{}</h1><p>{}</p><p id=\"made\">{} {} · Baken {}</p><h2>{}</h2><p class=\"seal\" id=\"seal\">{}</p><p>{} <span class=\"hash\" id=\"head\">{}</span></p><p>{}</p>",
            language.code(), content_security_policy(), w.title, w.title, w.intro, w.made, escape(&made), env!("CARGO_PKG_VERSION"), w.seal, verification.seal, w.head, verification.head, w.seal_help
        );
        match &verification.broken {
            None => {
                let _ = write!(html, "<p>{}</p>", w.intact);
            }
            Some(broken) => {
                let _ = write!(html, "<p class=\"warn\">{} {}: {}</p>", w.broken, broken.index, escape(&broken.reason));
            }
        }
        if earlier > 0 {
            let _ = write!(html, "<p>{}</p>", w.edited);
        }
        if list.entries.is_empty() && list.damaged.is_empty() {
            let _ = write!(html, "<p>{}</p>", w.empty);
        }
        let _ = write!(
            html,
            "<p><button id=\"check\" type=\"button\">{}</button></p><div id=\"check-result\" role=\"status\"></div></header><main id=\"entries\">",
            w.check
        );
        writer.put(&html)?;
        for entry in &list.entries {
            writer.entry(self, entry)?;
        }
        let mut html = String::new();
        for damaged in &list.damaged {
            let _ = write!(html, "<section class=\"entry damaged\"><p class=\"warn\">{}</p><p class=\"hash\">{}</p></section>", w.damaged, damaged.id);
        }
        let _ = write!(
            html,
            "</main><section id=\"appendix\"><h2>{}</h2><p>{}</p><table><thead><tr><th>#</th><th>{}</th><th></th></tr></thead><tbody id=\"chain-rows\">",
            w.appendix,
            escape(&w.appendix_help),
            w.seal
        );
        let mut chain_json = Vec::new();
        for (index, link) in links.iter().enumerate() {
            let Some(link) = link else {
                let _ = write!(html, "<tr><td>{index}</td><td colspan=\"2\" class=\"warn\">{}</td></tr>", w.damaged_link);
                chain_json.push(serde_json::Value::Null);
                continue;
            };
            let hash = link.hash();
            let canonical = match link {
                StoredLink::Full { canonical, .. } => Some(String::from_utf8_lossy(canonical).into_owned()),
                StoredLink::Redacted { .. } => None,
            };
            let shown = canonical.as_deref().map_or_else(|| escape(&w.removed), shown);
            let _ = write!(
                html,
                "<tr><td>{index}</td><td><code>{}</code></td><td><pre>{shown}</pre>SHA-256: <span class=\"hash\">{}</span><br>→ <span class=\"hash\">{}</span></td></tr>",
                chain::seal_text(&hash), hex(&link.content_hash()), hex(&hash)
            );
            chain_json.push(serde_json::json!({ "canonical": canonical, "content_hash": hex(&link.content_hash()), "link": hex(&hash) }));
        }
        let kind_names: BTreeMap<_, _> = EntryKind::ALL.iter().map(|&k| (k.as_str(), kind_name(w, k))).collect();
        let level_names: BTreeMap<_, _> = Level::ALL.iter().map(|&l| (l.as_str(), level_name(w, l))).collect();
        let signal_names: BTreeMap<_, _> = Signal::ALL.iter().map(|&s| (s.as_str(), signal_name(s, language))).collect();
        let data = serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"), "head": verification.head, "links": chain_json, "words": w,
            "kind_names": kind_names, "level_names": level_names, "signal_names": signal_names,
        });
        let _ = write!(
            html,
            "</tbody></table></section><script type=\"application/json\" id=\"baken-chain\">{}</script><script id=\"baken-check\">{SCRIPT}</script></body></html>",
            script_safe(&data.to_string())
        );
        writer.put(&html)?;
        Ok(writer.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (input, expected) in cases {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn chain_data_cannot_close_or_open_a_script() {
        let json = serde_json::json!({ "text": "<!--<script> </script> & \u{2028}" }).to_string();
        let safe = script_safe(&json);
        assert!(!safe.contains(['<', '>', '&', '\u{2028}']), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), serde_json::from_str::<serde_json::Value>(&json).unwrap());
    }

    #[test]
    fn base64_written_in_pieces_is_the_same_as_in_one() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut out = Vec::new();
        let en = "en".parse().unwrap();
        let mut writer = Writer { out: &mut out, words: words(en), language: en, summary: ReportSummary::default() };
        writer.put_base64(&bytes).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), base64(&bytes));
    }

    #[test]
    fn times_keep_their_zone() {
        assert_eq!(show_time("2026-03-01T21:15:00+01:00"), "2026-03-01 21:15 (UTC+01:00)");
    }
}
