package nl.baken.demo.model

import nl.baken.ArticleSummary
import nl.baken.ArticleTopic
import nl.baken.Audience
import nl.baken.BakenException
import nl.baken.Language
import nl.baken.LibraryArticle
import nl.baken.LibraryTopic
import nl.baken.libraryArticle
import nl.baken.libraryArticles
import nl.baken.librarySearch
import nl.baken.libraryTopics

/** What the learn screen shows: topics, a list of articles (a topic's or a search's), or one article. */
data class LibraryState(
    val topics: List<LibraryTopic> = emptyList(),
    val topic: ArticleTopic? = null,
    val query: String = "",
    val articles: List<ArticleSummary> = emptyList(),
    val article: LibraryArticle? = null,
    val failure: String? = null,
)

/** "Learn": the core's articles, topics and search, for the reader's audience. */
class LibraryPresenter(private val language: Language, private val audience: Audience = Audience.TEEN) {
    var state = LibraryState()
        private set

    fun load(): LibraryState = attempt { LibraryState(topics = libraryTopics(language), articles = libraryArticles(language, audience, null)) }

    fun showTopic(topic: ArticleTopic?): LibraryState =
        attempt { state.copy(topic = topic, query = "", articles = libraryArticles(language, audience, topic), article = null) }

    /** Search ranks the reader's audience first; an empty query shows the topic's list again. */
    fun search(query: String): LibraryState =
        if (query.isBlank()) showTopic(state.topic) else attempt { state.copy(query = query, articles = librarySearch(query, language, audience), article = null) }

    fun open(id: String): LibraryState = attempt { state.copy(article = libraryArticle(id, language)) }

    fun closeArticle(): LibraryState {
        state = state.copy(article = null)
        return state
    }

    fun clear() {
        state = LibraryState()
    }

    private fun attempt(next: () -> LibraryState): LibraryState {
        state = try {
            next().copy(failure = null)
        } catch (e: BakenException) {
            state.copy(failure = e.message)
        }
        return state
    }
}
