package nl.baken.demo.tests

import nl.baken.Journal
import nl.baken.KeyStore
import nl.baken.demo.model.Clock
import nl.baken.demo.model.Journals
import nl.baken.demo.model.Session
import nl.baken.tests.HmacKeyStore
import java.io.File
import java.util.concurrent.atomic.AtomicInteger

/** Journals with the fast test-only key derivation (the real cdylib built with insecure-test-kdf). */
object TestJournals : Journals {
    override fun create(folder: String, passcode: String, keyStore: KeyStore): Journal = Journal.createForTests(folder, passcode, keyStore)
    override fun open(folder: String, keyStore: KeyStore): Journal = Journal.openForTests(folder, keyStore)
}

/** Tuesday 1 December 2026, 23:00 in the Netherlands: most lines are closed, some are open. */
val lateEvening = Clock { "2026-12-01T23:00:00+01:00" }

private val folders = AtomicInteger()

/** A fresh folder; plain java.io (java.nio would load the JVM's network library, seen as sockets). */
fun tempDir(): File =
    File(System.getProperty("java.io.tmpdir"), "baken-android-${ProcessHandle.current().pid()}-${System.nanoTime()}-${folders.incrementAndGet()}").apply { mkdirs() }

/** A session as the app makes it, on a phone in `locale` and `country`, with a journal folder of its own. */
fun session(locale: String = "nl-NL", country: String = "NL", keyStore: HmacKeyStore = HmacKeyStore(0x21)) =
    Session(locale, country, File(tempDir(), "journal").path, keyStore, TestJournals, lateEvening)

/** A chat export from the core's fixtures. */
fun chat(name: String): ByteArray = File("core/tests/fixtures/chats/$name").readBytes()
