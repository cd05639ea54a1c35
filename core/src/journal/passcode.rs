//! What a passcode must be, and when it is easy to guess for someone with a copy of the journal.
//!
//! Offline, without the phone's key store, each guess costs one key derivation. A six-digit
//! code has only a million possibilities, so the app warns (it does not refuse: a teen under
//! stress must still be able to protect the journal) and suggests more digits or letters.

use super::{JournalError, MIN_PASSCODE_CHARS};

/// The fewest digits a digits-only passcode should have.
pub const MIN_SAFE_DIGITS: usize = 8;

/// Why a passcode is easy to guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasscodeWarning {
    /// Only digits, fewer than [`MIN_SAFE_DIGITS`].
    FewDigits,
    /// Only digits, one repeated or counting up or down, such as `11111111` or `12345678`.
    Predictable,
}

/// Refuses a passcode shorter than [`MIN_PASSCODE_CHARS`].
pub(super) fn check(passcode: &str) -> Result<(), JournalError> {
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err(JournalError::InvalidInput(format!("a passcode needs at least {MIN_PASSCODE_CHARS} characters")));
    }
    Ok(())
}

/// A warning to show before the passcode is used, or `None` when it is not easy to guess.
pub fn warning(passcode: &str) -> Option<PasscodeWarning> {
    let digits: Vec<i16> = passcode.chars().map(|c| c.to_digit(10).map(|d| d as i16)).collect::<Option<_>>()?;
    let steps: Vec<i16> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    if digits.len() < MIN_SAFE_DIGITS {
        Some(PasscodeWarning::FewDigits)
    } else if steps.windows(2).all(|w| w[0] == w[1]) && steps.first().is_some_and(|s| s.abs() <= 1) {
        Some(PasscodeWarning::Predictable)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only_codes_are_warned_about() {
        assert_eq!(warning("123456"), Some(PasscodeWarning::FewDigits));
        assert_eq!(warning("0000000"), Some(PasscodeWarning::FewDigits));
        assert_eq!(warning("11111111"), Some(PasscodeWarning::Predictable));
        assert_eq!(warning("12345678"), Some(PasscodeWarning::Predictable));
        assert_eq!(warning("98765432"), Some(PasscodeWarning::Predictable));
        assert_eq!(warning("20580193"), None);
        assert_eq!(warning("correct horse 42"), None);
        assert_eq!(warning("abc123"), None, "letters make a short code much harder to guess");
        assert_eq!(warning("١٢٣٤٥٦"), None, "only ASCII digits are counted as a PIN pad code");
    }
}
