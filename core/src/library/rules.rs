//! Editorial rules for articles, as data (`content/library/rules.toml`): which source hosts count
//! as primary and which are banned, the form of address in parent articles, and a review date
//! that is not in the future.

use super::{Article, Audience, ContentError};
use crate::language::Language;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Where the rules live under `content/`.
pub(super) const FILE: &str = "library/rules.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    sources: SourceRules,
    address: AddressRules,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRules {
    primary: Vec<String>,
    banned: Vec<Banned>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Banned {
    host: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddressRules {
    parent_avoid: BTreeMap<Language, Vec<String>>,
}

/// The parsed rules.
pub(super) struct Rules {
    /// Hosts of which an article must cite at least one.
    primary: Vec<String>,
    /// Hosts no article may cite, each with the reason.
    banned: Vec<Banned>,
    /// Per language, words (lower case) that its parent articles may not use: the formal forms
    /// of "you", such as Dutch "u".
    parent_avoid: BTreeMap<Language, Vec<String>>,
}

impl Rules {
    /// Parses and checks the rules file: no empty list, no empty host or reason.
    pub(super) fn parse(text: &str) -> Result<Rules, ContentError> {
        let file: File = crate::content::read(text).map_err(ContentError::Syntax)?;
        let (primary, banned, avoid) = (file.sources.primary, file.sources.banned, file.address.parent_avoid);
        for (list, empty) in [("sources.primary", primary.is_empty()), ("address.parent_avoid", avoid.values().any(Vec::is_empty))] {
            if empty {
                return Err(ContentError::Empty(list));
            }
        }
        let blank = |s: &String| s.trim().is_empty();
        if primary.iter().any(blank) || banned.iter().any(|b| blank(&b.host) || blank(&b.why)) || avoid.values().flatten().any(blank) {
            return Err(ContentError::Missing("a host, reason or word (one is empty)".into()));
        }
        let parent_avoid = avoid.into_iter().map(|(language, words)| (language, words.iter().map(|w| w.to_lowercase()).collect())).collect();
        Ok(Rules { primary, banned, parent_avoid })
    }

    /// Every rule `article` breaks, as messages; `today` bounds its review date.
    pub(super) fn problems(&self, article: &Article, today: NaiveDate) -> Vec<String> {
        let mut problems = Vec::new();
        for source in &article.sources {
            let host = host(&source.url);
            if let Some(b) = self.banned.iter().find(|b| covers(&b.host, &host)) {
                problems.push(format!("source '{}' is on banned host {}: {}", source.title, b.host, b.why));
            }
        }
        if !article.sources.iter().any(|s| self.primary.iter().any(|p| covers(p, &host(&s.url)))) {
            problems.push(format!("no primary source: cite a page of the government or of the organisation itself ({FILE})"));
        }
        let reviewed = NaiveDate::parse_from_str(&article.last_reviewed, "%Y-%m-%d");
        if reviewed.is_ok_and(|date| date > today) {
            problems.push(format!("last_reviewed {} is in the future", article.last_reviewed));
        }
        if let Some(avoid) = self.parent_avoid.get(&article.language).filter(|_| article.audience == Audience::Parent) {
            let prose = article.prose().to_lowercase();
            if let Some(word) = prose.split(|c: char| !c.is_alphanumeric()).find(|w| avoid.iter().any(|a| a == w)) {
                problems.push(format!("says '{word}': parent articles in '{}' speak to the parent informally ({FILE})", article.language));
            }
        }
        problems
    }
}

/// The host of a web address, lower case, without `www.`, port, path or query.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default().to_lowercase();
    host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
}

/// Whether `domain` is `host` or one of its parent domains.
fn covers(domain: &str, host: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|sub| sub.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::content::json;

    const RULES: &str = "[sources]\nprimary = [\"overheid.nl\", \"helpwanted.nl\"]\n\
        banned = [{ host = \"upday.com\", why = \"AI-rewritten\" }]\n[address.parent_avoid]\nnl = [\"u\", \"uw\"]\n";

    /// An article in `language` for `audience` with these source addresses and body.
    fn article(language: &str, audience: &str, urls: &[&str], body: &str) -> Article {
        let sources: String = urls.iter().map(|u| format!("[[sources]]\ntitle = \"S\"\nurl = \"{u}\"\n")).collect();
        let text = format!(
            "+++\nid = \"x\"\nlanguage = \"{language}\"\naudience = \"{audience}\"\ntopic = \"parenting\"\n\
             title = \"Titel\"\nsummary = \"Kort.\"\nlast_reviewed = \"2026-12-01\"\n{sources}+++\n\n{body}\n"
        );
        super::super::article::parse(&format!("articles/{language}/x.md"), &crate::bundle::bundled(".md", &text).unwrap()).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn problems(a: &Article) -> Vec<String> {
        Rules::parse(&json(RULES)).unwrap().problems(a, day("2026-12-03"))
    }

    #[test]
    fn a_primary_source_on_a_subdomain_keeps_the_rules() {
        let a = article("en", "teen", &["https://wetten.overheid.nl/x", "https://nos.nl/y"], "Body.");
        assert_eq!(problems(&a), Vec::<String>::new());
        assert_eq!(host("HTTP://www.Helpwanted.nl:443/en?q=1"), "helpwanted.nl");
        assert!(!covers("overheid.nl", "nepoverheid.nl"));
    }

    #[test]
    fn a_banned_host_is_named_with_its_reason() {
        let a = article("en", "teen", &["https://helpwanted.nl/en", "https://www.upday.com/nl/113"], "Body.");
        assert_eq!(problems(&a), vec!["source 'S' is on banned host upday.com: AI-rewritten".to_string()]);
    }

    #[test]
    fn an_article_without_a_primary_source_is_flagged() {
        let a = article("en", "professional", &["https://nos.nl/y"], "Body.");
        assert!(problems(&a).iter().any(|p| p.starts_with("no primary source")), "{:?}", problems(&a));
    }

    #[test]
    fn a_review_date_in_the_future_is_flagged() {
        let a = article("en", "teen", &["https://helpwanted.nl/en"], "Body.");
        let rules = Rules::parse(&json(RULES)).unwrap();
        assert_eq!(rules.problems(&a, day("2026-12-01")), Vec::<String>::new());
        assert_eq!(rules.problems(&a, day("2026-11-30")), vec!["last_reviewed 2026-12-01 is in the future".to_string()]);
    }

    #[test]
    fn formal_u_is_flagged_only_in_dutch_parent_articles() {
        let formal = "Praat rustig met uw kind. Dan weet u meer.";
        let p = problems(&article("nl", "parent", &["https://helpwanted.nl/en"], formal));
        assert_eq!(p, vec![format!("says 'uw': parent articles in 'nl' speak to the parent informally ({FILE})")]);
        for (language, audience) in [("nl", "professional"), ("en", "parent")] {
            assert_eq!(problems(&article(language, audience, &["https://helpwanted.nl/en"], formal)), Vec::<String>::new());
        }
        let informal = "Praat rustig met je kind. Uurtjes, duw en ruw zijn gewone woorden.";
        assert_eq!(problems(&article("nl", "parent", &["https://helpwanted.nl/en"], informal)), Vec::<String>::new());
    }

    #[test]
    fn a_broken_rules_file_is_a_typed_error() {
        assert!(matches!(Rules::parse(&json("[sources]\nprimary = []\n")), Err(ContentError::Syntax(_))));
        let empty = RULES.replace("[\"overheid.nl\", \"helpwanted.nl\"]", "[]");
        assert_eq!(Rules::parse(&json(&empty)).err(), Some(ContentError::Empty("sources.primary")));
        let blank = RULES.replace("AI-rewritten", " ");
        assert!(matches!(Rules::parse(&json(&blank)), Err(ContentError::Missing(_))));
        assert!(matches!(Rules::parse(&json(&format!("{RULES}extra = 1\n"))), Err(ContentError::Syntax(_))));
    }

    #[test]
    fn the_bundled_rules_parse() {
        let text = content::file(FILE).expect("bundled");
        assert!(Rules::parse(text).is_ok());
    }
}
