import Foundation
import SkillMatch
import SkillMatchStore

/// Where the catalogue database is, by the same rule for every command and for `skillmatch serve`: the path given
/// (`--db`), else `$SKILLMATCH_DB`, else the per-user default, which is created and seeded with the demo on first use.
public struct CatalogLocation: Sendable, Equatable {
    /// The database file.
    public var path: String
    /// Whether it is the per-user default (created and seeded with the demo catalogue on first use).
    public var isDefault: Bool

    public init(path: String, isDefault: Bool) {
        (self.path, self.isDefault) = (path, isDefault)
    }

    /// The location for a `--db` value (nil when not given).
    public static func resolve(_ db: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> CatalogLocation {
        if let db, !db.isEmpty { return CatalogLocation(path: db, isDefault: false) }
        if let path = environment["SKILLMATCH_DB"], !path.isEmpty { return CatalogLocation(path: path, isDefault: false) }
        return CatalogLocation(path: defaultPath(environment: environment), isDefault: true)
    }

    /// `$XDG_DATA_HOME/skillmatch/catalog.sqlite`, else `~/.local/share/skillmatch/catalog.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return base + "/skillmatch/catalog.sqlite"
    }

    /// Opens the catalogue; the per-user default is created and seeded with the demo catalogue on first use.
    ///
    /// Seeding is all or nothing: the catalogue is built under a temporary name and linked into place, so a run
    /// killed while seeding leaves no default catalogue (the next run seeds again) and concurrent first runs all
    /// find a whole one. A default catalogue left empty by an older version is seeded again.
    ///
    /// A catalogue named by `--db` or `$SKILLMATCH_DB` is opened with `access`: for `.read` it must exist and is never
    /// changed; for `.readWrite` a file that does not exist becomes a new, empty catalogue.
    /// - Parameter note: receives a sentence about what was created or registered (the CLI prints it on standard error).
    public func open(access: CatalogStore.Access = .read, note: (String) -> Void = { _ in }) throws -> CatalogStore {
        guard isDefault else { return try CatalogStore(path: path, access: access) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ServiceError(.failed, "cannot create the folder \(folder) for the default catalogue; use --db PATH")
        }
        if !FileManager.default.fileExists(atPath: path) {
            if try DemoSeed.createSeeded(at: path, replacing: false, note: note) {
                note("created \(path) and seeded it with the demo catalogue and its relatedness model")
            }
        } else if try DemoSeed.isUnseeded(path) {
            _ = try DemoSeed.createSeeded(at: path, replacing: true, note: note)
            note("seeded the empty default catalogue \(path) with the demo catalogue and its relatedness model")
        }
        let store = try CatalogStore(path: path)
        if try DemoSeed.registerModelIfDemo(store) { note("registered the shipped demo relatedness model with \(store.path)") }
        return store
    }
}
