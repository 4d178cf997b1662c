/// Which credentials a plan may use: the candidate's own are never suggested, and filters narrow the rest.
///
/// A credential is usable when it passes every filter and so do all of its prerequisites that the candidate does
/// not hold (a prerequisite that fails a filter makes the credential unusable). With a cost or hours budget,
/// credentials whose cost or hours are unknown are not usable, so that a plan never breaks a budget unseen.
public struct CredentialFilter: Sendable, Hashable {
    /// Only these types (all when empty).
    public var types: Set<CredentialType>
    /// Only credentials with at least one accreditation (ANSI, NCCA, ...).
    public var accreditedOnly: Bool
    /// Never these credential ids.
    public var excluded: Set<String>
    /// A total cost budget in US dollars.
    public var maxCost: Double?
    /// A total hours budget.
    public var maxHours: Double?
    /// When set, only credentials that serve one of these jobs (list one among their occupations): a plan keeps to
    /// credentials of the target's field (``Catalog/field(of:)``). Prerequisites are exempt: they are what the
    /// chosen credentials require.
    public var servingAny: Set<String>?
    /// When set, a credential that requires work experience (``Credential/experienceRequired``) is usable only when
    /// it serves one of these jobs: the occupations a resume shows the person has held
    /// (``CredentialFilter/requiringExperience(shownBy:in:)``). A credential whose experience requirement is unknown
    /// stays usable.
    public var experiencedIn: Set<String>?

    /// Creates a filter.
    public init(
        types: Set<CredentialType> = [], accreditedOnly: Bool = false, excluded: Set<String> = [],
        maxCost: Double? = nil, maxHours: Double? = nil
    ) {
        self.types = types
        self.accreditedOnly = accreditedOnly
        self.excluded = excluded
        self.maxCost = maxCost
        self.maxHours = maxHours
    }

    /// Whether the credential passes the filters on its own.
    public func admits(_ credential: Credential) -> Bool {
        if !types.isEmpty, !(credential.type.map(types.contains) ?? false) { return false }
        if accreditedOnly, credential.accreditations.isEmpty { return false }
        if excluded.contains(credential.id) { return false }
        if maxCost != nil, credential.cost == nil { return false }
        if maxHours != nil, credential.hours == nil { return false }
        if let experiencedIn, credential.experienceRequired == true, !credential.occupations.contains(where: experiencedIn.contains) {
            return false
        }
        return true
    }

    /// This filter keeping credentials that require work experience to the occupations `evidence` shows the person has
    /// held (``HeldTitle/jobs``) and the occupations of the same detailed group (``Catalog/unitGroup(of:)``: a nanny's
    /// years count for a credential serving child day care workers, both ISCO 5311), when the catalogue's credentials
    /// list the occupations they serve; unchanged otherwise.
    public func requiringExperience(shownBy evidence: DocumentEvidence, in catalog: Catalog) -> CredentialFilter {
        requiringExperience(in: Set(evidence.heldTitles.flatMap(\.jobs).map { catalog.jobs[$0].id }), of: catalog)
    }

    /// This filter keeping credentials that require work experience to the jobs `held` (ids) and the jobs of their
    /// detailed groups, when the catalogue's credentials list the occupations they serve; unchanged otherwise.
    public func requiringExperience(in held: Set<String>, of catalog: Catalog) -> CredentialFilter {
        guard catalog.credentialsListOccupations else { return self }
        var filter = self
        filter.experiencedIn = held.reduce(into: held) { $0.formUnion(catalog.unitGroup(of: $1)) }
        return filter
    }

    /// Whether the credential serves one of ``servingAny`` (always, when that is not set).
    public func admitsField(_ credential: Credential) -> Bool {
        guard let servingAny else { return true }
        return credential.occupations.contains(where: servingAny.contains)
    }

    /// Checks that excluded ids exist.
    /// - Throws: ``MatchError/unknownCredential(_:)``.
    public func validate(against catalog: Catalog) throws(MatchError) {
        for id in excluded.sorted() where catalog.credential(id) == nil { throw MatchError.unknownCredential(id) }
    }
}

extension Catalog {
    /// Whether any credential lists the occupations it serves (a real credential catalogue; the demo's do not).
    public var credentialsListOccupations: Bool { credentials.contains { !$0.occupations.isEmpty } }

    /// The jobs of a job's field, itself included, in id order: for an O*NET-SOC code, the jobs of its SOC minor group
    /// (`15-1231.00` → every `15-12…` job: computer occupations); for a job with an ISCO group (ESCO), the jobs of its
    /// ISCO minor group (the first 3 digits); otherwise the job alone.
    public func field(of jobID: String) -> Set<String> {
        guard let job = job(jobID) else { return [] }
        if jobID.utf8.count >= 5, let soc = OccupationCodes.socMinorGroup(jobID) {
            return Set(jobs.filter { OccupationCodes.socMinorGroup($0.id) == soc }.map(\.id))
        }
        if let isco = job.iscoGroup, isco.utf8.count >= 3 {
            let minor = isco.prefix(3)
            return Set(jobs.filter { $0.iscoGroup?.hasPrefix(minor) ?? false }.map(\.id))
        }
        return [jobID]
    }

    /// The jobs of the same detailed occupation group as a job, itself included: for an O*NET-SOC code, the O*NET-SOC
    /// occupations of its 6-digit SOC code (`29-2052.00` → `29-2052.xx`); for a job with a 4-digit ISCO-08 unit group
    /// (ESCO), the jobs of that unit group (nanny and child day care worker: 5311); otherwise the job alone. Work in any
    /// of them counts as experience for a credential that requires it (``CredentialFilter/experiencedIn``): the minor
    /// group of ``field(of:)`` would be too wide (a service-desk analyst's years would open CISSP).
    public func unitGroup(of jobID: String) -> Set<String> {
        guard let job = job(jobID) else { return [] }
        if let soc = OccupationCodes.socDetailed(jobID) {
            return Set(jobs.filter { OccupationCodes.socDetailed($0.id) == soc }.map(\.id))
        }
        if let isco = job.iscoGroup, isco.utf8.count == 4 {
            return Set(jobs.filter { $0.iscoGroup == isco }.map(\.id))
        }
        return [jobID]
    }

    /// The prerequisites of `credential` the holder of `held` still needs, transitively, in id order.
    ///
    /// The search stops at credentials already held: their own prerequisites are met.
    public func missingPrerequisites(of credential: Credential, held: Set<String>) -> [String] {
        var missing = Set<String>()
        var stack = credential.prerequisites
        while let id = stack.popLast() {
            guard !held.contains(id), missing.insert(id).inserted, let prerequisite = self.credential(id) else { continue }
            stack += prerequisite.prerequisites
        }
        return missing.sorted()
    }

    /// The credentials a holder of `held` could earn under `filter`, each with its missing prerequisites.
    public func usableCredentials(held: Set<String>, filter: CredentialFilter) -> [(credential: Credential, missing: [String])] {
        credentials.compactMap { credential in
            guard !held.contains(credential.id), filter.admits(credential), filter.admitsField(credential) else { return nil }
            let missing = missingPrerequisites(of: credential, held: held)
            guard missing.allSatisfy({ self.credential($0).map(filter.admits) ?? false }) else { return nil }
            return (credential, missing)
        }
    }

    /// For each usable credential, the candidate's effective levels with it and its missing prerequisites held.
    public func profiles(_ candidate: Candidate, earning usable: [(credential: Credential, missing: [String])]) -> [[String: EffectiveLevel]] {
        usable.map { item in
            var holding = candidate
            holding.credentials += [item.credential.id] + item.missing
            return effectiveLevels(of: holding)
        }
    }

    /// Credentials in an order they can be earned: prerequisites first, otherwise by id.
    public func earnOrder(_ ids: some Collection<String>) -> [String] {
        let chosen = Set(ids)
        var remaining = chosen
        var order: [String] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { id in
                !(credential(id)?.prerequisites.contains { chosen.contains($0) && remaining.contains($0) } ?? false)
            }
            // Prerequisites form no cycle (catalogue rule), so something is always ready.
            let next = ready.min() ?? remaining.min()!
            order.append(next)
            remaining.remove(next)
        }
        return order
    }
}

/// Money and time as the exact integers the solvers compare: cents and hundredths of an hour.
enum ExactUnits {
    static func cents(_ dollars: Double?) -> Int64 { Int64(((dollars ?? 0) * 100).rounded()) }
    static func hundredths(_ hours: Double?) -> Int64 { Int64(((hours ?? 0) * 100).rounded()) }
    static func dollars(_ cents: Int64) -> Double { Double(cents) / 100 }
    static func hours(_ hundredths: Int64) -> Double { Double(hundredths) / 100 }
}

/// Parts of occupation codes.
enum OccupationCodes {
    /// The SOC minor group of an (O*NET-)SOC code: `15-1231.00` → `15-12`; `nil` for another id.
    static func socMinorGroup(_ id: String) -> Substring? {
        let bytes = Array(id.utf8.prefix(7))
        guard bytes.count == 7, bytes[2] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return nil }
        return id.prefix(5)
    }

    /// The detailed SOC occupation of an (O*NET-)SOC code: `15-1231.00` → `15-1231`; `nil` for another id.
    static func socDetailed(_ id: String) -> Substring? {
        socMinorGroup(id) == nil ? nil : id.prefix(7)
    }
}
