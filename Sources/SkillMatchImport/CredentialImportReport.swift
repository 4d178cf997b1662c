/// What `import credentials` read, matched and left out.
public struct CredentialImportReport: Sendable, Hashable, Codable {
    /// One file read.
    public struct FileRead: Sendable, Hashable, Codable {
        /// The file.
        public var file: String
        /// The format it was read as.
        public var format: CredentialFormat
        /// Credentials read from it.
        public var credentials: Int
        /// Alignment rows read from it (an alignments CSV).
        public var alignments: Int = 0
    }

    /// One credential imported.
    public struct Imported: Sendable, Hashable, Codable {
        /// Its id.
        public var id: String
        /// Its name.
        public var name: String
        /// The format it was read in.
        public var format: CredentialFormat
        /// The file it was read from.
        public var file: String
        /// Its 1-based position in the file (the data row, for CSV).
        public var record: Int
        /// The line on which it starts, when known.
        public var line: Int?
        /// The skills it grants (matched references, each skill once).
        public var grants: Int
        /// Its prerequisites (resolved).
        public var prerequisites: Int
        /// The catalogue jobs it serves (resolved occupations).
        public var occupations: Int = 0
        /// How many of its grants were derived from its occupations.
        public var derivedGrants: Int = 0
    }

    /// The files read, in the order read.
    public var files: [FileRead] = []
    /// The credentials imported, in the order read.
    public var credentials: [Imported] = []
    /// Skill references read (alignments, competencies, CSV skills).
    public var skillReferences = 0
    /// Grants made from them (a skill referenced twice by one credential counts once).
    public var grants = 0
    /// References matched, by rule: `url`, `code`, `label`.
    public var matchedBy: [String: Int] = Dictionary(uniqueKeysWithValues: SkillMatchRule.allCases.map { ($0.rawValue, 0) })
    /// References that matched no catalogue skill (not fatal): where, what was written, why.
    public var unmapped: [ImportNote] = []
    /// Prerequisites that named no credential of the import or the catalogue (left out).
    public var unresolvedPrerequisites: [ImportNote] = []
    /// Records left out, and why (profiles, organisations, retired credentials, files of other kinds).
    public var skipped: [ImportNote] = []
    /// Facts read but not kept (a cost in another currency, an unknown achievement type).
    public var notes: [ImportNote] = []
    /// The level given to grants that state none.
    public var level = 1.0
    /// Alignments to a taxonomy the catalogue holds no skill of, by framework (`onet`, `esco`): counted, not reported.
    public var skillsNotHeld: [String: Int] = [:]
    /// Occupation references read (CSV occupations, CTDL occupationType, Open Badges occupation alignments).
    public var occupationReferences = 0
    /// Occupation references to a framework the catalogue holds no job of, by framework: counted, not reported.
    public var occupationsNotHeld: [String: Int] = [:]
    /// Occupation references of a held framework that matched no catalogue job.
    public var unresolvedOccupations: [ImportNote] = []
    /// The rule that derived grants from occupations, when on.
    public var derivedRule: DerivedGrantRule?
    /// Grants derived from occupations, and the credentials that got them.
    public var derivedGrants = 0
    public var derivedCredentials = 0

    /// An empty report.
    public init() {}
}
