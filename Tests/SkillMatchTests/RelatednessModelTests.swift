import Foundation
import Testing
@testable import SkillMatch
import SkillVectors

/// A small catalogue where PostgreSQL and MySQL, and forklift operation and warehouse safety, keep company.
func relatednessCatalog(extraJob: Bool = false) throws -> Catalog {
    let ids = ["backend", "forklift", "inventory", "mysql", "postgres", "shipping", "sql", "warehouse-safety", "welding"]
    let skills = ids.map { Skill(id: $0, label: $0.capitalized, broader: $0 == "mysql" || $0 == "postgres" ? ["databases"] : []) }
    func job(_ id: String, _ zone: Int, _ requirements: [(String, Double, Double)]) -> Job {
        Job(id: id, title: "Job \(id)", requirements: requirements.map { Requirement(skill: $0.0, importance: $0.1, level: $0.2) }, jobZone: zone)
    }
    var jobs = [
        job("j1", 4, [("postgres", 5, 0.8), ("sql", 4, 0.7), ("backend", 3, 0.6)]),
        job("j2", 4, [("mysql", 5, 0.8), ("sql", 4, 0.7), ("backend", 3, 0.5)]),
        job("j3", 3, [("postgres", 4, 0.6), ("mysql", 4, 0.6), ("sql", 5, 0.8)]),
        job("j4", 2, [("forklift", 5, 0.7), ("warehouse-safety", 4, 0.6), ("inventory", 3, 0.5)]),
        job("j5", 2, [("forklift", 4, 0.6), ("inventory", 4, 0.5), ("shipping", 3, 0.5)]),
        job("j6", 2, [("warehouse-safety", 5, 0.8), ("shipping", 3, 0.4), ("inventory", 3, 0.6)]),
        job("j7", 3, [("welding", 5, 0.9), ("warehouse-safety", 2, 0.3)]),
    ]
    if extraJob { jobs.append(job("j8", 3, [("welding", 5, 0.9)])) }
    let credentials = [
        Credential(id: "c-db", name: "Databases", grants: [Grant(skill: "postgres", level: 0.7), Grant(skill: "mysql", level: 0.7)]),
        Credential(id: "c-wh", name: "Warehouse", grants: [Grant(skill: "forklift", level: 0.6), Grant(skill: "warehouse-safety", level: 0.6)]),
    ]
    return try Catalog(skills: skills, jobs: jobs, credentials: credentials, skillGroups: [SkillGroup(id: "databases", label: "Databases")])
}

func smallParameters() -> RelatednessParameters {
    var parameters = RelatednessParameters()
    parameters.dimension = 4
    parameters.seed = 7
    return parameters
}

@Suite("Relatedness model: training, file format, fingerprint, inference, related jobs")
struct RelatednessModelTests {
    @Test("the same catalogue and seed give a bit-identical model; another seed gives another")
    func deterministic() throws {
        let catalog = try relatednessCatalog()
        let a = ModelFile.binary(RelatednessTrainer.train(catalog, parameters: smallParameters()))
        let b = ModelFile.binary(RelatednessTrainer.train(catalog, parameters: smallParameters()))
        #expect(a == b)
        var other = smallParameters()
        other.seed = 8
        #expect(ModelFile.binary(RelatednessTrainer.train(catalog, parameters: other)).count == a.count)
    }

    @Test("vectors are unit length; co-occurring skills are nearer than unrelated ones")
    func relatedness() throws {
        let catalog = try relatednessCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        #expect(model.dimension == 4)
        for i in 0..<model.skillIDs.count { #expect(abs(model.similarity(i, i) - 1) < 1e-6) }
        let index = { catalog.skillIndex($0)! }
        #expect(model.similarity(index("postgres"), index("mysql")) > model.similarity(index("postgres"), index("forklift")))
        #expect(model.similarity(index("forklift"), index("warehouse-safety")) > model.similarity(index("forklift"), index("sql")))
        #expect(model.nearestSkills(to: index("postgres"), k: 1).first?.index == index("mysql")
                || model.nearestSkills(to: index("postgres"), k: 1).first?.index == index("sql"))
    }

    @Test("taxonomy and job-group contexts are built from broader links, ISCO groups and job zones")
    func contexts() throws {
        let catalog = try relatednessCatalog()
        let (matrix, counts) = RelatednessTrainer.cooccurrence(catalog, parameters: RelatednessParameters())
        #expect(counts.jobs == 7 && counts.credentials == 2 && counts.taxonomy == 1 && counts.jobGroups == 3)
        #expect(matrix.columns == 13)
        // Job j1: w·r of postgres (4) is the largest, so it weighs 1; sql 2.8/4 = 0.7.
        let dense = matrix.dense()
        #expect(abs(dense[catalog.skillIndex("postgres")!, 0] - 1) < 1e-15)
        #expect(abs(dense[catalog.skillIndex("sql")!, 0] - 0.7) < 1e-12)
        #expect(dense[catalog.skillIndex("mysql")!, 9] == 0.5 && dense[catalog.skillIndex("postgres")!, 9] == 0.5)
    }

    @Test("the binary and metadata read back to the same vectors; damage and mismatches are refused")
    func fileFormat() throws {
        let catalog = try relatednessCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        let bytes = ModelFile.binary(model)
        #expect(bytes.count == 48 + 4 * 9 * 4)
        #expect(Array(bytes[0..<8]) == Array("SKMREL01".utf8))
        let metadata = ModelFile.metadata(model, name: "t", builtAt: "2026-11-23T00:00:00Z", catalog: catalog, seconds: 0.1)
        let json = try JSONEncoder().encode(metadata)
        let decoded = try JSONDecoder().decode(ModelMetadata.self, from: json)
        let read = try ModelFile.read(binary: bytes, metadata: decoded, name: "t")
        #expect(read.vectors == model.vectors && read.skillIDs == model.skillIDs && read.fingerprint == model.fingerprint)
        var damaged = bytes
        damaged[60] ^= 1
        #expect(throws: ModelError.self) { try ModelFile.read(binary: damaged, metadata: decoded, name: "t") }
        #expect(throws: ModelError.self) { try ModelFile.read(binary: Array(bytes.dropLast(4)), metadata: decoded, name: "t") }
        var wrong = decoded
        wrong.fingerprint = "0000000000000000"
        #expect(throws: ModelError.self) { try ModelFile.read(binary: bytes, metadata: wrong, name: "t") }
    }

    @Test("the fingerprint changes with what the model learns from, not with labels")
    func fingerprint() throws {
        let catalog = try relatednessCatalog()
        let base = CatalogFingerprint(catalog)
        #expect(CatalogFingerprint(try relatednessCatalog()) == base)
        #expect(CatalogFingerprint(try relatednessCatalog(extraJob: true)) != base)
        var relabelled = catalog.skills
        relabelled[0].label = "Back end development"
        let renamed = try Catalog(skills: relabelled, jobs: catalog.jobs, credentials: catalog.credentials, skillGroups: catalog.skillGroups)
        #expect(CatalogFingerprint(renamed) == base)
        var jobs = catalog.jobs
        jobs[0].requirements[0].level = 0.81
        let changed = try Catalog(skills: catalog.skills, jobs: jobs, credentials: catalog.credentials, skillGroups: catalog.skillGroups)
        #expect(CatalogFingerprint(changed) != base)
        var related = catalog.skills
        related[0].related = [SkillRelation(skill: "sql", relation: "optional")]
        let withRelation = try Catalog(skills: related, jobs: catalog.jobs, credentials: catalog.credentials, skillGroups: catalog.skillGroups)
        #expect(CatalogFingerprint(withRelation) != base)
        let (_, counts) = RelatednessTrainer.cooccurrence(withRelation, parameters: RelatednessParameters())
        #expect(counts.taxonomy == 2)
        #expect(CatalogFingerprint(hex: base.description) == base)
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        #expect(model.matches(catalog) && !model.matches(changed))
    }

    @Test("inferred credit is bounded by the cap, explained, and the same in fit, match and match --job")
    func inference() throws {
        let catalog = try relatednessCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        let inference = SkillInference(model: model, threshold: 0.3, cap: 0.5)
        let engine = MatchEngine(catalog: catalog, inference: inference)
        let plain = MatchEngine(catalog: catalog)
        let people = [
            Candidate(id: "p1", skills: [HeldSkill(skill: "mysql", level: 0.9), HeldSkill(skill: "sql", level: 0.5)]),
            Candidate(id: "p2", skills: [HeldSkill(skill: "forklift", level: 1)], credentials: ["c-db"]),
            Candidate(id: "p3", skills: []),
        ]
        var sawInference = false
        for person in people {
            let scores = try engine.scores(person)
            let plainScores = try plain.scores(person)
            for (index, job) in catalog.jobs.enumerated() {
                let fit = try engine.fit(person, job: job.id)
                #expect(fit.score == scores[index])
                #expect(scores[index] >= plainScores[index] - 1e-15)
                let total = job.totalImportance
                let fromLines = fit.skills.reduce(0) { $0 + $1.importance * $1.credit } / total
                #expect(abs(fromLines - fit.score) < 1e-12)
                for line in fit.skills {
                    if let inferred = line.inferred {
                        sawInference = true
                        #expect(inferred.credit <= 0.5 && inferred.credit == line.credit)
                        #expect(inferred.similarity >= 0.3 && inferred.from != line.skill)
                        #expect(line.credit > min(line.have, line.required) / line.required)
                        let expected = 0.5 * inferred.similarity * min(inferred.level, line.required) / line.required
                        #expect(abs(inferred.credit - expected) < 1e-12)
                    }
                    #expect(line.credit < 1 || line.have >= line.required)
                }
                let pool = try engine.rankCandidates(people, for: job.id, top: 10)
                #expect(pool.first { $0.candidate == person.id }.map { roundedScore($0.score) } == roundedScore(fit.score))
            }
            let matched = try engine.match(person, top: 10)
            for entry in matched { #expect(entry.score == scores[catalog.jobIndex(entry.job)!]) }
        }
        #expect(sawInference)
        #expect(engine.withoutInference.inference == nil)
        #expect(try engine.withoutInference.scores(people[0]) == (try plain.scores(people[0])))
        // Gap closure ignores inference.
        let gap = try GapPlanner(engine: engine).plan(people[0], job: "j1")
        let plainGap = try GapPlanner(engine: plain).plan(people[0], job: "j1")
        #expect(gap.scoreBefore == plainGap.scoreBefore)
    }

    @Test("related jobs: the blocked search equals the one-job search, and transitions follow the fit formula")
    func relatedJobs() throws {
        let catalog = try relatednessCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        let similarity = OccupationSimilarity(catalog: catalog, model: model)
        let all = similarity.allNearest(k: 3)
        for index in catalog.jobs.indices {
            #expect(all[index] == similarity.nearest(to: index, k: 3))
            for ranked in all[index] { #expect(abs(ranked.score - similarity.score(index, ranked.index)) < 1e-15) }
        }
        let j1 = catalog.jobIndex("j1")!, j4 = catalog.jobIndex("j4")!
        #expect(all[j1].first.map { catalog.jobs[$0.index].id } != "j4")
        #expect(all[j4].first.map { catalog.jobs[$0.index].id } == "j5" || all[j4].first.map { catalog.jobs[$0.index].id } == "j6")
        let move = similarity.transition(from: j1, to: catalog.jobIndex("j2")!)
        // j2 needs mysql 0.8 (missing), sql 0.7 (j1 has 0.7: met), backend 0.5 (j1 has 0.6: met).
        #expect(move.shared.map(\.skill) == ["sql", "backend"])
        #expect(move.missing.map(\.skill) == ["mysql"])
        #expect(abs(move.transfer - 7.0 / 12) < 1e-12)
    }
}

@Suite("Related occupations from every descriptor, fused at the rank level")
struct RelatedOccupationsTests {
    /// The relatedness catalogue with titles, tasks, activities and interests for some jobs.
    func describedCatalog() throws -> Catalog {
        let base = try relatednessCatalog()
        let texts: [String: (String, [String], [String], InterestProfile?)] = [
            "j1": ("Database Administrator", ["Tune PostgreSQL databases.", "Back up databases."], ["D.db", "D.backup"],
                   InterestProfile(realistic: 2, investigative: 5, artistic: 2, social: 2, enterprising: 3, conventional: 6)),
            "j2": ("Database Developer", ["Write MySQL queries.", "Back up databases."], ["D.db", "D.query"],
                   InterestProfile(realistic: 2, investigative: 6, artistic: 2, social: 2, enterprising: 3, conventional: 5)),
            "j4": ("Forklift Operator", ["Move pallets with a forklift."], ["D.move"],
                   InterestProfile(realistic: 7, investigative: 1, artistic: 1, social: 2, enterprising: 2, conventional: 4)),
            "j5": ("Shipping Clerk", ["Move pallets to the dock.", "Check shipping papers."], ["D.move", "D.check"], nil),
        ]
        let jobs = base.jobs.map { job -> Job in
            var job = job
            if let (title, tasks, activities, interests) = texts[job.id] {
                job.title = title
                job.tasks = tasks
                job.activities = activities
                job.interests = interests
            }
            return job
        }
        return try Catalog(skills: base.skills, jobs: jobs, credentials: base.credentials, skillGroups: base.skillGroups)
    }

    @Test("the fused score is Σ 1/(60 + rank) over the views that rank a job, each view's ranks its own ordering")
    func fusedEqualsViews() throws {
        let catalog = try describedCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        let related = RelatedOccupations(catalog: catalog, model: model)
        // Every view has data for two jobs or more: none is dropped (technologies: none in this catalogue).
        #expect(related.views == [.skills, .embedding, .activities, .tasks, .titles, .interests, .jobZone])
        let n = catalog.jobs.count
        let all = related.allNearest(k: n - 1)
        for i in 0..<n {
            let list = related.nearest(to: i, k: n - 1)
            #expect(all[i] == list)
            #expect(list.count == n - 1 && !list.contains { $0.index == i })
            for neighbour in list {
                let expected = neighbour.ranks.reduce(0) { $0 + 1 / (60 + $1.rank) }
                #expect(abs((neighbour.fused ?? -1) - expected) < 1e-15)
            }
            // Ordered by fused score, ties by index.
            for (a, b) in zip(list, list.dropFirst()) {
                let (x, y) = (RankedIndex(index: a.index, score: a.fused ?? 0), RankedIndex(index: b.index, score: b.fused ?? 0))
                #expect(x.ranksBefore(y))
            }
            // A view's ranks are the positions of that view alone, with ties' mean.
            for view in related.views {
                let single = RelatedOccupations(catalog: catalog, model: model, views: [view]).nearest(to: i, k: n - 1)
                for neighbour in single {
                    // nil when the view has no data for job i or for this neighbour.
                    #expect(list.first { $0.index == neighbour.index }?.ranks.first { $0.view == view }?.rank == neighbour.ranks.first?.rank)
                }
            }
        }
    }

    @Test("views a job lacks abstain; job zone ties share their mean rank; related jobs make sense")
    func abstainingViews() throws {
        let catalog = try describedCatalog()
        let model = RelatednessTrainer.train(catalog, parameters: smallParameters())
        let related = RelatedOccupations(catalog: catalog, model: model)
        let j1 = try #require(catalog.jobIndex("j1")), j5 = try #require(catalog.jobIndex("j5"))
        let list = related.nearest(to: j1, k: 6)
        #expect(list.first.map { catalog.jobs[$0.index].id } == "j2")
        // j3 has no activities, tasks-less jobs keep their title: activities and interests abstain for j3.
        let j3 = try #require(list.first { catalog.jobs[$0.index].id == "j3" })
        #expect(!j3.ranks.contains { $0.view == .activities || $0.view == .interests })
        // j5 has no interests: from j5, the interests view ranks nobody.
        #expect(related.nearest(to: j5, k: 6).allSatisfy { !$0.ranks.contains { $0.view == .interests } })
        #expect(related.nearest(to: j5, k: 1).first.map { catalog.jobs[$0.index].id } == "j4")
        // j1 is zone 4; j2 is the only other zone-4 job (rank 1); j3 and j7 (zone 3) share ranks 2 and 3 → 2.5.
        #expect(list.first { catalog.jobs[$0.index].id == "j2" }?.ranks.first { $0.view == .jobZone }?.rank == 1)
        #expect(j3.ranks.first { $0.view == .jobZone }?.rank == 2.5)
    }
}
