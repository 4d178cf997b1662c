import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// A folder of O*NET-shaped files written for a test (synthetic values, not O*NET data).
final class OnetFolder {
    let path = NSTemporaryDirectory() + "skillmatch-onet-" + UUID().uuidString

    init(_ files: [String: String]) {
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("O*NET importer")
struct OnetImporterTests {
    static let occupations = "O*NET-SOC Code\tTitle\tDescription\n99-0001.00\tTest Analysts\tAnalyse tests.\n99-0002.00\tProbe Operators\tOperate probes.\n99-0003.00\tUnrated Workers\tNo ratings.\n"

    /// The Excel layout: Title and Scale Name columns, empty cells for missing values.
    static let excelSkills = """
        O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source
        99-0001.00\tTest Analysts\t2.A.1.a\tReading Comprehension\tIM\tImportance\t4.5\t8\t0.1\t4\t5\tN\t\t08/2023\tAnalyst
        99-0001.00\tTest Analysts\t2.A.1.a\tReading Comprehension\tLV\tLevel\t3.5\t8\t0.1\t3\t4\tN\tN\t08/2023\tAnalyst
        99-0001.00\tTest Analysts\t2.A.1.b\tActive Listening\tIM\tImportance\t1.2\t8\t0.1\t1\t2\tN\t\t08/2023\tAnalyst
        99-0001.00\tTest Analysts\t2.A.1.b\tActive Listening\tLV\tLevel\t0.4\t8\t0.1\t0\t1\tN\tY\t08/2023\tAnalyst
        99-0002.00\tProbe Operators\t2.A.1.a\tReading Comprehension\tIM\tImportance\t3\t8\t0.1\t2\t4\tN\t\t08/2023\tAnalyst
        99-0002.00\tProbe Operators\t2.A.1.a\tReading Comprehension\tLV\tLevel\t2.1\t8\t0.9\t0\t4\tY\tN\t08/2023\tAnalyst
        99-0002.00\tProbe Operators\t2.A.1.b\tActive Listening\tIM\tImportance\t2\t8\t0.1\t1\t3\tN\t\t08/2023\tAnalyst
        99-0002.00\tProbe Operators\t2.A.1.b\tActive Listening\tLV\tLevel\t7\t8\t0.1\t6\t7\tN\tN\t08/2023\tAnalyst

        """

    /// The text release: no Title or Scale Name, `n/a` for missing values.
    static let textKnowledge = """
        O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source
        99-0001.00\t2.C.3.a\tComputers and Electronics\tIM\t4.0\t8\t0.1\t3\t5\tN\tn/a\t08/2023\tAnalyst
        99-0001.00\t2.C.3.a\tComputers and Electronics\tLV\t5.25\t8\t0.1\t4\t6\tN\tN\t08/2023\tAnalyst
        99-0002.00\t2.C.3.a\tComputers and Electronics\tIM\t2.0\t8\tn/a\tn/a\tn/a\tn/a\tn/a\t08/2023\tAnalyst
        99-0002.00\t2.C.3.a\tComputers and Electronics\tLV\t0\t8\tn/a\tn/a\tn/a\tn/a\tN\t08/2023\tAnalyst
        88-0000.00\t2.C.3.a\tComputers and Electronics\tIM\t2.0\t8\tn/a\tn/a\tn/a\tN\tn/a\t08/2023\tAnalyst

        """

    @Test("both layouts read by header name; flagged ratings are left out and counted")
    func layouts() throws {
        let folder = OnetFolder([
            "Occupation Data.txt": Self.occupations, "Skills.txt": Self.excelSkills, "Knowledge.txt": Self.textKnowledge,
            "Job Zones.txt": "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n99-0001.00\tTest Analysts\t4\t08/2023\tAnalyst\n",
            "Alternate Titles.txt": "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n99-0001.00\tTest Analysts\tQA Analyst\tQA\t08\n99-0001.00\tTest Analysts\ttest analysts\t\t08\n",
            "Sample of Reported Titles.txt": "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move\n99-0001.00\tTest Analysts\tQA analyst\tY\n99-0001.00\tTest Analysts\tTest Engineer\tN\n",
        ])
        let (document, report) = try OnetImporter.read(directory: folder.path)
        #expect(document.jobs[0].jobZone == 4 && document.jobs[1].jobZone == nil)
        #expect(document.jobs[0].alternateTitles == ["QA Analyst", "Test Engineer"])
        #expect(report.jobZones == 1 && report.alternateTitles == 2)
        #expect(document.skills.map(\.id) == ["2.A.1.a", "2.A.1.b", "2.C.3.a"])
        #expect(document.skills.map(\.type) == [.skill, .skill, .knowledge])
        #expect(document.jobs.map(\.id) == ["99-0001.00", "99-0002.00"])
        #expect(document.jobs[0].requirements == [
            Requirement(skill: "2.A.1.a", importance: 4.5, level: 0.5, originalLevel: 3.5),
            Requirement(skill: "2.C.3.a", importance: 4, level: 0.75, originalLevel: 5.25),
        ])
        #expect(document.jobs[1].requirements == [Requirement(skill: "2.A.1.b", importance: 2, level: 1, originalLevel: 7)])
        #expect(document.jobs.allSatisfy { $0.source == "onet" } && document.skills.allSatisfy { $0.source == "onet" })
        #expect(report.occupationsRead == 3 && report.jobs == 2)
        #expect(report.notRelevant == 1 && report.suppressed == 1 && report.zeroLevel == 1 && report.unknownOccupations == 1)
        #expect(report.requirements == 3)
        _ = try Catalog().merging(document)
    }

    static let technology = """
        O*NET-SOC Code	Title	Example	Commodity Code	Commodity Title	Hot Technology	In Demand
        99-0001.00	Test Analysts	C++	43232405	Object or component oriented development software	Y	Y
        99-0001.00	Test Analysts	Microsoft Excel	43232110	Spreadsheet software	Y	N
        99-0001.00	Test Analysts	Microsoft  Excel!	43232110	Spreadsheet software	N	N
        99-0002.00	Probe Operators	Microsoft Excel	43232110	Spreadsheet software	Y	N
        99-0002.00	Probe Operators	Microsoft Excel	43232110	Spreadsheet software	Y	Y
        99-0003.00	Unrated Workers	C++	43232405	Object or component oriented development software	Y	N

        """

    static let preparation = """
        O*NET-SOC Code	Title	Element ID	Element Name	Scale ID	Scale Name	Category	Data Value	N	Standard Error	Lower CI Bound	Upper CI Bound	Recommend Suppress	Date	Domain Source
        99-0001.00	Test Analysts	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	2	30	28	1			N	08/2023	Incumbent
        99-0001.00	Test Analysts	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	45	28	9			Y	08/2023	Incumbent
        99-0001.00	Test Analysts	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	8	25	28	1			N	08/2023	Incumbent
        99-0001.00	Test Analysts	3.A.1	Related Work Experience	RW	Related Work Experience (Categories 1-11)	1	50	28	1			N	08/2023	Incumbent
        99-0001.00	Test Analysts	3.A.1	Related Work Experience	RW	Related Work Experience (Categories 1-11)	7	50	28	1			N	08/2023	Incumbent

        """

    static let preparationCategories = """
        Element ID	Element Name	Scale ID	Scale Name	Category	Category Description
        2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	Bachelor's Degree
        3.A.1	Related Work Experience	RW	Related Work Experience (Categories 1-11)	1	None
        3.A.1	Related Work Experience	RW	Related Work Experience (Categories 1-11)	7	Over 2 years - up to and including 4 years

        """

    @Test("technologies: stable ids, flags, classes, and a fixed share of each job's importance")
    func technologies() throws {
        let folder = OnetFolder([
            "Occupation Data.txt": Self.occupations, "Skills.txt": Self.excelSkills, "Knowledge.txt": Self.textKnowledge,
            "Technology Skills.txt": Self.technology, "Education, Training, and Experience.txt": Self.preparation,
            "Education, Training, and Experience Categories.txt": Self.preparationCategories,
        ])
        let (document, report) = try OnetImporter.read(directory: folder.path)
        let technologies = document.skills.filter { $0.type == .technology }
        // "Microsoft Excel" and "Microsoft  Excel!" share the slug microsoft-excel, so both get their name's hash.
        let excelIDs = technologies.filter { $0.label.hasPrefix("Microsoft") }.map(\.id)
        #expect(excelIDs.count == 2 && excelIDs.allSatisfy { $0.hasPrefix("onet-tech:microsoft-excel-") && $0.count == 34 })
        #expect(Set(excelIDs).count == 2)
        let cpp = try #require(technologies.first { $0.label == "C++" })
        #expect(cpp.id == "onet-tech:c-plus-plus" && cpp.hotTechnology && cpp.broader == ["onet-commodity:43232405"])
        #expect(technologies.first { $0.label == "Microsoft  Excel!" }?.hotTechnology == false)
        #expect(document.skillGroups.map(\.id) == ["onet-commodity:43232110", "onet-commodity:43232405"])
        #expect(document.skillGroups.first?.label == "Spreadsheet software")
        #expect(report.technologies == 3 && report.hotTechnologies == 2 && report.commodityClasses == 2)
        // 99-0003.00 has no rated requirement: not a job, so its technology use is counted as left out.
        #expect(report.technologyUsesWithoutJob == 1)

        // Job 1: rated importance 4.5 + 4 = 8.5; three technologies, C++ In Demand (×2): share 0.2/0.8 · 8.5 / 4.
        let analysts = document.jobs[0]
        let unit = 0.2 / 0.8 * 8.5 / 4
        let technologyRequirements = analysts.requirements.filter { $0.skill.hasPrefix("onet-tech:") }
        #expect(technologyRequirements.count == 3)
        #expect(technologyRequirements.first { $0.skill == cpp.id } == Requirement(skill: cpp.id, importance: 2 * unit, level: 0.5, inDemand: true))
        let share = technologyRequirements.reduce(0) { $0 + $1.importance } / analysts.totalImportance
        #expect(abs(share - 0.2) < 1e-12)
        // Job 2 lists Excel twice, once In Demand: one requirement, In Demand, carrying the whole share.
        let probe = document.jobs[1].requirements.filter { $0.skill.hasPrefix("onet-tech:") }
        #expect(probe.count == 1 && probe[0].inDemand && abs(probe[0].importance - 0.2 / 0.8 * 2) < 1e-12)
        #expect(report.technologyRequirements == 4 && report.inDemandTechnologyRequirements == 2)

        // The most common answer, suppressed rows included; ties go to the lower category; labels cut at " - ".
        let preparation = try #require(analysts.preparation)
        #expect(preparation.education == PreparationCategory(category: 6, label: "Bachelor's Degree", share: 0.45))
        #expect(preparation.relatedExperience == PreparationCategory(category: 1, label: "None", share: 0.5))
        #expect(preparation.onSiteTraining == nil && document.jobs[1].preparation == nil && report.preparations == 1)
        _ = try Catalog().merging(document)

        // Weight 0: technologies are skills, not requirements.
        let (skillsOnly, skillsOnlyReport) = try OnetImporter.read(directory: folder.path, technology: try OnetTechnologyOptions(weight: 0))
        #expect(skillsOnly.skills.filter { $0.type == .technology }.count == 3)
        #expect(skillsOnlyReport.technologyRequirements == 0 && skillsOnly.jobs[0].requirements.count == 2)
        #expect(throws: OnetTechnologyOptions.Invalid.self) { try OnetTechnologyOptions(weight: 1) }
        #expect(throws: OnetTechnologyOptions.Invalid.self) { try OnetTechnologyOptions(level: 0) }

        let badFlag = OnetFolder([
            "Occupation Data.txt": Self.occupations, "Skills.txt": Self.excelSkills, "Knowledge.txt": Self.textKnowledge,
            "Technology Skills.txt": Self.technology.replacingOccurrences(of: "\tY\tN\n99-0002.00", with: "\tmaybe\tN\n99-0002.00"),
        ])
        let error = try #require(throws: InputError.self) { try OnetImporter.read(directory: badFlag.path) }
        #expect(error.line == 5 && error.message == #"column "Hot Technology": "maybe" is not Y or N"#)
    }

    @Test("bad files are named with their line and column")
    func badInput() throws {
        let missing = OnetFolder(["Occupation Data.txt": Self.occupations])
        let noFile = try #require(throws: InputError.self) { try OnetImporter.read(directory: missing.path) }
        #expect(noFile.description.hasSuffix("Skills.txt: no such file"))

        let badNumber = OnetFolder(["Occupation Data.txt": Self.occupations, "Knowledge.txt": Self.textKnowledge,
                                    "Skills.txt": Self.excelSkills.replacingOccurrences(of: "\t3.5\t", with: "\tthree\t")])
        let number = try #require(throws: InputError.self) { try OnetImporter.read(directory: badNumber.path) }
        #expect(number.line == 3 && number.message == #"column "Data Value": "three" is not a number"#)

        let noColumn = OnetFolder(["Occupation Data.txt": Self.occupations, "Knowledge.txt": Self.textKnowledge,
                                   "Skills.txt": Self.excelSkills.replacingOccurrences(of: "Data Value", with: "Value")])
        let column = try #require(throws: InputError.self) { try OnetImporter.read(directory: noColumn.path) }
        #expect(column.line == 1 && column.message.hasPrefix(#"no column named "Data Value""#))

        let badInterest = OnetFolder([
            "Occupation Data.txt": Self.occupations, "Knowledge.txt": Self.textKnowledge, "Skills.txt": Self.excelSkills,
            "Interests.txt": "O*NET-SOC Code\tElement ID\tScale ID\tData Value\n99-0001.00\t1.B.1.a\tOI\t9\n",
        ])
        let interest = try #require(throws: InputError.self) { try OnetImporter.read(directory: badInterest.path) }
        #expect(interest.line == 2 && interest.description.contains("Interests.txt")
            && interest.message == #"column "Data Value": "9" is not a number from 1 to 7"#)

        let ragged = OnetFolder(["Occupation Data.txt": Self.occupations + "99-0004.00\tOnly two\n", "Skills.txt": "", "Knowledge.txt": ""])
        let fields = try #require(throws: InputError.self) { try OnetImporter.read(directory: ragged.path) }
        #expect(fields.line == 5 && fields.message.hasPrefix("has 2 fields but the header has 3"))

        let folder = OnetFolder([:])
        var bytes = Array("O*NET-SOC Code\tTitle\tDescription\n99-0001.00\tCaf".utf8) + [0xE9] + Array("\tx\n".utf8)
        _ = FileManager.default.createFile(atPath: folder.path + "/Occupation Data.txt", contents: Data(bytes))
        let utf8 = try #require(throws: InputError.self) { try OnetImporter.read(directory: folder.path) }
        #expect(utf8.line == 2 && utf8.column == 15 && utf8.message.hasPrefix("invalid UTF-8"))
        bytes = []
    }

    @Test("occupations described but not rated get requirements averaged from the nearest rated ones, recorded as derived")
    func derivedRequirements() throws {
        let dwa = """
            O*NET-SOC Code\tTitle\tTask ID\tTask\tDWA ID\tDWA Title\tDate\tDomain Source
            99-0001.00\tTest Analysts\t1\tRun tests.\tD1\tTest things.\t08/2023\tAnalyst
            99-0001.00\tTest Analysts\t2\tWrite reports.\tD2\tWrite reports.\t08/2023\tAnalyst
            99-0002.00\tProbe Operators\t3\tOperate probes.\tD3\tOperate equipment.\t08/2023\tAnalyst
            99-0003.00\tUnrated Workers\t4\tRun tests on probes.\tD1\tTest things.\t08/2023\tAnalyst
            99-0003.00\tUnrated Workers\t4\tRun tests on probes.\tD2\tWrite reports.\t08/2023\tAnalyst

            """
        let tasks = """
            O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source
            99-0001.00\tTest Analysts\t1\tRun tests.\tCore\t10\t08/2023\tAnalyst
            99-0003.00\tUnrated Workers\t4\tRun tests on probes.\tCore\t10\t08/2023\tAnalyst

            """
        let folder = OnetFolder([
            "Occupation Data.txt": Self.occupations + "99-0004.00\tAll Other Workers\tNot a data-level occupation.\n",
            "Skills.txt": Self.excelSkills, "Knowledge.txt": Self.textKnowledge,
            "Job Zones.txt": "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n99-0001.00\tTest Analysts\t4\t08/2023\tAnalyst\n99-0003.00\tUnrated Workers\t4\t08/2023\tAnalyst\n",
            "Tasks to DWAs.txt": dwa, "Task Statements.txt": tasks,
            "Interests.txt": """
                O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tDate\tDomain Source
                99-0001.00\tTest Analysts\t1.B.1.a\tRealistic\tOI\tOccupational Interests\t1.5\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.b\tInvestigative\tOI\tOccupational Interests\t6.25\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.c\tArtistic\tOI\tOccupational Interests\t2\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.d\tSocial\tOI\tOccupational Interests\t3\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.e\tEnterprising\tOI\tOccupational Interests\t4\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.f\tConventional\tOI\tOccupational Interests\t5.5\t11/2023\tMachine Learning
                99-0001.00\tTest Analysts\t1.B.1.g\tFirst Interest High-Point\tIH\tOccupational Interest High-Point\t2\t11/2023\tMachine Learning
                99-0002.00\tProbe Operators\t1.B.1.a\tRealistic\tOI\tOccupational Interests\t7\t11/2023\tMachine Learning

                """,
        ])
        let (document, report) = try OnetImporter.read(directory: folder.path)
        // Interests: all six OI values as published (the high-point rows are not interests); an occupation with
        // only some of them gets none. Activities: the DWA ids of the occupation's tasks, sorted.
        #expect(document.jobs[0].interests == InterestProfile(
            realistic: 1.5, investigative: 6.25, artistic: 2, social: 3, enterprising: 4, conventional: 5.5))
        #expect(document.jobs[1].interests == nil && document.jobs[2].interests == nil)
        #expect(document.jobs[0].activities == ["D1", "D2"] && document.jobs[1].activities == ["D3"])
        #expect(document.jobs.map(\.id) == ["99-0001.00", "99-0002.00", "99-0003.00"])
        #expect(report.jobs == 3 && report.derivedJobs == 1 && report.underivable == 0 && report.tasks == 2)
        let derived = try #require(document.jobs.last)
        #expect(derived.tasks == ["Run tests on probes."] && document.jobs[0].tasks == ["Run tests."])
        #expect(document.jobs[0].derivedRequirements == nil)
        // 99-0001 shares both activities and the job zone: sim = 0.5 + 0.1 + 0.1 (same minor and broad group) = 0.7;
        // 99-0002 shares neither: 0.2 (groups only), and no zone to compare. Elements rated by sources holding at
        // least half the weight (0.9) are kept, with weighted means: 2.A.1.a and 2.C.3.a from 99-0001 alone
        // (weight 0.7 ≥ 0.45), 2.A.1.b from 99-0002 alone (0.2 < 0.45: left out).
        let origin = try #require(derived.derivedRequirements)
        #expect(origin.method == "nearest-rated" && origin.from.map(\.job) == ["99-0001.00", "99-0002.00"])
        #expect(abs(origin.from[0].similarity - 0.7) < 1e-6 && abs(origin.from[1].similarity - 0.2) < 1e-6)
        #expect(derived.requirements.map(\.skill) == ["2.A.1.a", "2.C.3.a"])
        #expect(derived.requirements[0].importance == 4.5 && abs(derived.requirements[0].level - 0.5) < 1e-12)
        _ = try Catalog().merging(document)
    }

    static let realData = SharedDatasets.folder("onet")

    private func catalog_job(_ document: CatalogDocument, _ id: String) -> Job? { document.jobs.first { $0.id == id } }

    @Test(
        "the real O*NET 29.3 release imports whole (skipped when ../shared/datasets is absent)",
        .enabled(if: FileManager.default.fileExists(atPath: realData + "/Skills.txt"), "../shared/datasets/onet is absent: skipping")
    )
    func realOnet() throws {
        let (document, report) = try OnetImporter.read(directory: Self.realData)
        #expect(report.occupationsRead == 1_016 && report.jobs == 923 && report.derivedJobs == 44 && report.underivable == 0)
        #expect(report.tasks == 18_796)
        let developers = try #require(catalog_job(document, "15-1252.00"))
        #expect(developers.title == "Software Developers" && developers.derivedRequirements?.from.count == 5)
        #expect(developers.derivedRequirements?.from.allSatisfy { $0.job.hasPrefix("15-") } == true)
        #expect(developers.requirements.filter { !$0.skill.hasPrefix("onet-tech:") }.count > 20)
        #expect(report.skills == 35 && report.knowledge == 33)
        #expect(document.jobs.allSatisfy { $0.interests != nil && !$0.activities.isEmpty })
        let catalog = try Catalog().merging(document)
        let support = try #require(catalog.job("15-1232.00"))
        #expect(support.title == "Computer User Support Specialists")
        #expect(support.jobZone == 3)
        #expect(support.alternateTitles.contains { $0.lowercased().contains("help desk") })
        #expect(JobSearch(catalog: catalog).search("help desk").first?.job.id == "15-1232.00")
        // Every rated level is LV / 7 in (0, 1] with LV kept, every importance is IM in [1, 5]; technologies carry
        // 20% of each job's importance.
        for job in catalog.jobs {
            var technologyImportance = 0.0
            for requirement in job.requirements {
                if requirement.skill.hasPrefix("onet-tech:") {
                    technologyImportance += requirement.importance
                    #expect(requirement.level == 0.5 && requirement.originalLevel == nil)
                    continue
                }
                #expect(requirement.level > 0 && requirement.level <= 1 && requirement.importance >= 1 && requirement.importance <= 5)
                #expect(abs(requirement.level - requirement.originalLevel! / 7) < 1e-12)
            }
            #expect(technologyImportance == 0 || abs(technologyImportance / job.totalImportance - 0.2) < 1e-9)
        }
        let derived = document.jobs.filter { $0.derivedRequirements != nil }
            .reduce(0) { $0 + $1.requirements.filter { !$0.skill.hasPrefix("onet-tech:") }.count }
        let rated = report.requirements - report.technologyRequirements - derived
        #expect(rated + report.notRelevant + report.suppressed + report.zeroLevel + report.incomplete == 61_530 / 2 + 58_014 / 2)
        // Technology Skills: 8,775 distinct examples in 923 occupations (README of ../shared/datasets).
        #expect(report.technologies == 8_775 && catalog.skills.filter { $0.type == .technology }.count == 8_775)
        let python = try #require(catalog.skill("onet-tech:python"))
        #expect(python.label == "Python" && python.hotTechnology && python.broader.allSatisfy { $0.hasPrefix("onet-commodity:") })
        #expect(support.requirements.contains { $0.skill == "onet-tech:microsoft-excel" })
        #expect(report.technologyRequirements + report.technologyUsesWithoutJob > 30_000)
        #expect(support.preparation?.education?.label == "Bachelor's Degree")
    }
}
