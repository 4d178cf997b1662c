import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// A copy of an ESCO fixture folder that a test may change (removed at the end).
final class EscoFolder {
    static let fixtures: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures"

    let path = NSTemporaryDirectory() + "skillmatch-esco-" + UUID().uuidString

    init(_ fixture: String = "esco-v1.1") {
        try! FileManager.default.copyItem(atPath: Self.fixtures + "/" + fixture, toPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The text of one file.
    func text(_ name: String) -> String { try! String(contentsOfFile: path + "/" + name, encoding: .utf8) }

    /// Writes one file.
    func write(_ name: String, _ text: String) { write(name, bytes: Array(text.utf8)) }

    /// Writes one file's bytes.
    func write(_ name: String, bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes))
    }

    /// Replaces text in one file (which must contain it).
    func replace(_ name: String, _ old: String, with new: String) {
        let text = text(name)
        precondition(text.contains(old), "\(name) does not contain \(old)")
        write(name, text.replacingOccurrences(of: old, with: new))
    }
}

@Suite("ESCO importer")
struct EscoImporterTests {
    static let skill = "http://data.europa.eu/esco/skill/test-"
    static let occupation = "http://data.europa.eu/esco/occupation/test-"

    @Test("the v1.1 layout: labels, types, hierarchy, requirements, dangling relations counted")
    func v11() throws {
        let (document, report) = try EscoImporter.read(directory: EscoFolder.fixtures + "/esco-v1.1")
        let s = Self.skill, o = Self.occupation
        #expect(document.skills.map(\.id) == [s + "weld", s + "metal", s + "drawings", s + "team", s + "digital"])
        let weld = document.skills[0]
        #expect(weld.label == "weld metal parts")
        // The preferred label and a repeat differing only in case are left out of the alternative labels.
        #expect(weld.altLabels == ["join metal parts", "fuse metal"])
        #expect(weld.hiddenLabels == ["wled metal parts"])
        #expect(weld.type == .skill && weld.reuseLevel == "sector-specific")
        #expect(weld.description == #"Join metal parts with "arc" welding, safely."#)
        #expect(weld.broader == [s + "group-metals", s + "metal"])
        #expect(document.skills.map(\.type) == [.skill, .skill, .knowledge, .skill, nil])
        #expect(document.skills[2].altLabels == ["blueprints", "engineering drawings"] && document.skills[2].description == nil)
        // The definition stands in for a missing description.
        #expect(document.skills[3].description == "Cooperate with others towards a shared goal.")
        #expect(document.skills[3].broader.isEmpty)  // its only broader link dangles

        #expect(document.skillGroups.map(\.id) == [s + "group-skills", s + "group-metals"])
        #expect(document.skillGroups[1].code == "S6.1" && document.skillGroups[1].broader == [s + "group-skills"])
        #expect(document.skillGroups[1].description == "Skills for shaping\nand joining metals.")

        #expect(document.jobs.map(\.id) == [o + "welder", o + "drafter"])
        let welder = document.jobs[0]
        #expect(welder.title == "welder" && welder.iscoGroup == "7212" && welder.description == "Welders join metal parts.")
        #expect(welder.alternateTitles == ["welding technician", "metal fuser"])
        #expect(welder.requirements == [
            Requirement(skill: s + "drawings", importance: 1), Requirement(skill: s + "team", importance: 0.5),
            Requirement(skill: s + "weld", importance: 1),
        ])
        #expect(document.jobs[1].requirements == [
            Requirement(skill: s + "digital", importance: 0.5), Requirement(skill: s + "drawings", importance: 1),
        ])

        #expect(report.files == ["skills_en.csv", "skillGroups_en.csv", "broaderRelationsSkillPillar.csv",
                                 "occupations_en.csv", "occupationSkillRelations.csv"])
        #expect(report.skillsRead == 5 && report.skills == 5)
        #expect(report.skillsCompetences == 3 && report.knowledge == 1 && report.untyped == 1)
        #expect(report.altLabels == 5 && report.hiddenLabels == 1)
        #expect(report.skillGroups == 2 && report.broaderLinks == 4 && report.danglingBroaderLinks == 1)
        #expect(report.occupationsRead == 3 && report.jobs == 2 && report.occupationsWithoutRequirements == 1)
        #expect(report.alternateTitles == 3)
        #expect(report.relationsRead == 7 && report.requirements == 5 && report.essential == 3 && report.optional == 2)
        #expect(report.danglingRelations == 2 && report.danglingURIs == 2)
        #expect(report.danglingExamples == [o + "ghost", s + "missing"])
        #expect(report.duplicateRelations == 0 && report.zeroWeight == 0 && report.notReleased == 0)
        _ = try Catalog().merging(document)
    }

    @Test("the v1.2 layout (_en relation files with label columns, LF, byte order mark, all quoted) reads the same")
    func v12() throws {
        let old = try EscoImporter.read(directory: EscoFolder.fixtures + "/esco-v1.1")
        let new = try EscoImporter.read(directory: EscoFolder.fixtures + "/esco-v1.2/")
        #expect(new.document == old.document)
        #expect(new.report.files.contains("occupationSkillRelations_en.csv"))
        #expect(new.report.files.contains("broaderRelationsSkillPillar_en.csv"))
        var report = new.report
        report.files = old.report.files
        #expect(report == old.report)
    }

    @Test("weights: configurable, 0 leaves a kind out; a pair listed twice keeps the higher weight")
    func weights() throws {
        let folder = EscoFolder()
        let s = Self.skill, o = Self.occupation
        folder.write("occupationSkillRelations.csv", folder.text("occupationSkillRelations.csv")
            + "\(o)drafter,optional,knowledge,\(s)drawings\r\n\(o)welder,essential,,\(s)team\r\n")
        let (document, report) = try EscoImporter.read(directory: folder.path, weights: EscoWeights(essential: 3, optional: 0))
        // The welder's team skill is optional (weight 0, left out), then essential: kept, at 3.
        #expect(document.jobs[0].requirements.map(\.importance) == [3, 3, 3])
        #expect(document.jobs[1].requirements == [Requirement(skill: s + "drawings", importance: 3)])
        #expect(report.zeroWeight == 3 && report.duplicateRelations == 0)
        #expect(report.essential == 4 && report.optional == 0 && report.weights.essential == 3)

        // With equal weights a pair listed as essential and as optional counts as essential.
        let both = try EscoImporter.read(directory: folder.path, weights: EscoWeights(essential: 1, optional: 1))
        #expect(both.report.essential == 4 && both.report.optional == 1 && both.report.duplicateRelations == 2)

        for (essential, optional) in [(-1.0, 0.5), (1, .nan), (.infinity, 1), (0, 0)] {
            #expect(throws: EscoWeights.Invalid.self) { try EscoWeights(essential: essential, optional: optional) }
        }
    }

    @Test("concepts not released are left out and counted, with the links to them")
    func status() throws {
        let folder = EscoFolder()
        folder.replace("skills_en.csv", "work in a team,,,released", with: "work in a team,,,deprecated")
        folder.replace("occupations_en.csv", "museum guide,,,released", with: "museum guide,,,draft")
        let (document, report) = try EscoImporter.read(directory: folder.path)
        #expect(!document.skills.contains { $0.id == Self.skill + "team" })
        #expect(document.jobs[0].requirements.count == 2)
        #expect(report.notReleased == 2 && report.linksToNotReleased == 2)  // one relation, one broader link
        #expect(report.occupationsWithoutRequirements == 0 && report.danglingBroaderLinks == 0)
    }

    @Test("the imported document round-trips through catalogue JSON")
    func jsonRoundTrip() throws {
        let (document, _) = try EscoImporter.read(directory: EscoFolder.fixtures + "/esco-v1.1")
        let data = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(CatalogDocument.self, from: data) == document)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["hiddenLabels", "broader", "reuseLevel", "iscoGroup", "skillGroups", "code"] { #expect(text.contains("\"\(key)\"")) }
    }

    /// Imports a changed copy of the v1.1 fixture and returns the error.
    @Test("collections, skill–skill relations and occupations' hidden labels")
    func extras() throws {
        let folder = EscoFolder()
        folder.write("greenSkillsCollection_en.csv", """
            conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT
            KnowledgeSkillCompetence,\(Self.skill)weld,weld metal parts,released,skill/competence,sector-specific,,,,
            KnowledgeSkillCompetence,\(Self.skill)nowhere,not in the files,released,skill/competence,sector-specific,,,,

            """)
        folder.write("transversalSkillsCollection_en.csv", """
            conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT
            KnowledgeSkillCompetence,\(Self.skill)team,skill/competence,transversal,work in a team,released,,,,
            KnowledgeSkillCompetence,\(Self.skill)weld,skill/competence,transversal,weld metal parts,released,,,,

            """)
        folder.write("skillSkillRelations.csv", """
            originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri
            \(Self.skill)weld,skill/competence,optional,skill/competence,\(Self.skill)metal
            \(Self.skill)weld,skill/competence,essential,knowledge,\(Self.skill)drawings
            \(Self.skill)weld,skill/competence,essential,skill/competence,\(Self.skill)metal
            \(Self.skill)team,skill/competence,optional,skill/competence,\(Self.skill)gone

            """)
        folder.replace("occupations_en.csv", "draughtsperson,,released", with: "draughtsperson,\"draftsman\nDraughtsperson\",released")
        let (document, report) = try EscoImporter.read(directory: folder.path)
        let weld = try #require(document.skills.first { $0.id == Self.skill + "weld" })
        #expect(weld.collections == ["green", "transversal"])
        #expect(weld.related == [
            SkillRelation(skill: Self.skill + "drawings", relation: "essential"), SkillRelation(skill: Self.skill + "metal", relation: "essential"),
        ])
        #expect(report.collections == ["green": 1, "transversal": 2] && report.danglingCollectionEntries == 1)
        #expect(report.skillRelations == 2 && report.danglingSkillRelations == 1)
        let drafter = try #require(document.jobs.first { $0.id == Self.occupation + "drafter" })
        #expect(drafter.hiddenTitles == ["draftsman"] && report.hiddenTitles == 1)
        let catalog = try Catalog().merging(document)
        #expect(JobSearch(catalog: catalog).search("draftsman").first?.job.id == Self.occupation + "drafter")

        folder.replace("skillSkillRelations.csv", "essential,knowledge", with: "maybe,knowledge")
        let error = try #require(throws: InputError.self) { try EscoImporter.read(directory: folder.path) }
        #expect(error.message == #"column "relationType": "maybe" is not essential or optional"#)
    }

    func failure(_ change: (EscoFolder) -> Void) throws -> InputError {
        let folder = EscoFolder()
        change(folder)
        return try #require(throws: InputError.self) { try EscoImporter.read(directory: folder.path) }
    }

    @Test("missing files and columns are named")
    func missing() throws {
        let noRelations = try failure { try! FileManager.default.removeItem(atPath: $0.path + "/occupationSkillRelations.csv") }
        #expect(noRelations.file.hasSuffix("occupationSkillRelations_en.csv"))
        #expect(noRelations.message.contains("occupationSkillRelations_en.csv or occupationSkillRelations.csv"))

        let noColumn = try failure { $0.replace("skills_en.csv", "reuseLevel,preferredLabel,", with: "reuseLevel,prefLabel,") }
        #expect(noColumn.file.hasSuffix("skills_en.csv") && noColumn.line == 1)
        #expect(noColumn.message.hasPrefix(#"no column named "preferredLabel" (columns: conceptType, conceptUri"#))

        let noRelationType = try failure { $0.replace("occupationSkillRelations.csv", "relationType", with: "relation") }
        #expect(noRelationType.message.hasPrefix(#"no column named "relationType""#))

        let folder = try #require(throws: InputError.self) { try EscoImporter.read(directory: "/nonexistent/esco") }
        #expect(folder.description.hasPrefix("/nonexistent/esco: no such folder"))
    }

    @Test("broken quoting, invalid UTF-8 and wrong field counts are placed by line and column")
    func syntax() throws {
        // Line 6 of skills_en.csv is "http://…/member-skills","Join metal parts with ""arc"" welding, safely."
        let stray = try failure { $0.replace("skills_en.csv", #"with ""arc"" welding"#, with: #"with "arc"" welding"#) }
        #expect(stray.file.hasSuffix("skills_en.csv") && stray.line == 6 && stray.column == 81)
        #expect(stray.message.hasPrefix("a quote inside a quoted field must be doubled"))

        let unquoted = try failure { $0.replace("occupations_en.csv", "Welders join", with: #"Welders "join""#) }
        #expect(unquoted.line == 4 && unquoted.column == 170 && unquoted.message.hasPrefix("a quote inside a field that is not quoted"))

        let open = try failure { $0.write("skillGroups_en.csv", $0.text("skillGroups_en.csv") + "SkillGroup,x,\"never closed,\r\nmore\r\n") }
        #expect(open.line == 5 && open.column == 14 && open.message.hasPrefix("this quoted field is never closed"))

        let fields = try failure { $0.replace("occupationSkillRelations.csv", "essential,knowledge,", with: "essential,knowledge,extra,") }
        // Placed on the first field past the header's count.
        #expect(fields.line == 3 && fields.column == 77 && fields.message == "this record has 5 fields but the header has 4")
        let short = try failure { $0.replace("occupationSkillRelations.csv", "welder,optional,skill/competence,", with: "welder,optional,") }
        // Placed at the end of the record, where the missing field should be.
        #expect(short.line == 4 && short.column == 102 && short.message == "this record has 3 fields but the header has 4")

        let utf8 = try failure { folder in
            var bytes = Array(folder.text("occupations_en.csv").utf8)
            let at = bytes.firstRange(of: Array("draughtsperson".utf8))!.lowerBound
            bytes[at + 5] = 0xFF
            folder.write("occupations_en.csv", bytes: bytes)
        }
        #expect(utf8.file.hasSuffix("occupations_en.csv") && utf8.line == 5 && utf8.column == 81)
        #expect(utf8.message.hasPrefix("invalid UTF-8"))
    }

    @Test("bad values are placed on their field")
    func values() throws {
        let relation = try failure { $0.replace("occupationSkillRelations.csv", "welder,optional", with: "welder,Optionnel") }
        #expect(relation.line == 4 && relation.column == 51 && relation.message == #"column "relationType": "optionnel" is not essential or optional"#)

        let isco = try failure { $0.replace("occupations_en.csv", "test-drafter,3118,", with: "test-drafter,31x8,") }
        #expect(isco.line == 5 && isco.column == 63 && isco.message.contains(#""31x8" is not an ISCO-08 code"#))

        let type = try failure { $0.replace("skills_en.csv", "test-team,skill/competence", with: "test-team,attitude") }
        #expect(type.line == 10 && type.column == 69 && type.message.contains(#""attitude" is not skill/competence, knowledge or empty"#))

        let twice = try failure { $0.replace("skills_en.csv", "test-metal,", with: "test-weld,") }
        #expect(twice.line == 7 && twice.column == 26 && twice.message.contains("is listed twice (first on line 2)"))

        let empty = try failure { $0.replace("occupationSkillRelations.csv", Self.occupation + "welder,optional", with: ",optional") }
        #expect(empty.line == 4 && empty.column == 1 && empty.message == #"column "occupationUri" is empty"#)
    }

    static let realData = SharedDatasets.folder("esco")

    @Test(
        "the real ESCO v1.1.1 download imports whole (skipped when ../shared/datasets is absent)",
        .enabled(if: FileManager.default.fileExists(atPath: realData + "/skills_en.csv"), "../shared/datasets/esco is absent: skipping")
    )
    func realEsco() throws {
        let (document, report) = try EscoImporter.read(directory: Self.realData)
        #expect(report.skills == 13_896 && document.skills.count == 13_896)
        #expect(report.knowledge == 3_059 && report.skillsCompetences == 10_831 && report.untyped == 6)
        #expect(report.skillGroups == 640)
        #expect(report.occupationsRead == 3_007 && report.jobs == 3_007)
        // 123,855 relations; 67 point at one occupation URI that is not in occupations_en.csv.
        #expect(report.relationsRead == 123_855 && report.danglingRelations == 67 && report.danglingURIs == 1)
        #expect(report.requirements == report.relationsRead - report.danglingRelations - report.duplicateRelations)
        #expect(report.requirements == document.jobs.reduce(0) { $0 + $1.requirements.count })
        #expect(report.essential + report.optional == report.requirements)
        #expect(report.broaderLinks + report.danglingBroaderLinks == 20_656)
        let catalog = try Catalog().merging(document)
        #expect(catalog.skills.count == 13_896 && catalog.jobs.count == 3_007 && catalog.requirementCount == report.requirements)
        #expect(catalog.skills.allSatisfy { !$0.broader.isEmpty } || report.danglingBroaderLinks > 0)
        #expect(catalog.jobs.allSatisfy { $0.iscoGroup?.count == 4 })
        let found = JobSearch(catalog: catalog).search("technical director")
        #expect(found.first.map { catalog.job($0.job.id)?.title } == "technical director")
        // Collections and skill–skill relations (optional files of the download).
        #expect(report.collections == ["digcomp": 26, "digital": 1_201, "green": 570, "language": 346, "research": 40, "transversal": 96])
        #expect(report.skillRelations + report.danglingSkillRelations == 5_899 && report.danglingSkillRelations <= 1)
        #expect(catalog.skills.filter { $0.collections.contains("green") }.count == 570)
        #expect(catalog.skills.reduce(0) { $0 + $1.related.count } == report.skillRelations)
        #expect(catalog.skills.allSatisfy { $0.related.allSatisfy { catalog.skill($0.skill) != nil } })
        #expect(report.hiddenTitles > 0 && catalog.jobs.reduce(0) { $0 + $1.hiddenTitles.count } == report.hiddenTitles)
    }
}
