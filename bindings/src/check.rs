//! The message analyzer. Offsets come twice: UTF-8 bytes and UTF-16 code units (for Kotlin, Swift
//! and JavaScript strings).

use crate::types::Language;
use crate::BakenError;
use baken_core::check;
use baken_core::signal::{Level, Signal};

/// One warning signal seen in a message. Explain it with `signal_explanation(signal, …)`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageSignal {
    /// The signal.
    pub signal: Signal,
    /// The id of the rule that saw it.
    pub rule: String,
    /// Start, in UTF-8 bytes.
    pub start: u64,
    /// End (exclusive), in UTF-8 bytes.
    pub end: u64,
    /// Start, in UTF-16 code units: use this to highlight in Kotlin or Swift (`NSString`) text.
    pub start_utf16: u64,
    /// End (exclusive), in UTF-16 code units.
    pub end_utf16: u64,
    /// The text at the span.
    pub excerpt: String,
}

/// The result of analysing a message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageAnalysis {
    /// How serious the signals are together.
    pub level: Level,
    /// The language whose rules were used, or none when neither was evident.
    pub language: Option<Language>,
    /// The signals seen, in text order.
    pub signals: Vec<MessageSignal>,
}

/// Which warning signals `text` shows, in `language`, or in the detected language when none.
/// Texts over 1 MiB are refused.
#[uniffi::export]
pub fn analyze(text: String, language: Option<Language>) -> Result<MessageAnalysis, BakenError> {
    let analysis = check::analyze(&text, language.map(Into::into))?;
    Ok(MessageAnalysis {
        level: analysis.level,
        language: analysis.language.map(Into::into),
        signals: analysis
            .signals
            .into_iter()
            .map(|f| MessageSignal {
                signal: f.signal,
                rule: f.rule.to_string(),
                start: f.span.start as u64,
                end: f.span.end as u64,
                start_utf16: f.utf16.start as u64,
                end_utf16: f.utf16.end as u64,
                excerpt: f.excerpt,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_spans_and_ids() {
        let result = analyze("ok 😊 send me a pic".into(), Some(Language::En)).expect("analyses");
        assert_eq!((result.level, result.language), (Level::Caution, Some(Language::En)));
        let s = &result.signals[0];
        assert_eq!(s.signal, Signal::ImageRequest);
        assert_eq!((s.start, s.end, s.start_utf16, s.end_utf16), (8, 21, 6, 19));
        assert_eq!(s.excerpt, "send me a pic");
    }

    #[test]
    fn too_large_is_invalid_input() {
        let large = analyze("x".repeat((1 << 20) + 1), None).expect_err("too large");
        assert!(matches!(large, BakenError::InvalidInput { .. }));
    }
}
