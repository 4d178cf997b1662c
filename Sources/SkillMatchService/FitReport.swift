import Foundation
import SkillMatch

/// The JSON shape of `fit`: `{"candidate", "job", "title", "score", "skills": [...]}`.
public struct FitJSON: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var importance: Double
        public var required: Double
        public var have: Double
        public var credit: Double
        public var gain: Double
        public var source: String
        /// With `source` `document`: how the level was inferred from the candidate's document.
        public var evidence: String?
        /// With inference: the related held skill the credit comes from, its similarity and the inferred credit.
        public var inferredFrom: String?
        public var similarity: Double?
        public var inferredCredit: Double?
    }

    public var candidate: String
    public var job: String
    public var title: String
    public var score: Double
    public var skills: [Line]

    public init(_ result: FitResult) {
        candidate = result.candidate
        job = result.job
        title = result.title
        score = rounded(result.score)
        skills = result.skills.map {
            Line(skill: $0.skill, label: $0.label, importance: $0.importance, required: $0.required,
                 have: rounded($0.have), credit: rounded($0.credit), gain: rounded($0.gain), source: $0.source.description,
                 evidence: $0.source.evidence, inferredFrom: $0.inferred?.from, similarity: $0.inferred.map { rounded($0.similarity) },
                 inferredCredit: $0.inferred.map { rounded($0.credit) })
        }
    }
}
