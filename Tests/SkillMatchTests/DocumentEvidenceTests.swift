import Testing
@testable import SkillMatch

@Suite("Documents: text relevance, titles held, rank score")
struct DocumentEvidenceTests {
    static let catalog = try! Catalog(
        skills: [
            Skill(id: "py", label: "Python", type: .technology),
            Skill(id: "stats", label: "Statistics", type: .knowledge),
            Skill(id: "care", label: "Patient care", type: .skill),
            Skill(id: "wire", label: "Electrical wiring", type: .skill),
        ],
        jobs: [
            Job(id: "15-2051.00", title: "Data Scientists", description: "Develop and implement methods to analyze data.",
                requirements: [Requirement(skill: "py", importance: 4, level: 0.6), Requirement(skill: "stats", importance: 5, level: 0.8)],
                alternateTitles: ["Data Science Manager", "Machine Learning Scientist"],
                tasks: ["Apply machine learning to data sets.", "Analyze large data sets with statistical models."]),
            Job(id: "29-1141.00", title: "Registered Nurses", description: "Assess patient health problems and needs.",
                requirements: [Requirement(skill: "care", importance: 5, level: 0.7)],
                alternateTitles: ["Staff Nurse", "RN"], tasks: ["Monitor patients and record vital signs."]),
            Job(id: "47-2111.00", title: "Electricians", description: "Install electrical wiring and fixtures.",
                requirements: [Requirement(skill: "wire", importance: 5, level: 0.7)],
                alternateTitles: ["Journeyman Electrician"], tasks: ["Install wiring in buildings."]),
        ],
        credentials: [])

    @Test("terms: normalised words and adjacent pairs, stop words and numbers dropped, never across punctuation")
    func terms() {
        #expect(TextTerms.runs("Senior Data Scientists, Acme (2019 – 2023)") == [["senior", "data", "scientist"], ["acme"]])
        #expect(TextTerms.counts("analyzed the data; data sets") == ["analyzed": 1, "data": 2, "analyzed data": 1, "set": 1, "data set": 1])
        #expect(TextTerms.normalize("Nurse's") == "nurse" && TextTerms.normalize("processes") == "process")
        #expect(TextTerms.normalize("analysis") == "analysis" && TextTerms.normalize("C++") == "c++" && TextTerms.normalize("R") == "r")
        #expect(TextTerms.normalize("2019") == nil && TextTerms.normalize("the") == nil && TextTerms.normalize("x") == nil)
    }

    @Test("relevance is a cosine in [0, 1], largest for the job whose text the document shares")
    func relevance() {
        let index = JobTextIndex(catalog: Self.catalog)
        let scores = index.relevance("Built machine learning models in Python; statistical analysis of large data sets.")
        #expect(scores.count == 3 && scores.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(scores[0] > 0.2 && scores[1] == 0 && scores[2] == 0)
        #expect(index.relevance("") == [0, 0, 0])
        #expect(index.relevance("zzz qqq") == [0, 0, 0])
        let vector = index.vector("machine learning and python")
        #expect(index.contributions(vector: vector, job: 0, top: 3).map(\.term).contains("machine learning"))
    }

    @Test("titles held: matched word for word, longest first; one-word titles only on short lines; durations read")
    func titles() {
        let index = TitleIndex(catalog: Self.catalog)
        let text = """
            STAFF NURSE, St. Mary's Hospital (Jan 2019 - Present)
            - Worked with electricians and a data scientist on a new ward; the electricians wired the rooms in 2024.
            Electrician
            Riverside Builders | 2015 – 2017
            Experience - 18 months as Machine Learning Scientist
            """
        let held = index.held(in: text)
        #expect(held.map(\.title) == ["Staff Nurse", "Electricians", "Machine Learning Scientist"])
        #expect(held.map(\.line) == [1, 3, 5])
        #expect(held[0].years == 5 && held[0].jobs == [1])  // Present is the latest year the document names (2024).
        #expect(held[1].years == 2 && held[2].years == 1.5)
        #expect(DurationParser.years(in: "Cook (2020)", present: 2024) == nil)
        #expect(DurationParser.years(in: "2021 - current", present: 2021) == 0.5)
    }

    @Test("title forms and false titles: parentheticals, inverted O*NET titles, bullets, one-word titles inside a name")
    func titleRules() throws {
        #expect(TitleIndex.forms(of: "CNC Machinist (Computer Numerical Control Machinist)")
            == ["CNC Machinist (Computer Numerical Control Machinist)", "CNC Machinist ", "Computer Numerical Control Machinist"])
        #expect(TitleIndex.forms(of: "Cooks, Restaurant").last == " Restaurant Cooks")
        #expect(TitleIndex.forms(of: "wellfare officer (education)") == ["wellfare officer (education)", "wellfare officer "])
        #expect(TitleIndex.isBullet("  - Cook meals") && TitleIndex.isBullet("• Cook") && TitleIndex.isBullet("o Cook"))
        #expect(!TitleIndex.isBullet("**Cook**, Diner") && !TitleIndex.isBullet("-Cook") && !TitleIndex.isBullet("Cook"))
        let catalog = try Catalog(
            skills: [Skill(id: "s", label: "Cooking")],
            jobs: [
                Job(id: "35-2014.00", title: "Cooks, Restaurant", requirements: [Requirement(skill: "s", importance: 1)],
                    alternateTitles: ["Line Cook (Restaurant)", "Copper", "Cook", "Owner"]),
            ],
            credentials: [])
        let index = TitleIndex(catalog: catalog)
        #expect(index.held(in: "RESTAURANT COOK, Diner").map(\.title) == ["Cooks, Restaurant"])
        #expect(index.held(in: "Line Cook | Diner | 2020 - 2022").map(\.title) == ["Line Cook (Restaurant)"])
        #expect(index.held(in: "- Line Cook on weekends").isEmpty)  // a duty
        #expect(index.held(in: "The Copper Fork, Detroit").isEmpty)  // one word inside a name
        #expect(index.held(in: "Cook | Detroit").map(\.title) == ["Cook"])
        #expect(index.held(in: "Copper | Detroit").isEmpty)  // not a word of the job's own title
        #expect(index.held(in: "Owner | Bakery").isEmpty)  // a generic role
        #expect(index.held(in: "COOK\nWork Experience\nEDUCATION").map(\.line) == [1])  // section headings
        #expect(index.held(in: "jane.cook@example.com").isEmpty && index.held(in: "Cook\r\nDiner").map(\.line) == [1])
    }

    @Test("rank score: 0.6 · relevance scaled to the best + 0.2 · title + 0.2 · fit; inferred levels carry their evidence")
    func rank() throws {
        let matcher = DocumentMatcher(catalog: Self.catalog)
        let evidence = matcher.evidence("Staff Nurse (2018 - 2024)\nMonitor patients, record vital signs.")
        #expect(evidence.linksToAnyJob && evidence.title == [0, 1, 0])
        #expect(evidence.scaledRelevance(1) == 1)
        #expect(abs(evidence.rank(job: 1, fit: 0.5) - (0.6 + 0.2 + 0.1)) < 1e-12)
        let inferred = matcher.inferredSkills(evidence)
        #expect(inferred.map(\.skill) == ["care"] && abs(inferred[0].level - 0.7 * 0.75) < 1e-12)  // 6 years: 0.75 of 0.7
        #expect(inferred[0].evidence == "title \"Staff Nurse\" (line 1, 6 years) → Registered Nurses (29-1141.00)")
        #expect(matcher.inferredSkills(evidence, excluding: ["care"]).isEmpty)
        #expect(DocumentMatcher.experienceShare(years: nil) == 0.5 && DocumentMatcher.experienceShare(years: 1) == 0.625)
        #expect(DocumentMatcher.experienceShare(years: 9) == 0.75 && DocumentMatcher.experienceShare(years: .infinity) == 0.5)
        #expect(DocumentMatcher.experienceShare(years: 3, title: "Data Science Intern") == 0.375)

        let engine = MatchEngine(catalog: Self.catalog)
        let person = Candidate(id: "p", skills: inferred)
        let ranked = try engine.match(person, evidence: evidence, documents: matcher, top: 3)
        #expect(ranked.first?.job == "29-1141.00" && abs(ranked.first!.fit - 0.75) < 1e-12 && ranked.first?.titles == ["Staff Nurse"])
        let fit = try engine.fit(person, job: "29-1141.00")
        #expect(fit.skills[0].source == .document(inferred[0].evidence!) && fit.skills[0].source.description == "document")
        #expect(!matcher.evidence("Hobbies: chess, hiking.").linksToAnyJob)
    }
}
