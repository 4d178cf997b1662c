import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

@Suite("Candidates from JSON Resume and held Open Badges")
struct PersonDocumentTests {
    typealias F = CredentialFixtures

    /// The fixture catalogue with the issuers' credentials imported.
    static let withCredentials: Catalog = {
        let sources = try! CredentialImporter.read(path: F.issuers)
        return try! CredentialImporter.resolve(sources, against: F.catalog).merged(into: F.catalog)
    }()

    @Test("JSON Resume: skills and keywords by label at mapped levels, certificates by URL or name, the rest reported")
    func resume() throws {
        let located = try CandidateReader.read(path: F.people + "/resume.json", catalog: Self.withCredentials)
        let person = try #require(located.first)
        #expect(located.count == 1 && person.candidate.id == "priya.raman@example.com" && person.candidate.name == "Priya Raman")
        // Advanced (0.75) for the keywords; a second, lower mention of Python keeps 0.75; an unknown level reads as 1.
        #expect(person.candidate.skills == [
            HeldSkill(skill: "python", level: 0.75), HeldSkill(skill: "sql", level: 0.75),
            HeldSkill(skill: "data-analysis", level: 0.5), HeldSkill(skill: "teamwork", level: 1),
        ])
        #expect(person.candidate.credentials == ["sql-fundamentals", "https://learn.example.edu/achievements/data-analytics-basics"])
        #expect(person.unresolved.map(\.field) == ["skills[0].name", "skills[1].keywords[0]", "skills[2].level", "certificates[2]"])
        #expect(person.unresolved.map(\.value) == ["Programming", "Pandas", "Guru", "Spreadsheet Wizardry"])
        try CandidateReader.check(located, against: Self.withCredentials)
        // The label, positions with their dates, summary and work highlights are resume text: titles held are matched
        // to jobs, skills extracted, stated ones kept as stated.
        #expect(person.text == "Junior Data Analyst\nAnalyst who likes clean data and clear charts.\nData Volunteer (2023-01-01 – Present)\n"
            + "Built a donations dashboard\nTracked donor visits with web analytics")
        let resolved = TextResumeReader.resolve(located, catalog: Self.withCredentials)
        #expect(resolved[0].candidate.skills == person.candidate.skills + [HeldSkill(skill: "web-analytics", level: TextResumeReader.defaultLevel)])
        #expect(resolved[0].text == nil)

        // Without the imported credentials, the OB3 achievement's certificate does not resolve.
        let bare = try CandidateReader.read(path: F.people + "/resume.json", catalog: F.catalog)
        #expect(bare[0].candidate.credentials == ["sql-fundamentals"])
        #expect(bare[0].unresolved.last?.reason == "no catalogue credential has this id, URL or name")
    }

    @Test("JSON Resume levels: words, numbers, percentages and fractions")
    func levels() {
        #expect(JSONResumeReader.level("Beginner") == 0.25 && JSONResumeReader.level(" intermediate ") == 0.5)
        #expect(JSONResumeReader.level("ADVANCED") == 0.75 && JSONResumeReader.level("Master") == 1 && JSONResumeReader.level("expert") == 1)
        #expect(JSONResumeReader.level("0.6") == 0.6 && JSONResumeReader.level("80%") == 0.8 && JSONResumeReader.level("4/5") == 0.8)
        #expect(JSONResumeReader.level("7") == nil && JSONResumeReader.level("Guru") == nil && JSONResumeReader.level("0") == nil)
    }

    @Test("held Open Badges 3.0 credentials: one candidate per subject; known achievements held, others read by alignment")
    func heldBadges() throws {
        let located = try CandidateReader.read(path: F.people + "/badges-held.json", catalog: Self.withCredentials)
        let person = try #require(located.first)
        #expect(located.count == 1 && person.candidate.id == "did:example:welder-jo" && person.line == 2)
        #expect(person.candidate.credentials == ["https://badges.example.org/badges/welding-fundamentals"])
        #expect(person.candidate.skills == [HeldSkill(skill: F.drawings, level: 1)])
        #expect(person.unresolved.map(\.field) == ["[1].credentialSubject.achievement", "[1].credentialSubject.achievement.alignment[1]"])
        #expect(person.unresolved.map(\.value) == ["Blueprint Club", "Sketching"])
        try CandidateReader.check(located, against: Self.withCredentials)
    }

    @Test("SkillMatch candidate JSON is read as before; a resume with a bad field is named; no catalogue, no resume")
    func detection() throws {
        let scratch = F.Scratch()
        // A SkillMatch candidate that happens to mention "work" in a name is still a SkillMatch candidate.
        let own = scratch.write("own.json", #"{"id": "p", "name": "work", "skills": [{"skill": "sql"}]}"#)
        #expect(try CandidateReader.read(path: own, catalog: F.catalog).map(\.candidate) == [Candidate(id: "p", name: "work", skills: [HeldSkill(skill: "sql")])])
        let bad = scratch.write("bad.json", #"{"basics": {"name": "A"}, "skills": [{"name": "SQL", "keywords": "sql, python"}]}"#)
        let error = try #require(throws: InputError.self) { try CandidateReader.read(path: bad, catalog: F.catalog) }
        #expect(error.description == "\(bad): resume \"bad\", skills[0].keywords: expected a list of strings, found a string")
        let noCatalog = try #require(throws: InputError.self) { try CandidateReader.read(path: F.people + "/resume.json") }
        #expect(noCatalog.message == "is a JSON Resume; it can only be read against a catalogue")
    }
}

@Suite("Levels from held Open Badges 3.0 results")
struct HeldBadgeResultTests {
    typealias F = CredentialFixtures

    /// An OB3 credential held by `did:example:p` whose achievement is not in the catalogue, with a result.
    func credential(result: String) -> String {
        """
        {"type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": {"id": "https://x.example", "name": "X"},
         "credentialSubject": {"id": "did:example:p", "result": [\(result)],
          "achievement": {"id": "https://x.example/a/sql-lab", "type": ["Achievement"], "name": "SQL Lab",
           "alignment": [{"targetName": "SQL", "targetUrl": "https://x.example/sql"}],
           "resultDescription": [
             {"id": "urn:uuid:rubric", "type": ["ResultDescription"], "name": "Rubric", "resultType": "RubricCriterionLevel",
              "rubricCriterionLevel": [{"id": "urn:uuid:l1", "name": "Developing", "level": "Beginner"},
                                       {"id": "urn:uuid:l2", "name": "Proficient"}]},
             {"id": "urn:uuid:score", "type": ["ResultDescription"], "name": "Score", "resultType": "ScaledScore",
              "valueMin": "200", "valueMax": "800"}]}}}
        """
    }

    @Test("a rubric level, a scaled score or a level word sets the level of the alignments; none leaves 1")
    func levels() throws {
        let scratch = F.Scratch()
        for (result, level) in [
            (#"{"type": ["Result"], "resultDescription": "urn:uuid:rubric", "achievedLevel": "urn:uuid:l1"}"#, 0.25),
            (#"{"type": ["Result"], "achievedLevel": "urn:uuid:l2"}"#, 0.75),
            (#"{"type": ["Result"], "resultDescription": "urn:uuid:score", "value": "650"}"#, 0.75),
            (#"{"type": ["Result"], "value": "Expert"}"#, 1.0),
            (#"{"type": ["Result"], "value": "passed"}"#, 1.0),
        ] {
            let path = scratch.write("held.json", credential(result: result))
            let person = try #require(try CandidateReader.read(path: path, catalog: F.catalog).first)
            #expect(person.candidate.skills == [HeldSkill(skill: "sql", level: level)], "\(result)")
            #expect(person.unresolved.first?.reason.hasSuffix("held at level \(level == 1 ? "1" : String(level))") == true)
        }
    }
}
