import Foundation
import Testing

/// End-to-end: `import credentials` on the issuers' fixtures, then the credentials in `gap`, `credentials search`,
/// and candidates from a JSON Resume and held Open Badges.
@Suite("skillmatch import credentials, candidates from resumes and badges")
struct ImportCredentialsTests {
    static let fixtures = CLIRunner.packageRoot + "/Tests/SkillMatchImportTests/Fixtures"
    static let issuers = fixtures + "/credentials/issuers"

    /// A runner whose database holds the fixture catalogue.
    func runner() throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", Self.fixtures + "/credentials/catalog.json"])
        return cli
    }

    @Test("a folder imports in one go; the report lists what was imported and what was not mapped")
    func folder() throws {
        let cli = try runner()
        let json = try cli.ok(["import", "credentials", Self.issuers, "--format", "json"]).json() as! [String: Any]
        let report = json["report"] as! [String: Any]
        #expect((report["credentials"] as! [[String: Any]]).map { $0["format"] as! String } == [
            "ctdl", "ctdl", "ctdl", "csv", "csv", "openbadges", "openbadges", "openbadges", "openbadges",
        ])
        #expect((report["files"] as! [[String: Any]]).map { $0["format"] as! String } == ["ctdl", "ctdl", "ctdl", "csv", "openbadges", "openbadges", "openbadges"])
        let unmapped = report["unmapped"] as! [[String: Any]]
        #expect(Set(unmapped.compactMap { $0["name"] as? String }) == ["Laser cutting", "Underwater welding", "Oxy-fuel cutting", "Analytics"])
        let laser = try #require(unmapped.first { $0["name"] as? String == "Laser cutting" })
        #expect(laser["file"] as? String == Self.issuers + "/ctdl-certification.json" && laser["record"] as? Int == 1)
        #expect(laser["credential"] as? String == "ce-1a2b3c4d-0000-4000-8000-000000000001")
        let unresolved = report["unresolvedPrerequisites"] as! [[String: Any]]
        #expect(unresolved.compactMap { $0["reference"] as? String } == [
            "https://credentialengineregistry.org/resources/ce-ffffffff-0000-4000-8000-00000000dead", "no-such-credential",
        ])
        #expect((json["summary"] as! [String: Any])["added"] as? [String: Int] == ["skills": 0, "jobs": 0, "credentials": 9, "skillGroups": 0])
        let stats = try cli.ok(["stats", "--format", "json"]).json() as! [String: Any]
        #expect(stats["credentials"] as? Int == 10)
        // Each credential records the standard it came in.
        let sources = (stats["sources"] as! [[String: Any]]).map { ($0["source"] as! String, $0["credentials"] as! Int) }
        #expect(sources.map(\.0) == ["catalogue", "csv", "ctdl", "openbadges"] && sources.map(\.1).reduce(0, +) == 10)
        #expect(sources.first { $0.0 == "openbadges" }?.1 == 4)

        // Searchable, with the facts the readers kept.
        let search = try cli.ok(["credentials", "search", "welding", "--format", "json"]).json() as! [String: Any]
        let found = (search["credentials"] as! [[String: Any]]).map { ($0["credential"] as! [String: Any]) }
        let technician = try #require(found.first { $0["id"] as? String == "ce-1a2b3c4d-0000-4000-8000-000000000001" })
        #expect(technician["cost"] as? Double == 175.5 && technician["hours"] as? Double == 40)
        #expect(technician["prerequisites"] as? [String] == ["ce-1a2b3c4d-0000-4000-8000-000000000002"])
        let cheap = try cli.ok(["credentials", "search", "--max-cost", "100", "--type", "microcredential", "--format", "json"]).json() as! [String: Any]
        #expect((cheap["credentials"] as! [[String: Any]]).map { ($0["credential"] as! [String: Any])["id"] as! String } == ["cloud-essentials"])

        // And the gap planner uses them: a welder with nothing needs the weld, drawings and critical thinking skills.
        let person = cli.write("nobody.json", #"{"id": "nobody", "skills": []}"#)
        let gap = try cli.ok(["gap", "--candidate", person, "--job", "welder", "--format", "json"]).json() as! [String: Any]
        let plan = (gap["credentials"] as! [[String: Any]]).map { $0["id"] as! String }
        // One credential covers all three at the required levels: the technician (with its prerequisite badge),
        // or the Open Badges 2.0 badge; the fewest credentials win, so the badge alone.
        #expect(plan == ["https://badges.example.org/badges/welding-fundamentals"])
        #expect(gap["scoreAfter"] as? Double == 1 && (gap["uncoverable"] as! [String]).isEmpty)

        // Importing again updates, never duplicates; the human report names the unmapped alignment with its place.
        let human = try cli.ok(["import", "credentials", Self.issuers]).stdout
        #expect(human.contains("Imported 9 credentials from \(Self.issuers)") && human.contains("(0 new, 9 updated)"))
        #expect(human.contains("Not mapped to a catalogue skill (4):"))
        #expect(human.contains("\(Self.issuers)/ob2-badgeclass.json, record 1, credential \"https://badges.example.org/badges/welding-fundamentals\", alignment[3]: url \"https://framework.example.org/skills/oxy-fuel\", "
            + "name \"Oxy-fuel cutting\": no catalogue skill has this id or label"))
        #expect(human.contains("Left out (4):") && human.contains("its status is Ceased"))
    }

    @Test("--input-format and --level; a malformed file names the place and leaves the catalogue unchanged")
    func options() throws {
        let cli = try runner()
        let before = cli.databaseBytes()
        let broken = cli.write("broken.csv", "id,name,hours\nx,X,10\ny,Y,ten\n")
        let result = try cli.run(["import", "credentials", broken])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "skillmatch: error: \(broken), line 3, column 5: column \"hours\": \"ten\" is not a number from 0 up\n")
        #expect(cli.databaseBytes() == before)

        // A folder with one bad file imports nothing at all.
        let folder = cli.folder + "/mixed"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.issuers + "/ob3-credential.json", toPath: folder + "/a.json")
        _ = FileManager.default.createFile(atPath: folder + "/b.json", contents: Data(#"{"type": "BadgeClass", "name": "No id"}"#.utf8))
        let mixed = try cli.run(["import", "credentials", folder])
        #expect(mixed.status == 1 && mixed.stderr == "skillmatch: error: \(folder)/b.json: badge #1, id: missing required field (the badge's id URI)\n")
        #expect(cli.databaseBytes() == before)

        let level = try cli.run(["import", "credentials", Self.issuers, "--level", "1.5"])
        #expect(level.status != 0 && level.stderr.contains("--level: 1.5 is outside [0.000001, 1]"))
        #expect(cli.databaseBytes() == before)

        // Forced as CTDL, an Open Badges file holds no credential: its record is reported as left out.
        let forced = try cli.ok(["import", "credentials", Self.issuers + "/ob2-badgeclass.json", "--input-format", "ctdl", "--format", "json"]).json() as! [String: Any]
        #expect(((forced["report"] as! [String: Any])["skipped"] as! [[String: Any]]).first?["reason"] as? String == "a node of type BadgeClass, not a credential")

        let halves = try cli.ok(["import", "credentials", Self.issuers + "/ob2-badgeclass.json", "--level", "0.5", "--format", "json"]).json() as! [String: Any]
        #expect((halves["report"] as! [String: Any])["level"] as? Double == 0.5)
        let show = try cli.ok(["show", "credential", "https://badges.example.org/badges/welding-fundamentals", "--format", "json"]).json() as! [String: Any]
        #expect((show["grants"] as! [[String: Any]]).map { $0["level"] as! Double } == [0.5, 0.5, 0.5])
    }

    @Test("candidate add reads a JSON Resume and held badges, reports what did not resolve, and they score")
    func candidates() throws {
        let cli = try runner()
        try cli.ok(["import", "credentials", Self.issuers])
        let added = try cli.ok(["candidate", "add", Self.fixtures + "/people/resume.json", "--format", "json"]).json() as! [String: Any]
        #expect(added["added"] as? Int == 1)
        let unresolved = (added["report"] as! [String: Any])["unresolved"] as! [[String: Any]]
        #expect(unresolved.map { $0["field"] as! String } == ["skills[0].name", "skills[1].keywords[0]", "skills[2].level", "certificates[2]"])
        #expect(unresolved.allSatisfy { $0["candidate"] as? String == "priya.raman@example.com" })

        let human = try cli.ok(["candidate", "add", Self.fixtures + "/people/badges-held.json"])
        #expect(human.stdout.contains("Stored 1 candidate") && human.stdout.contains("(1 new, 0 updated)"))
        #expect(human.stderr.contains("badges-held.json: candidate \"did:example:welder-jo\", [1].credentialSubject.achievement.alignment[1] \"Sketching\": "))

        // The held badge grants weld, drawings and critical thinking at level 1: the welder fits fully.
        let fit = try cli.ok(["fit", "--candidate", "did:example:welder-jo", "--job", "welder", "--format", "json"]).json() as! [String: Any]
        #expect(fit["score"] as? Double == 1)
        // Drawings is also stated (from the Blueprint Club's alignment), and a stated level is named first on a tie.
        let sources = (fit["skills"] as! [[String: Any]]).map { $0["source"] as! String }
        // Lines by importance, then id: drawings, weld, critical thinking.
        #expect(sources == ["stated", "credential:https://badges.example.org/badges/welding-fundamentals",
                            "credential:https://badges.example.org/badges/welding-fundamentals"])

        // Python 0.75, SQL 0.75 (and the certificates' grants), data analysis 0.5, teamwork 1, against the analyst.
        let direct = try cli.ok(["fit", "--candidate", Self.fixtures + "/people/resume.json", "--job", "data-analyst", "--format", "json"])
        #expect(direct.stderr.contains("\"Pandas\": no catalogue skill has this label"))
        let score = try #require((direct.json() as! [String: Any])["score"] as? Double)
        #expect(abs(score - (1 + 1 + 0.5 / 0.75 + 0.5) / 3.5) < 1e-6)

        // The same resume scores the same in batch and as a pool file.
        let batch = try cli.ok(["batch", "--candidates", Self.fixtures + "/people/resume.json", "--top", "1"]).stdout
        let line = try JSONSerialization.jsonObject(with: Data(batch.utf8)) as! [String: Any]
        #expect(line["candidate"] as? String == "priya.raman@example.com")
        #expect(((line["matches"] as! [[String: Any]]).first?["score"] as? Double).map { abs($0 - score) < 1e-6 } == true)
        let pool = try cli.ok(["match", "--job", "data-analyst", "--candidates", Self.fixtures + "/people/resume.json", "--format", "json"]).json() as! [String: Any]
        #expect((pool["matches"] as! [[String: Any]]).map { $0["candidate"] as! String } == ["priya.raman@example.com"])
    }
}
