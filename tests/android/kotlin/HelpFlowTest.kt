package nl.baken.demo.tests

import nl.baken.HelpChannel
import nl.baken.Topic
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Test

class HelpFlowTest {
    @Test
    fun routesForThePhonesCountryAndTimeAndQuietMode() {
        val help = session().help
        val loud = help.load(Topic.Sextortion)
        assertEquals("nl-centrum-seksueel-geweld", loud.routes.first().serviceId)
        assertEquals("tel:112", loud.emergency?.actionUri)
        assertNull(loud.coverage)
        val quiet = help.setQuiet(true)
        assertNotEquals(HelpChannel.PHONE, quiet.routes.first().channel)
        assertEquals(Topic.Sextortion, quiet.topic)
    }

    @Test
    fun aCountryWithoutLocalServicesGetsTheCoresNote() {
        val help = session(locale = "en-CA", country = "CA").help.load()
        assertNotNull(help.coverage)
        assertNull("Baken does not know Canada's emergency number", help.emergency)
        assertEquals(null, help.failure)
        assertNotNull(session(country = "").help.load().failure)
    }
}
