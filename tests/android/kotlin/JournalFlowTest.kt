package nl.baken.demo.tests

import nl.baken.EntryKind
import nl.baken.Language
import nl.baken.NewJournalAttachment
import nl.baken.PasscodeWarning
import nl.baken.Signal
import nl.baken.demo.model.JournalState
import nl.baken.demo.model.Notice
import nl.baken.demo.model.Screen
import nl.baken.tests.HmacKeyStore
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import java.io.File

class JournalFlowTest {
    private val passcode = "mijn geheime zin 7"

    @Test
    fun createWriteLookBackVerifyAndExport() {
        val s = session()
        s.open(Screen.JOURNAL)
        assertEquals(JournalState.Absent(), s.journal.state)
        assertEquals(PasscodeWarning.FEW_DIGITS, s.journal.warning("5821"))
        assertEquals(JournalState.Absent(Notice.PasscodesDiffer), s.journal.create(passcode, "mijn geheime zin 8"))
        assertTrue(s.journal.create(passcode, passcode) is JournalState.Open)
        val png = byteArrayOf(0x89.toByte(), 0x50, 0x4e, 0x47)
        val open = s.journal.add(EntryKind.EVIDENCE, "hij zei: als je niet doet wat ik zeg zet ik je fotos online", "@sam_2008", "Snapchat", listOf(NewJournalAttachment("image/png", png)))
            as JournalState.Open
        val entry = open.list.entries.single()
        assertTrue("signals come from the core's analysis", Signal.THREAT in entry.signals)
        assertEquals("2026-12-01T23:00:00+01:00", entry.happenedAt)
        assertEquals(1, (s.journal.showHistory(entry.id) as JournalState.Open).history!!.size)
        assertEquals(null, (s.journal.closeHistory() as JournalState.Open).history)
        assertTrue((s.journal.verify() as JournalState.Open).verification!!.intact)
        assertEquals(1uL, s.journal.reportSummary()!!.entries)

        val scratch = tempDir()
        val report = s.journal.exportReport(scratch)!!
        assertTrue(report.readText().contains(open.seal))
        assertTrue((s.journal.state as JournalState.Open).notice is Notice.ReportWritten)
        val backup = s.journal.exportBackup(scratch, "verhuizen 2026")!!
        assertTrue(backup.length() > 0)
        assertEquals(1uL, ((s.journal.state as JournalState.Open).notice as Notice.BackupWritten).summary.attachments)
    }

    @Test
    fun wrongPasscodesThenALockOutFromTheCore() {
        val s = session()
        s.open(Screen.JOURNAL)
        s.journal.create(passcode, passcode)
        assertEquals(JournalState.Locked(false), s.journal.lock())
        assertEquals(JournalState.Locked(false, Notice.WrongPasscode), s.journal.unlock("niet de code"))
        assertTrue(s.journal.unlock(passcode) is JournalState.Open)
        s.journal.lock()
        val states = (1..8).map { s.journal.unlock("fout $it") }
        val out = states.last() as JournalState.LockedOut
        assertTrue(out.retryAfterSeconds > 0uL)
        assertTrue("even the right passcode waits", s.journal.unlock(passcode) is JournalState.LockedOut)
    }

    @Test
    fun biometricUnlockDuressAndATwoStepWipe() {
        val keys = HmacKeyStore(0x33)
        val s = session(keyStore = keys)
        s.open(Screen.JOURNAL)
        s.journal.create(passcode, passcode)
        s.journal.add(EntryKind.NOTE, "echt", null, null, emptyList())
        assertTrue((s.journal.setBiometric(true) as JournalState.Open).biometric)
        assertEquals(JournalState.Locked(true), s.journal.lock())
        assertEquals(1, (s.journal.unlockWithBiometrics() as JournalState.Open).list.entries.size)

        assertEquals(Notice.DuressSet, (s.journal.setDuress(passcode, "andere zin 99") as JournalState.Open).notice)
        s.journal.lock()
        val decoy = s.journal.unlock("andere zin 99") as JournalState.Open
        assertTrue("the decoy looks empty", decoy.list.entries.isEmpty())
        s.journal.lock()
        s.journal.unlock(passcode)

        val open = s.journal.state as JournalState.Open
        assertEquals("no wipe without the first step", open, s.journal.wipe())
        assertTrue((s.journal.askWipe() as JournalState.Open).confirmWipe)
        assertFalse((s.journal.cancelWipe() as JournalState.Open).confirmWipe)
        s.journal.askWipe()
        assertEquals(JournalState.Absent(), s.journal.wipe())
        assertEquals("the key store's keys are destroyed first", 1, keys.destroyed.get())
        assertEquals(JournalState.Absent(), s.journal.load())
    }

    @Test
    fun theReportIsInThePhonesLanguage() {
        val s = session(locale = "en-GB")
        assertEquals(Language.EN, s.language)
        s.open(Screen.JOURNAL)
        s.journal.create(passcode, passcode)
        val report = s.journal.exportReport(tempDir())
        assertNotNull(report)
        assertTrue(File(report!!.path).readText().contains("lang=\"en\""))
    }
}
