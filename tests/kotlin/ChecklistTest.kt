package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class ChecklistTest {
    /** Walks the adaptive checklist, answering each question with pick(id), or else "no", or else (a question about the contact) its first answer. */
    private fun walk(audience: ChecklistAudience, pick: (String) -> String? = { null }): Map<String, String> {
        val answers = mutableMapOf<String, String>()
        while (true) {
            val q = checklistNextQuestion(audience, "en", answers) ?: return answers
            val answer = pick(q.id) ?: (if (q.answers.any { it.id == "no" }) "no" else q.answers[0].id)
            assertTrue("${q.id} offers $answer", q.answers.any { it.id == answer })
            answers[q.id] = answer
        }
    }

    @Test
    fun questionsComeInBothLanguagesWithSourcesAndFollowUps() {
        val nl = checklist(ChecklistAudience.TEEN, "nl")
        val en = checklist(ChecklistAudience.TEEN, "en")
        assertTrue(en.questions.size in 2..18)
        assertEquals(nl.questions.map { it.id }, en.questions.map { it.id })
        assertNotEquals(nl.questions[0].text, en.questions[0].text)
        assertEquals("offers", en.questions.first { it.id == "owes" }.follows)
        assertTrue(en.questions.all { q -> q.sources.isNotEmpty() && q.sources.all { it.url.startsWith("http") } })
        assertTrue(en.questions.flatMap { it.sources }.any { it.kind == "instrument" })
    }

    @Test
    fun allNoGivesNoneAndAThreatGivesDangerWithExplanations() {
        val calm = checklistScore(ChecklistAudience.TEEN, "en", walk(ChecklistAudience.TEEN))
        assertEquals("none", calm.level)
        assertTrue(calm.signals.isEmpty())

        val threat = walk(ChecklistAudience.TEEN) { if (it == "threat_or_money") "threat" else null }
        val result = checklistScore(ChecklistAudience.TEEN, "nl", threat)
        assertEquals("danger", result.level)
        assertEquals(listOf("threat"), result.situation.signals)
        assertEquals("threat", result.signals[0].explanation.signal)
        assertTrue(result.signals[0].explanation.why.contains("niet jouw schuld"))
        assertTrue(result.advice.any { it.contains("112") })
        assertTrue(result.articles.contains("sextortion-teen"))
    }

    @Test
    fun parentChecklistSkipsFollowUpsAndScores() {
        val answers = walk(ChecklistAudience.PARENT) { if (it == "afraid") "yes" else null }
        assertFalse(answers.containsKey("owes"))
        assertEquals("danger", checklistScore(ChecklistAudience.PARENT, "en", answers).level)
    }

    @Test
    fun signalExplanationsExistForEverySignalInBothLanguages() {
        val ids = listOf("secrecy", "isolation", "platform_switch", "personal_info", "flattery", "sexual_talk",
            "image_request", "gifts_money", "meeting", "threat", "payment_demand", "pressure", "recruitment",
            "debt_bondage", "exploitation", "control")
        for (lang in listOf("nl", "en")) for (id in ids) {
            val e = signalExplanation(id, lang)
            assertEquals(id, e.signal)
            assertTrue(e.title.isNotEmpty() && e.what.isNotEmpty() && e.why.isNotEmpty())
        }
    }

    @Test
    fun badInputIsATypedErrorNamingIt() {
        val complete = walk(ChecklistAudience.TEEN)
        val lang = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, "fr", complete)
        }
        assertTrue(lang.reason, lang.reason.contains("fr"))
        val unknown = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, "en", complete + ("colour" to "red"))
        }
        assertTrue(unknown.reason, unknown.reason.contains("colour"))
        val range = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, "en", complete + ("secrecy" to "perhaps"))
        }
        assertTrue(range.reason, range.reason.contains("perhaps"))
        val missing = assertThrows(BakenException.InvalidInput::class.java) {
            checklistScore(ChecklistAudience.TEEN, "en", complete - "afraid")
        }
        assertTrue(missing.reason, missing.reason.contains("afraid"))
        assertThrows(BakenException.InvalidInput::class.java) { signalExplanation("nudes", "en") }
    }
}
