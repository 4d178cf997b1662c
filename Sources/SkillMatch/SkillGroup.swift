/// A node of a taxonomy's skill hierarchy, such as an ESCO skill group ("communication, collaboration and
/// creativity"): it classifies skills, and is never required, granted or held itself.
///
/// Skills name their groups in ``Skill/broader``; groups name theirs in ``broader``.
public struct SkillGroup: Sendable, Hashable, Identifiable {
    /// A stable identifier (an ESCO URI).
    public var id: String
    /// The preferred label.
    public var label: String
    /// The taxonomy's code for the group, when it has one (ESCO `S1.2`, ISCED-F `0613`).
    public var code: String?
    /// A description, when known.
    public var description: String?
    /// The ids of the broader groups it belongs under.
    public var broader: [String]
    /// The taxonomy or importer the group came from (`onet`, `esco`, ...); `nil` for catalogue JSON.
    public var source: String?

    /// Creates a skill group.
    public init(
        id: String, label: String, code: String? = nil, description: String? = nil, broader: [String] = [], source: String? = nil
    ) {
        self.source = source
        self.id = id
        self.label = label
        self.code = code
        self.description = description
        self.broader = broader
    }
}
