import Testing
@testable import SkillMatchImport

@Suite("CSV reader (RFC 4180, strict)")
struct CSVFileTests {
    func parse(_ text: String) throws(InputError) -> CSVFile { try CSVFile(bytes: Array(text.utf8), path: "t.csv") }

    func rows(_ file: CSVFile) -> [[String]] {
        (0 ..< file.count).map { row in (0 ..< file.header.count).map { file.string(row, $0) } }
    }

    @Test("quoted fields hold commas, line breaks and doubled quotes; CRLF and LF both end records")
    func quoting() throws {
        let file = try parse("a, B ,c\r\n\"x,1\",\"line one\nline two\",\"say \"\"hi\"\"\"\r\nplain,,\n\"\",\"\"\"\",end")
        #expect(file.header == ["a", "B", "c"])
        #expect(rows(file) == [["x,1", "line one\nline two", #"say "hi""#], ["plain", "", ""], ["", "\"", "end"]])
        #expect(file.optionalColumn("b") == 1 && file.optionalColumn(" C ") == 2 && file.optionalColumn("d") == nil)
        #expect(file.value(1, 1) == nil && file.value(0, 0) == "x,1")
        // Lines count the line breaks inside quoted fields.
        #expect((0 ..< 3).map(file.line(ofRecord:)) == [2, 4, 5])
        #expect(file.error(2, 2, "m").line == 5 && file.error(2, 2, "m").column == 9)
        // A quoted field is placed on its opening quote.
        #expect(file.error(0, 1, "m").column == 7)
    }

    @Test("blank lines are skipped; a byte order mark is not part of the first column")
    func blanksAndBOM() throws {
        let file = try CSVFile(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\r\n\r\n1,one\n\n2,two\n\n".utf8), path: "t.csv")
        #expect(file.header == ["id", "name"] && file.count == 2)
        #expect(rows(file) == [["1", "one"], ["2", "two"]])
        #expect(file.line(ofRecord: 1) == 5)
        #expect(try parse("h\n").count == 0)
    }

    @Test("every fault is placed by line and column", arguments: [
        ("a,b\n\"x\"y,z\n", 2, 3, "a quote inside a quoted field must be doubled"),
        ("a,b\nx\"y,z\n", 2, 2, "a quote inside a field that is not quoted"),
        ("a,b\nx,\"open\nstill open\n", 2, 3, "this quoted field is never closed"),
        ("a,b\nx\ry,z\n", 2, 2, "a carriage return not followed by a line feed"),
        ("a,b\n\"two\nlines\",y,z\n", 3, 10, "this record has 3 fields but the header has 2"),
        ("a,b\nx\n", 2, 2, "this record has 1 fields but the header has 2"),
        ("a,b\nä,\"é\"z\n", 2, 5, "a quote inside a quoted field must be doubled"),
    ])
    func faults(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(throws: InputError.self) { try parse(text) }
        #expect(error.file == "t.csv" && error.line == line && error.column == column)
        #expect(error.message.hasPrefix(message))
    }

    @Test("invalid UTF-8 is placed on its first bad byte; an empty file has no header")
    func encoding() throws {
        let bytes = Array("a,b\n\"x\ny\",caf".utf8) + [0xC3] + Array(",\n".utf8)
        let error = try #require(throws: InputError.self) { try CSVFile(bytes: bytes, path: "t.csv") }
        #expect(error.line == 3 && error.column == 7 && error.message.hasPrefix("invalid UTF-8"))
        let empty = try #require(throws: InputError.self) { try parse("") }
        #expect(empty.message.hasPrefix("the file is empty"))
        let column = try #require(throws: InputError.self) { try parse("a,b\n").column("c") }
        #expect(column.line == 1 && column.message == #"no column named "c" (columns: a, b)"#)
    }
}
