import Baken
import SwiftUI

/// "Learn": the topics, their articles and warning signs, and search over every article.
struct LearnView: View {
    @EnvironmentObject private var model: AppModel
    @State private var query = ""

    var body: some View {
        List {
            if query.isEmpty {
                ForEach((try? Baken.libraryTopics(language: model.language)) ?? [], id: \.topic) { topic in
                    NavigationLink { TopicView(topic: topic) } label: { Text(verbatim: topic.name) }
                }
            } else {
                ArticleRows(articles: (try? Baken.librarySearch(query: query, language: model.language, audience: nil)) ?? [])
            }
        }
        .searchable(text: $query, prompt: Text("Search, for example ‘blackmail’"))
        .navigationTitle("Learn")
    }
}

/// One topic: its warning signs and its articles.
private struct TopicView: View {
    @EnvironmentObject private var model: AppModel
    let topic: Baken.LibraryTopic

    var body: some View {
        List {
            Section("Articles") {
                ArticleRows(articles: (try? Baken.libraryArticles(language: model.language, audience: nil, topic: topic.topic)) ?? [])
            }
            Section("Warning signs") {
                ForEach((try? Baken.warningSigns(topic: topic.topic, language: model.language)) ?? [], id: \.signal) { sign in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(verbatim: sign.name).font(.headline)
                        Text(verbatim: sign.explanation)
                    }
                }
            }
        }
        .navigationTitle(Text(verbatim: topic.name))
    }
}

/// Article titles and summaries, each opening the article.
private struct ArticleRows: View {
    let articles: [Baken.ArticleSummary]

    var body: some View {
        ForEach(articles, id: \.id) { article in
            NavigationLink { ArticleView(id: article.id) } label: {
                VStack(alignment: .leading, spacing: 4) {
                    Text(verbatim: article.title).font(.headline)
                    Text(verbatim: article.summary).font(.callout).foregroundStyle(.secondary).lineLimit(3)
                }
            }
        }
    }
}

/// A whole article: its Markdown body, when it was last checked, and where its facts come from.
private struct ArticleView: View {
    @EnvironmentObject private var model: AppModel
    let id: String

    var body: some View {
        ScrollView {
            if let article = try? Baken.libraryArticle(id: id, language: model.language) {
                VStack(alignment: .leading, spacing: 12) {
                    Text(verbatim: article.title).font(.title.bold())
                    Text(verbatim: article.summary).font(.title3)
                    MarkdownView(markdown: article.markdown)
                    Text("Last checked: \(article.lastReviewed)").font(.footnote).foregroundStyle(.secondary)
                    Text("Sources").font(.headline)
                    ForEach(article.sources, id: \.url) { source in
                        if let url = URL(string: source.url) { Link(source.title, destination: url).font(.footnote) }
                    }
                }
                .padding()
            }
        }
    }
}

/// Markdown as the articles use it: `##` headings, `-` lists and paragraphs with inline marks.
struct MarkdownView: View {
    let markdown: String

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            ForEach(Array(markdown.components(separatedBy: "\n").enumerated()), id: \.offset) { _, line in
                if line.hasPrefix("#") {
                    Text(inline(line.drop { $0 == "#" || $0 == " " })).font(.title3.bold()).padding(.top, 8)
                } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                    HStack(alignment: .firstTextBaseline, spacing: 8) {
                        Text(verbatim: "•")
                        Text(inline(line.dropFirst(2)))
                    }
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    Text(inline(Substring(line)))
                }
            }
        }
    }

    private func inline(_ text: Substring) -> AttributedString {
        (try? AttributedString(markdown: String(text), options: .init(interpretedSyntax: .inlineOnlyPreservingWhitespace))) ?? AttributedString(String(text))
    }
}
