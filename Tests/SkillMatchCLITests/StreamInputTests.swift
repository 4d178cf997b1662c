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
