import Foundation

/// A JSON value as read, for documents whose shape varies (JSON-LD, Open Badges, JSON Resume): readers walk it
/// and name the field at fault themselves.
public enum JSONTree: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses a whole document; syntax errors name the line and column (nesting is bounded, see ``JSONScanner``).
    /// - Returns: the value and the line on which each element of its top-level arrays starts (see ``JSONScanner``).
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> (value: JSONTree, elementLines: [String: [Int]]) {
        try JSONInput.decode(JSONTree.self, from: bytes, file: file)
    }

    /// The member `key` of an object (`nil` for other values and absent or null members).
    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self, let value = members[key], value != .null else { return nil }
        return value
    }

    /// The object's members.
    public var object: [String: JSONTree]? { if case .object(let members) = self { members } else { nil } }

    /// The string, when this is one.
    public var string: String? { if case .string(let text) = self { text } else { nil } }

    /// The value as a list: the elements of an array, or the value itself (JSON-LD lets one value stand for a list).
    var list: [JSONTree] { if case .array(let items) = self { items } else { [self] } }

    /// What kind of value this is, for messages.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// The JSON-LD / Open Badges types: `type` or `@type`, a string or a list of strings, prefixes kept.
    var types: [String] {
        (self["type"] ?? self["@type"]).map { $0.list.compactMap(\.string) } ?? []
    }

    /// The `id` or `@id`.
    var id: String? { (self["id"] ?? self["@id"])?.string }

    /// Text from a string, a language map (`{"en-US": "..."}`), a JSON-LD value object (`{"@value": "..."}`) or a
    /// list of those. From a language map: `en-US`, else `en`, else the first `en-…` key, else the first key in
    /// sorted order. From a list, the first element that gives text.
    var text: String? {
        switch self {
        case .string(let text):
            return text
        case .array(let items):
            return items.lazy.compactMap(\.text).first
        case .object(let members):
            if let value = members["@value"]?.string { return value }
            let keys = members.keys.sorted()
            let key = members["en-US"] != nil ? "en-US" : members["en"] != nil ? "en"
                : keys.first { $0.lowercased().hasPrefix("en-") } ?? keys.first
            return key.flatMap { members[$0]?.text }
        default:
            return nil
        }
    }
}

/// A field path inside one record, as messages name it: `alignment[2].targetUrl`.
struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    private var parts: [String] = []

    init() {}

    /// The path to a member.
    func key(_ key: String) -> FieldPath {
        var path = self
        path.parts.append(parts.isEmpty ? key : "." + key)
        return path
    }

    /// The path to a list element.
    func index(_ index: Int) -> FieldPath {
        var path = self
        path.parts.append("[\(index)]")
        return path
    }

    var description: String { parts.joined() }
}
