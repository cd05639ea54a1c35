package nl.baken.demo.tests

import nl.baken.Language
import nl.baken.demo.model.Back
import nl.baken.demo.model.CheckState
import nl.baken.demo.model.ChecklistState
import nl.baken.demo.model.JournalState
import nl.baken.demo.model.ScanState
import nl.baken.demo.model.Screen
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class SessionTest {
    @Test
    fun theContentLanguageFollowsThePhoneAsTheCoreDecides() {
        assertEquals(Language.NL, session(locale = "nl-BE").language)
        assertEquals(Language.EN, session(locale = "en-US").language)
        assertEquals("another language reads English", Language.EN, session(locale = "de-DE").language)
    }

    @Test
    fun backGoesHomeAndFromHomeItIsAQuickExit() {
        val s = session()
        s.open(Screen.CHECK)
        assertEquals(Back.To(Screen.HOME), s.back())
        assertEquals(Back.QuickExit, s.back())
    }

    @Test
    fun quickExitLocksTheJournalAndForgetsEverythingShown() {
        val s = session()
        s.open(Screen.JOURNAL)
        s.journal.create("lange zin 2026", "lange zin 2026")
        s.check.check("send me a pic")
        s.checklist.start(nl.baken.ChecklistAudience.TEEN)
        s.scan.read(chat("scan-grooming-en.txt"))
        s.library.load()
        s.help.load()
        s.open(Screen.SCAN)

        s.quickExit()
        assertEquals(Screen.HOME, s.screen)
        assertEquals(CheckState.Empty, s.check.state)
        assertEquals(ChecklistState.ChooseAudience, s.checklist.state)
        assertEquals(ScanState.Idle, s.scan.state)
        assertTrue(s.library.state.topics.isEmpty())
        assertTrue(s.help.state.routes.isEmpty())
        assertEquals(JournalState.Absent(), s.journal.state)
        s.open(Screen.JOURNAL)
        assertTrue("opening again asks for the passcode", s.journal.state is JournalState.Locked)
    }

    @Test
    fun leavingTheScreenLocksTheJournal() {
        val s = session()
        s.open(Screen.JOURNAL)
        s.journal.create("lange zin 2026", "lange zin 2026")
        s.leftScreen()
        assertTrue(s.journal.state is JournalState.Locked)
    }
}
