import pytest

import baken_ffi


def test_list_by_audience_and_topic():
    teen = baken_ffi.library_articles("nl", "teen", "sextortion")
    assert teen
    assert all(a.audience == "teen" and a.topic == "sextortion" for a in teen)
    assert len(baken_ffi.library_articles("en", None, None)) > len(teen)


def test_show_markdown_and_plain_text():
    article = baken_ffi.library_article("sextortion-teen", "nl")
    assert article.language == "nl"
    assert "**" in article.markdown and "**" not in article.plain_text
    assert all(s.url.startswith("http") for s in article.sources)


@pytest.mark.parametrize(
    "query,language",
    [("sextortion", "en"), ("chantage met naaktfoto", "nl"), ("someone wants money for my pics", "en")],
)
def test_search_finds_sextortion(query, language):
    assert baken_ffi.library_search(query, language, None)[0].topic == "sextortion"
    assert baken_ffi.library_search(query, language, "teen")[0].topic == "sextortion"


def test_dutch_blackmail_query_finds_the_teen_article_first_for_a_teen():
    assert baken_ffi.library_search("chantage met naaktfoto", "nl", "teen")[0].id == "sextortion-teen"


def test_unknown_id_and_language_are_typed_errors():
    with pytest.raises(baken_ffi.BakenError.NotFound) as missing:
        baken_ffi.library_article("no-such-article", "en")
    assert "no-such-article" in str(missing.value)
    with pytest.raises(baken_ffi.BakenError.InvalidInput):
        baken_ffi.library_article("sextortion-teen", "fr")


@pytest.mark.parametrize("query", ["", "?!.;", '"', "*", "a NEAR b", "-geld", "((", "geld)", "\x00"])
def test_hostile_query_gives_a_list(query):
    assert isinstance(baken_ffi.library_search(query, "nl", None), list)
