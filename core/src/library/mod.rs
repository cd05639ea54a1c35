//! Education content: articles for teenagers, parents and professionals, warning signs, search.
//!
//! Everything comes from `content/articles/{nl,en}/*.md`, `content/signs/signs.toml` and
//! `content/library/search.toml`, checked when loaded: a broken file is a typed error, never a
//! half-loaded library. [`lint`] also checks readability (`article-format.md`) and the editorial
//! rules of `content/library/rules.toml` (primary sources, the form of address in parent articles, review dates).

mod article;
mod model;
mod readability;
mod rules;
mod search;
mod signs;
mod terms;
mod text;

pub use article::{Article, Source};
pub use model::{ArticleTopic, Audience, ContentError};
pub use readability::{syllables, Readability};
pub use signs::{TopicName, WarningSign};

use crate::content::{self, LintIssue};
use crate::language::{Language, UnsupportedLanguage};
use crate::signal::{Signal, UnknownId};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Lowest Flesch–Douma (Dutch) or Flesch Reading Ease (English) a teen article may score.
pub const MIN_TEEN_EASE: f64 = 60.0;
/// Most words a sentence in a teen article may have.
pub const MAX_TEEN_SENTENCE: usize = 25;

/// What can go wrong when asking the library for something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// No article with this id in this language.
    #[error("no article '{id}' in language {language}")]
    UnknownArticle {
        /// The id asked for.
        id: String,
        /// The language asked for.
        language: Language,
    },
    /// A language code Baken has no content for.
    #[error(transparent)]
    Language(#[from] UnsupportedLanguage),
    /// An unknown audience, topic or signal id.
    #[error(transparent)]
    UnknownId(#[from] UnknownId),
    /// A bundled content file is broken; the library does not load.
    #[error("{file}: {problem}")]
    InvalidContent {
        /// The file, relative to `core/content/`.
        file: String,
        /// What is wrong with it.
        problem: ContentError,
    },
}

/// A search result: the article and how well it matched (higher is better).
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    /// The article.
    pub article: &'a Article,
    /// Relevance; only comparable within one search.
    pub score: f32,
    /// It matches at least half of the query's words (a weaker hit may be a chance match).
    pub confident: bool,
}

/// How much more an article for the asker's own audience scores: the asker's own article is
/// nearly always the one they look for, and another audience's comes only when it fits clearly.
const OWN_AUDIENCE: f32 = 5.0;
/// The share of an article's score that the first article it names as related gets (the
/// second half of that, and so on).
const RELATED: f32 = 0.2;

/// The loaded, checked and indexed content.
#[derive(Debug)]
pub struct Library {
    /// Sorted by language, then id.
    articles: Vec<Article>,
    signs: signs::Signs,
    index: search::Index,
}

impl Library {
    /// The library bundled into Baken, loaded once.
    pub fn bundled() -> Result<&'static Library, LibraryError> {
        static BUNDLED: OnceLock<Result<Library, LibraryError>> = OnceLock::new();
        BUNDLED.get_or_init(|| Library::from_files(content::files().iter().copied())).as_ref().map_err(Clone::clone)
    }

    /// Loads a library from content files `(path under content/, text)`; the first problem found is the error.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Library, LibraryError> {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let (articles, mut problems) = load_articles(&files);
        if !problems.is_empty() {
            let (file, problem) = problems.swap_remove(0);
            return Err(LibraryError::InvalidContent { file, problem });
        }
        let find = |path: &str| {
            files
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, text)| *text)
                .ok_or_else(|| LibraryError::InvalidContent { file: path.to_string(), problem: ContentError::Missing("file".into()) })
        };
        let invalid = |file: &'static str| move |problem| LibraryError::InvalidContent { file: file.to_string(), problem };
        let signs = signs::Signs::parse(find(signs::FILE)?).map_err(invalid(signs::FILE))?;
        let index = search::Index::build(find(search::FILE)?).map_err(invalid(search::FILE))?;
        Ok(Library { articles, signs, index })
    }

    /// Every topic with its name in `language`.
    pub fn topics(&self, language: Language) -> Vec<TopicName> {
        self.signs.topics(language)
    }

    /// The articles in `language`, optionally only for one audience or topic, in id order.
    pub fn articles(&self, language: Language, audience: Option<Audience>, topic: Option<ArticleTopic>) -> Vec<&Article> {
        self.articles
            .iter()
            .filter(|a| a.language == language)
            .filter(|a| audience.is_none_or(|x| a.audience == x) && topic.is_none_or(|t| a.topic == t))
            .collect()
    }

    /// The article `id` in `language`.
    pub fn article(&self, id: &str, language: Language) -> Result<&Article, LibraryError> {
        self.articles.iter().find(|a| a.id == id && a.language == language).ok_or_else(|| LibraryError::UnknownArticle { id: id.to_string(), language })
    }

    /// Articles in `language` matching `query` (plain words, any case, accents optional), best first.
    /// Articles for `audience`, when given, rank higher, but others that fit clearly still come.
    /// Any text is a query; one without words gives an empty list.
    pub fn search(&self, query: &str, language: Language, audience: Option<Audience>) -> Vec<Hit<'_>> {
        let found = self.index.search(query, language, &self.articles, |a| self.signs.keywords(a));
        let mut hits: HashMap<usize, Hit<'_>> = HashMap::new();
        for f in &found {
            let Some(article) = self.articles.get(f.doc) else { continue };
            hits.insert(f.doc, Hit { article, score: f.score, confident: f.confident });
        }
        // An article shares in the score of the articles that name it as related, closest first.
        let mut shares: HashMap<usize, f32> = HashMap::new();
        for (doc, hit) in &hits {
            for (rank, id) in self.articles[*doc].related.iter().enumerate() {
                if let Some(other) = self.position(id, language) {
                    let share = shares.entry(other).or_default();
                    *share = share.max(RELATED * hit.score / (rank + 1) as f32);
                }
            }
        }
        for (doc, share) in shares {
            let article = &self.articles[doc];
            hits.entry(doc).or_insert(Hit { article, score: 0.0, confident: false }).score += share;
        }
        // The asker's own audience is preferred after the shares, so it does not spread to others.
        for hit in hits.values_mut().filter(|hit| audience.is_some_and(|x| hit.article.audience == x)) {
            hit.score *= OWN_AUDIENCE;
        }
        let mut hits: Vec<Hit<'_>> = hits.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.article.id.cmp(&b.article.id)));
        hits
    }

    /// Where the article `id` in `language` is in `articles`.
    fn position(&self, id: &str, language: Language) -> Option<usize> {
        self.articles.binary_search_by(|a| (a.language, a.id.as_str()).cmp(&(language, id))).ok()
    }

    /// The warning signs of `topic`, explained in `language` (empty for topics that are no tactic).
    pub fn warning_signs(&self, topic: ArticleTopic, language: Language) -> Vec<WarningSign> {
        self.signs.of_topic(topic, language)
    }

    /// One warning signal explained in `language`, with the topics it is a sign of.
    pub fn warning_sign(&self, signal: Signal, language: Language) -> WarningSign {
        self.signs.sign(signal, language)
    }
}

/// Parses every article under `articles/` and checks them together: twins, duplicates, related ids.
fn load_articles(files: &[(&str, &str)]) -> (Vec<Article>, Vec<(String, ContentError)>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("articles/")) {
        match article::parse(path, text) {
            Ok(a) => articles.push(a),
            Err(e) => problems.push((path.to_string(), e)),
        }
    }
    articles.sort_by(|a, b| (a.language, &a.id).cmp(&(b.language, &b.id)));
    let keys: HashSet<(Language, &str)> = articles.iter().map(|a| (a.language, a.id.as_str())).collect();
    let mut seen = HashMap::new();
    for a in &articles {
        let file = format!("articles/{}/{}.md", a.language, a.id);
        if seen.insert((a.language, a.id.as_str()), ()).is_some() {
            problems.push((file.clone(), ContentError::DuplicateId(a.id.clone())));
        }
        for other in Language::all().iter().filter(|l| !keys.contains(&(**l, a.id.as_str()))) {
            problems.push((file.clone(), ContentError::MissingTwin(*other)));
        }
        for related in a.related.iter().filter(|r| !keys.contains(&(a.language, r.as_str()))) {
            problems.push((file.clone(), ContentError::BrokenRelated(related.clone())));
        }
    }
    (articles, problems)
}

/// Checks the bundled library: every article, the signs and search files, the editorial rules, and
/// the readability of teen texts (teen articles one by one; the signal explanations per language).
pub fn lint(issues: &mut Vec<LintIssue>) {
    let mut report = |file: &str, message: String| issues.push(LintIssue { file: file.into(), message });
    let (articles, problems) = load_articles(content::files());
    for (file, problem) in problems {
        report(&file, problem.to_string());
    }
    let path = |a: &Article| format!("articles/{}/{}.md", a.language, a.id);
    for a in articles.iter().filter(|a| a.audience == Audience::Teen) {
        if let Some(message) = readability_problem(&a.prose(), a.language) {
            report(&path(a), message);
        }
    }
    let file = |path: &str| content::files_under(path).next().map(|(_, text)| text);
    match file(rules::FILE).map(rules::Rules::parse) {
        None => report(rules::FILE, "missing".into()),
        Some(Err(problem)) => report(rules::FILE, problem.to_string()),
        Some(Ok(rules)) => {
            let today = chrono::Local::now().date_naive();
            for a in &articles {
                for message in rules.problems(a, today) {
                    report(&path(a), message);
                }
            }
        }
    }
    match file(signs::FILE).map(signs::Signs::parse) {
        None => report(signs::FILE, "missing".into()),
        Some(Err(problem)) => report(signs::FILE, problem.to_string()),
        Some(Ok(_)) => {}
    }
    for language in Language::all() {
        if let Some(message) = readability_problem(&signs::text(*language), *language) {
            report(&format!("signals/{language}.toml"), message);
        }
    }
    match file(search::FILE).map(search::Index::build) {
        None => report(search::FILE, "missing".into()),
        Some(Err(problem)) => report(search::FILE, problem.to_string()),
        Some(Ok(_)) => {}
    }
}

/// Why `text` is too hard for a teenager, if it is.
fn readability_problem(text: &str, language: Language) -> Option<String> {
    let r = Readability::measure(text);
    let ease = r.ease(language);
    if let Some(ease) = ease.filter(|&ease| ease < MIN_TEEN_EASE) {
        Some(format!("reading ease {ease:.1} is below {MIN_TEEN_EASE} ({language})"))
    } else if r.longest_sentence > MAX_TEEN_SENTENCE {
        Some(format!("a sentence has {} words; at most {MAX_TEEN_SENTENCE}", r.longest_sentence))
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
