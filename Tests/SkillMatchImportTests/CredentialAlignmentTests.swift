import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// The credential catalogue's CSV pair (credentials + alignments), occupation references and derived grants.
@Suite("Credential alignments and occupations")
struct CredentialAlignmentTests {
    typealias Scratch = CredentialFixtures.Scratch

    /// A small O*NET-like catalogue: three skills, three jobs of two SOC minor groups.
    static let onet: Catalog = try! Catalog(
        skills: [
            Skill(id: "2.A.1.a", label: "Reading Comprehension", source: "onet"),
            Skill(id: "2.B.3.e", label: "Programming", source: "onet"),
            Skill(id: "onet-tech:microsoft-excel", label: "Microsoft Excel", type: .technology, source: "onet"),
        ],
        jobs: [
            Job(id: "15-1252.00", title: "Software Developers", requirements: [
                Requirement(skill: "2.B.3.e", importance: 4.5, level: 0.8), Requirement(skill: "2.A.1.a", importance: 4, level: 0.6),
                Requirement(skill: "onet-tech:microsoft-excel", importance: 0.5, level: 0.5),
            ], source: "onet"),
            Job(id: "15-1253.00", title: "Software Quality Assurance Analysts", requirements: [
                Requirement(skill: "2.A.1.a", importance: 4, level: 0.7),
            ], source: "onet"),
            Job(id: "29-2052.00", title: "Pharmacy Technicians", requirements: [
                Requirement(skill: "2.A.1.a", importance: 3, level: 0.5),
            ], source: "onet"),
        ],
        credentials: [])

    static let header = "id,name,also_known_as,issuer,type,sector,cost,cost_approximate,hours,hours_approximate,exam,education_required,"
        + "experience_required,renewal_years,renewal,accreditation,in_demand,prerequisites,occupations,esco_occupations,url,sources,verified,notes\n"
    static let alignHeader = "credential,framework,target,label,level,method,note\n"

    func folder(credentials: String, alignments: String) -> Scratch {
        let scratch = Scratch()
        scratch.write("a.csv", Self.header + credentials)
        scratch.write("a.alignments.csv", Self.alignHeader + alignments)
        scratch.write("README.md", "# not data\n")
        return scratch
    }

    @Test("Alignments attach to their credentials; another taxonomy's rows are counted; occupations resolve by code")
    func alignmentsAndOccupations() throws {
        let scratch = folder(
            credentials: """
                dev-cert,Developer Cert,Dev Cert 100;DC-100,Issuer,certification,it,300,yes,80,yes,yes,no,no,3,CEU;fee,ANSI,yes,,15-1252;29-2052.00,http://data.europa.eu/esco/occupation/x,https://example.org/dev,https://example.org/dev,partly,exam only
                apprentice,Software Apprenticeship,,DOL,apprenticeship,it,,,2000,,no,yes,no,,,,no,dev-cert,15-1253.00;99-9999.00,,https://example.org/a,,no,

                """,
            alignments: """
                dev-cert,onet,2.B.3.e,Programming,0.6,curated,domain 1
                dev-cert,onet,onet-tech:microsoft-excel,Microsoft Excel,0.7,curated,
                dev-cert,esco,http://data.europa.eu/esco/skill/abc,use spreadsheets software,1,curated,
                dev-cert,onet,2.Z.9,Nonexistent,0.5,curated,

                """)
        let sources = try CredentialImporter.read(path: scratch.path)
        let result = CredentialImporter.resolve(sources, against: Self.onet)
        let catalog = try result.merged(into: Self.onet)
        let dev = try #require(catalog.credential("dev-cert"))
        #expect(dev.grants == [Grant(skill: "2.B.3.e", level: 0.6), Grant(skill: "onet-tech:microsoft-excel", level: 0.7)])
        #expect(dev.occupations == ["15-1252.00", "29-2052.00"])
        #expect(dev.costApproximate && dev.hoursApproximate && dev.inDemand)
        #expect(dev.cost == 300 && dev.renewalYears == 3 && dev.renewalMethods == ["CEU", "fee"] && dev.accreditations == ["ANSI"])
        #expect(dev.sector == "it" && dev.verified == "partly" && dev.references == ["https://example.org/dev"] && dev.notes == "exam only")
        #expect(dev.examRequired == true && dev.educationRequired == false)
        #expect(dev.alternateNames == ["Dev Cert 100", "DC-100"])
        let report = result.report
        #expect(report.skillsNotHeld == ["esco": 1])
        #expect(report.occupationsNotHeld == ["esco": 1])
        // The unknown O*NET id is reported at its alignments row, with its label.
        #expect(report.unmapped.count == 1)
        #expect(report.unmapped.first?.file.hasSuffix("a.alignments.csv") == true && report.unmapped.first?.line == 5)
        #expect(report.unmapped.first?.name == "Nonexistent")
        #expect(report.unresolvedOccupations.map(\.reference) == ["99-9999.00"])
        #expect(report.files.count == 2)  // the README is passed over silently
        #expect(report.skipped.isEmpty)

        // The apprenticeship states no skill: its grants are derived from its occupation, bounded and marked.
        let apprentice = try #require(catalog.credential("apprentice"))
        #expect(apprentice.type == .apprenticeship && apprentice.prerequisites == ["dev-cert"])
        #expect(apprentice.grants == [Grant(skill: "2.A.1.a", level: 0.525, derivedFrom: "15-1253.00")])
        #expect(report.derivedCredentials == 1 && report.derivedGrants == 1)
        let never = try CredentialImporter.resolve(sources, against: Self.onet, derive: nil).merged(into: Self.onet)
        #expect(never.credential("apprentice")?.grants.isEmpty == true)
    }

    @Test("An alignment of a credential that is not in the import stops it at its row")
    func danglingAlignment() throws {
        let scratch = folder(credentials: "x,X,,,,,,,,,,,,,,,,,,,https://e.org,,no,\n", alignments: "y,onet,2.B.3.e,Programming,0.5,curated,\n")
        let error = try #require(throws: InputError.self) { try CredentialImporter.read(path: scratch.path) }
        #expect(error.file.hasSuffix("a.alignments.csv") && error.line == 2)
        #expect(error.message.contains("\"y\""))
        let level = folder(credentials: "x,X,,,,,,,,,,,,,,,,,,,https://e.org,,no,\n", alignments: "x,onet,2.B.3.e,Programming,1.5,curated,\n")
        let bad = try #require(throws: InputError.self) { try CredentialImporter.read(path: level.path) }
        #expect(bad.message.contains("level") && bad.line == 2)
        let flag = folder(credentials: "x,X,,,,,,maybe,,,,,,,,,,,,,https://e.org,,no,\n", alignments: "")
        let wrong = try #require(throws: InputError.self) { try CredentialImporter.read(path: flag.path) }
        #expect(wrong.message.contains("cost_approximate") && wrong.line == 2)
    }

    @Test("SOC codes in references: whole, 6-digit, in an O*NET OnLine URL; ESCO URIs")
    func socCodes() {
        let resolver = OccupationResolver(catalog: Self.onet)
        #expect(resolver.resolve("15-1252.00") == ["15-1252.00"])
        #expect(resolver.resolve("15-125") == [])
        #expect(resolver.resolve("29-2052") == ["29-2052.00"])
        #expect(resolver.resolve("https://www.onetonline.org/link/summary/15-1253.00") == ["15-1253.00"])
        #expect(resolver.resolve("15-1252.01") == [])
        #expect(resolver.resolve("x15-1252.00") == [])
        #expect(OccupationResolver.framework(of: "http://data.europa.eu/esco/occupation/abc") == "esco")
        #expect(OccupationResolver.framework(of: "29-2052") == "onet")
        #expect(OccupationResolver.framework(of: "nurse") == nil)
        #expect(OccupationResolver.isOccupation(url: nil, code: "29-2052.00", framework: nil))
        #expect(OccupationResolver.isOccupation(url: nil, code: "x", framework: "O*NET-SOC 2019"))
        #expect(!OccupationResolver.isOccupation(url: nil, code: "2.A.1.a", framework: "National Association of Builders"))
        #expect(!OccupationResolver.isOccupation(url: "http://data.europa.eu/esco/skill/abc", code: nil, framework: "ESCO"))
    }

    @Test("Derived grants: top requirements of the first occupations, at a share of the level, highest kept")
    func derivedRule() {
        let rule = DerivedGrantRule(occupations: 2, perOccupation: 1, share: 0.5)
        // Software Developers' most important requirement is Programming (4.5); QA's is Reading Comprehension.
        #expect(rule.grants(serving: ["15-1252.00", "15-1253.00", "29-2052.00"], in: Self.onet) == [
            Grant(skill: "2.B.3.e", level: 0.4, derivedFrom: "15-1252.00"), Grant(skill: "2.A.1.a", level: 0.35, derivedFrom: "15-1253.00"),
        ])
        let all = DerivedGrantRule.standard.grants(serving: ["29-2052.00", "15-1253.00", "nope"], in: Self.onet)
        // Reading Comprehension through both: the higher level (0.75 × 0.7), the first occupation that gave it.
        #expect(all == [Grant(skill: "2.A.1.a", level: 0.525, derivedFrom: "29-2052.00")])
    }

    @Test("Open Badges alignments to SOC codes and CTDL occupationType are occupations, not skills")
    func publishedOccupations() throws {
        let scratch = Scratch()
        let badge = scratch.write("badge.json", """
            {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "https://e.org/b", "name": "Pharmacy Badge",
             "issuer": {"type": "Profile", "name": "E"},
             "alignment": [{"targetName": "Pharmacy Technicians", "targetUrl": "https://www.onetonline.org/link/summary/29-2052.00",
                            "targetCode": "29-2052.00", "targetFramework": "O*NET-SOC"}]}
            """)
        let ctdl = scratch.write("ctdl.json", """
            {"@context": "https://credreg.net/ctdl/schema/context/json", "@type": "ceterms:Certification",
             "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000001", "ceterms:name": {"en-US": "Dev Cert"},
             "ceterms:occupationType": [{"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": "15-1252",
                                          "ceterms:targetNodeName": {"en-US": "Software Developers"}}]}
            """)
        for (file, id, job) in [(badge, "https://e.org/b", "29-2052.00"), (ctdl, "ce-00000000-0000-4000-8000-000000000001", "15-1252.00")] {
            let result = CredentialImporter.resolve(try CredentialImporter.read(path: file), against: Self.onet)
            let catalog = try result.merged(into: Self.onet)
            let credential = try #require(catalog.credential(id))
            #expect(credential.occupations == [job])
            #expect(!credential.grants.isEmpty && credential.grants.allSatisfy { $0.derivedFrom == job })
            #expect(result.report.unmapped.isEmpty)
        }
    }

    @Test("A job's field: its SOC minor group; a gap filter keeps credentials serving it, prerequisites exempt")
    func fields() throws {
        #expect(Self.onet.field(of: "15-1252.00") == ["15-1252.00", "15-1253.00"])
        #expect(Self.onet.field(of: "29-2052.00") == ["29-2052.00"])
        #expect(Self.onet.field(of: "nope").isEmpty)
        let catalog = try Self.onet.merging(CatalogDocument(credentials: [
            Credential(id: "base", name: "Base", grants: [Grant(skill: "2.A.1.a", level: 0.7)], occupations: ["29-2052.00"]),
            Credential(id: "dev", name: "Dev", grants: [Grant(skill: "2.B.3.e", level: 0.9)], prerequisites: ["base"], occupations: ["15-1253.00"]),
            Credential(id: "pharm", name: "Pharm", grants: [Grant(skill: "2.A.1.a", level: 0.9)], occupations: ["29-2052.00"]),
        ]))
        var filter = CredentialFilter()
        filter.servingAny = catalog.field(of: "15-1252.00")
        let usable = catalog.usableCredentials(held: [], filter: filter)
        #expect(usable.map(\.credential.id) == ["dev"])
        #expect(usable.first?.missing == ["base"])
        #expect(catalog.credentialsListOccupations)
    }
}
