import SkillMatch

/// Matches the credentials that resumes and badge holders name to catalogue credentials.
///
/// By id (exact), else by URL (the credential's id or `url`, ignoring the scheme and a trailing `/`), else by name
/// or one of its alternate names (case and runs of white space ignored). A name shared by several credentials is narrowed by the issuer's name
/// when one is given; if that leaves not exactly one, it matches none.
public struct CredentialResolver: Sendable {
    private let ids: Set<String>
    private var urls: [String: [String]] = [:]
    private var names: [String: [(id: String, issuer: String?)]] = [:]

    /// Indexes a catalogue's credentials.
    public init(catalog: Catalog) {
        ids = Set(catalog.credentials.map(\.id))
        for credential in catalog.credentials {
            for text in [credential.id, credential.url].compactMap({ $0 }) {
                if let key = SkillResolver.urlKey(text), !(urls[key]?.contains(credential.id) ?? false) { urls[key, default: []].append(credential.id) }
            }
            for key in Set(([credential.name] + credential.alternateNames).map(SkillResolver.normalised)) {
                names[key, default: []].append((credential.id, credential.issuer.map(SkillResolver.normalised)))
            }
        }
    }

    /// The catalogue credential an id, URL or name refers to, or the reason there is none.
    public func resolve(id: String? = nil, url: String? = nil, name: String? = nil, issuer: String? = nil) -> Result<String, CredentialNotFound> {
        for text in [id, url].compactMap({ $0?.trimmed }) where !text.isEmpty {
            if ids.contains(text) { return .success(text) }
            if let key = SkillResolver.urlKey(text), let found = urls[key], found.count == 1 { return .success(found[0]) }
        }
        if let name, let found = names[SkillResolver.normalised(name)] {
            if found.count == 1 { return .success(found[0].id) }
            let narrowed = issuer.map { issuer in found.filter { $0.issuer == SkillResolver.normalised(issuer) } } ?? []
            if narrowed.count == 1 { return .success(narrowed[0].id) }
            let listed = found.map(\.id).sorted().prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            return .failure(CredentialNotFound(reason: "\(found.count) catalogue credentials are named \"\(name.trimmed)\" (\(listed)); give its id or URL"))
        }
        return .failure(CredentialNotFound(reason: "no catalogue credential has this id, URL or name"))
    }
}

/// Why a credential reference matched no catalogue credential.
public struct CredentialNotFound: Error, Sendable, Hashable {
    /// A sentence fragment for a report.
    public var reason: String
}
