package nl.baken.demo.tests

import nl.baken.EntryKind
import nl.baken.Level
import nl.baken.demo.model.JournalState
import nl.baken.demo.model.ScanState
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class ScanFlowTest {
    @Test
    fun theTeenSaysWhoTheyAreAndSavesAContactToTheJournal() {
        val s = session()
        val export = chat("scan-grooming-en.txt")
        val first = s.scan.read(export) as ScanState.Scanned
        assertNull(first.me)
        assertEquals(Level.DANGER, first.scan.level)
        val mine = s.scan.iAm("Emma") as ScanState.Scanned
        assertTrue(mine.scan.people.first { it.name == "Emma" }.isMe)
        assertTrue("limitations in Dutch", mine.scan.limitations.any { it.text.startsWith("Er zijn berichten verwijderd") })

        s.open(nl.baken.demo.model.Screen.JOURNAL)
        s.journal.create("lange zin 2026", "lange zin 2026")
        val saved = s.scan.save("Alex", attach = true, journal = s.journal) as ScanState.Scanned
        val entry = saved.saved!!
        assertEquals(EntryKind.EVIDENCE, entry.kind)
        assertEquals("Alex", entry.contact?.name)
        assertEquals(export.size.toULong(), entry.attachments.single().size)
        assertEquals(1, (s.journal.state as JournalState.Open).list.entries.size)
    }

    @Test
    fun savingNeedsAnOpenJournalAndABadFileIsATypedFailure() {
        val s = session()
        val scanned = s.scan.read(chat("scan-grooming-en.txt")) as ScanState.Scanned
        assertEquals("nothing saved without a journal", scanned, s.scan.save("Alex", attach = false, journal = s.journal))
        assertTrue("the scan stays, with the core's reason", (s.scan.save("Nobody", attach = false, journal = s.journal) as ScanState.Scanned).failure!!.contains("Nobody"))
        assertTrue(s.scan.read(ByteArray(0)) is ScanState.Failed)
        s.scan.clear()
        assertEquals(ScanState.Idle, s.scan.state)
    }
}
