/// One record of a JSON document being read, so that every error names the file, the line, the record and the
/// field: `badges.json, line 12: badge "https://…", alignment[0].targetUrl: expected a string, found a number`.
struct RecordContext {
    let place: RecordPlace
    /// What a record is called in messages: `badge`, `credential`.
    let kind: String
    /// The record's id once known.
    var id: String?

    /// `badge "https://…"`, or `badge #3` before the id is known.
    var label: String { id.map { "\(kind) \"\($0)\"" } ?? "\(kind) #\(place.record)" }

    /// An error about one field of the record.
    func error(_ field: FieldPath, _ message: String) -> InputError {
        let name = field.description
        return InputError(file: place.file, line: place.line, message: name.isEmpty ? "\(label): \(message)" : "\(label), \(name): \(message)")
    }

    /// A member that must be a string when present.
    func string(_ node: JSONTree, _ key: String, at path: FieldPath) throws(InputError) -> String? {
        guard let value = node[key] else { return nil }
        guard let text = value.string else { throw error(path.key(key), "expected a string, found \(value.kind)") }
        return text.trimmed.isEmpty ? nil : text.trimmed
    }

    /// A member holding text: a string, a language map or a JSON-LD value object (see ``JSONTree/text``).
    func text(_ node: JSONTree, _ key: String, at path: FieldPath) throws(InputError) -> String? {
        guard let value = node[key] else { return nil }
        guard let text = value.text else {
            throw error(path.key(key), "expected text (a string or a language map such as {\"en-US\": \"…\"}), found \(value.kind)")
        }
        return text.trimmed.isEmpty ? nil : text.trimmed
    }

    /// A required text member.
    func requiredText(_ node: JSONTree, _ key: String, at path: FieldPath) throws(InputError) -> String {
        guard let text = try text(node, key, at: path) else {
            throw error(path.key(key), node[key] == nil ? "missing required field" : "is empty")
        }
        return text
    }

    /// A member that must be an object or a list of objects; each with its path.
    func objects(_ node: JSONTree, _ key: String, at path: FieldPath) throws(InputError) -> [(JSONTree, FieldPath)] {
        guard let value = node[key] else { return [] }
        var result: [(JSONTree, FieldPath)] = []
        if case .array(let items) = value {
            for (index, item) in items.enumerated() {
                guard item.object != nil else { throw error(path.key(key).index(index), "expected an object, found \(item.kind)") }
                result.append((item, path.key(key).index(index)))
            }
        } else {
            guard value.object != nil else { throw error(path.key(key), "expected an object or a list of objects, found \(value.kind)") }
            result.append((value, path.key(key)))
        }
        return result
    }
}

/// The records of a JSON(-LD) document: a list, an `@graph` envelope, or one object; each with its place.
enum JSONRecords {
    static func split(_ root: JSONTree, elementLines: [String: [Int]], file: String) -> [(node: JSONTree, place: RecordPlace)] {
        func numbered(_ items: [JSONTree], _ lines: [Int]?) -> [(node: JSONTree, place: RecordPlace)] {
            items.enumerated().map { index, item in
                (item, RecordPlace(file: file, record: index + 1, line: lines.flatMap { index < $0.count ? $0[index] : nil }))
            }
        }
        switch root {
        case .array(let items): return numbered(items, elementLines[""])
        case .object(let members):
            if case .array(let items)? = members["@graph"] { return numbered(items, elementLines["@graph"]) }
            return [(root, RecordPlace(file: file, record: 1, line: nil))]
        default: return [(root, RecordPlace(file: file, record: 1, line: nil))]
        }
    }

    /// Nodes by `id`/`@id` (and CTID), anywhere in the document, for references within one file.
    static func index(_ root: JSONTree) -> [String: JSONTree] {
        var index: [String: JSONTree] = [:]
        func visit(_ node: JSONTree) {
            switch node {
            case .array(let items): items.forEach(visit)
            case .object(let members):
                // Only nodes that say something beyond their id.
                if members.count > 1 {
                    if let id = node.id, index[id] == nil { index[id] = node }
                    if let ctid = node["ceterms:ctid"]?.string, index[ctid] == nil { index[ctid] = node }
                }
                members.values.forEach(visit)
            default: break
            }
        }
        visit(root)
        return index
    }
}
