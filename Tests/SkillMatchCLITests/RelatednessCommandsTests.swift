import Foundation
import Testing

/// End-to-end: `train`, `similar`, and inferred skills in `fit` and `match`, on the demo catalogue.
@Suite("skillmatch train, similar and inferred skills")
struct RelatednessCommandsTests {
    /// A runner holding the demo catalogue and a model trained on it.
    func trained(dimension: Int = 24) throws -> CLIRunner {
        let cli = CLIRunner()
        try cli.importDemo()
        try cli.ok(["train", "--dim", String(dimension), "--seed", "3", "--out", "models/t"])
        return cli
    }

    func object(_ result: CLIRunner.Result) throws -> [String: Any] { try result.json() as! [String: Any] }

    @Test("train writes the documented files, registers the model, and the same seed gives the same bytes")
    func train() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let summary = try object(try cli.ok(["train", "--dim", "24", "--seed", "3", "--out", "models/t", "--format", "json"]))
        #expect(summary["dimension"] as? Int == 24 && summary["skills"] as? Int == 211 && summary["registered"] as? Bool == true)
        let binary = try #require(FileManager.default.contents(atPath: cli.folder + "/models/t.skmodel"))
        #expect(binary.count == 48 + 4 * 211 * 24)
        #expect(binary.prefix(8) == Data("SKMREL01".utf8))
        let metadata = try #require(try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: cli.folder + "/models/t.json")!) as? [String: Any])
        #expect(metadata["fingerprint"] as? String == summary["fingerprint"] as? String)
        #expect((metadata["skillIds"] as? [String])?.first == (metadata["skillIds"] as? [String])?.sorted().first)
        try cli.ok(["train", "--dim", "24", "--seed", "3", "--out", "models/again"])
        #expect(FileManager.default.contents(atPath: cli.folder + "/models/again.skmodel") == binary)
        try cli.ok(["train", "--dim", "24", "--seed", "4", "--out", "models/other"])
        #expect(FileManager.default.contents(atPath: cli.folder + "/models/other.skmodel") != binary)
    }

    @Test("fit infers bounded credit from related skills, explains it, and --no-infer gives the plain score")
    func inferredFit() throws {
        let cli = try trained()
        let plain = CLIRunner()
        try plain.importDemo()
        var sawInference = false
        for candidate in ["dana-it-legacy", "marcus-warehouse", "priya-new-grad", "tasha-retail"] {
            let jobs = try object(try cli.ok(["match", "--candidate", candidate, "--top", "39", "--format", "json"]))["matches"] as! [[String: Any]]
            let plainJobs = try object(try plain.ok(["match", "--candidate", candidate, "--top", "39", "--format", "json"]))["matches"] as! [[String: Any]]
            let noInfer = try object(try cli.ok(["match", "--candidate", candidate, "--top", "39", "--format", "json", "--no-infer"]))["matches"] as! [[String: Any]]
            #expect(noInfer.map { $0["job"] as! String } == plainJobs.map { $0["job"] as! String })
            #expect(noInfer.map { $0["score"] as! Double } == plainJobs.map { $0["score"] as! Double })
            let plainScores = Dictionary(uniqueKeysWithValues: plainJobs.map { ($0["job"] as! String, $0["score"] as! Double) })
            for match in jobs.prefix(6) {
                let job = match["job"] as! String
                let fit = try object(try cli.ok(["fit", "--candidate", candidate, "--job", job, "--format", "json"]))
                #expect(fit["score"] as? Double == match["score"] as? Double)
                #expect((match["score"] as! Double) >= plainScores[job]! - 1e-6)
                let ranked = try object(try cli.ok(["match", "--job", job, "--top", "20", "--format", "json"]))["matches"] as! [[String: Any]]
                #expect(ranked.first { $0["candidate"] as? String == candidate }?["score"] as? Double == fit["score"] as? Double)
                for line in fit["skills"] as! [[String: Any]] {
                    guard let from = line["inferredFrom"] as? String else { continue }
                    sawInference = true
                    let (credit, similarity) = (line["credit"] as! Double, line["similarity"] as! Double)
                    #expect(credit <= 0.5 && similarity >= 0.6 && from != line["skill"] as? String)
                    #expect(line["inferredCredit"] as? Double == credit)
                    #expect(line["source"] as? String != nil)
                }
                let table = try cli.ok(["fit", "--candidate", candidate, "--job", job]).stdout
                #expect(!sawInference || table.contains("inferred from") || !(fit["skills"] as! [[String: Any]]).contains { $0["inferredFrom"] != nil })
            }
        }
        #expect(sawInference)
    }

    @Test("gap, next and batch ignore inference")
    func gapIgnoresInference() throws {
        let cli = try trained()
        let plain = CLIRunner()
        try plain.importDemo()
        for arguments in [["gap", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"],
                          ["next", "--candidate", "dana-it-legacy", "--top", "5", "--format", "json"]] {
            #expect(try cli.ok(arguments).stdout == (try plain.ok(arguments).stdout))
        }
        let people = CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl"
        let batch = try cli.ok(["batch", "--candidates", people, "--top", "5"])
        #expect(batch.stdout == (try plain.ok(["batch", "--candidates", people, "--top", "5"]).stdout))
        #expect(batch.stderr.contains("without inferred skills"))
    }

    @Test("similar --job lists related jobs with shared and missing skills; --all agrees with it line by line")
    func similarJobs() throws {
        let cli = try trained()
        let one = try object(try cli.ok(["similar", "--job", "15-1232.00", "--top", "5", "--format", "json"]))
        let similar = one["similar"] as! [[String: Any]]
        #expect(similar.count == 5 && !similar.contains { $0["job"] as? String == "15-1232.00" })
        // Ranked by the fused score; each job shows the model's score and its rank in each view.
        let fused = similar.map { $0["fused"] as! Double }
        #expect(fused == fused.sorted(by: >) && one["method"] as? String == "fused")
        #expect(similar.allSatisfy { $0["shared"] is [Any] && $0["missing"] is [Any] && $0["transfer"] is Double && $0["score"] is Double })
        for entry in similar {
            let views = try #require(entry["views"] as? [String: Double])
            #expect(!views.isEmpty && abs(views.values.reduce(0) { $0 + 1 / (60 + $1) } - (entry["fused"] as! Double)) < 2e-6)
        }
        let model = try object(try cli.ok(["similar", "--job", "15-1232.00", "--top", "5", "--method", "model", "--format", "json"]))
        let modelList = model["similar"] as! [[String: Any]]
        let scores = modelList.map { $0["score"] as! Double }
        #expect(scores == scores.sorted(by: >) && modelList.allSatisfy { $0["fused"] == nil && $0["views"] == nil })
        let lines = try cli.ok(["similar", "--all", "--top", "5", "--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(lines.count == 39)
        let parsed = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let ids = parsed.map { $0["job"] as! String }
        #expect(ids == ids.sorted())
        #expect(lines.allSatisfy { $0.hasPrefix("{\"job\":") && $0.contains("\"fused\":") })
        for entry in parsed where ["15-1232.00", "53-7051.00", "43-5071.00"].contains(entry["job"] as! String) {
            let single = try object(try cli.ok(["similar", "--job", entry["job"] as! String, "--top", "5", "--format", "json"]))["similar"] as! [[String: Any]]
            let listed = entry["similar"] as! [[String: Any]]
            #expect(listed.map { $0["job"] as! String } == single.map { $0["job"] as! String })
            #expect(listed.map { $0["score"] as! Double } == single.map { $0["score"] as! Double })
            #expect(listed.map { $0["fused"] as! Double } == single.map { $0["fused"] as! Double })
        }
        let table = try cli.ok(["similar", "--job", "15-1232.00", "--top", "3"]).stdout
        #expect(table.contains("Shared") && table.contains("Missing"))
    }

    @Test("similar --skill and --credential rank by the model; unknown ids and bad options are refused")
    func similarSkillsAndCredentials() throws {
        let cli = try trained()
        let skills = try object(try cli.ok(["similar", "--skill", "troubleshooting", "--top", "4", "--format", "json"]))["similar"] as! [[String: Any]]
        #expect(skills.count == 4 && !skills.contains { $0["skill"] as? String == "troubleshooting" })
        let credentials = try object(try cli.ok(["similar", "--credential", "mssc-clt", "--top", "3", "--format", "json"]))["similar"] as! [[String: Any]]
        #expect(credentials.count == 3)
        #expect(try cli.run(["similar", "--skill", "nope"]).stderr.contains("no skill with id \"nope\""))
        #expect(try cli.run(["similar", "--job", "x", "--all"]).status != 0)
        #expect(try cli.run(["similar", "--all", "--format", "json"]).stderr.contains("--format jsonl"))
    }

    @Test("train refuses bad options and an empty catalogue, changing nothing")
    func trainBadInput() throws {
        let cli = CLIRunner()
        let empty = try cli.run(["train", "--out", "models/x"])
        #expect(empty.status == 1 && empty.stderr.contains("no skills or no jobs"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/models/x.skmodel"))
        try cli.importDemo()
        #expect(try cli.run(["train", "--dim", "0"]).stderr.contains("dimension must be between 1 and 1024"))
        #expect(try cli.run(["train", "--credential-weight", "nan"]).stderr.contains("credential weight must be a number from 0 up"))
        #expect(try cli.run(["train", "--out", "models/"]).status != 0)
        let noRegister = try object(try cli.ok(["train", "--dim", "8", "--out", "models/loose", "--no-register", "--format", "json"]))
        #expect(noRegister["registered"] as? Bool == false)
        #expect(try cli.run(["similar", "--job", "15-1232.00"]).stderr.contains("skillmatch train"))
    }

    @Test("no model: similar says how to train one and fit scores as before")
    func noModel() throws {
        let cli = CLIRunner()
        try cli.importDemo()
        let result = try cli.run(["similar", "--job", "15-1232.00"])
        #expect(result.status == 1 && result.stderr.contains("skillmatch train"))
        let fit = try object(try cli.ok(["fit", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"]))
        #expect(!(fit["skills"] as! [[String: Any]]).contains { $0["inferredFrom"] != nil })
    }

    @Test("a model trained before the catalogue changed: scores leave inference out and say so; similar asks to retrain")
    func staleModel() throws {
        let cli = try trained()
        let extra = cli.write("extra.json", """
            {"jobs": [{"id": "99-0001.00", "title": "New job", "requirements": [{"skill": "troubleshooting", "importance": 3}]}]}
            """)
        try cli.ok(["import", "catalog", extra])
        let fit = try cli.run(["fit", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"])
        #expect(fit.status == 0)
        #expect(fit.stderr.contains("trained on an earlier state of the catalogue") && fit.stderr.contains("skillmatch train") && !fit.stderr.contains("SQL"))
        let plain = try cli.ok(["fit", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--no-infer", "--format", "json"])
        #expect(fit.stdout == plain.stdout)
        #expect(try cli.run(["similar", "--job", "15-1232.00"]).stderr.contains("skillmatch train"))
        try cli.ok(["train", "--dim", "8", "--out", "models/t"])
        try cli.ok(["similar", "--job", "99-0001.00", "--top", "2"])
    }

    @Test("the default database is seeded with the shipped demo model")
    func defaultDatabase() throws {
        let cli = CLIRunner()
        let result = try cli.run(["similar", "--job", "15-1232.00", "--top", "3", "--format", "json"], database: false)
        #expect(result.status == 0, "\(result.stderr)")
        let fit = try object(try cli.run(["fit", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--format", "json"], database: false))
        #expect((fit["skills"] as! [[String: Any]]).contains { $0["inferredFrom"] != nil })
    }
}
