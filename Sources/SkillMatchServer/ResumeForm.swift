import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import SkillMatchImport
import SkillMatchService

/// The intake form of `POST /people`: resume text pasted into `text`, or a file uploaded as `file` (plain text,
/// markdown, or a JSON Resume), sent as `multipart/form-data` or `application/x-www-form-urlencoded`.
struct ResumeForm: Sendable {
    /// The text to show again in the form when the resume cannot be read.
    var text: String
    /// The person the form gives.
    var input: CandidateInput

    /// The most a form may carry: a resume's text limit with room for the form's own bytes.
    static let bodyBytes = 2 << 20

    static func read(_ request: Request) async throws -> ResumeForm {
        let contentType = request.headers[.contentType] ?? ""
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: bodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, "the form is larger than \(bodyBytes / (1 << 20)) MiB (a resume may have at most \(APILimits.textLength) characters)", field: "file")
        }
        return try parse(contentType: contentType, body: buffer)
    }

    /// Reads a form's body given its content type; every refusal is a ``Problem`` (400, 413 or 415) saying what to
    /// fix. Any bytes may arrive here: the robustness test feeds it mutated forms.
    static func parse(contentType: String, body buffer: ByteBuffer) throws -> ResumeForm {
        var text = ""
        var upload: (name: String, bytes: [UInt8])?
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            // RFC 2046: 1 to 70 printable characters (MultipartKit's parser traps on an empty one).
            guard let boundary = Self.parameter("boundary", of: contentType), (1...70).contains(boundary.utf8.count),
                  boundary.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
                throw Problem(.badRequest, "the form's content type names no usable boundary (1 to 70 printable characters)")
            }
            guard Self.partHeaderNamesAreASCII(Array(buffer.readableBytesView), boundary: boundary) else {
                throw Problem(.badRequest, "the form could not be read as multipart/form-data (a part's header name is not ASCII)")
            }
            let parts: [Part]
            do {
                parts = try Self.parts(of: buffer, boundary: boundary)
            } catch {
                throw Problem(.badRequest, "the form could not be read as multipart/form-data")
            }
            let named = { (field: String) in parts.first { Self.parameter("name", of: $0.disposition) == field } }
            text = named("text").map { String(decoding: $0.body, as: UTF8.self) } ?? ""
            if let file = named("file"), !file.body.isEmpty {
                upload = (Self.parameter("filename", of: file.disposition) ?? "the uploaded file", file.body)
            }
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            text = Self.urlEncodedValue("text", in: String(buffer: buffer)) ?? ""
        } else {
            throw Problem(.unsupportedMediaType, "send the form as multipart/form-data or application/x-www-form-urlencoded")
        }
        let bytes: [UInt8]
        let name: String
        if let upload {
            (name, bytes) = (upload.name, upload.bytes)
            text = try TextInput.decode(bytes, file: name)
        } else {
            (name, bytes) = ("the pasted text", Array(text.utf8))
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem(.badRequest, "paste a resume or choose a file", field: "text")
        }
        guard text.unicodeScalars.count <= APILimits.textLength else {
            throw Problem(.contentTooLarge, "the resume is longer than \(APILimits.textLength) characters", field: "text")
        }
        let isJSON = name.lowercased().hasSuffix(".json") || text.drop { $0.isWhitespace }.first == "{"
        return ResumeForm(text: text, input: isJSON ? .json(bytes, name: name) : .text(text, id: "resume"))
    }

    /// One part of a multipart form: its `Content-Disposition` and its bytes.
    struct Part { var disposition: String; var body: [UInt8] }

    /// The parts of a `multipart/form-data` body (MultipartKit's parser).
    static func parts(of buffer: ByteBuffer, boundary: String) throws -> [Part] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var current = Part(disposition: "", body: [])
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { current.disposition = value }
        }
        parser.onBody = { chunk in current.body += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append(current)
            current = Part(disposition: "", body: [])
        }
        try parser.execute(buffer)
        return parts
    }

    /// Whether no part header name holds a byte over 0x7F. MultipartKit 4.7.1 looks such a byte up in a 128-entry table
    /// and traps, so those bodies are refused before it sees them.
    ///
    /// Every place the parser reads a header name lies in a region that starts where the boundary's bytes end (each of
    /// its boundary matches ends with them) and ends after the first blank line (`CR LF CR LF`) that follows; a name
    /// runs from a line start to the first `:`. So this checks, in every such region, each line's bytes before its
    /// first `:` (a superset of the names). Header values (a UTF-8 file name) and part bodies are not checked. Linear
    /// in the body: regions are merged and each byte is looked at once.
    static func partHeaderNamesAreASCII(_ body: [UInt8], boundary: String) -> Bool {
        let delimiter = Array(boundary.utf8)
        guard !delimiter.isEmpty else { return true }
        var searchFrom = 0
        var blank = -1
        var checked = 0
        while searchFrom + delimiter.count <= body.count, let hit = body[searchFrom...].firstRange(of: delimiter) {
            searchFrom = hit.lowerBound + 1
            let from = hit.upperBound
            if blank < from {
                blank = from
                while blank + 3 < body.count && !(body[blank] == 13 && body[blank + 1] == 10 && body[blank + 2] == 13 && body[blank + 3] == 10) {
                    blank += 1
                }
                if blank + 3 >= body.count { blank = body.count }
            }
            let end = min(body.count, blank + 4)
            var inName = true
            var index = max(from, checked)
            while index < end {
                switch body[index] {
                case 13, 10: inName = true
                case 58: inName = false
                case 0x80...: if inName { return false }
                default: break
                }
                index += 1
            }
            checked = max(checked, end)
        }
        return true
    }

    /// `value` of `name=value` (or `name="value"`) among a header's `;`-separated parameters.
    static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            let value = pair[1]
            return value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The first value of `name` in a URL-encoded form.
    static func urlEncodedValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}

/// The resumes read through the web app, kept in memory so that their pages can be linked (`/resumes/KEY`): at most
/// ``capacity``, each for ``hours`` hours, never written to disk or logged. The key is 128 random bits.
final class ResumeMemory: Sendable {
    static let capacity = 500
    static let hours = 8

    private struct Kept: Sendable { var input: CandidateInput; var at: Date }
    private let kept = NSLockedBox<[String: Kept]>([:])

    /// Keeps `input` and returns its key (dropping expired resumes, then the oldest beyond capacity).
    func keep(_ input: CandidateInput) -> String {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
        let now = Date()
        kept.mutate { kept in
            kept = kept.filter { now.timeIntervalSince($0.value.at) < Double(Self.hours) * 3600 }
            while kept.count >= Self.capacity, let oldest = kept.min(by: { $0.value.at < $1.value.at }) { kept[oldest.key] = nil }
            kept[key] = Kept(input: input, at: now)
        }
        return key
    }

    /// The resume kept under `key`, if it has not expired.
    func input(_ key: String) -> CandidateInput? {
        guard let found = kept.value[key], Date().timeIntervalSince(found.at) < Double(Self.hours) * 3600 else { return nil }
        return found.input
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
