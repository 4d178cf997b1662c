import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// Advice on a catalogue whose credentials list occupations: plan scopes, experience requirements, `next` over a
/// given ranking, and certifications a resume names.
@Suite("Credential advice on a real-shaped catalogue")
struct CredentialAdviceTests {
    /// Three skills, three jobs (two in SOC minor group 15-12, one in 29-20) and credentials serving each.
    static let catalog: Catalog = try! CredentialAlignmentTests.onet.merging(CatalogDocument(credentials: [
        // The occupation's own credential: Programming only.
        Credential(id: "own", name: "Own Cert", cost: 300, grants: [Grant(skill: "2.B.3.e", level: 0.9)], occupations: ["15-1252.00"]),
        // A neighbour's: Programming and Reading, cheaper; the best single plan when every credential counts.
        Credential(id: "neighbour", name: "Neighbour Cert", cost: 100,
                   grants: [Grant(skill: "2.B.3.e", level: 0.9), Grant(skill: "2.A.1.a", level: 0.9)], occupations: ["15-1253.00"]),
        // Another field's: everything, cheapest.
        Credential(id: "far", name: "Far Cert", cost: 50,
                   grants: [Grant(skill: "2.B.3.e", level: 0.9), Grant(skill: "2.A.1.a", level: 0.9),
                            Grant(skill: "onet-tech:microsoft-excel", level: 0.9)], occupations: ["29-2052.00"]),
        // Requires work experience; serves the developers.
        Credential(id: "senior", name: "Senior Cert", cost: 10, grants: [Grant(skill: "2.A.1.a", level: 0.9)],
                   experienceRequired: true, occupations: ["15-1252.00"]),
    ]))

    static let person = Candidate(id: "p", skills: [HeldSkill(skill: "2.A.1.a", level: 0.3)])

    @Test("A plan uses the occupation's own credentials, its field's when none serve it; given scopes, the first with a plan")
    func scopes() throws {
        let planner = GapPlanner(engine: MatchEngine(catalog: Self.catalog))
        #expect(Self.catalog.planScopes(for: "15-1252.00") == [.occupation])
        #expect(CredentialAlignmentTests.onet.planScopes(for: "15-1252.00") == [.any])
        let unserved = try CredentialAlignmentTests.onet.merging(CatalogDocument(credentials: [Self.catalog.credential("neighbour")!]))
        #expect(unserved.planScopes(for: "15-1252.00") == [.field])
        #expect(unserved.planScopes(for: "15-1253.00") == [.occupation])
        let scopes: [CredentialScope] = [.occupation, .field]
        let own = try planner.plan(Self.person, job: "15-1252.00", scopes: scopes, target: 0.5)
        #expect(own.scope == .occupation)
        #expect(own.credentials.map(\.id) == ["own"])
        // Without the senior credential, the occupation's own cannot reach 0.9 (Reading stays short): the field can.
        var noSenior = CredentialFilter()
        noSenior.excluded = ["senior"]
        let field = try planner.plan(Self.person, job: "15-1252.00", filter: noSenior, scopes: scopes, target: 0.9)
        #expect(field.scope == .field)
        #expect(field.credentials.map(\.id) == ["neighbour"])
        let any = try planner.plan(Self.person, job: "15-1252.00", filter: noSenior, scopes: [.any], target: 0.9)
        #expect(any.scope == .any)
        #expect(any.credentials.map(\.id) == ["far"])
        // The last scope's error is the answer when none gives a plan.
        #expect(throws: GapError.self) {
            try planner.plan(Self.person, job: "15-1252.00", filter: noSenior, scopes: [.occupation], target: 0.9)
        }
        // A job whose own credentials cover nothing falls through too (closing the gap).
        let qa = try planner.plan(Self.person, job: "15-1253.00", scopes: scopes)
        #expect(qa.scope == .occupation)
        #expect(qa.credentials.map(\.id) == ["neighbour"])
        let pharmacy = try planner.plan(Self.person, job: "29-2052.00", filter: CredentialFilter(excluded: ["far"]), scopes: scopes)
        #expect(pharmacy.scope == .field)
        #expect(pharmacy.credentials.isEmpty)
    }

    @Test("A credential requiring experience is usable only with a job held that it serves (unknown: usable)")
    func experience() throws {
        let ids = { (filter: CredentialFilter) in Self.catalog.usableCredentials(held: [], filter: filter).map(\.credential.id) }
        var filter = CredentialFilter()
        #expect(ids(filter).contains("senior"))
        filter.experiencedIn = ["29-2052.00"]
        #expect(ids(filter) == ["far", "neighbour", "own"])
        filter.experiencedIn = ["15-1252.00"]
        #expect(ids(filter).contains("senior"))
        filter.experiencedIn = []
        #expect(!ids(filter).contains("senior"))
    }

    @Test("A plan names the credentials the person already holds that serve the job, in id order")
    func heldServing() throws {
        let planner = GapPlanner(engine: MatchEngine(catalog: Self.catalog))
        var holder = Self.person
        holder.credentials = ["senior", "far", "own"]
        let plan = try planner.plan(holder, job: "15-1252.00", scopes: [.occupation, .field])
        #expect(plan.heldServing == ["own", "senior"])
        #expect(plan.credentials.isEmpty)
        #expect(try planner.plan(Self.person, job: "15-1252.00", scopes: [.occupation]).heldServing.isEmpty)
        #expect(try planner.plan(holder, job: "29-2052.00", scopes: [.occupation]).heldServing == ["far"])
    }

    @Test("Experience counts across a detailed group: the 6-digit SOC code, or the 4-digit ISCO unit group")
    func experienceUnitGroup() throws {
        let requirement = [Requirement(skill: "s", importance: 1)]
        let catalog = try Catalog(
            skills: [Skill(id: "s", label: "S")],
            jobs: [
                Job(id: "29-2052.00", title: "Pharmacy Technicians", requirements: requirement),
                Job(id: "29-2052.01", title: "Pharmacy Technicians, Compounding", requirements: requirement),
                Job(id: "29-2053.00", title: "Psychiatric Technicians", requirements: requirement),
                Job(id: "nanny", title: "nanny", requirements: requirement, iscoGroup: "5311"),
                Job(id: "day-care", title: "child day care worker", requirements: requirement, iscoGroup: "5311"),
                Job(id: "teaching-aide", title: "teaching assistant", requirements: requirement, iscoGroup: "5312"),
                Job(id: "coded-by-minor-group", title: "x", requirements: requirement, iscoGroup: "531"),
            ],
            credentials: [
                Credential(id: "cda", name: "CDA", grants: [Grant(skill: "s")], experienceRequired: true, occupations: ["day-care"]),
                Credential(id: "compounding", name: "Compounding", grants: [Grant(skill: "s")], experienceRequired: true,
                           occupations: ["29-2052.01"]),
            ])
        #expect(catalog.unitGroup(of: "29-2052.00") == ["29-2052.00", "29-2052.01"])
        #expect(catalog.unitGroup(of: "nanny") == ["nanny", "day-care"])
        #expect(catalog.unitGroup(of: "teaching-aide") == ["teaching-aide"])
        #expect(catalog.unitGroup(of: "coded-by-minor-group") == ["coded-by-minor-group"])
        #expect(catalog.unitGroup(of: "unknown").isEmpty)
        let usable = { (held: Set<String>) in
            catalog.usableCredentials(held: [], filter: CredentialFilter().requiringExperience(in: held, of: catalog)).map(\.credential.id)
        }
        #expect(usable(["nanny"]) == ["cda"])
        #expect(usable(["teaching-aide"]).isEmpty)
        #expect(usable(["29-2052.00"]) == ["compounding"])
        #expect(usable(["29-2053.00"]).isEmpty)
        #expect(usable([]).isEmpty)
    }

    @Test("next over a given ranking: its first jobs are the best jobs; scoped, field credentials only, serving ones first")
    func nextOverRanking() throws {
        let engine = MatchEngine(catalog: Self.catalog)
        let advice = try engine.nextCredentials(
            for: Self.person, qualified: 0.99, bestJobs: 2, ranking: ["nope", "15-1253.00", "15-1253.00", "15-1252.00", "29-2052.00"],
            scope: .field)
        #expect(advice.bestJobs.map(\.job) == ["15-1253.00", "15-1252.00"])
        #expect(advice.jobsConsidered == 2)
        #expect(advice.scope == .field)
        #expect(Set(advice.prospects.map(\.credential)).isSubset(of: ["own", "neighbour", "senior"]))
        // The neighbour serves the first best job and lifts both; every unlocked job is a best job.
        #expect(advice.prospects.first?.credential == "neighbour")
        #expect(advice.prospects.first?.serves == ["15-1253.00"])
        #expect(advice.prospects.allSatisfy { $0.unlocks.allSatisfy { ["15-1253.00", "15-1252.00"].contains($0.job) } })
        // Unscoped, the far credential (cheapest, grants everything) is ranked as before.
        let all = try engine.nextCredentials(for: Self.person, qualified: 0.99, bestJobs: 2)
        #expect(all.prospects.contains { $0.credential == "far" })
        #expect(all.jobsConsidered == Self.catalog.jobs.count)
        // A budget holds for each single credential: nothing over $150 is ranked.
        let budget = try engine.nextCredentials(for: Self.person, qualified: 0.99, bestJobs: 2, filter: CredentialFilter(maxCost: 150))
        #expect(!budget.prospects.isEmpty)
        #expect(budget.prospects.allSatisfy { ($0.cost ?? .infinity) <= 150 })
    }

    @Test("Certifications a resume names are held: names, names without a parenthetical, acronyms in capitals")
    func namedCredentials() throws {
        let catalog = try CredentialAlignmentTests.onet.merging(CatalogDocument(credentials: [
            Credential(id: "a-plus", name: "CompTIA A+", grants: []),
            Credential(id: "ccna", name: "Cisco Certified Network Associate (CCNA)", grants: []),
            Credential(id: "servsafe", name: "ServSafe Food Protection Manager Certification", grants: []),
            Credential(id: "analytics", name: "Google Analytics Certification", grants: []),
            Credential(id: "phleb", name: "Certified Phlebotomy Technician (CPT)", grants: [], alternateNames: ["NHA CPT"]),
            Credential(id: "realtor", name: "Real Estate License (Sales Associate)", grants: []),
            Credential(id: "cna", name: "Certified Nursing Assistant (CNA)", grants: []),
            Credential(id: "card-1", name: "Food Handler Card", grants: []),
            Credential(id: "card-2", name: "Food Handler Card", grants: []),
            Credential(id: "word", name: "Security", grants: []),
            Credential(id: "pmp", name: "Project Management Professional (PMP)", grants: []),
            Credential(id: "epa", name: "EPA Section 608 Technician Certification - Universal", grants: [],
                       alternateNames: ["EPA 608 Universal", "EPA608U"]),
        ]))
        let mentions = CredentialMentions(catalog: catalog)
        let text = """
            ## Certifications
            CompTIA A+ (2022), CCNA; ServSafe Food Protection Manager
            Food Handler Card. Security clearance.
            Currently pursuing the PMP
            Worked with a cna team on Cisco Certified Network
            """
        #expect(mentions.held(in: text) == ["a-plus", "ccna", "servsafe"])
        #expect(mentions.held(in: "Certified Nursing Assistant, 2019") == ["cna"])
        // A tool's name is not its certification; an ambiguous acronym alone and a bracketed gloss name nothing.
        #expect(mentions.held(in: "Google Analytics, Excel; CPT; Sales Associate at Target").isEmpty)
        #expect(mentions.held(in: "NHA CPT, Google Analytics Certification") == ["analytics", "phleb"])
        #expect(mentions.held(in: "CNA and PMP") == ["cna", "pmp"])
        #expect(mentions.held(in: "CompTIA A+ | working toward the PMP | CCNA") == ["a-plus", "ccna"])
        // Alternate names: as names, and a one-word acronym in capitals only.
        #expect(mentions.held(in: "epa 608 universal") == ["epa"])
        #expect(mentions.held(in: "EPA608U") == ["epa"])
        #expect(mentions.held(in: "epa608u").isEmpty)
        #expect(CredentialResolver(catalog: catalog).resolve(name: "EPA 608  universal") == .success("epa"))
        #expect(mentions.held(in: "").isEmpty)

        let resolver = ResumeTextResolver(catalog: catalog)
        let person = resolver.resolve(Candidate(id: "r", skills: [], credentials: ["pmp"]), text: text + "\nPMP, CNA\n")
        #expect(person.credentials == ["pmp", "a-plus", "ccna", "cna", "servsafe"])
    }
}
