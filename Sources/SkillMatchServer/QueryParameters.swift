import Foundation
import Hummingbird

/// A request's query parameters, read with the same checks and messages as ``JSONRequest`` members.
struct QueryParameters {
    let parameters: Parameters

    /// Refuses a parameter the operation does not define (400), so that a misspelt filter is never ignored.
    init(_ request: Request, allowed: Set<String>) throws {
        parameters = request.uri.queryParameters
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(.badRequest, "\(unknown) is not a parameter of \(request.uri.path) (it takes \(allowed.sorted().joined(separator: ", ")))", field: unknown)
        }
    }

    func string(_ key: String, maxLength: Int = APILimits.idLength) throws -> String? {
        guard let text = parameters.get(key) else { return nil }
        guard text.unicodeScalars.count <= maxLength else {
            throw Problem(.badRequest, "\(key) is longer than \(maxLength) characters", field: key)
        }
        return text
    }

    func all(_ key: String, maxLength: Int) throws -> [String] {
        let values = parameters.getAll(key)
        guard values.count <= 100 else { throw Problem(.badRequest, "\(key) is given more than 100 times", field: key) }
        for value in values where value.unicodeScalars.count > maxLength {
            throw Problem(.badRequest, "\(key) is longer than \(maxLength) characters", field: key)
        }
        return values
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = parameters.get(key) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw Problem(.badRequest, "\(key) must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not \"\(text.prefix(40))\"", field: key)
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = parameters.get(key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(.badRequest, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.prefix(40))\"", field: key)
        }
        return number
    }

    func bool(_ key: String) throws -> Bool? {
        guard let text = parameters.get(key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw Problem(.badRequest, "\(key) must be true or false, not \"\(text.prefix(40))\"", field: key)
        }
    }
}
