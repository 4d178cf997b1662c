import Testing
@testable import SkillMatch

@Suite("Certification finder")
struct CredentialSearchTests {
    let search = CredentialSearch(catalog: try! Catalog(
        skills: [
            Skill(id: "cloud", label: "Cloud computing", altLabels: ["AWS"]),
            Skill(id: "forklift", label: "Forklift operation"),
            Skill(id: "net", label: "Networking"),
        ],
        jobs: [
            Job(id: "53-7051.00", title: "Industrial Truck Operators", requirements: [Requirement(skill: "forklift", importance: 4)]),
            Job(id: "15-1244.00", title: "Network Administrators", requirements: [Requirement(skill: "net", importance: 4)]),
        ],
        credentials: [
            Credential(id: "aws-ccp", name: "AWS Certified Cloud Practitioner", issuer: "Amazon Web Services", type: .certification,
                       cost: 100, hours: 20, grants: [Grant(skill: "cloud", level: 0.5)], inDemand: true, accreditations: ["ANSI"]),
            Credential(id: "comptia-net", name: "CompTIA Network+", issuer: "CompTIA", type: .certification,
                       cost: 369, hours: 80, grants: [Grant(skill: "net"), Grant(skill: "cloud", level: 0.25)], inDemand: true, accreditations: ["ANSI"]),
            Credential(id: "forklift-card", name: "Forklift Operator Certification", issuer: "OSHA-authorized trainer", type: .certificate,
                       cost: 150, hours: 8, grants: [Grant(skill: "forklift")]),
            Credential(id: "ibm-cloud-badge", name: "IBM Cloud Essentials", issuer: "IBM", type: .badge,
                       grants: [Grant(skill: "cloud", level: 0.25)]),
        ]))

    @Test("keywords match names, skills (with alternative labels), issuers and related jobs")
    func keywords() {
        #expect(search.search(CredentialQuery(text: "cloud")).hits.map(\.credential.id) == ["aws-ccp", "ibm-cloud-badge", "comptia-net"])
        #expect(search.search(CredentialQuery(text: "aws")).hits.first?.credential.id == "aws-ccp")
        #expect(search.search(CredentialQuery(text: "truck")).hits.map(\.credential.id) == ["forklift-card"])
        #expect(search.search(CredentialQuery(text: "network+")).hits.map(\.credential.id) == ["comptia-net"])
        #expect(search.search(CredentialQuery(text: "cloud forklift")).hits.isEmpty)
        #expect(search.search(CredentialQuery(text: "Clóud PRACT")).hits.map(\.credential.id) == ["aws-ccp"])
        #expect(search.search(CredentialQuery()).hits.count == 4)
    }

    @Test("filters combine, and unknown costs are left out of a cost filter")
    func filters() {
        #expect(search.search(CredentialQuery(types: [.badge])).hits.map(\.credential.id) == ["ibm-cloud-badge"])
        #expect(search.search(CredentialQuery(maxCost: 200)).hits.map(\.credential.id) == ["aws-ccp", "forklift-card"])
        #expect(search.search(CredentialQuery(maxHours: 10)).hits.map(\.credential.id) == ["forklift-card"])
        #expect(search.search(CredentialQuery(text: "cloud", inDemandOnly: true, accreditations: ["ansi"])).hits.count == 2)
        #expect(search.search(CredentialQuery(issuers: ["comptia"])).hits.map(\.credential.id) == ["comptia-net"])
    }

    @Test("each filter counts its values with the other filters applied")
    func facets() {
        let result = search.search(CredentialQuery(text: "cloud", types: [.certification]))
        #expect(result.hits.count == 2)
        // The type facet ignores the type filter: a user sees what choosing another type would give.
        #expect(result.facets["type"] == [FacetCount(value: "certification", count: 2), FacetCount(value: "badge", count: 1)])
        #expect(result.facets["accreditation"] == [FacetCount(value: "ANSI", count: 2)])
        #expect(result.facets["inDemand"] == [FacetCount(value: "true", count: 2)])
    }
}

@Suite("Job search")
struct JobSearchTests {
    @Test("titles people use find the job; every keyword must match")
    func search() throws {
        let catalog = try Catalog(
            skills: [Skill(id: "s", label: "S")],
            jobs: [
                Job(id: "15-1232.00", title: "Computer User Support Specialists", requirements: [Requirement(skill: "s", importance: 1)],
                    alternateTitles: ["Help Desk Technician"], jobZone: 3),
                Job(id: "43-4051.00", title: "Customer Service Representatives", description: "Help customers at a desk.",
                    requirements: [Requirement(skill: "s", importance: 1)]),
            ],
            credentials: [])
        let search = JobSearch(catalog: catalog)
        #expect(search.search("help desk").map(\.job.id) == ["15-1232.00", "43-4051.00"])
        #expect(search.search("help desk").first?.matchedIn == ["alternateTitles"])
        #expect(search.search("support help").map(\.job.id) == ["15-1232.00"])
        #expect(search.search("15-1232").map(\.job.id) == ["15-1232.00"])
        #expect(search.search("nurse").isEmpty)
        #expect(throws: CatalogValidationError.self) {
            try catalog.merging(CatalogDocument(jobs: [Job(id: "x", title: "X", requirements: [Requirement(skill: "s", importance: 1)], jobZone: 9)]))
        }
    }
}
