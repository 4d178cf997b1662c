import Foundation
import GRDB
import SkillMatch

/// The SQLite catalogue: skills, jobs, credentials and candidates in one database file.
///
/// Every change is one transaction: an import lands whole or not at all, and a crash never leaves a
/// half-written catalogue. SQLite errors become ``StoreError``s that name the file, never SQL.
public struct CatalogStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// How a catalogue is opened.
    public enum Access: Sendable {
        /// For commands that only read: the file must exist and be a SkillMatch catalogue; it is never created or
        /// changed (except that a catalogue written by an older SkillMatch is upgraded, as any command does, and a write
        /// killed mid-transaction is rolled back from its journal).
        case read
        /// For commands that write: a missing file becomes a new, empty catalogue.
        case readWrite
    }

    /// Opens a catalogue database; with `.readWrite` (the default), creates an empty one when the file does not exist.
    ///
    /// - Throws: ``StoreError`` when the folder does not exist, the file is not a SkillMatch database (it is then left
    ///   untouched), or, for `.read`, when there is no file.
    public init(path: String, access: Access = .readWrite) throws(StoreError) {
        if access == .read, let reader = try Self.openForReading(path) {
            self.path = path
            queue = reader
            return
        }
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw StoreError(path: path, message: "the folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError(path: path, message: "is a folder, not a database file")
        }
        let configuration = Self.configuration(readOnly: false)
        // Opening, checking and creating or upgrading the schema are serialised between processes by an advisory
        // lock on the file (flock, which does not interact with SQLite's own fcntl locks): concurrent first uses of
        // a new file would otherwise both try to create the tables. SQLite holds no lock once this returns, so
        // closing the descriptor releases none of its locks.
        let lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                _ = flock(lock, LOCK_UN)
                close(lock)
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // GRDB creates its bookkeeping table before the first migration's transaction: a run killed in
                // between leaves only that, empty. Such a file is new, not foreign.
                let tableCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name != 'grdb_migrations'") ?? 0
                let applied = try db.tableExists("grdb_migrations") ? (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0) : 0
                if applicationID != CatalogSchema.applicationID && (tableCount > 0 || applied > 0) {
                    throw StoreError(path: path, message: "is an SQLite database but not a SkillMatch catalogue; choose another --db path")
                }
            }
            let migrator = CatalogSchema.migrator
            try Self.refuseNewer(queue, path: path)
            try migrator.migrate(queue)
            try queue.write { try CatalogSchema.stampVersion($0) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, operation: "open the catalogue")
        } catch {
            throw StoreError(path: path, message: "cannot open the catalogue: \(error.localizedDescription)")
        }
    }

    /// The connection settings: foreign keys, a 10 s busy timeout, and up to 64 MiB of page cache (SQLite's default
    /// is 2 MiB), taken only as pages are read: a full ESCO catalogue is ~65 MB, and writing its requirements through
    /// a small cache rereads index pages from disk.
    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = readOnly ? "SkillMatch catalogue (read)" : "SkillMatch catalogue"
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        return configuration
    }

    /// Refuses a catalogue written by a newer SkillMatch (unknown migrations, or a larger `user_version`).
    private static func refuseNewer(_ queue: DatabaseQueue, path: String) throws {
        if try queue.read({ try CatalogSchema.migrator.hasBeenSuperseded($0) || CatalogSchema.isFromTheFuture($0) }) {
            throw StoreError(path: path, message: "was written by a newer SkillMatch; upgrade skillmatch to use it")
        }
    }

    /// A read-only connection to an existing, current catalogue; `nil` when it needs an upgrade or holds a hot journal
    /// left by a killed write (the caller then opens it for writing, which migrates it or rolls the journal back).
    private static func openForReading(_ path: String) throws(StoreError) -> DatabaseQueue? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError(path: path, message: "no such catalogue; import one first (for example `skillmatch import demo --db \(path)`)")
        }
        if isDirectory.boolValue { throw StoreError(path: path, message: "is a folder, not a database file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { throw StoreError(path: path, message: "is an empty file, not a SkillMatch catalogue; import a catalogue into it first") }
        let configuration = Self.configuration(readOnly: true)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let state = try queue.read { db -> (Int32, Bool) in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                return (applicationID, try db.tableExists("grdb_migrations"))
            }
            guard state.0 == CatalogSchema.applicationID else {
                throw StoreError(path: path, message: "is not a SkillMatch catalogue; choose another --db path")
            }
            guard state.1 else {
                throw StoreError(path: path, message: "is a damaged SkillMatch catalogue (its schema history is missing); nothing was changed")
            }
            let migrator = CatalogSchema.migrator
            try Self.refuseNewer(queue, path: path)
            return try queue.read({ try migrator.hasCompletedMigrations($0) && CatalogSchema.isStamped($0) }) ? queue : nil
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            // A write killed mid-transaction left a hot journal, which only a writing connection can roll back: open
            // for writing, whose first read restores the catalogue as it was before that write.
            return nil
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, operation: "open the catalogue")
        } catch {
            throw StoreError(path: path, message: "cannot open the catalogue: \(error.localizedDescription)")
        }
    }

    /// Runs a read, mapping SQLite errors to ``StoreError``; other errors pass through.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, operation: operation)
        }
    }

    /// Runs one write transaction, mapping SQLite errors to ``StoreError``; other errors pass through.
    /// Any error rolls the whole transaction back.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, operation: operation)
        }
    }

    /// Counts of what the catalogue holds.
    public func stats() throws -> CatalogStats {
        try read("read the catalogue") { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
            var sources: [String: SourceCounts] = [:]
            func each(_ sql: String, _ apply: (inout SourceCounts, Row) -> Void) throws {
                for row in try Row.fetchAll(db, sql: sql) {
                    let source: String = row["source"]
                    apply(&sources[source, default: SourceCounts(source: source)], row)
                }
            }
            let source = "COALESCE(source, 'catalogue')"
            try each("SELECT \(source) AS source, COALESCE(type, 'untyped') AS type, COUNT(*) AS n FROM skill GROUP BY 1, 2") {
                $0.skills[$1["type"]] = $1["n"]
            }
            try each("SELECT \(source) AS source, COUNT(*) AS n FROM skillGroup GROUP BY 1") { $0.skillGroups = $1["n"] }
            try each("SELECT \(source) AS source, COUNT(*) AS n FROM job GROUP BY 1") { $0.jobs = $1["n"] }
            try each("SELECT COALESCE(job.source, 'catalogue') AS source, COUNT(*) AS n FROM requirement JOIN job ON job.id = requirement.jobId GROUP BY 1") {
                $0.requirements = $1["n"]
            }
            try each("SELECT \(source) AS source, COUNT(*) AS n FROM credential GROUP BY 1") { $0.credentials = $1["n"] }
            try each("SELECT COALESCE(credential.source, 'catalogue') AS source, COUNT(*) AS n FROM \"grant\" JOIN credential ON credential.id = \"grant\".credentialId GROUP BY 1") {
                $0.grants = $1["n"]
            }
            return CatalogStats(
                skills: try count("skill"), jobs: try count("job"), credentials: try count("credential"),
                requirements: try count("requirement"), candidates: try count("candidate"),
                sources: sources.values.sorted { $0.source < $1.source })
        }
    }
}

/// JSON text for list columns.
enum ListColumn {
    static func encode(_ list: [String]) -> String {
        if list.isEmpty { return "[]" }
        return (try? String(decoding: JSONEncoder().encode(list), as: UTF8.self)) ?? "[]"
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, text != "[]", let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}

/// A job's preparation profile stored as a JSON object (`NULL` when unknown).
enum PreparationColumn {
    static func encode(_ preparation: JobPreparation?) -> String? {
        guard let preparation, !preparation.isEmpty else { return nil }
        return ObjectColumn.encode(preparation)
    }

    static func decode(_ text: String?) -> JobPreparation? { ObjectColumn.decode(text) }
}

/// An optional value stored as a JSON object with sorted keys (`NULL` when absent).
enum ObjectColumn {
    static func encode<Value: Encodable>(_ value: Value?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<Value: Decodable>(_ text: String?) -> Value? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }
}

/// A skill's taxonomy relations stored as a JSON list of `{"relation", "skill"}` objects.
enum RelationsColumn {
    static func encode(_ relations: [SkillRelation]) -> String {
        if relations.isEmpty { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(relations)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode(_ text: String?) -> [SkillRelation] {
        guard let text, text != "[]", let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([SkillRelation].self, from: data)) ?? []
    }
}
