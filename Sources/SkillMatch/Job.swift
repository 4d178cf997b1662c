/// The numbers the catalogue accepts, so that every score stays a finite number.
public enum CatalogLimits {
    /// The smallest level accepted: levels are in [0.000001, 1]. Smaller positive levels (`5e-324`) would make the
    /// fit's per-requirement weight `w / (r · Σw)` infinite.
    public static let minimumLevel = 1e-6
    /// The largest importance accepted: importances are in (0, 1,000,000], so their sums stay far from overflow.
    public static let maximumImportance = 1e6
    /// Whether a level is accepted.
    @inlinable public static func isLevel(_ value: Double) -> Bool { value >= minimumLevel && value <= 1 }
    /// Whether an importance is accepted.
    @inlinable public static func isImportance(_ value: Double) -> Bool { value > 0 && value <= maximumImportance }
}

/// One skill a job requires: how important it is and at what level.
public struct Requirement: Sendable, Hashable {
    /// The required skill's id.
    public var skill: String
    /// Its weight in the fit score; greater than 0 and at most 1,000,000 (O*NET-style importance is 1–5).
    public var importance: Double
    /// The required level, in [0.000001, 1] (``CatalogLimits``).
    public var level: Double
    /// The level on the source taxonomy's own scale, when it has one (O*NET: Level, LV, 0–7), kept as imported.
    public var originalLevel: Double?
    /// Whether the source flags the skill as in demand for this job (O*NET Technology Skills: "In Demand", frequently
    /// included in employer job postings for the occupation).
    public var inDemand: Bool

    /// Creates a requirement; the level defaults to 1.
    public init(skill: String, importance: Double, level: Double = 1, originalLevel: Double? = nil, inDemand: Bool = false) {
        self.skill = skill
        self.importance = importance
        self.level = level
        self.originalLevel = originalLevel
        self.inDemand = inDemand
    }
}

/// An occupation or opening, described by the skills it requires.
public struct Job: Sendable, Hashable, Identifiable {
    /// A stable identifier (for example an O*NET-SOC code such as `15-1232.00`).
    public var id: String
    /// The job title.
    public var title: String
    /// A short description, when known.
    public var description: String?
    /// Whether the job is in demand (many openings, bright outlook).
    public var inDemand: Bool
    /// What the job requires; at least one requirement, each skill once.
    public var requirements: [Requirement]
    /// Other titles people use for the job (O*NET Alternate and Reported Titles), so it can be found by them.
    public var alternateTitles: [String]
    /// How much preparation the job needs, from 1 (little) to 5 (extensive), as in O*NET Job Zones.
    public var jobZone: Int?
    /// The ISCO-08 unit group the occupation belongs to (four digits, `2512`), as ESCO classifies it.
    public var iscoGroup: String?
    /// Titles to find the job by but never show (ESCO hidden labels: old, informal or gendered terms).
    public var hiddenTitles: [String]
    /// The education, related experience and training the job asks for (O*NET Education, Training and Experience).
    public var preparation: JobPreparation?
    /// The taxonomy or importer the job came from (`onet`, `esco`, ...); `nil` for catalogue JSON.
    public var source: String?
    /// What people in the job do (O*NET Task Statements), in the source's order: text evidence for matching documents.
    public var tasks: [String]
    /// When the taxonomy does not rate this job, the rated jobs its requirements were derived from; `nil` when the
    /// requirements are the taxonomy's own.
    public var derivedRequirements: DerivedRequirements?
    /// The detailed work activities the job involves (O*NET DWA ids such as `4.A.2.a.4.I09.D03`), sorted: one of the
    /// descriptors related occupations are found by.
    public var activities: [String]
    /// The job's occupational interests (RIASEC), when the taxonomy publishes them.
    public var interests: InterestProfile?

    /// Creates a job.
    public init(
        id: String, title: String, description: String? = nil, inDemand: Bool = false, requirements: [Requirement],
        alternateTitles: [String] = [], jobZone: Int? = nil, iscoGroup: String? = nil, preparation: JobPreparation? = nil,
        source: String? = nil, hiddenTitles: [String] = [], tasks: [String] = [],
        derivedRequirements: DerivedRequirements? = nil, activities: [String] = [], interests: InterestProfile? = nil
    ) {
        self.activities = activities
        self.interests = interests
        self.tasks = tasks
        self.derivedRequirements = derivedRequirements
        self.hiddenTitles = hiddenTitles
        self.preparation = preparation
        self.source = source
        self.id = id
        self.title = title
        self.description = description
        self.inDemand = inDemand
        self.requirements = requirements
        self.alternateTitles = alternateTitles
        self.jobZone = jobZone
        self.iscoGroup = iscoGroup
    }

    /// The sum of the requirements' importances: the denominator of the fit score.
    public var totalImportance: Double { requirements.reduce(0) { $0 + $1.importance } }
}

/// An occupation's interest profile in Holland's RIASEC model, on O*NET's Occupational Interests (OI) scale from 1
/// (the work does not fit the interest at all) to 7 (it fits it very well), as published.
public struct InterestProfile: Sendable, Hashable, Codable {
    /// Working with things, tools and machines, often outdoors.
    public var realistic: Double
    /// Ideas, thinking and research.
    public var investigative: Double
    /// Forms, designs and patterns; self-expression.
    public var artistic: Double
    /// Helping, teaching and serving people.
    public var social: Double
    /// Starting projects, leading people and making decisions.
    public var enterprising: Double
    /// Set procedures, data and detail.
    public var conventional: Double

    /// Creates a profile from the six OI values.
    public init(realistic: Double, investigative: Double, artistic: Double, social: Double, enterprising: Double, conventional: Double) {
        self.realistic = realistic
        self.investigative = investigative
        self.artistic = artistic
        self.social = social
        self.enterprising = enterprising
        self.conventional = conventional
    }

    /// The six values in RIASEC order.
    public var values: [Double] { [realistic, investigative, artistic, social, enterprising, conventional] }
}
