import Foundation
import GRDB

/// A relatedness model registered with the catalogue: its files' content, so the catalogue is self-contained.
public struct StoredModel: Sendable, Hashable {
    /// The model's name (`demo`, `esco-100`).
    public var name: String
    /// Where its files were written when registered (`models/demo`), for reference.
    public var path: String
    /// The catalogue fingerprint it was trained on (16 hex digits).
    public var fingerprint: String
    /// Its dimension.
    public var dimension: Int
    /// Its number of skills.
    public var skills: Int
    /// The metadata JSON (`NAME.json`).
    public var metadata: String
    /// The binary (`NAME.skmodel`).
    public var binary: [UInt8]
    /// When it was registered (ISO 8601, UTC).
    public var registeredAt: String

    /// Creates a stored model.
    public init(
        name: String, path: String, fingerprint: String, dimension: Int, skills: Int, metadata: String, binary: [UInt8],
        registeredAt: String
    ) {
        self.name = name
        self.path = path
        self.fingerprint = fingerprint
        self.dimension = dimension
        self.skills = skills
        self.metadata = metadata
        self.binary = binary
        self.registeredAt = registeredAt
    }
}

extension CatalogSchema {
    /// Migration "v5: relatedness models": the models registered with the catalogue.
    static func relatednessModels(_ db: Database) throws {
        try db.create(table: "relatednessModel") { t in
            t.primaryKey("name", .text)
            t.column("path", .text).notNull()
            t.column("fingerprint", .text).notNull()
            t.column("dimension", .integer).notNull()
            t.column("skills", .integer).notNull()
            t.column("metadata", .text).notNull()  // the model's JSON metadata
            t.column("binary", .blob).notNull()  // the model's binary (models/FORMAT.md)
            t.column("registeredAt", .text).notNull()
        }
    }
}

extension CatalogStore {
    /// Registers a model, replacing one of the same name; the most recently registered model is the one in use.
    public func registerModel(_ model: StoredModel) throws {
        try write("register the model") { db in
            try db.execute(sql: "DELETE FROM relatednessModel WHERE name = ?", arguments: [model.name])
            try db.execute(
                sql: """
                    INSERT INTO relatednessModel (name, path, fingerprint, dimension, skills, metadata, binary, registeredAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [model.name, model.path, model.fingerprint, model.dimension, model.skills, model.metadata,
                            Data(model.binary), model.registeredAt])
        }
    }

    /// The model in use: the most recently registered, or the one named.
    public func model(named name: String? = nil) throws -> StoredModel? {
        try read("read the relatedness models") { db in
            let row = if let name {
                try Row.fetchOne(db, sql: "SELECT * FROM relatednessModel WHERE name = ?", arguments: [name])
            } else {
                try Row.fetchOne(db, sql: "SELECT * FROM relatednessModel ORDER BY rowid DESC LIMIT 1")
            }
            return row.map(Self.storedModel)
        }
    }

    /// Whether any model is registered.
    public func hasModels() throws -> Bool {
        try read("read the relatedness models") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relatednessModel") ?? 0 > 0 }
    }

    /// Every registered model, the one in use first.
    public func models() throws -> [StoredModel] {
        try read("read the relatedness models") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relatednessModel ORDER BY rowid DESC").map(Self.storedModel)
        }
    }

    private static func storedModel(_ row: Row) -> StoredModel {
        let data: Data = row["binary"]
        return StoredModel(
            name: row["name"], path: row["path"], fingerprint: row["fingerprint"], dimension: row["dimension"],
            skills: row["skills"], metadata: row["metadata"], binary: [UInt8](data), registeredAt: row["registeredAt"])
    }
}
