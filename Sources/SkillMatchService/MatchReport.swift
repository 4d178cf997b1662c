import Foundation
import SkillMatch

/// The JSON shape of `match --job`: `{"job", "candidates", "matches": [{"candidate", "name", "score"}]}`.
public struct JobMatchJSON: Encodable, Sendable {
    public struct Match: Encodable, Sendable {
        public var candidate: String
        public var name: String?
        public var score: Double
    }

    public var job: String
    public var candidates: Int
    public var matches: [Match]
}

/// The JSON shape of `match --candidate DOCUMENT`: `{"candidate", "heldTitles", "skillsFound", "note", "matches": [{"job",
/// "title", "rank", "score", "relevance", "titleEvidence", "titlesHeld", "terms"}]}`; `score` is the fit, `rank` what the
/// list is ordered by.
public struct DocumentMatchJSON: Encodable, Sendable {
    public struct Held: Encodable, Sendable {
        public var title: String
        public var line: Int
        public var years: Double?
        public var jobs: [String]
    }

    public struct Match: Encodable, Sendable {
        public var job: String
        public var title: String
        public var rank: Double
        public var score: Double
        public var relevance: Double
        public var titleEvidence: Double
        public var titlesHeld: [String]
        public var terms: [String]
    }

    public var candidate: String
    public var note: String?
    public var heldTitles: [Held]
    public var skillsFound: [String]
    public var matches: [Match]
}

/// The JSON shape of `match`: `{"candidate", "matches": [{"job", "title", "score"}]}`.
public struct MatchJSON: Encodable, Sendable {
    public struct Match: Encodable, Sendable {
        public var job: String
        public var title: String
        public var score: Double
    }

    public var candidate: String
    public var matches: [Match]
}

extension MatchJSON {
    /// `match --candidate` for a candidate record: jobs by fit.
    public init(candidate: String, matches: [JobScore]) {
        self.candidate = candidate
        self.matches = matches.map { Match(job: $0.job, title: $0.title, score: rounded($0.score)) }
    }
}

extension MatchJSON.Match {
    /// One job and its fit, rounded.
    public init(_ score: JobScore) { self.init(job: score.job, title: score.title, score: rounded(score.score)) }
}

extension JobMatchJSON {
    /// `match --job`: the best candidates of a pool of `candidates`.
    public init(job: String, candidates: Int, matches: [CandidateScore]) {
        self.job = job
        self.candidates = candidates
        self.matches = matches.map { Match(candidate: $0.candidate, name: $0.name, score: rounded($0.score)) }
    }
}

extension DocumentMatchJSON {
    /// `match --candidate DOCUMENT`: the jobs ranked for a document, its titles held and the skills named in it.
    public init(candidate: Candidate, evidence: DocumentEvidence, matches: [DocumentJobScore], note: String?, catalog: Catalog) {
        self.candidate = candidate.id
        self.note = note
        heldTitles = evidence.heldTitles.map {
            Held(title: $0.title, line: $0.line, years: $0.years.map(rounded), jobs: $0.jobs.map { catalog.jobs[$0].id })
        }
        skillsFound = candidate.skills.filter { $0.evidence == nil }.map(\.skill)
        self.matches = matches.map {
            Match(job: $0.job, title: $0.title, rank: rounded($0.rank), score: rounded($0.fit), relevance: rounded($0.relevance),
                  titleEvidence: rounded($0.titleEvidence), titlesHeld: $0.titles, terms: $0.terms)
        }
    }
}

extension JobMatches {
    /// The JSON shape `match --candidate` prints for these matches: ``MatchJSON`` or ``DocumentMatchJSON``.
    public func report(for candidate: Candidate, catalog: Catalog) -> any Encodable & Sendable {
        switch self {
        case .scored(let scores): MatchJSON(candidate: candidate.id, matches: scores)
        case .document(let matches, let evidence, let note):
            DocumentMatchJSON(candidate: candidate, evidence: evidence, matches: matches, note: note, catalog: catalog)
        }
    }
}
