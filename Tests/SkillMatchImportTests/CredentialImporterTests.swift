import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// The credential fixtures: a small catalogue and a folder of issuers' files (see Fixtures/README.md).
enum CredentialFixtures {
    static let folder = EscoFolder.fixtures + "/credentials"
    static let issuers = folder + "/issuers"
    static let people = EscoFolder.fixtures + "/people"
    static let catalog: Catalog = {
        let parsed = try! CatalogReader.read(path: folder + "/catalog.json")
        return try! parsed.merged(into: Catalog())
    }()
    static let weld = "http://data.europa.eu/esco/skill/test-weld"
    static let drawings = "http://data.europa.eu/esco/skill/test-drawings"
    static func ctid(_ n: Int) -> String { "ce-1a2b3c4d-0000-4000-8000-00000000000\(n)" }

    /// A temporary folder a test may write files in (removed at the end).
    final class Scratch {
        let path = NSTemporaryDirectory() + "skillmatch-credentials-" + UUID().uuidString

        init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        @discardableResult
        func write(_ name: String, _ text: String) -> String {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
            return path + "/" + name
        }
    }
}

@Suite("Credential importer")
struct CredentialImporterTests {
    typealias F = CredentialFixtures

    /// Reads one fixture and resolves it against the fixture catalogue.
    func imported(_ name: String, level: Double = 1) throws -> CredentialImport {
        CredentialImporter.resolve(try CredentialImporter.read(path: F.issuers + "/" + name), against: F.catalog, level: level)
    }

    @Test("Open Badges 2.0: a BadgeClass, alignments by URL (scheme and slash ignored), code and label; the rest reported")
    func openBadges2() throws {
        let result = try imported("ob2-badgeclass.json", level: 0.5)
        let badge = try #require(result.document.credentials.first)
        #expect(badge.id == "https://badges.example.org/badges/welding-fundamentals" && badge.name == "Welding Fundamentals")
        #expect(badge.issuer == "Northside Technical College" && badge.type == .badge && badge.url == badge.id)
        #expect(badge.grants == [Grant(skill: F.weld, level: 0.5), Grant(skill: "2.A.2.a", level: 0.5), Grant(skill: F.drawings, level: 0.5)])
        #expect(result.report.matchedBy == ["url": 1, "code": 1, "label": 1])
        #expect(result.report.files.map(\.format) == [.openbadges])
        let unmapped = try #require(result.report.unmapped.first)
        #expect(result.report.unmapped.count == 1)
        #expect(unmapped.field == "alignment[3]" && unmapped.name == "Oxy-fuel cutting" && unmapped.record == 1)
        #expect(unmapped.url == "https://framework.example.org/skills/oxy-fuel" && unmapped.reason == "no catalogue skill has this id or label")
    }

    @Test("Open Badges 3.0: an achievement inside an OpenBadgeCredential; type from achievementType, issuer from the credential")
    func openBadges3() throws {
        let result = try imported("ob3-credential.json")
        let achievement = try #require(result.document.credentials.first)
        #expect(achievement.id == "https://learn.example.edu/achievements/data-analytics-basics")
        #expect(achievement.type == .certificate && achievement.issuer == "Example Community College")
        #expect(achievement.grants == [Grant(skill: "python"), Grant(skill: "sql")])
        #expect(result.report.matchedBy == ["url": 0, "code": 1, "label": 1])
        #expect(result.report.unmapped.map(\.field) == ["credentialSubject.achievement.alignment[2]"])
        #expect(result.report.unmapped.first?.reason.contains("is a label of 2 skills") == true)
    }

    @Test("an @graph of badges with their issuer profile: the issuer URL becomes its name, the profile is reported as left out")
    func graph() throws {
        let result = try imported("ob2-graph.jsonld")
        #expect(result.document.credentials.map(\.name) == ["Team Build", "Fix-It Clinic"])
        #expect(result.document.credentials.map(\.issuer) == ["Riverside Makerspace", "Riverside Makerspace"])
        #expect(result.document.credentials[1].grants.map(\.skill) == ["2.B.3.k", "2.A.2.a"])
        #expect(result.report.skipped.count == 1 && result.report.skipped[0].record == 1 && result.report.skipped[0].line == 4)
        #expect(result.report.credentials.map(\.line) == [10, 18])
    }

    @Test("CTDL: language maps, issuer from the graph, summed USD costs, shortest duration, competencies, prerequisites")
    func ctdl() throws {
        // The certification alone: its prerequisite badge is then unknown.
        let alone = try imported("ctdl-certification.json")
        let certification = try #require(alone.document.credentials.first)
        #expect(certification.id == F.ctid(1) && certification.name == "Certified Welding Technician")
        #expect(certification.type == .certification && certification.issuer == "Regional Welding Board")
        #expect(certification.cost == 175.5 && certification.hours == 40)
        #expect(certification.url == "https://weldingboard.example.org/cwt")
        #expect(certification.accreditations == ["ANSI"] && certification.renewalYears == 3)
        #expect(certification.examRequired == true && certification.experienceRequired == true && certification.educationRequired == nil)
        // The third competency names only a node of the graph, whose competencyText is a label.
        #expect(certification.grants.map(\.skill) == [F.weld, "2.A.2.a", F.drawings])
        #expect(alone.report.matchedBy == ["url": 1, "code": 1, "label": 1])
        #expect(alone.report.unmapped.map(\.name) == ["Laser cutting"])
        #expect(alone.report.unmapped.first?.field == "ceterms:requires[0].ceterms:targetCompetency[3]")
        #expect(certification.prerequisites.isEmpty && alone.report.unresolvedPrerequisites.count == 2)
        #expect(alone.report.skipped.map(\.reason) == ["a node of type ceterms:CredentialOrganization, not a credential", "a node of type ceasn:Competency, not a credential"])

        let badge = try #require(try imported("ctdl-badge.json").document.credentials.first)
        #expect(badge.name == "Shop Safety Badge" && badge.type == .badge && badge.issuer == "Northside Technical College")
        // An aggregate cost profile is the total of the others: 60, not 120.
        #expect(badge.hours == 16 && badge.cost == 60 && badge.grants == [Grant(skill: "2.B.3.k")])
        #expect(badge.url == "https://credentialengineregistry.org/resources/" + F.ctid(2))

        let list = try imported("ctdl-list.json")
        let micro = try #require(list.document.credentials.first)
        #expect(list.document.credentials.count == 1 && micro.type == .microcredential && micro.hours == 520)
        #expect(micro.cost == nil && micro.issuer == "Example European Institute" && micro.grants == [Grant(skill: "cloud")])
        #expect(list.report.notes.map(\.reason) == ["a price in EUR is not converted to US dollars; the cost is left unknown"])
        #expect(list.report.skipped.map(\.reason) == ["its status is Ceased"])
    }

    @Test("CSV: columns in any order, skill:level, $ costs, prerequisites in the import and the catalogue")
    func csv() throws {
        let result = try imported("more-credentials.csv", level: 0.75)
        let (welding, cloud) = (result.document.credentials[0], result.document.credentials[1])
        #expect(welding.id == "weld-advanced" && welding.cost == 1200 && welding.hours == 120 && welding.type == .certificate)
        #expect(welding.grants == [Grant(skill: F.weld, level: 1), Grant(skill: F.drawings, level: 0.75)])
        #expect(cloud.type == .microcredential && cloud.cost == 0 && cloud.hours == nil && cloud.url == nil && cloud.issuer == nil)
        #expect(cloud.grants == [Grant(skill: "cloud", level: 0.5), Grant(skill: "teamwork", level: 0.75), Grant(skill: "2.B.3.k", level: 0.25)])
        #expect(cloud.prerequisites == ["sql-fundamentals"])
        // The badge it names is not in this file or the catalogue.
        #expect(welding.prerequisites.isEmpty)
        #expect(result.report.unresolvedPrerequisites.map(\.reference) == ["https://badges.example.org/badges/welding-fundamentals", "no-such-credential"])
        #expect(result.report.unmapped.map(\.name) == ["Underwater welding"] && result.report.unmapped[0].line == 2)
        #expect(result.report.unmapped[0].url == nil && result.report.unmapped[0].code == nil)
        #expect(result.report.matchedBy == ["url": 1, "code": 2, "label": 2])  // "teamwork" is an id
    }

    @Test("a folder: every file in name order as one import; prerequisites across files; formats detected")
    func folder() throws {
        let scratch = F.Scratch()
        for name in try FileManager.default.contentsOfDirectory(atPath: F.issuers) {
            try FileManager.default.copyItem(atPath: F.issuers + "/" + name, toPath: scratch.path + "/" + name)
        }
        scratch.write("README.md", "notes")  // documentation: passed over without a note
        scratch.write("export.xml", "<x/>")
        let sources = try CredentialImporter.read(path: scratch.path)
        let result = CredentialImporter.resolve(sources, against: F.catalog)
        #expect(result.report.files.map { ($0.file as NSString).lastPathComponent } == [
            "ctdl-badge.json", "ctdl-certification.json", "ctdl-list.json", "more-credentials.csv", "ob2-badgeclass.json",
            "ob2-graph.jsonld", "ob3-credential.json",
        ])
        #expect(result.report.files.map(\.format) == [.ctdl, .ctdl, .ctdl, .csv, .openbadges, .openbadges, .openbadges])
        #expect(result.document.credentials.count == 9)
        let certification = try #require(result.document.credentials.first { $0.id == F.ctid(1) })
        #expect(certification.prerequisites == [F.ctid(2)])
        let welding = try #require(result.document.credentials.first { $0.id == "weld-advanced" })
        #expect(welding.prerequisites == ["https://badges.example.org/badges/welding-fundamentals"])
        let skippedFile = try #require(result.report.skipped.first { $0.reason == "not a .json, .jsonld or .csv file" })
        #expect(skippedFile.file.hasSuffix("export.xml"))
        #expect(!result.report.skipped.contains { $0.file.hasSuffix("README.md") })
        let merged = try result.merged(into: F.catalog)
        #expect(merged.credentials.count == 10)
    }

    @Test("an issuer named by URL takes the name of the profile another file of the folder describes")
    func issuerInAnotherFile() throws {
        let scratch = F.Scratch()
        scratch.write("badge.json", #"{"type": "BadgeClass", "id": "https://b.example/1", "name": "B", "issuer": "https://b.example/issuer"}"#)
        scratch.write("issuer.json", #"{"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "https://b.example/issuer", "name": "B College"}"#)
        let result = CredentialImporter.resolve(try CredentialImporter.read(path: scratch.path), against: F.catalog)
        #expect(result.document.credentials.map(\.issuer) == ["B College"])
        #expect(result.report.skipped.map(\.id) == ["https://b.example/issuer"])
    }

    @Test("auto-detection by types and context")
    func detection() throws {
        func detect(_ text: String) throws -> CredentialFormat {
            try CredentialSources.detect(try JSONTree.parse(Array(text.utf8), file: "x.json").value, file: "x.json")
        }
        #expect(try detect(#"{"@type": "ceterms:Badge"}"#) == .ctdl)
        #expect(try detect(#"{"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": []}"#) == .ctdl)
        #expect(try detect(#"[{"type": ["Achievement"]}]"#) == .openbadges)
        #expect(try detect(#"{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]}"#) == .openbadges)
        #expect(try detect(#"{"credentialSubject": {}}"#) == .openbadges)
        #expect(throws: InputError.self) { try detect(#"{"basics": {"name": "A resume"}}"#) }
    }

    @Test("an endorsement credential awards nothing: left out and reported, not an error")
    func endorsement() throws {
        let scratch = F.Scratch()
        let path = scratch.write("endorsement.json", """
            [{"type": ["VerifiableCredential", "EndorsementCredential"], "id": "urn:uuid:e1",
              "credentialSubject": {"id": "https://b.example/1", "type": ["EndorsementSubject"], "endorsementComment": "Solid."}},
             {"type": "BadgeClass", "id": "https://b.example/1", "name": "B"}]
            """)
        let sources = try CredentialImporter.read(path: path)
        #expect(sources.count == 1 && sources.skipped.map(\.id) == ["urn:uuid:e1"])
        #expect(sources.skipped.first?.reason == "a credential of type VerifiableCredential/EndorsementCredential that awards no achievement (an endorsement, say)")
        // As held by a person, it is noted and left out.
        let held = try CandidateReader.read(path: scratch.write("held.json", """
            [{"type": ["VerifiableCredential", "EndorsementCredential"], "credentialSubject": {"id": "did:example:p"}},
             {"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {"id": "did:example:p",
               "achievement": {"id": "https://x.example/a", "name": "SQL Fundamentals Certificate"}}}]
            """), catalog: F.catalog)
        #expect(held.map(\.candidate) == [Candidate(id: "did:example:p", skills: [], credentials: ["sql-fundamentals"])])
        #expect(held.first?.unresolved.map(\.field) == ["[0]"])
    }

    @Test("malformed input names the file, the record or line, and the field")
    func badInput() throws {
        let scratch = F.Scratch()
        func failure(_ name: String, _ text: String, format: CredentialFormat? = nil) -> String {
            let path = scratch.write(name, text)
            do {
                _ = try CredentialImporter.read(path: path, format: format)
                return "no error"
            } catch {
                return error.description.replacingOccurrences(of: scratch.path + "/", with: "")
            }
        }
        #expect(failure("a.json", "[{\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": \"X\"},\n {\"type\": \"BadgeClass\", \"name\": \"Y\"}]")
            == "a.json, line 2: badge #2, id: missing required field (the badge's id URI)")
        #expect(failure("b.json", "{\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": \"X\", \"alignment\": [{\"targetUrl\": 3}]}")
            == "b.json: badge \"x\", alignment[0].targetUrl: expected a string, found a number")
        #expect(failure("c.json", "{\"@type\": \"ceterms:Badge\", \"ceterms:ctid\": \"ce-1\", \"ceterms:name\": {\"en\": \"B\"},\n"
            + "\"ceterms:estimatedDuration\": [{\"ceterms:exactDuration\": \"3 months\"}]}")
            == "c.json: credential \"ce-1\", ceterms:estimatedDuration[0].ceterms:exactDuration: \"3 months\" is not an ISO 8601 duration (such as PT40H, P10W or P3M)")
        #expect(failure("d.json", "{\"@type\": \"ceterms:Badge\", \"ceterms:ctid\": \"ce-1\", \"ceterms:name\": {\"en\": \"B\"},"
            + "\"ceterms:estimatedCost\": [{\"ceterms:price\": \"cheap\"}]}")
            == "d.json: credential \"ce-1\", ceterms:estimatedCost[0].ceterms:price: \"cheap\" is not a number")
        #expect(failure("e.json", "{\"@type\": \"ceterms:Badge\", \"ceterms:ctid\": \"ce-1\"}")
            == "e.json: credential \"ce-1\", ceterms:name: missing required field")
        #expect(failure("f.csv", "id,name,cost\nx,X,12\ny,Y,twelve\n") == "f.csv, line 3, column 5: column \"cost\": \"twelve\" is not a number from 0 up")
        #expect(failure("g.csv", "id,name,skills\nx,X,sql:1.5\n") == "g.csv, line 2, column 5: column \"skills\", item 1 \"sql:1.5\": level 1.5 is outside (0, 1]")
        #expect(failure("h.csv", "id,title\nx,X\n") == "h.csv, line 1: no column named \"name\" (columns: id, title)")
        #expect(failure("i.csv", "id,name,type\nx,X,diploma\n") == "i.csv, line 2, column 5: column \"type\": \"diploma\" is not one of certification, certificate, license, badge, microcredential, apprenticeship")
        #expect(failure("j.json", "{\"name\": \"nothing\"}") == "j.json: cannot tell the format: expected Open Badges (type BadgeClass, Achievement or OpenBadgeCredential) or CTDL (@type ceterms:…); name it with --input-format")
        #expect(failure("k.json", "[{\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": \"X\"}, {\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": \"Z\"}]")
            == "k.json, line 1: credential \"x\": the id is also used on line 1 (ids must be unique within an import)")
        #expect(failure("l.json", "{\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": \"X\",}").hasPrefix("l.json, line 1, column 47: malformed JSON"))
        #expect(failure("m.json", "{\"type\": \"BadgeClass\", \"id\": \"x\", \"name\": [1]}")
            == "m.json: badge \"x\", name: expected text (a string or a language map such as {\"en-US\": \"…\"}), found a list")
        // Told it is Open Badges, an untyped object is left out and reported, not an error.
        let untyped = try CredentialImporter.read(path: scratch.write("n.json", "{\"id\": \"x\", \"name\": \"X\"}"), format: .openbadges)
        #expect(untyped.count == 0 && untyped.skipped.map(\.reason) == ["an object without a type, not a BadgeClass, an Achievement or a credential holding one"])
    }

    @Test("only a CTID ends a URI that names a credential by its last segment")
    func uriTails() throws {
        let scratch = F.Scratch()
        let path = scratch.write("p.csv", "id,name,prerequisites\npython,Python Basics,\nnext,Next,https://other.example/courses/python\n"
            + "ce-11111111-0000-4000-8000-000000000001,Registry Cert,\nlast,Last,https://credentialengineregistry.org/resources/ce-11111111-0000-4000-8000-000000000001\n")
        let result = CredentialImporter.resolve(try CredentialImporter.read(path: path), against: F.catalog)
        #expect(result.document.credentials.map(\.prerequisites) == [[], [], [], ["ce-11111111-0000-4000-8000-000000000001"]])
        #expect(result.report.unresolvedPrerequisites.map(\.reference) == ["https://other.example/courses/python"])
    }

    @Test("a prerequisite cycle is named with the file and line of the credential")
    func cycle() throws {
        let scratch = F.Scratch()
        let path = scratch.write("loop.csv", "id,name,prerequisites\na,A,b\nb,B,a\n")
        let result = CredentialImporter.resolve(try CredentialImporter.read(path: path), against: F.catalog)
        let error = try #require(throws: InputError.self) { try result.merged(into: F.catalog) }
        #expect(error.file == path && error.line == 2 && error.message.contains("prerequisites form a cycle"))
    }
}

@Suite("Credentials and resumes against the real ESCO labels")
struct RealEscoCredentialTests {
    static let esco = SharedDatasets.folder("esco")
    static let skill = "http://data.europa.eu/esco/skill/"

    @Test(
        "badge alignments and resume keywords resolve against all 13,896 ESCO skills (skipped when ../shared/datasets is absent)",
        .enabled(if: FileManager.default.fileExists(atPath: esco + "/skills_en.csv"), "../shared/datasets/esco is absent: skipping")
    )
    func realEsco() throws {
        let (document, _) = try EscoImporter.read(directory: Self.esco)
        let catalog = try Catalog().merging(document)
        let scratch = CredentialFixtures.Scratch()
        let badge = scratch.write("badge.json", """
            {"type": "BadgeClass", "id": "https://badges.example.org/data-basics", "name": "Data Basics", "issuer": "https://badges.example.org/issuer",
             "alignment": [
               {"targetName": "Python programming", "targetUrl": "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"},
               {"targetName": "sql", "targetUrl": "https://framework.example.org/sql"},
               {"targetName": "Critical   thinking", "targetUrl": "https://framework.example.org/critical-thinking"},
               {"targetName": "Welding", "targetUrl": "https://framework.example.org/welding"}]}
            """)
        let result = CredentialImporter.resolve(try CredentialImporter.read(path: badge), against: catalog)
        // By URL (https for ESCO's http URI); "SQL" is the preferred label of one skill and an alternative label of
        // another: the preferred one wins; "critical thinking" is an alternative label of "think critically".
        #expect(result.document.credentials[0].grants.map(\.skill) == [
            Self.skill + "ccd0a1d9-afda-43d9-b901-96344886e14d", Self.skill + "598de5b0-5b58-4ea7-8058-a4bc4d18c742",
            Self.skill + "7dd94ad3-13d6-43fe-8b94-51fcbf67ced9",
        ])
        // "welding" is an alternative label of two ESCO skills: reported, not guessed.
        #expect(result.report.unmapped.map(\.name) == ["Welding"])
        #expect(result.report.unmapped.first?.reason.hasPrefix("the name \"Welding\" is a label of 2 skills") == true)
        _ = try result.merged(into: catalog)

        let resume = scratch.write("resume.json", #"{"basics": {"name": "R"}, "skills": [{"name": "Data skills", "level": "Expert", "keywords": ["SQL", "use spreadsheets software", "Pandas"]}]}"#)
        let person = try CandidateReader.read(path: resume, catalog: catalog)[0]
        #expect(person.candidate.id == "resume" && person.candidate.skills == [
            HeldSkill(skill: Self.skill + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"), HeldSkill(skill: Self.skill + "1973c966-f236-40c9-b2d4-5d71a89019be"),
        ])
        #expect(person.unresolved.map(\.value) == ["Data skills", "Pandas"])
    }
}
