package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class AnalyzeTest {
    @Test
    fun utf16SpansHighlightTheRightTextInAStringWithEmoji() {
        val text = "hé 😊😊 send me a 📸 of you, don't tell anyone 🤫"
        val result = analyze(text, Language.EN)
        assertEquals(Level.DANGER, result.level)
        // The secret is asked twice: in words, and with 🤫 (read as "secret").
        assertEquals(listOf(Signal.IMAGE_REQUEST, Signal.SECRECY, Signal.SECRECY), result.signals.map { it.signal })
        for (s in result.signals) {
            // Kotlin strings are UTF-16: the UTF-16 offsets cut exactly the excerpt.
            assertEquals(s.excerpt, text.substring(s.startUtf16.toInt(), s.endUtf16.toInt()))
            // The byte offsets cut the same text out of the UTF-8 bytes.
            val bytes = text.toByteArray(Charsets.UTF_8)
            assertEquals(s.excerpt, String(bytes.copyOfRange(s.start.toInt(), s.end.toInt()), Charsets.UTF_8))
        }
        assertEquals("don't tell anyone", result.signals[1].excerpt)
        assertEquals("🤫", result.signals[2].excerpt)
    }

    @Test
    fun languageIsDetectedWhenNotGiven() {
        val result = analyze("hoe oud ben je? ben je alleen thuis?", null)
        assertEquals(Language.NL, result.language)
        assertEquals(listOf(Signal.PERSONAL_INFO, Signal.PERSONAL_INFO), result.signals.map { it.signal })
    }

    @Test
    fun benignLookAlikesAndEmptyTextStayQuiet() {
        assertEquals(Level.NONE, analyze("can you send me a pic of the homework?", Language.EN).level)
        assertEquals(Level.NONE, analyze("niet tegen mama zeggen, het is een verrassing voor haar verjaardag", Language.NL).level)
        val empty = analyze("", null)
        assertEquals(Level.NONE, empty.level)
        assertTrue(empty.signals.isEmpty())
    }

    @Test
    fun badInputThrowsInvalidInput() {
        assertThrows(BakenException.InvalidInput::class.java) { analyze("x".repeat((1 shl 20) + 1), null) }
    }
}
