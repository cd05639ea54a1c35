import Baken
import SwiftUI

/// "Get help": the core's routes for this country, this moment and this need; one tap opens one.
struct HelpView: View {
    @EnvironmentObject private var model: AppModel
    @State private var need = Need.talk
    @State private var asker = Baken.Asker.teen
    @State private var quiet = false

    /// What the person needs help with, as a short choice.
    enum Need: CaseIterable, Hashable {
        case talk, danger, blackmail, images, grooming, exploitation

        var topic: Baken.Topic? {
            switch self {
            case .talk: nil
            case .danger: .emergency
            case .blackmail: .sextortion
            case .images: .imageRemoval
            case .grooming: .grooming
            case .exploitation: .exploitation
            }
        }

        var name: LocalizedStringKey {
            switch self {
            case .talk: "I want to talk to someone"
            case .danger: "I am in danger now"
            case .blackmail: "Someone is blackmailing me"
            case .images: "I want images taken down"
            case .grooming: "Someone online makes me feel uneasy"
            case .exploitation: "Someone makes me do things for money or gifts"
            }
        }
    }

    var body: some View {
        Form {
            Section {
                Picker("What is going on?", selection: $need) {
                    ForEach(Need.allCases, id: \.self) { Text($0.name).tag($0) }
                }
                Picker("I am", selection: $asker) {
                    Text("A young person").tag(Baken.Asker.teen)
                    Text("A parent or carer").tag(Baken.Asker.parent)
                    Text("A professional").tag(Baken.Asker.professional)
                }
                Toggle("I cannot talk out loud", isOn: $quiet)
            } footer: {
                Text("A call shows up in the phone’s call history and on the phone bill.")
            }
            if let note = try? Baken.coverageNote(country: model.country, language: model.language) {
                Section { Text(verbatim: note) }
            }
            Section("Open now and best first") {
                switch Result(catching: { try model.routes(topic: need.topic, asker: asker, quiet: quiet) }) {
                case let .success(routes): RouteList(routes: routes)
                case let .failure(error): ProblemText(problem: Problem(error))
                }
            }
        }
        .navigationTitle("Get help")
    }
}
