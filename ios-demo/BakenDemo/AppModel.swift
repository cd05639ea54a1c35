import Baken
import SwiftUI

/// What every screen shares: the reader's language and country, the journal, and quick exit.
@MainActor
final class AppModel: ObservableObject {
    /// The core's language: the one iOS chose for this app's screens (nl or en), so the core's
    /// texts and the app's own texts match.
    let language: Baken.Language
    /// The phone's region, for help routes; the Netherlands when iOS gives none.
    let country: String
    let journal = JournalModel()
    /// Quick exit covers the screen until the person taps the cover.
    @Published var covered = false

    init() {
        let tag = Bundle.main.preferredLocalizations.first ?? "en"
        language = (try? Baken.parseLanguage(tag: tag)) ?? Baken.Language.en
        country = Locale.current.region?.identifier ?? "NL"
    }

    /// Quick exit: cover the screen and forget the journal's keys.
    func quickExit() {
        covered = true
        journal.lock()
    }

    /// Ranked help routes for a situation, at this moment, in the reader's language.
    func routes(topic: Baken.Topic? = nil, signals: [Baken.Signal] = [], level: Baken.Level? = nil, asker: Baken.Asker = .teen, quiet: Bool = false) throws -> [Baken.HelpRoute] {
        try Baken.route(request: Baken.RouteRequest(
            country: country, topic: topic, signals: signals, level: level, audience: asker, age: nil,
            language: language, quiet: quiet, now: RFC3339.now()))
    }
}

/// Times as the core reads and writes them: RFC 3339 with the phone's own offset.
enum RFC3339 {
    private static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()

    static func now() -> String { string(Date()) }
    static func string(_ date: Date) -> String { formatter.string(from: date) }
    static func date(_ text: String) -> Date? { formatter.date(from: text) }
}
