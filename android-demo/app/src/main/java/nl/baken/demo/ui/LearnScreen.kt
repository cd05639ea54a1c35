package nl.baken.demo.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyRow
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import nl.baken.demo.R
import nl.baken.demo.model.LibraryPresenter

@Composable
fun LearnScreen(presenter: LibraryPresenter, onBack: () -> Unit, onQuickExit: () -> Unit) {
    var state by remember { mutableStateOf(presenter.state) }
    var query by remember { mutableStateOf(presenter.state.query) }
    LaunchedEffect(Unit) { if (state.topics.isEmpty()) state = presenter.load() }
    val article = state.article
    ScreenFrame(article?.title ?: stringResource(R.string.learn_title), { if (article != null) state = presenter.closeArticle() else onBack() }, onQuickExit) {
        state.failure?.let { item { Text(it, color = MaterialTheme.colorScheme.error) } }
        if (article != null) {
            item { Text(article.summary, style = MaterialTheme.typography.bodyLarge) }
            item { Markdown(article.markdown) }
            item { Text(stringResource(R.string.learn_sources), style = MaterialTheme.typography.titleSmall) }
            article.sources.forEach { item { Text("${it.title} — ${it.url}", style = MaterialTheme.typography.bodySmall) } }
            item { Text(stringResource(R.string.learn_reviewed, article.lastReviewed), style = MaterialTheme.typography.bodySmall) }
            item { OutlinedButton(onClick = { state = presenter.closeArticle() }) { Text(stringResource(R.string.previous)) } }
        } else {
            item { PrivateField(query, { query = it; state = presenter.search(it) }, stringResource(R.string.learn_search)) }
            item {
                LazyRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    items(state.topics) { t ->
                        FilterChip(selected = state.topic == t.topic, onClick = { query = ""; state = presenter.showTopic(if (state.topic == t.topic) null else t.topic) }, label = { Text(t.name) })
                    }
                }
            }
            if (state.articles.isEmpty()) item { Text(stringResource(R.string.learn_nothing_found)) }
            state.articles.forEach { a ->
                item {
                    Card(Modifier.fillMaxWidth().clickable { state = presenter.open(a.id) }) {
                        Column(Modifier.padding(12.dp)) {
                            Text(a.title, style = MaterialTheme.typography.titleMedium)
                            Text(a.summary)
                        }
                    }
                }
            }
        }
    }
}
