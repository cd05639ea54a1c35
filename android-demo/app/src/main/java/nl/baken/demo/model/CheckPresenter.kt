package nl.baken.demo.model

import nl.baken.BakenException
import nl.baken.HelpRoute
import nl.baken.Language
import nl.baken.MessageAnalysis
import nl.baken.MessageSignal
import nl.baken.SignalExplanation
import nl.baken.analyze
import nl.baken.signalExplanation

/** One signal the core saw, with where it is (UTF-16, for highlighting) and what it means. */
data class ExplainedSignal(val found: MessageSignal, val explanation: SignalExplanation)

/** What the check screen shows. */
sealed interface CheckState {
    /** Nothing checked yet. */
    data object Empty : CheckState

    /** The analysis of `text`: its level, each signal explained, and where to get help now. */
    data class Checked(val text: String, val analysis: MessageAnalysis, val signals: List<ExplainedSignal>, val routes: List<HelpRoute>) : CheckState

    /** The core refused the text (too long, for instance). */
    data class Failed(val reason: String) : CheckState
}

/** "Check a message": the core analyses it in its own language; explanations come in the reader's. */
class CheckPresenter(private val language: Language, private val help: HelpPresenter) {
    var state: CheckState = CheckState.Empty
        private set

    fun check(text: String): CheckState {
        state = try {
            val analysis = analyze(text, null)
            val explained = analysis.signals.map { ExplainedSignal(it, signalExplanation(it.signal, language)) }
            val routes = help.routes(null, analysis.signals.map { it.signal }.distinct(), analysis.level)
            CheckState.Checked(text, analysis, explained, routes)
        } catch (e: BakenException) {
            CheckState.Failed(e.message ?: "")
        }
        return state
    }

    fun clear() {
        state = CheckState.Empty
    }
}
