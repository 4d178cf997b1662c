import Foundation
import Hummingbird
import SkillMatch
import SkillMatchImport
import SkillMatchService

/// The documented limits of the API (also in `openapi.yaml`).
public enum APILimits {
    /// The largest request body, in bytes (413 above it).
    public static let bodyBytes = 1 << 20
    /// The largest `/v1/batch` body, in bytes.
    public static let batchBodyBytes = 64 << 20
    /// The longest id, in characters (JSON Schema counts code points).
    public static let idLength = 200
    /// The longest resume text, in characters.
    public static let textLength = 200_000
    /// The longest search text, in characters.
    public static let queryLength = 500
    /// The most entries any list may ask for (`top`, `best`, `limit`).
    public static let top = 1000
    /// The longest a gap search may run, in seconds, and how long it runs when the request sets no `timeLimit`.
    public static let maximumSeconds = 60.0
    public static let defaultGapSeconds = 10.0
}

/// A JSON request body, read member by member: each accessor checks the member's type and range and names it in the
/// 400 it raises; members the operation does not define are refused, so that a misspelt option is never ignored.
struct JSONRequest {
    let members: [String: JSONTree]

    /// Reads the body: `application/json` (415 otherwise), at most ``APILimits/bodyBytes`` (413), one JSON object (400).
    static func read(_ request: Request, context: some RequestContext, allowed: Set<String>) async throws -> JSONRequest {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw Problem(.unsupportedMediaType, "send the request body as application/json")
        }
        let buffer = try await request.body.collect(upTo: APILimits.bodyBytes)
        let tree: JSONTree
        do {
            tree = try JSONTree.parse(Array(buffer.readableBytesView), file: "the request body").value
        } catch {
            throw Problem(.badRequest, error.description)
        }
        guard let members = tree.object else { throw Problem(.badRequest, "the request body must be a JSON object, not \(tree.kind)") }
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(.badRequest, "\"\(unknown)\" is not a member of this request (it takes \(allowed.sorted().joined(separator: ", ")))", field: unknown)
        }
        return JSONRequest(members: members)
    }

    private func value(_ key: String) -> JSONTree? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String, maxLength: Int = APILimits.idLength) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw Problem(.badRequest, "\"\(key)\" must be a string, not \(value.kind)", field: key) }
        guard text.unicodeScalars.count <= maxLength else {
            throw Problem(.badRequest, "\"\(key)\" is longer than \(maxLength) characters", field: key)
        }
        return text
    }

    func requiredString(_ key: String, maxLength: Int = APILimits.idLength) throws -> String {
        guard let text = try string(key, maxLength: maxLength) else { throw Problem(.badRequest, "\"\(key)\" is required", field: key) }
        return text
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else { throw Problem(.badRequest, "\"\(key)\" must be a number, not \(value.kind)", field: key) }
        guard range.contains(number) else {
            throw Problem(.badRequest, "\"\(key)\" must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), not \(Self.format(number))", field: key)
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let number = try number(key, in: Double(range.lowerBound)...Double(range.upperBound)) else { return nil }
        guard number == number.rounded() else { throw Problem(.badRequest, "\"\(key)\" must be a whole number", field: key) }
        return Int(number)
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw Problem(.badRequest, "\"\(key)\" must be true or false, not \(value.kind)", field: key) }
        return flag
    }

    func strings(_ key: String, maxLength: Int = APILimits.idLength, maxCount: Int = 1000) throws -> [String] {
        guard let value = value(key) else { return [] }
        guard case .array(let items) = value, items.count <= maxCount else {
            throw Problem(.badRequest, "\"\(key)\" must be a list of at most \(maxCount) strings", field: key)
        }
        return try items.enumerated().map { index, item in
            guard case .string(let text) = item, text.unicodeScalars.count <= maxLength else {
                throw Problem(.badRequest, "\"\(key)\"[\(index)] must be a string of at most \(maxLength) characters", field: key)
            }
            return text
        }
    }

    /// `candidate`: a stored candidate's id (a string), `{"text": "resume text"}` (with an optional `id`), or a
    /// candidate object (`id`, `skills`, `credentials`, `text`; a JSON Resume or Open Badges credentials too).
    func candidate(_ key: String = "candidate") throws -> CandidateInput {
        guard let value = value(key) else { throw Problem(.badRequest, "\"\(key)\" is required: a stored candidate's id, {\"text\": \"...\"} or a candidate object", field: key) }
        switch value {
        case .string(let id):
            guard !id.isEmpty, id.unicodeScalars.count <= APILimits.idLength else {
                throw Problem(.badRequest, "\"\(key)\" must be an id of 1 to \(APILimits.idLength) characters", field: key)
            }
            return .stored(id)
        case .object(let members):
            if let text = members["text"], Set(members.keys).isSubset(of: ["text", "id"]) {
                guard case .string(let resume) = text, !resume.isEmpty, resume.unicodeScalars.count <= APILimits.textLength else {
                    throw Problem(.badRequest, "\"\(key).text\" must be resume text of 1 to \(APILimits.textLength) characters", field: "\(key).text")
                }
                var id = "resume"
                if let given = members["id"] {
                    guard case .string(let text) = given, !text.isEmpty, text.unicodeScalars.count <= APILimits.idLength else {
                        throw Problem(.badRequest, "\"\(key).id\" must be an id of 1 to \(APILimits.idLength) characters", field: "\(key).id")
                    }
                    id = text
                }
                return .text(resume, id: id)
            }
            return .json(Array(try ReportEncoding.line(value)), name: key)
        default:
            throw Problem(.badRequest, "\"\(key)\" must be a stored candidate's id (a string) or an object, not \(value.kind)", field: key)
        }
    }

    /// The credential filters of `gap`, `next` and `gaps`, named as in the API: `maxCost`, `maxHours`, `types`,
    /// `accreditedOnly`, `exclude`, `scope`, `anyField`, `anyExperience`.
    func credentialChoice() throws -> CredentialChoice {
        let types = try strings("types", maxLength: 40, maxCount: 10).map { name in
            guard let type = CredentialType(rawValue: name) else {
                throw Problem(.badRequest, "\"types\": \"\(name)\" is not a credential type (\(CredentialType.allCases.map(\.rawValue).joined(separator: ", ")))", field: "types")
            }
            return type
        }
        var scope: CredentialScope?
        if let name = try string("scope", maxLength: 20) {
            guard let value = CredentialScope(rawValue: name) else {
                throw Problem(.badRequest, "\"scope\" must be occupation, field or any, not \"\(name)\"", field: "scope")
            }
            scope = value
        }
        let anyField = try bool("anyField") ?? false
        if anyField, let scope, scope != .any {
            throw Problem(.badRequest, "\"anyField\" and \"scope\": \"\(scope.rawValue)\" contradict each other", field: "scope")
        }
        return CredentialChoice(
            maxCost: try number("maxCost", in: 0...1e9), maxHours: try number("maxHours", in: 0...1e9), types: Set(types),
            accreditedOnly: try bool("accreditedOnly") ?? false, excluded: Set(try strings("exclude")), anyField: anyField,
            scope: scope, anyExperience: try bool("anyExperience") ?? false)
    }

    /// The members of ``credentialChoice()``.
    static let credentialMembers: Set<String> = ["maxCost", "maxHours", "types", "accreditedOnly", "exclude", "scope", "anyField", "anyExperience"]

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
