package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class LibraryTest {
    @Test
    fun listsArticlesByAudienceAndTopic() {
        val all = libraryArticles(Language.EN, null, null)
        assertTrue(all.size >= 2)
        val teen = libraryArticles(Language.NL, Audience.TEEN, ArticleTopic.SEXTORTION)
        assertTrue(teen.isNotEmpty())
        assertTrue(teen.all { it.audience == Audience.TEEN && it.topic == ArticleTopic.SEXTORTION })
        assertEquals(9, libraryTopics(Language.EN).size)
    }

    @Test
    fun showsAnArticleAsMarkdownAndPlainText() {
        val a = libraryArticle("sextortion-teen", Language.EN)
        assertEquals(ArticleTopic.SEXTORTION, a.topic)
        assertEquals(Language.EN, a.language)
        assertTrue(a.markdown.contains("**"))
        assertFalse(a.plainText.contains("**"))
        assertTrue(a.sources.all { it.url.startsWith("http") })
    }

    @Test
    fun searchFindsSextortionInBothLanguages() {
        assertEquals("sextortion-teen", librarySearch("chantage met naaktfoto", Language.NL, null).first().id)
        assertEquals(ArticleTopic.SEXTORTION, librarySearch("someone wants money for my pics", Language.EN, null).first().topic)
        assertEquals(ArticleTopic.SEXTORTION, librarySearch("someone wants money for my pics", Language.EN, Audience.TEEN).first().topic)
        assertEquals("sextortion-teen", librarySearch("sextortion", Language.EN, Audience.TEEN).first().id)
    }

    @Test
    fun unknownIdIsNotFound() {
        val missing = assertThrows(BakenException.NotFound::class.java) { libraryArticle("no-such-article", Language.EN) }
        assertTrue(missing.reason.contains("no-such-article"))
    }

    @Test
    fun hostileQueriesReturnAListNeverThrow() {
        for (q in listOf("", "?!.;", "\"", "*", "a NEAR b", "-geld", "((", "geld)")) {
            librarySearch(q, Language.NL, null)
        }
        assertTrue(librarySearch("?!.;", Language.NL, null).isEmpty())
    }

    @Test
    fun warningSignsLinkSignalsAndTopics() {
        val signs = warningSigns(ArticleTopic.SEXTORTION, Language.EN)
        assertTrue(signs.any { it.signal == Signal.PAYMENT_DEMAND })
        val threat = warningSign(Signal.THREAT, Language.NL)
        assertTrue(threat.topics.any { it.topic == ArticleTopic.SEXTORTION })
    }
}
