import SkillMatch

/// Reads candidates: a JSON file holding one candidate object or a list of them, or JSON Lines (one candidate
/// per line; blank lines are skipped). Files ending in `.jsonl` or `.ndjson` are read as JSON Lines; `.txt`, `.md`
/// and `.markdown` files are one resume each (``TextResumeReader``). Records may carry resume `text`, kept in
/// ``LocatedCandidate/text`` until ``TextResumeReader/resolve(_:catalog:level:)`` turns it into skills.
/// A JSON file may also be a JSON Resume or Open Badges 3.0 credentials the person holds (``PersonDocumentReader``),
/// told apart by content and matched to `catalog`.
public enum CandidateReader {
    /// Reads candidates from a file.
    /// - Parameter catalog: the catalogue that JSON Resumes and Open Badges credentials are matched to.
    /// - Throws: ``InputError`` naming the file, line, record and field.
    public static func read(path: String, catalog: Catalog? = nil) throws(InputError) -> [LocatedCandidate] {
        if TextResumeReader.isTextResume(path) { return [try TextResumeReader.read(path: path)] }
        let bytes = try JSONInput.read(path)
        if isLines(path) { return try parseLines(bytes, file: path) }
        if let held = try PersonDocumentReader.read(bytes, file: path, catalog: catalog) { return held }
        return try parseJSON(bytes, file: path)
    }

    /// Reads candidates from a file read once (so FIFOs and `/dev/stdin` work), loading the catalogue only when the
    /// file is a JSON Resume or Open Badges credentials, which are matched to it.
    public static func read(path: String, loadingCatalog: () throws -> Catalog) throws -> [LocatedCandidate] {
        if TextResumeReader.isTextResume(path) { return [try TextResumeReader.read(path: path)] }
        let bytes = try JSONInput.read(path)
        if isLines(path) { return try parseLines(bytes, file: path) }
        if try PersonDocumentReader.detect(bytes, file: path) != nil,
           let held = try PersonDocumentReader.read(bytes, file: path, catalog: try loadingCatalog()) {
            return held
        }
        return try parseJSON(bytes, file: path)
    }

    /// Reads candidates from a JSON document already in memory (a candidate object or a list of them, a JSON Resume,
    /// Open Badges credentials the person holds), as ``read(path:catalog:)`` reads a `.json` file.
    /// - Parameter file: how messages name the document (for example the request field it came in).
    public static func parse(_ bytes: [UInt8], file: String, catalog: Catalog? = nil) throws(InputError) -> [LocatedCandidate] {
        if let held = try PersonDocumentReader.read(bytes, file: file, catalog: catalog) { return held }
        return try parseJSON(bytes, file: file)
    }

    /// Whether ``read(path:catalog:)`` reads a file as JSON Lines (it ends in `.jsonl` or `.ndjson`).
    public static func isLines(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
    }

    /// Parses a JSON document holding one candidate object or a list of candidate objects.
    public static func parseJSON(_ bytes: [UInt8], file: String) throws(InputError) -> [LocatedCandidate] {
        let (value, lines) = try JSONInput.decode(OneOrMany.self, from: bytes, file: file)
        switch value {
        case .one(let record):
            return [LocatedCandidate(candidate: record.candidate, file: file, line: 1, text: record.text)]
        case .many(let records):
            return records.enumerated().map { index, record in
                LocatedCandidate(candidate: record.candidate, file: file, line: lines[""].flatMap { index < $0.count ? $0[index] : nil },
                                 text: record.text)
            }
        }
    }

    /// Parses JSON Lines: one candidate object per line.
    /// - Parameter firstLine: the line number of the first line of `bytes` (a chunk of a larger file).
    public static func parseLines(_ bytes: [UInt8], file: String, firstLine: Int = 1) throws(InputError) -> [LocatedCandidate] {
        var candidates: [LocatedCandidate] = []
        var lineNumber = firstLine - 1
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let record: CandidateRecord
            do {
                (record, _) = try JSONInput.decode(CandidateRecord.self, from: Array(trimmed), file: file, lineOffset: lineNumber - 1)
            } catch {
                // Every error of a JSON Lines file names its line, even one about the record as a whole.
                throw InputError(file: file, line: error.line ?? lineNumber, column: error.column, message: error.message)
            }
            candidates.append(LocatedCandidate(candidate: record.candidate, file: file, line: lineNumber, text: record.text))
        }
        return candidates
    }

    /// Checks candidates against a catalogue and for duplicate ids.
    /// - Throws: ``InputError`` naming the file, the line and the candidate.
    public static func check(_ candidates: [LocatedCandidate], against catalog: Catalog) throws(InputError) {
        var seen = Set<String>()
        try check(candidates, against: catalog, seen: &seen)
    }

    /// ``check(_:against:)`` for one chunk of a file: `seen` holds the ids of the chunks before and gains this one's.
    public static func check(_ candidates: [LocatedCandidate], against catalog: Catalog, seen: inout Set<String>) throws(InputError) {
        for located in candidates {
            do {
                try catalog.validate(located.candidate)
            } catch {
                throw InputError(file: located.file, line: located.line, message: error.description)
            }
            if !seen.insert(located.candidate.id).inserted {
                throw InputError(file: located.file, line: located.line,
                    message: "candidate \"\(located.candidate.id)\": duplicate candidate id (ids must be unique within a file)")
            }
        }
    }

    private enum OneOrMany: Decodable {
        case one(CandidateRecord)
        case many([CandidateRecord])

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var candidates: [CandidateRecord] = []
                while !list.isAtEnd { candidates.append(try list.decode(CandidateRecord.self)) }
                self = .many(candidates)
            } else {
                self = .one(try CandidateRecord(from: decoder))
            }
        }
    }
}

/// A candidate with the file and line it was read from.
public struct LocatedCandidate: Sendable, Hashable {
    /// The candidate.
    public var candidate: Candidate
    /// The file it was read from.
    public var file: String
    /// The line its record starts on, when known.
    public var line: Int?
    /// Resume text whose skills are still to be added (see ``TextResumeReader``), when the record has some.
    public var text: String? = nil
    /// What a JSON Resume or an Open Badges credential named that matched nothing in the catalogue.
    public var unresolved: [UnresolvedItem] = []
}
