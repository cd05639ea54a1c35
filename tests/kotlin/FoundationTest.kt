package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

class FoundationTest {
    @Test
    fun coreVersionComesFromRust() {
        assertTrue(coreVersion().matches(Regex("""\d+\.\d+\.\d+.*""")))
    }

    @Test
    fun netherlandsEmergencyNumberIs112WithASource() {
        val e = emergencyNumber("nl")
        assertEquals("NL", e.country)
        assertEquals("112", e.number)
        assertEquals("tel:112", e.actionUri)
        assertTrue(e.source.startsWith("https://"))
    }

    @Test
    fun unknownCountryIsATypedErrorNamingTheCode() {
        val notIso = assertThrows(BakenException.InvalidInput::class.java) { emergencyNumber("ZZ") }
        assertTrue(notIso.reason, notIso.reason.contains("ZZ"))
        val noNumber = assertThrows(BakenException.NotFound::class.java) { emergencyNumber("CA") }
        assertTrue(noNumber.reason, noNumber.reason.contains("CA"))
    }

    @Test
    fun malformedCountryIsATypedErrorNamingTheCode() {
        val e = assertThrows(BakenException.InvalidInput::class.java) { emergencyNumber("NLD") }
        assertTrue(e.reason, e.reason.contains("NLD"))
    }

    @Test
    fun languageTagsAreReadAndAnUnsupportedOneIsATypedError() {
        assertEquals(Language.NL, parseLanguage("nl-BE"))
        assertEquals(Language.EN, parseLanguage("en_GB"))
        val e = assertThrows(BakenException.InvalidInput::class.java) { parseLanguage("fr") }
        assertTrue(e.reason, e.reason.contains("fr"))
    }

    @Test
    fun anUnknownEnumValueCannotBeMade() {
        assertThrows(IllegalArgumentException::class.java) { Signal.valueOf("NUDES") }
        assertThrows(IllegalArgumentException::class.java) { Level.valueOf("URGENT") }
        assertThrows(IllegalArgumentException::class.java) { Language.valueOf("FR") }
        assertEquals(listOf("NL", "EN"), Language.entries.map { it.name })
        assertEquals(4, Level.entries.size)
    }
}
