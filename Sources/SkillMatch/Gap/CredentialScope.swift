/// Which credentials a plan towards a job draws from, when the catalogue's credentials list the occupations they serve
/// (``Credential/occupations``).
///
/// An advisor recommends first what the occupation's own people earn (CareerOneStop's "certifications for this
/// occupation"), then what its neighbours earn; a security certification that happens to grant "Judgment and Decision
/// Making" is not a plan for a network support technician. ``Catalog/planScopes(for:)`` gives a plan's default.
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
    /// The scope of a plan towards a job by default: the occupation's own credentials when any credential serves it;
    /// else its field's, when the catalogue's credentials list occupations; every credential otherwise (the demo's
    /// credentials list none).
    ///
    /// A plan does not widen to the field when the occupation's own credentials fall short: measured on the
    /// development resumes, a SOC minor group such as "health technologists and technicians" mixes occupations whose
    /// credentials (a massage licence, a dental radiography permit) an advisor would never suggest to a phlebotomist,
    /// yet they lift generic requirements. `--scope field` asks for it.
    public func planScopes(for jobID: String) -> [CredentialScope] {
        guard credentialsListOccupations else { return [.any] }
        return credentials.contains { $0.occupations.contains(jobID) } ? [.occupation] : [.field]
    }

    /// The jobs whose credentials plans towards several jobs use by default (`gaps`): for each job, itself when a
    /// credential serves it, else its field (``planScopes(for:)``, job by job); `nil` (every credential) when the
    /// catalogue's credentials list no occupations.
    public func defaultServing(towards jobs: some Sequence<String>) -> Set<String>? {
        guard credentialsListOccupations else { return nil }
        return jobs.reduce(into: Set<String>()) { serving, job in
            serving.formUnion(planScopes(for: job) == [.occupation] ? [job] : field(of: job))
        }
    }
}
