import Foundation
import SkillMatch
import SkillVectors

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
        return candidate(text: text, id: id, file: path)
    }

    /// One resume given as text: a candidate with id `id`, no stated skills yet, and the text to extract them from;
    /// its name is a first-level markdown heading on the first non-blank line (`# Dana Lee`), when there is one.
    /// - Parameter file: how messages name where the text came from.
    public static func candidate(text: String, id: String, file: String) -> LocatedCandidate {
        var heading: String?
        if let first = text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }),
           first.hasPrefix("# ") {
            let title = first.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if !title.isEmpty { heading = title }
        }
        return LocatedCandidate(candidate: Candidate(id: id, name: heading, skills: []), file: file, line: nil, text: text)
    }

    /// The candidates with the skills of their text added (explicit skills keep their level), text cleared.
    /// - Parameter inferFromTitles: also add the levels that titles held imply (``DocumentMatcher``).
    public static func resolve(
        _ located: [LocatedCandidate], catalog: Catalog, level: Double = defaultLevel, inferFromTitles: Bool = false,
        asOfYear: Int? = nil, semantic: (encoder: SentenceEncoder, index: SemanticIndex)? = nil,
        extractor: (@Sendable () -> SkillExtractor)? = nil, documentIndexes: (@Sendable () -> DocumentIndexes?)? = nil
    ) -> [LocatedCandidate] {
        guard located.contains(where: { $0.text != nil }) else { return located }
        return ResumeTextResolver(
            catalog: catalog, level: level, inferFromTitles: inferFromTitles, asOfYear: asOfYear, semantic: semantic, extractor: extractor,
            documentIndexes: documentIndexes)
            .resolve(located)
    }
}

/// A value built on first use, once, by whichever thread asks first; the others wait for it.
public final class BuiltOnFirstUse<Value: Sendable>: @unchecked Sendable {
    // Invariant: `value` is only read or written while holding `lock`; `make` is immutable.
    private let lock = NSLock()
    private var value: Value?
    private let make: @Sendable () -> Value

    /// A value that `make` builds on first use.
    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, built now if it is not yet.
    public var get: Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let built = make()
        value = built
        return built
    }
}

/// Turns resume text into held skills against one catalogue; the extractor, the document matcher and the engine
/// that ranks documents are each built on first use, once, and shared by every thread.
public final class ResumeTextResolver: Sendable {
    private let builtExtractor: BuiltOnFirstUse<SkillExtractor>
    private let builtDocuments: BuiltOnFirstUse<DocumentMatcher>
    private let builtEngine: BuiltOnFirstUse<MatchEngine>
    private let builtSemantic: BuiltOnFirstUse<SemanticExtractor>?
    private let builtCredentials: BuiltOnFirstUse<CredentialMentions>
    /// The catalogue whose skills are extracted.
    public let catalog: Catalog
    /// The level extracted skills are held at.
    public let level: Double
    /// Whether skills are also inferred from the titles the text shows the person held
    /// (``DocumentMatcher/inferredSkills(_:excluding:)``).
    public let inferFromTitles: Bool
    /// The year an open date range (`2019 – Present`) ends when the document names no later one
    /// (``DocumentMatcher/evidence(_:asOfYear:)``); `nil`: the latest year the document names.
    public let asOfYear: Int?

    /// A resolver for a catalogue, holding extracted skills at `level` (in (0, 1]) and, when `inferFromTitles`,
    /// adding the levels that titles held imply, with open date ranges ending in `asOfYear`.
    /// - Parameter semantic: the sentence encoder and the catalogue's semantic index (`--semantic`): skills are also
    ///   found by meaning (``SemanticExtractor``, held at `level`, each with its evidence) and job titles by meaning
    ///   where none matches word for word (``SemanticTitles``).
    /// - Parameter extractor: makes the skill extractor on first use (for example read back from the catalogue's
    ///   stored index, `CatalogStore.extractor(for:)`); by default it is built from the catalogue.
    /// - Parameter documentIndexes: gives the document indexes on first use (`CatalogStore.documentIndexes(for:)`);
    ///   built when it gives none.
    public init(
        catalog: Catalog, level: Double = TextResumeReader.defaultLevel, inferFromTitles: Bool = false, asOfYear: Int? = nil,
        semantic: (encoder: SentenceEncoder, index: SemanticIndex)? = nil, extractor makeExtractor: (@Sendable () -> SkillExtractor)? = nil,
        documentIndexes: (@Sendable () -> DocumentIndexes?)? = nil
    ) {
        self.catalog = catalog
        self.level = level
        self.inferFromTitles = inferFromTitles
        self.asOfYear = asOfYear
        let extractor = BuiltOnFirstUse { makeExtractor?() ?? SkillExtractor(catalog: catalog) }
        builtExtractor = extractor
        builtSemantic = semantic.map { semantic in
            BuiltOnFirstUse { SemanticExtractor(lexical: extractor.get, encoder: semantic.encoder, index: semantic.index) }
        }
        let titles = semantic.map { SemanticTitles(catalog: catalog, encoder: $0.encoder, index: $0.index) }
        builtDocuments = BuiltOnFirstUse { DocumentMatcher(catalog: catalog, semanticTitles: titles, indexes: documentIndexes?()) }
        builtEngine = BuiltOnFirstUse { MatchEngine(catalog: catalog, storage: .sparse) }
        builtCredentials = BuiltOnFirstUse { CredentialMentions(catalog: catalog) }
    }

    /// The document matcher (text relevance and titles), built on first use.
    public var documents: DocumentMatcher { builtDocuments.get }

    /// The extractor, built on first use.
    public var extractor: SkillExtractor { builtExtractor.get }

    /// A match engine without inference over the catalogue, built on first use: ranks document candidates in
    /// `batch` (``MatchEngine/match(_:evidence:index:top:minimumScore:)``).
    public var engine: MatchEngine { builtEngine.get }

    /// Builds the extractor and the document matcher now, concurrently, so that first use costs nothing more.
    public func prepare() {
        _ = Parallel.both({ self.extractor }, { self.documents })
    }

    /// Each document row's ranked jobs, by row: what `batch` writes for candidates read from documents, exactly
    /// as `match` ranks them without a relatedness model (relevance, titles held, fit).
    public func rank(_ rows: [DocumentRow], top: Int, minimumScore: Double) -> [Int: [DocumentJobScore]] {
        guard !rows.isEmpty else { return [:] }
        let (engine, documents) = (engine, documents)
        var ranked: [Int: [DocumentJobScore]] = [:]
        for row in rows {
            // Rows were validated when read.
            ranked[row.row] = (try? engine.match(row.candidate, evidence: row.evidence, documents: documents, top: top, minimumScore: minimumScore, validated: true, explain: false)) ?? []
        }
        return ranked
    }

    /// The candidate with the skills found in `text` added after its own, and the credentials the text names as held
    /// (``CredentialMentions``) added to its credentials; a skill it states keeps its level.
    /// With ``inferFromTitles``, the levels implied by titles held are added too, each with its evidence, where they
    /// exceed the extracted level.
    public func resolve(_ candidate: Candidate, text: String) -> Candidate {
        resolve(candidate, text: text, evidence: inferFromTitles ? evidence(text) : nil)
    }

    /// What a document's text says about every job (``DocumentMatcher/evidence(_:asOfYear:)``, with ``asOfYear``).
    public func evidence(_ text: String) -> DocumentEvidence {
        documents.evidence(text, asOfYear: asOfYear)
    }

    /// ``resolve(_:text:)`` with the document's evidence already computed (`nil`: no title inference).
    public func resolve(_ candidate: Candidate, text: String, evidence: DocumentEvidence?) -> Candidate {
        var result = candidate
        let named = builtCredentials.get.held(in: text)
        result.credentials += named.filter { !candidate.credentials.contains($0) }
        let stated = Set(candidate.skills.map(\.skill))
        var inferred: [String: HeldSkill] = [:]
        if let evidence {
            for held in documents.inferredSkills(evidence, excluding: stated) { inferred[held.skill] = held }
        }
        let mentions = extractor.mentions(in: text)
        for skill in Set(mentions.map(\.skill)).sorted() where !stated.contains(skill) {
            if let title = inferred[skill], title.level > level { continue }
            inferred[skill] = nil
            result.skills.append(HeldSkill(skill: skill, level: level))
        }
        // Skills by meaning are inferred, as levels from titles are: --no-infer (no `inferFromTitles`) leaves them out.
        if inferFromTitles, let semantic = builtSemantic?.get {
            let found = Set(result.skills.map(\.skill))
            for mention in semantic.mentions(in: [text], lexical: [mentions], threads: 1)[0]
            where !stated.contains(mention.skill) && !found.contains(mention.skill) {
                if let title = inferred[mention.skill], title.level > level { continue }
                inferred[mention.skill] = nil
                let span = mention.text.count > 80 ? String(mention.text.prefix(77)) + "..." : mention.text
                result.skills.append(HeldSkill(
                    skill: mention.skill, level: level,
                    evidence: "text \"\(span)\" ≈ \"\(mention.label)\" (similarity \(String(format: "%.2f", mention.similarity)))"))
            }
        }
        result.skills += inferred.sorted { $0.key < $1.key }.map(\.value)
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

    /// The text of standard input, read to its end (at most ``JSONInput/maximumFileBytes``).
    public static func readStandardInput() throws(InputError) -> String {
        try decode(JSONInput.read("/dev/stdin", name: "standard input"), file: "standard input")
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
