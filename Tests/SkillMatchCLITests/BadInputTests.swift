import Foundation
import Testing

/// End-to-end: every kind of bad input gets one clear sentence, a non-zero exit, and an unchanged catalogue.
@Suite("skillmatch on bad input")
struct BadInputTests {
    /// A small valid catalogue to import first.
    static let base = """
        {"skills": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
         "jobs": [{"id": "j1", "title": "One", "requirements": [{"skill": "a", "importance": 2}]}],
         "credentials": [{"id": "c1", "name": "C1", "grants": [{"skill": "b"}]}]}
        """

    /// Runs a failing command and checks the message and that the database did not change.
    func expectFailure(
        _ cli: CLIRunner, _ arguments: [String], mentions fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = cli.databaseBytes()
        let result = try cli.run(arguments)
        #expect(result.status != 0, "expected failure: \(arguments)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one sentence expected, got: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("skillmatch: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "\(result.stderr) should mention \(fragment)", sourceLocation: sourceLocation)
        }
        for leak in ["SELECT", "INSERT", "sqlite3_", "Fatal error", "DatabaseError"] {
            #expect(!result.stderr.contains(leak), "\(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(cli.databaseBytes() == before, "the database changed", sourceLocation: sourceLocation)
    }

    func prepared() throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("base.json", Self.base)])
        return cli
    }

    @Test("catalogue files that break a rule", arguments: [
        (#"{"jobs": [{"id": "j2", "title": "T", "requirements": [{"skill": "zz", "importance": 1}]}]}"#,
         [#"job "j2""#, "requirements[0].skill", #"unknown skill id "zz""#]),
        (#"{"jobs": [{"id": "j2", "title": "T", "requirements": [{"skill": "a", "importance": 0}]}]}"#,
         [#"job "j2""#, "importance 0 must be a number greater than 0"]),
        (#"{"jobs": [{"id": "j2", "title": "T", "requirements": [{"skill": "a", "importance": 1, "level": 1.2}]}]}"#,
         [#"job "j2""#, "level 1.2 is outside (0, 1]"]),
        (#"{"skills": [{"id": "n", "label": "N"}, {"id": "n", "label": "N2"}]}"#, [#"skill "n""#, "duplicate skill id"]),
        (#"{"credentials": [{"id": "c2", "name": "C2", "grants": [], "prerequisites": ["nope"]}]}"#,
         [#"credential "c2""#, #"unknown credential id "nope""#]),
        ("{\"skills\": [\n  {\"id\": \"n\", \"label\": \"N\"\n]}", ["line 3, column 1", "malformed JSON"]),
    ])
    func badCatalogue(text: String, fragments: [String]) throws {
        let cli = try prepared()
        let file = cli.write("bad.json", text)
        try expectFailure(cli, ["import", "catalog", file], mentions: ["bad.json"] + fragments)
        // The good records before the bad one did not land either.
        let stats = try cli.ok(["stats", "--format", "json"]).json() as! [String: Any]
        #expect(stats["skills"] as? Int == 2 && stats["jobs"] as? Int == 1 && stats["credentials"] as? Int == 1)
    }

    @Test("a missing file, an unknown job, an unknown candidate, an unknown record to show")
    func missingThings() throws {
        let cli = try prepared()
        try expectFailure(cli, ["import", "catalog", cli.folder + "/missing.json"], mentions: ["missing.json", "no such file"])
        let person = cli.write("p.json", #"{"id": "p", "skills": [{"skill": "a"}]}"#)
        try expectFailure(cli, ["fit", "--candidate", person, "--job", "nope"], mentions: [#"no job with id "nope""#])
        try expectFailure(cli, ["match", "--candidate", "nobody"], mentions: [#"no stored candidate with id "nobody""#])
        try expectFailure(cli, ["match", "--candidate", "./nowhere.json"], mentions: ["nowhere.json", "no such file"])
        try expectFailure(cli, ["show", "credential", "nope"], mentions: [#"no credential with id "nope""#])
        let unknownSkill = cli.write("q.json", #"{"id": "q", "skills": [{"skill": "zz"}]}"#)
        try expectFailure(cli, ["fit", "--candidate", unknownSkill, "--job", "j1"], mentions: ["q.json", #"candidate "q""#, #"unknown skill id "zz""#])
    }

    @Test("a bad line in a candidates file is named and nothing is stored")
    func badCandidates() throws {
        let cli = try prepared()
        let file = cli.write("people.jsonl", """
            {"id": "p1", "skills": [{"skill": "a"}]}
            {"id": "p2", "skills": [{"skill": "a", "level": 2}]}
            """)
        try expectFailure(cli, ["candidate", "add", file], mentions: ["people.jsonl, line 2", #"candidate "p2""#, "outside (0, 1]"])
        #expect((try cli.ok(["stats", "--format", "json"]).json() as! [String: Any])["candidates"] as? Int == 0)
    }

    @Test("control characters in ids and text are refused, never cut: no record replaces another")
    func controlCharacters() throws {
        let cli = try prepared()
        // "a\u0000x" would be stored as "a" (SQLite cuts at NUL) and silently update skill "a".
        try expectFailure(cli, ["import", "catalog", cli.write("nul.json", #"{"skills": [{"id": "a\u0000x", "label": "Other"}]}"#)],
                          mentions: ["nul.json", #"skill "a\u0000x""#, "id: the id contains the control character U+0000 (NUL)"])
        try expectFailure(cli, ["import", "catalog", cli.write("esc.json", #"{"skills": [{"id": "e", "label": "E", "altLabels": ["ok", "bad\u001b[31m"]}]}"#)],
                          mentions: [#"skill "e""#, "altLabels[1]: the text contains the control character U+001B (ESC)"])
        try expectFailure(cli, ["candidate", "add", cli.write("p.json", #"{"id": "p\u0000evil", "skills": [{"skill": "a"}]}"#)],
                          mentions: ["p.json, line 1", #"candidate "p\u0000evil""#, "U+0000 (NUL)"])
        // A raw NUL byte in a credential CSV field.
        try expectFailure(cli, ["import", "credentials", cli.write("nul.csv", "id,name\nz,Zed\u{0}Cert\n")],
                          mentions: ["nul.csv", #"credential "z""#, "name: the text contains the control character U+0000 (NUL)"])
        // Tabs and line breaks stay allowed in text.
        try cli.ok(["import", "catalog", cli.write("tab.json", #"{"skills": [{"id": "t", "label": "T", "description": "one\ttwo\nthree"}]}"#)])
    }

    @Test("commands that only read never create or change a file: missing, empty, foreign or unversioned catalogues")
    func readOnlyCommands() throws {
        let cli = CLIRunner()
        for command in [["stats"], ["match", "--candidate", "x"], ["similar", "--job", "j"], ["jobs", "search", "x"]] {
            let result = try cli.run(command)
            #expect(result.status == 1 && result.stderr.contains("no such catalogue"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.database))
        }
        _ = FileManager.default.createFile(atPath: cli.database, contents: Data())
        try expectFailure(cli, ["stats"], mentions: ["is an empty file"])
        #expect(cli.databaseBytes() == Data())
        let empty = try cli.run(["stats"], database: false, environment: ["SKILLMATCH_DB": ""])
        #expect(empty.status == 0)  // an empty $SKILLMATCH_DB means unset: the per-user catalogue
        let option = try cli.run(["stats", "--db", ""], database: false)
        #expect(option.status != 0 && option.stderr.contains("--db needs a path"))
        // A SkillMatch catalogue whose schema history is gone is damaged: refused, left as it is.
        #expect(try cli.run(["import", "catalog", cli.write("base.json", Self.base), "--db", cli.folder + "/c2.sqlite"], database: false).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE grdb_migrations'); c.commit()", cli.folder + "/c2.sqlite"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = FileManager.default.contents(atPath: cli.folder + "/c2.sqlite")
        let damaged = try cli.run(["stats", "--db", cli.folder + "/c2.sqlite"], database: false)
        #expect(damaged.status == 1 && damaged.stderr.contains("damaged"), "\(damaged.stderr)")
        #expect(FileManager.default.contents(atPath: cli.folder + "/c2.sqlite") == before)
    }

    @Test("a file that is not a SkillMatch database is refused and left as it was")
    func notADatabase() throws {
        let cli = CLIRunner()
        let notes = cli.write("catalog.sqlite", "my notes, not a database\n")
        _ = notes
        try expectFailure(cli, ["stats"], mentions: ["catalog.sqlite", "not a SkillMatch database"])
        try expectFailure(cli, ["import", "catalog", cli.write("base.json", Self.base)], mentions: ["not a SkillMatch database"])
        #expect(String(decoding: cli.databaseBytes() ?? Data(), as: UTF8.self) == "my notes, not a database\n")
    }

    @Test("usage errors exit non-zero with the argument parser's message")
    func usage() throws {
        let cli = try prepared()
        let result = try cli.run(["match", "--candidate", "x", "--top", "0"])
        #expect(result.status != 0 && result.stderr.contains("--top must be a whole number from 1 to 1000000, not 0"))
        for arguments in [["--help"], [], ["gap", "--help"]] {
            let help = try cli.run(arguments, database: false)
            #expect(help.status == 0 && help.stdout.contains("USAGE: skillmatch"), "\(arguments): \(help.stderr)")
        }
    }
}

/// End-to-end: `import onet` on a small synthetic O*NET folder, and on a broken one.
@Suite("skillmatch import onet")
struct ImportOnetTests {
    func folder(_ cli: CLIRunner, _ name: String, skills: String) -> String {
        let path = cli.folder + "/" + name
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let files = [
            "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n99-0001.00\tTest Analysts\tAnalyse tests.\n",
            "Skills.txt": skills,
            "Knowledge.txt": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tRecommend Suppress\tNot Relevant\n",
        ]
        for (file, text) in files { _ = FileManager.default.createFile(atPath: path + "/" + file, contents: Data(text.utf8)) }
        return path
    }

    static let skills = """
        O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tRecommend Suppress\tNot Relevant
        99-0001.00\t2.A.1.a\tReading Comprehension\tIM\t4\tN\tn/a
        99-0001.00\t2.A.1.a\tReading Comprehension\tLV\t3.5\tN\tN

        """

    @Test("imports, reports, and refuses a broken folder without changing the catalogue")
    func importOnet() throws {
        let cli = CLIRunner()
        let good = folder(cli, "onet", skills: Self.skills)
        let report = try cli.ok(["import", "onet", good, "--format", "json"]).json() as! [String: Any]
        #expect((report["report"] as! [String: Any])["jobs"] as? Int == 1)
        let fit = try cli.ok(["fit", "--candidate", cli.write("p.json", #"{"id": "p", "skills": [{"skill": "2.A.1.a", "level": 0.25}]}"#),
                              "--job", "99-0001.00", "--format", "json"]).json() as! [String: Any]
        #expect(fit["score"] as? Double == 0.5)
        let before = cli.databaseBytes()
        let broken = folder(cli, "broken", skills: Self.skills.replacingOccurrences(of: "\t3.5\t", with: "\t3,5\t"))
        let result = try cli.run(["import", "onet", broken])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Skills.txt, line 3: column \"Data Value\": \"3,5\" is not a number"))
        #expect(cli.databaseBytes() == before)
    }
}
