import Foundation
import Testing

/// End-to-end: `encode`, `embed`, `extract --semantic`, `jobs search --semantic`, `match --semantic`, with the tiny
/// random encoder of the fuzz seeds (always: the plumbing, staleness, messages) and with all-MiniLM-L6-v2 when
/// `make models` has installed it (the results).
@Suite("skillmatch semantic options")
struct SemanticCommandsTests {
    static let tinyEncoder = CLIRunner.packageRoot + "/Fuzz/corpus/encoder-file/tiny.safetensors"
    static let miniLM: String? = {
        let repository = CLIRunner.packageRoot + "/models/minilm-l6-v2/encoder.safetensors"
        let environment = ProcessInfo.processInfo.environment
        let installed = (environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "") + "/.local/share"))
            + "/skillmatch/models/minilm-l6-v2/encoder.safetensors"
        return [repository, installed].first { FileManager.default.fileExists(atPath: $0) }
    }()

    func runner() throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("catalog.json", ExtractCommandTests.catalog)])
        return cli
    }

    @Test("without the encoder a semantic option says how to get it; every other command works as before")
    func missingEncoder() throws {
        let cli = try runner()
        let home = ["XDG_DATA_HOME": cli.folder + "/nowhere", "SKILLMATCH_ENCODER": ""]
        let result = try cli.run(["extract", "-", "--semantic"], environment: home, input: "Python")
        #expect(result.status == 1)
        #expect(result.stderr.contains("make models"), "\(result.stderr)")
        #expect(!result.stderr.contains("Swift") && !result.stderr.contains("SafeTensors"))
        #expect(try cli.run(["extract", "-"], environment: home, input: "Python").status == 0)
        let damaged = try cli.run(["encode", "hello", "--encoder", cli.write("bad.safetensors", "not a model")], database: false)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("bad.safetensors") && damaged.stderr.contains("make models"), "\(damaged.stderr)")
        // embed with a bad encoder creates no catalogue.
        let fresh = cli.folder + "/fresh.sqlite"
        let embed = try cli.run(["embed", "--db", fresh, "--encoder", cli.folder + "/bad.safetensors"], database: false)
        #expect(embed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("encode, embed (stored, detected as stale after an import), extract --semantic and jobs search --semantic run")
    func plumbing() throws {
        let cli = try runner()
        let encoder = ["--encoder", Self.tinyEncoder]
        let encoded = try cli.run(["encode", "python data", "pay", "--ids"] + encoder, database: false)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let lines = encoded.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 2)
        #expect(lines[0]["ids"] as? [Int] == [2, 7, 8, 3])
        let vector = lines[0]["vector"] as! [Double]
        #expect(vector.count == 4 && abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)

        let embedded = try cli.run(["embed"] + encoder)
        #expect(embedded.status == 0, "\(embedded.stderr)")
        #expect(embedded.stdout.contains("Embedded 11 labels (8 skill labels, 3 job labels, 0 credential labels)"), "\(embedded.stdout)")

        let text = "Python, R and SQL.\nWe pay staff and handle payroll data every month."
        let extracted = try cli.run(["extract", "-", "--format", "json", "--semantic", "--semantic-threshold=-1",
                                     "--semantic-covered-threshold=-1"] + encoder, input: text)
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let skills = (try extracted.json() as! [String: Any])["skills"] as! [[String: Any]]
        let semantic = skills.filter { $0["method"] as? String == "semantic" }
        #expect(skills.filter { $0["method"] as? String == "lexical" }.map { $0["skill"] as! String } == ["python", "r", "sql"])
        #expect(!semantic.isEmpty)
        for mention in semantic {
            #expect(mention["support"] as? String == "similarity")
            #expect(!["python", "r", "sql"].contains(mention["skill"] as! String), "a lexically found skill is not added again")
            #expect((mention["similarity"] as? Double).map { (-1 ... 1).contains($0) } == true)
            let (start, end) = (mention["start"] as! Int, mention["end"] as! Int)
            #expect(ExtractCommandTests().slice(text, start, end) == mention["text"] as! String)
        }
        // Same input, same output.
        let again = try cli.run(["extract", "-", "--format", "json", "--semantic", "--semantic-threshold=-1",
                                 "--semantic-covered-threshold=-1"] + encoder, input: text)
        #expect(again.stdout == extracted.stdout)

        let jobs = try cli.run(["jobs", "search", "--semantic", "team", "lead", "--format", "json"] + encoder)
        #expect(jobs.status == 0, "\(jobs.stderr)")
        let found = try jobs.json() as! [String: Any]
        #expect(found["method"] as? String == "semantic")
        #expect((found["jobs"] as! [[String: Any]]).count == 3)

        // The catalogue changes: the stored index is stale. Small catalogues are embedded on the fly.
        try cli.ok(["import", "catalog", cli.write("more.json", """
            {"skills": [{"id": "excel", "label": "spreadsheet software"}], "jobs": [], "credentials": []}
            """)])
        let stale = try cli.run(["jobs", "search", "--semantic", "lead", "--format", "json"] + encoder)
        #expect(stale.status == 0, "\(stale.stderr)")
        let bad = try cli.run(["extract", "-", "--semantic", "--semantic-threshold", "2"] + encoder, input: "x")
        #expect(bad.status != 0 && bad.stderr.contains("--semantic-threshold"))
    }

    @Test("with all-MiniLM-L6-v2: skills and jobs by meaning on the demo catalogue",
          .enabled(if: miniLM != nil, "the encoder is not installed (make models): skipped"))
    func realEncoder() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let encoder = ["--encoder", Self.miniLM!]
        let extracted = try cli.run(["extract", "-", "--format", "json", "--semantic"] + encoder,
                                    input: "Help clients with their questions at the service desk.")
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let skills = (try extracted.json() as! [String: Any])["skills"] as! [[String: Any]]
        #expect(skills.contains { $0["skill"] as? String == "customer-service" && $0["method"] as? String == "semantic" }, "\(skills)")
        let jobs = try cli.run(["jobs", "search", "--semantic", "looks", "after", "the", "company", "network", "--format", "json", "--limit", "3"] + encoder)
        let ids = ((try jobs.json() as! [String: Any])["jobs"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(ids.contains("15-1244.00"), "\(ids)")
    }

    @Test("with all-MiniLM-L6-v2: a job line no title matches word for word is matched by meaning, with its evidence",
          .enabled(if: miniLM != nil, "the encoder is not installed (make models): skipped"))
    func resumeTitleByMeaning() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "demo"])
        let resume = cli.write("sam.txt", "Sam Lee\n\nNetwork & Systems Admin | Acme Corp | 2019 – 2023\n- Kept the office servers patched\n")
        let environment = ["SKILLMATCH_AS_OF": "2026"]
        let lexical = try cli.run(["match", "--candidate", resume, "--top", "3"], environment: environment)
        #expect(lexical.stdout.contains("Titles held: none recognised"), "\(lexical.stdout)")
        let semantic = try cli.run(["match", "--candidate", resume, "--top", "3", "--semantic", "--encoder", Self.miniLM!],
                                   environment: environment)
        #expect(semantic.status == 0, "\(semantic.stderr)")
        #expect(semantic.stdout.contains("Titles held: \"Network & Systems Admin\" (line 3, 4 years)"), "\(semantic.stdout)")
        let fit = try cli.run(["fit", "--candidate", resume, "--job", "15-1244.00", "--semantic", "--encoder", Self.miniLM!,
                               "--format", "json"], environment: environment)
        let skills = (try fit.json() as! [String: Any])["skills"] as! [[String: Any]]
        let evidence = skills.compactMap { $0["evidence"] as? String }
        #expect(evidence.contains { $0.contains("≈ \"Network and Computer Systems Administrators\" (similarity 0.86)") }, "\(evidence)")
        let off = try cli.run(["fit", "--candidate", resume, "--job", "15-1244.00", "--semantic", "--no-infer", "--encoder",
                               Self.miniLM!, "--format", "json"], environment: environment)
        #expect(((try off.json() as! [String: Any])["skills"] as! [[String: Any]]).allSatisfy { $0["evidence"] == nil })
    }
}
