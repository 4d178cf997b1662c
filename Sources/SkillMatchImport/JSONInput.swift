import Foundation
import SkillMatch

/// Reads and decodes JSON input, turning every failure into an ``InputError`` that names the file, the line
/// (and column for syntax errors), the record and the field.
enum JSONInput {
    /// The largest file read whole: 1 GiB (the full ESCO catalogue as JSON is about 100 MB). A larger file, or an
    /// endless stream (`/dev/zero`), stops with an error instead of exhausting memory.
    public static let maximumFileBytes = 1 << 30

    /// The bytes of a file, FIFO or other stream (`/dev/stdin`, `<(cat f)`), read once and without a leading UTF-8 byte
    /// order mark, or an error naming it.
    /// - Parameter name: the name used in messages (default: the path).
    static func read(_ path: String, name: String? = nil) throws(InputError) -> [UInt8] {
        let file = name ?? path
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ELOOP: throw InputError(file: file, message: "is a symbolic link that loops back on itself")
            case EACCES: throw InputError(file: file, message: "cannot be read (permission denied on a folder of its path)")
            case ENOTDIR: throw InputError(file: file, message: "no such file (a part of its path is not a folder)")
            default: throw InputError(file: file, message: "no such file")
            }
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw InputError(file: file, message: "is a directory, not a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: file, message: errno == EACCES ? "cannot be read (permission denied)" : "cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        if info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(min(Int(info.st_size), maximumFileBytes) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(file: file, message: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            guard bytes.count + got <= maximumFileBytes else {
                throw InputError(file: file, message: "is larger than \(maximumFileBytes >> 20) MiB, the most a file read whole may hold")
            }
            bytes.append(contentsOf: chunk[0 ..< got])
        }
        // A UTF-8 byte order mark (written by some spreadsheet and Windows tools) is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    /// Decodes one JSON value from `bytes`.
    ///
    /// - Parameters:
    ///   - file: the name used in messages.
    ///   - lineOffset: added to line numbers (for one line of a JSONL file, its line number minus 1).
    /// - Returns: the value and the line on which each element of its top-level arrays starts.
    static func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], file: String, lineOffset: Int = 0
    ) throws(InputError) -> (value: T, elementLines: [String: [Int]]) {
        let elementLines: [String: [Int]]
        do {
            elementLines = try JSONScanner.scan(bytes)
        } catch {
            throw InputError(file: file, line: error.line + lineOffset, column: error.column, message: "malformed JSON: \(error.message)")
        }
        do {
            return (try JSONDecoder().decode(T.self, from: Data(bytes)), elementLines)
        } catch let error as DecodingError {
            throw describe(error, bytes: bytes, file: file, elementLines: elementLines, lineOffset: lineOffset)
        } catch {
            throw InputError(file: file, message: "cannot be decoded: \(error)")
        }
    }

    /// Turns a decoding error into a message naming the record (by id where it has one) and the field.
    private static func describe(
        _ error: DecodingError, bytes: [UInt8], file: String, elementLines: [String: [Int]], lineOffset: Int
    ) -> InputError {
        let (path, problem): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context):
            (path, problem) = (context.codingPath, "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            (path, problem) = (context.codingPath, "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            (path, problem) = (context.codingPath + [key], "missing required field")
        case .dataCorrupted(let context):
            (path, problem) = (context.codingPath, context.debugDescription.isEmpty ? "invalid value" : context.debugDescription)
        @unknown default:
            return InputError(file: file, message: "cannot be decoded: \(error)")
        }
        // Name the record: `jobs[3]` becomes `job "15-1232.00"` on the line where that element starts.
        var record: String?
        var line: Int?
        var fieldPath = path
        if let first = path.first {
            let (key, index, rest): (String, Int?, ArraySlice<any CodingKey>) =
                first.intValue != nil ? ("", first.intValue, path[...]) : (first.stringValue, path.dropFirst().first?.intValue, path.dropFirst())
            if let index {
                let id = recordID(bytes: bytes, key: key, index: index)
                let kind = recordKinds[key] ?? "record"
                record = id.map { "\(kind) \"\($0)\"" } ?? "\(kind) #\(index + 1)"
                line = elementLines[key].flatMap { index < $0.count ? $0[index] + lineOffset : nil }
                fieldPath = Array(rest.dropFirst())
            }
        }
        let field = fieldPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingPrefix(".")
        var message = problem
        if let record { message = field.isEmpty ? "\(record): \(problem)" : "\(record), \(field): \(problem)" }
        else if !field.isEmpty { message = "\(field): \(problem)" }
        if case .dataCorrupted(let context) = error, let allowed = allowedValues(context.debugDescription) {
            let shown = field.isEmpty ? allowed : "\(field): \(allowed)"
            message = record.map { "\($0), \(shown)" } ?? shown
        }
        return InputError(file: file, line: line, message: message)
    }

    private static let recordKinds = ["skills": "skill", "jobs": "job", "credentials": "credential", "skillGroups": "skill group", "": "record"]

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default:
            // A dictionary is a Collection too: it is a JSON object.
            if name.hasPrefix("Dictionary") || name.contains("KeyedDecodingContainer") { return "an object" }
            return type is any Collection.Type || name.contains("UnkeyedDecodingContainer") ? "a list" : "an object"
        }
    }

    /// The values a closed set of words allows, from Foundation's "Cannot initialize SkillType from invalid String
    /// value wizardry": `"wizardry" is not a skill type; use one of: skill, knowledge, ability, technology`.
    private static func allowedValues(_ description: String) -> String? {
        guard description.hasPrefix("Cannot initialize "), let from = description.range(of: " from invalid "),
              let value = description.range(of: " value ", range: from.upperBound ..< description.endIndex) else { return nil }
        let type = String(description[description.index(description.startIndex, offsetBy: 18) ..< from.lowerBound])
        let given = description[value.upperBound...]
        let sets: [String: (String, [String])] = [
            "SkillType": ("a skill type", SkillType.allCases.map(\.rawValue)),
            "CredentialType": ("a credential type", CredentialType.allCases.map(\.rawValue)),
        ]
        guard let (what, values) = sets[type] else { return "\"\(given)\" is not one of the allowed values" }
        return "\"\(given)\" is not \(what); use one of: \(values.joined(separator: ", "))"
    }

    /// The `id` of element `index` of the top-level array under `key` ("" for a top-level array).
    private static func recordID(bytes: [UInt8], key: String, index: Int) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        let list = key.isEmpty ? root as? [Any] : (root as? [String: Any])?[key] as? [Any]
        guard let list, index < list.count else { return nil }
        return (list[index] as? [String: Any])?["id"] as? String
    }
}
