import Foundation
import SkillMatch
import SkillVectors

/// How `similar --job` ranks related jobs.
public enum SimilarMethod: String, Sendable, CaseIterable {
    /// Rank-level fusion of every descriptor (``RelatedOccupations``).
    case fused
    /// The relatedness model's score alone (``OccupationSimilarity``).
    case model
}

/// `similar --job`: `{"job", "title", "model", "method", "similar": [{"job", "title", "score", "fused", "views",
/// "jobZone", "transfer", "shared", "missing"}]}`; `fused` and `views` (mid-rank by view) only with `--method fused`.
public struct SimilarJobsJSON: Encodable, Sendable {
    public var job: String
    public var title: String
    public var model: String
    public var method: String
    public var similar: [SimilarJobJSON]
    /// The ranking behind `similar` (fused scores and ranks by view), for the CLI's table; not encoded.
    public var neighbours: [RelatedOccupations.Neighbour] = []

    private enum CodingKeys: String, CodingKey { case job, title, model, method, similar }
}

public struct SimilarJobJSON: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var importance: Double
        public var required: Double
        public var have: Double
        public var gain: Double
    }

    public var job: String
    public var title: String
    public var score: Double
    public var fused: Double?
    public var views: [String: Double]?
    public var jobZone: Int?
    public var transfer: Double
    public var shared: [Line]
    public var missing: [Line]
}

/// `similar --skill`: `{"skill", "label", "model", "similar": [{"skill", "label", "score"}]}`.
public struct SimilarSkillsJSON: Encodable, Sendable {
    public var skill: String
    public var label: String
    public var model: String
    public var similar: [SimilarSkillJSON]
}

public struct SimilarSkillJSON: Encodable, Sendable {
    public var skill: String
    public var label: String
    public var score: Double
}

/// `similar --credential`: `{"credential", "name", "model", "similar": [{"credential", "name", "score"}]}`.
public struct SimilarCredentialsJSON: Encodable, Sendable {
    public var credential: String
    public var name: String
    public var model: String
    public var similar: [SimilarCredentialJSON]
}

public struct SimilarCredentialJSON: Encodable, Sendable {
    public var credential: String
    public var name: String
    public var score: Double
}

extension SimilarJobsJSON {
    /// The jobs nearest `job` (the relatedness model's views fused, or its score alone), each with what transfers.
    /// - Parameter built: the model's ranking structures when already built (a server keeps them); built here if nil.
    public init(
        job id: String, catalog: Catalog, model: RelatednessModel, method: SimilarMethod, top: Int,
        built: (fused: RelatedOccupations, similarity: OccupationSimilarity)? = nil
    ) throws {
        guard let index = catalog.jobIndex(id) else { throw MatchError.unknownJob(id) }
        let similarity = built?.similarity ?? OccupationSimilarity(catalog: catalog, model: model)
        let near: [RelatedOccupations.Neighbour] = switch method {
        case .fused: (built?.fused ?? RelatedOccupations(catalog: catalog, model: model)).nearest(to: index, k: top)
        case .model: similarity.nearest(to: index, k: top).map { .init(index: $0.index, fused: nil, ranks: []) }
        }
        similar = near.map { ranked -> SimilarJobJSON in
            let other = catalog.jobs[ranked.index]
            let move = similarity.transition(from: index, to: ranked.index)
            let line = { (skill: SkillCredit) in
                SimilarJobJSON.Line(skill: skill.skill, label: skill.label, importance: skill.importance, required: rounded(skill.required),
                                    have: rounded(skill.have), gain: rounded(skill.gain))
            }
            return SimilarJobJSON(
                job: other.id, title: other.title, score: rounded(similarity.score(index, ranked.index)),
                fused: ranked.fused.map(rounded),
                views: ranked.ranks.isEmpty ? nil : Dictionary(uniqueKeysWithValues: ranked.ranks.map { ($0.view.rawValue, $0.rank) }),
                jobZone: other.jobZone, transfer: rounded(move.transfer), shared: move.shared.map(line), missing: move.missing.map(line))
        }
        job = catalog.jobs[index].id
        title = catalog.jobs[index].title
        self.model = model.fingerprint.description
        self.method = method.rawValue
        neighbours = near
    }
}

extension SimilarSkillsJSON {
    /// The skills nearest `skill` by the cosine of their vectors.
    public init(skill id: String, catalog: Catalog, model: RelatednessModel, top: Int) throws {
        guard let index = catalog.skillIndex(id) else { throw MatchError.unknownSkill(id) }
        similar = model.nearestSkills(to: index, k: top).map { ranked in
            SimilarSkillJSON(skill: catalog.skills[ranked.index].id, label: catalog.skills[ranked.index].label, score: rounded(ranked.score))
        }
        skill = catalog.skills[index].id
        label = catalog.skills[index].label
        self.model = model.fingerprint.description
    }
}

extension SimilarCredentialsJSON {
    /// The credentials nearest `credential` by the cosine of their level-weighted granted skill vectors.
    public init(credential id: String, catalog: Catalog, model: RelatednessModel, top: Int) throws {
        guard let index = catalog.credentialIndex(id) else { throw MatchError.unknownCredential(id) }
        let search = SimilaritySearch(vectors: model.credentialVectors(catalog))
        similar = search.neighbours(of: index, k: top).map { ranked in
            SimilarCredentialJSON(credential: catalog.credentials[ranked.index].id, name: catalog.credentials[ranked.index].name, score: rounded(ranked.score))
        }
        credential = catalog.credentials[index].id
        name = catalog.credentials[index].name
        self.model = model.fingerprint.description
    }
}
