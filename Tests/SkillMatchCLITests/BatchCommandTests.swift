import Foundation
import Testing

/// End-to-end: `skillmatch batch` on random catalogues, against the formula, `match`, shards and bad input.
@Suite("skillmatch batch")
struct BatchCommandTests {
    /// A random catalogue and candidate file with many ties: weights and levels from small sets, repeated profiles.
    struct Workload {
        var catalog: [String: Any]
        var candidates: [[String: Any]]
        /// The candidates file as written: varied key order, unknown keys, escapes, blank and CRLF lines.
        var lines: String

        init(seed: UInt64, candidates count: Int) {
            var random = SeededRandom(seed: seed)
            let skills = (0 ..< 40).map { "sk-\($0)" }
            var jobs: [[String: Any]] = []
            for j in 0 ..< 37 {
                let chosen = skills.filter { _ in random.unit() < 0.3 }
                let requirements = (chosen.isEmpty ? [skills[j]] : chosen).map { skill -> [String: Any] in
                    ["skill": skill, "importance": [1.0, 2.0, 3.0][random.below(3)], "level": [0.25, 0.5, 0.75, 1.0][random.below(4)]]
                }
                jobs.append(["id": String(format: "job-%02d", (j * 17) % 37), "title": "Job \(j)", "requirements": requirements])
            }
            let credentials = (0 ..< 6).map { c -> [String: Any] in
                ["id": "cred-\(c)", "name": "Credential \(c)", "type": "certification",
                 "grants": (0 ..< 3).map { g in ["skill": skills[(c * 5 + g * 3) % 40], "level": [0.5, 1.0][random.below(2)]] }]
            }
            catalog = ["skills": skills.map { ["id": $0, "label": "Skill \($0)"] }, "jobs": jobs, "credentials": credentials]
            var people: [[String: Any]] = []
            var text = ""
            for i in 0 ..< count {
                var person: [String: Any]
                if i % 9 == 4, let previous = people.last {
                    person = previous  // same profile, another id: ties
                } else {
                    let held = skills.filter { _ in random.unit() < 0.25 }.map { skill -> [String: Any] in
                        random.unit() < 0.2 ? ["skill": skill] : ["skill": skill, "level": [0.25, 0.5, 0.75, 1.0, 0.3][random.below(5)]]
                    }
                    person = ["skills": held]
                    if random.unit() < 0.3 { person["credentials"] = ["cred-\(random.below(6))"] }
                }
                person["id"] = String(format: "person-%04d", (i * 7919) % 10007)
                people.append(person)
                switch i % 10 {
                case 1: text += "{\"name\": \"Jos\\u00e9 \(i)\", " + Self.body(person) + "}\n"  // escapes: the reference path
                case 2: text += "  \n{\"extra\": {\"nested\": [1, 2.5e3, null, true]}, " + Self.body(person) + "}\r\n"
                case 3: text += "{\"name\": \"Zoë\", " + Self.body(person) + "}\n"
                default: text += "{" + Self.body(person) + "}\n"
                }
            }
            candidates = people
            lines = text
        }

        /// The record's fields as JSON members, id last.
        static func body(_ person: [String: Any]) -> String {
            var members: [String] = []
            if let skills = person["skills"] { members.append("\"skills\": " + json(skills)) }
            if let credentials = person["credentials"] { members.append("\"credentials\": " + json(credentials)) }
            members.append("\"id\": " + json(person["id"]!))
            return members.joined(separator: ", ")
        }

        static func json(_ value: Any) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]), as: UTF8.self)
        }

        /// The documented formula, written independently of the engine.
        func score(_ person: [String: Any], _ job: [String: Any]) -> Double {
            var held: [String: Double] = [:]
            for skill in person["skills"] as? [[String: Any]] ?? [] { held[skill["skill"] as! String] = skill["level"] as? Double ?? 1 }
            let grants = Dictionary(uniqueKeysWithValues: (catalog["credentials"] as! [[String: Any]]).map { ($0["id"] as! String, $0["grants"] as! [[String: Any]]) })
            for id in person["credentials"] as? [String] ?? [] {
                for grant in grants[id]! { held[grant["skill"] as! String] = max(held[grant["skill"] as! String] ?? 0, grant["level"] as! Double) }
            }
            var (numerator, denominator) = (0.0, 0.0)
            for requirement in job["requirements"] as! [[String: Any]] {
                let (w, r) = (requirement["importance"] as! Double, requirement["level"] as! Double)
                numerator += w * min(held[requirement["skill"] as! String] ?? 0, r) / r
                denominator += w
            }
            return numerator / denominator
        }

        /// SkillMatch's order: score rounded to 6 decimals descending, then id ascending.
        static func ranked(_ items: [(id: String, score: Double)], top: Int, minimum: Double) -> [(id: String, score: Double)] {
            Array(items.filter { $0.score >= minimum }.sorted { a, b in
                let (ka, kb) = ((a.score * 1e6).rounded(.toNearestOrAwayFromZero), (b.score * 1e6).rounded(.toNearestOrAwayFromZero))
                return ka != kb ? ka > kb : a.id < b.id
            }.prefix(top))
        }
    }

    /// A deterministic generator for test data.
    struct SeededRandom {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    func setUp(_ runner: CLIRunner, _ workload: Workload) throws -> String {
        try runner.ok(["import", "catalog", runner.write("catalog.json", Workload.json(workload.catalog))])
        return runner.write("people.jsonl", workload.lines)
    }

    func parseLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("every kernel, thread count and chunk size gives the formula's top k in input order; equals `match`")
    func equalsFormulaAndMatch() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 11, candidates: 230)
        let people = try setUp(runner, workload)
        let jobs = workload.catalog["jobs"] as! [[String: Any]]
        let reference = try runner.ok(["batch", "--candidates", people, "--top", "4", "--min-score", "0.1"]).stdout
        let rows = parseLines(reference)
        #expect(rows.count == workload.candidates.count)
        for (row, person) in zip(rows, workload.candidates) {
            #expect(row["candidate"] as? String == person["id"] as? String)
            let expected = Workload.ranked(jobs.map { (id: $0["id"] as! String, score: workload.score(person, $0)) }, top: 4, minimum: 0.1)
            let matches = row["matches"] as! [[String: Any]]
            #expect(matches.map { $0["job"] as! String } == expected.map(\.id), "candidate \(person["id"]!)")
            for (match, want) in zip(matches, expected) { #expect(abs((match["score"] as! Double) - want.score) < 1e-6) }
        }
        for options in [["--kernel", "table"], ["--kernel", "sparse"], ["--kernel", "gemm"], ["--threads", "1"], ["--chunk-bytes", "333"], ["--chunk-bytes", "1", "--threads", "3"]] {
            let other = try runner.ok(["batch", "--candidates", people, "--top", "4", "--min-score", "0.1"] + options).stdout
            #expect(other == reference, "batch \(options.joined(separator: " ")) differs")
        }
        // The same as `match` (scores rounded to 6 decimals, same order) for a few candidates, ties included.
        for index in [0, 4, 5, 13] {
            let person = workload.candidates[index]
            let file = runner.write("one.json", Workload.json(person))
            let match = try runner.ok(["match", "--candidate", file, "--top", "4", "--min-score", "0.1", "--format", "json"]).json() as! [String: Any]
            let mine = (rows[index]["matches"] as! [[String: Any]])
            let theirs = match["matches"] as! [[String: Any]]
            #expect(mine.map { $0["job"] as! String } == theirs.map { $0["job"] as! String })
            #expect(mine.map { $0["score"] as! Double } == theirs.map { $0["score"] as! Double })
        }
    }

    @Test("--direction candidates equals `match --job` for every job, ties by candidate id")
    func otherDirection() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 5, candidates: 120)
        let people = try setUp(runner, workload)
        let output = try runner.ok(["batch", "--candidates", people, "--direction", "candidates", "--top", "6"]).stdout
        let rows = parseLines(output)
        let jobs = (workload.catalog["jobs"] as! [[String: Any]]).map { $0["id"] as! String }.sorted()
        #expect(rows.map { $0["job"] as! String } == jobs)
        for row in rows.prefix(8) {
            let job = row["job"] as! String
            let match = try runner.ok(["match", "--job", job, "--candidates", people, "--top", "6", "--format", "json"]).json() as! [String: Any]
            let mine = row["matches"] as! [[String: Any]]
            let theirs = match["matches"] as! [[String: Any]]
            #expect(mine.map { $0["candidate"] as! String } == theirs.map { $0["candidate"] as! String }, "job \(job)")
            #expect(mine.map { $0["score"] as! Double } == theirs.map { $0["score"] as! Double })
        }
    }

    @Test("shards concatenate to the whole run, in both directions and in CSV")
    func shards() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 3, candidates: 101)
        let people = try setUp(runner, workload)
        for extra in [[String](), ["--format", "csv"], ["--direction", "candidates"], ["--direction", "candidates", "--format", "csv"]] {
            let whole = try runner.ok(["batch", "--candidates", people, "--top", "3"] + extra).stdout
            for n in [1, 3, 7] {
                var joined = ""
                for i in 1 ... n {
                    joined += try runner.ok(["batch", "--candidates", people, "--top", "3", "--shard", "\(i)/\(n)", "--chunk-bytes", "500"] + extra).stdout
                }
                #expect(joined == whole, "\(n) shards \(extra)")
            }
        }
        let bad = try runner.run(["batch", "--candidates", people, "--shard", "0/3"])
        #expect(bad.status != 0 && bad.stderr.contains("1 ≤ I ≤ N"))
    }

    @Test("a bad line names its file and line, and leaves no output file in place of a good one")
    func badLine() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 9, candidates: 60)
        _ = try setUp(runner, workload)
        var lines = workload.lines.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }  // by byte: "\r\n" is one Character
        let out = runner.folder + "/out.jsonl"
        let good = try runner.ok(["batch", "--candidates", runner.write("good.jsonl", workload.lines), "--out", out])
        #expect(good.stdout.isEmpty)
        let before = FileManager.default.contents(atPath: out)
        #expect(before != nil && !before!.isEmpty)
        let cases: [(String, String)] = [
            ("{\"id\": \"x\", \"skills\": [{\"skill\": \"sk-1\", \"level\": 1.5}]}", "outside (0, 1]"),
            ("{\"id\": \"x\", \"skills\": [{\"skill\": \"nope\"}]}", "unknown skill id \"nope\""),
            ("{\"id\": \"x\", \"skills\": [", "malformed JSON"),
            ("{\"skills\": []}", "id: missing required field"),
            ("{\"id\": \"x\", \"credentials\": [\"cred-1\", \"cred-1\"]}", "listed twice"),
        ]
        for (bad, message) in cases {
            lines[57] = bad
            let file = runner.write("bad.jsonl", lines.joined(separator: "\n"))
            for chunk in ["4194304", "100"] {
                let result = try runner.run(["batch", "--candidates", file, "--out", out, "--chunk-bytes", chunk])
                #expect(result.status == 1)
                #expect(result.stderr.contains("bad.jsonl, line 58"), "\(result.stderr)")
                #expect(result.stderr.contains(message), "\(result.stderr)")
                #expect(FileManager.default.contents(atPath: out) == before, "the good output must stay")
            }
            let fresh = runner.folder + "/fresh.jsonl"
            _ = try runner.run(["batch", "--candidates", file, "--out", fresh])
            #expect(!FileManager.default.fileExists(atPath: fresh))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runner.folder).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test("empty input, folders of files, JSON files, --stats")
    func inputsAndStats() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 2, candidates: 40)
        let people = try setUp(runner, workload)
        #expect(try runner.ok(["batch", "--candidates", runner.write("empty.jsonl", "")]).stdout.isEmpty)
        #expect(try runner.ok(["batch", "--candidates", runner.write("blank.jsonl", "\n  \n"), "--format", "csv"]).stdout
            == "candidate,rank,job,score\r\n")
        let whole = try runner.ok(["batch", "--candidates", people]).stdout
        try FileManager.default.createDirectory(atPath: runner.folder + "/pool", withIntermediateDirectories: true)
        runner.write("pool/b.jsonl", workload.candidates[20...].map { Workload.json($0) }.joined(separator: "\n"))
        runner.write("pool/a.json", "[" + workload.candidates[0 ..< 20].map { Workload.json($0) }.joined(separator: ",\n") + "]")
        runner.write("pool/notes.csv", "not candidates")  // .txt and .md files are resumes now; other files are skipped
        let stats = runner.folder + "/stats.json"
        let folder = try runner.ok(["batch", "--candidates", runner.folder + "/pool", "--stats", stats]).stdout
        #expect(folder == whole)
        let numbers = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: stats)!) as! [String: Any]
        #expect(numbers["candidates"] as? Int == 40)
        let seconds = numbers["seconds"] as! [String: Double]
        #expect(Set(seconds.keys).isSuperset(of: ["read", "score", "write", "total"]))
        #expect(seconds["total"]! >= seconds["score"]!)
        let missing = try runner.run(["batch", "--candidates", runner.folder + "/nothing.jsonl"])
        #expect(missing.status == 1 && missing.stderr.contains("nothing.jsonl: no such file"))
    }

    @Test("--out and --stats never replace the catalogue or an input; devices and links are written through")
    func protectedOutputs() throws {
        let runner = CLIRunner()
        let workload = Workload(seed: 4, candidates: 10)
        let people = try setUp(runner, workload)
        let database = runner.databaseBytes()
        let input = FileManager.default.contents(atPath: people)
        for (option, target, fragment) in [
            ("--out", runner.database, "is the catalogue database"), ("--out", people, "is an input"),
            ("--stats", runner.database, "is the catalogue database"), ("--stats", people, "is an input"),
        ] {
            let result = try runner.run(["batch", "--candidates", people, option, target])
            #expect(result.status == 1 && result.stderr.contains(fragment) && result.stdout.isEmpty, "\(result.stderr)")
        }
        // The same file by another name: a symbolic link to the database.
        try FileManager.default.createSymbolicLink(atPath: runner.folder + "/db-link", withDestinationPath: runner.database)
        #expect(try runner.run(["batch", "--candidates", people, "--out", runner.folder + "/db-link"]).stderr.contains("is the catalogue database"))
        #expect(runner.databaseBytes() == database && FileManager.default.contents(atPath: people) == input)
        #expect(try runner.run(["batch", "--candidates", people, "--out", "o.json", "--stats", "o.json"]).status != 0)

        // /dev/null is written through (a non-root user could not replace it; root must not).
        try runner.ok(["batch", "--candidates", people, "--out", "/dev/null", "--stats", "/dev/null"])
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        // A link to a regular file: the target gets the output, the link stays a link.
        try FileManager.default.createSymbolicLink(atPath: runner.folder + "/out-link", withDestinationPath: "real.jsonl")
        let whole = try runner.ok(["batch", "--candidates", people]).stdout
        try runner.ok(["batch", "--candidates", people, "--out", runner.folder + "/out-link"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: runner.folder + "/out-link") == "real.jsonl")
        #expect(String(decoding: FileManager.default.contents(atPath: runner.folder + "/real.jsonl") ?? Data(), as: UTF8.self) == whole)
    }

    @Test("SIGTERM and SIGINT during `batch --out` leave no temporary file")
    func signalsRemoveTemporaryFiles() throws {
        let runner = CLIRunner()
        _ = try setUp(runner, Workload(seed: 5, candidates: 3))
        for signal in [SIGTERM, SIGINT] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            process.arguments = ["batch", "--candidates", "/dev/stdin", "--out", runner.folder + "/o.jsonl", "--db", runner.database]
            process.currentDirectoryURL = URL(fileURLWithPath: runner.folder)
            let input = Pipe()  // kept open and empty: the run waits for candidates
            process.standardInput = input
            process.standardError = FileHandle.nullDevice
            try process.run()
            var partial: [String] = []
            for _ in 0..<200 {  // until the temporary file exists (at most 10 s)
                partial = try FileManager.default.contentsOfDirectory(atPath: runner.folder).filter { $0.contains(".partial-") }
                if !partial.isEmpty { break }
                usleep(50_000)
            }
            #expect(partial.count == 1)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
            #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder).filter { $0.contains(".partial-") || $0 == "o.jsonl" }.isEmpty)
            try input.fileHandleForWriting.close()
        }
        // SIGKILL leaves no chance to clean up: the next run into the same folder removes what the dead run left.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["batch", "--candidates", "/dev/stdin", "--out", runner.folder + "/o.jsonl", "--db", runner.database]
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 where try FileManager.default.contentsOfDirectory(atPath: runner.folder).allSatisfy({ !$0.contains(".partial-") }) {
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder).contains { $0.contains(".partial-") })
        try runner.ok(["batch", "--candidates", runner.write("none.jsonl", ""), "--out", runner.folder + "/o.jsonl"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder).filter { $0.contains(".partial-") }.isEmpty)
        try input.fileHandleForWriting.close()
    }
}
