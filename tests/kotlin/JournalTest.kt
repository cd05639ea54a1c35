package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test
import java.io.File
import java.util.concurrent.atomic.AtomicInteger

/** A key store for tests: HMAC-SHA256 under keys made from a pad, and the anchor in memory (the
 *  app uses Android Keystore, and a Keystore-encrypted preference for the anchor). */
class HmacKeyStore(private val pad: Byte) : KeyStore {
    /** The calls Baken made to destroyKey(). */
    val destroyed = AtomicInteger()
    /** The anchor Baken wrote last. */
    @Volatile var anchor = ByteArray(0)
    /** HMAC-SHA256 (RFC 2104) over MessageDigest: javax.crypto would seed a SecureRandom from the
     *  network interfaces, whose probes show up as sockets in the privacy check. */
    private fun mac(which: Byte, data: ByteArray): ByteArray {
        val key = ByteArray(64).also { it[0] = pad; it[1] = which }
        fun sha256(vararg parts: ByteArray) = java.security.MessageDigest.getInstance("SHA-256").run { parts.forEach { update(it) }; digest() }
        val inner = sha256(ByteArray(64) { (key[it].toInt() xor 0x36).toByte() }, data)
        return sha256(ByteArray(64) { (key[it].toInt() xor 0x5c).toByte() }, inner)
    }
    override fun deviceMac(data: ByteArray): ByteArray = mac(1, data)
    override fun biometricMac(data: ByteArray): ByteArray = mac(2, data)
    override fun destroyKey() { destroyed.incrementAndGet(); anchor = ByteArray(0) }
    override fun readAnchor(): ByteArray = anchor
    override fun writeAnchor(anchor: ByteArray) { this.anchor = anchor }
}

/**
 * A fresh folder under the temp dir. Plain java.io on purpose: java.nio's file channels load the
 * JVM's network library, whose start-up probes would show up as sockets in the privacy check.
 */
private val folders = AtomicInteger()
private fun tempDir(): File =
    File(System.getProperty("java.io.tmpdir"), "baken-journal-${ProcessHandle.current().pid()}-${System.nanoTime()}-${folders.incrementAndGet()}").apply { mkdirs() }

class JournalTest {
    private val passcode = "correct horse 42"

    private fun entry(text: String, bytes: ByteArray? = null) = NewJournalEntry(
        kind = if (bytes == null) EntryKind.INCIDENT else EntryKind.EVIDENCE,
        happenedAt = "2026-03-01T21:15:00+01:00",
        contact = JournalContact("@sam_2008", "Snapchat"),
        text = text,
        signals = listOf(Signal.THREAT),
        level = Level.DANGER,
        tags = listOf("school"),
        attachments = if (bytes == null) emptyList() else listOf(NewJournalAttachment("image/png", bytes)),
    )

    @Test
    fun createWriteLockUnlockExportImportAndWipe() {
        val tmp = tempDir()
        val path = File(tmp, "journal").path
        val journal = Journal.createForTests(path, passcode, null)
        val written = journal.add(entry("he asked for a photo", byteArrayOf(1, 2, 3)))
        assertEquals(Signal.THREAT, written.signals[0])
        journal.lock()
        assertFalse(journal.isUnlocked())
        assertThrows(BakenException.JournalLocked::class.java) { journal.entries() }
        assertThrows(BakenException.WrongPasscode::class.java) { journal.unlock("not the passcode") }
        journal.unlock(passcode)
        assertEquals(listOf(written), journal.entries().entries)
        assertArrayEquals(byteArrayOf(1, 2, 3), journal.attachment(written.attachments[0].id).bytes)
        val verification = journal.verify()
        assertNull(verification.broken)
        assertTrue(verification.intact)
        assertEquals(journal.seal(), verification.seal)

        val report = File(tmp, "report.html").path
        journal.exportReport(report, Language.NL)
        assertTrue(File(report).readText().contains(verification.seal))
        val backup = File(tmp, "journal.backup").path
        journal.exportBackup(backup, "moving phones 2026")
        assertThrows(BakenException.AlreadyExists::class.java) {
            Journal.importBackupForTests(backup, "moving phones 2026", path, "another passcode", null)
        }
        assertThrows(BakenException.WrongPasscode::class.java) {
            Journal.importBackupForTests(backup, "wrong passphrase", File(tmp, "x").path, "another passcode", null)
        }
        val restored = Journal.importBackupForTests(backup, "moving phones 2026", File(tmp, "new").path, "another passcode", null)
        assertEquals(listOf(written), restored.entries().entries)
        assertEquals(verification.seal, restored.seal())

        journal.wipe()
        assertFalse(File(path, "journal.sqlite").exists())
        assertThrows(BakenException.NotFound::class.java) { Journal.openForTests(path, null) }
    }

    @Test
    fun aRolledBackCopyOfTheJournalIsReported() {
        val tmp = tempDir()
        val folder = File(tmp, "journal")
        val keyStore = HmacKeyStore(0x5a)
        val journal = Journal.createForTests(folder.path, passcode, keyStore)
        journal.add(entry("first"))
        journal.lock()
        val copy = File(tmp, "copy").apply { mkdirs() }
        folder.listFiles()!!.forEach { it.copyTo(File(copy, it.name)) }
        journal.unlock(passcode)
        journal.add(entry("he came to my school"))
        journal.add(entry("he threatened me"))
        val newest = journal.seal()
        journal.lock()
        journal.destroy()
        folder.listFiles()!!.forEach { it.delete() }
        copy.listFiles()!!.forEach { it.copyTo(File(folder, it.name)) }

        val reopened = Journal.openForTests(folder.path, keyStore)
        reopened.unlock(passcode)
        assertEquals(1, reopened.entries().entries.size)
        val verification = reopened.verify()
        assertNull(verification.broken)
        assertFalse(verification.intact)
        assertEquals(RememberedJournal(3uL, newest), verification.rolledBack)
    }

    @Test
    fun editsKeepHistoryAndDeletesLeaveAVerifiableChain() {
        val path = File(tempDir(), "journal").path
        val journal = Journal.createForTests(path, passcode, null)
        val first = journal.add(entry("first"))
        val second = journal.edit(first.id, entry("second"))
        assertEquals(2u, second.revision)
        assertEquals(listOf("first", "second"), journal.history(first.id).map { it.text })
        journal.delete(first.id)
        assertTrue(journal.entries().entries.isEmpty())
        assertEquals(3uL, journal.verify().links)
        assertNull(journal.verify().broken)
    }

    @Test
    fun aKeyStoreFromKotlinBindsTheJournalToThePhone() {
        val path = File(tempDir(), "journal").path
        Journal.createForTests(path, passcode, HmacKeyStore(0x5a)).also { it.add(entry("bound")); it.enableBiometricUnlock() }
        assertThrows(BakenException.Platform::class.java) { Journal.openForTests(path, null).unlock(passcode) }
        val journal = Journal.openForTests(path, HmacKeyStore(0x5a))
        assertTrue(journal.hasBiometricUnlock())
        journal.unlockWithBiometrics()
        assertEquals("bound", journal.entries().entries[0].text)
    }

    @Test
    fun duressPasscodeOpensAnEmptyDecoyAndSafetyPlanIsKept() {
        val path = File(tempDir(), "journal").path
        val journal = Journal.createForTests(path, passcode, null)
        journal.add(entry("real"))
        journal.setSafetyPlan(SafetyPlan(listOf(TrustedAdult("Aunt Mia", "library")), listOf("school"), "pineapple", listOf("tell Mia")))
        journal.setDuressPasscode(passcode, "duress 2468")
        journal.lock()
        journal.unlock("duress 2468")
        assertTrue(journal.entries().entries.isEmpty())
        journal.lock()
        journal.unlock(passcode)
        assertEquals("real", journal.entries().entries[0].text)
        assertEquals("pineapple", journal.safetyPlan().codeWord)
    }

    @Test
    fun aDuressPasscodeTakesAwayKeyStoreUnlockAndWipeFromTheDecoyKeepsTheRealJournal() {
        val path = File(tempDir(), "journal").path
        val keyStore = HmacKeyStore(0x5a)
        val journal = Journal.createForTests(path, passcode, keyStore)
        journal.add(entry("the real evidence"))
        journal.enableBiometricUnlock()
        journal.setDuressPasscode(passcode, "duress 2468")
        journal.lock()
        assertFalse(journal.hasBiometricUnlock())
        assertThrows(BakenException.Platform::class.java) { journal.unlockWithBiometrics() }
        journal.unlock("duress 2468")
        journal.setDuressPasscode("duress 2468", "their duress 1357")
        journal.lock()
        journal.unlock("their duress 1357")
        assertTrue("the decoy sets a duress passcode of its own, as a real journal does", journal.entries().entries.isEmpty())
        journal.lock()
        journal.unlock("duress 2468")
        journal.wipe()
        assertEquals("wiping the decoy leaves the phone's key alone", 0, keyStore.destroyed.get())
        val reopened = Journal.openForTests(path, keyStore)
        reopened.unlock(passcode)
        assertEquals("the real evidence", reopened.entries().entries[0].text)
        reopened.wipe()
        assertEquals(1, keyStore.destroyed.get())
        assertFalse(File(path, "journal.sqlite").exists())
    }

    @Test
    fun badInputsAreTypedErrors() {
        val path = File(tempDir(), "journal").path
        val journal = Journal.createForTests(path, passcode, null)
        assertThrows(BakenException.InvalidInput::class.java) { journal.add(entry("x").copy(happenedAt = "yesterday")) }
        assertThrows(BakenException.TooLarge::class.java) { journal.add(entry("x", ByteArray(20 * 1024 * 1024 + 1))) }
        assertThrows(BakenException.InvalidInput::class.java) { Journal.open(path, HmacKeyStore(0x5a)).unlock(passcode) }
        assertTrue(journal.entries().entries.isEmpty())
    }
}
