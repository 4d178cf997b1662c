import SkillMatch

/// Reads catalogue files in SkillMatch's own JSON format.
public enum CatalogReader {
    /// Reads and decodes a catalogue file. The records are not yet checked against each other:
    /// use ``check(_:against:)`` (the store does so inside its import transaction).
    /// - Throws: ``InputError`` naming the file, line, record and field.
    public static func read(path: String) throws(InputError) -> ParsedCatalog {
        try parse(JSONInput.read(path), file: path)
    }

    /// Decodes catalogue JSON held in memory; `file` names it in messages.
    /// - Throws: ``InputError`` naming the file, line, record and field.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ParsedCatalog {
        let (document, lines) = try JSONInput.decode(CatalogDocument.self, from: bytes, file: file)
        return ParsedCatalog(file: file, document: document, elementLines: lines)
    }
}

/// A decoded catalogue file, with the line on which each record starts so that later checks can name it.
public struct ParsedCatalog: Sendable {
    /// The file, as named in messages.
    public var file: String
    /// The records.
    public var document: CatalogDocument
    private var elementLines: [String: [Int]]

    init(file: String, document: CatalogDocument, elementLines: [String: [Int]]) {
        self.file = file
        self.document = document
        self.elementLines = elementLines
    }

    /// `catalog` with this file's records merged in, every rule checked.
    /// - Throws: ``InputError`` naming this file, the line of the first faulty record, the record and the field.
    public func merged(into catalog: Catalog) throws(InputError) -> Catalog {
        do {
            return try catalog.merging(document)
        } catch {
            throw inputError(error)
        }
    }

    /// An ``InputError`` for a validation failure, placed on the line of the faulty record.
    public func inputError(_ error: CatalogValidationError) -> InputError {
        let first = error.problems.first
        let key = first.map { ["skill": "skills", "job": "jobs", "credential": "credentials", "skill group": "skillGroups"][$0.kind.rawValue] ?? "" }
        let line = first.flatMap { problem in
            key.flatMap { elementLines[$0] }.flatMap { problem.position < $0.count ? $0[problem.position] : nil }
        }
        return InputError(file: file, line: line, message: error.description)
    }
}
