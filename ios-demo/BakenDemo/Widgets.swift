import Baken
import SwiftUI

/// A level with what it means and the next step, both from the core (`levelText`).
struct LevelLine: View {
    let level: Baken.Level
    @EnvironmentObject private var model: AppModel

    var body: some View {
        let text = Baken.levelText(level: level, language: model.language)
        VStack(alignment: .leading, spacing: 4) {
            Label { Text(verbatim: text.title) } icon: { icon }.foregroundStyle(color).font(.headline)
            Text(verbatim: text.advice).font(.callout)
        }
    }

    @ViewBuilder private var icon: some View {
        switch level {
        case .none: Image(systemName: "checkmark.circle")
        case .caution: Image(systemName: "exclamationmark.circle")
        case .warning: Image(systemName: "exclamationmark.triangle")
        case .danger: Image(systemName: "exclamationmark.octagon")
        }
    }

    private var color: Color {
        switch level {
        case .none: .green
        case .caution: .yellow
        case .warning: .orange
        case .danger: .red
        }
    }
}

/// The ranked routes, best first: one tap hands the route's URL to the system.
struct RouteList: View {
    let routes: [Baken.HelpRoute]
    @Environment(\.openURL) private var openURL

    var body: some View {
        ForEach(routes, id: \.serviceId) { route in
            VStack(alignment: .leading, spacing: 6) {
                Text(verbatim: route.name).font(.headline)
                OpenLine(route: route)
                Text(verbatim: route.reason).font(.callout).foregroundStyle(.secondary)
                if let url = URL(string: route.actionUri), !route.actionUri.isEmpty {
                    Button { openURL(url) } label: { Text(verbatim: route.label).frame(maxWidth: .infinity) }
                        .buttonStyle(.borderedProminent)
                        .tint(route.emergency ? .red : .accentColor)
                } else {
                    Text(verbatim: route.label).font(.callout.bold())
                }
            }
            .padding(.vertical, 4)
        }
    }
}

/// Whether a route is open now, and until or from when.
private struct OpenLine: View {
    let route: Baken.HelpRoute

    var body: some View {
        switch route.open {
        case .open:
            if let until = route.openUntil.flatMap(RFC3339.date) {
                Text("Open now, until \(until.formatted(date: .omitted, time: .shortened))").foregroundStyle(.green)
            } else {
                Text("Open now").foregroundStyle(.green)
            }
        case .closed:
            if let next = route.nextOpen.flatMap(RFC3339.date) {
                Text("Closed now, open again \(next.formatted(date: .abbreviated, time: .shortened))").foregroundStyle(.secondary)
            } else {
                Text("Closed now").foregroundStyle(.secondary)
            }
        case .unknown:
            Text("Opening hours unknown").foregroundStyle(.secondary)
        }
    }
}

/// A failure from the core, said kindly; the core's own reason is shown for the rest.
struct Problem: Identifiable {
    let id = UUID()
    let message: String

    init(_ error: Error) {
        switch error {
        case Baken.BakenError.WrongPasscode:
            message = String(localized: "That passcode is not right. Try again.")
        case let Baken.BakenError.LockedOut(_, retryAfterSeconds):
            message = String(localized: "Too many tries. You can try again in \(retryAfterSeconds) seconds.")
        case let error as Baken.BakenError:
            message = String(localized: "That did not work: \(String(describing: error))")
        default:
            message = String(localized: "That did not work: \(error.localizedDescription)")
        }
    }
}

/// Shows a problem, if there is one.
struct ProblemText: View {
    let problem: Problem?

    var body: some View {
        if let problem { Text(verbatim: problem.message).foregroundStyle(.red) }
    }
}
