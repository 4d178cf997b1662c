import Foundation
import Logging
import SkillMatchService
import SkillMatchStore

/// The catalogue the server answers from: loaded once and shared by every request, and loaded again when another
/// process changes the file (an `import`, a `candidate add`) or replaces it, so that no restart is needed.
///
/// Changes are noticed by SQLite's `data_version` (a commit by another connection) and the file's identity (a file
/// renamed into place). Writes through the API go through the session's own connection and are seen at once without
/// a reload (they touch only candidates, which are read per request).
final class LiveCatalog: Sendable {
    let location: CatalogLocation
    private let logger: Logger
    private let state: NSLockedBox<State>
    /// Serialises reloads: one request reloads while the others go on with the catalogue they have.
    private let reloading = NSLock()

    struct State: Sendable {
        var session: CatalogSession
        var version: Int
        var identity: FileIdentity?
    }

    /// Opens and loads the catalogue (seeding the per-user default with the demo on first use).
    init(location: CatalogLocation, logger: Logger) throws {
        self.location = location
        self.logger = logger
        state = NSLockedBox(try Self.load(location, logger: logger))
    }

    /// The current session, reloaded first when the file changed since it was loaded.
    func session() throws -> CatalogSession {
        let current = state.value
        let identity = FileIdentity(path: location.path)
        let changed = try identity != current.identity || current.session.store.dataVersion() != current.version
        guard changed else { return current.session }
        guard reloading.try() else { return current.session }  // another request is reloading it
        defer { reloading.unlock() }
        let fresh = try Self.load(location, logger: logger)
        state.value = fresh
        logger.info("catalogue changed on disk; reloaded", metadata: ["jobs": "\(fresh.session.catalog.jobs.count)"])
        return fresh.session
    }

    private static func load(_ location: CatalogLocation, logger: Logger) throws -> State {
        // The file must exist (the default is created and seeded here); then it is opened for writing, so that
        // candidates can be stored through the API and the server's own writes do not count as changes.
        _ = try location.open(access: .read) { logger.notice("\($0)") }
        let store = try CatalogStore(path: location.path, access: .readWrite)
        let version = try store.dataVersion()
        let session = try CatalogSession(store: store) { logger.notice("\($0)") }
        return State(session: session, version: version, identity: FileIdentity(path: location.path))
    }
}

/// A file's device and inode: a new one means the file was replaced.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        (device, inode) = (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}

/// A value behind a lock.
final class NSLockedBox<Value: Sendable>: @unchecked Sendable {
    // Invariant: `stored` is read and written only while holding `lock`.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place, holding the lock throughout.
    func mutate(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
