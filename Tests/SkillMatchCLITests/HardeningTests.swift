import Foundation
import Testing

/// Inputs that used to crash the process or read without bound: each gets one sentence and a non-zero exit.
@Suite("hardening: no input traps")
struct HardeningTests {
    func demo() throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        return cli
    }

    /// A failing command: exit 1 or 64, no backtrace, one line naming what is wrong.
    func refused(_ result: CLIRunner.Result, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1 || result.status == 64, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
        for crash in ["Backtrac", "Fatal error", "crashed", "Illegal instruction", "internal error"] {
            #expect(!result.stderr.contains(crash), "\(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test("a trap (a defect) shows one sentence and exit status 70, never a backtrace")
    func trapReport() throws {
        let cli = CLIRunner()
        let result = try cli.run(["stats"], database: false, environment: ["SKILLMATCH_SELF_TEST_TRAP": "1"])
        #expect(result.status == 70 && result.stderr.contains("skillmatch: error: internal error; this is a defect"), "\(result.stderr)")
        #expect(!result.stderr.contains("Backtrac") && !result.stderr.contains("Registers") && !result.stderr.contains("Thread 0"))
    }

    @Test("deeply nested JSON is a syntax error with its place, in every JSON reader")
    func deepJSON() throws {
        let cli = try demo()
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        refused(try cli.run(["import", "catalog", cli.write("deep.json", deep)]), "deep.json, line 1, column 257: malformed JSON: arrays and objects are nested more than 256 levels deep")
        refused(try cli.run(["match", "--candidate", cli.write("deep-person.json", "{\"id\": " + deep + "}")]), "nested more than 256 levels")
        refused(try cli.run(["batch", "--candidates", cli.write("deep.jsonl", "{\"id\": " + deep + "}\n")]), "deep.jsonl, line 1")
    }

    @Test("numbers: 20-digit levels read alike by batch and candidate add; subnormal levels and huge importances refused")
    func numbers() throws {
        let cli = try demo()
        // The fast batch parser and the strict reader agree on every one of these (accept or refuse alike).
        for (level, accepted) in [("0.50000000000000000000", true), ("123456789012345678901234e-24", true), ("1e-6", true),
                                  ("9.99e-7", false), ("5e-324", false), ("1.00000000000000000001", true), ("1.0001", false)] {
            let line = #"{"id": "p", "skills": [{"skill": "troubleshooting", "level": "# + level + "}]}"
            let batch = try cli.run(["batch", "--candidates", cli.write("p.jsonl", line + "\n"), "--top", "1"])
            let strict = try cli.run(["match", "--candidate", cli.write("p.json", line), "--top", "1", "--no-infer", "--format", "json"])
            #expect((batch.status == 0) == accepted && (strict.status == 0) == accepted, "level \(level): \(batch.stderr) \(strict.stderr)")
            if accepted {
                let fromBatch = (try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])?["matches"] as? [[String: Any]]
                let fromMatch = (try strict.json() as? [String: Any])?["matches"] as? [[String: Any]]
                #expect(fromBatch?.first?["score"] as? Double == fromMatch?.first?["score"] as? Double, "level \(level)")
            } else {
                #expect(!batch.stderr.contains("Backtrac") && batch.stderr.contains("p.jsonl, line 1"))
            }
        }
        refused(try cli.run(["import", "catalog", cli.write("huge.json", #"{"jobs": [{"id": "big", "title": "Big", "requirements": [{"skill": "troubleshooting", "importance": 1e308}]}]}"#)]),
                "importance 1e+308 is larger than 1,000,000")
        refused(try cli.run(["import", "onet", cli.folder, "--technology-level", "5e-324"]), "--technology-level")
    }

    @Test("numeric options out of range are refused with the option's name; negative numbers are read as numbers")
    func options() throws {
        let cli = try demo()
        let gap = ["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00"]
        refused(try cli.run(gap + ["--max-hours", "1e20"]), "--max-hours must be a number of hours from 0 to 1,000,000,000")
        for cost in ["1e308", "inf", "nan", "-5"] { refused(try cli.run(gap + ["--max-cost", cost]), "--max-cost must be") }
        refused(try cli.run(gap + ["--time-limit", "1e308"]), "--time-limit must be")
        refused(try cli.run(["similar", "--job", "15-1232.00", "--top", "9223372036854775807"]), "--top must be a whole number from 1 to 1000000")
        refused(try cli.run(["match", "--candidate", "dana-it-legacy", "--top", "-1"]), "--top must be a whole number from 1 to 1000000, not -1")
        refused(try cli.run(["train", "--out", "/"]), "--out must end in a file name")
    }

    @Test("one-character paths, FIFOs, symbolic link loops")
    func paths() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", "demo", "--db", "x"], database: false).status == 0)  // relative to the test folder
        #expect(try cli.run(["stats", "--db", "x"], database: false).status == 0)
        #expect(try cli.run(["stats"], database: false, environment: ["SKILLMATCH_DB": "y"]).stderr.contains("y: no such catalogue"))
        // A FIFO is read once: `candidate add` and `match` accept one.
        let fifo = cli.folder + "/person.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(#"{"id": "via-fifo", "skills": [{"skill": "troubleshooting"}]}"#.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let added = try cli.run(["candidate", "add", fifo, "--db", "x"], database: false)
        #expect(added.status == 0 && added.stdout.contains("1 new"), "\(added.stderr)")
        try FileManager.default.createSymbolicLink(atPath: cli.folder + "/loop-a", withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: cli.folder + "/loop-b", withDestinationPath: "loop-a")
        refused(try cli.run(["import", "catalog", "loop-a", "--db", "x"], database: false), "loop-a: is a symbolic link that loops back on itself")
    }

    @Test("messages name the place and say what is allowed")
    func messages() throws {
        let cli = try demo()
        for (json, fragment) in [
            (#"{"skills": [{"id": "w", "label": "W", "type": "wizardry"}]}"#, #"skill "w", type: "wizardry" is not a skill type; use one of: skill, knowledge, ability, technology"#),
            (#"{"jobs": [{"id": "z", "title": "Z", "jobZone": 2.5, "requirements": [{"skill": "troubleshooting", "importance": 1}]}]}"#, #"job "z", jobZone: job zone 2.5 is not a whole number from 1 to 5"#),
            (#"{"jobs": [{"id": "z", "title": "Z", "requirements": [{"skill": "troubleshooting", "importance": 1e400}]}]}"#, "malformed JSON: the number 1e400 is out of range"),
            (#"{"jobs": [{"id": "z", "title": "Z", "requirements": [{"skill": "troubleshooting", "importance": 1e-400}]}]}"#, "the number 1e-400 is out of range"),
            (#"{"skills": [{"id": "s", "label": "bad \ud800 half"}]}"#, #"malformed JSON: \uD800 is half of a UTF-16 surrogate pair"#),
            (#"{"jobs": [{"id": "p", "title": "P", "preparation": [1], "requirements": [{"skill": "troubleshooting", "importance": 1}]}]}"#, #"job "p", preparation: expected an object"#),
        ] {
            refused(try cli.run(["import", "catalog", cli.write("m.json", json)]), fragment)
        }
        try cli.ok(["import", "catalog", cli.write("pair.json", #"{"skills": [{"id": "e", "label": "emoji \ud83d\ude00 ok"}]}"#)])
        refused(try cli.run(["candidate", "add", cli.write("list.jsonl", "[1, 2]\n")]), "list.jsonl, line 1: expected an object")
        // A UTF-8 byte order mark is not part of the text (JSON Lines, JSON).
        let bom = "\u{FEFF}"
        try cli.ok(["batch", "--candidates", cli.write("bom.jsonl", bom + #"{"id": "b", "skills": [{"skill": "troubleshooting"}]}"# + "\n")])
        try cli.ok(["candidate", "add", cli.write("bom.json", bom + #"{"id": "b", "skills": [{"skill": "troubleshooting"}]}"#)])
        // A catalogue with a table dropped outside SkillMatch is named damaged and left alone.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE \"grant\"'); c.commit()", cli.database]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = cli.databaseBytes()
        refused(try cli.run(["match", "--candidate", "dana-it-legacy"]), #"is a damaged SkillMatch catalogue (its table "grant" is missing)"#)
        #expect(cli.databaseBytes() == before)
        // A catalogue stamped by a newer SkillMatch is refused by reading and writing commands alike.
        let future = CLIRunner()
        try future.ok(["import", "demo"])
        let stamp = Process()
        stamp.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        stamp.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.commit()", future.database]
        try stamp.run()
        stamp.waitUntilExit()
        refused(try future.run(["stats"]), "was written by a newer SkillMatch")
        refused(try future.run(["import", "demo"]), "was written by a newer SkillMatch")
        // Skill relations are ESCO's two.
        let fresh = try demo()
        refused(try fresh.run(["import", "catalog", fresh.write("rel.json", #"{"skills": [{"id": "r", "label": "R", "related": [{"skill": "troubleshooting", "relation": "enemy"}]}]}"#)]),
                #"related[0].relation: "enemy" is not a relation; use one of: essential, optional"#)
        // Numbers in CSV are decimal; a column named twice is refused.
        refused(try fresh.run(["import", "credentials", fresh.write("hex.csv", "id,name,cost\nz,Zed,0x10\n")]), #"column "cost": "0x10" is not a number from 0 up"#)
        refused(try fresh.run(["import", "credentials", fresh.write("dup.csv", "id,name,cost,Cost\nz,Zed,1,2\n")]), #"the column "Cost" appears twice in the header"#)
        // A repeated key would lose a value silently.
        refused(try fresh.run(["import", "catalog", fresh.write("twice.json", #"{"skills": [], "skills": [{"id": "t", "label": "T"}]}"#)]),
                #"line 1, column 16: malformed JSON: the key "skills" appears twice in the same object"#)
    }
}
