import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SkillMatchServer
import Testing

@Suite("skillmatch serve: conditional candidate writes (ETag, If-Match, If-None-Match)")
struct CandidateWriteTests {
    static let token = "test-token-0123456789abcdef"
    static let auth: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)"]

    static func headers(_ extra: [HTTPField.Name: String]) -> HTTPFields {
        var headers = auth
        for (name, value) in extra { headers[name] = value }
        return headers
    }

    @Test("a write with a stale If-Match is refused with 412 and changes nothing; ETag is stable and 304 answers a current If-None-Match")
    func conditions() async throws {
        let fixture = try ServerFixture()
        let first = #"{"id": "pat", "name": "Pat", "skills": [{"skill": "troubleshooting", "level": 0.5}]}"#
        let second = #"{"id": "pat", "name": "Pat B", "skills": [{"skill": "troubleshooting", "level": 0.7}]}"#
        try await fixture.withClient(token: Self.token) { client in
            let created = try await client.post("/v1/candidates", first, headers: Self.headers([.ifNoneMatch: "*"]))
            #expect(created.status == .created, "\(created.text)")
            let tag = try #require(created.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.count == 18)
            // The tag answered by the write is the tag read back, on every read.
            let shown = try await client.get("/v1/candidates/pat")
            #expect(shown.headers[.eTag] == tag)
            #expect(try await client.get("/v1/candidates/pat").headers[.eTag] == tag)
            let notModified = try await client.get("/v1/candidates/pat", headers: [.ifNoneMatch: tag])
            #expect(notModified.status == .notModified)
            #expect(notModified.body.readableBytes == 0)
            #expect(try await client.get("/v1/candidates/pat", headers: [.ifNoneMatch: "\"0000000000000000\""]).status == .ok)
            // Create-only on a taken id.
            let taken = try await client.post("/v1/candidates", first, headers: Self.headers([.ifNoneMatch: "*"]))
            #expect(taken.status == .preconditionFailed)
            #expect(try taken.object()["field"] as? String == "If-None-Match")
            // A change with the tag read lands and gives a new tag; the old tag is then stale.
            let changed = try await client.post("/v1/candidates", second, headers: Self.headers([.ifMatch: tag]))
            #expect(changed.status == .ok, "\(changed.text)")
            let newTag = try #require(changed.headers[.eTag])
            #expect(newTag != tag)
            let stale = try await client.post("/v1/candidates", first, headers: Self.headers([.ifMatch: tag]))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.contentType] == "application/problem+json")
            #expect(try stale.object()["detail"] as? String ?? "" == "If-Match: candidate \"pat\" was changed since you read it (it is now \(newTag)); read it again and re-apply your change")
            let kept = try await client.get("/v1/candidates/pat").object()
            #expect((kept["candidate"] as? [String: Any])?["name"] as? String == "Pat B")
            // Weak tags never match If-Match; a list matches any member; * matches any stored version.
            #expect(try await client.post("/v1/candidates", second, headers: Self.headers([.ifMatch: "W/\(newTag)"])).status == .preconditionFailed)
            #expect(try await client.post("/v1/candidates", second, headers: Self.headers([.ifMatch: "\(tag), \(newTag)"])).status == .ok)
            #expect(try await client.post("/v1/candidates", second, headers: Self.headers([.ifMatch: "*"])).status == .ok)
            // If-Match on an id never stored: 412, and nothing is created.
            let ghost = #"{"id": "ghost", "skills": [{"skill": "troubleshooting", "level": 0.5}]}"#
            #expect(try await client.post("/v1/candidates", ghost, headers: Self.headers([.ifMatch: "*"])).status == .preconditionFailed)
            #expect(try await client.get("/v1/candidates/ghost").status == .notFound)
            // An If-Match that is not an entity-tag list names no version: the write fails its condition, saying why.
            for bad in ["abc", "\"unterminated", "*, \"a\"", ",", "0"] {
                let answer = try await client.post("/v1/candidates", first, headers: Self.headers([.ifMatch: bad]))
                #expect(answer.status == .preconditionFailed, "If-Match: \(bad)")
                #expect(try answer.object()["field"] as? String == "If-Match")
                #expect(answer.text.contains("must be * or a comma-separated list of entity tags"))
            }
            #expect((try await client.get("/v1/candidates/pat").object()["candidate"] as? [String: Any])?["name"] as? String == "Pat B")
            // An If-None-Match that cannot be read names no version: it matches none, and the request goes ahead.
            #expect(try await client.get("/v1/candidates/pat", headers: [.ifNoneMatch: "0"]).status == .ok)
            #expect(try await client.post("/v1/candidates", second, headers: Self.headers([.ifNoneMatch: "garbage"])).status == .ok)
            // A delete with a stale tag keeps the candidate; with the current one it removes it.
            let current = try #require(try await client.get("/v1/candidates/pat").headers[.eTag])
            #expect(try await client.execute(uri: "/v1/candidates/pat", method: .delete, headers: Self.headers([.ifMatch: tag])).status == .preconditionFailed)
            #expect(try await client.get("/v1/candidates/pat").status == .ok)
            #expect(try await client.execute(uri: "/v1/candidates/pat", method: .delete, headers: Self.headers([.ifMatch: current])).status == .noContent)
            #expect(try await client.get("/v1/candidates/pat").status == .notFound)
        }
    }

    /// Six clients each add four credentials to one stored candidate by read, change, write with `If-Match`, retrying
    /// on 412, all at once: every one of the 24 additions must be there at the end (no lost update).
    @Test("concurrent read-modify-write clients with If-Match lose no update")
    func concurrentWriters() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient(token: Self.token) { client in
            let found = try await client.get("/v1/credentials?limit=24").object()
            let credentials = try #require((found["credentials"] as? [[String: Any]])?.compactMap { ($0["credential"] as? [String: Any])?["id"] as? String })
            try #require(credentials.count == 24)
            let start = #"{"id": "shared", "skills": [{"skill": "troubleshooting", "level": 0.5}]}"#
            #expect(try await client.post("/v1/candidates", start, headers: Self.auth).status == .created)
            let retries = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        var retries = 0
                        for credential in credentials[(writer * 4)..<(writer * 4 + 4)] {
                            while true {
                                let read = try await client.get("/v1/candidates/shared")
                                let tag = try #require(read.headers[.eTag])
                                var record = try #require(try read.object()["candidate"] as? [String: Any])
                                record["credentials"] = ((record["credentials"] as? [String]) ?? []) + [credential]
                                let body = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
                                let written = try await client.post("/v1/candidates", body, headers: Self.headers([.ifMatch: tag]))
                                if written.status == .ok { break }
                                try #require(written.status == .preconditionFailed, "\(written.status) \(written.text)")
                                retries += 1
                            }
                        }
                        return retries
                    }
                }
                return try await group.reduce(0, +)
            }
            let final = try #require(try await client.get("/v1/candidates/shared").object()["candidate"] as? [String: Any])
            let held = Set((final["credentials"] as? [String]) ?? [])
            #expect(held == Set(credentials), "lost \(Set(credentials).subtracting(held).sorted()) after \(retries) retries")
            #expect((final["skills"] as? [Any])?.count == 1)
        }
    }
}
