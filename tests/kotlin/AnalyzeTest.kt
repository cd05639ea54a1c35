package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class AnalyzeTest {
    @Test
    fun utf16SpansHighlightTheRightTextInAStringWithEmoji() {
        val text = "hé 😊😊 send me a 📸 of you, don't tell anyone 🤫"
        val result = analyze(text, "en")
        assertEquals("danger", result.level)
        // The secret is asked twice: in words, and with 🤫 (read as "secret").
        assertEquals(listOf("image_request", "secrecy", "secrecy"), result.signals.map { it.signal })
        for (s in result.signals) {
            // Kotlin strings are UTF-16: the UTF-16 offsets cut exactly the excerpt.
            assertEquals(s.excerpt, text.substring(s.startUtf16.toInt(), s.endUtf16.toInt()))
            // The byte offsets cut the same text out of the UTF-8 bytes.
            val bytes = text.toByteArray(Charsets.UTF_8)
            assertEquals(s.excerpt, String(bytes.copyOfRange(s.start.toInt(), s.end.toInt()), Charsets.UTF_8))
            assertEquals(s.signal, s.explanationId)
        }
        assertEquals("don't tell anyone", result.signals[1].excerpt)
        assertEquals("🤫", result.signals[2].excerpt)
    }

    @Test
    fun languageIsDetectedWhenNotGiven() {
        val result = analyze("hoe oud ben je? ben je alleen thuis?", null)
        assertEquals("nl", result.language)
        assertEquals(listOf("personal_info", "personal_info"), result.signals.map { it.signal })
    }

    @Test
    fun benignLookAlikesAndEmptyTextStayQuiet() {
        assertEquals("none", analyze("can you send me a pic of the homework?", "en").level)
        assertEquals("none", analyze("niet tegen mama zeggen, het is een verrassing voor haar verjaardag", "nl").level)
        val empty = analyze("", null)
        assertEquals("none", empty.level)
        assertTrue(empty.signals.isEmpty())
    }

    @Test
    fun badInputThrowsInvalidInput() {
        assertThrows(BakenException.InvalidInput::class.java) { analyze("hallo", "fr") }
        assertThrows(BakenException.InvalidInput::class.java) { analyze("x".repeat((1 shl 20) + 1), null) }
    }
}
