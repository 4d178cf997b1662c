import Foundation
import NIOCore
@testable import SkillMatchServer
import SkillVectors
import Testing

/// The intake form reader (`POST /people`) under arbitrary bytes: seeded mutations of valid forms (byte flips,
/// insertions of the form's own delimiters, cuts, repeats, other boundaries). Each must be read or refused with a
/// 400, 413 or 415 problem; a trap, a hang or any other error fails. Deterministic (a fixed seed), so a failure
/// reproduces; libFuzzer does not cover this reader because it would bring Hummingbird and NIO into the fuzz build.
@Suite("skillmatch serve: the intake form reader under mutated input")
struct ResumeFormRobustnessTests {
    static let boundary = "----skillmatchBoundary7MA4YWxk"

    static func multipart(_ parts: [(disposition: String, type: String?, body: String)]) -> [UInt8] {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\nContent-Disposition: \(part.disposition)\r\n"
            if let type = part.type { text += "Content-Type: \(type)\r\n" }
            text += "\r\n\(part.body)\r\n"
        }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    static let resume = "Sam Okafor\nIT support technician, 2019-2024\n- Troubleshooting Windows and networks\n- Customer service\n"
    static let seeds: [(contentType: String, body: [UInt8])] = [
        ("multipart/form-data; boundary=\(boundary)", multipart([("form-data; name=\"text\"", nil, resume)])),
        ("multipart/form-data; boundary=\"\(boundary)\"", multipart([
            ("form-data; name=\"text\"", nil, ""),
            ("form-data; name=\"file\"; filename=\"cv.md\"", "text/markdown", "# Sam\n" + resume),
        ])),
        ("multipart/form-data; boundary=\(boundary)", multipart([
            ("form-data; name=\"file\"; filename=\"resume.json\"", "application/json",
             #"{"basics": {"name": "Sam"}, "work": [{"position": "IT support", "startDate": "2019-01"}], "skills": [{"name": "Troubleshooting"}]}"#),
        ])),
        ("application/x-www-form-urlencoded", Array(("text=" + (resume.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).utf8)),
    ]

    static let fragments: [[UInt8]] = ["--", "\r\n", "\r\n\r\n", "--\(boundary)", "--\(boundary)--", "Content-Disposition: form-data; name=\"file\"; filename=\"",
                                       "name=\"text\"", "\"", ";", "=", "%", "%FF", "%2", "+", "&text=", "\u{0}", "\u{FEFF}", "{", "é"].map { Array($0.utf8) }

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.below(4) {
            switch random.below(6) {
            case 0 where !bytes.isEmpty:
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                bytes.insert(contentsOf: fragments[random.below(fragments.count)], at: random.below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(random.below(bytes.count)...)
            case 3 where !bytes.isEmpty:
                let start = random.below(bytes.count)
                let end = min(bytes.count, start + random.below(64))
                bytes.insert(contentsOf: bytes[start..<end], at: random.below(bytes.count + 1))
            case 4 where !bytes.isEmpty:
                let start = random.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + random.below(32)))
            default:
                bytes.append(contentsOf: (0..<random.below(16)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            }
        }
        return bytes
    }

    static let contentTypes = [
        "multipart/form-data; boundary=\(boundary)", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=x", "MULTIPART/FORM-DATA; BOUNDARY=\(boundary)", "application/x-www-form-urlencoded", "text/plain", "",
    ]

    @Test("the valid seeds are read")
    func seedsRead() throws {
        for seed in Self.seeds {
            let form = try ResumeForm.parse(contentType: seed.contentType, body: ByteBuffer(bytes: seed.body))
            #expect(form.text.contains("Sam"), "\(seed.contentType)")
        }
    }

    @Test("found by the mutations: an empty boundary and a non-ASCII part header name are 400s (MultipartKit 4.7.1 traps on both); UTF-8 in a file name or the text is fine")
    func multipartKitTraps() throws {
        for contentType in ["multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=\(String(repeating: "x", count: 71))"] {
            #expect(throws: Problem.self) { try ResumeForm.parse(contentType: contentType, body: ByteBuffer(bytes: Self.seeds[0].body)) }
        }
        let nonASCIIName = Self.multipart([("form-data; name=\"text\"", nil, Self.resume)]).replacing(Array("Content-Disposition".utf8), with: Array("Contént-Disposition".utf8))
        do {
            _ = try ResumeForm.parse(contentType: "multipart/form-data; boundary=\(Self.boundary)", body: ByteBuffer(bytes: nonASCIIName))
            Issue.record("a non-ASCII header name was read")
        } catch let problem as Problem {
            #expect(problem.status == .badRequest)
        }
        let accented = Self.multipart([("form-data; name=\"file\"; filename=\"résumé.md\"", "text/markdown", "Compétences: Python\n" + Self.resume)])
        let form = try ResumeForm.parse(contentType: "multipart/form-data; boundary=\(Self.boundary)", body: ByteBuffer(bytes: accented))
        #expect(form.text.hasPrefix("Compétences: Python"))
        // The check is linear: a 2 MiB body that is one long run of the boundary's first byte.
        let boundary = "a"
        let run = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        #expect(ResumeForm.partHeaderNamesAreASCII(run, boundary: boundary))
    }

    @Test("20,000 mutated forms are each read or refused with 400, 413 or 415")
    func mutatedForms() {
        var random = SplitMix64(seed: 19)
        var outcomes: [Int: Int] = [:]
        for round in 0..<20_000 {
            let seed = Self.seeds[round % Self.seeds.count]
            let body = Self.mutate(seed.body, &random)
            let contentType = random.below(8) == 0 ? Self.contentTypes[random.below(Self.contentTypes.count)] : seed.contentType
            do {
                _ = try ResumeForm.parse(contentType: contentType, body: ByteBuffer(bytes: body))
                outcomes[200, default: 0] += 1
            } catch {
                let status = Problem.from(error).status.code
                outcomes[status, default: 0] += 1
                if ![400, 413, 415].contains(status) {
                    Issue.record("round \(round): \(status) \(error) for \(contentType) \(Array(body.prefix(200)))")
                    return
                }
            }
        }
        // Both outcomes occur: the mutations reach past the first check.
        #expect((outcomes[200] ?? 0) > 1000 && (outcomes[400] ?? 0) > 1000, "\(outcomes)")
    }
}

private extension SplitMix64 {
    /// A number in 0..<bound (0 when bound < 1).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
