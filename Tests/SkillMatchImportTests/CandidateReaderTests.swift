import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

@Suite("Candidate reader")
struct CandidateReaderTests {
    let catalog = try! Catalog(
        skills: [Skill(id: "a", label: "A")], jobs: [], credentials: [Credential(id: "c", name: "C", grants: [Grant(skill: "a")])])

    @Test("JSON Lines: one candidate per line, blank lines skipped, CRLF tolerated")
    func jsonLines() throws {
        let text = "{\"id\": \"p1\", \"skills\": [{\"skill\": \"a\"}]}\r\n\n{\"id\": \"p2\", \"name\": \"Pat\", \"skills\": [], \"credentials\": [\"c\"]}\n"
        let candidates = try CandidateReader.parseLines(Array(text.utf8), file: "people.jsonl")
        #expect(candidates.map(\.candidate.id) == ["p1", "p2"])
        #expect(candidates.map(\.line) == [1, 3])
        #expect(candidates[0].candidate.skills == [HeldSkill(skill: "a", level: 1)])
        try CandidateReader.check(candidates, against: catalog)
    }

    @Test("a bad line is named by its number")
    func badLine() throws {
        let text = "{\"id\": \"p1\", \"skills\": []}\n{\"id\": \"p2\", \"skills\": [}\n"
        let error = try #require(throws: InputError.self) { try CandidateReader.parseLines(Array(text.utf8), file: "people.jsonl") }
        #expect(error.description == "people.jsonl, line 2, column 25: malformed JSON: expected a JSON value but found '}'")
    }

    @Test("an unknown skill or a duplicate id is named with its line")
    func unknownReference() throws {
        let text = "{\"id\": \"p1\", \"skills\": []}\n{\"id\": \"p2\", \"skills\": [{\"skill\": \"zz\"}]}\n"
        let candidates = try CandidateReader.parseLines(Array(text.utf8), file: "people.jsonl")
        let error = try #require(throws: InputError.self) { try CandidateReader.check(candidates, against: catalog) }
        #expect(error.description == #"people.jsonl, line 2: candidate "p2", skills[0].skill: unknown skill id "zz""#)
        let twice = try CandidateReader.parseLines(Array("{\"id\": \"p\"}\n{\"id\": \"p\"}".utf8), file: "f.jsonl")
        #expect(throws: InputError.self) { try CandidateReader.check(twice, against: catalog) }
    }

    @Test("a JSON file holds one candidate or a list of them")
    func jsonFile() throws {
        #expect(try CandidateReader.parseJSON(Array(#"{"id": "p"}"#.utf8), file: "p.json").map(\.candidate.id) == ["p"])
        let list = try CandidateReader.parseJSON(Array("[\n{\"id\": \"p\"},\n{\"id\": \"q\"}\n]".utf8), file: "p.json")
        #expect(list.map(\.candidate.id) == ["p", "q"])
        #expect(list.map(\.line) == [2, 3])
        let error = try #require(throws: InputError.self) {
            try CandidateReader.parseJSON(Array("[{\"id\": \"p\"},\n{\"id\": 3}]".utf8), file: "p.json")
        }
        #expect(error.description == "p.json, line 2: record #2, id: expected a string")
    }
}

@Suite("Line chunks: a record longer than the limit stops with an error")
struct LineLimitTests {
    @Test("a line over the limit is named by its number; lines within it read whole")
    func longLine() throws {
        let folder = NSTemporaryDirectory() + "skillmatch-lines-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/long.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: Data(("short\n" + String(repeating: "x", count: 5000) + "\nend\n").utf8))
        let reader = try LineChunkReader(path: path, chunkBytes: 16, lineLimit: 1000)
        let first = try #require(try reader.next())
        #expect(first.bytes == Array("short\n".utf8) && first.firstLine == 1)
        let error = try #require(throws: InputError.self) { _ = try reader.next() }
        #expect(error.line == 2 && error.message.contains("longer than 1000 bytes"))
        let roomy = try LineChunkReader(path: path, chunkBytes: 16, lineLimit: 6000)
        var lines = 0
        while let chunk = try roomy.next() { lines += chunk.bytes.filter { $0 == 0x0A }.count }
        #expect(lines == 3)
    }
}
