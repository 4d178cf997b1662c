import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import Testing
@testable import SkillMatchStore

/// The document indexes (text relevance and titles) stored at import read back into a document matcher that gives
/// exactly the evidence of one built from the catalogue.
@Suite("Stored document indexes")
struct DocumentIndexesTests {
    static let resumes: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/demo/resumes")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.sorted().compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) } + [
            "Registered Nurse | St Mary's | 2019 – 2023\nStaff nurse, ICU\n- Phlebotomy and patient care",
            "ELECTRICIAN, Acme Corp, 2015-2020\nForklift operator 24 months\nData scientist with Python and SQL",
        ]
    }()

    func check(_ catalog: Catalog, texts: [String]) throws {
        let built = DocumentIndexes(catalog: catalog)
        let bytes = built.serialized()
        let read = try #require(DocumentIndexes(serialized: bytes, catalog: catalog))
        #expect(read.serialized() == bytes)
        let a = DocumentMatcher(catalog: catalog, indexes: built), b = DocumentMatcher(catalog: catalog, indexes: read)
        for text in texts {
            let (x, y) = (a.evidence(text, asOfYear: 2026), b.evidence(text, asOfYear: 2026))
            #expect(x.relevance == y.relevance)
            #expect(x.heldTitles == y.heldTitles)
        }
        // Damaged bytes and a catalogue with fewer jobs are refused.
        var damaged = bytes
        damaged[bytes.count / 2] ^= 0x10
        #expect(DocumentIndexes(serialized: damaged, catalog: catalog) == nil)
        #expect(DocumentIndexes(serialized: Array(bytes.dropLast(3)), catalog: catalog) == nil)
    }

    @Test("the demo catalogue: read back equals built; an import stores them for the catalogue as stored")
    func demo() throws {
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        let catalog = try parsed.merged(into: Catalog())
        try check(catalog, texts: Self.resumes)
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("documents.sqlite"))
        _ = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        let stored = try #require(try store.documentIndexes(for: try store.loadCatalog()))
        #expect(stored.serialized() == DocumentIndexes(catalog: try store.loadCatalog()).serialized())
    }

    @Test("full ESCO: read back equals built", .enabled(if: FileManager.default.fileExists(atPath: SharedDatasetsPath.esco + "/skills_en.csv"),
                                                    "../shared/datasets (ESCO) is absent: skipped"))
    func esco() throws {
        let document = try EscoImporter.read(directory: SharedDatasetsPath.esco).document
        let catalog = try Catalog().merging(document)
        try check(catalog, texts: Self.resumes)
    }
}

enum SharedDatasetsPath {
    static let esco: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().path + "/shared/datasets/esco"
    }()
}
