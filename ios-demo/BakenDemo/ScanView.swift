import Baken
import SwiftUI
import UniformTypeIdentifiers

/// "Scan a chat": pick an exported chat with the document picker (no share target: that would
/// show the app in every share sheet), say which person is you, and see each person over time.
struct ScanView: View {
    @EnvironmentObject private var model: AppModel
    @EnvironmentObject private var journal: JournalModel
    @State private var picking = false
    @State private var export: Data?
    @State private var me: String?
    @State private var scan: Baken.ChatScan?
    @State private var problem: Problem?
    @State private var saved = false

    var body: some View {
        Form {
            Section {
                Button("Choose an exported chat") { picking = true }
            } footer: {
                Text("In WhatsApp, Telegram or Instagram, export the chat to Files first. The chat is read on your phone only.")
            }
            ProblemText(problem: problem)
            if let scan {
                Section {
                    Picker("Which one is you?", selection: $me) {
                        Text("Not in this chat").tag(String?.none)
                        ForEach(scan.people, id: \.name) { Text(verbatim: $0.name).tag(Optional($0.name)) }
                    }
                    LevelLine(level: scan.level)
                }
                ForEach(scan.people.filter { !$0.isMe }, id: \.name) { PersonSection(person: $0, language: model.language) }
                if !scan.limitations.isEmpty {
                    Section("What this export cannot show") {
                        ForEach(scan.limitations, id: \.kind) { Text(verbatim: $0.text) }
                    }
                }
                Section {
                    Button("Save to my journal") { Task { await save(scan) } }
                        .disabled(journal.state != .unlocked || saved)
                } footer: {
                    if saved { Text("Saved in your journal.") } else if journal.state != .unlocked { Text("Open your journal first to save this chat.") }
                }
            }
        }
        .navigationTitle("Scan a chat")
        .fileImporter(isPresented: $picking, allowedContentTypes: [.plainText, .json, .zip]) { picked in
            open(picked)
        }
        .onChange(of: me) { rescan() }
    }

    private func open(_ picked: Result<URL, Error>) {
        do {
            let url = try picked.get()
            let access = url.startAccessingSecurityScopedResource()
            defer { if access { url.stopAccessingSecurityScopedResource() } }
            export = try Data(contentsOf: url)
            me = nil
            saved = false
            rescan()
        } catch {
            problem = Problem(error)
        }
    }

    private func rescan() {
        guard let export else { return }
        do {
            scan = try Baken.scanChat(export: export, me: me, language: model.language)
            problem = nil
        } catch {
            scan = nil
            problem = Problem(error)
        }
    }

    /// One evidence entry per other person, written by the core (`scanEvidence`): their summary,
    /// their flagged messages, what the export cannot show and its SHA-256; the export is attached
    /// to the first.
    private func save(_ scan: Baken.ChatScan) async {
        guard let export else { return }
        do {
            for (index, person) in scan.people.filter({ !$0.isMe }).enumerated() {
                let entry = try Baken.scanEvidence(
                    export: export, me: me, contact: person.name, attach: index == 0, now: RFC3339.now(), language: model.language)
                saved = await journal.add(entry)
            }
        } catch {
            problem = Problem(error)
        }
    }
}

/// One person in the chat: what happened, the stages, and each signal with when it started.
private struct PersonSection: View {
    let person: Baken.ChatPerson
    let language: Baken.Language

    var body: some View {
        Section {
            LevelLine(level: person.level)
            Text(verbatim: person.summary)
            ForEach(person.signals, id: \.signal) { seen in
                VStack(alignment: .leading, spacing: 4) {
                    HStack {
                        Text(verbatim: (try? Baken.warningSign(signal: seen.signal, language: language))?.name ?? "").font(.headline)
                        Spacer()
                        Text(verbatim: "\(seen.count)×").foregroundStyle(.secondary)
                    }
                    if let first = seen.firstSeen { Text(verbatim: first.replacingOccurrences(of: "T", with: " ")).font(.caption).foregroundStyle(.secondary) }
                    ForEach(seen.examples, id: \.index) { Text(verbatim: "“\($0.text)”").font(.callout).foregroundStyle(.secondary) }
                }
            }
        } header: {
            Text(verbatim: person.name)
        }
    }
}
