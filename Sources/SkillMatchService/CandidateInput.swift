import Foundation
import SkillMatch
import SkillMatchImport
import SkillMatchStore

/// How a request names the person: a stored candidate, a file, a document given inline, or resume text.
public enum CandidateInput: Sendable, Equatable {
    /// `--candidate FILE|ID`: the file at that path when there is one, else the stored candidate with that id.
    case argument(String)
    /// A stored candidate's id.
    case stored(String)
    /// A candidate document given inline as JSON: a candidate object (`id`, `skills`, `credentials`, `text`), a JSON
    /// Resume, or Open Badges credentials the person holds; `name` is how messages name it.
    case json([UInt8], name: String)
    /// Resume text (plain or markdown), read as a text resume whose candidate id is `id`.
    case text(String, id: String)
}

/// A person ready to be scored: the candidate and, when it was read from text, what the text says.
public struct ResolvedCandidate: Sendable {
    /// The candidate with the skills found in its text and the credentials it names as held; checked against the
    /// session's catalogue by `resolve` (reports rely on it: change it only to something as valid).
    public var candidate: Candidate
    /// What the text says about every job (titles held, relevance); nil for a candidate without text.
    public var evidence: DocumentEvidence?
    /// The reader the text was read with (its document matcher ranks jobs for the text).
    public var reader: ResumeTextResolver?
    /// The text, when there was one.
    public var text: String?
    /// Sentences about what a JSON Resume or Open Badges document named that matched nothing in the catalogue.
    public var unresolved: [String]
}

extension CatalogSession {
    /// Reads the person `input` names, checked against the catalogue.
    /// - Parameters:
    ///   - inferFromTitles: add the levels that titles held in a text imply (`--no-infer` turns it off).
    ///   - semantic: read text by meaning too (`--semantic`); the session's shared reader is used when nil.
    /// - Throws: ``ServiceError`` (`notFound`) for an unknown stored id, ``InputError`` naming the document, field and
    ///   line for a malformed one, ``CatalogValidationError`` for one that breaks a catalogue rule.
    public func resolve(_ input: CandidateInput, inferFromTitles: Bool = true, semantic: SemanticResources? = nil) throws -> ResolvedCandidate {
        let located: LocatedCandidate
        switch input {
        case .stored(let id):
            guard let stored = try store.candidate(id) else {
                throw ServiceError(.notFound, field: "candidate", "no stored candidate with id \"\(id)\"")
            }
            return ResolvedCandidate(candidate: stored, unresolved: [])
        case .argument(let argument):
            if FileManager.default.fileExists(atPath: argument) {
                located = try exactlyOne(CandidateReader.read(path: argument, catalog: catalog), in: argument)
            } else if let stored = try store.candidate(argument) {
                return ResolvedCandidate(candidate: stored, unresolved: [])
            } else if argument.contains("/") || argument.hasSuffix(".json") || argument.hasSuffix(".jsonl") || TextResumeReader.isTextResume(argument) {
                throw InputError(file: argument, message: "no such file")
            } else {
                throw ServiceError(.notFound, field: "candidate", "no stored candidate with id \"\(argument)\" and no file named \(argument) (see `skillmatch candidate list`)")
            }
        case .json(let bytes, let name):
            located = try exactlyOne(CandidateReader.parse(bytes, file: name, catalog: catalog), in: name)
        case .text(let text, let id):
            located = TextResumeReader.candidate(text: text, id: id, file: "text")
        }
        return try resolve(located, inferFromTitles: inferFromTitles, semantic: semantic)
    }

    private func exactlyOne(_ read: [LocatedCandidate], in name: String) throws -> LocatedCandidate {
        guard read.count == 1, let first = read.first else {
            throw InputError(file: name, message: "holds \(read.count) candidates; exactly one is needed here")
        }
        return first
    }

    private func resolve(_ located: LocatedCandidate, inferFromTitles: Bool, semantic: SemanticResources?) throws -> ResolvedCandidate {
        var person = located
        var resolved = ResolvedCandidate(candidate: person.candidate, unresolved: [])
        if let text = person.text {
            let documents = semantic == nil ? reader(inferFromTitles: inferFromTitles) : ResumeTextResolver(
                catalog: catalog, inferFromTitles: inferFromTitles, asOfYear: asOfYear, semantic: semantic,
                extractor: Self.storedExtractor(store, catalog), documentIndexes: Self.storedDocumentIndexes(store, catalog))
            documents.prepare()
            let evidence = documents.evidence(text)
            person.candidate = documents.resolve(person.candidate, text: text, evidence: inferFromTitles ? evidence : nil)
            person.text = nil
            (resolved.evidence, resolved.reader, resolved.text) = (evidence, documents, text)
        }
        do {
            try CandidateReader.check([person], against: catalog)
        } catch {
            // Well-formed, but naming what the catalogue does not hold (an unknown skill or credential, a level out of range).
            throw ServiceError(.unprocessable, field: "candidate", error.description)
        }
        resolved.candidate = person.candidate
        resolved.unresolved = Self.unresolvedSentences([person])
        return resolved
    }

    /// What JSON Resumes and Open Badges credentials named that matched nothing, one sentence each.
    public static func unresolvedSentences(_ located: [LocatedCandidate]) -> [String] {
        located.flatMap { person in
            person.unresolved.map { "\(person.file): candidate \"\(person.candidate.id)\", \($0.field) \"\($0.value)\": \($0.reason)" }
        }
    }
}
