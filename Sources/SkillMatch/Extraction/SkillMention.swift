/// Which of a skill's labels matched.
public enum LabelKind: String, Sendable, Hashable, Codable, Comparable {
    /// The preferred label.
    case preferred
    /// An alternative label.
    case alternative
    /// A hidden label (a misspelling or old term): recognised, never shown; the mention shows the preferred label.
    case hidden

    var rank: Int {
        switch self {
        case .preferred: 0
        case .alternative: 1
        case .hidden: 2
        }
    }

    public static func < (a: LabelKind, b: LabelKind) -> Bool { a.rank < b.rank }
}

/// Why a mention was accepted.
public enum MentionSupport: String, Sendable, Hashable, Codable {
    /// The label is distinctive on its own: several words, or one word written as a name (`JavaScript`, `SQL`).
    case distinctive
    /// A short or ambiguous label with a cue word next to it ("experience with", "skills", "programming").
    case cue
    /// A short or ambiguous label listed with other accepted skills ("Python, R and SQL"), or one of two names
    /// written in lower case listed together ("java, mysql").
    case list
    /// A name opening a sentence ("Python is required for SQL reporting") with another accepted skill in the
    /// same sentence.
    case sentence
}

/// A catalogue skill found in a text.
///
/// Offsets count Unicode scalars (code points) from the start of the text, `end` exclusive, so Python's
/// `text[start:end]` is the span.
public struct SkillMention: Sendable, Hashable {
    /// The skill's id.
    public var skill: String
    /// The label that matched, as the catalogue writes it (for a hidden label, the preferred label).
    public var label: String
    /// Which kind of label matched.
    public var labelKind: LabelKind
    /// Start of the span (Unicode scalar offset).
    public var start: Int
    /// End of the span (exclusive).
    public var end: Int
    /// The text of the span.
    public var text: String
    /// Why the mention was accepted.
    public var support: MentionSupport
    /// Other skills that share the matched label (ids), best first; empty when the label is unique.
    public var alternatives: [String]

    /// Creates a mention.
    public init(
        skill: String, label: String, labelKind: LabelKind, start: Int, end: Int, text: String,
        support: MentionSupport, alternatives: [String] = []
    ) {
        self.skill = skill
        self.label = label
        self.labelKind = labelKind
        self.start = start
        self.end = end
        self.text = text
        self.support = support
        self.alternatives = alternatives
    }
}
