import Foundation
import Testing

/// `match`, `fit`, `batch` and `candidate add` on candidates read from documents: text relevance, titles held,
/// levels inferred from them with their evidence, and the rank score.
@Suite("skillmatch on resumes: relevance, titles held, inferred levels")
struct DocumentMatchTests {
    static let catalog = """
        {"skills": [
          {"id": "py", "label": "Python", "type": "technology"},
          {"id": "stats", "label": "Statistics", "type": "knowledge"},
          {"id": "care", "label": "Patient care"},
          {"id": "wiring", "label": "Electrical wiring"}
        ],
        "jobs": [
          {"id": "15-2051.00", "title": "Data Scientists", "description": "Analyze data with statistical models.",
           "requirements": [{"skill": "py", "importance": 4, "level": 0.6}, {"skill": "stats", "importance": 5, "level": 0.8}],
           "alternateTitles": ["Machine Learning Scientist"], "tasks": ["Apply machine learning to large data sets."]},
          {"id": "29-1141.00", "title": "Registered Nurses", "description": "Assess patient health problems.",
           "requirements": [{"skill": "care", "importance": 5, "level": 0.7}],
           "alternateTitles": ["Staff Nurse"], "tasks": ["Monitor patients and record vital signs."]},
          {"id": "47-2111.00", "title": "Electricians", "description": "Install electrical wiring.",
           "requirements": [{"skill": "wiring", "importance": 5, "level": 0.7}],
           "tasks": ["Install wiring and fixtures in buildings."]}
        ],
        "credentials": []}
        """

    static let resume = """
        # Ana Ruiz
        Staff Nurse | Valley Hospital | 2019 – 2024
        - Monitored patients, recorded vital signs, worked with electricians on a ward refit.
        Skills: patient care
        """

    @Test("match ranks by rank score with every number shown; batch agrees; fit explains inferred levels")
    func rankAndExplain() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("catalog.json", Self.catalog)])
        let path = cli.write("ana.md", Self.resume)
        let json = try cli.ok(["match", "--candidate", path, "--format", "json"]).json() as! [String: Any]
        let held = json["heldTitles"] as! [[String: Any]]
        #expect(held.map { $0["title"] as! String } == ["Staff Nurse"] && held[0]["years"] as? Double == 5 && held[0]["line"] as? Int == 2)
        let matches = json["matches"] as! [[String: Any]]
        #expect(matches.first?["job"] as? String == "29-1141.00")
        #expect(matches.first?["titlesHeld"] as? [String] == ["Staff Nurse"] && matches.first?["relevance"] as? Double == 1)
        // The person states "patient care" at the text level (0.5); the title held 5 years lends 0.7 · 0.75 = 0.525,
        // more: fit 0.525 / 0.7 = 0.75.
        #expect(matches.first?["score"] as? Double == 0.75)
        #expect(abs((matches.first?["rank"] as! Double) - (0.6 + 0.2 + 0.2 * 0.75)) < 1e-9)
        let ranks = matches.map { $0["rank"] as! Double }
        #expect(ranks == ranks.sorted(by: >))

        // batch on the same document: same jobs, same numbers, same order.
        let batch = try cli.ok(["batch", "--candidates", path, "--top", "3"]).stdout
        let line = try JSONSerialization.jsonObject(with: Data(batch.utf8)) as! [String: Any]
        let batched = line["matches"] as! [[String: Any]]
        #expect(batched.map { $0["job"] as! String } == matches.map { $0["job"] as! String })
        #expect(batched.map { $0["rank"] as! Double } == ranks)
        #expect(batched.map { $0["score"] as! Double } == matches.map { $0["score"] as! Double })

        let fit = try cli.ok(["fit", "--candidate", path, "--job", "29-1141.00", "--format", "json"]).json() as! [String: Any]
        let care = (fit["skills"] as! [[String: Any]])[0]
        #expect(care["source"] as? String == "document" && care["have"] as? Double == 0.525)
        #expect(care["evidence"] as? String == "title \"Staff Nurse\" (line 2, 5 years) → Registered Nurses (29-1141.00)")
        let table = try cli.ok(["fit", "--candidate", path, "--job", "29-1141.00"]).stdout
        #expect(table.contains("from the title \"Staff Nurse\""))

        // --no-infer: the text level only, in match and batch alike.
        let plain = try cli.ok(["match", "--candidate", path, "--format", "json", "--no-infer"]).json() as! [String: Any]
        #expect(abs(((plain["matches"] as! [[String: Any]]).first?["score"] as! Double) - 0.714286) < 1e-9)  // 0.5 / 0.7
        let plainBatch = try cli.ok(["batch", "--candidates", path, "--top", "1", "--no-infer"]).stdout
        #expect(plainBatch.contains("\"score\":0.714286"))
        // gap counts the level the title lends unless --no-infer says not to.
        let gap = try cli.ok(["gap", "--candidate", path, "--job", "29-1141.00", "--format", "json"]).json() as! [String: Any]
        #expect(gap["scoreBefore"] as? Double == 0.75)
        let plainGap = try cli.ok(["gap", "--candidate", path, "--job", "29-1141.00", "--format", "json", "--no-infer"]).json() as! [String: Any]
        #expect(plainGap["scoreBefore"] as? Double == 0.714286)
        try cli.ok(["next", "--candidate", path, "--no-infer"])
    }

    @Test("an open date range ends in $SKILLMATCH_AS_OF, else the current year; later years are no dates")
    func openRanges() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("catalog.json", Self.catalog)])
        let path = cli.write("lee.txt", "Staff Nurse, Valley Hospital (2019 - Present)\nCPR certified 2021\n")
        func years(_ environment: [String: String]) throws -> Double? {
            let result = try cli.run(["match", "--candidate", path, "--format", "json"], environment: environment)
            #expect(result.status == 0)
            return ((try result.json() as! [String: Any])["heldTitles"] as! [[String: Any]]).first?["years"] as? Double
        }
        #expect(try years(["SKILLMATCH_AS_OF": "2025"]) == 6)
        #expect(try years(["SKILLMATCH_AS_OF": "2020"]) == 1)  // 2021, after the as-of year, is taken for no date
        #expect(try cli.run(["match", "--candidate", path], environment: ["SKILLMATCH_AS_OF": "soon"]).stderr.contains("SKILLMATCH_AS_OF"))
        let now = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(try years([:]) == Double(now - 2019))
    }

    @Test("candidate add stores inferred levels with their evidence; a document that links to nothing says so")
    func storedAndUnlinked() throws {
        let cli = CLIRunner()
        try cli.ok(["import", "catalog", cli.write("catalog.json", Self.catalog)])
        try cli.ok(["candidate", "add", cli.write("ana.md", Self.resume)])
        let list = try cli.ok(["candidate", "list", "--format", "json"]).json() as! [[String: Any]]
        let skills = list[0]["skills"] as! [[String: Any]]
        #expect(skills.contains { $0["skill"] as? String == "care" && ($0["evidence"] as? String)?.hasPrefix("title \"Staff Nurse\"") == true })
        let fit = try cli.ok(["fit", "--candidate", "ana", "--job", "29-1141.00", "--format", "json"]).json() as! [String: Any]
        #expect((fit["skills"] as! [[String: Any]])[0]["source"] as? String == "document")

        let nothing = cli.write("hobbies.txt", "Hobbies: chess, hiking and baking sourdough.\n")
        let table = try cli.ok(["match", "--candidate", nothing]).stdout
        #expect(table.contains("Nothing in the document links it to any job"))
        let json = try cli.ok(["match", "--candidate", nothing, "--format", "json"]).json() as! [String: Any]
        #expect((json["matches"] as! [Any]).isEmpty && (json["note"] as? String)?.isEmpty == false)
    }
}
