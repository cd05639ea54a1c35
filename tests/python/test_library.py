import pytest

import baken_ffi


def test_list_by_audience_and_topic():
    teen = baken_ffi.library_articles(baken_ffi.Language.NL, baken_ffi.Audience.TEEN, baken_ffi.ArticleTopic.SEXTORTION)
    assert teen
    assert all(a.audience == baken_ffi.Audience.TEEN and a.topic == baken_ffi.ArticleTopic.SEXTORTION for a in teen)
    assert len(baken_ffi.library_articles(baken_ffi.Language.EN, None, None)) > len(teen)


def test_show_markdown_and_plain_text():
    article = baken_ffi.library_article("sextortion-teen", baken_ffi.Language.NL)
    assert article.language == baken_ffi.Language.NL
    assert "**" in article.markdown and "**" not in article.plain_text
    assert all(s.url.startswith("http") for s in article.sources)


@pytest.mark.parametrize(
    "query,language",
    [("sextortion", baken_ffi.Language.EN), ("chantage met naaktfoto", baken_ffi.Language.NL), ("someone wants money for my pics", baken_ffi.Language.EN)],
)
def test_search_finds_sextortion(query, language):
    sextortion = baken_ffi.ArticleTopic.SEXTORTION
    assert baken_ffi.library_search(query, language, None)[0].topic == sextortion
    assert baken_ffi.library_search(query, language, baken_ffi.Audience.TEEN)[0].topic == sextortion


def test_dutch_blackmail_query_finds_the_teen_article_first_for_a_teen():
    assert baken_ffi.library_search("chantage met naaktfoto", baken_ffi.Language.NL, baken_ffi.Audience.TEEN)[0].id == "sextortion-teen"


def test_unknown_id_is_a_typed_error():
    with pytest.raises(baken_ffi.BakenError.NotFound) as missing:
        baken_ffi.library_article("no-such-article", baken_ffi.Language.EN)
    assert "no-such-article" in str(missing.value)


@pytest.mark.parametrize("query", ["", "?!.;", '"', "*", "a NEAR b", "-geld", "((", "geld)", "\x00"])
def test_hostile_query_gives_a_list(query):
    assert isinstance(baken_ffi.library_search(query, baken_ffi.Language.NL, None), list)


def test_warning_signs_are_typed():
    signs = baken_ffi.warning_signs(baken_ffi.ArticleTopic.SEXTORTION, baken_ffi.Language.EN)
    assert any(s.signal == baken_ffi.Signal.PAYMENT_DEMAND for s in signs)
    sign = baken_ffi.warning_sign(baken_ffi.Signal.THREAT, baken_ffi.Language.NL)
    assert sign.name and all(isinstance(t.topic, baken_ffi.ArticleTopic) and t.name for t in sign.topics)
    assert all(t.name for t in baken_ffi.library_topics(baken_ffi.Language.EN))
