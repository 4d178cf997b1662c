import Foundation
import Testing

/// End-to-end: `import esco` on the small ESCO fixtures, and on broken input.
@Suite("skillmatch import esco")
struct ImportEscoTests {
    static let fixtures = CLIRunner.packageRoot + "/Tests/SkillMatchImportTests/Fixtures"
    static let skill = "http://data.europa.eu/esco/skill/test-"
    static let occupation = "http://data.europa.eu/esco/occupation/test-"

    @Test("imports, reports, and the jobs, skills and hierarchy are there to search, show and score")
    func importEsco() throws {
        let cli = CLIRunner()
        let result = try cli.ok(["import", "esco", Self.fixtures + "/esco-v1.2", "--format", "json", "--optional-weight", "0.25"])
        #expect(result.stderr.isEmpty)  // no progress line: standard error is not a terminal
        let json = try result.json() as! [String: Any]
        let report = json["report"] as! [String: Any]
        #expect(report["jobs"] as? Int == 2 && report["skills"] as? Int == 5 && report["requirements"] as? Int == 5)
        #expect(report["danglingRelations"] as? Int == 2 && report["danglingBroaderLinks"] as? Int == 1)
        #expect((report["weights"] as? [String: Double]) == ["essential": 1, "optional": 0.25])
        #expect((json["summary"] as! [String: Any])["added"] as? [String: Int] == ["skills": 5, "jobs": 2, "credentials": 0, "skillGroups": 2])

        let search = try cli.ok(["jobs", "search", "welding technician", "--format", "json"]).json() as! [String: Any]
        #expect(((search["jobs"] as! [[String: Any]]).first?["id"] as? String) == Self.occupation + "welder")

        let show = try cli.ok(["show", "skill", Self.skill + "weld", "--format", "json"]).json() as! [String: Any]
        let broader = show["broader"] as! [[String: String]]
        #expect(broader.map { $0["label"] } == ["working with metals", "work with metals"])
        #expect(broader.map { $0["kind"] } == ["skill group", "skill"])
        #expect((show["skill"] as! [String: Any])["hiddenLabels"] as? [String] == ["wled metal parts"])
        let text = try cli.ok(["show", "skill", Self.skill + "weld"]).stdout
        #expect(text.contains("Labels: 2 alternative, 1 hidden") && text.contains("Broader skill group: working with metals"))

        // The welder needs weld (1), drawings (1) and team (0.25): holding weld and team gives 1.25 / 2.25.
        let person = cli.write("p.json", #"{"id": "p", "skills": [{"skill": "\#(Self.skill)weld"}, {"skill": "\#(Self.skill)team"}]}"#)
        let fit = try cli.ok(["fit", "--candidate", person, "--job", Self.occupation + "welder", "--format", "json"]).json() as! [String: Any]
        #expect(fit["score"] as? Double == 0.555556)

        let human = try cli.ok(["import", "esco", Self.fixtures + "/esco-v1.1"]).stdout
        #expect(human.contains("5 skills (3 skill/competence, 1 knowledge, 1 untyped)"))
        #expect(human.contains("2 of 3 occupations as jobs") && human.contains("2 relations to URIs not in the files (2 URIs"))
    }

    @Test("broken input and bad weights: one sentence naming the place, and the catalogue unchanged")
    func broken() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "esco", Self.fixtures + "/esco-v1.1"])
        let before = cli.databaseBytes()

        let folder = cli.folder + "/broken"
        try FileManager.default.copyItem(atPath: Self.fixtures + "/esco-v1.1", toPath: folder)
        let relations = folder + "/occupationSkillRelations.csv"
        let text = try String(contentsOfFile: relations, encoding: .utf8)
        try text.replacingOccurrences(of: "welder,optional,", with: "welder,\"optional\"x,").write(toFile: relations, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "esco", folder])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "skillmatch: error: \(relations), line 4, column 60: "
            + "a quote inside a quoted field must be doubled (\"\"); this one ends the field but text follows it\n")
        #expect(cli.databaseBytes() == before)

        for (weights, message) in [
            (["--essential-weight=-1"], "--essential-weight: the essential weight must be a number from 0 up (got -1.0)"),
            (["--optional-weight", "nan"], "--optional-weight: the optional weight must be a number from 0 up (got nan)"),
            (["--essential-weight", "0", "--optional-weight", "0"], "--essential-weight, --optional-weight: the essential and optional weights cannot both be 0"),
        ] {
            let bad = try cli.run(["import", "esco", Self.fixtures + "/esco-v1.1"] + weights)
            #expect(bad.status != 0 && bad.stderr.contains(message), "\(weights): \(bad.stderr)")
            #expect(cli.databaseBytes() == before)
        }
        let word = try cli.run(["import", "esco", Self.fixtures + "/esco-v1.1", "--optional-weight", "half"])
        #expect(word.status != 0 && word.stderr.contains("--optional-weight"))
        #expect(cli.databaseBytes() == before)
    }
}
