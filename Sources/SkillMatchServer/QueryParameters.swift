import Foundation
import Hummingbird
import SkillMatch

/// A request's query parameters, read with the same checks and messages as ``JSONRequest`` members.
struct QueryParameters {
    let parameters: Parameters
    /// Whether an empty value counts as not given (an HTML form sends its empty fields).
    let emptyIsAbsent: Bool

    /// Refuses a parameter the operation does not define (400), so that a misspelt filter is never ignored.
    init(_ request: Request, allowed: Set<String>, emptyIsAbsent: Bool = false) throws {
        parameters = request.uri.queryParameters
        self.emptyIsAbsent = emptyIsAbsent
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(.badRequest, "\(unknown) is not a parameter of \(request.uri.path) (it takes \(allowed.sorted().joined(separator: ", ")))", field: unknown)
        }
    }

    func string(_ key: String, maxLength: Int = APILimits.idLength) throws -> String? {
        guard let text = value(key) else { return nil }
        guard text.unicodeScalars.count <= maxLength else {
            throw Problem(.badRequest, "\(key) is longer than \(maxLength) characters", field: key)
        }
        return text
    }

    func all(_ key: String, maxLength: Int) throws -> [String] {
        let values = parameters.getAll(key).filter { !emptyIsAbsent || !$0.isEmpty }
        guard values.count <= 100 else { throw Problem(.badRequest, "\(key) is given more than 100 times", field: key) }
        for value in values where value.unicodeScalars.count > maxLength {
            throw Problem(.badRequest, "\(key) is longer than \(maxLength) characters", field: key)
        }
        return values
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = value(key) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw Problem(.badRequest, "\(key) must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not \"\(text.prefix(40))\"", field: key)
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(.badRequest, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.prefix(40))\"", field: key)
        }
        return number
    }

    func bool(_ key: String) throws -> Bool? {
        guard let text = value(key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw Problem(.badRequest, "\(key) must be true or false, not \"\(text.prefix(40))\"", field: key)
        }
    }

    private func value(_ key: String) -> String? {
        guard let text = parameters.get(key), !(emptyIsAbsent && text.isEmpty) else { return nil }
        return text
    }
}

extension QueryParameters {
    /// The parameters of the certification finder's query (``credentialQuery(in:)``).
    static let credentialQueryNames: Set<String> = ["q", "type", "issuer", "inDemand", "accreditation", "maxCost", "maxHours", "job", "sector"]

    /// `type`, repeatable: credential types (400 naming an unknown one).
    func credentialTypes() throws -> [CredentialType] {
        try all("type", maxLength: 40).map { name in
            guard let type = CredentialType(rawValue: name) else {
                throw Problem(.badRequest, "type \"\(name)\" is not a credential type (\(CredentialType.allCases.map(\.rawValue).joined(separator: ", ")))", field: "type")
            }
            return type
        }
    }

    /// The certification finder's query: `q`, `type`, `issuer`, `inDemand`, `accreditation`, `maxCost`, `maxHours`,
    /// `job`, `sector` (the API's `GET /v1/credentials` and the finder page).
    func credentialQuery(in catalog: Catalog) throws -> CredentialQuery {
        let types = try credentialTypes()
        let job = try string("job")
        if let job, catalog.job(job) == nil { throw MatchError.unknownJob(job) }
        return CredentialQuery(
            text: try string("q", maxLength: APILimits.queryLength) ?? "", types: Set(types),
            issuers: try all("issuer", maxLength: APILimits.queryLength), inDemandOnly: try bool("inDemand") ?? false,
            accreditations: Set(try all("accreditation", maxLength: 40)), maxCost: try number("maxCost", in: 0...1e9),
            maxHours: try number("maxHours", in: 0...1e9), job: job, sectors: Set(try all("sector", maxLength: 60)))
    }
}
