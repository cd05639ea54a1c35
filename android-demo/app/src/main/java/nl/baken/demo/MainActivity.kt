package nl.baken.demo

import android.os.Build
import android.os.Bundle
import android.telephony.TelephonyManager
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.fragment.app.FragmentActivity
import nl.baken.demo.model.Session
import nl.baken.demo.ui.BakenApp
import java.io.File
import java.util.Locale

/**
 * The one screen window. FLAG_SECURE keeps every screen out of screenshots, screen recordings and
 * the Recents thumbnail; leaving the screen locks the journal.
 */
class MainActivity : FragmentActivity() {
    private lateinit var session: Session

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        val keyStore = BakenKeyStore(this)
        session = Session(
            locale = resources.configuration.locales[0].toLanguageTag(),
            country = country(),
            journalFolder = File(noBackupFilesDir, "journal").path,
            keyStore = keyStore,
        )
        setContent { BakenApp(session, keyStore, onQuickExit = ::quickExit) }
    }

    override fun onStop() {
        super.onStop()
        session.leftScreen()
    }

    /** Locks and forgets (the session decides what), then removes Baken from Recents. */
    private fun quickExit() {
        session.quickExit()
        ExitActivity.start(this)
        finishAndRemoveTask()
    }

    /** The country the phone is in (network, then SIM), else the one of its locale. */
    private fun country(): String {
        val phone = getSystemService(TelephonyManager::class.java)
        return listOfNotNull(phone?.networkCountryIso, phone?.simCountryIso, Locale.getDefault().country)
            .firstOrNull { it.isNotBlank() }
            .orEmpty()
            .uppercase(Locale.ROOT)
    }
}
