import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import Testing
@testable import SkillMatchStore

@Suite("The shipped demo catalogue")
struct DemoCatalogTests {
    @Test("imports cleanly and is as large as promised")
    func demo() throws {
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        let catalog = try parsed.merged(into: Catalog())
        #expect(catalog.jobs.count >= 25)
        #expect(catalog.skills.count >= 150)
        #expect(catalog.credentials.count >= 60)
        let candidates = try CandidateReader.parseLines(Array(DemoCatalog.candidatesJSONL.utf8), file: DemoCatalog.candidatesName)
        #expect(candidates.count >= 5)
        try CandidateReader.check(candidates, against: catalog)
        // Every skill is used by a job or a credential.
        let used = Set(catalog.jobs.flatMap { $0.requirements.map(\.skill) } + catalog.credentials.flatMap { $0.grants.map(\.skill) })
        #expect(catalog.skills.filter { !used.contains($0.id) }.map(\.id) == [])
        // The file is stored as written and re-importing it changes nothing.
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("demo.sqlite"))
        _ = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        let again = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        #expect(again.added == CatalogCounts())
        #expect(try store.stats().jobs == catalog.jobs.count)
        #expect(try store.loadCatalog().jobs == catalog.jobs)
    }
}
