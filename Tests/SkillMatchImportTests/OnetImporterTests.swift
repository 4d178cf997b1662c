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
            Requirement(skill: "2.A.1.a", importance: 4.5, level: 0.5), Requirement(skill: "2.C.3.a", importance: 4, level: 0.75),
        ])
        #expect(document.jobs[1].requirements == [Requirement(skill: "2.A.1.b", importance: 2, level: 1)])
        #expect(report.occupationsRead == 3 && report.jobs == 2)
        #expect(report.notRelevant == 1 && report.suppressed == 1 && report.zeroLevel == 1 && report.unknownOccupations == 1)
        #expect(report.requirements == 3)
        _ = try Catalog().merging(document)
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

    static let realData = SharedDatasets.folder("onet")

    @Test(
        "the real O*NET 29.3 release imports whole (skipped when ../shared/datasets is absent)",
        .enabled(if: FileManager.default.fileExists(atPath: realData + "/Skills.txt"), "../shared/datasets/onet is absent: skipping")
    )
    func realOnet() throws {
        let (document, report) = try OnetImporter.read(directory: Self.realData)
        #expect(report.occupationsRead == 1_016 && report.jobs == 879)
        #expect(report.skills == 35 && report.knowledge == 33)
        let catalog = try Catalog().merging(document)
        let support = try #require(catalog.job("15-1232.00"))
        #expect(support.title == "Computer User Support Specialists")
        #expect(support.jobZone == 3)
        #expect(support.alternateTitles.contains { $0.lowercased().contains("help desk") })
        #expect(JobSearch(catalog: catalog).search("help desk").first?.job.id == "15-1232.00")
        // Every imported level is LV / 7 in (0, 1], every importance is IM in [1, 5].
        for job in catalog.jobs {
            for requirement in job.requirements {
                #expect(requirement.level > 0 && requirement.level <= 1 && requirement.importance >= 1 && requirement.importance <= 5)
            }
        }
        #expect(report.requirements + report.notRelevant + report.suppressed + report.zeroLevel + report.incomplete == 61_530 / 2 + 58_014 / 2)
    }
}
