import SkillMatch
import SkillVectors
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Candidates read for batch scoring: ids, the line each came from, and their effective levels as index rows.
public struct CandidateBlock: Sendable {
    /// Each candidate's id, in input order.
    public var ids: [String] = []
    /// The line each candidate's record is on.
    public var lines: [Int] = []
    /// The ordinal of the first candidate of the block in the whole input (0-based).
    public var firstOrdinal = 0
    /// Effective levels, one row per candidate.
    public var held = HeldLevels()
    /// The candidates read from documents (resume text), ranked by ``DocumentEvidence``'s rank score instead of by
    /// fit alone, with their rows in this block.
    public var documents: [DocumentRow] = []

    /// An empty block.
    public init() {}

    /// The number of candidates.
    public var count: Int { ids.count }
}

/// A candidate of a ``CandidateBlock`` read from a document: its row, the candidate and what its text says.
public struct DocumentRow: Sendable {
    /// The candidate's row in the block.
    public var row: Int
    /// The candidate, with the skills its text shows.
    public var candidate: Candidate
    /// The document's evidence.
    public var evidence: DocumentEvidence

    /// Creates a document row.
    public init(row: Int, candidate: Candidate, evidence: DocumentEvidence) {
        self.row = row
        self.candidate = candidate
        self.evidence = evidence
    }
}

/// Reads candidate JSON Lines for batch scoring, fast: one pass over the bytes of each line, ids looked up as
/// bytes, no `Candidate` values and no `JSONDecoder` on the common path.
///
/// The fast path accepts the ordinary shape — `{"id", "name", "skills": [{"skill", "level"}], "credentials"}` in any
/// key order, unknown keys skipped — and hands anything else (escapes in ids, non-ASCII ids, unknown or repeated
/// skills, levels out of range, malformed JSON, duplicate keys) to the reference path: ``JSONInput`` with the
/// strict scanner and `JSONDecoder`, then ``Catalog/validate(_:)``. That path either reads the line the same way
/// or throws the error `import` and `match` would give, naming the file, line, column or field. So the fast path
/// never changes what is accepted, only how fast. Records with resume `"text"` take the reference path too, where
/// the resolver adds the skills found in the text (``TextResumeReader``).
public struct CandidateLineParser {
    let matcher: BatchMatcher
    let file: String
    private let skills: ByteIDTable
    private let credentials: ByteIDTable
    private var scratch: BatchMatcher.Scratch
    private var stated: [(skill: Int32, level: Double)] = []
    private var held: [Int32] = []
    /// Per-skill and per-credential stamps for detecting repeats within a line.
    private var skillStamps: [UInt32]
    private var credentialStamps: [UInt32]
    private var stamp: UInt32 = 0
    /// Lines that took the reference path (for tests and statistics).
    public private(set) var slowLines = 0
    /// Turns resume text into skills (shared by the parsers of one run, so its extractor is built once).
    private let resolver: ResumeTextResolver

    /// A parser for candidates of `file` against the matcher's catalogue.
    public init(matcher: BatchMatcher, file: String, resolver: ResumeTextResolver? = nil) {
        self.matcher = matcher
        self.file = file
        self.resolver = resolver ?? ResumeTextResolver(catalog: matcher.catalog)
        let catalog = matcher.catalog
        skills = ByteIDTable(catalog.skills.map(\.id))
        credentials = ByteIDTable(catalog.credentials.map(\.id))
        scratch = BatchMatcher.Scratch(skillCount: catalog.skills.count)
        skillStamps = [UInt32](repeating: 0, count: catalog.skills.count)
        credentialStamps = [UInt32](repeating: 0, count: catalog.credentials.count)
    }

    /// Parses the JSON Lines in `bytes` (complete lines), appending each record to `block`.
    ///
    /// Blank lines are skipped. Only records whose ordinal (counted from `firstOrdinal`) falls in `keep` are
    /// parsed; the others are counted and skipped, so shards never read each other's records.
    /// - Parameters:
    ///   - firstLine: the line number of the first byte.
    /// - Returns: the ordinal after the last record seen.
    /// - Throws: ``InputError`` naming the file and line of the first bad record.
    public mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, firstOrdinal: Int, keep: Range<Int>,
        into block: inout CandidateBlock
    ) throws(InputError) -> Int {
        var ordinal = firstOrdinal
        var lineNumber = firstLine
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start ..< stop])
            if !Self.isBlank(line) {
                if keep.contains(ordinal) {
                    if block.count == 0 { block.firstOrdinal = ordinal }
                    try parseLine(line, number: lineNumber, into: &block)
                }
                ordinal += 1
            }
            lineNumber += 1
            start = end + 1
        }
        return ordinal
    }

    /// Whether a line holds only spaces and tabs.
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 { return false }
        return true
    }

    /// Counts the records (non-blank lines) in `bytes`.
    public static func countRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { countLines(bytes).records }

    /// Counts the newlines and the records (non-blank lines) in `bytes`, jumping from newline to newline with
    /// `memchr`.
    public static func countLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (newlines: Int, records: Int) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, 0) }
        var newlines = 0
        var records = 0
        var start = 0
        while start < bytes.count {
            let found = memchr(base + start, 0x0A, bytes.count - start)
            let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            var k = start
            while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D) { k += 1 }
            if k < end { records += 1 }
            if found != nil { newlines += 1 }
            start = end + 1
        }
        return (newlines, records)
    }

    /// Parses one line: the fast path, else the reference path.
    mutating func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, into block: inout CandidateBlock) throws(InputError) {
        stated.removeAll(keepingCapacity: true)
        held.removeAll(keepingCapacity: true)
        stamp &+= 1
        if stamp == 0 {
            for i in skillStamps.indices { skillStamps[i] = 0 }
            for i in credentialStamps.indices { credentialStamps[i] = 0 }
            stamp = 1
        }
        if let id = fastParse(line) {
            block.ids.append(id)
            block.lines.append(number)
            matcher.appendEffective(stated: stated, credentials: held, to: &block.held, scratch: &scratch)
            return
        }
        slowLines += 1
        var candidate: Candidate
        var text: String?
        do {
            let (record, _) = try JSONInput.decode(CandidateRecord.self, from: Array(line), file: file, lineOffset: number - 1)
            (candidate, text) = (record.candidate, record.text)
        } catch {
            throw InputError(file: file, line: error.line ?? number, column: error.column, message: error.message)
        }
        // What the record states is checked; what its text adds comes from the catalogue itself.
        do {
            try matcher.catalog.validate(candidate)
        } catch {
            throw InputError(file: file, line: number, message: error.description)
        }
        var evidence: DocumentEvidence?
        if let text {
            evidence = resolver.evidence(text)
            candidate = resolver.resolve(candidate, text: text, evidence: resolver.inferFromTitles ? evidence : nil)
        }
        if let evidence { block.documents.append(DocumentRow(row: block.count, candidate: candidate, evidence: evidence)) }
        block.ids.append(candidate.id)
        block.lines.append(number)
        matcher.appendEffective(candidate, to: &block.held, scratch: &scratch)
    }

    // MARK: - The fast path

    /// The candidate's id when the line has the ordinary shape and is valid; `nil` to take the reference path.
    private mutating func fastParse(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        var high = false
        for byte in p where byte >= 0x80 { high = true; break }
        if high && String(validating: p, as: UTF8.self) == nil { return nil }
        var i = 0
        var id: UnsafeBufferPointer<UInt8>?
        var seen: (name: Bool, skills: Bool, credentials: Bool) = (false, false, false)
        skipSpace(p, &i)
        guard i < p.count, p[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        skipSpace(p, &i)
        if i < p.count && p[i] == UInt8(ascii: "}") { return nil }  // no id: the reference path names the field
        while true {
            guard let key = plainString(p, &i) else { return nil }
            skipSpace(p, &i)
            guard i < p.count, p[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace(p, &i)
            switch Self.keyKind(key) {
            case 1:
                guard id == nil, let value = plainString(p, &i) else { return nil }
                id = value
            case 2:
                // A plain string or null, as `JSONDecoder` requires; a name with escapes or DEL takes the reference
                // path, which checks it for control characters.
                guard !seen.name, i < p.count else { return nil }
                if p[i] == UInt8(ascii: "n") {
                    guard literal(p, &i, "null") else { return nil }
                } else {
                    guard let name = plainString(p, &i), !name.contains(0x7F) else { return nil }
                }
                seen.name = true
            case 3:
                guard !seen.skills, parseSkills(p, &i) else { return nil }
                seen.skills = true
            case 4:
                guard !seen.credentials, parseCredentials(p, &i) else { return nil }
                seen.credentials = true
            case 5:
                return nil  // resume text: the reference path extracts its skills
            default:
                // Other members take the reference path, which checks all of JSON (repeated keys included).
                return nil
            }
            guard let more = nextMember(p, &i, close: UInt8(ascii: "}")) else { return nil }
            if more { continue }
            break
        }
        skipSpace(p, &i)
        guard i == p.count, let id, !id.isEmpty else { return nil }
        // Ids must not start or end with white space; non-ASCII ids and DEL take the reference path, which checks
        // Unicode and control characters.
        for byte in id where byte >= 0x7F { return nil }  // DEL is refused there too
        if Self.isSpace(id[0]) || Self.isSpace(id[id.count - 1]) || id[0] == 0x0B || id[0] == 0x0C
            || id[id.count - 1] == 0x0B || id[id.count - 1] == 0x0C { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    /// 1 id, 2 name, 3 skills, 4 credentials, 5 text, 0 other.
    private static func keyKind(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        switch key.count {
        case 2 where key[0] == UInt8(ascii: "i") && key[1] == UInt8(ascii: "d"): 1
        case 4 where key.elementsEqual("name".utf8): 2
        case 4 where key.elementsEqual("text".utf8): 5
        case 6 where key.elementsEqual("skills".utf8): 3
        case 11 where key.elementsEqual("credentials".utf8): 4
        default: 0
        }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    @inline(__always)
    /// After a list element or object member: `true` past a `,` (another follows), `false` past `close` (the end),
    /// `nil` for anything else.
    private func nextMember(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, close: UInt8) -> Bool? {
        skipSpace(p, &i)
        guard i < p.count else { return nil }
        if p[i] == UInt8(ascii: ",") {
            i += 1
            skipSpace(p, &i)
            return true
        }
        guard p[i] == close else { return nil }
        i += 1
        return false
    }

    private func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < p.count && Self.isSpace(p[i]) { i += 1 }
    }

    /// A string without escapes or control characters: its bytes, between the quotes.
    private func plainString(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UnsafeBufferPointer<UInt8>? {
        guard i < p.count, p[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        while j < p.count {
            let byte = p[j]
            if byte == UInt8(ascii: "\"") {
                i = j + 1
                return UnsafeBufferPointer(rebasing: p[start ..< j])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            j += 1
        }
        return nil
    }

    /// `[{"skill": ID, "level": N}, ...]`: known skills, each once, levels in (0, 1].
    private mutating func parseSkills(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        if i + 3 < p.count && p[i] == UInt8(ascii: "n") { return literal(p, &i, "null") }
        guard i < p.count, p[i] == UInt8(ascii: "[") else { return false }
        i += 1
        skipSpace(p, &i)
        if i < p.count && p[i] == UInt8(ascii: "]") { i += 1; return true }
        while true {
            guard i < p.count, p[i] == UInt8(ascii: "{") else { return false }
            i += 1
            skipSpace(p, &i)
            var skill: Int32?
            var level: Double?
            var levelSeen = false
            if i < p.count && p[i] == UInt8(ascii: "}") { return false }
            while true {
                guard let key = plainString(p, &i) else { return false }
                skipSpace(p, &i)
                guard i < p.count, p[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace(p, &i)
                if key.elementsEqual("skill".utf8) {
                    guard skill == nil, let name = plainString(p, &i), let index = skills.index(of: name) else { return false }
                    skill = index
                } else if key.elementsEqual("level".utf8) {
                    guard !levelSeen else { return false }
                    levelSeen = true
                    if i < p.count && p[i] == UInt8(ascii: "n") {
                        guard literal(p, &i, "null") else { return false }
                    } else {
                        guard let value = number(p, &i) else { return false }
                        level = value
                    }
                } else {
                    return false  // another member: the reference path
                }
                guard let more = nextMember(p, &i, close: UInt8(ascii: "}")) else { return false }
                if more { continue }
                break
            }
            guard let skill else { return false }
            let value = level ?? 1
            guard CatalogLimits.isLevel(value), skillStamps[Int(skill)] != stamp else { return false }
            skillStamps[Int(skill)] = stamp
            stated.append((skill: skill, level: value))
            guard let more = nextMember(p, &i, close: UInt8(ascii: "]")) else { return false }
            if more { continue }
            return true
        }
    }

    /// `["ID", ...]`: known credentials, each once.
    private mutating func parseCredentials(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        if i + 3 < p.count && p[i] == UInt8(ascii: "n") { return literal(p, &i, "null") }
        guard i < p.count, p[i] == UInt8(ascii: "[") else { return false }
        i += 1
        skipSpace(p, &i)
        if i < p.count && p[i] == UInt8(ascii: "]") { i += 1; return true }
        while true {
            guard let name = plainString(p, &i), let index = credentials.index(of: name),
                  credentialStamps[Int(index)] != stamp else { return false }
            credentialStamps[Int(index)] = stamp
            held.append(index)
            guard let more = nextMember(p, &i, close: UInt8(ascii: "]")) else { return false }
            if more { continue }
            return true
        }
    }

    private func literal(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: StaticString) -> Bool {
        let matched = word.withUTF8Buffer { word in
            i + word.count <= p.count && word.indices.allSatisfy { p[i + $0] == word[$0] } ? word.count : 0
        }
        i += matched
        return matched > 0
    }

    /// A JSON number, exactly as `JSONDecoder` reads it (correctly rounded).
    private func number(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Double? {
        let start = i
        guard let end = Self.numberEnd(p, start) else { return nil }
        i = end
        // Fast path: up to 15 significant digits and no exponent; m / 10^f is then correctly rounded.
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var inFraction = false
        var negative = false
        var simple = true
        for k in start ..< end {
            let byte = p[k]
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                // Past 15 digits the mantissa is not used (the exact path below reads the number): stop before it
                // could overflow.
                if digits < 16 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
                digits += 1
                if inFraction { fraction += 1 }
            default: simple = false
            }
        }
        if simple && digits <= 15 && fraction <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[fraction]
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: p[start ..< end]), as: UTF8.self))
    }

    private static let powersOfTen: [Double] = (0 ... 22).map { exponent in
        var value = 1.0
        for _ in 0 ..< exponent { value *= 10 }
        return value
    }

    /// The end of a JSON number starting at `start` (RFC 8259 grammar), or `nil` when there is none.
    private static func numberEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var k = start
        func digit(_ k: Int) -> Bool { k < p.count && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9") }
        if k < p.count && p[k] == UInt8(ascii: "-") { k += 1 }
        guard digit(k) else { return nil }
        if p[k] == UInt8(ascii: "0") { k += 1 } else { while digit(k) { k += 1 } }
        if k < p.count && p[k] == UInt8(ascii: ".") {
            k += 1
            guard digit(k) else { return nil }
            while digit(k) { k += 1 }
        }
        if k < p.count && (p[k] == UInt8(ascii: "e") || p[k] == UInt8(ascii: "E")) {
            k += 1
            if k < p.count && (p[k] == UInt8(ascii: "+") || p[k] == UInt8(ascii: "-")) { k += 1 }
            guard digit(k) else { return nil }
            while digit(k) { k += 1 }
        }
        return k
    }
}
