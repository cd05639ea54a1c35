package nl.baken.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import nl.baken.demo.R
import nl.baken.demo.model.HelpPresenter
import nl.baken.demo.openRoute

/** "Get help": the core's routes for this country and this moment, one tap each. */
@Composable
fun HelpScreen(presenter: HelpPresenter, onBack: () -> Unit, onQuickExit: () -> Unit) {
    val context = LocalContext.current
    var state by remember { mutableStateOf(presenter.state) }
    LaunchedEffect(Unit) { state = presenter.load() }
    ScreenFrame(stringResource(R.string.help_title), onBack, onQuickExit) {
        state.emergency?.let { e ->
            item {
                Button(onClick = { context.openRoute(e.actionUri) }, modifier = Modifier.fillMaxWidth()) { Text(stringResource(R.string.help_emergency, e.number)) }
            }
        }
        item {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Column(Modifier.weight(1f)) {
                    Text(stringResource(R.string.help_quiet), style = MaterialTheme.typography.titleSmall)
                    Text(stringResource(R.string.help_quiet_text), style = MaterialTheme.typography.bodySmall)
                }
                Switch(checked = state.quiet, onCheckedChange = { state = presenter.setQuiet(it) })
            }
        }
        state.coverage?.let { item { Text(it) } }
        state.failure?.let { item { Text(it, color = MaterialTheme.colorScheme.error) } }
        state.routes.forEach { item { RouteCard(it) } }
        item { Text(stringResource(R.string.help_call_history), style = MaterialTheme.typography.bodySmall) }
    }
}
