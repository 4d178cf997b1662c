import SkillMatch

/// Candidates from documents people already hold: a JSON Resume, or Open Badges 3.0 credentials. Used by
/// ``CandidateReader`` before it reads SkillMatch's own candidate JSON.
enum PersonDocumentReader {
    /// Keys that only these documents use; a file without any is not parsed twice.
    private static let markers = ["\"basics\"", "\"$schema\"", "\"certificates\"", "\"work\"", "\"education\"", "\"keywords\"", "\"credentialSubject\""]
        .map { Array($0.utf8) }

    /// The parsed document when it is a JSON Resume or Open Badges 3.0 credentials, else `nil`.
    static func detect(_ bytes: [UInt8], file: String) throws(InputError) -> (root: JSONTree, lines: [String: [Int]], isResume: Bool)? {
        guard markers.contains(where: { bytes.firstRange(of: $0) != nil }) else { return nil }
        let (root, lines) = try JSONTree.parse(bytes, file: file)
        let isResume = JSONResumeReader.matches(root)
        return isResume || HeldBadgesReader.matches(root) ? (root, lines, isResume) : nil
    }

    /// The candidates of a JSON Resume or of Open Badges 3.0 credentials, or `nil` when the document is neither.
    static func read(_ bytes: [UInt8], file: String, catalog: Catalog?) throws(InputError) -> [LocatedCandidate]? {
        guard let (root, lines, isResume) = try detect(bytes, file: file) else { return nil }
        guard let catalog else {
            throw InputError(file: file, message: "is a \(isResume ? "JSON Resume" : "set of Open Badges credentials"); it can only be read against a catalogue")
        }
        if isResume { return [try JSONResumeReader.read(root, file: file, catalog: catalog)] }
        return try HeldBadgesReader.read(root, elementLines: lines, file: file, catalog: catalog)
    }

    /// The file's name without folder and extension: the candidate id when the document gives none.
    static func fileStem(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Something a person's document names that matched nothing in the catalogue (not an error).
public struct UnresolvedItem: Sendable, Hashable, Codable {
    /// The field, as in error messages: `skills[2].keywords[1]`, `certificates[0]`.
    public var field: String
    /// What was written.
    public var value: String
    /// Why it did not resolve.
    public var reason: String
}
