package nl.baken.demo.model

import nl.baken.BackupSummary
import nl.baken.BakenException
import nl.baken.EntryKind
import nl.baken.Journal
import nl.baken.JournalContact
import nl.baken.JournalEntry
import nl.baken.JournalEntryList
import nl.baken.JournalVerification
import nl.baken.KeyStore
import nl.baken.Language
import nl.baken.NewJournalAttachment
import nl.baken.NewJournalEntry
import nl.baken.PasscodeWarning
import nl.baken.ReportSummary
import nl.baken.analyze
import nl.baken.passcodeWarning
import java.io.File

/** How journals are made and opened: the app's always use the standard passcode cost. */
interface Journals {
    fun create(folder: String, passcode: String, keyStore: KeyStore): Journal
    fun open(folder: String, keyStore: KeyStore): Journal

    /** Standard passcode cost, bound to the phone's key store. */
    object Standard : Journals {
        override fun create(folder: String, passcode: String, keyStore: KeyStore): Journal = Journal.create(folder, passcode, keyStore)
        override fun open(folder: String, keyStore: KeyStore): Journal = Journal.open(folder, keyStore)
    }
}

/** Something to tell the user once, next to the current screen. */
sealed interface Notice {
    data object PasscodesDiffer : Notice
    data object WrongPasscode : Notice
    data object DuressSet : Notice
    data class ReportWritten(val summary: ReportSummary) : Notice
    data class BackupWritten(val summary: BackupSummary) : Notice
    /** The core's reason, for failures the user cannot fix by typing again. */
    data class Failed(val reason: String) : Notice
}

/** What the journal screen shows. */
sealed interface JournalState {
    /** No journal on this phone yet: offer to make one. */
    data class Absent(val notice: Notice? = null) : JournalState

    /** Locked: ask for the passcode, and offer the fingerprint when `biometric`. */
    data class Locked(val biometric: Boolean, val notice: Notice? = null) : JournalState

    /** Too many wrong passcodes: the next try is possible after `retryAfterSeconds`. */
    data class LockedOut(val biometric: Boolean, val retryAfterSeconds: ULong) : JournalState

    /**
     * Open: the entries and the seal. `history` is one entry's revisions when the user looks at
     * them, `verification` the last check, `confirmWipe` the second step of wiping.
     */
    data class Open(
        val list: JournalEntryList,
        val seal: String,
        val biometric: Boolean,
        val history: List<JournalEntry>? = null,
        val verification: JournalVerification? = null,
        val confirmWipe: Boolean = false,
        val notice: Notice? = null,
    ) : JournalState
}

/** The journal screen's flows over one journal folder. Every rule (passcodes, lock-out, wipe) is the core's. */
class JournalPresenter(
    private val folder: String,
    private val keyStore: KeyStore,
    private val language: Language,
    private val journals: Journals = Journals.Standard,
    private val clock: Clock = Clock.Phone,
) {
    private var journal: Journal? = null

    var state: JournalState = JournalState.Absent()
        private set

    /** Opens the folder's journal, locked, or finds there is none. */
    fun load(): JournalState {
        journal?.let { return locked(it) }
        state = try {
            locked(journals.open(folder, keyStore).also { journal = it })
        } catch (e: BakenException.NotFound) {
            JournalState.Absent()
        } catch (e: BakenException) {
            JournalState.Absent(Notice.Failed(e.message ?: ""))
        }
        return state
    }

    /** A warning to show while the passcode is typed, or none. */
    fun warning(passcode: String): PasscodeWarning? = passcodeWarning(passcode)

    fun create(passcode: String, repeated: String): JournalState {
        if (passcode != repeated) return JournalState.Absent(Notice.PasscodesDiffer).also { state = it }
        return act { opened(journals.create(folder, passcode, keyStore).also { journal = it }) }
    }

    fun unlock(passcode: String): JournalState = withJournal { j: Journal -> act { j.unlock(passcode); opened(j) } }

    /** After the platform's fingerprint prompt has released the biometric key. */
    fun unlockWithBiometrics(): JournalState = withJournal { j: Journal -> act { j.unlockWithBiometrics(); opened(j) } }

    fun setBiometric(on: Boolean): JournalState = withJournal { j: Journal ->
        act { if (on) j.enableBiometricUnlock() else j.disableBiometricUnlock(); opened(j) }
    }

    /** Locks: the core forgets every key. Nothing to do when there is no journal or it is locked. */
    fun lock(): JournalState {
        val j = journal ?: return state
        j.lock()
        return locked(j)
    }

    /** Writes an entry; the core's analysis of its text gives its signals and level. */
    fun add(kind: EntryKind, text: String, contact: String?, platform: String?, photos: List<NewJournalAttachment>): JournalState {
        val analysis = analyze(text, null)
        val entry = NewJournalEntry(
            kind = kind,
            happenedAt = clock.now(),
            contact = contact?.takeIf { it.isNotBlank() }?.let { JournalContact(it, platform?.takeIf { p -> p.isNotBlank() }) },
            text = text,
            signals = analysis.signals.map { s -> s.signal }.distinct(),
            level = analysis.level,
            tags = emptyList(),
            attachments = photos,
        )
        add(entry)
        return state
    }

    /** Writes an entry the core made (a saved chat scan); its result, or none when it failed. */
    fun add(entry: NewJournalEntry): JournalEntry? {
        val j = journal ?: return null
        var written: JournalEntry? = null
        act { written = j.add(entry); opened(j) }
        return written
    }

    fun showHistory(id: String): JournalState = whenOpen { j: Journal, shown -> shown.copy(history = j.history(id)) }

    fun closeHistory(): JournalState = whenOpen { _, shown -> shown.copy(history = null) }

    fun verify(): JournalState = whenOpen { j: Journal, shown -> shown.copy(verification = j.verify()) }

    /** What the report will hold, to show before the user chooses where to save it. */
    fun reportSummary(): ReportSummary? = journal?.let { j: Journal -> catching { j.reportSummary(language) } }

    /** Writes the report into `scratch` for the app to copy where the user chose; the caller deletes it. */
    fun exportReport(scratch: File): File? = export(scratch, "report.html") { j: Journal, file -> Notice.ReportWritten(j.exportReport(file.path, language)) }

    /** Writes an encrypted backup into `scratch`, as for the report. */
    fun exportBackup(scratch: File, passphrase: String): File? =
        export(scratch, "journal.backup") { j: Journal, file -> Notice.BackupWritten(j.exportBackup(file.path, passphrase)) }

    fun setDuress(passcode: String, duress: String): JournalState = whenOpen { j: Journal, shown ->
        j.setDuressPasscode(passcode, duress)
        shown.copy(notice = Notice.DuressSet)
    }

    /** The first step of wiping: ask again, saying it cannot be undone. */
    fun askWipe(): JournalState = whenOpen { _, shown -> shown.copy(confirmWipe = true) }

    fun cancelWipe(): JournalState = whenOpen { _, shown -> shown.copy(confirmWipe = false) }

    /** The second step: the core destroys the keys, then the files. Only after `askWipe`. */
    fun wipe(): JournalState {
        val current = state as? JournalState.Open ?: return state
        val j = journal ?: return state
        if (!current.confirmWipe) return state
        return act {
            j.wipe()
            j.destroy()
            journal = null
            JournalState.Absent()
        }
    }

    /** Forgets the journal object (quick exit); the next `load` opens it again, locked. */
    fun forget() {
        journal?.let { j: Journal -> j.lock(); j.destroy() }
        journal = null
        state = JournalState.Absent()
    }

    private fun locked(j: Journal): JournalState {
        state = JournalState.Locked(catching { j.hasBiometricUnlock() } ?: false)
        return state
    }

    private fun opened(j: Journal): JournalState = JournalState.Open(j.entries(), j.seal(), j.hasBiometricUnlock())

    private fun withJournal(next: (Journal) -> JournalState): JournalState = journal?.let(next) ?: state

    private fun whenOpen(next: (Journal, JournalState.Open) -> JournalState): JournalState {
        val current = state as? JournalState.Open ?: return state
        val j = journal ?: return state
        return act { next(j, current.copy(notice = null)) }
    }

    private fun export(scratch: File, name: String, write: (Journal, File) -> Notice): File? {
        val j = journal ?: return null
        val file = File(scratch, name).apply { scratch.mkdirs(); delete() }
        var done: File? = null
        whenOpen { _, shown -> shown.copy(notice = write(j, file)).also { done = file } }
        return done
    }

    /** Runs a core call; the core's typed errors become what the screen shows. */
    private fun act(next: () -> JournalState): JournalState {
        val biometric = { journal?.let { j: Journal -> catching { j.hasBiometricUnlock() } } ?: false }
        state = try {
            next()
        } catch (e: BakenException.WrongPasscode) {
            if (state is JournalState.Open) (state as JournalState.Open).copy(notice = Notice.WrongPasscode)
            else JournalState.Locked(biometric(), Notice.WrongPasscode)
        } catch (e: BakenException.LockedOut) {
            if (state is JournalState.Open) (state as JournalState.Open).copy(notice = Notice.Failed(e.message ?: ""))
            else JournalState.LockedOut(biometric(), e.retryAfterSeconds)
        } catch (e: BakenException) {
            when (val s = state) {
                is JournalState.Open -> s.copy(notice = Notice.Failed(e.message ?: ""))
                is JournalState.Locked -> s.copy(notice = Notice.Failed(e.message ?: ""))
                is JournalState.LockedOut -> JournalState.Locked(s.biometric, Notice.Failed(e.message ?: ""))
                is JournalState.Absent -> JournalState.Absent(Notice.Failed(e.message ?: ""))
            }
        }
        return state
    }

    private fun <T> catching(call: () -> T): T? = try {
        call()
    } catch (e: BakenException) {
        null
    }
}
