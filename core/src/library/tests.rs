use super::*;
use crate::language::lang;

/// A valid article file; `edit` rewrites its front matter lines.
fn article(language: &str, id: &str, edit: impl Fn(String) -> String) -> (String, String) {
    let front = format!(
        "id = \"{id}\"\nlanguage = \"{language}\"\naudience = \"teen\"\ntopic = \"sextortion\"\n\
         title = \"Title\"\nsummary = \"Summary.\"\nsignals = [\"threat\"]\nrelated = []\n\
         help_topics = [\"sextortion\", \"threat\"]\nlast_reviewed = \"2026-11-28\"\n\n\
         [[sources]]\ntitle = \"A source\"\nurl = \"https://example.org/page\"\n"
    );
    let path = format!("articles/{language}/{id}.md");
    let text = crate::bundle::bundled(&path, &format!("+++\n{}+++\n\nBody text.\n", edit(front))).expect("TOML front matter");
    (path, text)
}

/// Loads a library from the bundled signs and search files plus `articles`.
fn load(articles: &[(String, String)]) -> Result<Library, LibraryError> {
    let bundled = content::files().iter().copied().filter(|(p, _)| !p.starts_with("articles/"));
    Library::from_files(bundled.chain(articles.iter().map(|(p, t)| (p.as_str(), t.as_str()))))
}

fn pair(edit: impl Fn(String) -> String) -> Vec<(String, String)> {
    vec![article("en", "x", &edit), article("nl", "x", |f| f)]
}

fn problem(articles: &[(String, String)]) -> ContentError {
    match load(articles) {
        Err(LibraryError::InvalidContent { problem, .. }) => problem,
        other => panic!("expected invalid content, got {other:?}"),
    }
}

#[test]
fn a_valid_pair_loads_and_is_found() {
    let library = load(&pair(|f| f)).unwrap();
    let a = library.article("x", lang("en")).unwrap();
    assert_eq!((a.audience, a.topic, a.signals.as_slice()), (Audience::Teen, ArticleTopic::Sextortion, &[Signal::Threat][..]));
    assert_eq!(a.plain_text(), "Body text.");
    assert_eq!(library.articles(lang("nl"), None, None).len(), 1);
}

#[test]
fn unknown_ids_in_front_matter_are_typed_errors() {
    let cases = [
        ("topic = \"sextortion\"", "topic = \"nudes\"", "unknown topic id 'nudes'"),
        ("audience = \"teen\"", "audience = \"kids\"", "unknown audience id 'kids'"),
        ("signals = [\"threat\"]", "signals = [\"threats\"]", "unknown signal id 'threats'"),
        ("help_topics = [\"sextortion\", \"threat\"]", "help_topics = [\"hotline\"]", "unknown topic 'hotline'"),
    ];
    for (from, to, message) in cases {
        let p = problem(&pair(|f| f.replace(from, to)));
        assert_eq!(p.to_string(), message);
        assert!(matches!(p, ContentError::UnknownId(_) | ContentError::HelpTopic(_)), "{p:?}");
    }
}

#[test]
fn missing_twin_broken_link_bad_date_and_missing_address_are_typed_errors() {
    assert_eq!(problem(&[article("en", "x", |f| f)]), ContentError::MissingTwin(lang("nl")));
    let related = pair(|f| f.replace("related = []", "related = [\"nowhere\"]"));
    assert_eq!(problem(&related), ContentError::BrokenRelated("nowhere".into()));
    for date in ["2026-13-01", "28-11-2026", "soon"] {
        let p = problem(&pair(|f| f.replace("2026-11-28", date)));
        assert_eq!(p, ContentError::BadDate(date.into()));
    }
    let no_url = pair(|f| f.replace("https://example.org/page", "example.org"));
    assert_eq!(problem(&no_url), ContentError::SourceWithoutAddress("A source".into()));
    let no_source = pair(|f| f[..f.find("[[sources]]").unwrap()].to_string());
    assert_eq!(problem(&no_source), ContentError::NoSource);
}

#[test]
fn malformed_files_are_typed_errors() {
    let (path, _) = article("en", "x", |f| f);
    let broken = vec![(path.clone(), "just text".to_string()), article("nl", "x", |f| f)];
    assert_eq!(problem(&broken), ContentError::NoFrontMatter);
    assert!(matches!(problem(&pair(|f| f.replace("title = ", "titel = "))), ContentError::Syntax(_)));
    assert_eq!(problem(&pair(|f| f.replace("id = \"x\"", "id = \"X y\""))), ContentError::MalformedId("X y".into()));
    let misplaced = pair(|f| f.replace("language = \"en\"", "language = \"nl\""));
    assert!(matches!(problem(&misplaced), ContentError::Misplaced { .. }));
    let swedish = pair(|f| f.replace("language = \"en\"", "language = \"sv\""));
    assert!(matches!(problem(&swedish), ContentError::Language(_)));
}

#[test]
fn unknown_article_and_language_are_typed_errors() {
    let library = Library::bundled().unwrap();
    let err = library.article("no-such-article", lang("en")).unwrap_err();
    assert_eq!(err, LibraryError::UnknownArticle { id: "no-such-article".into(), language: lang("en") });
    assert!(err.to_string().contains("no-such-article"));
    let err: LibraryError = "fr".parse::<Language>().unwrap_err().into();
    assert!(matches!(err, LibraryError::Language(_)));
    let err: LibraryError = "kids".parse::<Audience>().unwrap_err().into();
    assert_eq!(err.to_string(), "unknown audience id 'kids'");
}

#[test]
fn bundled_library_is_clean_readable_and_linked() {
    let mut issues = Vec::new();
    lint(&mut issues);
    assert!(issues.is_empty(), "{issues:#?}");
    let library = Library::bundled().unwrap();
    for language in Language::all() {
        for a in library.articles(*language, None, None) {
            assert!(a.sources.iter().all(|s| s.url.starts_with("http")), "{}", a.id);
            for other in Language::all() {
                assert!(library.article(&a.id, *other).is_ok(), "{} has no {other} twin", a.id);
            }
        }
    }
}

#[test]
fn teen_articles_meet_the_readability_bar() {
    let library = Library::bundled().unwrap();
    for language in Language::all() {
        for a in library.articles(*language, Some(Audience::Teen), None) {
            let r = Readability::measure(&a.prose());
            let ease = r.ease(*language).unwrap_or(MIN_TEEN_EASE);
            assert!(ease >= MIN_TEEN_EASE, "{} ({language}): {ease:.1}", a.id);
            assert!(r.longest_sentence <= MAX_TEEN_SENTENCE, "{} ({language}): {} words", a.id, r.longest_sentence);
        }
    }
}

#[test]
fn filters_by_audience_and_topic() {
    let library = Library::bundled().unwrap();
    let teen = library.articles(lang("en"), Some(Audience::Teen), Some(ArticleTopic::Sextortion));
    assert!(!teen.is_empty());
    assert!(teen.iter().all(|a| a.audience == Audience::Teen && a.topic == ArticleTopic::Sextortion));
    assert_eq!(library.topics(lang("nl")).len(), ArticleTopic::ALL.len());
}

fn top_ids(query: &str, language: Language, n: usize) -> Vec<String> {
    let library = Library::bundled().unwrap();
    library.search(query, language, None).iter().take(n).map(|h| h.article.id.clone()).collect()
}

fn first(query: &str, language: Language, audience: Option<Audience>) -> Option<&'static Article> {
    Library::bundled().unwrap().search(query, language, audience).first().map(|h| h.article)
}

#[test]
fn search_finds_the_sextortion_article_in_both_languages() {
    for (query, language) in [("sextortion", lang("en")), ("chantage met naaktfoto", lang("nl")), ("SEXTÖRTION", lang("nl"))] {
        assert_eq!(first(query, language, None).map(|a| a.topic), Some(ArticleTopic::Sextortion), "{query}");
        let teen = first(query, language, Some(Audience::Teen)).unwrap();
        assert!(["sextortion-teen", "sextortion-money-teen"].contains(&teen.id.as_str()), "{query}: {}", teen.id);
    }
    // Someone who wants money for photos is extortion, before the modelling-job trap (which also
    // has money and photos), and before the exploitation article's rarer word for a photo.
    for audience in [None, Some(Audience::Teen)] {
        let money = first("someone wants money for my pics", lang("en"), audience).unwrap();
        assert_eq!(money.topic, ArticleTopic::Sextortion, "{audience:?}: {}", money.id);
    }
    assert_eq!(first("iemand wil geld voor mijn foto's", lang("nl"), None).map(|a| a.topic), Some(ArticleTopic::Sextortion));
    assert_eq!(first("chantage met naaktfoto", lang("nl"), Some(Audience::Teen)).map(|a| a.id.as_str()), Some("sextortion-teen"));
    assert!(top_ids("sextortion", lang("en"), 2).contains(&"sextortion-teen".to_string()));
}

#[test]
fn a_word_the_articles_lack_weighs_no_more_than_its_most_common_synonym() {
    // "pics" is in no article; its synonyms are, "picture" in a few, "photo" and "image" in most.
    // Through the rare "picture" the exploitation articles used to come first for money and pics.
    let top = top_ids("money pics", lang("en"), 2);
    assert!(top.contains(&"sextortion-money-teen".to_string()), "{top:?}");
}

#[test]
fn search_matches_prefixes_accents_and_audience() {
    let library = Library::bundled().unwrap();
    assert!(top_ids("chanta", lang("nl"), 3).contains(&"sextortion-teen".to_string()));
    let parents = library.search("sextortion", lang("en"), Some(Audience::Parent));
    assert_eq!(parents.first().map(|h| h.article.audience), Some(Audience::Parent));
    assert!(parents.iter().any(|h| h.article.audience == Audience::Teen), "other audiences still come");
    let scores: Vec<f32> = library.search("geld", lang("nl"), None).iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]) && !scores.is_empty());
}

#[test]
fn an_empty_query_gives_nothing() {
    let library = Library::bundled().unwrap();
    for q in ["", "   ", "?!.,;: ---", "\u{0}", "💣"] {
        assert!(library.search(q, lang("nl"), Some(Audience::Teen)).is_empty(), "{q:?}");
    }
}

#[test]
fn a_ten_thousand_character_query_is_answered_in_bounded_time() {
    let library = Library::bundled().unwrap();
    let unit = "ik word gechanteerd met mijn naaktfoto xqzv ";
    let long = format!("{:<10000}", unit.repeat(10_000 / unit.len()));
    let gibberish: String = (0..10_000).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
    for q in [&long, &gibberish] {
        let started = std::time::Instant::now();
        let hits = library.search(q, lang("nl"), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
        assert!(hits.len() <= library.articles(lang("nl"), None, None).len());
    }
    assert_eq!(long.len(), 10_000);
    assert_eq!(top_ids(&long, lang("nl"), 3), top_ids(unit, lang("nl"), 3));
}

#[test]
fn full_text_syntax_is_plain_words() {
    let library = Library::bundled().unwrap();
    for q in ["\"", "\"sextortion", "*", "sex*", "a NEAR b", "-sextortion", "((", "geld)", "NOT", "title:", "a AND b OR"] {
        let _ = library.search(q, lang("en"), None);
    }
    let plain = top_ids("sextortion", lang("en"), 3);
    for q in ["\"sextortion\"", "sextortion*", "(sextortion)", "title:sextortion", "-sextortion"] {
        assert_eq!(top_ids(q, lang("en"), 3), plain, "{q}");
    }
}

#[test]
fn a_query_of_only_stop_words_gives_nothing() {
    let library = Library::bundled().unwrap();
    assert!(library.search("ik wil het", lang("nl"), None).is_empty());
    assert!(library.search("what do you want", lang("en"), Some(Audience::Parent)).is_empty());
}

#[test]
fn the_words_a_frightened_teen_types_find_the_sextortion_articles() {
    // The queries of the content review (issue 17), in the top 3 for a teen.
    for (query, language, article) in [
        ("ik word gechanteerd", lang("nl"), "sextortion-teen"),
        ("afgeperst", lang("nl"), "sextortion-teen"),
        ("extorted", lang("en"), "sextortion-teen"),
        ("hij vraagt om nudes", lang("nl"), "nude-request-teen"),
    ] {
        let top: Vec<String> = Library::bundled().unwrap().search(query, language, Some(Audience::Teen)).iter().take(3).map(|h| h.article.id.clone()).collect();
        assert!(top.iter().any(|id| id == article), "{query}: {top:?}");
    }
}

#[test]
fn warning_signs_by_topic_and_by_signal() {
    let library = Library::bundled().unwrap();
    let signs = library.warning_signs(ArticleTopic::Sextortion, lang("en"));
    assert!(signs.iter().any(|s| s.signal == Signal::PaymentDemand));
    assert!(signs.iter().all(|s| !s.name.is_empty() && !s.explanation.is_empty()));
    let sign = library.warning_sign(Signal::Threat, lang("nl"));
    assert!(sign.topics.iter().any(|t| t.topic == ArticleTopic::Sextortion && !t.name.is_empty()));
    let text = crate::signal_text::explanation(Signal::Threat, lang("nl")).unwrap();
    assert_eq!((sign.name, sign.explanation), (text.title.clone(), format!("{} {}", text.what, text.why)));
    assert!(library.warning_signs(ArticleTopic::Parenting, lang("nl")).is_empty());
}

#[test]
fn bundled_library_covers_every_topic_and_audience_in_both_languages() {
    let library = Library::bundled().unwrap();
    for language in Language::all() {
        let articles = library.articles(*language, None, None);
        assert!(articles.len() >= 30, "{language}: {} articles", articles.len());
        for topic in ArticleTopic::ALL {
            assert!(articles.iter().any(|a| a.topic == *topic), "{language}: no {topic} article");
        }
        for audience in Audience::ALL {
            assert!(articles.iter().any(|a| a.audience == *audience), "{language}: no {audience} article");
        }
    }
}
