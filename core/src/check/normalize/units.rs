//! The buffers the normaliser writes into: bytes with or without the spans of the original they
//! came from, and the emoji that stand for words. Below the passes (`mod.rs`) and the single pass
//! (`one_pass`), which both write them.

use std::ops::Range;

/// Emoji (single characters) that stand for words, such as `📸` → `photo`.
#[derive(Debug, Clone, Default)]
pub struct EmojiWords {
    pairs: Vec<(char, String)>,
}

impl EmojiWords {
    /// A table from (emoji, word) pairs; a later pair for the same emoji wins.
    pub fn new(pairs: impl IntoIterator<Item = (char, String)>) -> Self {
        let mut pairs: Vec<(char, String)> = pairs.into_iter().collect();
        pairs.reverse();
        pairs.sort_by_key(|(c, _)| *c);
        pairs.dedup_by_key(|(c, _)| *c);
        EmojiWords { pairs }
    }

    /// The word an emoji stands for.
    pub fn word(&self, emoji: char) -> Option<&str> {
        self.pairs.binary_search_by_key(&emoji, |(c, _)| *c).ok().map(|i| self.pairs[i].1.as_str())
    }
}

/// Where each byte of normalised text came from in the original: kept when matches must map
/// back ([`Spans`]), skipped when only the text is searched ([`NoSpans`], which is faster).
pub(super) trait SpanMap: Default {
    /// Keeps the first `len` spans.
    fn truncate(&mut self, len: usize);
    fn push(&mut self, start: u32, end: u32);
    /// A span for each single-byte character at `from..to` of the original.
    fn push_bytes(&mut self, from: usize, to: usize);
    /// Appends the spans at `range` of `other`.
    fn extend_from(&mut self, other: &Self, range: Range<usize>);
    /// Appends all spans of `other`, each moved `by` bytes on.
    fn extend_shifted(&mut self, other: &Self, by: u32);
    /// The span of byte `at`.
    fn get(&self, at: usize) -> (u32, u32);
    /// Lets the last byte's span end at `end`.
    fn widen_last(&mut self, end: u32);
}

/// The span of the original text behind every byte (as 32-bit offsets: texts of 4 GiB and more
/// map their tail to the last offset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Spans {
    pub(super) starts: Vec<u32>,
    pub(super) ends: Vec<u32>,
}

impl SpanMap for Spans {
    fn truncate(&mut self, len: usize) {
        self.starts.truncate(len);
        self.ends.truncate(len);
    }

    fn push(&mut self, start: u32, end: u32) {
        self.starts.push(start);
        self.ends.push(end);
    }

    fn push_bytes(&mut self, from: usize, to: usize) {
        let len = self.starts.len() + (to - from);
        let (from, to) = (offset(from), offset(to));
        self.starts.extend(from..to);
        self.ends.extend(from.saturating_add(1)..to.saturating_add(1));
        // Past 4 GiB every byte maps to the last offset.
        self.starts.resize(len, u32::MAX);
        self.ends.resize(len, u32::MAX);
    }

    fn extend_from(&mut self, other: &Spans, range: Range<usize>) {
        self.starts.extend_from_slice(&other.starts[range.clone()]);
        self.ends.extend_from_slice(&other.ends[range]);
    }

    fn extend_shifted(&mut self, other: &Spans, by: u32) {
        self.starts.extend(other.starts.iter().map(|start| start.saturating_add(by)));
        self.ends.extend(other.ends.iter().map(|end| end.saturating_add(by)));
    }

    fn get(&self, at: usize) -> (u32, u32) {
        (self.starts[at], self.ends[at])
    }

    fn widen_last(&mut self, end: u32) {
        if let Some(last_end) = self.ends.last_mut() {
            *last_end = end;
        }
    }
}

/// No spans: for text that is only searched.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NoSpans;

impl SpanMap for NoSpans {
    fn truncate(&mut self, _: usize) {}
    fn push(&mut self, _: u32, _: u32) {}
    fn push_bytes(&mut self, _: usize, _: usize) {}
    fn extend_from(&mut self, _: &NoSpans, _: Range<usize>) {}
    fn extend_shifted(&mut self, _: &NoSpans, _: u32) {}
    fn get(&self, _: usize) -> (u32, u32) {
        (0, 0)
    }
    fn widen_last(&mut self, _: u32) {}
}

/// Bytes, with or without the spans they came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Units<S> {
    pub(super) bytes: Vec<u8>,
    pub(super) spans: S,
}

impl<S: SpanMap> Units<S> {
    pub(super) fn clear(&mut self) {
        self.truncate(0);
    }

    pub(super) fn truncate(&mut self, len: usize) {
        self.bytes.truncate(len);
        self.spans.truncate(len);
    }

    pub(super) fn push(&mut self, byte: u8, start: u32, end: u32) {
        self.bytes.push(byte);
        self.spans.push(start, end);
    }

    pub(super) fn pop(&mut self) {
        self.bytes.pop();
        self.spans.truncate(self.bytes.len());
    }

    /// Appends one output byte: a letter repeating the last one only widens its span; a symbol
    /// becomes a space, never two in a row nor at a line's start or end.
    pub(super) fn emit(&mut self, byte: u8, start: u32, end: u32) {
        let last = self.bytes.last().copied();
        match byte {
            b'a'..=b'z' if last == Some(byte) => self.spans.widen_last(end),
            b'a'..=b'z' | b'0'..=b'9' => self.push(byte, start, end),
            b'\n' => {
                self.trim_space();
                self.push(byte, start, end);
            }
            _ if matches!(last, None | Some(b' ') | Some(b'\n')) => {}
            _ => self.push(b' ', start, end),
        }
    }

    /// Appends byte `at` of `work` as [`Units::emit`] does; a removed byte is left out and `$`
    /// reads as the word.
    pub(super) fn emit_from(&mut self, work: &Units<S>, at: usize) {
        let (start, end) = work.spans.get(at);
        match work.bytes[at] {
            REMOVED => {}
            b'$' => b" dollar ".iter().for_each(|&byte| self.emit(byte, start, end)),
            byte => self.emit(byte, start, end),
        }
    }

    pub(super) fn trim_space(&mut self) {
        if self.bytes.ends_with(b" ") {
            self.pop();
        }
    }
}

/// A byte offset as stored in the span maps.
pub(super) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Marks a byte that a pass removed.
pub(super) const REMOVED: u8 = 0;
