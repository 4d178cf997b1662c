import Foundation
import Testing

/// `batch` and `gaps` read candidates from standard input (`--candidates -`) in one pass, as a Spark or Dask
/// partition feeds them, with the same output as from a file.
@Suite("candidates on standard input")
struct StreamInputTests {
    static let people = CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl"

    @Test("batch --candidates - equals the file run in both directions; --shard over jobs on a stream is refused")
    func batch() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let lines = String(decoding: FileManager.default.contents(atPath: Self.people)!, as: UTF8.self)
        for extra in [["--top", "3"], ["--direction", "candidates", "--top", "2"], ["--direction", "candidates", "--shard", "2/3"], ["--threads", "1"]] {
            let file = try cli.run(["batch", "--candidates", Self.people] + extra)
            let stream = try cli.run(["batch", "--candidates", "-"] + extra, input: lines)
            #expect(file.status == 0 && stream.status == 0 && file.stdout == stream.stdout && !file.stdout.isEmpty, "\(extra): \(stream.stderr)")
        }
        let sharded = try cli.run(["batch", "--candidates", "-", "--shard", "1/2"], input: lines)
        #expect(sharded.status == 1 && sharded.stderr.contains("standard input can be read only once") && sharded.stdout.isEmpty)
        let bad = try cli.run(["batch", "--candidates", "-"], input: lines + #"{"id": "bad", "skills": [{"skill": "nope"}]}"# + "\n")
        #expect(bad.status == 1 && bad.stderr.contains(#"standard input, line 8: candidate "bad", skills[0].skill: unknown skill id "nope""#), "\(bad.stderr)")
    }

    @Test("gaps --candidates - equals the file run; a bad line names its line on standard input")
    func gaps() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let lines = String(decoding: FileManager.default.contents(atPath: Self.people)!, as: UTF8.self)
        let arguments = ["--job", "15-1232.00", "--job", "15-1231.00", "--format", "json"]
        let file = try cli.run(["gaps", "--candidates", Self.people] + arguments)
        let stream = try cli.run(["gaps", "--candidates", "-"] + arguments, input: lines)
        #expect(file.status == 0 && stream.status == 0 && file.stdout == stream.stdout, "\(stream.stderr)")
        let repeated = try cli.run(["gaps", "--candidates", "-"] + arguments, input: lines + lines)
        #expect(repeated.status == 1 && repeated.stderr.contains("standard input, line 8"), "\(repeated.stderr)")
    }
}

/// `gaps --partial` on parts of a pool and `gaps merge` give exactly the report of the whole pool.
@Suite("gaps: partial reports merged")
struct GapsMergeTests {
    @Test("any split, any order, in stages: the merged report equals the whole run in JSON, CSV and table")
    func merge() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let lines = String(decoding: FileManager.default.contents(atPath: StreamInputTests.people)!, as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let analysis = ["--job", "15-1232.00", "--job", "15-1231.00", "--job", "29-2052.00", "--max-cost", "3000"]
        for (cut1, cut2) in [(1, 4), (3, 3), (0, 7), (2, 6)] {
            var parts: [String] = []
            for (index, range) in [0 ..< cut1, cut1 ..< cut2, cut2 ..< lines.count].enumerated() {
                let text = lines[range].map { $0 + "\n" }.joined()
                let result = try cli.run(["gaps", "--candidates", "-", "--partial"] + analysis, input: text)
                #expect(result.status == 0, "\(result.stderr)")
                parts.append(cli.write("part\(cut1)-\(index).json", result.stdout))
            }
            for format in ["json", "csv", "table"] {
                let whole = try cli.run(["gaps", "--candidates", StreamInputTests.people, "--format", format, "--top", "5"] + analysis)
                let merged = try cli.run(["gaps", "merge", "--format", format, "--top", "5"] + parts.reversed(), database: false)
                #expect(whole.status == 0 && merged.status == 0 && whole.stdout == merged.stdout, "split \(cut1)/\(cut2), \(format): \(merged.stderr)")
            }
            // In stages: two parts merged into a partial, then with the third.
            let staged = try cli.run(["gaps", "merge", "--as-partial", parts[0], parts[1]], database: false)
            let final = try cli.run(["gaps", "merge", "--format", "json", cli.write("staged.json", staged.stdout), parts[2]], database: false)
            let whole = try cli.run(["gaps", "--candidates", StreamInputTests.people, "--format", "json"] + analysis)
            #expect(final.stdout == whole.stdout)
        }
    }

    @Test("a person in two parts, or parts of different analyses, are refused")
    func refusals() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let part = cli.write("a.json", try cli.run(["gaps", "--candidates", StreamInputTests.people, "--job", "15-1232.00", "--partial"]).stdout)
        let again = try cli.run(["gaps", "merge", part, part], database: false)
        #expect(again.status == 1 && again.stderr.contains("is in both") && again.stdout.isEmpty)
        let other = cli.write("b.json", try cli.run(["gaps", "--candidates", cli.write("one.jsonl", #"{"id": "solo", "skills": []}"# + "\n"), "--job", "15-1232.00", "--qualified", "0.7", "--partial"]).stdout)
        let mixed = try cli.run(["gaps", "merge", part, other], database: false)
        #expect(mixed.status == 1 && mixed.stderr.contains("comes from another analysis"))
        let notPartial = try cli.run(["gaps", "merge", cli.write("x.json", "{}")], database: false)
        #expect(notPartial.status == 1 && notPartial.stderr.contains("is not a partial report"))
    }
}
