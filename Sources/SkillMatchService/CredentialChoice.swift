import SkillMatch

/// Which credentials `gap`, `next` and `gaps` may suggest: the filters both front ends take (`--max-cost`, `--type`,
/// `--scope`, … on the command line; `maxCost`, `types`, `scope`, … in the API) and the rules that turn them into a
/// ``CredentialFilter`` and the scopes to search.
public struct CredentialChoice: Sendable, Hashable {
    /// Spend at most this many US dollars in total.
    public var maxCost: Double?
    /// Spend at most this many hours in total.
    public var maxHours: Double?
    /// Only credentials of these types (all when empty).
    public var types: Set<CredentialType>
    /// Only accredited credentials.
    public var accreditedOnly: Bool
    /// Never suggest these credential ids.
    public var excluded: Set<String>
    /// Credentials of any field (the same as scope `any`).
    public var anyField: Bool
    /// `occupation`, `field` or `any`; nil: the default of each analysis.
    public var scope: CredentialScope?
    /// For a resume, also credentials requiring work experience it does not show.
    public var anyExperience: Bool

    public init(
        maxCost: Double? = nil, maxHours: Double? = nil, types: Set<CredentialType> = [], accreditedOnly: Bool = false,
        excluded: Set<String> = [], anyField: Bool = false, scope: CredentialScope? = nil, anyExperience: Bool = false
    ) {
        (self.maxCost, self.maxHours, self.types, self.accreditedOnly) = (maxCost, maxHours, types, accreditedOnly)
        (self.excluded, self.anyField, self.scope, self.anyExperience) = (excluded, anyField, scope, anyExperience)
    }

    /// The filter before scopes and experience.
    public var filter: CredentialFilter {
        CredentialFilter(types: types, accreditedOnly: accreditedOnly, excluded: excluded, maxCost: maxCost, maxHours: maxHours)
    }

    /// The filter for a person read from a resume (`evidence`): credentials requiring work experience keep to the
    /// occupations it shows held, unless ``anyExperience``.
    public func filter(for evidence: DocumentEvidence?, in catalog: Catalog) -> CredentialFilter {
        guard let evidence, !anyExperience else { return filter }
        return filter.requiringExperience(shownBy: evidence, in: catalog)
    }

    /// The scopes of a single plan towards `job`: ``scope`` or ``anyField`` when given, else the catalogue's default
    /// (``Catalog/planScopes(for:)``: the occupation's own credentials when some serve it, else its field's).
    public func planScopes(in catalog: Catalog, towards job: String) -> [CredentialScope] {
        if anyField { return [.any] }
        if let scope { return catalog.credentialsListOccupations ? [scope] : [.any] }
        return catalog.planScopes(for: job)
    }

    /// The one scope of analyses over several jobs (`next`, `gaps`): ``scope`` or ``anyField`` when given, else the
    /// field when the catalogue's credentials list occupations.
    public func poolScope(in catalog: Catalog) -> CredentialScope {
        guard catalog.credentialsListOccupations, !anyField else { return .any }
        return scope ?? .field
    }

    /// The filter of `gaps` towards these jobs: ``scope`` or ``anyField`` when given, else each job's own credentials
    /// (its field's when none serves it), as `gap` plans.
    public func filter(towards jobs: some Sequence<String>, in catalog: Catalog) -> CredentialFilter {
        if anyField || scope != nil { return filter.scoped(poolScope(in: catalog), towards: jobs, in: catalog) }
        var filter = self.filter
        filter.servingAny = catalog.defaultServing(towards: jobs)
        return filter
    }

    /// How `gaps` describes its scope in a partial report: `occupation`, `field`, `any`, or `default` (each job's own
    /// credentials, its field's when none serves it); nil for a catalogue whose credentials list no occupations.
    public func poolScopeName(in catalog: Catalog) -> String? {
        guard catalog.credentialsListOccupations else { return nil }
        if anyField { return CredentialScope.any.rawValue }
        return scope?.rawValue ?? "default"
    }
}
