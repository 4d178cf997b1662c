/// A comma-separated file (RFC 4180) read whole and strictly, with a header row naming the columns.
///
/// - Records end in CRLF or LF; the last one may end at the end of the file. Blank lines are skipped.
/// - A field that starts with `"` is quoted: it may hold commas, line breaks and doubled quotes (`""` for `"`), and
///   must be followed by a comma, a line end or the end of the file. A quote anywhere else is an error, as is a
///   quoted field never closed, a carriage return not followed by a line feed, invalid UTF-8, and a record whose
///   number of fields differs from the header's. Every error names the line and column (in characters) where the
///   fault is, counting the lines inside quoted fields, as an editor shows them.
/// - A UTF-8 byte order mark is skipped.
///
/// Why not a package: yaslab/CSV.swift 2.5.2 (the CSV reader on hand) accepts broken quoting silently (a quote
/// after a closing quote is kept as text, a quoted field left open ends quietly at the end of the file), reports
/// invalid UTF-8 without a position, and tracks neither line nor column; it also builds every field scalar by
/// scalar. ESCO imports must name the line and column of a fault and read ~30 MB quickly, so this reader scans
/// the bytes once, keeps each field as a byte range, and makes strings only for the fields asked for.
struct CSVFile {
    /// The file, as named in messages.
    let path: String
    /// The header's column names, trimmed.
    let header: [String]
    /// The number of data records (the header left out).
    let count: Int

    /// One field: its content's byte range (quotes left out), and whether it holds doubled quotes.
    private struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
        var escaped: Bool
    }

    private let bytes: [UInt8]
    /// Every field of every record, header first: record `r`'s fields are `(r + 1) · width ..< (r + 2) · width`.
    private let spans: [Span]
    /// The byte offset at which each line starts (line 1 first).
    private let lineStarts: [Int]

    /// Reads a file.
    /// - Throws: ``InputError`` for a missing file, and for any of the faults above with its line and column.
    static func read(path: String) throws(InputError) -> CSVFile {
        try CSVFile(bytes: JSONInput.read(path), path: path)
    }

    /// Parses CSV held in memory; `path` names it in messages.
    /// - Throws: ``InputError`` for any of the faults above, with its line and column.
    init(bytes: [UInt8], path: String) throws(InputError) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw TextPosition.invalidUTF8(bytes, file: path) }
        self.path = path
        self.bytes = bytes
        var scanner = Scanner()
        let failure = bytes.withUnsafeBufferPointer { scanner.scan($0) }
        lineStarts = scanner.lineStarts
        spans = scanner.spans
        if let failure {
            let (line, column) = Self.position(of: failure.offset, lineStarts: lineStarts, bytes: bytes)
            throw InputError(file: path, line: line, column: column, message: failure.message)
        }
        guard scanner.width > 0 else { throw InputError(file: path, message: "the file is empty; expected a header row") }
        header = (0 ..< scanner.width).map { Self.text(scanner.spans[$0], bytes).trimmed }
        count = scanner.spans.count / scanner.width - 1
        var names = Set<String>()
        for name in header where !name.isEmpty && !names.insert(name.lowercased()).inserted {
            throw InputError(file: path, line: 1, message: "the column \"\(name)\" appears twice in the header; which one holds the values is unclear")
        }
    }

    /// The index of a column, found by name (case and surrounding spaces ignored).
    /// - Throws: ``InputError`` naming the missing column and the columns present.
    func column(_ name: String) throws(InputError) -> Int {
        if let index = optionalColumn(name) { return index }
        throw InputError(file: path, line: 1, message: "no column named \"\(name)\" (columns: \(header.joined(separator: ", ")))")
    }

    /// The index of a column, or `nil` when the file has none by that name.
    func optionalColumn(_ name: String) -> Int? {
        let key = name.trimmed.lowercased()
        return header.firstIndex { $0.lowercased() == key }
    }

    /// The text of one field, exactly as written (quotes removed, doubled quotes undoubled).
    /// - Complexity: O(length of the field).
    func string(_ record: Int, _ column: Int) -> String {
        Self.text(span(record, column), bytes)
    }

    /// The text of one field without surrounding white space, or `nil` when that leaves nothing.
    func value(_ record: Int, _ column: Int) -> String? {
        let text = string(record, column).trimmed
        return text.isEmpty ? nil : text
    }

    /// The 1-based line on which a record starts.
    func line(ofRecord record: Int) -> Int { position(record, 0).line }

    /// An error placed on one field: its line and column (the opening quote's, for a quoted field).
    func error(_ record: Int, _ column: Int, _ message: String) -> InputError {
        let (line, character) = position(record, column)
        return InputError(file: path, line: line, column: character, message: message)
    }

    private func span(_ record: Int, _ column: Int) -> Span { spans[(record + 1) * header.count + column] }

    private func position(_ record: Int, _ column: Int) -> (line: Int, column: Int) {
        let span = span(record, column)
        return Self.position(of: span.quoted ? span.start - 1 : span.start, lineStarts: lineStarts, bytes: bytes)
    }

    private static func position(of offset: Int, lineStarts: [Int], bytes: [UInt8]) -> (line: Int, column: Int) {
        // The last line starting at or before the offset (binary search).
        var (low, high) = (0, lineStarts.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return (low + 1, TextPosition.column(of: offset, lineStart: lineStarts[low], in: bytes))
    }

    private static func text(_ span: Span, _ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes[span.start ..< span.end], as: UTF8.self)
        return span.escaped ? text.replacing("\"\"", with: "\"") : text
    }

    /// One pass over the bytes, recording fields and line starts; stops at the first fault.
    private struct Scanner {
        var spans: [Span] = []
        var lineStarts: [Int] = []
        /// The header's number of fields (0 until the header is read).
        var width = 0

        private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        /// Scans the file; returns the first fault, or `nil`.
        mutating func scan(_ b: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
            let n = b.count
            var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            lineStarts = [i]
            while i < n {
                // A blank line is skipped.
                if b[i] == Self.lf { i += 1; lineStarts.append(i); continue }
                if b[i] == Self.cr, i + 1 < n, b[i + 1] == Self.lf { i += 2; lineStarts.append(i); continue }
                let first = spans.count
                while true {
                    if i < n, b[i] == Self.quote {
                        let open = i
                        i += 1
                        let start = i
                        var escaped = false
                        while true {
                            guard i < n else { return (open, "this quoted field is never closed (a closing quote is missing)") }
                            if b[i] == Self.quote {
                                if i + 1 < n, b[i + 1] == Self.quote { escaped = true; i += 2; continue }
                                break
                            }
                            if b[i] == Self.lf { lineStarts.append(i + 1) }
                            i += 1
                        }
                        spans.append(Span(start: start, end: i, quoted: true, escaped: escaped))
                        i += 1
                        if i < n, b[i] != Self.comma, b[i] != Self.lf, !(b[i] == Self.cr && i + 1 < n && b[i + 1] == Self.lf) {
                            return (i - 1, "a quote inside a quoted field must be doubled (\"\"); this one ends the field but text follows it")
                        }
                    } else {
                        let start = i
                        while i < n, b[i] != Self.comma, b[i] != Self.lf {
                            if b[i] == Self.quote {
                                return (i, "a quote inside a field that is not quoted; quote the whole field and double the quote (\"\")")
                            }
                            if b[i] == Self.cr {
                                if i + 1 < n, b[i + 1] == Self.lf { break }
                                return (i, "a carriage return not followed by a line feed")
                            }
                            i += 1
                        }
                        spans.append(Span(start: start, end: i, quoted: false, escaped: false))
                    }
                    if i < n, b[i] == Self.comma { i += 1; continue }
                    break
                }
                let fields = spans.count - first
                if width == 0 {
                    width = fields
                } else if fields != width {
                    // Placed on the first field too many, or where the first missing field should be.
                    let extra = spans[min(first + width, spans.count - 1)]
                    let offset = fields < width ? i : extra.quoted ? extra.start - 1 : extra.start
                    return (offset, "this record has \(fields) fields but the header has \(width)")
                }
                // The record's line end.
                if i < n { i += b[i] == Self.cr ? 2 : 1; lineStarts.append(i) }
            }
            return nil
        }
    }
}
