import SkillMatch
import Testing
@testable import SkillMatchImport

@Suite("Skill and credential resolvers, ISO 8601 durations")
struct SkillResolverTests {
    static let catalog = try! Catalog(
        skills: [
            Skill(id: "http://data.europa.eu/esco/skill/test-weld", label: "weld metal parts", altLabels: ["welding"], hiddenLabels: ["wleding"]),
            Skill(id: "2.A.2.a", label: "Critical Thinking"),
            Skill(id: "data-analysis", label: "Data Analysis", altLabels: ["Analytics"]),
            Skill(id: "web-analytics", label: "Web Analytics", altLabels: ["analytics"]),
            Skill(id: "welding-theory", label: "Welding theory", hiddenLabels: ["welding"]),
        ],
        jobs: [],
        credentials: [
            Credential(id: "a", name: "Safety Card", issuer: "Board A", grants: [], url: "https://a.example.org/card"),
            Credential(id: "b", name: "Safety Card", issuer: "Board B", grants: []),
        ])

    @Test("URL, then code, then label; scheme, trailing slash, case and spacing ignored where documented")
    func skills() {
        let resolver = SkillResolver(catalog: Self.catalog)
        let weld = "http://data.europa.eu/esco/skill/test-weld"
        #expect(resolver.resolve(url: weld) == .matched(skill: weld, rule: .url))
        #expect(resolver.resolve(url: "https://data.europa.eu/esco/skill/test-weld/") == .matched(skill: weld, rule: .url))
        // An unmatched URL falls through to the code, then to the name.
        #expect(resolver.resolve(url: "https://onet.example/2.A.2.a", code: "2.A.2.a", name: "nope") == .matched(skill: "2.A.2.a", rule: .code))
        #expect(resolver.resolve(code: "2.a.2.A") == .matched(skill: "2.A.2.a", rule: .code))
        #expect(resolver.resolve(url: "https://x.example/y", name: "  critical\tTHINKING ") == .matched(skill: "2.A.2.a", rule: .label))
        // A preferred or alternative label beats a hidden one; the hidden one matches when nothing else does.
        #expect(resolver.resolve(name: "Welding") == .matched(skill: weld, rule: .label))
        #expect(resolver.resolve(name: "wleding") == .matched(skill: weld, rule: .label))
        guard case .unmatched(let reason) = resolver.resolve(name: "analytics") else {
            Issue.record("an alternative label of two skills must not match")
            return
        }
        #expect(reason == #"the name "analytics" is a label of 2 skills ("data-analysis", "web-analytics")"#)
        #expect(resolver.resolve(url: "https://x.example/y", name: "Laser cutting") == .unmatched(reason: "no catalogue skill has this id or label"))
        #expect(resolver.resolve(label: "data-analysis") == .matched(skill: "data-analysis", rule: .code))
    }

    @Test("credentials by id, URL, or a name narrowed by the issuer")
    func credentials() {
        let resolver = CredentialResolver(catalog: Self.catalog)
        #expect(resolver.resolve(id: "b") == .success("b"))
        #expect(resolver.resolve(url: "http://a.example.org/card/") == .success("a"))
        #expect(resolver.resolve(name: "safety  card", issuer: "board b") == .success("b"))
        guard case .failure(let failure) = resolver.resolve(name: "Safety Card") else {
            Issue.record("a name shared by two credentials must not match without the issuer")
            return
        }
        #expect(failure.reason.hasPrefix("2 catalogue credentials are named \"Safety Card\""))
    }

    @Test("accrediting bodies as the finder's codes, by whole words")
    func accreditation() {
        #expect(CTDLReader.accreditation("ANSI National Accreditation Board") == "ANSI")
        #expect(CTDLReader.accreditation("National Commission for Certifying Agencies (NCCA)") == "NCCA")
        #expect(CTDLReader.accreditation("Regional Transit Authority") == "Regional Transit Authority")
    }

    @Test("ISO 8601 durations as hours of full-time study")
    func durations() {
        #expect(ISODuration.hours("PT40H") == 40)
        #expect(ISODuration.hours("P2W") == 80)
        #expect(ISODuration.hours("P3M") == 520)
        #expect(ISODuration.hours("P1M") == 173.33)
        #expect(ISODuration.hours("P1Y") == 2080)
        #expect(ISODuration.hours("P1DT4H30M") == 12.5)
        #expect(ISODuration.hours("p1.5d") == 12)
        #expect(ISODuration.hours("PT90M") == 1.5)
        for bad in ["", "P", "PT", "40H", "P1H", "PT1D", "P1M1Y", "P1DT", "3 months", "P-1D", "PT1H1H"] {
            #expect(ISODuration.hours(bad) == nil, "\(bad)")
        }
    }
}
