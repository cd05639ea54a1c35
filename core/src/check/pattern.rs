//! Reads rule patterns straight into the regex engine's syntax tree (HIR), for building the
//! matcher of all patterns quickly.
//!
//! The rule files use a small part of regex syntax: literal text, `(...)` and `(?:...)` groups,
//! `|`, the greedy `?`, `*` and `+`, `.`, `^`, `$`, and the escapes `\b`, `\d`, `\w`, `\s` and
//! escaped punctuation. This reader handles exactly that, without the general parser's syntax
//! tree in between; anything else is left to the general parser. It reads as the general parser
//! does with Unicode and UTF-8 off and `^`/`$` matching at line ends, which the content lint
//! checks for every bundled pattern.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, Dot, Hir, Look, Repetition};

/// The HIR of `pattern`, or `None` when it uses syntax beyond the rule files' part.
pub(crate) fn parse(pattern: &str) -> Option<Hir> {
    let mut reader = Reader { bytes: pattern.as_bytes(), at: 0, captures: 0 };
    let hir = reader.alternation()?;
    (reader.at == reader.bytes.len()).then_some(hir)
}

struct Reader<'p> {
    bytes: &'p [u8],
    at: usize,
    /// Capture groups opened so far (they are numbered from 1 in order of opening).
    captures: u32,
}

impl Reader<'_> {
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
    fn leaves_other_syntax_to_the_general_parser() {
        for pattern in [r"[a-z]+", r"a{2,3}", r"(?i)send", r"(?P<x>a)", r"a??", r"\pL", r"(a", r"a)", r"é"] {
            assert_eq!(parse(pattern), None, "{pattern}");
        }
    }
}
