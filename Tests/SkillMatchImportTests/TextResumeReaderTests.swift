import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

@Suite("Text resumes")
struct TextResumeReaderTests {
    let catalog = try! Catalog(
        skills: [Skill(id: "sql", label: "SQL"), Skill(id: "staff", label: "manage staff"), Skill(id: "r", label: "R")],
        jobs: [], credentials: [])

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let folder = NSTemporaryDirectory() + "resume-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test("a markdown resume: id from the file name, name from the first heading, skills at the default level")
    func markdown() throws {
        let path = write("Dana Lee.MD", Array("\n# Dana Lee\nManaging staff; SQL and R.\n".utf8))
        let located = try CandidateReader.read(path: path)
        #expect(located.count == 1)
        #expect(located[0].candidate.id == "Dana Lee" && located[0].candidate.name == "Dana Lee" && located[0].candidate.skills.isEmpty)
        let resolved = TextResumeReader.resolve(located, catalog: catalog)
        #expect(resolved[0].text == nil)
        #expect(resolved[0].candidate.skills == [HeldSkill(skill: "r", level: 0.5), HeldSkill(skill: "sql", level: 0.5), HeldSkill(skill: "staff", level: 0.5)])
        try CandidateReader.check(resolved, against: catalog)
        let plain = try TextResumeReader.read(path: write("cv.txt", Array("SQL".utf8)))
        #expect(plain.candidate.id == "cv" && plain.candidate.name == nil)
    }

    @Test("records with text: explicit skills keep their level, the rest join at the chosen level")
    func records() throws {
        let lines = "{\"id\": \"p\", \"skills\": [{\"skill\": \"sql\", \"level\": 0.2}], \"text\": \"SQL and R\"}\n{\"id\": \"q\"}\n"
        let located = try CandidateReader.parseLines(Array(lines.utf8), file: "p.jsonl")
        #expect(located.map(\.text) == ["SQL and R", nil])
        let resolved = TextResumeReader.resolve(located, catalog: catalog, level: 0.9)
        #expect(resolved[0].candidate.skills == [HeldSkill(skill: "sql", level: 0.2), HeldSkill(skill: "r", level: 0.9)])
        #expect(resolved[1].candidate.skills.isEmpty)
        let list = try CandidateReader.parseJSON(Array("[{\"id\": \"a\", \"text\": \"R, SQL\"}]".utf8), file: "a.json")
        #expect(list[0].text == "R, SQL")
        let error = try #require(throws: InputError.self) {
            try CandidateReader.parseLines(Array("{\"id\": \"p\", \"text\": 3}".utf8), file: "p.jsonl")
        }
        #expect(error.description.contains("p.jsonl, line 1") && error.description.contains("text"))
    }

    @Test("bad input: missing file, invalid UTF-8 with line and column, a name with no id")
    func badInput() {
        #expect(throws: InputError(file: "/nope/x.md", message: "no such file")) { try TextResumeReader.read(path: "/nope/x.md") }
        let bad = write("bad.txt", [0x41, 0x0A, 0x42, 0x43, 0xE2, 0x28, 0xA1])
        #expect(throws: InputError(file: bad, line: 2, column: 3, message: "is not valid UTF-8 text")) { try CandidateReader.read(path: bad) }
        let noName = write(".md", Array("SQL".utf8))
        #expect(throws: InputError.self) { try TextResumeReader.read(path: noName) }
    }
}
