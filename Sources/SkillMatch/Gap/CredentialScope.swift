/// Which credentials a plan towards a job draws from, when the catalogue's credentials list the occupations they serve
/// (``Credential/occupations``).
///
/// An advisor recommends first what the occupation's own people earn (CareerOneStop's "certifications for this
/// occupation"), then what its neighbours earn; a security certification that happens to grant "Judgment and Decision
/// Making" is not a plan for a network support technician. ``Catalog/planScopes`` gives the order a plan tries.
public enum CredentialScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Credentials that list the target job itself among their occupations.
    case occupation
    /// Credentials that list a job of the target's field (``Catalog/field(of:)``: same SOC or ISCO minor group).
    case field
    /// Every credential.
    case any
}

extension CredentialFilter {
    /// This filter narrowed to the credentials of `scope` for plans towards `jobs` (prerequisites stay exempt).
    public func scoped(_ scope: CredentialScope, towards jobs: some Sequence<String>, in catalog: Catalog) -> CredentialFilter {
        var filter = self
        switch scope {
        case .occupation: filter.servingAny = Set(jobs)
        case .field: filter.servingAny = jobs.reduce(into: Set<String>()) { $0.formUnion(catalog.field(of: $1)) }
        case .any: filter.servingAny = nil
        }
        return filter
    }
}

extension Catalog {
    /// The scopes a plan tries, narrowest first, taking the first that gives a plan: the occupation's own credentials,
    /// then its field's, when the catalogue's credentials list occupations; every credential otherwise (the demo's
    /// credentials list none).
    public var planScopes: [CredentialScope] { credentialsListOccupations ? [.occupation, .field] : [.any] }
}
