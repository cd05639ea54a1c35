package nl.baken.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import nl.baken.ChecklistAudience
import nl.baken.demo.R
import nl.baken.demo.model.ChecklistPresenter
import nl.baken.demo.model.ChecklistState

@Composable
fun ChecklistScreen(presenter: ChecklistPresenter, onBack: () -> Unit, onQuickExit: () -> Unit) {
    var state by remember { mutableStateOf(presenter.state) }
    ScreenFrame(stringResource(R.string.checklist_title), onBack, onQuickExit) {
        when (val s = state) {
            ChecklistState.ChooseAudience -> {
                item { Text(stringResource(R.string.checklist_who)) }
                item { Button(onClick = { state = presenter.start(ChecklistAudience.TEEN) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.checklist_teen)) } }
                item { Button(onClick = { state = presenter.start(ChecklistAudience.PARENT) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.checklist_parent)) } }
            }
            is ChecklistState.Asking -> {
                if (s.number == 1) item { Lines(s.title, s.intro) }
                item { Text(stringResource(R.string.checklist_question, s.number), style = MaterialTheme.typography.labelLarge) }
                item { Text(s.question.text, style = MaterialTheme.typography.titleMedium) }
                s.question.answers.forEach { answer ->
                    item { Button(onClick = { state = presenter.answer(s.question.id, answer.id) }, Modifier.fillMaxWidth()) { Text(answer.text) } }
                }
                item { OutlinedButton(onClick = { state = presenter.back() }) { Text(stringResource(R.string.previous)) } }
            }
            is ChecklistState.Done -> {
                item { LevelLine(s.result.level) }
                item { Text(s.result.headline, style = MaterialTheme.typography.titleMedium) }
                s.result.signals.forEach { seen ->
                    item {
                        Card(Modifier.fillMaxWidth()) {
                            Column(Modifier.padding(12.dp)) {
                                Text(seen.explanation.title, style = MaterialTheme.typography.titleSmall)
                                Lines(seen.explanation.what, seen.explanation.why)
                            }
                        }
                    }
                }
                s.result.advice.forEach { item { Text("• $it") } }
                item { Text(stringResource(R.string.routes_title), style = MaterialTheme.typography.titleMedium) }
                s.routes.forEach { item { RouteCard(it) } }
                item { OutlinedButton(onClick = { state = presenter.clear() }) { Text(stringResource(R.string.checklist_again)) } }
            }
            is ChecklistState.Failed -> item { Text(s.reason, color = MaterialTheme.colorScheme.error) }
        }
    }
}
