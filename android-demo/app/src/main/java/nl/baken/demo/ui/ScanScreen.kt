package nl.baken.demo.ui

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import nl.baken.ChatPerson
import nl.baken.demo.R
import nl.baken.demo.model.JournalPresenter
import nl.baken.demo.model.JournalState
import nl.baken.demo.model.ScanPresenter
import nl.baken.demo.model.ScanState
import nl.baken.demo.readPicked

/** "Scan a chat": the export comes through the system file picker, never a share target. */
@Composable
fun ScanScreen(presenter: ScanPresenter, journal: JournalPresenter, onBack: () -> Unit, onQuickExit: () -> Unit) {
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    var state by remember { mutableStateOf(presenter.state) }
    var attach by remember { mutableStateOf(true) }
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) scope.launch { state = withContext(Dispatchers.Default) { context.readPicked(uri)?.let(presenter::read) ?: presenter.state } }
    }
    ScreenFrame(stringResource(R.string.scan_title), onBack, onQuickExit) {
        item { Text(stringResource(R.string.scan_intro)) }
        item { Button(onClick = { pick.launch(arrayOf("text/plain", "application/json", "application/zip")) }) { Text(stringResource(R.string.scan_pick)) } }
        when (val s = state) {
            ScanState.Idle -> {}
            is ScanState.Failed -> item { Text(s.reason, color = MaterialTheme.colorScheme.error) }
            is ScanState.Scanned -> {
                item { LevelLine(s.scan.level) }
                if (s.me == null) item { Text(stringResource(R.string.scan_who_are_you)) }
                s.scan.people.forEach { person ->
                    item {
                        PersonCard(
                            person,
                            onMe = { scope.launch { state = withContext(Dispatchers.Default) { presenter.iAm(person.name) } } },
                            onSave = if (journal.state is JournalState.Open && !person.isMe) {
                                { scope.launch { state = withContext(Dispatchers.Default) { presenter.save(person.name, attach, journal) } } }
                            } else null,
                        )
                    }
                }
                item {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Checkbox(checked = attach, onCheckedChange = { attach = it })
                        Text(stringResource(R.string.scan_attach))
                    }
                }
                if (journal.state !is JournalState.Open) item { Text(stringResource(R.string.scan_open_journal_first)) }
                s.saved?.let { item { Text(stringResource(R.string.scan_saved)) } }
                s.failure?.let { item { Text(it, color = MaterialTheme.colorScheme.error) } }
                item { Text(stringResource(R.string.scan_cannot_show), style = MaterialTheme.typography.titleSmall) }
                s.scan.limitations.forEach { item { Text("• ${it.text}") } }
            }
        }
    }
}

@Composable
private fun PersonCard(person: ChatPerson, onMe: () -> Unit, onSave: (() -> Unit)?) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(person.name, style = MaterialTheme.typography.titleMedium)
            if (person.isMe) {
                Text(stringResource(R.string.scan_this_is_you))
            } else {
                Text(levelTitle(person.level))
                Text(person.summary)
                person.signals.forEach { signal ->
                    signal.examples.forEach { example -> Text("${example.time.orEmpty()}  “${example.text}”", style = MaterialTheme.typography.bodySmall) }
                }
                OutlinedButton(onClick = onMe) { Text(stringResource(R.string.scan_i_am, person.name)) }
                onSave?.let { Button(onClick = it) { Text(stringResource(R.string.scan_save)) } }
            }
        }
    }
}
