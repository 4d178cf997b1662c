import Testing
@testable import SkillMatch

@Suite("Catalogue rules")
struct CatalogValidationTests {
    let base = try! Catalog(
        skills: [Skill(id: "a", label: "A"), Skill(id: "b", label: "B")],
        jobs: [Job(id: "j", title: "J", requirements: [Requirement(skill: "a", importance: 1)])],
        credentials: [Credential(id: "c1", name: "C1", grants: [Grant(skill: "a")])])

    func problem(_ document: CatalogDocument) -> CatalogValidationError? {
        do {
            _ = try base.merging(document)
            return nil
        } catch {
            return error
        }
    }

    @Test("each broken rule is named with its record and field")
    func brokenRules() throws {
        let cases: [(CatalogDocument, String)] = [
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "zz", importance: 1)])]),
             #"job "j2", requirements[0].skill: unknown skill id "zz""#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "a", importance: 0)])]),
             #"job "j2", requirements[0].importance: importance 0 must be a number greater than 0"#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "a", importance: -2)])]),
             #"job "j2", requirements[0].importance: importance -2 must be a number greater than 0"#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "a", importance: 1, level: 1.5)])]),
             #"job "j2", requirements[0].level: level 1.5 is outside (0, 1]"#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "a", importance: 1, level: 0)])]),
             #"job "j2", requirements[0].level: level 0 is outside (0, 1]"#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [])]), #"job "j2", requirements: the job has no requirements"#),
            (CatalogDocument(jobs: [Job(id: "j2", title: "T", requirements: [Requirement(skill: "a", importance: 1), Requirement(skill: "a", importance: 2)])]),
             #"job "j2", requirements[1].skill: skill "a" is listed twice"#),
            (CatalogDocument(skills: [Skill(id: "x", label: "X"), Skill(id: "x", label: "X again")]),
             #"skill "x", id: duplicate skill id "x" (ids must be unique within a file)"#),
            (CatalogDocument(skills: [Skill(id: "", label: "X")]), "skill #1, id: the id is empty"),
            (CatalogDocument(credentials: [Credential(id: "c2", name: "C2", grants: [Grant(skill: "b", level: 2)])]),
             #"credential "c2", grants[0].level: level 2 is outside (0, 1]"#),
            (CatalogDocument(credentials: [Credential(id: "c2", name: "C2", grants: [], prerequisites: ["nope"])]),
             #"credential "c2", prerequisites[0]: unknown credential id "nope""#),
            (CatalogDocument(credentials: [Credential(id: "c2", name: "C2", cost: -5, grants: [])]),
             #"credential "c2", cost: cost -5 must not be negative"#),
        ]
        for (document, message) in cases {
            let error = try #require(problem(document), "expected an error: \(message)")
            #expect(error.problems.first?.description == message)
        }
    }

    @Test("a file may refer to records already in the catalogue, and replaces records with the same id")
    func mergeWithExisting() throws {
        let merged = try base.merging(CatalogDocument(
            skills: [Skill(id: "a", label: "A renamed")],
            jobs: [Job(id: "j2", title: "Two", requirements: [Requirement(skill: "b", importance: 2, level: 0.5)])],
            credentials: [Credential(id: "c2", name: "C2", grants: [Grant(skill: "b")], prerequisites: ["c1"])]))
        #expect(merged.skills.map(\.id) == ["a", "b"])
        #expect(merged.skill("a")?.label == "A renamed")
        #expect(merged.jobs.map(\.id) == ["j", "j2"])
        #expect(merged.credential("c2")?.prerequisites == ["c1"])
        // The original is unchanged.
        #expect(base.skill("a")?.label == "A")
    }

    @Test("prerequisite cycles are refused, through existing records too")
    func cycles() throws {
        let chain = try base.merging(CatalogDocument(credentials: [
            Credential(id: "c2", name: "C2", grants: [], prerequisites: ["c1"]),
            Credential(id: "c3", name: "C3", grants: [], prerequisites: ["c2"]),
        ]))
        let error = try #require(throws: CatalogValidationError.self) {
            try chain.merging(CatalogDocument(credentials: [Credential(id: "c1", name: "C1", grants: [], prerequisites: ["c3"])]))
        }
        #expect(error.description == #"credential "c1", prerequisites: prerequisites form a cycle: "c1" → "c3" → "c2" → "c1""#)
    }

    @Test("every problem is collected, first one first")
    func severalProblems() throws {
        let error = try #require(problem(CatalogDocument(jobs: [
            Job(id: "j2", title: "", requirements: [Requirement(skill: "q", importance: 1, level: 3)]),
        ])))
        #expect(error.problems.count == 3)
        #expect(error.description.hasSuffix("(and 2 more problems)"))
    }

    @Test("candidates must refer to known skills and credentials")
    func candidates() {
        #expect(throws: CatalogValidationError.self) { try base.validate(Candidate(id: "p", skills: [], credentials: ["nope"])) }
        #expect(throws: CatalogValidationError.self) { try base.validate(Candidate(id: "p", skills: [HeldSkill(skill: "a"), HeldSkill(skill: "a")])) }
        #expect(throws: Never.self) { try base.validate(Candidate(id: "p", skills: [HeldSkill(skill: "a", level: 0.3)], credentials: ["c1"])) }
    }
}
