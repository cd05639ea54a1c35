import Baken
import SwiftUI

/// "Is this normal?": the core's checklist one question at a time, for a teen or a parent, then
/// the explained result and who can help.
struct ChecklistView: View {
    @EnvironmentObject private var model: AppModel
    @State private var audience = Baken.ChecklistAudience.teen
    @State private var answers: [String: String] = [:]
    @State private var question: Baken.ChecklistQuestion?
    @State private var result: Baken.ChecklistResult?
    @State private var routes: [Baken.HelpRoute] = []
    @State private var problem: Problem?

    var body: some View {
        Form {
            Section {
                Picker("I am", selection: $audience) {
                    Text("A young person").tag(Baken.ChecklistAudience.teen)
                    Text("A parent or carer").tag(Baken.ChecklistAudience.parent)
                }
                .pickerStyle(.segmented)
            }
            ProblemText(problem: problem)
            if let result {
                ResultSections(result: result, routes: routes)
                Button("Start again") { start() }
            } else if let question {
                Section {
                    Text(verbatim: question.text).font(.title3)
                    ForEach(question.answers, id: \.id) { option in
                        Button { answer(question, with: option.id) } label: { Text(verbatim: option.text) }
                    }
                } footer: {
                    Text("You can stop at any time. Nothing is saved.")
                }
            }
        }
        .navigationTitle("Is this normal?")
        .onAppear { if question == nil && result == nil { start() } }
        .onChange(of: audience) { start() }
    }

    private func start() {
        answers = [:]
        result = nil
        next()
    }

    private func answer(_ question: Baken.ChecklistQuestion, with id: String) {
        answers[question.id] = id
        next()
    }

    /// The core decides the next question, and when the checklist is done.
    private func next() {
        do {
            question = try Baken.checklistNextQuestion(audience: audience, language: model.language, answers: answers)
            if question == nil {
                let scored = try Baken.checklistScore(audience: audience, language: model.language, answers: answers)
                routes = try model.routes(signals: scored.situation.signals, level: scored.situation.level, asker: audience == .teen ? .teen : .parent)
                result = scored
            }
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }
}

/// The explained result: headline, the signs and what they mean, advice, and routes.
private struct ResultSections: View {
    let result: Baken.ChecklistResult
    let routes: [Baken.HelpRoute]

    var body: some View {
        Section {
            LevelLine(level: result.level)
            Text(verbatim: result.headline).font(.headline)
        }
        if !result.signals.isEmpty {
            Section("What your answers point to") {
                ForEach(result.signals, id: \.explanation.title) { seen in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(verbatim: seen.explanation.title).font(.headline)
                        Text(verbatim: seen.explanation.what)
                        Text(verbatim: seen.explanation.why).foregroundStyle(.secondary)
                    }
                }
            }
        }
        Section("What you can do") {
            ForEach(result.advice, id: \.self) { Text(verbatim: $0) }
        }
        Section("Who can help now") { RouteList(routes: routes) }
    }
}
