//! Teen-friendly explanations of the warning signals, one file per language
//! (`content/signals/<language>.toml`): a short title, what the contact does, and why it matters.

use crate::content::{files_under, LintIssue};
use crate::language::Language;
use crate::signal::Signal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The longest sentence allowed in an explanation, in words (plain language, B1).
const MAX_SENTENCE_WORDS: usize = 20;

/// How one signal is explained in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignalText {
    /// The signal explained.
    pub signal: Signal,
    /// The language of the text.
    pub language: Language,
    /// A short title, such as "Asking for photos or video".
    pub title: String,
    /// What the contact does.
    pub what: String,
    /// Why it matters, and what the teen can do.
    pub why: String,
}

/// A signal that has no explanation in a language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no explanation of signal '{signal}' in language '{language}'")]
pub struct MissingSignalText {
    /// The signal asked for.
    pub signal: Signal,
    /// The language asked for.
    pub language: Language,
}

/// The explanation of `signal` in `language`.
pub fn explanation(signal: Signal, language: Language) -> Result<&'static SignalText, MissingSignalText> {
    bundle().texts.get(&(signal, language)).ok_or(MissingSignalText { signal, language })
}

/// Checks the bundled explanations: every signal in every language, no unknown ids, plain sentences.
pub fn lint(issues: &mut Vec<LintIssue>) {
    let bundle = bundle();
    issues.extend(bundle.issues.iter().cloned());
    for &language in Language::all() {
        for &signal in Signal::ALL {
            if !bundle.texts.contains_key(&(signal, language)) {
                issues.push(LintIssue { file: format!("signals/{language}.toml"), message: format!("signal '{signal}' has no explanation") });
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    title: String,
    what: String,
    why: String,
}

/// The parsed files, and what was wrong with them.
struct Bundle {
    texts: HashMap<(Signal, Language), SignalText>,
    issues: Vec<LintIssue>,
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let mut bundle = Bundle { texts: HashMap::new(), issues: Vec::new() };
        for (path, text) in files_under("signals/") {
            load_file(path, text, &mut bundle);
        }
        bundle
    })
}

fn load_file(path: &str, text: &str, bundle: &mut Bundle) {
    let issue = |message: String| LintIssue { file: path.to_string(), message };
    let stem = path.trim_start_matches("signals/").trim_end_matches(".toml");
    let language = match stem.parse::<Language>() {
        Ok(language) => language,
        Err(e) => return bundle.issues.push(issue(e.to_string())),
    };
    let raw: BTreeMap<String, RawText> = match crate::content::read(text) {
        Ok(raw) => raw,
        Err(e) => return bundle.issues.push(issue(format!("not valid: {e}"))),
    };
    for (id, raw) in raw {
        let signal = match id.parse::<Signal>() {
            Ok(signal) => signal,
            Err(e) => {
                bundle.issues.push(issue(e.to_string()));
                continue;
            }
        };
        for (field, value) in [("title", &raw.title), ("what", &raw.what), ("why", &raw.why)] {
            if let Some(problem) = plain_language_problem(value) {
                bundle.issues.push(issue(format!("{signal}.{field}: {problem}")));
            }
        }
        bundle.texts.insert((signal, language), SignalText { signal, language, title: raw.title, what: raw.what, why: raw.why });
    }
}

/// Why a piece of teen text is not plain enough, if it is not: empty, or a sentence too long.
pub(crate) fn plain_language_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("is empty".to_string());
    }
    text.split(['.', '?', '!'])
        .map(|sentence| sentence.split_whitespace().count())
        .find(|&words| words > MAX_SENTENCE_WORDS)
        .map(|words| format!("has a sentence of {words} words (at most {MAX_SENTENCE_WORDS})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;
    use crate::language::lang;

    #[test]
    fn every_signal_is_explained_in_every_language() {
        for &language in Language::all() {
            for &signal in Signal::ALL {
                let text = explanation(signal, language).expect("bundled");
                assert_eq!((text.signal, text.language), (signal, language));
                assert!(!text.title.is_empty() && !text.what.is_empty() && !text.why.is_empty());
            }
        }
    }

    #[test]
    fn languages_differ_and_the_bundle_lints_clean() {
        let nl = explanation(Signal::Threat, lang("nl")).expect("bundled");
        let en = explanation(Signal::Threat, lang("en")).expect("bundled");
        assert_ne!(nl.why, en.why);
        assert!(nl.why.contains("niet jouw schuld") && en.why.contains("not your fault"));
        let mut issues = Vec::new();
        lint(&mut issues);
        assert_eq!(issues, vec![]);
    }

    #[test]
    fn a_broken_file_becomes_lint_issues_not_a_panic() {
        let mut bundle = Bundle { texts: HashMap::new(), issues: Vec::new() };
        load_file("signals/fr.toml", &json(""), &mut bundle);
        load_file("signals/en.toml", &json("[secrecy]\ntitle = 1"), &mut bundle);
        load_file(
            "signals/nl.toml",
            &json("[nudes]\ntitle = \"a\"\nwhat = \"b\"\nwhy = \"c\"\n[threat]\ntitle = \"\"\nwhat = \"b\"\nwhy = \"c\""),
            &mut bundle,
        );
        let messages: Vec<_> = bundle.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains("unsupported language 'fr'"));
        assert!(messages[1].starts_with("not valid"));
        assert_eq!(messages[2], "unknown signal id 'nudes'");
        assert_eq!(messages[3], "threat.title: is empty");
        assert_eq!(bundle.texts.len(), 1);
    }

    #[test]
    fn long_sentences_are_flagged() {
        let long = "word ".repeat(21);
        assert!(plain_language_problem(&long).is_some_and(|p| p.contains("21 words")));
        assert_eq!(plain_language_problem("Short. Clear? Yes!"), None);
    }
}
