package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class ChecklistTest {
    /** Walks the adaptive checklist, answering each question with pick(id), or else "no", or else (a question about the contact) its first answer. */
    private fun walk(audience: ChecklistAudience, pick: (String) -> String? = { null }): Map<String, String> {
        val answers = mutableMapOf<String, String>()
        while (true) {
            val q = checklistNextQuestion(audience, Language.EN, answers) ?: return answers
            val answer = pick(q.id) ?: (if (q.answers.any { it.id == "no" }) "no" else q.answers[0].id)
            assertTrue("${q.id} offers $answer", q.answers.any { it.id == answer })
            answers[q.id] = answer
        }
    }

    @Test
    fun questionsComeInBothLanguagesWithSourcesAndFollowUps() {
        val nl = checklist(ChecklistAudience.TEEN, Language.NL)
        val en = checklist(ChecklistAudience.TEEN, Language.EN)
        assertTrue(en.questions.size in 2..18)
        assertEquals(nl.questions.map { it.id }, en.questions.map { it.id })
        assertNotEquals(nl.questions[0].text, en.questions[0].text)
        assertEquals("offers", en.questions.first { it.id == "owes" }.follows)
        assertTrue(en.questions.all { q -> q.sources.isNotEmpty() && q.sources.all { it.url.startsWith("http") } })
        assertTrue(en.questions.flatMap { it.sources }.any { it.kind == SourceKind.INSTRUMENT })
    }

    @Test
    fun allNoGivesNoneAndAThreatGivesDangerWithExplanations() {
        val calm = checklistScore(ChecklistAudience.TEEN, Language.EN, walk(ChecklistAudience.TEEN))
        assertEquals(Level.NONE, calm.level)
        assertTrue(calm.signals.isEmpty())

        val threat = walk(ChecklistAudience.TEEN) { if (it == "threat_or_money") "threat" else null }
        val result = checklistScore(ChecklistAudience.TEEN, Language.NL, threat)
        assertEquals(Level.DANGER, result.level)
        assertEquals(listOf(Signal.THREAT), result.situation.signals)
        assertEquals(Signal.THREAT, result.signals[0].explanation.signal)
        assertTrue(result.signals[0].explanation.why.contains("niet jouw schuld"))
        assertTrue(result.advice.any { it.contains("112") })
        assertTrue(result.articles.contains("sextortion-teen"))
    }

    @Test
    fun parentChecklistSkipsFollowUpsAndScores() {
        val answers = walk(ChecklistAudience.PARENT) { if (it == "afraid") "yes" else null }
        assertFalse(answers.containsKey("owes"))
        assertEquals(Level.DANGER, checklistScore(ChecklistAudience.PARENT, Language.EN, answers).level)
    }

    @Test
    fun signalExplanationsExistForEverySignalInBothLanguages() {
        assertEquals(16, Signal.entries.size)
        for (lang in Language.entries) for (signal in Signal.entries) {
            val e = signalExplanation(signal, lang)
            assertEquals(signal, e.signal)
            assertEquals(lang, e.language)
            assertTrue(e.title.isNotEmpty() && e.what.isNotEmpty() && e.why.isNotEmpty())
        }
    }

    @Test
    fun everyLevelHasATitleAndANextStepInBothLanguages() {
        for (lang in Language.entries) {
            val texts = Level.entries.map { levelText(it, lang) }
            assertTrue(texts.all { it.title.isNotEmpty() && it.advice.isNotEmpty() })
            assertEquals(Level.entries.size, texts.map { it.title }.toSet().size)
        }
        assertEquals("Doe nu iets", levelText(Level.DANGER, Language.NL).title)
    }

    @Test
    fun badInputIsATypedErrorNamingIt() {
        val complete = walk(ChecklistAudience.TEEN)
        val unknown = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, Language.EN, complete + ("colour" to "red"))
        }
        assertTrue(unknown.reason, unknown.reason.contains("colour"))
        val range = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, Language.EN, complete + ("secrecy" to "perhaps"))
        }
        assertTrue(range.reason, range.reason.contains("perhaps"))
        val missing = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, Language.EN, complete - "afraid")
        }
        assertTrue(missing.reason, missing.reason.contains("afraid"))
    }
}
