//! Normalises chat text the way evasive chat looks, keeping a map back to the original bytes.
//!
//! The result is plain ASCII: lower-case letters, digits, single spaces and newlines. On the way:
//! case and diacritics are folded (`É` → `e`, `ß` → `ss`, fancy-font and full-width letters,
//! look-alike Cyrillic and Greek letters); zero-width, direction and joiner marks vanish; emoji
//! that stand for words become those words (from the language's rules); separators inside words
//! are removed (`s.n.a.p`, `n u d e s`, `don't`); leetspeak is read (`n00dz`, `s3nd`, `ca$h`);
//! and runs of one letter shrink to a single letter (`pleeease` → `please`, `good` → `god`: rules
//! are squeezed the same way, see [`squeeze_pattern`]). Every normalised byte remembers the
//! original bytes it came from, so a match maps back to a span of the original text.
//!
//! Lines are normalised independently of each other. Most take a single pass (`one_pass`); a line
//! with something to join or read as leetspeak takes four: fold, join, read leetspeak, squeeze.

mod one_pass;
mod table;
mod units;

use table::{class, fold_char_units, ASCII_FOLD, LETTER, OTHER, TOKEN, WORD};
pub use units::EmojiWords;
use units::{offset, NoSpans, SpanMap, Spans, Units, REMOVED};

use std::ops::Range;

/// Normalised text plus, for every byte of it, the original bytes it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    units: Units<Spans>,
}

impl Normalized {
    /// The normalised text: ASCII lower-case letters, digits, single spaces and newlines.
    pub fn text(&self) -> &str {
        // Only ASCII is ever pushed, so this never falls back to the empty text.
        std::str::from_utf8(&self.units.bytes).unwrap_or_default()
    }

    /// The normalised text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.units.bytes
    }

    /// The span of the original text that produced `range` of the normalised text, leaving out
    /// spaces at either end; `None` for an empty, all-space or out-of-bounds range.
    pub fn original_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        let Units { bytes, spans: Spans { starts, ends } } = &self.units;
        let bytes = bytes.get(range.clone())?;
        let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
        let last = bytes.iter().rposition(|b| !b.is_ascii_whitespace())?;
        Some(starts[range.start + first] as usize..ends[range.start + last] as usize)
    }
}

/// Normalises `text`, reading emoji with `emoji`.
pub fn normalize(text: &str, emoji: &EmojiWords) -> Normalized {
    let mut out = Normalized::default();
    Normalizer::default().normalize_into(text, emoji, &mut out);
    out
}

/// Applies to a rule pattern the letter squeeze the text gets: a run of one ASCII letter becomes
/// one letter, outside escapes (`\b`, `\s`...), so rules are written in normal spelling.
pub fn squeeze_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    let mut previous = None;
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(c);
            out.extend(chars.next());
            previous = None;
        } else if c.is_ascii_lowercase() && previous == Some(c) {
            continue;
        } else {
            out.push(c);
            previous = Some(c);
        }
    }
    out
}

/// A normaliser with reusable work buffers, for normalising many messages quickly.
#[derive(Debug, Default)]
pub struct Normalizer {
    spanned: Lines<Spans>,
    plain: Lines<NoSpans>,
}

impl Normalizer {
    /// Normalises `text` into `out` (cleared first), reading emoji with `emoji`.
    pub fn normalize_into(&mut self, text: &str, emoji: &EmojiWords, out: &mut Normalized) {
        self.spanned.normalize(text, emoji, &mut out.units);
    }

    /// Only the normalised text of `text`, into `out` (cleared first), without the map back to
    /// the original: faster, for searching. It is the same text [`Normalizer::normalize_into`]
    /// gives.
    pub fn normalize_text_into(&mut self, text: &str, emoji: &EmojiWords, out: &mut Vec<u8>) {
        let mut units = Units { bytes: std::mem::take(out), spans: NoSpans };
        self.plain.normalize(text, emoji, &mut units);
        *out = units.bytes;
    }
}

/// Normalises text line by line: lines normalise independently of each other. Most take one
/// pass ([`one_pass`]); the others the four passes, with the buffers kept here: one unit per
/// byte of output before the last pass, and the line's output.
#[derive(Debug, Default)]
struct Lines<S> {
    work: Units<S>,
    line: Units<S>,
}

impl<S: SpanMap> Lines<S> {
    /// Normalises `text` into `out` (cleared first).
    fn normalize(&mut self, text: &str, emoji: &EmojiWords, out: &mut Units<S>) {
        out.clear();
        let mut start = 0;
        loop {
            let end = one_pass::normalize_line(text, start, emoji, out).unwrap_or_else(|| {
                let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |newline| start + newline);
                run_passes(&mut self.work, &text[start..end], emoji, &mut self.line);
                out.bytes.extend_from_slice(&self.line.bytes);
                out.spans.extend_shifted(&self.line.spans, offset(start));
                end
            });
            if end == text.len() {
                break;
            }
            out.push(b'\n', offset(end), offset(end + 1));
            start = end + 1;
        }
    }
}

/// Normalises `text` in four passes only, never one: to compare the two ways in tests and fuzzing.
#[cfg(any(test, fuzzing))]
pub fn normalize_in_four_passes(text: &str, emoji: &EmojiWords) -> Normalized {
    let mut out = Normalized::default();
    run_passes(&mut Units::default(), text, emoji, &mut out.units);
    out
}

/// Normalises `text` into `out`, with `work` as the buffer between passes.
fn run_passes<S: SpanMap>(work: &mut Units<S>, text: &str, emoji: &EmojiWords, out: &mut Units<S>) {
    work.clear();
    fold(work, text, emoji);
    join_spelled_out(&mut work.bytes);
    read_leetspeak(&mut work.bytes);
    squeeze(work, out);
}

/// Pass 1: one unit per output byte, case and diacritics folded, emoji read as words.
fn fold<S: SpanMap>(units: &mut Units<S>, text: &str, emoji: &EmojiWords) {
    let mut i = 0;
    while i < text.len() {
        let ascii = fold_ascii(&text.as_bytes()[i..], &mut units.bytes);
        units.spans.push_bytes(i, i + ascii);
        i += ascii;
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let (start, end) = (offset(i), offset(i + c.len_utf8()));
        i += c.len_utf8();
        fold_char_units(c, emoji, |byte| {
            units.push(byte, start, end);
            Some(())
        });
    }
}

/// Folds the ASCII at the start of `text` into `out` and gives its length: eight bytes at a time
/// where only upper case needs folding, else by table.
fn fold_ascii(text: &[u8], out: &mut Vec<u8>) -> usize {
    let fold = |bytes: &[u8], out: &mut Vec<u8>| out.extend(bytes.iter().map(|&b| ASCII_FOLD[usize::from(b)]));
    let mut done = 0;
    for block in text.chunks_exact(8) {
        let x = lanes::load(block);
        if x & lanes::HIGH != 0 {
            break;
        }
        let special = (lanes::below(x, b' ') & !lanes::equal(x, b'\n')) | lanes::equal(x, b'`') | lanes::equal(x, 0x7F);
        if special == 0 {
            out.extend_from_slice(&(x | lanes::between(x, b'A', b'Z') >> 2).to_le_bytes());
        } else {
            fold(block, out);
        }
        done += 8;
    }
    let tail = text[done..].iter().take_while(|b| b.is_ascii()).count();
    fold(&text[done..done + tail], out);
    done + tail
}

/// Pass 4: writes the output: other symbols become one space, runs of a letter one letter.
fn squeeze<S: SpanMap>(work: &Units<S>, out: &mut Units<S>) {
    out.clear();
    let bytes = &work.bytes;
    let mut i = 0;
    while i < bytes.len() {
        let Some(block) = bytes.get(i..i + 8) else {
            out.emit_from(work, i);
            i += 1;
            continue;
        };
        // Eight bytes at a time. Which of them stay as they are is found for the whole block,
        // each byte compared with the one before it; that is what comparing with the last byte
        // written gives, until a removed byte. The others go one at a time.
        let x = lanes::load(block);
        let copied = copied_lanes(x, out.bytes.last().copied().unwrap_or(REMOVED));
        let mut lane = 0;
        while lane < 8 {
            let run = lanes::first(!copied >> (8 * lane) & lanes::HIGH).min(8 - lane);
            // Writing all the bytes left in the block and cutting back is cheaper than copying a
            // short run.
            let written = out.bytes.len();
            out.bytes.extend_from_slice(&(x >> (8 * lane)).to_le_bytes());
            out.bytes.truncate(written + run);
            out.spans.extend_from(&work.spans, i + lane..i + lane + run);
            lane += run;
            if lane == 8 {
                break;
            }
            out.emit_from(work, i + lane);
            lane += 1;
            if bytes[i + lane - 1] == REMOVED {
                break;
            }
        }
        i += lane;
    }
    out.trim_space();
}

/// The lanes of `x` that stay as they are, each after the lane before it (the first after
/// `last`): letters that differ from the one before, digits, and spaces after a letter or digit.
fn copied_lanes(x: u64, last: u8) -> u64 {
    let before = x << 8 | u64::from(last);
    let letters = lanes::between(x, b'a', b'z');
    (letters & !lanes::equal_lanes(x, before)) | lanes::between(x, b'0', b'9') | (lanes::equal(x, b' ') & lanes::words(before))
}

fn is_word_byte(b: u8) -> bool {
    class(b) & WORD != 0
}

/// Whether `units` has a letter or digit at `i` (not past the end).
fn word_at(units: &[u8], i: usize) -> bool {
    units.get(i).copied().is_some_and(is_word_byte)
}

/// Separators that may sit between the letters of a spelled-out word.
fn is_spelling_separator(b: u8) -> bool {
    matches!(b, b' ' | b'.' | b'-' | b'_' | b'*' | b'/' | b'|' | b',' | b'+' | b'~' | b':' | b'\'')
}

/// Pass 2: removes separators inside words. Apostrophes between letters go (`don't` → `dont`).
/// A chain of single letters or digits joined by one kind of single separator becomes one word: at least
/// two with punctuation (`m.e`, `s.n.a.p`), four with spaces only (`n u d e`), and at least
/// two letters among them.
fn join_spelled_out(units: &mut [u8]) {
    let n = units.len();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\'', &units[from..]) {
        let i = from + found;
        if i > 0 && i + 1 < n && units[i - 1].is_ascii_lowercase() && units[i + 1].is_ascii_lowercase() {
            units[i] = REMOVED;
        }
        from = i + 1;
    }
    let single = |units: &[u8], i: usize| word_at(units, i) && (i == 0 || !word_at(units, i - 1)) && !word_at(units, i + 1);
    // A chain starts where a single is followed by a separator and another single.
    let mut from = 0;
    while let Some(i) = next_singles_pair(units, from) {
        if !single(units, i) || !units.get(i + 1).copied().is_some_and(is_spelling_separator) {
            from = i + 1;
            continue;
        }
        // Follow the chain: single, separator, single, ... with one kind of separator, so
        // `s.e.n.d m.e` stays two words.
        let separator = units[i + 1];
        let (mut last, mut length, mut letters) = (i, 1, usize::from(units[i].is_ascii_lowercase()));
        while last + 2 < n && units[last + 1] == separator && single(units, last + 2) {
            last += 2;
            length += 1;
            letters += usize::from(units[last].is_ascii_lowercase());
        }
        let needed = if separator == b' ' { 4 } else { 2 };
        if length >= needed && letters >= 2 {
            for k in (i + 1..last).step_by(2) {
                units[k] = REMOVED;
            }
            from = last + 1;
        } else {
            from = i + 1;
        }
    }
}

/// The first position at or after `from` of a letter or digit, another byte, a letter or digit,
/// and another byte (or the end): where a chain of single letters may start. Eight positions at
/// a time (looking into the next eight bytes), then one at a time.
fn next_singles_pair(units: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    if let Some(block) = units.get(at..at + 8) {
        let mut words = lanes::words(lanes::load(block));
        while let Some(block) = units.get(at + 8..at + 16) {
            let next = lanes::words(lanes::load(block));
            // For each lane, the lane `k` places further on.
            let ahead = |k: u32| words >> (8 * k) | next << (64 - 8 * k);
            let pairs = words & !ahead(1) & ahead(2) & !ahead(3);
            if pairs != 0 {
                return Some(at + lanes::first(pairs));
            }
            (at, words) = (at + 8, next);
        }
    }
    (at..units.len()).find(|&i| word_at(units, i) && !word_at(units, i + 1) && word_at(units, i + 2) && !word_at(units, i + 3))
}

fn leet_letter(b: u8) -> Option<u8> {
    Some(match b {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        b'8' => b'b',
        b'9' => b'g',
        _ => return None,
    })
}

/// Pass 3: reads leetspeak inside words that have letters: digits (except a leading number and a
/// trailing number of two or more digits, as in `14jr`, `meisje15`), `@` after a letter, `$`
/// before a letter, `!` between letters.
fn read_leetspeak(units: &mut [u8]) {
    let mut from = 0;
    while let Some(at) = next_other(units, from) {
        let start = units[..at].iter().rposition(|&b| class(b) & TOKEN == 0).map_or(0, |p| p + 1);
        let end = units[at..].iter().position(|&b| class(b) & TOKEN == 0).map_or(units.len(), |p| at + p);
        if units[start..end].iter().any(|&b| class(b) & LETTER != 0) {
            read_token(&mut units[start..end]);
        }
        from = end;
    }
}

/// The first digit, `@`, `$` or `!` at or after `from`: eight bytes at a time, then one at a
/// time.
fn next_other(units: &[u8], from: usize) -> Option<usize> {
    let rest = &units[from..];
    let skipped = 8 * rest.chunks_exact(8).take_while(|block| lanes::others(lanes::load(block)) == 0).count();
    rest[skipped..].iter().position(|&b| class(b) & OTHER != 0).map(|p| from + skipped + p)
}

/// Reads the leetspeak in one token of letters mixed with digits or symbols.
fn read_token(units: &mut [u8]) {
    // Removed bytes are skipped: `before` and `after` are the neighbours that remain, as they
    // were before this token was read.
    let kept = || units.iter().copied().filter(|&b| b != REMOVED);
    let remaining = kept().count();
    // A leading number stays (`14jr`), but not a leading zero (`0nly`).
    let lead = match kept().take_while(u8::is_ascii_digit).count() {
        1 if kept().next() == Some(b'0') => 0,
        lead => lead,
    };
    let trail = kept().rev().take_while(u8::is_ascii_digit).count();
    let keep_until = if trail >= 2 { remaining - trail } else { remaining };
    let (mut pos, mut before) = (0, None);
    for k in 0..units.len() {
        let b = units[k];
        if b == REMOVED {
            continue;
        }
        let after = units[k + 1..].iter().copied().find(|&b| b != REMOVED);
        let letter_before = before.is_some_and(|b: u8| b.is_ascii_lowercase());
        let letter_after = after.is_some_and(|b| b.is_ascii_lowercase());
        let read = match b {
            b'0'..=b'9' if pos >= lead && pos < keep_until => leet_letter(b),
            b'@' if letter_before => Some(b'a'),
            b'$' if letter_after => Some(b's'),
            b'!' if letter_before && letter_after => Some(b'i'),
            _ => None,
        };
        if let Some(letter) = read {
            units[k] = letter;
        }
        (pos, before) = (pos + 1, Some(b));
    }
}

/// Eight bytes at once, one lane per byte, for skipping plain text quickly. Every byte tested
/// is ASCII (below 0x80), so no sum carries into the next lane. A test gives each lane where it
/// holds its high bit.
pub(super) mod lanes {
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// Every lane holds.
    pub(in crate::check) const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The first eight bytes of `bytes`, the first in the lowest lane.
    pub(in crate::check) fn load(bytes: &[u8]) -> u64 {
        let mut block = [0; 8];
        block.copy_from_slice(&bytes[..8]);
        u64::from_le_bytes(block)
    }

    /// The index of the first lane that holds in `lanes` (8 when none does).
    pub(super) fn first(lanes: u64) -> usize {
        lanes.trailing_zeros() as usize / 8
    }

    /// Lanes below `b` (at most 0x80).
    pub(super) fn below(x: u64, b: u8) -> u64 {
        !x.wrapping_add(ONES * u64::from(0x80 - b)) & HIGH
    }

    /// Lanes in `low..=high` (`high` below 0x80).
    pub(super) fn between(x: u64, low: u8, high: u8) -> u64 {
        !below(x, low) & below(x, high + 1)
    }

    /// Lanes equal to `b` (below 0x80).
    pub(super) fn equal(x: u64, b: u8) -> u64 {
        equal_lanes(x, ONES * u64::from(b))
    }

    /// Lanes where `x` and `y` are equal.
    pub(super) fn equal_lanes(x: u64, y: u64) -> u64 {
        !((x ^ y).wrapping_add(ONES * 0x7F)) & HIGH
    }

    /// Lanes with a letter or digit.
    pub(super) fn words(x: u64) -> u64 {
        between(x, b'a', b'z') | between(x, b'0', b'9')
    }

    /// One bit per lane that holds in `lanes`, in reading order: the first lane in bit 7, the
    /// last in bit 0.
    pub(super) fn bits_in_order(lanes: u64) -> u32 {
        // The multiplier gathers each lane's bit into the top byte, without carries.
        ((lanes >> 7).wrapping_mul(0x8040_2010_0804_0201) >> 56) as u32
    }

    /// Lanes with a byte that may be leetspeak: a digit, `@`, `$` or `!`.
    pub(super) fn others(x: u64) -> u64 {
        // All lie in `!..=@`, where plain words and spaces never are: one test rules most out.
        if between(x, b'!', b'@') == 0 {
            return 0;
        }
        between(x, b'0', b'9') | equal(x, b'@') | equal(x, b'$') | equal(x, b'!')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text, &EmojiWords::default()).text().to_string()
    }

    fn emoji() -> EmojiWords {
        EmojiWords::new([('📸', "photo".to_string()), ('🤫', "secret".to_string())])
    }

    /// The original text behind the first occurrence of `needle` in the normalised text.
    fn original<'a>(text: &'a str, needle: &str) -> &'a str {
        let n = normalize(text, &emoji());
        let at = n.text().find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text()));
        &text[n.original_span(at..at + needle.len()).expect("span")]
    }

    #[test]
    fn folds_case_diacritics_and_fancy_letters() {
        assert_eq!(norm("HÉ Jöü ÇA"), "he jou ca");
        assert_eq!(norm("Straße Æsop œuvre"), "strase aesop oeuvre");
        assert_eq!(norm("ｓｅｎｄ 𝐧𝐮𝐝𝐞𝐬 ⓟⓘⓒ"), "send nudes pic");
        // Cyrillic е and о inside a Latin word.
        assert_eq!(norm("s\u{0435}nd ph\u{043E}to"), "send photo");
        // Decomposed diacritics.
        assert_eq!(norm("e\u{0301}e\u{0301}n"), "en");
    }

    #[test]
    fn drops_invisible_marks() {
        assert_eq!(norm("s\u{200B}e\u{200D}n\u{200E}d\u{FEFF} n\u{00AD}udes\u{202E}"), "send nudes");
    }

    #[test]
    fn reads_leetspeak_but_keeps_numbers() {
        assert_eq!(norm("s3nd n00dz pl34se h0t ca$h n@ked"), "send nodz please hot cash naked");
        assert_eq!(norm("ik ben 14jr, meisje15 en 2 foto's"), "ik ben 14jr meisje15 en 2 fotos");
        assert_eq!(norm("pay $500 now!!"), "pay dolar 500 now");
    }

    #[test]
    fn squeezes_stretched_letters() {
        assert_eq!(norm("pleeeease sooo cuuute"), "please so cute");
        assert_eq!(squeeze_pattern(r"\bkeep\s+(it|this)\s+secret\b"), r"\bkep\s+(it|this)\s+secret\b");
        assert_eq!(squeeze_pattern(r"\bb"), r"\bb");
    }

    #[test]
    fn joins_separated_letters() {
        assert_eq!(norm("add me on s.n.a.p"), "ad me on snap");
        assert_eq!(norm("s.e.n.d m.e a p.i.c"), "send me a pic");
        assert_eq!(norm("send n u d e s"), "send nudes");
        assert_eq!(norm("s-3-n-d"), "send");
        assert_eq!(norm("s 3 n d  m e  n u d e s"), "send m e nudes");
        assert_eq!(norm("u 0we me"), "u owe me");
        assert_eq!(norm("don't tell, it's ok"), "dont tel its ok");
        // Short chains of ordinary one-letter words stay apart.
        assert_eq!(norm("r u ok? i m a"), "r u ok i m a");
    }

    #[test]
    fn emoji_become_words() {
        assert_eq!(normalize("stuur 📸🤫", &emoji()).text(), "stur photo secret");
        assert_eq!(norm("hi 😀 there"), "hi there");
    }

    #[test]
    fn keeps_lines_and_single_spaces() {
        assert_eq!(norm("  hi \t there \r\n  second   line  "), "hi there\nsecond line");
    }

    #[test]
    fn spans_land_on_the_original_text() {
        assert_eq!(original("Hé, SÉÉÉND me a 📸 nów", "send"), "SÉÉÉND");
        assert_eq!(original("ok 🙂 s.n.a.p?", "snap"), "s.n.a.p");
        assert_eq!(original("ok 🙂 send 📸 🤫", "photo secret"), "📸 🤫");
        assert_eq!(original("wil je n\u{200B}00dz", "nodz"), "n\u{200B}00dz");
        assert_eq!(original("Stuur 𝐧𝐮𝐝𝐞𝐬!", "nudes"), "𝐧𝐮𝐝𝐞𝐬");
    }

    #[test]
    fn every_span_is_on_char_boundaries() {
        let text = "ĲsŒ 🤫🏽 é\u{301} ß 👨‍👩‍👧 ｘ 𝟗 a.b.c.d";
        let n = normalize(text, &emoji());
        for start in 0..n.as_bytes().len() {
            for end in start + 1..=n.as_bytes().len() {
                if let Some(span) = n.original_span(start..end) {
                    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                    assert!(span.start < span.end && span.end <= text.len());
                }
            }
        }
        assert_eq!(n.original_span(0..0), None);
        assert_eq!(n.original_span(0..10_000), None);
    }

    /// Pieces that exercise every pass.
    const MIXED_PIECES: &[&str] = &[
        "a", "b", "e", "s", "n", "o", "x", "A", "S", "0", "1", "3", "7", "@", "$", "!", " ", " ", ".", "-", "'", "`", "\n", "\r", "\t", ",", "?", "é", "ß",
        "📸", "🤫", "😀", "\u{200B}", "ｓ", "𝐧", "ee", "ll", " u ", " i ", "\u{7f}",
    ];

    /// Pieces of chat: words in upper and lower case, stretched, with apostrophes, numbers,
    /// punctuation, emoji and spelled-out words between them.
    const CHAT_PIECES: &[&str] = &[
        "hey ",
        "What's ",
        "don't ",
        "I'll ",
        "you ",
        "SEND ",
        "me ",
        "a ",
        "pic ",
        "pleeease ",
        "soooo ",
        "good ",
        "add",
        "ed ",
        "u ",
        "r ",
        "i ",
        "!!",
        "?",
        ", ",
        ". ",
        "...",
        " ",
        "  ",
        "\t",
        "\r",
        "7 ",
        "200 ",
        "14jr ",
        "meisje15 ",
        "n00dz ",
        "s.n.a.p ",
        "n u d e s ",
        "m@t ",
        "p!c ",
        "$ex ",
        "$5 ",
        "é",
        "ß",
        "📸",
        "🤫",
        "😂",
        "\u{200B}",
        "ｓ",
        "’",
        "`",
        "-",
        "_",
        "(x)",
        "\n",
    ];

    /// Texts made of pieces that exercise every pass, in many orders and lengths.
    fn mixed_texts() -> impl Iterator<Item = String> {
        texts_of(MIXED_PIECES, 48)
    }

    /// 20,000 texts of fewer than `most` pieces from `pieces`, in many orders and lengths.
    fn texts_of(pieces: &'static [&'static str], most: usize) -> impl Iterator<Item = String> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        (0..20_000).map(move |_| {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as usize
            };
            (0..next() % most).map(|_| pieces[next() % pieces.len()]).collect()
        })
    }

    fn four_passes(text: &str) -> Units<Spans> {
        normalize_in_four_passes(text, &emoji()).units
    }

    #[test]
    fn one_pass_gives_the_same_text_and_spans_as_four() {
        let mut in_one_pass = 0;
        let texts = texts_of(CHAT_PIECES, 24).chain(mixed_texts());
        let lines: Vec<String> = texts.flat_map(|text| text.split('\n').map(String::from).collect::<Vec<_>>()).collect();
        for line in &lines {
            let mut one = Units::<Spans>::default();
            if let Some(end) = one_pass::normalize_line(line, 0, &emoji(), &mut one) {
                assert_eq!((end, &one), (line.len(), &four_passes(line)), "{line:?}");
                in_one_pass += 1;
            } else {
                assert_eq!(one, Units::default(), "{line:?}: a line given up on leaves nothing behind");
            }
        }
        // Both ways are well exercised (about 17,000 lines of 57,000 take one pass).
        assert!(in_one_pass > 5_000 && lines.len() - in_one_pass > 5_000, "{in_one_pass} of {} lines in one pass", lines.len());
    }

    #[test]
    fn one_pass_does_plain_chat_and_leaves_the_rest_to_the_passes() {
        let plain = ["Hey, what's up?? Sooo goood 😂", "I'll be there at 7, OK!!", "don't tell mom about the surprise party on saturday!!", "ik ben 14 jr", ""];
        for line in plain {
            let mut one = Units::<Spans>::default();
            assert_eq!(one_pass::normalize_line(line, 0, &emoji(), &mut one), Some(line.len()), "{line:?}");
            assert_eq!(one, four_passes(line), "{line:?}");
        }
        for line in ["add me on s.n.a.p", "send n u d e s", "s3nd n00dz", "u r", "hot m@t", "p!c", "pay $5", "ik ben 14jr"] {
            let mut one = four_passes("kept");
            assert_eq!(one_pass::normalize_line(line, 0, &emoji(), &mut one), None, "{line:?}");
            assert_eq!(one, four_passes("kept"), "{line:?}");
        }
    }

    #[test]
    fn text_with_and_without_spans_is_what_four_passes_give() {
        let (mut normalizer, mut spanned, mut text) = (Normalizer::default(), Normalized::default(), Vec::new());
        for input in mixed_texts().chain(texts_of(CHAT_PIECES, 48)) {
            normalizer.normalize_into(&input, &emoji(), &mut spanned);
            normalizer.normalize_text_into(&input, &emoji(), &mut text);
            assert_eq!(text, spanned.as_bytes(), "{input:?}");
            assert_eq!(spanned.units, four_passes(&input), "{input:?}");
        }
    }

    #[test]
    fn lines_normalise_as_they_do_alone() {
        let mut normalizer = Normalizer::default();
        let mut text = Vec::new();
        let inputs: Vec<String> = mixed_texts().take(2_000).collect();
        let whole = inputs.join("\n");
        normalizer.normalize_text_into(&whole, &emoji(), &mut text);
        let alone: Vec<String> = whole.split('\n').map(|line| normalize(line, &emoji()).text().to_string()).collect();
        assert_eq!(String::from_utf8(text).expect("ASCII"), alone.join("\n"));
    }

    #[test]
    fn lane_tests_agree_with_byte_tests() {
        type LaneTest = (&'static str, fn(u64) -> u64, fn(u8) -> bool);
        let scalar: [LaneTest; 5] = [
            ("below space", |x| lanes::below(x, b' '), |b| b < b' '),
            ("letters", |x| lanes::between(x, b'a', b'z'), |b| b.is_ascii_lowercase()),
            ("equal 0x7f", |x| lanes::equal(x, 0x7F), |b| b == 0x7F),
            ("words", lanes::words, |b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            ("others", lanes::others, |b| b.is_ascii_digit() || b"@$!".contains(&b)),
        ];
        for (name, lanes_test, byte_test) in scalar {
            for b in 0..0x80u8 {
                for lane in 0..8 {
                    // The byte in one lane, neighbours that differ from it around it.
                    let mut block = [b.wrapping_add(1) & 0x7F; 8];
                    block[lane] = b;
                    let found = lanes_test(u64::from_le_bytes(block)) >> (8 * lane) & 0x80 != 0;
                    assert_eq!(found, byte_test(b), "{name}: byte {b:#x} in lane {lane}");
                }
            }
        }
        for mask in 0..=u8::MAX {
            let spread = (0..8).filter(|lane| mask >> lane & 1 != 0).fold(0, |lanes, lane| lanes | 0x80 << (8 * lane));
            assert_eq!(lanes::bits_in_order(spread), u32::from(mask.reverse_bits()));
        }
        assert_eq!(lanes::first(0), 8);
        assert_eq!(lanes::first(0x80 << 24), 3);
        assert_eq!(lanes::equal_lanes(u64::from_le_bytes(*b"abcdefgh"), u64::from_le_bytes(*b"abXdeYgh")), 0x8080_0080_8000_8080);
    }
}
