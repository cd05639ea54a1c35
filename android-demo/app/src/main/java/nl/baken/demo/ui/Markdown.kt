package nl.baken.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import org.commonmark.node.BlockQuote
import org.commonmark.node.BulletList
import org.commonmark.node.Code
import org.commonmark.node.Emphasis
import org.commonmark.node.HardLineBreak
import org.commonmark.node.Heading
import org.commonmark.node.Link
import org.commonmark.node.ListItem
import org.commonmark.node.Node
import org.commonmark.node.OrderedList
import org.commonmark.node.Paragraph
import org.commonmark.node.SoftLineBreak
import org.commonmark.node.StrongEmphasis
import org.commonmark.parser.Parser

/** An article's Markdown (from the core), drawn with CommonMark's parser: blocks as texts. */
@Composable
fun Markdown(markdown: String) {
    val document = remember(markdown) { Parser.builder().build().parse(markdown) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) { document.children().forEach { Block(it, 0) } }
}

@Composable
private fun Block(node: Node, depth: Int) {
    when (node) {
        is Heading -> Text(inline(node), style = if (node.level <= 2) MaterialTheme.typography.titleLarge else MaterialTheme.typography.titleMedium)
        is Paragraph -> Text(inline(node))
        is BulletList, is OrderedList -> Column(Modifier.padding(start = (8 * depth).dp)) {
            node.children().forEachIndexed { i, item ->
                val mark = if (node is OrderedList) "${(node.markerStartNumber ?: 1) + i}." else "•"
                item.children().forEach { child ->
                    if (child is Paragraph) Text(AnnotatedString("$mark ") + inline(child)) else Block(child, depth + 1)
                }
            }
        }
        is BlockQuote -> Column(Modifier.padding(start = 12.dp)) { node.children().forEach { Block(it, depth) } }
        is ListItem -> node.children().forEach { Block(it, depth) }
        else -> Text(inline(node))
    }
}

/** Inline text with bold, italics, code and links (shown, not followed). */
private fun inline(node: Node): AnnotatedString = buildAnnotatedString {
    fun walk(n: Node) {
        when (n) {
            is org.commonmark.node.Text -> append(n.literal)
            is Code -> append(n.literal)
            is SoftLineBreak -> append(" ")
            is HardLineBreak -> append("\n")
            is StrongEmphasis -> withStyle(SpanStyle(fontWeight = FontWeight.Bold)) { n.children().forEach(::walk) }
            is Emphasis -> withStyle(SpanStyle(fontStyle = FontStyle.Italic)) { n.children().forEach(::walk) }
            is Link -> withStyle(SpanStyle(textDecoration = TextDecoration.Underline)) { n.children().forEach(::walk) }
            else -> n.children().forEach(::walk)
        }
    }
    node.children().forEach(::walk)
}

private fun Node.children(): List<Node> = generateSequence(firstChild) { it.next }.toList()
