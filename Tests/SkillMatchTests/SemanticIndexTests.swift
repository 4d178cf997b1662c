import Foundation
import SkillVectors
import Testing
@testable import SkillMatch

@Suite("Semantic index and segments")
struct SemanticIndexTests {
    /// Random unit rows.
    static func unitRows(_ rows: Int, _ columns: Int, seed: UInt64) -> DenseMatrix<Float> {
        var random = SplitMix64(seed: seed)
        var matrix = DenseMatrix<Float>(rows: rows, columns: columns)
        for row in 0 ..< rows {
            var values = (0 ..< columns).map { _ in Float(Int(random.next() % 20_001) - 10_000) / 10_000 }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            values = values.map { $0 / max(norm, 1e-6) }
            for column in 0 ..< columns { matrix[row, column] = values[column] }
        }
        return matrix
    }

    @Test("nearest equals brute force: each item's best label, ranked by similarity then id, across query and label blocks")
    func bruteForce() {
        // 9,000 skill labels in groups of 1 to 5 (a group crosses the 8,192-label block), 40 job labels; 300 queries.
        var labels: [SemanticIndex.Label] = []
        var item = 0
        while labels.count < 9_000 {
            for _ in 0 ..< (item % 5 + 1) where labels.count < 9_000 {
                labels.append(.init(kind: .skill, id: String(format: "s%05d", item), text: "label \(labels.count)", labelKind: "alternative"))
            }
            item += 1
        }
        for job in 0 ..< 40 { labels.append(.init(kind: .job, id: String(format: "j%03d", job / 2), text: "title \(job)", labelKind: "title")) }
        let d = 8
        let vectors = Self.unitRows(labels.count, d, seed: 1)
        let index = SemanticIndex(labels: labels, vectors: vectors, encoder: "test", fingerprint: "0")
        let queries = Self.unitRows(300, d, seed: 2)
        for kind in [SemanticIndex.Kind.skill, .job] {
            let found = index.nearest(queries, kind: kind, k: 5, minimum: -1)
            #expect(found.count == 300)
            for q in 0 ..< 300 {
                var best: [String: (Double, Int)] = [:]
                for (row, label) in labels.enumerated() where label.kind == kind {
                    var dot = 0.0
                    for j in 0 ..< d { dot += Double(queries[q, j]) * Double(vectors[row, j]) }
                    if dot > (best[label.id]?.0 ?? -.infinity) { best[label.id] = (dot, row) }
                }
                let expected = best.sorted { ($0.value.0 * 1e6).rounded() != ($1.value.0 * 1e6).rounded() ? $0.value.0 > $1.value.0 : $0.key < $1.key }.prefix(5)
                #expect(found[q].map(\.id) == expected.map(\.key), "query \(q) \(kind)")
                for (hit, (id, (similarity, row))) in zip(found[q], expected) where hit.id == id {
                    #expect(abs(hit.similarity - similarity) < 1e-5)
                    #expect(hit.label == labels[row].text)
                }
            }
        }
        #expect(index.nearest(queries, kind: .credential, k: 3).allSatisfy { $0.isEmpty })
        #expect(index.nearest(queries, kind: .skill, k: 5, minimum: 2).allSatisfy { $0.isEmpty })
    }

    @Test("labels: skills, jobs, credentials by id; repeated texts once; the fingerprint follows labels and encoder")
    func labelsAndFingerprint() throws {
        let catalog = try Catalog(
            skills: [Skill(id: "b", label: "Budgeting", altLabels: ["budgeting", "Budget planning"]), Skill(id: "a", label: "Audit")],
            jobs: [Job(id: "j", title: "Accountant", requirements: [.init(skill: "a", importance: 1, level: 0.5)], alternateTitles: ["CPA"])],
            credentials: [])
        let labels = SemanticIndex.labels(of: catalog)
        #expect(labels.map(\.text) == ["Audit", "Budgeting", "Budget planning", "Accountant", "CPA"])
        #expect(labels.map(\.labelKind) == ["preferred", "preferred", "alternative", "title", "alternateTitle"])
        let fingerprint = SemanticIndex.fingerprint(encoder: "e", labels: labels)
        #expect(fingerprint == SemanticIndex.fingerprint(encoder: "e", labels: labels))
        #expect(fingerprint != SemanticIndex.fingerprint(encoder: "f", labels: labels))
        var renamed = labels
        renamed[0].text = "Auditing"
        #expect(fingerprint != SemanticIndex.fingerprint(encoder: "e", labels: renamed))
    }

    @Test("segments: sentences outside boilerplate, and clauses of several words")
    func segments() throws {
        let extractor = SkillExtractor(skills: [Skill(id: "sql", label: "SQL")])
        let text = "You will build reports in SQL, keep the ledgers balanced; and train new staff. We are an equal opportunity employer and welcome applicants of every race, religion and age."
        let segments = extractor.segments(in: text)
        func slice(_ s: TextSegment) -> String { String(String.UnicodeScalarView(Array(text.unicodeScalars)[s.start ..< s.end])) }
        #expect(segments.map(slice) == [
            "You will build reports in SQL, keep the ledgers balanced; and train new staff",
            "You will build reports in SQL", "keep the ledgers balanced", "and train new staff",
        ])
        #expect(segments.map(\.isSentence) == [true, false, false, false])
        #expect(segments.map(\.words) == [14, 6, 4, 4])
    }
}
