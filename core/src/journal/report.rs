//! The evidence report: one self-contained HTML file, written only when the user asks, that prints
//! well to PDF. It shows the current entries with their attachments inline, every time with its
//! time zone, each entry's hash and the seal, in the teen's language.
//!
//! A support worker can check it: the appendix lists every link of the chain with the exact
//! canonical text that was hashed (`<script id="baken-chain">` holds the same as JSON), so the
//! chain can be recomputed with any SHA-256 tool, or with the "check" button in the page itself
//! (which also re-hashes the inline attachments and compares each shown text with its link). An earlier seal can be looked up in that list.

use super::chain::{self, StoredLink};
use super::crypto::hex;
use super::entries::{Entry, EntryKind};
use super::lifecycle::Journal;
use super::store;
use super::JournalError;
use crate::language::Language;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// The words of the report in one language.
struct Words {
    lang: &'static str,
    title: &'static str,
    intro: &'static str,
    made: &'static str,
    seal: &'static str,
    seal_help: &'static str,
    intact: &'static str,
    broken: &'static str,
    damaged: &'static str,
    empty: &'static str,
    kinds: [&'static str; 4],
    happened: &'static str,
    recorded: &'static str,
    who: &'static str,
    signals: &'static str,
    tags: &'static str,
    attachments: &'static str,
    version: &'static str,
    hash: &'static str,
    appendix: &'static str,
    appendix_help: &'static str,
    removed: &'static str,
    check: &'static str,
    check_ok: &'static str,
    check_bad: &'static str,
}

const EN: Words = Words {
    lang: "en",
    title: "Journal: what happened",
    intro: "This report comes from the Baken journal on the phone of the person who wrote it. They chose to share it with you. Each entry shows when it happened and when it was written down.",
    made: "Report made on",
    seal: "Seal",
    seal_help: "The seal is a short code made from everything in this journal. Did you get a seal earlier, or did someone write one down? Look for it in the list at the end. If it is there, nothing up to that point was changed.",
    intact: "The journal checked itself: nothing inside it was changed.",
    broken: "Warning: the journal's own check failed at link",
    damaged: "This entry could not be read. It was changed or damaged.",
    empty: "There are no entries.",
    kinds: ["What happened", "Note", "Contact", "Evidence"],
    happened: "Happened",
    recorded: "Written down",
    who: "Who",
    signals: "Warning signs",
    tags: "Tags",
    attachments: "Attachments",
    version: "Version",
    hash: "Hash of this entry",
    appendix: "Appendix: the chain",
    appendix_help: "Each link is SHA-256 of the previous link followed by the SHA-256 of the link's text below (the text is UTF-8, exactly as shown). The first link follows SHA-256 of the text \"baken journal chain v1\". The seal is the first 20 characters of a link, in capitals.",
    removed: "Deleted: only its hash is kept.",
    check: "Check this report",
    check_ok: "Checked: every link and every attachment matches, and the chain ends at the seal.",
    check_bad: "This report does not match its seal. It may have been changed.",
};

const NL: Words = Words {
    lang: "nl",
    title: "Dagboek: wat er gebeurd is",
    intro: "Dit rapport komt uit het Baken-dagboek op de telefoon van de schrijver. Die heeft zelf gekozen om het met jou te delen. Bij elk stuk staat wanneer het gebeurde en wanneer het is opgeschreven.",
    made: "Rapport gemaakt op",
    seal: "Zegel",
    seal_help: "Het zegel is een korte code. Die code is gemaakt van alles wat in het dagboek staat. Heb je eerder een zegel gekregen, of heeft iemand er een opgeschreven? Zoek het dan in de lijst aan het eind. Staat het erin? Dan is er tot dat punt niets veranderd.",
    intact: "Het dagboek heeft zichzelf gecontroleerd: er is niets in veranderd.",
    broken: "Let op: de controle van het dagboek ging mis bij schakel",
    damaged: "Dit stuk kon niet gelezen worden. Het is veranderd of beschadigd.",
    empty: "Er staat nog niets in.",
    kinds: ["Wat er gebeurde", "Notitie", "Contact", "Bewijs"],
    happened: "Gebeurd op",
    recorded: "Opgeschreven op",
    who: "Wie",
    signals: "Waarschuwingssignalen",
    tags: "Labels",
    attachments: "Bijlagen",
    version: "Versie",
    hash: "Hash van dit stuk",
    appendix: "Bijlage: de keten",
    appendix_help: "Elke schakel is SHA-256 van de vorige schakel, gevolgd door de SHA-256 van de tekst van de schakel hieronder (UTF-8, precies zoals hij er staat). De eerste schakel volgt op SHA-256 van de tekst \"baken journal chain v1\". Het zegel is het begin (20 tekens) van een schakel, in hoofdletters.",
    removed: "Verwijderd: alleen de hash is bewaard.",
    check: "Controleer dit rapport",
    check_ok: "Gecontroleerd: elke schakel en elke bijlage klopt, en de keten eindigt bij het zegel.",
    check_bad: "Dit rapport klopt niet met het zegel. Misschien is het veranderd.",
};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
h1{font-size:1.6em}.seal{font:bold 1.5em monospace;letter-spacing:.05em;border:2px solid #111;padding:.3em .6em;display:inline-block}
.entry{border-top:1px solid #999;padding:.8em 0;break-inside:avoid}.text{white-space:pre-wrap}dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.4em 0}
dt{font-weight:bold}dd{margin:0}.hash,code,pre{font-family:monospace;font-size:.8em;word-break:break-all;white-space:pre-wrap}
img{max-width:100%;border:1px solid #ccc;break-inside:avoid}.warn{color:#a00;font-weight:bold}table{border-collapse:collapse;font-size:.8em}
td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;text-align:left}@media print{button,#check-result:empty{display:none}}";

const SCRIPT: &str = "async function bakenCheck(){const d=JSON.parse(document.getElementById('baken-chain').textContent);
const sha=async b=>new Uint8Array(await crypto.subtle.digest('SHA-256',b));const hex=b=>Array.from(b,x=>x.toString(16).padStart(2,'0')).join('');
const unhex=h=>new Uint8Array(h.match(/../g).map(x=>parseInt(x,16)));const te=new TextEncoder();
let prev=await sha(te.encode('baken journal chain v1'));let ok=true;
for(const l of d.links){const c=l.canonical===null?unhex(l.content_hash):await sha(te.encode(l.canonical));
if(hex(c)!==l.content_hash)ok=false;const b=new Uint8Array(64);b.set(prev);b.set(c,32);prev=await sha(b);if(hex(prev)!==l.link)ok=false;}
if(hex(prev)!==d.head)ok=false;
for(const s of document.querySelectorAll('[data-link]')){const l=d.links.find(x=>x.link===s.dataset.link);
if(!l||l.canonical===null||JSON.parse(l.canonical).event.written.text!==s.querySelector('.text').textContent)ok=false;}
for(const e of document.querySelectorAll('[data-sha256]')){const s=e.getAttribute('src')||e.getAttribute('href');
const bin=atob(s.slice(s.indexOf(',')+1));const u=Uint8Array.from(bin,ch=>ch.charCodeAt(0));if(hex(await sha(u))!==e.dataset.sha256)ok=false;}
const r=document.getElementById('check-result');r.textContent=ok?d.ok:d.bad;r.className=ok?'':'warn';}";

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
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

/// A time as `2026-03-01 21:15 (UTC+01:00)`, keeping its own time zone.
fn show_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or_else(|_| rfc3339.to_string(), |t| t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string())
}

fn kind_name(words: &Words, kind: EntryKind) -> &'static str {
    words.kinds[EntryKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

fn render_entry(html: &mut String, words: &Words, journal: &Journal, entry: &Entry) -> Result<(), JournalError> {
    let c = &entry.content;
    let _ = write!(html, "<section class=\"entry\" data-link=\"{}\"><h3>{}</h3><dl>", entry.hash, escape(kind_name(words, c.kind)));
    let mut row = |label: &str, value: String| {
        let _ = write!(html, "<dt>{}</dt><dd>{}</dd>", escape(label), value);
    };
    row(words.happened, escape(&show_time(&c.happened_at)));
    row(words.recorded, escape(&show_time(&c.recorded_at)));
    if let Some(contact) = &c.contact {
        let platform = contact.platform.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        row(words.who, escape(&format!("{}{platform}", contact.name)));
    }
    if !c.signals.is_empty() || c.level.is_some() {
        let mut signals: Vec<String> = c.signals.iter().map(|s| s.to_string()).collect();
        signals.extend(c.level.map(|l| format!("[{l}]")));
        row(words.signals, escape(&signals.join(", ")));
    }
    if !c.tags.is_empty() {
        row(words.tags, escape(&c.tags.join(", ")));
    }
    row(words.version, entry.revision.to_string());
    row(words.hash, format!("<span class=\"hash\">{}</span>", entry.hash));
    let _ = write!(html, "</dl><p class=\"text\">{}</p>", escape(&c.text));
    if !c.attachments.is_empty() {
        let _ = write!(html, "<h4>{}</h4>", words.attachments);
    }
    for info in &c.attachments {
        let attachment = journal.attachment(&info.id)?;
        let data = format!("data:{};base64,{}", escape(&info.media_type), base64(&attachment.bytes));
        let caption = format!("{} · {} bytes · SHA-256 <span class=\"hash\">{}</span>", escape(&info.media_type), info.size, info.sha256);
        if info.media_type.starts_with("image/") {
            let _ = write!(html, "<figure><img src=\"{data}\" data-sha256=\"{}\" alt=\"\"><figcaption>{caption}</figcaption></figure>", info.sha256);
        } else {
            let _ = write!(html, "<p><a href=\"{data}\" download data-sha256=\"{}\">{}</a> {caption}</p>", info.sha256, escape(&info.id));
        }
    }
    html.push_str("</section>");
    Ok(())
}

impl Journal {
    /// The evidence report of the unlocked journal, as one HTML document in `language`.
    pub fn report_html(&self, language: Language) -> Result<String, JournalError> {
        let words = match language {
            Language::Nl => &NL,
            Language::En => &EN,
        };
        let list = self.entries()?;
        let verification = self.verify()?;
        let links = self.links()?;
        let made = chrono::Local::now().fixed_offset().to_rfc3339();
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body><h1>{}</h1><p>{}</p><p>{} {}</p><h2>{}</h2><p class=\"seal\">{}</p><p>{}</p>",
            words.lang, words.title, words.title, words.intro, words.made, escape(&show_time(&made)), words.seal, verification.seal, words.seal_help
        );
        match &verification.broken {
            None => { let _ = write!(html, "<p>{}</p>", words.intact); }
            Some(broken) => { let _ = write!(html, "<p class=\"warn\">{} {}: {}</p>", words.broken, broken.index, escape(&broken.reason)); }
        }
        let _ = write!(html, "<p><button onclick=\"bakenCheck()\">{}</button> <span id=\"check-result\"></span></p>", words.check);
        if list.entries.is_empty() && list.damaged.is_empty() {
            let _ = write!(html, "<p>{}</p>", words.empty);
        }
        for entry in &list.entries {
            render_entry(&mut html, words, self, entry)?;
        }
        for damaged in &list.damaged {
            let _ = write!(html, "<section class=\"entry\"><p class=\"warn\">{}</p><p class=\"hash\">{}</p></section>", words.damaged, damaged.id);
        }
        let _ = write!(html, "<h2>{}</h2><p>{}</p><table><tr><th>#</th><th>{}</th><th></th></tr>", words.appendix, words.appendix_help, words.seal);
        let mut chain_json = Vec::new();
        for (index, link) in links.iter().enumerate() {
            let Some(link) = link else {
                let _ = write!(html, "<tr><td>{index}</td><td colspan=\"2\" class=\"warn\">{}</td></tr>", words.damaged);
                continue;
            };
            let hash = link.hash();
            let canonical = match link {
                StoredLink::Full { canonical, .. } => Some(String::from_utf8_lossy(canonical).into_owned()),
                StoredLink::Redacted { .. } => None,
            };
            let shown = canonical.as_deref().map_or_else(|| words.removed.to_string(), escape);
            let _ = write!(
                html,
                "<tr><td>{index}</td><td><code>{}</code></td><td><pre>{shown}</pre>SHA-256: <span class=\"hash\">{}</span><br>→ <span class=\"hash\">{}</span></td></tr>",
                chain::seal_text(&hash), hex(&link.content_hash()), hex(&hash)
            );
            chain_json.push(serde_json::json!({ "canonical": canonical, "content_hash": hex(&link.content_hash()), "link": hex(&hash) }));
        }
        let data = serde_json::json!({ "head": verification.head, "links": chain_json, "ok": words.check_ok, "bad": words.check_bad });
        let data = script_safe(&data.to_string());
        let _ = write!(html, "</table><script type=\"application/json\" id=\"baken-chain\">{data}</script><script>{SCRIPT}</script></body></html>");
        Ok(html)
    }

    /// Writes the evidence report to a new file at `path`; refuses to overwrite a file.
    pub fn export_report(&self, path: &Path, language: Language) -> Result<(), JournalError> {
        let html = self.report_html(language)?;
        let io = |e: std::io::Error| JournalError::Io(format!("{}: {e}", path.display()));
        let mut file = store::create_private_file(path)?;
        file.write_all(html.as_bytes()).and_then(|()| file.sync_all()).map_err(io)
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
    fn times_keep_their_zone() {
        assert_eq!(show_time("2026-03-01T21:15:00+01:00"), "2026-03-01 21:15 (UTC+01:00)");
    }
}
