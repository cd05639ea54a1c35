import Baken
import SwiftUI
import UniformTypeIdentifiers

/// The journal screen's state. Every call into the journal runs off the main thread: a passcode
/// costs 600,000 PBKDF2 rounds, and the biometric key waits for Face ID or Touch ID.
@MainActor
final class JournalModel: ObservableObject {
    enum State { case absent, locked, unlocked }

    @Published private(set) var state = State.absent
    @Published private(set) var entries = Baken.JournalEntryList(entries: [], damaged: [])
    @Published private(set) var biometric = false
    @Published private(set) var busy = false
    @Published var problem: Problem?
    private var journal: Baken.Journal?
    private let keyStore = KeychainKeyStore()

    init() { open() }

    func create(passcode: String) async {
        let keyStore = keyStore
        guard let made = await run({ try Baken.Journal.create(path: JournalFiles.journal().path, passcode: passcode, keyStore: keyStore) }) else { return }
        journal = made
        await opened()
    }

    func unlock(passcode: String) async {
        guard let journal, await run({ try journal.unlock(passcode: passcode) }) != nil else { return }
        await opened()
    }

    func unlockWithBiometrics() async {
        guard let journal, await run({ try journal.unlockWithBiometrics() }) != nil else { return }
        await opened()
    }

    func setBiometric(_ on: Bool) async {
        guard let journal else { return }
        _ = await run { on ? try journal.enableBiometricUnlock() : try journal.disableBiometricUnlock() }
        biometric = (await run { try journal.hasBiometricUnlock() }) ?? false
    }

    /// Forgets every key (quick exit, leaving the app, or the lock button).
    func lock() {
        journal?.lock()
        entries = Baken.JournalEntryList(entries: [], damaged: [])
        if state == .unlocked { state = .locked }
    }

    /// Writes an entry; true when it was saved.
    func add(_ entry: Baken.NewJournalEntry) async -> Bool {
        guard let journal, await run({ try journal.add(entry: entry) }) != nil else { return false }
        await refresh()
        return true
    }

    func history(of id: String) async -> [Baken.JournalEntry] {
        guard let journal else { return [] }
        return await run { try journal.history(id: id) } ?? []
    }

    func attachment(_ id: String) async -> Baken.JournalAttachment? {
        guard let journal else { return nil }
        return await run { try journal.attachment(id: id) }
    }

    func verify() async -> Baken.JournalVerification? {
        guard let journal else { return nil }
        return await run { try journal.verify() }
    }

    func reportSummary(_ language: Baken.Language) async -> Baken.ReportSummary? {
        guard let journal else { return nil }
        return await run { try journal.reportSummary(language: language) }
    }

    /// The evidence report as a file to hand to the file exporter.
    func report(_ language: Baken.Language) async -> ExportedFile? {
        guard let journal else { return nil }
        return await run {
            try ExportedFile.written(name: "report.html", type: .html) { try journal.exportReport(path: $0.path, language: language) }
        }
    }

    /// An encrypted backup under `passphrase`, as a file to hand to the file exporter.
    func backup(passphrase: String) async -> ExportedFile? {
        guard let journal else { return nil }
        return await run {
            try ExportedFile.written(name: "journal.bakenbackup", type: .data) { try journal.exportBackup(path: $0.path, passphrase: passphrase) }
        }
    }

    /// True when the duress passcode was set.
    func setDuress(passcode: String, duress: String) async -> Bool {
        guard let journal else { return false }
        let done = await run { try journal.setDuressPasscode(passcode: passcode, duress: duress) } != nil
        biometric = (await run { try journal.hasBiometricUnlock() }) ?? false
        return done
    }

    /// Destroys the keys, then the files; from a decoy, only the decoy. The core decides which.
    func wipe() async {
        guard let journal, await run({ try journal.wipe() }) != nil else { return }
        self.journal = nil
        entries = Baken.JournalEntryList(entries: [], damaged: [])
        biometric = false
        state = .absent
        open()
    }

    /// Opens the journal folder, locked; the core says when there is none (after a wipe from the
    /// decoy, the folder is still there).
    private func open() {
        do {
            journal = try Baken.Journal.open(path: JournalFiles.journal().path, keyStore: keyStore)
            state = .locked
            biometric = (try? journal?.hasBiometricUnlock()) ?? false
        } catch Baken.BakenError.NotFound {
            state = .absent
        } catch {
            problem = Problem(error)
        }
    }

    private func opened() async {
        state = .unlocked
        biometric = (try? journal?.hasBiometricUnlock()) ?? false
        await refresh()
    }

    private func refresh() async {
        guard let journal, let list = await run({ try journal.entries() }) else { return }
        entries = list
    }

    /// Runs `work` off the main thread; on failure shows the problem and gives nil.
    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> T? {
        busy = true
        defer { busy = false }
        do {
            let value = try await Task.detached(priority: .userInitiated, operation: work).value
            problem = nil
            return value
        } catch {
            problem = Problem(error)
            return nil
        }
    }
}

/// A file the core wrote, read into memory and removed from the app's folder, for `fileExporter`.
struct ExportedFile: FileDocument {
    static var readableContentTypes: [UTType] { [.html, .data] }
    let data: Data
    let type: UTType
    let name: String

    init(configuration: ReadConfiguration) throws {
        data = configuration.file.regularFileContents ?? Data()
        type = configuration.contentType
        name = configuration.file.filename ?? ""
    }

    private init(data: Data, type: UTType, name: String) {
        self.data = data
        self.type = type
        self.name = name
    }

    /// Lets the core write `name`, then takes its bytes.
    static func written<Summary>(name: String, type: UTType, by write: (URL) throws -> Summary) throws -> ExportedFile {
        let file = try JournalFiles.export(named: name)
        defer { JournalFiles.discard(file) }
        _ = try write(file)
        return ExportedFile(data: try Data(contentsOf: file), type: type, name: name)
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper { FileWrapper(regularFileWithContents: data) }
}
