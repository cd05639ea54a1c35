//! WhatsApp "Export chat" text, Android and iOS, in any locale whose header is digits.
//!
//! A message starts with a header line: Android `18-03-2022 14:56 - Name: text` (also
//! `18/03/2022, 14:56`, `2/4/23, 10:35 PM`, `03.08.21, 12:30`), iOS `[02-05-2022 16:21:32] Name:
//! text`. Every other line continues the message before it, line breaks kept. Invisible marks
//! (U+200E, U+200F, U+202A, U+202C) are stripped at the start of a header and of a body, and
//! the narrow and plain no-break spaces before AM/PM are read as spaces. Whether dates are
//! day-first or month-first is decided over the whole file, never per line. What WhatsApp writes
//! for media, deletions, calls and notices, per language, is data (`content/chat/whatsapp.toml`).

use super::{lines, offset, Event, Format, Limitation, Parsed, Stored};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::sync::OnceLock;

/// Marks WhatsApp puts before headers, bodies and phone numbers.
const MARKS: [char; 5] = ['\u{200E}', '\u{200F}', '\u{202A}', '\u{202C}', '\u{FEFF}'];

/// A header's date and time, before the date order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    /// The three date fields in the order written, and how many digits each had.
    fields: [u32; 3],
    digits: [usize; 3],
    hour: u32,
    minute: u32,
    second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM.
    pm: Option<bool>,
}

/// A header line, split.
#[derive(Debug, PartialEq, Eq)]
struct Header<'a> {
    stamp: Stamp,
    ios: bool,
    /// What follows the header: `Name: text`, or a notice.
    rest: &'a str,
}

/// Reads an export, or `None` when too few lines look like WhatsApp headers. Two passes over the
/// lines, holding nothing between them but counts: the first decides the date order over the
/// whole file, the second builds the messages, each text a range of `text`.
pub(super) fn read(text: &str) -> Option<(Format, Parsed)> {
    let mut dates = DateEvidence::default();
    let (mut headers, mut ios_headers, mut first, mut counted, mut found) = (0usize, 0usize, None, 0usize, 0usize);
    for (number, (_, line)) in lines(text).enumerate() {
        let header = header(line);
        if number < 200 {
            counted += usize::from(!line.trim().is_empty());
            found += usize::from(header.is_some());
        }
        if let Some(header) = header {
            first.get_or_insert(number);
            headers += 1;
            ios_headers += usize::from(header.ios);
            dates.add(&header.stamp);
        }
    }
    let first = first?;
    if found * 3 < counted {
        return None;
    }
    let (order, assumed) = dates.order();
    let mut parsed = Parsed { messages: Vec::with_capacity(headers), ..Parsed::default() };
    parsed.limitations = vec![Limitation::OlderMessagesMayBeMissing, Limitation::EditsNotShown];
    if assumed {
        parsed.limitations.push(Limitation::DateOrderAssumed);
    }
    if first > 0 {
        parsed.limitations.push(Limitation::UnattributedLines);
    }
    let mut names = Names::default();
    for (number, (at, line)) in lines(text).enumerate() {
        match header(line) {
            Some(header) => {
                let message = message(text, &header, order, number + 1, &mut names, &mut parsed);
                parsed.messages.push(message);
            }
            // A line without a header continues the message before it, line break and all.
            None => {
                if let Some(last) = parsed.messages.last_mut() {
                    last.text.end = (at + line.len()) as u32;
                }
            }
        }
    }
    let format = if ios_headers * 2 > headers { Format::WhatsAppIos } else { Format::WhatsAppAndroid };
    Some((format, parsed))
}

/// Senders as written (with marks, `~ `), so that each raw name is cleaned once.
#[derive(Default)]
struct Names(Vec<(String, u32)>);

impl Names {
    fn get(&mut self, raw: &str, parsed: &mut Parsed) -> u32 {
        if let Some((_, known)) = self.0.iter().find(|(seen, _)| seen == raw) {
            return *known;
        }
        let index = parsed.sender(&clean_name(raw));
        self.0.push((raw.to_string(), index));
        index
    }
}

/// The message a header starts: sender and body, or a notice without a sender.
fn message(text: &str, header: &Header, order: Order, line: usize, names: &mut Names, parsed: &mut Parsed) -> Stored {
    let local_time = order.time(&header.stamp);
    let (name, body) = match header.rest.split_once(": ") {
        Some((name, body)) if plausible_name(name) => (Some(name), body),
        _ => (None, header.rest),
    };
    let marked = body.starts_with(MARKS);
    let body = body.trim_start_matches(MARKS);
    let event = match name {
        None => Some(notice(body)),
        // iOS puts the contact's name before its own notices, which start with a mark.
        Some(_) if header.ios && marked && matches(&words().notice, body) => Some(notice(body)),
        Some(_) => classify_text(body),
    };
    let notice_of_ios = header.ios && event.is_some_and(|e| matches!(e, Event::Notice | Event::DisappearingTimer));
    let sender = name.filter(|_| !notice_of_ios).map(|name| names.get(name, parsed));
    let start = offset(text, body);
    Stored { text: start..start + body.len() as u32, sender, local_time, utc: None, event, line: line as u32 }
}

/// What a line without a sender is.
fn notice(body: &str) -> Event {
    match matches(&words().disappearing, body) {
        true => Event::DisappearingTimer,
        false => Event::Notice,
    }
}

/// What a sender's body is besides text: media, view-once, deleted, a missed call (timers and
/// notices are found in [`message`], where the body's marks still show), from its first line.
fn classify_text(body: &str) -> Option<Event> {
    // Called on the header's line, so the body here is its first line.
    let first_line = body.trim_end_matches(['.', ' ']);
    let words = words();
    // A placeholder is short, or names a file: `… (file attached)`, `<attached: …>`, `… document
    // omitted`. Most messages are neither and are not folded at all.
    let short = first_line.char_indices().nth(words.longest).is_none();
    let last = first_line.chars().next_back().map(|c| c.to_lowercase().next().unwrap_or(c));
    if !short && !last.is_some_and(|c| c == '>' || words.suffix_ends.contains(&c)) {
        return None;
    }
    // A long line can only end with a suffix, or be an attachment: its end is enough.
    let end = match short || last == Some('>') {
        true => 0,
        false => first_line.char_indices().nth_back(words.longest_suffix).map_or(0, |(at, _)| at),
    };
    folded(&first_line[end..], |folded| {
        let is = |list: &[String]| short && list.iter().any(|e| e == folded);
        let media = is(&words.media.exact)
            || words.media.suffix.iter().any(|s| folded.ends_with(s.as_str()))
            || (folded.ends_with('>') && words.media.prefix.iter().any(|p| folded.starts_with(p.as_str())));
        if media {
            Some(Event::Media)
        } else if is(&words.view_once.exact) {
            Some(Event::ViewOnce)
        } else if is(&words.deleted.exact) {
            Some(Event::Deleted)
        } else if is(&words.missed_call.exact) {
            Some(Event::MissedCall)
        } else {
            None
        }
    })
}

/// `f` of the body as compared with the word lists: lower case, marks removed, no final full
/// stop. Folded into one buffer per thread, as this runs for most messages.
fn folded<T>(body: &str, f: impl FnOnce(&str) -> T) -> T {
    thread_local!(static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
    FOLDED.with_borrow_mut(|buffer| {
        buffer.clear();
        for c in body.chars().filter(|c| !MARKS.contains(c)) {
            match c.is_ascii() {
                true => buffer.push(c.to_ascii_lowercase()),
                false => buffer.extend(c.to_lowercase()),
            }
        }
        f(buffer.trim().trim_end_matches('.').trim())
    })
}

fn matches(list: &Contains, body: &str) -> bool {
    folded(body, |folded| list.contains.iter().any(|needle| folded.contains(needle.as_str())))
}

/// A name, not a sentence that happens to hold ": " (`X changed the subject from "a: b"`).
fn plausible_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 60 && !name.contains('"') && !name.contains('\u{201C}')
}

/// A name without WhatsApp's marks and the `~ ` of a non-contact on iOS.
fn clean_name(name: &str) -> String {
    let name: String = name.chars().filter(|c| !MARKS.contains(c)).collect();
    name.trim().trim_start_matches('~').trim_start_matches('\u{202F}').trim().to_string()
}

/// The header at the start of `line`, if it has one.
fn header(line: &str) -> Option<Header<'_>> {
    let mut cursor = Cursor(line.trim_start_matches(MARKS));
    let ios = cursor.eat("[");
    let mut fields = [0u32; 3];
    let mut digits = [0usize; 3];
    // Arabic exports put a right-to-left mark after each date field.
    let (first, n) = cursor.number(4)?;
    cursor.skip_marks();
    let separator = cursor.one_of(&['/', '.', '-'])?;
    let (second, m) = cursor.number(2)?;
    cursor.skip_marks();
    cursor.eat_char(separator).then_some(())?;
    let (third, k) = cursor.number(4)?;
    (fields[0], fields[1], fields[2]) = (first, second, third);
    (digits[0], digits[1], digits[2]) = (n, m, k);
    if !(cursor.eat(", ") || cursor.eat("\u{060C} ") || cursor.eat(" \u{E0} ") || cursor.eat(",") || cursor.eat(" ")) {
        return None;
    }
    let (hour, _) = cursor.number(2)?;
    let time_separator = cursor.one_of(&[':', '.'])?;
    let (minute, two) = cursor.number(2)?;
    (two == 2).then_some(())?;
    let second = match cursor.eat_char(time_separator) {
        true => cursor.number(2).filter(|(_, d)| *d == 2)?.0,
        false => 0,
    };
    let pm = cursor.meridiem();
    let rest = match ios {
        true => cursor.eat("] ").then_some(cursor.0)?,
        false => [" - ", " \u{2013} "].iter().find_map(|dash| cursor.0.strip_prefix(dash))?,
    };
    (hour <= 23 && minute <= 59 && second <= 59).then_some(())?;
    Some(Header { stamp: Stamp { fields, digits, hour, minute, second, pm }, ios, rest })
}

/// A reader over the start of a header.
struct Cursor<'a>(&'a str);

impl Cursor<'_> {
    fn eat(&mut self, prefix: &str) -> bool {
        match self.0.strip_prefix(prefix) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    fn eat_char(&mut self, c: char) -> bool {
        self.eat(c.encode_utf8(&mut [0; 4]))
    }

    fn skip_marks(&mut self) {
        self.0 = self.0.trim_start_matches(MARKS);
    }

    fn one_of(&mut self, chars: &[char]) -> Option<char> {
        let c = self.0.chars().next().filter(|c| chars.contains(c))?;
        self.0 = &self.0[c.len_utf8()..];
        Some(c)
    }

    /// A number of 1 to `max` digits (ASCII or Arabic-Indic), and how many digits it had.
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let (mut value, mut count, mut at) = (0u32, 0, 0);
        let bytes = self.0.as_bytes();
        loop {
            // Arabic-Indic digits U+0660..U+0669 are D9 A0..D9 A9 in UTF-8.
            let (digit, width) = match bytes.get(at..) {
                Some([b @ b'0'..=b'9', ..]) => (u32::from(b - b'0'), 1),
                Some([0xD9, b @ 0xA0..=0xA9, ..]) => (u32::from(b - 0xA0), 2),
                _ => break,
            };
            if count == max {
                return None;
            }
            value = value * 10 + digit;
            count += 1;
            at += width;
        }
        self.0 = &self.0[at..];
        (count > 0).then_some((value, count))
    }

    /// An optional AM/PM after a space, narrow no-break space or no-break space: `Some(true)` for
    /// PM. Reads `AM`, `pm`, `a.m.`, `p. m.`, and the Arabic `ص` and `م`.
    fn meridiem(&mut self) -> Option<bool> {
        let after_space = self.0.strip_prefix([' ', '\u{202F}', '\u{00A0}'])?;
        for (letter, pm) in [('\u{0635}', false), ('\u{0645}', true)] {
            if let Some(rest) = after_space.strip_prefix(letter) {
                self.0 = rest;
                return Some(pm);
            }
        }
        let mut letters = after_space.char_indices().filter(|(_, c)| !matches!(c, '.' | ' ' | '\u{00A0}' | '\u{202F}'));
        let (_, first) = letters.next()?;
        let (m_at, m) = letters.next()?;
        if !m.eq_ignore_ascii_case(&'m') {
            return None;
        }
        let pm = match first.to_ascii_lowercase() {
            'a' => false,
            'p' => true,
            _ => return None,
        };
        let end = m_at + m.len_utf8();
        let end = end + usize::from(after_space[end..].starts_with('.'));
        self.0 = &after_space[end..];
        Some(pm)
    }
}

/// How the three date fields are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

impl Order {
    fn time(self, stamp: &Stamp) -> Option<NaiveDateTime> {
        let [a, b, c] = stamp.fields;
        let (year, month, day) = match self {
            Order::DayMonthYear => (c, b, a),
            Order::MonthDayYear => (c, a, b),
            Order::YearMonthDay => (a, b, c),
        };
        let year_digits = if self == Order::YearMonthDay { stamp.digits[0] } else { stamp.digits[2] };
        let year = if year_digits <= 2 { 2000 + year } else { year };
        let hour = match stamp.pm {
            None => stamp.hour,
            Some(pm) => stamp.hour % 12 + if pm { 12 } else { 0 },
        };
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(hour, stamp.minute, stamp.second)
    }
}

/// What the headers' dates say about their order, gathered line by line.
#[derive(Debug, Default)]
struct DateEvidence {
    year_first: bool,
    first_over_12: bool,
    second_over_12: bool,
    /// How often the first and the second field changed from one header to the next.
    changes: [usize; 2],
    last: Option<[u32; 3]>,
}

impl DateEvidence {
    fn add(&mut self, stamp: &Stamp) {
        let fields = stamp.fields;
        self.year_first |= stamp.digits[0] == 4;
        self.first_over_12 |= fields[0] > 12;
        self.second_over_12 |= fields[1] > 12;
        if let Some(last) = self.last.replace(fields) {
            self.changes[0] += usize::from(last[0] != fields[0]);
            self.changes[1] += usize::from(last[1] != fields[1]);
        }
    }

    /// The date order of the whole file, and whether it had to be assumed (day-first, the prior
    /// for every locale Baken serves first).
    fn order(&self) -> (Order, bool) {
        if self.year_first {
            return (Order::YearMonthDay, false);
        }
        if self.first_over_12 {
            return (Order::DayMonthYear, false);
        }
        if self.second_over_12 {
            return (Order::MonthDayYear, false);
        }
        // The day changes more often than the month; one change more is no evidence.
        let [first, second] = self.changes;
        if first > second + 1 {
            (Order::DayMonthYear, false)
        } else if second > first + 1 {
            (Order::MonthDayYear, false)
        } else {
            (Order::DayMonthYear, true)
        }
    }
}

/// The word lists of `content/chat/whatsapp.toml`.
#[derive(Debug, Default, Deserialize)]
struct Words {
    media: Media,
    view_once: Exact,
    deleted: Exact,
    missed_call: Exact,
    disappearing: Contains,
    notice: Contains,
    /// The longest whole-body entry and the longest suffix, in characters, with room for marks,
    /// and the last characters of the suffixes (set after loading).
    #[serde(skip)]
    longest: usize,
    #[serde(skip)]
    longest_suffix: usize,
    #[serde(skip)]
    suffix_ends: Vec<char>,
}

#[derive(Debug, Default, Deserialize)]
struct Media {
    exact: Vec<String>,
    suffix: Vec<String>,
    prefix: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Exact {
    exact: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Contains {
    contains: Vec<String>,
}

const WORDS_FILE: &str = "chat/whatsapp.toml";

/// The bundled word lists; empty lists if the file is broken (the lint reports it).
fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| load_words().unwrap_or_default())
}

fn load_words() -> Result<Words, String> {
    let text = crate::content::file(WORDS_FILE).ok_or_else(|| format!("{WORDS_FILE} is missing"))?;
    let mut words: Words = crate::content::read(text).map_err(|e| format!("{WORDS_FILE}: {e}"))?;
    let exact = [&words.media.exact, &words.view_once.exact, &words.deleted.exact, &words.missed_call.exact];
    let chars = |entry: &String| entry.chars().count() + 4;
    words.longest = exact.into_iter().flatten().map(chars).max().unwrap_or(0);
    words.longest_suffix = words.media.suffix.iter().map(chars).max().unwrap_or(0);
    words.suffix_ends = words.media.suffix.iter().filter_map(|s| s.chars().next_back()).collect();
    Ok(words)
}

/// Checks the bundled word lists: they parse, and every entry is already folded.
pub(crate) fn lint(issues: &mut Vec<crate::content::LintIssue>) {
    let issue = |message: String| crate::content::LintIssue { file: WORDS_FILE.to_string(), message };
    match load_words() {
        Err(e) => issues.push(issue(e)),
        Ok(words) => {
            let lists = [
                &words.media.exact,
                &words.media.suffix,
                &words.media.prefix,
                &words.view_once.exact,
                &words.deleted.exact,
                &words.missed_call.exact,
                &words.disappearing.contains,
                &words.notice.contains,
            ];
            for entry in lists.into_iter().flatten() {
                if entry.to_lowercase() != *entry || entry.trim() != entry || entry.is_empty() {
                    issues.push(issue(format!("\"{entry}\" must be lower case and trimmed")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_many_locales_are_read() {
        let cases = [
            ("18-03-2022 14:56 - Dmitry S: Hello", [18, 3, 2022], (14, 56, 0), None, false),
            ("18/03/2022, 14:56 - Dmitry S: Hello", [18, 3, 2022], (14, 56, 0), None, false),
            ("2/4/23, 10:35\u{202F}PM - Person 1: Got it", [2, 4, 23], (10, 35, 0), Some(true), false),
            ("28/3/2025, 9:29\u{00A0}p.\u{00A0}m. - user1: hola", [28, 3, 2025], (9, 29, 0), Some(true), false),
            ("03.08.21, 12:30 - Chris: Hallo", [3, 8, 21], (12, 30, 0), None, false),
            ("2024/12/01, 10:04 pm - Ana: oi", [2024, 12, 1], (10, 4, 0), Some(true), false),
            ("[3/27/22, 21:41:35] Dmitry S: Hello World", [3, 27, 22], (21, 41, 35), None, true),
            ("\u{200E}[02-05-2022 16:21:32] c1: \u{200E}afbeelding weggelaten", [2, 5, 2022], (16, 21, 32), None, true),
            ("[07.03.26, 21:22:39] Chris: Hey", [7, 3, 26], (21, 22, 39), None, true),
            (
                "\u{0661}\u{0668}/\u{0660}\u{0663}/\u{0662}\u{0660}\u{0662}\u{0662}\u{060C} \u{0661}\u{0664}:\u{0665}\u{0666} - Ali: مرحبا",
                [18, 3, 2022],
                (14, 56, 0),
                None,
                false,
            ),
            (
                "\u{0662}\u{0664}\u{200F}/\u{0664}\u{200F}/\u{0662}\u{0660}\u{0662}\u{0662}\u{060C} \u{0662}:\u{0660}\u{0667} \u{0645} - Ali: مرحبا",
                [24, 4, 2022],
                (2, 7, 0),
                Some(true),
                false,
            ),
            ("26/09/2019 \u{E0} 22:39 - L\u{E9}a: Salut", [26, 9, 2019], (22, 39, 0), None, false),
            ("[5.05.2017 18:01:54] Bora: Selam", [5, 5, 2017], (18, 1, 54), None, true),
        ];
        for (line, fields, (hour, minute, second), pm, ios) in cases {
            let header = header(line).unwrap_or_else(|| panic!("not a header: {line}"));
            assert_eq!(
                (header.stamp.fields, header.stamp.hour, header.stamp.minute, header.stamp.second, header.stamp.pm, header.ios),
                (fields, hour, minute, second, pm, ios),
                "{line}"
            );
        }
        for not_a_header in [
            "hello 12/01",
            "18-03-2022 14:56 Dmitry: no dash",
            "12/01/2024 is when we met",
            "99/99/9999, 99:99 - x: y",
            "[3/27/22, 21:41:35 Dmitry: no bracket",
        ] {
            assert_eq!(header(not_a_header), None, "{not_a_header}");
        }
    }

    #[test]
    fn placeholders_are_found_short_or_long_and_messages_are_left_alone() {
        let cases = [
            ("<Media omitted>", Some(Event::Media)),
            ("\u{200E}Afbeelding weggelaten", Some(Event::Media)),
            ("Resume-Dmitry-Starkov.pdf \u{2022} 2 pages document manquant", Some(Event::Media)),
            ("IMG-20220320-WA0001.jpg (bestand bijgevoegd)", Some(Event::Media)),
            ("<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>", Some(Event::Media)),
            ("Dit bericht is verwijderd.", Some(Event::Deleted)),
            ("null", Some(Event::ViewOnce)),
            ("ok", None),
            ("a long message that says image omitted and null and <Media omitted> in the middle of it", None),
            ("this message was deleted, she said, but it was never deleted at all", None),
        ];
        for (body, event) in cases {
            assert_eq!(classify_text(body), event, "{body}");
        }
    }

    #[test]
    fn twelve_am_is_midnight_and_twelve_pm_is_noon() {
        let at = |line: &str| Order::MonthDayYear.time(&header(line).unwrap().stamp).unwrap().format("%H:%M").to_string();
        assert_eq!(at("1/2/23, 12:05 AM - a: b"), "00:05");
        assert_eq!(at("1/2/23, 12:05 PM - a: b"), "12:05");
        assert_eq!(at("1/2/23, 1:05 PM - a: b"), "13:05");
    }

    #[test]
    fn the_date_order_is_decided_over_the_whole_file() {
        let date_order = |lines: &[&str]| {
            let mut dates = DateEvidence::default();
            lines.iter().for_each(|l| dates.add(&header(l).unwrap().stamp));
            dates.order()
        };
        assert_eq!(date_order(&["01/02/2023, 10:00 - a: b", "13/02/2023, 10:00 - a: b"]), (Order::DayMonthYear, false));
        assert_eq!(date_order(&["01/02/2023, 10:00 - a: b", "02/13/2023, 10:00 - a: b"]), (Order::MonthDayYear, false));
        assert_eq!(date_order(&["2023/02/01, 10:00 - a: b"]), (Order::YearMonthDay, false));
        assert_eq!(date_order(&["01/02/2023, 10:00 - a: b", "02/02/2023, 10:00 - a: b", "03/02/2023, 10:00 - a: b"]), (Order::DayMonthYear, false));
        assert_eq!(date_order(&["01/02/2023, 10:00 - a: b"]), (Order::DayMonthYear, true), "one date: assumed, and said so");
    }
}
