import Foundation
import GRDB
import SkillMatch
import SkillMatchImport
import Testing
@testable import SkillMatchStore

@Suite("SQLite catalogue store")
struct CatalogStoreTests {
    let document = CatalogDocument(
        skills: [
            Skill(id: "a", label: "A", altLabels: ["Alpha", "Ä"], type: .technology, description: "first", hotTechnology: true, source: "onet",
                  collections: ["digital", "green"], related: [SkillRelation(skill: "b", relation: "optional")]),
            Skill(id: "b", label: "B"),
        ],
        jobs: [
            Job(id: "j1", title: "One", description: "d", inDemand: true, requirements: [
                Requirement(skill: "b", importance: 2, level: 0.5, originalLevel: 3.5),
                Requirement(skill: "a", importance: 4.5, level: 0.25, inDemand: true),
            ], alternateTitles: ["Uno", "First"], jobZone: 2,
            preparation: JobPreparation(education: PreparationCategory(category: 6, label: "Bachelor's Degree", share: 0.47)),
            source: "onet", hiddenTitles: ["Eins"], tasks: ["Do one thing."], activities: ["4.A.1.a.1.I01.D01", "4.A.2.b.2.I03.D02"],
            interests: InterestProfile(realistic: 1.5, investigative: 6.25, artistic: 2, social: 3, enterprising: 4, conventional: 7)),
        ],
        credentials: [
            Credential(id: "c1", name: "C1", grants: [Grant(skill: "a")]),
            Credential(
                id: "c2", name: "C2", issuer: "Issuer", type: .certification, cost: 120.5, hours: 30,
                grants: [Grant(skill: "b", level: 0.75), Grant(skill: "a", level: 0.5)], prerequisites: ["c1"],
                url: "https://example.org/c2", inDemand: true, accreditations: ["ANSI", "NCCA"], industryEndorsed: true,
                examRequired: true, educationRequired: false, experienceRequired: false, renewalYears: 3,
                renewalMethods: ["CEU", "reexamination"], source: "ctdl"),
        ],
        skillGroups: [SkillGroup(id: "g", label: "Group", code: "43232110", source: "onet")])

    func importing(_ document: CatalogDocument, into store: CatalogStore) throws -> ImportSummary {
        try store.importCatalog(document) { try $0.merging(document) }
    }

    @Test("an import round-trips every field, in document order within records")
    func roundTrip() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("c.sqlite"))
        let summary = try importing(document, into: store)
        #expect(summary.added == CatalogCounts(skills: 2, jobs: 1, credentials: 2, skillGroups: 1))
        let catalog = try store.loadCatalog()
        #expect(catalog.skills == document.skills)
        #expect(catalog.jobs == document.jobs)
        // The catalogue JSON carries every job field too.
        #expect(try JSONDecoder().decode([Job].self, from: JSONEncoder().encode(document.jobs)) == document.jobs)
        #expect(catalog.credentials == document.credentials)
        #expect(catalog.skillGroups == document.skillGroups)
        #expect(try store.stats() == CatalogStats(skills: 2, jobs: 1, credentials: 2, requirements: 2, candidates: 0, sources: [
            SourceCounts(source: "catalogue", skills: ["untyped": 1], credentials: 1, grants: 1),
            SourceCounts(source: "ctdl", credentials: 1, grants: 2),
            SourceCounts(source: "onet", skills: ["technology": 1], skillGroups: 1, jobs: 1, requirements: 2),
        ]))
    }

    @Test("re-importing the same ids updates them and never duplicates")
    func reimport() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("c.sqlite"))
        _ = try importing(document, into: store)
        var changed = document
        changed.skills[1].label = "B renamed"
        changed.jobs[0].requirements = [Requirement(skill: "a", importance: 1)]
        let summary = try importing(changed, into: store)
        #expect(summary.updated == CatalogCounts(skills: 2, jobs: 1, credentials: 2, skillGroups: 1))
        #expect(summary.added == CatalogCounts())
        let catalog = try store.loadCatalog()
        #expect(catalog.skill("b")?.label == "B renamed")
        #expect(catalog.job("j1")?.requirements == [Requirement(skill: "a", importance: 1)])
        #expect(try store.stats().requirements == 1)
    }

    @Test("a failing import changes nothing: the whole file is one transaction")
    func atomicImport() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("c.sqlite")
        let store = try CatalogStore(path: path)
        _ = try importing(document, into: store)
        let before = try store.loadCatalog()
        let bytes = FileManager.default.contents(atPath: path)
        // Good records first, then one that breaks a rule.
        let bad = CatalogDocument(
            skills: [Skill(id: "new", label: "New")],
            jobs: [
                Job(id: "j2", title: "Two", requirements: [Requirement(skill: "new", importance: 1)]),
                Job(id: "j3", title: "Three", requirements: [Requirement(skill: "missing", importance: 1)]),
            ])
        #expect(throws: CatalogValidationError.self) { try importing(bad, into: store) }
        // A failure raised after the checks, while writing, rolls back as well.
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try store.importCatalog(bad) { _ in throw Interrupted() }
        }
        let after = try store.loadCatalog()
        #expect(after.skills == before.skills && after.jobs == before.jobs && after.credentials == before.credentials)
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test("candidates are stored, replaced by id, and checked against the catalogue")
    func candidates() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("c.sqlite"))
        _ = try importing(document, into: store)
        let pat = Candidate(id: "pat", name: "Pat", skills: [HeldSkill(skill: "b", level: 0.5), HeldSkill(skill: "a")], credentials: ["c2", "c1"])
        var result = try store.addCandidates([pat, Candidate(id: "lee", skills: [])]) { catalog in
            for candidate in [pat] { try catalog.validate(candidate) }
        }
        #expect(result.added == 2 && result.updated == 0)
        #expect(try store.candidate("pat") == pat)
        var renamed = pat
        renamed.name = "Pat Doe"
        renamed.skills = [HeldSkill(skill: "a", level: 0.25)]
        result = try store.addCandidates([renamed]) { _ in }
        #expect(result.added == 0 && result.updated == 1)
        #expect(try store.candidates().map(\.id) == ["lee", "pat"])
        #expect(try store.candidate("pat") == renamed)
        #expect(try store.candidate("nobody") == nil)
        let invalid = Candidate(id: "bad", skills: [HeldSkill(skill: "zzz")])
        #expect(throws: CatalogValidationError.self) {
            try store.addCandidates([invalid]) { try $0.validate(invalid) }
        }
        #expect(try store.stats().candidates == 2)
    }

    @Test("a file that is not a SkillMatch database is refused and left untouched")
    func notADatabase() throws {
        let folder = TemporaryDirectory()
        let text = folder.file("notes.txt")
        let content = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
        _ = FileManager.default.createFile(atPath: text, contents: content)
        let error = try #require(throws: StoreError.self) { try CatalogStore(path: text) }
        #expect(error.description.contains("is not a SkillMatch database"))
        #expect(FileManager.default.contents(atPath: text) == content)

        let foreign = folder.file("other.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(foreign)'); c.execute('create table t(x)'); c.commit()"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let before = FileManager.default.contents(atPath: foreign)
        let foreignError = try #require(throws: StoreError.self) { try CatalogStore(path: foreign) }
        #expect(foreignError.message.contains("not a SkillMatch catalogue"))
        #expect(FileManager.default.contents(atPath: foreign) == before)
    }

    @Test("a catalogue left with a hot journal by a killed write opens for reading, as it was before that write")
    func hotJournal() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("c.sqlite")
        let store = try CatalogStore(path: path)
        _ = try importing(document, into: store)
        // A copy of the file and its journal taken while a write is open (pages already spilled to the file) is what a
        // SIGKILL at that moment leaves: a hot journal that a read-only connection cannot roll back.
        let copy = folder.file("killed.sqlite")
        let writer = try GRDB.DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = 1")
            try db.inTransaction(.immediate) {
                try db.execute(sql: "CREATE TABLE scratch (x BLOB)")
                for _ in 0..<400 { try db.execute(sql: "INSERT INTO scratch VALUES (zeroblob(1000))") }
                try db.execute(sql: "UPDATE job SET title = 'changed'")
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                try FileManager.default.copyItem(atPath: path + "-journal", toPath: copy + "-journal")
                return .rollback
            }
        }
        let reader = try CatalogStore(path: copy, access: .read)
        #expect(try reader.loadCatalog().jobs == document.jobs)
        #expect(!FileManager.default.fileExists(atPath: copy + "-journal"))
    }

    @Test("a missing folder is named")
    func missingFolder() throws {
        let error = try #require(throws: StoreError.self) { try CatalogStore(path: "/nonexistent-folder/c.sqlite") }
        #expect(error.message == "the folder /nonexistent-folder does not exist")
    }
}
