package nl.baken.demo.tests

import nl.baken.Language
import nl.baken.Level
import nl.baken.Signal
import nl.baken.demo.model.CheckState
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class CheckFlowTest {
    @Test
    fun spansAreUtf16AndExplanationsComeInTheReadersLanguage() {
        val s = session()
        val text = "ok 😊 send me a pic. keep this between us"
        val checked = s.check.check(text) as CheckState.Checked
        assertEquals(Language.EN, checked.analysis.language)
        assertEquals(Level.DANGER, checked.analysis.level)
        assertEquals(listOf(Signal.IMAGE_REQUEST, Signal.SECRECY), checked.signals.map { it.found.signal })
        val image = checked.signals.first { it.found.signal == Signal.IMAGE_REQUEST }
        assertEquals("send me a pic", text.substring(image.found.startUtf16.toInt(), image.found.endUtf16.toInt()))
        checked.signals.forEach { assertEquals("explained in Dutch, the phone's language", Language.NL, it.explanation.language) }
        assertEquals(checked.analysis.signals.size, checked.signals.size)
        val expected = s.help.routes(null, checked.analysis.signals.map { it.signal }.distinct(), checked.analysis.level)
        assertEquals("the core's routes as they are", expected, checked.routes)
        assertTrue(checked.routes.isNotEmpty())
    }

    @Test
    fun anEverydayMessageHasNoSignalsAndATooLongOneIsRefused() {
        val s = session(locale = "en-GB", country = "GB")
        val none = s.check.check("can you send me a pic of the homework?") as CheckState.Checked
        assertEquals(Level.NONE, none.analysis.level)
        assertTrue(none.signals.isEmpty())
        assertTrue(s.check.check("x".repeat((1 shl 20) + 1)) is CheckState.Failed)
        s.check.clear()
        assertEquals(CheckState.Empty, s.check.state)
    }
}
