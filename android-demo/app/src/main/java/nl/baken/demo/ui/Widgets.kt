package nl.baken.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import nl.baken.HelpRoute
import nl.baken.Language
import nl.baken.Level
import nl.baken.OpenState
import nl.baken.levelText
import nl.baken.demo.Disguise
import nl.baken.demo.R
import nl.baken.demo.openRoute

/** One help route from the core: its name, why, whether it is open, and one tap to reach it. */
@Composable
fun RouteCard(route: HelpRoute) {
    val context = LocalContext.current
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(route.name, style = MaterialTheme.typography.titleMedium)
            Text(route.reason)
            Text(
                when (route.open) {
                    OpenState.OPEN -> route.openUntil?.let { stringResource(R.string.open_until, it.time()) } ?: stringResource(R.string.open_always)
                    OpenState.CLOSED -> route.nextOpen?.let { stringResource(R.string.closed_until, it.time()) } ?: stringResource(R.string.closed)
                    OpenState.UNKNOWN -> stringResource(R.string.hours_unknown)
                },
                style = MaterialTheme.typography.bodySmall,
            )
            // An empty address means: no button, the reason says what to do.
            if (route.actionUri.isNotEmpty()) {
                Button(onClick = { context.openRoute(route.actionUri) }) { Text(route.label) }
            }
        }
    }
}

/** "2026-12-01T21:00:00+01:00" as "2026-12-01 21:00", the way the core gives it. */
private fun String.time(): String = take(16).replace('T', ' ')

/** The reader's language, for the core's texts a widget asks for itself (a level's meaning). */
val LocalLanguage = staticCompositionLocalOf { Language.EN }

/** A level's title and its next step, both from the core. */
@Composable
fun LevelLine(level: Level) {
    val text = levelText(level, LocalLanguage.current)
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(text.title, style = MaterialTheme.typography.titleLarge)
        Text(text.advice, style = MaterialTheme.typography.bodyMedium)
    }
}

/** A level's title alone, from the core, for a line in a list. */
@Composable
fun levelTitle(level: Level): String = levelText(level, LocalLanguage.current).title

/** A text field for private text: no autocorrect or suggestions, so the keyboard learns nothing. */
@Composable
fun PrivateField(value: String, onChange: (String) -> Unit, label: String, secret: Boolean = false, lines: Int = 1) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        modifier = Modifier.fillMaxWidth(),
        minLines = lines,
        singleLine = lines == 1,
        visualTransformation = if (secret) PasswordVisualTransformation() else androidx.compose.ui.text.input.VisualTransformation.None,
        keyboardOptions = KeyboardOptions(autoCorrectEnabled = false, keyboardType = if (secret) KeyboardType.Password else KeyboardType.Text),
    )
}

/** The disguise: show Baken in the launcher as "Notes" with a plain icon. */
@Composable
fun DisguiseSwitch() {
    val context = LocalContext.current
    var on by remember { mutableStateOf(Disguise.isOn(context)) }
    Card(modifier = Modifier.fillMaxWidth()) {
        Row(Modifier.padding(12.dp), verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f)) {
                Text(stringResource(R.string.disguise_title), style = MaterialTheme.typography.titleSmall)
                Text(stringResource(R.string.disguise_text), style = MaterialTheme.typography.bodySmall)
            }
            Switch(checked = on, onCheckedChange = { Disguise.set(context, it); on = it })
        }
    }
}
