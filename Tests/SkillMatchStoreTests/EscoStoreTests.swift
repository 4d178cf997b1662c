import Foundation
import SkillMatch
import SkillMatchImport
import Testing
@testable import SkillMatchStore

@Suite("ESCO in the store")
struct EscoStoreTests {
    static let fixture: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.path + "/SkillMatchImportTests/Fixtures/esco-v1.1"
    }()

    @Test("an ESCO import keeps hidden labels, hierarchy, reuse levels, ISCO groups and skill groups")
    func roundTrip() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("c.sqlite"))
        let (document, _) = try EscoImporter.read(directory: Self.fixture)
        var progress: [(Int, Int)] = []
        let summary = try store.importCatalog(document, progress: { progress.append(($0, $1)) }) { try $0.merging(document) }
        #expect(summary.added == CatalogCounts(skills: 5, jobs: 2, credentials: 0, skillGroups: 2))
        #expect(progress.last.map { [$0.0, $0.1] } == [9, 9])
        let catalog = try store.loadCatalog()
        #expect(Set(catalog.skills) == Set(document.skills))
        #expect(Set(catalog.jobs) == Set(document.jobs))
        #expect(Set(catalog.skillGroups) == Set(document.skillGroups))
        #expect(catalog.skill(document.skills[0].id)?.hiddenLabels == ["wled metal parts"])
        #expect(catalog.skillGroup(document.skillGroups[1].id)?.code == "S6.1")
        // Importing again updates, never duplicates.
        let again = try store.importCatalog(document) { try $0.merging(document) }
        #expect(again.updated == CatalogCounts(skills: 5, jobs: 2, credentials: 0, skillGroups: 2) && again.added == CatalogCounts())
        let stats = try store.stats()
        #expect(stats.skills == 5 && stats.jobs == 2 && stats.credentials == 0 && stats.requirements == 5 && stats.candidates == 0)
        #expect(stats.sources.map(\.source) == ["esco"] && stats.sources[0].skillTotal == 5 && stats.sources[0].skillGroups == 2)
    }

    @Test("a failing ESCO import leaves the database exactly as it was, even when it fails while writing")
    func atomic() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("c.sqlite")
        let store = try CatalogStore(path: path)
        var (document, _) = try EscoImporter.read(directory: Self.fixture)
        _ = try store.importCatalog(document) { try $0.merging(document) }
        let before = try store.loadCatalog()
        let bytes = FileManager.default.contents(atPath: path)

        // New skills and groups come first in the write; the last job then refers to a skill that does not exist.
        document.skills.append(Skill(id: "http://example.org/new-skill", label: "new"))
        document.skillGroups.append(SkillGroup(id: "http://example.org/new-group", label: "new group"))
        document.jobs[1].requirements.append(Requirement(skill: "http://example.org/nowhere", importance: 1))
        #expect(throws: CatalogValidationError.self) { try store.importCatalog(document) { try $0.merging(document) } }
        // Without the checks, SQLite's foreign key stops the write half-way: everything written is rolled back.
        #expect(throws: StoreError.self) { try store.importCatalog(document) { $0 } }

        let after = try store.loadCatalog()
        #expect(after.skills == before.skills && after.jobs == before.jobs && after.skillGroups == before.skillGroups)
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }
}
