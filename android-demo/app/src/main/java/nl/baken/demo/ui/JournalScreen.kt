package nl.baken.demo.ui

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateListOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.fragment.app.FragmentActivity
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import nl.baken.EntryKind
import nl.baken.JournalEntry
import nl.baken.NewJournalAttachment
import nl.baken.PasscodeWarning
import nl.baken.demo.BakenKeyStore
import nl.baken.demo.R
import nl.baken.demo.confirmBiometric
import nl.baken.demo.mediaType
import nl.baken.demo.model.JournalPresenter
import nl.baken.demo.model.JournalState
import nl.baken.demo.model.Notice
import nl.baken.demo.readPicked
import nl.baken.demo.saveTo
import nl.baken.demo.scratch

/** The journal: create, unlock, write, look back, check, export, duress and wipe. */
@Composable
fun JournalScreen(presenter: JournalPresenter, keyStore: BakenKeyStore, onBack: () -> Unit, onQuickExit: () -> Unit) {
    val activity = LocalContext.current as FragmentActivity
    val scope = rememberCoroutineScope()
    var state by remember { mutableStateOf(presenter.state) }
    /** Runs a journal call off the main thread (the passcode's key derivation takes a moment). */
    val background: (() -> JournalState) -> Unit = { call -> scope.launch { state = withContext(Dispatchers.Default) { call() } } }
    val biometric = { enable: Boolean ->
        activity.confirmBiometric(keyStore, activity.getString(R.string.journal_biometric), activity.getString(R.string.cancel)) {
            background { if (enable) presenter.setBiometric(true) else presenter.unlockWithBiometrics() }
        }
    }
    ScreenFrame(stringResource(R.string.journal_title), onBack, onQuickExit) {
        when (val s = state) {
            is JournalState.Absent -> {
                notice(s.notice)
                create(presenter, background)
            }
            is JournalState.Locked -> {
                notice(s.notice)
                unlock(background, presenter, s.biometric) { biometric(false) }
            }
            is JournalState.LockedOut -> {
                item { Text(stringResource(R.string.journal_locked_out, s.retryAfterSeconds.toLong())) }
                item { OutlinedButton(onClick = { state = presenter.load() }) { Text(stringResource(R.string.journal_try_again)) } }
            }
            is JournalState.Open -> {
                notice(s.notice)
                item { Text(stringResource(R.string.journal_seal, s.seal), style = MaterialTheme.typography.bodySmall) }
                item { OutlinedButton(onClick = { state = presenter.lock() }) { Text(stringResource(R.string.journal_lock)) } }
                item { AddEntry(presenter) { state = it } }
                val history = s.history
                if (history != null) {
                    item { Text(stringResource(R.string.journal_history), style = MaterialTheme.typography.titleMedium) }
                    history.forEach { item { EntryCard(it, null) } }
                    item { OutlinedButton(onClick = { state = presenter.closeHistory() }) { Text(stringResource(R.string.previous)) } }
                } else {
                    s.list.entries.forEach { entry -> item { EntryCard(entry) { state = presenter.showHistory(entry.id) } } }
                    s.list.damaged.forEach { item { Text(stringResource(R.string.journal_damaged, it.reason), color = MaterialTheme.colorScheme.error) } }
                }
                item { Button(onClick = { background { presenter.verify() } }) { Text(stringResource(R.string.journal_verify)) } }
                s.verification?.let { v ->
                    item { Text(stringResource(if (v.intact) R.string.journal_intact else R.string.journal_not_intact, v.links.toLong())) }
                    listOfNotNull(v.broken?.reason, v.anchorProblem, v.sharedSealMissing).forEach { item { Text(it, color = MaterialTheme.colorScheme.error) } }
                }
                item { Exports(presenter) { state = it } }
                item {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Text(stringResource(R.string.journal_biometric), Modifier.weight(1f))
                        Switch(checked = s.biometric, onCheckedChange = { on -> if (on) biometric(true) else background { presenter.setBiometric(false) } })
                    }
                }
                item { Duress(background, presenter) }
                item { Wipe(s.confirmWipe, presenter, background) }
            }
        }
    }
}

private fun LazyListScope.notice(notice: Notice?) {
    notice ?: return
    item {
        Text(
            when (notice) {
                Notice.PasscodesDiffer -> stringResource(R.string.notice_passcodes_differ)
                Notice.WrongPasscode -> stringResource(R.string.notice_wrong_passcode)
                Notice.DuressSet -> stringResource(R.string.notice_duress_set)
                is Notice.ReportWritten -> stringResource(R.string.notice_report, notice.summary.entries.toLong())
                is Notice.BackupWritten -> stringResource(R.string.notice_backup, notice.summary.entries.toLong(), notice.summary.attachments.toLong())
                is Notice.Failed -> notice.reason
            },
            color = if (notice is Notice.Failed || notice is Notice.WrongPasscode) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.primary,
        )
    }
}

private fun LazyListScope.create(presenter: JournalPresenter, background: (() -> JournalState) -> Unit) {
    item {
        var passcode by remember { mutableStateOf("") }
        var repeated by remember { mutableStateOf("") }
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.journal_intro))
            PrivateField(passcode, { passcode = it }, stringResource(R.string.journal_passcode), secret = true)
            presenter.warning(passcode)?.let { Text(stringResource(warningText(it)), style = MaterialTheme.typography.bodySmall) }
            PrivateField(repeated, { repeated = it }, stringResource(R.string.journal_passcode_again), secret = true)
            Button(onClick = { background { presenter.create(passcode, repeated) } }, enabled = passcode.isNotEmpty()) { Text(stringResource(R.string.journal_create)) }
        }
    }
}

private fun warningText(warning: PasscodeWarning) = when (warning) {
    PasscodeWarning.FEW_DIGITS -> R.string.warning_few_digits
    PasscodeWarning.PREDICTABLE -> R.string.warning_predictable
}

private fun LazyListScope.unlock(background: (() -> JournalState) -> Unit, presenter: JournalPresenter, biometric: Boolean, onBiometric: () -> Unit) {
    item {
        var passcode by remember { mutableStateOf("") }
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            PrivateField(passcode, { passcode = it }, stringResource(R.string.journal_passcode), secret = true)
            Button(onClick = { background { presenter.unlock(passcode) }; passcode = "" }) { Text(stringResource(R.string.journal_unlock)) }
            if (biometric) OutlinedButton(onClick = onBiometric) { Text(stringResource(R.string.journal_biometric)) }
        }
    }
}

/** A new entry: what happened, about whom, and screenshots from the photo picker (no storage permission). */
@Composable
private fun AddEntry(presenter: JournalPresenter, onState: (JournalState) -> Unit) {
    val context = LocalContext.current
    var kind by remember { mutableStateOf(EntryKind.INCIDENT) }
    var text by remember { mutableStateOf("") }
    var contact by remember { mutableStateOf("") }
    var platform by remember { mutableStateOf("") }
    val photos = remember { mutableStateListOf<NewJournalAttachment>() }
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.PickMultipleVisualMedia(5)) { uris ->
        uris.forEach { uri -> context.readPicked(uri)?.let { photos += NewJournalAttachment(context.mediaType(uri), it) } }
    }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.journal_new), style = MaterialTheme.typography.titleMedium)
            Row(horizontalArrangement = Arrangement.spacedBy(6.dp)) {
                EntryKind.entries.forEach { k -> FilterChip(selected = kind == k, onClick = { kind = k }, label = { Text(stringResource(kindText(k))) }) }
            }
            PrivateField(text, { text = it }, stringResource(R.string.journal_what_happened), lines = 3)
            PrivateField(contact, { contact = it }, stringResource(R.string.journal_who))
            PrivateField(platform, { platform = it }, stringResource(R.string.journal_app))
            OutlinedButton(onClick = { pick.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly)) }) {
                Text(stringResource(R.string.journal_add_photos, photos.size))
            }
            Button(onClick = {
                onState(presenter.add(kind, text, contact, platform, photos.toList()))
                text = ""; contact = ""; platform = ""; photos.clear()
            }, enabled = text.isNotBlank()) { Text(stringResource(R.string.journal_save)) }
        }
    }
}

private fun kindText(kind: EntryKind) = when (kind) {
    EntryKind.INCIDENT -> R.string.kind_incident
    EntryKind.NOTE -> R.string.kind_note
    EntryKind.CONTACT -> R.string.kind_contact
    EntryKind.EVIDENCE -> R.string.kind_evidence
}

@Composable
private fun EntryCard(entry: JournalEntry, onHistory: (() -> Unit)?) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(entry.happenedAt.take(16).replace('T', ' '), style = MaterialTheme.typography.labelMedium)
            entry.contact?.let { Text(listOfNotNull(it.name, it.platform).joinToString(" · "), style = MaterialTheme.typography.titleSmall) }
            Text(entry.text)
            if (entry.attachments.isNotEmpty()) Text(stringResource(R.string.journal_photos, entry.attachments.size), style = MaterialTheme.typography.bodySmall)
            entry.level?.let { Text(levelTitle(it), style = MaterialTheme.typography.bodySmall) }
            if (onHistory != null && entry.revision > 1u) OutlinedButton(onClick = onHistory) { Text(stringResource(R.string.journal_history)) }
            if (onHistory == null) Text(stringResource(R.string.journal_revision, entry.revision.toLong(), entry.recordedAt.take(16).replace('T', ' ')), style = MaterialTheme.typography.bodySmall)
        }
    }
}

/** The report and the backup, each saved where the user chooses (Storage Access Framework). */
@Composable
private fun Exports(presenter: JournalPresenter, onState: (JournalState) -> Unit) {
    val context = LocalContext.current
    var passphrase by remember { mutableStateOf("") }
    val summary = remember { presenter.reportSummary() }
    val report = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("text/html")) { uri ->
        if (uri != null) presenter.exportReport(context.scratch)?.let { context.saveTo(uri, it) }
        onState(presenter.state)
    }
    val backup = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("application/octet-stream")) { uri ->
        if (uri != null) presenter.exportBackup(context.scratch, passphrase)?.let { context.saveTo(uri, it) }
        passphrase = ""
        onState(presenter.state)
    }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.journal_export), style = MaterialTheme.typography.titleMedium)
            summary?.let { Text(stringResource(R.string.journal_report_holds, it.entries.toLong(), it.earlierVersions.toLong(), it.damaged.toLong())) }
            Button(onClick = { report.launch("baken-report.html") }) { Text(stringResource(R.string.journal_save_report)) }
            PrivateField(passphrase, { passphrase = it }, stringResource(R.string.journal_backup_passphrase), secret = true)
            Button(onClick = { backup.launch("baken.backup") }, enabled = passphrase.isNotEmpty()) { Text(stringResource(R.string.journal_save_backup)) }
        }
    }
}

/** A second passcode that opens a harmless-looking decoy journal. */
@Composable
private fun Duress(background: (() -> JournalState) -> Unit, presenter: JournalPresenter) {
    var passcode by remember { mutableStateOf("") }
    var duress by remember { mutableStateOf("") }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.journal_duress), style = MaterialTheme.typography.titleMedium)
            Text(stringResource(R.string.journal_duress_text))
            PrivateField(passcode, { passcode = it }, stringResource(R.string.journal_passcode), secret = true)
            PrivateField(duress, { duress = it }, stringResource(R.string.journal_duress_passcode), secret = true)
            Button(onClick = { background { presenter.setDuress(passcode, duress) }; passcode = ""; duress = "" }, enabled = passcode.isNotEmpty() && duress.isNotEmpty()) {
                Text(stringResource(R.string.journal_duress_set))
            }
        }
    }
}

/** Wiping takes two clear steps, and the second can still be cancelled. */
@Composable
private fun Wipe(confirm: Boolean, presenter: JournalPresenter, background: (() -> JournalState) -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            if (!confirm) {
                OutlinedButton(onClick = { background { presenter.askWipe() } }) { Text(stringResource(R.string.journal_wipe)) }
            } else {
                Text(stringResource(R.string.journal_wipe_sure), style = MaterialTheme.typography.titleMedium)
                Button(onClick = { background { presenter.wipe() } }, colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error)) {
                    Text(stringResource(R.string.journal_wipe_yes))
                }
                OutlinedButton(onClick = { background { presenter.cancelWipe() } }) { Text(stringResource(R.string.cancel)) }
            }
        }
    }
}
