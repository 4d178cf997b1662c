import Testing
@testable import SkillMatch

@Suite("Fit formula on hand-worked cases")
struct FitFormulaTests {
    let catalog = try! Catalog(
        skills: ["a", "b", "c", "d"].map { Skill(id: $0, label: "Skill \($0.uppercased())") },
        jobs: [
            Job(id: "j1", title: "Job one", requirements: [
                Requirement(skill: "a", importance: 4, level: 0.5),
                Requirement(skill: "b", importance: 2, level: 1),
                Requirement(skill: "c", importance: 1, level: 0.25),
            ]),
            Job(id: "j2", title: "Job two", requirements: [Requirement(skill: "d", importance: 3, level: 0.75)]),
        ],
        credentials: [
            Credential(id: "cert-b", name: "B cert", grants: [Grant(skill: "b", level: 0.75), Grant(skill: "d", level: 0.5)]),
            Credential(id: "cert-a", name: "A cert", grants: [Grant(skill: "a", level: 0.25)]),
            Credential(id: "cert-z", name: "Z cert", grants: [Grant(skill: "d", level: 0.5)]),
        ])

    @Test("stated levels, a held credential and a level above the requirement")
    func handWorked() throws {
        // a: 0.25 of 0.5 → 0.5; b: 0.75 (from cert-b) of 1 → 0.75; c: 1 of 0.25 → 1.
        // fit = (4·0.5 + 2·0.75 + 1·1) / 7 = 4.5 / 7.
        let candidate = Candidate(id: "p", skills: [HeldSkill(skill: "a", level: 0.25), HeldSkill(skill: "c")], credentials: ["cert-b"])
        let result = try MatchEngine(catalog: catalog).fit(candidate, job: "j1")
        #expect(abs(result.score - 4.5 / 7) < 1e-12)
        #expect(result.skills.map(\.skill) == ["a", "b", "c"])
        #expect(result.skills.map(\.credit) == [0.5, 0.75, 1])
        #expect(result.skills.map(\.source) == [.stated, .credential("cert-b"), .stated])
        #expect(abs(result.skills[0].gain - 4 * 0.5 / 7) < 1e-12)
        // cert-b also grants d at 0.5 of 0.75 → 2/3.
        #expect(abs(try MatchEngine(catalog: catalog).fit(candidate, job: "j2").score - 2.0 / 3) < 1e-12)
    }

    @Test("nothing held scores 0, everything held at the required level scores 1")
    func extremes() throws {
        let engine = MatchEngine(catalog: catalog)
        #expect(try engine.fit(Candidate(id: "none", skills: []), job: "j1").score == 0)
        let all = Candidate(id: "all", skills: [HeldSkill(skill: "a", level: 0.5), HeldSkill(skill: "b"), HeldSkill(skill: "c", level: 0.25)])
        #expect(abs(try engine.fit(all, job: "j1").score - 1) < 1e-12)
        #expect(try engine.fit(all, job: "j1").skills.allSatisfy { $0.gain == 0 })
    }

    @Test("the largest level wins; ties go to the stated level, then the smallest credential id")
    func sources() {
        let stated = Candidate(id: "p", skills: [HeldSkill(skill: "b", level: 0.75)], credentials: ["cert-b"])
        #expect(catalog.effectiveLevels(of: stated)["b"] == EffectiveLevel(level: 0.75, source: .stated))
        let higher = Candidate(id: "p", skills: [HeldSkill(skill: "b", level: 0.5)], credentials: ["cert-b"])
        #expect(catalog.effectiveLevels(of: higher)["b"] == EffectiveLevel(level: 0.75, source: .credential("cert-b")))
        let twoCredentials = Candidate(id: "p", skills: [], credentials: ["cert-z", "cert-b"])
        #expect(catalog.effectiveLevels(of: twoCredentials)["d"] == EffectiveLevel(level: 0.5, source: .credential("cert-b")))
    }

    @Test("match orders by rounded score, then job id")
    func matchOrder() throws {
        let tied = try catalog.merging(CatalogDocument(jobs: [
            Job(id: "j0", title: "Same as two", requirements: [Requirement(skill: "d", importance: 1, level: 0.75)]),
        ]))
        let candidate = Candidate(id: "p", skills: [HeldSkill(skill: "d", level: 0.75), HeldSkill(skill: "a", level: 0.5)])
        let matches = try MatchEngine(catalog: tied).match(candidate, top: 10)
        #expect(matches.map(\.job) == ["j0", "j2", "j1"])
        #expect(matches.map(\.score) == [1, 1, 4.0 / 7])
        #expect(try MatchEngine(catalog: tied).match(candidate, top: 1).map(\.job) == ["j0"])
    }

    @Test("an unknown job or an invalid candidate is an error")
    func errors() {
        let engine = MatchEngine(catalog: catalog)
        #expect(throws: MatchError.unknownJob("nope")) { try engine.fit(Candidate(id: "p", skills: []), job: "nope") }
        #expect(throws: CatalogValidationError.self) { try engine.match(Candidate(id: "p", skills: [HeldSkill(skill: "zzz")]), top: 3) }
        #expect(throws: CatalogValidationError.self) { try engine.match(Candidate(id: "p", skills: [HeldSkill(skill: "a", level: 0)]), top: 3) }
    }
}
