import Foundation
import Testing

/// End-to-end: the built binary on the demo catalogue.
@Suite("skillmatch commands on the demo catalogue")
struct DemoCommandsTests {
    /// The demo catalogue as plain JSON objects.
    nonisolated(unsafe) static let demo: [String: [[String: Any]]] = {
        let data = FileManager.default.contents(atPath: CLIRunner.packageRoot + "/datasets/demo/catalog.json")!
        return try! JSONSerialization.jsonObject(with: data) as! [String: [[String: Any]]]
    }()

    nonisolated(unsafe) static let candidates: [[String: Any]] = {
        let text = String(decoding: FileManager.default.contents(atPath: CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl")!, as: UTF8.self)
        return text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }()

    /// The documented formula, written independently of the engine.
    static func referenceScore(candidate: [String: Any], job: [String: Any]) -> Double {
        var held: [String: Double] = [:]
        for skill in candidate["skills"] as? [[String: Any]] ?? [] {
            held[skill["skill"] as! String] = skill["level"] as? Double ?? 1
        }
        let credentials = Dictionary(uniqueKeysWithValues: demo["credentials"]!.map { ($0["id"] as! String, $0) })
        for id in candidate["credentials"] as? [String] ?? [] {
            for grant in credentials[id]!["grants"] as! [[String: Any]] {
                let skill = grant["skill"] as! String
                held[skill] = max(held[skill] ?? 0, grant["level"] as? Double ?? 1)
            }
        }
        var numerator = 0.0
        var denominator = 0.0
        for requirement in job["requirements"] as! [[String: Any]] {
            let (w, r) = (requirement["importance"] as! Double, requirement["level"] as? Double ?? 1)
            numerator += w * min(held[requirement["skill"] as! String] ?? 0, r) / r
            denominator += w
        }
        return numerator / denominator
    }

    @Test("stats counts what the files hold")
    func stats() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let stats = try cli.ok(["stats", "--format", "json"]).json() as! [String: Any]
        #expect(stats["skills"] as? Int == Self.demo["skills"]!.count)
        #expect(stats["jobs"] as? Int == Self.demo["jobs"]!.count)
        #expect(stats["credentials"] as? Int == Self.demo["credentials"]!.count)
        #expect(stats["requirements"] as? Int == Self.demo["jobs"]!.reduce(0) { $0 + ($1["requirements"] as! [Any]).count })
        #expect(stats["candidates"] as? Int == Self.candidates.count)
        // The demo catalogue is catalogue JSON: one source, holding everything.
        let sources = stats["sources"] as! [[String: Any]]
        #expect(sources.count == 1 && sources[0]["source"] as? String == "catalogue" && sources[0]["jobs"] as? Int == Self.demo["jobs"]!.count)
        #expect(try cli.ok(["stats"]).stdout.contains("requirements"))
    }

    @Test("match ranks every job for every demo candidate exactly as the formula says")
    func matchEqualsFormula() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let jobs = Self.demo["jobs"]!
        for candidate in Self.candidates {
            let id = candidate["id"] as! String
            let output = try cli.ok(["match", "--candidate", id, "--top", String(jobs.count), "--format", "json"]).json() as! [String: Any]
            #expect(output["candidate"] as? String == id)
            let matches = output["matches"] as! [[String: Any]]
            let expected = jobs.map { (id: $0["id"] as! String, score: Self.referenceScore(candidate: candidate, job: $0)) }
                .sorted { lhs, rhs in
                    let (l, r) = ((lhs.score * 1e6).rounded(), (rhs.score * 1e6).rounded())
                    return l != r ? l > r : lhs.id < rhs.id
                }
            #expect(matches.map { $0["job"] as! String } == expected.map(\.id))
            for (match, reference) in zip(matches, expected) {
                #expect(abs(match["score"] as! Double - reference.score) <= 5e-7)
            }
        }
        let top3 = try cli.ok(["match", "--candidate", "dana-it-legacy", "--format", "json"]).json() as! [String: Any]
        #expect((top3["matches"] as! [Any]).count == 10)
        let table = try cli.ok(["match", "--candidate", "dana-it-legacy", "--top", "3"]).stdout
        #expect(table.contains("Rank") && table.split(separator: "\n").count == 6)
        let csv = try cli.ok(["match", "--candidate", "dana-it-legacy", "--top", "3", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("Rank,Score,Job,Title\r\n1,"))
    }

    @Test("match --job ranks the pool by each candidate's fit")
    func matchJob() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let job = Self.demo["jobs"]!.first { $0["id"] as? String == "15-1232.00" } ?? Self.demo["jobs"]![0]
        let output = try cli.ok(["match", "--job", job["id"] as! String, "--top", "100", "--format", "json"]).json() as! [String: Any]
        let matches = output["matches"] as! [[String: Any]]
        let expected = Self.candidates.map { (id: $0["id"] as! String, score: Self.referenceScore(candidate: $0, job: job)) }
            .sorted { ($0.score * 1e6).rounded() != ($1.score * 1e6).rounded() ? $0.score > $1.score : $0.id < $1.id }
        #expect(matches.map { $0["candidate"] as! String } == expected.map(\.id))
        let file = try cli.ok(["match", "--job", job["id"] as! String, "--candidates", CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl",
                               "--top", "100", "--format", "json"]).json() as! [String: Any]
        #expect((file["matches"] as! [[String: Any]]).map { $0["candidate"] as! String } == expected.map(\.id))
        let both = try cli.run(["match", "--job", "x", "--candidate", "y"])
        #expect(both.status != 0 && both.stderr.contains("give either --candidate or --job"))
    }

    @Test("fit explains the score requirement by requirement")
    func fit() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let candidate = Self.candidates.first { $0["id"] as? String == "dana-it-legacy" } ?? Self.candidates[0]
        let job = Self.demo["jobs"]![0]
        let output = try cli.ok(["fit", "--candidate", candidate["id"] as! String, "--job", job["id"] as! String, "--format", "json"]).json() as! [String: Any]
        #expect(Set(output.keys).isSuperset(of: ["candidate", "job", "score", "skills"]))
        #expect(abs(output["score"] as! Double - Self.referenceScore(candidate: candidate, job: job)) <= 5e-7)
        let lines = output["skills"] as! [[String: Any]]
        #expect(lines.count == (job["requirements"] as! [Any]).count)
        for line in lines {
            #expect(Set(line.keys).isSuperset(of: ["skill", "importance", "required", "have", "credit", "source"]))
            let source = line["source"] as! String
            #expect(source == "stated" || source == "none" || source.hasPrefix("credential:"))
            #expect(abs((line["credit"] as! Double) - min(line["have"] as! Double, line["required"] as! Double) / (line["required"] as! Double)) <= 1e-6)
        }
        let table = try cli.ok(["fit", "--candidate", candidate["id"] as! String, "--job", job["id"] as! String]).stdout
        #expect(table.contains("Fit score:") && table.contains("Credit"))
    }

    @Test("a candidate file works wherever a stored id does")
    func candidateFile() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let skill = Self.demo["skills"]![0]["id"] as! String
        let file = cli.write("me.json", #"{"id": "me", "skills": [{"skill": "\#(skill)", "level": 0.5}]}"#)
        let output = try cli.ok(["match", "--candidate", file, "--top", "2", "--format", "json"]).json() as! [String: Any]
        #expect(output["candidate"] as? String == "me")
        try cli.ok(["candidate", "add", file])
        let list = try cli.ok(["candidate", "list", "--format", "json"]).json() as! [[String: Any]]
        #expect(list.contains { $0["id"] as? String == "me" })
        #expect(try cli.ok(["match", "--candidate", "me", "--format", "json"]).json() as? NSDictionary != nil)
    }

    @Test("credentials search filters and counts per filter value")
    func search() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let all = try cli.ok(["credentials", "search", "--format", "json"]).json() as! [String: Any]
        #expect(all["count"] as? Int == Self.demo["credentials"]!.count)
        let facets = all["facets"] as! [String: [[String: Any]]]
        #expect(Set(facets.keys) == ["type", "issuer", "inDemand", "accreditation", "sector"])
        #expect(facets["type"]!.reduce(0) { $0 + ($1["count"] as! Int) } == Self.demo["credentials"]!.count)

        let cheap = try cli.ok(["credentials", "search", "--max-cost", "200", "--format", "json"]).json() as! [String: Any]
        for hit in cheap["credentials"] as! [[String: Any]] {
            #expect(((hit["credential"] as! [String: Any])["cost"] as! Double) <= 200)
        }
        let ansi = try cli.ok(["credentials", "search", "--accreditation", "ANSI", "--format", "json"]).json() as! [String: Any]
        let expectedANSI = Self.demo["credentials"]!.filter { ($0["accreditations"] as? [String] ?? []).contains("ANSI") }.count
        #expect(ansi["count"] as? Int == expectedANSI)
        let text = try cli.ok(["credentials", "search", "forklift"]).stdout
        #expect(text.contains("Refine by:"))
    }

    @Test("show prints jobs, credentials, skills and candidates")
    func show() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let job = Self.demo["jobs"]![0]["id"] as! String
        let credential = Self.demo["credentials"]![0]["id"] as! String
        let skill = Self.demo["skills"]![0]["id"] as! String
        let candidate = Self.candidates[0]["id"] as! String
        for (kind, id) in [("job", job), ("credential", credential), ("skill", skill), ("candidate", candidate)] {
            #expect(!(try cli.ok(["show", kind, id]).stdout.isEmpty))
            #expect(try cli.ok(["show", kind, id, "--format", "json"]).json() is [String: Any])
        }
        let shown = try cli.ok(["show", "job", job, "--format", "json"]).json() as! [String: Any]
        #expect(shown["id"] as? String == job)
    }

    @Test("the per-user default database is created and seeded with the demo on first use")
    func defaultDatabase() throws {
        let cli = CLIRunner()
        let first = try cli.run(["stats", "--format", "json"], database: false)
        #expect(first.status == 0, "\(first.stderr)")
        let stats = try first.json() as! [String: Any]
        #expect(stats["jobs"] as? Int == Self.demo["jobs"]!.count && stats["candidates"] as? Int == Self.candidates.count)
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/home/.local/share/skillmatch/catalog.sqlite"))
        // A named catalogue that does not exist is not created by a command that only reads.
        let viaEnvironment = try cli.run(["stats", "--format", "json"], database: false, environment: ["SKILLMATCH_DB": cli.folder + "/env.sqlite"])
        #expect(viaEnvironment.status == 1 && viaEnvironment.stderr.contains("env.sqlite: no such catalogue"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/env.sqlite"))
    }

    @Test("the demo's text résumé: its skills are found with offsets, boilerplate is skipped, and it ranks IT support first")
    func demoResume() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let path = CLIRunner.packageRoot + "/datasets/demo/resumes/sam-okafor.md"
        let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
        let found = (try cli.ok(["extract", path, "--format", "json"]).json() as! [String: Any])["skills"] as! [[String: Any]]
        let skills = Set(found.map { $0["skill"] as! String })
        #expect(skills.isSuperset(of: ["help-desk-ticketing", "active-directory", "powershell", "troubleshooting", "customer-service"]))
        // Offsets are Unicode code points: each span is the text it names.
        let scalars = Array(text.unicodeScalars)
        for mention in found {
            let (start, end) = (mention["start"] as! Int, mention["end"] as! Int)
            var span = String.UnicodeScalarView()
            span.append(contentsOf: scalars[start ..< end])
            #expect(String(span) == mention["text"] as? String)
        }
        // Nothing comes from the equal-opportunity and benefits line.
        let boilerplate = text.unicodeScalars.count - text.components(separatedBy: "We are an equal")[1].unicodeScalars.count
        #expect(found.allSatisfy { ($0["start"] as! Int) < boilerplate })
        let ranked = try cli.ok(["match", "--candidate", path, "--top", "1", "--format", "json"]).json() as! [String: Any]
        #expect(ranked["candidate"] as? String == "sam-okafor")
        #expect((ranked["matches"] as! [[String: Any]]).first?["job"] as? String == "15-1232.00")
    }
}
