import Foundation
import SkillMatch

/// The JSON shape of `extract`: `{"skills": [mention, ...]}`, the skills a text mentions with exact spans.
public struct ExtractedText: Encodable, Sendable {
    public var skills: [MentionRecord]

    public init(skills: [MentionRecord]) { self.skills = skills }
}

/// `{"line", "skills": [...]}`.
public struct LineMentions: Encodable, Sendable {
    public var line: Int
    public var skills: [MentionRecord]

    public init(line: Int, skills: [MentionRecord]) { (self.line, self.skills) = (line, skills) }
}

/// One mention as JSON.
public struct MentionRecord: Encodable, Sendable {
    public var skill: String
    public var label: String
    public var start: Int
    public var end: Int
    public var text: String
    public var labelKind: String
    public var preferredLabel: String
    public var support: String
    public var alternatives: [String]
    /// `lexical` or `semantic`.
    public var method = "lexical"
    /// For a semantic mention: the cosine similarity of the segment and the label, rounded to 6 decimals.
    public var similarity: Double?

    public init(_ mention: SemanticMention, catalog: Catalog) {
        skill = mention.skill
        label = mention.label
        start = mention.start
        end = mention.end
        text = mention.text
        labelKind = mention.labelKind
        preferredLabel = catalog.skill(mention.skill)?.label ?? mention.label
        support = "similarity"
        alternatives = []
        method = "semantic"
        similarity = rounded(mention.similarity)
    }

    public init(_ mention: SkillMention, catalog: Catalog?) {
        skill = mention.skill
        label = mention.label
        start = mention.start
        end = mention.end
        text = mention.text
        labelKind = mention.labelKind.rawValue
        preferredLabel = catalog?.skill(mention.skill)?.label ?? mention.label
        support = mention.support.rawValue
        alternatives = mention.alternatives
    }
}
