//! Normalisation of a line in one pass. Most chat lines need only folding and squeezing, which
//! this pass does eight bytes at a time. It gives up on a line where the other passes might change
//! something (single letters that a separator may join, leetspeak, `$`), and that line goes
//! through the four passes instead, so the text and its spans are always the same.

use super::{class, fold_char_units, lanes, offset, EmojiWords, SpanMap, Units, ASCII_FOLD, LETTER, REMOVED, TOKEN, WORD};

/// Normalises the line of `text` that starts at `start` onto the end of `out`, and gives where
/// the line ends (at a newline or at the end of `text`); `None`, with `out` as it was, when the
/// line needs the four passes.
pub(super) fn normalize_line<S: SpanMap>(text: &str, start: usize, emoji: &EmojiWords, out: &mut Units<S>) -> Option<usize> {
    let written = out.bytes.len();
    let end = OnePass::default().line(out, text, start, emoji);
    if end.is_none() {
        out.truncate(written);
    }
    end
}

/// Whether each of five units in a row is a letter or digit when the middle one of three
/// single letters or digits is a separator: `s.n`, where the passes may join a spelled-out word.
const SINGLES: u32 = 0b01010;

/// Spaces in every lane.
const SPACES: u64 = 0x2020_2020_2020_2020;

/// The pass over one line, as of the last unit (folded byte) read. Its methods write to `out`
/// as the four passes' last one does ([`Units::emit`]).
struct OnePass {
    /// Whether each of the last five units was a letter or digit, the latest in bit 0.
    words: u32,
    /// The last two units read, the latest first.
    before: [u8; 2],
    /// Whether the word read so far (letters, digits, `@$!'`) has a letter, and a digit.
    token_letter: bool,
    token_digit: bool,
    /// An apostrophe that waits for the unit after it: the unit before it, and where it is.
    apostrophe: Option<(u8, u32, u32)>,
}

fn is_letter(unit: u8) -> bool {
    class(unit) & LETTER != 0
}

impl Default for OnePass {
    fn default() -> OnePass {
        OnePass { words: 0, before: [b' '; 2], token_letter: false, token_digit: false, apostrophe: None }
    }
}

impl OnePass {
    fn line<S: SpanMap>(mut self, out: &mut Units<S>, text: &str, start: usize, emoji: &EmojiWords) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            // Up to eight plain ASCII bytes at a time (the text's last ones moved down into the
            // first lanes), then one byte or character that is not plain.
            let rest = bytes.len() - i;
            let x = match bytes.get(i..i + 8) {
                Some(block) => Some(lanes::load(block)),
                None if bytes.len() >= 8 => Some(lanes::load(&bytes[bytes.len() - 8..]) >> (8 * (8 - rest))),
                None => None,
            };
            // Not plain: non-ASCII, control characters (a newline among them), digits, `!` to `'`
            // (leetspeak's `!` and `$`, apostrophes and three rare symbols), `@` and backticks
            // (both `` ` `` once a space's bit is set). Lanes after the first non-ASCII one may be
            // wrong, but are not looked at.
            let not_plain = |x: u64| {
                x & lanes::HIGH | lanes::below(x, b' ') | lanes::between(x, b'!', b'\'') | lanes::between(x, b'0', b'9') | lanes::equal(x | SPACES, b'`')
            };
            let plain = x.map_or(0, |x| lanes::first(not_plain(x)).min(rest));
            if let (Some(x), 1..) = (x, plain) {
                self.block(out, x, i, plain)?;
                i += plain;
                continue;
            }
            match bytes[i] {
                b'\n' => return self.end(out, i),
                byte if byte.is_ascii() => {
                    self.unit(out, ASCII_FOLD[usize::from(byte)], offset(i), offset(i + 1))?;
                    i += 1;
                }
                _ => {
                    let c = text[i..].chars().next()?;
                    let (start, end) = (offset(i), offset(i + c.len_utf8()));
                    fold_char_units(c, emoji, |unit| self.unit(out, unit, start, end))?;
                    i += c.len_utf8();
                }
            }
        }
        self.end(out, i)
    }

    /// Ends the line at `end`.
    fn end<S: SpanMap>(self, out: &mut Units<S>, end: usize) -> Option<usize> {
        // The line's end is no letter or digit, like the unit after the last.
        if self.words << 1 & 0x1F == SINGLES {
            return None;
        }
        out.trim_space();
        Some(end)
    }

    /// Reads one unit, which came from `start..end` of the original.
    fn unit<S: SpanMap>(&mut self, out: &mut Units<S>, unit: u8, start: u32, end: u32) -> Option<()> {
        // Bytes only other passes handle (the last two can come from an emoji's word).
        if matches!(unit, b'$' | REMOVED | b'\n') {
            return None;
        }
        let class = class(unit);
        self.words = (self.words << 1 | u32::from(class & WORD != 0)) & 0x1F;
        if self.words == SINGLES {
            return None;
        }
        // Leetspeak may be read: a digit in a word with letters, `@` after a letter, `!`
        // between letters.
        let letter = class & LETTER != 0;
        if class & TOKEN != 0 || unit == b'\'' {
            self.token_letter |= letter;
            self.token_digit |= unit.is_ascii_digit();
        } else {
            (self.token_letter, self.token_digit) = (false, false);
        }
        let [last, second] = self.before;
        if self.token_letter && self.token_digit || unit == b'@' && is_letter(last) || letter && last == b'!' && is_letter(second) {
            return None;
        }
        self.before = [unit, last];
        // An apostrophe between letters goes (`don't`); any other is a separator.
        self.apostrophe_before(out, letter);
        if unit == b'\'' {
            self.apostrophe = Some((last, start, end));
        } else {
            out.emit(unit, start, end);
        }
        Some(())
    }

    /// Settles a waiting apostrophe now that the next unit is known: between letters it goes
    /// (`don't`), else it is a separator.
    fn apostrophe_before<S: SpanMap>(&mut self, out: &mut Units<S>, letter: bool) {
        if let Some((before, start, end)) = self.apostrophe.take() {
            if !(letter && is_letter(before)) {
                out.emit(b' ', start, end);
            }
        }
    }

    /// Reads the first `n` (1 to 8) lanes of `x`, the bytes at `at` of the original, at once:
    /// plain ASCII, letters or symbols (see [`OnePass::line`]). Each is written as
    /// [`Units::emit`] does, which for these comes down to: a letter, or a space for a symbol,
    /// unless it equals the last byte written (a space at the line's start).
    fn block<S: SpanMap>(&mut self, out: &mut Units<S>, x: u64, at: usize, n: usize) -> Option<()> {
        let in_block = u64::MAX >> (64 - 8 * n);
        let letters = lanes::between(x | SPACES, b'a', b'z') & in_block;
        let starts_with_letter = letters & 0x80 != 0;
        self.apostrophe_before(out, starts_with_letter);
        let [last, second] = self.before;
        if starts_with_letter && (self.token_digit || last == b'!' && is_letter(second)) {
            return None;
        }
        // Single letters with one byte between them, in any of the lanes (see `SINGLES`).
        let words = self.words << 8 | lanes::bits_in_order(letters);
        let not = !words;
        let singles = not & words >> 1 & not >> 2 & words >> 3 & not >> 4;
        if (singles >> (8 - n)) & ((1 << n) - 1) != 0 {
            return None;
        }
        let whole = (letters >> 7) * 0xFF;
        let units = (x | SPACES) & whole | SPACES & !whole;
        let last_written = match out.bytes.last() {
            Some(&b'\n') | None => b' ',
            Some(&byte) => byte,
        };
        let keep = !lanes::equal_lanes(units, units << 8 | u64::from(last_written)) & lanes::HIGH & in_block;
        let bytes = &mut out.bytes;
        if keep == lanes::HIGH {
            bytes.extend_from_slice(&units.to_le_bytes());
            out.spans.push_bytes(at, at + 8);
        } else {
            let (mut kept, mut count) = ([0; 8], 0);
            for (lane, unit) in units.to_le_bytes().into_iter().enumerate() {
                kept[count & 7] = unit;
                count += (keep >> (8 * lane + 7) & 1) as usize;
            }
            // Writing all eight and cutting back is cheaper than copying fewer.
            let written = bytes.len();
            bytes.extend_from_slice(&kept);
            bytes.truncate(written + count);
            // A letter left out widens the span of the letter it repeats.
            for lane in 0..n {
                let (start, end) = (offset(at + lane), offset(at + lane + 1));
                if keep >> (8 * lane + 7) & 1 != 0 {
                    out.spans.push(start, end);
                } else if letters >> (8 * lane + 7) & 1 != 0 {
                    out.spans.widen_last(end);
                }
            }
        }
        let unit = |lane: usize| (units >> (8 * lane)) as u8;
        self.words = words >> (8 - n) & 0x1F;
        self.before = [unit(n - 1), if n > 1 { unit(n - 2) } else { last }];
        (self.token_letter, self.token_digit) = (unit(n - 1) != b' ', false);
        Some(())
    }
}
