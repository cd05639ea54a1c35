package nl.baken.demo.model

import nl.baken.EmergencyNumber
import nl.baken.HelpRoute
import nl.baken.Language
import nl.baken.Level
import nl.baken.RouteRequest
import nl.baken.Signal
import nl.baken.Asker
import nl.baken.Topic
import nl.baken.BakenException
import nl.baken.coverageNote
import nl.baken.emergencyNumber
import nl.baken.route
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter

/** The moment as RFC 3339 with the phone's own offset, such as `2026-12-01T23:00:00+01:00`. */
fun interface Clock {
    fun now(): String

    companion object {
        private val format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
        /** The phone's clock and time zone. */
        val Phone = Clock { OffsetDateTime.now().format(format) }
    }
}

/** What the help screen shows: the core's routes, best first, and its note on the country. */
data class HelpState(
    val routes: List<HelpRoute> = emptyList(),
    val coverage: String? = null,
    val emergency: EmergencyNumber? = null,
    val quiet: Boolean = false,
    val topic: Topic? = null,
    val failure: String? = null,
)

/** Help routes for the phone's country, language and time; the core ranks them. */
class HelpPresenter(private val language: Language, private val country: String, private val clock: Clock = Clock.Phone) {
    var state = HelpState()
        private set

    /** The routes for a topic (none: anything), asked as a teen. */
    fun load(topic: Topic? = state.topic): HelpState {
        state = try {
            state.copy(
                topic = topic,
                routes = routes(topic, emptyList(), null),
                coverage = coverageNote(country, language),
                emergency = emergencyOrNone(),
                failure = null,
            )
        } catch (e: BakenException) {
            state.copy(topic = topic, routes = emptyList(), failure = e.message)
        }
        return state
    }

    /** Quiet mode: the user cannot talk out loud, so the core puts chat and text first. */
    fun setQuiet(quiet: Boolean): HelpState {
        state = state.copy(quiet = quiet)
        return load()
    }

    /** The routes for what a check or the checklist found, in the current quiet mode. */
    fun routes(topic: Topic?, signals: List<Signal>, level: Level?): List<HelpRoute> = route(
        RouteRequest(
            country = country,
            topic = topic,
            signals = signals,
            level = level,
            audience = Asker.TEEN,
            age = null,
            language = language,
            quiet = state.quiet,
            now = clock.now(),
        ),
    )

    /** The emergency number, or none where Baken does not know it (the routes then say what to do). */
    private fun emergencyOrNone(): EmergencyNumber? = try {
        emergencyNumber(country)
    } catch (e: BakenException.NotFound) {
        null
    }

    fun clear() {
        state = HelpState()
    }
}
