//! Reads rule patterns straight into the regex engine's syntax tree (HIR), for building the
//! matcher of all patterns quickly.
//!
//! The rule files use a small part of regex syntax: literal text, `(...)` and `(?:...)` groups,
//! `|`, the greedy `?`, `*` and `+`, `.`, `^`, `$`, and the escapes `\b`, `\d`, `\w`, `\s` and
//! escaped punctuation. This reader handles exactly that, without the general parser's syntax
//! tree in between; anything else is left to the general parser. It reads as the general parser
//! does with Unicode and UTF-8 off and `^`/`$` matching at line ends, which the content lint
//! checks for every bundled pattern.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, Dot, Hir, HirKind, Look, Repetition};

/// The HIR of `pattern`, exactly as the general parser reads it, or `None` when it uses syntax
/// beyond the rule files' part.
pub(crate) fn parse(pattern: &str) -> Option<Hir> {
    Reader::new(pattern, false).read()
}

/// The HIR of `pattern` for a matcher built without capture groups (see [`parse`]). It matches
/// the same text but builds faster: in an alternation of only literal words the first is put in
/// a capture group (which such a matcher ignores), because the NFA compiler turns an alternation
/// of only literals into a trie, and building those tries took a third of building all rules.
pub(crate) fn parse_for_matcher(pattern: &str) -> Option<Hir> {
    Reader::new(pattern, true).read()
}

struct Reader<'p> {
    bytes: &'p [u8],
    at: usize,
    /// Capture groups opened so far (they are numbered from 1 in order of opening).
    captures: u32,
    /// Whether alternations of only literals are kept from becoming tries.
    for_matcher: bool,
}

impl Reader<'_> {
    fn new(pattern: &str, for_matcher: bool) -> Reader<'_> {
        Reader { bytes: pattern.as_bytes(), at: 0, captures: 0, for_matcher }
    }

    fn read(mut self) -> Option<Hir> {
        let hir = self.alternation()?;
        (self.at == self.bytes.len()).then_some(hir)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn alternation(&mut self) -> Option<Hir> {
        let mut branches = vec![self.concatenation()?];
        while self.peek() == Some(b'|') {
            self.at += 1;
            branches.push(self.concatenation()?);
        }
        if self.for_matcher && branches.len() > 1 && branches.iter().all(|b| matches!(b.kind(), HirKind::Literal(_))) {
            let first = branches.remove(0);
            branches.insert(0, Hir::capture(Capture { index: self.captures + 1, name: None, sub: Box::new(first) }));
        }
        Some(if branches.len() == 1 { branches.pop()? } else { Hir::alternation(branches) })
    }

    fn concatenation(&mut self) -> Option<Hir> {
        let mut items = Vec::new();
        // Literal text is gathered into one literal (building one per byte is slow).
        let mut text = Vec::new();
        while let Some(byte) = self.peek().filter(|b| !matches!(b, b'|' | b')')) {
            let quantified = matches!(self.bytes.get(self.at + 1), Some(b'?' | b'*' | b'+'));
            if is_literal(byte) && !quantified {
                text.push(byte);
                self.at += 1;
                continue;
            }
            if !text.is_empty() {
                items.push(Hir::literal(std::mem::take(&mut text)));
            }
            let atom = self.atom()?;
            items.push(self.repetition(atom)?);
        }
        if items.is_empty() && !text.is_empty() {
            // Most branches of an alternation are plain words.
            return Some(Hir::literal(text));
        }
        if !text.is_empty() {
            items.push(Hir::literal(text));
        }
        Some(Hir::concat(items))
    }

    fn atom(&mut self) -> Option<Hir> {
        Some(match self.next()? {
            b'(' => self.group()?,
            b'\\' => match self.next()? {
                b'b' => Hir::look(Look::WordAscii),
                b'd' => class(&[(b'0', b'9')]),
                b'w' => class(&[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')]),
                b's' => class(&[(b'\t', b'\r'), (b' ', b' ')]),
                escaped if escaped.is_ascii_punctuation() => Hir::literal([escaped]),
                _ => return None,
            },
            b'.' => Hir::dot(Dot::AnyByteExceptLF),
            b'^' => Hir::look(Look::StartLF),
            b'$' => Hir::look(Look::EndLF),
            byte if is_literal(byte) => Hir::literal([byte]),
            _ => return None,
        })
    }

    /// A group, after its `(`.
    fn group(&mut self) -> Option<Hir> {
        let index = if self.bytes[self.at..].starts_with(b"?:") {
            self.at += 2;
            None
        } else if self.peek() == Some(b'?') {
            return None;
        } else {
            self.captures += 1;
            Some(self.captures)
        };
        let sub = self.alternation()?;
        (self.next()? == b')').then_some(())?;
        Some(match index {
            Some(index) => Hir::capture(Capture { index, name: None, sub: Box::new(sub) }),
            None => sub,
        })
    }

    /// `sub` with the quantifier that follows it, if any.
    fn repetition(&mut self, sub: Hir) -> Option<Hir> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            _ => return Some(sub),
        };
        self.at += 1;
        if matches!(self.peek(), Some(b'?' | b'*' | b'+' | b'{')) {
            return None;
        }
        Some(Hir::repetition(Repetition { min, max, greedy: true, sub: Box::new(sub) }))
    }
}

/// Bytes that stand for themselves in a pattern (the rule files use no others).
fn is_literal(byte: u8) -> bool {
    matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b' ' | b'\'' | b'%' | b'-' | b'/' | b'&' | b',' | b'!' | b'@' | b':')
}

fn class(ranges: &[(u8, u8)]) -> Hir {
    Hir::class(Class::Bytes(ClassBytes::new(ranges.iter().map(|&(from, to)| ClassBytesRange::new(from, to)))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the general parser makes of `pattern`, with the options the analyzer uses.
    fn general(pattern: &str) -> Hir {
        regex_automata::util::syntax::parse_with(pattern, &crate::check::rules::all_patterns_syntax()).expect("valid pattern")
    }

    #[test]
    fn reads_the_rule_syntax_as_the_general_parser_does() {
        for pattern in [
            r"\bsend (me )?(a )?(?:pics?|photos?)\b",
            r"\b(dont|do not) (ever )?(tell|say)( ok| pls)?$",
            r"^(hi|hey)+ .* \d+ ?(euro|eur)\b|\bwallet\b",
            r"\b\w+ (en je \w+)* \s\d+\?",
            r"\b(a|)(?:b|c|)x",
        ] {
            assert_eq!(parse(pattern), Some(general(pattern)), "{pattern}");
        }
    }

    #[test]
    fn the_matcher_reading_keeps_word_lists_from_tries_and_matches_the_same_text() {
        use regex_automata::meta::{Builder, Config};
        use regex_automata::nfa::thompson::WhichCaptures;
        let pattern = r"\b(snap|snapchat|insta)\b (me|mij) (?:x|yz)";
        let (exact, for_matcher) = (parse(pattern).expect("reads"), parse_for_matcher(pattern).expect("reads"));
        assert_ne!(exact, for_matcher);
        let build = |hir: &Hir| Builder::new().configure(Config::new().which_captures(WhichCaptures::None)).build_from_hir(hir).expect("builds");
        let (exact, for_matcher) = (build(&exact), build(&for_matcher));
        for text in ["add me on snap me x", "snapchat mij yz", "insta me yz", "snaps me x", "inst me x", "snap mij y", ""] {
            assert_eq!(exact.find(text), for_matcher.find(text), "{text:?}");
        }
    }

    #[test]
    fn leaves_other_syntax_to_the_general_parser() {
        for pattern in [r"[a-z]+", r"a{2,3}", r"(?i)send", r"(?P<x>a)", r"a??", r"\pL", r"(a", r"a)", r"é"] {
            assert_eq!(parse(pattern), None, "{pattern}");
        }
    }
}
