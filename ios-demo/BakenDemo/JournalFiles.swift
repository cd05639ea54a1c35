import Foundation

/// Where the journal and its exports live: Application Support/Baken, with complete file
/// protection (unreadable while the phone is locked; every file made inside inherits it) and
/// left out of iCloud and computer backups.
enum JournalFiles {
    /// The folder of the journal itself; the core makes it.
    static func journal() throws -> URL { try root().appending(path: "journal", directoryHint: .isDirectory) }

    /// A fresh path for a report or backup the core writes, before the file exporter copies it
    /// where the person chooses; `discard` removes it afterwards.
    static func export(named name: String) throws -> URL {
        let folder = try root().appending(path: "exports", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.protectionKey: FileProtectionType.complete])
        let file = folder.appending(path: name)
        try? FileManager.default.removeItem(at: file)
        return file
    }

    static func discard(_ file: URL) { try? FileManager.default.removeItem(at: file) }

    private static func root() throws -> URL {
        let support = try FileManager.default.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        var root = support.appending(path: "Baken", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.protectionKey: FileProtectionType.complete])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try root.setResourceValues(values)
        return root
    }
}
