import Foundation

/// What to look for in a certification finder search. Empty fields do not filter.
public struct CredentialQuery: Sendable, Hashable {
    /// Keywords, all of which must match the name, issuer, type, granted skills or related jobs.
    public var text: String
    /// Keep credentials of these types.
    public var types: Set<CredentialType>
    /// Keep credentials whose issuer contains one of these (case and accents ignored).
    public var issuers: [String]
    /// Keep only in-demand credentials.
    public var inDemandOnly: Bool
    /// Keep credentials accredited by one of these bodies (`ANSI`, `NCCA`; case ignored).
    public var accreditations: Set<String>
    /// Keep credentials whose known cost is at most this (unknown costs are left out).
    public var maxCost: Double?
    /// Keep credentials whose known hours are at most this (unknown hours are left out).
    public var maxHours: Double?
    /// Keep credentials that serve this job (list it among their occupations), as a finder's search by occupation.
    public var job: String?
    /// Keep credentials of these sectors (`it`, `healthcare`, ...).
    public var sectors: Set<String> = []

    /// Creates a query.
    public init(
        text: String = "", types: Set<CredentialType> = [], issuers: [String] = [], inDemandOnly: Bool = false,
        accreditations: Set<String> = [], maxCost: Double? = nil, maxHours: Double? = nil, job: String? = nil,
        sectors: Set<String> = []
    ) {
        self.job = job
        self.sectors = sectors
        self.text = text
        self.types = types
        self.issuers = issuers
        self.inDemandOnly = inDemandOnly
        self.accreditations = accreditations
        self.maxCost = maxCost
        self.maxHours = maxHours
    }
}

/// One credential found by a search.
public struct CredentialHit: Sendable, Hashable {
    /// The credential.
    public var credential: Credential
    /// How well it matches the keywords: higher is better; 0 without keywords.
    public var relevance: Double
    /// Where the keywords matched: some of `name`, `issuer`, `type`, `skills`, `jobs`.
    public var matchedIn: [String]
    /// With a job in the query: the share of the job's requirements, weighted by importance, that the credential's
    /// grants meet (each requirement counts min(1, granted level / required level)); `nil` without a job.
    public var jobCoverage: Double? = nil
}

/// How many results have one value of a filter.
public struct FacetCount: Sendable, Hashable {
    /// The filter value (a type, an issuer, `true`/`false`, an accrediting body).
    public var value: String
    /// How many credentials match the keywords and every other filter and have this value.
    public var count: Int
}

/// The credentials found and, for each filter, counts per value.
public struct CredentialSearchResult: Sendable, Hashable {
    /// Matching credentials: relevance descending, then id.
    public var hits: [CredentialHit]
    /// Per filter (`type`, `issuer`, `inDemand`, `accreditation`, `sector`): counts per value, most first, then by value.
    ///
    /// Each filter's counts apply the keywords and all other filters but not itself, so a user sees how many
    /// results choosing another value would give.
    public var facets: [String: [FacetCount]]
}

/// A certification finder over a catalogue's credentials, in the spirit of CareerOneStop's.
///
/// Keywords match whole words or word prefixes, case and accents ignored, in the credential's name (weight 8),
/// granted skills' labels and alternative labels (4), issuer (3), type and sector (2) and related jobs' titles and ids
/// (1): the occupations it serves, or, for a credential that lists none, the jobs that require a skill it grants.
/// A prefix match counts half. A credential must match every keyword; its relevance is the sum over keywords of the
/// best field weight. Results are ordered by relevance, then (with a job) by job coverage, then by id.
public struct CredentialSearch: Sendable {
    /// The catalogue searched.
    public let catalog: Catalog
    private let index: KeywordIndex

    /// Indexes every credential of the catalogue.
    /// - Complexity: O(credentials × (grants + related jobs)).
    public init(catalog: Catalog) {
        self.catalog = catalog
        var jobsBySkill: [String: [Job]] = [:]
        for job in catalog.jobs {
            for requirement in job.requirements { jobsBySkill[requirement.skill, default: []].append(job) }
        }
        index = KeywordIndex(catalog.credentials.map { credential in
            let skillText = credential.grants.compactMap { catalog.skill($0.skill) }
                .flatMap { [$0.label] + $0.altLabels }
            let related = credential.occupations.isEmpty
                ? credential.grants.flatMap { jobsBySkill[$0.skill] ?? [] } : credential.occupations.compactMap(catalog.job)
            let jobText = related.flatMap { [$0.title, $0.id] }
            return [
                ("name", 8, KeywordIndex.words(credential.name)),
                ("skills", 4, KeywordIndex.words(skillText.joined(separator: " "))),
                ("issuer", 3, KeywordIndex.words(credential.issuer ?? "")),
                ("type", 2, KeywordIndex.words((credential.type?.rawValue ?? "") + " " + (credential.sector ?? ""))),
                ("jobs", 1, KeywordIndex.words(jobText.joined(separator: " "))),
            ]
        })
    }

    /// Finds credentials matching a query, with counts per filter value.
    /// - Complexity: O(credentials × keywords × index size).
    public func search(_ query: CredentialQuery) -> CredentialSearchResult {
        let textMatches = index.matches(query.text)
        let issuers = query.issuers.map(KeywordIndex.normalized)
        let accreditations = Set(query.accreditations.map { $0.uppercased() })
        func passes(_ credential: Credential, ignoring facet: String?) -> Bool {
            if facet != "type", !query.types.isEmpty, !(credential.type.map(query.types.contains) ?? false) { return false }
            if facet != "issuer", !issuers.isEmpty {
                let issuer = KeywordIndex.normalized(credential.issuer ?? "")
                if !issuers.contains(where: { issuer.contains($0) }) { return false }
            }
            if facet != "inDemand", query.inDemandOnly, !credential.inDemand { return false }
            if facet != "accreditation", !accreditations.isEmpty,
                !credential.accreditations.contains(where: { accreditations.contains($0.uppercased()) })
            {
                return false
            }
            if let maxCost = query.maxCost, !(credential.cost.map { $0 <= maxCost } ?? false) { return false }
            if let maxHours = query.maxHours, !(credential.hours.map { $0 <= maxHours } ?? false) { return false }
            if let job = query.job, !credential.occupations.contains(job) { return false }
            if facet != "sector", !query.sectors.isEmpty, !(credential.sector.map(query.sectors.contains) ?? false) { return false }
            return true
        }

        let job = query.job.flatMap(catalog.job)
        let hits = textMatches
            .filter { passes(catalog.credentials[$0.index], ignoring: nil) }
            .map { match in
                let credential = catalog.credentials[match.index]
                return CredentialHit(credential: credential, relevance: match.relevance, matchedIn: match.matchedIn,
                                     jobCoverage: job.map { Self.coverage(of: $0, by: credential) })
            }
            .sorted {
                if $0.relevance != $1.relevance { return $0.relevance > $1.relevance }
                if let a = $0.jobCoverage, let b = $1.jobCoverage, a != b { return a > b }
                return $0.credential.id < $1.credential.id
            }

        let facetValues: [(String, (Credential) -> [String])] = [
            ("type", { [$0.type?.rawValue ?? "unspecified"] }),
            ("issuer", { [$0.issuer ?? "unspecified"] }),
            ("inDemand", { [$0.inDemand ? "true" : "false"] }),
            ("accreditation", { Array(Set($0.accreditations.map { $0.uppercased() })) }),
            ("sector", { [$0.sector ?? "unspecified"] }),
        ]
        var facets: [String: [FacetCount]] = [:]
        for (facet, values) in facetValues {
            var counts: [String: Int] = [:]
            for match in textMatches where passes(catalog.credentials[match.index], ignoring: facet) {
                for value in values(catalog.credentials[match.index]) { counts[value, default: 0] += 1 }
            }
            facets[facet] = counts.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return CredentialSearchResult(hits: hits, facets: facets)
    }

    /// The share of a job's requirements, weighted by importance, that a credential's grants meet: each requirement
    /// counts min(1, granted level / required level); 0 for a job without requirements.
    public static func coverage(of job: Job, by credential: Credential) -> Double {
        var granted: [String: Double] = [:]
        for grant in credential.grants { granted[grant.skill] = max(granted[grant.skill] ?? 0, grant.level) }
        var met = 0.0, total = 0.0
        for requirement in job.requirements {
            total += requirement.importance
            if let level = granted[requirement.skill] { met += requirement.importance * min(1, level / requirement.level) }
        }
        return total > 0 ? met / total : 0
    }
}
