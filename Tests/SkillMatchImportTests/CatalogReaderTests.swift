import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

@Suite("Catalogue JSON reader")
struct CatalogReaderTests {
    func parse(_ text: String) throws(InputError) -> ParsedCatalog {
        try CatalogReader.parse(Array(text.utf8), file: "catalog.json")
    }

    func error(_ text: String) -> InputError? {
        do {
            _ = try parse(text).merged(into: Catalog())
            return nil
        } catch {
            return error
        }
    }

    @Test("a full catalogue reads with its defaults")
    func reads() throws {
        let parsed = try parse("""
            {"skills": [{"id": "a", "label": "A", "altLabels": ["Alpha"], "type": "technology"}, {"id": "b", "label": "B"}],
             "jobs": [{"id": "j", "title": "J", "requirements": [{"skill": "a", "importance": 3.5}, {"skill": "b", "importance": 1, "level": 0.25}]}],
             "credentials": [{"id": "c", "name": "C", "type": "badge", "cost": 0, "grants": [{"skill": "a", "level": 0.5}],
                              "accreditations": ["ANSI"], "renewalYears": 3, "renewalMethods": ["CEU"], "examRequired": true,
                              "futureField": {"ignored": [1, 2]}}]}
            """)
        let catalog = try parsed.merged(into: Catalog())
        #expect(catalog.job("j")?.requirements == [Requirement(skill: "a", importance: 3.5, level: 1), Requirement(skill: "b", importance: 1, level: 0.25)])
        #expect(catalog.skill("a")?.type == .technology && catalog.skill("a")?.altLabels == ["Alpha"])
        let credential = try #require(catalog.credential("c"))
        #expect(credential.type == .badge && credential.cost == 0 && credential.examRequired == true && credential.inDemand == false)
        #expect(credential.grants == [Grant(skill: "a", level: 0.5)])
    }

    @Test("malformed JSON names the line and column", arguments: [
        ("{\n  \"skills\": [\n    {\"id\": \"a\", \"label\": \"A\",}\n  ]\n}", 3, 30, "expected a key in quotes but found '}'"),
        ("{\"skills\": [\n{\"id\": \"a\" \"label\": \"A\"}]}", 2, 12, "expected ',' or '}' but found '\"'"),
        ("{\"skills\": []", 1, 14, "expected ',' or '}' but found the end of the file"),
        ("", 1, 1, "the file is empty; expected a JSON value"),
        ("{\"jobs\": [{\"id\": \"x\nmore\"}]}", 1, 20, "unterminated string: a line break inside a string must be written \\n"),
        ("{\"a\": 01}", 1, 8, "expected ',' or '}' but found '1'"),
        ("{\"a\": tru}", 1, 7, "expected a JSON value but found 't'"),
    ])
    func syntax(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(self.error(text))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message == "malformed JSON: \(message)")
        #expect(error.description.hasPrefix("catalog.json, line \(line), column \(column): malformed JSON"))
    }

    @Test("invalid UTF-8 is named with its line and column")
    func invalidUTF8() throws {
        var bytes = Array("{\"skills\": [{\"id\": \"a\", \"label\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}]}".utf8)
        let error = try #require(throws: InputError.self) { try CatalogReader.parse(bytes, file: "x.json") }
        #expect(error.line == 1 && error.column == 35)
        #expect(error.message.contains("invalid UTF-8"))
    }

    @Test("a wrong type names the record by id, its line and the field")
    func typeMismatch() throws {
        let error = try #require(self.error("""
            {"skills": [{"id": "a", "label": "A"}],
             "jobs": [
               {"id": "j1", "title": "One", "requirements": [{"skill": "a", "importance": 1}]},
               {"id": "j2", "title": "Two", "requirements": [{"skill": "a", "importance": "high"}]}
             ]}
            """))
        #expect(error.line == 4)
        #expect(error.message == #"job "j2", requirements[0].importance: expected a number"#)
    }

    @Test("a missing field or an unknown enum value is named")
    func missingField() throws {
        let missing = try #require(error(#"{"skills": [{"id": "a"}]}"#))
        #expect(missing.message == #"skill "a", label: missing required field"#)
        let badType = try #require(error(#"{"skills": [{"id": "a", "label": "A", "type": "talent"}]}"#))
        #expect(badType.message.hasPrefix(#"skill "a", type: "#))
    }

    @Test("a rule broken by a record names the file, the record's line and the field")
    func validationLine() throws {
        let error = try #require(self.error("""
            {"skills": [
              {"id": "a", "label": "A"}
            ],
            "jobs": [
              {"id": "j1", "title": "One",
               "requirements": [{"skill": "nope", "importance": 1}]}
            ]}
            """))
        #expect(error.description == #"catalog.json, line 5: job "j1", requirements[0].skill: unknown skill id "nope""#)
    }

    @Test("a missing file or a folder is named")
    func missingFile() {
        #expect(throws: InputError(file: "/nonexistent/catalog.json", message: "no such file")) {
            try CatalogReader.read(path: "/nonexistent/catalog.json")
        }
        #expect(throws: InputError(file: "/tmp", message: "is a directory, not a file")) { try CatalogReader.read(path: "/tmp") }
    }
}

@Suite("JSON scanner")
struct JSONScannerTests {
    @Test("accepts valid JSON of every kind", arguments: [
        #"{"a": [1, -2.5e+3, 0, 0.5E-2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9", {}, []], "é": "ü"}"#,
        "  [ ]  ", "\u{FEFF}{}", "\"text\"", "12",
    ])
    func valid(text: String) throws {
        var bytes = Array(text.utf8)
        if text.hasPrefix("\u{FEFF}") { bytes = [0xEF, 0xBB, 0xBF] + Array(text.dropFirst().utf8) }
        _ = try JSONScanner.scan(bytes)
        if !text.hasPrefix("\u{FEFF}") { _ = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) }
    }

    @Test("records the starting line of each element of top-level arrays")
    func elementLines() throws {
        let lines = try JSONScanner.scan(Array("{\"jobs\": [\n{\"a\": [1,\n2]},\n\n{}\n], \"x\": {\"skills\": [1]}}".utf8))
        #expect(lines["jobs"] == [2, 5])
        #expect(lines["skills"] == nil)
    }
}
