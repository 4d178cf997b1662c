import Foundation
import SkillMatch
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
}
