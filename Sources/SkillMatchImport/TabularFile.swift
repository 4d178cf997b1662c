/// A tab-separated text file with a header row, read by column name (O*NET's text and Excel-converted layouts).
///
/// Lines end in LF or CRLF; fields are not quoted; `n/a` and empty fields are missing values.
struct TabularFile {
    /// The file, as named in messages.
    let path: String
    /// The header's column names.
    let header: [String]
    /// The data rows with their 1-based line numbers; each row has exactly as many fields as the header.
    let rows: [(line: Int, fields: [Substring])]

    /// Reads a file.
    /// - Throws: ``InputError`` for a missing file, invalid UTF-8 or a row with the wrong number of fields.
    static func read(path: String) throws(InputError) -> TabularFile {
        let bytes = try JSONInput.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw TextPosition.invalidUTF8(bytes, file: path) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw InputError(file: path, message: "the file is empty; expected a header row") }
        let header = first.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
        var names = Set<String>()
        for name in header where !name.isEmpty && !names.insert(name).inserted {
            throw InputError(file: path, line: 1, message: "the column \"\(name)\" appears twice in the header; which one holds the values is unclear")
        }
        var rows: [(line: Int, fields: [Substring])] = []
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw InputError(file: path, line: index + 1,
                    message: "has \(fields.count) fields but the header has \(header.count) (tab-separated, no quoting)")
            }
            rows.append((index + 1, fields))
        }
        return TabularFile(path: path, header: header, rows: rows)
    }

    /// The index of a column, found by name (case and surrounding spaces ignored).
    /// - Throws: ``InputError`` naming the missing column and the columns present.
    func column(_ name: String) throws(InputError) -> Int {
        if let index = optionalColumn(name) { return index }
        throw InputError(file: path, line: 1, message: "no column named \"\(name)\" (columns: \(header.joined(separator: ", ")))")
    }

    /// The index of a column, or `nil` when the file has none by that name.
    func optionalColumn(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// A field's text, or `nil` when it is empty or `n/a`.
    static func value(_ field: Substring) -> Substring? {
        let trimmed = field.trimmingSpaces
        return trimmed.isEmpty || trimmed.lowercased() == "n/a" ? nil : trimmed
    }
}

extension String {
    var trimmed: String { String(trimmingSpaces) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
