import Foundation
import SkillMatch

/// Reads plain-text and markdown resumes (`.txt`, `.md`, `.markdown`) as candidates whose skills are found in the
/// text by ``SkillExtractor``.
///
/// - The candidate's id is the file name without its extension (`resumes/dana-lee.md` → `dana-lee`); its name is
///   the text of a first-level markdown heading on the first non-blank line (`# Dana Lee`), when there is one.
/// - Skills found in the text are held at ``defaultLevel`` (0.5: the text shows that the person has the skill, not
///   how well), unless a caller chooses another level.
/// - A JSON or JSON Lines candidate record may carry `"text"` (resume text) beside or instead of `"skills"`: the
///   skills found in it are added, and a skill listed in `"skills"` keeps its stated level (explicit skills win).
public enum TextResumeReader {
    /// The level at which skills found in resume text are held unless configured otherwise.
    public static let defaultLevel = 0.5

    /// Whether a file is read as a text resume (by its extension, case ignored).
    public static func isTextResume(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".txt") || lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Reads one resume: a candidate with no stated skills yet and the text to extract them from.
    /// - Throws: ``InputError`` naming the file (missing, a folder, unreadable, invalid UTF-8 with line and column,
    ///   or a name that gives no id).
    public static func read(path: String) throws(InputError) -> LocatedCandidate {
        let text = try TextInput.read(path)
        var name = (path as NSString).lastPathComponent
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let id = name.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw InputError(file: path, message: "the file name gives no candidate id") }
        var heading: String?
        if let first = text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }),
           first.hasPrefix("# ") {
            let title = first.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if !title.isEmpty { heading = title }
        }
        return LocatedCandidate(candidate: Candidate(id: id, name: heading, skills: []), file: path, line: nil, text: text)
    }

    /// The candidates with the skills of their text added (explicit skills keep their level), text cleared.
    public static func resolve(_ located: [LocatedCandidate], catalog: Catalog, level: Double = defaultLevel) -> [LocatedCandidate] {
        guard located.contains(where: { $0.text != nil }) else { return located }
        return ResumeTextResolver(catalog: catalog, level: level).resolve(located)
    }
}

/// Turns resume text into held skills against one catalogue; the extractor is built on first use, once, and
/// shared by every thread.
public final class ResumeTextResolver: @unchecked Sendable {
    // Invariant: `built` is only read or written while holding `lock`; everything else is immutable.
    private let lock = NSLock()
    private var built: SkillExtractor?
    /// The catalogue whose skills are extracted.
    public let catalog: Catalog
    /// The level extracted skills are held at.
    public let level: Double

    /// A resolver for a catalogue, holding extracted skills at `level` (in (0, 1]).
    public init(catalog: Catalog, level: Double = TextResumeReader.defaultLevel) {
        self.catalog = catalog
        self.level = level
    }

    /// The extractor, built on first use.
    public var extractor: SkillExtractor {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let extractor = SkillExtractor(catalog: catalog)
        built = extractor
        return extractor
    }

    /// The candidate with the skills found in `text` added after its own; a skill it states keeps its level.
    public func resolve(_ candidate: Candidate, text: String) -> Candidate {
        var result = candidate
        let stated = Set(candidate.skills.map(\.skill))
        for skill in extractor.skills(in: text) where !stated.contains(skill) {
            result.skills.append(HeldSkill(skill: skill, level: level))
        }
        return result
    }

    /// Resolves every candidate that carries text.
    public func resolve(_ located: [LocatedCandidate]) -> [LocatedCandidate] {
        located.map { item in
            guard let text = item.text else { return item }
            var resolved = item
            resolved.candidate = resolve(item.candidate, text: text)
            resolved.text = nil
            return resolved
        }
    }
}

/// A candidate record as JSON may write it: the candidate's fields and optional resume text.
struct CandidateRecord: Decodable {
    var candidate: Candidate
    var text: String?

    private enum CodingKeys: String, CodingKey { case text }

    init(from decoder: any Decoder) throws {
        candidate = try Candidate(from: decoder)
        text = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .text)
    }
}

/// Reads a text file as UTF-8.
public enum TextInput {
    /// The text of a file, or an error naming it (and the line and column of the first invalid UTF-8 byte).
    public static func read(_ path: String) throws(InputError) -> String {
        try decode(JSONInput.read(path), file: path)
    }

    /// The bytes as a string, or an error naming the file and the line and column of the first invalid byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first invalid byte by decoding scalar by scalar.
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error:
                throw InputError(file: file, line: line, column: column, message: "is not valid UTF-8 text")
            }
        }
        throw InputError(file: file, message: "is not valid UTF-8 text")
    }
}
