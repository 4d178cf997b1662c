import Foundation
import Testing

/// End-to-end: gap, next and gaps on the demo catalogue and on bad input.
@Suite("skillmatch gap, next and gaps")
struct GapCommandsTests {
    @Test("gap: the JSON contract, an earnable order, and a plan that closes the coverable gap")
    func gap() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let plan = try cli.ok(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"]).json() as! [String: Any]
        #expect(Set(plan.keys).isSuperset(of: ["candidate", "job", "scoreBefore", "scoreAfter", "optimal", "lowerBound",
                                              "credentials", "uncoverable", "totalCost", "totalHours"]))
        #expect(plan["optimal"] as? Bool == true)
        let steps = plan["credentials"] as! [[String: Any]]
        #expect(!steps.isEmpty && plan["lowerBound"] as? Int == steps.count)
        for step in steps { #expect(Set(step.keys).isSuperset(of: ["id", "name", "covers", "cost", "hours"])) }
        #expect((plan["scoreAfter"] as! Double) > (plan["scoreBefore"] as! Double))
        #expect(abs(steps.reduce(0) { $0 + ($1["cost"] as? Double ?? 0) } - (plan["totalCost"] as! Double)) < 0.01)
        // With the plan's credentials held, every coverable gap skill is met.
        let ids = steps.map { $0["id"] as! String }
        let file = cli.write("dana-after.json", try Self.candidate("dana-it-legacy", adding: ids))
        let after = try cli.ok(["fit", "--candidate", file, "--job", "15-1232.00", "--format", "json"]).json() as! [String: Any]
        let unmet = (after["skills"] as! [[String: Any]]).filter { ($0["credit"] as! Double) < 1 }.map { $0["skill"] as! String }
        #expect(Set(unmet) == Set(plan["uncoverable"] as! [String]))
        #expect(abs((after["score"] as! Double) - (plan["scoreAfter"] as! Double)) < 1e-6)

        let target = try cli.ok(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--target", "0.85", "--format", "json"]).json() as! [String: Any]
        #expect((target["scoreAfter"] as! Double) >= 0.85)
        #expect((target["credentials"] as! [Any]).count <= steps.count)
        let table = try cli.ok(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00"]).stdout
        #expect(table.contains("proven smallest"))
        // The same plan on one thread.
        let single = try cli.ok(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--threads", "1", "--format", "json"])
        #expect(single.stdout == (try cli.ok(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"])).stdout)
    }

    /// A demo candidate's record with more credentials held, as JSON.
    static func candidate(_ id: String, adding credentials: [String]) throws -> String {
        let text = String(decoding: FileManager.default.contents(atPath: CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl")!, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.contains("\"\(id)\"") }!
        var record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        record["credentials"] = (record["credentials"] as? [String] ?? []) + credentials
        return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    }

    @Test("gap: impossible budgets, unreachable targets and unknown ids get one clear sentence")
    func gapErrors() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let budget = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--max-cost", "50"])
        #expect(budget.status == 1)
        #expect(budget.stderr.contains("within $50") && budget.stderr.contains("the cheapest that does costs $"))
        let target = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--target", "1", "--type", "badge"])
        #expect(target.status == 1 && target.stderr.contains("cannot be reached") && target.stderr.contains("the most any set reaches is"))
        let excluded = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--exclude", "nope"])
        #expect(excluded.status == 1 && excluded.stderr.contains(#"no credential with id "nope""#))
        let job = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "nope"])
        #expect(job.status == 1 && job.stderr.contains(#"no job with id "nope""#))
        let range = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--target", "1.5"])
        #expect(range.status != 0 && range.stderr.contains("--target must be between 0 and 1"))
        let threads = try cli.run(["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--threads", "0"])
        #expect(threads.status != 0 && threads.stderr.contains("--threads must be at least 1"))
        for result in [budget, target, excluded, job] { #expect(result.stderr.split(separator: "\n").count == 1) }
    }

    @Test("next ranks credentials and names the jobs they unlock")
    func next() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let advice = try cli.ok(["next", "--candidate", "dana-it-legacy", "--top", "5", "--format", "json"]).json() as! [String: Any]
        let credentials = advice["credentials"] as! [[String: Any]]
        #expect(!credentials.isEmpty && credentials.count <= 5)
        let unlocks = credentials.map { ($0["unlocks"] as! [Any]).count }
        #expect(unlocks == unlocks.sorted(by: >))
        for credential in credentials {
            for job in credential["unlocks"] as! [[String: Any]] { #expect((job["score"] as! Double) >= 0.8) }
        }
        #expect(try cli.ok(["next", "--candidate", "dana-it-legacy"]).stdout.contains("Which credential next"))
    }

    @Test("gaps counts a pool, from a file or the stored candidates")
    func gaps() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let stored = try cli.ok(["gaps", "--job", "15-1232.00", "--jobs", "53-7051.00", "--format", "json"]).json() as! [String: Any]
        #expect(stored["people"] as? Int == DemoCommandsTests.candidates.count)
        #expect(Set(stored["jobs"] as! [String]) == ["15-1232.00", "53-7051.00"])
        let file = try cli.ok(["gaps", "--candidates", CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl", "--job", "15-1232.00",
                               "--jobs", "53-7051.00", "--format", "json"]).json() as! [String: Any]
        #expect(NSDictionary(dictionary: file) == NSDictionary(dictionary: stored))
        let missing = try cli.run(["gaps"])
        #expect(missing.status != 0 && missing.stderr.contains("name at least one job"))
        let single = try cli.ok(["gaps", "--job", "15-1232.00", "--jobs", "53-7051.00", "--threads", "1", "--format", "json"])
        #expect(NSDictionary(dictionary: try single.json() as! [String: Any]) == NSDictionary(dictionary: stored))
        let threads = try cli.run(["gaps", "--job", "15-1232.00", "--threads", "0"])
        #expect(threads.status != 0 && threads.stderr.contains("--threads must be at least 1"))
    }

    @Test("gaps reads a JSON Lines pool a chunk at a time: the same report, errors on their lines")
    func gapsChunks() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let pool = CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl"
        let jobs = ["--job", "15-1232.00", "--jobs", "53-7051.00,15-1212.00", "--format", "json"]
        let whole = try cli.ok(["gaps", "--candidates", pool] + jobs).json() as! [String: Any]
        for chunk in ["1", "333", "2000"] {
            let parts = try cli.ok(["gaps", "--candidates", pool, "--chunk-bytes", chunk] + jobs).json() as! [String: Any]
            #expect(NSDictionary(dictionary: parts) == NSDictionary(dictionary: whole), "chunks of \(chunk) bytes")
        }
        // A bad record and a repeated id after the first chunk still name their lines.
        let lines = try String(contentsOfFile: pool, encoding: .utf8).split(separator: "\n").map(String.init)
        let bad = cli.write("bad.jsonl", (lines + [#"{"id": "late", "skills": [{"skill": "no-such-skill", "level": 0.5}]}"#]).joined(separator: "\n"))
        let badRun = try cli.run(["gaps", "--candidates", bad, "--chunk-bytes", "300", "--job", "15-1232.00"])
        #expect(badRun.status != 0 && badRun.stderr.contains("line \(lines.count + 1)") && badRun.stderr.contains("no-such-skill"))
        let repeated = cli.write("repeated.jsonl", (lines + [lines[0]]).joined(separator: "\n"))
        let repeatedRun = try cli.run(["gaps", "--candidates", repeated, "--chunk-bytes", "300", "--job", "15-1232.00"])
        #expect(repeatedRun.status != 0 && repeatedRun.stderr.contains("line \(lines.count + 1)")
            && repeatedRun.stderr.contains("duplicate candidate id"))
    }
}
