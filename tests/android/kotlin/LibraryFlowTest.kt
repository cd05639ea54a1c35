package nl.baken.demo.tests

import nl.baken.Audience
import nl.baken.Language
import nl.baken.librarySearch
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class LibraryFlowTest {
    @Test
    fun topicsSearchAndAnArticleAsTheCoreGivesThem() {
        val p = session().library
        val loaded = p.load()
        assertTrue(loaded.topics.isNotEmpty())
        assertTrue(loaded.articles.all { it.audience == Audience.TEEN })
        val topic = loaded.topics.first().topic
        assertTrue(p.showTopic(topic).articles.all { it.topic == topic })
        val found = p.search("chantage met naaktfoto")
        assertEquals(librarySearch("chantage met naaktfoto", Language.NL, Audience.TEEN), found.articles)
        val article = p.open(found.articles.first().id).article
        assertNotNull(article)
        assertTrue(article!!.markdown.isNotBlank())
        assertTrue(article.sources.isNotEmpty())
        assertNull(p.closeArticle().article)
        assertEquals("an empty search shows the topic again", topic, p.search(" ").topic)
        assertTrue(p.open("no-such-article").failure != null)
    }
}
