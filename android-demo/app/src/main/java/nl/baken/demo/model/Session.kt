package nl.baken.demo.model

import nl.baken.KeyStore
import nl.baken.Language
import nl.baken.languageForLocale

/** The app's screens; `HOME` lists the others. */
enum class Screen { HOME, CHECK, CHECKLIST, SCAN, LEARN, HELP, JOURNAL }

/** What the back gesture does. */
sealed interface Back {
    /** Go to this screen. */
    data class To(val screen: Screen) : Back

    /** Leave through quick exit: from the home screen, back must not leave Baken open in Recents. */
    data object QuickExit : Back
}

/**
 * Everything the app holds while it is open, for the phone's locale and country: one presenter per
 * screen. `journalFolder` is inside the app's own storage (never backed up).
 */
class Session(locale: String, country: String, journalFolder: String, keyStore: KeyStore, journals: Journals = Journals.Standard, clock: Clock = Clock.Phone) {
    /** The content language for the phone's locale, as the core decides (English for other languages). */
    val language: Language = languageForLocale(locale)
    val help = HelpPresenter(language, country, clock)
    val check = CheckPresenter(language, help)
    val checklist = ChecklistPresenter(language, help)
    val scan = ScanPresenter(language, clock)
    val library = LibraryPresenter(language)
    val journal = JournalPresenter(journalFolder, keyStore, language, journals, clock)

    var screen = Screen.HOME
        private set

    fun open(screen: Screen) {
        if (screen == Screen.JOURNAL) journal.load()
        this.screen = screen
    }

    /** Back: a screen goes home; home leaves through quick exit. */
    fun back(): Back {
        if (screen == Screen.HOME) return Back.QuickExit
        screen = Screen.HOME
        return Back.To(Screen.HOME)
    }

    /**
     * Quick exit, before the app removes itself from Recents: lock the journal and forget
     * everything typed, picked or shown, so that opening Baken again shows only the home screen.
     */
    fun quickExit() {
        journal.forget()
        check.clear()
        checklist.clear()
        scan.clear()
        library.clear()
        help.clear()
        screen = Screen.HOME
    }

    /** The app went out of sight (another app, the home button, the screen off): lock the journal. */
    fun leftScreen() {
        journal.lock()
    }
}
