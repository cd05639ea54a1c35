package nl.baken.demo.model

import nl.baken.BakenException
import nl.baken.ChecklistAudience
import nl.baken.ChecklistQuestion
import nl.baken.ChecklistResult
import nl.baken.HelpRoute
import nl.baken.Language
import nl.baken.checklist
import nl.baken.checklistNextQuestion
import nl.baken.checklistScore

/** What the checklist screen shows. */
sealed interface ChecklistState {
    /** Ask who fills it in: a teen, or a parent or carer. */
    data object ChooseAudience : ChecklistState

    /** One question at a time; `number` counts from 1. */
    data class Asking(val title: String, val intro: String, val question: ChecklistQuestion, val number: Int) : ChecklistState

    /** The explained result and where to get help. */
    data class Done(val result: ChecklistResult, val routes: List<HelpRoute>) : ChecklistState

    data class Failed(val reason: String) : ChecklistState
}

/** "Is this normal?": the core picks each next question and scores the answers. */
class ChecklistPresenter(private val language: Language, private val help: HelpPresenter) {
    private var audience = ChecklistAudience.TEEN
    /** The answers in the order given, so that "back" takes the last one away. */
    private val answers = LinkedHashMap<String, String>()

    var state: ChecklistState = ChecklistState.ChooseAudience
        private set

    fun start(audience: ChecklistAudience): ChecklistState {
        this.audience = audience
        answers.clear()
        return advance()
    }

    fun answer(questionId: String, answerId: String): ChecklistState {
        answers[questionId] = answerId
        return advance()
    }

    /** Back to the question before; from the first question, back to the choice of audience. */
    fun back(): ChecklistState {
        val last = answers.keys.lastOrNull() ?: return clear()
        answers.remove(last)
        return advance()
    }

    fun clear(): ChecklistState {
        answers.clear()
        state = ChecklistState.ChooseAudience
        return state
    }

    private fun advance(): ChecklistState {
        state = try {
            val next = checklistNextQuestion(audience, language, answers.toMap())
            if (next != null) {
                val list = checklist(audience, language)
                ChecklistState.Asking(list.title, list.intro, next, answers.size + 1)
            } else {
                val result = checklistScore(audience, language, answers.toMap())
                ChecklistState.Done(result, help.routes(null, result.situation.signals, result.situation.level))
            }
        } catch (e: BakenException) {
            ChecklistState.Failed(e.message ?: "")
        }
        return state
    }
}
