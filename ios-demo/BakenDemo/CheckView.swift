import Baken
import SwiftUI

/// "Check a message": paste it, see the signs the core found in the text, what each means, and
/// who can help now.
struct CheckView: View {
    @EnvironmentObject private var model: AppModel
    @State private var text = ""
    @State private var checked: Checked?
    @State private var problem: Problem?

    /// One analysis and everything shown with it.
    private struct Checked {
        let text: String
        let analysis: Baken.MessageAnalysis
        let explanations: [Baken.SignalExplanation]
        let routes: [Baken.HelpRoute]
    }

    var body: some View {
        Form {
            Section {
                TextEditor(text: $text)
                    .frame(minHeight: 120)
                    .autocorrectionDisabled()
                    .textInputAutocapitalization(.never)
                Button("Check this message") { check() }.disabled(text.isEmpty)
            } footer: {
                Text("Paste a message you got. It stays on your phone.")
            }
            ProblemText(problem: problem)
            if let checked {
                Section("What we saw") {
                    LevelLine(level: checked.analysis.level)
                    Text(highlighted(checked.text, checked.analysis.signals))
                }
                if !checked.explanations.isEmpty {
                    Section("What it means") {
                        ForEach(checked.explanations, id: \.title) { explanation in
                            VStack(alignment: .leading, spacing: 4) {
                                Text(verbatim: explanation.title).font(.headline)
                                Text(verbatim: explanation.what)
                                Text(verbatim: explanation.why).foregroundStyle(.secondary)
                            }
                        }
                    }
                }
                Section("Who can help now") { RouteList(routes: checked.routes) }
            }
        }
        .navigationTitle("Check a message")
    }

    private func check() {
        do {
            let analysis = try Baken.analyze(text: text, language: nil)
            var seen: [Baken.Signal] = []
            for found in analysis.signals where !seen.contains(found.signal) { seen.append(found.signal) }
            let explanations = try seen.map { try Baken.signalExplanation(signal: $0, language: model.language) }
            let routes = try model.routes(signals: seen, level: analysis.level)
            checked = Checked(text: text, analysis: analysis, explanations: explanations, routes: routes)
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }
}
