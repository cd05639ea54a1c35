package nl.baken.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import nl.baken.demo.R
import nl.baken.demo.model.CheckPresenter
import nl.baken.demo.model.CheckState
import nl.baken.demo.model.ExplainedSignal

@Composable
fun CheckScreen(presenter: CheckPresenter, onBack: () -> Unit, onQuickExit: () -> Unit) {
    var state by remember { mutableStateOf(presenter.state) }
    var text by remember { mutableStateOf((presenter.state as? CheckState.Checked)?.text ?: "") }
    val scope = rememberCoroutineScope()
    ScreenFrame(stringResource(R.string.check_title), onBack, onQuickExit) {
        item { Text(stringResource(R.string.check_intro)) }
        item { PrivateField(text, { text = it }, stringResource(R.string.check_field), lines = 4) }
        item {
            Button(onClick = { scope.launch { state = withContext(Dispatchers.Default) { presenter.check(text) } } }, enabled = text.isNotBlank()) {
                Text(stringResource(R.string.check_button))
            }
        }
        when (val s = state) {
            CheckState.Empty -> {}
            is CheckState.Failed -> item { Text(s.reason, color = MaterialTheme.colorScheme.error) }
            is CheckState.Checked -> {
                item { LevelLine(s.analysis.level) }
                item { Text(highlighted(s.text, s.signals)) }
                if (s.signals.isEmpty()) item { Text(stringResource(R.string.check_nothing)) }
                s.signals.distinctBy { it.found.signal }.forEach { item { SignalCard(it) } }
                item { Text(stringResource(R.string.routes_title), style = MaterialTheme.typography.titleMedium) }
                s.routes.forEach { item { RouteCard(it) } }
                item { Text(stringResource(R.string.indication_not_verdict), style = MaterialTheme.typography.bodySmall) }
            }
        }
    }
}

/** The message with each signal's span (UTF-16 offsets from the core) marked. */
private fun highlighted(text: String, signals: List<ExplainedSignal>): AnnotatedString = buildAnnotatedString {
    append(text)
    signals.forEach { addStyle(SpanStyle(background = Color(0xFFFFE08A), fontWeight = FontWeight.Bold), it.found.startUtf16.toInt(), it.found.endUtf16.toInt()) }
}

@Composable
private fun SignalCard(signal: ExplainedSignal) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp)) {
            Text(signal.explanation.title, style = MaterialTheme.typography.titleMedium)
            Text("“${signal.found.excerpt}”", style = MaterialTheme.typography.bodySmall)
            Lines(signal.explanation.what, signal.explanation.why)
        }
    }
}
