import Baken
import LocalAuthentication
import PhotosUI
import SwiftUI

/// The journal: made with a passcode, opened with it (or Face ID / Touch ID once turned on),
/// then entries, checks, exports, the duress passcode and wiping.
struct JournalView: View {
    @EnvironmentObject private var journal: JournalModel

    var body: some View {
        Group {
            switch journal.state {
            case .absent: CreateJournalView()
            case .locked: UnlockView()
            case .unlocked: JournalHome()
            }
        }
        .navigationTitle("Journal")
        .disabled(journal.busy)
        .overlay { if journal.busy { ProgressView() } }
    }
}

/// The name of this phone's biometry, for buttons (a product name, the same in every language).
private var biometryName: String {
    let context = LAContext()
    _ = context.canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: nil)
    return context.biometryType == .touchID ? "Touch ID" : "Face ID"
}

private struct CreateJournalView: View {
    @EnvironmentObject private var journal: JournalModel
    @State private var passcode = ""
    @State private var again = ""

    var body: some View {
        Form {
            Section {
                Text("Write down what happened, with screenshots, to show someone you trust later. Only you can open it, on this phone.")
            }
            Section {
                SecureField("Choose a passcode", text: $passcode)
                SecureField("Type it again", text: $again)
                PasscodeWarningText(passcode: passcode)
                Button("Make my journal") { Task { await journal.create(passcode: passcode) } }
                    .disabled(passcode.isEmpty || passcode != again)
            } footer: {
                Text("Your phone needs a screen lock. If you turn the screen lock off, iOS deletes the key and the journal can no longer be opened.")
            }
            ProblemText(problem: journal.problem)
        }
    }
}

/// The core's warning about an easy passcode; it is still allowed.
private struct PasscodeWarningText: View {
    let passcode: String

    var body: some View {
        switch Baken.passcodeWarning(passcode: passcode) {
        case .fewDigits: Text("Only a few digits are easy to guess. A longer passcode is safer.").foregroundStyle(.orange)
        case .predictable: Text("Digits in a row are easy to guess. Mix them up, or use more.").foregroundStyle(.orange)
        case nil: EmptyView()
        }
    }
}

private struct UnlockView: View {
    @EnvironmentObject private var journal: JournalModel
    @State private var passcode = ""

    var body: some View {
        Form {
            Section {
                SecureField("Passcode", text: $passcode)
                Button("Open") {
                    let typed = passcode
                    passcode = ""
                    Task { await journal.unlock(passcode: typed) }
                }
                .disabled(passcode.isEmpty)
                if journal.biometric {
                    Button { Task { await journal.unlockWithBiometrics() } } label: { Label(biometryName, systemImage: "faceid") }
                }
            }
            ProblemText(problem: journal.problem)
        }
    }
}

private struct JournalHome: View {
    @EnvironmentObject private var model: AppModel
    @EnvironmentObject private var journal: JournalModel
    @State private var adding = false

    var body: some View {
        List {
            ProblemText(problem: journal.problem)
            Section("What you wrote down") {
                if journal.entries.entries.isEmpty { Text("Nothing yet. Tap + to add what happened.") }
                ForEach(journal.entries.entries, id: \.id) { entry in
                    NavigationLink { EntryView(entry: entry) } label: { EntryRow(entry: entry) }
                }
                ForEach(journal.entries.damaged, id: \.id) { damaged in
                    Label { Text(verbatim: damaged.reason) } icon: { Image(systemName: "exclamationmark.triangle") }
                }
            }
            Section("Keep it safe") {
                NavigationLink("Check that nothing was changed") { VerifyView() }
                NavigationLink("Share a report or a backup") { ExportView() }
                NavigationLink("Passcodes and \(biometryName)") { PasscodeSettingsView() }
                NavigationLink("Delete the journal") { WipeView() }
            }
        }
        .toolbar {
            ToolbarItem(placement: .bottomBar) { Button { adding = true } label: { Label("Add", systemImage: "plus") } }
            ToolbarItem(placement: .bottomBar) { Button { journal.lock() } label: { Label("Lock", systemImage: "lock") } }
        }
        .sheet(isPresented: $adding) { NavigationStack { NewEntryView() } }
    }
}

/// The app's words for the core's entry kinds.
private func kindName(_ kind: Baken.EntryKind) -> LocalizedStringKey {
    switch kind {
    case .incident: "Something that happened"
    case .note: "A note"
    case .contact: "About a contact"
    case .evidence: "Evidence"
    }
}

private struct EntryRow: View {
    let entry: Baken.JournalEntry

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(kindName(entry.kind)).font(.caption).foregroundStyle(.secondary)
            Text(verbatim: entry.text).lineLimit(2)
            if let when = RFC3339.date(entry.happenedAt) { Text(when.formatted(date: .abbreviated, time: .shortened)).font(.caption) }
        }
    }
}

/// One entry, its photos, and every earlier version.
private struct EntryView: View {
    @EnvironmentObject private var journal: JournalModel
    let entry: Baken.JournalEntry
    @State private var history: [Baken.JournalEntry] = []
    @State private var images: [String: UIImage] = [:]

    var body: some View {
        List {
            Section {
                if let contact = entry.contact { Text(verbatim: [contact.name, contact.platform].compactMap { $0 }.joined(separator: " · ")).font(.headline) }
                Text(verbatim: entry.text)
                if let level = entry.level { LevelLine(level: level) }
            }
            if !entry.attachments.isEmpty {
                Section("Attachments") {
                    ForEach(entry.attachments, id: \.id) { info in
                        if let image = images[info.id] {
                            Image(uiImage: image).resizable().scaledToFit()
                        } else {
                            Text(verbatim: "\(info.mediaType), \(ByteCountFormatter.string(fromByteCount: Int64(info.size), countStyle: .file))")
                        }
                    }
                }
            }
            if history.count > 1 {
                Section("Earlier versions") {
                    ForEach(history, id: \.revision) { version in
                        VStack(alignment: .leading) {
                            Text("Version \(version.revision)").font(.caption).foregroundStyle(.secondary)
                            Text(verbatim: version.text)
                        }
                    }
                }
            }
        }
        .task {
            history = await journal.history(of: entry.id)
            for info in entry.attachments where info.mediaType.hasPrefix("image/") {
                if let attachment = await journal.attachment(info.id) { images[info.id] = UIImage(data: attachment.bytes) }
            }
        }
    }
}

/// A new entry: what happened, when, who, and screenshots from the photo picker (which needs no
/// permission: the person picks, the app sees only what was picked).
private struct NewEntryView: View {
    @EnvironmentObject private var journal: JournalModel
    @Environment(\.dismiss) private var dismiss
    @State private var kind = Baken.EntryKind.incident
    @State private var happened = Date()
    @State private var contact = ""
    @State private var platform = ""
    @State private var text = ""
    @State private var picked: [PhotosPickerItem] = []

    var body: some View {
        Form {
            Picker("What is it?", selection: $kind) {
                ForEach([Baken.EntryKind.incident, .note, .contact, .evidence], id: \.self) { Text(kindName($0)).tag($0) }
            }
            DatePicker("When", selection: $happened)
            TextField("Who (a name or account)", text: $contact)
            TextField("Which app", text: $platform)
            TextField("What happened", text: $text, axis: .vertical).lineLimit(4...)
            PhotosPicker(selection: $picked, matching: .images) {
                if picked.isEmpty { Label("Add screenshots", systemImage: "photo") } else { Label("Screenshots chosen: \(picked.count)", systemImage: "photo") }
            }
            ProblemText(problem: journal.problem)
        }
        .navigationTitle("Add to journal")
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button("Cancel") { dismiss() } }
            ToolbarItem(placement: .confirmationAction) { Button("Save") { Task { await save() } }.disabled(text.isEmpty) }
        }
    }

    private func save() async {
        var attachments: [Baken.NewJournalAttachment] = []
        for item in picked {
            guard let bytes = try? await item.loadTransferable(type: Data.self) else { continue }
            attachments.append(Baken.NewJournalAttachment(mediaType: item.supportedContentTypes.first?.preferredMIMEType ?? "image/png", bytes: bytes))
        }
        let who = contact.isEmpty ? nil : Baken.JournalContact(name: contact, platform: platform.isEmpty ? nil : platform)
        let entry = Baken.NewJournalEntry(
            kind: kind, happenedAt: RFC3339.string(happened), contact: who, text: text, signals: [], level: nil, tags: [], attachments: attachments)
        if await journal.add(entry) { dismiss() }
    }
}

/// The integrity check, in the core's words where it has them.
private struct VerifyView: View {
    @EnvironmentObject private var journal: JournalModel
    @State private var result: Baken.JournalVerification?

    var body: some View {
        List {
            if let result {
                Section {
                    if result.intact {
                        Label("Nothing was changed", systemImage: "checkmark.seal").foregroundStyle(.green)
                    } else {
                        Label("Something was changed or damaged", systemImage: "exclamationmark.triangle").foregroundStyle(.red)
                    }
                    if let broken = result.broken { Text(verbatim: broken.reason) }
                    if result.rolledBack != nil { Text("This is an older copy of your journal than this phone saw before.") }
                    if let problem = result.anchorProblem { Text(verbatim: problem) }
                    if let missing = result.sharedSealMissing { Text(verbatim: missing) }
                }
                Section {
                    Text(verbatim: result.seal).font(.title2.monospaced()).textSelection(.enabled)
                } header: {
                    Text("Your seal")
                } footer: {
                    Text("Write this code down or send it to someone you trust. With it, they can check later that your report was not changed.")
                }
            }
        }
        .task { result = await journal.verify() }
    }
}

/// The report (HTML, for a trusted adult, Helpwanted or the police) and the encrypted backup,
/// each handed to the file exporter; the app keeps no copy.
private struct ExportView: View {
    @EnvironmentObject private var model: AppModel
    @EnvironmentObject private var journal: JournalModel
    @State private var summary: Baken.ReportSummary?
    @State private var passphrase = ""
    @State private var file: ExportedFile?
    @State private var exporting = false

    var body: some View {
        Form {
            Section {
                if let summary {
                    Text("The report holds \(summary.entries) entries.")
                    if summary.earlierVersions > 0 { Text("It also holds \(summary.earlierVersions) earlier versions of changed entries, with their old text.") }
                    if summary.damaged > 0 { Text("\(summary.damaged) parts are damaged and are shown as damaged.") }
                }
                Button("Save the report") { Task { await export(journal.report(model.language)) } }
            } header: {
                Text("Report")
            } footer: {
                Text("Anyone who gets the report can read it. Share it only with someone you trust.")
            }
            Section {
                SecureField("Backup passphrase", text: $passphrase)
                Button("Save a backup") { Task { await export(journal.backup(passphrase: passphrase)) } }.disabled(passphrase.isEmpty)
            } header: {
                Text("Backup")
            } footer: {
                Text("The backup is locked with this passphrase. Without it, nobody can open the backup, you neither.")
            }
            ProblemText(problem: journal.problem)
        }
        .task { summary = await journal.reportSummary(model.language) }
        .fileExporter(isPresented: $exporting, document: file, contentType: file?.type ?? .data, defaultFilename: file?.name) { _ in file = nil }
    }

    private func export(_ made: ExportedFile?) async {
        file = made
        exporting = made != nil
    }
}

/// Face ID / Touch ID, and the duress passcode that opens a journal that looks normal but is empty.
private struct PasscodeSettingsView: View {
    @EnvironmentObject private var journal: JournalModel
    @State private var passcode = ""
    @State private var duress = ""
    @State private var duressSet = false

    var body: some View {
        Form {
            Section {
                Toggle(isOn: Binding(get: { journal.biometric }, set: { on in Task { await journal.setBiometric(on) } })) {
                    Text("Open with \(biometryName)")
                }
            } footer: {
                Text("Someone who can hold the phone to your face or finger can then open the journal too.")
            }
            Section {
                SecureField("Your passcode", text: $passcode)
                SecureField("Second passcode", text: $duress)
                PasscodeWarningText(passcode: duress)
                Button("Set the second passcode") {
                    Task { duressSet = await journal.setDuress(passcode: passcode, duress: duress) }
                }
                .disabled(passcode.isEmpty || duress.isEmpty || passcode == duress)
                if duressSet { Text("Done. The second passcode opens a journal that looks normal.") }
            } header: {
                Text("Second passcode")
            } footer: {
                Text("If someone forces you to open the journal, type the second passcode. It opens a journal that looks normal, without your entries. It also turns off \(biometryName).")
            }
            ProblemText(problem: journal.problem)
        }
    }
}

/// Wiping, in two clear steps.
private struct WipeView: View {
    @EnvironmentObject private var journal: JournalModel
    @State private var first = false
    @State private var second = false

    var body: some View {
        Form {
            Section {
                Button("Delete the journal", role: .destructive) { first = true }
            } footer: {
                Text("This deletes every entry and photo, and the keys, for good. A report or backup you already saved elsewhere stays there.")
            }
            ProblemText(problem: journal.problem)
        }
        .alert("Delete everything in the journal?", isPresented: $first) {
            Button("Continue", role: .destructive) { second = true }
            Button("Cancel", role: .cancel) {}
        } message: {
            Text("Nothing can be brought back afterwards.")
        }
        .alert("Are you sure?", isPresented: $second) {
            Button("Delete for good", role: .destructive) { Task { await journal.wipe() } }
            Button("Cancel", role: .cancel) {}
        } message: {
            Text("This is the last step.")
        }
    }
}
