package nl.baken.demo.model

import nl.baken.BakenException
import nl.baken.ChatScan
import nl.baken.JournalEntry
import nl.baken.Language
import nl.baken.scanChat
import nl.baken.scanEvidence

/** What the scan screen shows. */
sealed interface ScanState {
    /** Nothing picked yet. */
    data object Idle : ScanState

    /** The scan of the picked export; `me` is the person the teen said they are; `failure`, why saving failed. */
    data class Scanned(val scan: ChatScan, val me: String?, val saved: JournalEntry? = null, val failure: String? = null) : ScanState

    data class Failed(val reason: String) : ScanState
}

/** "Scan a chat": an export picked with the system file picker, scanned per person by the core. */
class ScanPresenter(private val language: Language, private val clock: Clock = Clock.Phone) {
    /** The export's bytes, kept only while the scan is shown (quick exit forgets them). */
    private var export: ByteArray? = null

    var state: ScanState = ScanState.Idle
        private set

    fun read(bytes: ByteArray): ScanState {
        export = bytes
        return scan(null)
    }

    /** The teen says which participant they are; the core then scores only the others. */
    fun iAm(name: String): ScanState = scan(name)

    /**
     * Saves what one contact did as a journal entry written by the core (summary, flagged messages,
     * what the export cannot show, its SHA-256), with the export attached when `attach`.
     */
    fun save(contact: String, attach: Boolean, journal: JournalPresenter): ScanState {
        val scanned = state as? ScanState.Scanned ?: return state
        val bytes = export ?: return state
        state = try {
            val entry = scanEvidence(bytes, scanned.me, contact, attach, clock.now(), language)
            journal.add(entry)?.let { scanned.copy(saved = it, failure = null) } ?: scanned
        } catch (e: BakenException) {
            scanned.copy(failure = e.message ?: "")
        }
        return state
    }

    fun clear() {
        export = null
        state = ScanState.Idle
    }

    private fun scan(me: String?): ScanState {
        val bytes = export ?: return state
        state = try {
            ScanState.Scanned(scanChat(bytes, me, language), me)
        } catch (e: BakenException) {
            ScanState.Failed(e.message ?: "")
        }
        return state
    }
}
