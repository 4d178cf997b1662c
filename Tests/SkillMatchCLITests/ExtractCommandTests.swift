import Foundation
import Testing

/// End-to-end: `skillmatch extract` (table, JSON, JSON Lines per line, standard input, bad input) and text
/// resumes wherever candidates are read (`candidate add`, `match --job --candidates`, `batch`).
@Suite("skillmatch extract and text resumes")
struct ExtractCommandTests {
    static let catalog = """
        {"skills": [
          {"id": "python", "label": "Python (computer programming)", "altLabels": ["Python"]},
          {"id": "r", "label": "R"},
          {"id": "sql", "label": "SQL"},
          {"id": "manage-staff", "label": "manage staff"},
          {"id": "communication", "label": "communication"},
          {"id": "cafe", "label": "café management"},
          {"id": "welding", "label": "weld metal"}
        ],
         "jobs": [
          {"id": "analyst", "title": "Analyst", "requirements": [{"skill": "python", "importance": 2}, {"skill": "sql", "importance": 1}, {"skill": "r", "importance": 1}]},
          {"id": "lead", "title": "Team lead", "requirements": [{"skill": "manage-staff", "importance": 2}, {"skill": "communication", "importance": 1}]},
          {"id": "welder", "title": "Welder", "requirements": [{"skill": "welding", "importance": 1}]}
         ],
         "credentials": []}
        """

    static let text = "Python, R and SQL.\n\nManaging staff in a café (café management) with strong communication skills.\nGo home."

    func runner() throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("catalog.json", Self.catalog)])
        return cli
    }

    /// The text between two Unicode scalar offsets (Python's text[start:end]).
    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start ..< end])
        return String(view)
    }

    @Test("table by default, JSON with sorted keys and exact spans")
    func tableAndJSON() throws {
        let cli = try runner()
        let file = cli.write("ad.txt", Self.text)
        let table = try cli.ok(["extract", file]).stdout
        let lines = table.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Skill") == true && lines.first?.contains("Label") == true && lines.first?.contains("Span") == true)
        #expect(lines.count == 2 + 6)
        #expect(table.contains("python") && table.contains("0-6") && table.contains("café management"))

        let result = try cli.ok(["extract", file, "--format", "json"])
        let json = try result.json() as! [String: Any]
        let skills = json["skills"] as! [[String: Any]]
        #expect(skills.map { $0["skill"] as! String } == ["python", "r", "sql", "manage-staff", "cafe", "communication"])
        for skill in skills {
            #expect(slice(Self.text, skill["start"] as! Int, skill["end"] as! Int) == skill["text"] as! String)
        }
        #expect(skills[0]["label"] as? String == "Python" && skills[0]["preferredLabel"] as? String == "Python (computer programming)")
        #expect(skills[1]["support"] as? String == "list")
        #expect(result.stdout.contains("\"end\" : 6,\n") || result.stdout.contains("\"end\" : 6\n"))
        // Sorted keys: "alternatives" comes first in every object.
        #expect(result.stdout.components(separatedBy: "{\n      \"alternatives\"").count == skills.count + 1)
    }

    @Test("--lines --format jsonl: one line per input line, offsets relative to the line")
    func lines() throws {
        let cli = try runner()
        let file = cli.write("ad.txt", Self.text + "\n")
        let output = try cli.ok(["extract", "--lines", file, "--format", "jsonl"]).stdout
        let records = output.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let inputLines = Self.text.components(separatedBy: "\n")
        #expect(records.count == inputLines.count)
        #expect(records.map { $0["line"] as! Int } == Array(1 ... inputLines.count))
        #expect((records[1]["skills"] as! [Any]).isEmpty)
        #expect((records[3]["skills"] as! [Any]).isEmpty)
        let second = records[2]["skills"] as! [[String: Any]]
        #expect(second.map { $0["skill"] as! String } == ["manage-staff", "cafe", "communication"])
        #expect(second[0]["start"] as? Int == 0)
        for skill in second {
            #expect(slice(inputLines[2], skill["start"] as! Int, skill["end"] as! Int) == skill["text"] as! String)
            #expect(Set(skill.keys).isSuperset(of: ["skill", "label", "start", "end"]))
        }
        #expect(output.hasPrefix("{\"line\":1,\"skills\":[{\"alternatives\":[]"))
    }

    @Test("--lines gives the same output with any number of threads")
    func threads() throws {
        let cli = try runner()
        let lines = (0 ..< 2_600).map { i in ["Python, R and SQL.", "", "Go home, R.", "Managing staff; café management \(i)", "Benefits: SQL"][i % 5] }
        let file = cli.write("many.txt", lines.joined(separator: "\r\n"))
        let one = try cli.ok(["extract", "--lines", file, "--format", "jsonl", "--threads", "1"]).stdout
        #expect(one.split(separator: "\n").count == 2_600)
        for threads in ["2", "3"] {
            #expect(try cli.ok(["extract", "--lines", file, "--format", "jsonl", "--threads", threads]).stdout == one)
        }
        let table = try cli.ok(["extract", "--lines", file, "--threads", "3"]).stdout
        // "Benefits: SQL" is a boilerplate header with its content; "Go home, R." has no support for R.
        #expect(table.split(separator: "\n").count == 2 + 520 * 3 + 520 * 2)
    }

    @Test("standard input with -")
    func standardInput() throws {
        let cli = try runner()
        let result = try cli.run(["extract", "-", "--format", "json"], input: "We need SQL and R.")
        #expect(result.status == 0, "\(result.stderr)")
        let skills = (try result.json() as! [String: Any])["skills"] as! [[String: Any]]
        #expect(skills.map { $0["skill"] as! String } == ["sql", "r"])
        let lines = try cli.run(["extract", "--lines", "-", "--format", "jsonl"], input: "SQL\nR alone\n")
        #expect(lines.stdout == "{\"line\":1,\"skills\":[{\"alternatives\":[],\"end\":3,\"label\":\"SQL\",\"labelKind\":\"preferred\",\"method\":\"lexical\",\"preferredLabel\":\"SQL\",\"skill\":\"sql\",\"start\":0,\"support\":\"distinctive\",\"text\":\"SQL\"}]}\n{\"line\":2,\"skills\":[]}\n")
    }

    @Test("bad input: a missing file, a folder, invalid UTF-8 named with its line and column")
    func badInput() throws {
        let cli = try runner()
        let missing = try cli.run(["extract", "nope.txt"])
        #expect(missing.status == 1 && missing.stderr == "skillmatch: error: nope.txt: no such file\n")
        let folder = try cli.run(["extract", cli.folder])
        #expect(folder.status == 1 && folder.stderr.contains("is a directory"))
        let bad = cli.folder + "/bad.txt"
        _ = FileManager.default.createFile(atPath: bad, contents: Data([0x50, 0x79, 0x0A, 0x53, 0x51, 0xFF, 0x4C]))
        let invalid = try cli.run(["extract", bad])
        #expect(invalid.status == 1)
        #expect(invalid.stderr == "skillmatch: error: \(bad), line 2, column 3: is not valid UTF-8 text\n")
        let resume = cli.folder + "/bad.md"
        _ = FileManager.default.createFile(atPath: resume, contents: Data([0xC3, 0x28]))
        let before = cli.databaseBytes()
        let add = try cli.run(["candidate", "add", resume])
        #expect(add.status == 1 && add.stderr.contains("bad.md, line 1, column 1: is not valid UTF-8 text"))
        #expect(cli.databaseBytes() == before)
        let level = try cli.run(["candidate", "add", resume, "--text-level", "1.5"])
        #expect(level.status != 0 && level.stderr.contains("--text-level"))
    }

    @Test("text resumes: candidate add, the level of extracted skills, explicit skills winning, match --job")
    func resumes() throws {
        let cli = try runner()
        let resume = cli.write("dana-lee.md", "# Dana Lee\n\nI have managed staff and built reports in Python and SQL.\n")
        try cli.ok(["candidate", "add", resume])
        let records = cli.write("people.jsonl", """
            {"id": "p1", "skills": [{"skill": "python", "level": 0.3}], "text": "Python, R and SQL"}
            {"id": "p2", "text": "Welding: I weld metal."}
            """)
        try cli.ok(["candidate", "add", records, "--text-level", "0.8"])
        let list = try cli.ok(["candidate", "list", "--format", "json"]).json() as! [[String: Any]]
        func skills(_ id: String) -> [String: Double] {
            let record = list.first { $0["id"] as? String == id }!
            return Dictionary(uniqueKeysWithValues: (record["skills"] as! [[String: Any]]).map { ($0["skill"] as! String, $0["level"] as! Double) })
        }
        #expect(list.first { $0["id"] as? String == "dana-lee" }?["name"] as? String == "Dana Lee")
        #expect(skills("dana-lee") == ["manage-staff": 0.5, "python": 0.5, "sql": 0.5])
        #expect(skills("p1") == ["python": 0.3, "r": 0.8, "sql": 0.8])
        #expect(skills("p2") == ["welding": 0.8])

        let match = try cli.ok(["match", "--job", "analyst", "--candidates", resume, "--format", "json"]).json() as! [String: Any]
        let matches = match["matches"] as! [[String: Any]]
        #expect(matches.map { $0["candidate"] as! String } == ["dana-lee"])
        #expect(abs((matches[0]["score"] as! Double) - 0.375) < 1e-9)  // (2·0.5 + 1·0.5 + 0) / 4
        let fit = try cli.ok(["fit", "--candidate", resume, "--job", "lead", "--format", "json"]).json() as! [String: Any]
        #expect(abs((fit["score"] as! Double) - 1.0 / 3) < 1e-6)  // manage staff at 0.5 of weight 2; no communication
    }

    @Test("batch reads text records and text resumes, identically with any kernel, thread count and chunk size")
    func batch() throws {
        let cli = try runner()
        let people = cli.write("people.jsonl", """
            {"id": "a", "skills": [{"skill": "python", "level": 0.3}], "text": "Python, R and SQL"}
            {"id": "b", "skills": [{"skill": "welding"}]}
            {"id": "c", "text": "Managing staff with strong communication skills. Python."}
            {"id": "d", "name": "Zoë", "text": "No skills here."}
            """)
        let reference = try cli.ok(["batch", "--candidates", people, "--top", "3"]).stdout
        for options in [["--threads", "1"], ["--threads", "2", "--chunk-bytes", "40"], ["--kernel", "sparse"], ["--kernel", "gemm"],
                        ["--kernel", "table", "--chunk-bytes", "7"]] {
            #expect(try cli.ok(["batch", "--candidates", people, "--top", "3"] + options).stdout == reference, "\(options)")
        }
        let lines = reference.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["candidate"] as! String } == ["a", "b", "c", "d"])
        // a: python 0.3 (explicit), r and sql 0.5 (text): analyst = (2·0.3 + 0.5 + 0.5) / 4 = 0.4.
        let a = lines[0]["matches"] as! [[String: Any]]
        #expect(a.first?["job"] as? String == "analyst" && abs((a.first?["score"] as! Double) - 0.4) < 1e-9)
        // Same scores as `match` on the same records.
        let match = try cli.ok(["match", "--job", "lead", "--candidates", people, "--format", "json"]).json() as! [String: Any]
        let c = (lines[2]["matches"] as! [[String: Any]]).first { $0["job"] as? String == "lead" }
        let matchC = (match["matches"] as! [[String: Any]]).first { $0["candidate"] as? String == "c" }
        #expect(c?["score"] as? Double == matchC?["score"] as? Double)
        #expect(abs((c?["score"] as! Double) - 0.5) < 1e-9)

        // A folder with a markdown resume and a JSON Lines file, in name order.
        let folder = cli.folder + "/in"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/a-resume.md", contents: Data("I weld metal.".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/b.jsonl", contents: Data("{\"id\": \"x\", \"text\": \"SQL\"}\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/notes.csv", contents: Data("ignored".utf8))
        let out = try cli.ok(["batch", "--candidates", folder, "--top", "1"]).stdout
        // Both are read from documents: ranked by the rank score, with rank and relevance beside the fit (score).
        #expect(out == "{\"candidate\":\"a-resume\",\"matches\":[{\"job\":\"welder\",\"rank\":0.7,\"relevance\":1,\"score\":0.5}]}\n"
            + "{\"candidate\":\"x\",\"matches\":[{\"job\":\"analyst\",\"rank\":0.625,\"relevance\":1,\"score\":0.125}]}\n")
    }
}
