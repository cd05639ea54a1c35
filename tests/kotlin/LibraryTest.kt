package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class LibraryTest {
    @Test
    fun listsArticlesByAudienceAndTopic() {
        val all = libraryArticles("en", null, null)
        assertTrue(all.size >= 2)
        val teen = libraryArticles("nl", "teen", "sextortion")
        assertTrue(teen.isNotEmpty())
        assertTrue(teen.all { it.audience == "teen" && it.topic == "sextortion" })
        assertEquals(9, libraryTopics("en").size)
    }

    @Test
    fun showsAnArticleAsMarkdownAndPlainText() {
        val a = libraryArticle("sextortion-teen", "en")
        assertEquals("sextortion", a.topic)
        assertTrue(a.markdown.contains("**"))
        assertFalse(a.plainText.contains("**"))
        assertTrue(a.sources.all { it.url.startsWith("http") })
    }

    @Test
    fun searchFindsSextortionInBothLanguages() {
        assertEquals("sextortion-teen", librarySearch("chantage met naaktfoto", "nl", null).first().id)
        assertEquals("sextortion", librarySearch("someone wants money for my pics", "en", null).first().topic)
        assertEquals("sextortion", librarySearch("someone wants money for my pics", "en", "teen").first().topic)
        assertEquals("sextortion-teen", librarySearch("sextortion", "en", "teen").first().id)
    }

    @Test
    fun unknownIdIsNotFoundAndUnknownLanguageIsInvalidInput() {
        val missing = assertThrows(BakenException.NotFound::class.java) { libraryArticle("no-such-article", "en") }
        assertTrue(missing.reason.contains("no-such-article"))
        val lang = assertThrows(BakenException.InvalidInput::class.java) { libraryArticle("sextortion-teen", "fr") }
        assertTrue(lang.reason.contains("fr"))
        assertThrows(BakenException.InvalidInput::class.java) { libraryArticles("en", "kids", null) }
    }

    @Test
    fun hostileQueriesReturnAListNeverThrow() {
        for (q in listOf("", "?!.;", "\"", "*", "a NEAR b", "-geld", "((", "geld)")) {
            librarySearch(q, "nl", null)
        }
        assertTrue(librarySearch("?!.;", "nl", null).isEmpty())
    }

    @Test
    fun warningSignsLinkSignalsAndTopics() {
        val signs = warningSigns("sextortion", "en")
        assertTrue(signs.any { it.signal == "payment_demand" })
        val threat = warningSign("threat", "nl")
        assertTrue(threat.topics.any { it.id == "sextortion" })
        assertThrows(BakenException.InvalidInput::class.java) { warningSign("nudes", "nl") }
    }
}
