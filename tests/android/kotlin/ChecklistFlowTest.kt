package nl.baken.demo.tests

import nl.baken.ChecklistAudience
import nl.baken.Level
import nl.baken.Signal
import nl.baken.demo.model.ChecklistPresenter
import nl.baken.demo.model.ChecklistState
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class ChecklistFlowTest {
    /** Answers every question "no" (or its first answer), except `yes` ones; returns the final state. */
    private fun finish(p: ChecklistPresenter, first: ChecklistState, yes: Set<String> = emptySet()): ChecklistState {
        var state = first
        var asked = 0
        while (state is ChecklistState.Asking) {
            val q = state.question
            assertEquals(++asked, state.number)
            val answer = if (q.id in yes) "yes" else q.answers.firstOrNull { it.id == "no" }?.id ?: q.answers.first().id
            state = p.answer(q.id, answer)
        }
        return state
    }

    @Test
    fun oneQuestionAtATimeBackAndAnExplainedResult() {
        val s = session()
        val first = s.checklist.start(ChecklistAudience.TEEN) as ChecklistState.Asking
        assertTrue(first.intro.isNotBlank())
        val second = s.checklist.answer(first.question.id, first.question.answers.first().id) as ChecklistState.Asking
        assertEquals(2, second.number)
        assertEquals("back shows the question before", first.question.id, (s.checklist.back() as ChecklistState.Asking).question.id)
        assertEquals(ChecklistState.ChooseAudience, s.checklist.back())
        val done = finish(s.checklist, s.checklist.start(ChecklistAudience.TEEN)) as ChecklistState.Done
        assertEquals(Level.NONE, done.result.level)
        assertTrue(done.result.headline.isNotBlank())
    }

    @Test
    fun aParentsDangerResultRoutesAsTheCoreDoes() {
        val s = session(locale = "en-US")
        val done = finish(s.checklist, s.checklist.start(ChecklistAudience.PARENT), yes = setOf("exploitation")) as ChecklistState.Done
        assertEquals(Level.DANGER, done.result.level)
        assertEquals(listOf(Signal.EXPLOITATION), done.result.situation.signals)
        assertEquals(s.help.routes(null, done.result.situation.signals, done.result.situation.level), done.routes)
        assertTrue("the emergency number is always among them", done.routes.any { it.emergency })
    }
}
