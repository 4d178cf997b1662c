import Foundation
import GRDB
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import SkillVectors
import Testing
@testable import SkillMatchStore

@Suite("Semantic index in the store (migration v8)")
struct SemanticIndexStoreTests {
    @Test("stored as half floats, read back rounded, replaced by the next embed")
    func roundTrip() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("semantic.sqlite"))
        let empty = try store.semanticIndex()
        #expect(empty == nil)
        var vectors = DenseMatrix<Float>(rows: 2, columns: 3)
        for (k, value) in [Float(0.1), -0.5, 0.333_333, 1, 0, -1].enumerated() { vectors[k / 3, k % 3] = value }
        let labels = [SemanticIndex.Label(kind: .skill, id: "a", text: "Audit", labelKind: "preferred"),
                      SemanticIndex.Label(kind: .job, id: "j", text: "Auditor", labelKind: "title")]
        let index = SemanticIndex(labels: labels, vectors: vectors, encoder: "e", fingerprint: "00000000000000ff")
        try store.storeSemanticIndex(index, builtAt: "2026-12-07T00:00:00Z")
        let read = try #require(try store.semanticIndex())
        #expect(read.encoder == "e" && read.fingerprint == "00000000000000ff" && read.labels == 2 && read.dimension == 3)
        for row in 0 ..< 2 {
            for column in 0 ..< 3 { #expect(read.vectors[row, column] == Float(Float16(vectors[row, column]))) }
        }
        try store.storeSemanticIndex(SemanticIndex(labels: [labels[0]], vectors: DenseMatrix(rows: 1, columns: 3), encoder: "e2",
                                                   fingerprint: "1"), builtAt: "2026-12-08T00:00:00Z")
        let replaced = try store.semanticIndex()
        #expect(replaced?.encoder == "e2")
    }

    @Test("an import stores the extractor's index for the skills as stored, and it is read back instead of rebuilt")
    func extractorIndex() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("extractor.sqlite"))
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        _ = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        let catalog = try store.loadCatalog()
        let stored = try DatabaseQueue(path: folder.file("extractor.sqlite")).read { db in
            try Row.fetchOne(db, sql: "SELECT fingerprint, bytes FROM extractorIndex")
        }
        let row = try #require(stored)
        #expect(row["fingerprint"] as String == SkillExtractor.fingerprint(catalog))
        let bytes: Data = row["bytes"]
        let read = try #require(SkillExtractor(serialized: [UInt8](bytes), catalog: catalog))
        let text = "Python, SQL and Tableau; forklift operation and OSHA safety."
        #expect(read.mentions(in: text) == SkillExtractor(catalog: catalog).mentions(in: text))
        #expect(try store.extractor(for: catalog).mentions(in: text) == read.mentions(in: text))
    }
}
