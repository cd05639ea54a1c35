package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test
import java.io.File

class ChatTest {
    private fun fixture(name: String) = File("core/tests/fixtures/chats/$name").readBytes()

    @Test
    fun aWhatsAppExportIsScannedPerPersonAndTheTeenIsNeverScored() {
        val scan = scanChat(fixture("scan-grooming-en.txt"), "Emma", Language.NL)
        assertEquals(ChatFormat.WHATS_APP_ANDROID, scan.format)
        assertEquals(13UL, scan.messagesTotal)
        assertEquals(Level.DANGER, scan.level)
        val alex = scan.people.first { it.name == "Alex" }
        assertEquals(Level.DANGER, alex.level)
        assertEquals(ChatStage.TRUST, alex.stages.first())
        assertEquals(listOf(ChatEvent.MEDIA, ChatEvent.DELETED), alex.events.map { it.event })
        assertTrue(alex.summary, alex.summary.startsWith("In 3 dagen ging Alex van complimentjes"))
        val images = alex.signals.first { it.signal == Signal.IMAGE_REQUEST }
        assertEquals("2024-03-16T22:15:00", images.firstSeen)
        assertEquals("send me a pic of you in your bra", images.examples.first().text)
        val emma = scan.people.first { it.name == "Emma" }
        assertTrue(emma.isMe)
        assertTrue(emma.signals.isEmpty())
        assertEquals(Level.NONE, scan.people.first { it.name == "Mum" }.level)
        assertTrue(scan.limitations.any { it.kind == ExportLimitation.DELETED_MESSAGES && it.text.startsWith("Er zijn berichten verwijderd") })
    }

    @Test
    fun badExportsAreTypedErrors() {
        assertThrows(BakenException.InvalidInput::class.java) { scanChat(ByteArray(0), null, null) }
        assertThrows(BakenException.InvalidInput::class.java) { scanChat("{\"messages\": [".toByteArray(), null, null) }
        val wrongMe = assertThrows(BakenException.InvalidInput::class.java) { scanChat(fixture("pasted.txt"), "Nobody", null) }
        assertTrue(wrongMe.message!!.contains("Sam, Lisa"))
    }
}
