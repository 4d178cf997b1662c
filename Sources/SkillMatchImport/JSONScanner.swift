/// A strict JSON (RFC 8259) syntax checker that reports the line and column of the first error, and the line
/// each element of the top-level arrays starts on, so later errors can name a record's line.
///
/// Foundation's decoder on Linux reports no position for syntax errors; this scanner runs first.
struct JSONScanner {
    /// The deepest nesting of arrays and objects accepted (SkillMatch's formats need 5 or fewer); deeper input is a
    /// syntax error at the bracket that goes too deep, so that no input can exhaust the stack.
    static let maximumDepth = 256

    /// A syntax error at a 1-based line and column.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Where the elements of top-level arrays start: for a top-level array, under the key `""`; for a
    /// top-level object, under each key whose value is an array.
    private(set) var elementLines: [String: [Int]] = [:]

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var topLevelKey: String?

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Checks `bytes` as one JSON value and returns the element lines.
    static func scan(_ bytes: [UInt8]) throws(SyntaxError) -> [String: [Int]] {
        var scanner = JSONScanner(bytes)
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.offset = 3; scanner.lineStart = 3 }
        try scanner.skipSpace()
        guard scanner.offset < bytes.count else { throw scanner.error("the file is empty; expected a JSON value") }
        try scanner.value(arrayKey: nil)
        try scanner.skipSpace()
        if scanner.offset < bytes.count { throw scanner.error("unexpected text after the end of the JSON value") }
        return scanner.elementLines
    }

    private func error(_ message: String) -> SyntaxError {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStart ..< min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return hexByte(byte)
    }

    private func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    private mutating func skipSpace() throws(SyntaxError) {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        guard current == byte else { throw error("expected \(what) but found \(describe(current))") }
        offset += 1
    }

    private mutating func value(arrayKey: String?) throws(SyntaxError) {
        switch current {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array(key: arrayKey)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): try number()
        default: throw error("expected a JSON value but found \(describe(current))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let expected = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        guard bytes.count - offset >= expected.count, Array(bytes[offset ..< offset + expected.count]) == expected else {
            throw error("expected a JSON value but found \(describe(current))")
        }
        offset += expected.count
    }

    private mutating func number() throws(SyntaxError) {
        let start = offset
        let (startLine, startOfLine) = (line, lineStart)
        try numberSyntax()
        // A number outside Double's range would be refused later without a place: name it here.
        let text = String(decoding: bytes[start ..< offset], as: UTF8.self)
        if let value = Double(text) {
            let nonzero = bytes[start ..< offset].prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
                .contains { $0 >= 0x31 && $0 <= 0x39 }
            if value.isInfinite || (value == 0 && nonzero) {
                let end = offset
                offset = start
                (line, lineStart) = (startLine, startOfLine)
                let problem = error("the number \(text.prefix(40)) is out of range (numbers must be within ±1.8e308 and not closer to 0 than 2.2e-308)")
                offset = end
                throw problem
            }
        }
    }

    private mutating func numberSyntax() throws(SyntaxError) {
        func digits(_ scanner: inout JSONScanner) -> Int {
            var count = 0
            while let byte = scanner.current, byte >= 0x30 && byte <= 0x39 { scanner.offset += 1; count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
        } else if digits(&self) == 0 {
            throw error("expected a digit but found \(describe(current))")
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            if digits(&self) == 0 { throw error("expected a digit after the decimal point but found \(describe(current))") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            if digits(&self) == 0 { throw error("expected a digit in the exponent but found \(describe(current))") }
        }
    }

    /// Scans a string and returns its raw bytes when it is short and escape-free (used for top-level keys).
    private mutating func string() throws(SyntaxError) -> String? {
        try expect(UInt8(ascii: "\""), "'\"'")
        let start = offset
        var escaped = false
        while true {
            guard let byte = current else { throw error("unterminated string: expected '\"' before the end of the file") }
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return escaped ? nil : String(decoding: bytes[start ..< offset - 1], as: UTF8.self)
            case UInt8(ascii: "\\"):
                escaped = true
                offset += 1
                switch current {
                case UInt8(ascii: "u"):
                    let escapeStart = offset - 1
                    offset += 1
                    let unit = try hexQuad()
                    // UTF-16 surrogates come in pairs: a high one (D800–DBFF) then \u and a low one (DC00–DFFF).
                    if (0xDC00...0xDFFF).contains(unit) {
                        offset = escapeStart
                        throw error("\\u\(String(unit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair, without its first half")
                    }
                    if (0xD800...0xDBFF).contains(unit) {
                        let low: UInt32? = bytes.count - offset >= 6 && bytes[offset] == UInt8(ascii: "\\") && bytes[offset + 1] == UInt8(ascii: "u")
                            ? { offset += 2; return try? hexQuad() }() : nil
                        guard let low, (0xDC00...0xDFFF).contains(low) else {
                            offset = escapeStart
                            throw error("\\u\(String(unit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair, without its second half")
                        }
                    }
                case let next? where Array("\"\\/bfnrt".utf8).contains(next): offset += 1
                default: throw error("invalid escape sequence \\\(current.map { String(Unicode.Scalar($0)) } ?? "")")
                }
            case 0x00 ..< 0x20:
                throw error(byte == 0x0A ? "unterminated string: a line break inside a string must be written \\n"
                    : "control character \(hexByte(byte)) inside a string must be escaped")
            case 0x80...:
                try utf8Sequence()
            default:
                offset += 1
            }
        }
    }

    /// Four hexadecimal digits (after `\\u`), as a number.
    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let hex = current, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                throw error("expected 4 hexadecimal digits after \\u but found \(describe(current))")
            }
            value = value << 4 | UInt32(hex <= 0x39 ? hex - 0x30 : (hex | 0x20) - 0x61 + 10)
            offset += 1
        }
        return value
    }

    /// Checks one multi-byte UTF-8 sequence.
    private mutating func utf8Sequence() throws(SyntaxError) {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: throw error("invalid UTF-8 (\(hexByte(lead)))")
        }
        guard offset + length <= bytes.count, bytes[offset + 1 ..< offset + length].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            throw error("invalid UTF-8 (\(hexByte(lead)) starts a sequence that is cut short)")
        }
        offset += length
    }

    private mutating func object() throws(SyntaxError) {
        guard depth < Self.maximumDepth else { throw error("arrays and objects are nested more than \(Self.maximumDepth) levels deep") }
        try expect(UInt8(ascii: "{"), "'{'")
        depth += 1
        defer { depth -= 1 }
        try skipSpace()
        if current == UInt8(ascii: "}") { offset += 1; return }
        var keys = Set<String>()
        while true {
            try skipSpace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in quotes but found \(describe(current))") }
            let keyStart = (offset, line, lineStart)
            let key = try string()
            // A repeated key would silently lose one of its values (the decoder keeps one): refuse it.
            if let key, !keys.insert(key).inserted {
                (offset, line, lineStart) = keyStart
                throw error("the key \"\(key.prefix(60))\" appears twice in the same object")
            }
            try skipSpace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            try skipSpace()
            try value(arrayKey: depth == 1 ? key ?? "" : nil)
            try skipSpace()
            if current == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return
        }
    }

    private mutating func array(key: String?) throws(SyntaxError) {
        let recordKey = depth == 0 ? "" : key
        guard depth < Self.maximumDepth else { throw error("arrays and objects are nested more than \(Self.maximumDepth) levels deep") }
        try expect(UInt8(ascii: "["), "'['")
        depth += 1
        defer { depth -= 1 }
        if let recordKey { elementLines[recordKey] = [] }
        try skipSpace()
        if current == UInt8(ascii: "]") { offset += 1; return }
        while true {
            try skipSpace()
            if let recordKey { elementLines[recordKey, default: []].append(line) }
            try value(arrayKey: nil)
            try skipSpace()
            if current == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return
        }
    }
}
