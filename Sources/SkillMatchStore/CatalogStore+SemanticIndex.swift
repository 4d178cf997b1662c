import Foundation
import GRDB
import SkillMatch
import SkillVectors

extension CatalogSchema {
    /// Migration "v8: semantic index and extractor index": the sentence-encoder vectors of the catalogue's labels
    /// (`skillmatch embed`), and the skill extractor's built label index (written by every import).
    static func semanticIndex(_ db: Database) throws {
        try db.create(table: "extractorIndex") { t in
            t.primaryKey("name", .text)  // "default"
            t.column("fingerprint", .text).notNull()  // SkillExtractor.fingerprint of the skills it was built from
            t.column("bytes", .blob).notNull()  // SkillExtractor.serialized()
        }
        try db.create(table: "semanticIndex") { t in
            t.primaryKey("name", .text)  // "default"
            t.column("encoder", .text).notNull()  // the encoder's identity
            t.column("fingerprint", .text).notNull()  // SemanticIndex.fingerprint: encoder and labels
            t.column("dimension", .integer).notNull()
            t.column("labels", .integer).notNull()  // rows
            t.column("vectors", .blob).notNull()  // rows × dimension IEEE-754 half floats, little-endian, row-major
            t.column("builtAt", .text).notNull()
        }
    }
}

/// A stored semantic index: its vectors (as half floats) and what it was built from.
public struct StoredSemanticIndex: Sendable {
    /// The encoder's identity.
    public var encoder: String
    /// The fingerprint of the encoder and the labels.
    public var fingerprint: String
    /// The vector length.
    public var dimension: Int
    /// The number of labels (rows).
    public var labels: Int
    /// When it was built (ISO 8601, UTC).
    public var builtAt: String
    /// The vectors, row-major, each component rounded to the nearest half float.
    public var vectors: DenseMatrix<Float>
}

extension CatalogStore {
    /// Builds the skill extractor's index (row `default`) and the document indexes (row `documents`) for `catalog`
    /// and stores them, except those whose stored copy was built from the same data. Called inside the import's
    /// transaction, so the indexes always match the catalogue stored.
    static func storeExtractorIndex(for catalog: Catalog, _ db: Database) throws {
        func store(_ name: String, _ fingerprint: String, _ build: () -> [UInt8]) throws {
            let stored = try String.fetchOne(db, sql: "SELECT fingerprint FROM extractorIndex WHERE name = ?", arguments: [name])
            guard stored != fingerprint else { return }
            try db.execute(sql: "DELETE FROM extractorIndex WHERE name = ?", arguments: [name])
            try db.execute(sql: "INSERT INTO extractorIndex (name, fingerprint, bytes) VALUES (?, ?, ?)",
                           arguments: [name, fingerprint, Data(build())])
        }
        try store("default", SkillExtractor.fingerprint(catalog)) { SkillExtractor(catalog: catalog).serialized() }
        try store("documents", DocumentIndexes.fingerprint(catalog)) { DocumentIndexes(catalog: catalog).serialized() }
    }

    /// The document indexes for `catalog`, read back from those stored at import when built from the same data,
    /// else `nil` (the caller builds them).
    public func documentIndexes(for catalog: Catalog) throws -> DocumentIndexes? {
        let fingerprint = DocumentIndexes.fingerprint(catalog)
        let bytes: Data? = try read("read the document indexes") { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM extractorIndex WHERE name = 'documents' AND fingerprint = ?",
                              arguments: [fingerprint])
        }
        return bytes.flatMap { DocumentIndexes(serialized: [UInt8]($0), catalog: catalog) }
    }

    /// The skill extractor for `catalog`: read back from the index stored at import when it was built from the same
    /// skills (a few tens of milliseconds), else built (about 1.3 s for ESCO's 13,896 skills).
    public func extractor(for catalog: Catalog) throws -> SkillExtractor {
        let fingerprint = SkillExtractor.fingerprint(catalog)
        let bytes: Data? = try read("read the extractor index") { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM extractorIndex WHERE name = 'default' AND fingerprint = ?",
                              arguments: [fingerprint])
        }
        if let bytes, let extractor = SkillExtractor(serialized: [UInt8](bytes), catalog: catalog) { return extractor }
        return SkillExtractor(catalog: catalog)
    }

    /// Stores the semantic index, replacing the previous one. Components are stored as half floats (relative
    /// rounding error at most 2⁻¹¹, so a stored similarity is within about 1e-3 of the full-precision one); the
    /// index in memory after ``semanticIndex()`` holds the rounded values, so results are the same on every run.
    public func storeSemanticIndex(_ index: SemanticIndex, builtAt: String) throws {
        var blob = Data(count: index.vectors.storage.count * 2)
        blob.withUnsafeMutableBytes { raw in
            for (k, value) in index.vectors.storage.enumerated() {
                raw.storeBytes(of: Float16(value).bitPattern.littleEndian, toByteOffset: 2 * k, as: UInt16.self)
            }
        }
        try write("store the semantic index") { db in
            try db.execute(sql: "DELETE FROM semanticIndex")
            try db.execute(
                sql: """
                    INSERT INTO semanticIndex (name, encoder, fingerprint, dimension, labels, vectors, builtAt)
                    VALUES ('default', ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [index.encoder, index.fingerprint, index.vectors.columns, index.vectors.rows, blob, builtAt])
        }
    }

    /// The stored semantic index, or nil when none was built.
    public func semanticIndex() throws -> StoredSemanticIndex? {
        try read("read the semantic index") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM semanticIndex WHERE name = 'default'") else { return nil }
            let dimension: Int = row["dimension"], count: Int = row["labels"]
            let blob: Data = row["vectors"]
            guard dimension > 0, count >= 0, dimension <= 1 << 16, count <= blob.count, blob.count == count * dimension * 2 else {
                throw StoreError(path: path, message: "the semantic index's vectors do not match its size; run `skillmatch embed` again")
            }
            var matrix = DenseMatrix<Float>(rows: count, columns: dimension)
            matrix.withUnsafeMutableStorage { base in
                guard let base else { return }
                blob.withUnsafeBytes { raw in
                    for k in 0 ..< count * dimension {
                        base[k] = Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self))))
                    }
                }
            }
            return StoredSemanticIndex(encoder: row["encoder"], fingerprint: row["fingerprint"], dimension: dimension,
                                       labels: count, builtAt: row["builtAt"], vectors: matrix)
        }
    }
}
