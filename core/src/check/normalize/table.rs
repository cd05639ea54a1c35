//! How bytes and characters fold and which classes the bytes belong to: the tables the four
//! passes (`mod.rs`) and the single pass (`one_pass`) share.

use super::units::{EmojiWords, REMOVED};

/// Gives `unit` the units that non-ASCII `c` folds to, one at a time, until it gives `None`: an
/// emoji's word between spaces, else what [`fold_char`] makes of it.
pub(super) fn fold_char_units(c: char, emoji: &EmojiWords, mut unit: impl FnMut(u8) -> Option<()>) -> Option<()> {
    if let Some(word) = emoji.word(c) {
        unit(b' ')?;
        word.bytes().try_for_each(&mut unit)?;
        return unit(b' ');
    }
    match fold_char(c) {
        Folded::Drop => Some(()),
        Folded::Byte(byte) => unit(byte),
        Folded::Pair(pair) => pair.bytes().try_for_each(unit),
        Folded::Space => unit(b' '),
    }
}

/// How one non-ASCII character folds.
enum Folded {
    /// Invisible: zero-width, direction, joiner, variation and combining marks.
    Drop,
    /// A letter or digit.
    Byte(u8),
    /// A letter that folds to two letters (`ß` → `ss`).
    Pair(&'static str),
    /// Anything else: a separator.
    Space,
}

/// Latin-1 letters U+00C0..=U+00FF, upper then lower row; `#` is a two-letter fold, `_` a symbol.
const LATIN1: &[u8; 64] = b"aaaaaa#ceeeeiiiidnooooo_ouuuuy##aaaaaa#ceeeeiiiidnooooo_ouuuuy#y";
/// Latin Extended-A U+0100..=U+017F; `#` is a two-letter fold.
const LATIN_EXT_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii##jjkkkllllllllllnnnnnnnnnoooooo##rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn fold_char(c: char) -> Folded {
    let cp = c as u32;
    let letter = |i: u32| Folded::Byte(b'a' + (i % 26) as u8);
    match cp {
        0xC0..=0xFF => match LATIN1[(cp - 0xC0) as usize] {
            b'_' => Folded::Space,
            b'#' => Folded::Pair(match cp {
                0xC6 | 0xE6 => "ae",
                0xDF => "ss",
                _ => "th",
            }),
            b => Folded::Byte(b),
        },
        0x100..=0x17F => match LATIN_EXT_A[(cp - 0x100) as usize] {
            b'#' => Folded::Pair(if cp < 0x140 { "ij" } else { "oe" }),
            b => Folded::Byte(b),
        },
        0xAD
        | 0x300..=0x36F
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2069
        | 0xFE00..=0xFE0F
        | 0xFEFF
        | 0x1F3FB..=0x1F3FF
        | 0xE0000..=0xE007F => Folded::Drop,
        // Full-width ASCII.
        0xFF01..=0xFF5E => Folded::Byte(ASCII_FOLD[(cp - 0xFEE0) as usize]),
        // Mathematical bold, italic, script... letters (52 per style) and digits (10 per style).
        0x1D400..=0x1D6A3 => letter((cp - 0x1D400) % 52),
        0x1D7CE..=0x1D7FF => Folded::Byte(b'0' + ((cp - 0x1D7CE) % 10) as u8),
        // Circled and squared letters.
        0x24B6..=0x24E9 => letter(cp - 0x24B6),
        0x1F130..=0x1F149 | 0x1F150..=0x1F169 | 0x1F170..=0x1F189 => letter((cp - 0x1F130) % 32),
        // Cyrillic and Greek letters that look like Latin ones.
        _ => match c {
            'а' | 'А' | 'α' | 'Α' => Folded::Byte(b'a'),
            'В' | 'Β' => Folded::Byte(b'b'),
            'с' | 'С' => Folded::Byte(b'c'),
            'е' | 'Е' | 'Ε' => Folded::Byte(b'e'),
            'Н' | 'Η' => Folded::Byte(b'h'),
            'і' | 'І' | 'ι' | 'Ι' => Folded::Byte(b'i'),
            'ј' | 'Ј' => Folded::Byte(b'j'),
            'К' | 'к' | 'Κ' | 'κ' => Folded::Byte(b'k'),
            'М' | 'Μ' => Folded::Byte(b'm'),
            'Ν' => Folded::Byte(b'n'),
            'о' | 'О' | 'ο' | 'Ο' => Folded::Byte(b'o'),
            'р' | 'Р' | 'Ρ' | 'ρ' => Folded::Byte(b'p'),
            'ѕ' | 'Ѕ' => Folded::Byte(b's'),
            'Т' | 'Τ' => Folded::Byte(b't'),
            'ν' => Folded::Byte(b'v'),
            'х' | 'Х' | 'Χ' => Folded::Byte(b'x'),
            'у' | 'У' | 'Υ' => Folded::Byte(b'y'),
            'Ζ' => Folded::Byte(b'z'),
            '\u{2019}' | '\u{2018}' | '\u{00B4}' | '\u{02BC}' => Folded::Byte(b'\''),
            _ => Folded::Space,
        },
    }
}

/// How each ASCII byte folds: upper case to lower, control characters to a space, a backtick to
/// an apostrophe.
pub(super) const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\n' => b'\n',
            0x00..=0x1F | 0x7F => b' ',
            b'`' => b'\'',
            byte => byte.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Classes of the bytes the passes see, as bits: a word byte (letter or digit), a letter, and a
/// byte of a possible leetspeak token (a word byte, `@`, `$`, `!` or a removed byte); `OTHER`
/// marks the token bytes that are no letter.
pub(super) const WORD: u8 = 1;
pub(super) const LETTER: u8 = 2;
pub(super) const TOKEN: u8 = 4;
pub(super) const OTHER: u8 = 8;
const CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b'a'..=b'z' => WORD | LETTER | TOKEN,
            b'0'..=b'9' => WORD | TOKEN | OTHER,
            b'@' | b'$' | b'!' => TOKEN | OTHER,
            REMOVED => TOKEN,
            _ => 0,
        };
        b += 1;
    }
    classes
};

pub(super) fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}
