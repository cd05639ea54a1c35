//! The message analyzer. Signal and level ids are the stable snake_case ids of DESIGN.md, as
//! strings. Offsets come twice: UTF-8 bytes and UTF-16 code units (for Kotlin, Swift, JS strings).

use crate::BakenError;
use baken_core::check::{self, CheckError};

/// One warning signal seen in a message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageSignal {
    /// The signal id, such as `image_request`.
    pub signal: String,
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
    /// The explanation to show: pass it to `signal_explanation`.
    pub explanation_id: String,
}

/// The result of analysing a message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageAnalysis {
    /// `none`, `caution`, `warning` or `danger`.
    pub level: String,
    /// The language whose rules were used (`nl`, `en`), or none when neither was evident.
    pub language: Option<String>,
    /// The signals seen, in text order.
    pub signals: Vec<MessageSignal>,
}

impl From<CheckError> for BakenError {
    fn from(e: CheckError) -> Self {
        let reason = e.to_string();
        match e {
            CheckError::TooLarge { .. } | CheckError::Language(_) => BakenError::InvalidInput { reason },
            CheckError::Rules(_) => BakenError::Internal { reason },
        }
    }
}

/// Which warning signals `text` shows. `language`: `nl`, `en` (tags like `nl-BE` too), or none or
/// `auto` to detect it. Texts over 1 MiB are refused.
#[uniffi::export]
pub fn analyze(text: String, language: Option<String>) -> Result<MessageAnalysis, BakenError> {
    let analysis = check::analyze_with_code(&text, language.as_deref())?;
    Ok(MessageAnalysis {
        level: analysis.level.to_string(),
        language: analysis.language.map(|l| l.code().to_string()),
        signals: analysis
            .signals
            .into_iter()
            .map(|f| MessageSignal {
                signal: f.signal.to_string(),
                rule: f.rule.to_string(),
                start: f.span.start as u64,
                end: f.span.end as u64,
                start_utf16: f.utf16.start as u64,
                end_utf16: f.utf16.end as u64,
                excerpt: f.excerpt,
                explanation_id: f.explanation.to_string(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_spans_and_ids() {
        let result = analyze("ok 😊 send me a pic".into(), Some("en".into())).expect("analyses");
        assert_eq!(result.level, "caution");
        assert_eq!(result.language.as_deref(), Some("en"));
        let s = &result.signals[0];
        assert_eq!((s.signal.as_str(), s.explanation_id.as_str()), ("image_request", "image_request"));
        assert_eq!((s.start, s.end, s.start_utf16, s.end_utf16), (8, 21, 6, 19));
        assert_eq!(s.excerpt, "send me a pic");
    }

    #[test]
    fn bad_input_is_invalid_input() {
        let language = analyze("hoi".into(), Some("fr".into())).expect_err("fr has no rules");
        assert!(matches!(language, BakenError::InvalidInput { ref reason } if reason.contains("'fr'")));
        let large = analyze("x".repeat((1 << 20) + 1), None).expect_err("too large");
        assert!(matches!(large, BakenError::InvalidInput { .. }));
    }
}
