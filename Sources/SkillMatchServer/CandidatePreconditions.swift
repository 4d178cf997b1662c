import Foundation
import HTTPTypes
import Hummingbird
import SkillMatch
import SkillMatchService

/// The conditions of a write to a stored candidate (RFC 9110 §13.1): `If-Match` and `If-None-Match` with the entity
/// tags that `GET /v1/candidates/{id}` and `POST /v1/candidates` answer in `ETag` (``CandidateRevision``).
///
/// A client that reads a candidate, changes it and writes it back sends `If-Match: <the tag it read>`: if another
/// client wrote in between, the write is refused with 412 and nothing changes, so no update is lost (the check and
/// the write are one transaction). `If-None-Match: *` creates a candidate only when there is none with its id.
struct CandidatePreconditions {
    /// The tags of `If-Match` (`["*"]` for any), nil when the header is absent.
    var ifMatch: [String]?
    /// The tags of `If-None-Match` (`["*"]` for any), nil when the header is absent.
    var ifNoneMatch: [String]?

    /// An `If-Match` value that is not `*` or a list of entity tags, kept for the 412 that answers it.
    var unreadableIfMatch: String?

    /// Reads the request's conditions. A value that is not `*` or a list of entity tags names no version, so it
    /// matches none: an unreadable `If-Match` fails (412, saying so: a write meant to be conditional never lands
    /// unconditionally), an unreadable `If-None-Match` holds (the request goes ahead).
    init(_ request: Request) {
        let match = request.headers[values: .ifMatch]
        if !match.isEmpty {
            let tags = Self.tags(match)
            ifMatch = tags ?? []
            if tags == nil { unreadableIfMatch = match.joined(separator: ", ") }
        }
        let noneMatch = request.headers[values: .ifNoneMatch]
        ifNoneMatch = noneMatch.isEmpty ? nil : (Self.tags(noneMatch) ?? [])
    }

    /// Throws 412 unless the conditions hold for the candidate stored now (nil when none): `If-Match` needs one whose
    /// tag is listed (strong comparison: weak tags never match), `If-None-Match` needs none whose tag is listed.
    func check(_ current: Candidate?, id: String) throws {
        let tag = current.map(CandidateRevision.entityTag)
        if let unreadableIfMatch {
            throw Problem(.preconditionFailed, "If-Match must be * or a comma-separated list of entity tags such as \"4f0c2a9e1b7d3c55\" (as ETag gave them), not \(unreadableIfMatch.prefix(80)); nothing was changed", field: "If-Match")
        }
        if let ifMatch {
            guard let tag else {
                throw Problem(.preconditionFailed, "If-Match: there is no stored candidate with id \"\(id)\" (it was removed, or never stored)", field: "If-Match")
            }
            guard ifMatch == ["*"] || ifMatch.contains(tag) else {
                throw Problem(.preconditionFailed, "If-Match: candidate \"\(id)\" was changed since you read it (it is now \(tag)); read it again and re-apply your change", field: "If-Match")
            }
        }
        if let ifNoneMatch, let tag, ifNoneMatch == ["*"] || Self.weakMatch(ifNoneMatch, tag) {
            throw Problem(.preconditionFailed, "If-None-Match: candidate \"\(id)\" is stored already (\(tag))", field: "If-None-Match")
        }
    }

    /// Whether a `GET` with these conditions may be answered 304 Not Modified (`If-None-Match` lists the tag, weak
    /// comparison as RFC 9110 §13.1.2 asks).
    func notModified(_ tag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch == ["*"] || Self.weakMatch(ifNoneMatch, tag)
    }

    private static func weakMatch(_ tags: [String], _ tag: String) -> Bool {
        tags.contains { $0.hasPrefix("W/") ? String($0.dropFirst(2)) == tag : $0 == tag }
    }

    /// The entity tags of a header's values (`"a", W/"b"` or `*`); nil when they are not that. The syntax is the
    /// OpenAPI document's pattern: `*` alone, or a comma-separated list of quoted tags (no comma or quote inside a
    /// tag), with optional spaces and tabs around the commas.
    static func tags(_ values: [String]) -> [String]? {
        let value = values.joined(separator: ", ")
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        func trimmed(_ text: Substring) -> Substring {
            guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
            return text[first...last]
        }
        if trimmed(Substring(value)) == "*" { return ["*"] }
        var tags: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let tag = trimmed(part)
            let quoted = tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
            guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"", !quoted.dropFirst().dropLast().contains("\"") else { return nil }
            tags.append(String(tag))
        }
        return tags
    }
}
