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
    /// The most candidates one `POST /v1/batch` may hold.
    public static let batchRecords = 200_000
    /// Bytes of a batch body read, scored and sent at a time.
    public static let batchChunkBytes = 1 << 20
    /// The most candidates a request may give inline (`POST /v1/gaps`).
    public static let poolSize = 1000
    /// The longest a gap search may run, in seconds, and how long it runs when the request sets no `timeLimit`.
    public static let maximumSeconds = 60.0
    public static let defaultGapSeconds = 10.0
    /// The longest a pool analysis (`POST /v1/gaps`) runs before it stops with 422, in seconds.
    public static let poolSeconds = 60.0
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
        return try Self.candidate(value, at: key)
    }

    /// A list of candidates (`candidates`), each as ``candidate(_:)`` reads one; nil when absent.
    func candidates(_ key: String = "candidates", maxCount: Int) throws -> [CandidateInput]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value, items.count <= maxCount else {
            throw Problem(.badRequest, "\"\(key)\" must be a list of at most \(maxCount) candidates", field: key)
        }
        return try items.enumerated().map { index, item in try Self.candidate(item, at: "\(key)[\(index)]") }
    }

    /// One candidate: a stored id, `{"text", "id"}` (resume text) or a candidate record, `key` naming it in errors.
    static func candidate(_ value: JSONTree, at key: String) throws -> CandidateInput {
        switch value {
        case .string(let id):
            guard !id.isEmpty, id.unicodeScalars.count <= APILimits.idLength else {
                throw Problem(.badRequest, "\"\(key)\" must be an id of 1 to \(APILimits.idLength) characters", field: key)
            }
            return .stored(id)
        case .object(let members):
            // `{"text": ...}` with an optional id is resume text; with empty text and an id it is a record with no text.
            if let text = members["text"], Set(members.keys).isSubset(of: ["text", "id"]), text != .string("") || members["id"] == nil {
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
            try Self.checkRecord(members, at: key)
            return .json(Array(try ReportEncoding.line(value)), name: key)
        default:
            throw Problem(.badRequest, "\"\(key)\" must be a stored candidate's id (a string) or an object, not \(value.kind)", field: key)
        }
    }

    /// Checks a candidate record against the API's schema (`CandidateRecord`): `id` (1 to 200 characters), `name`,
    /// `text`, `skills` (`skill`, `level` in [0, 1], `evidence`) and `credentials`, and nothing else.
    static func checkRecord(_ members: [String: JSONTree], at path: String) throws {
        func fail(_ field: String, _ message: String) -> Problem {
            Problem(.badRequest, "\"\(field)\" \(message)", field: field)
        }
        func text(_ value: JSONTree?, _ field: String, _ range: ClosedRange<Int>) throws {
            guard let value else { return }
            guard case .string(let text) = value, range.contains(text.unicodeScalars.count) else {
                throw fail(field, "must be a string of \(range.lowerBound) to \(range.upperBound) characters")
            }
        }
        let prefix = path.isEmpty ? "" : path + "."
        if let unknown = members.keys.sorted().first(where: { !["id", "name", "text", "skills", "credentials"].contains($0) }) {
            throw fail(prefix + unknown, "is not a member of a candidate (id, name, skills, credentials, text)")
        }
        guard members["id"] != nil else { throw fail(prefix + "id", "is required") }
        try text(members["id"], prefix + "id", 1...APILimits.idLength)
        try text(members["name"], prefix + "name", 0...500)
        try text(members["text"], prefix + "text", 0...APILimits.textLength)
        if let skills = members["skills"] {
            guard case .array(let items) = skills, items.count <= 10_000 else { throw fail(prefix + "skills", "must be a list of at most 10000 skills") }
            for (index, item) in items.enumerated() {
                let field = "\(prefix)skills[\(index)]"
                guard case .object(let skill) = item else { throw fail(field, "must be an object with skill and level") }
                if let unknown = skill.keys.sorted().first(where: { !["skill", "level", "evidence"].contains($0) }) {
                    throw fail(field + "." + unknown, "is not a member of a held skill (skill, level, evidence)")
                }
                guard skill["skill"] != nil else { throw fail(field + ".skill", "is required") }
                try text(skill["skill"], field + ".skill", 1...APILimits.idLength)
                try text(skill["evidence"], field + ".evidence", 0...1000)
                guard case .number(let level) = skill["level"] ?? .null, (0...1).contains(level) else {
                    throw fail(field + ".level", "must be a number from 0 to 1")
                }
            }
        }
        if let credentials = members["credentials"] {
            guard case .array(let items) = credentials, items.count <= 1000 else { throw fail(prefix + "credentials", "must be a list of at most 1000 ids") }
            for (index, item) in items.enumerated() { try text(item, "\(prefix)credentials[\(index)]", 1...APILimits.idLength) }
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
            throw Problem(.unprocessableContent, "\"anyField\" and \"scope\": \"\(scope.rawValue)\" contradict each other", field: "scope")
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
