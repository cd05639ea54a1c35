package nl.baken.demo.ui

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import nl.baken.demo.BakenKeyStore
import nl.baken.demo.R
import nl.baken.demo.model.Back
import nl.baken.demo.model.Screen
import nl.baken.demo.model.Session

/** The app: the session's current screen, each inside a [ScreenFrame] with quick exit. */
@Composable
fun BakenApp(session: Session, keyStore: BakenKeyStore, onQuickExit: () -> Unit) {
    var screen by remember { mutableStateOf(session.screen) }
    val show: (Screen) -> Unit = { next -> session.open(next); screen = next }
    val back: () -> Unit = {
        when (val b = session.back()) {
            is Back.To -> screen = b.screen
            Back.QuickExit -> onQuickExit()
        }
    }
    CompositionLocalProvider(LocalLanguage provides session.language) {
        MaterialTheme {
            when (screen) {
                Screen.HOME -> HomeScreen(show, back, onQuickExit)
                Screen.CHECK -> CheckScreen(session.check, back, onQuickExit)
                Screen.CHECKLIST -> ChecklistScreen(session.checklist, back, onQuickExit)
                Screen.SCAN -> ScanScreen(session.scan, session.journal, back, onQuickExit)
                Screen.LEARN -> LearnScreen(session.library, back, onQuickExit)
                Screen.HELP -> HelpScreen(session.help, back, onQuickExit)
                Screen.JOURNAL -> JournalScreen(session.journal, keyStore, back, onQuickExit)
            }
        }
    }
}

/**
 * Every screen's frame: its title, the quick-exit button always in sight, and the back rule
 * (a screen goes home, home leaves through quick exit; see `Session.back`).
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ScreenFrame(title: String, onBack: () -> Unit, onQuickExit: () -> Unit, content: LazyListScope.() -> Unit) {
    BackHandler(onBack = onBack)
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(title) },
                actions = {
                    Button(onClick = onQuickExit, colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error)) {
                        Text(stringResource(R.string.quick_exit))
                    }
                },
            )
        },
    ) { padding ->
        LazyColumn(
            modifier = Modifier.fillMaxSize().padding(padding),
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
            content = content,
        )
    }
}

@Composable
fun HomeScreen(show: (Screen) -> Unit, onBack: () -> Unit, onQuickExit: () -> Unit) {
    ScreenFrame(stringResource(R.string.app_name), onBack, onQuickExit) {
        item { Text(stringResource(R.string.home_intro), style = MaterialTheme.typography.bodyLarge) }
        val entries = listOf(
            Screen.CHECK to R.string.check_title,
            Screen.CHECKLIST to R.string.checklist_title,
            Screen.SCAN to R.string.scan_title,
            Screen.LEARN to R.string.learn_title,
            Screen.HELP to R.string.help_title,
            Screen.JOURNAL to R.string.journal_title,
        )
        entries.forEach { (screen, title) ->
            item {
                Button(onClick = { show(screen) }, modifier = Modifier.fillMaxWidth()) { Text(stringResource(title)) }
            }
        }
        item { DisguiseSwitch() }
        item { Text(stringResource(R.string.home_safety), style = MaterialTheme.typography.bodySmall) }
    }
}

/** A short column of texts, for cards. */
@Composable
fun Lines(vararg lines: String) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) { lines.filter { it.isNotBlank() }.forEach { Text(it) } }
}
