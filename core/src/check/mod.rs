//! The red-flag checker's message analyzer: normaliser, rules, language detection and analysis.

pub mod normalize;
