/// The kind of a micro-credential.
public enum CredentialType: String, Sendable, Hashable, Codable, CaseIterable {
    /// An industry certification, earned by exam (CompTIA A+, MSSC CLT).
    case certification
    /// A certificate of completed training (Google IT Support).
    case certificate
    /// A licence granted by a public authority (state nurse aide registry, EMT).
    case license
    /// A digital badge (IBM, Credly).
    case badge
    /// Another short, stackable credential.
    case microcredential
    /// The completion certificate of a Registered Apprenticeship (on-the-job learning plus related instruction).
    case apprenticeship
}

/// A level of a skill that a credential shows its holder has.
public struct Grant: Sendable, Hashable {
    /// The granted skill's id.
    public var skill: String
    /// The granted level, in (0, 1].
    public var level: Double
    /// The catalogue job whose profile this grant was derived from, for a credential published with occupation
    /// alignments only (see `import credentials --derive`); `nil` for a grant its publisher states.
    public var derivedFrom: String?

    /// Creates a grant; the level defaults to 1.
    public init(skill: String, level: Double = 1, derivedFrom: String? = nil) {
        self.skill = skill
        self.level = level
        self.derivedFrom = derivedFrom
    }
}

/// A micro-credential: a certification, certificate, licence or badge, with the facts a certification finder shows.
public struct Credential: Sendable, Hashable, Identifiable {
    /// A stable identifier.
    public var id: String
    /// The credential's name.
    public var name: String
    /// The organisation that awards it.
    public var issuer: String?
    /// Its kind.
    public var type: CredentialType?
    /// Typical cost in US dollars (exam and typical preparation).
    public var cost: Double?
    /// Typical hours of preparation.
    public var hours: Double?
    /// The skills and levels it shows.
    public var grants: [Grant]
    /// Credentials that must be held before this one can be earned.
    public var prerequisites: [String]
    /// The issuer's page.
    public var url: String?
    /// Whether employers ask for it in job postings.
    public var inDemand: Bool
    /// Accrediting bodies, such as `ANSI` or `NCCA`.
    public var accreditations: [String]
    /// Whether an industry body endorses it.
    public var industryEndorsed: Bool?
    /// Whether an exam is required.
    public var examRequired: Bool?
    /// Whether formal education or training is required before the exam.
    public var educationRequired: Bool?
    /// Whether work experience is required before the exam.
    public var experienceRequired: Bool?
    /// Years after which it must be renewed.
    public var renewalYears: Double?
    /// How it is renewed (`CEU`, `reexamination`, `CPD`, ...).
    public var renewalMethods: [String]

    /// The standard or importer the credential came from (`openbadges`, `ctdl`, `csv`, ...); `nil` for catalogue JSON.
    public var source: String?
    /// The catalogue jobs (occupations) it serves, most relevant first, as a certification finder lists them.
    public var occupations: [String]
    /// Whether ``cost`` is a typical figure that varies (by state, provider or membership).
    public var costApproximate: Bool
    /// Whether ``hours`` is a typical figure that varies (self-study estimates, state rules).
    public var hoursApproximate: Bool
    /// The sector a finder files it under (`it`, `healthcare`, `construction`, ...).
    public var sector: String?
    /// Where its facts come from (URLs of the issuer's pages).
    public var references: [String]
    /// Whether its cost, hours and requirements were checked against ``references``: `yes`, `partly` or `no`.
    public var verified: String?
    /// What an advisor should know (what the cost includes, how it varies by state).
    public var notes: String?
    /// Other names people write it by on resumes and in postings ("EPA 608 Universal", "OSHA 10", "MLT(ASCP)"): matched
    /// by ``CredentialMentions`` and by name wherever a credential is named.
    public var alternateNames: [String]

    /// Creates a credential.
    public init(
        id: String, name: String, issuer: String? = nil, type: CredentialType? = nil,
        cost: Double? = nil, hours: Double? = nil, grants: [Grant], prerequisites: [String] = [],
        url: String? = nil, inDemand: Bool = false, accreditations: [String] = [],
        industryEndorsed: Bool? = nil, examRequired: Bool? = nil, educationRequired: Bool? = nil,
        experienceRequired: Bool? = nil, renewalYears: Double? = nil, renewalMethods: [String] = [], source: String? = nil,
        occupations: [String] = [], costApproximate: Bool = false, hoursApproximate: Bool = false, sector: String? = nil,
        references: [String] = [], verified: String? = nil, notes: String? = nil, alternateNames: [String] = []
    ) {
        self.alternateNames = alternateNames
        self.source = source
        self.occupations = occupations
        self.costApproximate = costApproximate
        self.hoursApproximate = hoursApproximate
        self.sector = sector
        self.references = references
        self.verified = verified
        self.notes = notes
        self.id = id
        self.name = name
        self.issuer = issuer
        self.type = type
        self.cost = cost
        self.hours = hours
        self.grants = grants
        self.prerequisites = prerequisites
        self.url = url
        self.inDemand = inDemand
        self.accreditations = accreditations
        self.industryEndorsed = industryEndorsed
        self.examRequired = examRequired
        self.educationRequired = educationRequired
        self.experienceRequired = experienceRequired
        self.renewalYears = renewalYears
        self.renewalMethods = renewalMethods
    }
}
