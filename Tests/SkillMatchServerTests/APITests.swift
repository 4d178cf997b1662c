import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SkillMatchServer
import SkillMatchService
import Testing

@Suite("skillmatch serve: the JSON API")
struct APITests {
    @Test("every read endpoint answers on the demo catalogue")
    func readEndpoints() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let health = try await client.get("/v1/health")
            #expect(health.status == .ok)
            #expect(try health.object()["jobs"] as? Int == 39)
            #expect(health.headers[.contentType] == "application/json")
            #expect(try await client.get("/v1/stats").object()["credentials"] as? Int == 103)
            let jobs = try await client.get("/v1/jobs?q=support&limit=2").object()
            #expect((jobs["jobs"] as? [[String: Any]])?.map { $0["id"] as? String }.contains("15-1232.00") == true)
            let job = try await client.get("/v1/jobs/15-1232.00").object()
            #expect(job["title"] as? String == "Computer User Support Specialists")
            let credentials = try await client.get("/v1/credentials?q=network&type=certification&limit=2").object()
            #expect((credentials["credentials"] as? [Any])?.count == 2)
            #expect((credentials["facets"] as? [String: Any])?["issuer"] != nil)
            #expect(try await client.get("/v1/credentials/comptia-a-plus").status == .ok)
            #expect(try await client.get("/v1/skills/troubleshooting").status == .ok)
            #expect(try await client.get("/v1/candidates").status == .ok)
            #expect(try await client.get("/v1/candidates/dana-it-legacy").status == .ok)
            let spec = try await client.get("/openapi.yaml")
            #expect(spec.status == .ok)
            #expect(spec.text.hasPrefix("openapi: 3.1.0"))
        }
    }

    @Test("fit, match, gap, next, extract, similar and gaps give byte for byte the CLI's --format json for the same input")
    func sameAsCLI() async throws {
        let fixture = try ServerFixture()
        let resume = try String(contentsOfFile: ServerFixture.packageRoot + "/datasets/demo/resumes/sam-okafor.md", encoding: .utf8)
        let resumeFile = fixture.write("resume.md", resume)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: ["text": resume, "id": "resume"]), as: UTF8.self)
        let pool = #"[{"id": "a", "skills": [{"skill": "troubleshooting", "level": 0.75}, {"skill": "customer-service", "level": 0.5}]}, {"id": "b", "skills": [{"skill": "active-directory", "level": 0.5}], "credentials": ["comptia-a-plus"]}]"#
        let poolFile = fixture.write("pool.json", pool)
        let cases: [(uri: String, body: String, cli: [String])] = [
            ("/v1/fit", #"{"candidate": "dana-it-legacy", "job": "15-1232.00"}"#, ["fit", "--candidate", "dana-it-legacy", "--job", "15-1232.00"]),
            ("/v1/fit", #"{"candidate": \#(text), "job": "15-1232.00"}"#, ["fit", "--candidate", resumeFile, "--job", "15-1232.00"]),
            ("/v1/match", #"{"candidate": "dana-it-legacy", "top": 5}"#, ["match", "--candidate", "dana-it-legacy", "--top", "5"]),
            ("/v1/match", #"{"candidate": \#(text), "top": 5}"#, ["match", "--candidate", resumeFile, "--top", "5"]),
            ("/v1/match", #"{"job": "15-1232.00", "top": 3}"#, ["match", "--job", "15-1232.00", "--top", "3"]),
            ("/v1/gap", #"{"candidate": "dana-it-legacy", "job": "15-1232.00"}"#, ["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00"]),
            ("/v1/gap", #"{"candidate": \#(text), "job": "15-1232.00", "target": 0.9, "maxCost": 3000}"#,
             ["gap", "--candidate", resumeFile, "--job", "15-1232.00", "--target", "0.9", "--max-cost", "3000"]),
            ("/v1/next", #"{"candidate": "dana-it-legacy", "top": 3}"#, ["next", "--candidate", "dana-it-legacy", "--top", "3"]),
            ("/v1/next", #"{"candidate": \#(text), "types": ["certification"]}"#, ["next", "--candidate", resumeFile, "--type", "certification"]),
            ("/v1/extract", #"{"text": \#(String(decoding: try JSONEncoder().encode(resume), as: UTF8.self))}"#, ["extract", resumeFile]),
            ("/v1/similar", #"{"job": "15-1232.00", "top": 4}"#, ["similar", "--job", "15-1232.00", "--top", "4"]),
            ("/v1/similar", #"{"job": "15-1232.00", "method": "model"}"#, ["similar", "--job", "15-1232.00", "--method", "model"]),
            ("/v1/similar", #"{"skill": "troubleshooting", "top": 5}"#, ["similar", "--skill", "troubleshooting", "--top", "5"]),
            ("/v1/similar", #"{"credential": "comptia-a-plus"}"#, ["similar", "--credential", "comptia-a-plus"]),
            ("/v1/gaps", #"{"jobs": ["15-1232.00", "15-1231.00"], "top": 5}"#, ["gaps", "--job", "15-1232.00", "--job", "15-1231.00", "--top", "5"]),
            ("/v1/gaps", #"{"jobs": ["15-1232.00"], "candidates": \#(pool), "maxCost": 800, "noPlans": true}"#,
             ["gaps", "--job", "15-1232.00", "--candidates", poolFile, "--max-cost", "800", "--no-plans"]),
        ]
        let expected = try cases.map { item in
            let run = try fixture.cli(item.cli + ["--format", "json"])
            #expect(run.status == 0, "\(item.cli): \(run.stderr)")
            return run.stdout
        }
        try await fixture.withClient { client in
            for (item, cli) in zip(cases, expected) {
                let response = try await client.post(item.uri, item.body)
                #expect(response.status == .ok, "\(item.uri): \(response.text)")
                #expect(response.text == cli, "\(item.uri) \(item.body.prefix(80)) differs from `skillmatch \(item.cli.joined(separator: " "))`")
            }
        }
    }

    @Test("POST /v1/batch streams batch's own lines (JSON Lines and CSV) for a JSON Lines body; a bad line is a 400 naming it")
    func batch() async throws {
        let fixture = try ServerFixture()
        let lines = [
            #"{"id": "a", "skills": [{"skill": "troubleshooting", "level": 0.75}, {"skill": "customer-service", "level": 0.5}]}"#,
            #"{"id": "b", "skills": [{"skill": "active-directory", "level": 0.5}], "credentials": ["comptia-a-plus"]}"#,
            #"{"id": "c", "text": "Help desk analyst: Active Directory, ticketing, Windows 11, customer service."}"#,
        ].joined(separator: "\n") + "\n"
        let file = fixture.write("pool.jsonl", lines)
        let jsonl = try fixture.cli(["batch", "--candidates", file, "--top", "3"])
        let csv = try fixture.cli(["batch", "--candidates", file, "--top", "3", "--format", "csv"])
        let byJob = try fixture.cli(["batch", "--candidates", file, "--top", "2", "--direction", "candidates"])
        let byJobCSV = try fixture.cli(["batch", "--candidates", file, "--top", "2", "--direction", "candidates", "--format", "csv", "--min-score", "0.3"])
        #expect(jsonl.status == 0 && csv.status == 0 && byJob.status == 0 && byJobCSV.status == 0, "\(jsonl.stderr)")
        try await fixture.withClient { client in
            let ndjson: HTTPFields = [.contentType: "application/x-ndjson"]
            let answer = try await client.post("/v1/batch?top=3", lines, headers: ndjson)
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "application/x-ndjson")
            #expect(answer.text == jsonl.stdout)
            let rows = try await client.post("/v1/batch?top=3&format=csv", lines, headers: ndjson)
            #expect(rows.text == csv.stdout)
            let ranked = try await client.post("/v1/batch?top=2&direction=candidates", lines, headers: ndjson)
            #expect(ranked.status == .ok)
            #expect(ranked.text == byJob.stdout)
            #expect(ranked.text.split(separator: "\n").count == 39)
            #expect(try await client.post("/v1/batch?top=2&direction=candidates&format=csv&minScore=0.3", lines, headers: ndjson).text == byJobCSV.stdout)
            #expect(try await client.post("/v1/batch?direction=people", lines, headers: ndjson).status == .badRequest)
            let bad = try await client.post("/v1/batch", lines + #"{"id": "d", "skills": [{"skill": "nope", "level": 2}]}"# + "\n", headers: ndjson)
            #expect(bad.status == .badRequest)
            #expect(try bad.object()["detail"] as? String ?? "" != "" && bad.text.contains("line 4"))
            let wrongType = try await client.post("/v1/batch", lines)
            #expect(wrongType.status == .unsupportedMediaType)
            let unknown = try await client.post("/v1/batch?k=3", lines, headers: ndjson)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test("no CORS headers unless --cors-origin names one origin; then its preflight is answered without the token")
    func cors() async throws {
        let fixture = try ServerFixture()
        let origin: HTTPFields = [HTTPField.Name("Origin")!: "https://board.example.org"]
        try await fixture.withClient { client in
            let plain = try await client.get("/v1/health", headers: origin)
            #expect(plain.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == nil)
        }
        try await fixture.withClient(token: "a-token-of-sixteen-characters", corsOrigin: "https://board.example.org") { client in
            let allowed = try await client.get("/v1/health", headers: origin)
            #expect(allowed.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == "https://board.example.org")
            var preflight = origin
            preflight[HTTPField.Name("Access-Control-Request-Method")!] = "POST"
            let answer = try await client.execute(uri: "/v1/candidates", method: .options, headers: preflight)
            #expect(answer.status == .ok || answer.status == .noContent)
            #expect(answer.headers[HTTPField.Name("Access-Control-Allow-Methods")!]?.contains("POST") == true)
        }
        #expect(throws: ServiceError.self) {
            try ServerConfiguration(location: CatalogLocation(path: fixture.database, isDefault: false), corsOrigin: "*").validate()
        }
    }

    @Test("errors are problem details naming the field: 400, 404, 405, 413, 415, 422; never a type name or a trace")
    func errors() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            func expectProblem(_ response: TestResponse, _ status: HTTPResponse.Status, field: String? = nil, _ comment: String = "") throws {
                #expect(response.status == status, "\(comment): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(comment)")
                let body = try response.object()
                #expect(body["status"] as? Int == status.code)
                #expect(body["type"] as? String == "about:blank")
                if let field { #expect(body["field"] as? String == field, "\(comment): \(response.text)") }
                for leak in ["Swift", "Error(", "SQL", "GRDB", "Hummingbird", ".swift"] {
                    #expect(!response.text.contains(leak), "\(comment) leaks \(leak): \(response.text)")
                }
            }
            try expectProblem(try await client.post("/v1/fit", "{"), .badRequest, "malformed JSON")
            try expectProblem(try await client.post("/v1/fit", "[]"), .badRequest, "not an object")
            try expectProblem(try await client.post("/v1/fit", #"{"job": "15-1232.00"}"#), .badRequest, field: "candidate", "missing candidate")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": "dana-it-legacy", "job": 7}"#), .badRequest, field: "job", "job a number")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": "dana-it-legacy", "job": "15-1232.00", "jobs": 1}"#), .badRequest, field: "jobs", "unknown member")
            try expectProblem(try await client.post("/v1/match", #"{"candidate": "dana-it-legacy", "top": 0}"#), .badRequest, field: "top", "top 0")
            try expectProblem(try await client.post("/v1/match", #"{"candidate": "dana-it-legacy", "top": 2.5}"#), .badRequest, field: "top", "top 2.5")
            try expectProblem(try await client.post("/v1/gap", #"{"candidate": "dana-it-legacy", "job": "15-1232.00", "scope": "galaxy"}"#), .badRequest, field: "scope", "bad scope")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": "\#(String(repeating: "x", count: 201))", "job": "a"}"#), .badRequest, field: "candidate", "long id")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": "nobody", "job": "15-1232.00"}"#), .notFound, field: "candidate", "unknown candidate")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": "dana-it-legacy", "job": "nope"}"#), .notFound, field: "job", "unknown job")
            try expectProblem(try await client.get("/v1/jobs/nope"), .notFound, "unknown job path")
            try expectProblem(try await client.get("/v1/nothing-here"), .notFound, "unknown route")
            try expectProblem(try await client.post("/v1/fit", #"{"candidate": {"id": "p", "skills": [{"skill": "no-such-skill", "level": 0.5}]}, "job": "15-1232.00"}"#),
                              .unprocessableContent, field: "candidate", "unknown skill")
            try expectProblem(try await client.post("/v1/gap", #"{"candidate": "dana-it-legacy", "job": "15-1232.00", "maxCost": 1}"#),
                              .unprocessableContent, "budget too small")
            try expectProblem(try await client.post("/v1/gap", #"{"candidate": "dana-it-legacy", "job": "15-1232.00", "target": 0.99, "types": ["badge"]}"#),
                              .unprocessableContent, field: "target", "unreachable target")
            let wrongMethod = try await client.execute(uri: "/v1/fit", method: .get)
            try expectProblem(wrongMethod, .methodNotAllowed, "GET /v1/fit")
            #expect(wrongMethod.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/v1/jobs", method: .post).headers[.allow] == "GET, HEAD")
            try expectProblem(try await client.post("/v1/fit", "{}", headers: [.contentType: "text/plain"]), .unsupportedMediaType, "text/plain")
            let huge = #"{"candidate": {"text": ""# + String(repeating: "a", count: 1_100_000) + #""}, "job": "15-1232.00"}"#
            try expectProblem(try await client.post("/v1/fit", huge), .contentTooLarge, "1.1 MB body")
            try expectProblem(try await client.get("/v1/jobs?limit=0"), .badRequest, field: "limit", "limit 0")
            try expectProblem(try await client.get("/v1/credentials?maxCost=abc"), .badRequest, field: "maxCost", "maxCost text")
            try expectProblem(try await client.get("/v1/credentials?maxcost=5"), .badRequest, field: "maxcost", "misspelt parameter")
        }
    }

    @Test("candidate writes need the token; stored, read back, replaced and removed; a server without a token refuses writes")
    func candidateWrites() async throws {
        let fixture = try ServerFixture()
        let token = "test-token-0123456789abcdef"
        let record = #"{"id": "pat", "name": "Pat", "skills": [{"skill": "troubleshooting", "level": 0.5}]}"#
        try await fixture.withClient(token: token) { client in
            let auth: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)"]
            #expect(try await client.post("/v1/candidates", record).status == .unauthorized)
            let wrong = try await client.post("/v1/candidates", record, headers: [.contentType: "application/json", .authorization: "Bearer wrong"])
            #expect(wrong.status == .unauthorized)
            let created = try await client.post("/v1/candidates", record, headers: auth)
            #expect(created.status == .created, "\(created.text)")
            #expect(try await client.post("/v1/candidates", record, headers: auth).status == .ok)
            let shown = try await client.get("/v1/candidates/pat").object()
            #expect((shown["candidate"] as? [String: Any])?["name"] as? String == "Pat")
            let fit = try await client.post("/v1/fit", #"{"candidate": "pat", "job": "15-1232.00"}"#)
            #expect(fit.status == .ok)
            #expect(try await client.execute(uri: "/v1/candidates/pat", method: .delete).status == .unauthorized)
            let removed = try await client.execute(uri: "/v1/candidates/pat", method: .delete, headers: auth)
            #expect(removed.status == .noContent)
            let again = try await client.execute(uri: "/v1/candidates/pat", method: .delete, headers: auth)
            #expect(again.status == .notFound)
            // Reads need no token on loopback.
            #expect(try await client.get("/v1/health").status == .ok)
        }
        try await fixture.withClient { client in
            let refused = try await client.post("/v1/candidates", record)
            #expect(refused.status == .forbidden)
        }
        // Beyond loopback every request needs the token.
        try await fixture.withClient(token: token, host: "0.0.0.0") { client in
            let anonymous = try await client.get("/v1/health")
            #expect(anonymous.status == .unauthorized)
            let authorized = try await client.get("/v1/health", headers: [.authorization: "Bearer \(token)"])
            #expect(authorized.status == .ok)
        }
    }

    @Test("an import by another process is seen without a restart")
    func reloadsOnChange() async throws {
        let fixture = try ServerFixture()
        let catalogue = fixture.write("more.json", """
            {"skills": [{"id": "zz-skill", "label": "Zz Skill"}],
             "jobs": [{"id": "zz-job", "title": "Zz Job", "requirements": [{"skill": "zz-skill", "importance": 1, "level": 0.5}]}]}
            """)
        try await fixture.withClient { client in
            #expect(try await client.get("/v1/jobs/zz-job").status == .notFound)
            let run = try fixture.cli(["import", "catalog", catalogue])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try await client.get("/v1/jobs/zz-job").status == .ok)
            #expect(try await client.get("/v1/health").object()["jobs"] as? Int == 40)
        }
    }
}
