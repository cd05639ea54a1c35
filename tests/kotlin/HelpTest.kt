package nl.baken.tests

import nl.baken.*
import org.junit.Assert.*
import org.junit.Test

/** The same cases as bindings/src/help.rs and core/tests/help_routes.rs: same first route as Rust. */
class HelpTest {
    private fun request(topic: Topic?, age: Int, now: String, country: String = "NL", language: Language = Language.NL, quiet: Boolean = false, audience: Asker = Asker.TEEN) =
        RouteRequest(
            country = country,
            topic = topic,
            signals = emptyList(),
            level = null,
            audience = audience,
            age = age.toUByte(),
            language = language,
            quiet = quiet,
            now = now,
        )

    @Test
    fun blackmailAtNightGoesToALineKnownToBeOpenFirst() {
        val routes = route(request(Topic.Sextortion, 15, "2026-12-01T23:00:00+01:00"))
        val first = routes.first()
        assertEquals("nl-centrum-seksueel-geweld", first.serviceId)
        assertEquals("tel:08000188", first.actionUri)
        assertEquals(HelpChannel.PHONE, first.channel)
        assertEquals(OpenState.OPEN, first.open)
        assertTrue(first.source.startsWith("http"))
        assertTrue("the specialist is still offered", routes.any { it.serviceId == "nl-helpwanted" })
    }

    @Test
    fun aDangerResultPuts112FirstAndAQuietTeenGetsATypedRoute() {
        val danger = request(null, 14, "2026-12-05T23:30:00+01:00").copy(signals = listOf(Signal.THREAT, Signal.PAYMENT_DEMAND), level = Level.DANGER)
        assertEquals("tel:112", route(danger).first().actionUri)
        val quiet = route(request(Topic.Sextortion, 15, "2026-12-05T23:30:00+01:00", quiet = true)).first()
        assertNotEquals(HelpChannel.PHONE, quiet.channel)
    }

    @Test
    fun aTeenInTheAfternoonGetsDeKindertelefoonUntilNine() {
        val first = route(request(null, 14, "2026-12-01T15:00:00+01:00")).first()
        assertEquals("nl-kindertelefoon", first.serviceId)
        assertEquals("tel:08000432", first.actionUri)
        assertEquals("2026-12-01T21:00:00+01:00", first.openUntil)
    }

    @Test
    fun closedRoutesSayWhenTheyOpenAndTheEmergencyNumberIsAlwaysThere() {
        val routes = route(request(null, 14, "2026-12-01T23:00:00+01:00"))
        val kindertelefoon = routes.first { it.serviceId == "nl-kindertelefoon" }
        assertEquals(OpenState.CLOSED, kindertelefoon.open)
        assertEquals("2026-12-02T11:00:00+01:00", kindertelefoon.nextOpen)
        assertTrue(routes.any { it.emergency && it.actionUri == "tel:112" })
    }

    @Test
    fun immediateDangerPutsTheEmergencyNumberFirst() {
        val first = route(request(Topic.Emergency, 14, "2026-12-01T23:00:00+01:00")).first()
        assertEquals("tel:112", first.actionUri)
        assertTrue(first.emergency)
    }

    @Test
    fun aParentGetsVeiligThuisAndIsSpokenToAboutTheirChild() {
        val routes = route(request(Topic.Grooming, 13, "2026-12-01T20:00:00+01:00", audience = Asker.PARENT))
        assertEquals("nl-veilig-thuis", routes.first().serviceId)
        assertEquals("tel:08002000", routes.first().actionUri)
        assertTrue("the Kindertelefoon is for the child to call", routes.none { it.serviceId == "nl-kindertelefoon" })
        assertTrue(routes.any { it.reason.contains("het vertrouwen van je kind") })
    }

    @Test
    fun aCountryOutsideTheDirectoryGetsTheWorldwideRoutesAndANote() {
        val routes = route(request(Topic.Sextortion, 15, "2026-12-05T23:30:00-05:00", country = "CA", language = Language.EN))
        assertEquals("intl-take-it-down", routes.first().serviceId)
        assertTrue(routes.any { it.serviceId == "local-emergency" && it.emergency && it.actionUri.isEmpty() })
        assertNotNull(coverageNote("CA", Language.EN))
        assertNull(coverageNote("NL", Language.NL))
    }

    @Test
    fun aLineClosedOnBankHolidaysIsClosedOnChristmasDay() {
        val routes = route(request(Topic.ImageRemoval, 22, "2026-12-25T11:00:00+00:00", country = "GB", language = Language.EN))
        val helpline = routes.first { it.serviceId == "gb-revenge-porn-helpline" }
        assertEquals(OpenState.CLOSED, helpline.open)
        assertEquals("2026-12-29T10:00:00+00:00", helpline.nextOpen)
        assertNotEquals("gb-revenge-porn-helpline", routes.first().serviceId)
    }

    /** Rust: help_routes.rs, uk_saturday_night_sextortion_a_professional_would_sign. */
    @Test
    fun aTeenBlackmailedInEnglandOnSaturdayNightGetsChildlineBeforeTheRemovalTools() {
        val routes = route(request(Topic.Sextortion, 15, "2026-12-05T23:30:00+00:00", country = "GB", language = Language.EN))
        assertEquals("gb-childline", routes.first().serviceId)
        assertEquals("tel:08001111", routes.first().actionUri)
        val ids = routes.map { it.serviceId }
        assertTrue(ids.indexOf("gb-childline") < ids.indexOf("intl-take-it-down"))
        assertTrue(ids.indexOf("intl-take-it-down") < ids.indexOf("gb-report-remove"))
        val quiet = route(request(Topic.Sextortion, 15, "2026-12-05T23:30:00+00:00", country = "GB", language = Language.EN, quiet = true)).first()
        assertEquals("https://www.childline.org.uk", quiet.actionUri)
    }

    /** Rust: help_routes.rs, services_and_flags_a_professional_would_sign. */
    @Test
    fun suicideInBelgiumGoesTo1813AndAUkAdultToSamaritans() {
        val belgium = route(request(Topic.Suicide, 15, "2026-12-02T10:00:00+01:00", country = "BE")).first()
        assertEquals("be-zelfmoordlijn", belgium.serviceId)
        assertEquals("tel:1813", belgium.actionUri)
        val uk = route(request(Topic.Suicide, 45, "2026-12-01T23:00:00+00:00", country = "GB", language = Language.EN)).first()
        assertEquals("gb-samaritans", uk.serviceId)
        assertEquals("tel:116123", uk.actionUri)
    }

    /** Rust: help_routes.rs, added_services_a_professional_would_sign. */
    @Test
    fun aTeenWhoWantsToTalkAtNightGetsALineThatIsOpen() {
        val nl = route(request(null, 15, "2026-12-06T03:00:00+01:00")).first()
        assertEquals("nl-luisterlijn", nl.serviceId)
        assertEquals("tel:0880767000", nl.actionUri)
        val be = route(request(null, 15, "2026-12-06T03:00:00+01:00", country = "BE")).first()
        assertEquals("be-tele-onthaal", be.serviceId)
        assertEquals("tel:106", be.actionUri)
    }

    @Test
    fun unknownCountryOrTimeAreTypedErrors() {
        val country = assertThrows(BakenException.InvalidInput::class.java) { route(request(null, 14, "2026-12-01T15:00:00+01:00", country = "ZZ")) }
        assertTrue(country.reason, country.reason.contains("ZZ"))
        val noNumber = assertThrows(BakenException.NotFound::class.java) { emergencyNumber("CA") }
        assertTrue(noNumber.reason, noNumber.reason.contains("CA"))
        val time = assertThrows(BakenException.InvalidInput::class.java) { route(request(null, 14, "tomorrow")) }
        assertTrue(time.reason, time.reason.contains("RFC 3339"))
    }

    @Test
    fun aSignalIsAHelpTopicToo() {
        val routes = route(request(Topic.ForSignal(Signal.THREAT), 15, "2026-12-01T23:00:00+01:00"))
        assertTrue(routes.any { it.emergency })
    }
}
