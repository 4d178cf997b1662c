import Foundation
import GRDB

/// A catalogue database that cannot be opened, read or written. Messages never contain SQL.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// What went wrong, for a user.
    public var message: String

    /// Creates a store error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// The user-facing error for an SQLite failure while doing `operation`.
    static func from(_ error: DatabaseError, path: String, operation: String) -> StoreError {
        let message: String
        switch error.resultCode {
        case .SQLITE_NOTADB: message = "is not a SkillMatch database (not an SQLite file at all); choose another --db path"
        case .SQLITE_CORRUPT: message = "the database file is damaged; restore it from a backup or re-import into a new --db"
        case .SQLITE_CANTOPEN: message = "cannot open the database file (check that its folder exists and is writable)"
        case .SQLITE_READONLY: message = "the database is read-only; cannot \(operation)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: message = "the database is busy in another process; try again when it finishes"
        case .SQLITE_FULL: message = "the disk is full; nothing was changed"
        case .SQLITE_PERM, .SQLITE_AUTH: message = "permission denied; cannot \(operation)"
        case .SQLITE_IOERR: message = "an input/output error occurred while trying to \(operation); nothing was changed"
        case .SQLITE_ERROR where (error.message ?? "").hasPrefix("no such table") || (error.message ?? "").hasPrefix("no such column"):
            // A table or column of the schema is gone: the file was changed outside SkillMatch.
            let parts = (error.message ?? "").dropFirst("no such ".count).split(separator: ":", maxSplits: 1)
            let what = parts.count == 2 ? "\(parts[0]) \"\(parts[1].trimmingCharacters(in: .whitespaces))\"" : String(parts.first ?? "table")
            message = "is a damaged SkillMatch catalogue (its \(what) is missing); cannot \(operation), nothing was changed"
        default: message = "cannot \(operation) (SQLite error \(error.resultCode.rawValue))"
        }
        return StoreError(path: path, message: message)
    }
}
